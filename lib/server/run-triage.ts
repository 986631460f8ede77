/**
 * Triage with the team's knowledge base: the one call the CLI, the API and the pages make.
 */
import { triage, type TriageOptions } from "../engine/triage";
import type { Incident, TriageInput } from "../engine/types";
import { getDb } from "./db";
import { getKbIndex } from "./kb/get-kb-index";

export type RunTriageOptions = Omit<TriageOptions, "kb"> & { withKb?: boolean };

export async function runTriage(inputs: TriageInput[], options: RunTriageOptions = {}): Promise<Incident & { kbGeneration?: number }> {
  const { withKb = true, ...rest } = options;
  if (!withKb) return triage(inputs, rest);
  const kb = await getKbIndex(getDb());
  const incident = await triage(inputs, { ...rest, kb });
  // Not part of the JSON contract: kept off the enumerable fields so it never reaches `--json` or the API.
  Object.defineProperty(incident, "kbGeneration", { value: kb.generation, enumerable: false });
  return incident;
}
