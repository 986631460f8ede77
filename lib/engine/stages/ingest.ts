/**
 * Stage 1 — ingest and scan: every input read once (plain or gzip, buffer or stream) by the byte scanner, which
 * opens windows around report and event lines and parses only those. A refused input (binary, gzip bomb, over
 * the cap) is recorded with `error` unless the caller wants it thrown.
 */
import { DEFAULT_INGEST_LIMITS, decompressionBudgetFor, emptyIngestStats, IngestError, type DecompressionBudget, type IngestLimits, type IngestStats } from "../ingest/read-lines";
import { scanInput, type ScanResult } from "../scan/scan-input";
import type { IncidentWarning, InputSummary, LineFormat, TriageInput } from "../types";
import { dropUndefined } from "./util";
import { formatCount } from "../format-count";

/** `vmcore`: the input is the kernel log extracted from a crash dump, with the dump's own facts. */
export type ScannedInput = { scan: ScanResult; fileName: string; vmcore?: TriageInput["vmcore"] };

export async function scanInputs(
  inputs: TriageInput[],
  options: { limits?: IngestLimits; now?: Date; failOnRefusedInput?: boolean; decompressionBudget?: DecompressionBudget },
): Promise<{ scans: ScannedInput[]; summaries: InputSummary[] }> {
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const summaries: InputSummary[] = [];
  const scans: ScannedInput[] = [];
  const foldedBefore = new Map<string, number>();
  const decompressionBudget = options.decompressionBudget ?? decompressionBudgetFor(limits);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const stats = emptyIngestStats();
    try {
      const scan = await scanInput(input, stats, { fileIndex: i, limits, decompressionBudget, now: options.now, foldedBefore });
      if (input.host) nameUnnamedHost(scan, input.host);
      else foldLostPrefixHosts(scan);
      if (stats.truncatedLines > 0) scan.warnings.push(cutLinesWarning(input.name, stats, limits.maxLineChars));
      if (stats.cutShort)
        scan.warnings.push({ stage: "ingest", source: { file: input.name, line: Math.max(1, stats.lines) }, message: `${stats.cutShort} The ${stats.lines} lines before were read; the rest of the input is missing.` });
      scans.push({ scan, fileName: input.name, vmcore: input.vmcore });
      const formats = [...scan.formats.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f as LineFormat);
      summaries.push(
        dropUndefined({
          name: input.name,
          bytes: stats.bytes,
          decodedBytes: stats.decodedBytes,
          lines: stats.lines,
          compressed: stats.compressed,
          formats,
          truncatedLines: stats.truncatedLines,
          invalidUtf8Lines: stats.invalidUtf8Lines,
          assumedYear: scan.assumedYear,
          vmcore: input.vmcore,
          error: input.vmcore?.error,
        }),
      );
    } catch (e) {
      // A refused input (binary, gzip bomb, over the cap) is recorded on its summary; anything else is a bug.
      if (options.failOnRefusedInput || !(e instanceof IngestError)) throw e;
      summaries.push({
        name: input.name,
        bytes: stats.bytes,
        decodedBytes: stats.decodedBytes,
        lines: stats.lines,
        compressed: stats.compressed,
        formats: [],
        truncatedLines: stats.truncatedLines,
        invalidUtf8Lines: stats.invalidUtf8Lines,
        error: e.message,
      });
    }
  }
  return { scans, summaries };
}

/** Every line over the cap, windowed or not: what was past the cap was never scanned, so a finding there is missing. */
function cutLinesWarning(file: string, stats: IngestStats, maxLineChars: number): IncidentWarning {
  const n = stats.truncatedLines;
  const cap = formatCount(maxLineChars);
  const subject = n === 1 ? `1 line longer than ${cap} characters was` : `${formatCount(n)} lines longer than ${cap} characters were`;
  return {
    stage: "ingest",
    source: { file, line: stats.firstTruncatedLine ?? 1 },
    message: `${subject} cut to ${cap}; the rest of ${n === 1 ? "it" : "each"} was not read${n === 1 ? "" : ` (the first is line ${stats.firstTruncatedLine ?? 1})`}.`,
  };
}

/**
 * A paste whose first line lost its start (`obs kernel: [38775494.392631] …` for `Feb 23 16:44:36 jobs kernel: …`)
 * leaves the tail of the host name where the host was: a host of one line, which starts with that name, that is the
 * end of exactly one other host's name. Its line is that host's.
 */
function foldLostPrefixHosts(scan: ScanResult): void {
  for (const [fragment, acc] of scan.hosts) {
    if (fragment.length < 2 || acc.lines !== 1 || !acc.firstRaw?.startsWith(`${fragment} `)) continue;
    const owners = [...scan.hosts.values()].filter((h) => h.name !== fragment && h.lines > 1 && h.name.endsWith(fragment));
    if (owners.length !== 1) continue;
    renameHost(scan, fragment, owners[0].name);
  }
}

function renameHost(scan: ScanResult, from: string, to: string): void {
  const rename = <T extends { host?: string }>(x: T) => {
    if (x.host === from) x.host = to;
  };
  scan.reports.forEach(rename);
  scan.boots.forEach(rename);
  scan.events.forEach((e) => rename(e.line));
  scan.eventRuns.forEach((r) => rename(r.first.line));
  scan.infos.forEach((i) => rename(i.line));
  scan.agentLines.forEach(rename);
  scan.componentVersions.forEach(rename);
  scan.releaseHints.forEach(rename);
  const gone = scan.hosts.get(from);
  scan.hosts.delete(from);
  const kept = scan.hosts.get(to);
  if (gone && kept) kept.lines += gone.lines;
}

/**
 * Lines that named no host belong to the input's host (an archive's `etc/hostname`): the findings, boots, events
 * and the host summary of those lines take its name, so one node's sosreport is one host, not "(unknown host)".
 */
function nameUnnamedHost(scan: ScanResult, host: string): void {
  for (const f of scan.reports) f.host ??= host;
  for (const b of scan.boots) b.host ??= host;
  for (const e of scan.events) e.line.host ??= host;
  for (const r of scan.eventRuns) r.first.line.host ??= host;
  for (const i of scan.infos) i.line.host ??= host;
  for (const l of scan.agentLines) l.host ??= host;
  for (const c of scan.componentVersions) c.host ??= host;
  for (const h of scan.releaseHints) h.host ??= host;
  const unnamed = scan.hosts.get("");
  if (!unnamed) return;
  scan.hosts.delete("");
  const named = scan.hosts.get(host);
  if (!named) scan.hosts.set(host, { ...unnamed, name: host });
  else named.lines += unnamed.lines;
}
