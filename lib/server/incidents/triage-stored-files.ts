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
import type { Incident } from "@/lib/engine/types";
import { uploadSpans } from "@/lib/server/debug-timing";
import { TriagePool, triageBudgetFromEnv } from "@/lib/server/triage-worker/triage-pool";
import { triageStoredInput, type StoredInput, type TriagedFile } from "@/lib/server/triage-worker/triage-stored-input";

export type { StoredInput, TriagedFile };
export type TriagedUpload = { incident: Incident & { kbGeneration?: number }; files: TriagedFile[]; unused: string[]; incidentJson?: string };

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

export async function triageStoredFiles(files: StoredInput[], { uploadId }: { uploadId?: string } = {}): Promise<TriagedUpload> {
  const pool = triagePool();
  const spans = uploadId === undefined ? undefined : uploadSpans(uploadId);
  const result: Awaited<ReturnType<TriagePool["run"]>> = pool
    ? await pool.run(files, { onStarted: () => spans?.mark("pool-pickup") })
    : await triageStoredInput(files);
  const { incident, kbGeneration, files: triaged, unused, incidentJson } = result;
  spans?.mark(pool ? "pool-task" : "triage");
  spans?.add("(engine wall)", incident.stats.elapsedMs);
  if (result.cpuMs !== undefined) spans?.add("(task cpu)", result.cpuMs);
  // Not part of the JSON contract: kept off the enumerable fields so it never reaches the API.
  if (kbGeneration !== undefined) Object.defineProperty(incident, "kbGeneration", { value: kbGeneration, enumerable: false });
  return { incident, files: triaged, unused, incidentJson };
}
