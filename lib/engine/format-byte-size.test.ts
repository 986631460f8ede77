import { describe, expect, it } from "vitest";
import { describeClaimedSize, formatByteSize } from "./format-byte-size";

describe("formatByteSize", () => {
  it("prints bytes below 1 KiB exactly and larger sizes in binary units with at most three significant digits", () => {
    expect(formatByteSize(0)).toBe("0 bytes");
    expect(formatByteSize(1)).toBe("1 byte");
    expect(formatByteSize(1023)).toBe("1023 bytes");
    expect(formatByteSize(1536)).toBe("1.5 KiB");
    expect(formatByteSize(15_728_640)).toBe("15 MiB");
    expect(formatByteSize(4 * 1024 ** 4)).toBe("4 TiB");
  });

  it("prints 64-bit header values as units, never as a 19-digit float", () => {
    expect(formatByteSize(2n ** 63n - 1n)).toBe("8 EiB");
    expect(formatByteSize(Number(2n ** 63n))).toBe("8 EiB");
    expect(formatByteSize(2n ** 64n - 1n)).toBe("16 EiB");
    expect(formatByteSize(2n ** 63n)).not.toMatch(/\d{10}/);
  });

  it("says when a claimed size is implausible", () => {
    expect(describeClaimedSize(2n ** 63n)).toBe("8 EiB (an implausible size: the field is corrupt)");
    expect(describeClaimedSize(Infinity)).toBe("over 8 PiB (an implausible size: the field is corrupt)");
    expect(describeClaimedSize(-5)).toContain("implausible");
    expect(describeClaimedSize(600 * 1024 ** 2)).toBe("600 MiB");
  });
});
