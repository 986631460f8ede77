/**
 * The end of a triage job that is a plain function of its stored input: the triaged upload → its incident written,
 * or the reason it fails. The job runs it in the web process (in-process triage) or the triage worker process runs it
 * itself (triage-pool.ts, `save`): writing a busy node's incident — ~1 MB of JSON and ~150 finding rows through
 * Prisma's query compiler and better-sqlite3's synchronous statements — was most of what an upload cost the web
 * server's thread, beside the page loads it serves. No `server-only`: the worker bundle runs it.
 */
import { EMPTY_UPLOAD_MESSAGE } from "../../schemas/messages";
import type { Db } from "../db";
import type { TriagedUpload } from "../incidents/incident-record";
import { saveIncident, type SaveOutcome } from "../incidents/save-incident";
import type { UploadStore } from "../storage/upload-store";
import type { UploadFailure } from "./upload-status";

/** What the upload's job row says about the incident to write (its id is the upload's). */
export type SaveTarget = {
  id: string;
  uploaderId: string | null;
  /** What was uploaded (an archive's compressed size, not its extracted text). */
  uploadedBytes: number;
  contentSha256: string;
  repeatOfId: string | null;
};

/** `unused`: uploaded files no input reads (an archive whose text was extracted), for the job to remove once written. */
export type SavedUpload = { refusal: UploadFailure } | { outcome: SaveOutcome; unused: string[] };

/**
 * An upload fails only when none of its files gave a line: one refused file (binary, a bomb, a truncated dump) must
 * not cost the others their triage. The incident names what was refused and why (`inputs[].error`,
 * `sources[].error`, shown beside the files on its page); a failed upload names every reason.
 */
function refusalOfIncident({ record }: TriagedUpload): UploadFailure | null {
  if (record.inputs.some((i) => i.readable)) return null;
  // Source errors name their source already; an input's is about its content.
  const refused = record.refused.map((r) => (r.message.startsWith(r.name) || r.message.includes(`${r.name}:`) ? r.message : `${r.name}: ${r.message}`));
  if (refused.length > 0) return { code: "unprocessable", message: refused.join("; ") };
  if (record.inputs.length === 0) return { code: "unprocessable", message: "Nothing to read: no log, journal or dump was found in the upload." };
  return { code: "bad-request", message: EMPTY_UPLOAD_MESSAGE };
}

export async function saveTriagedUpload(triaged: TriagedUpload, target: SaveTarget, { db, store }: { db: Db; store: UploadStore }): Promise<SavedUpload> {
  const refusal = refusalOfIncident(triaged);
  if (refusal) return { refusal };
  const outcome = await saveIncident({ db, store, ...target, record: triaged.record, files: triaged.files });
  return { outcome, unused: triaged.unused };
}
