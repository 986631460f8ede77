/**
 * One streaming pass over the raw bytes of one input. Every line gets only cheap checks (the literal prefilter, run
 * per chunk in WebAssembly, which also finds the line ends; the line-format table's host peek; an uptime peek for
 * dmesg); a line that can start a report, a problem event or a boot opens a *window* (the few lines before it from a ring
 * buffer, and the lines after it until the report-like text stops). Only windowed lines are decoded and fully
 * parsed. So the cost is close to reading the bytes, and memory is bounded by the window cap, not by the file size.
 */
import { AGENT_VERSION_RULES, GO_PANIC_START, parseEscapedGoPanic, parseGoPanic, parseRecoveredGoPanic, RECOVERED_GO_PANIC_NEEDLE } from "../agents/go-panic";
import { EventFolds, foldKeyOf, foldsWithoutWindow, MAX_EVENT_SAMPLES, runKey, type EventRun } from "../events/event-folds";
import { INFO_EVENT_RULES, PROBLEM_EVENT_RULES, type Details, type ProblemEventRule, type ReportStart } from "../events/problem-events";
import { readReleaseHints, RELEASE_HINT_NEEDLES, type ReleaseHint } from "../events/release-hints";
import { parseReportMetadata, XMON_TASK_ROW, type ReportMetadata } from "../report/metadata";
import { ByteLineSplitter, cleanBytes, endWithoutCr, latin1Of, noteLineCut, readByteChunks, type DecompressionBudget, type IngestLimits, type IngestStats } from "../ingest/read-lines";
import { completeCutHeader, repairCutFirstLine } from "../lines/cut-first-line";
import { joinWrappedLines, MAX_CONTINUATIONS, MIN_WRAP_WIDTH, MIN_WRAPPED_LINE_LENGTH } from "../lines/join-wrapped-lines";
import { splitFlattenedLines } from "../lines/split-flattened-lines";
import { unpadTerminalWraps } from "../lines/unpad-terminal-wraps";
import { createLineContext, parseLine, PEEK, PEEKED, peekHost, priEnd, type LineContext } from "../lines/parse-line";
import { NOT_A_STAMP, syslogStampTime } from "../lines/line-formats";
import { inferYear } from "../lines/time";
import { GO_PANIC_NEEDLES } from "../agents/go-panic-heads";
import { errorMessage, extractReports } from "../report/extract-reports";
import { REPORT_PREFILTER } from "../report/classes";
import { KnownReports } from "../report/known-reports";
import { isFoldedOccurrence, RepeatedReports, type FoldFacts } from "../report/repeated-reports";
import { memoByText } from "../report/memo-by-text";
import { LiteralPrefilter, planPrefilter, type PrefilterPlan, type PrefilterTables } from "./literal-prefilter";
import { copyOf, KernelPrefix, NOT_PLAIN, plainTextHash, prefixAt, type FoldOutcome } from "./fold-shortcut";
import { MAX_CONTEXT_LINES, attachContextLines, contextReader } from "../match/attach-context";
import type { Finding, IncidentWarning, LineFormat, LogLine, TriageInput } from "../types";

/** Lines kept before a trigger (syzkaller keeps context; agents log what led to the crash). */
const CONTEXT_LINES = 30;
/** A window closes after this many lines without report-like text. */
const QUIET_LINES = 80;
/**
 * Soft cap of one window (a lockdep splat or a long hung-task dump fits; a flood is cut into several). Past it the
 * window closes at the first line that is not report text, so a report is not cut in two (which made a
 * "corrupted" half and an orphan panic tail); past the hard cap it closes anyway (bounded memory).
 */
const MAX_WINDOW_LINES = 4000;
const HARD_MAX_WINDOW_LINES = 2 * MAX_WINDOW_LINES;
/**
 * The caps count log lines; a journal entry's own fields (`journalctl -o export`/`-o verbose`: a dozen per kernel
 * line) are kept for the entry's time and host but not counted. Raw lines are capped too, at this many per log line.
 */
const MAX_RAW_LINES_PER_LOG_LINE = 16;

/** Needles of everything but the problem-event rules themselves. */
const OTHER_EVENT_NEEDLES = [
  // The first line of a report an event ends opens the window early enough to hold the whole report.
  ...new Set(PROBLEM_EVENT_RULES.flatMap((r) => (r.reportStart ? [r.reportStart.needle] : []))),
  ...INFO_EVENT_RULES.map((r) => r.needle).filter((n) => n.length > 0),
  ...AGENT_VERSION_RULES.map((r) => r.needle),
  ...RELEASE_HINT_NEEDLES,
  ...GO_PANIC_NEEDLES,
  "Linux version ",
  "ommand line: ",
  "panic: ",
  "fatal error: ",
  RECOVERED_GO_PANIC_NEEDLE,
  "reboot: ",
  "Reached target ",
];
export const EVENT_NEEDLES = [...PROBLEM_EVENT_RULES.map((r) => r.needle), ...OTHER_EVENT_NEEDLES];
/**
 * Every needle of the report classes and the event tables, found over the raw bytes of each chunk (not per line):
 * see literal-prefilter.ts. Hits mark their lines hot.
 */
export const HOT_PLAN = planPrefilter([REPORT_PREFILTER], EVENT_NEEDLES);

/** The CLI bundle carries HOT_PLAN's tables, computed at build time (scripts/build-cli.mjs); sources compute them. */
declare const __OOPSCOPE_HOT_PREFILTER_TABLES__: PrefilterTables | undefined;
const BUILT_HOT_TABLES = typeof __OOPSCOPE_HOT_PREFILTER_TABLES__ === "undefined" ? undefined : __OOPSCOPE_HOT_PREFILTER_TABLES__;
export const HOT_PREFILTER = new LiteralPrefilter(HOT_PLAN, true, BUILT_HOT_TABLES);

/**
 * A paste's wrap can cut a needle in two (`pcieport 0000:00:1c.5: AER: Corrected` / `error received: id=00e5`,
 * `neighbour: arp_cache: neighbor table` / `overflow!`): neither line holds it and no window would open, though
 * joinWrappedLines would put the message back together inside one. So the end of a prefixed line (or of a prefix-less
 * piece wrapped from it) and the start of a prefix-less line after it are searched as one text, joined with the space a word wrap took and as they are (a hard
 * wrap took none), when neither line holds a needle of its own. Needles are at most this long: any needle across the
 * cut lies within that many bytes of it on either side.
 */
/** A prefixed line and the prefix-less pieces after it that a wrap may have cut from it (as joinWrappedLines joins). */
const MAX_WRAPPED_PIECES = MAX_CONTINUATIONS;
/**
 * How far into an input without prefixes every line is read as a possible wrap piece: a paste (`kubectl describe`, a
 * stampless dmesg) is short; a machine's log without prefixes (a tag-only syslog export) is long and unwrapped, and
 * checking each of its lines doubled its scan.
 */
const PREFIXLESS_PASTE_LINES = 20_000;
const WRAP_REACH = Math.max(...HOT_PLAN.needles.map((n) => n.literal.length), 1);
/** Its own automaton: HOT_PREFILTER's line ends are a view of its memory, read while the chunk is walked. */
let wrapPrefilter: LiteralPrefilter | undefined;
const wrapText = new Uint8Array(4 * WRAP_REACH + 3);
const WORD_BYTE = new Uint8Array(256);
for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz") WORD_BYTE[c.charCodeAt(0)] = 1;
/**
 * The pairs of bytes a needle holds side by side (`HARD_CUT`), or on either side of one of its spaces (`WORD_CUT`):
 * a needle runs across a cut inside it only if the line before ends and the line starts with such a pair. A cut at
 * a needle's edge is its own test: a needle that starts with a space (` error received`) cut there starts the
 * line with the rest (`EDGE_HEADS`); one that ends with a space (`Read of size `) or goes on in its confirmation
 * (`PID: `) cut there ends the line before (`EDGE_TAILS`). Most lines after a prefixed one (JSON objects, `\tat`
 * Java frames) are passed over without a search.
 */
const HARD_CUT = 1;
const WORD_CUT = 2;
const CUT_PAIRS = new Uint8Array(65536);
/** By their first (heads) and last (tails) byte. */
const EDGE_HEADS: Uint8Array[][] = Array.from({ length: 256 }, () => []);
const EDGE_TAILS: Uint8Array[][] = Array.from({ length: 256 }, () => []);
const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
for (const { literal, confirm } of HOT_PLAN.needles) {
  const at = (i: number) => literal.charCodeAt(i) & 0xff;
  for (let i = 1; i < literal.length; i++) {
    CUT_PAIRS[(at(i - 1) << 8) | at(i)] |= HARD_CUT;
    if (literal[i] === " " && i + 1 < literal.length) CUT_PAIRS[(at(i - 1) << 8) | at(i + 1)] |= WORD_CUT;
  }
  if (literal.length > 1 && literal[0] === " ") EDGE_HEADS[at(1)].push(latin1Bytes(literal.slice(1)));
  const trimmed = literal.trimEnd();
  if (trimmed.length > 0 && (confirm || trimmed !== literal)) EDGE_TAILS[at(trimmed.length - 1)].push(latin1Bytes(trimmed));
}

function endsWithBytes(bytes: Uint8Array, start: number, end: number, literal: Uint8Array): boolean {
  if (end - literal.length < start) return false;
  for (let k = 0, p = end - literal.length; k < literal.length; k++) if (bytes[p + k] !== literal[k]) return false;
  return true;
}

/** The cut between a line ending at bytes[end) (its trailing spaces at `trimmed`) and `first` may be inside a needle. */
function mayCutNeedle(prev: Uint8Array, prevStart: number, trimmed: number, prevEnd: number, bytes: Uint8Array, pos: number, end: number): boolean {
  const first = bytes[pos];
  if (CUT_PAIRS[(prev[prevEnd - 1] << 8) | first] & HARD_CUT || CUT_PAIRS[(prev[trimmed - 1] << 8) | first] & WORD_CUT) return true;
  for (const head of EDGE_HEADS[first]) if (startsWithBytes(bytes, pos, end, head)) return true;
  for (const tail of EDGE_TAILS[prev[trimmed - 1]]) if (endsWithBytes(prev, prevStart, trimmed, tail)) return true;
  return false;
}

/**
 * A line a paste's wrap leaves its prefix on: a host's syslog or journal prefix (`hostStart`; a journal export's
 * field keeps the host before it), or a dmesg stamp or
 * `<N>` level, after a mail quote's `> ` (the prefix-less rest of a wrapped line has neither).
 */
function isPrefixed(bytes: Uint8Array, pos: number, eol: number, hostStart: number): boolean {
  if (hostStart >= 0 || hostStart === PEEK.KEEPS_HOST) return true;
  const end = Math.min(eol, pos + 8);
  let p = pos;
  while (p < end && (bytes[p] === 62 || bytes[p] === 32)) p++;
  if (p < eol && (bytes[p] === 91 || bytes[p] === 60)) return stampAfterBracket(bytes, p + 1, eol);
  if (isoStampAt(bytes, p, eol)) return true;
  // grep -r's `./kern.log:` before a host-less ISO line (`2024-06-20 09:42:14 notice kernel: …`).
  const limit = Math.min(eol, p + 64);
  for (let q = p; q < limit; q++) {
    const c = bytes[q];
    if (c === 58) return q > p && isoStampAt(bytes, q + 1, eol);
    if (c === 32) return false;
  }
  return false;
}

/** A `[`/`<` that opens a dmesg stamp or console level, not a shell prompt's `[root@node1 ~]#` (an `@` before the `]`). */
function stampAfterBracket(bytes: Uint8Array, p: number, eol: number): boolean {
  const limit = Math.min(eol, p + 64);
  for (let q = p; q < limit; q++) {
    if (bytes[q] === 64) return false;
    if (bytes[q] === 93 || bytes[q] === 62) return true;
  }
  return true;
}

/** `YYYY-MM-DD` then `T` or a space and two digits at bytes[p]: a host-less ISO stamp (the byte peek names no host). */
function isoStampAt(bytes: Uint8Array, p: number, eol: number): boolean {
  if (p + 13 > eol) return false;
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12]) if (bytes[p + k] < 48 || bytes[p + k] > 57) return false;
  return bytes[p + 4] === 45 && bytes[p + 7] === 45 && (bytes[p + 10] === 84 || bytes[p + 10] === 32);
}

/**
 * Whether a needle lies across the cut between the end of bytes[prevStart, prevEnd) (the line before) and the start
 * of bytes[pos, end) (see WRAP_REACH). The tail starts at a word start: a needle that must start a word (`\bBUG`)
 * is not found in the middle of one (`DEBUG`).
 */
function needleAcrossWrap(prev: Uint8Array, prevStart: number, prevEnd: number, bytes: Uint8Array, pos: number, end: number): boolean {
  if (pos >= end) return false;
  let to = prevEnd;
  while (to > prevStart && prev[to - 1] === 32) to--;
  if (to === prevStart) return false;
  // A continuation the kernel (or a paste) indented under its line (`… Marking clocksource` + `               'tsc-early'
  // as unstable`) reads as a word wrap from its first word.
  let word = pos;
  while (word < end && word - pos < WRAP_REACH && bytes[word] === 32) word++;
  if (!mayCutNeedle(prev, prevStart, to, prevEnd, bytes, pos, end) && (word === pos || !mayCutNeedle(prev, prevStart, to, prevEnd, bytes, word, end))) return false;
  let from = Math.max(prevStart, prevEnd - WRAP_REACH);
  while (from > prevStart && from < prevEnd && WORD_BYTE[prev[from - 1]] && WORD_BYTE[prev[from]]) from++;
  if (to < from) to = from;
  const headEnd = Math.min(end, pos + WRAP_REACH);
  let n = 0;
  // `tail head` (word wrap), then `tail` with its trailing spaces and `head` glued (hard wrap).
  for (let i = from; i < to; i++) wrapText[n++] = prev[i];
  wrapText[n++] = 32;
  for (let i = word; i < Math.min(end, word + WRAP_REACH); i++) wrapText[n++] = bytes[i];
  wrapText[n++] = 10;
  for (let i = from; i < prevEnd; i++) wrapText[n++] = prev[i];
  for (let i = pos; i < headEnd; i++) wrapText[n++] = bytes[i];
  wrapPrefilter ??= new LiteralPrefilter(HOT_PLAN, true, HOT_PREFILTER.tables());
  return wrapPrefilter.scan(wrapText, 0, n).hits.length > 0;
}

/**
 * A needle only rules that fold without a window use, the longer needles that start with it, and the rules that
 * carry it (in table order).
 */
type FoldNeedle = { bytes: Uint8Array; longer: Uint8Array[]; rules: ProblemEventRule[]; /** 1 << (its index % 31) */ bit: number };

/**
 * The needles whose hits alone make a line a candidate for folding without a window (`foldsWithoutWindow`): no other
 * needle starts where they do (a shorter one would hide behind the same hit) and none is used by another rule.
 */
function foldOnlyNeedles(plan: PrefilterPlan): FoldNeedle[] {
  if (plan.residual.length > 0) return [];
  const simpleRules = PROBLEM_EVENT_RULES.filter(foldsWithoutWindow);
  const simple = new Set(simpleRules.map((r) => r.needle));
  const eventsNotReports = new Set(simpleRules.filter((r) => r.eventNotReport).map((r) => r.needle));
  const others = new Set([
    ...PROBLEM_EVENT_RULES.filter((r) => !foldsWithoutWindow(r)).map((r) => r.needle),
    ...OTHER_EVENT_NEEDLES,
    // The report patterns' literals as the plan found them (planning them again was ~2% of a one-line start-up).
    ...plan.patternLiterals.filter((literal) => !eventsNotReports.has(literal)),
  ]);
  const toBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const out: FoldNeedle[] = [];
  for (const literal of simple) {
    if (others.has(literal) || [...others].some((o) => literal.startsWith(o))) continue;
    out.push({
      bytes: toBytes(literal),
      longer: [...others].filter((o) => o.startsWith(literal)).map(toBytes),
      rules: PROBLEM_EVENT_RULES.filter((r) => r.needle === literal),
      bit: 1 << (out.length % 31),
    });
  }
  return out;
}
const FOLD_NEEDLES = foldOnlyNeedles(HOT_PLAN);
/** `FOLD_NEEDLES` by their first byte, in the same order (a hit is compared with the few that can start there). */
const FOLD_NEEDLES_BY_BYTE: FoldNeedle[][] = Array.from({ length: 256 }, (_, b) => FOLD_NEEDLES.filter((n) => n.bytes[0] === b));
/**
 * The `bit`s of the fold-only needles the last `onlyFoldNeedlesAt` found (when it found only such needles): a set
 * that holds at least the line's event needles (two needles of one bit share it), for `rulesOfFoldBits`.
 */
let foldNeedleBits = 0;

/** `onlyFoldNeedlesAt`: the line has other needles, or several different fold-only ones. */
const NOT_FOLD_ONLY = 0;
const SEVERAL_FOLD_NEEDLES = 1;

/**
 * Whether every prefilter hit in hits[from, to) is a fold-only needle (see `foldOnlyNeedles`): the one needle found
 * at every hit, `SEVERAL_FOLD_NEEDLES` when they differ, `NOT_FOLD_ONLY` when some hit is not a fold-only needle.
 * Every needle occurrence in the line's bytes is a hit, so the needle returned is the only event needle they hold.
 */
function onlyFoldNeedlesAt(bytes: Uint8Array, hits: readonly number[], from: number, to: number, eol: number): FoldNeedle | typeof NOT_FOLD_ONLY | typeof SEVERAL_FOLD_NEEDLES {
  if (from >= to) return NOT_FOLD_ONLY;
  let only: FoldNeedle | undefined;
  let several = false;
  let bits = 0;
  for (let h = from; h < to; h++) {
    const p = hits[h];
    let found: FoldNeedle | undefined;
    const candidates = FOLD_NEEDLES_BY_BYTE[bytes[p]];
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      if (!startsWithBytes(bytes, p, eol, n.bytes)) continue;
      bits |= n.bit;
      if (found === undefined) {
        const longer = n.longer;
        for (let j = 0; j < longer.length; j++) if (startsWithBytes(bytes, p, eol, longer[j])) return NOT_FOLD_ONLY;
        found = n;
      } else {
        // Two fold-only needles, one the start of the other, both occur here.
        several = true;
      }
    }
    if (!found) return NOT_FOLD_ONLY;
    if (only !== undefined && only !== found) several = true;
    only = found;
  }
  foldNeedleBits = bits;
  return several ? SEVERAL_FOLD_NEEDLES : only!;
}
/** Text that continues a report: frames, registers, module lists, Go traces. */
const REPORT_CONTINUATION =
  // ARM's raw stack dump (`Stack: (0xe0728008 to 0xe072a000)`, then `8900: 0a1414ac 01001eac …`) runs for hundreds of
  // lines between the registers and the `Backtrace:`.
  /\+0x[0-9a-f]+\/0x|Stack: \(0x|(?:^|\s)[0-9a-f]{4}: [0-9a-f]{8}(?: [0-9a-f]{8}){3,7}\s*$|Call [Tt]race|RIP: |Code: |Modules linked in|Hardware name|CPU: \d+ PID|\bR[A-Z0-9]{2}: [0-9a-f]{8}|goroutine \d+ \[|\.go:\d+ \+0x|<\/?(?:IRQ|NMI|TASK|EOI)>|---\[ |^\s*#\d+ \[|\[exception RIP|Mem-Info|\bslabs: |cache: /;

export type RawBoot = {
  lineNo: number;
  host?: string;
  banner?: string;
  release?: string;
  build?: string;
  commandLine?: string;
  detectedBy: "banner" | "uptime-reset" | "file-start";
  time?: number;
  /** The previous line of the same host before the boot: its time gives the downtime. */
  previousTime?: number;
};

export type RawEvent = {
  rule: ProblemEventRule;
  line: LogLine;
  match: RegExpExecArray;
  details: Record<string, string | number | boolean>;
  endLine: number;
  /** Release, task and taint of the report the event ends or starts (`reportStart`, `reportFollows`). */
  meta?: ReportMetadata;
  /** Title and fold key sharpened from the report's lines (`ProblemEventRule.refine`). */
  title?: string;
  groupKey?: string;
  /** The lines printed just before it (same host), for KB `nearby` rules: set on a run's first occurrence only. */
  context?: string[];
};

/** Whether bytes[from, to) are only blanks. */
function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (bytes[p] !== 32 && bytes[p] !== 9 && bytes[p] !== 13) return false;
  return true;
}

/** Bytes of a plain RFC 3164 stamp before the space that follows it (`Aug 13 15:59:23`). */
const STAMP_BYTES = 15;

/**
 * The fold-only line being walked, for `foldRepeat` and `foldByPrefix`: bytes[pos, lineEnd) without its CR, `several`
 * when its prefilter hits are different fold-only needles, and its host's accumulator.
 * One object reused for every such line.
 */
type LineAt = {
  bytes: Uint8Array;
  pos: number;
  lineEnd: number;
  several: boolean;
  /** `foldNeedleBits` of the line. */
  needleBits: number;
  host: HostAccumulator | undefined;
};

/** How far back an event's `reportStart` line may be (an OOM report's memory dump runs to a few hundred lines). */
const EVENT_REPORT_LINES = 400;

export type RawInfo = { line: LogLine; label: string; ruleId: string };

export type HostAccumulator = {
  name: string;
  /** The name's bytes (one per char) and their hash as the line walk computes it: a line's host is matched in place. */
  nameBytes: Uint8Array;
  /** The name's bytes four at a time (little-endian), compared with a DataView of the line (its tail bytes one by one). */
  nameWords: Int32Array;
  nameHash: number;
  lines: number;
  firstRaw?: string;
  lastRaw?: string;
  /** The host's last line, bytes[lastStart, lastEnd) of its chunk while the walk is in it, then a copy (decoded at the end). */
  lastBytes: Uint8Array | undefined;
  /** The host's own copy of its last line once the walk left its buffer (reused: no allocation per buffer). */
  ownBytes?: Uint8Array;
  lastStart: number;
  lastEnd: number;
  /** The uptime of the host's last syslog line with one (` kernel: [ 12.3]`), -1 before: its going back is a reboot. */
  prevUptime: number;
};

export type ScanResult = {
  name: string;
  stats: IngestStats;
  formats: Map<LineFormat, number>;
  assumedYear?: number;
  reports: Finding[];
  /** Problem events folded while streaming (see events/event-folds.ts), in the order of their first occurrence. */
  eventRuns: EventRun<RawEvent>[];
  /** Events shown on the timeline only (`timelineOnly`), every occurrence. */
  events: RawEvent[];
  infos: RawInfo[];
  boots: RawBoot[];
  /** Agent (user-space) lines that were inside windows: the timeline shows those near findings. */
  agentLines: LogLine[];
  /** Releases stated outside banners and reports (`uname -r`, kubectl's KERNEL-VERSION), in line order. */
  releaseHints: ReleaseHint[];
  /** Component versions seen (`cilium-agent` → `1.15.0`), with the line they were seen at, per host. */
  componentVersions: Array<{ host?: string; component: string; version: string; lineNo: number }>;
  hosts: Map<string, HostAccumulator>;
  /** Per-line parse of the first/last line of each host (times for the host summary). */
  parseForTime: (raw: string) => LogLine;
  /** Rules that threw inside a window (the window, or the one report, was skipped). */
  warnings: IncidentWarning[];
};

const AGENT_PROGRAM = /^(?:kubelet|containerd|dockerd|docker|cilium-agent|cilium|calico-node|calico|kube-proxy|crio|flanneld|runc|containerd-shim.*|k3s|rke2)$/;
/** `AGENT_PROGRAM` per program name: a log names a few programs on every line. */
const isAgentProgram = memoByText((program: string) => AGENT_PROGRAM.test(program), { maxEntries: 256, maxTextLength: 64 });
const BANNER = /Linux version (\S+) \((.*?)\)\s+(#.*)$/;
const BANNER_LOOSE = /Linux version (\S+)(?: (.*))?$/;
const COMMAND_LINE = /^(?:Kernel )?[Cc]ommand line: (.*)$/;

const WALL_PREFIX = Uint8Array.from("Message from syslogd@", (c) => c.charCodeAt(0));

/**
 * `hot` of a window's lines after joinWrappedLines: a joined line is hot when any of its physical lines was, and
 * always when it was joined (a needle may straddle the wrap, found in neither half).
 */
function hotOfJoined(lines: readonly LogLine[], hot: readonly boolean[], start: number): boolean[] {
  const out: boolean[] = new Array(lines.length);
  for (let k = 0; k < lines.length; k++) {
    const from = lines[k].lineNo - start;
    const to = k + 1 < lines.length ? lines[k + 1].lineNo - start : hot.length;
    out[k] = to - from > 1 || hot[from];
  }
  return out;
}

/** The lines of the report that `parsed[end]` closes, from its first line (or, `cut`, what is left of it). */
type EventReport = { texts: string[]; cut: boolean };

/**
 * The report that `parsed[end]` closes: from the nearest `start` line of the same host before it; else, when the
 * rule knows how such a report looks with its first line cut (`ReportStart.cut`), from the nearest cut start whose
 * lines up to the event show the report's own evidence.
 */
function eventReport(parsed: readonly LogLine[], end: number, start: ReportStart): EventReport | undefined {
  const host = parsed[end].host;
  const from = (k: number) => {
    const texts: string[] = [];
    for (let j = k; j <= end; j++) if (parsed[j].host === host) texts.push(parsed[j].text);
    return texts;
  };
  for (let k = end; k >= 0 && end - k <= EVENT_REPORT_LINES; k--) {
    if (parsed[k].host === host && start.pattern.test(parsed[k].text)) return { texts: from(k), cut: false };
  }
  const cut = start.cut;
  if (!cut) return undefined;
  const cutFrom = (startLine: RegExp): EventReport | undefined | null => {
    for (let k = end; k >= 0 && end - k <= EVENT_REPORT_LINES; k--) {
      if (parsed[k].host !== host || !startLine.test(parsed[k].text)) continue;
      const texts = from(k);
      if (cut.preamble && !texts.slice(1, -1).every((t) => cut.preamble!.test(t))) return undefined;
      return texts.some((t) => cut.evidence.test(t)) ? { texts, cut: true } : undefined;
    }
    return null;
  };
  const fromStart = cutFrom(cut.start);
  if (fromStart !== null) return fromStart;
  const fromLater = cut.laterStart ? cutFrom(cut.laterStart) : null;
  if (fromLater !== null) return fromLater;
  return cut.stackStart ? (cutFrom(cut.stackStart) ?? undefined) : undefined;
}

/**
 * Whether the line before `parsed[at]` of the same host and program matches `pattern`. Another program's line in
 * between (systemd's `[  OK  ] Started …` on a serial console, a daemon's syslog line) was written by another
 * writer at the same moment: it does not separate two kernel lines.
 */
function rightAfter(parsed: readonly LogLine[], at: number, pattern: RegExp): boolean {
  const { host, program } = parsed[at];
  for (let k = at - 1; k >= 0; k--) if (parsed[k].host === host && parsed[k].program === program) return pattern.test(parsed[k].text);
  return false;
}

/**
 * A wall message's body is a copy of an emergency line syslogd (or systemd-journald) also wrote to the log: when the
 * window holds that line (same host and text, same [uptime] or the same second), the copy is no report of its own —
 * read alone it is a headless `invalid opcode` or `Internal error` beside the full report it belongs to. A host-less
 * line counts as the wall's host: a console paste names none, the window's host-less kernel lines are its sole host's.
 */
function isWallCopy(wall: LogLine, lines: readonly LogLine[]): boolean {
  return lines.some(
    (l) =>
      l !== wall &&
      !isWallLine(l) &&
      (l.host === wall.host || l.host === undefined) &&
      l.text === wall.text &&
      (l.uptime !== undefined && wall.uptime !== undefined ? l.uptime === wall.uptime : l.time === undefined || wall.time === undefined || Math.abs(l.time - wall.time) <= WALL_COPY_MAX_MS),
  );
}
function isWallLine(l: LogLine): boolean {
  return l.format === "syslogd-wall" || l.format === "journald-wall";
}
/** syslogd stamps the wall banner and the log line from the same message: the same second, give or take one. */
const WALL_COPY_MAX_MS = 2000;

/**
 * The one host the kernel lines of a window name (host-less lines aside), or undefined when none or several. Only lines
 * a format names as the kernel's count: a prose line that happens to read as `date word …` names no host. A journal
 * entry's own fields count too: an export's `_HOSTNAME=` comes after its `MESSAGE=`, so a window of one entry names
 * its host only there.
 */
function soleHost(lines: readonly LogLine[]): string | undefined {
  let host: string | undefined;
  for (const l of lines) {
    if ((l.program !== "kernel" && l.program !== "journal") || l.host === undefined) continue;
    if (host === undefined) host = l.host;
    else if (host !== l.host) return undefined;
  }
  return host;
}

/** A report's facts (`ProblemEventRule.reportFacts`) where the event's own line and `refine` set nothing. */
function addFacts(details: Details, facts: Details): void {
  for (const key in facts) if (!(key in details)) details[key] = facts[key];
}

/** `panic: …` / `fatal error: …` behind an unknown prefix of at most a few words. */
const PREFIXED_GO_PANIC = /^(\S+(?: \S+){0,3} )(?:panic|fatal error): \S/;
/** Lines of a Go dump that carry the prefix its first line had. */
const GO_DUMP_MAX_LINES = 2000;

/** parsed[from…] with `prefix` taken off the lines that start with it (up to the first that does not, blank lines aside). */
function withoutPrefix(parsed: readonly LogLine[], from: number, prefix: string): LogLine[] {
  const out: LogLine[] = [];
  const bare = prefix.trimEnd();
  for (let k = from; k < parsed.length && out.length < GO_DUMP_MAX_LINES; k++) {
    const l = parsed[k];
    if (l.text.startsWith(prefix)) out.push({ ...l, text: l.text.slice(prefix.length) });
    else if (l.text === bare) out.push({ ...l, text: "" });
    else break;
  }
  return out;
}

/** The texts of up to `count` lines from `parsed[from]` on that share its host. */
function sameHostLines(parsed: readonly LogLine[], from: number, count: number): string[] {
  const host = parsed[from].host;
  const out: string[] = [];
  for (let k = from; k < parsed.length && out.length < count; k++) if (parsed[k].host === host) out.push(parsed[k].text);
  return out;
}

/**
 * Events of this window that start a report another event of the window ends (`endedBy`):
 * the ending event is the finding, the start was only its first line.
 */
function dropEndedEvents(events: RawEvent[]): void {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    const enders = e.rule.endedBy;
    if (!enders) continue;
    const reach = e.line.lineNo + EVENT_REPORT_LINES;
    const ended = events.some((x, j) => j > k && enders.includes(x.rule.id) && x.line.host === e.line.host && x.line.lineNo <= reach);
    if (ended) events.splice(k, 1);
  }
}

/**
 * Events of this window that are later lines of a report whose first line is an earlier event of the window
 * (`continues`, same host and fold key): that first line is the finding.
 */
function dropContinuingEvents(events: RawEvent[]): void {
  // One pass in line order: the latest start per rule, host and fold key (a storm of report lines stays linear).
  const startedAt = new Map<string, number>();
  const keyOf = (id: string, e: RawEvent) => `${id}\u0000${e.line.host ?? ""}\u0000${e.groupKey ?? e.rule.groupKey?.(e.match) ?? ""}`;
  // `continuesAnyKey`: the latest start per rule and host, whatever its fold key.
  const anyKeyOf = (id: string, e: RawEvent) => `${id}\u0000${e.line.host ?? ""}`;
  let kept = 0;
  for (const e of events) {
    if (CONTINUED_RULES.has(e.rule.id)) {
      startedAt.set(keyOf(e.rule.id, e), e.line.lineNo);
      startedAt.set(anyKeyOf(e.rule.id, e), e.line.lineNo);
    }
    const starts = e.rule.continues;
    const keyFor = e.rule.continuesAnyKey ? anyKeyOf : keyOf;
    const continued = starts?.some((id) => (startedAt.get(keyFor(id, e)) ?? -Infinity) >= e.line.lineNo - EVENT_REPORT_LINES);
    if (!continued) events[kept++] = e;
  }
  events.length = kept;
}
/** Rules some other rule `continues`: their events are remembered as report starts. */
const CONTINUED_RULES: ReadonlySet<string> = new Set(PROBLEM_EVENT_RULES.flatMap((r) => r.continues ?? []));

/**
 * The first problem-event rule the line matches (the table's order decides between rules); `rules`: a part of the
 * table, in its order, that holds every rule whose needle the line can contain.
 */
function firstEventRule(l: { text: string; program?: string }, rules: readonly ProblemEventRule[] = PROBLEM_EVENT_RULES): { rule: ProblemEventRule; match: RegExpExecArray } | undefined {
  // A line no format row read keeps its indentation (a Markdown code block, a mail quote's indent): the event is the
  // same message, and the table's rules are anchored at the message's start.
  const text = l.text.charCodeAt(0) === 32 || l.text.charCodeAt(0) === 9 ? l.text.trimStart() : l.text;
  for (const rule of rules) {
    if (!text.includes(rule.needle)) continue;
    if (rule.program && !(l.program && rule.program.test(l.program))) continue;
    const match = rule.pattern.exec(text);
    if (match && !gluedToWord(text, match.index)) return { rule, match };
  }
  return undefined;
}

/**
 * A line whose exact repeat in the same window is a second copy, not a second message: it carries the kernel's
 * microsecond stamp (`[ 1234.567890] `, after any syslog prefix), which two records never share with the same text.
 * Lines stamped to the second (syslog, `dmesg -T`) repeat for real (`table full, dropping packet`), and so do a
 * coarse clock's (`[  259.670000]`: jiffies-based printk time on OpenRISC and old boards ticks in 1–10 ms), so a
 * stamp ending in `000` proves nothing. Nor does a separator (`=====`: KASAN's first and last lines, one stamp in
 * reports whose stamps were rewritten), whose first word holds no letter or digit.
 */
const COPYABLE_STAMP = /^[^[]{0,80}\[\s*\d+\.\d{3}(?!000)\d{3}\] \S*[A-Za-z0-9]/;
function isCopyableLine(line: string): boolean {
  // The regex's necessary start, checked natively first: most window lines of a storm carry no kernel stamp at all.
  const open = line.indexOf("[");
  if (open < 0 || open > 80) return false;
  let p = open + 1;
  while (line.charCodeAt(p) === 32 || (line.charCodeAt(p) >= 9 && line.charCodeAt(p) <= 13)) p++;
  const c = line.charCodeAt(p);
  return c >= 48 && c <= 57 && COPYABLE_STAMP.test(line);
}

/** Prefix-less pieces a wrap may have cut one message into, before or after its hot piece (a long cgroup path alone). */
const MAX_EVENT_PIECES_BEFORE = 3;
const MAX_EVENT_PIECES_AFTER = 3;

/**
 * Whether a wrap may have cut the prefixed line `head` before the prefix-less `next`: it is long, or the next piece's
 * first word would not have fitted beside it (a word wrap puts a cgroup path longer than the width on a line of its
 * own, leaving `[Wed Feb 19 06:41:03 2025] Task in` short).
 */
function mayBeWrapped(head: LogLine, next: LogLine | undefined): boolean {
  if (head.raw.length >= MIN_WRAPPED_LINE_LENGTH) return true;
  const word = next ? /^\s*(\S+)/.exec(next.raw)?.[1] : undefined;
  return word !== undefined && head.raw.length + 1 + word.length > MIN_WRAP_WIDTH;
}

/**
 * A one-line event a paste wrapped where joinWrappedLines could not tell the window was wrapped (one wrapped line in
 * it, or lines of uneven widths: the width is unknown), read with the pieces it was cut into, joined as a word wrap
 * (with the space it took) or a hard one (glued):
 * - the prefix-less line at `i` that holds the needle, or the rest of a needle the cut split (`eno1: Det` + `ected
 *   Hardware Unit Hang:`), with the prefixed line it was cut from and the prefix-less lines after it
 *   (`… unregister_netdevice: waiting for eth0` + `to become free. Usage count = 21`). A word wrap at 72 columns
 *   cuts a memcg OOM line into a piece per word around a cgroup path longer than the width (`…kernel: Task in` /
 *   `/kubepods/…` / `killed as a result of limit of` / `/kubepods/…`): the pieces between count too. The prefixed
 *   line counts only when it was no event of its own; the event is then its line (host, time and number);
 * - the prefixed line at `i` that holds the needle, with the prefix-less lines after it (`memory: usage 1048576kB,
 *   limit 1048576kB,` + `failcnt 34667727`).
 * A line after counts only when it is no event of its own.
 */
function eventAcrossWrap(
  lines: readonly LogLine[],
  i: number,
  linesHot: readonly boolean[],
): { line: LogLine; found: { rule: ProblemEventRule; match: RegExpExecArray }; last: number } | undefined {
  const l = lines[i];
  let head = -1;
  if (l.format !== "plain") head = i;
  else {
    let h = i - 1;
    while (h >= 0 && i - h <= MAX_EVENT_PIECES_BEFORE && lines[h].format === "plain" && !linesHot[h]) h--;
    // A head with a needle of its own counts when it is no event alone (`kernel: Tasks` + `in` hit the needle
    // across the cut, and its message goes on past the path).
    if (h >= 0 && lines[h].format !== "plain" && mayBeWrapped(lines[h], lines[h + 1]) && (!linesHot[h] || !firstEventRule(lines[h]))) head = h;
    // A log without prefixes: the line before, as long as a terminal's width, may be the message's first piece
    // (` overlayfs: filesystem on '/…/opaque-bug-check10` + `5060867/l3' not supported as upperdir`).
    else if (i > 0 && lines[i - 1].format === "plain" && !linesHot[i - 1] && lines[i - 1].raw.length >= MIN_WRAP_WIDTH) head = i - 1;
  }
  // The lines after go on with the message only when they are no event of their own: a log without prefixes holds
  // one message a line (`AER: Correctable error received from …` is followed by its own `PCIe Bus Error:` line), but a
  // piece may hold a needle (`'tsc-early' as unstable because the skew is too large:` after `… Marking clocksource`).
  // Past the first, only in a prefixed log's (a prefixed head): there a prefix-less line can only be a piece.
  let after = 0;
  const maxAfter = head >= 0 && lines[head].format !== "plain" ? MAX_EVENT_PIECES_AFTER : 1;
  const isPiece = (k: number) => lines[k].format === "plain" && (!linesHot[k] || !firstEventRule(lines[k]));
  while (after < maxAfter && i + after + 1 < lines.length && isPiece(i + after + 1)) after++;
  if (head === i && !mayBeWrapped(l, lines[i + 1])) after = 0;
  if (head < 0 && l.raw.length < MIN_WRAPPED_LINE_LENGTH) after = 0;
  const tries: [number, number][] = [];
  if (head >= 0) for (let last = head === i ? i + 1 : i; last <= i + after; last++) tries.push([head, last]);
  if (head !== i) for (let last = i + 1; last <= i + Math.min(after, 1); last++) tries.push([i, last]);
  for (const [first, last] of tries) {
    for (const glue of [" ", ""]) {
      let text = lines[first].text;
      for (let k = first + 1; k <= last; k++) text = glue ? `${text.trimEnd()} ${lines[k].text.trimStart()}` : text + lines[k].text;
      const line = { ...lines[first], text };
      const found = firstEventRule(line);
      if (found) return { line, found, last };
    }
  }
  return undefined;
}

/** The first info rule a text matches; `mayHaveNeedles`: the text may hold needles (else only needle-less rules can). */
function infoRuleOf(text: string, mayHaveNeedles: boolean): { rule: (typeof INFO_EVENT_RULES)[number]; match: RegExpExecArray } | undefined {
  for (const rule of INFO_EVENT_RULES) {
    if (rule.needle && !(mayHaveNeedles && text.includes(rule.needle))) continue;
    const match = rule.pattern.exec(text);
    if (match) return { rule, match };
  }
  return undefined;
}

/**
 * The rules that can match a line whose prefilter hits are all fold-only needles, several different ones (`bits`,
 * `foldNeedleBits` of the line): those of its needles, in table order (a rule of any other needle cannot match, its
 * needle is not in the line; the needles that only share a bit with them add rules that cannot match either).
 * Memoised per set.
 */
const RULES_OF_NEEDLE_BITS = new Map<number, readonly ProblemEventRule[]>();
function rulesOfFoldBits(bits: number): readonly ProblemEventRule[] {
  let rules = RULES_OF_NEEDLE_BITS.get(bits);
  if (!rules) {
    const needles = new Set(FOLD_NEEDLES.filter((n) => (bits & n.bit) !== 0).flatMap((n) => n.rules.map((r) => r.needle)));
    rules = PROBLEM_EVENT_RULES.filter((r) => needles.has(r.needle));
    RULES_OF_NEEDLE_BITS.set(bits, rules);
  }
  return rules;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * The kernel prints an event message after a separator (start of text, space, colon, bracket). Glued to a word, it is
 * prose quoting the message (a write-up's "内核日志中持续打印unregister_netdevice: waiting for XXX…").
 */
function gluedToWord(text: string, at: number): boolean {
  return at > 0 && WORD_CHAR.test(text[at - 1]);
}

/** Whether bytes[pos…] starts with `literal` (before `end`). */
function startsWithBytes(bytes: Uint8Array, pos: number, end: number, literal: Uint8Array): boolean {
  if (pos + literal.length > end) return false;
  for (let k = 0; k < literal.length; k++) if (bytes[pos + k] !== literal[k]) return false;
  return true;
}
const WALL_HOST = /^Message from syslogd@(\S+) at /;
const WALL_BODY_START = /^\s*kernel:/;
const GROUP_SEPARATOR = new Uint8Array([45, 45]);

/** The bytes four at a time, as little-endian 32-bit words (the bytes after the last whole word are left out). */
function wordsOf(bytes: Uint8Array): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Int32Array(bytes.length >> 2);
  for (let i = 0; i < words.length; i++) words[i] = view.getInt32(4 * i, true);
  return words;
}

/** Slots of the scanner's recent-host table (a power of two; a fleet log names tens of hosts). */
const HOST_SLOTS = 256;

/** Hash of a host name as the byte peek computes it. */
function hostHash(name: Uint8Array): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name[i]) | 0;
  return hash;
}

/**
 * `ScanResult.parseForTime`, made outside `scanInput`: a closure made there would keep the scan's whole scope alive
 * with the result (the context ring's chunks, the host tables).
 */
function timeParser(ctx: LineContext): (raw: string) => LogLine {
  return (raw) => parseLine(raw, 0, ctx);
}

export type ScanOptions = {
  fileIndex: number;
  limits?: IngestLimits;
  /** Shared by the inputs of one triage: their compressed streams are refused as bombs together too (decompression-budget.ts). */
  decompressionBudget?: DecompressionBudget;
  now?: Date;
  /**
   * Run keys (`runKey`) of the earlier inputs of the same incident that began before any boot, with the texts kept
   * for them: here a first occurrence of one of them, before any boot of this input, is folded without a window too
   * (stage 4 folds it into the earlier input's finding); this input's runs are added at the end (`noteFoldable`).
   */
  foldedBefore?: Map<string, number>;
};

/**
 * The window being filled: its first line number, raw lines and hot flags (see `scanInput`); `meta`, from the window's
 * first journal field line on (`journalctl -o export`/`verbose` print a dozen per message), the count of such lines
 * among `raws[0..i]`: they are no log lines, so neither quiet lines nor window size count them.
 */
type OpenWindow = { start: number; raws: string[]; hot: boolean[]; lastHot: number; settled: number; meta: number[] | undefined };

/** Records whether the window's newest line is a journal field line (called once one has been seen). */
function noteMetadata(w: OpenWindow, metadata: boolean): void {
  if (!w.meta) w.meta = new Array<number>(w.raws.length - 1).fill(0);
  const before = w.meta.length > 0 ? w.meta[w.meta.length - 1] : 0;
  w.meta.push(before + (metadata ? 1 : 0));
}

function metadataUpTo(w: OpenWindow, index: number): number {
  return w.meta && index >= 0 ? w.meta[index] : 0;
}

/** The window's log lines (its journal field lines left out). */
function logLinesOf(w: OpenWindow): number {
  return w.raws.length - metadataUpTo(w, w.raws.length - 1);
}

/** Log lines after the window's last known report text, up to `line` (its newest). */
function quietLinesOf(w: OpenWindow, line: number): number {
  const newest = w.raws.length - 1;
  const lastHotIndex = newest - (line - w.lastHot);
  return line - w.lastHot - (metadataUpTo(w, newest) - metadataUpTo(w, lastHotIndex));
}

/**
 * Brings `w.lastHot` up to date for the window's lines up to `line` (its newest): the newest unsettled line that is
 * report text. In a crash storm hot lines come far more often than every `QUIET_LINES`, so most window lines are
 * never tested.
 */
function settleReportText(w: OpenWindow, line: number): void {
  const newest = w.raws.length - 1;
  for (let k = line; k > w.settled; k--) {
    if (REPORT_CONTINUATION.test(w.raws[newest - (line - k)])) {
      w.lastHot = k;
      break;
    }
  }
  w.settled = line;
}

/** Scans one input; throws IngestError for refused input. */
export async function scanInput(input: TriageInput, stats: IngestStats, options: ScanOptions): Promise<ScanResult> {
  return new InputScanner(input, stats, options).scan();
}

/**
 * The scan of one input. Its state is fields and its walk methods, not closures made per input: the methods are
 * created once, so a many-file triage compiles the walk once (closures made per input were compiled for the first
 * input's context, then again for the second input's closures, and the walk's inlined calls deoptimized on the new
 * closures: "wrong call target"). Also the splitter's sink (`onChunk`, `onLine`).
 */
class InputScanner {
  // Set in the constructor only: `declare` leaves out the class-field definition, which first defined every such
  // field as undefined and then stored it again, and gave the second scanner's object another map than the first's
  // (the walk deoptimized on "wrong map" and was compiled again).
  private declare readonly input: TriageInput;
  private declare readonly stats: IngestStats;
  private declare readonly options: ScanOptions;
  private declare readonly ctx: LineContext;
  private declare readonly timeCtx: LineContext;
  private readonly folds = new EventFolds<RawEvent>();
  /** Per host, the bytes between the stamp and the text of its folded kernel lines (see fold-shortcut.ts). */
  private readonly kernelPrefixes = new Map<HostAccumulator | undefined, KernelPrefix>();
  private readonly lineAt: LineAt = { bytes: new Uint8Array(0), pos: 0, lineEnd: 0, several: false, needleBits: 0, host: undefined };
  private readonly repeats = new RepeatedReports();
  private readonly known = new KnownReports();
  private declare readonly result: ScanResult;
  private declare readonly year: ReturnType<typeof inferYear>;
  private sawSyslogDate = false;

  // Ring buffer of recent lines (context before a trigger), kept as offsets into their chunk: no per-line strings.
  private readonly ringBytes: Uint8Array[] = new Array<Uint8Array>(CONTEXT_LINES);
  private readonly ringStart = new Int32Array(CONTEXT_LINES);
  private readonly ringEnd = new Int32Array(CONTEXT_LINES);
  private lineNo = 0;
  private prevUptime = -1;
  private readonly bannerPrev = new Map<number, string | undefined>();
  private declare readonly maxLine: number;

  /** The line before was a journal entry's own field. */
  private afterMetadata = false;
  /** The line before held a needle; the prefix-less lines since the last prefixed one (see needleAcrossWrap). */
  private prevHot = false;
  private prevWrapped = MAX_WRAPPED_PIECES;
  /**
   * Whether the input had a prefixed line yet. Until then it reads as a log without prefixes (a `kubectl describe`
   * paste, a dmesg without stamps), where any line may be a wrap's piece of the one before it (PREFIXLESS_PASTE_LINES).
   */
  private sawPrefixed = false;
  /** A line with text was read (the first one may be cut: `firstTextLine`). */
  private sawText = false;
  private firstTextLine = 0;
  /**
   * `lastHot`: the window's last line of report text (a hot line, or one `REPORT_CONTINUATION` matches) among its
   * lines up to `settled`; the lines after `settled` are tested only when the window could close (`settleReportText`).
   */
  private window: OpenWindow | undefined = undefined;
  /**
   * Last line of the last window closed by the size cap: a new window's context never reaches back into it (those
   * lines were report text, parsing them twice found reports twice). After a quiet close the context may overlap
   * the old window: its last lines are quiet (no report starts there), and they carry state the next line needs
   * (a `Message from syslogd@host` banner before its ` kernel:` body).
   */
  private lastCappedLine = 0;

  // Per-host bookkeeping without allocating a string per line: the last line of a host is kept as offsets.
  private curHost: HostAccumulator | undefined = undefined;
  /** Host named by a `Message from syslogd@host` banner, for the line after it. */
  private wallHost: string | undefined = undefined;
  /** Host that owns every host-less line after the line that named it (`kubectl debug node/X` output). */
  private stickyHost: HostAccumulator | undefined = undefined;
  /**
   * Hosts by the hash of their name as the line walk computes it (the same objects as `result.hosts`): a line's host
   * is compared in place with the few names of its hash, never sliced into a string (a fleet log names 50 hosts).
   */
  private readonly hostsByHash = new Map<number, HostAccumulator[]>();
  /** The host last found per slot of its hash: one compare, no map lookup, for a line of a host seen before. */
  private readonly recentHosts: Array<HostAccumulator | undefined> = new Array<HostAccumulator | undefined>(HOST_SLOTS).fill(undefined);
  /**
   * Hosts whose last line is in the buffer being walked (the pieces of one read share it). Their line is copied out
   * when the walk moves to another buffer: keeping a view would pin one buffer per host.
   */
  private readonly touched: HostAccumulator[] = [];
  private touchedBuffer: ArrayBufferLike | undefined = undefined;
  /** The line the splitter hands over next lost its bytes past the cap (its carry was cut). */
  private carriedLineCut = false;

  constructor(input: TriageInput, stats: IngestStats, options: ScanOptions) {
    this.input = input;
    this.stats = stats;
    this.options = options;
    const year = inferYear(input.name, { mtime: input.mtime, latestDatedLine: input.latestDatedLine, now: options.now });
    this.year = year;
    this.ctx = createLineContext(options.fileIndex, year.year, year.month, year.monthsAhead);
    this.timeCtx = createLineContext(options.fileIndex, year.year, year.month, year.monthsAhead);
    this.maxLine = options.limits?.maxLineChars ?? 16 * 1024;
    this.result = {
      name: input.name,
      stats,
      formats: new Map(),
      reports: [],
      eventRuns: this.folds.runs,
      events: [],
      infos: [],
      boots: [],
      agentLines: [],
      releaseHints: [],
      componentVersions: [],
      hosts: new Map(),
      parseForTime: timeParser(this.timeCtx),
      warnings: [],
    };
  }

  async scan(): Promise<ScanResult> {
    const { input, stats, options, result, maxLine } = this;
    const splitter = new ByteLineSplitter(maxLine * 4, this);
    for await (const chunk of readByteChunks(input, stats, options.limits, options.decompressionBudget)) splitter.push(chunk);
    splitter.end();
    this.closeWindow();
    stats.lines = this.lineNo;
    for (const acc of result.hosts.values()) {
      acc.lastRaw = this.lastRawOf(acc);
      // The result outlives the scan (a many-file triage keeps every input's until the end): no view of a chunk.
      acc.lastBytes = acc.ownBytes = undefined;
    }
    // An input named after its archive's host gives that name to its host-less lines later (stage 1's
    // nameUnnamedHost): their runs are keyed by it, as the finding will be.
    if (options.foldedBefore && !input.vmcore) this.folds.noteFoldable(options.foldedBefore, input.host);

    // Formats of files without any windowed line: sample the first line of each host.
    if (result.formats.size === 0) {
      for (const acc of result.hosts.values()) {
        if (acc.firstRaw !== undefined) {
          const f = parseLine(acc.firstRaw, 0, this.timeCtx).format;
          result.formats.set(f, (result.formats.get(f) ?? 0) + acc.lines);
        }
      }
    }
    if (this.sawSyslogDate || [...result.hosts.keys()].some((h) => h !== "")) result.assumedYear = this.year.year;
    return result;
  }

  /** A line longer than the splitter's cap, its first bytes only when `cut` (the splitter's sink). */
  onLine(line: Uint8Array, cut: boolean): void {
    const withNl = new Uint8Array(line.length + 1);
    withNl.set(line);
    withNl[line.length] = 10;
    this.carriedLineCut = cut;
    this.onChunk(withNl, 0, withNl.length);
  }

  private closeWindow(): void {
    const w = this.window;
    if (!w) return;
    this.window = undefined;
    const result = this.result;
    const counts = { reports: result.reports.length, infos: result.infos.length };
    try {
      this.processWindow(w.start, w.raws, w.hot);
    } catch (e) {
      // A rule that throws loses this window only: what it half-found is dropped, the failure is recorded.
      result.reports.length = counts.reports;
      result.infos.length = counts.infos;
      result.warnings.push({ stage: "window", source: { file: this.input.name, line: w.start, endLine: w.start + w.raws.length - 1 }, message: errorMessage(e) });
    }
  }

  /**
   * A line whose only needles are those of rules that fold without a window, outside any window: when it repeats an
   * open run (same host and fold key, no boot since), it is counted there and true is returned; else the caller
   * opens a window as for any hot line (the first occurrence keeps its context, agent lines and report).
   */
  private foldRepeat(raw: string, lineNo: number, onlyNeedle: FoldNeedle | undefined, at: LineAt): boolean {
    const { ctx, folds, input, options, result } = this;
    ctx.wall = undefined;
    const l = parseLine(raw, lineNo, ctx);
    const infosBefore = result.infos.length;
    // The only event needle in the raw line is `onlyNeedle`'s; a text that is the end of the raw line holds no other,
    // so only its rules can match (and no needle of an info rule is there).
    const textInRaw = onlyNeedle !== undefined && raw.endsWith(l.text);
    const found = textInRaw ? firstEventRule(l, onlyNeedle.rules) : firstEventRule(l);
    if (!found || !foldsWithoutWindow(found.rule)) return false;
    let key: { title: string; foldKey: string };
    let details: Record<string, string | number | boolean>;
    try {
      key = foldKeyOf(found.rule, found.match);
      details = { ...(found.rule.details?.(found.match) ?? {}) };
    } catch {
      // Not swallowed: the window this line then opens runs the same rule, which throws there and is recorded.
      return false;
    }
    const run = folds.runFor(l.host, key.foldKey, lineNo);
    if (run) folds.repeat(run, l, details);
    else {
      // The earlier inputs' finding keeps their first texts: this run needs only what they leave room for.
      const keptBefore = !folds.sawBoot && !input.vmcore ? options.foldedBefore?.get(runKey(l.host ?? input.host, key.foldKey)) : undefined;
      if (keptBefore === undefined) return false;
      folds.add({ rule: found.rule, line: l, match: found.match, details, endLine: lineNo }, key, Math.max(1, MAX_EVENT_SAMPLES - keptBefore));
    }
    result.formats.set(l.format, (result.formats.get(l.format) ?? 0) + 1);
    if (l.format === "syslog") this.sawSyslogDate = true;
    this.matchInfoRules(l, !textInRaw);
    if (result.infos.length === infosBefore && l.format === "syslog" && l.program === "kernel") {
      const rules = textInRaw && onlyNeedle ? onlyNeedle.rules : onlyNeedle === undefined && at.several ? rulesOfFoldBits(at.needleBits) : undefined;
      if (rules) this.notePrefix(raw, l, at, rules, { rule: found.rule, title: key.title, foldKey: key.foldKey, details });
    }
    return true;
  }

  /**
   * After a kernel line of `at.host` was parsed and folded: notes the bytes between its stamp and its text, when the
   * line is what `foldByPrefix` can read again from bytes (a plain stamp, printable ASCII, the text the end of the
   * line), and the outcome of its text.
   */
  private notePrefix(raw: string, l: LogLine, at: LineAt, rules: readonly ProblemEventRule[], outcome: FoldOutcome): void {
    const { bytes, pos, lineEnd, host } = at;
    const textStart = lineEnd - l.text.length;
    // The text is the line's end, one character per byte; the stamp reads to the same time.
    // The host is the prefix's (a host-less line's would be the `kubectl debug` node's, which can change).
    if (raw.length !== lineEnd - pos || !raw.endsWith(l.text) || textStart <= pos + STAMP_BYTES || l.host === undefined) return;
    const time = syslogStampTime(bytes, pos, lineEnd, this.ctx);
    const hash = time === NOT_A_STAMP || !Object.is(time, l.time) ? NOT_PLAIN : plainTextHash(bytes, textStart, lineEnd);
    if (hash === NOT_PLAIN) return;
    // The prefix (` host kernel: `) is printable ASCII and ends with the tag's space.
    for (let p = pos + STAMP_BYTES; p < textStart; p++) if (bytes[p] < 32 || bytes[p] > 126) return;
    if (bytes[textStart - 1] !== 32) return;
    let entry = this.kernelPrefixes.get(host);
    if (!entry || !prefixAt(entry.prefix, bytes, pos + STAMP_BYTES, textStart) || entry.prefix.length !== textStart - pos - STAMP_BYTES) {
      entry = new KernelPrefix(copyOf(bytes, pos + STAMP_BYTES, textStart), l.host);
      this.kernelPrefixes.set(host, entry);
    }
    entry.remember(l.text, bytes, textStart, lineEnd, rules, outcome);
  }

  /**
   * A fold-only line of a host whose kernel prefix is known (`notePrefix`), outside any window: when its stamp is a
   * plain one, its next bytes are the prefix and its text is plain (`plainTextHash`), it is what `foldRepeat` would
   * parse to that host and program with that text: matched and counted here without decoding or parsing it. False
   * (nothing done) when it is not such a line, or not the repeat of an open run: `foldRepeat` then reads it.
   */
  private foldByPrefix(at: LineAt, lineNo: number, onlyNeedle: FoldNeedle | undefined): boolean {
    const { bytes, pos, lineEnd } = at;
    const entry = this.kernelPrefixes.get(at.host);
    if (entry === undefined) return false;
    const textStart = pos + STAMP_BYTES + entry.prefix.length;
    if (textStart >= lineEnd || !prefixAt(entry.prefix, bytes, pos + STAMP_BYTES, lineEnd)) return false;
    const time = syslogStampTime(bytes, pos, lineEnd, this.ctx);
    if (time === NOT_A_STAMP) return false;
    const rules = onlyNeedle !== undefined ? onlyNeedle.rules : rulesOfFoldBits(at.needleBits);
    // A text kept is plain (it was checked before it was kept).
    let outcome = entry.outcomeAt(bytes, textStart, lineEnd, rules);
    let text = entry.text;
    if (outcome === undefined) {
      const hash = plainTextHash(bytes, textStart, lineEnd);
      if (hash === NOT_PLAIN) return false;
      text = latin1Of(bytes, textStart, lineEnd);
      const found = firstEventRule({ text, program: "kernel" }, rules);
      if (!found || !foldsWithoutWindow(found.rule) || infoRuleOf(text, onlyNeedle === undefined)) return false;
      let key: { title: string; foldKey: string };
      let details: Details;
      try {
        key = foldKeyOf(found.rule, found.match);
        details = { ...(found.rule.details?.(found.match) ?? {}) };
      } catch {
        // Not swallowed: foldRepeat runs the same rule, and the window it then opens records the failure.
        return false;
      }
      outcome = { rule: found.rule, title: key.title, foldKey: key.foldKey, details };
      if (entry.seenBefore(hash)) entry.remember(text, bytes, textStart, lineEnd, rules, outcome);
    }
    // The run a host's key last went to is still its open run unless a boot came since (only a boot starts another).
    let run = entry.runOf(outcome.foldKey) as EventRun<RawEvent> | undefined;
    if (run === undefined || this.folds.bootBetween(run.lastLine, lineNo)) {
      run = this.folds.runFor(entry.host, outcome.foldKey, lineNo);
      if (!run) return false;
      entry.noteRun(outcome.foldKey, run);
    }
    this.ctx.wall = undefined;
    this.folds.repeat(run, { lineNo, time, text }, outcome.details);
    const result = this.result;
    result.formats.set("syslog", (result.formats.get("syslog") ?? 0) + 1);
    this.sawSyslogDate = true;
    return true;
  }

  /** `lineAt`, set to the line bytes[pos, lineEnd) of `host` (its fold-only needles as `onlyFoldNeedlesAt` left them). */
  private lineAtOf(bytes: Uint8Array, pos: number, lineEnd: number, several: boolean, host: HostAccumulator): LineAt {
    const at = this.lineAt;
    at.bytes = bytes;
    at.pos = pos;
    at.lineEnd = lineEnd;
    at.needleBits = foldNeedleBits;
    at.several = several;
    at.host = host;
    return at;
  }

  /** Whether the first line with text reads as a header whose first words were cut (as the window will read it). */
  private mayBeCutHeader(raw: string): boolean {
    return completeCutHeader(raw) !== undefined || completeCutHeader(parseLine(raw, 0, { ...this.timeCtx, wall: undefined }).text) !== undefined;
  }

  private matchInfoRules(l: LogLine, mayHaveNeedles: boolean): void {
    const found = infoRuleOf(l.text, mayHaveNeedles);
    if (found) this.result.infos.push({ line: l, label: found.rule.label(found.match), ruleId: found.rule.id });
  }

  /** `windowHot[i]`: the prefilter found a needle in raws[i] (context lines before the trigger never have one). */
  private processWindow(start: number, raws: string[], windowHot: boolean[]): void {
    const { ctx, result, input, known, bannerPrev, timeCtx, folds, repeats } = this;
    ctx.wall = undefined;
    // Records a paste ran together on one line, split again; each keeps its line's number (split-flattened-lines.ts).
    const split = splitFlattenedLines(raws);
    const lineNoAt = split ? (i: number) => start + split.origin[i] : (i: number) => start + i;
    const piecesHot = split ? split.origin.map((k) => windowHot[k]) : windowHot;
    // A terminal copy's padded rows, run together again before the prefixes are read (unpad-terminal-wraps.ts).
    const lines = unpadTerminalWraps(split ? split.lines : raws);
    let parsed: LogLine[] = new Array(lines.length);
    // A doubled console (serial and netconsole in one capture, two loggers on one stream) prints every line twice, a
    // paste that overlaps itself a few: the copies go, or a hung task's repeated header would start a second report
    // that steals the first's stack. Only lines a copy can be told by (isCopyableLine) are remembered.
    let seen: Set<string> | undefined;
    let copies: Uint8Array | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = parseLine(lines[i], lineNoAt(i), ctx);
      parsed[i] = l;
      result.formats.set(l.format, (result.formats.get(l.format) ?? 0) + 1);
      if (l.format === "syslog") this.sawSyslogDate = true;
      if (!isCopyableLine(lines[i])) continue;
      seen ??= new Set();
      if (!seen.has(lines[i])) seen.add(lines[i]);
      else (copies ??= new Uint8Array(lines.length))[i] = 1;
    }
    const first = this.firstTextLine > 0 && start <= this.firstTextLine ? parsed.findIndex((l) => l.lineNo === this.firstTextLine) : -1;
    if (first >= 0) {
      parsed[first] = repairCutFirstLine(parsed[first], parsed[first + 1], (raw) => parseLine(raw, parsed[first].lineNo, { ...ctx, wall: undefined }));
    }
    let hot = piecesHot;
    if (copies) {
      const keep = (_: unknown, i: number) => copies[i] === 0;
      parsed = parsed.filter(keep);
      hot = piecesHot.filter(keep);
    }
    // Kernel lines, per host, go to the report extractor; the rest is matched line by line. When the window's kernel
    // lines name one host only, its host-less ones are that host's too: a paste that lost the first line's prefix, the
    // first entry of a journal export (its `_HOSTNAME=` comes after its `MESSAGE=`).
    const onlyHost = soleHost(parsed);
    const byHost = new Map<string, LogLine[]>();
    // Reports and events read lines a paste wrapped as the lines they were (join-wrapped-lines.ts).
    const joinedLines = joinWrappedLines(parsed);
    const linesHot = joinedLines === parsed ? hot : hotOfJoined(joinedLines, windowHot, start);
    for (const l of joinedLines) {
      if (l.program !== undefined && l.program !== "kernel") continue;
      if (isWallLine(l) && isWallCopy(l, joinedLines)) continue;
      if (l.host === undefined && onlyHost !== undefined) l.host = onlyHost;
      const key = l.host ?? "";
      let arr = byHost.get(key);
      if (!arr) byHost.set(key, (arr = []));
      arr.push(l);
    }
    const reportsBefore = result.reports.length;
    const bootBetween = (after: number, upTo: number) => folds.bootBetween(after, upTo);
    // A banner in this window notes its boot below, after the reports are read: then `keep` alone decides.
    const bannerHere = windowHot.some((h, i) => h && raws[i].includes("Linux version "));
    const foldsAway = bannerHere ? undefined : (f: Finding, printed: FoldFacts) => repeats.foldsAway(f, printed, bootBetween);
    for (const lines of byHost.values()) {
      for (const f of extractReports(lines, { fileName: input.name, known, foldsAway, onWarning: (w) => result.warnings.push(w) })) result.reports.push(f);
    }
    const found = { reports: result.reports.length };
    const windowEvents: RawEvent[] = [];
    const agentLines: LogLine[] = [];
    for (let i = 0; i < joinedLines.length; i++) {
      const l = joinedLines[i];
      const text = l.text;
      if (l.program !== undefined && isAgentProgram(l.program)) agentLines.push(l);
      // The prefilter's needles include every needle the rules below require: a line it passed over (most of a
      // window) can only match the needle-less rules.
      if (!linesHot[i]) {
        this.matchInfoRules(l, false);
        continue;
      }
      for (const rule of AGENT_VERSION_RULES) {
        if (!text.includes(rule.needle)) continue;
        const m = rule.pattern.exec(text);
        if (m) result.componentVersions.push({ host: l.host, component: rule.component, version: m[1], lineNo: l.lineNo });
      }
      if (text.includes("Linux version ")) {
        const b = BANNER.exec(text) ?? BANNER_LOOSE.exec(text);
        const prevRaw = bannerPrev.get(l.lineNo);
        // xmon prints the crashed kernel's banner under the crashing task's row: no new boot (metadata.ts reads it).
        if (b && /^\d+\.\d+/.test(b[1]) && !(prevRaw !== undefined && XMON_TASK_ROW.test(prevRaw))) {
          const boot: RawBoot = {
            lineNo: l.lineNo,
            host: l.host,
            banner: text.slice(text.indexOf("Linux version ")),
            release: b[1],
            build: b[3] ?? undefined,
            detectedBy: "banner",
            time: l.time,
            previousTime: prevRaw !== undefined ? parseLine(prevRaw, 0, timeCtx).time : undefined,
          };
          // An uptime reset detected on the same boot is the same boot.
          const dup = result.boots.findIndex((x) => x.detectedBy === "uptime-reset" && Math.abs(x.lineNo - l.lineNo) <= 5);
          if (dup >= 0) result.boots.splice(dup, 1);
          if (!result.boots.some((x) => x.lineNo === l.lineNo)) {
            result.boots.push(boot);
            folds.noteBoot(l.lineNo);
          }
        }
        continue;
      }
      const cl = COMMAND_LINE.exec(text);
      if (cl) {
        for (let b = result.boots.length - 1; b >= 0; b--) {
          const boot = result.boots[b];
          if (boot.lineNo <= l.lineNo && (boot.host ?? "") === (l.host ?? "")) {
            if (!boot.commandLine && l.lineNo - boot.lineNo < 400) boot.commandLine = cl[1];
            break;
          }
        }
        continue;
      }
      const quotedDump = parseEscapedGoPanic(l, input.name);
      if (quotedDump) {
        result.reports.push(quotedDump);
        continue;
      }
      // A fatal signal's head (`SIGABRT: abort`) holds no needle; the `PC=… sigcode=` line after it does.
      const goHead = GO_PANIC_START.test(text.trim())
        ? i
        : i > 0 && text.includes(" sigcode=") && GO_PANIC_START.test(joinedLines[i - 1].text.trim())
          ? i - 1
          : -1;
      if (goHead >= 0) {
        const g = parseGoPanic(joinedLines, goHead, input.name);
        if (g) {
          attachContextLines([g.finding], joinedLines.slice(Math.max(0, goHead - MAX_CONTEXT_LINES), goHead));
          result.reports.push(g.finding);
          i = g.end - 1;
          continue;
        }
      } else {
        const prefixed = PREFIXED_GO_PANIC.exec(text);
        if (prefixed) {
          // A prefix no line format knows (stern's `pod container `, a tool's own tag) repeated on every line of
          // the dump: read the dump with that literal prefix taken off.
          const g = parseGoPanic(withoutPrefix(joinedLines, i, prefixed[1]), 0, input.name);
          if (g) {
            result.reports.push(g.finding);
            i += g.end - 1;
            continue;
          }
        }
      }
      const recovered = parseRecoveredGoPanic(l, input.name);
      if (recovered) {
        result.reports.push(recovered);
        continue;
      }
      let eventLine = l;
      let found = firstEventRule(l);
      let last = i;
      if (!found) {
        const across = eventAcrossWrap(joinedLines, i, linesHot);
        if (across) ({ line: eventLine, found, last } = across);
      }
      if (found) {
        const { rule, match: m } = found;
        const details = { ...(rule.details?.(m) ?? {}) };
        let end = last;
        if (rule.continuation) {
          while (end + 1 < joinedLines.length && rule.continuation.test(joinedLines[end + 1].text)) {
            end++;
            Object.assign(details, rule.continuationDetails?.(joinedLines[end].text) ?? {});
          }
        }
        const event: RawEvent = { rule, line: eventLine, match: m, details, endLine: joinedLines[end].lineNo };
        const report = rule.reportStart ? eventReport(joinedLines, i, rule.reportStart) : undefined;
        if (report) event.meta = parseReportMetadata(report.texts);
        const keep =
          (!rule.onlyWhenStartCut || report?.cut === true) &&
          (!rule.rightAfter || rightAfter(joinedLines, i, rule.rightAfter)) &&
          (!rule.notRightAfter || !rightAfter(joinedLines, i, rule.notRightAfter));
        if (keep && rule.reportFollows) {
          const following = sameHostLines(joinedLines, i, rule.reportFollows);
          // A report cut before the event still printed its task line above it (`oom-report-cut`).
          if (!report) event.meta = parseReportMetadata(following);
          const refined = rule.refine?.(following);
          if (refined) {
            event.title = refined.title;
            event.groupKey = refined.groupKey;
            Object.assign(details, refined.details ?? {});
          }
          if (rule.reportFacts) addFacts(details, rule.reportFacts(report ? [...report.texts, ...following.slice(1)] : following));
        } else if (keep && report && rule.reportFacts) addFacts(details, rule.reportFacts(report.texts));
        if (keep) windowEvents.push(event);
        i = end;
      }
      this.matchInfoRules(l, true);
    }
    dropEndedEvents(windowEvents);
    dropContinuingEvents(windowEvents);
    for (const hint of readReleaseHints(parsed, hot)) {
      // Windows may overlap by their context lines: one hint per line.
      if (!result.releaseHints.some((h) => h.lineNo === hint.lineNo)) result.releaseHints.push(hint);
    }
    // Agent lines matter as context of a finding; a window that found nothing keeps none (bounded memory).
    if (result.reports.length > found.reports || windowEvents.length > 0) result.agentLines.push(...agentLines);
    // Keys first: a rule that throws there loses the window before any of its events is counted.
    const keyed = windowEvents.map((e) => ({ e, key: e.rule.timelineOnly ? undefined : foldKeyOf(e.rule, e.match, e) }));
    let contextBefore: ReturnType<typeof contextReader> | undefined;
    for (const { e, key } of keyed) {
      if (!key) result.events.push(e);
      // A run's first occurrence keeps the lines before it, as a crash report does: KB `nearby` rules read them
      // (the missing firmware file named before amdgpu gives up, the storage errors before a timeout).
      else if (folds.add(e, key)) e.context = (contextBefore ??= contextReader(parsed))(e.line.lineNo, e.line.host);
    }
    // Last, once this window's boots are noted: a repeated report keeps only its occurrence (and needs no context).
    const firsts: Finding[] = [];
    for (let k = reportsBefore; k < result.reports.length; k++) {
      const f = result.reports[k];
      const kept = repeats.keep(f, bootBetween);
      result.reports[k] = kept;
      if (kept === f && !isFoldedOccurrence(f)) firsts.push(f);
    }
    attachContextLines(firsts, parsed);
  }

  private lastRawOf(acc: HostAccumulator): string | undefined {
    return acc.lastBytes !== undefined ? cleanBytes(acc.lastBytes, acc.lastStart, acc.lastEnd, this.maxLine) : undefined;
  }

  private accFor(name: string, bytes: Uint8Array, start: number, end: number): HostAccumulator {
    const hosts = this.result.hosts;
    let acc = hosts.get(name);
    if (!acc) {
      // A loop, not `Uint8Array.from(name, …)`: that walks the string through an iterator (a fleet's 48 hosts in
      // each of 100 inputs allocated ~5 MB of iterator results).
      const nameBytes = new Uint8Array(name.length);
      for (let k = 0; k < name.length; k++) nameBytes[k] = name.charCodeAt(k);
      // Every field from the start: one hidden class for all hosts (a field added later, `ownBytes` when the walk
      // leaves a buffer, gave the walk's inlined loads a second map to deoptimize on).
      acc = {
        name,
        nameBytes,
        nameWords: wordsOf(nameBytes),
        nameHash: hostHash(nameBytes),
        lines: 0,
        firstRaw: cleanBytes(bytes, start, end, this.maxLine),
        lastRaw: undefined,
        lastBytes: undefined,
        ownBytes: undefined,
        lastStart: 0,
        lastEnd: 0,
        prevUptime: -1,
      };
      hosts.set(name, acc);
      const same = this.hostsByHash.get(acc.nameHash);
      if (same) same.push(acc);
      else this.hostsByHash.set(acc.nameHash, [acc]);
    }
    return acc;
  }

  /**
   * The host named by bytes[start, end) (hash as `peekHost` found it) of the line bytes[lineStart, eol): hosts
   * interleave line by line on shared logs, so the known names are compared in place before decoding a new one.
   */
  private hostAt(hash: number, bytes: Uint8Array, words: DataView, start: number, end: number, lineStart: number, eol: number): HostAccumulator {
    const slot = (hash ^ (hash >>> 8) ^ (hash >>> 16)) & (HOST_SLOTS - 1);
    const recent = this.recentHosts[slot];
    if (recent !== undefined && isHostAt(recent, hash, bytes, words, start, end)) return recent;
    let found: HostAccumulator | undefined;
    const same = this.hostsByHash.get(hash);
    if (same) found = same.find((h) => isHostAt(h, hash, bytes, words, start, end));
    found ??= this.accFor(latin1Of(bytes, start, end), bytes, lineStart, eol);
    this.recentHosts[slot] = found;
    return found;
  }

  private releaseTouched(): void {
    const touched = this.touched;
    const touchedBuffer = this.touchedBuffer;
    for (const acc of touched) {
      const from = acc.lastBytes;
      if (from === undefined || from.buffer !== touchedBuffer) continue;
      const n = acc.lastEnd - acc.lastStart;
      // A 64 KB read holds a line of every host of a fleet log: copied by hand into the host's buffer, not sliced.
      if (acc.ownBytes === undefined || acc.ownBytes.length < n) acc.ownBytes = new Uint8Array(Math.max(n, 256));
      const own = acc.ownBytes;
      for (let k = 0, p = acc.lastStart; k < n; k++, p++) own[k] = from[p];
      acc.lastBytes = own;
      acc.lastStart = 0;
      acc.lastEnd = n;
    }
    touched.length = 0;
  }

  /** Walks the whole lines in bytes[from, to) (each ends with `\n`): the splitter's sink. */
  onChunk(bytes: Uint8Array, from: number, to: number): void {
    if (bytes.buffer !== this.touchedBuffer) {
      this.releaseTouched();
      this.touchedBuffer = bytes.buffer;
    }
    const { hits, lineEnds } = HOT_PREFILTER.scan(bytes, from, to);
    const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { result, folds, stats, maxLine, ringBytes, ringStart, ringEnd, touched } = this;
    let lineIndex = 0;
    let hitIndex = 0;
    let nextHit = hits.length > 0 ? hits[0] : Number.MAX_SAFE_INTEGER;
    let pos = from;
    const len = to;
    // Counters and the current host live in locals for the walk (fields are loads and stores on every line),
    // written back at the end.
    let line = this.lineNo;
    let host = this.curHost;
    let prevHot = this.prevHot;
    let prevWrapped = this.prevWrapped;
    let sawPrefixed = this.sawPrefixed;
    while (pos < len) {
      const eol = lineIndex < lineEnds.length ? lineEnds[lineIndex++] : len;
      line++;
      let hot = false;
      const lineHits = hitIndex;
      if (nextHit < eol) {
        hot = true;
        while (hitIndex < hits.length && hits[hitIndex] < eol) hitIndex++;
        nextHit = hitIndex < hits.length ? hits[hitIndex] : Number.MAX_SAFE_INTEGER;
      }
      // The host the line's format names (the line-format table's byte peek: syslog, ISO, RFC 5424, Talos, JSON…).
      PEEKED.metadata = false;
      const hostStart = peekHost(bytes, pos, eol);
      // The blank line after an export entry's last field ends the entry: the journal's too (as parseLine reads it).
      const metadata = PEEKED.metadata || (this.afterMetadata && endWithoutCr(bytes, pos, eol) === pos);
      this.afterMetadata = PEEKED.metadata;
      let acc: HostAccumulator;
      let wallBody = false;
      let separator = false;
      if (hostStart >= 0) {
        if (host && isHostAt(host, PEEKED.hash, bytes, words, hostStart, PEEKED.end)) acc = host;
        else acc = host = this.hostAt(PEEKED.hash, bytes, words, hostStart, PEEKED.end, pos, eol);
        // A field: only written when it changes (this branch runs for nearly every syslog line).
        if (this.wallHost !== undefined) this.wallHost = undefined;
        if (PEEKED.sticky) {
          PEEKED.sticky = false;
          this.stickyHost = acc;
        }
      } else if (hostStart === PEEK.KEEPS_HOST && host !== undefined) {
        acc = host;
      } else if (this.wallHost !== undefined && WALL_BODY_START.test(latin1Of(bytes, pos, Math.min(eol, pos + 16)))) {
        // The ` kernel:…` line after a `Message from syslogd@host` banner belongs to that host.
        acc = host = this.accFor(this.wallHost, bytes, pos, eol);
        this.wallHost = undefined;
        wallBody = true;
      } else if (host && endWithoutCr(bytes, pos, eol) - pos === 2 && startsWithBytes(bytes, pos, eol, GROUP_SEPARATOR)) {
        // grep's `--` between groups of context lines is no log line: no host of its own, no line of the one before.
        acc = host;
        separator = true;
      } else {
        this.wallHost = startsWithBytes(bytes, pos, eol, WALL_PREFIX) ? WALL_HOST.exec(latin1Of(bytes, pos, Math.min(eol, pos + 300)))?.[1] : undefined;
        if (this.wallHost !== undefined) acc = host = this.accFor(this.wallHost, bytes, pos, eol);
        else if (this.stickyHost !== undefined) acc = host = this.stickyHost;
        else acc = host && host.name === "" ? host : (host = this.accFor("", bytes, pos, eol));
      }
      if (!separator) acc.lines++;

      const c0 = bytes[pos];
      if (c0 === 91 || c0 === 60) {
        // dmesg uptime going back means a new boot (concatenated dmesg, serial captures across reboots).
        let i = pos;
        if (c0 === 60) i = priEnd(bytes, pos, eol) + 1;
        if (i > 0 && bytes[i] === 91) {
          i++;
          while (bytes[i] === 32) i++;
          let up = 0;
          let digits = 0;
          for (let c = bytes[i]; c >= 48 && c <= 57; c = bytes[++i]) {
            up = up * 10 + (c - 48);
            digits++;
          }
          if (digits > 0 && bytes[i] === 46) {
            if (this.prevUptime > 5 && up + 1 < this.prevUptime) {
              result.boots.push({ lineNo: line, host: acc.name || undefined, detectedBy: "uptime-reset" });
              folds.noteBoot(line);
            }
            this.prevUptime = up;
          }
        }
      } else if (hostStart >= 0) {
        // The same for a syslog host's kernel lines that carry the dmesg uptime (`host kernel: [  373.274344] …`, a
        // rsyslog of a kernel without the journal): the host rebooted, banner or not (an excerpt without it). Per
        // host: a fleet's log interleaves hosts' uptimes.
        const up = syslogKernelUptime(bytes, PEEKED.end, eol);
        if (up >= 0) {
          if (acc.prevUptime > 5 && up + 1 < acc.prevUptime) {
            result.boots.push({ lineNo: line, host: acc.name || undefined, detectedBy: "uptime-reset" });
            folds.noteBoot(line);
          }
          acc.prevUptime = up;
        }
      }

      const lineEnd = endWithoutCr(bytes, pos, eol - pos > maxLine * 4 ? pos + maxLine * 4 : eol);
      const cutLine = eol - pos > maxLine || this.carriedLineCut;
      if (cutLine) {
        noteLineCut(stats, line, bytes, pos, endWithoutCr(bytes, pos, eol), maxLine, this.carriedLineCut);
        this.carriedLineCut = false;
      }
      const prefixed = isPrefixed(bytes, pos, eol, hostStart);
      if (!hot && !prefixed && (prevWrapped < MAX_WRAPPED_PIECES || (!sawPrefixed && line <= PREFIXLESS_PASTE_LINES)) && !prevHot && line > 1) {
        const prev = (line - 2) % CONTEXT_LINES;
        if (ringEnd[prev] - ringStart[prev] >= MIN_WRAPPED_LINE_LENGTH) hot = needleAcrossWrap(ringBytes[prev], ringStart[prev], ringEnd[prev], bytes, pos, lineEnd);
      }
      if (!this.sawText && lineEnd > pos) {
        // The input's first line with text: a selection that started mid-line may have cut its header's first words
        // (cut-first-line.ts), which held the needle.
        if (!isBlank(bytes, pos, lineEnd)) {
          this.sawText = true;
          this.firstTextLine = line;
          if (!hot) hot = this.mayBeCutHeader(cleanBytes(bytes, pos, lineEnd, maxLine));
        }
      }
      prevHot = hot;
      prevWrapped = prefixed ? 0 : prevWrapped + 1;
      if (prefixed) sawPrefixed = true;
      if (hot || this.window) {
        // A repeated one-line event neither opens a window nor keeps one open: it is counted into its run.
        const foldNeedle = hot ? onlyFoldNeedlesAt(bytes, hits, lineHits, hitIndex, eol) : NOT_FOLD_ONLY;
        const foldOnly = foldNeedle !== NOT_FOLD_ONLY;
        const at = foldOnly && !this.window && !wallBody ? this.lineAtOf(bytes, pos, lineEnd, foldNeedle === SEVERAL_FOLD_NEEDLES, acc) : undefined;
        // A repeat of a host's folded kernel line, read from its bytes (nothing decoded, nothing parsed).
        if (at !== undefined && !cutLine && this.foldByPrefix(at, line, foldNeedle !== SEVERAL_FOLD_NEEDLES ? (foldNeedle as FoldNeedle) : undefined)) {
          // Counted into its run.
        } else {
        const raw = cleanBytes(bytes, pos, lineEnd, maxLine, stats);
        // Decoded to as many characters as it has bytes, nothing was cleaned off: the text's ASCII is the bytes'.
        const rawIsBytes = raw.length === lineEnd - pos;
        const folded = at !== undefined && this.foldRepeat(raw, line, rawIsBytes && foldNeedle !== SEVERAL_FOLD_NEEDLES ? (foldNeedle as FoldNeedle) : undefined, at);
        if (!folded && hot && raw.includes("Linux version ")) this.bannerPrev.set(line, this.lastRawOf(acc));
        if (folded) {
          // Counted into its run; nothing of the line is kept.
        } else if (this.window) {
          const w = this.window;
          w.raws.push(raw);
          w.hot.push(hot);
          if (metadata || w.meta) noteMetadata(w, metadata);
          if (hot && !foldOnly) w.lastHot = w.settled = line;
          // Whether a line is report text matters only once the window could close: settled then, newest first.
          else if (logLinesOf(w) >= MAX_WINDOW_LINES || quietLinesOf(w, line) >= QUIET_LINES) settleReportText(w, line);
          const reportText = w.lastHot === line;
          const logLines = logLinesOf(w);
          if (
            (logLines >= MAX_WINDOW_LINES && !reportText) ||
            logLines >= HARD_MAX_WINDOW_LINES ||
            w.raws.length >= HARD_MAX_WINDOW_LINES * MAX_RAW_LINES_PER_LOG_LINE
          ) {
            this.closeWindow();
            this.lastCappedLine = line;
          } else if (quietLinesOf(w, line) >= QUIET_LINES) this.closeWindow();
        } else {
          const n = Math.min(CONTEXT_LINES, line - 1 - this.lastCappedLine);
          const raws: string[] = [];
          for (let k = n; k >= 1; k--) {
            const slot = (line - 1 - k) % CONTEXT_LINES;
            raws.push(cleanBytes(ringBytes[slot], ringStart[slot], ringEnd[slot], maxLine, stats));
          }
          raws.push(raw);
          const hotFlags: boolean[] = new Array(raws.length).fill(false);
          hotFlags[raws.length - 1] = true;
          this.window = { start: line - n, raws, hot: hotFlags, lastHot: line, settled: line, meta: undefined };
        }
        }
      }
      const slot = (line - 1) % CONTEXT_LINES;
      // Pointer stores only when the chunk changed (they pay a GC write barrier; offsets do not).
      if (ringBytes[slot] !== bytes) ringBytes[slot] = bytes;
      ringStart[slot] = pos;
      ringEnd[slot] = lineEnd;
      if (!separator) {
        if (acc.lastBytes !== bytes) {
          acc.lastBytes = bytes;
          // An indexed store, not push(): the inlined push of the second input's scan deoptimized ("not a Smi") and
          // the walk was compiled a third time (~150 M instructions of a 25-file triage).
          touched[touched.length] = acc;
        }
        acc.lastStart = pos;
        acc.lastEnd = lineEnd;
      }
      pos = eol + 1;
    }
    this.lineNo = line;
    this.curHost = host;
    this.prevHot = prevHot;
    this.prevWrapped = prevWrapped;
    this.sawPrefixed = sawPrefixed;
  }
}

/** Whether bytes[start, end) is the host `acc` (`hash` as the walk computed it); `words`: a DataView of `bytes`. */
function isHostAt(acc: HostAccumulator, hash: number, bytes: Uint8Array, words: DataView, start: number, end: number): boolean {
  const name = acc.nameBytes;
  if (acc.nameHash !== hash || name.length !== end - start) return false;
  const nameWords = acc.nameWords;
  const n = nameWords.length;
  // A fleet's host names are ~20–30 bytes: a word compare is ~3× a byte loop.
  for (let i = 0; i < n; i++) if (words.getInt32(start + 4 * i, true) !== nameWords[i]) return false;
  for (let i = 4 * n; i < name.length; i++) if (name[i] !== bytes[start + i]) return false;
  return true;
}

/** ` kernel: [` after a syslog line's host. */
const SYSLOG_KERNEL_UPTIME = [32, 107, 101, 114, 110, 101, 108, 58, 32, 91];

/** The whole seconds of the dmesg uptime a syslog kernel line carries after its host (ending at `at`), or -1. */
function syslogKernelUptime(bytes: Uint8Array, at: number, eol: number): number {
  if (at < 0 || at + SYSLOG_KERNEL_UPTIME.length + 2 > eol) return -1;
  for (let k = 0; k < SYSLOG_KERNEL_UPTIME.length; k++) if (bytes[at + k] !== SYSLOG_KERNEL_UPTIME[k]) return -1;
  let i = at + SYSLOG_KERNEL_UPTIME.length;
  while (i < eol && bytes[i] === 32) i++;
  let up = 0;
  let digits = 0;
  for (let c = bytes[i]; i < eol && c >= 48 && c <= 57; c = bytes[++i]) {
    up = up * 10 + (c - 48);
    digits++;
  }
  return digits > 0 && bytes[i] === 46 ? up : -1;
}
