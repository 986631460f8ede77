/**
 * The one enqueue interface in front of both deployments. Web processes accept and store an upload (or write a
 * background job's row: re-matching after a KB change, a CVE import), and hand its id to the queue; they never wait for a worker here (the API's `?wait=` polls the row instead,
 * see upload-status.ts; a background job's row has its progress). What runs the jobs differs:
 * - SQLite (embedded, `npm start`): `InProcessQueue` — the web process's own triage pool, one process as before;
 * - Postgres (team server): `PgBossQueue` — a pg-boss queue in the same database, worked by `oopscope worker` on any
 *   machine that sees the database and the upload store.
 */
import type { BackgroundJobKind } from "./background-jobs";

export type JobQueueKind = "in-process" | "pg-boss";

export type JobQueue = {
  readonly kind: JobQueueKind;
  /** Triage an accepted upload (its UploadJob row is written). Throws AppError busy when the queue is full. */
  enqueueTriage(uploadId: string): Promise<void>;
  /** Run a background job (re-matching, CVE import) whose BackgroundJob row is written. */
  enqueueJob(kind: BackgroundJobKind, jobId: string): Promise<void>;
  /** When this process runs the job itself: a promise that settles with it (waiting need not poll). */
  whenSettled?(uploadId: string): Promise<unknown> | undefined;
  close(): Promise<void>;
};
