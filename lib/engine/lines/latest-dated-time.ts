import { parseGrepPrefix } from "./grep-prefix";
import { dateInFileName } from "./time";

/**
 * `2024-08-13T15:59:01`, `2024-08-13 15:59:01` (the time keeps a date without one from counting). `datedAt` is this
 * pattern written out by hand (the tests hold the two to each other): a many-file triage samples every file, and a
 * busy node's sample has a date on nearly every line (~1,200 matches, each an array of six strings and six
 * `Number()`s, was ~0.4 MB of garbage and ~3 M instructions per file).
 */
export const DATED = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)/g;
const DATED_LENGTH = 19;
const DAY_MS = 86_400_000;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** `\w` without the u flag. */
const isWordChar = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** Two digits `hi` `lo` with `hi` ≤ `maxHi` (and `lo` ≤ `maxLoAtMax` when `hi` is `maxHi`): their value, else -1. */
function twoDigits(text: string, at: number, maxHi: number, maxLoAtMax: number): number {
  const hi = text.charCodeAt(at) - 48;
  const lo = text.charCodeAt(at + 1) - 48;
  if (hi < 0 || hi > maxHi || lo < 0 || lo > 9 || (hi === maxHi && lo > maxLoAtMax)) return -1;
  return hi * 10 + lo;
}

/** The time `DATED` matches at text[i] (its `-` at i + 4), or NaN when it does not match there. */
function datedAt(text: string, i: number): number {
  if (i + DATED_LENGTH > text.length || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) return NaN;
  const century = twoDigits(text, i, 2, 0);
  if (century !== 19 && century !== 20) return NaN;
  const yy = twoDigits(text, i + 2, 9, 9);
  if (yy < 0 || text.charCodeAt(i + 7) !== 45) return NaN;
  const month = twoDigits(text, i + 5, 1, 2);
  const day = twoDigits(text, i + 8, 3, 1);
  if (month < 1 || day < 1) return NaN;
  const t = text.charCodeAt(i + 10);
  if ((t !== 84 && t !== 32) || text.charCodeAt(i + 13) !== 58 || text.charCodeAt(i + 16) !== 58) return NaN;
  const hour = twoDigits(text, i + 11, 2, 3);
  const minute = twoDigits(text, i + 14, 5, 9);
  const second = twoDigits(text, i + 17, 5, 9);
  if (hour < 0 || minute < 0 || second < 0) return NaN;
  return Date.UTC(century * 100 + yy, month - 1, day, hour, minute, second);
}

/**
 * Whether text[start, end) may carry a `grep -r` prefix (`parseGrepPrefix`): a name starts with `/`, `.` or a word
 * character and ends at a `:` or `-` before any white space. Most lines fail at their first word, without a slice.
 */
function mayHaveGrepPrefix(text: string, start: number, end: number): boolean {
  const c0 = text.charCodeAt(start);
  if (c0 !== 47 && c0 !== 46 && !isWordChar(c0)) return false;
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 58 || c === 45) return true;
    if (c === 32) return false;
  }
  return false;
}

/**
 * The latest date `text` (a sample of one file) writes down, not after `notAfter` (a date in the future is a typo
 * or another clock, not evidence): the file's own evidence for the year of its year-less syslog dates. Full dates
 * (containerd's `time="2024-08-13T15:59:01Z"`, ISO-stamped journal lines) and the rotated files a `grep -r` paste
 * names (`/var/log/messages-20240901:Aug 16 …`: logrotate's date, the last day that file holds — taken as its end).
 */
export function latestDatedTime(text: string, notAfter: Date = new Date()): Date | undefined {
  return latestDatedTimeOf([text], notAfter);
}

/**
 * `latestDatedTime` of the texts joined by line ends, read one by one (a file's head and tail: joined, the sample
 * was a cons string every search flattened into a copy first).
 */
export function latestDatedTimeOf(texts: readonly string[], notAfter: Date = new Date()): Date | undefined {
  const limit = notAfter.getTime() + DAY_MS;
  let latest: number | undefined;
  const consider = (t: number) => {
    if (t <= limit && (latest === undefined || t > latest)) latest = t;
  };
  let seenFile = "";
  for (const text of texts) {
    // As `text.matchAll(DATED)` finds them: every match has its first `-` four characters in, and the next match
    // starts after the last one's end. A match holds no line end, so none straddles two texts.
    let after = 0;
    for (let dash = text.indexOf("-", 4); dash !== -1; dash = text.indexOf("-", dash + 1)) {
      const i = dash - 4;
      if (i < after) continue;
      const t = datedAt(text, i);
      if (Number.isNaN(t)) continue;
      consider(t);
      after = i + DATED_LENGTH;
    }
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const lineStart = start;
      start = end + 1;
      if (!mayHaveGrepPrefix(text, lineStart, end)) continue;
      const prefix = parseGrepPrefix(text.slice(lineStart, end));
      // Consecutive lines of one file name it again and again: read each run once.
      if (!prefix || prefix.file === seenFile) continue;
      seenFile = prefix.file;
      const named = dateInFileName(prefix.file);
      if (named) consider(Date.UTC(named.year, named.month - 1, named.day, 23, 59, 59));
    }
  }
  return latest === undefined ? undefined : new Date(latest);
}
