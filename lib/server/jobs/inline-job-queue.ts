/**
 * A queue that runs each background job at once, in this process, and returns when it ended: for tests and benchmarks
 * that want a job's outcome right after the call that queued it. The servers use get-job-queue.ts; this calls the
 * same run-background-job.ts. No `server-only`.
 */
import type { Db } from "../db";
import type { UploadStore } from "../storage/upload-store";
import type { BackgroundJobKind } from "./background-jobs";
import type { JobQueue } from "./job-queue";
import { runBackgroundJob, type BackgroundJobOutcome, type JobFunctions } from "./run-background-job";

export type InlineJobQueue = Pick<JobQueue, "enqueueJob"> & { readonly ran: { kind: BackgroundJobKind; id: string; outcome: BackgroundJobOutcome }[] };

export function inlineJobQueue({ db, store, cliPath, jobs }: { db: Db; store: UploadStore; cliPath: string; jobs: JobFunctions }): InlineJobQueue {
  const ran: InlineJobQueue["ran"] = [];
  return {
    ran,
    enqueueJob: async (kind, id) => {
      ran.push({ kind, id, outcome: await runBackgroundJob(id, { db, store, cliPath, jobs, isFinalAttempt: true }) });
    },
  };
}
