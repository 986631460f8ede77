/**
 * `oopscope worker`: jobs from the Postgres queue on this machine until stopped — every kind. Triage: `concurrency`
 * jobs at a time, each in a process of this worker's own triage pool (the web server's pool and budgets: time, heap),
 * so a log that exceeds a budget fails its upload with the reason and the worker goes on. Background jobs (re-matching
 * after a KB change, CVE import): one of each kind at a time, through run-background-job.ts (the CVE import in a child
 * process of its own). Needs what the web processes see: the
 * database (DATABASE_URL) and the upload store (OOPSCOPE_UPLOADS_DIR on a shared file system, OOPSCOPE_UPLOADS_SHARED=1).
 */
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { notifyIncident } from "../notify/notify-incident";
import type { UploadStore } from "../storage/upload-store";
import { TriagePool, triageBudgetFromEnv } from "../triage-worker/triage-pool";
import { BACKGROUND_JOB_KINDS } from "./background-jobs";
import { JOB_FUNCTIONS } from "./job-functions";
import { processUploadJob, type JobOutcome } from "./process-upload-job";
import { backgroundQueueName, PgBossQueue, pgBossSettingsFromEnv, startPgBoss, TRIAGE_QUEUE, type BackgroundJobData, type TriageJobData } from "./pg-boss-queue";
import { runBackgroundJob, type BackgroundJobOutcome } from "./run-background-job";
import { requeueStrandedJobs } from "./requeue-stranded-jobs";

/** How often a worker looks for uploads whose job was lost (requeue-stranded-jobs.ts). */
const STRANDED_CHECK_MS = 60_000;

export type RunJobWorkersOptions = {
  url: string;
  db: Db;
  store: UploadStore;
  /** dist/node/triage-worker.mjs (the pool's thread entry). */
  workerFile: string;
  /** bin/oopscope (the CVE import runs `kb import-cve` as a child process). */
  cliPath: string;
  concurrency: number;
  log: (line: string) => void;
  /** A line per job (upload id, outcome, time, retry number). */
  logJobs?: boolean;
};

export type JobWorkers = {
  counts: Record<JobOutcome | "retried", number>;
  /** Background jobs (re-matching, CVE import) by outcome. */
  jobCounts: Record<BackgroundJobOutcome | "retried", number>;
  stop: () => Promise<void>;
};

export async function runJobWorkers({ url, db, store, workerFile, cliPath, concurrency, log, logJobs = false }: RunJobWorkersOptions): Promise<JobWorkers> {
  const settings = pgBossSettingsFromEnv();
  const budget = triageBudgetFromEnv();
  const pool = new TriagePool(workerFile, { ...budget, threads: concurrency, queue: concurrency });
  const boss: PgBoss = await startPgBoss({ url, settings, role: "worker", connections: concurrency + 2, onError: (e) => log(`queue error: ${e.message}`) });
  const counts: JobWorkers["counts"] = { done: 0, "already-done": 0, failed: 0, gone: 0, retried: 0 };
  const jobCounts: JobWorkers["jobCounts"] = { done: 0, "already-done": 0, failed: 0, gone: 0, retried: 0 };
  const notify = async (id: string) => {
    // A webhook that is down must not fail (and so retry) a job whose incident is written.
    await notifyIncident(db, id).catch((e: unknown) => log(`notification for ${id} failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  const handle = async ([job]: PgBoss.JobWithMetadata<TriageJobData>[]) => {
    if (!job) return;
    const started = Date.now();
    try {
      const outcome = await processUploadJob(job.data.uploadId, {
        db,
        store,
        triage: (files) => pool.run(files),
        notify,
        isFinalAttempt: job.retryCount >= job.retryLimit,
      });
      counts[outcome]++;
      if (logJobs) log(`${job.data.uploadId} ${outcome} in ${Date.now() - started} ms${job.retryCount > 0 ? ` (retry ${job.retryCount})` : ""}`);
    } catch (err) {
      counts.retried++;
      log(`${job.data.uploadId} error (will be retried): ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };
  // One poller per slot: pg-boss 10 hands each `work` call one job at a time with batchSize 1. Its poller sleeps out
  // the polling interval after a job too; a slot that just finished one asks again at once (notifyWorker), so a busy
  // queue is not worked at one job per interval.
  for (let i = 0; i < concurrency; i++) {
    let slot = "";
    const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: settings.pollingIntervalSeconds };
    slot = await boss.work<TriageJobData>(TRIAGE_QUEUE, options, async (jobs) => {
      try {
        return await handle(jobs);
      } finally {
        if (slot) boss.notifyWorker(slot);
      }
    });
  }
  for (const kind of BACKGROUND_JOB_KINDS) {
    await boss.work<BackgroundJobData>(backgroundQueueName(kind), { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      try {
        const outcome = await runBackgroundJob(job.data.jobId, { db, store, cliPath, jobs: JOB_FUNCTIONS, isFinalAttempt: job.retryCount >= job.retryLimit, reclaimRunning: job.retryCount > 0 });
        jobCounts[outcome]++;
        log(`${kind} job ${job.data.jobId} ${outcome} in ${Date.now() - started} ms${job.retryCount > 0 ? ` (retry ${job.retryCount})` : ""}`);
      } catch (err) {
        jobCounts.retried++;
        log(`${kind} job ${job.data.jobId} error (will be retried): ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    });
  }
  const sweep = async () => {
    const { requeued, failed } = await requeueStrandedJobs(boss, db, new PgBossQueue(boss, settings), settings.retryLimit);
    if (requeued.length > 0) log(`queued again ${requeued.length} job(s) whose pg-boss job was lost: ${requeued.join(" ")}`);
    if (failed.length > 0) log(`failed ${failed.length} job(s) whose worker died on every attempt: ${failed.join(" ")}`);
  };
  const logSweepError = (e: unknown) => log(`looking for lost jobs failed: ${e instanceof Error ? e.message : String(e)}`);
  await sweep().catch(logSweepError);
  const sweeper = setInterval(() => void sweep().catch(logSweepError), STRANDED_CHECK_MS);
  sweeper.unref();
  log(`working ${TRIAGE_QUEUE} with ${concurrency} at a time, ${BACKGROUND_JOB_KINDS.map(backgroundQueueName).join(" and ")} one at a time (upload store: ${store.description}; retries ${settings.retryLimit}, expiry ${settings.expireInSeconds} s)`);
  return {
    counts,
    jobCounts,
    stop: async () => {
      clearInterval(sweeper);
      // Graceful: running jobs finish (up to the triage budget); what is left of them is retried elsewhere.
      await boss.stop({ graceful: true, wait: true, timeout: budget.timeMs + 5000 });
      await pool.destroy();
    },
  };
}
