/**
 * Upload → stored files → a queued triage job → (later, possibly on another machine) the incident. The web process
 * accepts, stores and enqueues (lib/server/jobs/); the incident gets the upload's id, so the permalink exists from the
 * start and shows "queued / triaging" until the job is done. A refused upload (size, bad multipart) leaves nothing;
 * one the engine refuses (binary, gzip bomb, empty) ends as a failed upload with the reason, its files removed.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { utimes } from "node:fs/promises";
import { getDb } from "@/lib/server/db";
import { endUploadSpans, uploadSpans } from "@/lib/server/debug-timing";
import { AppError } from "@/lib/server/http";
import { getJobQueue, notifyNewIncident } from "@/lib/server/jobs/get-job-queue";
import { processUploadJob, type UploadJobFile } from "@/lib/server/jobs/process-upload-job";
import { findUploadStatus, waitForUpload, type UploadState, type UploadStatus } from "@/lib/server/jobs/upload-status";
import { trackUploadInFlight } from "@/lib/server/storage/sweep-orphans";
import { getUploadStore } from "@/lib/server/storage/upload-store";
import { receiveUpload, type StoredUpload } from "@/lib/server/uploads/receive-upload";
import { combineContentHashes, findFileTimesByHash, findIncidentByContentHash, rememberStoredHashes } from "./content-hash";
import { findRefusedInputs, type RefusedInput } from "./find-refused-inputs";
import { triageStoredFiles } from "./triage-stored-files";

/**
 * `repeatOf`: the same bytes were uploaded before as that incident (its page offers it). `refused`: files or sources
 * of a triaged upload that could not be read (the rest was triaged), with the reason.
 */
export type CreatedIncident = {
  id: string;
  url: string;
  status: UploadState;
  repeatOf?: { id: string; url: string; createdAt: Date };
  refused?: RefusedInput[];
};

export type CreateIncidentOptions = {
  /** The signed-in account uploading (it may delete the incident later). */
  uploaderId?: string | null;
  /** How long to wait for the triage before answering with the upload's state instead (0: answer once queued). */
  waitMs?: number;
  /** Triage in this process now, not through the queue (fleet capture updates the incident right after). */
  inline?: boolean;
  /** Call the webhook when the incident is written (default; capture announces its own incidents). */
  notify?: boolean;
};

/** 128 random bits, base64url (22 characters): permalinks are unguessable. */
export function newIncidentId(): string {
  return randomBytes(16).toString("base64url");
}

/** A failed upload's reason as the error the synchronous upload threw (an `internal` failure is a 500). */
export function uploadFailureError(status: UploadStatus): Error {
  const failure = status.failure ?? { code: "internal", message: "triage failed" };
  return failure.code === "internal" ? new Error(failure.message) : new AppError(failure.code, failure.message);
}

export async function createIncidentFromRequest(request: Request, { uploaderId = null, waitMs = 0, inline = false, notify = true }: CreateIncidentOptions = {}): Promise<CreatedIncident> {
  const id = newIncidentId();
  const db = getDb();
  const store = getUploadStore();
  // Until the job row exists, the orphan sweep must not take this upload's files for a killed server's leftovers.
  const done = trackUploadInFlight(id);
  const spans = uploadSpans(id);
  const dir = await store.prepare(id);
  let before: Awaited<ReturnType<typeof findIncidentByContentHash>>;
  try {
    const uploads = await receiveUpload(request, dir);
    spans?.mark("receive");
    // The same bytes again are recognised: the new incident offers the earlier one, and its lines are not counted
    // as new sightings of their signatures.
    const contentHash = combineContentHashes(uploads.map((f) => f.sha256));
    before = await findIncidentByContentHash(contentHash.combined);
    spans?.mark("repeat-lookup");
    // A repeat takes the earlier upload's file times: the same line gets the same year in both incidents.
    if (before) await copyFileTimes(uploads, contentHash.each, await findFileTimesByHash(before.id));
    else await keepClientMtimes(uploads, request.headers.get("x-last-modified"));
    await rememberStoredHashes(uploads);
    spans?.mark(before ? "repeat-times" : "file-times");
    const files: UploadJobFile[] = uploads.map((u) => ({ name: u.name, key: store.keyOf(u.path) }));
    // Before the job exists: a worker on another machine must find the files.
    await store.persist(id);
    await db.uploadJob.create({
      data: {
        id,
        files: JSON.stringify(files),
        uploadedBytes: uploads.reduce((n, u) => n + u.bytes, 0),
        contentSha256: contentHash.combined,
        repeatOfId: before?.id ?? null,
        uploaderId,
        notify,
      },
    });
    spans?.mark("job-row");
    if (inline) await processUploadJob(id, { db, store, triage: triageStoredFiles, isFinalAttempt: true, notify: notifyNewIncident });
    else await (await getJobQueue()).enqueueTriage(id);
  } catch (err) {
    await store.removeIncident(id);
    await db.uploadJob.deleteMany({ where: { id, status: { not: "failed" } } });
    endUploadSpans(id);
    throw err;
  } finally {
    done();
  }
  const status = await settledStatus(id, waitMs);
  spans?.mark("answer");
  endUploadSpans(id);
  if (!status) throw new AppError("not-found", "The upload was deleted while it was being triaged.");
  if (status.state === "failed") throw uploadFailureError(status);
  const url = `/incidents/${id}`;
  const refused = status.state === "done" ? await findRefusedInputs(db, id) : [];
  return {
    id,
    url,
    status: status.state,
    ...(before ? { repeatOf: { id: before.id, url: `/incidents/${before.id}`, createdAt: before.createdAt } } : {}),
    ...(refused.length > 0 ? { refused } : {}),
  };
}

/** The upload's state once settled or after `waitMs`: awaits the job when this process runs it, else polls. */
async function settledStatus(id: string, waitMs: number): Promise<UploadStatus | undefined> {
  const db = getDb();
  if (waitMs <= 0) return findUploadStatus(db, id);
  const running = (await getJobQueue()).whenSettled?.(id);
  if (running) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    return findUploadStatus(db, id);
  }
  return waitForUpload(db, id, { waitMs });
}

/**
 * The browser's `lastModified` of each file (`X-Last-Modified: ms,ms,…` in part order) becomes the stored file's
 * mtime: the engine takes the year of year-less syslog dates from it, and the upload time would make the same
 * line 2024 on the node and 2026 here. A missing or bad value keeps the upload time.
 */
async function keepClientMtimes(files: StoredUpload[], header: string | null): Promise<void> {
  if (!header) return;
  const times = header.split(",").map((v) => Number(v.trim()));
  await Promise.all(
    files.map((f) => {
      const ms = times[f.part];
      return Number.isFinite(ms) && ms > 0 ? utimes(f.path, new Date(ms), new Date(ms)) : undefined;
    }),
  );
}

async function copyFileTimes(files: StoredUpload[], hashes: string[], times: Map<string, Date>): Promise<void> {
  await Promise.all(
    files.map((f, i) => {
      const t = times.get(hashes[i]);
      return t ? utimes(f.path, t, t) : undefined;
    }),
  );
}
