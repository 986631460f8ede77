/**
 * Files that are crash dumps (by magic) become triage inputs holding their extracted kernel log and crash facts.
 * Parts of one `--split` dump given together become one input. Plain Node (the CLI uses it; no `server-only`).
 */
import { open } from "node:fs/promises";
import { detectVmcore } from "../../engine/vmcore/detect-vmcore";
import { extractVmcoreLog } from "../../engine/vmcore/extract-vmcore-log";
import { groupVmcoreParts } from "../../engine/vmcore/group-vmcore-parts";
import type { VmcoreExtract } from "../../engine/vmcore/types";
import type { TriageInput } from "../../engine/types";
import { openFileSource, type FileSource } from "./file-source";

const HEAD_BYTES = 64;

/** Whether the file starts like a vmcore. Unreadable files are not vmcores (the caller reports them). */
export async function isVmcoreFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    // Missing or unreadable: not a vmcore; the ordinary input path reports the errno.
    if ((e as NodeJS.ErrnoException).code) return false;
    throw e;
  }
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return detectVmcore(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export type VmcoreFile = { path: string; name: string };

/** Extract each dump (split parts together); the extract comes with the names of the files it was read from. */
export async function extractVmcoreFiles(files: VmcoreFile[]): Promise<Array<{ names: string[]; extract: VmcoreExtract }>> {
  const sources: FileSource[] = [];
  try {
    for (const f of files) sources.push(await openFileSource(f.path, f.name));
    const out: Array<{ names: string[]; extract: VmcoreExtract }> = [];
    for (const group of await groupVmcoreParts(sources)) {
      out.push({ names: group.map((s) => s.name), extract: await extractVmcoreLog(group) });
    }
    return out;
  } finally {
    await Promise.all(sources.map((s) => s.close()));
  }
}

/** Triage inputs for dump files: the log text goes through the same engine as any log, the facts ride along. */
export async function readVmcoreInputs(files: VmcoreFile[]): Promise<TriageInput[]> {
  const extracts = await extractVmcoreFiles(files);
  return extracts.map(({ names, extract }) => {
    const name = names.join(" + ");
    const vmcore = { facts: extract.facts, warnings: extract.warnings };
    // The input is reported under its name already: a single part's own name need not lead the message too.
    const error = extract.error?.startsWith(`${names[0]}: `) && names.length === 1 ? extract.error.slice(names[0].length + 2) : extract.error;
    return {
      name,
      // The text is ASCII (makedumpfile escapes every other byte), so latin1 is exact.
      data: new Uint8Array(Buffer.from(extract.text, "latin1")),
      vmcore: error === undefined ? vmcore : { ...vmcore, error },
    };
  });
}
