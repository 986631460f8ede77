/**
 * After a KB change, the most recent stored incidents are matched again from their stored Incident JSON (findings
 * are kept; only matches, recommendation and the list columns change). Older incidents keep their kbGeneration and
 * can be re-matched on open by comparing it with the current generation.
 */
import type { Incident } from "../../../engine/types";
import type { Db } from "../../db";
import { summarizeIncident } from "../../incidents/summarize-incident";
import { getKbIndex } from "../get-kb-index";
import { getRecentKbGeneration } from "../kb-generation";
import { parseStoredIncident } from "./parse-stored-incident";
import { matchesChanged, rematchIncident } from "./rematch";

/** Incidents a re-matching job takes after a KB change (the most recent); older ones are re-matched when opened. */
export const DEFAULT_REMATCH_LIMIT = 200;

/** Ids per `IN (…)` list: below the adapter's bound-parameter limit. */
const ID_CHUNK = 200;

export type RematchResult = {
  incidents: number;
  changed: number;
  ms: number;
  /** Rows that could not be re-matched (damaged stored JSON), one line each naming the row and why. */
  skipped: string[];
};

/** The row updates for a re-matched incident: its JSON, list columns, generation, and each finding's top KB id. */
function rematchWrites(db: Db, id: string, after: Incident, generation: number) {
  const summary = summarizeIncident(after);
  return [
    db.incident.update({
      where: { id },
      data: { result: JSON.stringify(after), kbIds: summary.kbIds.join(" "), title: summary.title, kbGeneration: generation },
    }),
    ...after.findings.map((f) =>
      db.findingRecord.updateMany({
        where: { incidentId: id, findingId: f.id },
        data: { topKbId: f.matches.find((m) => !m.related)?.kbId ?? null },
      }),
    ),
  ];
}

/**
 * For the incident page: an incident older than the re-matched window is matched against the current KB when it is
 * opened (its kbGeneration is behind). Returns the up-to-date Incident JSON; unknown ids return undefined.
 */
export async function rematchIncidentIfStale(db: Db, id: string, stored?: { result: string; kbGeneration: number }): Promise<Incident | undefined> {
  // A caller that has the row already passes it: a busy incident's JSON is megabytes, read and parsed once per page.
  const row = stored ?? (await db.incident.findUnique({ where: { id }, select: { result: true, kbGeneration: true } }));
  if (!row) return undefined;
  const before = JSON.parse(row.result) as Incident;
  // Most pages show an incident matched with the current KB: the generation kept for a moment tells, no index needed.
  if (row.kbGeneration === (await getRecentKbGeneration(db)) || !Array.isArray(before.findings)) return before;
  const kb = await getKbIndex(db);
  if (row.kbGeneration === kb.generation) return before;
  const after = rematchIncident(before, kb);
  if (!matchesChanged(before, after)) {
    await db.incident.update({ where: { id }, data: { kbGeneration: kb.generation } });
    return before;
  }
  await db.$transaction(rematchWrites(db, id, after, kb.generation));
  return after;
}

export type RematchOptions = {
  limit?: number;
  /** Told the number of incidents before matching starts, and again when their rows are written. */
  onProgress?: (done: number, total: number) => Promise<void>;
};

export async function rematchRecentIncidents(db: Db, options: RematchOptions = {}): Promise<RematchResult> {
  const started = performance.now();
  const limit = options.limit ?? DEFAULT_REMATCH_LIMIT;
  if (limit <= 0) return { incidents: 0, changed: 0, ms: 0, skipped: [] };
  const kb = await getKbIndex(db);
  const rows = await db.incident.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, result: true } });
  await options.onProgress?.(0, rows.length);
  // Compute everything first, then write in one transaction: one fsync instead of one per incident.
  const unchangedIds: string[] = [];
  const writes = [];
  let changed = 0;
  const skipped: string[] = [];
  for (const row of rows) {
    const stored = parseStoredIncident(row);
    if ("skipped" in stored) {
      // A damaged row is not ours to fix here; it is named in the result and the server log.
      skipped.push(stored.skipped);
      console.warn(`[oopscope] re-match: ${stored.skipped}`);
      continue;
    }
    const before = stored.incident;
    const after = rematchIncident(before, kb);
    if (!matchesChanged(before, after)) {
      unchangedIds.push(row.id);
      continue;
    }
    changed++;
    writes.push(...rematchWrites(db, row.id, after, kb.generation));
  }
  // The adapter caps bound parameters per query; ids go in chunks.
  const stamps = [];
  for (let i = 0; i < unchangedIds.length; i += ID_CHUNK) {
    stamps.push(db.incident.updateMany({ where: { id: { in: unchangedIds.slice(i, i + ID_CHUNK) } }, data: { kbGeneration: kb.generation } }));
  }
  await db.$transaction([...stamps, ...writes]);
  await options.onProgress?.(rows.length, rows.length);
  return { incidents: rows.length, changed, ms: Math.round(performance.now() - started), skipped };
}
