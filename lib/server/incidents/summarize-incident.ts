/** The list/search columns of an incident, derived from the engine's Incident JSON (no log parsing here). */
import type { Incident } from "@/lib/engine/types";
import { isKnownIssue } from "@/lib/engine/match/match-strength";

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
    // Known issues only: related entries (score 0, or ruled out by evidence) are never listed as matches.
    kbIds: unique(incident.findings.flatMap((f) => f.matches.filter(isKnownIssue).map((m) => m.kbId))),
  };
}
