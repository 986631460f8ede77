/**
 * `oopscope worker [--concurrency N]`: the queued jobs of a Postgres-backed team server (triage of uploads, KB
 * re-matching, CVE imports), on any machine that
 * sees its database (DATABASE_URL) and its upload store (OOPSCOPE_UPLOADS_DIR, shared). Runs until SIGINT/SIGTERM,
 * then lets running jobs finish; a worker killed outright has its jobs retried by another (see lib/server/jobs/).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { allowServerModules } from "./allow-server-modules";

export const WORKER_USAGE = `usage: oopscope worker [--concurrency N] [--log-jobs]
  Runs the jobs the web processes of a team server queue (Postgres: DATABASE_URL=postgresql://…): uploads to triage,
  N at a time (default: OOPSCOPE_TRIAGE_THREADS, else CPUs − 1); re-matching after a KB change and CVE imports, one
  of each at a time. The upload store must be the web processes' one
  (OOPSCOPE_UPLOADS_DIR on a shared file system, OOPSCOPE_UPLOADS_SHARED=1). On SQLite the web server runs its jobs itself.
  --log-jobs prints a line per upload (id, outcome, milliseconds, retry number) on stderr; re-matching and CVE
  imports always print theirs.`;

export async function runWorkerCommand(args: string[], root: string, prepareDb: () => Promise<void>): Promise<number> {
  const { values } = parseArgs({ args, options: { concurrency: { type: "string" }, "log-jobs": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stderr.write(WORKER_USAGE + "\n");
    return 0;
  }
  allowServerModules();
  const { databaseProvider, getDb } = await import("../server/db");
  const { databaseUrl } = await import("../server/paths");
  if (databaseProvider() !== "postgresql") {
    process.stderr.write("oopscope worker: needs a Postgres DATABASE_URL; with SQLite, `npm start` runs jobs in its own process\n");
    return 1;
  }
  const { triageBudgetFromEnv } = await import("../server/triage-worker/triage-pool");
  const concurrency = values.concurrency === undefined ? triageBudgetFromEnv().threads : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("--concurrency must be a whole number ≥ 1");
  await prepareDb();
  const { getUploadStore } = await import("../server/storage/upload-store");
  const { runJobWorkers } = await import("../server/jobs/run-job-workers");
  const log = (line: string) => process.stderr.write(`oopscope worker: ${line}\n`);
  const workers = await runJobWorkers({
    cliPath: path.join(root, "bin", "oopscope"),
    url: databaseUrl(),
    db: getDb(),
    store: getUploadStore(),
    workerFile: path.join(root, "dist", "node", "triage-worker.mjs"),
    concurrency,
    log,
    logJobs: values["log-jobs"] ?? false,
  });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log("stopping: running jobs finish first");
  await workers.stop();
  await getDb().$disconnect();
  const c = workers.counts;
  const j = workers.jobCounts;
  log(
    `stopped; ${c.done} incidents written, ${c["already-done"]} already done, ${c.failed} uploads refused, ${c.retried} errors left for a retry; ` +
      `background jobs: ${j.done} done, ${j.failed} failed, ${j.retried} left for a retry`,
  );
  return 0;
}
