/**
 * npm run test:fleet-queue [-- --uploads 200 --kb 1000] — the team-server queue end to end, on this machine: two web
 * processes (`next start`) and two workers (`oopscope worker`) on one Postgres database and one shared upload
 * directory. Needs a Postgres server it may create a database on (FLEET_DATABASE_URL, else E2E_DATABASE_URL, e.g.
 * postgresql://postgres@127.0.0.1:55433/postgres) and the existing build (`npm run build`; this never builds).
 *
 *   1. 40% of the uploads with one worker; 2. 40% with two — each phase: concurrent uploads spread over both web
 *      processes (`?wait=0`: answered 202 once queued), timed from the first upload to the last incident written →
 *      uploads per minute, with the machine's CPU use (all processes, /proc/stat) and load;
 *   3. the rest while one worker is killed (SIGKILL) in the middle of a job: its job is retried by the other after the
 *      expiry (OOPSCOPE_JOB_EXPIRE_S, set short here).
 * During phase 2 it also queues three KB re-matching jobs (background jobs, as a KB save queues them) for the two
 * workers. Then it checks: every upload has exactly one incident (none lost), no job row is left, no upload was written
 * twice (the workers' own "done" lines add up to the uploads, finding rows are not doubled), pg-boss completed every
 * job and retried at least one; every re-matching job ended done on its first attempt, run by one worker once.
 * Exit 1 when any check fails. Counts only: the throughput is printed, never asserted.
 *
 * In `.ci/run` after `npm test` (which leaves the production build): 1 min 45 s – 2 min 20 s at load 15–20 on this
 * 2-CPU box, a fifth to a third of it waiting out the killed worker's job expiry.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { newBackgroundJobId } from "../../lib/server/jobs/background-jobs";
import { PgBossQueue, pgBossSettingsFromEnv, startPgBoss } from "../../lib/server/jobs/pg-boss-queue";
import { freePort, throwAwayDatabase, waitFor } from "../run-e2e.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { uploads: { type: "string", default: "200" }, kb: { type: "string", default: "1000" }, clients: { type: "string", default: "8" } } });
const total = Number(values.uploads);
const kbPerUpload = Number(values.kb);
const clients = Number(values.clients);
const serverUrl = process.env.FLEET_DATABASE_URL ?? process.env.E2E_DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:/.test(serverUrl)) {
  console.error("fleet-queue: set FLEET_DATABASE_URL (or E2E_DATABASE_URL) to a Postgres server this test may create a database on");
  process.exit(1);
}
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("fleet-queue: no build in .next: run `npm run build` first");
  process.exit(1);
}
process.env.E2E_DATABASE_URL = serverUrl;

const NOISE = [
  "kubelet[1432]: I0813 15:59:20.100203    1432 kubelet.go:2185] \"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\"",
  "containerd[901]: time=\"2024-08-13T15:59:20Z\" level=info msg=\"ImageCreate event\" name=registry.local/app:v3",
  "systemd[1]: Started session-4411.scope - Session 4411 of User core.",
];
const FUNCTIONS = ["skb_segment", "tcp_gso_segment", "ext4_writepages", "nvme_poll", "mlx5e_napi_poll", "xfs_iomap_write"];

/** A node log: noise, then one crash whose host and function vary (signatures differ) and whose bytes are unique. */
function nodeLog(n: number): string {
  const host = `node-${String(n % 37).padStart(2, "0")}`;
  const fn = FUNCTIONS[n % FUNCTIONS.length];
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < kbPerUpload * 1024; i++) {
    const line = `Aug 13 15:${String(10 + (i % 49)).padStart(2, "0")}:20 ${host} ${NOISE[i % NOISE.length]} seq=${n}.${i}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  lines.push(
    `Aug 13 15:59:23 ${host} kernel: ------------[ cut here ]------------`,
    `Aug 13 15:59:23 ${host} kernel: kernel BUG at net/core/skbuff.c:${4000 + (n % 9)}!`,
    `Aug 13 15:59:23 ${host} kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI`,
    `Aug 13 15:59:23 ${host} kernel: CPU: 3 PID: ${1000 + n} Comm: ksoftirqd/3 Not tainted 6.1.0-18-amd64 #1 Debian 6.1.76-1`,
    `Aug 13 15:59:23 ${host} kernel: RIP: 0010:${fn}+0xbc8/0xf20`,
    `Aug 13 15:59:23 ${host} kernel: Call Trace:`,
    `Aug 13 15:59:23 ${host} kernel:  ${fn}+0xbc8/0xf20`,
    `Aug 13 15:59:23 ${host} kernel:  inet_gso_segment+0x15c/0x3d0`,
  );
  return lines.join("\n") + "\n";
}

/** Busy and total jiffies of all CPUs (the whole machine: the other helpers' work counts too). */
function cpuTimes(): { busy: number; total: number } {
  const [cpu] = readFileSync("/proc/stat", "utf8").split("\n");
  const f = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0);
  const sum = f.reduce((a, b) => a + b, 0);
  return { busy: sum - idle, total: sum };
}

/**
 * CPU seconds used so far by every live process in a process group (utime + stime, from /proc): a worker's triage runs
 * in child processes of its own pool, which a process's own counters (or cutime, counted only once a child is
 * reaped) would miss. Each server here is started in a group of its own.
 */
function groupCpuSeconds(pgid: number | undefined): number {
  if (!pgid) return 0;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch (err) {
      // The process ended between the listing and the read.
      if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ESRCH") continue;
      throw err;
    }
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / 100;
}

type Worker = { name: string; child: ChildProcess; done: number; alreadyDone: number; failed: number; rematched: string[]; lines: string[]; ready: Promise<void> };

const dataDir = mkdtempSync(path.join(os.tmpdir(), "oopscope-fleet-"));
const database = await throwAwayDatabase(dataDir);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  OOPSCOPE_DATA_DIR: dataDir,
  DATABASE_URL: database.url,
  OOPSCOPE_UPLOADS_DIR: path.join(dataDir, "uploads"),
  OOPSCOPE_UPLOADS_SHARED: "1",
  OOPSCOPE_TRIAGE_THREADS: "1",
  OOPSCOPE_TRIAGE_TIME_BUDGET_S: "20",
  // A killed worker's job comes back after this; a live worker ends any triage at the 20 s budget first.
  OOPSCOPE_JOB_EXPIRE_S: "25",
  OOPSCOPE_JOB_MAINTENANCE_S: "2",
  OOPSCOPE_JOB_POLL_S: "0.5",
};
const children: ChildProcess[] = [];
const db = new pg.Client({ connectionString: database.url });

function startChild(cmd: string, args: string[], onLine?: (line: string) => void): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let rest = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = rest + chunk.toString("utf8");
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) (onLine ?? ((l: string) => process.stderr.write(`  [${path.basename(cmd)}] ${l}\n`)))(line);
  });
  children.push(child);
  return child;
}

/** A worker, ready once it works the queue (its start — migrations checked, KB seeded — is no part of a phase). */
function startWorker(name: string): Worker {
  let onReady = () => {};
  const worker: Worker = { name, child: undefined as unknown as ChildProcess, done: 0, alreadyDone: 0, failed: 0, rematched: [], lines: [], ready: new Promise((r) => (onReady = r)) };
  worker.child = startChild(path.join(root, "bin", "oopscope"), ["worker", "--concurrency", "1", "--log-jobs"], (line) => {
    worker.lines.push(line);
    if (/: working oopscope-triage /.test(line)) onReady();
    const rematch = / rematch job (\S+) done in /.exec(line);
    if (rematch) worker.rematched.push(rematch[1]);
    else if (/ done in \d+ ms/.test(line)) worker.done++;
    else if (/ already-done in /.test(line)) worker.alreadyDone++;
    else if (/ failed in /.test(line)) worker.failed++;
    else process.stderr.write(`  [${name}] ${line}\n`);
  });
  return worker;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

async function upload(base: string, n: number): Promise<string> {
  const body = nodeLog(n);
  const res = await fetch(`${base}/api/incidents?wait=0`, { method: "POST", headers: { "content-type": "text/plain", "x-filename": `node-${n}.log` }, body });
  const answer = (await res.json()) as { id?: string; message?: string };
  if ((res.status !== 202 && res.status !== 201) || !answer.id) throw new Error(`upload ${n}: HTTP ${res.status} ${answer.message ?? ""}`);
  return answer.id;
}

async function countWritten(ids: string[]): Promise<{ incidents: number; failed: number }> {
  const incidents = Number((await db.query(`SELECT count(*) AS n FROM "Incident" WHERE id = ANY($1)`, [ids])).rows[0].n);
  const failed = Number((await db.query(`SELECT count(*) AS n FROM "UploadJob" WHERE id = ANY($1) AND status = 'failed'`, [ids])).rows[0].n);
  return { incidents, failed };
}

/** Sends `count` uploads over both web processes with `clients` at a time; resolves with their ids. */
async function sendUploads(webs: string[], first: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = first;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < first + count) {
        const n = next++;
        ids.push(await upload(webs[n % webs.length], n));
      }
    }),
  );
  return ids;
}

async function untilWritten(ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { incidents, failed } = await countWritten(ids);
    if (failed > 0) throw new Error(`${failed} uploads failed`);
    if (incidents === ids.length) return;
    if (Date.now() > deadline) throw new Error(`${ids.length - incidents} of ${ids.length} uploads not written after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type PhaseFigures = { label: string; uploads: number; seconds: number; perMinute: number; machineCpu: number; workerCpuS: number[]; workerJobs: number[]; webCpuS: number[]; load: number };

async function phase(label: string, webs: string[], webChildren: ChildProcess[], workers: Worker[], first: number, count: number): Promise<{ figures: PhaseFigures; ids: string[] }> {
  const cpu0 = cpuTimes();
  await Promise.all(workers.map((w) => w.ready));
  const workerCpu0 = workers.map((w) => groupCpuSeconds(w.child.pid));
  const workerJobs0 = workers.map((w) => w.done);
  const webCpu0 = webChildren.map((c) => groupCpuSeconds(c.pid));
  const t0 = performance.now();
  const ids = await sendUploads(webs, first, count);
  await untilWritten(ids, 20 * 60_000);
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuTimes();
  const figures: PhaseFigures = {
    label,
    uploads: count,
    seconds,
    perMinute: (count / seconds) * 60,
    machineCpu: (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total),
    workerCpuS: workers.map((w, i) => groupCpuSeconds(w.child.pid) - workerCpu0[i]),
    workerJobs: workers.map((w, i) => w.done - workerJobs0[i]),
    webCpuS: webChildren.map((c, i) => groupCpuSeconds(c.pid) - webCpu0[i]),
    load: os.loadavg()[0],
  };
  return { figures, ids };
}

const report = (f: PhaseFigures) =>
  `${f.label}: ${f.uploads} uploads in ${f.seconds.toFixed(1)} s = ${f.perMinute.toFixed(0)} uploads/min; machine CPU ${(f.machineCpu * 100).toFixed(0)}% of ${os.availableParallelism()} CPUs, ` +
  `load ${f.load.toFixed(1)}; jobs per worker ${f.workerJobs.join(" + ")}; CPU s: workers ${f.workerCpuS.map((s) => s.toFixed(1)).join(" + ")}, web ${f.webCpuS.map((s) => s.toFixed(1)).join(" + ")}`;

let exitCode = 1;
try {
  spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  const seeded = spawnSync(path.join(root, "bin", "oopscope"), ["kb", "seed"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (seeded.status !== 0) throw new Error("kb seed failed");
  await db.connect();
  const ports = [await freePort(), await freePort()];
  const webs = ports.map((p) => `http://127.0.0.1:${p}`);
  const webChildren = ports.map((p) => startChild(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(p), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"]));
  await Promise.all(webs.map((w) => waitFor(w, 120_000)));
  const w1 = startWorker("worker-1");
  console.log(`fleet-queue: 2 web processes (${webs.join(", ")}), Postgres database ${new URL(database.url).pathname.slice(1)}, ${kbPerUpload} KB per upload, ${clients} clients`);

  const perPhase = Math.floor(total * 0.4);
  const one = await phase("1 worker ", webs, webChildren, [w1], 0, perPhase);
  console.log(report(one.figures));
  const w2 = startWorker("worker-2");
  // Three re-matching jobs, as KB saves queue them (row, then pg-boss job), for the two workers to share.
  const settings = pgBossSettingsFromEnv(env);
  const sender = await startPgBoss({ url: database.url, settings, role: "sender" });
  const rematchIds = [newBackgroundJobId(), newBackgroundJobId(), newBackgroundJobId()];
  const sendRematches = (async () => {
    await w2.ready;
    for (const id of rematchIds) {
      await db.query(`INSERT INTO "BackgroundJob" (id, kind, input, "createdAt") VALUES ($1, 'rematch', '{"limit":200}', now())`, [id]);
      await new PgBossQueue(sender, settings).enqueueJob("rematch", id);
    }
  })();
  const two = await phase("2 workers", webs, webChildren, [w1, w2], perPhase, perPhase);
  await sendRematches;
  console.log(report(two.figures));
  // Ended before the kill below: a re-matching killed mid-job would wait out its own (longer) expiry.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const open = await db.query(`SELECT count(*) AS n FROM "BackgroundJob" WHERE status IN ('queued', 'running')`);
    if (Number(open.rows[0].n) === 0) break;
  }
  await sender.stop({ graceful: true, wait: true, timeout: 5000 });

  // 3. Kill worker-2 in the middle of a job. Two uploads triaging means each worker holds one, but a ~70 ms job can
  // end between that query and the kill (CI once killed a worker-2 that had just completed its job: nothing to
  // retry). So worker-2 is stopped first (SIGSTOP), and killed only once a pg-boss job has stayed active across a
  // pause in which worker-1 finishes many: that job is the stopped worker's. Else it goes on and the wait starts again.
  const rest = total - 2 * perPhase;
  const sending = sendUploads(webs, 2 * perPhase, rest);
  const activeJobs = async () =>
    new Set((await db.query(`SELECT id FROM pgboss.job WHERE name = 'oopscope-triage' AND state = 'active'`)).rows.map((r: { id: string }) => r.id));
  let killedDuring: string[] = [];
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && killedDuring.length === 0; ) {
    const triaging = (await db.query(`SELECT id FROM "UploadJob" WHERE status = 'triaging'`)).rows.map((r: { id: string }) => r.id);
    if (triaging.length < 2) {
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    killGroup(w2.child, "SIGSTOP");
    const before = await activeJobs();
    await new Promise((r) => setTimeout(r, 3000));
    const stuck = [...(await activeJobs())].filter((id) => before.has(id));
    if (stuck.length > 0) {
      killGroup(w2.child, "SIGKILL");
      killedDuring = triaging;
    } else killGroup(w2.child, "SIGCONT");
  }
  if (killedDuring.length === 0) throw new Error("never caught worker-2 mid-job: nothing was killed");
  const killedAt = performance.now();
  const lastIds = await sending;
  await untilWritten(lastIds, 10 * 60_000);
  console.log(`killed worker-2 (SIGKILL) while ${killedDuring.length} uploads were triaging; the last ${rest} uploads were all written ${((performance.now() - killedAt) / 1000).toFixed(1)} s later`);
  // A kill between the incident's write and the pg-boss completion leaves every incident written and that job active
  // until its expiry; its retry then finds the incident written. Wait for pg-boss to settle before counting.
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const live = await db.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'oopscope-triage' AND state IN ('created', 'retry', 'active')`);
    if (Number(live.rows[0].n) === 0) break;
  }

  // Checks.
  const ids = [...one.ids, ...two.ids, ...lastIds];
  const failures: string[] = [];
  const { incidents } = await countWritten(ids);
  if (new Set(ids).size !== total) failures.push(`${total - new Set(ids).size} duplicate upload ids`);
  if (incidents !== total) failures.push(`${total - incidents} uploads lost (no incident)`);
  const jobRows = Number((await db.query(`SELECT count(*) AS n FROM "UploadJob"`)).rows[0].n);
  if (jobRows !== 0) failures.push(`${jobRows} job rows left (queued, triaging or failed)`);
  const doubled = Number(
    (await db.query(`SELECT count(*) AS n FROM (SELECT "incidentId", "findingId" FROM "FindingRecord" GROUP BY 1, 2 HAVING count(*) > 1) d`)).rows[0].n,
  );
  if (doubled !== 0) failures.push(`${doubled} findings stored twice`);
  // Worker-2's log ends at the kill: its done lines count what it finished before.
  const doneLines = w1.done + w2.done;
  const alreadyDone = w1.alreadyDone + w2.alreadyDone;
  const jobs = (await db.query(`SELECT state, count(*) AS n, sum(CASE WHEN retry_count > 0 THEN 1 ELSE 0 END) AS retried FROM pgboss.job WHERE name = 'oopscope-triage' GROUP BY state`)).rows as {
    state: string;
    n: string;
    retried: string;
  }[];
  const byState = Object.fromEntries(jobs.map((j) => [j.state, Number(j.n)]));
  const retried = jobs.reduce((s, j) => s + Number(j.retried), 0);
  if ((byState.completed ?? 0) !== total) failures.push(`pg-boss completed ${byState.completed ?? 0} of ${total} jobs (${JSON.stringify(byState)})`);
  if (retried < 1) failures.push("no job was retried after the kill");
  // A kill just after a write but before its log line leaves one upload to a retry that finds it written ("already").
  if (doneLines > total) failures.push(`the workers wrote ${doneLines} incidents for ${total} uploads`);
  if (doneLines + alreadyDone < total) failures.push(`the workers ran ${doneLines + alreadyDone} jobs to the end for ${total} uploads`);
  const rematchRows = (await db.query(`SELECT id, status, attempts FROM "BackgroundJob" WHERE id = ANY($1)`, [rematchIds])).rows as { id: string; status: string; attempts: number }[];
  const rematchedOnce = rematchRows.filter((r) => r.status === "done" && r.attempts === 1).length;
  const rematchRuns = [...w1.rematched, ...w2.rematched];
  if (rematchedOnce !== rematchIds.length) failures.push(`${rematchedOnce} of ${rematchIds.length} re-matching jobs done on their first attempt (${JSON.stringify(rematchRows)})`);
  if (rematchRuns.length !== rematchIds.length || new Set(rematchRuns).size !== rematchIds.length) failures.push(`re-matching jobs run ${rematchRuns.length} times for ${rematchIds.length} jobs`);
  console.log(
    `checks: ${incidents}/${total} uploads have their incident, ${jobRows} job rows left, ${doubled} doubled findings; ` +
      `workers wrote ${doneLines} incidents (worker-1 ${w1.done}, worker-2 ${w2.done} before its kill), ${alreadyDone} runs found theirs written already; ` +
      `pg-boss: ${JSON.stringify(byState)}, ${retried} retried; re-matching jobs: ${rematchedOnce}/${rematchIds.length} done once (worker-1 ${w1.rematched.length}, worker-2 ${w2.rematched.length})`,
  );
  if (failures.length > 0) console.error(`fleet-queue: FAILED: ${failures.join("; ")}`);
  else {
    console.log(`fleet-queue: OK — ${one.figures.perMinute.toFixed(0)} uploads/min with 1 worker, ${two.figures.perMinute.toFixed(0)} with 2`);
    exitCode = 0;
  }
} catch (err) {
  console.error(`fleet-queue: ${(err as Error).message}`);
} finally {
  for (const child of children) killGroup(child, "SIGTERM");
  await db.end();
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
process.exit(exitCode);
