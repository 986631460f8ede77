/**
 * Triage off the request path: uploads are triaged by a pool of child processes (tinypool's child_process runtime)
 * with a concurrency limit and a bounded queue, so the web server keeps answering page loads while logs are scanned.
 * Processes rather than worker threads: a worker thread shares the server's V8 platform threads (its garbage
 * collection runs there, at the server's priority), its libuv thread pool and its heap limit; a child process
 * lowers its whole self (worker-entry.ts) and its heap budget is its own `--max-old-space-size`.
 *
 * Each upload has budgets: a time budget counted from when its process starts the task (time in the queue or
 * starting a process is not its work) and a V8 heap budget. Past either, the process is ended and the upload ends
 * with a message saying which budget it exceeded; a full queue answers "busy" at once instead of piling up work.
 *
 * The processes run the bundled dist/node/triage-worker.mjs (built by `npm install`, `npm run build` and, when
 * stale, by bin/oopscope, which `npm start` runs before serving).
 */
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { AppError } from "../app-error";
import type { TriagedUpload } from "../incidents/incident-record";
import type { SaveTarget } from "../jobs/save-triaged-upload";
import type { StoredInput } from "./triage-stored-input";
import { TRIAGE_STARTED, type PooledTriage, type TriageTask } from "./triage-task";

export type TriageBudget = {
  /** Uploads triaged at once (worker processes). */
  threads: number;
  /** Uploads waiting for a process; one more is refused as busy. */
  queue: number;
  /** Work time per upload, from when a process starts it. */
  timeMs: number;
  /** V8 heap (old generation) per process. */
  memoryMb: number;
};

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Budgets from the environment: OOPSCOPE_TRIAGE_THREADS (default: CPUs − 1, at least 1, so one CPU stays with the
 * server), OOPSCOPE_TRIAGE_QUEUE (64), OOPSCOPE_TRIAGE_TIME_BUDGET_S (120), OOPSCOPE_TRIAGE_MEMORY_MB (1024).
 */
export function triageBudgetFromEnv(env: Record<string, string | undefined> = process.env): TriageBudget {
  return {
    threads: Math.floor(positive(env.OOPSCOPE_TRIAGE_THREADS, Math.max(1, availableParallelism() - 1))),
    queue: Math.floor(positive(env.OOPSCOPE_TRIAGE_QUEUE, 64)),
    timeMs: positive(env.OOPSCOPE_TRIAGE_TIME_BUDGET_S, 120) * 1000,
    memoryMb: positive(env.OOPSCOPE_TRIAGE_MEMORY_MB, 1024),
  };
}

/** An upload handed to tinypool: `fail` ends it before its process has started it (a process that died starting). */
type Admitted = { isStarted: () => boolean; fail: (err: Error) => void };

export class TriagePool {
  private readonly pool: Tinypool;
  /** Uploads holding one of the `threads` slots: each has a process, or one is starting for it. */
  private running = 0;
  private readonly admitted = new Set<Admitted>();
  /** Uploads waiting for a slot; a finishing upload hands its slot to the first. */
  private readonly waiting: Array<() => void> = [];

  constructor(
    workerFile: string,
    private readonly budget: TriageBudget,
  ) {
    this.pool = new Tinypool({
      filename: workerFile,
      runtime: "child_process",
      // One process stays warm (~100 MB): starting one, with its Prisma client and KB index, costs 0.5–0.9 s, most
      // of the "upload → permalink in 1 s" budget. The others end after a quiet minute and give their memory back.
      minThreads: 1,
      maxThreads: budget.threads,
      idleTimeout: 60_000,
      execArgv: [`--max-old-space-size=${budget.memoryMb}`],
      // The answer carries the incident's JSON (~1 MB for a busy node): as a JSON message it was escaped into one
      // more JSON text and parsed back on the server's thread; the structured clone copies the string.
      serialization: "advanced",
      // tinypool's child processes get only the variables passed here (DATABASE_URL, the data directory…).
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    });
    // tinypool reports a process that died with no task on it (out of memory while starting) here, and leaves the
    // tasks waiting for that process waiting.
    this.pool.on("error", (err: Error) => {
      for (const task of this.admitted) if (!task.isStarted()) task.fail(err);
    });
  }

  /**
   * Triages stored files in a worker process; throws AppError (busy, or unprocessable with the budget exceeded).
   * `onStarted` is called when the process starts the task (after the queue and the process's start); with `save`
   * the process writes the incident itself and answers `{ saved }`.
   */
  run(files: StoredInput[], options?: { onStarted?: () => void }): Promise<PooledTriage<TriagedUpload>>;
  run(files: StoredInput[], options: { onStarted?: () => void; save?: SaveTarget }): Promise<PooledTriage>;
  async run(files: StoredInput[], { onStarted, save }: { onStarted?: () => void; save?: SaveTarget } = {}): Promise<PooledTriage> {
    if (this.running < this.budget.threads) this.running++;
    else if (this.waiting.length < this.budget.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new AppError("busy", `the server is triaging ${this.budget.threads + this.budget.queue} uploads already; try again in a minute`);
    const controller = new AbortController();
    let startedAt = 0;
    let failure: Error | undefined;
    const task: Admitted = {
      isStarted: () => startedAt > 0,
      fail: (err) => {
        failure = err;
        controller.abort();
      },
    };
    this.admitted.add(task);
    let watch: NodeJS.Timeout | undefined;
    try {
      const run = this.pool.run({ files, ...(save ? { save } : {}) } satisfies TriageTask, {
        signal: controller.signal,
        // The process says when it starts the task: the time budget counts from there.
        channel: {
          postMessage: (message: unknown) => {
            if (message !== TRIAGE_STARTED || startedAt > 0) return;
            startedAt = performance.now();
            onStarted?.();
            watch = setTimeout(() => controller.abort(), this.budget.timeMs);
          },
        },
      });
      return (await run) as PooledTriage;
    } catch (thrown) {
      throw this.explain(failure ?? thrown, controller.signal.aborted && !failure);
    } finally {
      clearTimeout(watch);
      this.admitted.delete(task);
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private explain(err: unknown, isPastTime: boolean): unknown {
    if (isPastTime) {
      const budgetS = Math.round(this.budget.timeMs / 1000);
      return new AppError("unprocessable", `triage stopped: the upload needed more than ${budgetS || this.budget.timeMs / 1000} s of work (the per-upload time budget)`);
    }
    const message = err instanceof Error ? err.message : String(err);
    // A process ends on its own only when V8 stops it at its heap limit (the time budget is enforced here).
    if (/exited unexpectedly|out of memory|heap limit/i.test(message))
      return new AppError("unprocessable", `triage stopped: the upload needed more than ${this.budget.memoryMb} MB of memory (the per-upload memory budget)`);
    return err;
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
