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

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** `combined` identifies the upload; `each` is per file, in the order of `paths`. */
export async function hashUploadContent(paths: string[]): Promise<{ combined: string; each: string[] }> {
  const each = await Promise.all(paths.map(sha256OfFile));
  return { combined: createHash("sha256").update([...each].sort().join("\n")).digest("hex"), each };
}

/** SHA-256 → mtime of an incident's stored files (the time the engine took year-less dates from). */
export async function findFileTimesByHash(incidentId: string): Promise<Map<string, Date>> {
  const files = await getDb().incidentFile.findMany({ where: { incidentId }, select: { storagePath: true } });
  const store = getUploadStore();
  await store.fetchToLocal(files.map((f) => f.storagePath));
  const entries = await Promise.all(
    files.flatMap((f) => {
      const local = store.localPath(f.storagePath);
      return local ? [(async () => [await sha256OfFile(local), (await stat(local)).mtime] as const)()] : [];
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
