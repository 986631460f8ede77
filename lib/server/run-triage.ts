/**
 * Triage with the team's knowledge base: the one call the CLI, the API and the pages make.
 */
import { triage, type TriageKb, type TriageOptions } from "../engine/triage";
import type { Incident, TriageInput } from "../engine/types";

export type RunTriageOptions = Omit<TriageOptions, "kb"> & {
  withKb?: boolean;
  /**
   * Load the knowledge base only when there are findings to match, through `loadKb` when given (the CLI picks the
   * database or the built-in entries there): a clean log then never loads Prisma, which is most of a short CLI run.
   */
  lazyKb?: { loadKb?: () => Promise<TriageKb & { generation?: number }> };
};

export type TriagedIncident = Incident & { kbGeneration?: number };

async function loadKb(): Promise<TriageKb & { generation: number }> {
  // Imported here, not at the top: the CLI's bundle keeps Prisma in a chunk of its own.
  const [{ getDb }, { getKbIndex }] = await Promise.all([import("./db"), import("./kb/get-kb-index")]);
  return getKbIndex(getDb());
}

export async function runTriage(inputs: TriageInput[], options: RunTriageOptions = {}): Promise<TriagedIncident> {
  const { withKb = true, lazyKb, ...rest } = options;
  if (!withKb) return triage(inputs, rest);
  let generation: number | undefined;
  let kbLoadMs = 0;
  const kbLoader = async () => {
    const started = Date.now();
    const kb = await (lazyKb?.loadKb ?? loadKb)();
    generation = kb.generation;
    kbLoadMs = Date.now() - started;
    return kb;
  };
  const incident: TriagedIncident = await triage(inputs, { ...rest, kb: lazyKb ? kbLoader : await kbLoader() });
  // `elapsedMs` is the triage's own time, as when the KB was loaded before it (a first run creates the database).
  if (lazyKb) incident.stats.elapsedMs = Math.max(0, incident.stats.elapsedMs - kbLoadMs);
  // Not part of the JSON contract: kept off the enumerable fields so it never reaches `--json` or the API.
  if (generation !== undefined) Object.defineProperty(incident, "kbGeneration", { value: generation, enumerable: false });
  return incident;
}
