import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isHeldOut } from "./corpus-readers";
import { measurePasteDamage, readDevRealSources, readSyzkallerSources, type PasteSource } from "./paste-damage";
import { PASTE_TRANSFORMS } from "./paste-damage-transforms";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED_CORPUS = [resolve(REPO_ROOT, "../shared/corpus"), resolve(REPO_ROOT, "../../shared/corpus")].find(existsSync);

/** Every n-th source: a fixed sample that spans the corpus's classes and formats. */
const everyNth = (sources: PasteSource[], n: number) => sources.filter((_, i) => i % n === 0);

// Invariant cases measured on 2026-12-02 after the paste repairs (ingest/repair-paste.ts, line-number runs,
// join-wrapped-lines.ts). Raise them when a fix lands; a drop is a regression on pasted logs.
const MIN_INVARIANT_REAL_DEV = 600; // of 19 sources × 33 transforms = 627 (531 before the repairs)
const MIN_INVARIANT_SYZKALLER = 311; // of 10 sources × 33 transforms = 330 (281 before)

describe("paste-damage transforms", () => {
  it("are documented, keep at least one field, and are pure", () => {
    const text = "[   1.000000] BUG: unable to handle page fault for address: 0000000000001234\n[   1.000001] RIP: 0010:f+0x1/0x2\n";
    for (const t of PASTE_TRANSFORMS) {
      expect(t.source.length, t.id).toBeGreaterThan(20);
      expect(t.invariant.length, t.id).toBeGreaterThan(0);
      expect(t.apply(text, { reportLine: 1 }), t.id).toBe(t.apply(text, { reportLine: 1 }));
    }
    expect(new Set(PASTE_TRANSFORMS.map((t) => t.id)).size).toBe(PASTE_TRANSFORMS.length);
  });
});

describe("paste-damage invariance (generated from real logs)", () => {
  it("the dev part of testdata/real keeps its findings through paste damage", async () => {
    const sources = everyNth(readDevRealSources(), 20);
    expect(sources.some((s) => isHeldOut(s.name))).toBe(false);
    const result = await measurePasteDamage({ sources });
    const held = result.transforms.reduce((n, t) => n + t.invariantCount, 0);
    expect(result.transforms.reduce((n, t) => n + t.total, 0)).toBe(sources.length * PASTE_TRANSFORMS.length);
    expect(held).toBeGreaterThanOrEqual(MIN_INVARIANT_REAL_DEV);
  });

  it.skipIf(!SHARED_CORPUS)("syzkaller reports keep their findings through paste damage", async () => {
    const sources = everyNth(readSyzkallerSources(SHARED_CORPUS!), 50);
    const result = await measurePasteDamage({ sources });
    const held = result.transforms.reduce((n, t) => n + t.invariantCount, 0);
    expect(held).toBeGreaterThanOrEqual(MIN_INVARIANT_SYZKALLER);
  });
});
