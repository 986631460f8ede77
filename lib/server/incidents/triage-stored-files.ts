/**
 * The one seam between stored uploads and the engine: recognises what was uploaded (expandInputs: archives,
 * journals, dumps, compressed logs), writes the text read from them next to the upload (so the log viewer can show
 * it), and runs the lead's `runTriage` (engine `triage()` + KB from the database). Pages and handlers never parse
 * logs themselves.
 */
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { expandInputs, type KeepText } from "@/lib/engine/ingest/sources/expand-inputs";
import type { Incident, TriageInput } from "@/lib/engine/types";
import { runTriage } from "@/lib/server/run-triage";
import { closeInputSources, openPathSource } from "@/lib/server/inputs/open-input-sources";

export type StoredInput = { name: string; path: string };
/** A file behind one engine input: `inputs[index]` of the incident was read from `path`. */
export type TriagedFile = { index: number; name: string; path: string; bytes: number };
export type TriagedUpload = { incident: Incident & { kbGeneration?: number }; files: TriagedFile[] };

/** Text read out of an archive, journal or dump goes to `<dir>/<n>.extracted`, streamed. */
function keepOnDisk(dir: string, written: Map<string, string>): KeepText {
  let counter = 0;
  return async ({ name, chunks, mtime }) => {
    const file = path.join(dir, `${counter++}.extracted`);
    await pipeline(Readable.from(chunks), createWriteStream(file, { flags: "wx" }));
    written.set(name, file);
    return {
      input: { name, data: createReadStream(file) as AsyncIterable<Uint8Array>, mtime },
      discard: async () => {
        written.delete(name);
        await rm(file, { force: true });
      },
    };
  };
}

export async function triageStoredFiles(files: StoredInput[], dir: string): Promise<TriagedUpload> {
  const written = new Map<string, string>();
  const sources = await Promise.all(files.map((f) => openPathSource(f.path, f.name)));
  let inputs: TriageInput[];
  let summaries;
  let incident;
  try {
    ({ inputs, sources: summaries } = await expandInputs(sources, { keep: keepOnDisk(dir, written) }));
    incident = await runTriage(inputs, { sources: summaries });
  } finally {
    await closeInputSources(sources);
  }
  const byName = new Map(files.map((f) => [f.name, f.path]));
  const triaged = await Promise.all(
    inputs.map(async (input, index) => {
      const file = written.get(input.name) ?? byName.get(input.name)!;
      return { index, name: input.name, path: file, bytes: (await stat(file)).size };
    }),
  );
  // An upload that was expanded (an archive, a journal, a dump) is not shown as such: its text files are.
  const used = new Set(triaged.map((f) => f.path));
  await Promise.all(files.filter((f) => !used.has(f.path)).map((f) => rm(f.path, { force: true })));
  return { incident, files: triaged };
}
