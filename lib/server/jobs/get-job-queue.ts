/**
 * The web process's queue, picked by the database: Postgres → pg-boss (jobs for `oopscope worker`), SQLite → the
 * in-process queue over the triage pool (background jobs in this process too) (and, once per process, the jobs a killed server left behind run again).
 * Cached on globalThis (Next's dev reloads must not start a second one).
 */
import "server-only";
import path from "node:path";
import { databaseProvider, getDb } from "@/lib/server/db";
import { databaseUrl } from "@/lib/server/paths";
import { triageStoredFiles } from "@/lib/server/incidents/triage-stored-files";
import { notifyIncident } from "@/lib/server/notify/notify-incident";
import { getUploadStore } from "@/lib/server/storage/upload-store";
import { triageBudgetFromEnv } from "@/lib/server/triage-worker/triage-pool";
import { InProcessQueue } from "./in-process-queue";
import { JOB_FUNCTIONS } from "./job-functions";
import type { JobQueue } from "./job-queue";
import { PgBossQueue, pgBossSettingsFromEnv, startPgBoss } from "./pg-boss-queue";

const cache = globalThis as unknown as { oopscopeJobQueue?: Promise<JobQueue> };

/** The webhook for a new incident; a failing webhook is logged (deliverWebhook retries with backoff), never fatal. */
export async function notifyNewIncident(incidentId: string): Promise<void> {
  await notifyIncident(getDb(), incidentId).catch((e: unknown) => console.error(`[oopscope] notification for ${incidentId} failed:`, e));
}

async function createJobQueue(): Promise<JobQueue> {
  if (databaseProvider() === "postgresql") {
    const settings = pgBossSettingsFromEnv();
    return new PgBossQueue(await startPgBoss({ url: databaseUrl(), settings, role: "sender" }), settings);
  }
  const budget = triageBudgetFromEnv();
  const queue = new InProcessQueue({
    db: getDb,
    store: getUploadStore,
    triage: triageStoredFiles,
    limit: budget.threads + budget.queue,
    jobs: JOB_FUNCTIONS,
    cliPath: path.join(/*turbopackIgnore: true*/ process.cwd(), "bin", "oopscope"),
    notify: notifyNewIncident,
  });
  void queue.resumeInterrupted().then(
    (n) => n > 0 && console.log(`[oopscope] running ${n} job(s) a previous server left queued`),
    (e: unknown) => console.error("[oopscope] could not resume queued uploads:", e),
  );
  return queue;
}

export function getJobQueue(): Promise<JobQueue> {
  cache.oopscopeJobQueue ??= createJobQueue().catch((err: unknown) => {
    cache.oopscopeJobQueue = undefined;
    throw err;
  });
  return cache.oopscopeJobQueue;
}

/**
 * At server start (instrumentation.ts): on SQLite the queue starts at once, so uploads and background jobs a killed
 * server left queued or running run again without waiting for the next upload. On Postgres the workers do that (requeue-stranded-jobs.ts) and the
 * sender starts with the first upload.
 */
export async function startJobQueueAtBoot(): Promise<void> {
  if (databaseProvider() === "sqlite") await getJobQueue();
}
