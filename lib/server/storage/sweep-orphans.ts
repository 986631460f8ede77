/**
 * Orphaned uploads: a server killed during an upload (or during triage) leaves `uploads/<id>/0.upload` with no
 * incident row; a deletion whose file removal failed leaves a directory behind too. The sweep removes a directory
 * that no incident row owns (or whose incident's raw logs were dropped by retention) once nothing can still be
 * writing it:
 * - uploads this process is receiving are registered in `uploadsInFlight` and never touched;
 * - an upload waiting for triage or being triaged (its UploadJob row, on any machine) owns its directory, and so does
 *   a CVE import's tarball while its BackgroundJob (same id) is queued or running;
 * - a local store has no other writer, so anything last written before this process started is dead (the start-up
 *   sweep removes a killed server's leftovers at once);
 * - otherwise (a shared store, or written since start) only after `quietMs` without a write.
 */
import type { Db } from "../db";
import type { StoredIncidentDir, UploadStore } from "./upload-store";

/** One hour without a write: far beyond a stalled client, a slow triage or a slow shared file system. */
export const DEFAULT_ORPHAN_QUIET_MS = 60 * 60 * 1000;

const globalForSweep = globalThis as unknown as { oopscopeUploadsInFlight?: Set<string> };
const inFlight = (globalForSweep.oopscopeUploadsInFlight ??= new Set<string>());

/** Marks an upload as being received and stored; call the returned function when its row is written (or it failed). */
export function trackUploadInFlight(incidentId: string): () => void {
  inFlight.add(incidentId);
  return () => inFlight.delete(incidentId);
}

export type SweepOptions = { now?: Date; processStartedAt?: Date; quietMs?: number };
export type SweepResult = { removed: StoredIncidentDir[]; kept: number };

const CHUNK = 500;

export async function sweepOrphanedUploads(db: Db, store: UploadStore, options: SweepOptions = {}): Promise<SweepResult> {
  const now = (options.now ?? new Date()).getTime();
  const startedAt = (options.processStartedAt ?? new Date(now - process.uptime() * 1000)).getTime();
  const quietMs = options.quietMs ?? DEFAULT_ORPHAN_QUIET_MS;
  const dirs = (await store.listIncidents()).filter((d) => !inFlight.has(d.incidentId));
  const owners = new Map<string, { rawDroppedAt: Date | null }>();
  for (let i = 0; i < dirs.length; i += CHUNK) {
    const ids = dirs.slice(i, i + CHUNK).map((d) => d.incidentId);
    for (const row of await db.incident.findMany({ where: { id: { in: ids } }, select: { id: true, rawDroppedAt: true } })) owners.set(row.id, row);
    const pending = { id: { in: ids }, status: { in: ["queued", "triaging"] } };
    for (const row of await db.uploadJob.findMany({ where: pending, select: { id: true } })) owners.set(row.id, { rawDroppedAt: null });
    const running = { id: { in: ids }, status: { in: ["queued", "running"] } };
    for (const row of await db.backgroundJob.findMany({ where: running, select: { id: true } })) owners.set(row.id, { rawDroppedAt: null });
  }
  const result: SweepResult = { removed: [], kept: 0 };
  for (const dir of dirs) {
    const owner = owners.get(dir.incidentId);
    const lastWrite = dir.lastModified.getTime();
    const dead = (!store.shared && lastWrite < startedAt) || now - lastWrite >= quietMs;
    const orphan = owner ? owner.rawDroppedAt !== null : dead;
    if (!orphan) {
      result.kept++;
      continue;
    }
    // The row may have been written since the query above (an upload finishing on another node): look again.
    const id = dir.incidentId;
    const ownedSince =
      (await db.incident.count({ where: { id } })) +
      (await db.uploadJob.count({ where: { id, status: { in: ["queued", "triaging"] } } })) +
      (await db.backgroundJob.count({ where: { id, status: { in: ["queued", "running"] } } }));
    if (!owner && ownedSince > 0) {
      result.kept++;
      continue;
    }
    await store.removeIncident(dir.incidentId);
    result.removed.push(dir);
  }
  return result;
}
