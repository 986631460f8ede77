/**
 * Jobs other than an upload's triage (which has its UploadJob row): re-matching stored incidents after a KB change and
 * the CVE import. A web process writes the BackgroundJob row (the job's input, as JSON) and hands its id to the
 * JobQueue; the process that runs it (the web process on SQLite, `oopscope worker` on Postgres) records progress and
 * outcome in the row (run-background-job.ts), and pages and `GET /api/jobs/:id` read them from there — the worker may
 * be on another machine. No `server-only`: `oopscope worker` imports it.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../db";

export const BACKGROUND_JOB_KINDS = ["rematch", "cve-import"] as const;
export type BackgroundJobKind = (typeof BACKGROUND_JOB_KINDS)[number];
export type BackgroundJobState = "queued" | "running" | "done" | "failed";
const STATES: readonly BackgroundJobState[] = ["queued", "running", "done", "failed"];

/** A job's stored input: the one argument of its job function. */
export type RematchJobInput = { limit: number };
export type CveImportJobInput = { key: string; fileName: string; bytes: number };
export type BackgroundJobInput = { rematch: RematchJobInput; "cve-import": CveImportJobInput };

export type BackgroundJobStatus = {
  id: string;
  kind: BackgroundJobKind;
  state: BackgroundJobState;
  phase: string | null;
  done: number;
  total: number;
  attempts: number;
  input: unknown;
  result: unknown;
  error: string | null;
  requestedBy: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Same alphabet and length as incident ids: a CVE import keeps its tarball in the upload store under this id. */
export function newBackgroundJobId(): string {
  return randomBytes(16).toString("base64url");
}

export function isBackgroundJobKind(value: string): value is BackgroundJobKind {
  return (BACKGROUND_JOB_KINDS as readonly string[]).includes(value);
}

export async function createBackgroundJob<K extends BackgroundJobKind>(
  db: Db,
  kind: K,
  input: BackgroundJobInput[K],
  { id = newBackgroundJobId(), requestedBy = null }: { id?: string; requestedBy?: string | null } = {},
): Promise<string> {
  await db.backgroundJob.create({ data: { id, kind, input: JSON.stringify(input), requestedBy } });
  return id;
}

type Row = NonNullable<Awaited<ReturnType<Db["backgroundJob"]["findUnique"]>>>;

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function statusOf(row: Row): BackgroundJobStatus {
  return {
    id: row.id,
    kind: isBackgroundJobKind(row.kind) ? row.kind : "rematch",
    state: STATES.includes(row.status as BackgroundJobState) ? (row.status as BackgroundJobState) : "queued",
    phase: row.phase,
    done: row.done,
    total: row.total,
    attempts: row.attempts,
    input: parseJson(row.input),
    result: parseJson(row.result),
    error: row.error,
    requestedBy: row.requestedBy,
    queuedAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export async function findBackgroundJob(db: Db, id: string): Promise<BackgroundJobStatus | undefined> {
  const row = await db.backgroundJob.findUnique({ where: { id } });
  return row ? statusOf(row) : undefined;
}

/** The most recent job of a kind (the admin page's CVE import, the KB page's re-matching). */
export async function latestBackgroundJob(db: Db, kind: BackgroundJobKind): Promise<BackgroundJobStatus | undefined> {
  const row = await db.backgroundJob.findFirst({ where: { kind }, orderBy: { createdAt: "desc" } });
  return row ? statusOf(row) : undefined;
}

export async function hasPendingBackgroundJob(db: Db, kind: BackgroundJobKind): Promise<boolean> {
  return (await db.backgroundJob.count({ where: { kind, status: { in: ["queued", "running"] } } })) > 0;
}

/**
 * A re-matching after a KB change. One still queued (not started: it has read no KB yet) covers this change too, as
 * the KB generation was bumped before this call: saving ten entries in a row queues one re-matching, not ten. Returns
 * the job's id and whether it is new (then it must be enqueued).
 */
export async function requestRematchJob(db: Db, input: RematchJobInput, requestedBy: string | null): Promise<{ id: string; created: boolean }> {
  const waiting = await db.backgroundJob.findFirst({ where: { kind: "rematch", status: "queued", attempts: 0 }, orderBy: { createdAt: "desc" }, select: { id: true, input: true } });
  if (waiting && (JSON.parse(waiting.input) as RematchJobInput).limit >= input.limit) return { id: waiting.id, created: false };
  return { id: await createBackgroundJob(db, "rematch", input, { requestedBy }), created: true };
}

/** Ended jobs' rows stay a week for their pages and API, then maintenance deletes them. */
export const ENDED_JOB_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export async function deleteEndedBackgroundJobs(db: Db, { now = new Date(), keepMs = ENDED_JOB_KEEP_MS }: { now?: Date; keepMs?: number } = {}): Promise<number> {
  const { count } = await db.backgroundJob.deleteMany({ where: { status: { in: ["done", "failed"] }, finishedAt: { lt: new Date(now.getTime() - keepMs) } } });
  return count;
}

/** The JSON the API answers for a job (`GET /api/jobs/:id`, and the 202 that started it). */
export function backgroundJobBody(job: BackgroundJobStatus) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.state,
    statusUrl: `/api/jobs/${job.id}`,
    phase: job.phase,
    done: job.done,
    total: job.total,
    attempts: job.attempts,
    queuedAt: job.queuedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    requestedBy: job.requestedBy,
    ...(job.result !== null ? { result: job.result } : {}),
    ...(job.error !== null ? { error: job.error } : {}),
  };
}
export type BackgroundJobBody = ReturnType<typeof backgroundJobBody>;
