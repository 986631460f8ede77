import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mayDeleteIncident, type Actor } from "../auth/roles";
import { createTestDb, type TestDb } from "../test-db";
import { sweepOrphanedUploads, trackUploadInFlight } from "../storage/sweep-orphans";
import { LocalDirectoryStore } from "../storage/upload-store";
import { listAuditEvents } from "./audit";
import { deleteIncident } from "./delete-incident";
import { startMaintenance } from "./maintenance";
import { applyRetention, incidentsNamedByKb, setRetentionSettings } from "./retention";

const DAY = 24 * 60 * 60 * 1000;
let env: TestDb;
let tmp: string;
let store: LocalDirectoryStore;
let serial = 0;

beforeAll(async () => {
  env = await createTestDb();
});
afterAll(() => env.cleanup());

function freshStore(shared = false): LocalDirectoryStore {
  tmp = mkdtempSync(path.join(os.tmpdir(), "oopscope-store-"));
  store = new LocalDirectoryStore(path.join(tmp, "uploads"), shared);
  return store;
}
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const newId = () => `incident${String(++serial).padStart(14, "0")}`;

/** Stored bytes for `id` (two files), written `ageMs` ago. */
async function writeUpload(id: string, ageMs = 0, bytes = 1000): Promise<string[]> {
  const dir = await store.prepare(id);
  const files = [0, 1].map((n) => path.join(dir, `${n}.upload`));
  for (const f of files) {
    writeFileSync(f, "x".repeat(bytes));
    const t = new Date(Date.now() - ageMs);
    utimesSync(f, t, t);
  }
  const t = new Date(Date.now() - ageMs);
  utimesSync(dir, t, t);
  return files;
}

async function storeIncident(id: string, createdAt = new Date(), bytes = 1000): Promise<void> {
  const files = await writeUpload(id, Date.now() - createdAt.getTime(), bytes);
  await env.db.incident.create({
    data: {
      id,
      createdAt,
      title: `BUG: crash ${id}`,
      result: "{}",
      files: { create: files.map((f, index) => ({ index, name: `node${index}.log`, bytes, storagePath: store.keyOf(f) })) },
      findings: { create: [{ findingId: "f1", signature: `sig-${id}`, title: "BUG: crash", kind: "bug" }] },
    },
  });
}

const storedIds = () => (existsSync(store.root) ? readdirSync(store.root).sort() : []);

describe("deleting an incident", () => {
  it("removes the row, its findings and files, and audits who did it", async () => {
    freshStore();
    const [keep, gone] = [newId(), newId()];
    await storeIncident(keep);
    await storeIncident(gone, new Date(), 5000);
    const deleted = await deleteIncident(env.db, store, gone, { id: "u1", name: "Erin Editor" });
    expect(deleted).toMatchObject({ id: gone, files: 2, bytes: 10_000 });
    expect(await env.db.incident.count({ where: { id: gone } })).toBe(0);
    expect(await env.db.findingRecord.count({ where: { incidentId: gone } })).toBe(0);
    expect(await env.db.incidentFile.count({ where: { incidentId: gone } })).toBe(0);
    expect(storedIds()).toEqual([keep]);
    const [event] = await listAuditEvents(env.db, 1);
    expect(event).toMatchObject({ action: "incident.delete", targetId: gone, summary: `BUG: crash ${gone}`, actorName: "Erin Editor", files: 2, bytes: 10_000 });
    await expect(deleteIncident(env.db, store, gone, { id: "u1", name: "Erin Editor" })).rejects.toMatchObject({ code: "not-found" });
  });

  it("is allowed to editors and to the uploader (not with a read-only token), not to other viewers or anonymous", () => {
    const user = (role: "viewer" | "editor" | "admin", userId = "u-viewer"): Actor => ({ kind: "user", userId, name: "n", email: "e@x", role, via: "session" });
    const token = (scope: "read" | "write"): Actor => ({ kind: "user", userId: "owner", name: "n", email: "e@x", role: "viewer", via: "token", tokenId: "t", scope });
    expect(mayDeleteIncident(user("editor"), null)).toBe(true);
    expect(mayDeleteIncident(user("admin"), "someone")).toBe(true);
    expect(mayDeleteIncident(user("viewer", "owner"), "owner")).toBe(true);
    expect(mayDeleteIncident(token("write"), "owner")).toBe(true);
    expect(mayDeleteIncident(token("read"), "owner")).toBe(false);
    expect(mayDeleteIncident(user("viewer"), "owner")).toBe(false);
    expect(mayDeleteIncident(user("viewer"), null)).toBe(false);
    expect(mayDeleteIncident({ kind: "anonymous" }, null)).toBe(false);
  });
});

describe("retention", () => {
  it("deletes old incidents, keeps the findings of those a KB revision names without their raw logs, audits both", async () => {
    freshStore();
    const now = new Date();
    const [old, named, linked, young] = [newId(), newId(), newId(), newId()];
    await storeIncident(old, new Date(now.getTime() - 40 * DAY));
    await storeIncident(named, new Date(now.getTime() - 40 * DAY));
    await storeIncident(linked, new Date(now.getTime() - 40 * DAY));
    await storeIncident(young, new Date(now.getTime() - 5 * DAY));
    const document = JSON.stringify({ id: "team-x", references: [{ url: `https://oops.example/incidents/${linked}` }] });
    await env.db.kbEntry.create({
      data: {
        id: "team-x",
        title: "x",
        component: "net",
        origin: "team",
        document,
        revisions: { create: [{ revision: 1, document, message: `Linked finding “BUG: crash” from incident ${named}` }] },
      },
    });
    expect(await incidentsNamedByKb(env.db)).toEqual(new Set([named, linked]));

    expect(await applyRetention(env.db, store, now)).toMatchObject({ days: 0, expired: 0, droppedLogs: 0 });
    await setRetentionSettings(env.db, { days: 30 });
    const result = await applyRetention(env.db, store, now);
    expect(result).toMatchObject({ days: 30, expired: 1, droppedLogs: 2, bytes: 6000, failures: [] });
    expect(storedIds()).toEqual([young]);
    expect(await env.db.incident.count({ where: { id: old } })).toBe(0);
    for (const id of [named, linked]) {
      const row = await env.db.incident.findUniqueOrThrow({ where: { id }, include: { findings: true, files: true } });
      expect(row.rawDroppedAt).not.toBeNull();
      expect(row.findings).toHaveLength(1);
      expect(row.files).toHaveLength(2);
    }
    const events = (await listAuditEvents(env.db, 10)).filter((e) => [old, named, linked].includes(e.targetId));
    expect(events.map((e) => `${e.action} ${e.actorName}`).sort()).toEqual(["incident.drop-logs retention", "incident.drop-logs retention", "incident.expire retention"]);
    // A second run has nothing left to do, and the sweep leaves the dropped incidents alone.
    expect(await applyRetention(env.db, store, now)).toMatchObject({ expired: 0, droppedLogs: 0 });
    await setRetentionSettings(env.db, { days: 0 });
  });
});

describe("retention failures", () => {
  /** A store whose removal fails with `error` for `failing`, and works for the rest. */
  function failingStore(failing: string, error: Error): LocalDirectoryStore {
    const real = freshStore();
    const removeIncident = real.removeIncident.bind(real);
    real.removeIncident = async (id: string) => (id === failing ? Promise.reject(error) : removeIncident(id));
    return real;
  }

  it("records a file system failure with the incident and goes on with the others", async () => {
    const now = new Date();
    const [stuck, old] = [newId(), newId()];
    failingStore(stuck, Object.assign(new Error("EACCES: permission denied, rmdir"), { code: "EACCES" }));
    await storeIncident(stuck, new Date(now.getTime() - 40 * DAY));
    await storeIncident(old, new Date(now.getTime() - 40 * DAY));
    await setRetentionSettings(env.db, { days: 30 });
    try {
      const result = await applyRetention(env.db, store, now);
      expect(result.expired).toBe(1);
      expect(result.failures).toEqual([`${stuck}: EACCES: permission denied, rmdir`]);
      expect(await env.db.incident.count({ where: { id: old } })).toBe(0);
    } finally {
      await env.db.incident.deleteMany({ where: { id: stuck } });
      await setRetentionSettings(env.db, { days: 0 });
    }
  });

  it("lets an error without a code (a bug) stop the run instead of filing it as one incident's failure", async () => {
    const now = new Date();
    const stuck = newId();
    failingStore(stuck, new TypeError("cannot read properties of undefined"));
    await storeIncident(stuck, new Date(now.getTime() - 40 * DAY));
    await setRetentionSettings(env.db, { days: 30 });
    try {
      await expect(applyRetention(env.db, store, now)).rejects.toThrow(TypeError);
    } finally {
      await env.db.incident.deleteMany({ where: { id: stuck } });
      await setRetentionSettings(env.db, { days: 0 });
    }
  });
});

describe("orphaned uploads", () => {
  it("removes a killed server's partial upload at start, keeps stored and in-flight ones", async () => {
    freshStore();
    const [stored, partial, receiving, fresh] = [newId(), newId(), newId(), newId()];
    await storeIncident(stored, new Date(Date.now() - 2 * DAY));
    // The report's case: a 95 MB `0.upload` left by kill -9, a minute before this process started.
    const dir = await store.prepare(partial);
    writeFileSync(path.join(dir, "0.upload"), "");
    truncateSync(path.join(dir, "0.upload"), 95 * 1024 * 1024);
    const killedAt = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, "0.upload"), killedAt, killedAt);
    utimesSync(dir, killedAt, killedAt);
    await writeUpload(receiving, 2 * 60 * 60 * 1000);
    const done = trackUploadInFlight(receiving);
    await writeUpload(fresh);

    const result = await sweepOrphanedUploads(env.db, store, { processStartedAt: new Date(Date.now() - 1000) });
    expect(result.removed.map((d) => [d.incidentId, d.bytes])).toEqual([[partial, 95 * 1024 * 1024]]);
    expect(storedIds()).toEqual([fresh, receiving, stored].sort());
    done();
    // Once the upload is no longer in flight and quiet for long enough, it is an orphan too.
    const later = await sweepOrphanedUploads(env.db, store, { processStartedAt: new Date(Date.now() - 1000), quietMs: 60 * 60 * 1000 });
    expect(later.removed.map((d) => d.incidentId)).toEqual([receiving]);
    expect(storedIds()).toEqual([fresh, stored].sort());
  });

  it("in a shared store, waits for the quiet period whatever this process's start time", async () => {
    freshStore(true);
    const [recent, stale] = [newId(), newId()];
    await writeUpload(recent, 5 * 60 * 1000);
    await writeUpload(stale, 2 * 60 * 60 * 1000);
    mkdirSync(path.join(store.root, "not-an-incident!"));
    const result = await sweepOrphanedUploads(env.db, store, { processStartedAt: new Date(), quietMs: 60 * 60 * 1000 });
    expect(result.removed.map((d) => d.incidentId)).toEqual([stale]);
    expect(storedIds()).toEqual(["not-an-incident!", recent].sort());
  });

  it("sweeps at start and again on the timer", async () => {
    freshStore();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const first = newId();
      await writeUpload(first, 10 * 60 * 1000);
      const maintenance = startMaintenance(env.db, store, 60_000);
      expect((await maintenance.lastRun()).sweep.removed.map((d) => d.incidentId)).toEqual([first]);
      const second = newId();
      await writeUpload(second, 2 * 60 * 60 * 1000);
      expect(storedIds()).toEqual([second]);
      vi.advanceTimersByTime(60_000);
      expect((await maintenance.lastRun()).sweep.removed.map((d) => d.incidentId)).toEqual([second]);
      expect(storedIds()).toEqual([]);
      maintenance.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
