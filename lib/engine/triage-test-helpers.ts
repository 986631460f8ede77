/** Shared by the triage tests: inputs from lines, and the built-in KB as the CLI matches with it. */
import { expect } from "vitest";
import { buildKbIndex } from "./match/build-kb-index";
import type { TriageKb } from "./triage";
import type { TriageInput } from "./types";
import { loadBuiltinKb } from "../kb/load-builtin";

const enc = new TextEncoder();
export const input = (name: string, lines: string[]): TriageInput => ({ name, data: enc.encode(lines.join("\n") + "\n") });

let kbCache: TriageKb | undefined;
export function builtinKb(): TriageKb {
  if (!kbCache) {
    const { entries, errors } = loadBuiltinKb();
    expect(errors).toEqual([]);
    kbCache = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
  }
  return kbCache;
}
