/**
 * Paste damage undone on raw bytes, before the scan: what web pages, rich-text editors and mail archives do to a
 * log on its way to the user's clipboard. The scanner's prefilter and every rule read kernel text byte for byte, so
 * `BUG:\u00a0unable` or `-&gt;` would hide a report. The kernel prints none of these sequences itself, so their
 * repair cannot change a log that was not damaged:
 * - U+00A0 no-break space → space (web renderers keep runs of spaces as `&nbsp;`, rich-text editors write every
 *   space as one); a no-break space decoded twice (its UTF-8 bytes read as Latin-1 by a mailer or archive: `Â`
 *   then U+00A0, or `Â` then a space once that was normalised) → one space; `Â` then a space only where the `Â`
 *   follows ASCII, a no-break space or starts the line: a real `Â` stands before a letter, or ends a non-ASCII word;
 * - U+200B/200C/200D/2060/FEFF zero-width characters removed (HTML generators mark break opportunities in long
 *   tokens with them; a copy keeps them);
 * - typographic quotes (U+2018/2019 → `'`, U+201C/201D → `"`) back to the ASCII the kernel printed: texturizing
 *   renderers and word processors turn `can't` into `can’t`, and a class's header no longer matched;
 * - the HTML entities of a page's source or a double-escaping forum (`&gt;` `&lt;` `&amp;` `&quot;` `&#39;`
 *   `&apos;` `&nbsp;`, decimal and hex character references of ASCII) decoded once;
 * - quoted-printable (RFC 2045 §6.7: `=3D`, `=20`, soft `=` line ends) decoded, only when the input's head reads as
 *   quoted-printable: a line ending in `=` is ordinary in other logs (`key=` with an empty value); an encoded
 *   no-break space (`=C2=A0`, or `=A0` from a Latin-1 body) decodes to a space like the raw one.
 * - a code block's indentation (Markdown's four spaces or a tab, a mail's indented excerpt) removed, only when every
 *   line of the input's head carries the same one: the line rules accept an indented line, but a wrapped line's
 *   continuation, a hung task's `      Tainted:` line or a register dump's columns are read by their own indentation.
 * An input with none of the trigger bytes passes through untouched (a `indexOf` per chunk).
 */

import { searchableBytes } from "./byte-search";
import { concatBytes } from "./concat-bytes";

const AMP = 0x26;
const NBSP_LEAD = 0xc2; // U+00A0 is C2 A0
const ZW_LEAD = 0xe2; // U+200B..D: E2 80 8B..8D; U+2060: E2 81 A0
const BOM_LEAD = 0xef; // U+FEFF: EF BB BF
const LATIN1_LEAD = 0xc3; // U+00C2 `Â` is C3 82
const LF = 0x0a;
const CR = 0x0d;
const EQ = 0x3d;

const NAMED_ENTITIES: Record<string, number> = { gt: 0x3e, lt: 0x3c, amp: 0x26, quot: 0x22, apos: 0x27, nbsp: 0x20 };
/** Longest entity we decode: `&#x7e;`/`&#126;`/`&quot;` (with `&` and `;`). */
const MAX_ENTITY = 7;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The byte an entity at bytes[i] (an `&`) stands for and its length, or undefined. */
function entityAt(bytes: Uint8Array, i: number, end: number): { byte: number; length: number } | undefined {
  const semi = bytes.subarray(i + 1, Math.min(end, i + MAX_ENTITY)).indexOf(0x3b);
  if (semi < 1) return undefined;
  const body = String.fromCharCode(...bytes.subarray(i + 1, i + 1 + semi));
  let byte: number | undefined;
  if (body.charCodeAt(0) === 0x23) {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // Only printable ASCII and tab: a reference to anything else stays as written.
    if (Number.isFinite(code) && ((code >= 0x20 && code < 0x7f) || code === 9) && /^#(?:x[0-9a-f]+|\d+)$/i.test(body)) byte = code;
  } else byte = NAMED_ENTITIES[body];
  return byte === undefined ? undefined : { byte, length: semi + 2 };
}

/** The ASCII quote a typographic one at bytes[i] (E2 80 98/99/9C/9D) was, or -1. */
function asciiQuoteAt(bytes: Uint8Array, i: number, end: number): number {
  if (i + 2 >= end || bytes[i] !== ZW_LEAD || bytes[i + 1] !== 0x80) return -1;
  const c = bytes[i + 2];
  if (c === 0x98 || c === 0x99) return 0x27;
  return c === 0x9c || c === 0x9d ? 0x22 : -1;
}

/** Zero-width character at bytes[i], as its byte length (0: none). */
function zeroWidthAt(bytes: Uint8Array, i: number, end: number): number {
  if (i + 2 >= end) return 0;
  const a = bytes[i];
  const b = bytes[i + 1];
  const c = bytes[i + 2];
  if (a === ZW_LEAD && b === 0x80 && c >= 0x8b && c <= 0x8d) return 3;
  if (a === ZW_LEAD && b === 0x81 && c === 0xa0) return 3;
  if (a === BOM_LEAD && b === 0xbb && c === 0xbf) return 3;
  return 0;
}

/** Length of a double-decoded no-break space at bytes[i] (`Â` then U+00A0 or a space; 0: none). */
function mojibakeNbspAt(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== LATIN1_LEAD || i + 2 >= end || bytes[i + 1] !== 0x82) return 0;
  // `Â` then U+00A0 is no text; `Â` then a space only after ASCII or another no-break space (a non-ASCII word's `Â`).
  if (bytes[i + 2] === NBSP_LEAD) return i + 3 < end && bytes[i + 3] === 0xa0 ? 4 : 0;
  if (bytes[i + 2] !== 0x20) return 0;
  return i === 0 || bytes[i - 1] < 0x80 || (bytes[i - 1] === 0xa0 && bytes[i - 2] === NBSP_LEAD) ? 3 : 0;
}

/** Whether bytes[i] starts a sequence `repairPasteBytes` changes (quoted-printable aside). */
function isDamageAt(bytes: Uint8Array, i: number, end: number): boolean {
  const c = bytes[i];
  if (c === NBSP_LEAD) return bytes[i + 1] === 0xa0;
  if (c === LATIN1_LEAD) return mojibakeNbspAt(bytes, i, end) > 0;
  if (c === AMP) return entityAt(bytes, i, end) !== undefined;
  return zeroWidthAt(bytes, i, end) > 0 || asciiQuoteAt(bytes, i, end) !== -1;
}

/**
 * Whether bytes (whole lines) hold anything `repairPasteBytes` would change, quoted-printable aside. Jumps from
 * trigger byte to trigger byte (`indexOf`): lockdep's `(&rq->lock)` and UTF-8 text cost a check each, no copy.
 */
export function hasPasteDamage(bytes: Uint8Array): boolean {
  const end = bytes.length;
  // Node's Buffer#indexOf is memchr; a typed array's indexOf walks ~0.8 ns a byte, so four triggers over a 256 MB
  // log without any cost 0.8 s (the quiet bench:perf profile: 2.1 → 2.9 s) where Buffer's costs ~0.13 s.
  const view = searchableBytes(bytes);
  for (const trigger of [NBSP_LEAD, AMP, ZW_LEAD, BOM_LEAD, LATIN1_LEAD]) {
    for (let i = view.indexOf(trigger); i !== -1; i = view.indexOf(trigger, i + 1)) if (isDamageAt(bytes, i, end)) return true;
  }
  return false;
}

/**
 * The repaired copy of bytes (whole lines: a sequence never straddles the end), or the same array when nothing
 * changed. `quotedPrintable` also decodes `=XX` and joins soft line breaks.
 */
export function repairPasteBytes(bytes: Uint8Array, quotedPrintable = false): Uint8Array {
  if (!quotedPrintable && !hasPasteDamage(bytes)) return bytes;
  const out = new Uint8Array(bytes.length);
  let o = 0;
  const end = bytes.length;
  for (let i = 0; i < end; i++) {
    const c = bytes[i];
    if (c === NBSP_LEAD && bytes[i + 1] === 0xa0) {
      out[o++] = 0x20;
      i++;
      continue;
    }
    if (c === LATIN1_LEAD) {
      const mojibake = mojibakeNbspAt(bytes, i, end);
      if (mojibake > 0) {
        out[o++] = 0x20;
        i += mojibake - 1;
        continue;
      }
    } else if (c === ZW_LEAD || c === BOM_LEAD) {
      const zw = zeroWidthAt(bytes, i, end);
      if (zw > 0) {
        i += zw - 1;
        continue;
      }
      const quote = asciiQuoteAt(bytes, i, end);
      if (quote !== -1) {
        out[o++] = quote;
        i += 2;
        continue;
      }
    } else if (c === AMP) {
      const entity = entityAt(bytes, i, end);
      if (entity) {
        out[o++] = entity.byte;
        i += entity.length - 1;
        continue;
      }
    } else if (c === EQ && quotedPrintable) {
      // Soft line break: `=`, optional trailing blanks, then the line end.
      let j = i + 1;
      while (j < end && (bytes[j] === 0x20 || bytes[j] === 0x09)) j++;
      if (bytes[j] === CR) j++;
      if (j < end && bytes[j] === LF) {
        i = j;
        continue;
      }
      const hi = i + 2 < end ? hexValue(bytes[i + 1]) : -1;
      const lo = hi >= 0 ? hexValue(bytes[i + 2]) : -1;
      if (lo >= 0) {
        const value = hi * 16 + lo;
        i += 2;
        // A no-break space encoded by the mailer: `=C2=A0` (UTF-8) or a lone `=A0` (Latin-1/Windows-1252 bodies,
        // as Outlook sends). Decoded, it would hide the blanks the rules read (the `CPU:` line's taint columns) just
        // like a raw U+00A0. An `=A0` after another decoded lead or continuation byte belongs to a wider character.
        if (value === 0xa0 && o > 0 && out[o - 1] === NBSP_LEAD) {
          out[o - 1] = 0x20;
          continue;
        }
        const previous = o > 0 ? out[o - 1] : 0;
        out[o++] = value === 0xa0 && previous < 0x80 ? 0x20 : value;
        continue;
      }
    }
    out[o++] = c;
  }
  return out.subarray(0, o);
}

/** Quoted-printable keeps lines at 76 characters with its soft `=`; encoders break as late as they can. */
const QP_MAX_LINE = 77;
const QP_SOFT_BREAK_MIN_LINE = 70;

/**
 * Whether an input's head reads as quoted-printable: soft line breaks (lines of 70–77 characters ending in `=`), no
 * line longer than the encoding allows, and either two soft breaks or one and an `=XX` escape (an encoder writes
 * every `=` of the text as `=3D`). A log line ending in `key=` at that very length is the rare exception. A line
 * ending in `==` is not a soft break: an encoder writes the text's `=` as `=3D`, so the character before its soft
 * `=` is never a bare `=` — and a wrapped paste's SLUB and KASAN separators (`[ 12.3] =====…`, cut to 72 columns
 * by a mail client) end in runs of them.
 */
export function looksQuotedPrintable(head: Uint8Array): boolean {
  let softBreaks = 0;
  let escapes = 0;
  let lineStart = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i < head.length && head[i] !== LF) {
      if (head[i] === EQ && i + 2 < head.length && hexValue(head[i + 1]) >= 0 && hexValue(head[i + 2]) >= 0) escapes++;
      continue;
    }
    let e = i;
    while (e > lineStart && head[e - 1] === CR) e--;
    // The last line of a head cut mid-line tells nothing about its length.
    if (i < head.length && e - lineStart > QP_MAX_LINE) return false;
    if (i < head.length && e - lineStart >= QP_SOFT_BREAK_MIN_LINE && head[e - 1] === EQ && head[e - 2] !== EQ) softBreaks++;
    lineStart = i + 1;
  }
  return softBreaks >= 2 || (softBreaks === 1 && escapes > 0);
}

/** Non-blank lines of the head that must carry the indentation before it counts as the paste's, not the log's. */
const INDENT_MIN_LINES = 3;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * The indentation every non-blank line of an input's head starts with, when it is a code block's: a tab, or four
 * spaces or more. The kernel indents continuation lines (stack frames, `Tainted:`, register columns) by one to six
 * spaces, never every line of a report — a report's header starts at the margin — so a head whose every line is
 * indented was indented on its way to the user. undefined otherwise.
 */
export function codeBlockIndent(head: Uint8Array): Uint8Array | undefined {
  /** Where the first non-blank line starts, and how much of its indentation every later one shares. */
  let firstAt = -1;
  let common = 0;
  let lines = 0;
  let lineStart = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i < head.length && head[i] !== LF) continue;
    let w = lineStart;
    while (w < i && (head[w] === SPACE || head[w] === TAB)) w++;
    const blank = w === i || (head[w] === CR && w + 1 === i);
    if (!blank) {
      if (firstAt === -1) {
        firstAt = lineStart;
        common = w - lineStart;
      } else {
        let k = 0;
        while (k < common && lineStart + k < w && head[lineStart + k] === head[firstAt + k]) k++;
        common = k;
      }
      if (common === 0) return undefined;
      lines++;
    }
    lineStart = i + 1;
  }
  if (lines < INDENT_MIN_LINES) return undefined;
  const indent = head.slice(firstAt, firstAt + common);
  return indent[0] === TAB || common >= 4 ? indent : undefined;
}

/**
 * bytes with `indent` taken off the start of each line that begins with it; `atLineStart`: whether bytes[0] starts a
 * line (a chunk handed on mid-line does not). Returns the bytes and whether the next chunk starts a line.
 */
function dedentBytes(bytes: Uint8Array, indent: Uint8Array, atLineStart: boolean): { bytes: Uint8Array; atLineStart: boolean } {
  const out = new Uint8Array(bytes.length);
  let o = 0;
  let lineStart = atLineStart;
  for (let i = 0; i < bytes.length; i++) {
    if (lineStart) {
      lineStart = false;
      let k = 0;
      while (k < indent.length && i + k < bytes.length && bytes[i + k] === indent[k]) k++;
      if (k === indent.length) i += k;
      if (i >= bytes.length) break;
    }
    const c = bytes[i];
    out[o++] = c;
    if (c === LF) lineStart = true;
  }
  return { bytes: out.subarray(0, o), atLineStart: bytes.length === 0 ? atLineStart : bytes[bytes.length - 1] === LF };
}

const MAX_CARRY = 1 << 20;
/** Bytes of an input's head read to decide on its indentation and on quoted-printable. */
const QP_DECISION_BYTES = 65536;

/**
 * An input's byte chunks with paste damage repaired (see the module comment). Chunks are cut after their last line
 * end so no sequence straddles two; the head is held back until 64 KB (or the end) to decide on quoted-printable,
 * so the result does not depend on how the input was chunked.
 */
export async function* repairPasteChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldLength = 0;
  let quotedPrintable: boolean | undefined;
  let indent: Uint8Array | undefined;
  let atLineStart = true;
  let carry: Uint8Array = new Uint8Array(0);
  /** Whole lines (but for a line handed on past MAX_CARRY), dedented, then repaired. */
  const repair = (lines: Uint8Array): Uint8Array => {
    if (!indent) return repairPasteBytes(lines, quotedPrintable);
    const dedented = dedentBytes(lines, indent, atLineStart);
    atLineStart = dedented.atLineStart;
    return repairPasteBytes(dedented.bytes, quotedPrintable);
  };
  const emit = function* (next: Uint8Array, last: boolean): Generator<Uint8Array> {
    let chunk = next;
    const firstLf = carry.length > 0 && !last ? searchableBytes(chunk).indexOf(LF) : -1;
    if (firstLf !== -1) {
      // The carried line ends in this chunk: it is repaired with its end alone (no sequence straddles a line end)
      // and the rest from the chunk itself. Putting the carry before the chunk copied every 1 MB read whole.
      const head = concatBytes([carry, chunk.subarray(0, firstLf + 1)]);
      carry = chunk.subarray(0, 0);
      yield repair(head);
      chunk = chunk.subarray(firstLf + 1);
    }
    const bytes = carry.length > 0 ? concatBytes([carry, chunk]) : chunk;
    let cut = last ? bytes.length : searchableBytes(bytes).lastIndexOf(LF) + 1;
    // A line without end past MAX_CARRY is handed on (the line splitter cuts it anyway): memory stays bounded.
    if (cut === 0 && bytes.length > MAX_CARRY) cut = bytes.length - MAX_ENTITY;
    carry = bytes.subarray(cut);
    if (cut > 0) yield repair(bytes.subarray(0, cut));
  };
  /** Decides on the head (the first 64 KB, or the whole input): its indentation first, then quoted-printable. */
  const decide = (head: Uint8Array) => {
    indent = codeBlockIndent(head);
    const lines = indent ? dedentBytes(head, indent, true).bytes : head;
    quotedPrintable = looksQuotedPrintable(lines);
  };
  for await (const chunk of source) {
    if (quotedPrintable === undefined) {
      held.push(chunk);
      heldLength += chunk.length;
      if (heldLength < QP_DECISION_BYTES) continue;
      const head = concatBytes(held);
      held = [];
      decide(head.subarray(0, QP_DECISION_BYTES));
      yield* emit(head, false);
      continue;
    }
    yield* emit(chunk, false);
  }
  if (quotedPrintable === undefined) {
    const head = concatBytes(held);
    decide(head);
    yield* emit(head, true);
  } else yield* emit(new Uint8Array(0), true);
}
