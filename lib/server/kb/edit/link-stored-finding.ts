/** "Link finding to entry" for a finding stored in an incident (kept apart: reading incidents is server-only). */
import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { getIncident } from "../../incidents/get-incident";
import type { SaveOptions } from "./kb-store";
import { linkFindingToEntry, type LinkFindingResult } from "./link-finding";
/** The route's call: finds the finding in the stored incident, then links it. */
export async function linkStoredFinding(
  db: Db,
  input: { entryId: string; incidentId: string; findingId: string; author: string },
  options: SaveOptions,
): Promise<LinkFindingResult> {
  const finding = (await getIncident(input.incidentId)).incident.findings.find((f) => f.id === input.findingId);
  if (!finding) throw new AppError("not-found", `No finding ${input.findingId} in incident ${input.incidentId}.`);
  return linkFindingToEntry(db, { entryId: input.entryId, finding, incidentId: input.incidentId, author: input.author }, options);
}
