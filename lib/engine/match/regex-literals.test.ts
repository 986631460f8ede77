import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { WORD_PATTERN, requiredWords, splitTopLevelAlternatives } from "./regex-literals";

describe("requiredWords", () => {
  it.each([
    // Pinned words only: the first word of an unanchored pattern may be a suffix of a longer text word.
    [
      "Route cache is full: consider increasing sysctl net\\.ipv\\S+\\.route\\.max_size",
      [["cache", "full", "consider", "increasing", "sysctl", "route"]],
    ],
    ["^unregister_netdevice: waiting for \\S+ to become free", [["unregister_netdevice", "waiting", "become"]]],
    // `skb_\w+` is `skb_segment` in the text: no key from it.
    ["^kernel BUG at skb_\\w+ now", [["kernel"]]],
    ["kernel BUG at skb_\\w+ now", []],
    ["index out of range \\[\\d+\\] with length 0", [["range", "with", "length"]]],
    ["(?:nf_conntrack: )?table full, dropping packet", [["full", "dropping"]]],
    ["\\bfoo_bar\\b|\\bbaz_qux\\b", [["foo_bar"], ["baz_qux"]]],
    ["slab-\\w+ in (?:kmalloc|vmalloc) call: ", [["call"]]],
    ["soft lockup - CPU#\\d+ stuck for \\d+s!", [["lockup", "stuck"]]],
  ])("%s", (pattern, want) => {
    expect(requiredWords(pattern)).toEqual(want);
  });

  it.each(["foo|\\d+", "\\w+", "^(a|b)$", "colou?r", ""])("no key for %j", (pattern) => {
    expect(requiredWords(pattern)).toEqual([]);
  });

  it("every key is a whole word of any text the regex matches", () => {
    // Property: build texts from a pattern's own alternatives with random surroundings; keys must appear as words.
    const patterns = [
      "Route cache is full: consider increasing sysctl net\\.ipv\\S+\\.route\\.max_size",
      "\\bfoo_bar\\b|\\bbaz_qux\\b",
      "soft lockup - CPU#\\d+ stuck for \\d+s!",
    ];
    const samples = [
      "xRoute cache is full: consider increasing sysctl net.ipv6.route.max_size.",
      "[ 1.0] baz_qux here",
      "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [x:1]",
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), (i) => {
        const re = new RegExp(patterns[i], "i");
        expect(re.test(samples[i])).toBe(true);
        const words = new Set([...samples[i].matchAll(WORD_PATTERN)].map((m) => m[0].toLowerCase()));
        const alternatives = requiredWords(patterns[i]);
        expect(alternatives.some((alt) => alt.every((w) => words.has(w)))).toBe(true);
      }),
    );
  });
});

describe("splitTopLevelAlternatives", () => {
  it("ignores bars inside groups, classes and escapes", () => {
    expect(splitTopLevelAlternatives("a(b|c)d|e[|]f|g\\|h")).toEqual(["a(b|c)d", "e[|]f", "g\\|h"]);
  });
});
