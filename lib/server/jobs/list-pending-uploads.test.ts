/** The incident list's "not triaged yet" rows, against a real database (SQLite, or Postgres with TEST_DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/roles";
import { createTestDb, type TestDb } from "../test-db";
import { incidentsDeletableBy } from "../lifecycle/delete-incident-as";
import { findPendingUpload, listPendingUploads } from "./list-pending-uploads";

vi.mock("server-only", () => ({}));

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  // incidentsDeletableBy reads through the process-wide client.
  process.env.DATABASE_URL = testDb.url;
  const db = testDb.db;
  await db.user.create({ data: { id: "u-ana", name: "Ana", email: "ana@example.test" } });
  const job = (id: string, status: string, minutesAgo: number, extra: Record<string, unknown> = {}) =>
    db.uploadJob.create({
      data: {
        id,
        status,
        files: JSON.stringify([{ name: `${id}.log`, key: `${id}/0.upload` }]),
        uploadedBytes: 1000 + minutesAgo,
        contentSha256: `sha-${id}`,
        createdAt: new Date(Date.UTC(2026, 11, 2, 2, 0) - minutesAgo * 60_000),
        ...extra,
      },
    });
  await job("queued-old", "queued", 30);
  await job("triaging-new", "triaging", 1, { uploaderId: "u-ana", attempts: 1 });
  await job("failed-mid", "failed", 10, { errorCode: "unprocessable", error: "binary file", uploaderId: "u-gone" });
  await job("two-parts", "queued", 20, { files: JSON.stringify([{ name: "messages", key: "a" }, { name: "dmesg", key: "b" }]) });
  await job("bad-list", "queued", 40, { files: "not json" });
  // Triaged uploads have no job row; an incident row must not show up here.
  await db.incident.create({ data: { id: "done-one", title: "t", hosts: "", kernels: "", kbIds: "", findingCount: 0, totalBytes: 0, result: "{}", contentSha256: "sha-done" } });
}, 120_000);

afterAll(async () => {
  await testDb.cleanup();
});

describe("listPendingUploads", () => {
  it("lists queued, triaging and failed uploads newest first with names, size, uploader and reason", async () => {
    const { items, total } = await listPendingUploads(testDb.db);
    expect(total).toBe(5);
    expect(items.map((u) => u.id)).toEqual(["triaging-new", "failed-mid", "two-parts", "queued-old", "bad-list"]);
    const [triaging, failed, twoParts] = items;
    expect(triaging).toMatchObject({ status: "triaging", fileNames: ["triaging-new.log"], uploadedBytes: 1001, uploader: "Ana", uploaderId: "u-ana" });
    expect(triaging.error).toBeUndefined();
    // An account deleted since: no name, the id still decides who may delete.
    expect(failed).toMatchObject({ status: "failed", error: "binary file", uploader: null, uploaderId: "u-gone" });
    expect(twoParts.fileNames).toEqual(["messages", "dmesg"]);
    expect(items.find((u) => u.id === "bad-list")?.fileNames).toEqual([]);
  });

  it("caps the rows but counts them all", async () => {
    const { items, total } = await listPendingUploads(testDb.db, { limit: 2 });
    expect(items).toHaveLength(2);
    expect(total).toBe(5);
  });

  it("follows the list's filters: search words in the file names, none under a filter on triage results", async () => {
    const ids = async (filters: Parameters<typeof listPendingUploads>[1]) => (await listPendingUploads(testDb.db, filters)).items.map((u) => u.id);
    expect(await ids({ filters: { q: "DMESG" } })).toEqual(["two-parts"]);
    expect(await ids({ filters: { q: "messages dmesg" } })).toEqual(["two-parts"]);
    expect(await listPendingUploads(testDb.db, { filters: { q: "nothing-like-this" } })).toEqual({ items: [], total: 0 });
    for (const filters of [{ host: "w1" }, { kernel: "6.1" }, { kb: "x" }, { verdict: "affected" as const }, { kind: "oops" }, { from: "2026-12-01" }, { to: "2026-12-01" }, { muted: "only" as const }])
      expect(await listPendingUploads(testDb.db, { filters })).toEqual({ items: [], total: 0 });
    // Hiding muted incidents hides none of these (they have no findings yet); the sort does not filter.
    expect(await ids({ filters: { muted: "hide" } })).toHaveLength(5);
  });

  it("finds one pending upload, and nothing for a triaged or unknown id", async () => {
    expect((await findPendingUpload(testDb.db, "failed-mid"))?.status).toBe("failed");
    expect(await findPendingUpload(testDb.db, "done-one")).toBeUndefined();
    expect(await findPendingUpload(testDb.db, "nope")).toBeUndefined();
  });
});

describe("who may delete an upload not triaged yet", () => {
  const viewer = (userId: string, role: "viewer" | "editor" = "viewer"): Actor => ({ kind: "user", userId, name: "n", email: "e@x", role, via: "session" });
  const ids = ["triaging-new", "failed-mid", "queued-old", "done-one"];

  it("is its uploader, as for an incident, and any editor", async () => {
    expect([...(await incidentsDeletableBy(viewer("u-ana"), ids))]).toEqual(["triaging-new"]);
    expect((await incidentsDeletableBy(viewer("u-bob", "editor"), ids)).size).toBe(4);
    expect((await incidentsDeletableBy(viewer("u-bob"), ids)).size).toBe(0);
    expect((await incidentsDeletableBy({ kind: "anonymous" }, ids)).size).toBe(0);
  });
});
