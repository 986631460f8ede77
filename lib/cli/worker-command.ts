/**
 * `oopscope worker [--concurrency N]`: triage queued uploads from a Postgres-backed team server, on any machine that
 * sees its database (DATABASE_URL) and its upload store (OOPSCOPE_UPLOADS_DIR, shared). Runs until SIGINT/SIGTERM,
 * then lets running jobs finish; a worker killed outright has its jobs retried by another (see lib/server/jobs/).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { allowServerModules } from "./allow-server-modules";

export const WORKER_USAGE = `usage: oopscope worker [--concurrency N] [--log-jobs]
  Triages uploads queued by the web processes of a team server (Postgres: DATABASE_URL=postgresql://…), N at a time
  (default: OOPSCOPE_TRIAGE_THREADS, else CPUs − 1). The upload store must be the web processes' one
  (OOPSCOPE_UPLOADS_DIR on a shared file system, OOPSCOPE_UPLOADS_SHARED=1). On SQLite the web server triages itself.
  --log-jobs prints a line per job (upload id, outcome, milliseconds, retry number) on stderr.`;

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
    process.stderr.write("oopscope worker: needs a Postgres DATABASE_URL; with SQLite, `npm start` triages uploads in its own process\n");
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
  log(`stopped; ${c.done} incidents written, ${c["already-done"]} already done, ${c.failed} uploads refused, ${c.retried} errors left for a retry`);
  return 0;
}
