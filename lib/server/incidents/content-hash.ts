/**
 * "Was this uploaded before?": SHA-256 of each stored file, combined in sorted order (names and order do not
 * matter, only the bytes), kept on the incident (`contentSha256`); a later upload of the same bytes points at the
 * first incident (`repeatOfId`): its page offers the first one, and its lines are not new sightings.
 */
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { getDb } from "@/lib/server/db";
import { getUploadStore } from "@/lib/server/storage/upload-store";

/** Hashes of stored files by path, valid while the file keeps its size and mtime (stored files are written once). */
const knownHashes = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
/** A fleet re-uploading one log hashes its first copy once, not once per repeat. */
const KNOWN_HASHES_MAX = 1000;

function rememberHash(filePath: string, size: number, mtimeMs: number, sha256: string): void {
  knownHashes.delete(filePath);
  knownHashes.set(filePath, { size, mtimeMs, sha256 });
  if (knownHashes.size > KNOWN_HASHES_MAX) knownHashes.delete(knownHashes.keys().next().value!);
}

async function sha256OfFile(filePath: string, size: number, mtimeMs: number): Promise<string> {
  const known = knownHashes.get(filePath);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  const sha256 = hash.digest("hex");
  rememberHash(filePath, size, mtimeMs, sha256);
  return sha256;
}

/** `each`: per file (as the upload hashed them while storing); `combined` identifies the upload. */
export function combineContentHashes(each: string[]): { combined: string; each: string[] } {
  return { combined: createHash("sha256").update([...each].sort().join("\n")).digest("hex"), each };
}

/** Stored files of a new incident whose hash is known (taken while receiving): a later repeat need not read them. */
export async function rememberStoredHashes(files: { path: string; sha256: string }[]): Promise<void> {
  await Promise.all(
    files.map(async (f) => {
      const st = await stat(f.path);
      rememberHash(f.path, st.size, st.mtimeMs, f.sha256);
    }),
  );
}

/** SHA-256 → mtime of an incident's stored files (the time the engine took year-less dates from). */
export async function findFileTimesByHash(incidentId: string): Promise<Map<string, Date>> {
  const files = await getDb().incidentFile.findMany({ where: { incidentId }, select: { storagePath: true } });
  const store = getUploadStore();
  await store.fetchToLocal(files.map((f) => f.storagePath));
  const entries = await Promise.all(
    files.flatMap((f) => {
      const local = store.localPath(f.storagePath);
      if (!local) return [];
      return [
        (async () => {
          const st = await stat(local);
          return [await sha256OfFile(local, st.size, st.mtimeMs), st.mtime] as const;
        })(),
      ];
    }),
  );
  return new Map(entries);
}

/** The first incident that held exactly these bytes, if it still exists. */
export async function findIncidentByContentHash(hash: string): Promise<{ id: string; createdAt: Date } | undefined> {
  const first = await getDb().incident.findFirst({
    where: { contentSha256: hash, repeatOfId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true },
  });
  return first ?? undefined;
}

/** incident id → the earlier incident with the same bytes, for those of `ids` that are repeats. */
export async function findRepeatsOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().incident.findMany({
    where: { id: { in: [...new Set(ids)] }, repeatOfId: { not: null } },
    select: { id: true, repeatOfId: true },
  });
  return new Map(rows.flatMap((r) => (r.repeatOfId ? [[r.id, r.repeatOfId] as const] : [])));
}
