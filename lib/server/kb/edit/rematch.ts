/**
 * Matching again on a stored Incident: the findings (titles, frames, excerpts) are already in the JSON, so only the
 * KB side changes — no log is parsed again. Mirrors triage's matching step (kernel from the finding or its boot,
 * component versions from the findings) so a re-matched incident equals a fresh triage with the new KB.
 */
import { componentFamily } from "../../../engine/agents/go-panic";
import { buildKbIndex, type KbIndex } from "../../../engine/match/build-kb-index";
import { matchFinding, type MatchContext } from "../../../engine/match/match-finding";
import { matchOrRecord } from "../../../engine/stages/match";
import type { TriageKb } from "../../../engine/triage";
import type { Finding, Incident, IncidentWarning } from "../../../engine/types";
import { parseKernelRelease, type KernelRelease } from "../../../engine/versions/parse-kernel-release";
import { recommend } from "../../../engine/versions/recommend";
import type { KbEntry } from "../../../kb/schema";

/** The match context of every finding of an incident, in finding order. */
export function matchContexts(incident: Incident): { finding: Finding; ctx: MatchContext }[] {
  const cache = new Map<string, KernelRelease>();
  return incident.findings.map((finding) => {
    const boot = finding.bootId ? incident.boots.find((b) => b.id === finding.bootId) : undefined;
    const release = finding.kernelRelease ?? boot?.kernelRelease;
    let kernel: KernelRelease | undefined;
    if (release) {
      const build = finding.kernelBuild ?? boot?.kernelBuild;
      const key = `${release}|${build ?? ""}|${boot?.banner ?? ""}`;
      kernel = cache.get(key);
      if (!kernel) cache.set(key, (kernel = parseKernelRelease(release, build, boot?.banner)));
    }
    // Triage matches each finding with its own component version only (the node-wide set feeds the recommendation).
    const own: Record<string, string> = {};
    if (finding.component && finding.componentVersion) own[componentFamily(finding.component)] = finding.componentVersion;
    return { finding, ctx: { kernel, componentVersions: own } };
  });
}

/** A copy of the incident with matches and recommendation recomputed against `kb`. */
export function rematchIncident(incident: Incident, kb: TriageKb, asOf?: Date): Incident {
  const contexts = matchContexts(incident);
  const matchWarnings: IncidentWarning[] = [];
  const findings = contexts.map(({ finding, ctx }) => ({ ...finding, matches: matchOrRecord(finding, kb.index, ctx, matchWarnings) }));
  const next: Incident = { ...incident, findings };
  delete next.recommendation;
  // The scan's warnings still hold; the last matching's are replaced by this one's.
  const warnings = [...(incident.warnings ?? []).filter((w) => w.stage !== "match"), ...matchWarnings];
  if (warnings.length > 0) next.warnings = warnings;
  else delete next.warnings;
  if (findings.some((f) => f.matches.length > 0)) {
    const top = findings.find((f) => f.matches.length > 0);
    const topMatched = [...findings].sort((a, b) => (b.matches[0]?.score ?? 0) - (a.matches[0]?.score ?? 0))[0];
    const anchor = topMatched?.matches.length ? topMatched : top;
    const anchorCtx = contexts[findings.indexOf(anchor!)]?.ctx;
    const componentVersions: Record<string, string> = {};
    for (const f of findings)
      if (f.component && f.componentVersion) componentVersions[componentFamily(f.component)] = f.componentVersion;
    const recommendation = recommend({ findings, entries: kb.entries, kernel: anchorCtx?.kernel, componentVersions, asOf });
    if (recommendation) next.recommendation = recommendation;
  }
  return next;
}

/** True when any finding's ranked match list (ids, scores, verdicts) differs. */
export function matchesChanged(before: Incident, after: Incident): boolean {
  const key = (i: Incident) =>
    JSON.stringify(i.findings.map((f) => f.matches.map((m) => [m.kbId, m.score, m.verdict, m.related ?? false])));
  return key(before) !== key(after) || JSON.stringify(before.recommendation) !== JSON.stringify(after.recommendation);
}

/** An index that holds just this entry (drafts included): does *this* entry match a finding, regardless of rank. */
export function singleEntryIndex(entry: KbEntry): KbIndex {
  return buildKbIndex([entry], { includeDrafts: true });
}

export type FindingMatchChange = {
  findingId: string;
  findingTitle: string;
  change: "would-match" | "would-stop-matching";
  /** Score of the entry on the finding after (would-match) or before (would-stop-matching) the change. */
  score: number;
  reasons: string[];
};

/**
 * Which findings of an incident the edited entry would newly match, and which it would stop matching, compared with
 * the stored version (`before` absent: a new entry). Evaluated on the entry alone, so it is independent of rank
 * cut-offs among other entries.
 */
export function compareEntryOnIncident(incident: Incident, before: KbIndex | undefined, after: KbIndex, entryId: string): FindingMatchChange[] {
  const changes: FindingMatchChange[] = [];
  for (const { finding, ctx } of matchContexts(incident)) {
    const was = before ? matchFinding(finding, before, ctx).find((m) => m.kbId === entryId && !m.related) : undefined;
    const now = matchFinding(finding, after, ctx).find((m) => m.kbId === entryId && !m.related);
    if (now && !was) changes.push({ findingId: finding.id, findingTitle: finding.title, change: "would-match", score: now.score, reasons: now.reasons });
    else if (was && !now)
      changes.push({ findingId: finding.id, findingTitle: finding.title, change: "would-stop-matching", score: was.score, reasons: was.reasons });
  }
  return changes;
}
