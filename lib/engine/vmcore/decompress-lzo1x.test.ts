import { describe, expect, it } from "vitest";
import { decompressLzo1x, LzoError } from "./decompress-lzo1x";

describe("LZO1X decompressor", () => {
  it("copies a first literal run and stops at the end marker", () => {
    // 17+5 → five literals, then M4 with distance 16384 (0x11 0x00 0x00) = end of stream.
    const out = decompressLzo1x(new Uint8Array([22, 104, 101, 108, 108, 111, 0x11, 0, 0]), 64);
    expect(new TextDecoder().decode(out)).toBe("hello");
  });

  it("expands an overlapping match (run-length repeat)", () => {
    // "ab" literals (first byte 19 = 2 literals, state 2), then M2 0b01L DDD SS: len 3+0, distance (H<<3)+D+1 = 2.
    const out = decompressLzo1x(new Uint8Array([19, 97, 98, 0x44, 0, 0x11, 0, 0]), 64);
    expect(new TextDecoder().decode(out)).toBe("ababa");
  });

  it("refuses corrupt streams without reading or writing out of bounds", () => {
    expect(() => decompressLzo1x(new Uint8Array([22, 1, 2]), 64)).toThrow(LzoError); // literals cut
    expect(() => decompressLzo1x(new Uint8Array([18, 97, 0x44, 0x7f, 0x11, 0, 0]), 64)).toThrow(/distance/);
    expect(() => decompressLzo1x(new Uint8Array([255, ...new Array(238).fill(1), 0x11, 0, 0]), 16)).toThrow(/output overrun/);
    expect(() => decompressLzo1x(new Uint8Array([22, 1, 2, 3, 4, 5]), 64)).toThrow(/input overrun/);
    expect(() => decompressLzo1x(new Uint8Array([22, 1, 2, 3, 4, 5, 0x11, 0, 0, 9]), 64)).toThrow(/after the end-of-stream/);
  });
});
