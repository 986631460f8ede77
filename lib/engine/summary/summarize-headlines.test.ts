import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBuiltinKb } from "../../kb/load-builtin";
import { buildKbIndex } from "../match/build-kb-index";
import { triage, type TriageKb } from "../triage";

const { entries } = loadBuiltinKb();
const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
const NOW = new Date("2026-12-01T00:00:00Z");

/** The skb_segment BUG of testdata/kb, on host `host` running `release`. */
function bugOn(host: string, release: string): string {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../../testdata/kb/skb-segment-gso-bug.log"), "utf8");
  const log = text.slice(text.indexOf("\n\n") + 2);
  return log.replaceAll(" w01 ", ` ${host} `).replaceAll("6.1.1-1.el9.elrepo.x86_64", release);
}

describe("one story per host", () => {
  it("each host gets its own headline, judged on its own kernel; the incident's advice is the most pressing one", async () => {
    const log = bugOn("fixed-node", "6.1.110-1.el9.elrepo.x86_64") + bugOn("old-node", "6.1.1-1.el9.elrepo.x86_64");
    const inc = await triage([{ name: "two-hosts.log", data: new TextEncoder().encode(log) }], { kb, now: NOW });
    const hl = inc.headlines ?? [];
    expect(hl.map((h) => [h.host, h.verdict])).toEqual([
      ["old-node", "affected"],
      ["fixed-node", "fixed"],
    ]);
    expect(inc.recommendation).toEqual(hl[0]);
    for (const h of hl) {
      const finding = inc.findings.find((f) => f.id === h.findingId)!;
      // The headline's host, kernel, verdict and confidence are those of its own finding's top match.
      expect(finding.host).toBe(h.host);
      expect(h.kernelRelease).toBe(finding.kernelRelease);
      const top = finding.matches.find((m) => m.kbId === h.kbId)!;
      expect([top.verdict, top.confidence, top.score]).toEqual([h.verdict, h.confidence, h.score]);
    }
    expect(hl[0].upgrade?.text).toMatch(/^6\.1\.1 → 6\.1\.103 or later on 6\.1\.y/);
    expect(hl[1].upgrade).toBeUndefined();
  });
});
