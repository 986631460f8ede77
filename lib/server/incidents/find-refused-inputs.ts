/**
 * What an incident could not read, by name and reason: files refused by the engine (binary, a bomb, a dump with no
 * readable record) and sources refused whole (an archive that is a bomb, a format not read). The upload's answer
 * lists them, so an API client or `oopscope upload` learns that only part of what it sent was triaged.
 */
import type { Incident } from "../../engine/types";
import type { Db } from "../db";

export type RefusedInput = { name: string; message: string };

/** From the incident itself. */
export function listRefusedInputs(incident: Pick<Incident, "inputs" | "sources">): RefusedInput[] {
  return [
    ...(incident.sources ?? []).flatMap((s) => (s.error ? [{ name: s.name, message: s.error }] : [])),
    ...incident.inputs.flatMap((i) => (i.error ? [{ name: i.name, message: i.error }] : [])),
  ];
}

const REFUSAL_MARKER = '"error":';

/**
 * Whether stored incident JSON may name a refusal. An `"error":` key is the only way an input or source carries one,
 * and inside a JSON string those quotes would be escaped (`\"error\":`), so text without it has none: most uploads
 * then skip parsing their ~1 MB of JSON on the server's thread only to find nothing.
 */
export function mayNameRefusals(resultJson: string): boolean {
  return resultJson.includes(REFUSAL_MARKER);
}

/**
 * From the stored incident; empty when there is none (deleted meanwhile). The database looks for the marker: most
 * uploads name no refusal, and reading their JSON (a busy node's ~0.3–1 MB) into the server's thread only to find
 * nothing was most of this lookup. SQLite's LIKE ignores ASCII case, so `"ERROR":` in a log line is read and parsed
 * too, to no effect.
 */
export async function findRefusedInputs(db: Db, id: string): Promise<RefusedInput[]> {
  const row = await db.incident.findFirst({ where: { id, result: { contains: REFUSAL_MARKER } }, select: { result: true } });
  return row && mayNameRefusals(row.result) ? listRefusedInputs(JSON.parse(row.result) as Incident) : [];
}
