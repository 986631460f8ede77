import { describe, expect, it } from "vitest";
import { hash64, signatureOf } from "./signature";

describe("signatureOf", () => {
  it("is 16 hex digits and depends on kind, title and component only", () => {
    const base = { kind: "bug" as const, title: "kernel BUG in skb_segment" };
    const s = signatureOf(base);
    expect(s).toMatch(/^[0-9a-f]{16}$/);
    expect(signatureOf({ ...base })).toBe(s);
    expect(signatureOf({ ...base, kind: "oops" })).not.toBe(s);
    expect(signatureOf({ ...base, title: "kernel BUG in skb_segment_list" })).not.toBe(s);
    expect(signatureOf({ ...base, component: "cilium-agent" })).not.toBe(s);
    // The separator keeps (kind, title) pairs apart that concatenate to the same text.
    expect(signatureOf({ kind: "bug", title: "x" })).not.toBe(signatureOf({ kind: "bu" as never, title: "gx" }));
  });

  it("spreads similar texts apart (no easy bucket collisions)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(hash64(`WARNING in func_${i}`));
    expect(seen.size).toBe(5000);
  });
});
