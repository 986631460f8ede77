/**
 * Deleting an incident: its row (files and findings cascade) and an audit event in one transaction, then its stored
 * files. Should removing the files fail after the commit, the orphan sweep removes them (no row → orphan).
 * Shared with the retention job; free of `server-only` so the tests and the CLI can call it.
 */
import { AppError } from "../app-error";
import type { Db } from "../db";
import type { UploadStore } from "../storage/upload-store";
import { auditDetails, type AuditAction, type AuditActor } from "./audit";

export type DeletedIncident = { id: string; title: string; files: number; bytes: number };

export async function deleteIncident(db: Db, store: UploadStore, id: string, by: AuditActor, action: AuditAction = "incident.delete"): Promise<DeletedIncident> {
  const row = await db.incident.findUnique({ where: { id }, select: { title: true, rawDroppedAt: true, files: { select: { bytes: true } } } });
  if (!row) return deleteUpload(db, store, id, by);
  const removed = row.rawDroppedAt ? { files: 0, bytes: 0 } : { files: row.files.length, bytes: row.files.reduce((a, f) => a + f.bytes, 0) };
  await db.$transaction([
    db.auditEvent.create({ data: { action, targetId: id, summary: row.title, actorId: by.id, actorName: by.name, details: auditDetails(removed) } }),
    db.incident.delete({ where: { id } }),
    // Re-uploads of the same bytes point at the first incident; with it gone, they count as sightings again.
    db.incident.updateMany({ where: { repeatOfId: id }, data: { repeatOfId: null } }),
  ]);
  await store.removeIncident(id);
  return { id, title: row.title, ...removed };
}

/**
 * An upload not triaged yet (queued, triaging or failed): its job row goes, then its files. A job already running finds
 * no row to replace when it writes the incident, and writes nothing (save-incident.ts).
 */
async function deleteUpload(db: Db, store: UploadStore, id: string, by: AuditActor): Promise<DeletedIncident> {
  const job = await db.uploadJob.findUnique({ where: { id }, select: { status: true, files: true, uploadedBytes: true } });
  if (!job) throw new AppError("not-found", "No incident with this id.");
  const title = `upload (${job.status})`;
  const removed = job.status === "failed" ? { files: 0, bytes: 0 } : { files: (JSON.parse(job.files) as unknown[]).length, bytes: job.uploadedBytes };
  await db.$transaction([
    db.auditEvent.create({ data: { action: "incident.delete", targetId: id, summary: title, actorId: by.id, actorName: by.name, details: auditDetails(removed) } }),
    db.uploadJob.delete({ where: { id } }),
  ]);
  await store.removeIncident(id);
  return { id, title, ...removed };
}

/**
 * Retention of an incident a KB revision names: the findings (and the Incident JSON the page renders) stay as
 * evidence for the entry; the raw logs go. The file rows stay too, so the page can say what was there.
 */
export async function dropRawLogs(db: Db, store: UploadStore, id: string, by: AuditActor, now = new Date()): Promise<DeletedIncident> {
  const row = await db.incident.findUnique({ where: { id }, select: { title: true, rawDroppedAt: true, files: { select: { bytes: true } } } });
  if (!row) throw new AppError("not-found", "No incident with this id.");
  if (row.rawDroppedAt) return { id, title: row.title, files: 0, bytes: 0 };
  const removed = { files: row.files.length, bytes: row.files.reduce((a, f) => a + f.bytes, 0) };
  await db.$transaction([
    db.auditEvent.create({ data: { action: "incident.drop-logs", targetId: id, summary: row.title, actorId: by.id, actorName: by.name, details: auditDetails(removed) } }),
    db.incident.update({ where: { id }, data: { rawDroppedAt: now } }),
  ]);
  await store.removeIncident(id);
  return { id, title: row.title, ...removed };
}
