/**
 * "Was this uploaded before?": SHA-256 of each stored file, combined in sorted order (names and order do not
 * matter, only the bytes). Until the schema has columns for it, the Setting table keeps two links:
 * `upload-sha256:<hex>` → the first incident with those bytes, and `repeat-of:<incident>` → that first incident,
 * for every later upload of the same bytes (its page offers the first one; its lines are not new sightings).
 */
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/server/db";
import { dataDir } from "@/lib/server/paths";

const HASH_KEY = "upload-sha256:";
const REPEAT_KEY = "repeat-of:";

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
  const entries = await Promise.all(
    files.map(async (f) => {
      const abs = path.join(dataDir(), f.storagePath);
      return [await sha256OfFile(abs), (await stat(abs)).mtime] as const;
    }),
  );
  return new Map(entries);
}

/** The first incident that held exactly these bytes, if it still exists. */
export async function findIncidentByContentHash(hash: string): Promise<{ id: string; createdAt: Date } | undefined> {
  const db = getDb();
  const link = await db.setting.findUnique({ where: { key: HASH_KEY + hash } });
  if (!link) return undefined;
  return (await db.incident.findUnique({ where: { id: link.value }, select: { id: true, createdAt: true } })) ?? undefined;
}

/** Records a new incident's bytes: the first upload owns the hash, a later one is marked as its repeat. */
export async function recordContentHash({ hash, incidentId, repeatOf }: { hash: string; incidentId: string; repeatOf?: string }): Promise<void> {
  const db = getDb();
  if (repeatOf) await db.setting.create({ data: { key: REPEAT_KEY + incidentId, value: repeatOf } });
  else await db.setting.upsert({ where: { key: HASH_KEY + hash }, create: { key: HASH_KEY + hash, value: incidentId }, update: { value: incidentId } });
}

/** incident id → the earlier incident with the same bytes, for those of `ids` that are repeats. */
export async function findRepeatsOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().setting.findMany({ where: { key: { in: [...new Set(ids)].map((id) => REPEAT_KEY + id) } } });
  return new Map(rows.map((r) => [r.key.slice(REPEAT_KEY.length), r.value]));
}
