import { describe, expect, it } from "vitest";
import { logAnchor, parseLogAnchor } from "./log-anchor";

describe("log anchors", () => {
  it("round-trips a line and a range", () => {
    expect(parseLogAnchor(logAnchor(1, 120))).toEqual({ fileIndex: 1, line: 120 });
    expect(logAnchor(1, 120, 180)).toBe("#log=1:120-180");
    expect(parseLogAnchor("#log=1:120-180")).toEqual({ fileIndex: 1, line: 120, endLine: 180 });
  });

  it("treats a backwards or empty range as its first line and refuses other fragments", () => {
    expect(parseLogAnchor("#log=0:50-40")).toEqual({ fileIndex: 0, line: 50 });
    expect(parseLogAnchor("#log=0:")).toBeUndefined();
    expect(parseLogAnchor("#finding-f1")).toBeUndefined();
  });
});
