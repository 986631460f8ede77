/**
 * Lines a paste ran together: a web form or a mail archive that dropped the newlines of a console or dmesg paste
 * leaves one line of many records, each still behind its own prefix — `[13565.264685] BTRFS warning … [13565.264685]
 * INFO: task btrfs-transacti:… blocked …`, `<1>BUG: unable to handle … <1>IP: [<ffffffff812a588f>] … <4>PGD …`.
 * Read as one line, the report's header is in the middle of a line and no rule sees it. The records are split again
 * at their prefixes: a kernel stamp repeated inside a line that starts with one (the stamps must read as one
 * console's: not before the line's own, within minutes of it), or a printk level repeated before words in a line
 * that starts with one. A stamp quoted once inside a syslog line (`kernel: [ 12.345678] …`) is a prefix, not a
 * record: the line must start with the stamp itself.
 */

/** The line's own stamp (after an optional printk level). */
const LEADING_STAMP = /^(?:<[0-7]>)?\[\s*(\d{1,8})\.(\d{6})\]/;
/** A record's stamp inside the line, after the space the lost newline left (or none: `…system[  165.3163] …`). */
const INNER_STAMP = / ?(?:<[0-7]>)?\[\s*(\d{1,8})\.(\d{6})\] /g;
/** A printk level before words inside a line that starts with one (`… 0000000b819fdb98 <1>IP: [<…`). */
const INNER_LEVEL = / <[0-7]>(?=[A-Za-z])/g;
const LEADING_LEVEL = /^<[0-7]>[A-Za-z]/;
/** Levels inside a line before it is taken for records: a dump value (`TDH <0>`) is one, not three. */
const MIN_INNER_LEVELS = 3;
/** How far past the line's own stamp a record's stamp may run (one console's burst, not a number in the text). */
const MAX_STAMP_SPREAD_SECONDS = 600;
/**
 * A stamp right after a run of this many spaces starts a terminal row: a screen copy pads each row to the pane's width
 * and a paste runs the rows together (NixOS/nixpkgs#39573: six radeon lines, 16 minutes apart, on one line). A number
 * in a message's text is not padded so; the row is the console's next line however long after the last it came.
 */
const ROW_PAD = " ".repeat(16);
/** Flattened lines are long; most lines are not looked at. */
const MIN_FLATTENED_CHARS = 60;

/**
 * A syslog record inside a line (a blog's HTML that dropped the newlines of a /var/log/messages paste): ` Jan  9
 * 23:26:02 host kernel: ` after the space the lost newline left. The first record may have lost its own prefix (the
 * poster trimmed it), so the line itself may start with anything.
 */
const INNER_SYSLOG = / (?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} (\d\d):(\d\d):(\d\d) (\S{1,64}) [^\s:]{1,64}: )/g;
/** Syslog records inside a line before it is taken for records: a message quoting one date is not a paste. */
const MIN_INNER_SYSLOG = 3;
/** Syslog lines are looked at only when long enough to hold that many records. */
const MIN_SYSLOG_FLATTENED_CHARS = 200;

/**
 * An oops dump a paste ran together with no prefix at all: a mail or forum archive that flattened an unstamped console
 * capture (2.6-era ARM: `… ASoC version 0.13.0 Unable to handle kernel NULL pointer dereference at virtual address
 * 00000001 pgd = c0004000 [00000001] *pgd=00000000 Internal error: Oops: 801 [#1] Modules linked in: CPU: 0 PC is at
 * f+0x4c/0x11c LR is at …`). No stamp, level or syslog prefix marks its records, so the dump's own line openers do;
 * only in a line that holds an oops header and at least MIN_OOPS_RECORDS of them (a sentence quoting a message or two
 * is no dump). A backtrace frame's `from [<…>] (caller…)` half stays on its frame's line.
 */
const OOPS_HEADER = /\b(?:Unable to handle kernel |Internal error: |BUG: unable to handle |general protection fault|Oops: [0-9a-f]{4} \[#)/;
const INNER_OOPS_RECORD =
  / (?<!\bfrom )(?=Unable to handle kernel |BUG: unable to handle |pgd = [0-9a-f]|\[[0-9a-f]{8,16}\] \*pgd=|Internal error: |Oops: [0-9a-f]{4} \[#|Modules linked in:|CPU: \d|PC is at |LR is at |pc : \[<|sp : [0-9a-f]|Flags: [NnZzCcVvQq]{4,5} |Control: [0-9a-f]|Process \S+ \(pid: \d+, stack limit|Stack: \(0x|Backtrace: |\[<[0-9a-f]{8,16}>\] \(|Code: [0-9a-f(<]|Kernel panic - not syncing|IP: \[<|RIP: |Call Trace:)/g;
const MIN_OOPS_RECORDS = 6;

function splitAtOopsRecords(raw: string): string[] | undefined {
  if (!OOPS_HEADER.test(raw)) return undefined;
  const cuts: number[] = [];
  INNER_OOPS_RECORD.lastIndex = 0;
  for (let m = INNER_OOPS_RECORD.exec(raw); m; m = INNER_OOPS_RECORD.exec(raw)) cuts.push(m.index + 1);
  return cuts.length >= MIN_OOPS_RECORDS ? piecesAt(raw, cuts) : undefined;
}

/** The records of `raw` when a paste ran them together, else undefined (the line is one record). */
export function splitFlattenedLine(raw: string): string[] | undefined {
  if (raw.length < MIN_FLATTENED_CHARS) return undefined;
  const c0 = raw.charCodeAt(0);
  if (c0 !== 91 && c0 !== 60) return (raw.length >= MIN_SYSLOG_FLATTENED_CHARS ? splitAtSyslogPrefixes(raw) : undefined) ?? splitAtOopsRecords(raw);
  const lead = LEADING_STAMP.exec(raw);
  if (lead) return splitAtStamps(raw, lead);
  if (LEADING_LEVEL.test(raw)) return splitAtLevels(raw);
  return undefined;
}

function splitAtStamps(raw: string, lead: RegExpExecArray): string[] | undefined {
  let last = Number(lead[1]) + Number(lead[2]) / 1e6;
  const first = last;
  const cuts: number[] = [];
  INNER_STAMP.lastIndex = lead[0].length;
  for (let m = INNER_STAMP.exec(raw); m; m = INNER_STAMP.exec(raw)) {
    const at = Number(m[1]) + Number(m[2]) / 1e6;
    const cut = m[0].startsWith(" ") ? m.index + 1 : m.index;
    const rowStart = cut >= ROW_PAD.length && raw.slice(cut - ROW_PAD.length, cut) === ROW_PAD;
    // A console's stamps never go back and a burst spans minutes at most: anything else is a number in the text.
    if (at < last || (at > first + MAX_STAMP_SPREAD_SECONDS && !rowStart)) return undefined;
    last = at;
    cuts.push(cut);
  }
  return cuts.length > 0 ? piecesAt(raw, cuts) : undefined;
}

/** Split at syslog prefixes of one host whose times run forward within minutes (one file's lines, not quoted dates). */
function splitAtSyslogPrefixes(raw: string): string[] | undefined {
  const cuts: number[] = [];
  let host: string | undefined;
  let first = -1;
  let last = -1;
  INNER_SYSLOG.lastIndex = 0;
  for (let m = INNER_SYSLOG.exec(raw); m; m = INNER_SYSLOG.exec(raw)) {
    const at = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    if (host === undefined) {
      host = m[4];
      first = at;
    } else if (m[4] !== host || at < last || at > first + MAX_STAMP_SPREAD_SECONDS) return undefined;
    last = at;
    cuts.push(m.index + 1);
  }
  if (cuts.length < MIN_INNER_SYSLOG) return undefined;
  // the line's own start is a record too (its prefix lost, or the first of the run)
  return piecesAt(raw, cuts[0] === 1 && raw.charCodeAt(0) === 32 ? cuts.slice(1) : cuts);
}

function splitAtLevels(raw: string): string[] | undefined {
  const cuts: number[] = [];
  INNER_LEVEL.lastIndex = 0;
  for (let m = INNER_LEVEL.exec(raw); m; m = INNER_LEVEL.exec(raw)) cuts.push(m.index + 1);
  return cuts.length >= MIN_INNER_LEVELS ? piecesAt(raw, cuts) : undefined;
}

function piecesAt(raw: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(raw.slice(from, cut).trimEnd());
    from = cut;
  }
  pieces.push(raw.slice(from));
  return pieces;
}

/**
 * `raws` with each flattened line split into its records, and for each line out the index of the raw line it came
 * from (its line number), or undefined when no line was split.
 */
export function splitFlattenedLines(raws: readonly string[]): { lines: string[]; origin: number[] } | undefined {
  let out: { lines: string[]; origin: number[] } | undefined;
  for (let i = 0; i < raws.length; i++) {
    const pieces = splitFlattenedLine(raws[i]);
    if (pieces && !out) out = { lines: raws.slice(0, i), origin: raws.slice(0, i).map((_, k) => k) };
    if (!out) continue;
    for (const p of pieces ?? [raws[i]]) {
      out.lines.push(p);
      out.origin.push(i);
    }
  }
  return out;
}
