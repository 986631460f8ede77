/** The list/search columns of an incident, derived from the engine's Incident JSON (no log parsing here). */
import type { Incident } from "@/lib/engine/types";

export type IncidentSummary = { title: string; hosts: string[]; kernels: string[]; kbIds: string[] };

const unique = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];

export function summarizeIncident(incident: Incident): IncidentSummary {
  const first = incident.findings[0];
  const more = incident.findings.length > 1 ? ` (+${incident.findings.length - 1} more)` : "";
  const names = incident.inputs.map((i) => i.name).join(", ");
  return {
    title: first ? `${first.title}${more}` : `No kernel problem found in ${names || "the upload"}`,
    hosts: unique([...incident.hosts.map((h) => h.name), ...incident.findings.map((f) => f.host)]),
    kernels: unique([...incident.boots.map((b) => b.kernelRelease), ...incident.findings.map((f) => f.kernelRelease)]),
    // A score-0 candidate is a suggestion, not a known issue this incident has.
    kbIds: unique(incident.findings.flatMap((f) => f.matches.filter((m) => m.score > 0).map((m) => m.kbId))),
  };
}
