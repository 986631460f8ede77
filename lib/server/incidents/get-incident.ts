/** One stored incident: the engine's Incident JSON plus the stored file list. Throws not-found. */
import "server-only";
import type { Incident } from "@/lib/engine/types";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { rematchIncidentIfStale } from "@/lib/server/kb/edit/rematch-incidents";
import { getRecentKbGeneration } from "@/lib/server/kb/kb-generation";

export type StoredIncidentFile = { index: number; name: string; bytes: number; lines: number; compressed: boolean };
export type StoredIncident = {
  id: string;
  createdAt: Date;
  title: string;
  incident: Incident;
  files: StoredIncidentFile[];
  uploaderId: string | null;
  /** When retention removed the raw logs (the findings stay); null while they are stored. */
  rawDroppedAt: Date | null;
  /** The earlier incident with the same bytes, when this upload repeats one. */
  repeatOfId: string | null;
  /** Changes with the content and the KB generation it was matched against (workbenchVersion); null: unknown. */
  version: string | null;
};

/** New content comes with new bytes, so a new hash; a re-match bumps the generation. */
export function incidentVersion(row: { contentSha256: string | null; kbGeneration: number }): string | null {
  return row.contentSha256 ? `${row.contentSha256.slice(0, 16)}-${row.kbGeneration}` : null;
}

/** Parsed incidents kept for the page (`{ kept: true }`); a busy node's is ~0.6 MB of JSON, a few MB parsed. */
const KEPT_MAX = 8;
type Kept = { version: string; incident: Incident };
// One map per process: Next bundles pages and route handlers with their own module copies.
const registry = globalThis as unknown as { oopscopeKeptIncidents?: Map<string, Kept> };

/**
 * `kept`: the incident page reads the same incident on every load, and reading and parsing its stored JSON (and
 * collecting the garbage after) was ~7 ms of a busy node's page. The parsed incident is kept per version
 * (content hash and KB generation) while it is matched with the current KB; the caller must not change it.
 */
export async function getIncident(id: string, { kept = false }: { kept?: boolean } = {}): Promise<StoredIncident> {
  const db = getDb();
  const files = { orderBy: { index: "asc" as const } };
  // Without `kept`, one query reads the row with its JSON.
  const row = kept ? await db.incident.findUnique({ where: { id }, omit: { result: true }, include: { files } }) : await db.incident.findUnique({ where: { id }, include: { files } });
  if (!row) throw new AppError("not-found", "No incident with this id.");
  const version = incidentVersion(row);
  const keptIncidents = (registry.oopscopeKeptIncidents ??= new Map());
  const hit = kept && version ? keptIncidents.get(id) : undefined;
  let incident: Incident;
  if (hit && hit.version === version && row.kbGeneration === (await getRecentKbGeneration(db))) incident = hit.incident;
  else {
    const stored = "result" in row && typeof row.result === "string" ? { result: row.result, kbGeneration: row.kbGeneration } : await db.incident.findUnique({ where: { id }, select: { result: true, kbGeneration: true } });
    if (!stored) throw new AppError("not-found", "No incident with this id.");
    // Matched against an older knowledge base? Re-match (findings are stored; no log is parsed again).
    incident = (await rematchIncidentIfStale(db, id, stored)) ?? (JSON.parse(stored.result) as Incident);
    // Only an incident matched with the current KB (its generation unchanged by the re-match) is kept.
    if (kept && version && stored.kbGeneration === row.kbGeneration && row.kbGeneration === (await getRecentKbGeneration(db))) {
      keptIncidents.delete(id);
      keptIncidents.set(id, { version, incident });
      if (keptIncidents.size > KEPT_MAX) keptIncidents.delete(keptIncidents.keys().next().value!);
    }
  }
  return {
    id: row.id,
    createdAt: row.createdAt,
    title: row.title,
    incident,
    files: row.files.map((f) => ({ index: f.index, name: f.name, bytes: f.bytes, lines: f.lines, compressed: f.compressed })),
    uploaderId: row.uploaderId,
    rawDroppedAt: row.rawDroppedAt,
    repeatOfId: row.repeatOfId,
    version,
  };
}
