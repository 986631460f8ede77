import { describe, expect, it } from "vitest";
import { decodePercentEncoded } from "./decode-percent-encoded";

describe("decodePercentEncoded", () => {
  it("decodes, and keeps the fallback for a malformed escape", () => {
    expect(decodePercentEncoded("%E6%97%A5.log", "x")).toBe("日.log");
    expect(decodePercentEncoded("100%.log", "100%.log")).toBe("100%.log");
    expect(decodePercentEncoded("%E6%97.log", undefined)).toBeUndefined();
  });

  it("lets an error that is not a malformed escape propagate", () => {
    const notText = { toString: () => { throw new RangeError("not a URIError"); } } as unknown as string;
    expect(() => decodePercentEncoded(notText, "x")).toThrow(RangeError);
  });
});
