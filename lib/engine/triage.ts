/**
 * THE engine entry point: inputs (bytes or byte streams) → one Incident (boots, hosts, timeline, findings with
 * matches and a recommendation). The CLI, the API and the pages all call this; nothing parses logs elsewhere.
 * Pure: the knowledge base comes in as an argument (the server builds and caches the index).
 *
 * A sequence of named stages (lib/engine/stages/): ingest+scan → boots → reports/events → fold → timeline → match.
 */
import type { DecompressionBudget, IngestLimits } from "./ingest/read-lines";
import { signatureOf } from "./signature";
import { BootIndex } from "./stages/boots";
import { collectFindings } from "./stages/findings";
import { foldIdenticalReports } from "./stages/fold";
import { scanInputs } from "./stages/ingest";
import { matchFindings, type TriageKb } from "./stages/match";
import { buildTimeline, summarizeHosts } from "./stages/timeline";
import type { Incident, SourceSummary, TriageInput } from "./types";
import { INCIDENT_SCHEMA_VERSION } from "./types";

export type { TriageKb } from "./stages/match";
export { isProblemEvent, PROBLEM_KINDS } from "./problem-kinds";

export type TriageOptions = {
  /** The knowledge base, or a loader called only when there are findings to match (a clean log never opens the DB). */
  kb?: TriageKb | (() => Promise<TriageKb>);
  limits?: IngestLimits;
  /** "Today" (year inference for undated syslog, branch end-of-life). */
  now?: Date;
  /** Refused inputs (binary, gzip bomb) throw instead of being recorded in `inputs[].error`. */
  failOnRefusedInput?: boolean;
  /** Where the inputs came from (archives, journals, dumps), from `expandInputs`: copied onto the incident. */
  sources?: SourceSummary[];
  /**
   * The budget of the compressed inputs decoded while expanding them (`expandInputs`): the gzip logs read here count
   * in it too, so small bombs of every codec given together are one bomb. A fresh one when absent.
   */
  decompressionBudget?: DecompressionBudget;
};

/**
 * Triage the inputs together as one incident. Never throws on bad log text; an input that cannot be read at all
 * (binary, gzip bomb, over the cap) is recorded with `error` (or throws with `failOnRefusedInput`).
 */
export async function triage(inputs: TriageInput[], options: TriageOptions = {}): Promise<Incident> {
  const started = Date.now();
  const { scans, summaries } = await scanInputs(inputs, options);
  const boots = new BootIndex(scans);
  const perFile = collectFindings(scans, boots);
  const collected = perFile.flat();
  for (const f of collected) f.signature = signatureOf(f);
  const { findings, repeatsOf, belowThreshold } = foldIdenticalReports(collected);
  findings.forEach((f, i) => {
    f.id = `f${i + 1}`;
  });
  const events = buildTimeline(scans, boots, perFile, findings, repeatsOf, belowThreshold);
  const hosts = summarizeHosts(scans, boots.boots, findings);
  const kb = typeof options.kb === "function" ? (findings.length > 0 ? await options.kb() : undefined) : options.kb;
  const { recommendation, headlines, warnings: matchWarnings } = kb
    ? matchFindings(findings, boots.byId, kb, options.now)
    : { recommendation: undefined, headlines: [], warnings: [] };

  const incident: Incident = {
    schemaVersion: INCIDENT_SCHEMA_VERSION,
    inputs: summaries,
    hosts,
    boots: boots.boots,
    events,
    findings,
    stats: {
      lines: summaries.reduce((n, s) => n + s.lines, 0),
      bytes: summaries.reduce((n, s) => n + s.bytes, 0),
      elapsedMs: Date.now() - started,
    },
  };
  if (recommendation) incident.recommendation = recommendation;
  const warnings = [...scans.flatMap(({ scan }) => scan.warnings), ...matchWarnings];
  if (warnings.length > 0) incident.warnings = warnings;
  if (headlines.length > 0) incident.headlines = headlines;
  if (options.sources && options.sources.length > 0) incident.sources = options.sources;
  if (inputs.length === 1) incident.file = inputs[0].name;
  return incident;
}
