import { describe, expect, it } from "vitest";
import { formatCount } from "./format-count";

describe("formatCount", () => {
  it("groups digits by three as en-US does", () => {
    for (const n of [0, 1, 12, 999, 1000, 16_384, 123_456, 1_000_000, 9_007_199_254_740_991, -1, -1234, -999_999])
      expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });

  it("leaves fractions and non-finite numbers to toLocaleString", () => {
    expect(formatCount(1234.5)).toBe("1,234.5");
    expect(formatCount(Infinity)).toBe("∞");
  });
});
