import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "@/lib/engine/types";
import { foldedRunEnd, placeFoldedRuns, type FoldedRun } from "./folded-run-spans";

const T0 = Date.parse("2026-08-13T10:00:00Z");
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const event = (findingId: string, line: number, minutes: number, file = "messages"): TimelineEvent => ({
  kind: "problem",
  source: { file, line },
  time: iso(minutes),
  label: findingId,
  findingId,
});
/** An axis of 1 px per minute from T0, drawn at 2× zoom (as the component scales markers and spans alike). */
const xOf = (value: number) => ((value - T0) / 60_000) * 2;
const marker = (ev: TimelineEvent, lane = 0) => ({ item: ev, lane, x: xOf(Date.parse(ev.time!)) });
const runs = (...list: FoldedRun[]) => new Map(list.map((r) => [r.id, r]));

describe("placeFoldedRuns", () => {
  it("draws a folded problem from its first occurrence to its last time, in its marker's lane", () => {
    const conntrack = event("f1", 100, 10);
    const spans = placeFoldedRuns({
      markers: [marker(conntrack, 2)],
      runs: runs({ id: "f1", repeats: 4000, lastTime: iso(130), lastSource: { file: "messages", line: 90_000 } }),
      byTime: true,
      xOf,
      minWidthPx: 6,
    });
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ lane: 2, x1: 20, x2: 260, repeats: 4000, last: { line: 90_000 }, lastTime: iso(130) });
  });

  it("leaves single findings, runs narrower than the minimum and runs ending before they start to the marker alone", () => {
    const spans = placeFoldedRuns({
      markers: [marker(event("once", 1, 0)), marker(event("short", 2, 10)), marker(event("backwards", 3, 50)), marker(event("no-last", 4, 60))],
      runs: runs(
        { id: "once", repeats: 1, lastTime: iso(90) },
        { id: "short", repeats: 3, lastTime: iso(12) },
        { id: "backwards", repeats: 5, lastTime: iso(40) },
        { id: "no-last", repeats: 5 },
      ),
      byTime: true,
      xOf,
      minWidthPx: 6,
    });
    expect(spans).toEqual([]);
  });

  it("joins a crash folded with a marker per occurrence once, from the leftmost marker", () => {
    const occurrences = [event("crash", 300, 30), event("crash", 100, 5), event("crash", 200, 20)];
    const spans = placeFoldedRuns({
      markers: occurrences.map((e) => marker(e)),
      runs: runs({ id: "crash", repeats: 3, lastTime: iso(30), lastSource: { file: "messages", line: 300 } }),
      byTime: true,
      xOf,
      minWidthPx: 6,
    });
    expect(spans.map((s) => [s.x1, s.x2])).toEqual([[10, 60]]);
    expect(spans[0].event.source.line).toBe(100);
  });

  it("on a line axis spans the lines of one file, and never across two files' line numbers", () => {
    const lineX = (line: number) => line / 10;
    const same = { item: event("same", 1_000, 0), lane: 0, x: lineX(1_000) };
    const other = { item: event("other", 1_000, 0), lane: 1, x: lineX(1_000) };
    const spans = placeFoldedRuns({
      markers: [same, other],
      runs: runs({ id: "same", repeats: 50, lastSource: { file: "messages", line: 5_000 } }, { id: "other", repeats: 50, lastSource: { file: "dmesg", line: 5_000 } }),
      byTime: false,
      xOf: lineX,
      minWidthPx: 6,
    });
    expect(spans.map((s) => [s.event.findingId, s.x1, s.x2])).toEqual([["same", 100, 500]]);
  });
});

describe("foldedRunEnd", () => {
  it("is the last time on a time axis and the last line on a line axis, for runs only", () => {
    const ev = event("f", 10, 0);
    const run = { id: "f", repeats: 2, lastTime: iso(5), lastSource: { file: "messages", line: 20 } };
    expect(foldedRunEnd(ev, run, true)).toBe(T0 + 5 * 60_000);
    expect(foldedRunEnd(ev, run, false)).toBe(20);
    expect(foldedRunEnd(ev, { ...run, repeats: 1 }, true)).toBeUndefined();
    expect(foldedRunEnd(ev, { ...run, lastTime: "not a time" }, true)).toBeUndefined();
    expect(foldedRunEnd(ev, undefined, false)).toBeUndefined();
  });
});
