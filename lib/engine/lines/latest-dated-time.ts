import { parseGrepPrefix } from "./grep-prefix";
import { dateInFileName } from "./time";

/** `2024-08-13T15:59:01`, `2024-08-13 15:59:01` (the time keeps a date without one from counting). */
const DATED = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)/g;
const DAY_MS = 86_400_000;

/**
 * The latest date `text` (a sample of one file) writes down, not after `notAfter` (a date in the future is a typo
 * or another clock, not evidence): the file's own evidence for the year of its year-less syslog dates. Full dates
 * (containerd's `time="2024-08-13T15:59:01Z"`, ISO-stamped journal lines) and the rotated files a `grep -r` paste
 * names (`/var/log/messages-20240901:Aug 16 …`: logrotate's date, the last day that file holds — taken as its end).
 */
export function latestDatedTime(text: string, notAfter: Date = new Date()): Date | undefined {
  const limit = notAfter.getTime() + DAY_MS;
  let latest: number | undefined;
  const consider = (t: number) => {
    if (t <= limit && (latest === undefined || t > latest)) latest = t;
  };
  for (const m of text.matchAll(DATED)) consider(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  let seenFile = "";
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    const prefix = parseGrepPrefix(line);
    // Consecutive lines of one file name it again and again: read each run once.
    if (!prefix || prefix.file === seenFile) continue;
    seenFile = prefix.file;
    const named = dateInFileName(prefix.file);
    if (named) consider(Date.UTC(named.year, named.month - 1, named.day, 23, 59, 59));
  }
  return latest === undefined ? undefined : new Date(latest);
}
