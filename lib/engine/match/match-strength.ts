/**
 * How much a match says, the one rule every view uses (page, list, Markdown, CLI, signature page, advice): a
 * *known issue* has enough evidence to act on; a *weak* match is a candidate to read, never shown with a red
 * "affected"; a *related* entry (score 0, or ruled out by evidence against it) is context.
 */
import type { Match } from "../types";

/** Below this a match is not worth advice: one generic rule (kind, a common frame) scores about 0.1–0.25. */
export const KNOWN_ISSUE_MIN_SCORE = 0.3;

export type MatchStrength = "known" | "weak" | "related";

export function matchStrength(m: Pick<Match, "related" | "score">): MatchStrength {
  if (m.related || m.score <= 0) return "related";
  return m.score >= KNOWN_ISSUE_MIN_SCORE ? "known" : "weak";
}

export const isKnownIssue = (m: Pick<Match, "related" | "score">): boolean => matchStrength(m) === "known";
