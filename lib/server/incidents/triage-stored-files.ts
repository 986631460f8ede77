/**
 * The one seam between stored uploads and the engine: opens the files as streams and runs the lead's
 * `runTriage` (engine `triage()` + KB from the database). Pages and handlers never parse logs themselves.
 */
import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Incident, TriageInput } from "@/lib/engine/types";
import { findLatestDatedLine } from "@/lib/server/inputs/latest-dated-line";
import { runTriage } from "@/lib/server/run-triage";

export type StoredInput = { name: string; path: string };

export async function triageStoredFiles(files: StoredInput[]): Promise<Incident & { kbGeneration?: number }> {
  const inputs: TriageInput[] = await Promise.all(
    files.map(async (f) => ({
      name: f.name,
      data: createReadStream(f.path) as AsyncIterable<Uint8Array>,
      // Year-less syslog dates: the file's own dated lines first, then its time (the browser's lastModified).
      mtime: (await findLatestDatedLine(f.path)) ?? (await stat(f.path)).mtime,
    })),
  );
  return runTriage(inputs);
}
