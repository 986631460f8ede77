import { describe, expect, it } from "vitest";
import { diffHunks, type DiffLine } from "./diff-hunks";

const same = (n: number, from = 1): DiffLine[] => Array.from({ length: n }, (_, i) => ({ kind: "same", text: `line ${from + i}` }));

describe("diffHunks", () => {
  it("keeps three lines of context around each change and folds the rest of a long document", () => {
    const lines: DiffLine[] = [...same(100), { kind: "removed", text: "old" }, { kind: "added", text: "new" }, ...same(100, 101), { kind: "added", text: "tail" }, ...same(30, 201)];
    const hunks = diffHunks(lines);
    expect(hunks).toHaveLength(2);
    expect(hunks[0].lines.map((l) => l.text)).toEqual(["line 98", "line 99", "line 100", "old", "new", "line 101", "line 102", "line 103"]);
    expect(hunks[0].header).toBe("@@ -98,7 +98,7 @@");
    expect(hunks[1].header).toBe("@@ -199,6 +199,7 @@");
    const shown = hunks.reduce((a, h) => a + h.lines.length, 0);
    expect(shown).toBeLessThan(lines.length / 10);
  });

  it("merges changes whose context overlaps into one hunk, and gives none for equal documents", () => {
    const lines: DiffLine[] = [...same(5), { kind: "added", text: "a" }, ...same(4, 6), { kind: "added", text: "b" }, ...same(5, 10)];
    expect(diffHunks(lines)).toHaveLength(1);
    expect(diffHunks(same(50))).toEqual([]);
  });
});
