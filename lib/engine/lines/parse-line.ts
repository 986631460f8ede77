/**
 * Per-line prefix parsing: peel the syslog / journal / dmesg / klog / logfmt / JSON wrappers off a line and keep what
 * they said (time, host, program, printk level, caller id). Formats are sniffed per line because real files mix
 * them: a syslog file holds kernel lines that carry their own `[uptime]`, kubelet lines that carry a klog header.
 * The formats are the rows of `LINE_FORMATS` (line-formats.ts), which the scanner's byte peek (`peekHost`) reads too.
 * Never throws on bad input: an unrecognised line is `plain` with `text === raw`.
 */
import type { LineFormat, LogLine } from "../types";
import { ANY_START, finishText, LINE_FORMATS, NON_ASCII, PEEK, PEEKED, type LineContext, type LineFormatRow } from "./line-formats";

export { PEEK, PEEKED, priEnd, type LineContext } from "./line-formats";

export function createLineContext(fileIndex: number, year: number, yearMonth?: number, monthsAhead = 0): LineContext {
  // Every field from the start, so every context (the walk's, which a wall banner gives `wall`, the time parser's,
  // every input's) has one hidden class: the parser's optimized code met two and deoptimized ("wrong map").
  return { fileIndex, year, yearMonth, monthsAhead, wall: undefined, inCrashOutput: undefined, criPartial: undefined, debugNode: undefined, journal: undefined, lastLineNumber: undefined, lastKtestElapsed: undefined };
}

// The line after a wall banner: ` kernel:unregister_netdevice: …`
const WALL_BODY = /^\s*kernel(?:\[\d+\])?:\s?/;
// `cat -v`, `less` and serial terminals show a carriage return as a visible `^M`: a paste of such a capture ends every
// line with those two characters, which would stick to the last frame or release of the line.
const VISIBLE_CR = "^M";
// Blogs that print an oops through WordPress-style typography turn the `x` of `0x19` between digits into a
// multiplication sign (`kobject_register+0×19/0×39`): every offset and address would stop being one.
const TYPOGRAPHIC_TIMES = "\u00d7";
const TYPOGRAPHIC_HEX_PREFIX = /(?<![0-9A-Za-z])0\u00d7(?=[0-9a-fA-F])/g;
// Blog mirrors and machine-translated pages that re-typeset a log put spaces around a symbol's `+` (`PC is at
// test_and_set_bit + 0x18/0x38`, `(_ do_softirq + 0x8c/0x118)`): every frame and PC/LR line is read by its
// `f+0xN/0xM`, so the spaces go. Only before an offset/size pair, which no prose writes.
const SPACED_SYMBOL_OFFSET = " + 0x";
const SPACED_SYMBOL_OFFSET_AT = /(?<=[A-Za-z0-9_.\]]) \+ (?=0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+)/g;
// PREEMPT_RT's 5.x printk writes the CPU, three digits, before the text of every record it hands to syslog(2) and the
// console (`[195380.604793] 027:  __schedule+…`). The dmesg row peels it after the stamp (line-formats.ts, DMESG); a
// collector that wrote the record under its own prefix (rsyslog's imklog: `host kernel: 000: pc : setup_arch+…`, a
// `dmesg -T` stamp, a kmsg or journal copy) leaves it at the start of the kernel text, where it hides the line's own
// start (`pc :`, a frame, a report's header) from every reader. Only a space after the colon, as the dmesg row; and
// not when the line is the dmesg form itself (`[uptime] 027: `), whose peel already took it (`[…] 000: 123: x` keeps
// `123:`).
const RT_CPU_PREFIX = /^\d{3}: /;
const RT_CPU_AFTER_STAMP = /^(?:<\d{1,3}>)?\[\s*\d+\.\d+(?: <\s*\d+[.,]\d+>)?\] \d{3}: /;

/** Rows by a line's first character (code < 128, or 128 for any other): both readers try only those, in table order. */
function rowsByStart(rows: readonly LineFormatRow[]): LineFormatRow[][] {
  const byStart: LineFormatRow[][] = Array.from({ length: 129 }, () => []);
  for (const row of rows) {
    if (row.starts === ANY_START) for (const list of byStart) list.push(row);
    else for (const ch of row.starts) byStart[ch === NON_ASCII ? 128 : ch.charCodeAt(0)].push(row);
  }
  return byStart;
}
const PARSE_ROWS = rowsByStart(LINE_FORMATS);
type PeekFn = NonNullable<LineFormatRow["peekHost"]>;
const PEEK_FNS: PeekFn[][] = rowsByStart(LINE_FORMATS.filter((r) => r.peekHost)).map((rows) => rows.map((r) => r.peekHost!));
/**
 * Wrappers inside wrappers (`> 12 | …`) stop here: several wrappers try the rest of a line, so a line of numbers or
 * words (a hex dump) would otherwise be re-read at every token.
 */
const MAX_PEEK_DEPTH = 4;
const MAX_WRAPPER_DEPTH = 3;
let wrapperDepth = 0;

/** What a wrapper row left of a line, parsed with the whole table (plain past the nesting limit). */
function parseWrapped(s: string, lineNo: number, ctx: LineContext): LogLine {
  if (wrapperDepth >= MAX_WRAPPER_DEPTH) return { fileIndex: ctx.fileIndex, lineNo, raw: s, text: s, format: "plain" };
  wrapperDepth++;
  try {
    return parseLine(s, lineNo, ctx);
  } finally {
    wrapperDepth--;
  }
}

/**
 * A `LogLine` as `parseLine` makes it: the same own fields in the same order as the object literal it replaces, but
 * made by a constructor, so V8 gives its instances room for the fields the format parsers add afterwards (time, host,
 * program, pid, level: in-object slack). A literal had room for its five fields only: every syslog line grew a
 * separate property store, twice, and that store lived as long as the line (a window's lines live until it closes).
 */
class ParsedLine {
  declare fileIndex: number;
  declare lineNo: number;
  declare raw: string;
  declare text: string;
  declare format: LineFormat;
  constructor(fileIndex: number, lineNo: number, raw: string, text: string) {
    this.fileIndex = fileIndex;
    this.lineNo = lineNo;
    this.raw = raw;
    this.text = text;
    this.format = "plain";
  }
}

/**
 * Parse one line. `raw` must already be cleaned by ingest (no NUL, no ANSI escapes, no trailing CR).
 * `ctx` carries per-file state (year, wall banners, journal entries, CRI partial lines) and is updated.
 */
export function parseLine(raw: string, lineNo: number, ctx: LineContext): LogLine {
  let s = raw.endsWith(VISIBLE_CR) ? raw.slice(0, -VISIBLE_CR.length) : raw;
  if (s.includes(TYPOGRAPHIC_TIMES)) s = s.replace(TYPOGRAPHIC_HEX_PREFIX, "0x");
  if (s.includes(SPACED_SYMBOL_OFFSET)) s = s.replace(SPACED_SYMBOL_OFFSET_AT, "+");
  const line: LogLine = new ParsedLine(ctx.fileIndex, lineNo, raw, s);
  if (s.length === 0) {
    // The blank line that ends a `journalctl -o export` entry is the journal's, not a blank line of kernel text: a
    // report read through the export would otherwise break at every entry (a blank line can end a report).
    if (ctx.journal && !ctx.journal.verbose) {
      line.format = "journal";
      line.program = "journal";
    }
    return line;
  }

  // A wall banner followed by its body.
  const wall = ctx.wall;
  if (wall) {
    ctx.wall = undefined;
    const body = WALL_BODY.exec(s);
    if (body) {
      line.format = wall.journald ? "journald-wall" : "syslogd-wall";
      line.host = wall.host;
      line.time = wall.time;
      line.program = "kernel";
      line.text = finishText(line, s.slice(body[0].length), ctx);
      return line;
    }
  }
  const c = s.charCodeAt(0);
  for (const row of PARSE_ROWS[c < 128 ? c : 128]) if (row.parse(s, line, ctx, parseWrapped)) break;
  // Read once, on the outermost line (a wrapper adopts the inner line's text).
  if (wrapperDepth === 0 && line.program === "kernel" && RT_CPU_PREFIX.test(line.text) && !RT_CPU_AFTER_STAMP.test(s)) {
    line.text = line.text.slice(5);
  }
  // syslogd before ~2007 wrote the body with the host (`fang kernel: Oops: 0000 [1]`): a row reads it as that host's
  // kernel line, and it is still the wall copy of a line the log file holds too.
  if (wall && line.host === wall.host && line.program === "kernel") line.format = "syslogd-wall";
  if (line.host === undefined && ctx.debugNode !== undefined) line.host = ctx.debugNode;
  return line;
}

function peekAt(bytes: Uint8Array, pos: number, eol: number, depth: number): number {
  if (pos >= eol || depth > MAX_PEEK_DEPTH) return PEEK.NOT_THIS;
  const c = bytes[pos];
  const fns = PEEK_FNS[c < 128 ? c : 128];
  for (let i = 0; i < fns.length; i++) {
    const host = fns[i](bytes, pos, eol, depth, peekAt);
    if (host !== PEEK.NOT_THIS) return host;
  }
  return PEEK.NOT_THIS;
}

/**
 * The scanner's byte peek at the line bytes[pos, eol): where its host name starts (end and hash in `PEEKED`),
 * `PEEK.HOSTLESS`, or `PEEK.KEEPS_HOST` (the line belongs to the host of the line before); `PEEKED.sticky` when the
 * host also owns the host-less lines after it (the caller resets it). The same rows as
 * `parseLine`, read from raw bytes: this runs on every line of the input.
 */
export function peekHost(bytes: Uint8Array, pos: number, eol: number): number {
  const host = peekAt(bytes, pos, eol, 0);
  return host === PEEK.NOT_THIS ? PEEK.HOSTLESS : host;
}

/** The host `peekHost` finds in a line of text (tests and tools; the scanner works on bytes). */
export function peekHostOfText(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text);
  const start = peekHost(bytes, 0, bytes.length);
  return start >= 0 ? new TextDecoder().decode(bytes.subarray(start, PEEKED.end)) : undefined;
}
