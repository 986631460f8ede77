import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { triage } from "@/lib/engine/triage";
import { mayNameRefusals } from "./find-refused-inputs";
import { incidentRecord } from "./incident-record";
import { summarizeIncident } from "./summarize-incident";

const ROOT = path.resolve(__dirname, "../../..");
const body = (file: string) => {
  const text = readFileSync(path.join(ROOT, "testdata/kb", file), "utf8");
  return new TextEncoder().encode(text.slice(text.indexOf("\n\n") + 2));
};
/** Bytes the engine refuses as binary. */
const BINARY = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) & 0xff);

describe("incidentRecord", () => {
  it("carries the JSON, the list columns and one row per finding, as saving them from the incident would", async () => {
    const incident = await triage([{ name: "messages", data: body("block-io-error.log") }]);
    const record = incidentRecord(incident, 7);
    expect(JSON.parse(record.json)).toEqual(JSON.parse(JSON.stringify(incident)));
    expect(record.findings.length).toBeGreaterThan(0);
    expect(record.summary).toEqual(summarizeIncident(incident));
    expect(record.kbGeneration).toBe(7);
    expect(record.findings.map((f) => [f.findingId, f.signature, f.kind, f.time])).toEqual(incident.findings.map((f) => [f.id, f.signature, f.kind, f.time ?? null]));
    expect(record.inputs).toEqual([{ lines: incident.inputs[0].lines, compressed: false, readable: true }]);
    expect(record.refused).toEqual([]);
    // A message between processes is JSON or a structured clone: nothing in it may be lost on the way.
    expect(structuredClone(record)).toEqual(record);
  });

  it("names a refused input and marks it unreadable", async () => {
    const incident = await triage([
      { name: "messages", data: body("block-io-error.log") },
      { name: "core.bin", data: BINARY },
    ]);
    const record = incidentRecord(incident);
    expect(record.inputs.map((i) => i.readable)).toEqual([true, false]);
    expect(record.refused.map((r) => r.name)).toEqual(["core.bin"]);
    expect(mayNameRefusals(record.json)).toBe(true);
  });
});

describe("mayNameRefusals", () => {
  it("is false only for JSON without an error key, whatever its strings hold", () => {
    expect(mayNameRefusals(JSON.stringify({ inputs: [{ name: "a", lines: 3 }], findings: [{ title: '"error": in a log line' }] }))).toBe(false);
    expect(mayNameRefusals(JSON.stringify({ inputs: [{ name: "a", lines: 0, error: "binary" }] }))).toBe(true);
  });
});
