/** The incident page keeps the parsed incident per content version; anything else reads the row every time. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../test-db";

vi.mock("server-only", () => ({}));

let testDb: TestDb;
let getIncident: typeof import("./get-incident").getIncident;
let getKbGeneration: typeof import("../kb/kb-generation").getKbGeneration;

const result = (title: string) => JSON.stringify({ schemaVersion: 1, title, inputs: [], hosts: [], boots: [], events: [], findings: [], sources: [], stats: { lines: 0, bytes: 0, elapsedMs: 0 } });

async function addIncident(id: string, contentSha256: string | null) {
  await testDb.db.incident.create({ data: { id, title: id, result: result("first"), contentSha256, kbGeneration: await getKbGeneration(testDb.db) } });
}

beforeAll(async () => {
  testDb = await createTestDb();
  // getDb() reads DATABASE_URL on first use.
  process.env.DATABASE_URL = testDb.url;
  ({ getIncident } = await import("./get-incident"));
  ({ getKbGeneration } = await import("../kb/kb-generation"));
});

afterAll(async () => {
  await testDb.cleanup();
});

describe("getIncident", () => {
  it("keeps the parsed incident for the page while its content is the same, and reads new content", async () => {
    await addIncident("kept-incident-0000000001", "a".repeat(64));
    const first = await getIncident("kept-incident-0000000001", { kept: true });
    const again = await getIncident("kept-incident-0000000001", { kept: true });
    expect(again.incident).toBe(first.incident);
    expect(again.version).toBe(first.version);

    // New content (a capture re-triaging its window) comes with new bytes: a new hash.
    await testDb.db.incident.update({ where: { id: "kept-incident-0000000001" }, data: { result: result("second"), contentSha256: "b".repeat(64) } });
    const replaced = await getIncident("kept-incident-0000000001", { kept: true });
    expect((replaced.incident as unknown as { title: string }).title).toBe("second");
    expect(replaced.version).not.toBe(first.version);
  });

  it("reads every time without `kept`, or for an incident without a content hash", async () => {
    await addIncident("kept-incident-0000000002", null);
    const a = await getIncident("kept-incident-0000000002", { kept: true });
    const b = await getIncident("kept-incident-0000000002", { kept: true });
    expect(a.version).toBeNull();
    expect(b.incident).not.toBe(a.incident);
    await addIncident("kept-incident-0000000003", "c".repeat(64));
    const c = await getIncident("kept-incident-0000000003");
    const d = await getIncident("kept-incident-0000000003");
    expect(d.incident).not.toBe(c.incident);
    expect(d.incident).toEqual(c.incident);
  });

  it("is not-found for an unknown id", async () => {
    await expect(getIncident("no-such-incident-000000", { kept: true })).rejects.toMatchObject({ code: "not-found" });
  });
});
