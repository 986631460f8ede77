/** The upload's answer names what its incident could not read, asking the database before reading the JSON. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { findRefusedInputs } from "./find-refused-inputs";

let testDb: TestDb;

const incident = (inputs: object[], sources: object[] = [], findings: object[] = []) =>
  JSON.stringify({ schemaVersion: 1, inputs, sources, findings, hosts: [], boots: [], events: [], stats: { lines: 0, bytes: 0, elapsedMs: 0 } });

async function addIncident(id: string, result: string): Promise<string> {
  await testDb.db.incident.create({ data: { id, title: id, result } });
  return id;
}

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb.cleanup();
});

describe("findRefusedInputs", () => {
  it("names refused inputs and sources with their reasons", async () => {
    const id = await addIncident("refused-000000000001", incident([{ name: "messages", lines: 3 }, { name: "core.bin", lines: 0, error: "binary file" }], [{ name: "case.zip", error: "a decompression bomb" }]));
    expect(await findRefusedInputs(testDb.db, id)).toEqual([
      { name: "case.zip", message: "a decompression bomb" },
      { name: "core.bin", message: "binary file" },
    ]);
  });

  it("finds none where nothing was refused, whatever the log's own lines say", async () => {
    const clean = await addIncident("refused-000000000002", incident([{ name: "messages", lines: 3 }]));
    // A log line quoting JSON (escaped inside the incident's JSON) and an upper-case key are no refusal.
    const quoting = await addIncident("refused-000000000003", incident([{ name: "messages", lines: 3 }], [], [{ title: '{"error": "x"}', text: '"ERROR": y' }]));
    expect(await findRefusedInputs(testDb.db, clean)).toEqual([]);
    expect(await findRefusedInputs(testDb.db, quoting)).toEqual([]);
    expect(await findRefusedInputs(testDb.db, "refused-gone-0000000")).toEqual([]);
  });
});
