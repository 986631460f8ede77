/**
 * Lines a paste wrapped, put back together: an 80-column serial console or terminal copy breaks a long line
 * mid-token, a mail client's hard wrap (72–80 columns) breaks it at the last space. Either way the rest of the line
 * arrives as a line of its own without the prefix (`[ 12.3]`, syslog date) the line carried, and a header or frame
 * cut in two loses its title or function.
 *
 * A prefixed line is continued by the plain lines after it only when the window shows the wrap:
 * - hard wrap: the line is exactly as long as the window's longest line (the wrap width, 60 columns or more);
 *   the continuation is glued on as it is;
 * - word wrap: the continuation's first word would not have fitted on the line within that width; it is joined
 *   with the space the wrap took. A `format=flowed` mail (Thunderbird) keeps that space at the end of the wrapped
 *   line: the two halves join with it alone, or a header's words (`rcu_sched  self-detected`) would not match.
 * A log that is not wrapped has lines longer than the ones a wrapped neighbour would need, so neither test holds;
 * its longest line passes both, so a window is taken as wrapped only when two of its lines do.
 */
import type { LogLine } from "../types";

/** Narrower windows are not wrapped pastes (and a short width would make every line "full"). */
const MIN_WRAP_WIDTH = 60;
/** A word-wrapped line is at least this share of the width (a short line was not wrapped). */
const MIN_WORD_WRAP_FILL = 0.6;
/** A line wrapped more than this many times is something else (a hex dump, a paragraph of prose). */
const MAX_CONTINUATIONS = 3;
/** Share of a hard-wrapped window's wrapped lines that end at the width (a cut line of exactly the width is not). */
const HARD_WRAP_SHARE = 0.75;
/** Wrapped lines a window needs before any is joined (one may be the longest line of an unwrapped log). */
const MIN_WRAPPED_LINES = 2;

const FIRST_WORD = /^\S+/;
/** The wrap's space left at the end of the line (`format=flowed`). */
const ENDS_WITH_SPACE = /\s$/;
/**
 * A window whose wrapped lines all end at its width reads as hard-wrapped, but a mail client's word wrap of lines
 * of one length does that too. A hard wrap keeps the space at the cut (on either half): a line ending in a
 * comma or semicolon followed by a line starting with a letter lost it, so they are joined with a space
 * (`table full,` + `dropping packet`); the kernel prints a space after those.
 */
const WORD_BREAK = /[,;]$/;
const WORD_START = /^[A-Za-z(]/;

type WrapMode = "hard" | "word";

const INNER_SPACE = /\S\s+\S/;

/**
 * Kernel line shapes a wrap cut short, whatever the window's width says (a window of a few lines, lines of other
 * widths, a log without prefixes): a header whose function went to the next line (`BUG: KASAN: use-after-free in` +
 * `f+0x670/0x690 at addr …`, `WARNING: CPU: 2 PID: 1 at ipc/shm.c:162` + `shm_open+0x74/0x80`, lockdep's `…, at:` +
 * `[<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210`), and a task line whose taint or release did (`CPU: 0 PID: 2373
 * Comm: syz-executor Not` + `tainted 5.4.199 #0`). The continuation starts at its first column: a stack line the
 * kernel printed starts with a space. In a prefixed log, a line ending in a word no kernel message ends with (`INFO:
 * task udevd:5612 blocked in I/O wait for` + `more than 143 seconds.`, `INFO: task rsync:1728 blocked for more` + `than 120
 * seconds.`) is continued by the prefix-less line after it.
 */
const WANTS_FUNCTION = /(?:\bin|\bat [\w\-/.+]+\.[A-Za-z]+:\d+|\bat:)$/;
const SIZED_FRAME_START = /^(?:\[<[0-9a-f]+>\] )?[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s|$)/;
const TASK_LINE = /\bCPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: \S/;
const TASK_BUILD = / #\S/;
const TASK_TAIL = /^(?:Not tainted |tainted |Tainted: |\d+\.\d+[\w.+~-]* #|#\S)/;
// Wrapped right after `Tainted:`, the flags lead the next line: `… Comm: vgchange Kdump: loaded Tainted:` +
// `P           OE     5.4.190-esos.prod #1`.
const ENDS_WITH_TAINTED = /\bTainted:$/;
const TAINT_FLAGS_TAIL = /^[A-Z][A-Z \-]*?\s+\d+\.\d+[\w.+~-]* #\S/;
const CUT_AFTER_WORD = / (?:in|at|for|of|to|by|from|with|on|than|more|the|a|an)$/;
const WORD_AT_START = /^[A-Za-z0-9(]/;
/**
 * A stack line whose frame went to the next line whole: the mail client broke at the space after the prefix
 * (`May 10 17:51:09 server kernel:` / `jbd2_journal_commit_transaction+0x250/0x18c0 [jbd2]`) or after the `?` of a
 * guessed frame (`kernel:  ?` / `ext4_unregister_li_request.isra.13+0x60/0x60 [ext4]`): the prefixed line says nothing.
 */
const EMPTY_STACK_LINE = /^\s*\??\s*$/;
/**
 * decode_stacktrace.sh output word-wrapped after the function: `[   39.247272] process_one_work` /
 * `(/build/linux-5.3.0/kernel/workqueue.c:2274)` — the source path is too long to share the line, so the wrap falls
 * right after the name however short that line is.
 */
const BARE_FRAME_NAME = /^\s*(?:\?\s+)?[A-Za-z_][\w.]*$/;
const DECODED_SOURCE_START = /^\((?:[\w.+-]*\/)*[\w.+-]+\.(?:c|h|S|rs):\d+/;

/** `next` completes the kernel line shape `head` was cut from (see WANTS_FUNCTION). */
function shapeContinues(head: LogLine, next: LogLine): boolean {
  if (!isText(next)) return false;
  const text = next.text;
  if (SIZED_FRAME_START.test(text)) return WANTS_FUNCTION.test(head.text) || (head.format !== "plain" && EMPTY_STACK_LINE.test(head.text));
  if (DECODED_SOURCE_START.test(text)) return head.format !== "plain" && BARE_FRAME_NAME.test(head.text);
  if (TASK_TAIL.test(text) && TASK_LINE.test(head.text) && !TASK_BUILD.test(head.text)) return true;
  if (TAINT_FLAGS_TAIL.test(text) && ENDS_WITH_TAINTED.test(head.text.trimEnd()) && TASK_LINE.test(head.text)) return true;
  return head.format !== "plain" && WORD_AT_START.test(text) && CUT_AFTER_WORD.test(head.text);
}

/** A cheap first test for shapeContinues: a plain line that could continue some head. */
const isShapeContinuation = (l: LogLine): boolean => isText(l) && WORD_AT_START.test(l.text);

const isText = (l: LogLine) => l.format === "plain" && l.text.trim() !== "";

/**
 * Whether the line after a physical line of `length` characters continues it, in the window's wrap mode
 * (`flowed`: the line ends with the space the wrap took, already counted in `length`).
 */
function continues(length: number, flowed: boolean, next: LogLine, width: number, mode: WrapMode): boolean {
  if (!isText(next)) return false;
  if (mode === "hard") return length === width;
  const word = FIRST_WORD.exec(next.text);
  return word !== null && length >= width * MIN_WORD_WRAP_FILL && length + (flowed ? 0 : 1) + word[0].length > width;
}

/**
 * How the window was wrapped: hard when its wrapped lines all but stop at the width itself (a word wrap ends some
 * of them there too, by chance, and most of them short of it), else by words.
 */
function wrapModeOf(lines: readonly LogLine[], width: number): WrapMode | undefined {
  let full = 0;
  let words = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i - 1].format === "plain") continue;
    const flowed = ENDS_WITH_SPACE.test(lines[i - 1].raw);
    if (continues(lines[i - 1].raw.length, flowed, lines[i], width, "hard")) full++;
    if (continues(lines[i - 1].raw.length, flowed, lines[i], width, "word")) words++;
  }
  if (full >= MIN_WRAPPED_LINES && full >= words * HARD_WRAP_SHARE) return "hard";
  return words >= MIN_WRAPPED_LINES ? "word" : undefined;
}

/**
 * The paste each line came from, by the host its prefix names (a host-less continuation goes with the line before
 * it): a mail that quotes the original report under a new paste holds two pastes wrapped at different widths, and
 * one window-wide width would be the wider paste's, which no line of the narrower one reaches.
 */
function pasteKeys(lines: readonly LogLine[]): string[] {
  const keys: string[] = [];
  let key = "";
  for (const l of lines) {
    if (l.format !== "plain") key = l.host ?? "";
    keys.push(key);
  }
  return keys;
}

type Wrap = { width: number; mode: WrapMode };

/** Each paste's wrap width and mode (pastes that are not wrapped are left out). */
function wrapsOf(lines: readonly LogLine[], keys: readonly string[]): Map<string, Wrap> {
  const byKey = new Map<string, LogLine[]>();
  lines.forEach((l, i) => {
    let paste = byKey.get(keys[i]);
    if (!paste) byKey.set(keys[i], (paste = []));
    paste.push(l);
  });
  const wraps = new Map<string, Wrap>();
  for (const [key, paste] of byKey) {
    let width = 0;
    // A word wrap leaves a token longer than the width whole, on a line of its own: such a line says nothing of the width.
    for (const l of paste) if (l.raw.length > width && INNER_SPACE.test(l.raw)) width = l.raw.length;
    if (width < MIN_WRAP_WIDTH) continue;
    const mode = wrapModeOf(paste, width);
    if (mode !== undefined) wraps.set(key, { width, mode });
  }
  return wraps;
}

/**
 * The window's lines with wrapped continuations joined into the line they continue (which keeps its line number;
 * the continuation lines are left out). Returns `lines` itself when nothing joined.
 */
export function joinWrappedLines(lines: readonly LogLine[]): readonly LogLine[] {
  const keys = pasteKeys(lines);
  const wraps = wrapsOf(lines, keys);
  if (wraps.size === 0 && !lines.some(isShapeContinuation)) return lines;
  let out: LogLine[] | undefined;
  // `head`: the line before, when a wrap's width may continue it (a prefixed line); `prev`: any line before, which a
  // kernel shape may continue (a log without prefixes too).
  let head: LogLine | undefined;
  let wrap: Wrap | undefined;
  let prev: LogLine | undefined;
  let lastLength = 0;
  let lastFlowed = false;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const byWidth = head !== undefined && wrap !== undefined && joined < MAX_CONTINUATIONS && continues(lastLength, lastFlowed, l, wrap.width, wrap.mode);
    if (prev && (byWidth || (joined === 0 && shapeContinues(prev, l)))) {
      out ??= lines.slice(0, i);
      // The continuation's text: a quote or indentation every line of the paste carries is not part of the line. A
      // flowed line already ends with the wrap's space; a hard wrap took none, but for a word break (see WORD_BREAK).
      const space = ENDS_WITH_SPACE.test(prev.text)
        ? false
        : !byWidth || wrap?.mode === "word" || (WORD_BREAK.test(prev.text) && WORD_START.test(l.text));
      prev = { ...prev, text: prev.text + (space ? " " : "") + l.text };
      if (head) head = prev;
      out[out.length - 1] = prev;
      lastLength = l.raw.length;
      lastFlowed = ENDS_WITH_SPACE.test(l.raw);
      joined++;
      continue;
    }
    out?.push(l);
    head = l.format !== "plain" ? l : undefined;
    wrap = head ? wraps.get(keys[i]) : undefined;
    prev = l;
    lastLength = l.raw.length;
    lastFlowed = ENDS_WITH_SPACE.test(l.raw);
    joined = 0;
  }
  return out ?? lines;
}
