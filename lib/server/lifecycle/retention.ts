/**
 * Retention: an admin sets a number of days (0 = keep forever, the default). Incidents older than that are deleted,
 * except those a KB revision names (a "Linked finding … from incident <id>" message, or an entry document linking
 * `/incidents/<id>`): they keep their findings and lose their raw logs. Every removal is audited as "retention".
 */
import { z } from "zod";
import type { Db } from "../db";
import type { UploadStore } from "../storage/upload-store";
import { RETENTION_ACTOR } from "./audit";
import { deleteIncident, dropRawLogs } from "./delete-incident";

const KEY = "retention.days";
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export const retentionSettingsSchema = z.object({ days: z.number().int().min(0).max(36_500) });
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export async function getRetentionSettings(db: Db): Promise<RetentionSettings> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const days = Number(row?.value ?? 0);
  return { days: Number.isInteger(days) && days > 0 ? days : 0 };
}

export async function setRetentionSettings(db: Db, settings: RetentionSettings): Promise<RetentionSettings> {
  const value = String(retentionSettingsSchema.parse(settings).days);
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
  return getRetentionSettings(db);
}

/** Incident ids as revisions name them: link-finding's message, or a permalink in an entry's references. */
const NAMED_IN_MESSAGE = /\bincident[s]?[\s/:#]+([A-Za-z0-9_-]{16,64})/gi;
const NAMED_IN_DOCUMENT = /\/incidents\/([A-Za-z0-9_-]{16,64})/g;

export async function incidentsNamedByKb(db: Db): Promise<Set<string>> {
  const named = new Set<string>();
  const revisions = await db.kbRevision.findMany({
    where: { OR: [{ message: { contains: "incident" } }, { document: { contains: "/incidents/" } }] },
    select: { message: true, document: true },
  });
  for (const r of revisions) {
    for (const m of r.message.matchAll(NAMED_IN_MESSAGE)) named.add(m[1]);
    for (const m of r.document.matchAll(NAMED_IN_DOCUMENT)) named.add(m[1]);
  }
  return named;
}

/** The admin's change: saved, then applied at once (the page reports what it removed). */
export async function updateRetention(db: Db, store: UploadStore, settings: RetentionSettings): Promise<RetentionSettings & { applied: RetentionResult }> {
  const saved = await setRetentionSettings(db, settings);
  return { ...saved, applied: await applyRetention(db, store) };
}

export type RetentionResult = { days: number; expired: number; droppedLogs: number; bytes: number; failures: string[] };

/**
 * What a later run can get past: the incident gone meanwhile (AppError not-found, Prisma P2025) or a file system
 * error (an errno code). Each carries a string `code`; an error without one is a bug and stops the run.
 */
function isRetryableFailure(err: unknown): err is Error & { code: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === "string";
}

export async function applyRetention(db: Db, store: UploadStore, now = new Date()): Promise<RetentionResult> {
  const { days } = await getRetentionSettings(db);
  const result: RetentionResult = { days, expired: 0, droppedLogs: 0, bytes: 0, failures: [] };
  if (days === 0) return result;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const named = await incidentsNamedByKb(db);
  let after = "";
  for (;;) {
    const batch = await db.incident.findMany({
      where: { createdAt: { lt: cutoff }, rawDroppedAt: null, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1].id;
    for (const { id } of batch) {
      try {
        if (named.has(id)) {
          result.bytes += (await dropRawLogs(db, store, id, RETENTION_ACTOR, now)).bytes;
          result.droppedLogs++;
        } else {
          result.bytes += (await deleteIncident(db, store, id, RETENTION_ACTOR, "incident.expire")).bytes;
          result.expired++;
        }
      } catch (err) {
        // Deleted by a person meanwhile, or a file system error: the next run (or the orphan sweep) tries again.
        if (!isRetryableFailure(err)) throw err;
        result.failures.push(`${id}: ${err.message}`);
      }
    }
  }
}
