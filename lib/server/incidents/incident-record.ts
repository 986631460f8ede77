/**
 * What writing an incident needs from it, taken where it was triaged: the JSON the database stores, the list
 * columns, one row per finding, the inputs' line counts and what was refused. A worker process sends this instead
 * of the incident alone, so the web process never parses a busy node's ~1 MB of JSON to save it (that parse and
 * the garbage of the object it made were ~20–30 ms of the server's thread per upload, beside page loads).
 * No `server-only`: the triage worker bundle and `oopscope worker` build it.
 */
import type { Incident } from "../../engine/types";
import { isKnownIssue } from "../../engine/match/match-strength";
import type { StoredTriage, TriagedFile } from "../triage-worker/triage-stored-input";
import { listRefusedInputs, type RefusedInput } from "./find-refused-inputs";
import { summarizeIncident, type IncidentSummary } from "./summarize-incident";

/** A `FindingRecord` row's own columns (`time` as the engine's ISO text: it must survive a message as JSON). */
export type FindingRow = {
  findingId: string;
  signature: string;
  title: string;
  kind: string;
  host: string | null;
  time: string | null;
  kernelRelease: string | null;
  topKbId: string | null;
};

export type IncidentRecord = {
  /** The incident as the JSON the database stores. */
  json: string;
  summary: IncidentSummary;
  /** The KB generation the findings were matched against (no part of the JSON). */
  kbGeneration?: number;
  inputs: { lines: number; compressed: boolean; readable: boolean }[];
  refused: RefusedInput[];
  findings: FindingRow[];
};

export function incidentRecord(incident: Incident, kbGeneration?: number, json = JSON.stringify(incident)): IncidentRecord {
  return {
    json,
    summary: summarizeIncident(incident),
    ...(kbGeneration === undefined ? {} : { kbGeneration }),
    inputs: incident.inputs.map((i) => ({ lines: i.lines, compressed: i.compressed, readable: !i.error && i.lines > 0 })),
    refused: listRefusedInputs(incident),
    findings: incident.findings.map((f) => ({
      findingId: f.id,
      signature: f.signature,
      title: f.title,
      kind: f.kind,
      host: f.host ?? null,
      time: f.time ?? null,
      kernelRelease: f.kernelRelease ?? null,
      topKbId: f.matches.find(isKnownIssue)?.kbId ?? null,
    })),
  };
}

/** A triaged upload as the job saves it: the record, the files behind its inputs, the uploads no input reads. */
export type TriagedUpload = { record: IncidentRecord; files: TriagedFile[]; unused: string[] };

/** The in-process triage's result (the incident as an object) as the job takes it. */
export function triagedUpload({ incident, kbGeneration, files, unused }: StoredTriage): TriagedUpload {
  return { record: incidentRecord(incident, kbGeneration), files, unused };
}
