/**
 * THE engine entry point: inputs (bytes or byte streams) → one Incident (boots, hosts, timeline, findings with
 * matches and a recommendation). The CLI, the API and the pages all call this; nothing parses logs elsewhere.
 * Pure: the knowledge base comes in as an argument (the server builds and caches the index).
 */
import { componentFamily } from "./agents/go-panic";
import { attachEventStacks } from "./events/attach-stacks";
import { DEFAULT_INGEST_LIMITS, emptyIngestStats, IngestError, type IngestLimits } from "./ingest/read-lines";
import { isoTime } from "./lines/time";
import type { KbIndex } from "./match/build-kb-index";
import { matchFinding } from "./match/match-finding";
import { scanInput, type RawBoot, type ScanResult } from "./scan/scan-input";
import { signatureOf } from "./signature";
import type {
  Boot,
  Finding,
  HostSummary,
  Incident,
  InputSummary,
  LineFormat,
  SourceSummary,
  TimelineEvent,
  TriageInput,
} from "./types";
import { INCIDENT_SCHEMA_VERSION } from "./types";
import { parseKernelRelease, type KernelRelease } from "./versions/parse-kernel-release";
import { recommend } from "./versions/recommend";
import type { KbEntry } from "../kb/schema";

export type TriageKb = { index: KbIndex; entries: Map<string, KbEntry> };

export type TriageOptions = {
  kb?: TriageKb;
  limits?: IngestLimits;
  /** "Today" (year inference for undated syslog, branch end-of-life). */
  now?: Date;
  /** Refused inputs (binary, gzip bomb) throw instead of being recorded in `inputs[].error`. */
  failOnRefusedInput?: boolean;
  /** Where the inputs came from (archives, journals, dumps), from `expandInputs`: copied onto the incident. */
  sources?: SourceSummary[];
};

/** Agent lines shown on the timeline before each finding. */
const AGENT_CONTEXT_LINES = 8;
/** Timeline events per incident (a flood of repeats is folded into findings anyway). */
const MAX_EVENTS = 5000;
/** Seconds without lines before a boot that count as downtime worth a marker. */
const MIN_GAP_SEC = 60;

/** Problem-event findings fold repeats; this keeps their first/last and count. */
function foldEvents(scan: ScanResult, fileName: string, bootOf: (host: string | undefined, line: number) => string | undefined): Finding[] {
  const groups = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const e of scan.events) {
    if (e.rule.timelineOnly) continue;
    const bootId = bootOf(e.line.host, e.line.lineNo);
    const key = `${e.line.host ?? ""}|${bootId ?? ""}|${e.rule.id}|${e.rule.groupKey?.(e.match) ?? e.rule.title(e.match)}`;
    const existing = groups.get(key);
    const time = isoTime(e.line.time);
    if (existing) {
      existing.repeats = (existing.repeats ?? 1) + 1;
      existing.lastSource = { file: fileName, line: e.line.lineNo };
      if (time) existing.lastTime = time;
      // The highest usage count / latest details say the most.
      for (const [k, v] of Object.entries(e.details)) {
        const old = existing.details?.[k];
        if (typeof v === "number" && typeof old === "number" && Math.abs(v) <= Math.abs(old)) continue;
        existing.details = { ...existing.details, [k]: v };
      }
      if (existing.report.length < 20) existing.report.push(e.line.text);
      continue;
    }
    const f: Finding = {
      id: "",
      kind: e.rule.kind,
      title: e.rule.title(e.match),
      altTitles: [],
      type: e.rule.id,
      headline: e.line.text,
      frames: [],
      corrupted: false,
      panicked: false,
      host: e.line.host,
      time,
      uptime: e.line.uptime,
      bootId,
      source: { file: fileName, line: e.line.lineNo, endLine: e.endLine },
      report: [e.line.text],
      signature: "",
      repeats: 1,
      details: e.details,
      matches: [],
    };
    if (e.line.program && e.line.program !== "kernel") f.component = e.line.program;
    groups.set(key, f);
    out.push(f);
  }
  return out;
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * Triage the inputs together as one incident. Never throws on bad log text; an input that cannot be read at all
 * (binary, gzip bomb, over the cap) is recorded with `error` (or throws with `failOnRefusedInput`).
 */
export async function triage(inputs: TriageInput[], options: TriageOptions = {}): Promise<Incident> {
  const started = Date.now();
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const summaries: InputSummary[] = [];
  const scans: Array<{ scan: ScanResult; fileName: string; vmcore?: TriageInput["vmcore"] }> = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const stats = emptyIngestStats();
    try {
      const scan = await scanInput(input, stats, { fileIndex: i, limits, now: options.now });
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

  // Boots: per input, in line order; ids across the incident.
  const boots: Boot[] = [];
  const bootIndex: Array<Array<{ boot: Boot; line: number; host: string }>> = [];
  for (const { scan, fileName, vmcore } of scans) {
    const list: Array<{ boot: Boot; line: number; host: string }> = [];
    const raw = [...scan.boots].sort((a, b) => a.lineNo - b.lineNo);
    // A vmcore's ring buffer holds one boot, the crashed one; when its banner was overwritten the dump still says.
    if (vmcore && !vmcore.error && raw.length === 0) raw.push({ lineNo: 1, detectedBy: "file-start" });
    for (const rb of raw) {
      const boot = toBoot(rb, fileName, boots.length + 1);
      if (vmcore?.facts.release) boot.kernelRelease = vmcore.facts.release;
      boots.push(boot);
      list.push({ boot, line: rb.lineNo, host: rb.host ?? "" });
    }
    bootIndex.push(list);
  }
  // Per file: all boots, and boots per host, in line order — looked up by binary search (thousands of boots and
  // findings in a long serial capture must not cost boots × findings).
  const bootsByHost = bootIndex.map((list) => {
    const m = new Map<string, typeof list>();
    for (const b of list) {
      let arr = m.get(b.host);
      if (!arr) m.set(b.host, (arr = []));
      arr.push(b);
    }
    return m;
  });
  const lastAtOrBefore = (list: Array<{ boot: Boot; line: number }> | undefined, line: number) => {
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : undefined;
  };
  const bootFor = (fileIdx: number, host: string | undefined, line: number): Boot | undefined => {
    if (!host) return lastAtOrBefore(bootIndex[fileIdx], line)?.boot;
    const own = lastAtOrBefore(bootsByHost[fileIdx].get(host), line);
    const anonymous = lastAtOrBefore(bootsByHost[fileIdx].get(""), line);
    if (own && anonymous) return own.line >= anonymous.line ? own.boot : anonymous.boot;
    return (own ?? anonymous)?.boot;
  };
  const bootById = new Map(boots.map((b) => [b.id, b]));

  const findings: Finding[] = [];
  const events: TimelineEvent[] = [];
  scans.forEach(({ scan, fileName }, fileIdx) => {
    const bootOf = (host: string | undefined, line: number) => bootFor(fileIdx, host, line)?.id;
    const perFile: Finding[] = [];
    for (const f of scan.reports) {
      // syzkaller treats unregister_netdevice waits as a report; for us it is a folded problem event.
      if (f.title.startsWith("unregister_netdevice")) continue;
      const boot = bootFor(fileIdx, f.host, f.source.line);
      if (boot) f.bootId = boot.id;
      if (!f.kernelRelease && boot?.kernelRelease) f.kernelRelease = boot.kernelRelease;
      if (!f.kernelBuild && boot?.kernelBuild) f.kernelBuild = boot.kernelBuild;
      if (f.component) {
        const v = latestVersion(scan, f.host, f.component, f.source.line);
        if (v) f.componentVersion = v;
      }
      perFile.push(f);
    }
    for (const f of foldEvents(scan, fileName, bootOf)) {
      const boot = f.bootId ? bootById.get(f.bootId) : undefined;
      if (boot?.kernelRelease) f.kernelRelease = boot.kernelRelease;
      perFile.push(f);
    }
    // An allocation failure's call trace, read by the report extractor, joins its event finding.
    const joined = attachEventStacks(perFile);
    // A vmcore is the proof that a dump was taken: "kdump not armed" would contradict the input itself.
    if (!scans[fileIdx].vmcore) joined.push(...kdumpFindings(scan, fileName, fileIdx, joined, bootIndex[fileIdx]));
    joined.sort((a, b) => a.source.line - b.source.line);
    findings.push(...joined);

    for (const info of scan.infos) {
      events.push(
        dropUndefined({
          kind: info.ruleId === "shutdown" ? ("shutdown" as const) : ("info" as const),
          host: info.line.host,
          bootId: bootOf(info.line.host, info.line.lineNo),
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
          bootId: bootOf(e.line.host, e.line.lineNo),
          time: isoTime(e.line.time),
          source: { file: fileName, line: e.line.lineNo },
          label: e.rule.title(e.match),
          text: e.line.text,
          program: e.line.program,
        }),
      );
    }
    // User-space lines just before each finding (kubelet, CNI agents): what the node was doing.
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
            bootId: bootOf(l.host, l.lineNo),
            time: isoTime(l.time),
            source: { file: fileName, line: l.lineNo },
            label: `${l.program}: ${l.text.slice(0, 80)}`,
            text: l.text,
            program: l.program,
          }),
        );
      }
    }
  });

  findings.forEach((f, i) => {
    f.id = `f${i + 1}`;
    f.signature = signatureOf(f);
  });
  const fileNames = scans.map((s) => s.fileName);
  for (const f of findings) {
    events.push(
      dropUndefined({
        kind: isProblemEvent(f) ? ("problem" as const) : ("crash" as const),
        host: f.host,
        bootId: f.bootId,
        time: f.time,
        uptime: f.uptime,
        source: f.source,
        label: f.repeats && f.repeats > 1 ? `${f.title} (×${f.repeats})` : f.title,
        text: f.headline,
        findingId: f.id,
      }),
    );
  }
  for (const b of boots) {
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
  events.sort((a, b) => compareEvents(a, b, fileNames));
  if (events.length > MAX_EVENTS) events.length = MAX_EVENTS;

  const hosts = summarizeHosts(scans, boots, findings);

  let recommendation: Incident["recommendation"];
  if (options.kb) {
    const kb = options.kb;
    const kernelCache = new Map<string, KernelRelease>();
    for (const f of findings) {
      const kernel = kernelOf(f, bootById, kernelCache);
      const componentVersions: Record<string, string> = {};
      if (f.component && f.componentVersion) componentVersions[componentFamily(f.component)] = f.componentVersion;
      f.matches = matchFinding(f, kb.index, { kernel, componentVersions });
    }
    const top = findings.find((f) => f.matches.length > 0);
    const topMatched = [...findings].sort((a, b) => (b.matches[0]?.score ?? 0) - (a.matches[0]?.score ?? 0))[0];
    const anchor = topMatched?.matches.length ? topMatched : top;
    if (anchor) {
      const componentVersions: Record<string, string> = {};
      for (const f of findings)
        if (f.component && f.componentVersion) componentVersions[componentFamily(f.component)] = f.componentVersion;
      recommendation = recommend({
        findings,
        entries: kb.entries,
        kernel: kernelOf(anchor, bootById, kernelCache),
        componentVersions,
        asOf: options.now,
      });
    }
  }

  const incident: Incident = {
    schemaVersion: INCIDENT_SCHEMA_VERSION,
    inputs: summaries,
    hosts,
    boots,
    events,
    findings,
    stats: {
      lines: summaries.reduce((n, s) => n + s.lines, 0),
      bytes: summaries.reduce((n, s) => n + s.bytes, 0),
      elapsedMs: Date.now() - started,
    },
  };
  if (recommendation) incident.recommendation = recommendation;
  if (options.sources && options.sources.length > 0) incident.sources = options.sources;
  if (inputs.length === 1) incident.file = inputs[0].name;
  return incident;
}

/** Kinds the problem-event table (and kdump checks) produce: node problems rather than crash reports. */
export const PROBLEM_KINDS: ReadonlySet<Finding["kind"]> = new Set<Finding["kind"]>([
  "netdev-refcount",
  "route-cache-full",
  "slab-alloc-failure",
  "page-alloc-failure",
  "conntrack-full",
  "neighbour-overflow",
  "fs-error",
  "io-error",
  "kdump-failure",
  "pleg-unhealthy",
  "oom",
  "mce",
  "other",
]);

/** One-line problems (folded events) as opposed to crash reports. */
export function isProblemEvent(f: Finding): boolean {
  return PROBLEM_KINDS.has(f.kind) && f.frames.length === 0;
}

function kernelOf(f: Finding, boots: Map<string, Boot>, cache: Map<string, KernelRelease>): KernelRelease | undefined {
  const boot = f.bootId ? boots.get(f.bootId) : undefined;
  const release = f.kernelRelease ?? boot?.kernelRelease;
  if (!release) return undefined;
  const build = f.kernelBuild ?? boot?.kernelBuild;
  const key = `${release}|${build ?? ""}|${boot?.banner ?? ""}`;
  let k = cache.get(key);
  if (!k) cache.set(key, (k = parseKernelRelease(release, build, boot?.banner)));
  return k;
}

function latestVersion(scan: ScanResult, host: string | undefined, component: string, line: number): string | undefined {
  let v: string | undefined;
  const fam = componentFamily(component);
  for (const c of scan.componentVersions) {
    if (c.lineNo > line) break;
    if (componentFamily(c.component) === fam && (c.host ?? "") === (host ?? "")) v = c.version;
  }
  return v;
}

function toBoot(rb: RawBoot, fileName: string, n: number): Boot {
  const cmd = rb.commandLine;
  const crashkernel = cmd ? /(?:^|\s)crashkernel=(\S+)/.exec(cmd)?.[1] : undefined;
  const boot: Boot = {
    id: `b${n}`,
    host: rb.host,
    kernelRelease: rb.release,
    kernelBuild: rb.build,
    banner: rb.banner,
    commandLine: cmd,
    isKdumpCapture: Boolean(cmd && /(?:^|\s)elfcorehdr=/.test(cmd)),
    crashkernel,
    startTime: isoTime(rb.time),
    source: { file: fileName, line: rb.lineNo },
    detectedBy: rb.detectedBy,
  };
  if (rb.time !== undefined && rb.previousTime !== undefined && rb.time >= rb.previousTime)
    boot.gapBeforeSec = Math.round((rb.time - rb.previousTime) / 1000);
  return dropUndefined(boot);
}

/**
 * kdump trouble the log proves: a crash inside a kdump capture kernel (it ran out of memory or hung, so no vmcore
 * and no reboot), or a panic on a kernel booted without any `crashkernel=` reservation.
 */
function kdumpFindings(
  scan: ScanResult,
  fileName: string,
  fileIdx: number,
  findings: Finding[],
  boots: Array<{ boot: Boot; line: number; host: string }>,
): Finding[] {
  void fileIdx;
  const out: Finding[] = [];
  const byBoot = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.bootId || f.kind === "kdump-failure") continue;
    let arr = byBoot.get(f.bootId);
    if (!arr) byBoot.set(f.bootId, (arr = []));
    arr.push(f);
  }
  const lastRegularBoot = new Map<string, Boot>();
  for (const { boot } of boots) {
    if (!boot.isKdumpCapture) {
      lastRegularBoot.set(boot.host ?? "", boot);
      continue;
    }
    const inCapture = byBoot.get(boot.id) ?? [];
    if (inCapture.length === 0) continue;
    const first = inCapture[0];
    const oom = inCapture.some((f) => f.kind === "oom" || /out of memory|deadlocked on memory|oom-killer/i.test(f.title + " " + (f.panicMessage ?? "") + " " + f.report.join(" ")));
    const prev = lastRegularBoot.get(boot.host ?? "");
    out.push(
      dropUndefined({
        id: "",
        kind: "kdump-failure" as const,
        title: oom ? "kdump: capture kernel out of memory" : "kdump: capture kernel crashed",
        altTitles: [],
        type: "kdump-capture-failed",
        headline: first.headline,
        frames: [],
        corrupted: false,
        panicked: first.panicked,
        host: boot.host,
        time: first.time,
        bootId: boot.id,
        kernelRelease: boot.kernelRelease,
        source: first.source,
        report: first.report.slice(0, 40),
        signature: "",
        details: dropUndefined({
          captureKernel: boot.kernelRelease ?? "",
          crashkernel: prev?.crashkernel ?? boot.crashkernel,
          firstProblem: first.title,
        }) as Record<string, string>,
        matches: [],
      }),
    );
  }
  const bootById = new Map(boots.map((b) => [b.boot.id, b.boot]));
  for (const f of findings) {
    if (!f.panicked || f.kdumpLoaded || f.kind === "go-panic" || f.kind === "kdump-failure") continue;
    const boot = f.bootId ? bootById.get(f.bootId) : undefined;
    if (!boot || !boot.commandLine || boot.isKdumpCapture || boot.crashkernel) continue;
    out.push({
      id: "",
      kind: "kdump-failure",
      title: "kdump: not armed",
      altTitles: [],
      type: "kdump-not-armed",
      headline: `the kernel panicked, but its command line has no crashkernel= reservation: no vmcore was taken`,
      frames: [],
      corrupted: false,
      panicked: false,
      ...(boot.host ? { host: boot.host } : {}),
      ...(f.time ? { time: f.time } : {}),
      bootId: boot.id,
      ...(boot.kernelRelease ? { kernelRelease: boot.kernelRelease } : {}),
      source: { file: fileName, line: boot.source.line },
      report: [boot.commandLine],
      signature: "",
      details: { commandLine: boot.commandLine },
      matches: [],
    });
  }
  void scan;
  return out;
}

function summarizeHosts(scans: Array<{ scan: ScanResult }>, boots: Boot[], findings: Finding[]): HostSummary[] {
  const byName = new Map<string, HostSummary>();
  for (const { scan } of scans) {
    for (const acc of scan.hosts.values()) {
      const name = acc.name || "(unknown host)";
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
    const h = byName.get(b.host ?? "(unknown host)");
    if (!h) continue;
    h.boots++;
    if (b.kernelRelease && !h.kernelReleases.includes(b.kernelRelease)) h.kernelReleases.push(b.kernelRelease);
  }
  for (const f of findings) {
    const h = byName.get(f.host ?? "(unknown host)");
    if (h && f.kernelRelease && !h.kernelReleases.includes(f.kernelRelease)) h.kernelReleases.push(f.kernelRelease);
  }
  // A file of plain dmesg has no host: keep the anonymous lane only when it has lines and nothing else does.
  return [...byName.values()].filter((h) => h.lines > 0).map((h) => dropUndefined(h));
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
