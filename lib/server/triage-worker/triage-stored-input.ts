/**
 * The worker entry point as a plain function: stored upload files → incident (engine + knowledge base). The web
 * server's worker pool calls it in a worker thread; a job queue across machines can call it the same way. No
 * `server-only`, no Next: it runs in a bare Node worker.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Incident, TriageInput } from "../../engine/types";
import { findLatestDatedLine } from "../inputs/latest-dated-line";
import { runTriage } from "../run-triage";

export type StoredInput = { name: string; path: string };

/** The incident and the KB generation it was matched against (kept apart: it is no part of the incident JSON). */
export type StoredTriage = { incident: Incident; kbGeneration?: number };

export async function triageStoredInput(files: StoredInput[]): Promise<StoredTriage> {
  const inputs: TriageInput[] = await Promise.all(
    files.map(async (f) => ({
      name: f.name,
      data: createReadStream(f.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
      // Year-less syslog dates: the file's own dated lines first, then its time (the browser's lastModified).
      mtime: (await findLatestDatedLine(f.path)) ?? (await stat(f.path)).mtime,
    })),
  );
  const incident = await runTriage(inputs);
  return { incident, kbGeneration: incident.kbGeneration };
}
