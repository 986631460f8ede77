/**
 * Cross-check of the whole knowledge base (built-in entries plus the kernel CVE sample import when it is checked
 * out next to the repo): every composed log of testdata/kb and every real log of testdata/real with an expectation
 * runs against all entries at once, so an entry that steals another's logs fails here.
 *
 * - testdata/kb: the log's own entry is the top match (not a related one) of some finding, and no other entry scores
 *   NONE_FITS_MAX_SCORE or more on that finding (imported CVE records of the same crash site may) — every file.
 * - testdata/real, `kb=<id>`: the same, counted per part (dev / held-out by SHA-1, see corpus-cases.ts); each part
 *   must reach MIN_TOP1 (the held-out part is only measured, never tuned on).
 * - testdata/real, `kb=none-fits`: no finding of that kind gets a match scoring NONE_FITS_MAX_SCORE or more — every file.
 *
 * `OOPSCOPE_REAL_DIR` points the real part at another checkout of the corpus; `KB_CROSSCHECK_REPORT=1` prints misses.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { triage, type TriageKb } from "../engine/triage";
import { readKbCase, readRealCases } from "./corpus-cases";
import { NONE_FITS_MAX_SCORE, evaluateExpect, expectedEntry } from "./evaluate-expect";
import { loadBuiltinKb } from "./load-builtin";
import { parseCveRecord } from "./cve/parse-cve-record";
import type { KbEntry } from "./schema";

const KB_DIR = path.resolve(import.meta.dirname, "../../testdata/kb");
const REAL_DIR = process.env.OOPSCOPE_REAL_DIR ?? path.resolve(import.meta.dirname, "../../testdata/real");
const CVE_SAMPLE = path.resolve(import.meta.dirname, "../../../shared/data/kernel-cves-sample");
const NOW = new Date("2026-12-01T00:00:00Z");
/**
 * Top-1 rate each part of the real corpus must keep: a ratchet at the measured level (raise it when it improves).
 * The issue's bar is 0.9 on the held-out part; misses that are not the KB's (no finding parsed) count here too.
 */
const MIN_TOP1: Record<"dev" | "heldOut", number> = { dev: 0.97, heldOut: 0.9 };
const REPORT = process.env.KB_CROSSCHECK_REPORT === "1";

async function cveSampleEntries(): Promise<KbEntry[]> {
  if (!existsSync(CVE_SAMPLE)) return [];
  const out: KbEntry[] = [];
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith(".json") ? [path.join(d, e.name)] : [],
    );
  for (const json of walk(CVE_SAMPLE)) {
    const base = json.slice(0, -".json".length);
    const opt = (ext: string) => (existsSync(`${base}.${ext}`) ? readFileSync(`${base}.${ext}`, "utf8") : undefined);
    const r = await parseCveRecord({ json: readFileSync(json, "utf8"), dyad: opt("dyad"), sha1: opt("sha1"), path: json });
    if (r.ok) out.push(r.entry);
  }
  return out;
}

const builtin = loadBuiltinKb();
const imported = await cveSampleEntries();
const all = [...builtin.entries, ...imported];
const kb: TriageKb = { index: buildKbIndex(all), entries: new Map(all.map((e) => [e.id, e])) };
const ids = new Set(all.map((e) => e.id));
const run = (name: string, log: string) => triage([{ name, data: new TextEncoder().encode(log) }], { kb, now: NOW });

describe("KB cross-check: testdata/kb against the whole KB", () => {
  const files = readdirSync(KB_DIR).filter((f) => f.endsWith(".log")).sort();
  it("loads", () => {
    expect(builtin.errors).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(builtin.entries.length);
  });
  for (const file of files) {
    it(file, async () => {
      const c = readKbCase(KB_DIR, file);
      const inc = await run(file, c.log);
      const o = evaluateExpect(inc, { kind: inc.findings[0]?.kind ?? "" }, c.kbId);
      expect(o.ok, `${c.kbId} is not first; got ${o.got} (with ${imported.length} imported CVE entries)`).toBe(true);
      // No other curated entry claims the same finding strongly: a runner-up at 0.5 or more is a false positive in
      // waiting. Imported CVE records of the same crash site (several skb_segment fixes) are legitimate candidates.
      const own = inc.findings.find((f) => f.matches.find((m) => !m.related)?.kbId === c.kbId)!;
      const rivals = own.matches.filter(
        (m) => !m.related && m.origin !== "imported" && m.kbId !== c.kbId && m.score >= NONE_FITS_MAX_SCORE,
      );
      expect(rivals.map((m) => `${m.kbId} ${m.score}`), `${c.kbId}'s finding is also a strong match for other entries`).toEqual([]);
    });
  }
});

const realCases = readRealCases(REAL_DIR);

describe.skipIf(realCases.length === 0)("KB cross-check: testdata/real", () => {
  it("expected entries come first; none-fits logs get no strong match", async () => {
    const tally = { dev: { ok: 0, n: 0 }, heldOut: { ok: 0, n: 0 } };
    // Held-out files are never named (issue 9: rules are tuned on the dev part only): a held-out failure is a count,
    // and the held-out part is held to a ratio (MIN_TOP1), none-fits logs included — a held-out miss is a figure to
    // report, not a file to fix, so it cannot be a test that must reach zero.
    const noneFitsFailures: string[] = [];
    const misses: string[] = [];
    for (const c of realCases) {
      const inc = await run(c.rel, c.log);
      for (const e of c.expects) {
        const want = expectedEntry(e, (id) => ids.has(id));
        if (!want) continue;
        const o = evaluateExpect(inc, e, want);
        if (want === "none-fits" && !c.heldOut) {
          if (!o.ok) noneFitsFailures.push(`${c.rel}: ${o.got}`);
          continue;
        }
        const part = c.heldOut ? tally.heldOut : tally.dev;
        part.n++;
        if (o.ok) part.ok++;
        else if (!c.heldOut) misses.push(`${c.rel}: want ${want}${ids.has(want) ? "" : " (no such entry)"}, got ${o.got}`);
      }
    }
    if (REPORT) {
      console.log(`dev top-1 ${tally.dev.ok}/${tally.dev.n}, held-out top-1 ${tally.heldOut.ok}/${tally.heldOut.n}`);
      for (const m of misses) console.log(`  dev miss ${m}`);
    }
    expect(noneFitsFailures, "dev none-fits logs with a match ≥ 0.5").toEqual([]);
    for (const [name, t] of Object.entries(tally)) {
      if (t.n === 0) continue;
      expect(t.ok / t.n, `${name} top-1 ${t.ok}/${t.n}${name === "dev" ? `; misses:\n${misses.join("\n")}` : ""}`).toBeGreaterThanOrEqual(
        MIN_TOP1[name as "dev" | "heldOut"],
      );
    }
  }, 120_000);
});
