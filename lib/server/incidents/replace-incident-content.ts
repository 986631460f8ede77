/**
 * A live capture re-triages a crash's window when more of it arrives (the rest of a report, a panic after an Oops):
 * the incident keeps its permalink and gets the new content. The new content is made by the upload path itself
 * (createIncidentFromRequest → a fresh row `sourceId`), then moved under `targetId` in one transaction, and the
 * target's old files are removed. Columns are copied generically, so columns added to Incident later move too.
 */
import "server-only";
import { rm } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { dataDir } from "@/lib/server/paths";

export type ReplaceIncidentContentOptions = { targetId: string; sourceId: string };

export async function replaceIncidentContent({ targetId, sourceId }: ReplaceIncidentContentOptions): Promise<void> {
  const db = getDb();
  const [source, oldFiles] = await Promise.all([
    db.incident.findUnique({ where: { id: sourceId } }),
    db.incidentFile.findMany({ where: { incidentId: targetId }, select: { storagePath: true } }),
  ]);
  if (!source) throw new AppError("not-found", `No incident ${sourceId}.`);
  if (!(await db.incident.findUnique({ where: { id: targetId }, select: { id: true } }))) throw new AppError("not-found", `No incident ${targetId}.`);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, createdAt, ...columns } = source;
  await db.$transaction([
    db.incidentFile.deleteMany({ where: { incidentId: targetId } }),
    db.findingRecord.deleteMany({ where: { incidentId: targetId } }),
    db.incidentFile.updateMany({ where: { incidentId: sourceId }, data: { incidentId: targetId } }),
    db.findingRecord.updateMany({ where: { incidentId: sourceId }, data: { incidentId: targetId } }),
    db.incident.update({ where: { id: targetId }, data: columns }),
    db.incident.delete({ where: { id: sourceId } }),
  ]);
  const root = dataDir();
  const dirs = new Set(oldFiles.map((f) => path.dirname(path.resolve(root, f.storagePath))));
  // Only directories inside the data directory, and never the one the new files now live in.
  const keep = path.resolve(root, "uploads", sourceId);
  await Promise.all([...dirs].filter((d) => d.startsWith(root + path.sep) && d !== keep).map((d) => rm(d, { recursive: true, force: true })));
}
