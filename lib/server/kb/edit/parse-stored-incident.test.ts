import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { triage } from "../../../engine/triage";
import { kbEntrySchema } from "../../../kb/schema";
import { createTestDb, type TestDb } from "../../test-db";
import { seedKb } from "../seed-kb";
import { parseStoredIncident } from "./parse-stored-incident";
import { previewRuleChange } from "./preview";
import { rematchRecentIncidents } from "./rematch-incidents";

const LOG = path.resolve(import.meta.dirname, "../../../../testdata/logs/null-deref/ip6mr-sk-done.log");
const logText = readFileSync(LOG, "utf8").split(/\n\n/).slice(1).join("\n\n");

const entry = kbEntrySchema.parse({
  id: "ip6mr-netns-null",
  title: "NULL deref in ip6mr_sk_done on netns setup",
  summary: "Creating a network namespace fails half-way and ip6mr cleanup dereferences NULL.",
  component: "kernel",
  signatures: [{ kind: "guilty-frame", value: "ip6mr_sk_done", weight: 0.8 }],
});

describe("parseStoredIncident", () => {
  it("skips damaged JSON and a result without findings, naming the row and the reason", () => {
    const bad = parseStoredIncident({ id: "row-a", result: '{"findings": [' });
    expect(bad).toEqual({ skipped: expect.stringMatching(/^incident row-a: stored result is not valid JSON \(.+\); skipped$/) });
    expect(parseStoredIncident({ id: "row-b", result: "null" })).toEqual({ skipped: "incident row-b: stored result has no findings list; skipped" });
    expect(parseStoredIncident({ id: "row-c", result: '{"findings":[]}' })).toEqual({ incident: { findings: [] } });
  });

  it("lets an error that is not damaged JSON propagate", () => {
    const hostile = { toString: () => { throw new RangeError("not a parse error"); } } as unknown as string;
    expect(() => parseStoredIncident({ id: "row-d", result: hostile })).toThrow(RangeError);
  });
});

describe("re-matching stored incidents next to damaged rows", () => {
  let env: TestDb;
  beforeAll(async () => {
    env = await createTestDb();
    await seedKb(env.db, []);
    const incident = await triage([{ name: "node.log", data: new TextEncoder().encode(logText) }]);
    await env.db.incident.create({ data: { id: "good", title: "good", result: JSON.stringify(incident) } });
    await env.db.incident.create({ data: { id: "truncated", title: "truncated", result: JSON.stringify(incident).slice(0, 100) } });
    await env.db.incident.create({ data: { id: "no-findings", title: "no findings", result: "{}" } });
  });
  afterAll(async () => env.cleanup());

  it("previews against the readable incident and reports each damaged one", async () => {
    const preview = await previewRuleChange(env.db, { document: entry });
    expect(preview.ok).toBe(true);
    expect(preview.incidentsChecked).toBe(3);
    expect(preview.incidents.map((i) => i.incidentId)).toEqual(["good"]);
    expect(preview.skipped).toHaveLength(2);
    expect(preview.skipped?.find((s) => s.startsWith("incident truncated:"))).toContain("not valid JSON");
    expect(preview.skipped?.find((s) => s.startsWith("incident no-findings:"))).toContain("no findings list");
  });

  it("re-matches the readable incident, leaves the damaged ones and logs each one", async () => {
    await env.db.kbEntry.deleteMany();
    await seedKb(env.db, [entry]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const result = await rematchRecentIncidents(env.db);
      expect(result.incidents).toBe(3);
      expect(result.changed).toBe(1);
      expect(result.skipped).toHaveLength(2);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(warn.mock.calls.map((c) => String(c[0])).sort()).toEqual([
        expect.stringContaining("incident no-findings:"),
        expect.stringContaining("incident truncated:"),
      ]);
    } finally {
      warn.mockRestore();
    }
    expect((await env.db.incident.findUniqueOrThrow({ where: { id: "truncated" } })).result).toHaveLength(100);
  });
});
