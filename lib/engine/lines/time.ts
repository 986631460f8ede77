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

/**
 * Month names as `dmesg -T` and journalctl print them under other locales (`%b`), lower-cased, without the
 * abbreviation's dot: German, French, Spanish, Italian, Portuguese, Dutch, Norwegian, Polish, Russian; Chinese,
 * Japanese and Korean write the number (`8月`, ` 8월`). Names shared by several languages mean the same month.
 */
const LOCALE_MONTHS: ReadonlyArray<readonly string[]> = [
  ["jan", "januar", "janv", "ene", "gen", "sty", "янв", "января", "январь"],
  ["feb", "februar", "févr", "fév", "fev", "lut", "фев", "февр", "февраля", "февраль"],
  ["mar", "mär", "mrz", "mars", "märz", "maart", "mrt", "мар", "марта", "март"],
  ["apr", "avr", "abr", "kwi", "апр", "апреля", "апрель"],
  ["may", "mai", "mag", "mei", "maj", "мая", "май"],
  ["jun", "juin", "giu", "cze", "июн", "июня", "июнь"],
  ["jul", "juil", "lug", "lip", "июл", "июля", "июль"],
  ["aug", "août", "aoû", "ago", "sie", "авг", "августа", "август"],
  ["sep", "sept", "set", "wrz", "сен", "сент", "сентября", "сентябрь"],
  ["oct", "okt", "ott", "out", "paź", "окт", "октября", "октябрь"],
  ["nov", "lis", "ноя", "нояб", "ноября", "ноябрь"],
  ["dec", "dez", "déc", "dic", "des", "gru", "дек", "декабря", "декабрь"],
];
const MONTH_BY_NAME = new Map<string, number>();
LOCALE_MONTHS.forEach((names, month) => {
  for (const name of names) MONTH_BY_NAME.set(name, month);
});
/** The month (0..11) a `%b` name stands for in any locale above, or -1. */
export function monthOf(name: string): number {
  const english = MONTHS[name];
  if (english !== undefined) return english;
  const cjk = /^(\d{1,2})[月월]$/.exec(name);
  if (cjk) return Number(cjk[1]) >= 1 && Number(cjk[1]) <= 12 ? Number(cjk[1]) - 1 : -1;
  return MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, "")) ?? -1;
}
/** The same keyed by the UTF-8 bytes of the name read as Latin-1 (the byte peek compares bytes, not text). */
export const MONTH_NAME_BYTES: ReadonlySet<string> = new Set(
  [...Object.keys(MONTHS), ...MONTH_BY_NAME.keys()].flatMap((name) => {
    const capital = name[0].toUpperCase() + name.slice(1);
    return [name, capital, name + ".", capital + "."];
  }).concat(Array.from({ length: 12 }, (_, i) => [`${i + 1}月`, `${i + 1}월`]).flat()).map(latin1OfUtf8),
);

function latin1OfUtf8(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

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

/**
 * The year for RFC 3164 dates in a file: rotated files are named `messages-YYYYMMDD` after the day they were
 * rotated, so their lines come from that date or earlier. Falls back to the file's mtime, then to `now`.
 */
export function inferYear(name: string, mtime?: Date, now: Date = new Date()): { year: number; month?: number; from: string } {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:[^0-9]|$)/.exec(name);
  if (m) return { year: Number(m[1]), month: Number(m[2]), from: "file name" };
  if (mtime && !Number.isNaN(mtime.getTime()))
    return { year: mtime.getUTCFullYear(), month: mtime.getUTCMonth() + 1, from: "file time" };
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, from: "current year" };
}
