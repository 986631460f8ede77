/**
 * After a KB change, the most recent stored incidents are matched again from their stored Incident JSON (findings
 * are kept; only matches, recommendation and the list columns change). Older incidents keep their kbGeneration and
 * can be re-matched on open by comparing it with the current generation.
 */
import type { Incident } from "../../../engine/types";
import type { Db } from "../../db";
import { summarizeIncident } from "../../incidents/summarize-incident";
import { getKbIndex } from "../get-kb-index";
import { matchesChanged, rematchIncident } from "./rematch";

/** Incidents re-matched synchronously after a save; more would make saving slow (see the report's timing). */
export const DEFAULT_REMATCH_LIMIT = 200;

/** Ids per `IN (…)` list: below the adapter's bound-parameter limit. */
const ID_CHUNK = 200;

export type RematchResult = { incidents: number; changed: number; ms: number };

export async function rematchRecentIncidents(db: Db, options: { limit?: number } = {}): Promise<RematchResult> {
  const started = performance.now();
  const limit = options.limit ?? DEFAULT_REMATCH_LIMIT;
  if (limit <= 0) return { incidents: 0, changed: 0, ms: 0 };
  const kb = await getKbIndex(db);
  const rows = await db.incident.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, result: true } });
  // Compute everything first, then write in one transaction: one fsync instead of one per incident.
  const unchangedIds: string[] = [];
  const writes = [];
  let changed = 0;
  for (const row of rows) {
    let before: Incident;
    try {
      before = JSON.parse(row.result) as Incident;
    } catch {
      continue; // a damaged row is not ours to fix here
    }
    if (!Array.isArray(before.findings)) continue;
    const after = rematchIncident(before, kb);
    if (!matchesChanged(before, after)) {
      unchangedIds.push(row.id);
      continue;
    }
    changed++;
    const summary = summarizeIncident(after);
    writes.push(
      db.incident.update({
        where: { id: row.id },
        data: { result: JSON.stringify(after), kbIds: summary.kbIds.join(" "), title: summary.title, kbGeneration: kb.generation },
      }),
      ...after.findings.map((f) =>
        db.findingRecord.updateMany({
          where: { incidentId: row.id, findingId: f.id },
          data: { topKbId: f.matches.find((m) => !m.related)?.kbId ?? null },
        }),
      ),
    );
  }
  // The adapter caps bound parameters per query; ids go in chunks.
  const stamps = [];
  for (let i = 0; i < unchangedIds.length; i += ID_CHUNK) {
    stamps.push(db.incident.updateMany({ where: { id: { in: unchangedIds.slice(i, i + ID_CHUNK) } }, data: { kbGeneration: kb.generation } }));
  }
  await db.$transaction([...stamps, ...writes]);
  return { incidents: rows.length, changed, ms: Math.round(performance.now() - started) };
}
