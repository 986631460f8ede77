/**
 * What the routes and pages call for background jobs: start a CVE import from an upload, read a job's state, and the
 * latest re-matching or import for the KB and admin pages. The web process only stores, writes the row and enqueues;
 * the job runs wherever the queue runs it (this process on SQLite, a worker on Postgres).
 */
import "server-only";
import { actsAs, type Actor } from "@/lib/server/auth/roles";
import { authorName } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { createCveImportJob, reserveCveImport } from "@/lib/server/kb/cve-import-job";
import { getUploadStore } from "@/lib/server/storage/upload-store";
import { receiveUpload } from "@/lib/server/uploads/receive-upload";
import { backgroundJobBody, findBackgroundJob, latestBackgroundJob, type BackgroundJobKind, type BackgroundJobStatus } from "./background-jobs";
import { getJobQueue } from "./get-job-queue";

/** The role that may see a job of each kind (re-matching is the KB's, which everyone may read). */
const LEAST_ROLE_TO_READ: Record<BackgroundJobKind, "admin" | null> = { rematch: null, "cve-import": "admin" };

function mayRead(actor: Actor, kind: BackgroundJobKind): boolean {
  const least = LEAST_ROLE_TO_READ[kind];
  return least === null || actsAs(actor, least);
}

/** `GET /api/jobs/:id`: a job another role may not see is answered as unknown. */
export async function getBackgroundJobFor(id: string, actor: Actor) {
  const job = await findBackgroundJob(getDb(), id);
  if (!job || !mayRead(actor, job.kind)) throw new AppError("not-found", "No job with this id.");
  return backgroundJobBody(job);
}

/** The CVE import's job in the shape the admin page and `/api/admin/cve-import` have always given, plus the job's. */
export function cveImportBody(job: BackgroundJobStatus) {
  const input = (job.input ?? {}) as { fileName?: string; bytes?: number };
  const running = job.state === "running" ? (job.phase ?? "reading") : job.state;
  return {
    ...backgroundJobBody(job),
    state: running,
    fileName: input.fileName ?? "",
    bytes: input.bytes ?? 0,
    startedBy: job.requestedBy ?? "",
  };
}
export type CveImportBody = ReturnType<typeof cveImportBody>;

/** The latest CVE import (queued, running or ended), or null. */
export async function currentCveImport(): Promise<CveImportBody | null> {
  const job = await latestBackgroundJob(getDb(), "cve-import");
  return job ? cveImportBody(job) : null;
}

/** `POST /api/admin/cve-import`: the tarball is stored under a new job's id, and the job is queued. */
export async function startCveImportFromRequest(request: Request, actor: Actor): Promise<CveImportBody> {
  const db = getDb();
  const store = getUploadStore();
  const { jobId, dir } = await reserveCveImport(db, store);
  let files;
  try {
    files = await receiveUpload(request, dir);
  } catch (err) {
    await store.removeIncident(jobId);
    throw err;
  }
  const [file, ...rest] = files;
  if (!file || rest.length > 0) {
    await store.removeIncident(jobId);
    throw new AppError("bad-request", "Send exactly one file: the CVE records tarball.");
  }
  await createCveImportJob(db, store, jobId, file, authorName(actor));
  await (await getJobQueue()).enqueueJob("cve-import", jobId);
  const job = await findBackgroundJob(db, jobId);
  if (!job) throw new AppError("not-found", "The import was withdrawn meanwhile.");
  return cveImportBody(job);
}

/** The latest re-matching, for the KB pages ("re-matching 37 incidents… done"). */
export async function latestRematch() {
  const job = await latestBackgroundJob(getDb(), "rematch");
  return job ? backgroundJobBody(job) : null;
}
