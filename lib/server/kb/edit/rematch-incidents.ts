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

export type RematchResult = { incidents: number; changed: number; ms: number };

export async function rematchRecentIncidents(db: Db, options: { limit?: number } = {}): Promise<RematchResult> {
  const started = performance.now();
  const limit = options.limit ?? DEFAULT_REMATCH_LIMIT;
  if (limit <= 0) return { incidents: 0, changed: 0, ms: 0 };
  const kb = await getKbIndex(db);
  const rows = await db.incident.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, result: true } });
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
      await db.incident.update({ where: { id: row.id }, data: { kbGeneration: kb.generation } });
      continue;
    }
    changed++;
    const summary = summarizeIncident(after);
    await db.$transaction([
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
    ]);
  }
  return { incidents: rows.length, changed, ms: Math.round(performance.now() - started) };
}
