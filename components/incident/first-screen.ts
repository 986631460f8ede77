/**
 * What the incident page renders in full on a big incident. A busy node's log holds a folded problem event per host
 * and kind (48 hosts × conntrack, I/O errors, martians: ~150 findings and ~50 host verdicts), and rendering every
 * card and panel made a 2.7 MB page that cost each load ~150 ms of server CPU (twice: the HTML and React's payload
 * of the same tree). The page shows the most pressing ones in full and the rest as one row each; `?show=all` asks
 * for everything.
 */
import { matchStrength } from "@/lib/engine/match/match-strength";
import { isProblemEvent } from "@/lib/engine/problem-kinds";
import type { Finding, Recommendation } from "@/lib/engine/types";

/** Finding cards rendered in full before the rest become rows. */
export const FULL_FINDING_CARDS = 12;
/** Host panels (headlines) rendered in full before the rest become rows. */
export const FULL_HEADLINES = 6;

export type FirstScreen<T> = { full: T[]; rows: T[] };

/**
 * Up to `limit` findings for full cards: those an advice panel names first, then crash reports, then problem
 * events; both parts keep the engine's order. Everything fits when there are no more than `limit`.
 */
export function pickFullFindings(findings: Finding[], advisedIds: ReadonlySet<string>, limit = FULL_FINDING_CARDS): FirstScreen<Finding> {
  if (findings.length <= limit) return { full: findings, rows: [] };
  const rank = (f: Finding) => (advisedIds.has(f.id) ? 0 : isProblemEvent(f) ? 2 : 1);
  const chosen = new Set(
    findings
      .map((f, index) => ({ f, index }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index)
      .slice(0, limit)
      .map(({ f }) => f),
  );
  return { full: findings.filter((f) => chosen.has(f)), rows: findings.filter((f) => !chosen.has(f)) };
}

/** The first `limit` headlines in full (the engine orders them most pressing first), the rest as rows. */
export function pickFullHeadlines(headlines: Recommendation[], limit = FULL_HEADLINES): FirstScreen<Recommendation> {
  return headlines.length <= limit ? { full: headlines, rows: [] } : { full: headlines.slice(0, limit), rows: headlines.slice(limit) };
}

/** What a finding's row shows (finding-rows.tsx): only that travels to the browser, not the whole finding. */
export type FindingRowView = {
  id: string;
  title: string;
  host?: string;
  time?: string;
  repeats: number;
  /** The known issue it matches, if any. */
  knownKbId?: string;
  fileIndex: number;
  line: number;
};

export function findingRowViews(findings: Finding[], fileIndexOf: (name: string) => number): FindingRowView[] {
  return findings.map((f) => ({
    id: f.id,
    title: f.title,
    host: f.host,
    time: f.time,
    repeats: f.repeats ?? 1,
    knownKbId: f.matches.find((m) => matchStrength(m) === "known")?.kbId,
    fileIndex: fileIndexOf(f.source.file),
    line: f.source.line,
  }));
}
