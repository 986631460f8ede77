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

/** From the stored incident; empty when there is none (deleted meanwhile). */
export async function findRefusedInputs(db: Db, id: string): Promise<RefusedInput[]> {
  const row = await db.incident.findUnique({ where: { id }, select: { result: true } });
  return row ? listRefusedInputs(JSON.parse(row.result) as Incident) : [];
}
