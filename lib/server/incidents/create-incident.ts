/**
 * Upload → stored files → engine → persisted incident. All or nothing: when the upload is refused (size, bad
 * multipart) or the engine refuses an input (binary, gzip bomb), the stored files are removed and no row is written.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Incident } from "@/lib/engine/types";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { trackUploadInFlight } from "@/lib/server/storage/sweep-orphans";
import { getUploadStore, type UploadStore } from "@/lib/server/storage/upload-store";
import { receiveUpload } from "@/lib/server/uploads/receive-upload";
import { triageStoredFiles } from "./triage-stored-files";
import { summarizeIncident } from "./summarize-incident";

export type CreatedIncident = { id: string; url: string };

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
    const { incident, files } = await triageStoredFiles(uploads, dir);
    const refused = [...(incident.sources ?? []).filter((s) => s.error).map((s) => s.error!), ...incident.inputs.filter((i) => i.error).map((i) => `${i.name}: ${i.error}`)];
    if (refused.length > 0) throw new AppError("unprocessable", refused.join("; "));
    if (incident.inputs.length === 0) throw new AppError("unprocessable", "Nothing to read: no log, journal or dump was found in the upload.");
    await saveIncident(store, id, uploaderId, incident, files, uploads.reduce((n, u) => n + u.bytes, 0));
    return { id, url: `/incidents/${id}` };
  } catch (err) {
    await store.removeIncident(id);
    throw err;
  } finally {
    done();
  }
}

async function saveIncident(
  store: UploadStore,
  id: string,
  uploaderId: string | null,
  incident: Incident & { kbGeneration?: number },
  files: { index: number; name: string; path: string; bytes: number }[],
  uploadedBytes: number,
): Promise<void> {
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
          topKbId: f.matches.find((m) => !m.related)?.kbId ?? null,
        })),
      },
    },
  });
}
