/**
 * Upload → stored files → engine → persisted incident. All or nothing: when the upload is refused (size, bad
 * multipart) or the engine refuses an input (binary, gzip bomb), the stored files are removed and no row is written.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { utimes } from "node:fs/promises";
import type { Incident } from "@/lib/engine/types";
import { EMPTY_LOG_MESSAGE } from "@/lib/schemas/incident";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { trackUploadInFlight } from "@/lib/server/storage/sweep-orphans";
import { getUploadStore, type UploadStore } from "@/lib/server/storage/upload-store";
import { receiveUpload, type StoredUpload } from "@/lib/server/uploads/receive-upload";
import { findFileTimesByHash, findIncidentByContentHash, hashUploadContent } from "./content-hash";
import { triageStoredFiles } from "./triage-stored-files";
import { summarizeIncident } from "./summarize-incident";
import { isKnownIssue } from "@/lib/engine/match/match-strength";

/** `repeatOf`: the same bytes were uploaded before as that incident (its page offers it). */
export type CreatedIncident = { id: string; url: string; repeatOf?: { id: string; url: string; createdAt: Date } };

/** 128 random bits, base64url (22 characters): permalinks are unguessable. */
export function newIncidentId(): string {
  return randomBytes(16).toString("base64url");
}

function parseTime(iso: string | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `uploaderId`: the signed-in account uploading (it may delete the incident later). */
export async function createIncidentFromRequest(request: Request, uploaderId: string | null = null): Promise<CreatedIncident> {
  const id = newIncidentId();
  const store = getUploadStore();
  // Until the row exists, the orphan sweep must not take this upload's files for a killed server's leftovers.
  const done = trackUploadInFlight(id);
  const dir = await store.prepare(id);
  try {
    const uploads = await receiveUpload(request, dir);
    // The same bytes again are recognised: the new incident offers the earlier one, and its lines are not counted
    // as new sightings of their signatures.
    const contentHash = await hashUploadContent(uploads.map((f) => f.path));
    const before = await findIncidentByContentHash(contentHash.combined);
    // A repeat takes the earlier upload's file times: the same line gets the same year in both incidents.
    if (before) await copyFileTimes(uploads, contentHash.each, await findFileTimesByHash(before.id));
    else await keepClientMtimes(uploads, request.headers.get("x-last-modified"));
    const { incident, files } = await triageStoredFiles(uploads);
    const refused = [
      ...(incident.sources ?? []).flatMap((s) => (s.error ? [s.error] : [])),
      ...incident.inputs.flatMap((i) => (i.error ? [`${i.name}: ${i.error}`] : [])),
    ];
    if (refused.length > 0) throw new AppError("unprocessable", refused.join("; "));
    if (incident.inputs.length === 0) throw new AppError("unprocessable", "Nothing to read: no log, journal or dump was found in the upload.");
    if (incident.inputs.every((i) => i.lines === 0)) throw new AppError("bad-request", EMPTY_LOG_MESSAGE);
    await saveIncident({
      store,
      id,
      uploaderId,
      incident,
      files,
      uploadedBytes: uploads.reduce((n, u) => n + u.bytes, 0),
      contentSha256: contentHash.combined,
      repeatOfId: before?.id ?? null,
    });
    return { id, url: `/incidents/${id}`, ...(before ? { repeatOf: { id: before.id, url: `/incidents/${before.id}`, createdAt: before.createdAt } } : {}) };
  } catch (err) {
    await store.removeIncident(id);
    throw err;
  } finally {
    done();
  }
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

type SaveIncidentOptions = {
  store: UploadStore;
  id: string;
  uploaderId: string | null;
  incident: Incident & { kbGeneration?: number };
  files: { index: number; name: string; path: string; bytes: number }[];
  /** What was uploaded (an archive's compressed size, not its extracted text). */
  uploadedBytes: number;
  contentSha256: string;
  repeatOfId: string | null;
};

async function saveIncident({ store, id, uploaderId, incident, files, uploadedBytes, contentSha256, repeatOfId }: SaveIncidentOptions): Promise<void> {
  const summary = summarizeIncident(incident);
  await getDb().incident.create({
    data: {
      id,
      title: summary.title,
      hosts: summary.hosts.join(" "),
      kernels: summary.kernels.join(" "),
      kbIds: summary.kbIds.join(" "),
      findingCount: incident.findings.length,
      totalBytes: uploadedBytes,
      result: JSON.stringify(incident),
      kbGeneration: incident.kbGeneration ?? 0,
      uploaderId,
      contentSha256,
      repeatOfId,
      files: {
        create: files.map((f) => {
          const input = incident.inputs[f.index];
          return {
            index: f.index,
            name: f.name,
            bytes: f.bytes,
            lines: input?.lines ?? 0,
            compressed: input?.compressed ?? false,
            storagePath: store.keyOf(f.path),
          };
        }),
      },
      findings: {
        create: incident.findings.map((f) => ({
          findingId: f.id,
          signature: f.signature,
          title: f.title,
          kind: f.kind,
          host: f.host ?? null,
          time: parseTime(f.time),
          kernelRelease: f.kernelRelease ?? null,
          topKbId: f.matches.find(isKnownIssue)?.kbId ?? null,
        })),
      },
    },
  });
}
