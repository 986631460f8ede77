/**
 * The triage worker pool against the bundled worker (dist/node/triage-worker.mjs, rebuilt here when stale): same
 * incident as the in-process function, budgets that end an upload with a message, a bounded queue, and worker
 * processes that run below the server's priority.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, isCliBundleFresh, TRIAGE_WORKER_BUNDLE } from "../../../scripts/build-cli.mjs";
import { AppError } from "../app-error";
import { createTestDb, type TestDb } from "../test-db";
import { incidentRecord } from "../incidents/incident-record";
import { TriagePool, triageBudgetFromEnv, type TriageBudget } from "./triage-pool";
import { triageStoredInput } from "./triage-stored-input";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-pool-"));
let testDb: TestDb;
const pools: TriagePool[] = [];

const CRASH = [
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 15:59:23 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 15:59:23 w01 kernel: Call Trace:",
  "Aug 13 15:59:23 w01 kernel:  tcp_gso_segment+0x107/0x540",
  "Aug 13 15:59:23 w01 kernel:  inet_gso_segment+0x15c/0x3d0",
].join("\n");
const NOISE = "Aug 13 15:59:20 w01 kubelet[1432]: I0813 15:59:20.100203 1432 kubelet.go:2185] SyncLoop (probe)\n";
const smallLog = path.join(dir, "messages");
const bigLog = path.join(dir, "big-messages");
writeFileSync(smallLog, NOISE.repeat(50) + CRASH + "\n");
writeFileSync(bigLog, (NOISE.repeat(20_000) + CRASH + "\n").repeat(10));

function pool(budget: Partial<TriageBudget>): TriagePool {
  const p = new TriagePool(TRIAGE_WORKER_BUNDLE, { threads: 1, queue: 4, timeMs: 60_000, memoryMb: 512, ...budget });
  pools.push(p);
  return p;
}

/** The AppError a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  testDb = await createTestDb();
  if (!isCliBundleFresh()) await buildCli();
  // Workers (and the in-process run) read DATABASE_URL from the environment they start with.
  process.env.DATABASE_URL = testDb.url;
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
  await testDb.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("triage worker pool", () => {
  it("gives the same incident as the plain function it runs", async () => {
    const files = [{ name: "messages", path: smallLog }];
    const [pooled, direct] = await Promise.all([pool({}).run(files), triageStoredInput(files)]);
    const strip = (i: typeof direct.incident) => ({ ...i, stats: { ...i.stats, elapsedMs: 0 } });
    expect(strip(JSON.parse(pooled.record.json) as typeof direct.incident)).toEqual(strip(JSON.parse(JSON.stringify(direct.incident))));
    expect(pooled.record.findings.length).toBeGreaterThan(0);
    // What saving needs, made in the process, as the server would have made it from the incident.
    expect({ ...pooled.record, json: "" }).toEqual({ ...incidentRecord(direct.incident, direct.kbGeneration), json: "" });
    expect(pooled.record.kbGeneration).toBe(direct.kbGeneration);
  });

  it("writes the incident in its process when given the upload's job, and answers only the outcome", async () => {
    // The worker's own upload store (OOPSCOPE_UPLOADS_DIR, passed on when the pool starts) holds the upload.
    const uploads = path.join(dir, "uploads");
    const id = "pooledSave0000000001";
    const stored = path.join(uploads, id, "0.upload");
    mkdirSync(path.dirname(stored), { recursive: true });
    copyFileSync(smallLog, stored);
    process.env.OOPSCOPE_UPLOADS_DIR = uploads;
    const p = pool({});
    delete process.env.OOPSCOPE_UPLOADS_DIR;
    await testDb.db.uploadJob.create({ data: { id, files: "[]", uploadedBytes: 1, contentSha256: "sha-pooled" } });
    const save = { id, uploaderId: null, uploadedBytes: 1, contentSha256: "sha-pooled", repeatOfId: null };
    const answer = await p.run([{ name: "messages", path: stored }], { save });
    expect(answer).toMatchObject({ saved: { outcome: "written", unused: [] } });
    expect("record" in answer).toBe(false);
    const row = await testDb.db.incident.findUniqueOrThrow({ where: { id }, include: { files: true, findings: true } });
    expect(row.files.map((f) => f.storagePath)).toEqual([`uploads/${id}/0.upload`]);
    expect(row.findings.length).toBe((JSON.parse(row.result) as { findings: unknown[] }).findings.length);
    expect(row.findings.length).toBeGreaterThan(0);
    expect(await testDb.db.uploadJob.count({ where: { id } })).toBe(0);
    // A second attempt at the same upload writes nothing.
    expect(await p.run([{ name: "messages", path: stored }], { save })).toMatchObject({ saved: { outcome: "already-written" } });
  });

  it("ends an upload past its time budget with a message, and keeps serving the next one", async () => {
    const p = pool({ timeMs: 1 });
    const err = await rejection(p.run([{ name: "big-messages", path: bigLog }]));
    expect(err.code).toBe("unprocessable");
    expect(err.message).toMatch(/time budget/);
    const generous = pool({});
    expect((await generous.run([{ name: "messages", path: smallLog }])).record.findings.length).toBeGreaterThan(0);
  });

  it("ends an upload past its memory budget with a message", async () => {
    const err = await rejection(pool({ memoryMb: 4 }).run([{ name: "big-messages", path: bigLog }]));
    expect(err.code).toBe("unprocessable");
    expect(err.message).toMatch(/memory budget/);
  });

  it("refuses uploads past the queue as busy instead of piling them up", async () => {
    const p = pool({ threads: 1, queue: 1 });
    const runs = Array.from({ length: 4 }, () => p.run([{ name: "big-messages", path: bigLog }]).then(() => "done", (e: unknown) => e));
    const results = await Promise.all(runs);
    const busy = results.filter((r) => r instanceof AppError && r.code === "busy");
    expect(busy.length).toBeGreaterThan(0);
    expect(results.filter((r) => r === "done").length).toBeGreaterThan(0);
    expect((busy[0] as AppError).message).toMatch(/try again/);
  });

  it.runIf(process.platform === "linux")("runs its worker processes, every thread of them, below the server's priority", async () => {
    const p = pool({});
    await p.run([{ name: "messages", path: smallLog }]);
    // The warm worker process (a child of this one) and its threads' nice values, from /proc.
    const statOf = (file: string) => readFileSync(file, "utf8").slice(readFileSync(file, "utf8").lastIndexOf(")") + 2).split(" ");
    const children = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((pid) => {
        try {
          return Number(statOf(`/proc/${pid}/stat`)[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("tinypool");
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOENT") return false; // ended meanwhile
          throw err;
        }
      });
    expect(children.length).toBeGreaterThan(0);
    const threadNices = children.flatMap((pid) => readdirSync(`/proc/${pid}/task`).map((tid) => Number(statOf(`/proc/${pid}/task/${tid}/stat`)[16])));
    expect(threadNices.length).toBeGreaterThan(children.length);
    expect(threadNices.filter((nice) => nice <= getPriority(0))).toEqual(getPriority(0) >= 19 ? threadNices : []);
  });

  it("reads its budgets from the environment", () => {
    expect(triageBudgetFromEnv({ OOPSCOPE_TRIAGE_THREADS: "3", OOPSCOPE_TRIAGE_QUEUE: "7", OOPSCOPE_TRIAGE_TIME_BUDGET_S: "5", OOPSCOPE_TRIAGE_MEMORY_MB: "256" })).toEqual({
      threads: 3,
      queue: 7,
      timeMs: 5000,
      memoryMb: 256,
    });
    expect(triageBudgetFromEnv({ OOPSCOPE_TRIAGE_THREADS: "x" }).threads).toBeGreaterThanOrEqual(1);
  });
});
