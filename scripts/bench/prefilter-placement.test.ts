import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LiteralPrefilter } from "@/lib/engine/scan/literal-prefilter";
import { HOT_PLAN } from "@/lib/engine/scan/scan-input";
import { ensureProfile, type ProfileName } from "./perf-profiles";

/**
 * The hot prefilter's bucket placement on bench:perf's generated logs: positions the shift-or automaton lets through
 * to the byte comparison, per line. The greedy placement alone, once 174 needles were in the plan, let ~0.75 per line
 * through on the quiet profile (every needle-free line paid a comparison) and ~1 per line on the busy one.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-placement-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function candidatesPerLine(profile: ProfileName): Promise<{ perLine: number; hitsPerLine: number }> {
  const [file] = await ensureProfile(profile, dir, 2);
  const bytes = new Uint8Array(readFileSync(file));
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] !== 10) end--;
  let lines = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) lines++;
  // Built here, not from the CLI build's stored tables: the placement itself is under test.
  const prefilter = new LiteralPrefilter(HOT_PLAN, true);
  const hits = prefilter.find(bytes, 0, end);
  return { perLine: prefilter.candidates / lines, hitsPerLine: hits.length / lines };
}

describe("hot prefilter bucket placement", () => {
  it("lets few positions of a quiet log through to the byte comparison", async () => {
    const { perLine } = await candidatesPerLine("quiet");
    // 7-byte heads stepped two bytes at a time (shift-or-wasm.ts) pass ~2.5× the positions 8-byte heads did, and 16
    // buckets hold ~190 needles: ~0.13 per quiet line early in December 2026 (` entered ` fit a bucket's lanes), ~0.00 once the moves ran until they settled and heads stopped spelling common words; ~6 ns of
    // byte comparison a line against ~250 ns of walk. The greedy placement alone let ~0.75 per line through.
    // A position let through costs 50–155 ns (2026-12-05, the 64 MB quiet profile's prefilter pass: 37 ms at 0.002 per
    // line, 75 ms at 0.38, 78 ms at 1.25 with the greedy placement alone): at 0.38, a tenth of a ~360 ms triage.
    expect(perLine).toBeLessThan(0.2);
  });

  it("on a busy node's log, passes few positions beyond the real needle hits", async () => {
    const { perLine, hitsPerLine } = await candidatesPerLine("busy");
    expect(hitsPerLine).toBeGreaterThan(0.02);
    // The 64 MB busy profile's pass: 61 ms at 0.39 per line, 77 ms at 0.63, 115 ms at 2.63 (greedy placement alone).
    expect(perLine).toBeLessThan(0.5);
  });
});
