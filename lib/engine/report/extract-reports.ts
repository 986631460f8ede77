/**
 * Crash reports inside a window of parsed kernel lines: report boundaries, class and title (classes.ts, title.ts),
 * frames (frames.ts), guilty frame (guilty.ts), corrupted detection and panic tails. A report whose rules throw is
 * skipped and reported through `onWarning` (triage puts it on the incident); without `onWarning` the error propagates.
 *
 * Boundaries follow syzkaller: a report starts at a class header, keeps a few context lines before it, and runs
 * to the next report header, an `---[ end trace` marker or a length cap. Follow-up headers of the same crash
 * (`Oops: 0000 [#1]`, `invalid opcode:`, ARM `Internal error:`) do not split it. A `Kernel panic - not syncing`
 * after a report belongs to that report (`panicked`); one with no report before it is a finding of its own.
 * When the log carries printk caller ids (`[T123]`), a report keeps only the lines of its own caller, so two
 * CPUs printing at once do not mix.
 */
import type { Finding, FindingKind, Frame, IncidentWarning, LogLine } from "../types";
import { ARM_UNWIND_SECTION, CALL_TRACE_SECTION, CLASSES, CRASH_PANIC_CLASS, FROM_HEADER_SECTION, LOCKDEP_AT_SECTION, LOCKDEP_TAKES_SECTION, REPORT_LINE_TRIGGER, RIP_SECTION, type CrashClass, type StackRule, type TitleFormat } from "./classes";
import { mainFrames, parseFrameLine, parseKsymoopsFrame, scanStackLine, stackSectionsOf, type StackLine, type StackSection } from "./frames";
import { isGenericFrame } from "./generic-frames";
import { selectGuiltyFile, selectGuiltyFrame, STALL_CROSS_CALL_BUCKET } from "./guilty";
import { holdsTaskLine, XMON_TASK_ROW, isModuleListContinuation, isModuleListStart, isWrappedRelease, isWrappedTaskLine, EMPTIED_RIP_ADDRESSES, MARKDOWN_LINKED_RIP_ADDRESSES, parseReportMetadata, RIP_ADDRESSES_ONLY, WRAPPED_RIP_FUNCTION } from "./metadata";
import { ksymoopsReleaseAt } from "../events/release-hints";
import { copyAnalysis, type KnownReports, type ReportAnalysis } from "./known-reports";
import { foldedOccurrence, isFoldedOccurrence, type FoldFacts } from "./repeated-reports";
import { cleanFunctionName, fillTemplate, normalizeTitle } from "./title";

export type ExtractReportsOptions = {
  fileName: string;
  /** Analyses of the input's earlier reports by report key (crash storms: known-reports.ts). */
  known?: KnownReports;
  /** A report whose rules threw is skipped and told here (without it, the exception propagates). */
  onWarning?: (warning: IncidentWarning) => void;
  /**
   * Crash storms: whether the scanner will fold this report into an earlier one of its input and keep only its
   * occurrence (`RepeatedReports.foldsAway`): asked with that occurrence and what is read of the report as printed
   * (see `repeatOccurrence`); a report it says yes to is not built in full. Only asked about keyed reports (`known`)
   * of a window without panics.
   */
  foldsAway?: (occurrence: Finding, printed: FoldFacts) => boolean;
};

/** Lines kept in `Finding.report`. */
const MAX_REPORT_LINES = 300;
/** Lines of a report analysed for title and frames (lockdep prints its stack after long dependency chains). */
const MAX_ANALYSED_LINES = 1500;
/** Lines after a report that name no file of its own read for its guilty file (see selectGuiltyFile). */
const GUILTY_FILE_LOOKAHEAD = 300;
/** Lines above a start that `startsAt.unless` reads too (a panic message, a blank line, then its task line). */
const UNLESS_ABOVE = 3;
/** How far above a header-cut class's body line its lost header may stand (an interleaved report between them). */
const LOST_HEADER_LINES = 150;
/** Context lines kept before the header (`cut here`, the line that explains the crash). */
const CONTEXT_LINES = 5;
/** A follow-up header within this many lines of an open report belongs to it. */
const FOLLOW_UP_LINES = 60;
/** A panic within this many lines after a report ended still belongs to it. */
const PANIC_ATTACH_LINES = 200;
/** Lines of report text the multi-line title formats may look at. */
const TITLE_SCAN_LINES = 200;
/**
 * Characters of each line the title formats read: a printk record's text is at most 1 KiB (LOG_LINE_MAX, later
 * PRINTKRB_RECORD_MAX; pr_cont pieces included), so the rest of a longer line is not the kernel message the format
 * reads. Unbounded, the formats' unanchored `WARNING:.*X` scans were quadratic: each `WARNING:` of a hostile 16 KiB
 * line rescanned the rest of it, 1–2 s of CPU a line (bench:hostile).
 */
const TITLE_SCAN_LINE_CHARS = 1024;
const clipToRecord = (text: string) => (text.length > TITLE_SCAN_LINE_CHARS ? text.slice(0, TITLE_SCAN_LINE_CHARS) : text);
/** Catch-all formats (`BUG: <anything>`) need a stack within this many lines to count as a report. */
const STACK_NEARBY_LINES = 30;

const END_OF_PANIC = /---\[ end Kernel panic/;
/** The same marker copied off a screen without its start: `Kernel panic - not syncing: … ]---`. */
const END_OF_PANIC_TAIL = /Kernel panic - not syncing: .*\]---\s*$/;
/** How far from its end marker the panic line it closes is looked for. */
const END_MARKER_REACH = 60;
const END_OF_REPORT = /---\[ end (?:trace|Kernel panic)|^={20,}\s*$/;
/** The next boot's banner or command line: a report never runs past a reboot. */
const BOOT_START = /^(?:Linux version \d+\.\d+\S* |(?:Kernel )?[Cc]ommand line: )/;

/** END_OF_REPORT, tested only on a line holding its `---[ end ` or starting with its `=` (each line of an open report asks). */
/**
 * A crash-utility prompt line (read on the raw line: the line format strips `crash> ` from the text), and a frame
 * line of its `bt` (`#3 [ffffc900…] page_fault_oops at ffffffff8028f0a6`).
 */
const CRASH_PROMPT = /^\s*crash> /;
const CRASH_BT_FRAME = /^\s*#\d+ \[[0-9a-f]+\] \S+ at [0-9a-f]+/;
const endsReport = (text: string): boolean => (text.charCodeAt(0) === 61 || text.includes("---[ end ")) && END_OF_REPORT.test(text);

/**
 * ppc's in-kernel debugger (xmon), entered from a crash, prints its own report: `cpu 0x2f: Vector: 400 (Instruction
 * Access) at [c000001ff43ab6a0]`, register rows, `pid   = 3222, comm = udevd`, the running kernel's `Linux version`
 * banner, `enter ? for help`, a backtrace, then its `2f:mon> ` prompt. None of it carries a timestamp: under a
 * timestamped header it is still the crash's own report (up to the prompt), and its banner starts no boot.
 */
const XMON_ENTRY = /^cpu 0x[0-9a-f]+: Vector: [0-9a-f]+ \(.*\) at \[[0-9a-f]+\]/;
const XMON_PROMPT = /^\s*[0-9a-f]+:mon>/;

/** Line i starts a new boot: a banner, a command line, or the dmesg uptime going back (a serial capture across a reboot). */
function startsBoot(lines: readonly LogLine[], i: number): boolean {
  const text = lines[i].text;
  // BOOT_START's first character is one of `LKCc`: most lines are told apart without the regex.
  const c0 = text.charCodeAt(0);
  if ((c0 === 76 || c0 === 75 || c0 === 67 || c0 === 99) && BOOT_START.test(text)) return !(c0 === 76 && i > 0 && XMON_TASK_ROW.test(lines[i - 1].text));
  const up = lines[i].uptime;
  const prev = i > 0 ? lines[i - 1].uptime : undefined;
  return up !== undefined && prev !== undefined && prev > 5 && up + 1 < prev;
}
/**
 * Messages that print a stack of their own without being a bug (fault injection, allocation failures): when
 * one appears inside a report, the report's own text ended before it (syzkaller's rule).
 */
const STACK_PRINTING_MESSAGES = /FAULT_INJECTION: forcing a failure|vmalloc: allocation failure:|FAULT_FLAG_ALLOW_RETRY missing/;
/** SLUB debug detail lines (`INFO: Allocated in f+0x…`, `INFO: 0xffff…-0xffff…`) inside an open report. */
const SLUB_DETAIL = /INFO: (?:(?:Allocated|Freed) in |0x[0-9a-f]+-0x|Slab 0x|Object 0x)/;
/** Fault-injection frames mixed into a stack make everything after them unreliable. */
const FAULT_INJECTION_FRAME = /^should_fail(?:slab|_alloc|_ex)?$|^__should_fail/;
/** A header right after `title=` / `TITLE:` is a title quoted by a note or a test header, not kernel output. */
const TITLE_LABEL_BEFORE = /\b(?:title|TITLE|Title)\s*[=:]\s*["'`]?$/;
/** A header naming the task it hit (`BUG: Bad page state in process X pfn:…`): a second one is another report. */
const PER_TASK_HEADER = / in process \S/;
const anotherTask = (a: string, b: string) => PER_TASK_HEADER.test(b) && headerText(a).trim() !== headerText(b).trim();
const CRASH_PANIC = /^\s*PANIC: "(.*)"\s*$/;
const KERNEL_PANIC = /Kernel panic - not syncing: ?(.*?)\s*(?:\]---)?$/;
/** Keywords that promise a stack; each must be followed by at least one frame (syzkaller's corrupted rule). */
const STACK_KEYWORDS = /(?:Call Trace|Call trace|backtrace(?: \(crc [0-9a-f]+\))?:|Backtrace:|Allocated by task [0-9]+:|Freed by task [0-9]+:|^PID: \d+\s+TASK: )/;
const LOCKDEP_BACKTRACE = /stack backtrace:/;
const TIMESTAMP_IN_TITLE = /\[ *[0-9]+\.[0-9]+\]|\b[0-9]{2}:[0-9]{2}:[0-9]{2}\b/;
/** A WARN() header names the source line it fired at (`WARNING: at f.c:12 …`, `WARNING: CPU: 1 PID: 2 at f.c:12 …`, `WARNING: f.c:12 at …`). */
const WARN_SOURCE_REF = /WARNING:(?:(?: .*?)? at [\w\-/.]+\.[A-Za-z]+:[0-9]+| [\w\-/.]+\.[A-Za-z]+:[0-9]+ at )/;
const SOURCE_REF = [/kernel BUG at ([\w\-/.]+\.[A-Za-z]+):([0-9]+)/, /WARNING:(?: .*?)? at ([\w\-/.]+\.[A-Za-z]+):([0-9]+)/, /WARNING: ([\w\-/.]+\.[A-Za-z]+):([0-9]+) at /, /Kernel BUG at [0-9a-fx]+ \[verbose debug info unavailable\]|Kernel BUG at ([\w\-/.]+\.[A-Za-z]+):([0-9]+)/];

function headerText(text: string): string {
  const m = CRASH_PANIC.exec(text);
  return m ? m[1] : text;
}

/** The class whose header starts this line, if any. */
export function classifyLine(text: string): CrashClass | undefined {
  // Cheap literal test first: most lines of a window are frames and registers.
  if (!REPORT_LINE_TRIGGER.test(text)) return undefined;
  const t = headerText(text);
  // The header printed first names the crash: `Internal error: Oops - BUG: …` is an ARM oops, not a `BUG:`.
  let best: CrashClass | undefined;
  let bestAt = Infinity;
  for (const cls of CLASSES) {
    const at = t.indexOf(cls.header);
    if (at < 0) continue;
    const beats = !best || (best.weak && !cls.weak) || (at < bestAt && !(cls.weak && !best.weak));
    if (!beats) continue;
    if (cls.suppress?.some((re) => re.test(t))) continue;
    if (TITLE_LABEL_BEFORE.test(t.slice(Math.max(0, at - 12), at))) continue;
    best = cls;
    bestAt = at;
  }
  if (!best && CRASH_PANIC.test(text)) return CRASH_PANIC_CLASS;
  return best;
}

const FAULT_ADDRESS = /\b(?:0x)?[0-9a-f]{8,16}\b/g;

/** Two header lines carry the same message: equal text before the header and up to ` in ` after it. */
function sameMessage(a: string, b: string, header: string): boolean {
  const key = (t: string) => {
    const h = headerText(t);
    const at = h.indexOf(header);
    if (at < 0) return h;
    const after = h.slice(at);
    const inAt = after.indexOf(" in ");
    // Two CPUs faulting at once print their `Unable to handle kernel paging request at virtual address …` lines
    // back to back before one of them gets the die lock: the same message at another address has no body of its own.
    return (h.slice(0, at) + (inAt >= 0 ? after.slice(0, inAt) : after)).replace(FAULT_ADDRESS, "ADDR");
  };
  return key(a) === key(b);
}

/** A `Kernel panic - not syncing` line with the same message as end marker i lies within reach of it. */
function closesNearbyPanic(lines: readonly LogLine[], i: number): boolean {
  const message = KERNEL_PANIC.exec(lines[i].text)?.[1];
  if (message === undefined) return false;
  for (let j = Math.max(0, i - END_MARKER_REACH); j < Math.min(lines.length, i + END_MARKER_REACH + 1); j++) {
    const t = lines[j].text;
    if (j === i || END_OF_PANIC.test(t) || END_OF_PANIC_TAIL.test(t)) continue;
    if (KERNEL_PANIC.exec(t)?.[1] === message) return true;
  }
  return false;
}

/**
 * Line i repeats the header before it word for word, in a run of at least three such lines: the kernel printing a
 * one-line report again and again (`BUG: soft lockup - CPU#0 stuck for 22s!` without its stack). A pair is taken
 * for a line a log pipeline wrote twice (abrt files such a pair once too) — unless the two carry different kernel
 * stamps (`[ 8044.297656]` then `[ 8044.297985]`): a pipeline copies a record stamp and all, so those are two
 * records, the kernel printing the report twice.
 */
function isRepeatedOneLiner(lines: readonly LogLine[], i: number): boolean {
  const same = (a: number, b: number) => a >= 0 && b < lines.length && headerText(lines[a].text).trim() === headerText(lines[b].text).trim();
  if (!same(i - 1, i)) return false;
  return same(i - 2, i - 1) || same(i, i + 1) || hasOtherStamp(lines[i - 1], lines[i]);
}

/** Two lines stamped by the kernel (`[ 1234.567890]`), at different times: two printk records, not a copy of one. */
function hasOtherStamp(a: LogLine, b: LogLine): boolean {
  return a.uptime !== undefined && b.uptime !== undefined && a.uptime !== b.uptime;
}

type Span = { header: number; start: number; end: number; cls: CrashClass; panicIndex?: number };

const PANIC_LINE = /Kernel panic - not syncing: /;
const BARE_CALL_TRACE = /^\s*Call Trace:\s*$/;
/** How many frame lines a headless trace right above a panic may hold. */
const HEADLESS_TRACE_LINES = 40;
/**
 * A panic that opens no report's tail, right under a `Call Trace:` block that belongs to no report (a commit message
 * that trimmed the watchdog's header and kept the frames, then the `Kernel panic - not syncing: Hard LOCKUP` line the
 * kernel printed after them): the block is the panic's stack. Only an unbroken block of indented frame lines, from
 * its `Call Trace:` down to the panic line, counts; `from` is where the report before ended.
 */
function headlessTraceAbove(lines: readonly LogLine[], i: number, from: number): number | undefined {
  for (let j = i - 1; j >= Math.max(from, i - HEADLESS_TRACE_LINES - 1); j--) {
    const text = lines[j].text;
    if (BARE_CALL_TRACE.test(text)) return j < i - 1 ? j : undefined;
    if (!/^\s+\S/.test(text)) return undefined;
  }
  return undefined;
}

function findSpans(lines: readonly LogLine[]): { spans: Span[]; boots: number[] } {
  const spans: Span[] = [];
  /** Line numbers where a new boot starts (panics are never credited across them). */
  const boots: number[] = [];
  /** Index of the last boot start: a new report's context lines never reach back before it. */
  let lastBoot = -1;
  /** `headerRunEnd`: the last line of a run of headers printed once per inlined frame (see below). */
  let open: (Span & { closedAt?: number; headerRunEnd?: number }) | undefined;
  // `lostHeaderInBoot`: the last line above i that matches, each pattern's lines read once however many headers ask.
  const lastMatches = new Map<RegExp, { readTo: number; last: number }>();
  const lastMatchBefore = (re: RegExp, i: number): number => {
    let m = lastMatches.get(re);
    if (!m) lastMatches.set(re, (m = { readTo: 0, last: -1 }));
    for (; m.readTo < i; m.readTo++) if (re.test(lines[m.readTo].text)) m.last = m.readTo;
    return m.last;
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (startsBoot(lines, i)) {
      boots.push(lines[i].lineNo);
      lastBoot = i;
      if (open) {
        if (open.closedAt === undefined) open.end = i - 1;
        spans.push(open);
        open = undefined;
      }
    }
    // A panic whose `Kernel panic - not syncing:` line was cut (the console started late, an archive excerpt) leaves
    // its own stack (`panic-headless`) and then its end marker, which still carries the message: the marker titles
    // that panic as its panic line would have, and the stack above it stays the report's (release, CPU line). Without
    // this the marker was read as a later panic's tail of the headless stack, and a stack no headless format matched
    // (ARM's `(show_stack) from … (panic+…)`) left the panic with no finding at all.
    if (open && open.cls.id === "panic-headless" && (END_OF_PANIC.test(text) || END_OF_PANIC_TAIL.test(text)) && open.panicIndex === undefined && open.closedAt === undefined) {
      const marker = classifyLine(text);
      if (marker?.id === "kernel-panic") {
        open.cls = marker;
        open.header = i;
        open.end = i;
        continue;
      }
    }
    if (open && open.closedAt === undefined && i > open.header && (endsReport(text) || STACK_PRINTING_MESSAGES.test(text))) {
      open.closedAt = i;
      open.end = i;
      continue;
    }
    // The crash utility's next command (`crash> bt`, `crash> dis …`) after a `bt` the open report has already read
    // ends that report: a post quoting two crashes' `bt` one after the other holds two dumps, not one long stack (the
    // second's handler frame may then open its own report). A prompt before any bt frame (`crash> sys`, then `bt`
    // under its PANIC line) ends nothing.
    if (open && open.closedAt === undefined && i > open.header && CRASH_PROMPT.test(lines[i].raw) && lines.slice(open.header + 1, i).some((l) => CRASH_BT_FRAME.test(l.text))) {
      open.closedAt = i - 1;
      open.end = i - 1;
    }
    // `---[ end Kernel panic - not syncing: … ]---` closes the panic already read, whether it was attached or alone.
    const endMarker = END_OF_PANIC.test(text) || END_OF_PANIC_TAIL.test(text);
    if (open && endMarker && (open.panicIndex !== undefined || open.cls.id === "kernel-panic")) {
      open.end = Math.max(open.end, i);
      continue;
    }
    const cls = classifyLine(text);
    if (!cls) continue;
    // An end marker with its panic line nearby (a paste that put the marker first, or kept only its tail) closes
    // that panic: it is no panic of its own. A marker alone is all that is left of the panic, and stays one.
    if (endMarker && cls.id === "kernel-panic" && closesNearbyPanic(lines, i)) continue;
    // `INFO: t` + `** replaying previous printk message **`: the header is printed again in full next.
    if (i + 1 < lines.length && lines[i + 1].text.includes("replaying previous printk message")) continue;
    const isPanic = cls.id === "kernel-panic" && !CRASH_PANIC.test(text);
    // check_mm()'s lines (`carriesOn`) were printed by code that went on: a panic after them is no tail of theirs.
    if (open && isPanic && open.cls.id !== "kernel-panic" && open.panicIndex === undefined && !cls.neverTail?.some((re) => re.test(text)) && !carriesOnAfter(open, lines)) {
      const since = open.closedAt ?? i;
      if (i - since <= PANIC_ATTACH_LINES) {
        // panic_on_warn prints the panic line before the WARNING's stack: the report goes on after it.
        open.panicIndex = i;
        open.end = Math.max(open.end, i);
        continue;
      }
    }
    // A once-per-report line met again in the open report (which printed its own) starts the next report, whose
    // header line was lost.
    const nextOfKind = open !== undefined && open.closedAt === undefined && cls.oncePerReport !== undefined && lines.slice(open.header + 1, i).some((l) => l.text.includes(cls.header));
    if (open && nextOfKind) {
      const above = cls.oncePerReport?.above;
      open.end = i - 1 > open.header && above?.test(lines[i - 1].text) ? i - 2 : i - 1;
      spans.push(open);
      open = undefined;
    }
    if (open && (cls.secondary || SLUB_DETAIL.test(text)) && open.closedAt === undefined && i - open.header <= FOLLOW_UP_LINES) continue;
    if (open && (cls.orphanOnly || cls.interleaves) && open.closedAt === undefined) continue;
    if (open && open.closedAt === undefined && i - open.header <= FOLLOW_UP_LINES && open.cls.continuedBy?.some((re) => re.test(text))) continue;
    const lost = cls.lostHeader;
    if (lost && lines.slice(Math.max(lastBoot, i - (cls.lostHeaderWithin ?? LOST_HEADER_LINES), 0), i).some((l) => lost.test(l.text))) continue;
    if (cls.lostHeaderInBoot && lastMatchBefore(cls.lostHeaderInBoot, i) > lastBoot) continue;
    // Old-style `WARNING: at kernel/watchdog.c:245 f()` prints the WARN message right after its header
    // (`Watchdog detected hard LOCKUP on cpu 0`): that line is the warning's text, not a second report. Only a WARN
    // header (one that names its source line) has such text: a driver's one-line notice that merely says `WARNING:`
    // (`xen:grant_table: WARNING: g.e. 0xa still in use!`) prints nothing after it, and the oops that follows is its own.
    // Nor is a WARN's text ever another WARN header naming its own source line: stackless headers in a row (a
    // `dmesg | grep WARNING` paste, a console at a quiet loglevel) are one report each.
    if (open && open.cls.kind === "warning" && cls.kind !== "panic" && open.closedAt === undefined && i - open.header <= 3 && WARN_SOURCE_REF.test(clipToRecord(lines[open.header].text)) && !WARN_SOURCE_REF.test(clipToRecord(text))) continue;
    // Symbolised reports print the header once per inlined frame (`BUG: KASAN: … in f include/x.h:176 [inline]`
    // then `BUG: KASAN: … in g+0x1d/0x20 net/y.c:271`): one report.
    // Only the same message: two different one-line reports of a class (`md: BUG: …` after `ALSA …: BUG: …`) stay apart.
    // A header repeated word for word is a duplicated line, unless the kernel printed it three times or more.
    // Not one header per process: `BUG: Bad page state in process a` then `… in process b` are two bad pages.
    // Every header of the run follows the one before it (old symbolisers printed one per inlined level: three or four).
    // check_mm() prints one whole report per freed mm and counter (`carriesOn`): only a copy of the same line (a doubled
    // console) continues it; the next mm's line, alike but for its address, is the next report.
    const nextMm = carriesOnAfter(open ?? { cls, header: i }, lines) && headerText(lines[open?.header ?? i].text).trim() !== headerText(text).trim();
    // A class that prints one header per report (`headerPerReport`) has no such runs: its next header, naming another
    // location, is its next report (the same line again is still a copy).
    const perReport = cls.headerPerReport === true && headerText(lines[open?.header ?? i].text).trim() !== headerText(text).trim();
    if (open && open.closedAt === undefined && i - (open.headerRunEnd ?? open.header) === 1 && open.cls === cls && !perReport && sameMessage(lines[open.header].text, text, cls.header) && !nextMm && !isRepeatedOneLiner(lines, i) && !anotherTask(lines[open.header].text, text)) {
      open.headerRunEnd = i;
      continue;
    }
    // Lines of a report that merely quote another header (`PANIC: "…"` of crash after the log tail).
    if (open && open.closedAt === undefined && i === open.header) continue;
    if (open) {
      if (open.closedAt === undefined) open.end = i - 1;
      spans.push(open);
    }
    const prevEnd = spans.length ? spans[spans.length - 1].end : -1;
    let header = i;
    if (cls.startsAt) {
      for (let j = i - 1; j >= Math.max(prevEnd + 1, lastBoot, i - cls.startsAt.within, 0); j--) {
        if (cls.startsAt.line.test(lines[j].text)) {
          header = j;
          if (!cls.startsAt.earliest) break;
        } else if (cls.startsAt.contiguous) break;
      }
      const unless = cls.startsAt.unless;
      if ((header === i && cls.startsAt.required) || (unless && lines.slice(Math.max(header - UNLESS_ABOVE, 0), i).some((l) => unless.test(l.text)))) {
        // No report after all: the report before stays open as it was (pushed again when it ends).
        if (open) spans.pop();
        continue;
      }
    }
    if (header === i && !cls.startsAt && PANIC_LINE.test(text)) header = headlessTraceAbove(lines, i, Math.max(prevEnd + 1, lastBoot, 0)) ?? i;
    const start = Math.max(prevEnd + 1, header - CONTEXT_LINES, lastBoot, 0);
    open = { header, start, end: i, cls };
  }
  if (open) {
    if (open.closedAt === undefined) open.end = lines.length - 1;
    spans.push(open);
  }
  for (const s of spans) s.end = Math.min(s.end, s.header + MAX_ANALYSED_LINES - 1);
  return { spans, boots };
}

/**
 * With printk caller ids (`[T123]`, `[C1]`), reports printed at the same time by different tasks interleave
 * line by line: split the window by caller so each report is read from its own lines. Lines without an id
 * (continuations, tool output) stay with the caller of the line before them.
 */
const EMBEDDED_CALLER = /\[\s*\d+\.\d+\]\[\s*([TC]\d+)\]/;

function partitionByCaller(lines: readonly LogLine[]): LogLine[][] {
  if (!lines.some((l) => l.callerId)) return [lines as LogLine[]];
  const parts = new Map<string, LogLine[]>();
  let current = "";
  for (const l of lines) {
    // `syzkaller login: [ 59.8][T6792] BUG: …`: a prefix glued to the line hid its caller id from parseLine.
    const embedded = l.callerId ? undefined : EMBEDDED_CALLER.exec(l.text)?.[1];
    if (l.callerId || embedded) current = l.callerId ?? embedded ?? current;
    let part = parts.get(current);
    if (!part) parts.set(current, (part = []));
    part.push(l);
  }
  return [...parts.values()];
}

/**
 * Lines only an oops dump prints (ARM's `PC is at`, registers, `Backtrace:`, kdb's own `Entering kdb (current=0x…`):
 * kernel text without its timestamp, as when an oops enters kdb and the console goes on without printk's prefix.
 */
const KERNEL_DUMP_TEXT =
  /^\s*(?:PC is at \S|LR is at \S|pc : \[<[0-9a-f]+>\]|sp : [0-9a-f]{8}|r\d{1,2} ?: [0-9a-f]{8}  |Flags: [NnZzCcVvQq]{4,5}\b|Control: [0-9a-f]{8}|Process \S.* \(pid: \d+, stack limit = 0x|Stack: \(0x[0-9a-f]+ to 0x|Backtrace:\s*$|task: [0-9a-f]+ ti: [0-9a-f]+|Hardware name: \S|Entering kdb \(current=0x[0-9a-f]+|due to oops @ 0x[0-9a-f]+|\[<[0-9a-f]{8,16}>\] \(\S+\) from \[<|Function entered at \[<)/;
/** A hung-task header a mail client wrapped after `blocked`; the next, prefix-less line holds the rest. */
const HUNG_HEADER_WRAPPED = /INFO: task \S.* blocked(?: in I\/O wait)?\s*$/;
const HUNG_HEADER_REST = /^\s*for more than \d+ seconds\.?\s*$/;
/** A lockdep lock-site line a mail client wrapped after `at:`: the next, prefix-less line is its `f+0x…/0x…`. */
const LOCK_SITE_WRAPPED = /\bat:\s*$/;

/**
 * Lines of a span that belong to its report: kernel output when the header was (the caller split is done).
 * Exceptions: printk cuts a record near 1 KiB and prints the rest without the `[ ts]` prefix, which in practice
 * only happens to a long `Modules linked in:` list; a prefix-less line of module names right after that list
 * (or after an earlier wrapped part of it) is the same record. And a paste that kept the timestamps of the header
 * lines but not of the stack (`[ 1045.72] Call Trace:` then ` dump_stack+0x19/0x1b`): a prefix-less
 * `func+0xoff/0xsize` frame inside a trace is the kernel's, which shell or syz-executor output never prints.
 */
function reportLines(lines: readonly LogLine[], span: Span): LogLine[] {
  const head = lines[span.header];
  const out: LogLine[] = [];
  let inModuleList = false;
  let wrappedTaskLine = false;
  let wrappedHungHeader = false;
  let wrappedLockSite = false;
  let inTrace = false;
  let inXmon = false;
  // The report's own lines since the last foreign one, read only when a foreign line comes (what they say decides
  // whether it continues the report): a console without interleaved output (a storm's span) reads none of them.
  let ownFrom = -1;
  let ownTo = -1;
  for (let i = span.start; i <= span.end; i++) {
    const l = lines[i];
    const foreign = i !== span.header && head.format !== "plain" && head.format !== "crash" && l.format === "plain" && l.text.trim() !== "";
    if (foreign) {
      if (ownFrom >= 0) {
        const last = lines[ownTo].text;
        inModuleList = isModuleListStart(last);
        wrappedTaskLine = isWrappedTaskLine(last);
        wrappedHungHeader = HUNG_HEADER_WRAPPED.test(last);
        wrappedLockSite = LOCK_SITE_WRAPPED.test(last);
        for (let k = ownFrom; k <= ownTo; k++) {
          const scanned = scanStackLine(lines[k].text);
          inTrace = scanned.callTrace || (inTrace && (scanned.frameInTrace !== undefined || scanned.markersOnly));
        }
        ownFrom = -1;
      }
      // syz-executor / shell output interleaved with a timestamped console: not part of the report, except the
      // release of a task line wrapped after its taint (a mailing-list paste), a trace's prefix-less frames and a
      // whole task line whose stamp paste damage ate.
      // xmon's report, entered from this crash, runs to its prompt (XMON_ENTRY).
      if (!inXmon && XMON_ENTRY.test(l.text)) inXmon = true;
      else if (inXmon && XMON_PROMPT.test(l.text)) inXmon = false;
      const continues =
        inXmon ||
        isRecordContinuation(lines, i, span.start) ||
        holdsTaskLine(l.text) ||
        (inModuleList && isModuleListContinuation(l.text)) ||
        (wrappedTaskLine && isWrappedRelease(l.text)) ||
        (wrappedHungHeader && HUNG_HEADER_REST.test(l.text)) ||
        (wrappedLockSite && isSizedFrameLine(l.text)) ||
        (inTrace && isSizedFrameLine(l.text)) ||
        // ksymoops run on a syslog capture copies the prefixed lines and decodes them below without a prefix
        // (`>>EIP; c013593c <kmem_cache_alloc_batch+9c/e0>`, `Trace; c0150b7c <select_bits_alloc+1c/20>`): the names
        // of the report's own addresses, which no program output prints.
        parseKsymoopsFrame(l.text) !== undefined ||
        KERNEL_DUMP_TEXT.test(l.text);
      wrappedTaskLine = false;
      wrappedHungHeader = false;
      wrappedLockSite = false;
      if (!continues) {
        inTrace = false;
        continue;
      }
      const scanned = scanStackLine(l.text);
      inTrace = scanned.callTrace || (inTrace && (scanned.frameInTrace !== undefined || scanned.markersOnly));
    } else {
      inXmon = false;
      if (ownFrom < 0) ownFrom = i;
      ownTo = i;
    }
    out.push(l);
  }
  return out;
}

/**
 * util-linux dmesg prints a multi-line printk record's later lines without a stamp, indented to the message column
 * (`[22329.510822] BUG: workqueue leaked lock or atomic: …` then 20 spaces and `last function: f`, the kernel's own
 * 5 after the 15 of `[22329.510822] `): a prefix-less line under a stamped kernel line (directly, or under more such
 * lines) that is indented at least as far as that line's message starts is the same record, not program output.
 */
function isRecordContinuation(lines: readonly LogLine[], i: number, from: number): boolean {
  const indent = leadingSpaces(lines[i].raw);
  if (indent === lines[i].raw.length) return false;
  for (let k = i - 1; k >= from && k >= i - MAX_RECORD_CONTINUATIONS; k--) {
    const prev = lines[k];
    if (prev.format !== "plain") {
      if (prev.uptime === undefined) return false;
      const column = prev.raw.length - prev.text.length;
      return column >= 4 && indent >= column;
    }
    if (leadingSpaces(prev.raw) < 4 || leadingSpaces(prev.raw) === prev.raw.length) return false;
  }
  return false;
}
/** How many prefix-less lines one record may continue over (lockdep's wrapped lines are one or two). */
const MAX_RECORD_CONTINUATIONS = 4;
function leadingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(n) === 32) n++;
  return n;
}

/** A frame printed with its offset and size (`? func+0x1a/0x30 [mod]`): a kernel stack line, not program output. */
function isSizedFrameLine(text: string): boolean {
  const frame = scanStackLine(text).frameInTrace;
  return frame !== undefined && frame.offset !== undefined && frame.size !== undefined;
}

/**
 * One report window, parsed once: its lines from the header on, and every stack the rules ask for (the frames
 * from line k to the end, or of a line range; the sections from line k; the faulting instruction of line k),
 * computed on first use and then shared by the title, guilty-frame, corrupted and type rules.
 */
export type ParsedReport = {
  /** Report lines from the header on (log prefixes removed). */
  readonly texts: readonly string[];
  framesFrom(k: number, end?: number): Frame[];
  sectionsFrom(k: number): StackSection[];
  ripAt(k: number): Frame | undefined;
};

export function parseReport(texts: readonly string[]): ParsedReport {
  // Each line is read once (scanStackLine); a stack over any range is then a walk over the scanned lines.
  const scanned: (StackLine | undefined)[] = new Array(texts.length);
  // The lines of texts.slice(k, end), negative bounds included.
  const scannedRange = (k: number, end = texts.length): StackLine[] => {
    const from = k < 0 ? Math.max(texts.length + k, 0) : k;
    const to = end < 0 ? texts.length + end : Math.min(end, texts.length);
    const out: StackLine[] = [];
    for (let i = from; i < to; i++) out.push((scanned[i] ??= scanStackLine(texts[i])));
    return out;
  };
  const frames = new Map<string, Frame[]>();
  const sections = new Map<number, StackSection[]>();
  const rips = new Map<number, Frame | undefined>();
  return {
    texts,
    framesFrom(k, end) {
      const key = `${k}:${end ?? ""}`;
      let f = frames.get(key);
      if (!f) frames.set(key, (f = mainFrames(stackSectionsOf(scannedRange(k, end)))));
      return f;
    },
    sectionsFrom(k) {
      let sec = sections.get(k);
      if (!sec) sections.set(k, (sec = stackSectionsOf(scannedRange(k))));
      return sec;
    },
    ripAt(k) {
      if (!rips.has(k)) rips.set(k, ripFrame(texts[k] ?? "") ?? wrappedRipFrame(texts, k));
      return rips.get(k);
    },
  };
}

/** Bad-access faults: the faulting function is where a bad pointer was used, not where it came from. */
const FAULT_KINDS: ReadonlySet<FindingKind> = new Set(["paging-fault", "null-deref", "gpf"]);

/** MIPS `ra    : ffffffffc056bd48 f+0x28/0xe8 [mod]` (LoongArch `    ra: 9000000002ae6610 f+0x50/0x240`), arm64 `lr :
 * f+0x18/0x30`, ARM `LR is at f+0x3c/0x5c`. */
const LINK_REGISTER_LINE = /^\s*(?:ra *: +(?:[0-9a-f]{8,16} +)?|lr : |LR is at )([A-Za-z_.][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[\w+\])?)\s*$/;

/** The caller the link register names, when it is not itself generic (a module's function always counts). */
function linkRegisterCaller(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const m = LINK_REGISTER_LINE.exec(t);
    if (!m) continue;
    const f = parseFrameLine(" " + m[1], false);
    if (!f) return undefined;
    const fn = cleanFunctionName(f.function);
    return f.module || !isGenericFrame(fn) ? fn : undefined;
  }
  return undefined;
}

/** The function of an old x86 RIP line a mail client wrapped after its addresses: on the next line, alone. */
function wrappedRipFrame(texts: readonly string[], k: number): Frame | undefined {
  if (!RIP_ADDRESSES_ONLY.test(texts[k] ?? "")) return undefined;
  const next = WRAPPED_RIP_FUNCTION.exec(texts[k + 1] ?? "");
  const f = next ? parseFrameLine(" " + next[1], false) : undefined;
  return f ? { ...f, reliable: true } : undefined;
}

const OLD_BRACE_RIP = /^<([0-9a-f]+)>\{(?::([\w-]+):)?([A-Za-z_.$][\w.$@~-]*)\+(\d+)\}\s*$/;
const MARKDOWN_LINKED_RIP_PREFIX = new RegExp(String.raw`^` + MARKDOWN_LINKED_RIP_ADDRESSES + String.raw`\s*`);
const EMPTIED_RIP_PREFIX = new RegExp(String.raw`^` + EMPTIED_RIP_ADDRESSES + String.raw`\s+(?=[A-Za-z_])`);

function ripFrame(text: string): Frame | undefined {
  const crash = /\[exception RIP: ([A-Za-z_.][\w.]*)/.exec(text);
  if (crash) return { function: crash[1], reliable: true, context: "exception" };
  // s390: `Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])`
  const psw = /Krnl PSW : [0-9a-f]+ [0-9a-f]+ \((.+)\)\s*$/.exec(text);
  if (psw) {
    const f = parseFrameLine(" " + psw[1], false);
    return f && !/^0x/.test(f.function) ? { ...f, reliable: true } : undefined;
  }
  // sparc64 show_regs(): `TPC: <sha512_sparc64_transform+0x48/0x160 [sha512_sparc64]>` (`%pS` in angle brackets).
  const tpc = /^\s*TPC: <(.+)>\s*$/.exec(text);
  if (tpc) {
    const f = parseFrameLine(" " + tpc[1], false);
    return f && !/^0x/.test(f.function) ? { ...f, reliable: true } : undefined;
  }
  const ksymoops = parseKsymoopsFrame(text);
  if (ksymoops) return ksymoops;
  // 32-bit x86 and 2.6-era kernels name the function on their own line: `EIP is at kobject_add+0x83/0xd7`.
  const m = /^\s*(?:RIP:? +(?:[0-9a-f]{4}:)?|IP: |EIP: (?:[0-9a-f]{4}:)?|[RE]IP is at |ip is at |pc : |PC is at |NIP[: ]\s*|epc +: |era +: |ERA: |IAOQ\[0\]: |\[ERET +\]: |PC: (?=\[<))(.*)$/.exec(text);
  if (!m) return undefined;
  // MIPS and LoongArch print the address before the symbol (`epc   : 8ed7c428 nf_nat_used_tuple+0xe4/0x2cc [nf_nat]`;
  // LoongArch since 6.x as `   ERA: 9000000002ae54c8 drain_obj_stock+0xa8/0x300`, the link register as `    ra: …`).
  const rest = m[1]
    .replace(MARKDOWN_LINKED_RIP_PREFIX, "")
    .replace(EMPTIED_RIP_PREFIX, "")
    .replace(/^\[<[0-9a-f]+>\]\s*/, "")
    .replace(/^\[[0-9a-f]+\]\s*/, "")
    .replace(/^[0-9a-f]{8,16} +(?=[A-Za-z_])/, "")
    // MIPS before 3.x ends its epc line with print_tainted(): `epc   : 8029fb20 f+0x0/0x38     Not tainted`.
    .replace(/\s+(?:Not tainted|Tainted: [A-Z ]*)\s*$/, "")
    // 2.6–4.x i386 die() closes an oops with `EIP: [<c14c3523>] f+0x73/0x280 SS:ESP 0068:f28b7cb0`.
    .replace(/\s+SS:ESP [0-9a-f]{4}:[0-9a-f]+\s*$/, "")
    // decode_stacktrace.sh prints the RIP's module without its brackets: `RIP: 0010:nvme_tcp_io_work+0x341/0x7f0 nvme_tcp`.
    .replace(/(\+0x[0-9a-f]+\/0x[0-9a-f]+) ([\w-]+)\s*$/, "$1 [$2]");
  // 2.6.0–2.6.17 x86_64: `RIP: 0010:[<ffffffff8018fcbf>] <ffffffff8018fcbf>{__d_lookup+219}`, the frame in the
  // braces of that era's traces (decimal offset, `{:nfsd:nfsd_lookup+864}` in a module).
  const brace = OLD_BRACE_RIP.exec(rest);
  if (brace) return { function: brace[3], reliable: true, offset: Number(brace[4]), address: brace[1], ...(brace[2] ? { module: brace[2] } : {}) };
  // decode_stacktrace.sh output wrapped by the paste: `pc : clockevents_register_device` / `(kernel/time/….c:455)`.
  const bare = /^([A-Za-z_][\w.]*)\s*$/.exec(rest);
  if (bare) return { function: bare[1], reliable: true };
  const f = parseFrameLine(rest, false) ?? parseFrameLine(" " + rest, false);
  if (f && /^0x|^[0-9a-f]+$/.test(f.function)) return undefined;
  if (f) return { ...f, reliable: true };
  // A paste (or an archive's excerpt) that ends inside the RIP line (`RIP: 0010:__cfg80211_connect_result+0x20`):
  // the `+` closes the name, so the function is whole even though its offset and size were cut.
  const cut = /^([A-Za-z_][\w.]*)\+(?:0x[0-9a-f]*(?:\/(?:0x[0-9a-f]*)?)?)?\s*$/.exec(rest);
  return cut ? { function: cut[1], reliable: true } : undefined;
}

/**
 * The guilty function (cleaned) and, when cleaning or bucketing changed it, the name as printed. `unanchoredStall`:
 * a stall whose interrupted stack syzkaller cannot read (StackRule.timerEntry): its title says `corrupted`.
 */
type Guilty = { name: string; printed: string; unanchoredStall?: boolean };

/** Pre-4.17 syscall wrappers, named by the syscall: `SyS_mount`, `compat_SyS_mount`, `SYSC_mount`. */
const OLD_SYSCALL_WRAPPER = /^(?:compat_)?(?:SyS|SYSC)_(\w+)$/;

/** The SYSCALL_DEFINE body's symbols: `__se_sys_X` (the sign-extending wrapper) and `__do_sys_X` (the body). */
const SYSCALL_BODY = /^__(?:se|do)_sys_(\w+)$/;

/** A frame printed as a guess (`? f+0x1/0x2`): syzkaller drops such lines from the report, unless they carry `<EOI>`. */
const GUESSED_FRAME_LINE = /(?:^|\s)\?\s+[\w.]+\+0x[0-9a-f]+\/(?:0x)?[0-9a-f]+/;

const isGuessedFrameLine = (t: string) => GUESSED_FRAME_LINE.test(t) && !t.includes("<EOI>");

/**
 * syzkaller's rcu-stall stack: below the first (printed, not guessed) timer-interrupt line, the first RIP and the stack
 * after it, else the frames right after that line; each read up to the next stack keyword, and named through a
 * dispatch anchor. `entry: false`: no such line.
 */
function stallBelowTimerEntry(report: ParsedReport, rule: StackRule & { timerEntry: RegExp }): { entry: boolean; guilty?: Guilty } {
  const texts = report.texts;
  const isEntry = (t: string) => rule.timerEntry.test(t) && !isGuessedFrameLine(t);
  const entry = texts.findIndex((t, i) => i > 0 && isEntry(t));
  if (entry < 0) return { entry: false };
  const stackEnd = (from: number) => {
    const end = texts.findIndex((t, i) => i >= from && STACK_KEYWORDS.test(t));
    return end < 0 ? texts.length : end;
  };
  const attempts: Frame[][] = [];
  const rip = texts.findIndex((t, i) => i > entry && RIP_SECTION.test(t));
  if (rip >= 0) {
    const at = report.ripAt(rip);
    attempts.push([...(at ? [at] : []), ...report.framesFrom(rip + 1, stackEnd(rip + 1))]);
  }
  attempts.push(report.framesFrom(entry + 1, stackEnd(entry + 1)));
  for (const frames of attempts) {
    const name = selectGuiltyFrame(frames, { mode: "stall", skip: rule.skip, anchoredOnly: true, afterTimerEntry: true });
    if (name) return { entry: true, guilty: { name, printed: printedName(name, frames) } };
  }
  return { entry: true };
}

/** The report with the bystanders' stacks (StackRule.bystanders) blanked out, so no section reads their frames. */
function withoutBystanders(report: ParsedReport, rule: StackRule): ParsedReport {
  if (!rule.bystanders?.length) return report;
  const texts = [...report.texts];
  let masked = false;
  for (const { from, until } of rule.bystanders) {
    for (let i = 1; i < texts.length; i++) {
      if (!from.test(texts[i])) continue;
      let j = i;
      while (j < texts.length && (j === i || !until.test(texts[j]))) texts[j++] = "";
      masked = true;
      i = j - 1;
    }
  }
  return masked ? parseReport(texts) : report;
}

/**
 * `lenient`: frames printed as guesses (`? f+0x…`) count too. syzkaller never names one; a display title may,
 * when the stack holds nothing else (2.6/3.x kernels without frame pointers print most frames that way).
 */
function findGuilty(fullReport: ParsedReport, rule: StackRule, lead?: Frame, lenient = false): Guilty | undefined {
  const report = withoutBystanders(fullReport, rule);
  const timerEntry = rule.timerEntry;
  if (rule.mode === "stall" && timerEntry) {
    const below = stallBelowTimerEntry(report, { ...rule, timerEntry });
    if (below.guilty) return below.guilty;
  }
  const g = sectionGuilty(report, rule, lead, lenient);
  return g && timerEntry ? { ...g, unanchoredStall: true } : g;
}

function sectionGuilty(report: ParsedReport, rule: StackRule, lead?: Frame, lenient = false): Guilty | undefined {
  // Stalls: a section whose stack reaches a dispatch anchor beats one that does not (old kernels print the
  // task's stack before the RIP line, new ones after it).
  if (rule.mode === "stall") {
    const anchored = guiltyInSections(report, rule, true, lead);
    if (anchored) return anchored;
  }
  return guiltyInSections(report, rule, false, lead, lenient);
}

const X86_ADDRESS_RIP = /^\s*RIP: [0-9a-f]{4}:0x[0-9a-f]+\s*$/;

function firstSectionLine(report: ParsedReport, section: RegExp): number {
  const texts = report.texts;
  const first = texts.findIndex((t, idx) => idx > 0 && section.test(t));
  if (section === RIP_SECTION && first >= 0 && report.ripAt(first)?.inlined) {
    // A symbolised RIP prints one line per inlined level (`RIP: 0010:__l2cap_get_chan_by_scid net/…:112 [inline]`)
    // before the PC's own function (`RIP: 0010:__l2cap_chan_add+0x178/0x770 net/…:644`). syzkaller titles the raw
    // report, whose RIP names only that function, as a symbolised KASAN header run is read by its non-inlined line.
    for (let j = first + 1; j < texts.length && section.test(texts[j]); j++) {
      const rip = report.ripAt(j);
      if (rip && !rip.inlined) return j;
      if (!rip) break;
    }
  }
  if (section !== RIP_SECTION || first < 0 || report.ripAt(first)) return first;
  // An x86 RIP that is an address (`RIP: 0010:0xffffffffffffffff`: the CPU jumped to garbage) is the faulting
  // instruction all the same: the stack under it is the crash's, not the one under a later named RIP.
  const named = texts.findIndex((t, idx) => idx > first && section.test(t) && (report.ripAt(idx) !== undefined || X86_ADDRESS_RIP.test(t)));
  return named >= 0 ? named : first;
}

/** A lockdep lock site: `at: [<ip>] f+0x…/0x…`, the `[<ip>]` optional and possibly emptied by a web page (`at: []`). */
const LOCKDEP_AT = /\bat:\s*(?:\[(?:<?[0-9a-fx]+>?)?\] +)?(.*)$/;
/**
 * A flattened symbolised lockdep site: its inlined levels (`f file.h:N [inline]`) and the real function follow one
 * another on one line, each under the same `[<ip>]` (see the `LOCKDEP_AT_SECTION` reader below).
 */
const LOCKDEP_SITE_LEVEL = /(?<=\[inline\])\s+(?=\[<?[0-9a-fx]+>?\]\s)/;
/** One level of it, without its `[<ip>]`: `f+0x…/0x…` or `f`, then an optional `file:N` and `[inline]`/`[module]`. */
const LOCKDEP_SITE_FRAME = /^[\w.$]+(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?:\s+[\w./-]+:\d+)?(?:\s+\[[\w.-]+\])?/;
/** A symbolised site's next level on its own line, under the same `[<ip>]` as the one above it. */
const LOCKDEP_SITE_NEXT_LINE = /^\s*\[<?[0-9a-fx]+>?\]\s+\S/;
/**
 * lockdep's list of the task's held locks (`2 locks held by ip/202:`, `no locks held by swapper/0/1.`): once the
 * report's own lock site was read, its ` #0: … at:` lines are other locks, not the one the bug is about.
 */
const LOCKDEP_HELD_LIST = /\b(?:\d+ locks? held by|no locks held by) /;
/**
 * A remark a poster appended to a pasted line, C++-style after a run of spaces (`…+0x11e/0xf00      //comment`): kernel
 * lines never print `//` after two spaces (a URL's `//` follows its `:`).
 */
const POSTER_REMARK = /\s{2,}\/\/.*$/;

function guiltyInSections(report: ParsedReport, rule: StackRule, anchoredOnly: boolean, lead?: Frame, lenient = false): Guilty | undefined {
  const texts = report.texts;
  for (const section of rule.sections) {
    // ppc prints `NIP:  c000… LR: …` in the register dump and `NIP [c000…] f+0x…` under it: the RIP is the first
    // such line that names a function.
    const k = section === FROM_HEADER_SECTION ? 0 : firstSectionLine(report, section);
    const k0 = k >= 0 ? k : section.test(texts[0]) ? 0 : -1;
    if (k0 < 0) continue;
    // A function named by the header (`BUG: KASAN: … in memcmp+0x…`) is the first candidate, skipped like any frame.
    const frames: Frame[] = lead ? [lead] : [];
    if (section === LOCKDEP_TAKES_SECTION) {
      const at = LOCKDEP_AT.exec(texts[k0 + 1] ?? "") ?? LOCKDEP_AT.exec(texts[k0] ?? "");
      const site = at ? parseFrameLine(" " + at[1].trim(), false) : undefined;
      if (site) frames.push({ ...site, reliable: true });
      const bt = texts.findIndex((t, idx) => idx > k0 && /stack backtrace:/.test(t));
      frames.push(...report.framesFrom(bt >= 0 ? bt : k0));
    } else if (section === LOCKDEP_AT_SECTION) {
      // lockdep names locks with `…, at: [<pc>] func+0x…/0x…`; then comes the stack. A poster's remark at a line's
      // end (`… at:      //尝试去释放…`, `ip_finish_output2+0x11e/0xf00      //在…`) is no part of the site.
      const rest = texts.slice(k0).map((t) => t.replace(POSTER_REMARK, ""));
      // A symbolised report prints one `at:` line per inlined level before the real one (`at: spin_lock
      // include/linux/spinlock.h:351 [inline]`, `at: __dev_xmit_skb net/core/dev.c:3807 [inline]`, `at:
      // __dev_queue_xmit+0xaf9/…`): the two lock sites are counted by their non-inlined lines.
      for (let j = 0; j < rest.length && frames.filter((f) => !f.inlined).length < 2; j++) {
        if (frames.length > 0 && LOCKDEP_HELD_LIST.test(rest[j])) break;
        const at = LOCKDEP_AT.exec(rest[j]);
        if (!at) continue;
        // Old lockdep prints the site on the next line: `… at:` / `[<ffffffff83f7ac8b>] sctp_sendmsg+0x2a3b/0x38a0`;
        // a symbolised one goes on with a line per inlined level (`[<ip>] f file.h:N [inline]`, then `[<ip>] g+0x…`).
        if (at[1].trim() === "" && LOCKDEP_SITE_NEXT_LINE.test(rest[j + 1] ?? "")) {
          for (let m = j + 1; m < rest.length && LOCKDEP_SITE_NEXT_LINE.test(rest[m]); m++) {
            const f = parseFrameLine(" " + rest[m].replace(/^\s*\[<?[0-9a-fx]+>?\]\s+/, "").trim(), false);
            if (f) frames.push({ ...f, reliable: true });
            if (!f || !f.inlined) break;
          }
          continue;
        }
        const site = at[1].trim() !== "" ? " " + at[1].trim() : (rest[j + 1] ?? "");
        // A symbolised `[<ip>] %pS` site is one line per inlined level, each under the same `[<ip>]`; a paste that
        // lost its newlines keeps them all on this line (`[<ip>] f … [inline] [<ip>] g+0x…/0x… …`): one frame each.
        const levels = site.split(LOCKDEP_SITE_LEVEL);
        for (const level of levels) {
          // The flattened line goes on with lockdep's next sentence (`… mm/mempolicy.c:1196 but there are no more …`).
          const bare = level.replace(/^\s*\[<?[0-9a-fx]+>?\]\s+/, "");
          const text = levels.length > 1 ? (LOCKDEP_SITE_FRAME.exec(bare)?.[0] ?? bare) : level;
          // A site wrapped onto the next line can carry the report's next sentence after it (`f+0x21/0xd0 [mod] but
          // this lock took`): read its frame part alone when the whole line is not one.
          const f = parseFrameLine(" " + text.trim(), false) ?? parseFrameLine(" " + (LOCKDEP_SITE_FRAME.exec(bare.trim())?.[0] ?? ""), false);
          if (f) frames.push({ ...f, reliable: true });
          if (f && !f.inlined) break;
        }
      }
      // Then the dependency chain (`-> #1 (…):` stacks) and the backtrace, in print order.
      for (const sec of report.sectionsFrom(k0)) frames.push(...sec.frames);
    } else if (section === RIP_SECTION) {
      const rip = report.ripAt(k0);
      if (rip) frames.push(rip);
      frames.push(...report.framesFrom(k0 + 1));
    } else {
      frames.push(...report.framesFrom(k0));
    }
    // A sleeping task's trace is unwound reliably when the kernel can: its `? f` lines are then leftovers of earlier
    // calls on the stack (above `schedule`, between the wait helpers), not where it hangs. Only a hung task's trace
    // with no reliable frame at all (2.6/3.x without frame pointers) is read through its guesses.
    const trustsGuesses = lenient && !(rule.mode === "hang" && frames.some((f) => f.reliable));
    if (trustsGuesses) for (let j = 0; j < frames.length; j++) if (!frames[j].reliable && !/^0x/.test(frames[j].function)) frames[j] = { ...frames[j], reliable: true };
    const g = selectGuiltyFrame(frames, { mode: rule.mode, skip: rule.skip, anchoredOnly, lockTaker: rule.lockTaker, skipInModules: rule.skipInModules, named: rule.named });
    if (g) {
      // A fault-injection stack printed into this one: the frames cannot be trusted.
      const at = frames.findIndex((f) => cleanFunctionName(f.function) === g);
      if (frames.slice(0, at).some((f) => f.reliable && FAULT_INJECTION_FRAME.test(cleanFunctionName(f.function)))) return undefined;
      return { name: g, printed: printedName(g, frames) };
    }
  }
  return undefined;
}

/**
 * The frame name as printed (without clone suffixes) that produced the guilty name: `__x64_sys_futex` for
 * `sys_futex`, `smp_call_function_single` for the `smp_call_function` bucket, `synchronize_sched` for the
 * `synchronize_rcu` hang bucket. syzkaller lists both spellings as alternative titles.
 */
function printedName(name: string, frames: readonly Frame[]): string {
  const reliable = frames.filter((f) => f.reliable && !f.inlined);
  // The cross-call bucket came from the first `smp_call_function*` frame down the stack (the anchor), whichever variant.
  const anchor = name === STALL_CROSS_CALL_BUCKET ? reliable.find((f) => f.function.startsWith(name)) : undefined;
  if (anchor) return anchor.function;
  const exact = reliable.find((f) => cleanFunctionName(f.function) === name);
  if (exact) return exact.function.replace(/^\./, "");
  // A stall bucketed by the syscall a pre-4.17 wrapper names (`mount` for `compat_SyS_mount`).
  const wrapper = reliable.find((f) => OLD_SYSCALL_WRAPPER.exec(f.function)?.[1] === name);
  if (wrapper) return wrapper.function;
  const bucket = reliable.find((f) => f.function.startsWith(name) || (name === "synchronize_rcu" && /^synchronize_/.test(f.function)) || (name === "rtnl_lock" && f.function.startsWith("rtnl_")));
  return bucket ? bucket.function : name;
}

/** ARM's `… from [<802e62f8>] (i2c_smbus_xfer+0x508/0x54c)`: the caller's address and name. */
const ARM_FROM_TARGET = /\bfrom \[<([0-9a-fA-F]+)>\] \(([A-Za-z_.][\w.]*)/;

/** The function of the stack line that prints `address` (`[<ffffffff8343632e>] ? ip6_xmit+0x18ae/0x1a00`). */
function functionAtAddress(texts: readonly string[], address: string): string | undefined {
  const a = address.toLowerCase().replace(/^0x/, "");
  for (const t of texts) {
    if (!t.toLowerCase().includes(a)) continue;
    // ARM prints `[<pc>] (f) from [<lr>] (g+0x…)`: the address after `from` is g's, the caller of the line's frame.
    const from = ARM_FROM_TARGET.exec(t);
    if (from && from[1].toLowerCase().replace(/^0+/, "") === a.replace(/^0+/, "")) return from[2];
    const f = parseFrameLine(t, false);
    if (f && !/^0x/.test(f.function)) return f.function;
  }
  return undefined;
}

type Titled = {
  format?: TitleFormat;
  title: string;
  syzkallerTitle?: string;
  altTitles: string[];
  guilty?: string;
  frameMissing: boolean;
  /** The guilty function came from the header because the stack was missing. */
  headerFallback?: boolean;
  /** The title format matched in the lines read on past the report (its caller's next report), not in its own. */
  fromNext?: boolean;
};

/** The first non-generic frame of the secondary stack `rule.section` opens (see TitleFormat.originAlt). */
function originFrame(report: ParsedReport, rule: NonNullable<TitleFormat["originAlt"]>): string | undefined {
  const k = report.texts.findIndex((t, i) => i > 0 && rule.section.test(t));
  if (k < 0) return undefined;
  const section = report.sectionsFrom(k).find((s) => s.kind !== "main");
  return section ? selectGuiltyFrame(section.frames, { skip: rule.skip }) : undefined;
}

/** `WARNING: CPU: 8 PID: 1694575 at …`: the task a header names. */
const HEADER_TASK = /^[^\n]*?\bCPU: (\d+) PID: (\d+) /;
const TASK_LINE_IDS = /\bCPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: /;

/**
 * Two CPUs' reports interleaved (SMP machines oopsing at once print line by line into one log): a header that names
 * its CPU and PID followed by another task's `CPU: N PID: M Comm:` line. The registers and stack below it belong to
 * that other report; the header's own function (`… at f.c:N f+0x…`, the guilty hint) is all this report has.
 */
function stackOfAnotherTask(header: string, texts: readonly string[]): boolean {
  const own = HEADER_TASK.exec(header);
  if (!own) return false;
  for (let i = 1; i < Math.min(texts.length, TITLE_SCAN_LINES); i++) {
    const t = TASK_LINE_IDS.exec(texts[i]);
    if (t) return t[1] !== own[1] && t[2] !== own[2];
  }
  return false;
}

function buildTitle(cls: CrashClass, report: ParsedReport, ownLines = report.texts.length): Titled {
  const texts = report.texts;
  const clipped = texts.slice(0, TITLE_SCAN_LINES).map(clipToRecord);
  const body = clipped.join("\n");
  // Where the report's own lines end in `body`: past it are the lines of its caller's next report (printk caller ids).
  const ownEnd = ownLines < texts.length ? clipped.slice(0, ownLines).join("\n").length : body.length;
  let fromNext: TitleFormat | undefined;
  for (const format of cls.formats) {
    const m = format.match.exec(body);
    if (!m) continue;
    if (m.index > ownEnd) {
      // A format that matches only the next report's lines: a format of the report's own header may still follow.
      fromNext ??= format;
      continue;
    }
    if (format.needsStackNearby && !texts.slice(0, STACK_NEARBY_LINES).some((t) => CALL_TRACE_SECTION.test(t))) continue;
    let guilty: string | undefined;
    let printed: string | undefined;
    let frameMissing = false;
    let headerFallback = false;
    let stallGuess: string | undefined;
    const needsFrame = format.title.includes("{FRAME}") || (format.alt ?? []).some((a) => a.includes("{FRAME}")) || format.frameFromStack === true;
    if (needsFrame && format.stack && !stackOfAnotherTask(m[0], texts)) {
      const named = format.headerFunction !== undefined ? m[format.headerFunction] : format.hintLeads && format.guiltyHint !== undefined ? m[format.guiltyHint] : undefined;
      const g = findGuilty(report, format.stack, named ? { function: named, reliable: true } : undefined);
      if (g?.unanchoredStall) stallGuess = g.name;
      else {
        guilty = g?.name;
        printed = g?.printed;
      }
      if (!guilty) frameMissing = format.title.includes("{FRAME}");
    }
    if (!guilty && format.headerFunction !== undefined && m[format.headerFunction]) {
      // The stack is missing (old KASAN without `Call Trace`): the header names the function.
      guilty = cleanFunctionName(m[format.headerFunction]);
      frameMissing = false;
      headerFallback = true;
    }
    // A frame printed as the SYSCALL_DEFINE body (`__se_sys_memfd_secret`, `__do_sys_bpf`), not an arch wrapper
    // (`__x64_sys_bpf`): syzkaller titles it by the bare syscall name, with `sys_X` and the printed name as alternatives.
    const syscallBody = printed ? SYSCALL_BODY.exec(printed)?.[1] : undefined;
    const frame = syscallBody ?? guilty ?? "corrupted";
    const groups = Array.from(m, (g) => g);
    const title = normalizeTitle(fillTemplate(format.title, groups, frame, (addr) => functionAtAddress(texts, addr)));
    // Alternative titles: the buckets (`stall in F`…) and, when the printed name differs from the cleaned
    // one, the same titles with the printed name, so either spelling matches across kernels.
    const names = [...new Set([frame, ...(guilty ? [guilty] : []), ...(printed ? [printed] : [])])];
    const alts = new Set<string>();
    for (const n of names) {
      if (n !== frame) alts.add(normalizeTitle(fillTemplate(format.title, groups, n)));
      for (const a of format.alt ?? []) alts.add(normalizeTitle(fillTemplate(a, groups, n)));
    }
    const origin = format.originAlt ? originFrame(report, format.originAlt) : undefined;
    if (origin && format.originAlt) alts.add(normalizeTitle(fillTemplate(format.originAlt.title, groups, origin)));
    alts.delete(title);
    const altTitles = [...alts];
    if (!guilty && stallGuess) {
      // A stall syzkaller cannot read (no timer-interrupt line, no anchor below it): `… in corrupted` to syzkaller,
      // the display names the frame our stack sections give.
      const named = normalizeTitle(fillTemplate(format.title, groups, stallGuess));
      return { format, title: named, syzkallerTitle: title, altTitles: [title, ...altTitles.filter((a) => a !== named)], guilty: stallGuess, frameMissing, headerFallback };
    }
    const hint = format.guiltyHint !== undefined ? m[format.guiltyHint] : format.siteFunction;
    if (!guilty && hint) {
      guilty = cleanFunctionName(hint);
      // The header names the function (`WARNING: … at f.c:12 f+0x…`) though the stack gave none (cut paste,
      // `? f` guesses only): display it; syzkaller's `… in corrupted` stays the syzkaller title and an alt.
      const named = normalizeTitle(fillTemplate(format.title, groups, guilty));
      return { format, title: named, syzkallerTitle: title, altTitles: [title, ...altTitles.filter((a) => a !== named)], guilty, frameMissing, headerFallback };
    }
    if (!guilty && format.title.includes("{FRAME}") && (format.stack?.ripFallback || format.stack?.sections.includes(RIP_SECTION))) {
      // No usable stack, but the CPU was in a known function (GPF, oops, BUG with a cut or all-generic stack): name
      // it; syzkaller's `… in corrupted` stays the syzkaller title and an alt.
      const k = firstSectionLine(report, RIP_SECTION);
      const rip = k >= 0 ? report.ripAt(k) : RIP_SECTION.test(texts[0] ?? "") ? report.ripAt(0) : undefined;
      const atRip = rip && !/^0x|^[0-9a-f]+$/.test(rip.function) ? cleanFunctionName(rip.function) : undefined;
      // The class's own checker (`__list_del_entry_valid` for a corrupted list) is never the one to name, nor, for a
      // stall, a generic function the CPU spun in (`_spin_lock`): the guessed frames below may name the caller. A BUG
      // or an oops keeps its RIP's function, generic or not: that is where the check fired.
      const spunIn = format.stack.mode === "stall" && !rip?.module && isGenericFrame(atRip ?? "");
      // A bad-access fault inside an allocator or a mem/str helper (`epc : kmem_cache_alloc`) says the pointer came
      // from its caller: the link register names it (MIPS `ra :`, arm64 `lr :`, ARM `LR is at`) when no trace does.
      // So does a fault at a bare address (`PC is at 0x0`, `pc : 0x4`): a call through a NULL or stale function
      // pointer, whose caller the link register holds.
      const bareRip = !atRip && (k >= 0 || RIP_SECTION.test(texts[0] ?? ""));
      const caller =
        FAULT_KINDS.has(format.kind ?? "other") && !rip?.module && (bareRip || (atRip !== undefined && isGenericFrame(atRip))) ? linkRegisterCaller(texts) : undefined;
      const named0 = caller ?? atRip;
      if (named0 && !spunIn && !format.stack.skip?.some((re) => re.test(named0))) {
        const named = normalizeTitle(fillTemplate(format.title, groups, named0));
        return { format, title: named, syzkallerTitle: title, altTitles: [title, ...altTitles.filter((a) => a !== named)], guilty: named0, frameMissing, headerFallback };
      }
    }
    if (!guilty && format.title.includes("{FRAME}") && format.stack) {
      // A paste that lost every section line (`grep`-filtered, a `Call Trace:` line dropped by a forum's quoting) still
      // holds the frames: the class's own cut marker (a hung task's state line: its only trustworthy stack start), else —
      // for a class titled by its task's call trace, not by a secondary stack (page_owner's) — the frames from the
      // header on name the display title.
      // A section line with no frame after it starts no stack: 32-bit ARM prints `Exception stack(0x… to 0x…)` under
      // the last frame of a task that entered the kernel from user mode (`__dabt_usr`: a page fault), its
      // `(f) from (g)` frames above it and no `Call Trace:` line at all.
      const cut = format.stack.cutSections ?? (format.stack.sections.includes(CALL_TRACE_SECTION) ? [FROM_HEADER_SECTION] : undefined);
      const startsFrames = (section: RegExp): boolean => {
        const k = firstSectionLine(report, section);
        return k >= 0 && report.framesFrom(k).length > 0;
      };
      const guessed =
        findGuilty(report, format.stack, undefined, true)?.name ??
        (cut && !format.stack.sections.some(startsFrames) ? findGuilty(report, { ...format.stack, sections: cut })?.name : undefined);
      if (guessed) {
        const named = normalizeTitle(fillTemplate(format.title, groups, guessed));
        return { format, title: named, syzkallerTitle: title, altTitles: [title, ...altTitles.filter((a) => a !== named)], guilty: guessed, frameMissing, headerFallback };
      }
    }
    const stackless = !guilty ? format.stacklessTitle?.(m) : undefined;
    if (stackless !== undefined) {
      const located = normalizeTitle(stackless);
      return { format, title: located, syzkallerTitle: title, altTitles: [title, ...altTitles.filter((a) => a !== located)], frameMissing, headerFallback };
    }
    if (!guilty) {
      // Formats that name the function in the header: use it as the guilty frame.
      const fn = /\{FUNC:([0-9])\}/.exec(format.title);
      if (fn) guilty = fillTemplate(`{FUNC:${fn[1]}}`, groups, "");
    }
    // The stall bucket `smp_call_function` titles every `smp_call_function_*` the same; the guilty frame stays the
    // function the CPU was in.
    if (guilty === STALL_CROSS_CALL_BUCKET && printed) guilty = cleanFunctionName(printed);
    return { format, title, altTitles, guilty, frameMissing, headerFallback };
  }
  if (fromNext) return { format: fromNext, title: "", altTitles: [], frameMissing: false, fromNext: true };
  const first = texts[0] ?? "";
  return { title: normalizeTitle(headerText(first).trim()), altTitles: [], frameMissing: false };
}

/** A stack keyword with frames after it (syzkaller's test that a report's stack is there). */
function hasAnnouncedStack(report: ParsedReport): boolean {
  const texts = report.texts;
  return texts.some((t, i) => STACK_KEYWORDS.test(t) && report.framesFrom(i, i + 16).length > 0);
}

/** `following`: the next report's lines when this one has no stack (see stackOfNextReport); its stack counts as this one's. */
function corruption(titled: Titled, report: ParsedReport, isPanicOnly: boolean, following?: ParsedReport): string | undefined {
  const texts = report.texts;
  const f = titled.format;
  if (f?.corrupted) return f.corrupted;
  if (titled.frameMissing) return "no usable stack frame for the title";
  if (TIMESTAMP_IN_TITLE.test(titled.title)) return "title contains a timestamp (interleaved output)";
  if (!f) return "header matched but no title format did";
  if (f.noStackTrace || isPanicOnly) return undefined;
  let sawKeyword = false;
  // syzkaller checks the first stack of each keyword only (a hung-task dump's later `Call Trace:` may say
  // `<Same stack as pid N>`), and takes `(stack is not available)` for a stack (KASAN's free stack of task 0).
  const checked = new Set<string>();
  for (let i = 0; i < texts.length; i++) {
    const keyword = STACK_KEYWORDS.exec(texts[i]);
    if (!keyword) continue;
    sawKeyword = true;
    // lockdep's `stack backtrace:` is followed by the task line and its `Call Trace:` (syzkaller skips it as a keyword).
    if (LOCKDEP_BACKTRACE.test(texts[i])) continue;
    const kind = keyword[0].replace(/[0-9]+/g, "N").toLowerCase();
    if (checked.has(kind)) continue;
    checked.add(kind);
    // The next 15 lines up to the next stack's keyword, guessed frames (`? f+0x…`) left out: syzkaller drops them.
    const window: string[] = [];
    for (let j = i + 1; j < texts.length && window.length < 15; j++) {
      if (STACK_KEYWORDS.test(texts[j]) && !LOCKDEP_BACKTRACE.test(texts[j])) break;
      if (isGuessedFrameLine(texts[j])) continue;
      window.push(texts[j]);
    }
    const framed = window.some((t) => t.includes("(stack is not available)") || parseFrameLine(t, true)?.reliable) || parseReport(["Call Trace:", ...window]).framesFrom(0).some((f) => f.reliable);
    if (!framed) return "stack trace keyword with no frames after it";
  }
  // KMSAN/KFENCE print frames right after the header, without a keyword.
  if (!sawKeyword) {
    // KMSAN/KFENCE print their frames right after the header; everything else announces its stack.
    // So does an arm32 unwinder's sleeping-task trace (`[<…>] (f) from [<…>] (g…)` under the state line).
    const framesAfterHeader = (f.stack?.sections.includes(FROM_HEADER_SECTION) ?? false) || (f.stack?.sections.includes(ARM_UNWIND_SECTION) === true && texts.some((t) => ARM_UNWIND_SECTION.test(t)));
    if ((!framesAfterHeader || report.framesFrom(0, 60).length === 0) && !(following && hasAnnouncedStack(following))) return "no stack trace in report";
  }
  return undefined;
}

function sourceRef(texts: readonly string[]): { file: string; line: number } | undefined {
  for (const t of texts.slice(0, 3)) {
    for (const re of SOURCE_REF) {
      const m = re.exec(clipToRecord(t));
      if (m && m[1]) return { file: m[1], line: Number(m[2]) };
    }
  }
  return undefined;
}

function typeFor(kind: FindingKind, title: string, format?: TitleFormat, cls?: CrashClass): string | undefined {
  if (format?.type) return format.type;
  if (kind === "kasan") {
    const access = / Write /.test(title + " ") ? "WRITE" : "READ";
    if (title.includes("use-after-free")) return `KASAN-USE-AFTER-FREE-${access}`;
    if (title.includes("null-ptr-deref")) return `KASAN-NULL-POINTER-DEREFERENCE-${access}`;
    if (title.includes("invalid-free")) return "KASAN-INVALID-FREE";
    return `KASAN-${access}`;
  }
  if (kind === "kfence") {
    const m = /KFENCE: (use-after-free|out-of-bounds|invalid) (read|write)/.exec(title);
    if (m) return m[1] === "use-after-free" ? `KFENCE-USE-AFTER-FREE-${m[2].toUpperCase()}` : `KFENCE-${m[2].toUpperCase()}`;
  }
  if (kind === "kmsan") return "KMSAN-UNINIT-VALUE";
  if (kind === "lockdep") return "LOCKDEP";
  return cls?.type;
}

/** Title, guilty frame, frames and corrupted verdict of a report (texts from its header on); undefined: not a report. */
function analyseReport(cls: CrashClass, texts: readonly string[], following: readonly string[] = [], ownLines?: number): ReportAnalysis | undefined {
  const report = parseReport(texts);
  const titled = buildTitle(cls, report, ownLines);
  const format = titled.format;
  // No format matched (`WARNING: the mand mount option is deprecated`): informational text, not a report. A title
  // only the caller's next report gives (`BUG: arch topology borken`, then the oops that follows it) is that report's,
  // which is read on its own: this line is no second copy of it.
  if (!format || titled.fromNext) return undefined;
  const kind: FindingKind = format.kind ?? cls.kind;
  const reason = corruption(titled, report, false, following.length > 0 ? parseReport(following) : undefined);
  return {
    kind,
    title: titled.title,
    altTitles: titled.altTitles,
    syzkallerTitle: titled.syzkallerTitle,
    type: typeFor(kind, titled.syzkallerTitle ?? titled.title, format, cls),
    guiltyFrame: titled.guilty,
    frames: report.framesFrom(0),
    corrupted: reason !== undefined,
    corruptedReason: reason,
  };
}

/**
 * A report a crash storm repeats: no panic read with it (a panic's tail is no repeat, and `creditPanics` reads the
 * window's panics), every line of its span kept (the key is read from the report's own lines).
 */
function mayUseKnownReports(span: Span, kept: readonly LogLine[], headerPos: number): boolean {
  return span.panicIndex === undefined && span.cls.id !== "kernel-panic" && headerPos >= 0 && kept.length === span.end - span.start + 1;
}

/** Lines after a report that may lend it their stack (see stackOfNextReport). */
const NEXT_REPORT_LINES = 200;

/**
 * With printk caller ids, syzkaller reads a report on through the next report header of the same caller: a report
 * with no stack of its own (`BUG: Dentry … still in use` then the WARNING that prints the trace, an RCU stall cut
 * by a WARNING and its panic) takes the stack printed after it. The lines of this caller after the report, when
 * another report follows at once.
 */
function stackOfNextReport(lines: readonly LogLine[], span: Span): string[] {
  const after = lines.slice(span.end + 1, span.end + 1 + NEXT_REPORT_LINES);
  if (after.length === 0 || !classifyLine(after[0].text)) return [];
  return after.map((l) => headerText(l.text));
}

/**
 * A report of a storm counted into an earlier one (crash storms, issue 11): its occurrence as `slimOccurrence` would
 * leave the report `toFinding` builds, made without building it — no guilty file, modules, taint, hardware or rip, and
 * metadata read only up to its key's last line (`core`) when those lines name the release and build (no later line
 * changes either; cpu, pid and comm, which a later line could fill, are never read of a folded occurrence). Its
 * analysis is its key's (`shared`). `undefined` when `foldsAway` says the report does not fold as such, or when it is
 * stackless (`foldRepeatedOneLiners` reads those) or its release is not settled before its tail.
 */
function repeatOccurrence(
  lines: readonly LogLine[],
  span: Span,
  kept: readonly LogLine[],
  headerPos: number,
  texts: readonly string[],
  core: number,
  analysis: ReportAnalysis,
  fileName: string,
  foldsAway: NonNullable<ExtractReportsOptions["foldsAway"]>,
): Finding | undefined {
  if (analysis.frames.length === 0 && !analysis.corrupted) return undefined;
  const keyEnd = headerPos + core + 1;
  const ownTexts = kept.slice(0, Math.max(keyEnd, MAX_REPORT_LINES)).map((l) => l.text);
  const meta = parseReportMetadata(ownTexts.length > keyEnd ? ownTexts.slice(0, keyEnd) : ownTexts);
  if (meta.kernelRelease === undefined || meta.kernelBuild === undefined) return undefined;
  const head = lines[span.header];
  const first = kept[0] ?? head;
  const last = kept[kept.length - 1] ?? head;
  const src = sourceRef(texts);
  const time = head.time ?? first.time;
  const headline = headerText(head.text).trim();
  const occurrence: Finding = {
    id: "",
    kind: analysis.kind,
    title: analysis.title,
    altTitles: [],
    syzkallerTitle: analysis.syzkallerTitle,
    type: analysis.type,
    headline,
    guiltyFrame: analysis.guiltyFrame,
    sourceFile: src?.file,
    sourceLine: src?.line,
    frames: [],
    corrupted: analysis.corrupted,
    corruptedReason: analysis.corruptedReason,
    panicked: false,
    host: head.host ?? first.host,
    time: time !== undefined ? new Date(time).toISOString() : undefined,
    uptime: head.uptime ?? first.uptime,
    source: { file: fileName, line: head.lineNo, endLine: last.lineNo },
    report: [],
    signature: "",
    matches: [],
    kernelRelease: meta.kernelRelease,
    kernelBuild: meta.kernelBuild,
    cpu: meta.cpu,
    pid: meta.pid,
    comm: meta.comm,
    kdumpLoaded: meta.kdumpLoaded,
    lastUnloadedModule: meta.lastUnloadedModule,
  };
  const report = kept.length > MAX_REPORT_LINES ? ownTexts.slice(0, MAX_REPORT_LINES) : ownTexts;
  const printed = { kernelRelease: meta.kernelRelease, panicked: false, kind: analysis.kind, title: analysis.title, frames: analysis.frames, headline, report, panicMessage: undefined };
  return foldsAway(occurrence, printed) ? foldedOccurrence(occurrence) : undefined;
}

function toFinding(lines: readonly LogLine[], span: Span, fileName: string, known?: KnownReports, foldsAway?: ExtractReportsOptions["foldsAway"]): Finding | undefined {
  const kept = reportLines(lines, span);
  const headerPos = kept.findIndex((l) => l === lines[span.header]);
  const fromHeader = kept.slice(Math.max(headerPos, 0)).map((l) => headerText(l.text));
  const head = lines[span.header];
  // A crash-utility `PANIC: "…"` header: the message is the header line.
  const next = fromHeader.some((t) => STACK_KEYWORDS.test(t)) ? [] : stackOfNextReport(lines, span);
  // With caller ids the next report of this caller is read as this one's text. Without them syzkaller titles the report
  // from its own lines but looks for its stack in everything after them: the next report's stack is this one's too.
  // Two CPUs oopsing at once, printed line by line: this header, at once another whose header names its CPU and PID,
  // then the task line of another task (stackOfAnotherTask). The body below the other header is this report's.
  const interleaved = next.length > 0 && !fromHeader.some((t) => TASK_LINE_IDS.test(t)) && stackOfAnotherTask(next[0], next);
  const texts = head.callerId !== undefined || interleaved ? [...fromHeader, ...next] : fromHeader;
  const following = head.callerId !== undefined || interleaved ? [] : next;
  const panicOnly = span.cls.id === "kernel-panic";
  let analysis: ReportAnalysis | undefined;
  if (known && following.length === 0 && mayUseKnownReports(span, kept, headerPos)) {
    const keyed = known.keyedAnalysisOf(span.cls, texts, (t) => analyseReport(span.cls, t, [], fromHeader.length));
    if (keyed.analysis && keyed.shared && foldsAway) {
      const repeat = repeatOccurrence(lines, span, kept, headerPos, texts, keyed.core, keyed.analysis, fileName, foldsAway);
      if (repeat) return repeat;
    }
    analysis = keyed.shared ? copyAnalysis(keyed.analysis) : keyed.analysis;
  } else analysis = analyseReport(span.cls, texts, following, fromHeader.length);
  if (!analysis) return undefined;
  const kind = analysis.kind;
  const src = sourceRef(texts);
  let panicMessage: string | undefined;
  if (span.panicIndex !== undefined) panicMessage = KERNEL_PANIC.exec(lines[span.panicIndex].text)?.[1];
  else if (panicOnly) panicMessage = KERNEL_PANIC.exec(headerText(head.text))?.[1];
  const first = kept[0] ?? head;
  const last = kept[kept.length - 1] ?? head;
  const finding: Finding = {
    id: "",
    kind,
    title: analysis.title,
    altTitles: analysis.altTitles,
    syzkallerTitle: analysis.syzkallerTitle,
    type: analysis.type,
    headline: headerText(head.text).trim(),
    guiltyFrame: analysis.guiltyFrame,
    guiltyFile: selectGuiltyFile(texts, { stall: kind === "rcu-stall", after: () => lines.slice(span.end + 1, span.end + 1 + GUILTY_FILE_LOOKAHEAD).map((l) => l.text) }),
    sourceFile: src?.file,
    sourceLine: src?.line,
    frames: analysis.frames,
    corrupted: analysis.corrupted,
    corruptedReason: analysis.corruptedReason,
    panicked: span.panicIndex !== undefined || panicOnly,
    panicMessage,
    // When the crash happened is the header's time; context lines before it may be hours older.
    host: head.host ?? first.host,
    time: (head.time ?? first.time) !== undefined ? new Date((head.time ?? first.time)!).toISOString() : undefined,
    uptime: head.uptime ?? first.uptime,
    source: { file: fileName, line: head.lineNo, endLine: last.lineNo },
    report: kept.slice(0, MAX_REPORT_LINES).map((l) => l.text),
    signature: "",
    matches: [],
    ...parseReportMetadata(kept.map((l) => l.text)),
  };
  // Copied without its undefined fields rather than deleting them: a deleted property turns the object into a slow
  // dictionary, and a storm reads and copies thousands of findings. Not by `copy[key] = value` either: past ~16 keyed
  // stores V8 turns an object into a dictionary too (~1.6 KB each), and a storm's repeats spread from a dictionary
  // each got a hidden class of their own (~0.7 KB each, 9 MB per 12,800 repeats); Object.fromEntries builds fast
  // objects that share their hidden class.
  return Object.fromEntries(Object.entries(finding).filter(([, v]) => v !== undefined)) as Finding;
}

/** Reports the kernel survives (WARNING, lockdep splat, allocation failure): a later panic is theirs only when no other report came in between. */
const RECOVERABLE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(["warning", "lockdep", "page-alloc-failure"]);

/** A panic this many lines after a report's header ends the cascade that report started. */
const PANIC_CASCADE_LINES = 1000;

/** The open report's header is one its class prints and carries on after (`carriesOn`). */
function carriesOnAfter(open: { cls: CrashClass; header: number }, lines: readonly LogLine[]): boolean {
  return open.cls.carriesOn?.some((re) => re.test(lines[open.header].text)) ?? false;
}

/**
 * Oopses cascade (`[#1]`, `[#2]`, a KASAN report inside a page fault) and the panic that takes the machine
 * down may be printed by another CPU or after a later report: every report before a panic in the same window
 * went down with the machine. A panic-only finding whose panic was credited to a report printed by another
 * task is that report's tail, not a crash of its own.
 */
function creditPanics(found: ReadonlyArray<{ at: number; finding: Finding; panicOnly: boolean; ownCause?: boolean; carriesOn?: boolean }>, boots: readonly number[]): Finding[] {
  const panics = found.filter((x) => x.panicOnly || x.finding.panicked);
  const credited = new Set<Finding>();
  for (const x of found) {
    if (x.panicOnly || x.finding.panicked) continue;
    // A later report that panicked (or a panic line) within reach: the panic comes at or after its header.
    // …and in the same boot: a panic after a reboot is the next kernel's.
    const p = panics.find((y) => y.at > x.at && y.at - x.at <= PANIC_CASCADE_LINES && !boots.some((b) => b > x.at && b <= y.at));
    if (!p) continue;
    // A WARNING (or lockdep splat, or an allocation failure) is recoverable: when another report came between it
    // and the panic, that report is what took the machine down.
    const recoverable = RECOVERABLE_KINDS.has(x.finding.kind);
    if (recoverable && found.some((y) => !y.panicOnly && y.at > x.at && y.at <= p.at)) continue;
    x.finding.panicked = true;
    if (p.finding.panicMessage !== undefined) x.finding.panicMessage = p.finding.panicMessage;
    // A panic raised by a check of its own (`neverTail`: the stack canary, the stack-end magic) stays a finding: the
    // reports before it went down with the machine, but did not cause it.
    // Nor is a panic the tail of a report whose code carried on after printing it (`carriesOn`: check_mm()'s lines).
    if (p.panicOnly && !p.ownCause && !x.carriesOn) credited.add(p.finding);
  }
  return found.filter((x) => !credited.has(x.finding)).map((x) => x.finding);
}

/**
 * A driver that detects an inconsistency (`ALSA …: BUG: pcmC0D0p:0, pos = …`) tends to print the same stackless
 * line again and again: one finding with a repeat count, as for problem events, not one finding per line.
 */
function foldRepeatedOneLiners(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    // A folded occurrence (its frames dropped) is a report with a stack or a corrupted one.
    if (f.frames.length > 0 || f.panicked || f.corrupted || isFoldedOccurrence(f)) {
      out.push(f);
      continue;
    }
    const key = `${f.host ?? ""}|${f.kind}|${f.title}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, f);
      out.push(f);
      continue;
    }
    first.repeats = (first.repeats ?? 1) + 1;
    first.lastSource = f.source;
    if (f.time) first.lastTime = f.time;
  }
  return out;
}

/**
 * All crash reports in `lines` (a scanner window or a whole small file), in source order.
 * `id`, `signature` and `matches` are left for triage to fill.
 */
export function extractReports(lines: LogLine[], opts: ExtractReportsOptions): Finding[] {
  if (!Array.isArray(lines) || lines.length === 0) return [];
  const found: Array<{ at: number; finding: Finding; panicOnly: boolean; ownCause?: boolean; carriesOn?: boolean }> = [];
  const boots: number[] = [];
  const parts = partitionByCaller(lines).map((part) => ({ part, ...findSpans(part) }));
  // A panic may be credited to any report before it (`creditPanics`): then no report here folds before that is done.
  const panics = parts.some(({ spans }) => spans.some((s) => s.panicIndex !== undefined || s.cls.id === "kernel-panic"));
  const foldsAway = panics ? undefined : opts.foldsAway;
  for (const { part, spans, boots: partBoots } of parts) {
    boots.push(...partBoots);
    for (const span of spans) {
      const at = part[span.header].lineNo;
      let f: Finding | undefined;
      if (opts.onWarning) {
        // One report's rules failing must not cost the other reports of the window: skip it, and say so.
        try {
          f = toFinding(part, span, opts.fileName, opts.known, foldsAway);
        } catch (e) {
          opts.onWarning({ stage: "report", source: { file: opts.fileName, line: at }, message: errorMessage(e) });
          continue;
        }
      } else f = toFinding(part, span, opts.fileName, opts.known, foldsAway);
      const inner = f ? undefined : innerSecondarySpan(part, span);
      if (inner) {
        f = toFinding(part, inner, opts.fileName, opts.known, foldsAway);
        if (f) {
          found.push({ at: part[inner.header].lineNo, finding: f, panicOnly: false });
          continue;
        }
      }
      if (f && f.kernelRelease === undefined) adoptReleaseAbove(f, part, span.start, partBoots);
      if (f && f.kernelRelease === undefined) adoptKsymoopsRelease(f, part, span.start);
      if (f) {
        const text = part[span.header].text;
        found.push({ at, finding: f, panicOnly: span.cls.id === "kernel-panic", ownCause: span.cls.neverTail?.some((re) => re.test(text)), carriesOn: span.cls.carriesOn?.some((re) => re.test(text)) });
      }
      else if (span.end === span.header) countLoneRepeat(found, part[span.header]);
    }
  }
  found.sort((a, b) => a.at - b.at);
  return foldRepeatedOneLiners(creditPanics(found, boots));
}

/** How far above a report the task line of an earlier report of the same boot is looked for. */
const TASK_LINE_ABOVE_REACH = 300;

/**
 * A report that printed no release of its own (its task line cut by a paste, or a stackless one) ran the kernel that
 * the nearest task line above it in the same boot names (`CPU: 0 PID: 0 Comm: swapper Tainted: G B 5.19.0-rc7 #1`),
 * even when that line's report lost its header and made no finding (an excerpt that starts inside a storm of Bad page
 * state reports): a boot runs one kernel. Never across a boot start.
 */
function adoptReleaseAbove(f: Finding, part: readonly LogLine[], start: number, boots: readonly number[]): void {
  const bootStart = boots.filter((b) => b <= part[start].lineNo).at(-1) ?? -Infinity;
  for (let i = start - 1; i >= 0 && i >= start - TASK_LINE_ABOVE_REACH && part[i].lineNo >= bootStart; i--) {
    const text = part[i].text;
    if (!holdsTaskLine(text)) continue;
    const meta = parseReportMetadata([text]);
    if (meta.kernelRelease === undefined) continue;
    f.kernelRelease = meta.kernelRelease;
    if (meta.kernelBuild) f.kernelBuild = meta.kernelBuild;
    f.releaseSource = "same-boot-report";
    return;
  }
}

/**
 * How far below a report a ksymoops header (its options list and warnings between) is looked for; above, as far as a
 * task line is (one ksymoops run decodes every oops it was given, one after the other).
 */
const KSYMOOPS_HEADER_REACH = 40;

/**
 * A report that printed no release, in a post that decoded it with ksymoops: ksymoops' header (`ksymoops 2.4.5 on
 * i686 2.4.20.  Options used`, its `-o /lib/modules/…/` option) names the kernel the oops was decoded for. The
 * nearest header above the report, else the first below it (a post quoting the raw oops, then ksymoops' output).
 */
function adoptKsymoopsRelease(f: Finding, part: readonly LogLine[], start: number): void {
  const texts = part.map((l) => l.text);
  const at = (i: number) => (part[i].format === "plain" ? ksymoopsReleaseAt(texts, i) : undefined);
  let release: string | undefined;
  for (let i = start - 1; i >= 0 && i >= start - TASK_LINE_ABOVE_REACH && release === undefined; i--) release = at(i);
  for (let i = start; i < part.length && i <= start + KSYMOOPS_HEADER_REACH && release === undefined; i++) release = at(i);
  if (release === undefined) return;
  f.kernelRelease = release;
  f.releaseSource = "inferred-uname";
}

/**
 * A header that made no report (a one-line `BUG: …` of no known shape without a stack: ARM's VFP code prints `BUG:
 * unsupported FP instruction in kernel mode` right before its `Internal error: Oops - undefined instruction`) does not
 * swallow the secondary header it absorbed: the report is read from that header on, as if the first line were not there.
 */
function innerSecondarySpan(part: readonly LogLine[], span: Span): Span | undefined {
  if (span.cls.id === "kernel-panic") return undefined;
  const last = Math.min(span.end, span.header + FOLLOW_UP_LINES);
  for (let j = span.header + 1; j <= last; j++) {
    const cls = classifyLine(part[j].text);
    if (cls?.secondary) return { header: j, start: span.start, end: span.end, cls, panicIndex: span.panicIndex };
  }
  return undefined;
}

/**
 * A header line with nothing after it that is no report by itself (its title needs lines the paste cut: `BUG:
 * workqueue leaked lock or atomic: kworker/0:2/0xffffffff/4586` without its `last function:`) repeats, word for word,
 * an earlier report of the same host: that report happened once more.
 */
function countLoneRepeat(found: ReadonlyArray<{ finding: Finding }>, head: LogLine): void {
  const text = headerText(head.text).trim();
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i].finding;
    if (f.headline !== text || f.host !== head.host) continue;
    f.repeats = (f.repeats ?? 1) + 1;
    f.lastSource = { file: f.source.file, line: head.lineNo };
    if (head.time !== undefined) f.lastTime = new Date(head.time).toISOString();
    return;
  }
}

/** An exception as one line for a warning (`TypeError: x is undefined`). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
