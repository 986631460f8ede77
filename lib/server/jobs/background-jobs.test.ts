/**
 * Background jobs (KB re-matching, CVE import) against a real database (SQLite, or Postgres with TEST_DATABASE_URL):
 * a job runs once however often it is delivered, records its progress and outcome in its row, is retried after an
 * error or a dead worker and failed on its last attempt; a KB save queues one re-matching that the in-process queue
 * runs; a killed server's jobs run again at start. On Postgres, pg-boss hands a job whose worker vanished to another
 * worker after its expiry, and a worker sends again a job whose pg-boss job was lost.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { triage } from "../../engine/triage";
import type { Incident } from "../../engine/types";
import { kbEntrySchema } from "../../kb/schema";
import { saveKbEntry } from "../kb/edit/kb-store";
import { seedKb } from "../kb/seed-kb";
import { sweepOrphanedUploads } from "../storage/sweep-orphans";
import { LocalDirectoryStore } from "../storage/upload-store";
import { createTestDb, testDatabaseProvider, type TestDb } from "../test-db";
import { createBackgroundJob, deleteEndedBackgroundJobs, findBackgroundJob, requestRematchJob } from "./background-jobs";
import { InProcessQueue } from "./in-process-queue";
import { JOB_FUNCTIONS } from "./job-functions";
import { JobRefusal, runBackgroundJob, type JobFunctions } from "./run-background-job";

const LOG = path.resolve(import.meta.dirname, "../../../testdata/logs/null-deref/ip6mr-sk-done.log");
const logText = readFileSync(LOG, "utf8").split(/\n\n/).slice(1).join("\n\n");
const ENTRY = kbEntrySchema.parse({
  id: "ip6mr-netns-null",
  title: "NULL deref in ip6mr_sk_done on netns setup",
  summary: "Creating a network namespace fails half-way and ip6mr cleanup dereferences NULL.",
  component: "kernel",
  signatures: [{ kind: "guilty-frame", value: "ip6mr_sk_done", weight: 0.8 }],
});

const root = mkdtempSync(path.join(os.tmpdir(), "oopscope-bgjobs-"));
const store = new LocalDirectoryStore(path.join(root, "uploads"));
let testDb: TestDb;
let incident: Incident;

beforeAll(async () => {
  testDb = await createTestDb();
  await seedKb(testDb.db, []);
  // Stored without KB matches, as an upload's triage stores it before any team entry exists.
  incident = await triage([{ name: "node.log", data: new TextEncoder().encode(logText) }]);
  await testDb.db.incident.create({
    data: {
      id: "incident-one",
      title: incident.findings[0]?.title ?? "none",
      result: JSON.stringify(incident),
      findings: { create: incident.findings.map((f) => ({ findingId: f.id, signature: f.signature, title: f.title, kind: f.kind })) },
    },
  });
}, 120_000);

afterAll(async () => {
  await testDb.cleanup();
  rmSync(root, { recursive: true, force: true });
});

/** Job functions that count their calls; `rematch` does `work` (resolves at once unless a test holds it). */
function countingJobs(work: () => Promise<unknown> = async () => ({ ok: true })) {
  const calls = { rematch: 0, "cve-import": 0 };
  const jobs: JobFunctions = {
    rematch: async (_input, ctx) => {
      calls.rematch++;
      await ctx.progress("re-matching", 0, 3);
      return work();
    },
    "cve-import": async () => {
      calls["cve-import"]++;
      return null;
    },
  };
  return { calls, jobs };
}

const run = (id: string, jobs: JobFunctions, extra: { isFinalAttempt?: boolean; reclaimRunning?: boolean } = {}) =>
  runBackgroundJob(id, { db: testDb.db, store, cliPath: "", jobs, isFinalAttempt: extra.isFinalAttempt ?? true, reclaimRunning: extra.reclaimRunning });

describe("a background job", () => {
  it("runs once however often it is delivered, and records its result", async () => {
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 10 }, { requestedBy: "alice" });
    expect((await findBackgroundJob(testDb.db, id))?.state).toBe("queued");
    const { calls, jobs } = countingJobs();
    const outcomes = await Promise.all([run(id, jobs), run(id, jobs), run(id, jobs)]);
    expect(outcomes.filter((o) => o === "done")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already-done")).toHaveLength(2);
    expect(calls.rematch).toBe(1);
    expect(await run(id, jobs, { reclaimRunning: true })).toBe("already-done");
    expect(await findBackgroundJob(testDb.db, id)).toMatchObject({ state: "done", attempts: 1, phase: "re-matching", total: 3, result: { ok: true }, requestedBy: "alice" });
  });

  it("is left for the queue's retry after an error, and fails with the reason on its last attempt", async () => {
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 10 });
    const { calls, jobs } = countingJobs(async () => {
      throw new Error("connection reset");
    });
    await expect(run(id, jobs, { isFinalAttempt: false })).rejects.toThrow("connection reset");
    expect(await findBackgroundJob(testDb.db, id)).toMatchObject({ state: "queued", attempts: 1, error: "connection reset" });
    expect(await run(id, jobs, { isFinalAttempt: true })).toBe("failed");
    expect(await findBackgroundJob(testDb.db, id)).toMatchObject({ state: "failed", attempts: 2, error: "connection reset" });
    expect(calls.rematch).toBe(2);

    // A retry that succeeds leaves no earlier attempt's error behind.
    const flaky = await createBackgroundJob(testDb.db, "rematch", { limit: 10 });
    let failOnce = true;
    const { jobs: recovering } = countingJobs(async () => {
      if (!failOnce) return { ok: true };
      failOnce = false;
      throw new Error("deadlock detected");
    });
    await expect(run(flaky, recovering, { isFinalAttempt: false })).rejects.toThrow("deadlock detected");
    expect(await run(flaky, recovering, { isFinalAttempt: false, reclaimRunning: true })).toBe("done");
    expect(await findBackgroundJob(testDb.db, flaky)).toMatchObject({ state: "done", attempts: 2, error: null, result: { ok: true } });
  });

  it("fails at once when the job refuses (retrying gives the same answer)", async () => {
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 10 });
    const { jobs } = countingJobs(async () => {
      throw new JobRefusal("the tarball is gone");
    });
    expect(await run(id, jobs, { isFinalAttempt: false })).toBe("failed");
    expect((await findBackgroundJob(testDb.db, id))?.error).toBe("the tarball is gone");
  });

  it("is taken over by the retry of a worker presumed dead; the old attempt's outcome is then ignored", async () => {
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 10 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const { calls, jobs } = countingJobs(async () => {
      if (first) {
        first = false;
        await held;
        return { from: "stalled attempt" };
      }
      return { from: "retry" };
    });
    const stalled = run(id, jobs);
    while ((await findBackgroundJob(testDb.db, id))?.phase !== "re-matching") await new Promise((r) => setTimeout(r, 20));
    expect(await run(id, jobs)).toBe("already-done"); // a duplicate delivery leaves a running job alone
    expect(await run(id, jobs, { reclaimRunning: true })).toBe("done");
    release();
    expect(await stalled).toBe("already-done");
    expect(calls.rematch).toBe(2);
    expect(await findBackgroundJob(testDb.db, id)).toMatchObject({ state: "done", attempts: 2, result: { from: "retry" } });
  });

  it("is gone when its row is, and keeps an ended row a week", async () => {
    const { jobs } = countingJobs();
    expect(await run("no-such-job-000000", jobs)).toBe("gone");
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 1 });
    await run(id, jobs);
    expect(await deleteEndedBackgroundJobs(testDb.db)).toBe(0);
    expect(await deleteEndedBackgroundJobs(testDb.db, { now: new Date(Date.now() + 8 * 24 * 3600_000) })).toBeGreaterThanOrEqual(1);
    expect(await findBackgroundJob(testDb.db, id)).toBeUndefined();
  });
});

describe("a CVE import's stored tarball", () => {
  it("is kept by the orphan sweep while its job is queued or running, and swept once the job ended", async () => {
    const id = await createBackgroundJob(testDb.db, "cve-import", { key: "uploads/x/0.upload", fileName: "vulns.tar.gz", bytes: 5 });
    writeFileSync(path.join(await store.prepare(id), "0.upload"), "tar..");
    // As at a restart: written before this process started, so an ownerless directory would go at once.
    const restarted = { processStartedAt: new Date(Date.now() + 60_000) };
    expect((await sweepOrphanedUploads(testDb.db, store, restarted)).removed.map((d) => d.incidentId)).not.toContain(id);
    await testDb.db.backgroundJob.update({ where: { id }, data: { status: "running", attempts: 1 } });
    expect((await sweepOrphanedUploads(testDb.db, store, restarted)).removed.map((d) => d.incidentId)).not.toContain(id);
    await testDb.db.backgroundJob.update({ where: { id }, data: { status: "failed", finishedAt: new Date() } });
    expect((await sweepOrphanedUploads(testDb.db, store, restarted)).removed.map((d) => d.incidentId)).toContain(id);
    expect(existsSync(path.join(store.root, id))).toBe(false);
  });
});

describe("re-matching after a KB save, on the in-process queue (SQLite's)", () => {
  it("queues one job per burst of saves, runs it in this process, and rewrites the incident's matches", async () => {
    await testDb.db.backgroundJob.deleteMany({ where: { status: { in: ["queued", "running"] } } });
    // Saves queue the job; this queue is held back until both are saved, as a busy server would be.
    const waiting: string[] = [];
    const holding = { enqueueJob: async (_kind: string, id: string) => void waiting.push(id) };
    const saved = await saveKbEntry(testDb.db, { document: ENTRY, message: "first", author: "alice" }, { queue: holding });
    expect(saved.rematch).toMatchObject({ kind: "rematch", status: "queued", statusUrl: `/api/jobs/${saved.rematch?.id}` });
    const again = await saveKbEntry(testDb.db, { id: ENTRY.id, document: { ...ENTRY, summary: "Reworded." }, baseRevision: 1, message: "", author: "bob" }, { queue: holding });
    expect(again.rematch?.id).toBe(saved.rematch?.id);
    expect(waiting).toEqual([saved.rematch?.id]);

    const queue = new InProcessQueue({ db: () => testDb.db, store: () => store, triage: async () => Promise.reject(new Error("no uploads here")), limit: 1, jobs: JOB_FUNCTIONS, cliPath: "" });
    await queue.enqueueJob("rematch", waiting[0]);
    await queue.idle();
    const job = await findBackgroundJob(testDb.db, waiting[0]);
    expect(job).toMatchObject({ state: "done", attempts: 1, phase: "re-matching", done: 1, total: 1, result: { incidents: 1, changed: 1, skipped: [] } });
    const row = await testDb.db.incident.findUniqueOrThrow({ where: { id: "incident-one" }, include: { findings: true } });
    expect(row.kbIds.split(" ")).toContain(ENTRY.id);
    expect(row.findings.some((f) => f.topKbId === ENTRY.id)).toBe(true);

    // Started: a later save cannot join it (it may have read the KB already), so it gets its own.
    const later = await requestRematchJob(testDb.db, { limit: 200 }, "carol");
    expect(later.created).toBe(true);
    expect(later.id).not.toBe(waiting[0]);
    expect((await requestRematchJob(testDb.db, { limit: 200 }, "dan")).id).toBe(later.id);
    expect((await requestRematchJob(testDb.db, { limit: 500 }, "dan")).created).toBe(true);
  });

  it("runs again at start what a killed server left queued or running", async () => {
    const left = await createBackgroundJob(testDb.db, "rematch", { limit: 5 });
    await testDb.db.backgroundJob.update({ where: { id: left }, data: { status: "running", attempts: 1 } });
    const { calls, jobs } = countingJobs();
    const queue = new InProcessQueue({ db: () => testDb.db, store: () => store, triage: async () => Promise.reject(new Error("no uploads here")), limit: 1, jobs, cliPath: "" });
    expect(await queue.resumeInterrupted()).toBeGreaterThanOrEqual(1);
    await queue.idle();
    expect(await findBackgroundJob(testDb.db, left)).toMatchObject({ state: "done", attempts: 2 });
    expect(calls.rematch).toBeGreaterThanOrEqual(1);
  });
});

describe.runIf(testDatabaseProvider() === "postgresql")("background jobs on the pg-boss queue (Postgres)", () => {
  it("retries a re-matching whose worker vanished mid-job on another worker, once", async () => {
    const { startPgBoss, PgBossQueue, backgroundQueueName } = await import("./pg-boss-queue");
    const settings = { retryLimit: 2, expireInSeconds: 60, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5, backgroundExpireInSeconds: { rematch: 1 } };
    const sender = await startPgBoss({ url: testDb.url, settings, role: "sender" });
    const queue = new PgBossQueue(sender, settings);
    const id = await createBackgroundJob(testDb.db, "rematch", { limit: 50 });
    await queue.enqueueJob("rematch", id);
    // The first worker takes the job, claims the row and dies.
    const [taken] = await sender.fetch<{ jobId: string }>(backgroundQueueName("rematch"));
    expect(taken.data.jobId).toBe(id);
    await testDb.db.backgroundJob.update({ where: { id }, data: { status: "running", attempts: 1 } });
    const survivor = await startPgBoss({ url: testDb.url, settings, role: "worker" });
    const retries: number[] = [];
    const outcome = new Promise<string>((resolve, reject) => {
      void survivor
        .work<{ jobId: string }>(backgroundQueueName("rematch"), { includeMetadata: true, pollingIntervalSeconds: 0.5 }, async ([job]) => {
          retries.push(job.retryCount);
          const result = await runBackgroundJob(job.data.jobId, { db: testDb.db, store, cliPath: "", jobs: JOB_FUNCTIONS, isFinalAttempt: job.retryCount >= job.retryLimit, reclaimRunning: job.retryCount > 0 });
          resolve(result);
          return result;
        })
        .catch(reject);
    });
    expect(await outcome).toBe("done");
    expect(retries).toEqual([1]);
    expect(await findBackgroundJob(testDb.db, id)).toMatchObject({ state: "done", attempts: 2, result: { incidents: 1 } });
    await survivor.stop({ graceful: true, wait: true, timeout: 5000 });
    await queue.close();
  }, 60_000);

  it("sends again a job whose pg-boss job was lost, and fails one whose worker died on every attempt", async () => {
    const { startPgBoss, PgBossQueue, backgroundQueueName } = await import("./pg-boss-queue");
    const { requeueStrandedJobs } = await import("./requeue-stranded-jobs");
    const settings = { retryLimit: 2, expireInSeconds: 60, maintenanceIntervalSeconds: 60, pollingIntervalSeconds: 1 };
    const boss = await startPgBoss({ url: testDb.url, settings, role: "sender" });
    const queue = new PgBossQueue(boss, settings);
    await testDb.db.backgroundJob.deleteMany({});
    const [lost, doomed, fresh] = [
      await createBackgroundJob(testDb.db, "rematch", { limit: 1 }),
      await createBackgroundJob(testDb.db, "cve-import", { key: "uploads/x/0.upload", fileName: "v.tgz", bytes: 1 }),
      await createBackgroundJob(testDb.db, "rematch", { limit: 1 }),
    ];
    const old = new Date(Date.now() - 10 * 60_000);
    await testDb.db.backgroundJob.updateMany({ where: { id: { in: [lost, doomed] } }, data: { createdAt: old } });
    await testDb.db.backgroundJob.update({ where: { id: lost }, data: { status: "running", attempts: 1 } });
    await testDb.db.backgroundJob.update({ where: { id: doomed }, data: { status: "running", attempts: 3 } });
    const result = await requeueStrandedJobs(boss, testDb.db, queue, settings.retryLimit);
    expect(result.requeued).toEqual([lost]);
    expect(result.failed).toEqual([doomed]);
    expect(await findBackgroundJob(testDb.db, lost)).toMatchObject({ state: "queued", attempts: 1 });
    expect((await findBackgroundJob(testDb.db, doomed))?.error).toMatch(/worker stopped during each of 3 attempts/);
    const waiting = (await boss.getDb().executeSql(`SELECT data->>'jobId' AS id FROM pgboss.job WHERE name = $1 AND state = 'created'`, [backgroundQueueName("rematch")])).rows as { id: string }[];
    expect(waiting.map((r) => r.id)).toEqual([lost]);
    expect(waiting.map((r) => r.id)).not.toContain(fresh);
    await queue.close();
  }, 60_000);
});
