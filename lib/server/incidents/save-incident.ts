/**
 * Writes a triaged upload as its incident row (+ files and finding rows) and removes the upload's job row in the same
 * transaction: the incident's id is the upload's, so a second attempt at the same upload (a retried job whose first
 * worker got further than it seemed) hits the primary key and writes nothing ("already-written"); an upload deleted
 * while it was triaged has no job row left, and the transaction writes nothing either ("upload-gone").
 * No `server-only`: `oopscope worker` runs it.
 */
import type { Db } from "../db";
import type { UploadStore } from "../storage/upload-store";
import type { IncidentRecord } from "./incident-record";

export type SaveIncidentOptions = {
  db: Db;
  store: UploadStore;
  id: string;
  uploaderId: string | null;
  /** The incident as its JSON and what its rows need (incident-record.ts: made where it was triaged). */
  record: IncidentRecord;
  files: { index: number; name: string; path: string; bytes: number }[];
  /** What was uploaded (an archive's compressed size, not its extracted text). */
  uploadedBytes: number;
  contentSha256: string;
  repeatOfId: string | null;
};

function parseTime(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Prisma's "unique constraint" and "record to delete does not exist": another attempt wrote it, or the upload went. */
function isWrittenElsewhere(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === "P2002" || code === "P2025";
}

export type SaveOutcome = "written" | "already-written" | "upload-gone";

/**
 * One transaction of four statements: the incident row, then its files and findings as one multi-row insert each
 * (a nested create compiled and ran one insert per finding: a busy node's ~150 findings cost ~100 ms of the web
 * process's thread per upload), then the job row's removal.
 */
export async function saveIncident({ db, store, id, uploaderId, record, files, uploadedBytes, contentSha256, repeatOfId }: SaveIncidentOptions): Promise<SaveOutcome> {
  const { summary } = record;
  // The findings' rows are the incident's sightings: written at the incident's own time.
  const createdAt = new Date();
  const writes = [
    db.incident.create({
      data: {
        id,
        createdAt,
        title: summary.title,
        hosts: summary.hosts.join(" "),
        kernels: summary.kernels.join(" "),
        kbIds: summary.kbIds.join(" "),
        findingCount: record.findings.length,
        totalBytes: uploadedBytes,
        result: record.json,
        kbGeneration: record.kbGeneration ?? 0,
        uploaderId,
        contentSha256,
        repeatOfId,
      },
    }),
    db.incidentFile.createMany({
      data: files.map((f) => {
        const input = record.inputs[f.index] as IncidentRecord["inputs"][number] | undefined;
        return {
          incidentId: id,
          index: f.index,
          name: f.name,
          bytes: f.bytes,
          lines: input?.lines ?? 0,
          compressed: input?.compressed ?? false,
          storagePath: store.keyOf(f.path),
        };
      }),
    }),
    db.findingRecord.createMany({
      data: record.findings.map((f) => ({ ...f, incidentId: id, time: parseTime(f.time), createdAt })),
    }),
    db.uploadJob.delete({ where: { id } }),
  ];
  try {
    await db.$transaction(writes);
    return "written";
  } catch (err) {
    if (!isWrittenElsewhere(err)) throw err;
    return (await db.incident.count({ where: { id } })) > 0 ? "already-written" : "upload-gone";
  }
}
