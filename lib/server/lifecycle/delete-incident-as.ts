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

/**
 * Of these incidents or uploads not triaged yet, the ones the actor may delete (the list's and the status panel's
 * delete controls; the DELETE call checks again). The same rule as deleteIncidentAs: an upload's job row names its
 * uploader until the incident exists.
 */
export async function incidentsDeletableBy(actor: Actor, ids: string[]): Promise<Set<string>> {
  if (actor.kind !== "user" || ids.length === 0) return new Set();
  const where = { id: { in: ids } };
  const select = { id: true, uploaderId: true } as const;
  const [incidents, uploads] = await Promise.all([getDb().incident.findMany({ where, select }), getDb().uploadJob.findMany({ where, select })]);
  return new Set([...incidents, ...uploads].filter((r) => mayDeleteIncident(actor, r.uploaderId)).map((r) => r.id));
}
