/**
 * A problem repeated thousands of times is one finding with a count and its first and last occurrence (folded while
 * streaming), so the timeline has one marker for it at the first. Drawn alone, a conntrack flood lasting two hours
 * and a single line look the same: the span from the first occurrence to the last shows how long it went on.
 */
import type { Finding, SourceRef, TimelineEvent } from "@/lib/engine/types";
import type { Placed } from "./cluster-markers";

export type FoldedRun = Pick<Finding, "id" | "repeats" | "lastTime" | "lastSource">;

export type RunSpan = { event: TimelineEvent; lane: number; x1: number; x2: number; repeats: number; last: SourceRef; lastTime?: string };

/**
 * Where the run of `event`'s finding ends on the axis: its last time on a time axis, its last line on a line axis
 * (only within the same file: line numbers of two files share no scale). Undefined when it has no run to draw.
 */
export function foldedRunEnd(event: TimelineEvent, run: FoldedRun | undefined, byTime: boolean): number | undefined {
  if (!run || (run.repeats ?? 1) < 2) return undefined;
  if (byTime) {
    const t = run.lastTime ? Date.parse(run.lastTime) : NaN;
    return Number.isNaN(t) ? undefined : t;
  }
  return run.lastSource && run.lastSource.file === event.source.file ? run.lastSource.line : undefined;
}

export type PlaceFoldedRunsOptions = {
  /** The markers as drawn (x at the current zoom). */
  markers: readonly Placed<TimelineEvent>[];
  runs: ReadonlyMap<string, FoldedRun>;
  byTime: boolean;
  /** Axis value → x at the current zoom (the markers' scale). */
  xOf: (value: number) => number;
  /** Narrower than this (px) the marker alone says it: no span. */
  minWidthPx: number;
};

/**
 * One span per folded finding, from its leftmost marker to its last occurrence, in that marker's lane. A crash
 * report folded across the log keeps a marker per occurrence too; the span joins them. A last time before the first
 * (a clock set back mid-run) draws nothing rather than a reversed bar.
 */
export function placeFoldedRuns({ markers, runs, byTime, xOf, minWidthPx }: PlaceFoldedRunsOptions): RunSpan[] {
  const first = new Map<string, Placed<TimelineEvent>>();
  for (const m of markers) {
    const id = m.item.findingId;
    if (id === undefined || !runs.has(id)) continue;
    const seen = first.get(id);
    if (!seen || m.x < seen.x) first.set(id, m);
  }
  const spans: RunSpan[] = [];
  for (const [id, m] of first) {
    const run = runs.get(id)!;
    const end = foldedRunEnd(m.item, run, byTime);
    if (end === undefined) continue;
    const x2 = xOf(end);
    if (x2 - m.x < minWidthPx) continue;
    spans.push({ event: m.item, lane: m.lane, x1: m.x, x2, repeats: run.repeats ?? 1, last: run.lastSource ?? m.item.source, ...(run.lastTime ? { lastTime: run.lastTime } : {}) });
  }
  return spans;
}
