/** A stored incident's Incident JSON as the re-matchers read it; a damaged row is skipped with the reason, not fixed. */
import type { Incident } from "../../../engine/types";

export type StoredIncidentRow = { id: string; result: string };

/** `{ incident }`, or `{ skipped }`: one line naming the row and why it cannot be re-matched. */
export function parseStoredIncident(row: StoredIncidentRow): { incident: Incident } | { skipped: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.result);
  } catch (e) {
    // Damaged text is a SyntaxError; anything else is a bug of ours and propagates.
    if (!(e instanceof SyntaxError)) throw e;
    return { skipped: `incident ${row.id}: stored result is not valid JSON (${e.message}); skipped` };
  }
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as Incident).findings))
    return { skipped: `incident ${row.id}: stored result has no findings list; skipped` };
  return { incident: parsed as Incident };
}
