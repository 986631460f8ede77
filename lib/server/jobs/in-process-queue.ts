/**
 * The embedded deployment's queue (SQLite): jobs run in this process through the triage pool, at most `limit` at a
 * time in flight (the pool's threads plus its queue, so the pool itself is never asked to refuse); one more is refused
 * as busy, as the synchronous upload was. Jobs a killed server left queued or triaging are run again at start
 * (`resumeInterrupted`), so on SQLite too a job outlives the process that accepted it. Background jobs (re-matching,
 * CVE import) run here too, unbounded (a KB save queues at most one re-matching; one import at a time), through the
 * same run-background-job.ts the workers call.
 */
import type { Db } from "../db";
import { AppError } from "../app-error";
import type { UploadStore } from "../storage/upload-store";
import type { BackgroundJobKind } from "./background-jobs";
import type { JobQueue } from "./job-queue";
import { processUploadJob, type JobOutcome, type TriageStoredFiles } from "./process-upload-job";
import { runBackgroundJob, type BackgroundJobOutcome, type JobFunctions } from "./run-background-job";

export type InProcessQueueOptions = {
  db: () => Db;
  store: () => UploadStore;
  triage: TriageStoredFiles;
  limit: number;
  /** What background jobs run, and the CLI a job may start (the CVE import's child process). */
  jobs: JobFunctions;
  cliPath: string;
  notify?: (incidentId: string) => Promise<void>;
  onError?: (jobId: string, err: unknown) => void;
};

export class InProcessQueue implements JobQueue {
  readonly kind = "in-process" as const;
  private readonly running = new Map<string, Promise<JobOutcome | undefined>>();
  private readonly runningJobs = new Map<string, Promise<BackgroundJobOutcome | undefined>>();

  constructor(private readonly options: InProcessQueueOptions) {}

  async enqueueTriage(uploadId: string): Promise<void> {
    if (this.running.has(uploadId)) return;
    if (this.running.size >= this.options.limit)
      throw new AppError("busy", `the server is triaging ${this.options.limit} uploads already; try again in a minute`);
    this.start(uploadId);
  }

  private start(uploadId: string): void {
    const { db, store, triage, notify, onError } = this.options;
    const run = processUploadJob(uploadId, { db: db(), store: store(), triage, notify, isFinalAttempt: true })
      .catch((err: unknown) => {
        (onError ?? ((id, e) => console.error(`[oopscope] triage of upload ${id} failed:`, e)))(uploadId, err);
        return undefined;
      })
      .finally(() => this.running.delete(uploadId));
    this.running.set(uploadId, run);
  }

  async enqueueJob(_kind: BackgroundJobKind, jobId: string): Promise<void> {
    if (!this.runningJobs.has(jobId)) this.startJob(jobId, false);
  }

  /** `reclaimRunning`: a job a killed server left running (this process runs each job once: see `runningJobs`). */
  private startJob(jobId: string, reclaimRunning: boolean): void {
    const { db, store, jobs, cliPath, onError } = this.options;
    const run = runBackgroundJob(jobId, { db: db(), store: store(), jobs, cliPath, isFinalAttempt: true, reclaimRunning })
      .catch((err: unknown) => {
        (onError ?? ((id, e) => console.error(`[oopscope] job ${id} failed:`, e)))(jobId, err);
        return undefined;
      })
      .finally(() => this.runningJobs.delete(jobId));
    this.runningJobs.set(jobId, run);
  }

  /** The outcome of a background job this queue is running (undefined when it is not running here). */
  whenJobSettled(jobId: string): Promise<BackgroundJobOutcome | undefined> | undefined {
    return this.runningJobs.get(jobId);
  }

  /** The outcome of an upload this queue is running (undefined when it is not running here). */
  whenSettled(uploadId: string): Promise<JobOutcome | undefined> | undefined {
    return this.running.get(uploadId);
  }

  /**
   * Jobs a killed server left behind: run them again (uploads oldest first, within the limit — the rest wait for a
   * restart —, and every background job).
   */
  async resumeInterrupted(): Promise<number> {
    const left = await this.options.db().uploadJob.findMany({
      where: { status: { in: ["queued", "triaging"] } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: this.options.limit,
    });
    for (const { id } of left) if (!this.running.has(id)) this.start(id);
    const jobs = await this.options.db().backgroundJob.findMany({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "asc" }, select: { id: true } });
    for (const { id } of jobs) if (!this.runningJobs.has(id)) this.startJob(id, true);
    return left.length + jobs.length;
  }

  /** Resolves when every job started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size + this.runningJobs.size > 0) await Promise.all([...this.running.values(), ...this.runningJobs.values()]);
  }

  async close(): Promise<void> {
    await this.idle();
  }
}
