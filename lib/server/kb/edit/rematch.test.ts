import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../../../engine/match/build-kb-index";
import { triage, type TriageKb } from "../../../engine/triage";
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
