/**
 * The embedded deployment's queue (SQLite): jobs run in this process through the triage pool, at most `limit` at a
 * time in flight (the pool's threads plus its queue, so the pool itself is never asked to refuse); one more is refused
 * as busy, as the synchronous upload was. Jobs a killed server left queued or triaging are run again at start
 * (`resumeInterrupted`), so on SQLite too a job outlives the process that accepted it.
 */
import type { Db } from "../db";
import { AppError } from "../app-error";
import type { UploadStore } from "../storage/upload-store";
import type { JobQueue } from "./job-queue";
import { processUploadJob, type JobOutcome, type TriageStoredFiles } from "./process-upload-job";

export type InProcessQueueOptions = {
  db: () => Db;
  store: () => UploadStore;
  triage: TriageStoredFiles;
  limit: number;
  notify?: (incidentId: string) => Promise<void>;
  onError?: (uploadId: string, err: unknown) => void;
};

export class InProcessQueue implements JobQueue {
  readonly kind = "in-process" as const;
  private readonly running = new Map<string, Promise<JobOutcome | undefined>>();

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

  /** The outcome of an upload this queue is running (undefined when it is not running here). */
  whenSettled(uploadId: string): Promise<JobOutcome | undefined> | undefined {
    return this.running.get(uploadId);
  }

  /** Jobs a killed server left behind: run them again (oldest first, within the limit; the rest wait for a restart). */
  async resumeInterrupted(): Promise<number> {
    const left = await this.options.db().uploadJob.findMany({
      where: { status: { in: ["queued", "triaging"] } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: this.options.limit,
    });
    for (const { id } of left) if (!this.running.has(id)) this.start(id);
    return left.length;
  }

  /** Resolves when every job started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  async close(): Promise<void> {
    await this.idle();
  }
}
