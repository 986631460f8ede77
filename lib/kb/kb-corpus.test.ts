/**
 * Every built-in KB entry has a composed log under testdata/kb/<id>.log (headers `KB:`, optional `VERDICT:` and
 * `FIXED-IN:`, a blank line, then the log). Triage with the built-in KB must put that entry first (not as a
 * related entry) on some finding, with the verdict and first fixed version the header states.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBuiltinKb } from "./load-builtin";
import { readKbCase } from "./corpus-cases";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { triage, type TriageKb } from "../engine/triage";

const DIR = path.resolve(import.meta.dirname, "../../testdata/kb");
/** Verdicts depend on "today" only through branch end-of-life; pin it so the suite does not age. */
const NOW = new Date("2025-06-01T00:00:00Z");

const files = readdirSync(DIR).filter((f) => f.endsWith(".log")).sort();
const { entries, errors } = loadBuiltinKb();
const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };

describe("built-in KB corpus (testdata/kb)", () => {
  it("loads the built-in KB and has a log per entry", () => {
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    const ids = new Set(files.map((f) => readKbCase(DIR, f).kbId));
    for (const e of entries) expect(ids.has(e.id), `testdata/kb has no log for ${e.id}`).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const c = readKbCase(DIR, file);
      expect(c.kbId, "KB: header").not.toBe("");
      expect(entries.some((e) => e.id === c.kbId), `unknown KB id ${c.kbId}`).toBe(true);
      const inc = await triage([{ name: file, data: new TextEncoder().encode(c.log) }], { kb, now: NOW });
      const tops = inc.findings.map((f) => ({ f, top: f.matches.find((m) => !m.related) }));
      const hit = tops.find((t) => t.top?.kbId === c.kbId);
      expect(
        hit,
        `${c.kbId} is not the top match of any finding; got ${JSON.stringify(tops.map((t) => [t.f.title, t.top?.kbId ?? null]))}`,
      ).toBeDefined();
      if (c.verdict) expect(hit!.top!.verdict, hit!.top!.verdictReason).toBe(c.verdict);
      if (c.fixedIn) expect(hit!.top!.fixedIn).toBe(c.fixedIn);
    });
  }
});
