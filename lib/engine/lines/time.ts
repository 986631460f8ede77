/** Time helpers shared by the line parser and the boot splitter. All times are epoch milliseconds. */

export const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** UTC epoch ms; returns undefined for impossible dates instead of letting Date roll them over. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  // Feb 30 / Apr 31 would roll over into the next month; Feb 29 only exists in leap years (a wrongly inferred
  // year for an RFC 3164 date gives no time rather than Mar 1).
  if (day > 28 && day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) return undefined;
  return Date.UTC(year, month, day, hour, minute, second, ms);
}

/** ISO 8601 / RFC 3339 with optional fraction and zone (`+0800` and hour-only `+08` too). Undefined when unparsable. */
export function parseIsoTime(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const base = utcMs(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
    m[7] ? Number((m[7] + "000").slice(0, 3)) : 0,
  );
  if (base === undefined) return undefined;
  const zone = m[8];
  if (!zone || zone === "Z") return base;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!z) return base;
  const offset = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000;
  return z[1] === "+" ? base - offset : base + offset;
}

/** ISO string for a time, or undefined. */
export function isoTime(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return new Date(ms).toISOString();
}

/** logrotate's `dateext` in a file name (`messages-20240618`, `syslog-20240618.gz`): year, month (1..12), day. */
export function dateInFileName(name: string): { year: number; month: number; day: number } | undefined {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:[^0-9]|$)/.exec(name);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/**
 * The year for RFC 3164 dates in a file: rotated files are named `messages-YYYYMMDD` after the day they were
 * rotated, so their lines come from that date or earlier. Falls back to the file's mtime, then to `now`.
 */
export function inferYear(name: string, mtime?: Date, now: Date = new Date()): { year: number; month?: number; from: string } {
  const named = dateInFileName(name);
  if (named) return { year: named.year, month: named.month, from: "file name" };
  if (mtime && !Number.isNaN(mtime.getTime()))
    return { year: mtime.getUTCFullYear(), month: mtime.getUTCMonth() + 1, from: "file time" };
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, from: "current year" };
}
