/**
 * The one seam between stored uploads and the engine (what was uploaded is recognised inside: archives, journals,
 * dumps, compressed logs — see triageStoredInput). Under `next start` it hands the files to the triage worker
 * pool (lib/server/triage-worker/triage-pool.ts: off the request path, with per-upload budgets); in development and
 * tests it runs the same plain function (`triageStoredInput`) in process, so edited sources apply at once.
 * OOPSCOPE_TRIAGE_WORKERS=1 forces the pool, =0 turns it off. Pages and handlers never parse logs themselves.
 */
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { uploadSpans } from "@/lib/server/debug-timing";
import { TriagePool, triageBudgetFromEnv } from "@/lib/server/triage-worker/triage-pool";
import { triageStoredInput, type StoredInput, type TriagedFile } from "@/lib/server/triage-worker/triage-stored-input";
import type { SavedUpload, SaveTarget } from "@/lib/server/jobs/save-triaged-upload";
import { triagedUpload, type TriagedUpload } from "./incident-record";

export type { StoredInput, TriagedFile, TriagedUpload };

const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "dist", "node", "triage-worker.mjs");
const cache = globalThis as unknown as { oopscopeTriagePool?: TriagePool | null };

function triagePool(): TriagePool | null {
  if (cache.oopscopeTriagePool !== undefined) return cache.oopscopeTriagePool;
  const mode = process.env.OOPSCOPE_TRIAGE_WORKERS;
  const wanted = mode === "1" || (mode !== "0" && process.env.NODE_ENV === "production");
  const built = existsSync(WORKER_FILE);
  if (wanted && !built) console.warn(`[oopscope] ${WORKER_FILE} is missing (npm run build makes it): triaging uploads on the server's thread`);
  cache.oopscopeTriagePool = wanted && built ? new TriagePool(WORKER_FILE, triageBudgetFromEnv()) : null;
  return cache.oopscopeTriagePool;
}

/** With `save`, a pooled triage writes the incident in its process (save-triaged-upload.ts) and answers `{ saved }`. */
export function triageStoredFiles(files: StoredInput[], options?: { uploadId?: string }): Promise<TriagedUpload>;
export function triageStoredFiles(files: StoredInput[], options: { uploadId?: string; save?: SaveTarget }): Promise<TriagedUpload | { saved: SavedUpload }>;
export async function triageStoredFiles(files: StoredInput[], { uploadId, save }: { uploadId?: string; save?: SaveTarget } = {}): Promise<TriagedUpload | { saved: SavedUpload }> {
  const pool = triagePool();
  const spans = uploadId === undefined ? undefined : uploadSpans(uploadId);
  if (pool) {
    const { engineMs, cpuMs, ...answer } = await pool.run(files, { onStarted: () => spans?.mark("pool-pickup"), save });
    spans?.mark("pool-task");
    spans?.add("(engine wall)", engineMs);
    spans?.add("(task cpu)", cpuMs);
    return answer;
  }
  const stored = await triageStoredInput(files);
  spans?.mark("triage");
  spans?.add("(engine wall)", stored.incident.stats.elapsedMs);
  return triagedUpload(stored);
}
