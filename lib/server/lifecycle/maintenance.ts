/**
 * Background upkeep of a server process: the orphan sweep and the retention policy, once at start and then on a
 * timer (OOPSCOPE_MAINTENANCE_MINUTES, default 10). Started from instrumentation.ts. Several web nodes may each run
 * it: a row another node deleted first is reported as a not-found failure, and the next run no longer sees it.
 */
import type { Db } from "../db";
import { deleteEndedBackgroundJobs } from "../jobs/background-jobs";
import { deleteFailedUploads } from "../jobs/delete-failed-uploads";
import { sweepOrphanedUploads, type SweepResult } from "../storage/sweep-orphans";
import type { UploadStore } from "../storage/upload-store";
import { applyRetention, type RetentionResult } from "./retention";

export type MaintenanceRun = { sweep: SweepResult; retention: RetentionResult; failedUploadsDeleted: number; endedJobsDeleted: number };
export type Maintenance = { stop(): void; lastRun(): Promise<MaintenanceRun> };

export function maintenanceIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.OOPSCOPE_MAINTENANCE_MINUTES ?? 10);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 10) * 60 * 1000;
}

export async function runMaintenance(db: Db, store: UploadStore, processStartedAt?: Date): Promise<MaintenanceRun> {
  // Retention first: what it deletes is gone before the sweep looks, and the sweep mops up what a failure left.
  const retention = await applyRetention(db, store);
  const sweep = await sweepOrphanedUploads(db, store, { processStartedAt });
  return { sweep, retention, failedUploadsDeleted: await deleteFailedUploads(db), endedJobsDeleted: await deleteEndedBackgroundJobs(db) };
}

function report(run: MaintenanceRun): void {
  const { sweep, retention } = run;
  const bytes = sweep.removed.reduce((a, d) => a + d.bytes, 0);
  if (sweep.removed.length > 0) console.warn(`[oopscope] removed ${sweep.removed.length} orphaned upload(s), ${bytes} bytes`);
  if (retention.expired + retention.droppedLogs > 0)
    console.warn(`[oopscope] retention (${retention.days} days): ${retention.expired} incident(s) deleted, ${retention.droppedLogs} kept without raw logs`);
  for (const f of retention.failures) console.warn(`[oopscope] retention: ${f}`);
}

export function startMaintenance(db: Db, store: UploadStore, intervalMs = maintenanceIntervalMs()): Maintenance {
  const startedAt = new Date();
  let running = false;
  let current: Promise<MaintenanceRun>;
  const run = () => {
    // A run still going (a big retention backlog) is not started twice.
    if (running) return;
    running = true;
    current = runMaintenance(db, store, startedAt).finally(() => (running = false));
    current.then(report, (err: unknown) => console.error("[oopscope] maintenance failed", err));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), lastRun: () => current };
}
