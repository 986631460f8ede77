/**
 * The workbench's data of one incident (lib/engine/summary/workbench-data.ts) as the JSON the browser fetches, kept
 * serialised in this process per incident and content: a page view fetches it once, and without the copy each fetch
 * would read and parse the whole stored incident (~0.6 MB for a busy node) to send ~90 KB of it.
 */
import "server-only";
import { workbenchData } from "@/lib/engine/summary/workbench-data";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { getIncident, incidentVersion } from "./get-incident";

/** Incidents kept; ~0.1 MB each for a busy node, less for most. */
const KEPT_MAX = 64;

type Kept = { version: string; json: string };
// One map per process: Next bundles route handlers with their own module copies.
const registry = globalThis as unknown as { oopscopeWorkbenchJson?: Map<string, Kept> };

/** `version`: what the data is now (the page asks with the version it was rendered with). */
export async function getIncidentWorkbenchJson(id: string): Promise<{ json: string; version: string | null }> {
  const kept = (registry.oopscopeWorkbenchJson ??= new Map());
  const row = await getDb().incident.findUnique({ where: { id }, select: { contentSha256: true, kbGeneration: true } });
  if (!row) throw new AppError("not-found", "No incident with this id.");
  // An incident stored before content hashes has no version: it is read every time.
  const version = incidentVersion(row);
  const hit = kept.get(id);
  if (version && hit?.version === version) {
    // Map order is insertion order: taken again, it moves to the end, the last to be dropped.
    kept.delete(id);
    kept.set(id, hit);
    return { json: hit.json, version };
  }
  const { incident } = await getIncident(id, { kept: true });
  const json = JSON.stringify(workbenchData(incident));
  if (version) {
    kept.delete(id);
    kept.set(id, { version, json });
    if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  }
  return { json, version };
}
