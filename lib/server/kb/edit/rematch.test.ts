import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../../../engine/match/build-kb-index";
import { triage, type TriageKb } from "../../../engine/triage";
import { kbWithExplodingSkbuffEntry } from "../../../engine/testing/throwing-rule";
import type { IncidentWarning } from "../../../engine/types";
import { loadBuiltinKb } from "../../../kb/load-builtin";
import { rematchIncident } from "./rematch";

const LOGS = path.resolve(import.meta.dirname, "../../../../testdata/logs");
const entries = loadBuiltinKb().entries;
const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
const NOW = new Date("2026-01-01T00:00:00Z");

describe("rematchIncident", () => {
  // Re-matching a stored (KB-less) incident must give what triage with the KB gives: same matches, same advice.
  for (const family of readdirSync(LOGS)) {
    for (const file of readdirSync(path.join(LOGS, family)).filter((f) => f.endsWith(".log"))) {
      it(`equals a fresh triage with the KB: ${family}/${file}`, async () => {
        const raw = readFileSync(path.join(LOGS, family, file), "utf8").split(/\n\n/).slice(1).join("\n\n");
        const input = () => [{ name: file, data: new TextEncoder().encode(raw) }];
        const plain = await triage(input(), { now: NOW });
        const fresh = await triage(input(), { kb, now: NOW });
        const rematched = rematchIncident(plain, kb, NOW);
        expect(rematched.findings.map((f) => f.matches)).toEqual(fresh.findings.map((f) => f.matches));
        expect(rematched.recommendation).toEqual(fresh.recommendation);
      });
    }
  }
});

describe("rematchIncident warnings", () => {
  const BUG = "Aug 16 00:15:16 w01 kernel: kernel BUG at net/core/skbuff.c:4230!\n";
  const scanWarning: IncidentWarning = { stage: "window", source: { file: "m.log", line: 9 }, message: "Error: scan" };
  const staleMatch: IncidentWarning = { stage: "match", source: { file: "m.log", line: 1 }, message: "Error: old" };

  it("records a finding whose matching throws and replaces the previous matching's warnings", async () => {
    const stored = { ...(await triage([{ name: "m.log", data: new TextEncoder().encode(BUG) }], { now: NOW })), warnings: [scanWarning, staleMatch] };
    const rematched = rematchIncident(stored, kbWithExplodingSkbuffEntry(), NOW);
    expect(rematched.warnings).toEqual([scanWarning, { stage: "match", source: stored.findings[0].source, message: "RangeError: fixes exploded" }]);
    expect(rematched.findings.map((f) => f.matches)).toEqual([[]]);
    expect(rematchIncident(stored, kb, NOW).warnings).toEqual([scanWarning]);
  });
});
