/**
 * Where an accepted upload stands. The job row exists while it is queued, being triaged or failed; it goes in the
 * transaction that writes the incident, so "no job row, an incident row" is done and "neither" is unknown (never
 * uploaded, or deleted). The job row is read first: read the other way round, an upload finishing in between would
 * look unknown. No `server-only`: `oopscope worker` and the CLI read it too.
 */
import type { AppErrorCode } from "../app-error";
import type { Db } from "../db";

export type UploadState = "queued" | "triaging" | "done" | "failed";
export const UPLOAD_STATES: readonly UploadState[] = ["queued", "triaging", "done", "failed"];

/** A failed upload's reason: an AppError code (the status the synchronous answer had), or `internal`. */
export type UploadFailure = { code: AppErrorCode | "internal"; message: string };

export type UploadStatus = {
  id: string;
  state: UploadState;
  /** Triage runs started so far (more than one: a worker died and the job was retried). */
  attempts: number;
  queuedAt: Date | null;
  startedAt: Date | null;
  failure?: UploadFailure;
};

export function isSettled(state: UploadState): boolean {
  return state === "done" || state === "failed";
}

export async function findUploadStatus(db: Db, id: string): Promise<UploadStatus | undefined> {
  const job = await db.uploadJob.findUnique({
    where: { id },
    select: { status: true, attempts: true, createdAt: true, startedAt: true, errorCode: true, error: true },
  });
  if (job) {
    const state = UPLOAD_STATES.includes(job.status as UploadState) ? (job.status as UploadState) : "queued";
    return {
      id,
      state,
      attempts: job.attempts,
      queuedAt: job.createdAt,
      startedAt: job.startedAt,
      ...(state === "failed" ? { failure: { code: (job.errorCode ?? "internal") as UploadFailure["code"], message: job.error ?? "triage failed" } } : {}),
    };
  }
  const incident = await db.incident.findUnique({ where: { id }, select: { createdAt: true } });
  return incident ? { id, state: "done", attempts: 1, queuedAt: incident.createdAt, startedAt: null } : undefined;
}

/** How long an upload's answer waits for its triage when the client does not say (`?wait=`): OOPSCOPE_UPLOAD_WAIT_S, 60. */
export function defaultUploadWaitMs(env: Record<string, string | undefined> = process.env): number {
  const s = Number(env.OOPSCOPE_UPLOAD_WAIT_S);
  return (env.OOPSCOPE_UPLOAD_WAIT_S !== undefined && Number.isFinite(s) && s >= 0 ? Math.min(s, 600) : 60) * 1000;
}

export type WaitForUploadOptions = { waitMs: number; signal?: AbortSignal; pollMs?: number };

/**
 * Polls the database until the upload is done or failed, or `waitMs` passed (then its current state). Polling, not a
 * notification channel: the worker that finishes may be on another machine, and SQLite has no LISTEN.
 */
export async function waitForUpload(db: Db, id: string, { waitMs, signal, pollMs = 250 }: WaitForUploadOptions): Promise<UploadStatus | undefined> {
  const deadline = Date.now() + waitMs;
  let delay = Math.min(pollMs, 100);
  for (;;) {
    const status = await findUploadStatus(db, id);
    if (!status || isSettled(status.state) || Date.now() >= deadline || signal?.aborted) return status;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
    delay = Math.min(delay * 2, pollMs * 4);
  }
}
