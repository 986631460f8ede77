/**
 * What a pool worker process runs (bundled to dist/node/triage-worker.mjs by scripts/build-cli.mjs): says when it
 * starts a task, for the pool's time budget (a queued task's wait is not its work), then triages.
 */
import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { getDb } from "../db";
import { incidentRecord } from "../incidents/incident-record";
import { saveTriagedUpload } from "../jobs/save-triaged-upload";
import { getUploadStore } from "../storage/upload-store";
import { triageStoredInput } from "./triage-stored-input";
import { TRIAGE_STARTED, type PooledTriage, type TriageTask } from "./triage-task";

const TRIAGE_NICENESS = 10;

/**
 * The whole process yields the CPU to the server answering page loads. On Linux a priority belongs to a thread
 * (setpriority with pid 0 changes the calling thread only): every thread that exists now — V8's garbage-collection
 * helpers among them — is lowered by id, and threads started later inherit from the main thread.
 */
function lowerPriority(): void {
  const target = Math.min(19, getPriority(0) + TRIAGE_NICENESS);
  if (process.platform !== "linux") return setPriority(0, target);
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      setPriority(Number(tid), target);
    } catch (err) {
      // A thread that ended between the listing and here has nothing left to lower.
      if ((err as { info?: { code?: string } }).info?.code !== "ESRCH") throw err;
    }
  }
}

lowerPriority();

export default async function runTriageTask(task: TriageTask): Promise<PooledTriage> {
  process.send?.(TRIAGE_STARTED);
  const before = process.cpuUsage();
  const { incident, kbGeneration, files, unused } = await triageStoredInput(task.files);
  const triaged = { record: incidentRecord(incident, kbGeneration), files, unused };
  // Written here, the incident's JSON never crosses to the server, nor does the server's thread compile and run its
  // inserts (the same database: the pool passes DATABASE_URL and the data directory on).
  const answer = task.save ? { saved: await saveTriagedUpload(triaged, task.save, { db: getDb(), store: getUploadStore() }) } : triaged;
  const { user, system } = process.cpuUsage(before);
  return { ...answer, engineMs: incident.stats.elapsedMs, cpuMs: (user + system) / 1000 };
}
