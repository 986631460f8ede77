/**
 * Triage off the request path: uploads are triaged by a pool of worker threads (tinypool) with a concurrency limit
 * and a bounded queue, so the server's own thread keeps answering page loads while logs are scanned. Each upload has
 * budgets: a time budget counted from when its worker starts it (time in the queue is not its work) and a heap
 * budget (the worker's V8 resource limits). Past either, the worker is terminated and the upload ends with a message
 * saying which budget it exceeded; a full queue answers "busy" at once instead of piling up work.
 *
 * Workers run the bundled dist/node/triage-worker.mjs (worker threads cannot load TypeScript): built by
 * `npm install`, `npm run build` and, when stale, by bin/oopscope, which `npm start` runs before serving.
 */
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { AppError } from "../app-error";
import type { StoredInput, StoredTriage } from "./triage-stored-input";
import type { TriageTask } from "./worker-entry";

export type TriageBudget = {
  /** Uploads triaged at once (worker threads). */
  threads: number;
  /** Uploads waiting for a thread; one more is refused as busy. */
  queue: number;
  /** Work time per upload, from when a worker starts it. */
  timeMs: number;
  /** V8 heap (old generation) per worker. */
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

export class TriagePool {
  private readonly pool: Tinypool;
  /** Tasks not yet started: a worker that dies before taking one (out of memory while starting) fails them. */
  private readonly waiting = new Set<(err: Error) => void>();

  constructor(
    workerFile: string,
    private readonly budget: TriageBudget,
  ) {
    this.pool = new Tinypool({
      filename: workerFile,
      minThreads: 0,
      maxThreads: budget.threads,
      maxQueue: budget.queue,
      // Warm workers keep their Prisma client and KB index; an idle server gives the memory back.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
    });
    // tinypool reports a worker death with no task on it here, and leaves the queue waiting for that worker.
    this.pool.on("error", (err: Error) => {
      for (const fail of this.waiting) fail(err);
    });
  }

  /** Triages stored files in a worker; throws AppError (busy, or unprocessable with the budget exceeded). */
  async run(files: StoredInput[]): Promise<StoredTriage> {
    const started = new SharedArrayBuffer(8);
    const controller = new AbortController();
    const budgetS = Math.round(this.budget.timeMs / 1000);
    // The worker writes its start time; a task still running past the budget is aborted (tinypool terminates its
    // worker: a CPU-bound scan cannot be interrupted any other way).
    const watch = setInterval(
      () => {
        const at = new Float64Array(started)[0];
        if (at > 0 && performance.timeOrigin + performance.now() - at > this.budget.timeMs) controller.abort();
      },
      Math.min(250, Math.max(1, this.budget.timeMs / 4)),
    );
    let failure: Error | undefined;
    const fail = (err: Error) => {
      if (new Float64Array(started)[0] > 0) return;
      failure = err;
      controller.abort();
    };
    this.waiting.add(fail);
    try {
      const task: TriageTask = { files, started };
      return (await this.pool.run(task, { signal: controller.signal })) as StoredTriage;
    } catch (thrown) {
      const err = failure ?? thrown;
      if (controller.signal.aborted && !failure)
        throw new AppError("unprocessable", `triage stopped: the upload needed more than ${budgetS || this.budget.timeMs / 1000} s of work (the per-upload time budget)`);
      const message = err instanceof Error ? err.message : String(err);
      const code = (err as { code?: string }).code;
      if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|memory limit/i.test(message))
        throw new AppError("unprocessable", `triage stopped: the upload needed more than ${this.budget.memoryMb} MB of memory (the per-upload memory budget)`);
      if (/Task queue is at limit|No task queue available/.test(message))
        throw new AppError("busy", `the server is triaging ${this.budget.threads + this.budget.queue} uploads already; try again in a minute`);
      throw err;
    } finally {
      clearInterval(watch);
      this.waiting.delete(fail);
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
