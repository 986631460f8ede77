/**
 * Triage jobs against a real database (SQLite, or Postgres with TEST_DATABASE_URL): an upload's job writes its
 * incident once however often it runs, refusals fail the upload with the reason, unexpected errors are left for a
 * retry, the in-process queue runs jobs and resumes those a killed server left. On Postgres, pg-boss hands a job whose
 * worker vanished mid-job to another worker after its expiry.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error";
import { LocalDirectoryStore } from "../storage/upload-store";
import { connectDb } from "../db";
import { createTestDb, testDatabaseProvider, type TestDb } from "../test-db";
import { triageStoredInput, type StoredInput } from "../triage-worker/triage-stored-input";
import { deleteIncident } from "../lifecycle/delete-incident";
import { InProcessQueue } from "./in-process-queue";
import { JOB_FUNCTIONS } from "./job-functions";
import { triagedUpload } from "../incidents/incident-record";
import { processUploadJob, type TriageStoredFiles } from "./process-upload-job";
import { deleteFailedUploads } from "./delete-failed-uploads";
import { saveTriagedUpload } from "./save-triaged-upload";
import { findUploadStatus, waitForUpload } from "./upload-status";

const CRASH = [
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 15:59:23 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 15:59:23 w01 kernel: Call Trace:",
  "Aug 13 15:59:23 w01 kernel:  tcp_gso_segment+0x107/0x540",
  "",
].join("\n");

const root = mkdtempSync(path.join(os.tmpdir(), "oopscope-jobs-"));
const store = new LocalDirectoryStore(path.join(root, "uploads"));
let testDb: TestDb;
let serial = 0;

beforeAll(async () => {
  testDb = await createTestDb();
  // runTriage reads the knowledge base through the process-wide client.
  process.env.DATABASE_URL = testDb.url;
}, 120_000);

afterAll(async () => {
  await testDb.cleanup();
  rmSync(root, { recursive: true, force: true });
});

/** An accepted upload: stored files and its job row, as createIncidentFromRequest leaves them. */
async function acceptUpload(text: string, extra: Record<string, string> = {}): Promise<string> {
  const id = `upload${String(++serial).padStart(16, "0")}`;
  const dir = await store.prepare(id);
  writeFileSync(path.join(dir, "0.upload"), text);
  for (const [name, content] of Object.entries(extra)) writeFileSync(path.join(dir, name), content);
  await testDb.db.uploadJob.create({
    data: { id, files: JSON.stringify([{ name: "messages", key: store.keyOf(path.join(dir, "0.upload")) }]), uploadedBytes: text.length, contentSha256: `sha-${id}` },
  });
  return id;
}

/** An accepted upload of several parts (`name` → bytes), stored as `<n>.upload` as receiveUpload writes them. */
async function acceptParts(parts: Record<string, string | Uint8Array>): Promise<string> {
  const id = `upload${String(++serial).padStart(16, "0")}`;
  const dir = await store.prepare(id);
  const files = Object.entries(parts).map(([name, bytes], n) => {
    writeFileSync(path.join(dir, `${n}.upload`), bytes);
    return { name, key: store.keyOf(path.join(dir, `${n}.upload`)) };
  });
  await testDb.db.uploadJob.create({ data: { id, files: JSON.stringify(files), uploadedBytes: 1, contentSha256: `sha-${id}` } });
  return id;
}

/** Bytes the engine refuses as binary. */
const BINARY = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) & 0xff);

const direct: TriageStoredFiles = async (files: StoredInput[]) => triagedUpload(await triageStoredInput(files));
const options = (triage: TriageStoredFiles = direct, isFinalAttempt = true) => ({ db: testDb.db, store, triage, isFinalAttempt });

describe("a triage job", () => {
  it("writes the incident under the upload's id once, however often it runs", async () => {
    const id = await acceptUpload(CRASH);
    expect((await findUploadStatus(testDb.db, id))?.state).toBe("queued");
    const runs = await Promise.all([processUploadJob(id, options()), processUploadJob(id, options())]);
    expect(runs.filter((r) => r === "done")).toHaveLength(1);
    expect(await processUploadJob(id, options())).toBe("already-done");
    expect(await testDb.db.incident.count({ where: { id } })).toBe(1);
    expect(await testDb.db.uploadJob.count({ where: { id } })).toBe(0);
    expect(await testDb.db.findingRecord.count({ where: { incidentId: id } })).toBeGreaterThan(0);
    expect((await findUploadStatus(testDb.db, id))?.state).toBe("done");
  });

  it("runs again after a worker died mid-job, over the text it had extracted", async () => {
    const id = await acceptUpload(CRASH, { "0.extracted": "half of an earlier attempt" });
    await testDb.db.uploadJob.update({ where: { id }, data: { status: "triaging", attempts: 1 } });
    expect(await processUploadJob(id, options())).toBe("done");
    const incident = await testDb.db.incident.findUniqueOrThrow({ where: { id }, include: { files: true } });
    expect(incident.files.map((f) => f.name)).toEqual(["messages"]);
    expect(readdirSync(path.join(store.root, id))).toEqual(["0.upload"]);
  });

  it("leaves an unexpected error to the queue's retry, and fails the upload on the last attempt", async () => {
    const id = await acceptUpload(CRASH);
    const broken: TriageStoredFiles = async () => {
      throw new Error("connection reset");
    };
    await expect(processUploadJob(id, options(broken, false))).rejects.toThrow("connection reset");
    expect(await findUploadStatus(testDb.db, id)).toMatchObject({ state: "queued", attempts: 1 });
    expect(await processUploadJob(id, options(broken, true))).toBe("failed");
    expect((await findUploadStatus(testDb.db, id))?.failure).toEqual({ code: "internal", message: "triage failed: connection reset" });
  });

  it("fails a refused upload at once with the reason, and removes its files", async () => {
    const empty = await acceptUpload("");
    expect(await processUploadJob(empty, options(direct, false))).toBe("failed");
    expect((await findUploadStatus(testDb.db, empty))?.failure?.code).toBe("bad-request");
    const overBudget = await acceptUpload(CRASH);
    const budget: TriageStoredFiles = async () => {
      throw new AppError("unprocessable", "triage stopped: the upload needed more than 1 s of work (the per-upload time budget)");
    };
    expect(await processUploadJob(overBudget, options(budget, false))).toBe("failed");
    expect((await findUploadStatus(testDb.db, overBudget))?.failure).toMatchObject({ code: "unprocessable", message: expect.stringMatching(/time budget/) });
    expect(readdirSync(store.root)).not.toContain(overBudget);
    expect(await testDb.db.incident.count({ where: { id: { in: [empty, overBudget] } } })).toBe(0);
  });
});

describe("a triage that writes the incident in its own process (the worker pool's)", () => {
  /** As a pool worker does: its own database client and store, and only the outcome back. */
  const savingElsewhere: TriageStoredFiles = async (files, { save } = {}) => {
    if (!save) throw new Error("the job names the incident to write");
    const own = connectDb(testDb.url);
    try {
      return { saved: await saveTriagedUpload(triagedUpload(await triageStoredInput(files)), save, { db: own, store: new LocalDirectoryStore(store.root) }) };
    } finally {
      await own.$disconnect();
    }
  };

  it("gives the same rows as a job that writes it itself, once however often it runs", async () => {
    const here = await acceptUpload(CRASH);
    const there = await acceptUpload(CRASH);
    expect(await processUploadJob(here, options())).toBe("done");
    const runs = await Promise.all([processUploadJob(there, options(savingElsewhere)), processUploadJob(there, options(savingElsewhere))]);
    expect(runs.filter((r) => r === "done")).toHaveLength(1);
    const rowsOf = async (id: string) => {
      const row = await testDb.db.incident.findUniqueOrThrow({ where: { id }, include: { files: true, findings: true } });
      const strip = (json: string) => ({ ...(JSON.parse(json) as object), stats: undefined });
      return {
        uploaded: [row.title, row.hosts, row.kernels, row.findingCount, row.totalBytes, row.uploaderId],
        result: strip(row.result),
        files: row.files.map((f) => [f.index, f.name, f.bytes, f.lines, f.storagePath.replace(id, "<id>")]),
        findings: row.findings.map((f) => [f.findingId, f.signature, f.title, f.kind, f.host, f.time?.toISOString()]),
      };
    };
    expect(await rowsOf(there)).toEqual(await rowsOf(here));
    expect(await testDb.db.uploadJob.count({ where: { id: there } })).toBe(0);
    expect((await findUploadStatus(testDb.db, there))?.state).toBe("done");
  });

  it("fails a refused upload with the reason it answers", async () => {
    const empty = await acceptUpload("");
    expect(await processUploadJob(empty, options(savingElsewhere, false))).toBe("failed");
    expect((await findUploadStatus(testDb.db, empty))?.failure?.code).toBe("bad-request");
    expect(readdirSync(store.root)).not.toContain(empty);
  });
});

describe("an upload of several files, some of them refused", () => {
  it("triages the readable files and names the refused ones on the incident, their reasons kept", async () => {
    // 64 MB of zeros: a gzip bomb past the ratio cap, as small as a few dozen KB.
    const bomb = gzipSync(new Uint8Array(64 * 1024 ** 2), { level: 9 });
    const id = await acceptParts({ messages: CRASH, "core.bin": BINARY, "bomb.gz": bomb, "nothing.gz": gzipSync(new Uint8Array(0)) });
    expect(await processUploadJob(id, options(direct, false))).toBe("done");
    const row = await testDb.db.incident.findUniqueOrThrow({ where: { id }, include: { files: true } });
    const incident = JSON.parse(row.result) as { inputs: { name: string; lines: number; error?: string }[]; findings: { title: string }[] };
    expect(incident.findings.map((f) => f.title).join()).toMatch(/skb_segment/);
    const byName = new Map(incident.inputs.map((i) => [i.name, i]));
    expect(byName.get("messages")).toMatchObject({ lines: 6 });
    expect(byName.get("messages")?.error).toBeUndefined();
    expect(byName.get("core.bin")?.error).toMatch(/binary/);
    expect(byName.get("bomb.gz")?.error).toMatch(/decompression bomb/);
    expect(byName.get("nothing.gz")).toMatchObject({ lines: 0 });
    // Every part stays behind its input: the refused ones can be downloaded and looked at.
    expect(row.files.map((f) => f.name).sort()).toEqual(["bomb.gz", "core.bin", "messages", "nothing.gz"]);
  });

  it("fails the upload when no file could be read, naming every reason", async () => {
    const id = await acceptParts({ "core.bin": BINARY, "nothing.gz": gzipSync(new Uint8Array(0)) });
    expect(await processUploadJob(id, options(direct, false))).toBe("failed");
    expect((await findUploadStatus(testDb.db, id))?.failure).toMatchObject({ code: "unprocessable", message: expect.stringMatching(/core\.bin.*binary/) });
    expect(readdirSync(store.root)).not.toContain(id);
  });
});

describe("deleting an upload before its incident exists", () => {
  const by = { id: null, name: "test" };

  it("removes a queued upload's row and files, audited; its job then finds nothing to do", async () => {
    const id = await acceptUpload(CRASH);
    expect(await deleteIncident(testDb.db, store, id, by)).toMatchObject({ id, title: "upload (queued)", files: 1 });
    expect(readdirSync(store.root)).not.toContain(id);
    expect(await testDb.db.auditEvent.count({ where: { targetId: id, action: "incident.delete" } })).toBe(1);
    expect(await processUploadJob(id, options())).toBe("gone");
    expect(await findUploadStatus(testDb.db, id)).toBeUndefined();
  });

  it("cancels a triage in progress: the job writes no incident", async () => {
    const id = await acceptUpload(CRASH);
    const deletedMidway: TriageStoredFiles = async (files) => {
      const triaged = await direct(files);
      await deleteIncident(testDb.db, store, id, by);
      return triaged;
    };
    expect(await processUploadJob(id, options(deletedMidway))).toBe("gone");
    expect(await testDb.db.incident.count({ where: { id } })).toBe(0);
    expect(readdirSync(store.root)).not.toContain(id);
  });
});

describe("the in-process queue (SQLite's)", () => {
  it("runs queued jobs, refuses past its limit as busy, and resumes what a killed server left", async () => {
    const notified: string[] = [];
    const queue = new InProcessQueue({ db: () => testDb.db, store: () => store, triage: direct, limit: 2, jobs: JOB_FUNCTIONS, cliPath: "", notify: async (id) => void notified.push(id) });
    const ids = [await acceptUpload(CRASH), await acceptUpload(CRASH), await acceptUpload(CRASH)];
    await queue.enqueueTriage(ids[0]);
    await queue.enqueueTriage(ids[1]);
    const busy = await queue.enqueueTriage(ids[2]).then(() => undefined, (e: unknown) => e);
    expect(busy).toBeInstanceOf(AppError);
    expect((busy as AppError).code).toBe("busy");
    await queue.idle();
    expect(await testDb.db.incident.count({ where: { id: { in: ids.slice(0, 2) } } })).toBe(2);
    expect(notified.sort()).toEqual(ids.slice(0, 2).sort());
    // ids[2] is still queued, as after a server killed before its turn: a new server's queue runs it.
    const restarted = new InProcessQueue({ db: () => testDb.db, store: () => store, triage: direct, limit: 8, jobs: JOB_FUNCTIONS, cliPath: "" });
    expect(await restarted.resumeInterrupted()).toBeGreaterThanOrEqual(1);
    expect((await waitForUpload(testDb.db, ids[2], { waitMs: 60_000 }))?.state).toBe("done");
    await restarted.idle();
  });
});

describe.runIf(testDatabaseProvider() === "postgresql")("the pg-boss queue (Postgres)", () => {
  it("retries a job whose worker vanished mid-job on another worker, and writes its incident once", async () => {
    const { startPgBoss, PgBossQueue, TRIAGE_QUEUE } = await import("./pg-boss-queue");
    const settings = { retryLimit: 2, expireInSeconds: 1, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5 };
    const sender = await startPgBoss({ url: testDb.url, settings, role: "sender" });
    const queue = new PgBossQueue(sender, settings);
    const id = await acceptUpload(CRASH);
    await queue.enqueueTriage(id);
    // The first worker takes the job and dies: fetched, started, never completed.
    const [taken] = await sender.fetch<{ uploadId: string }>(TRIAGE_QUEUE);
    expect(taken.data.uploadId).toBe(id);
    await testDb.db.uploadJob.update({ where: { id }, data: { status: "triaging", attempts: 1 } });
    const survivor = await startPgBoss({ url: testDb.url, settings, role: "worker" });
    const handled: number[] = [];
    const done = new Promise<string>((resolve, reject) => {
      void survivor.work<{ uploadId: string }>(TRIAGE_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        handled.push(job.retryCount);
        const outcome = await processUploadJob(job.data.uploadId, options(direct, job.retryCount >= job.retryLimit));
        resolve(outcome);
        return outcome;
      }).catch(reject);
    });
    expect(await done).toBe("done");
    expect(handled).toEqual([1]);
    expect(await testDb.db.incident.count({ where: { id } })).toBe(1);
    expect((await testDb.db.incident.findUniqueOrThrow({ where: { id } })).id).toBe(id);
    await survivor.stop({ graceful: true, wait: true, timeout: 5000 });
    await queue.close();
  }, 60_000);

  it("sends again an upload whose job was lost, and fails one whose worker died on every attempt", async () => {
    const { startPgBoss, PgBossQueue, TRIAGE_QUEUE } = await import("./pg-boss-queue");
    const { requeueStrandedJobs } = await import("./requeue-stranded-jobs");
    const settings = { retryLimit: 2, expireInSeconds: 60, maintenanceIntervalSeconds: 60, pollingIntervalSeconds: 1 };
    const boss = await startPgBoss({ url: testDb.url, settings, role: "sender" });
    const queue = new PgBossQueue(boss, settings);
    const [lost, doomed, fresh, sent] = [await acceptUpload(CRASH), await acceptUpload(CRASH), await acceptUpload(CRASH), await acceptUpload(CRASH)];
    const old = new Date(Date.now() - 10 * 60_000);
    await testDb.db.uploadJob.updateMany({ where: { id: { in: [lost, doomed, sent] } }, data: { createdAt: old } });
    await testDb.db.uploadJob.update({ where: { id: doomed }, data: { status: "triaging", attempts: 3 } });
    await queue.enqueueTriage(sent);
    const result = await requeueStrandedJobs(boss, testDb.db, queue, settings.retryLimit);
    expect(result.requeued).toEqual([lost]);
    expect(result.failed).toEqual([doomed]);
    expect((await findUploadStatus(testDb.db, doomed))?.failure?.message).toMatch(/worker stopped during each of 3 attempts/);
    const waiting = (await boss.getDb().executeSql(`SELECT data->>'uploadId' AS id FROM pgboss.job WHERE name = $1 AND state = 'created'`, [TRIAGE_QUEUE])).rows as { id: string }[];
    expect(waiting.map((r) => r.id).sort()).toEqual([lost, sent].sort());
    expect(waiting.map((r) => r.id)).not.toContain(fresh);
    await queue.close();
  }, 60_000);
});

describe("upload status", () => {
  it("is unknown for an id never uploaded (or deleted)", async () => {
    expect(await findUploadStatus(testDb.db, "nothing-here-0000000000")).toBeUndefined();
  });

  it("keeps a failed upload's reason for a week, then maintenance deletes it", async () => {
    const id = await acceptUpload("");
    expect(await processUploadJob(id, options())).toBe("failed");
    expect(await deleteFailedUploads(testDb.db)).toBe(0);
    expect(await deleteFailedUploads(testDb.db, { now: new Date(Date.now() + 8 * 24 * 3600_000) })).toBeGreaterThanOrEqual(1);
    expect(await findUploadStatus(testDb.db, id)).toBeUndefined();
  });
});
