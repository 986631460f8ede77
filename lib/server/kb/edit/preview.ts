/**
 * Try before save: what an edited entry would change. For stored incidents, which findings the entry would start or
 * stop matching (evaluated on the stored findings, nothing re-parsed); for a pasted log, a full triage with the
 * current KB in which the edited entry replaces the stored one.
 */
import { buildKbIndex } from "../../../engine/match/build-kb-index";
import { triage, type TriageKb } from "../../../engine/triage";
import type { Incident, Match } from "../../../engine/types";
import { kbEntrySchema, type KbEntry } from "../../../kb/schema";
import type { Db } from "../../db";
import { getKbIndex } from "../get-kb-index";
import { parseStoredIncident } from "./parse-stored-incident";
import { compareEntryOnIncident, singleEntryIndex, type FindingMatchChange } from "./rematch";

/** Stored incidents looked at (newest first). */
export const DEFAULT_PREVIEW_INCIDENTS = 1000;
/** A pasted log larger than this is refused: the preview runs inside a request. */
export const MAX_PASTED_LOG_BYTES = 8 * 1024 * 1024;

export type IncidentPreview = { incidentId: string; incidentTitle: string; changes: FindingMatchChange[] };
export type PastedLogPreview = {
  findings: { id: string; title: string; kind: string; matches: Pick<Match, "kbId" | "title" | "score" | "verdict" | "reasons">[] }[];
  /** The edited entry matched at least one finding of the pasted log. */
  entryMatched: boolean;
  recommendation?: Incident["recommendation"];
};
export type RulePreview = {
  ok: boolean;
  errors: string[];
  /** No rule gives the matcher a key: the entry would never match. */
  unreachable?: boolean;
  incidentsChecked: number;
  incidents: IncidentPreview[];
  /** Stored incidents that could not be checked (damaged JSON), one line each naming the row and why. */
  skipped?: string[];
  pasted?: PastedLogPreview;
  ms: number;
};

/** A draft is previewed as if it were active (that is the point of trying it); a retired entry matches nothing. */
function asPreviewed(entry: KbEntry): KbEntry {
  return entry.status === "draft" ? { ...entry, status: "active" } : entry;
}

export function substituteEntry(kb: TriageKb, entry: KbEntry): TriageKb {
  const entries = new Map(kb.entries);
  entries.set(entry.id, asPreviewed(entry));
  return { index: buildKbIndex([...entries.values()]), entries };
}

export async function previewRuleChange(
  db: Db,
  input: { document: unknown; pastedLog?: string; incidentLimit?: number },
): Promise<RulePreview> {
  const started = performance.now();
  const parsed = kbEntrySchema.safeParse(input.document);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${i.path.join(".") || "entry"}: ${i.message}`);
    return { ok: false, errors, incidentsChecked: 0, incidents: [], ms: Math.round(performance.now() - started) };
  }
  const edited = parsed.data;
  const storedRow = await db.kbEntry.findUnique({ where: { id: edited.id }, select: { document: true } });
  const stored = storedRow ? kbEntrySchema.safeParse(JSON.parse(storedRow.document)) : undefined;
  const before = stored?.success ? singleEntryIndex(stored.data) : undefined;
  const after = singleEntryIndex(edited);

  const rows = await db.incident.findMany({
    orderBy: { createdAt: "desc" },
    take: input.incidentLimit ?? DEFAULT_PREVIEW_INCIDENTS,
    select: { id: true, title: true, result: true },
  });
  const incidents: IncidentPreview[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const stored = parseStoredIncident(row);
    if ("skipped" in stored) {
      skipped.push(stored.skipped);
      continue;
    }
    const changes = compareEntryOnIncident(stored.incident, before, after, edited.id);
    if (changes.length > 0) incidents.push({ incidentId: row.id, incidentTitle: row.title, changes });
  }

  let pasted: PastedLogPreview | undefined;
  if (input.pastedLog && input.pastedLog.trim()) {
    const bytes = new TextEncoder().encode(input.pastedLog);
    if (bytes.length > MAX_PASTED_LOG_BYTES) {
      return { ok: false, errors: [`pasted log larger than ${MAX_PASTED_LOG_BYTES} bytes`], incidentsChecked: rows.length, incidents, skipped, ms: 0 };
    }
    const kb = substituteEntry(await getKbIndex(db), edited);
    const incident = await triage([{ name: "pasted.log", data: bytes }], { kb });
    pasted = {
      findings: incident.findings.map((f) => ({
        id: f.id,
        title: f.title,
        kind: f.kind,
        matches: f.matches.map((m) => ({ kbId: m.kbId, title: m.title, score: m.score, verdict: m.verdict, reasons: m.reasons })),
      })),
      entryMatched: incident.findings.some((f) => f.matches.some((m) => m.kbId === edited.id && !m.related)),
      recommendation: incident.recommendation,
    };
  }
  return {
    ok: true,
    errors: [],
    unreachable: after.unreachable.length > 0,
    incidentsChecked: rows.length,
    incidents,
    ...(skipped.length > 0 ? { skipped } : {}),
    pasted,
    ms: Math.round(performance.now() - started),
  };
}
