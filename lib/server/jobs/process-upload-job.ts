/**
 * One triage job: an accepted upload (its UploadJob row and stored files) → its incident. The same function runs in
 * the web process on SQLite (in-process queue) and in `oopscope worker` on Postgres (pg-boss); only `triage` differs
 * (the web server's pool, or the worker's own). No `server-only`.
 *
 * Retries are safe: the incident row takes the upload's id and is written with the job row's removal in one
 * transaction (save-incident.ts), so an upload is never stored twice however often its job runs; files a killed
 * attempt left (extracted text) are rewritten under the same names, and the upload's own files go only after the
 * incident is written.
 *
 * A refusal (binary file, gzip bomb, empty upload, a budget exceeded — of every file, when there are several) fails
 * the upload at once with its reason: running it again would give the same answer. Anything else (database gone, a bug) is thrown for the queue to retry, unless
 * this was the last attempt.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../app-error";
import type { Db } from "../db";
import { uploadSpans } from "../debug-timing";
import type { TriagedUpload } from "../incidents/incident-record";
import type { UploadStore } from "../storage/upload-store";
import type { StoredInput } from "../triage-worker/triage-stored-input";
import type { UploadFailure } from "./upload-status";
import { saveTriagedUpload, type SavedUpload, type SaveTarget } from "./save-triaged-upload";

/**
 * `uploadId`: for the debug timing of the upload (debug-timing.ts). `save`: the incident to write; a triage that runs
 * elsewhere (the worker pool) may write it there and answer `{ saved }`, else the job writes what it answers.
 */
export type TriageStoredFiles = (files: StoredInput[], options?: { uploadId?: string; save?: SaveTarget }) => Promise<TriagedUpload | { saved: SavedUpload }>;

/** The parts of an upload as its job row lists them (`key`: an upload-store key any machine resolves). */
export type UploadJobFile = { name: string; key: string };

export type ProcessUploadJobOptions = {
  db: Db;
  store: UploadStore;
  triage: TriageStoredFiles;
  /** No retry follows: an unexpected error fails the upload instead of being thrown. */
  isFinalAttempt: boolean;
  /** Called after the incident is written when the upload asked for notifications (webhook). */
  notify?: (incidentId: string) => Promise<void>;
};

/** done: this run wrote the incident; already-done: an earlier run had; failed: refused; gone: deleted meanwhile. */
export type JobOutcome = "done" | "already-done" | "failed" | "gone";

/** Refusals the synchronous upload answered with a 4xx; null for errors worth a retry. */
function refusalOf(err: unknown): UploadFailure | null {
  if (err instanceof AppError && err.code !== "busy") return { code: err.code, message: err.message };
  // The engine's IngestError, by name (the worker bundle and the server have their own class identities).
  if (err instanceof Error && err.name === "IngestError") {
    const code = String((err as Error & { code?: string }).code ?? "");
    return { code: code === "too-large" || code === "gzip-bomb" ? "too-large" : "unprocessable", message: err.message };
  }
  return null;
}

async function failUpload(db: Db, store: UploadStore, id: string, failure: UploadFailure): Promise<void> {
  await store.removeIncident(id);
  await db.uploadJob.updateMany({
    where: { id },
    data: { status: "failed", errorCode: failure.code, error: failure.message.slice(0, 4000), finishedAt: new Date() },
  });
}

/** Text an interrupted attempt extracted (`<n>.extracted`): this attempt writes its own. */
async function removeEarlierExtracts(dirs: Set<string>): Promise<void> {
  for (const dir of dirs) {
    for (const name of await readdir(dir)) if (name.endsWith(".extracted")) await rm(path.join(dir, name), { force: true });
  }
}

export async function processUploadJob(id: string, { db, store, triage, isFinalAttempt, notify }: ProcessUploadJobOptions): Promise<JobOutcome> {
  const spans = uploadSpans(id);
  spans?.mark("until-job");
  const job = await db.uploadJob.findUnique({ where: { id } });
  if (!job) return (await db.incident.count({ where: { id } })) > 0 ? "already-done" : "gone";
  if (job.status === "failed") return "failed";
  const claimed = await db.uploadJob.updateMany({
    where: { id, status: { in: ["queued", "triaging"] } },
    data: { status: "triaging", attempts: { increment: 1 }, startedAt: new Date() },
  });
  if (claimed.count === 0) return (await db.incident.count({ where: { id } })) > 0 ? "already-done" : "gone";

  const parts = JSON.parse(job.files) as UploadJobFile[];
  const files: StoredInput[] = [];
  for (const part of parts) {
    const local = store.localPath(part.key);
    if (!local) {
      await failUpload(db, store, id, { code: "internal", message: `stored file ${part.key} is not in ${store.description}` });
      return "failed";
    }
    files.push({ name: part.name, path: local });
  }
  await store.fetchToLocal(parts.map((p) => p.key));
  if (job.attempts > 0) await removeEarlierExtracts(new Set(files.map((f) => path.dirname(f.path))));

  spans?.mark("claim");
  const target: SaveTarget = { id, uploaderId: job.uploaderId, uploadedBytes: job.uploadedBytes, contentSha256: job.contentSha256, repeatOfId: job.repeatOfId };
  let triaged: TriagedUpload | { saved: SavedUpload };
  try {
    triaged = await triage(files, { uploadId: id, save: target });
  } catch (err) {
    const refusal = refusalOf(err) ?? (isFinalAttempt ? { code: "internal" as const, message: `triage failed: ${err instanceof Error ? err.message : String(err)}` } : null);
    if (!refusal) {
      await db.uploadJob.updateMany({ where: { id, status: "triaging" }, data: { status: "queued" } });
      throw err;
    }
    await failUpload(db, store, id, refusal);
    return "failed";
  }
  spans?.mark("result");
  const saved = "saved" in triaged ? triaged.saved : await saveTriagedUpload(triaged, target, { db, store });
  spans?.mark("save");
  if ("refusal" in saved) {
    await failUpload(db, store, id, saved.refusal);
    return "failed";
  }
  if (saved.outcome === "already-written") return "already-done";
  if (saved.outcome === "upload-gone") {
    await store.removeIncident(id);
    return "gone";
  }
  await Promise.all(saved.unused.map((f) => rm(f, { force: true })));
  await store.persist(id);
  if (job.notify && notify) await notify(id);
  spans?.mark("after-save");
  return "done";
}
