/**
 * The worker entry point as a plain function: stored upload files → incident (engine + knowledge base). The web
 * server's worker pool calls it in a worker thread; a job queue across machines can call it the same way. No
 * `server-only`, no Next: it runs in a bare Node worker.
 *
 * What was uploaded is recognised first (expandInputs: archives, journals, dumps, compressed logs). Text read out of
 * them is written next to the upload as `<n>.extracted` (so the log viewer shows it like any stored log), and an
 * upload that was expanded is named in `unused`: its text files stand for it. Extracted files of an earlier, interrupted
 * attempt are replaced.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { expandInputs, type KeepText } from "../../engine/ingest/sources/expand-inputs";
import type { Incident, TriageInput } from "../../engine/types";
import { closeInputSources, openPathSource } from "../inputs/open-input-sources";
import { runTriage } from "../run-triage";

export type StoredInput = { name: string; path: string };
/** A file behind one engine input: `inputs[index]` of the incident was read from `path`. */
export type TriagedFile = { index: number; name: string; path: string; bytes: number };

/**
 * The incident, the files behind its inputs, the KB generation it was matched against (no part of the JSON), and
 * the uploaded files no input reads any more (an archive whose text was extracted): the caller removes them once the
 * incident is written, so a job retried after a crash before that write still finds its upload.
 */
export type StoredTriage = {
  incident: Incident;
  files: TriagedFile[];
  kbGeneration?: number;
  unused: string[];
};

/**
 * The file's bytes, opened at the first read. A read stream opens its file as it is made: a kept text dropped later
 * (the members before a bomb in the same archive, a duplicate, a dump's own dmesg) or never read (a triage that
 * failed first) held a descriptor nothing closed.
 */
async function* readWhenAsked(file: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(file) as AsyncIterable<Uint8Array>;
}

function keepOnDisk(dir: string, written: Map<string, string>): KeepText {
  let counter = 0;
  return async ({ name, chunks, mtime, latestDatedLine }) => {
    const file = path.join(dir, `${counter++}.extracted`);
    // "w", not "wx": a job retried after its worker died mid-extraction rewrites the same names.
    try {
      await pipeline(Readable.from(chunks), createWriteStream(file, { flags: "w" }));
    } catch (err) {
      // A member that breaks off midway is skipped by the expander: its half-written text must not stay behind.
      await rm(file, { force: true });
      throw err;
    }
    written.set(name, file);
    return {
      input: { name, data: readWhenAsked(file), mtime, latestDatedLine },
      discard: async () => {
        written.delete(name);
        await rm(file, { force: true });
      },
    };
  };
}

/** `files` live in one incident directory (the upload store's), where the extracted text goes too. */
export async function triageStoredInput(files: StoredInput[]): Promise<StoredTriage> {
  const dir = path.dirname(files[0]?.path ?? ".");
  const written = new Map<string, string>();
  const sources = await Promise.all(files.map((f) => openPathSource(f.path, f.name)));
  let inputs: TriageInput[];
  let incident: Awaited<ReturnType<typeof runTriage>>;
  try {
    const expanded = await expandInputs(sources, { keep: keepOnDisk(dir, written) });
    inputs = expanded.inputs;
    incident = await runTriage(inputs, { sources: expanded.sources, decompressionBudget: expanded.decompressionBudget });
  } finally {
    await closeInputSources(sources);
  }
  const byName = new Map(files.map((f) => [f.name, f.path]));
  const triaged = await Promise.all(
    inputs.map(async (input, index) => {
      const file = written.get(input.name) ?? byName.get(input.name);
      if (!file) throw new Error(`no stored file behind input ${input.name}`);
      return { index, name: input.name, path: file, bytes: (await stat(file)).size };
    }),
  );
  const used = new Set(triaged.map((f) => f.path));
  return { incident, files: triaged, kbGeneration: incident.kbGeneration, unused: files.filter((f) => !used.has(f.path)).map((f) => f.path) };
}
