/**
 * Stage 3 — reports and events: per input, the crash reports the scanner extracted and its problem events folded
 * per host and boot, each tied to its boot, with a kernel release (its own, its boot's, or inferred), component
 * versions for agent crashes, allocation-failure stacks joined to their events, and kdump problems.
 */
import { attachEventStacks } from "../events/attach-stacks";
import { MAX_EVENT_SAMPLES, mergeDetails, type EventRun } from "../events/event-folds";
import { kdumpFindings } from "../events/kdump-findings";
import { PROBLEM_EVENT_RULES } from "../events/problem-events";
import { sameHost, type ReleaseHint } from "../events/release-hints";
import { componentFamily } from "../agents/go-panic";
import { isoTime } from "../lines/time";
import type { ReportMetadata } from "../report/metadata";
import type { ScanResult } from "../scan/scan-input";
import type { Boot, Finding, ReleaseSource } from "../types";
import type { BootAt, BootIndex } from "./boots";
import type { ScannedInput } from "./ingest";

/** Headers a report class reads as a crash that are problem events for us (`eventNotReport`). */
const EVENT_NOT_REPORT_HEADERS = PROBLEM_EVENT_RULES.filter((r) => r.eventNotReport).map((r) => r.needle);

/** The crash reports of one scanned input (problem events such as unregister_netdevice waits excluded). */
export function crashReportsOf(scan: Pick<ScanResult, "reports">): Finding[] {
  // syzkaller treats unregister_netdevice waits as a report; for us it is a folded problem event.
  return scan.reports.filter((f) => !EVENT_NOT_REPORT_HEADERS.some((header) => f.title.startsWith(header)));
}

/** The findings of each input, in line order (before folding across the incident). */
export function collectFindings(scans: readonly ScannedInput[], boots: BootIndex): Finding[][] {
  return scans.map(({ scan, fileName, vmcore }, fileIdx) => {
    const bootOf = (host: string | undefined, line: number, time: number | undefined) => boots.bootFor(fileIdx, host, line, time)?.id;
    const perFile: Finding[] = [];
    for (const f of crashReportsOf(scan)) {
      const boot = boots.bootFor(fileIdx, f.host, f.source.line, f.time === undefined ? undefined : Date.parse(f.time));
      if (boot) f.bootId = boot.id;
      // A report that took its release from an earlier task line of its boot keeps saying so (extract-reports.ts).
      if (f.kernelRelease) f.releaseSource ??= "report";
      if (f.component) {
        const v = latestVersion(scan, f.host, f.component, f.source.line);
        if (v) f.componentVersion = v;
      }
      perFile.push(f);
    }
    const events = withoutSuperseded(foldEvents(scan, fileName, bootOf), perFile);
    dropDecodedReports(perFile, events);
    perFile.push(...events);
    const printedInBoot = releasesPrintedPerBoot(perFile);
    for (const f of perFile) {
      if (f.kernelRelease) continue;
      const boot = f.bootId ? boots.byId.get(f.bootId) : undefined;
      const sameBoot = boot?.kernelRelease || f.component ? undefined : printedInSameBoot(f, printedInBoot);
      if (sameBoot) {
        f.kernelRelease = sameBoot.release;
        if (sameBoot.build) f.kernelBuild = sameBoot.build;
        f.releaseSource = "same-boot-report";
        continue;
      }
      // A user-space component's crash says nothing about a kernel release it did not run on.
      const release = f.component ? releaseFor(f, boot, new Map(), []) : releaseFor(f, boot, boots.perFileByHost[fileIdx], scan.releaseHints);
      if (!release) continue;
      f.kernelRelease = release.release;
      if (release.build) f.kernelBuild = release.build;
      f.releaseSource = release.source;
    }
    // An allocation failure's call trace, read by the report extractor, joins its event finding.
    const joined = attachEventStacks(perFile);
    // A vmcore is the proof that a dump was taken: "kdump not armed" would contradict the input itself.
    // A consequence is listed after its cause (the sort is stable: the cause, at the same line, stays first).
    const followsLine = new Map<Finding, number>();
    if (!vmcore) {
      for (const { finding, follows } of kdumpFindings(fileName, joined, boots.perFile[fileIdx])) {
        joined.push(finding);
        if (follows) followsLine.set(finding, follows.source.line);
      }
    }
    const orderLine = (f: Finding) => followsLine.get(f) ?? f.source.line;
    joined.sort((a, b) => orderLine(a) - orderLine(b) || Number(followsLine.has(a)) - Number(followsLine.has(b)));
    return joined;
  });
}

/** A boot runs one kernel: the host and boot a finding belongs to (no boot seen yet is one segment too). */
const bootKey = (f: Finding) => `${f.host ?? ""}\u0000${f.bootId ?? ""}`;

/**
 * Syslog shows no uptime, so a reboot without a banner in the file goes unseen: without a known boot, a report's
 * release is shared only with findings logged within this time of it.
 */
const SAME_BOOT_WITHOUT_BANNER_MS = 60 * 60_000;

type PrintedRelease = { release: string; build?: string; time?: number };

/**
 * The releases reports printed themselves (`CPU: … Comm: … 6.6.30 #1`), per host and boot: a stackless message just
 * before a report (`VFS: Busy inodes after unmount`, then `kernel BUG at fs/super.c`) or a problem event in the same
 * boot ran that kernel too.
 */
function releasesPrintedPerBoot(findings: readonly Finding[]): Map<string, PrintedRelease[]> {
  const out = new Map<string, PrintedRelease[]>();
  for (const f of findings) {
    if (f.releaseSource !== "report" || !f.kernelRelease || f.component) continue;
    const key = bootKey(f);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push({ release: f.kernelRelease, build: f.kernelBuild, time: f.time ? Date.parse(f.time) : undefined });
  }
  return out;
}

function printedInSameBoot(f: Finding, printed: Map<string, PrintedRelease[]>): PrintedRelease | undefined {
  const list = printed.get(bootKey(f));
  if (!list) return undefined;
  if (f.bootId) return list[0];
  const at = f.time ? Date.parse(f.time) : undefined;
  // No timestamps at all (raw dmesg): uptime resets are boots, so the segment is one boot.
  if (at === undefined) return list.every((p) => p.time === undefined) ? list[0] : undefined;
  return list.find((p) => p.time !== undefined && Math.abs(p.time - at) <= SAME_BOOT_WITHOUT_BANNER_MS);
}

/** The fold key of each problem-event finding (host and boot aside): stage 4 folds them across inputs. */
export const EVENT_FOLD_KEYS = new WeakMap<Finding, string>();

/**
 * Problem-event findings: the scanner's runs (events/event-folds.ts) per host and boot, one finding each with the
 * first occurrence, the last, the count and up to MAX_EVENT_SAMPLES texts.
 */
function foldEvents(scan: ScanResult, fileName: string, bootOf: (host: string | undefined, line: number, time: number | undefined) => string | undefined): Finding[] {
  const groups = new Map<string, Finding>();
  const out: Finding[] = [];
  const soleHost = soleNamedHost(scan);
  for (const run of scan.eventRuns) {
    const e = run.first;
    const bootId = bootOf(e.line.host, e.line.lineNo, e.line.time);
    const key = `${e.line.host ?? ""}|${bootId ?? ""}|${run.foldKey}`;
    const existing = groups.get(key) ?? (e.line.host === undefined && soleHost ? groups.get(`${soleHost}|${bootId ?? ""}|${run.foldKey}`) : undefined);
    if (existing) {
      mergeRun(existing, run, fileName);
      continue;
    }
    const meta = e.meta;
    const f: Finding = {
      id: "",
      kind: e.rule.kind,
      title: run.title,
      altTitles: [],
      type: e.rule.id,
      headline: e.line.text,
      frames: [],
      corrupted: false,
      panicked: false,
      host: e.line.host,
      time: isoTime(e.line.time),
      uptime: e.line.uptime,
      bootId,
      source: { file: fileName, line: e.line.lineNo, endLine: e.endLine },
      report: run.samples.slice(),
      signature: "",
      repeats: run.count,
      details: run.details,
      matches: [],
    };
    if (meta?.kernelRelease) setRelease(f, meta);
    if (meta?.taint) f.taint = meta.taint;
    if (meta?.comm !== undefined) f.comm = meta.comm;
    if (meta?.pid !== undefined) f.pid = meta.pid;
    if (meta?.cpu !== undefined) f.cpu = meta.cpu;
    if (meta?.hardware) f.hardware = meta.hardware;
    if (e.line.program && e.line.program !== "kernel") f.component = e.line.program;
    // Fields in the order folding one occurrence after another wrote them (the JSON stays byte-identical).
    const laterRelease = run.laterRelease;
    if (laterRelease && run.laterReleaseAt === 2) setRelease(f, laterRelease);
    if (run.count > 1) f.lastSource = { file: fileName, line: run.lastLine };
    const timeFirst = run.firstTimedRepeat !== undefined && (run.laterReleaseAt === undefined || run.firstTimedRepeat < run.laterReleaseAt);
    if (timeFirst) f.lastTime = isoTime(run.lastTime);
    if (laterRelease && run.laterReleaseAt !== 2) setRelease(f, laterRelease);
    if (!timeFirst && run.lastTime !== undefined) f.lastTime = isoTime(run.lastTime);
    if (e.context) f.context = e.context;
    EVENT_FOLD_KEYS.set(f, run.foldKey);
    groups.set(key, f);
    out.push(f);
  }
  return out;
}

/**
 * The one host an input's lines name, else "". A paste that quotes the same node's syslog and then the same
 * message again without the syslog prefix (`    kernel: swapper: page allocation failure…` with its stack) shows
 * one problem: the unprefixed occurrence folds into the named host's finding (when that came first, so the finding
 * keeps its host), which then gets its release.
 */
function soleNamedHost(scan: ScanResult): string {
  let sole = "";
  for (const name of scan.hosts.keys()) {
    if (name === "") continue;
    if (sole !== "") return "";
    sole = name;
  }
  return sole;
}

function setRelease(f: Finding, meta: ReportMetadata): void {
  f.kernelRelease = meta.kernelRelease;
  f.releaseSource = "report";
  if (meta.kernelBuild) f.kernelBuild = meta.kernelBuild;
}

/** A later run of the same problem (another boot segment that is the same boot, another input) into its finding. */
function mergeRun(existing: Finding, run: EventRun, fileName: string): void {
  existing.repeats = (existing.repeats ?? 1) + run.count;
  // The first occurrence may have lost its report (a cut paste): a later one's release still tells the kernel.
  const release = run.first.meta?.kernelRelease ? run.first.meta : run.laterRelease;
  if (!existing.kernelRelease && release?.kernelRelease) setRelease(existing, release);
  existing.lastSource = { file: fileName, line: run.lastLine };
  // The run's first occurrence is a repeat of the finding: its time counts as a last time too.
  const lastTime = run.count > 1 && run.lastTime !== undefined ? run.lastTime : run.first.line.time;
  if (lastTime !== undefined && Number.isFinite(lastTime)) existing.lastTime = isoTime(lastTime);
  existing.details = mergeDetails(existing.details ?? {}, run.details);
  for (const text of run.samples) if (existing.report.length < MAX_EVENT_SAMPLES) existing.report.push(text);
}

const RULE_BY_ID = new Map(PROBLEM_EVENT_RULES.map((r) => [r.id, r]));
/** Lines between an event and the crash report that already tells the same problem (`supersededBy`). */
const SUPERSEDED_WITHIN_LINES = 20;

/** Event findings a nearby crash report of the same host already covers (the WARNING that printed the line). */
function withoutSuperseded(events: Finding[], reports: readonly Finding[]): Finding[] {
  return events.filter((f) => {
    const covered = f.type ? RULE_BY_ID.get(f.type)?.supersededBy : undefined;
    if (!covered) return true;
    return !reports.some((r) => covered.test(r.title) && (r.host ?? "") === (f.host ?? "") && Math.abs(r.source.line - f.source.line) <= SUPERSEDED_WITHIN_LINES);
  });
}

/** Lines from a crash report's first line to the event that decodes it (`decodes`). */
const DECODED_WITHIN_LINES = 6;

/**
 * Crash reports (in place) that a decoding event right after them tells better (`decodes`, same host): the record
 * was only the raw form of what the event names. A report the machine panicked with stays: the panic is the finding.
 */
function dropDecodedReports(reports: Finding[], events: readonly Finding[]): void {
  const decoders = events.filter((f) => f.type !== undefined && RULE_BY_ID.get(f.type)?.decodes);
  if (decoders.length === 0) return;
  const decodes = (r: Finding, e: Finding) => {
    if ((r.host ?? "") !== (e.host ?? "") || !RULE_BY_ID.get(e.type ?? "")?.decodes?.test(r.title)) return false;
    // A folded event stands for its first and last occurrence: either may follow the record.
    return [e.source, e.lastSource].some((at) => at !== undefined && at.line > r.source.line && at.line - r.source.line <= DECODED_WITHIN_LINES);
  };
  let kept = 0;
  for (const r of reports) if (r.panicked || !decoders.some((e) => decodes(r, e))) reports[kept++] = r;
  reports.length = kept;
}

type ReleaseAnswer = { release: string; build?: string; source: ReleaseSource };

/**
 * The release of a finding whose report printed none: its boot's banner; else (marked inferred) the next boot of the
 * same host that printed one — a crash is usually followed by the reboot it caused —, else a pasted `uname` of
 * that host, else kubectl's KERNEL-VERSION for that node. A hint that names no host applies to a file of one host.
 */
function releaseFor(
  f: Finding,
  boot: Boot | undefined,
  bootsByHost: Map<string, BootAt[]>,
  hints: readonly ReleaseHint[],
): ReleaseAnswer | undefined {
  if (boot?.kernelRelease) return { release: boot.kernelRelease, build: boot.kernelBuild, source: "boot" };
  const line = f.source.line;
  const candidates = [...(bootsByHost.get(f.host ?? "") ?? []), ...(f.host ? (bootsByHost.get("") ?? []) : [])];
  const next = candidates
    .filter((b) => b.line > line && b.boot.kernelRelease && !b.boot.isKdumpCapture)
    .sort((a, b) => a.line - b.line)[0];
  if (next?.boot.kernelRelease) return { release: next.boot.kernelRelease, build: next.boot.kernelBuild, source: "inferred-next-boot" };
  // Most inputs have no hint: no host set per finding (a many-file triage asks for every input's ~150 findings).
  if (hints.length === 0) return undefined;
  const hosts = new Set([...bootsByHost.keys()].filter((h) => h !== ""));
  if (f.host) hosts.add(f.host);
  const fits = (h: ReleaseHint) => (f.host ? sameHost(h.host, f.host) || (!h.host && hosts.size <= 1) : !h.host || hosts.size === 0);
  for (const source of ["inferred-uname", "inferred-kubectl"] as const) {
    const hint = hints.find((h) => h.source === source && fits(h));
    if (hint) return { release: hint.release, build: hint.build, source };
  }
  return undefined;
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

