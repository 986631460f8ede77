/** The API's and the page's deletion: checks who may (roles.ts), then deletes and audits in their name. */
import "server-only";
import { AppError } from "../app-error";
import type { Actor } from "../auth/roles";
import { mayDeleteIncident } from "../auth/roles";
import { getDb } from "../db";
import { getUploadStore } from "../storage/upload-store";
import { deleteIncident, type DeletedIncident } from "./delete-incident";

export async function deleteIncidentAs(actor: Actor, id: string): Promise<DeletedIncident> {
  const db = getDb();
  // Not triaged yet: the upload's job row says who uploaded it.
  const row = (await db.incident.findUnique({ where: { id }, select: { uploaderId: true } })) ?? (await db.uploadJob.findUnique({ where: { id }, select: { uploaderId: true } }));
  if (!row) throw new AppError("not-found", "No incident with this id.");
  if (!mayDeleteIncident(actor, row.uploaderId)) {
    if (actor.kind === "anonymous") throw new AppError("unauthorized", "Sign in to delete an incident.");
    throw new AppError("forbidden", "Deleting an incident needs the editor role, or to be its uploader.");
  }
  return deleteIncident(db, getUploadStore(), id, actor.kind === "user" ? { id: actor.userId, name: actor.name } : { id: null, name: "anonymous" });
}

/** Of these incidents, the ones the actor may delete (the list's delete controls; the DELETE call checks again). */
export async function incidentsDeletableBy(actor: Actor, ids: string[]): Promise<Set<string>> {
  if (actor.kind !== "user" || ids.length === 0) return new Set();
  const rows = await getDb().incident.findMany({ where: { id: { in: ids } }, select: { id: true, uploaderId: true } });
  return new Set(rows.filter((r) => mayDeleteIncident(actor, r.uploaderId)).map((r) => r.id));
}
