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
 *   with the space the wrap took.
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
/**
 * A window whose wrapped lines all end at its width reads as hard-wrapped, but a mail client's word wrap of lines
 * of one length does that too. A hard wrap keeps the space at the cut (on either half): a line ending in a
 * comma or semicolon followed by a line starting with a letter lost it, so they are joined with a space
 * (`table full,` + `dropping packet`); the kernel prints a space after those.
 */
const WORD_BREAK = /[,;]$/;
const WORD_START = /^[A-Za-z(]/;

type WrapMode = "hard" | "word";

const isText = (l: LogLine) => l.format === "plain" && l.text.trim() !== "";

/** Whether the line after a physical line of `length` characters continues it, in the window's wrap mode. */
function continues(length: number, next: LogLine, width: number, mode: WrapMode): boolean {
  if (!isText(next)) return false;
  if (mode === "hard") return length === width;
  const word = FIRST_WORD.exec(next.text);
  return word !== null && length >= width * MIN_WORD_WRAP_FILL && length + 1 + word[0].length > width;
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
    if (continues(lines[i - 1].raw.length, lines[i], width, "hard")) full++;
    if (continues(lines[i - 1].raw.length, lines[i], width, "word")) words++;
  }
  if (full >= MIN_WRAPPED_LINES && full >= words * HARD_WRAP_SHARE) return "hard";
  return words >= MIN_WRAPPED_LINES ? "word" : undefined;
}

/**
 * The window's lines with wrapped continuations joined into the line they continue (which keeps its line number;
 * the continuation lines are left out). Returns `lines` itself when nothing joined.
 */
export function joinWrappedLines(lines: readonly LogLine[]): readonly LogLine[] {
  let width = 0;
  for (const l of lines) if (l.raw.length > width) width = l.raw.length;
  if (width < MIN_WRAP_WIDTH) return lines;
  const mode = wrapModeOf(lines, width);
  if (mode === undefined) return lines;
  const sep = mode === "hard" ? "" : " ";
  let out: LogLine[] | undefined;
  let head: LogLine | undefined;
  let lastLength = 0;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (head && joined < MAX_CONTINUATIONS && continues(lastLength, l, width, mode)) {
      out ??= lines.slice(0, i);
      // The continuation's text: a quote or indentation every line of the paste carries is not part of the line.
      head = { ...head, text: head.text + (mode === "hard" && WORD_BREAK.test(head.text) && WORD_START.test(l.text) ? " " : sep) + l.text };
      out[out.length - 1] = head;
      lastLength = l.raw.length;
      joined++;
      continue;
    }
    out?.push(l);
    head = l.format !== "plain" ? l : undefined;
    lastLength = l.raw.length;
    joined = 0;
  }
  return out ?? lines;
}
