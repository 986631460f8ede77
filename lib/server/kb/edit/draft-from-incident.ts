/** The new-entry page's draft, pre-filled from one finding of a stored incident (`?fromIncident=…&finding=…`). */
import "server-only";
import type { KbEntryInput } from "../../../kb/schema";
import { AppError } from "../../app-error";
import { getIncident } from "../../incidents/get-incident";
import { draftFromFinding } from "./draft-from-finding";

export type IncidentDraft = { draft?: KbEntryInput; note: string };

/** No `draft` means start from an empty entry; `note` says why. Errors other than not-found propagate. */
export async function draftFromIncident({ incidentId, findingId }: { incidentId: string; findingId: string }): Promise<IncidentDraft> {
  let stored;
  try {
    stored = await getIncident(incidentId);
  } catch (e) {
    if (e instanceof AppError && e.code === "not-found") return { note: "That incident was not found; starting from an empty entry." };
    throw e;
  }
  const finding = stored.incident.findings.find((f) => f.id === findingId);
  if (!finding) return { note: "That finding is not in the incident; starting from an empty entry." };
  return { draft: draftFromFinding(finding), note: `Pre-filled from “${finding.title}”.` };
}
