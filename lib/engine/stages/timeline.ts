/**
 * Stage 5 — timeline: boots, downtime gaps, every finding occurrence, informational and warning lines, and the
 * agent lines just before each finding, in time order; and the per-host summary.
 */
import { isoTime } from "../lines/time";
import { isProblemEvent } from "../problem-kinds";
import type { ScanResult } from "../scan/scan-input";
import type { Boot, Finding, HostSummary, TimelineEvent } from "../types";
import type { BootIndex } from "./boots";
import type { ScannedInput } from "./ingest";
import { dropUndefined } from "./util";

/** Agent lines shown on the timeline before each finding. */
const AGENT_CONTEXT_LINES = 8;
/** Timeline events per incident (a flood of repeats is folded into findings anyway). */
const MAX_EVENTS = 5000;
/** Seconds without lines before a boot that count as downtime worth a marker. */
const MIN_GAP_SEC = 60;

export function buildTimeline(
  scans: readonly ScannedInput[],
  boots: BootIndex,
  perFileFindings: readonly Finding[][],
  findings: readonly Finding[],
  repeatsOf: Map<Finding, Finding[]>,
  belowThreshold: readonly Finding[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  scans.forEach(({ scan, fileName }, fileIdx) => {
    const bootOf = (host: string | undefined, line: number, time: number | undefined) => boots.bootFor(fileIdx, host, line, time)?.id;
    for (const info of scan.infos) {
      events.push(
        dropUndefined({
          kind: info.ruleId === "shutdown" ? ("shutdown" as const) : ("info" as const),
          host: info.line.host,
          bootId: bootOf(info.line.host, info.line.lineNo, info.line.time),
          time: isoTime(info.line.time),
          uptime: info.line.uptime,
          source: { file: fileName, line: info.line.lineNo },
          label: info.label,
          text: info.line.text,
          program: info.line.program,
        }),
      );
    }
    for (const e of scan.events) {
      if (!e.rule.timelineOnly) continue;
      events.push(
        dropUndefined({
          kind: "warning" as const,
          host: e.line.host,
          bootId: bootOf(e.line.host, e.line.lineNo, e.line.time),
          time: isoTime(e.line.time),
          source: { file: fileName, line: e.line.lineNo },
          label: e.rule.title(e.match),
          text: e.line.text,
          program: e.line.program,
        }),
      );
    }
    events.push(...agentContext(scan, fileName, perFileFindings[fileIdx], bootOf));
  });
  for (const f of findings) {
    // Every occurrence of a folded report keeps its marker on the timeline, pointing at the one finding.
    for (const o of [f, ...(repeatsOf.get(f) ?? [])]) {
      events.push(
        dropUndefined({
          kind: isProblemEvent(f) ? ("problem" as const) : ("crash" as const),
          host: o.host,
          bootId: o.bootId,
          time: o.time,
          uptime: o.uptime,
          source: o.source,
          label: o === f && f.repeats && f.repeats > 1 ? `${f.title} (×${f.repeats})` : f.title,
          text: o.headline,
          findingId: f.id,
        }),
      );
    }
  }
  // Events too few to be a problem (`minRepeats`: a link down once or twice): their first and last line on the timeline.
  for (const f of belowThreshold) {
    const marker = { kind: "warning" as const, host: f.host, bootId: f.bootId, label: f.headline || f.title };
    events.push(dropUndefined({ ...marker, time: f.time, uptime: f.uptime, source: f.source, text: f.headline }));
    const last = f.report[f.report.length - 1];
    if (f.lastSource) events.push(dropUndefined({ ...marker, label: last || marker.label, time: f.lastTime, source: f.lastSource, text: last }));
  }
  for (const b of boots.boots) {
    if (b.gapBeforeSec !== undefined && b.gapBeforeSec >= MIN_GAP_SEC) {
      events.push(
        dropUndefined({
          kind: "gap" as const,
          host: b.host,
          bootId: b.id,
          time: b.startTime,
          source: b.source,
          label: `down ~${formatDuration(b.gapBeforeSec)}`,
          durationSec: b.gapBeforeSec,
        }),
      );
    }
    events.push(
      dropUndefined({
        kind: b.isKdumpCapture ? ("kdump-boot" as const) : ("boot" as const),
        host: b.host,
        bootId: b.id,
        time: b.startTime,
        source: b.source,
        label: b.isKdumpCapture ? `kdump capture kernel ${b.kernelRelease ?? ""}`.trim() : `boot ${b.kernelRelease ?? ""}`.trim(),
        text: b.banner,
      }),
    );
  }
  const fileNames = scans.map((s) => s.fileName);
  events.sort((a, b) => compareEvents(a, b, fileNames));
  if (events.length > MAX_EVENTS) events.length = MAX_EVENTS;
  return events;
}

/** User-space lines just before each finding (kubelet, CNI agents): what the node was doing. */
function agentContext(scan: ScanResult, fileName: string, perFile: readonly Finding[], bootOf: (host: string | undefined, line: number, time: number | undefined) => string | undefined): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const agentByHost = new Map<string, typeof scan.agentLines>();
  for (const l of scan.agentLines) {
    const key = l.host ?? "";
    let arr = agentByHost.get(key);
    if (!arr) agentByHost.set(key, (arr = []));
    arr.push(l);
  }
  const agentSeen = new Set<number>();
  for (const f of perFile) {
    const lines = agentByHost.get(f.host ?? "") ?? [];
    // Binary search: the last agent line before the finding.
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].lineNo < f.source.line) lo = mid + 1;
      else hi = mid;
    }
    for (let k = Math.max(0, lo - AGENT_CONTEXT_LINES); k < lo; k++) {
      const l = lines[k];
      if (f.source.line - l.lineNo > 200 || agentSeen.has(l.lineNo)) continue;
      agentSeen.add(l.lineNo);
      events.push(
        dropUndefined({
          kind: "agent" as const,
          host: l.host,
          bootId: bootOf(l.host, l.lineNo, l.time),
          time: isoTime(l.time),
          source: { file: fileName, line: l.lineNo },
          label: `${l.program}: ${l.text.slice(0, 80)}`,
          text: l.text,
          program: l.program,
        }),
      );
    }
  }
  return events;
}

const UNKNOWN_HOST = "(unknown host)";

export function summarizeHosts(scans: readonly ScannedInput[], boots: Boot[], findings: Finding[]): HostSummary[] {
  const byName = new Map<string, HostSummary>();
  for (const { scan } of scans) {
    for (const acc of scan.hosts.values()) {
      const name = acc.name || UNKNOWN_HOST;
      let h = byName.get(name);
      if (!h) byName.set(name, (h = { name, lines: 0, boots: 0, kernelReleases: [] }));
      h.lines += acc.lines;
      const first = acc.firstRaw !== undefined ? scan.parseForTime(acc.firstRaw).time : undefined;
      const last = acc.lastRaw !== undefined ? scan.parseForTime(acc.lastRaw).time : undefined;
      const firstIso = isoTime(first);
      const lastIso = isoTime(last);
      if (firstIso && (!h.firstTime || firstIso < h.firstTime)) h.firstTime = firstIso;
      if (lastIso && (!h.lastTime || lastIso > h.lastTime)) h.lastTime = lastIso;
    }
  }
  for (const b of boots) {
    const h = byName.get(b.host ?? UNKNOWN_HOST);
    if (!h) continue;
    h.boots++;
    if (b.kernelRelease && !h.kernelReleases.includes(b.kernelRelease)) h.kernelReleases.push(b.kernelRelease);
  }
  for (const f of findings) {
    const h = byName.get(f.host ?? UNKNOWN_HOST);
    if (h && f.kernelRelease && !h.kernelReleases.includes(f.kernelRelease)) h.kernelReleases.push(f.kernelRelease);
  }
  // A file of plain dmesg has no host, so its lines make an anonymous lane. Next to named hosts, lines without a
  // prefix are mostly a paste's damage (a syslog line wrapped at 80 columns, a shell prompt): that lane is kept only
  // when something happened on it (a boot or a finding), else it listed a phantom "(unknown host)".
  const anonymousHasEvents = boots.some((b) => b.host === undefined) || findings.some((f) => f.host === undefined);
  const named = [...byName.values()].some((h) => h.name !== UNKNOWN_HOST && h.lines > 0);
  return [...byName.values()]
    .filter((h) => h.lines > 0 && (h.name !== UNKNOWN_HOST || !named || anonymousHasEvents))
    .map((h) => dropUndefined(h));
}

function compareEvents(a: TimelineEvent, b: TimelineEvent, files: string[]): number {
  if (a.time && b.time && a.time !== b.time) return a.time < b.time ? -1 : 1;
  const fa = files.indexOf(a.source.file);
  const fb = files.indexOf(b.source.file);
  if (fa !== fb) return fa - fb;
  return a.source.line - b.source.line;
}

function formatDuration(sec: number): string {
  if (sec < 120) return `${sec}s`;
  if (sec < 7200) return `${Math.round(sec / 60)}m`;
  if (sec < 172800) return `${Math.round(sec / 3600)}h`;
  return `${Math.round(sec / 86400)}d`;
}
