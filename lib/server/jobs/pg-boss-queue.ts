/**
 * The team server's queue: pg-boss 10 (the last major that runs on Node 20; 11+ needs Node 22) in the same Postgres
 * database, schema `pgboss` (Prisma only looks at `public`). Web processes send; `oopscope worker` processes fetch
 * with `SKIP LOCKED`, so each job goes to one worker.
 *
 * A worker killed mid-job leaves its job `active`; pg-boss 10 has no heartbeat, so the job is failed by its expiry
 * (`expireInSeconds`, checked by whichever process runs maintenance) and retried (`retryLimit`). The expiry must exceed
 * the triage time budget, after which a live worker ends the triage itself: then a job only expires when its worker
 * died, and a retry never races a live attempt. Settings (all optional):
 *   OOPSCOPE_JOB_RETRIES          retries after the first attempt (default 2)
 *   OOPSCOPE_JOB_EXPIRE_S         seconds a job may stay active (default: the triage time budget + 60)
 *   OOPSCOPE_JOB_MAINTENANCE_S    how often expired jobs are looked for (default 30; pg-boss's own default is 120)
 *   OOPSCOPE_JOB_POLL_S           how often an idle worker asks for a job (default 1; pg-boss's minimum is 0.5)
 *   OOPSCOPE_REMATCH_EXPIRE_S     the same expiry for a re-matching job (default 600)
 *   OOPSCOPE_CVE_IMPORT_EXPIRE_S  and for a CVE import (default 3600: a full import with its re-matching takes minutes)
 * Background jobs (re-matching, CVE import) have a queue per kind (`oopscope-<kind>`), retried the same way.
 * No `server-only`: `oopscope worker` imports it.
 */
import PgBoss from "pg-boss";
import { triageBudgetFromEnv } from "../triage-worker/triage-pool";
import { BACKGROUND_JOB_KINDS, type BackgroundJobKind } from "./background-jobs";
import type { JobQueue } from "./job-queue";

export const TRIAGE_QUEUE = "oopscope-triage";

export type TriageJobData = { uploadId: string };
export type BackgroundJobData = { jobId: string };

const BACKGROUND_QUEUE_PREFIX = "oopscope-";

/** The pg-boss queue of a background job kind. */
export function backgroundQueueName(kind: BackgroundJobKind): string {
  return BACKGROUND_QUEUE_PREFIX + kind;
}

/** What a background queue's name starts with (SQL joins a job row to its pg-boss job by `prefix || kind`). */
export const backgroundQueuePrefix = BACKGROUND_QUEUE_PREFIX;

export type PgBossSettings = {
  retryLimit: number;
  expireInSeconds: number;
  maintenanceIntervalSeconds: number;
  pollingIntervalSeconds: number;
  /** Per background job kind (default: DEFAULT_BACKGROUND_EXPIRE_S). */
  backgroundExpireInSeconds?: Partial<Record<BackgroundJobKind, number>>;
};

export const DEFAULT_BACKGROUND_EXPIRE_S: Record<BackgroundJobKind, number> = { rematch: 600, "cve-import": 3600 };

function backgroundExpiry(settings: PgBossSettings, kind: BackgroundJobKind): number {
  return settings.backgroundExpireInSeconds?.[kind] ?? DEFAULT_BACKGROUND_EXPIRE_S[kind];
}

const number = (value: string | undefined, fallback: number, min: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= min ? n : fallback;
};

export function pgBossSettingsFromEnv(env: Record<string, string | undefined> = process.env): PgBossSettings {
  const budgetS = Math.ceil(triageBudgetFromEnv(env).timeMs / 1000);
  return {
    retryLimit: Math.floor(number(env.OOPSCOPE_JOB_RETRIES, 2, 0)),
    expireInSeconds: Math.ceil(number(env.OOPSCOPE_JOB_EXPIRE_S, budgetS + 60, 1)),
    maintenanceIntervalSeconds: Math.ceil(number(env.OOPSCOPE_JOB_MAINTENANCE_S, 30, 1)),
    pollingIntervalSeconds: number(env.OOPSCOPE_JOB_POLL_S, 1, 0.5),
    backgroundExpireInSeconds: {
      rematch: Math.ceil(number(env.OOPSCOPE_REMATCH_EXPIRE_S, DEFAULT_BACKGROUND_EXPIRE_S.rematch, 1)),
      "cve-import": Math.ceil(number(env.OOPSCOPE_CVE_IMPORT_EXPIRE_S, DEFAULT_BACKGROUND_EXPIRE_S["cve-import"], 1)),
    },
  };
}

export type StartPgBossOptions = {
  url: string;
  settings: PgBossSettings;
  /** Workers supervise (expire and retry jobs of dead workers); a web process only sends. */
  role: "sender" | "worker";
  /** Connections this process keeps to Postgres for the queue. */
  connections?: number;
  onError?: (err: Error) => void;
};

/** A started pg-boss with the triage and background queues created (idempotent: every process may create them). */
export async function startPgBoss({ url, settings, role, connections = role === "sender" ? 2 : 4, onError }: StartPgBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: connections,
    application_name: `oopscope-${role}`,
    supervise: role === "worker",
    schedule: false,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  // An EventEmitter "error" without a listener would end the process; pg-boss reports polling failures here.
  boss.on("error", onError ?? ((err: Error) => console.error("[oopscope] job queue:", err.message)));
  await boss.start();
  await boss.createQueue(TRIAGE_QUEUE, {
    name: TRIAGE_QUEUE,
    retryLimit: settings.retryLimit,
    retryDelay: 1,
    expireInSeconds: settings.expireInSeconds,
  });
  for (const kind of BACKGROUND_JOB_KINDS) {
    const name = backgroundQueueName(kind);
    await boss.createQueue(name, { name, retryLimit: settings.retryLimit, retryDelay: 1, expireInSeconds: backgroundExpiry(settings, kind) });
  }
  return boss;
}

export class PgBossQueue implements JobQueue {
  readonly kind = "pg-boss" as const;

  constructor(
    private readonly boss: PgBoss,
    private readonly settings: PgBossSettings,
  ) {}

  async enqueueTriage(uploadId: string): Promise<void> {
    const data: TriageJobData = { uploadId };
    const id = await this.boss.send(TRIAGE_QUEUE, data, {
      retryLimit: this.settings.retryLimit,
      retryDelay: 1,
      expireInSeconds: this.settings.expireInSeconds,
    });
    if (!id) throw new Error(`the job queue did not take upload ${uploadId}`);
  }

  async enqueueJob(kind: BackgroundJobKind, jobId: string): Promise<void> {
    const data: BackgroundJobData = { jobId };
    const id = await this.boss.send(backgroundQueueName(kind), data, {
      retryLimit: this.settings.retryLimit,
      retryDelay: 1,
      expireInSeconds: backgroundExpiry(this.settings, kind),
    });
    if (!id) throw new Error(`the job queue did not take ${kind} job ${jobId}`);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
