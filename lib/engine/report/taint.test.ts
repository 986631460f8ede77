import { describe, expect, it } from "vitest";
import { decodeTaint, taintLetters } from "./taint";

describe("decodeTaint", () => {
  it("decodes the column form and ignores G", () => {
    const taint = decodeTaint("G    B   W  OE");
    expect(taint.flags).toBe("GBWOE");
    expect(taintLetters(taint)).toEqual(["B", "W", "O", "E"]);
    expect(taint.decoded[0]).toBe("B: bad page referenced or unexpected page flags");
  });

  it("drops RHEL's dashes for unset flags", () => {
    expect(taintLetters(decodeTaint("GF          O--------------"))).toEqual(["F", "O"]);
  });

  it("reads the bracketed form of 6.12+ kernels", () => {
    const taint = decodeTaint("[W]=WARN, [O]=OOT_MODULE");
    expect(taint.flags).toBe("WO");
    expect(taintLetters(taint)).toEqual(["W", "O"]);
  });

  it("keeps unknown letters visible and never throws", () => {
    expect(decodeTaint("Q").decoded).toEqual(["Q: unknown taint flag"]);
    expect(decodeTaint("")).toEqual({ flags: "", decoded: [] });
  });

  it("knows every upstream letter", () => {
    const taint = decodeTaint("PFSRMBUDAWCIOELKXTNJ");
    expect(taint.decoded).toHaveLength(20);
    expect(taint.decoded.every((d) => !d.includes("unknown"))).toBe(true);
  });
});
