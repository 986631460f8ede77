/**
 * Runs one BackgroundJob: claim its row, call its kind's job function with the stored input, record the outcome. The
 * same function runs in the web process on SQLite (in-process queue) and in `oopscope worker` on Postgres (pg-boss),
 * so both queues run the same code. No `server-only`.
 *
 * Done once: the claim is a compare-and-set on (status, attempts), and a run takes over a row another run holds
 * (`running`) only when it is the retry of a run presumed dead (`reclaimRunning`: pg-boss redelivered the job after
 * its expiry, or a restarted server resumes what it left) — a duplicate delivery of a job finds it taken and does
 * nothing. The outcome is written only by the run holding the latest attempt, so an attempt presumed dead that comes
 * back cannot overwrite its retry's outcome. A job function is idempotent (re-matching computes the
 * same rows; the CVE import leaves an unchanged record alone), so a retry after a worker died mid-job redoes at most
 * the work that attempt had not committed.
 *
 * A job function that throws is left for the queue's retry (the row goes back to queued), unless this was the last
 * attempt: then the job fails with the error's message. `JobRefusal` fails it at once (retrying gives the same answer).
 */
import type { Db } from "../db";
import type { UploadStore } from "../storage/upload-store";
import { isBackgroundJobKind, type BackgroundJobInput, type BackgroundJobKind } from "./background-jobs";

/** A job that cannot succeed however often it runs (its input is unreadable, its file is gone): failed, no retry. */
export class JobRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobRefusal";
  }
}

export type JobContext = {
  /** The job's id (a CVE import's tarball is stored under it). */
  id: string;
  db: Db;
  store: UploadStore;
  /** The CLI (`bin/oopscope`) a job may run as a child process (the CVE import). */
  cliPath: string;
  /** Records what the job does now and how far it is (written at most every `PROGRESS_WRITE_MS`, and on a new phase). */
  progress(phase: string, done: number, total: number): Promise<void>;
};

export type JobFunction<K extends BackgroundJobKind> = (input: BackgroundJobInput[K], ctx: JobContext) => Promise<unknown>;
export type JobFunctions = { [K in BackgroundJobKind]: JobFunction<K> };

export type RunBackgroundJobOptions = {
  db: Db;
  store: UploadStore;
  cliPath: string;
  jobs: JobFunctions;
  /** No retry follows: an error fails the job instead of being thrown. */
  isFinalAttempt: boolean;
  /** This run retries one presumed dead: it may take over a `running` row. */
  reclaimRunning?: boolean;
};

/** done: this run finished it; already-done: it had ended, or another run holds it; failed; gone: no such row. */
export type BackgroundJobOutcome = "done" | "already-done" | "failed" | "gone";

const PROGRESS_WRITE_MS = 500;

export async function runBackgroundJob(id: string, { db, store, cliPath, jobs, isFinalAttempt, reclaimRunning = false }: RunBackgroundJobOptions): Promise<BackgroundJobOutcome> {
  const row = await db.backgroundJob.findUnique({ where: { id } });
  if (!row) return "gone";
  if (row.status === "done") return "already-done";
  if (row.status === "failed") return "failed";
  if (row.status === "running" && !reclaimRunning) return "already-done";
  const attempt = row.attempts + 1;
  const claimed = await db.backgroundJob.updateMany({
    where: { id, status: row.status, attempts: row.attempts },
    // An earlier attempt's error (kept while the job waited for its retry) is not this attempt's.
    data: { status: "running", attempts: attempt, startedAt: new Date(), phase: null, done: 0, total: 0, error: null },
  });
  if (claimed.count === 0) return "already-done";
  const mine = { id, status: "running", attempts: attempt };

  const finish = async (data: { status: "done" | "failed" | "queued"; result?: string; error?: string }) =>
    db.backgroundJob.updateMany({ where: mine, data: { ...data, ...(data.status === "queued" ? {} : { finishedAt: new Date() }) } });
  if (!isBackgroundJobKind(row.kind)) {
    await finish({ status: "failed", error: `unknown job kind ${JSON.stringify(row.kind)}` });
    return "failed";
  }
  let lastWrite = 0;
  let lastPhase: string | null = null;
  const ctx: JobContext = {
    id,
    db,
    store,
    cliPath,
    progress: async (phase, done, total) => {
      const now = Date.now();
      if (phase === lastPhase && now - lastWrite < PROGRESS_WRITE_MS && done < total) return;
      lastWrite = now;
      lastPhase = phase;
      await db.backgroundJob.updateMany({ where: mine, data: { phase, done, total } });
    },
  };
  let input: never;
  try {
    input = JSON.parse(row.input) as never;
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    await finish({ status: "failed", error: `the job's stored input is not JSON: ${err.message}` });
    return "failed";
  }
  let result: unknown;
  try {
    result = await (jobs[row.kind] as JobFunction<BackgroundJobKind>)(input, ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof JobRefusal || isFinalAttempt) {
      await finish({ status: "failed", error: message.slice(0, 4000) });
      return "failed";
    }
    await finish({ status: "queued", error: message.slice(0, 4000) });
    throw err;
  }
  const written = await finish({ status: "done", result: JSON.stringify(result ?? null) });
  return written.count === 1 ? "done" : "already-done";
}
