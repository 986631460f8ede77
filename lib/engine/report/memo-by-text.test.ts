import { describe, expect, it } from "vitest";
import { memoByText } from "./memo-by-text";

describe("memoByText", () => {
  it("computes each text once, undefined results included, and stays bounded", () => {
    const calls: string[] = [];
    const lengthOrNone = memoByText((t) => {
      calls.push(t);
      return t.length > 2 ? t.length : undefined;
    }, { maxEntries: 2, maxTextLength: 5 });
    expect([lengthOrNone("abc"), lengthOrNone("abc"), lengthOrNone("a"), lengthOrNone("a")]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(["abc", "a"]);
    // Longer than maxTextLength: computed every time, never kept.
    lengthOrNone("abcdef");
    lengthOrNone("abcdef");
    expect(calls.filter((t) => t === "abcdef")).toHaveLength(2);
    // A third entry drops the cache whole.
    lengthOrNone("xyz");
    lengthOrNone("abc");
    expect(calls.filter((t) => t === "abc")).toHaveLength(2);
  });
});
