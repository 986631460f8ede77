import { describe, expect, it } from "vitest";
import type { Finding, Recommendation } from "@/lib/engine/types";
import { findingRowViews, pickFullFindings, pickFullHeadlines } from "./first-screen";

const finding = (id: string, kind: Finding["kind"], frames = 0) => ({ id, kind, frames: Array.from({ length: frames }, () => ({})) }) as unknown as Finding;
const ids = (fs: Finding[]) => fs.map((f) => f.id);

describe("pickFullFindings", () => {
  it("keeps every finding as a card while they fit", () => {
    const fs = [finding("f1", "conntrack-full"), finding("f2", "bug", 5)];
    expect(pickFullFindings(fs, new Set(), 2)).toEqual({ full: fs, rows: [] });
  });

  it("gives cards to advised findings, then crash reports, then events, in the engine's order", () => {
    const fs = [
      finding("f1", "conntrack-full"),
      finding("f2", "io-error"),
      finding("f3", "conntrack-full"),
      finding("f4", "bug", 5),
      finding("f5", "io-error"),
      finding("f6", "oops", 3),
      finding("f7", "bug", 5),
    ];
    const { full, rows } = pickFullFindings(fs, new Set(["f5"]), 4);
    expect(ids(full)).toEqual(["f4", "f5", "f6", "f7"]);
    expect(ids(rows)).toEqual(["f1", "f2", "f3"]);
    expect(full.length + rows.length).toBe(fs.length);
  });

  it("counts an OOM report with a stack as a crash report, not a one-line event", () => {
    const { full } = pickFullFindings([finding("f1", "oom"), finding("f2", "oom", 4)], new Set(), 1);
    expect(ids(full)).toEqual(["f2"]);
  });
});

describe("pickFullHeadlines", () => {
  it("shows the first ones in full and the rest as rows", () => {
    const hs = Array.from({ length: 5 }, (_, i) => ({ host: `h${i}` }) as Recommendation);
    const { full, rows } = pickFullHeadlines(hs, 2);
    expect(full.map((h) => h.host)).toEqual(["h0", "h1"]);
    expect(rows.map((h) => h.host)).toEqual(["h2", "h3", "h4"]);
    expect(pickFullHeadlines(hs, 5).rows).toHaveLength(0);
  });
});

describe("findingRowViews", () => {
  it("carries what a row shows: the known issue only (not a weak or related match), its file's index, repeats (1 when not folded)", () => {
    const base = { title: "t", source: { file: "b.log", line: 7 } };
    const fs = [
      { ...base, id: "f1", host: "h1", repeats: 40, matches: [{ kbId: "weak", score: 0.1 }, { kbId: "known", score: 0.8 }] },
      { ...base, id: "f2", matches: [{ kbId: "rel", score: 0.9, related: true }] },
    ] as unknown as Finding[];
    const rows = findingRowViews(fs, (name) => (name === "b.log" ? 1 : 0));
    expect(rows).toEqual([
      { id: "f1", title: "t", host: "h1", time: undefined, repeats: 40, knownKbId: "known", fileIndex: 1, line: 7 },
      { id: "f2", title: "t", host: undefined, time: undefined, repeats: 1, knownKbId: undefined, fileIndex: 1, line: 7 },
    ]);
  });
});
