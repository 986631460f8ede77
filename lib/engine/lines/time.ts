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
 * abbreviation's dot: German, French, Spanish, Italian, Portuguese, Dutch, Norwegian, Swedish, Polish, Czech, Slovak,
 * Hungarian, Romanian, Finnish, Estonian, Latvian, Lithuanian (glibc's current `vas.` and its older `Vas`), Turkish,
 * Russian, Ukrainian; Chinese, Japanese and Korean write the number (`8月`, ` 8월`). Names shared by several languages
 * mean the same month (Croatian is left out: its `lip`, `lis`, `srp` are other months in Polish and Czech). glibc
 * spells some out in full: French `mars`, `avril`, Norwegian and Swedish `juni`, `juli`.
 */
const LOCALE_MONTHS: ReadonlyArray<readonly string[]> = [
  ["jan", "januar", "janv", "ene", "gen", "sty", "led", "ian", "tammi", "jaan", "saus", "sau", "oca", "янв", "января", "январь", "січ"],
  ["feb", "februar", "févr", "fév", "fev", "lut", "úno", "febr", "helmi", "veebr", "vas", "şub", "фев", "февр", "февраля", "февраль", "лют"],
  ["mar", "mär", "mrz", "mars", "märz", "maart", "mrt", "bře", "márc", "maalis", "märts", "marts", "kov", "мар", "марта", "март", "бер"],
  ["apr", "avr", "avril", "abr", "kwi", "dub", "ápr", "huhti", "bal", "nis", "апр", "апреля", "апрель", "кві"],
  ["may", "mai", "mag", "mei", "maj", "kvě", "máj", "touko", "maijs", "geg", "мая", "май", "тра"],
  ["jun", "juin", "giu", "cze", "juni", "čen", "jún", "iun", "kesä", "juuni", "jūn", "birž", "bir", "haz", "июн", "июня", "июнь", "чер"],
  ["jul", "juil", "lug", "lip", "juli", "čec", "júl", "iul", "heinä", "juuli", "jūl", "liep", "lie", "tem", "июл", "июля", "июль", "лип"],
  ["aug", "août", "aoû", "ago", "sie", "srp", "elo", "rugp", "rgp", "ağu", "авг", "августа", "август", "сер"],
  ["sep", "sept", "set", "wrz", "zář", "szept", "syys", "rugs", "rgs", "eyl", "сен", "сент", "сентября", "сентябрь", "вер"],
  ["oct", "okt", "ott", "out", "paź", "říj", "loka", "spal", "spa", "eki", "окт", "октября", "октябрь", "жов"],
  ["nov", "lis", "marras", "lapkr", "lap", "kas", "ноя", "нояб", "ноября", "ноябрь", "лис"],
  ["dec", "dez", "déc", "dic", "des", "gru", "pro", "joulu", "dets", "gruod", "grd", "ara", "дек", "декабря", "декабрь", "гру"],
];
const MONTH_BY_NAME = new Map<string, number>();
LOCALE_MONTHS.forEach((names, month) => {
  for (const name of names) MONTH_BY_NAME.set(name, month);
});
/** `MONTHS` keyed by the three ASCII character codes of each name (see `monthOf`). */
const ENGLISH_BY_CODES = new Map<number, number>(Object.entries(MONTHS).map(([name, month]) => [(name.charCodeAt(0) << 14) | (name.charCodeAt(1) << 7) | name.charCodeAt(2), month]));
/** The month (0..11) a `%b` name stands for in any locale above, or -1. */
export function monthOf(name: string): number {
  // A syslog stamp's month is a fresh three-letter substring: looked up by its character codes, not hashed as a key.
  if (name.length === 3) {
    const a = name.charCodeAt(0);
    const b = name.charCodeAt(1);
    const c = name.charCodeAt(2);
    if ((a | b | c) < 128) {
      const month = ENGLISH_BY_CODES.get((a << 14) | (b << 7) | c);
      if (month !== undefined) return month;
    }
  }
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

/** Last ms of year 9999: past it (and before 1970) `toISOString` is left to write the time. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const ISO_DAY_MS = 86_400_000;
/** The day `isoTime` formatted last, and the character codes of its `YYYY-MM-DDT`: a log's findings fall on a few days. */
let isoDay = -1;
const isoDayCodes: number[] = new Array<number>(11).fill(0);

/**
 * ISO string for a time, or undefined: what `toISOString` writes. The time of day is written here: V8 formats
 * through snprintf (~7,000 instructions a call), and a many-file triage writes ~30,000 (every input's findings
 * before stage 4 folds them, the hosts' first and last lines). One `fromCharCode` makes one flat string (pieces
 * added up made a tree of cons strings per time, which every scavenge had to walk).
 */
export function isoTime(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  // A Date holds whole milliseconds (TimeClip truncates).
  const t = Math.trunc(ms);
  if (t < 0 || t > LAST_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const day = Math.floor(t / ISO_DAY_MS);
  if (day !== isoDay) {
    const prefix = new Date(day * ISO_DAY_MS).toISOString();
    for (let k = 0; k < 11; k++) isoDayCodes[k] = prefix.charCodeAt(k);
    isoDay = day;
  }
  const inDay = t - day * ISO_DAY_MS;
  const milli = inDay % 1000;
  const secs = (inDay - milli) / 1000;
  const second = secs % 60;
  const minutes = (secs - second) / 60;
  const minute = minutes % 60;
  const hour = (minutes - minute) / 60;
  const d = isoDayCodes;
  const milliTens = (milli - (milli % 10)) / 10;
  return String.fromCharCode(
    d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10],
    48 + ((hour - (hour % 10)) / 10), 48 + (hour % 10), 58,
    48 + ((minute - (minute % 10)) / 10), 48 + (minute % 10), 58,
    48 + ((second - (second % 10)) / 10), 48 + (second % 10), 46,
    48 + ((milli - (milli % 100)) / 100), 48 + (milliTens % 10), 48 + (milli % 10), 90,
  );
}

/** logrotate's `dateext` in a file name (`messages-20240618`, `syslog-20240618.gz`): year, month (1..12), day. */
export function dateInFileName(name: string): { year: number; month: number; day: number } | undefined {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:[^0-9]|$)/.exec(name);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

export type YearAnchor = {
  year: number;
  /** Month (1..12) of the anchor date. */
  month?: number;
  /**
   * Months a line may run past the anchor and keep its year (0: the anchor is where the file ends — a rotation date,
   * an mtime, now; 1: the anchor is only the latest date a sample of the file shows).
   */
  monthsAhead: number;
  from: "file name" | "dated lines" | "file time" | "current year";
};

/** 1990-01-01: an earlier file time is an archiver's placeholder, not a log's. */
const EARLIEST_TRUSTED_MTIME = Date.UTC(1990, 0, 1);

/**
 * The year for RFC 3164 dates in a file, from its own evidence: rotated files are named `messages-YYYYMMDD` after
 * the day they were rotated, so their lines come from that date or earlier; else the latest full date written in
 * the file (lines may run a little past a sample's latest); else the file's mtime; else `now`.
 */
export function inferYear(name: string, evidence: { mtime?: Date; latestDatedLine?: Date; now?: Date } = {}): YearAnchor {
  const named = dateInFileName(name);
  if (named) return { year: named.year, month: named.month, monthsAhead: 0, from: "file name" };
  const valid = (d: Date | undefined): d is Date => d !== undefined && !Number.isNaN(d.getTime());
  const at = (d: Date, monthsAhead: number, from: YearAnchor["from"]): YearAnchor => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, monthsAhead, from });
  if (valid(evidence.latestDatedLine)) return at(evidence.latestDatedLine, 1, "dated lines");
  // Archivers that drop times write the epoch (tar members of scripted or reproducible builds) or zip's earliest
  // date, 1980-01-01: such an mtime says nothing of when the log was written (it made a log's lines 1969's).
  if (valid(evidence.mtime) && evidence.mtime.getTime() > EARLIEST_TRUSTED_MTIME) return at(evidence.mtime, 0, "file time");
  return at(evidence.now ?? new Date(), 0, "current year");
}

/**
 * The year of a year-less date in `month` (1..12) under an anchor: the anchor's year, the year before for a month
 * after the anchor's, the year after for a month just past a December anchor when lines may run past it.
 */
export function yearOfMonth(anchor: { year: number; month?: number; monthsAhead?: number }, month: number): number {
  if (anchor.month === undefined) return anchor.year;
  const ahead = (month - anchor.month + 12) % 12;
  if (ahead > 0 && ahead <= (anchor.monthsAhead ?? 0)) return month < anchor.month ? anchor.year + 1 : anchor.year;
  return month > anchor.month ? anchor.year - 1 : anchor.year;
}
