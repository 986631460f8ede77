/**
 * The one confidence scale of the incident page (docs/cli.md "Scores and confidence"): a match score says how
 * strongly the log points at a KB entry, a confidence says how sure the verdict is. Both are 0..1 and shown the
 * same way everywhere, with the same bands.
 */

export type ConfidenceBand = "high" | "medium" | "low";

export function confidenceBand(x: number): ConfidenceBand {
  return x >= 0.8 ? "high" : x >= 0.5 ? "medium" : "low";
}

/** `85% (high)` */
export function formatConfidence(x: number): string {
  return `${Math.round(x * 100)}% (${confidenceBand(x)})`;
}

/** `0.82` — scores are shown with two decimals so they never read like a confidence. */
export function formatScore(x: number): string {
  return x.toFixed(2);
}

export const SCALE_EXPLANATION =
  "Match score (0–1): how strongly the log's evidence points at the known issue; generic entries stay below 0.45. " +
  "Confidence: how sure the affected/fixed verdict is for this kernel — high ≥ 80% (distro build records, exact upstream kernels), " +
  "medium ≥ 50%, low below (vendor kernels judged by upstream numbers).";
