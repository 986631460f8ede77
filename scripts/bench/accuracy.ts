/**
 * Accuracy benchmark: run the full pipeline over other projects' crash corpora (`../shared/corpus`, read in place)
 * and compare with what those projects expect.
 *
 *   npm run bench:accuracy                      figures + misses
 *   npm run bench:accuracy -- --json            figures as JSON
 *   npm run bench:accuracy -- --update-baseline write scripts/bench/accuracy-baseline.json
 *   npm run bench:accuracy -- --check           exit 1 when a figure drops below the baseline (CI)
 *   --corpus=<dir>                              another corpus location
 *   --real=<dir>                                another testdata/real (default: this checkout's)
 *   --pipeline=extract                          bypass triage(): parseLine + extractReports only (diagnosis)
 *
 * Only crash-report findings are compared: one-line problem events (refcount leaks, allocation failures, fs/io
 * errors, OOM kills, kdump, PLEG, Go panics, other) are a different product feature and no corpus here rates them.
 * Exception: abrt files any kernel call trace its triggers reach, so its counts include problem findings that
 * carry a stack (see `abrtOopses`).
 *
 * `testdata/real` (public logs, expectations from each thread's conclusion) is compared on every finding, split into
 * a dev part and a held-out part (SHA-1 of the relative path, first byte < 86): the held-out part prints figures
 * only, never its misses, and findings are matched with the built-in KB (`kb-top1`).
 *
 * An expectation that provably is not about its input (a kernel release printed nowhere in the log) is listed
 * under "expectation disagreements" with the reason, and left out of the figures: neither a pass nor a miss.
 */
import { PROBLEM_KINDS } from "../../lib/engine/triage";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Finding, FindingKind, Frame, Incident, TriageInput } from "../../lib/engine/types";
import { createLineContext, parseLine } from "../../lib/engine/lines/parse-line";
import { extractReports } from "../../lib/engine/report/extract-reports";
import { parseStackSections } from "../../lib/engine/report/frames";
import {
  readAbrtCountCases,
  readAbrtHashPairs,
  readAbrtTaintCases,
  readAbrtVersionCases,
  readFafCases,
  readRealCases,
  readSatyrCases,
  readSyzkallerGuiltyCases,
  readSyzkallerReportCases,
} from "./corpus-readers";
import { createHash } from "node:crypto";
import { buildKbIndex } from "../../lib/engine/match/build-kb-index";
import { loadBuiltinKb } from "../../lib/kb/load-builtin";
import { expectedEntry } from "../../lib/kb/evaluate-expect";
import type { RealExpectation } from "./corpus-readers";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BASELINE_PATH = join(REPO_ROOT, "scripts/bench/accuracy-baseline.json");
// A git worktree under ../wt/<name> sees the shared folder one level further up.
const DEFAULT_CORPUS = [resolve(REPO_ROOT, "../shared/corpus"), resolve(REPO_ROOT, "../../shared/corpus")].find(existsSync) ?? resolve(REPO_ROOT, "../shared/corpus");
const DEFAULT_REAL = join(REPO_ROOT, "testdata/real");

/**
 * Left out of every comparison: the engine's problem-event kinds and agent Go panics. MCE stays in, because ABRT
 * counts machine checks as oopses.
 */
const PROBLEM_EVENT_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(
  [...PROBLEM_KINDS, "go-panic" as const].filter((k) => k !== "mce"),
);

/** Targets the product promises; printed next to the figures (the CI gate is the baseline, not these). */
const TARGETS: Record<string, number> = {
  "syzkaller-report.title-exact": 0.9,
  "syzkaller-report.crash-agreement": 1,
  "syzkaller-report.corrupted-agreement": 0.85,
  "abrt.oops-count": 1,
  "abrt.versions": 1,
  "abrt.version-cases": 1,
  "abrt.taint-cases": 1,
  "satyr.frame-count": 1,
  "satyr.first-function": 1,
  "satyr.last-function": 1,
  "satyr.taint-count": 1,
  "satyr.module-count": 1,
};

// ---------------------------------------------------------------------------------------------------------------
// Pipeline adapter: the ONE place that decides how a log becomes findings.
type TriageFn = (inputs: TriageInput[], options?: unknown) => Promise<Incident>;
let triageFn: TriageFn | null | undefined;
let pipelineName = "";

/** `--pipeline=extract` forces the line parser + extractReports path (to tell scan-window effects apart). */
const FORCE_EXTRACT = process.argv.includes("--pipeline=extract");

async function loadTriage(): Promise<TriageFn | null> {
  if (triageFn !== undefined) return triageFn;
  const path = join(REPO_ROOT, "lib/engine/triage.ts");
  triageFn = null;
  if (existsSync(path) && !FORCE_EXTRACT) {
    const mod = (await import(pathToFileURL(path).href)) as { triage?: TriageFn };
    if (typeof mod.triage === "function") triageFn = mod.triage;
  }
  pipelineName = triageFn
    ? "triage() from lib/engine/triage.ts"
    : `parseLine + extractReports (${FORCE_EXTRACT ? "--pipeline=extract" : "lib/engine/triage.ts not present yet"})`;
  return triageFn;
}

/**
 * Problem-event kinds that syzkaller nevertheless reports as crashes (`unregister_netdevice: waiting for DEV to
 * become free`, `go runtime error`). Only the syzkaller-report comparison counts them, and only when the log holds
 * no crash report.
 */
const SYZKALLER_CRASH_EVENT_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(["netdev-refcount", "go-panic"]);

/** syzkaller's own infrastructure failures: not kernel output, out of the product's scope. */
const SYZKALLER_INFRASTRUCTURE_TITLE = /^SYZFAIL:/;

/** Crash-report findings of one log, in source order. */
async function crashFindings(name: string, log: string): Promise<Finding[]> {
  return (await allFindings(name, log)).filter((f) => !PROBLEM_EVENT_KINDS.has(f.kind));
}

/** Every finding of one log (crash reports and problem events), in source order. */
async function allFindings(name: string, log: string): Promise<Finding[]> {
  const triage = await loadTriage();
  let findings: Finding[];
  if (triage) {
    const incident = await triage([{ name, data: new TextEncoder().encode(log) }]);
    findings = incident.findings;
  } else {
    const ctx = createLineContext(0, 2024);
    const lines = log.split("\n").map((raw, i) => parseLine(raw, i + 1, ctx));
    findings = extractReports(lines, { fileName: name });
  }
  return [...findings].sort((a, b) => a.source.line - b.source.line);
}

// ---------------------------------------------------------------------------------------------------------------
type Figure = { matched: number; total: number };
type Miss = { file: string; what: string; expected: string; got: string };
/** A comparison left out of the figures because the other project's expectation is provably not about this input. */
type Disagreement = Miss & { reason: string };
type CorpusResult = { corpus: string; figures: Record<string, Figure>; misses: Miss[]; disagreements: Disagreement[]; skipped?: string; note?: string };

class Tally {
  readonly figures: Record<string, Figure> = {};
  readonly misses: Miss[] = [];
  readonly disagreements: Disagreement[] = [];
  constructor(readonly corpus: string) {}
  /** Record a documented expectation disagreement: listed with its reason, neither a pass nor a miss. */
  disagree(figure: string, file: string, expected: unknown, got: unknown, reason: string): void {
    this.disagreements.push({ file, what: figure, expected: show(expected), got: show(got), reason });
  }
  /** Count one comparison; record a miss when it fails. */
  check(figure: string, file: string, expected: unknown, got: unknown, equal = sameValue(expected, got)): boolean {
    const entry = (this.figures[`${this.corpus}.${figure}`] ??= { matched: 0, total: 0 });
    entry.total++;
    if (equal) entry.matched++;
    else this.misses.push({ file, what: figure, expected: show(expected), got: show(got) + listDiff(expected, got) });
    return equal;
  }
  result(): CorpusResult {
    return { corpus: this.corpus, figures: this.figures, misses: this.misses, disagreements: this.disagreements };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** For two long lists, what differs (the lists themselves are cut in the output). */
function listDiff(expected: unknown, got: unknown): string {
  if (!Array.isArray(expected) || !Array.isArray(got) || JSON.stringify(expected).length <= 200) return "";
  const missing = expected.filter((e) => !got.includes(e));
  const extra = got.filter((g) => !expected.includes(g));
  return ` (lengths ${expected.length}/${got.length}; missing ${JSON.stringify(missing.slice(0, 8))}; extra ${JSON.stringify(extra.slice(0, 8))})`;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return "∅";
  if (typeof v === "string") return JSON.stringify(v);
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

const sortedSet = (values: string[]) => [...new Set(values)].sort();

/** Function name as printed (satyr and ABRT compare names without normalisation). */
const printedName = (f: Frame): string | null =>
  /^0x[0-9a-f]+$/i.test(f.function) ? null : (f.rawFunction ?? f.function).replace(/^\./, ""); // ppc64 descriptor dot

/** Function name of a `rip` value as printed: `wdev_priv.part.8+0x3/0x5 [wl]` → `wdev_priv.part.8`. */
const ripPrintedName = (rip: string): string => rip.trim().split(/[+\s]/)[0]?.replace(/^\./, "") ?? rip;

// satyr prepends the instruction pointer as the first frame only in the forms it recognises: the old x86
// `RIP: 0010:[<addr>]  [<addr>] f+…` and 32-bit `EIP is at f+…` (not `RIP: 0010:f+…`, not ppc NIP, not s390 PSW).
const SATYR_RIP_LINE = /^\s*(?:[RE]IP: [0-9a-f]{4}:\[<[0-9a-f]+>\]\s+\[<|EIP is at )/;

type SatyrFrame = { name: string | null; reliable: boolean; context?: string };
/**
 * The frames satyr would list for a whole file. satyr treats the file as ONE oops and counts every frame line in
 * it, including secondary stacks (lockdep chains, KASAN/SLUB allocation and free stacks) and the stacks of
 * follow-on reports; we split those into findings and sections. So: for every crash finding in order, the
 * instruction pointer when satyr would prepend it, then the frames of all stack sections of its report lines.
 */
function satyrView(findings: Finding[]): SatyrFrame[] {
  const frames: SatyrFrame[] = [];
  for (const finding of findings) {
    const own = parseStackSections(finding.report)
      .flatMap((s) => s.frames)
      .filter((f) => !f.unprinted)
      .map((f) => ({ name: printedName(f), reliable: f.reliable, context: f.context }));
    if (finding.rip && finding.report.some((l) => SATYR_RIP_LINE.test(l))) {
      own.unshift({ name: ripPrintedName(finding.rip), reliable: true, context: own[0]?.context });
    }
    frames.push(...own);
  }
  return frames;
}

const SPECIAL_STACK: Record<string, string> = { irq: "IRQ", nmi: "NMI", softirq: "SOFTIRQ", exception: "EXCEPTION" };
const specialStack = (f: SatyrFrame | undefined) => (f?.context ? (SPECIAL_STACK[f.context] ?? null) : null);

// satyr's names for taint flags in uReports (koops_stacktrace.c), mapped to kernel letters.
const SATYR_TAINT_LETTER: Record<string, string> = {
  module_proprietary: "P",
  forced_module: "F",
  smp_unsafe: "S",
  forced_removal: "R",
  mce: "M",
  page_release: "B",
  userspace: "U",
  died_recently: "D",
  acpi_overridden: "A",
  warning: "W",
  staging_driver: "C",
  firmware_workaround: "I",
  module_out_of_tree: "O",
  unsigned_module: "E",
  soft_lockup: "L",
  live_patched: "K",
};

const taintLetters = (f: Finding | undefined): string[] => sortedSet((f?.taint?.decoded ?? []).map((d) => d.charAt(0)));

/** ABRT's koops-compat duphash: SHA-1 over the first 6 reliable function names as printed. */
function abrtDuphash(finding: Finding | undefined): string | undefined {
  if (!finding) return undefined;
  const names = finding.frames
    .filter((f) => f.reliable)
    .map(printedName)
    .filter((n): n is string => n !== null)
    .slice(0, 6);
  if (names.length === 0) return undefined;
  return createHash("sha1").update(names.join("\n")).digest("hex");
}

// ---------------------------------------------------------------------------------------------------------------
async function benchSyzkallerReport(corpusDir: string): Promise<CorpusResult> {
  const tally = new Tally("syzkaller-report");
  let outOfScope = 0;
  for (const c of readSyzkallerReportCases(corpusDir)) {
    if (c.title !== undefined && SYZKALLER_INFRASTRUCTURE_TITLE.test(c.title)) {
      outOfScope++;
      continue;
    }
    const findings = await allFindings(c.name, c.log);
    const first =
      findings.find((f) => !PROBLEM_EVENT_KINDS.has(f.kind)) ?? findings.find((f) => SYZKALLER_CRASH_EVENT_KINDS.has(f.kind));
    tally.check("crash-agreement", c.name, c.title !== undefined ? "crash" : "no crash", first ? "crash" : "no crash");
    if (c.title === undefined) continue;
    // Our display title may name the location where syzkaller says `corrupted`: compare syzkaller's own form.
    const syzTitle = first?.syzkallerTitle ?? first?.title;
    const syzAlts = (first?.altTitles ?? []).filter((a) => a !== first?.syzkallerTitle);
    tally.check("title-exact", c.name, c.title, syzTitle);
    const ours = first ? [syzTitle!, ...syzAlts] : [];
    tally.check("title-or-alt", c.name, [c.title, ...c.alts], ours, ours.some((t) => t === c.title || c.alts.includes(t)));
    tally.check("alt-set", c.name, sortedSet(c.alts), sortedSet(syzAlts));
    tally.check("corrupted-agreement", c.name, c.corrupted, first?.corrupted ?? null);
    tally.check("panicked-agreement", c.name, c.panicked, first?.panicked ?? null);
    if (c.type !== undefined) tally.check("type", c.name, c.type, first?.type);
    if (c.frame !== undefined) tally.check("guilty-frame", c.name, c.frame, first?.guiltyFrame);
  }
  const result = tally.result();
  if (outOfScope > 0) result.note = `${outOfScope} syzkaller infrastructure case(s) (SYZFAIL) left out`;
  return result;
}

/** `arch/x86/kvm/../../../virt/kvm/eventfd.c` → `virt/kvm/eventfd.c` (paths as the compiler saw them). */
function normalizeSourcePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The guilty source file: `Finding.guiltyFile` when the engine names one; else the file of the guilty frame: the first frame of that function carrying a file; else a report line
 * naming the function with a source reference (`RIP: 0010:f+0x1/0x2 mm/x.c:12`, `BUG: KASAN: … in f+0x… mm/x.c:1`).
 */
function guiltyFile(finding: Finding | undefined): string | undefined {
  // The engine's own answer first: the first non-generic source file the report names (extract-reports.ts).
  if (finding?.guiltyFile) return normalizeSourcePath(finding.guiltyFile);
  const guilty = finding?.guiltyFrame;
  if (!finding || !guilty) return undefined;
  const frame = finding.frames.find((f) => f.function === guilty && f.file);
  if (frame?.file) return normalizeSourcePath(frame.file);
  const named = new RegExp(`\\b${escapeRegExp(guilty)}(?:\\.[\\w.]+)?(?:\\+0x[0-9a-f]+\\/0x[0-9a-f]+)?\\s+((?:[\\w.+-]+\\/)*[\\w.+-]+\\.[A-Za-z]+):\\d+`);
  for (const line of finding.report) {
    const m = named.exec(line);
    if (m) return normalizeSourcePath(m[1]);
  }
  return undefined;
}

async function benchSyzkallerGuilty(corpusDir: string): Promise<CorpusResult> {
  const tally = new Tally("syzkaller-guilty");
  for (const c of readSyzkallerGuiltyCases(corpusDir)) {
    const first = (await crashFindings(c.name, c.log))[0];
    const file = guiltyFile(first);
    tally.check("guilty-file", c.name, c.file, file ?? (first?.guiltyFrame ? `${first.guiltyFrame} (no file)` : first ? "no guilty frame" : "no report"));
  }
  return tally.result();
}

/**
 * What abrt-dump-oops would file of one log: every kernel report that carries a call trace or is a crash class.
 * abrt starts an oops at any of its trigger strings and takes the call trace that follows, so a problem event
 * that prints a stack (an allocation failure's warn_alloc() trace) is an oops to abrt when a trigger is near it,
 * while our one-line problem events (no stack) never are. abrt has no allocation-failure trigger of its own: a
 * lone allocation failure with a stack counts for us and not for abrt (the corpus has no such file).
 */
async function abrtOopses(name: string, log: string): Promise<Finding[]> {
  const oopses = (await allFindings(name, log)).filter((f) => !PROBLEM_EVENT_KINDS.has(f.kind) || f.frames.length > 0);
  // abrt files every occurrence; triage folds the same crash on the same host into one finding with `repeats`.
  return oopses.flatMap((f) => (PROBLEM_EVENT_KINDS.has(f.kind) ? [f] : Array.from({ length: f.repeats ?? 1 }, () => f)));
}

async function benchAbrt(corpusDir: string): Promise<CorpusResult> {
  const tally = new Tally("abrt");
  const scoped: string[] = [];
  for (const c of readAbrtCountCases(corpusDir)) {
    const all = await abrtOopses(c.name, c.log);
    // abrt's expectation covers only what follows its own "Reported N kernel oopses to Abrt" marker.
    const findings = c.reportedUpToLine === undefined ? all : all.filter((f) => f.source.line > c.reportedUpToLine!);
    if (findings.length < all.length) scoped.push(`${c.name} (${all.length - findings.length} before line ${c.reportedUpToLine})`);
    tally.check("oops-count", c.name, c.expectedCount, findings.length);
    // Versions are compared where the oops count agrees (a count miss is already counted above).
    if (c.expectedCount > 0 && findings.length === c.expectedCount) {
      // abrt prints an empty `Version:` when it found none (it ignores the boot banner); any answer of ours is
      // then acceptable, a release it did find must match.
      const got = findings.map((f) => f.kernelRelease ?? "");
      const agree = c.versions.every((v, i) => v === "" || v === got[i]);
      // A release printed nowhere in the input cannot have been read from it: the `.right` file predates an
      // edit of the `.test` file (abrt's own test would fail the same way).
      const absent = c.versions.filter((v) => v !== "" && !c.log.includes(v));
      if (!agree && absent.length > 0) tally.disagree("versions", c.name, c.versions, got, `stale expectation: ${absent.join(", ")} occurs nowhere in the input`);
      else tally.check("versions", c.name, c.versions, got, agree);
    }
  }
  for (const c of readAbrtVersionCases(corpusDir)) {
    const first = (await abrtOopses(c.name, c.log))[0];
    tally.check("version-cases", c.name, c.version, first?.kernelRelease);
  }
  for (const c of readAbrtTaintCases(corpusDir)) {
    const first = (await abrtOopses(c.name, c.log))[0];
    const got = first?.taint?.flags ? sortedSet([...first.taint.flags]).join("") : null;
    tally.check("taint-cases", c.name, c.taint === null ? null : sortedSet([...c.taint]).join(""), got);
  }
  for (const pair of readAbrtHashPairs(corpusDir)) {
    const a = abrtDuphash((await abrtOopses(pair.a.name, pair.a.log))[0]);
    const b = abrtDuphash((await abrtOopses(pair.b.name, pair.b.log))[0]);
    tally.check("hash-pairs", `${pair.a.name} ~ ${pair.b.name}`, "equal duphash", a && a === b ? "equal duphash" : `${a ?? "∅"} vs ${b ?? "∅"}`);
  }
  const result = tally.result();
  if (scoped.length > 0) {
    result.note = `findings before abrt's own "Reported N kernel oopses to Abrt" marker not compared (abrt had filed them already): ${scoped.join(", ")}`;
  }
  return result;
}

async function benchSatyr(corpusDir: string): Promise<CorpusResult> {
  const tally = new Tally("satyr");
  for (const c of readSatyrCases(corpusDir)) {
    const findings = await crashFindings(c.name, c.log);
    const frames = satyrView(findings);
    // satyr reads taint and modules wherever they are in the file: take the first finding that has them.
    const taint = findings.find((f) => f.taint)?.taint;
    const modules = findings.find((f) => f.modules)?.modules;
    tally.check("frame-count", c.name, c.frameCount, frames.length);
    tally.check("first-function", c.name, c.firstFunction, frames[0]?.name ?? null);
    tally.check("last-function", c.name, c.lastFunction, frames.at(-1)?.name ?? null);
    tally.check("taint-count", c.name, c.taintCount, taint?.decoded.length ?? 0);
    tally.check("module-count", c.name, c.moduleCount, modules?.length ?? 0);
    if (c.firstSpecialStack !== undefined) tally.check("special-stack", c.name, [c.firstSpecialStack, c.lastSpecialStack ?? null], [specialStack(frames[0]), specialStack(frames.at(-1))]);
  }
  return tally.result();
}

async function benchFaf(corpusDir: string): Promise<CorpusResult> {
  const tally = new Tally("faf");
  for (const c of readFafCases(corpusDir)) {
    const first = (await crashFindings(c.name, c.log))[0];
    // A uReport whose kernel version occurs nowhere in its own raw_oops was edited by hand after satyr made it (faf's
    // ureport_kerneloops2: version 3.13.10-100 beside a 3.12.10-300 oops, its module and frame lists cut short): what
    // disagrees with the raw oops is listed with that reason, not counted.
    const edited = c.version !== undefined && !c.log.includes(c.version);
    const check = (figure: string, expected: unknown, got: unknown) => {
      if (edited && !sameValue(expected, got)) tally.disagree(figure, c.name, expected, got, `hand-edited uReport: its version ${c.version} occurs nowhere in its raw_oops`);
      else tally.check(figure, c.name, expected, got);
    };
    check("version", c.version, first?.kernelRelease);
    check("taint-flags", sortedSet(c.taintFlags.map((t) => SATYR_TAINT_LETTER[t] ?? `?${t}`)), taintLetters(first));
    check("modules", c.modules.map((m) => m.replace(/\(.*$/, "")), first?.modules ?? []);
    const frames = satyrView(first ? [first] : []);
    check("frames", c.frames.map((f) => `${f.reliable ? "" : "? "}${f.function}`), frames.map((f) => `${f.reliable ? "" : "? "}${f.name ?? "∅"}`));
  }
  return tally.result();
}

// ---------------------------------------------------------------------------------------------------------------
// testdata/real: public logs with expectations written from each thread's conclusion (testdata/real/README.md).

type TriageWithKb = (inputs: TriageInput[], options?: { kb?: unknown }) => Promise<Incident>;
let builtinKb: { index: ReturnType<typeof buildKbIndex>; entries: Map<string, unknown> } | undefined;
/** The built-in KB as the CLI matches with it (the server seeds the same YAML files into its database). */
function getBuiltinKb() {
  if (!builtinKb) {
    const { entries } = loadBuiltinKb();
    builtinKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
  }
  return builtinKb;
}

/**
 * The finding each expectation is about, in log order: the first unclaimed finding of the kind with the expected
 * title, else the first unclaimed one of the kind.
 */
function pairExpectations(expectations: RealExpectation[], findings: Finding[]): Array<Finding | undefined> {
  const claimed = new Set<Finding>();
  return expectations.map((e) => {
    const ofKind = findings.filter((f) => f.kind === e.kind && !claimed.has(f));
    const chosen = (e.title !== undefined ? ofKind.find((f) => f.title === e.title) : undefined) ?? ofKind[0];
    if (chosen) claimed.add(chosen);
    return chosen;
  });
}

/** `6.1.1-1.el9.elrepo.x86_64` or `inferred:6.1.1-…`, as the header writes it. */
function releaseAsWritten(f: Finding | undefined): string | undefined {
  if (!f?.kernelRelease) return undefined;
  // The corpus writes `inferred:` only for a release taken from the next boot (a pasted uname is "in the log").
  return f.releaseSource === "inferred-next-boot" ? `inferred:${f.kernelRelease}` : f.kernelRelease;
}

async function benchReal(realDir: string): Promise<CorpusResult[]> {
  const cases = readRealCases(realDir);
  const kb = getBuiltinKb();
  const triage = (await loadTriage()) as TriageWithKb | null;
  const tallies = { dev: new Tally("real-dev"), heldOut: new Tally("real-held-out") };
  const sizes = { dev: 0, heldOut: 0 };
  const perFolder = new Map<string, number>();
  const perFormat = new Map<string, number>();
  const headerErrors: string[] = [];
  for (const c of cases) {
    const tally = c.heldOut ? tallies.heldOut : tallies.dev;
    if (c.heldOut) sizes.heldOut++;
    else sizes.dev++;
    perFolder.set(c.folder, (perFolder.get(c.folder) ?? 0) + 1);
    perFormat.set(c.format ?? "?", (perFormat.get(c.format ?? "?") ?? 0) + 1);
    // Held-out header mistakes are named by file only: their expectations are not to be read while fixing rules.
    for (const err of c.headerErrors) headerErrors.push(`${c.name}: ${c.heldOut ? "(held out) header problem" : err}`);
    const findings = triage
      ? [...(await triage([{ name: c.name, data: c.log }], { kb })).findings].sort((a, b) => a.source.line - b.source.line)
      : await allFindings(c.name, new TextDecoder().decode(c.log));
    const got = (f: Finding | undefined) => (f ? `${f.kind}: ${f.title}` : "no finding");
    if (c.expectsNone) {
      tally.check("none-no-finding", c.name, "no finding", findings.length === 0 ? "no finding" : findings.map((f) => got(f)).join("; "));
      continue;
    }
    if (c.expectations.length === 0) continue;
    const paired = pairExpectations(c.expectations, findings);
    const kindsSeen = new Set<string>(findings.map((f) => f.kind));
    const missingKinds = c.expectations.filter((e) => !kindsSeen.has(e.kind)).map((e) => e.kind);
    tally.check("class", c.name, c.expectations.map((e) => e.kind), missingKinds.length === 0 ? c.expectations.map((e) => e.kind) : `missing ${missingKinds.join(", ")}; got ${[...kindsSeen].join(", ") || "nothing"}`);
    c.expectations.forEach((e, i) => {
      const f = paired[i];
      if (e.title !== undefined) tally.check("title-exact", c.name, e.title, f?.title ?? got(f));
      if (e.frame !== undefined) tally.check("guilty-frame", c.name, e.frame, f?.guiltyFrame);
      if (e.release !== undefined) tally.check("release", c.name, e.releaseInferred ? `inferred:${e.release}` : e.release, releaseAsWritten(f));
      if (e.count !== undefined) tally.check("count", c.name, e.count, f?.repeats ?? (f ? 1 : 0));
      // A `kb-proposed` entry that has since been written is the expected one (as in lib/kb/kb-crosscheck.test.ts).
      const want = expectedEntry(e, (id) => kb.entries.has(id));
      if (want !== undefined && want !== "none-fits") {
        if (!kb.entries.has(want)) tally.disagree("kb-top1", c.name, want, f?.matches[0]?.kbId, "no such built-in KB entry");
        else tally.check("kb-top1", c.name, want, f?.matches[0]?.kbId);
      }
    });
  }
  const dev = tallies.dev.result();
  const heldOut = tallies.heldOut.result();
  const sizeNote = (n: number) => `${n} file(s) of ${cases.length}`;
  dev.note = `${sizeNote(sizes.dev)}; per class folder: ${[...perFolder].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}; per format: ${[...perFormat].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}${headerErrors.length ? `; HEADER PROBLEMS: ${headerErrors.join(" · ")}` : ""}`;
  // The held-out part reports figures only: its misses are never opened while rules change.
  // Counts per figure and class folder say which classes generalize worst (where to collect more dev logs) without
  // naming a file or showing an expectation.
  const missesPerFolder = new Map<string, number>();
  for (const m of heldOut.misses) {
    const key = `${m.what}/${m.file.split("/")[0]}`;
    missesPerFolder.set(key, (missesPerFolder.get(key) ?? 0) + 1);
  }
  const perFolderNote = [...missesPerFolder].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(", ");
  heldOut.note = `${sizeNote(sizes.heldOut)}; ${heldOut.misses.length} miss(es), not listed${perFolderNote ? `; per figure/class folder: ${perFolderNote}` : ""}`;
  heldOut.misses = [];
  heldOut.disagreements = [];
  if (cases.length === 0) dev.skipped = heldOut.skipped = `no files under ${realDir}`;
  return [dev, heldOut];
}

// ---------------------------------------------------------------------------------------------------------------
type Baseline = { figures: Record<string, Figure & { rate: number }> };

const rate = (f: Figure) => (f.total === 0 ? 1 : f.matched / f.total);
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function printText(results: CorpusResult[], elapsedMs: number): void {
  console.log(`accuracy benchmark — pipeline: ${pipelineName}`);
  for (const r of results) {
    console.log(`\n== ${r.corpus}${r.skipped ? ` (skipped: ${r.skipped})` : ""}${r.note ? ` — ${r.note}` : ""}`);
    for (const [key, fig] of Object.entries(r.figures)) {
      const target = TARGETS[key];
      const flag = target === undefined ? "" : rate(fig) >= target ? `  (target ≥ ${pct(target)} met)` : `  (target ≥ ${pct(target)} NOT met)`;
      console.log(`  ${key.padEnd(40)} ${String(fig.matched).padStart(4)}/${String(fig.total).padEnd(4)} ${pct(rate(fig)).padStart(6)}${flag}`);
    }
  }
  for (const r of results) {
    if (r.misses.length === 0) continue;
    console.log(`\n-- misses: ${r.corpus} (${r.misses.length})`);
    for (const m of r.misses) console.log(`  ${m.file}  [${m.what}]  expected ${m.expected}  got ${m.got}`);
  }
  for (const r of results) {
    if (r.disagreements.length === 0) continue;
    console.log(`\n-- expectation disagreements (not in the figures): ${r.corpus} (${r.disagreements.length})`);
    for (const d of r.disagreements) console.log(`  ${d.file}  [${d.what}]  expected ${d.expected}  got ${d.got}  — ${d.reason}`);
  }
  console.log(`\n(${(elapsedMs / 1000).toFixed(1)} s)`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const corpusArg = args.find((a) => a.startsWith("--corpus="));
  const corpusDir = corpusArg ? resolve(corpusArg.slice("--corpus=".length)) : DEFAULT_CORPUS;
  const realArg = args.find((a) => a.startsWith("--real="));
  const realDir = realArg ? resolve(realArg.slice("--real=".length)) : DEFAULT_REAL;
  const wantJson = args.includes("--json");
  const update = args.includes("--update-baseline");
  const check = args.includes("--check");

  const started = Date.now();
  await loadTriage();
  const results: CorpusResult[] = [];
  if (existsSync(corpusDir)) {
    for (const bench of [benchSyzkallerReport, benchSyzkallerGuilty, benchAbrt, benchSatyr, benchFaf]) results.push(await bench(corpusDir));
  } else console.log(`accuracy benchmark: shared corpus not found at ${corpusDir}; those corpora skipped.`);
  results.push(...(await benchReal(realDir)));
  const figures: Record<string, Figure> = Object.assign({}, ...results.map((r) => r.figures));

  if (wantJson) console.log(JSON.stringify({ pipeline: pipelineName, figures: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { ...f, rate: rate(f) }])), misses: results.flatMap((r) => r.misses.map((m) => ({ corpus: r.corpus, ...m }))), disagreements: results.flatMap((r) => r.disagreements.map((d) => ({ corpus: r.corpus, ...d }))) }, null, 2));
  else printText(results, Date.now() - started);

  if (update) {
    const baseline: Baseline = { figures: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { ...f, rate: Number(rate(f).toFixed(4)) }])) };
    writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
    console.error(`baseline written: ${BASELINE_PATH}`);
  }
  if (check) {
    if (!existsSync(BASELINE_PATH)) {
      console.error("--check: no baseline file; run with --update-baseline first.");
      return 1;
    }
    const baseline = JSON.parse(readFileSync(BASELINE_PATH, "utf8")) as Baseline;
    const drops: string[] = [];
    for (const [key, base] of Object.entries(baseline.figures)) {
      const now = figures[key];
      if (!now) {
        console.error(`--check: ${key} not measured (corpus part missing); not compared.`);
        continue;
      }
      // `rate` in the file is rounded for reading; compare with the exact fraction.
      const baseRate = base.total > 0 ? base.matched / base.total : base.rate;
      if (rate(now) + 1e-9 < baseRate) drops.push(`${key}: ${now.matched}/${now.total} (${pct(rate(now))}) < baseline ${base.matched}/${base.total} (${pct(baseRate)})`);
    }
    if (drops.length > 0) {
      console.error(`accuracy dropped below the baseline:\n  ${drops.join("\n  ")}`);
      return 1;
    }
    console.error("--check: no figure below the baseline.");
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
