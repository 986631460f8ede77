/**
 * Uploads whose job row says queued or triaging (and background jobs whose row says queued or running) while pg-boss
 * holds no live job for them: a web process that died between writing the row and sending the job, rows moved by
 * `oopscope db copy`, or a job whose worker died on its last attempt. The first two are sent again; a job whose every
 * attempt ended with its worker gone (a log that kills the process, say) fails with that reason instead of being
 * retried forever. Workers run this at start and on a timer; a job sent twice is harmless (the second run finds the
 * incident written, or the background job claimed or ended).
 */
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { isBackgroundJobKind } from "./background-jobs";
import { backgroundQueuePrefix, TRIAGE_QUEUE, type PgBossQueue } from "./pg-boss-queue";

export type RequeueResult = { requeued: string[]; failed: string[] };

/** Rows older than this are considered; a younger one may be between its row write and its send. */
const STRANDED_AFTER_S = 120;

export async function requeueStrandedJobs(boss: PgBoss, db: Db, queue: PgBossQueue, retryLimit: number): Promise<RequeueResult> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT u.id, u.attempts FROM public."UploadJob" u
      WHERE u.status IN ('queued', 'triaging')
        AND u."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.data->>'uploadId' = u.id AND j.state IN ('created', 'retry', 'active'))
      LIMIT 500`,
    [TRIAGE_QUEUE, STRANDED_AFTER_S],
  );
  const result: RequeueResult = { requeued: [], failed: [] };
  for (const row of rows as { id: string; attempts: number }[]) {
    if (row.attempts > retryLimit) {
      const message = `triage did not finish: the worker stopped during each of ${row.attempts} attempts`;
      await db.uploadJob.updateMany({ where: { id: row.id, status: { in: ["queued", "triaging"] } }, data: { status: "failed", errorCode: "internal", error: message, finishedAt: new Date() } });
      result.failed.push(row.id);
    } else {
      await queue.enqueueTriage(row.id);
      result.requeued.push(row.id);
    }
  }
  const { rows: jobs } = await boss.getDb().executeSql(
    `SELECT b.id, b.kind, b.attempts FROM public."BackgroundJob" b
      WHERE b.status IN ('queued', 'running')
        AND b."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1)
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $2 || b.kind AND j.data->>'jobId' = b.id AND j.state IN ('created', 'retry', 'active'))
      LIMIT 500`,
    [STRANDED_AFTER_S, backgroundQueuePrefix],
  );
  for (const row of jobs as { id: string; kind: string; attempts: number }[]) {
    if (row.attempts > retryLimit || !isBackgroundJobKind(row.kind)) {
      const message = isBackgroundJobKind(row.kind) ? `the job did not finish: its worker stopped during each of ${row.attempts} attempts` : `unknown job kind ${JSON.stringify(row.kind)}`;
      await db.backgroundJob.updateMany({ where: { id: row.id, status: { in: ["queued", "running"] } }, data: { status: "failed", error: message, finishedAt: new Date() } });
      result.failed.push(row.id);
    } else {
      // No live pg-boss job holds it, so no worker runs it: the new job (a first delivery) may claim it again.
      await db.backgroundJob.updateMany({ where: { id: row.id, status: "running", attempts: row.attempts }, data: { status: "queued" } });
      await queue.enqueueJob(row.kind, row.id);
      result.requeued.push(row.id);
    }
  }
  return result;
}
