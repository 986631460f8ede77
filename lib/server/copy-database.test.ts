import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDatabase, TargetNotEmptyError } from "./copy-database";
import { createTestDb, type TestDb } from "./test-db";

// SQLite → the provider under test (Postgres when TEST_DATABASE_URL names one, as in CI's second run).
let source: TestDb;
let target: TestDb;

beforeAll(async () => {
  source = await createTestDb({ sqliteOnly: true });
  target = await createTestDb();
  const db = source.db;
  await db.user.create({
    data: {
      id: "u1",
      name: "Ada Admin",
      email: "ada@example.com",
      role: "admin",
      accounts: { create: [{ id: "a1", accountId: "u1", providerId: "credential", password: "hash" }] },
      sessions: { create: [{ id: "s1", token: "tok", expiresAt: new Date("2030-01-01T00:00:00.000Z") }] },
      apiTokens: { create: [{ id: "t1", name: "ci", scope: "write", tokenHash: "h", prefix: "oops_ab" }] },
    },
  });
  await db.setting.create({ data: { key: "retention.days", value: "30" } });
  for (let e = 0; e < 3; e++) {
    await db.kbEntry.create({
      data: {
        id: `team-${e}`,
        title: `Entry ${e}`,
        component: "net",
        origin: "team",
        document: JSON.stringify({ id: `team-${e}`, text: "ü ß 字".repeat(50) }),
        revision: 2,
        revisions: { create: [1, 2].map((revision) => ({ revision, document: "{}", message: `r${revision}`, authorName: "Ada" })) },
      },
    });
  }
  // More incidents than one copy batch, so paging is exercised.
  const ids = Array.from({ length: 230 }, (_, i) => `incident-${String(i).padStart(4, "0")}-xxxxxxxx`);
  await db.incident.createMany({
    data: ids.map((id, i) => ({ id, createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)), title: `BUG: crash ${i}`, result: JSON.stringify({ n: i }), uploaderId: i % 2 ? "u1" : null })),
  });
  await db.incidentFile.createMany({
    data: ids.map((incidentId, i) => ({ incidentId, index: 0, name: "messages", bytes: 100 + i, storagePath: `uploads/x${i}/0.upload`, compressed: i % 3 === 0 })),
  });
  await db.findingRecord.createMany({
    data: ids.map((incidentId, i) => ({ incidentId, findingId: "f1", signature: `sig-${i % 7}`, title: "BUG", kind: "bug", time: i % 5 ? new Date(Date.UTC(2026, 9, 1)) : null })),
  });
  await db.auditEvent.create({ data: { action: "incident.delete", targetId: "gone", summary: "BUG: old", actorId: "u1", actorName: "Ada Admin" } });
}, 60_000);
afterAll(async () => {
  await source.cleanup();
  await target.cleanup();
});

describe("copyDatabase", () => {
  it("copies every row of every table, ids and values intact, and new rows get fresh ids", async () => {
    const result = await copyDatabase(source.db, target.db);
    const rows = Object.fromEntries(result.map((r) => [r.table, r.rows]));
    expect(rows).toMatchObject({ user: 1, account: 1, session: 1, ApiToken: 1, Setting: 1, KbEntry: 3, KbRevision: 6, Incident: 230, IncidentFile: 230, FindingRecord: 230, AuditEvent: 1 });

    const read = (t: TestDb) =>
      Promise.all([
        t.db.incident.findMany({ orderBy: { id: "asc" }, include: { files: true, findings: true } }),
        t.db.kbEntry.findMany({ orderBy: { id: "asc" }, include: { revisions: { orderBy: { id: "asc" } } } }),
        t.db.user.findMany({ include: { accounts: true, sessions: true, apiTokens: true } }),
        t.db.auditEvent.findMany(),
      ]);
    expect(await read(target)).toEqual(await read(source));

    // Autoincrement ids continue after the copied ones (Postgres sequences are moved).
    const revision = await target.db.kbRevision.create({ data: { entryId: "team-0", revision: 3, document: "{}" } });
    expect(revision.id).toBe(7);
    const file = await target.db.incidentFile.create({ data: { incidentId: "incident-0000-xxxxxxxx", index: 1, name: "b", bytes: 1, storagePath: "uploads/x/1.upload" } });
    expect(file.id).toBe(231);
  });

  it("refuses a target that holds data, unless told to replace it", async () => {
    await expect(copyDatabase(source.db, target.db)).rejects.toBeInstanceOf(TargetNotEmptyError);
    const result = await copyDatabase(source.db, target.db, { replace: true });
    expect(result.find((r) => r.table === "KbRevision")?.rows).toBe(6);
    expect(await target.db.kbRevision.count()).toBe(6);
    expect(await target.db.incidentFile.count()).toBe(230);
  });
});
