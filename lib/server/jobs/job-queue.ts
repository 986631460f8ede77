/**
 * The one enqueue interface in front of both deployments. Web processes accept and store an upload, write its job
 * row, and hand its id to the queue; they never wait for a worker here (the API's `?wait=` polls the row instead,
 * see upload-status.ts). What runs the job differs:
 * - SQLite (embedded, `npm start`): `InProcessQueue` — the web process's own triage pool, one process as before;
 * - Postgres (team server): `PgBossQueue` — a pg-boss queue in the same database, worked by `oopscope worker` on any
 *   machine that sees the database and the upload store.
 */
export type JobQueueKind = "in-process" | "pg-boss";

export type JobQueue = {
  readonly kind: JobQueueKind;
  /** Triage an accepted upload (its UploadJob row is written). Throws AppError busy when the queue is full. */
  enqueueTriage(uploadId: string): Promise<void>;
  /** When this process runs the job itself: a promise that settles with it (waiting need not poll). */
  whenSettled?(uploadId: string): Promise<unknown> | undefined;
  close(): Promise<void>;
};
