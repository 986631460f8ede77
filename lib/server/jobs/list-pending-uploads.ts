/**
 * Uploads accepted but not an incident yet (queued, being triaged, or failed): the top of the incident list, and the
 * permalink's status panel. They have no title, hosts or findings yet, so they are described by what the uploader
 * sent: the parts' names and size, who sent it, and how long ago. No `server-only`: the tests pass their own client.
 */
import type { IncidentListQuery } from "../../schemas/incident";
import { textContains, type Db } from "../db";
import type { UploadJobFile } from "./process-upload-job";
import { UPLOAD_STATES, type UploadState } from "./upload-status";

export type PendingUploadState = Exclude<UploadState, "done">;

export type PendingUpload = {
  id: string;
  status: PendingUploadState;
  /** The parts' file names in upload order (empty when the stored list cannot be read). */
  fileNames: string[];
  uploadedBytes: number;
  /** The uploader's display name; null for an anonymous upload or an account deleted since. */
  uploader: string | null;
  uploaderId: string | null;
  queuedAt: Date;
  /** A failed upload's reason. */
  error?: string;
};

export type PendingUploadList = { items: PendingUpload[]; total: number };

const PENDING_STATES: PendingUploadState[] = ["queued", "triaging", "failed"];

const SELECT = { id: true, status: true, files: true, uploadedBytes: true, uploaderId: true, createdAt: true, error: true } as const;

type JobRow = { id: string; status: string; files: string; uploadedBytes: number; uploaderId: string | null; createdAt: Date; error: string | null };

/**
 * The stored parts' names. The column is written by the upload itself, so a row that does not parse is a bug or a
 * hand edit: the list still shows the upload (by id) rather than failing the whole page, and its job reports the
 * error when it runs.
 */
function fileNamesOf(files: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(files);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((p: Partial<UploadJobFile> | null) => (p && typeof p.name === "string" ? [p.name] : []));
}

async function describeRows(db: Db, rows: JobRow[]): Promise<PendingUpload[]> {
  const uploaderIds = [...new Set(rows.flatMap((r) => (r.uploaderId ? [r.uploaderId] : [])))];
  const users = uploaderIds.length ? await db.user.findMany({ where: { id: { in: uploaderIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    // A state this version does not know is shown as waiting, as findUploadStatus reads it.
    const status = (UPLOAD_STATES.includes(r.status as UploadState) && r.status !== "done" ? r.status : "queued") as PendingUploadState;
    return {
      id: r.id,
      status,
      fileNames: fileNamesOf(r.files),
      uploadedBytes: r.uploadedBytes,
      uploader: (r.uploaderId && nameOf.get(r.uploaderId)) ?? null,
      uploaderId: r.uploaderId,
      queuedAt: r.createdAt,
      ...(status === "failed" ? { error: r.error ?? "triage failed" } : {}),
    };
  });
}

/** The incident list's filters, as far as an upload not triaged yet can meet them. */
export type PendingUploadFilters = Partial<Pick<IncidentListQuery, "q" | "host" | "kernel" | "kb" | "verdict" | "kind" | "from" | "to" | "muted">>;

/**
 * An upload not triaged yet has no hosts, kernels, KB matches, verdicts, finding classes, crash times or muted
 * findings: a list filtered on any of them cannot contain it (it shows up once triaged, if it matches). Search words
 * are looked for in the parts' file names, the only text it has.
 */
function pendingWhere(db: Db, filters: PendingUploadFilters) {
  const { q, host, kernel, kb, verdict, kind, from, to, muted } = filters;
  if (host || kernel || kb || verdict || kind || from || to || muted === "only") return undefined;
  const words = (q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  return { status: { in: PENDING_STATES }, AND: words.map((w) => ({ files: textContains(db, w) })) };
}

/**
 * The newest `limit` uploads not triaged yet (queued, triaging, failed) that the list's `filters` can include,
 * newest first, and how many there are.
 */
export async function listPendingUploads(db: Db, { limit = 20, filters = {} }: { limit?: number; filters?: PendingUploadFilters } = {}): Promise<PendingUploadList> {
  const where = pendingWhere(db, filters);
  if (!where) return { items: [], total: 0 };
  const [rows, total] = await Promise.all([
    db.uploadJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, select: SELECT }),
    db.uploadJob.count({ where }),
  ]);
  return { items: await describeRows(db, rows), total };
}

/** One upload not triaged yet, or undefined (never uploaded, triaged, or deleted). */
export async function findPendingUpload(db: Db, id: string): Promise<PendingUpload | undefined> {
  const row = await db.uploadJob.findUnique({ where: { id }, select: SELECT });
  return row ? (await describeRows(db, [row]))[0] : undefined;
}
