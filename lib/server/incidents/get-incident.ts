/** One stored incident: the engine's Incident JSON plus the stored file list. Throws not-found. */
import "server-only";
import type { Incident } from "@/lib/engine/types";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { rematchIncidentIfStale } from "@/lib/server/kb/edit/rematch-incidents";

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

export async function getIncident(id: string): Promise<StoredIncident> {
  const row = await getDb().incident.findUnique({
    where: { id },
    include: { files: { orderBy: { index: "asc" } } },
  });
  if (!row) throw new AppError("not-found", "No incident with this id.");
  return {
    id: row.id,
    createdAt: row.createdAt,
    title: row.title,
    // Matched against an older knowledge base? Re-match (findings are stored; no log is parsed again).
    incident: (await rematchIncidentIfStale(getDb(), id, row)) ?? (JSON.parse(row.result) as Incident),
    files: row.files.map((f) => ({ index: f.index, name: f.name, bytes: f.bytes, lines: f.lines, compressed: f.compressed })),
    uploaderId: row.uploaderId,
    rawDroppedAt: row.rawDroppedAt,
    repeatOfId: row.repeatOfId,
    version: incidentVersion(row),
  };
}
