/**
 * The line-format table: every prefix a log line can carry (syslog, journald's outputs, dmesg and its options,
 * container runtimes' and shippers' wrappers, pastes' quotes and line numbers), one row each. Two readers share it:
 * `parseLine` (windowed lines only: time, host, program, level, text) and the scanner's byte peek `peekHost` (every
 * line of the input: which host a line belongs to, without decoding it). A row's `peekHost` must name the same host
 * as its `parse` (the consistency test in parse-line.test.ts runs every fixture through both).
 *
 * Rows are tried in table order among those whose `starts` admits the line's first character; the first that
 * recognises the line wins. A *wrapper* row (quotes, line numbers, stern's pod/container, indentation, a runtime's
 * or shipper's envelope) peels its prefix and hands the rest to the whole table again.
 */
import type { LogLine } from "../types";
import { latin1Of } from "../ingest/read-lines";
import { parseGrepPrefix } from "./grep-prefix";
import { dateInFileName, MONTH_NAME_BYTES, monthOf, parseIsoTime, utcMs, yearOfMonth } from "./time";

/** Per-input state that a line alone cannot carry. */
export type LineContext = {
  fileIndex: number;
  /** Year for RFC 3164 dates, which have none (from `messages-YYYYMMDD`, the file's mtime, or now). */
  year: number;
  /** Month (1..12) of the date the year was taken from: a later month in the log belongs to the year before. */
  yearMonth?: number;
  /** Months a line may run past that date and keep its year (see `yearOfMonth`). */
  monthsAhead?: number;
  /**
   * Set by a `Message from syslogd@host at …` banner or systemd-journald's `Broadcast message from
   * systemd-journald@host (…):` (`journald`); applies to the `kernel:…` (journald: `kernel[pid]:…`) line after it.
   */
  wall?: { host: string; time?: number; journald?: boolean };
  /** Pending `crash` utility context (the tool's output has no timestamps). */
  inCrashOutput?: boolean;
  /** Text of CRI partial (`P`) lines waiting for the `F` line that completes them. */
  criPartial?: string;
  /** Node named by `kubectl debug node/…`'s `Creating debugging pod … on node X.`: the host of host-less lines after it. */
  debugNode?: string;
  /** The journal entry being read (`journalctl -o export` / `-o verbose` print one field per line). */
  journal?: JournalEntry;
  /** The number a `less -N`-style prefix gave the line before (a run of consecutive numbers is a numbered paste). */
  lastLineNumber?: number;
  /** The seconds the last ktest console stamp (`00034 …`) gave: a run of them may outgrow the zero padding. */
  lastKtestElapsed?: number;
};

type JournalEntry = {
  time?: number;
  uptime?: number;
  program?: string;
  pid?: number;
  level?: number;
  host?: string;
  /** Opened by a `-o verbose` head line: its entries are not separated by blank lines. */
  verbose?: boolean;
  /** A `-o json-pretty` entry (between `{` and `}`, set by its first field line): its fields come in no fixed order. */
  json?: boolean;
  /** The entry's MESSAGE line, filled in by the fields that come after it (`-o json-pretty`). */
  message?: LogLine;
};

/** Parses `s` (what a wrapper left) with the whole table, as line `lineNo`. */
export type ParseRest = (s: string, lineNo: number, ctx: LineContext) => LogLine;
/** Peeks at bytes[pos, eol) with the whole table (`depth` bounds nested wrappers). */
export type PeekRest = (bytes: Uint8Array, pos: number, eol: number, depth: number) => number;

/** `peekHost` answers (a host start is ≥ 0; its end and hash are left in `PEEKED`). */
export const PEEK = {
  /** The row recognised the line, and it names no host. */
  HOSTLESS: -1,
  /** The line belongs to the host of the line before it (a journal entry's fields). */
  KEEPS_HOST: -2,
  /** Not a line of this row: try the next. */
  NOT_THIS: -3,
} as const;
/**
 * End and hash of the host token the last successful peek found (the scanner matches it in place); `sticky`: the
 * host also owns the host-less lines after this one (`kubectl debug node/X` output); `metadata`: the line is a
 * journal entry's own field, not log text (the scanner does not count it as a quiet line of a report: an export
 * prints a dozen such lines per kernel line). The caller resets `sticky` and `metadata`.
 */
export const PEEKED = { end: 0, hash: 0, sticky: false, metadata: false };

export type LineFormatRow = {
  id: string;
  /** Characters a line of this row can start with (`ANY_START` for any); both readers dispatch on it. */
  starts: string;
  /** Fills `line` (already `plain`, `text === raw`) and returns true, or returns false: not a line of this row. */
  parse: (s: string, line: LogLine, ctx: LineContext, rest: ParseRest) => boolean;
  /** Byte peek on bytes[pos, eol): a host start, or one of `PEEK`. Rows without one are never a host's source. */
  peekHost?: (bytes: Uint8Array, pos: number, eol: number, depth: number, rest: PeekRest) => number;
};

export const ANY_START = "*";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
/** Stands for every character ≥ U+0080 (and every byte ≥ 0x80 in the peek): localised month names. */
export const NON_ASCII = "\u0080";

// ─── regexes ────────────────────────────────────────────────────────────────────────────────────────────────────

// `Aug 13 15:59:23 w01 kernel: msg`, `Aug 13 15:59:23.123456 w01 kernel[12]: msg` (journalctl short-precise), a
// localised month (`июл 27 …`, `août 13 …`), optionally after a `<13>` PRI. The host may be absent in some
// forwarders' output: then the token after the time is `tag:`, handled by looking at the trailing colon.
// SONiC's rsyslog template (202305 on) writes a zone after the fraction and the year after it:
// `Jan 15 05:40:45.093251+00:00 2024 host INFO containerd[501]: msg` (group 8, applied to the time).
// The month: English, a localised name, or the number Chinese, Japanese and Korean locales write (`1月`, `1월`:
// journalctl and rsyslog under zh_CN/ja_JP/ko_KR).
const RFC3164 =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}|\d{1,2}[月월]|[^\s\d[\]<>:]{2,8}?) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?(?: (\d{4}))? (\S+)(?: (.*))?$/;
// `2024-08-13T15:59:23.123456+08:00 w01 kernel: msg` (rsyslog RFC 3339, journalctl short-iso/-iso-precise) and
// RFC 5424 `<34>1 2024-08-13T15:59:23.003Z host app procid msgid [sd] msg`, also as a template that puts a space
// between the PRI and the version writes it (`<6> 1 2020-11-20T18:14:19.159524+01:00 host kernel - - - msg`): read
// as dmesg's `<6>` level, the line lost its time, host and tag and its message started ` 1 2020-…`.
// Go's time format puts the zone after a space (`2016-07-31 16:26:53 +0000 UTC kern.warn kernel: …`, Docker Desktop's
// VM log), and some forwarders write `facility.level` where the host would be.
const ISO_LINE =
  /^(?:<(\d{1,3})> ?(1) )?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)(?: ([+-]\d{4})(?: [A-Z]{2,5})?)? (\S+)(?: (.*))?$/;
const FACILITY_LEVEL = /^(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(\w+)$/;
// OpenWrt's logread (busybox syslogd's ring buffer): a ctime stamp with the weekday and the year, the facility.level,
// no host (`Mon Jul 28 10:19:15 2025 kern.crit kernel: [ 7013.909286] mtk_soc_eth … eth0: NETDEV WATCHDOG: …`).
const LOGREAD = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) (kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(\w+) /;
/** `Www Mmm dd hh:mm:ss yyyy ` (one or two spaces before a one-digit day): the facility starts 25 bytes in. */
const LOGREAD_FACILITY_AT = 25;
// journalctl -o short-full (and -o with-unit): the weekday, an ISO date and the zone's abbreviation or offset
// (`Tue 2024-03-05 12:00:01 UTC node-1 kernel: msg`; `%a %Y-%m-%d %H:%M:%S %Z`). An abbreviation other than UTC/GMT
// names no offset the line can apply: its time is read as written, as a syslog time is. A `[` after the zone is
// `-o verbose`'s entry head (`… UTC [s=ab12;i=1a2;…]`), no host.
const JOURNAL_SHORT_FULL =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? ([A-Z]{1,5}|[+-]\d{2}(?::?\d{2})?) ([^\s[]\S*)(?: (.*))?$/;
/** The stamp and zone of a short-full line, up to its host. */
const JOURNAL_SHORT_FULL_HEAD = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? (?:[A-Z]{1,5}|[+-]\d{2}(?::?\d{2})?) /;
// A log collector's `<time> <level> <tag>: msg` (`2017-09-16 00:29:55.672 info docker[41953]: panic: …`) and programs'
// own `<time> [LEVEL][pid] file.go 119: msg` (Calico) put a level where syslog puts the host. No host name is a level
// word, and none has brackets.
const LEVEL_WORD_LEVEL: Record<string, number> = { emerg: 0, alert: 1, crit: 2, critical: 2, fatal: 2, err: 3, error: 3, warn: 4, warning: 4, notice: 5, info: 6, debug: 7, trace: 7 };
const BRACKETED_LEVEL = /^\[([A-Za-z]+)\](?:\[(\d+)\])?$/;
// A console collector's `<ISO time> <kernel text>` (cloud serial-console histories, `ts`-stamped captures): no host and
// no tag follow the time. The token after the time cannot be a host name (`__schedule+0x266/0x720`, `<TASK>`,
// `task:khugepaged`, `""echo`), or the text opens with a kernel line whose first word would pass for a host or a tag.
// `(none)` is a host: the name a syslog daemon writes for a machine whose hostname was never set (the kernel's own
// default nodename; initramfs, early boot, embedded images), after an RFC 3164 time and an ISO one alike.
const HOST_SHAPED = /^(?:[A-Za-z0-9_\u0080-\uffff][A-Za-z0-9._\u0080-\uffff-]*|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*[0-9A-Fa-f.]|\(none\))$/;
const UNSET_HOST_BYTES = [40, 110, 111, 110, 101, 41]; // `(none)`
const CONSOLE_TEXT_HEADS: readonly string[] = [
  "INFO: ", "BUG: ", "WARNING: ", "Tainted: ", "Not tainted ", "Call Trace:", "Call trace:", "Hardware name: ",
  "Modules linked in:", "CPU: ", "RIP: ", "Code: ", "Workqueue: ", "Kernel panic - ", "Kernel Offset: ", "Oops: ",
  "Oops[", "Internal error: ", "Unable to handle ", "general protection fault", "Mem-Info:", "Out of memory",
  "watchdog: ", "rcu: ", "NMI backtrace ", "Pid: ", "Showing stack ",
  // Up to 4.x the lockup detectors printed under the `NMI watchdog:` prefix (`NMI watchdog: Watchdog detected hard
  // LOCKUP on cpu 0`, `NMI watchdog: BUG: soft lockup - …`): its first word would pass for a host.
  "NMI watchdog: ",
  // A container log with the runtime's time before every line (`docker logs -t`, `kubectl logs --timestamps`, a CRI
  // file read without its stream column) carries a Go agent's crash dump: `<time> panic: …`, `<time> goroutine 1
  // [running]:`, `<time> created by pkg.f`. Read as a host or a tag, `panic`, `goroutine` and `created` would take
  // the head words off the dump's lines and hide the crash.
  "panic: ", "fatal error: ", "goroutine ", "created by ",
];
// A console capture's indented or empty line after the time (`2025-04-23T04:38:59Z  rb_first_postorder+0x13/0x40`, a
// remote log's call-trace frame): syslog puts exactly one space before its host, so two or more open kernel text.
// macOS's unified log (`log show --style syslog`, Docker for Mac's diagnostics) is the exception: two spaces, then the
// host and the process with its pid (`2018-06-14 09:17:57.052625+0200  localhost com.docker.hyperkit[62358]: [19012.78]
// …`, the HyperKit VM's console). Its time has six digits of fraction and a colon-less zone, its process a `[pid]`:
// kernel text indented after a time is never a word and then a `name[pid]:` tag.
const MACOS_SYSLOG_STYLE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{4})  ([A-Za-z0-9][\w.-]*) ([\w.-]+\[\d+\]: .*)$/;
// An out-of-band console server writes its own time and a tab before each line it received (`2017-01-14 01:04:26<TAB>
// BUG: unable to handle kernel paging request …`, `…<TAB>[] inet_diag_dump+0x3c8/0x7ca`): syslog separates its
// host with one space, never a tab, so the text after the tab is the console's own (group 3).
const ISO_INDENTED_TEXT =
  /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)(?: ( +\S.*)|\t(.*)| ?)$/;
// `dmesg --time-format=iso`: `2024-08-13T15:59:23,123456+02:00 msg` (comma, microseconds, zone; no host, no tag).
const DMESG_ISO_TIME = /T\d{2}:\d{2}:\d{2},\d{6}[+-]\d{2}:?\d{2}$/;
// Syslog tag: `kernel:`, `kubelet[1432]:`, `containerd[980]:`, `systemd[1]:`. An rsyslog template of
// `%programname%[%procid%] %syslogseverity-text%:` writes `kernel[-] err:` (RFC 5424's nil procid for the kernel).
const TAG = /^([A-Za-z0-9_.()/@-][A-Za-z0-9_.()/@:-]*?)(?:\[(\d+|-)\](?: (emerg|alert|crit|err|warning|notice|info|debug))?)?:(?: |$)/;
const SEVERITY_NAMES = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
// dmesg: `<4>[  123.456789] ` / `[  123.456789][T123] ` / `[  123.456789] [ T123] ` / `<6>` alone. Sony's and other
// Qualcomm Android kernels print the CPU glued after the stamp (`[   49.655037]@0 `), Broadcom's the CPU and the
// printing task's comm (`[26578.636839] C1 [ swapper/1] `), and MediaTek's and OPPO/realme's the CPU, pid and comm
// glued to the text (`[ 3119.647930]  (3)[31797:kworker/u16:3]kernel BUG at …`), and PREEMPT_RT's 5.x printk the
// CPU as three digits (`[195380.604793] 027:  __schedule+0x3d4/0x8a0`), and Samsung's Exynos/Marvell kernels (their
// last_kmsg) a lower-case CPU tag (`<1>[41740.112427] c1 Unable to handle …`), some with the pid and the comm in
// parentheses (`[    0.693542] c0 1 (swapper/0) Unable to handle …`): peeled, not a caller id (the vendor
// prints the CPU for every line, task context or not, so it must not split a report). `dmesg -d` and `journalctl -o
// short-delta` add the time since the previous line inside the brackets (`[  123.456789 <    0.000012>] `), in the
// locale's decimals (`[245941.414414 <  640,137117>] `, util-linux/util-linux#2770).
const DMESG = /^(?:<(\d{1,3})>)?\[\s*(\d+)\.(\d+)(?: <\s*\d+[.,]\d+>)?\](?:@\d{1,4}(?= )| C\d{1,4} \[[^\]\n]{1,16}\](?= )| {1,2}\(\d{1,4}\)\[\d{1,7}:[^\]\n]{1,16}\]| \d{3}:(?= )| c\d{1,2}(?: \d{1,7} \([^)\n]{1,16}\))?(?= )|\s?\[\s*([TC]\d+)\])?\s?/;
// A console with CONFIG_PRINTK_CALLER and `printk.time=0` prints the caller id alone, no stamp (`[  T643] kernel BUG
// at …`, `[    C1] RIP: …`; a `dmesg -t` of such a kernel too): the id is the line's only prefix, peeled as the stamped
// form's is, or no frame of the report is read behind it.
const DMESG_CALLER_ONLY = /^(?:<(\d{1,3})>)?\[\s*([TC]\d{1,7})\](?= )\s?/;
// A level with nothing after it is no kmsg record: a driver's dump value (`TDH  <0>`) a wrap moved onto its own line.
const LEVEL_ONLY = /^<(\d{1,3})>(?!\d)(?=.*\S)/;
// The tail of a dmesg stamp whose head a paste lost: `.345678] `, `345678] `, `45678][ T123] `.
const DMESG_CUT_STAMP = /^(?:\d{0,5}\.\d{1,6}|\d{1,6})\](?:\s?\[\s*([TC]\d+)\])?\s?/;
// An s390 console copied out of a 3270 terminal emulator (x3270, c3270) whose EBCDIC code page was not the one the
// console wrote: the square brackets come out as other characters. Code page 1047's `[`/`]` read as code page 037
// give `Ý`/`¨`, and the stamp's `[` and a frame's `[` before `<` are dropped (`64.735421¨ Oops: 0038 ilc:3 Ý#1¨`,
// `64.735740¨  <00000000876936c6>¨ notifier_call_chain+0x3e/0xe8`); code page 500's read as 037 give `¢`/`!`, which a
// Latin-9 mail turned into `c` (`c 1851.721062! Oops: 0004 ilc:3 c#1!`, ` c<000000000029342a>! unlink_anon_vmas+…`).
// The stamp tells the copy; the line's other brackets are put back (the frames, `[#1]`).
const X3270_STAMP_CP037 = /^(?:Ý\s*)?(\d+\.\d{6})¨ ?/;
const X3270_STAMP_LATIN = /^c\s*(\d+\.\d{6})! ?/;
/** The text after an x3270 stamp with its brackets restored (see X3270_STAMP_CP037). */
function x3270Brackets(text: string, latin: boolean): string {
  if (latin) return text.replace(/(^|[\s(])c<([0-9a-f]+)>!/g, "$1[<$2>]").replace(/c#(\d+)!/g, "[#$1]");
  return text.replace(/Ý/g, "[").replace(/¨/g, "]").replace(/(^|[\s(])<([0-9a-f]+)>\]/g, "$1[<$2>]");
}
// dmesg -T in any locale (`%a %b %e %H:%M:%S %Y`): `[Tue Aug 13 15:59:23 2024] `, `[Di Aug 13 …]`, `[mar. août 13 …]`,
// `[lø. mai 3 …]`, `[二 8月 13 …]`, `[火  8月 13 …]`.
// A stamp in date(1)'s default shape names the zone before the year (`[Mon Jun 12 10:50:08 UTC 2023] `): a dmesg
// piped through a script that stamps lines with `date`; the zone is read over like any local time's.
const DMESG_HUMAN = /^(?:<(\d)>)?\[(?:[^\s\d\]][^\s\]]{0,7} +)?([^\s\d\]][^\s\]]{1,7}|\d{1,2}[月월]) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?: [A-Z]{2,5})? (\d{4})(?: <\s*\d+[.,]\d+>)?\]\s?/;
// The same stamp with the day before the month, as French `dmesg -T` pastes also come (`[lun. 10 juin 18:09:34 2024] `)
// and day-first locales write it (`[Mo 10. Jun …]`): groups level, day, month, hour, minute, second, year.
const DMESG_HUMAN_DAY_FIRST = /^(?:<(\d)>)?\[(?:[^\s\d\]][^\s\]]{0,7} +)?(\d{1,2})\.? +([^\s\d\]][^\s\]]{1,7}) (\d{2}):(\d{2}):(\d{2}) (\d{4})(?: <\s*\d+[.,]\d+>)?\]\s?/;
// dmesg -H: a dated line `[Mar 5 10:00] ` (minute precision), then `[  +0.000003] ` deltas (no absolute uptime).
// util-linux formats both with the locale: `[30. Jul 08:55]` (day first) and `[  +0,000004]` (decimal comma) in German.
// `dmesg -d -t` prints the delta alone, `[<    0.000384>] `; `dmesg -T -d` adds it to the date (`[… 2024 <    0.000100>] `).
const DMESG_H_DATE = /^(?:<(\d)>)?\[([A-Z][a-z]{2}) ?(\d{1,2}) (\d{2}):(\d{2})\]\s?/;
const DMESG_H_DATE_DAY_FIRST = /^(?:<(\d)>)?\[(\d{1,2})\. ?([^\s\d\]][^\s\]]{1,5}) (\d{2}):(\d{2})\]\s?/;
const DMESG_H_DELTA = /^(?:<(\d)>)?\[(?:\s*\+\s*\d+[.,]\d+|<\s*\d+[.,]\d+>)\]\s?/;
// dmesg -x: `kern  :err   : [  123.456789] msg` (facility and level names padded to their widest).
const DMESG_X = /^(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|res0|res1|res2|res3|local[0-7]) *:(emerg|alert|crit|err|warn|notice|info|debug) *: /;
// The same after a capture's time and its indentation (the indentation's first space is the time's separator).
const DMESG_X_INDENTED = /^ *(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|res0|res1|res2|res3|local[0-7]) *:(emerg|alert|crit|err|warn|notice|info|debug) *: /;
// /dev/kmsg and extended netconsole: `6,1234,5678901,-;msg` (`prefix,seq,usec,flags[,caller=T1][,ncfrag=0/2];`).
// Netconsole's release-prepend option (`+r`, 4.14+) puts the kernel release first: `6.7.0,4,870,194880547,-;msg`.
const KMSG = /^(?:\d+\.\d+[\w.+~-]*,)?(\d{1,3}),(\d+),(\d+),[^;,]*((?:,[^;,]*)*);/;
// An Android kernel-log dump: `  1276.705430:   <1> (01-28 07:22:33.304698634) msg` — uptime, printk level, then the
// wall clock as month-day and time (no year).
const ANDROID_KLOG = /^\s*(\d+)\.(\d+):\s+<([0-7])>\s+\((\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,9})\)\s?/;
// Android kernels carrying the vendor "printk wall time" patch (LG's msm kernels, Rockchip's) put the wall clock
// inside the uptime stamp: `[19318.464370 / 11-29 21:16:45.862] msg` (month-day, no year); Rockchip's add the printing
// CPU, pid and the task name cut to 15 characters: `[   26.328023 / 09-26 13:22:37.707][2][662][ndroid.systemui] msg`.
// The pid is the printing task's, not a caller id of the report, so it is peeled like the `]@cpu` form.
const DMESG_ANDROID_WALL_CLOCK = /^\[\s*(\d+)\.(\d+) \/ (\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,9})\](?:\[\d{1,4}\]\[\s*\d+\]\[[^\]]{1,16}\])?\s?/;
// klog: `I0813 15:59:21.100203    1432 kubelet.go:2185] msg`
const KLOG = /^([IWEF])(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,9})\s+(\d+) ([^\s\]]+)\] ?/;
// Wall message: `Message from syslogd@VM_1_72_centos at May  6 17:43:49 ...`
const WALL = /^Message from syslogd@(\S+) at (?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})/;
/** systemd-journald's ForwardToWall banner (src/journal/journald-wall.c): host, then the entry's local date and time. */
const JOURNALD_WALL = /^Broadcast message from systemd-journald@(\S+) \((?:[A-Z][a-z]{2} )?(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: [^)]*)?\):\s*$/;
/** The body journald's wall gives a kernel line: `IDENT[PID]: MESSAGE`, as `kernel[539]: [  975.354827] …`. */
const JOURNALD_WALL_KERNEL = /^kernel\[\d+\]: ?/;
// After the `[uptime] ` of journalctl -o short-monotonic: `host kernel: ` or `host prog[pid]: `.
const MONOTONIC_HOST_TAG = /^([\w.-]+) (kernel|[\w.@-]+(?=\[\d+\]))(?:\[(\d+)\])?: /;
// journalctl -o short-unix: seconds since the epoch with microseconds, then the host and tag of short
// (`1634463961.245751 BlueQ kernel: BTRFS error …`). The host and tag are required as after a short-monotonic stamp:
// a bare number with a fraction starts many a program's own text.
const SHORT_UNIX = /^(\d{9,10})\.(\d{6}) (?=\S)/;
// CRI container log stream and partial/full tag after the time: `stderr F panic: …`.
const CRI_STREAM = /^(?:stdout|stderr) ([FP])(?: |$)/;
// A shell prompt pasted with the log (`[root@w01 ~]# grep -A 10 "kernel BUG" …`, `user@host:~$ dmesg`, `$ uname -r`):
// the command line quotes crash text but is not log output. Group 1 is a `user@host` prompt (a bare `#`/`$` is not).
const SHELL_PROMPT = /^(?:(\[[\w.-]+@[\w.-]+(?: [^\]]*)?\][#$]|[\w.-]+@[\w.-]+:[^\s#$]*[#$])|[#$])\s/;
// On a console the kernel prints wherever the cursor is, so its line can follow a prompt that was waiting for input:
// `root@bmc:~# Kernel panic - not syncing: …`, `[root@node2 ~]# [12032.818764] NMI watchdog: …`. A command is a
// lower-case program name; what starts with a capital letter or reads as a log line is the console's output.
const CONSOLE_OUTPUT_START = /^[A-Z]/;
// The part of a command typed at a console prompt before the kernel's `[uptime]` line landed on it (no space in it).
const TYPED_THEN_DMESG = /^[^\s[]+(?=\[ *\d+\.\d{6}\] )/;
/** `kernel: ` right after a dmesg `[uptime]` with no host before it. */
const UPTIME_KERNEL_TAG = "kernel: ";
// getty's prompt on a serial console, with the kernel's line printed after it (`rpi login: [  348.318763] Kernel …`).
const LOGIN_PROMPT = /^[\w.-]+ login: /;
// svlogd (socklog) writes `facility.level: msg` and adds its own time only with `-t`: a log kept without it, or
// grepped out of one, starts each kernel line with the tag (`kern.alert: [21657.872242] BUG: …`).
const FACILITY_TAG_START = /^kern\.(emerg|alert|crit|err|error|warning|warn|notice|info|debug): /;
// E-mail / forum quotes (`> `, `>>>   `): always peeled.
const QUOTE_PREFIX = /^(?:[ \t]*>)+[ \t]?/;
// A hypervisor's log line holding its VM's syslog (Docker Desktop for Mac: `<Error>: VM: 2016-08-03 04:35:57 +0000 UTC
// kern.error kernel: …`): peeled only when a known format follows.
const VM_FORWARD_PREFIX = /^(?:<(?:Emergency|Alert|Critical|Error|Warning|Notice|Info|Debug)>: )?VM: /;
// A serial terminal program's own receive time, glued to each console line it logged (`0410_03-08-12.384[   48.042887] …`,
// month-day_hour-minute-second.milliseconds): peeled only when a known format follows.
const TERMINAL_TIMESTAMP = /^\d{4}_\d{2}-\d{2}-\d{2}\.\d{3}/;
// A CI console's or `ts '%H:%M:%.S'`'s time of day before each console line (Jenkins' timestamper `16:56:35 [ 82.6…] …`,
// a selftest runner's `01:02:14.329 [  323.243810] …`): no date, so it dates nothing; peeled only when a known format
// follows, so a message that starts with a time stays text.
const TIME_OF_DAY_PREFIX = /^\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?[ \t]+/;
// A console logger's own receive time in brackets before each guest console line (Qubes/Xen guest console logs
// `/var/log/xen/console/guest-<vm>.log`: `[2023-12-19 16:33:24] [457742.607754] kernel BUG at …`; `ts '[%F %T]'`):
// peeled only when a known format follows, so a bracketed date inside a program's own message stays text. Jenkins'
// pipeline `timestamps()` writes the same in UTC with its zone (`[2025-03-18T00:15:50.235Z] [  12.3…] …`).
const BRACKETED_WALL_CLOCK = /^\[(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)\] ?/;
// `[dddd-dd-dd dd:dd:dd]`: the fixed bytes the peek checks before the optional fraction.
const BRACKETED_WALL_CLOCK_LEN = 21;
// Docker Desktop for Windows' own log (`[09:47:13.115][Moby           ][Info   ] WARNING: CPU: 1 PID: 0 at …`): the
// app's time of day (no date), the component padded to 15 and the level to 7. The `Moby` component is the Linux VM's
// console, kernel text without dmesg stamps; the other components are the app's own services.
const DOCKER_DESKTOP_PREFIX = /^\[\d\d:\d\d:\d\d\.\d{3}\]\[([^\]]{1,40}?) *\]\[(Info|Warning|Error|Debug|Fatal|Trace) *\] ?/;
const DOCKER_DESKTOP_LEVEL: Record<string, number> = { Fatal: 2, Error: 3, Warning: 4, Info: 6, Debug: 7, Trace: 7 };
/** `[hh:mm:ss.mmm][`: the fixed bytes a Docker Desktop line starts with. */
const isDockerDesktopStart = (c3: number, c6: number, c9: number, c13: number, c14: number) =>
  c3 === 58 && c6 === 58 && c9 === 46 && c13 === 93 && c14 === 91;
// xen-crashdump-analyser's dom0.log (XenServer/XCP-ng `/var/crash/<date>/dom0.log`): each dom0 dmesg record with its
// level name right-aligned in six columns after the uptime (`[  525.566493]  ALERT: BUG: …`, `]   WARN: RIP: …`).
// Only that exact width counts: a kernel message of its own (`INFO: task … blocked`) follows a single space.
const CRASHDUMP_LEVEL = /^(?: EMERG| ALERT|  CRIT|   ERR|  WARN|NOTICE|  INFO| DEBUG): /;
const CRASHDUMP_LEVEL_NUMBER: Record<string, number> = { EMERG: 0, ALERT: 1, CRIT: 2, ERR: 3, WARN: 4, NOTICE: 5, INFO: 6, DEBUG: 7 };
// A `| ` gutter (forum quoting, a table cell): peeled only when a known format follows.
const PIPE_PREFIX = /^[ \t]*\|[ \t]?/;
// ...or a stack trace's own lines: commit messages quote unstamped reports behind `  | ` (`  |  strcmp+0x20/0x64`,
// `  | Call trace:`), which no line format knows. An indented function name (with its offset, or bare as an inlined
// frame prints) or the trace's header line is no table cell; left behind its gutter the stack went unread. So are the
// address-led frames other layouts print: powerpc's `[sp] [ip] f+0x…/0x… (unreliable)` and its `NIP [ip] f+0x…`/`LR
// [ip] …` lines (the faulting function), x86's `[<ip>] f+0x…/0x…` and arm32's `[<ip>] (f) from [<ip>] (g+0x…)`.
const PIPE_STACK_LINE = new RegExp(
  String.raw`^(?:[ \t]+(?:\? )?[A-Za-z_][\w.]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?: \[\w+\])?|[ \t]*Call [Tt]race:` +
    String.raw`|[ \t]*(?:\[[0-9a-f]{8,16}\] \[[0-9a-f]{8,16}\]|(?:NIP|LR) \[[0-9a-f]{8,16}\]|\[<[0-9a-f]{8,16}>\](?: \?)?) [A-Za-z_.][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[\w+\])?(?: \(unreliable\))?` +
    String.raw`|[ \t]*\[<[0-9a-f]{8,16}>\] \([^()\s]+(?: \[\w+\])?\) from \[<[0-9a-f]{8,16}>\] \([^()\s]+(?: \[\w+\])?\))[ \t]*$`,
);
// A whole line in Markdown inline code (`` `Kernel panic - not syncing: VFS: …` ``): posts quote a single log line
// that way in prose. The kernel ends no message with a backtick, but a message's words end where the closing one
// starts: left on, it became part of a panic reason and its title. Only a line that is one code span (one backtick
// at each end, none inside) is peeled.
const INLINE_CODE_LINE = /^[ \t]*`([^`]+)`[ \t]*$/;
// WSL's own trace logs (the ETW trace its log collector records, exported by WPA or tracerpt as tab- or comma-separated
// rows): every `Microsoft.Windows.Lxss.Manager` `GuestLog` event carries one line of the utility VM's console in a quoted
// field, after up to two leading columns (a row number, a flag) and the event's own columns: TSV's `"text: \t""[ 910.2]
// divide error: …""`, CSV's `…,GuestLog,GuestLog,"[ 3206.0] R10: …` (that field's closing quote and the row's other
// columns go on the next line, after the record's own newline). The field's closing `""` is no part of the record.
const WSL_GUESTLOG_EVENT = /^(?:[^\t,]*[\t,]){0,2}Microsoft\.Windows\.Lxss\.Manager[\t,]GuestLog[\t,].*?(?:"text: \t""|GuestLog,")/;
const WSL_GUESTLOG_CLOSE = /\s*""\s*$/;
/** The provider's name is within this many bytes of a row's start (after a row number and a time, CSV's widest). */
const WSL_GUESTLOG_PROVIDER_WITHIN = 64;
/** Bytes of a GuestLog row's leading row number or time (`12`, `11-04-2024 11:58:44.164`, `2024/11/04`). */
const isGuestLogLeadByte = (b: number): boolean => (b >= 48 && b <= 57) || b === 45 || b === 46 || b === 58 || b === 47 || b === 32;
// `less -N` / `cat -n` / `grep -n` line numbers (`32789 Mar  3 15:04:11 host kernel: …`), only when a known format follows.
const LINE_NUMBER_PREFIX = /^\s*\d{1,9}(?:[ \t]+|:(?=\S))/;
// `cat -n` (`%6d\t`) and `less -N` (7 columns, then a space): a line number right-aligned in its column.
// The number 1 before a space or a tab (not `01:24:22`, a time of day, nor grep's `1:`, read with its format).
const FIRST_LINE_NUMBER = /^\s*1[ \t]/;
const PAGER_COLUMN_NUMBER = /^(?: *\d+(?<=^.{6})\t| *\d+(?<=^.{7}) )/;
// An editor's or pastebin's gutter after the number (`  12 | text`), or a pager's box-drawing one (bat: `7344   │ text`).
const GUTTER_BAR = /^[|\u2502][ \t]?/;
// bat's `│` never starts a log message: after a number it is a gutter even on a numbered paste's first line.
const BOX_GUTTER = /^\u2502[ \t]?/;
// ktest's console capture: every line after the seconds elapsed since the VM started, zero-padded (`00034 kernel BUG …`).
const KTEST_ELAPSED = /^\d{5} (?=\S)/;
/**
 * How far a ktest stamp without the padding's leading zero (a VM up for 10,000 s or more) may run ahead of the one
 * before it. Five digits and a space also start a wrapped line's rest (`Kill process` + `24572 (java) score 0 or
 * sacrifice child`, a PID; `12345 total pagecache pages`): only a zero-padded stamp, or one that follows a run of
 * stamps, is ktest's.
 */
const KTEST_MAX_STEP = 3600;
// stern: `pod container msg` (`namespace pod container msg` with --all-namespaces), only when a known format follows.
// Names start with a letter here (generated pod names start with their workload's): hex dumps and numbers never
// look like a prefix.
const STERN_PREFIX = /^[a-z][a-z0-9.-]{0,252} [a-z][a-z0-9-]{0,62} /;
const STERN_NAMESPACED_PREFIX = /^[a-z][a-z0-9-]{0,62} [a-z][a-z0-9.-]{0,252} [a-z][a-z0-9-]{0,62} /;
// `kubectl logs --prefix` (also with -l, deploy/…, --all-containers): `[pod/<pod>/<container>] msg`.
const KUBECTL_LOG_PREFIX = /^\[pod\/[a-z0-9][a-z0-9.-]{0,252}\/[a-z0-9][a-z0-9-]{0,62}\] ?/;
const KUBECTL_LOG_PREFIX_HEAD = "[pod/";
// Talos `talosctl dmesg` (optionally per node): `node: kern:    err: [2024-06-29T10:52:39.030745602Z]: msg`.
const TALOS = /^\s*(?:([\w.:-]+?): )?(kern|user|daemon|auth|syslog):\s+(\w+):\s+\[(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)\]:\s?/;
const SYSLOG_LEVEL: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, error: 3, warning: 4, warn: 4, notice: 5, info: 6, debug: 7 };
// A date-less `kernel: …` or `host kernel: …` (a forwarder or a paste that dropped the date).
const BARE_KERNEL_TAG = /^(?:([\w.-]+) )?kernel: /;
// An agent forwarding the guest's console as logfmt (kata-proxy): `time=… level=info msg="[    0.317958] …\n" name=…`.
const LOGFMT_CONSOLE_MSG = /(?:^|\s)msg="(\[\s*\d+\.\d+\](?:[^"\\]|\\.)*)"/;
// `crash` utility lines.
const CRASH_LINE =
  /^(?:crash> |PID: \d+\s+TASK: [0-9a-f]+|\s*#\d+ \[[0-9a-f]+\] \S+ at [0-9a-f]+|\s*\[exception RIP: |\s*KERNEL: |\s*DUMPFILE: |\s*PANIC: )/;
// `kubectl describe node` events from node-problem-detector: `Warning  KernelOops  3s (x2 over 1d)  kernel-monitor, node-1  msg`.
const KUBECTL_NODE_EVENT = /^\s*(?:Warning|Normal)\s+\w+\s+\S+(?: \(x\d+ over \S+\))?\s+kernel-monitor, (\S+)\s+(.*)$/d;
// `kubectl get events`: `11m  Warning  Hardware Error  node/clr-01  mce: [Hardware Error]: …` (the message may wrap).
const KUBECTL_GET_EVENT = /^(?:\S+\s+)?(?:Warning|Normal)\s+\S.*?\s{2,}node\/(\S+)(?:\s+(.*))?$/d;
// `kubectl debug node/X`: `Creating debugging pod node-debugger-X-abcde with container debugger on node X.`
const KUBECTL_DEBUG_NODE = /^Creating debugging pod \S+ with container \S+ on node (\S+?)\.?$/;
// journalctl -o export (`FIELD=value`, entries split by blank lines) and -o verbose (the same fields indented, after
// a `Tue 2024-08-13 15:59:23.123456 CEST [s=…;i=…;b=…;m=…;t=…;x=…]` line).
const JOURNAL_FIELD = /^(_{0,2}[A-Z][A-Z0-9_]*)=(.*)$/;
// journalctl -o json-pretty: an entry is an indented JSON object between a `{` line and a `}` line, one
// `"FIELD" : "value",` per line in no fixed order (the host and the time often come after the message).
const JOURNAL_JSON_FIELD = /^[ \t]+"(_{0,2}[A-Z][A-Z0-9_]*)" : ?(.*?),?$/;
const JSON_STRING = /^"(?:[^"\\]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;
const JOURNAL_MESSAGE = "MESSAGE";
const JSON_LINE_END = /(?:\r|\^M)?\r?\n?$/;
const JOURNAL_VERBOSE_HEAD = /^[A-Z][a-z]{2} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) (\S+) \[s=[0-9a-f]+;i=[0-9a-f]+;/;
// rsyslog writes control characters in a message as `#` and three octal digits: the tab that indents RCU stall and
// Go trace lines arrives as `#011`.
const RSYSLOG_TAB = /#011/g;

const KLOG_LEVEL: Record<string, number> = { I: 6, W: 4, E: 3, F: 2 };
const LOGFMT_LEVEL: Record<string, number> = {
  trace: 7,
  debug: 7,
  info: 6,
  notice: 5,
  warn: 4,
  warning: 4,
  error: 3,
  err: 3,
  crit: 2,
  critical: 2,
  fatal: 2,
  panic: 0,
};

// ─── shared helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** RFC 3164 dates have no year: the year under the context's anchor (`yearOfMonth`). */
function yearFor(ctx: LineContext, month: number): number {
  return yearOfMonth({ year: ctx.year, month: ctx.yearMonth, monthsAhead: ctx.monthsAhead ?? 0 }, month);
}

/**
 * The time of an RFC 3164 stamp's fields. Consecutive lines mostly share their second (a log writes many lines a
 * second): the last stamp's time is kept and reused when every field is the same text.
 */
const lastStamp = { year: 0, month: -1, day: "", hour: "", minute: "", second: "", fraction: undefined as string | undefined, time: undefined as number | undefined };
function syslogTime(year: number, month: number, day: string, hour: string, minute: string, second: string, fractionDigits: string | undefined): number | undefined {
  const last = lastStamp;
  if (last.second === second && last.minute === minute && last.hour === hour && last.day === day && last.month === month && last.year === year && last.fraction === fractionDigits)
    return last.time;
  const time = utcMs(year, month, Number(day), Number(hour), Number(minute), Number(second), fraction(fractionDigits));
  last.year = year;
  last.month = month;
  last.day = day;
  last.hour = hour;
  last.minute = minute;
  last.second = second;
  last.fraction = fractionDigits;
  last.time = time;
  return time;
}

/** A CJK numeric month at a line's start: one or two digits, then 月 or 월 and a space. */
const CJK_MONTH_HEAD = /^\d{1,2}[月월] /;
/** The byte side of CJK_MONTH_HEAD: `1月 `/`12월 ` in UTF-8 (月 E6 9C 88, 월 EC 9B 94). */
function cjkMonthAt(bytes: Uint8Array, p: number, eol: number): boolean {
  const q = isAsciiDigit(bytes[p + 1]) ? p + 2 : p + 1;
  if (q + 4 > eol || bytes[q + 3] !== 32) return false;
  return (bytes[q] === 0xe6 && bytes[q + 1] === 0x9c && bytes[q + 2] === 0x88) || (bytes[q] === 0xec && bytes[q + 1] === 0x9b && bytes[q + 2] === 0x94);
}
/** `syslogStampTime`: the bytes are no plain English RFC 3164 stamp. */
export const NOT_A_STAMP = null;
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/** English month names by their three character codes (as `monthOf` reads them), for the byte reader below. */
const ENGLISH_MONTH_CODES = new Map<number, number>(
  ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((name, month) => [(name.charCodeAt(0) << 14) | (name.charCodeAt(1) << 7) | name.charCodeAt(2), month]),
);

/**
 * The time the rfc3164 row gives a line that starts with the plain stamp `Aug 13 15:59:23 ` or `Aug  1 15:59:23 `
 * (16 bytes, no PRI, no fraction) followed by a host that is not a year, read from the bytes without decoding them:
 * the same year anchor (`yearFor`: a December line in a log anchored in January is the year before), the same
 * impossible dates refused (undefined). `NOT_A_STAMP` for any other layout (the line must be parsed).
 */
export function syslogStampTime(bytes: Uint8Array, pos: number, end: number, ctx: LineContext): number | undefined | typeof NOT_A_STAMP {
  if (end - pos < 18) return NOT_A_STAMP;
  const a = bytes[pos];
  const b = bytes[pos + 1];
  const c = bytes[pos + 2];
  if (a < 65 || a > 90 || b < 97 || b > 122 || c < 97 || c > 122 || bytes[pos + 3] !== 32) return NOT_A_STAMP;
  const month = ENGLISH_MONTH_CODES.get((a << 14) | (b << 7) | c);
  if (month === undefined) return NOT_A_STAMP;
  const d0 = bytes[pos + 4];
  const d1 = bytes[pos + 5];
  if (!isAsciiDigit(d1) || (d0 !== 32 && !isAsciiDigit(d0)) || bytes[pos + 6] !== 32) return NOT_A_STAMP;
  if (bytes[pos + 9] !== 58 || bytes[pos + 12] !== 58 || bytes[pos + 15] !== 32) return NOT_A_STAMP;
  const h0 = bytes[pos + 7];
  const h1 = bytes[pos + 8];
  const m0 = bytes[pos + 10];
  const m1 = bytes[pos + 11];
  const s0 = bytes[pos + 13];
  const s1 = bytes[pos + 14];
  if (!isAsciiDigit(h0) || !isAsciiDigit(h1) || !isAsciiDigit(m0) || !isAsciiDigit(m1) || !isAsciiDigit(s0) || !isAsciiDigit(s1)) return NOT_A_STAMP;
  // `Aug 13 15:59:23 2024 host …`: the regex takes four digits after the time as the year.
  const next = bytes[pos + 16];
  if (isAsciiDigit(next) || next === 32 || next === 9) return NOT_A_STAMP;
  const day = (d0 === 32 ? 0 : (d0 - 48) * 10) + (d1 - 48);
  return utcMs(yearFor(ctx, month + 1), month, day, (h0 - 48) * 10 + (h1 - 48), (m0 - 48) * 10 + (m1 - 48), (s0 - 48) * 10 + (s1 - 48), 0);
}

/**
 * The kernel line of an Android stamp: uptime in groups 1 and 2, then month, day, hour, minute, second and fraction
 * from group `wallClock` on (the wall clock has no year: it is taken as the log's).
 */
function takeAndroidStamp(line: LogLine, ctx: LineContext, a: RegExpExecArray, wallClock: number): void {
  const month = Number(a[wallClock]) - 1;
  line.format = "dmesg";
  line.program = "kernel";
  line.uptime = Number(a[1]) + Number("0." + a[2]);
  const [day, hour, minute, second] = [1, 2, 3, 4].map((k) => Number(a[wallClock + k]));
  line.time = utcMs(yearFor(ctx, month + 1), month, day, hour, minute, second, fraction(a[wallClock + 5]));
}

function fraction(digits: string | undefined): number {
  if (!digits) return 0;
  return Number((digits + "000").slice(0, 3));
}

/** A wrapped line parsed by the table is worth taking only when it is of a known format or kernel text. */
function isKnown(inner: LogLine): boolean {
  return inner.format !== "plain" || inner.program === "kernel";
}

/** A wrapper taken only before a known format holds when the wrapped text is one. */
function adoptIfKnown(line: LogLine, inner: LogLine): boolean {
  return isKnown(inner) ? adopt(line, inner) : false;
}

/** The byte-peek side of `adoptIfKnown`: the wrapped line's host, or not this row. */
function hostIfNamed(host: number): number {
  return host >= 0 || host === PEEK.KEEPS_HOST ? host : PEEK.NOT_THIS;
}

/** A journal entry's own line (a field other than MESSAGE, a `-o verbose` head): the entry's host, not log text. */
function journalMetadata(): number {
  PEEKED.metadata = true;
  return PEEK.KEEPS_HOST;
}

/** Prompts are short: the head of a line a prompt regex is tried on. */
const PROMPT_HEAD = 96;
const LOGIN_WORD = " login: ";

/**
 * Where the text after a shell prompt starts in bytes[pos, eol), or -1. Every lower-case line that no earlier row took
 * reaches this peek, so a line is decoded only when it opens with a user name and the prompt's `@` (or is a bare
 * `# ` / `$ `).
 */
function shellPromptEnd(bytes: Uint8Array, pos: number, eol: number): number {
  const head = Math.min(eol, pos + PROMPT_HEAD);
  const bare = (bytes[pos] === 35 || bytes[pos] === 36) && (bytes[pos + 1] === 32 || bytes[pos + 1] === 9);
  if (!bare && bytes[wordEnd(bytes, bytes[pos] === 91 ? pos + 1 : pos, head)] !== 64) return -1;
  const m = SHELL_PROMPT.exec(latin1Of(bytes, pos, head));
  return m ? pos + m[0].length : -1;
}

/** The lines kdb prints with a stray `d` (see the `kdb-default-level` row), and that row's test. */
const KDB_DEFAULT_LEVEL_TEXTS = ["dCPU: ", "dtask: ", "dHardware name: "];
const KDB_DEFAULT_LEVEL = /^d(?:CPU: \d+ (?:UID: \d+ )?PID: \d+ |task: [0-9a-f]+ ti: |Hardware name: )/;

/** `line` becomes what the table made of the wrapped text (its raw stays the whole line). */
function adopt(line: LogLine, inner: LogLine): true {
  const raw = line.raw;
  Object.assign(line, inner);
  line.raw = raw;
  return true;
}

/** Parse the kernel's own prefixes (`<4>`, `[ts]`, `[T123]`) off a message; used for dmesg lines and kernel syslog text. */
function peelKernelPrefix(line: LogLine, msg: string): string {
  const m = DMESG.exec(msg);
  if (m) {
    if (m[1] !== undefined) line.level = Number(m[1]) & 7;
    line.uptime = Number(m[2]) + Number("0." + m[3]);
    if (m[4]) line.callerId = m[4];
    return msg.slice(m[0].length);
  }
  const lv = LEVEL_ONLY.exec(msg);
  if (lv) {
    line.level = Number(lv[1]) & 7;
    const rest = msg.slice(lv[0].length);
    // `<4>[    C1] …`: a level, then a caller id with no stamp (DMESG_CALLER_ONLY)
    const caller = DMESG_CALLER_ONLY.exec(rest);
    if (!caller) return rest;
    line.callerId = caller[2];
    return rest.slice(caller[0].length);
  }
  return msg;
}

/** Slots of `sharedName`'s table (a power of two: a log names a few hosts and programs). */
const NAME_SLOTS = 64;
const RECENT_NAMES: string[] = new Array<string>(NAME_SLOTS).fill("");


/**
 * `name`, or an equal string met before: the host and program of every line are kept with the line (window lines
 * live until their window closes), so one string per name, not one per line, survives; Map lookups by it reuse its
 * hash and a compare with it is often the same object.
 */
function sharedName(name: string): string {
  const n = name.length;
  if (n === 0 || n > 64) return name;
  const slot = (n * 31 + name.charCodeAt(0) * 7 + name.charCodeAt(n - 1)) & (NAME_SLOTS - 1);
  const known = RECENT_NAMES[slot];
  if (known === name) return known;
  RECENT_NAMES[slot] = name;
  return name;
}

sharedName("kernel");

// busybox syslogd (embedded systems' /var/log/messages) writes the facility.level between the host and the tag:
// `Sep 11 22:20:57 ccgx user.alert kernel: [762362.081651] Unable to handle …`, `fritz kern.warn kernel: […]`.
const FACILITY_LEVEL_WORD = /^(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(emerg|alert|crit|err|error|warning|warn|notice|info|debug) (?=\S)/;

// SONiC's rsyslog template writes the severity, upper case, between the host and the tag:
// `Jun 18 10:10:06.585546 str-msn2700-02 EMERG kernel: [  669.047114] …`, `ax1-spine103 INFO containerd[501]: …`.
const UPPER_LEVEL_WORD = /^(EMERG|ALERT|CRIT|ERR|WARNING|NOTICE|INFO|DEBUG) (?=\S)/;

/**
 * After a syslog-style time: `host tag: msg`, or (no host) `tag: msg`. A host name never ends in `:`, so such a token
 * is the tag, even when the message itself looks like another tag (`kernel: RIP: 0010:…`). Returns the message.
 */
/** A placeholder a poster put for the host name, glued to the tag after it (`[REDACTED]kernel:`, `<hostname>kernel:`). */
const HOST_PLACEHOLDER_BEFORE_TAG = /^(?:\[[^\]\s]*\]|<[^>\s]*>)(?=[^\s[<]+(?:\[\d+\])?:$)/;

/** A host name glued to the kernel's tag by a web copy (`customerkernel:`); the byte peek's `gluedHostBeforeKernelTag`. */
const GLUED_HOST_KERNEL_TAG = /^(?!vmkernel:)([A-Za-z0-9][A-Za-z0-9.-]*)kernel:$/;

function hostThenTag(line: LogLine, hostOrTag: string, rest: string): string {
  if (hostOrTag.charCodeAt(hostOrTag.length - 1) === 58) {
    const glued = GLUED_HOST_KERNEL_TAG.exec(hostOrTag);
    if (glued) {
      line.host = sharedName(glued[1]);
      return applyTag(line, "kernel: " + rest);
    }
    // No host, as the byte peek reads a token that ends in `:` (hostToken): the tag is the token without the placeholder.
    const tag = hostOrTag.slice(HOST_PLACEHOLDER_BEFORE_TAG.exec(hostOrTag)?.[0].length ?? 0);
    if (/^[^\s[]+(?:\[\d+\])?:$/.test(tag)) return applyTag(line, tag + " " + rest);
  }
  line.host = sharedName(hostOrTag);
  return applyTag(line, peelFacilityLevel(line, rest));
}

/**
 * Reads a busybox `facility.level ` before the tag (its level; `kern` names the kernel when no tag follows), or
 * SONiC's upper-case severity word when a tag follows it.
 */
function peelFacilityLevel(line: LogLine, rest: string): string {
  const m = FACILITY_LEVEL_WORD.exec(rest);
  if (!m) {
    const word = UPPER_LEVEL_WORD.exec(rest);
    if (!word) return rest;
    const after = rest.slice(word[0].length);
    if (!TAG.test(after)) return rest;
    if (line.level === undefined) line.level = SYSLOG_LEVEL[word[1].toLowerCase()];
    return after;
  }
  if (line.level === undefined) line.level = SYSLOG_LEVEL[m[2]];
  const after = rest.slice(m[0].length);
  if (m[1] === "kern" && !TAG.test(after)) line.program = "kernel";
  return after;
}

// A syslog daemon that writes no tag for the kernel (metalog, syslog-ng templates without `$PROGRAM`: `Aug 13 21:15:10
// localhost Oops: 0002 [#1]`) leaves the kernel's own report words where a tag goes: `BUG:`, `INFO:`, `WARNING:`,
// `Oops:` and the i386/x86-64 register lines (`EIP:`, `EFLAGS: 00010016   (2.6.13-rc6)`, `RIP:`, `CPU:`, `Pid:`).
// They are the message, not a program: taken as a tag, the report loses its header or its release.
const KERNEL_WORD_NOT_TAG = /^(?:BUG|INFO|WARNING|Oops|EIP|EFLAGS|RIP|RSP|CPU|Pid|Code|Stack|Workqueue)$/;

function applyTag(line: LogLine, rest: string): string {
  const t = TAG.exec(rest);
  if (!t) return rest;
  if (t[2] === undefined && KERNEL_WORD_NOT_TAG.test(t[1])) return rest;
  // `kern.err:` / `kern.info kernel:`: a facility.level tag written by some syslog daemons.
  // `kern` alone or followed by `.`: any other tag (`kernel`, `kubelet`) is told apart by its length or fifth character.
  const tag = t[1];
  line.program = (tag.length === 4 || tag.charCodeAt(4) === 46) && /^kern(?:\.\w+)?$/.test(tag) ? "kernel" : sharedName(tag);
  if (t[2] && t[2] !== "-") line.pid = Number(t[2]);
  if (t[3] && line.level === undefined) line.level = SEVERITY_NAMES.indexOf(t[3]);
  return rest.slice(t[0].length);
}

/** The object a `{…}` line holds, or undefined when the braces are only text (`{ ... }` in a message). */
function jsonObjectOf(msg: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(msg);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch (e) {
    // Text that merely starts and ends with braces is the expected case; anything else is a bug.
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/**
 * journalctl -o json writes a field that is not printable UTF-8 (a tab, an escape byte, invalid UTF-8 in a kernel
 * message) as an array of its bytes: the text they spell, invalid sequences replaced as ingest does.
 */
function journalBytesText(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return undefined;
  // NULs are dropped as ingest drops them from raw lines.
  return new TextDecoder().decode(Uint8Array.from(v as number[]).filter((b) => b !== 0));
}

/** A number a shipper may write as a string (journal JSON writes every field as a string). */
function numberField(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/**
 * A JSON line: journalctl -o json (`MESSAGE`, `_HOSTNAME`, `__REALTIME_TIMESTAMP`, `_SOURCE_MONOTONIC_TIMESTAMP`,
 * `_TRANSPORT`, `PRIORITY`), Docker json-file / Fluent Bit / Vector envelopes (`log` or `message` holding a whole
 * log line of any format, `stream`, `time`, `host`), Fluent Bit's kmsg input (`priority`, `msg`), and agents' own
 * structured logs (`msg`, `level`, `ts`).
 */
function parseJsonLine(msg: string, line: LogLine, ctx: LineContext, rest: ParseRest | undefined): boolean {
  const obj = jsonObjectOf(msg);
  if (!obj) return false;
  const envelope = obj.log ?? obj.message ?? journalBytesText(obj.MESSAGE) ?? obj.MESSAGE;
  const text = envelope ?? obj.msg;
  if (typeof text !== "string") return false;
  // A shipper keeps the line's end as the source wrote it: `\n`, `\r\n`, or a serial capture's visible `^M`.
  const body = text.replace(JSON_LINE_END, "");
  if (typeof envelope === "string" && rest) readEnvelopeBody(body, line, ctx, rest);
  else line.text = body;
  line.format = "json";
  const transport = obj._TRANSPORT;
  if (transport === "kernel") line.program = "kernel";
  else if (typeof obj.SYSLOG_IDENTIFIER === "string") line.program ??= obj.SYSLOG_IDENTIFIER;
  const pid = numberField(obj._PID);
  if (pid !== undefined) line.pid ??= pid;
  const priority = numberField(obj.PRIORITY ?? obj.priority);
  const lvl = obj.level ?? obj.lvl ?? obj.severity;
  if (typeof lvl === "string" && LOGFMT_LEVEL[lvl.toLowerCase()] !== undefined) line.level = LOGFMT_LEVEL[lvl.toLowerCase()];
  else if (priority !== undefined && line.level === undefined) line.level = priority & 7;
  const realtime = numberField(obj.__REALTIME_TIMESTAMP);
  const ts = obj.time ?? obj.ts ?? obj.timestamp ?? obj["@timestamp"];
  if (line.time === undefined && realtime !== undefined) line.time = Math.floor(realtime / 1000);
  if (line.time === undefined && typeof ts === "string") line.time = parseIsoTime(ts);
  if (line.time === undefined && typeof ts === "number") line.time = ts > 1e12 ? ts : ts * 1000;
  const monotonic = numberField(obj._SOURCE_MONOTONIC_TIMESTAMP);
  if (line.uptime === undefined && monotonic !== undefined && line.program === "kernel") line.uptime = monotonic / 1e6;
  // The byte peek takes the first of these keys in the line; a record names its host once.
  const kubernetes = obj.kubernetes;
  const host = obj._HOSTNAME ?? obj.hostname ?? obj.host ?? (kubernetes && typeof kubernetes === "object" ? (kubernetes as Record<string, unknown>).host : undefined);
  if (typeof host === "string" && host !== "" && !/["\\]/.test(host)) line.host = host;
  return true;
}

/**
 * A json-file / shipper record that is no JSON object any more: a paste cut it, or its author broke it over lines
 * (`{"log":"panic: failed to … port` then the rest of the message on the next lines). Its leading envelope field still
 * holds the log line: its string is read up to its closing quote or the line's end, escapes undone, and read with the
 * whole table like a whole record's; what follows it (the rest of a broken record, `stream`, `time`) is not read.
 */
function parseCutJsonEnvelope(s: string, line: LogLine, ctx: LineContext, rest: ParseRest): boolean {
  const key = JSON_ENVELOPE_KEYS.find((k) => s.startsWith(k));
  if (!key) return false;
  readEnvelopeBody(jsonStringHead(s, key.length - 1).replace(JSON_LINE_END, ""), line, ctx, rest);
  line.format = "json";
  return true;
}

/** An envelope carries a line of any format: read it with the whole table, the envelope's fields fill the gaps. */
function readEnvelopeBody(body: string, line: LogLine, ctx: LineContext, rest: ParseRest): void {
  const inner = rest(body, line.lineNo, { ...ctx, wall: undefined, journal: undefined, criPartial: undefined });
  if (!isKnown(inner)) {
    line.text = body;
    return;
  }
  for (const key of ["time", "uptime", "host", "program", "pid", "level", "callerId"] as const) {
    if (inner[key] !== undefined) (line as Record<string, unknown>)[key] = inner[key];
  }
  line.text = inner.text;
}

/**
 * A JSON string's text from `start` (its opening quote) to its closing quote, unescaped; cut before its closing quote,
 * the rest of `s` unescaped, or as written when the cut left half an escape (or a raw control character).
 */
function jsonStringHead(s: string, start: number): string {
  const tail = s.slice(start);
  const closed = JSON_STRING_HEAD.exec(tail);
  if (closed) return JSON.parse(closed[0]) as string;
  return JSON_STRING_OPEN.test(tail) ? (JSON.parse(`${tail}"`) as string) : tail.slice(1);
}
// What JSON.parse takes inside a string: no raw control character, no escape but JSON's own.
const JSON_STRING_HEAD = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/;
const JSON_STRING_OPEN = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*$/;

/** Non-kernel payloads: klog, logfmt and JSON carry their own level and time. */
function peelAgentPrefix(line: LogLine, msg: string, ctx: LineContext, setFormat: boolean): string {
  // KLOG needs a level letter then a digit: most agent lines fail on their first two characters, without a regex.
  const c0 = msg.charCodeAt(0);
  const c1 = msg.charCodeAt(1);
  const k = (c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70) && c1 >= 48 && c1 <= 57 ? KLOG.exec(msg) : null;
  if (k) {
    line.level = KLOG_LEVEL[k[1]];
    if (line.time === undefined) {
      const month = Number(k[2]);
      line.time = utcMs(yearFor(ctx, month), month - 1, Number(k[3]), Number(k[4]), Number(k[5]), Number(k[6]), fraction(k[7]));
    }
    if (line.pid === undefined) line.pid = Number(k[8]);
    if (setFormat) line.format = "klog";
    return msg.slice(k[0].length);
  }
  if (msg.charCodeAt(0) === 123 /* { */ && msg.charCodeAt(msg.length - 1) === 125) {
    // An agent's JSON inside another format (syslog, CRI): its fields, never its envelope's host.
    const probe: LogLine = { ...line, text: msg, host: undefined };
    if (!parseJsonLine(msg, probe, ctx, undefined)) return msg;
    if (probe.level !== undefined) line.level = probe.level;
    if (line.time === undefined) line.time = probe.time;
    if (setFormat) line.format = "json";
    return probe.text;
  }
  if (msg.includes("level=") && msg.includes("msg=")) {
    const lvl = /(?:^|\s)level=("?)(\w+)\1/.exec(msg);
    if (lvl && LOGFMT_LEVEL[lvl[2].toLowerCase()] !== undefined) line.level = LOGFMT_LEVEL[lvl[2].toLowerCase()];
    if (line.time === undefined) {
      const ts = /(?:^|\s)(?:time|ts)="?([0-9T:.+-]+Z?)"?/.exec(msg);
      if (ts) line.time = parseIsoTime(ts[1]);
    }
    if (setFormat) line.format = "logfmt";
  }
  return msg;
}

/** The `prefix,seq,usec,flags;` of a /dev/kmsg record (KMSG) read into `line`; the rest, or undefined when absent. */
function peelKmsgPrefix(line: LogLine, msg: string): string | undefined {
  const k = KMSG.exec(msg);
  if (!k) return undefined;
  const prefix = Number(k[1]);
  line.level = prefix & 7;
  line.uptime = Number(k[3]) / 1e6;
  const caller = /,caller=([TC]\d+)/.exec(k[4]);
  if (caller) line.callerId = caller[1];
  const rest = msg.slice(k[0].length);
  // Facility 0 is the kernel; user space writing to /dev/kmsg (systemd, early boot) tags its own lines.
  if (prefix >> 3 === 0) {
    line.program = "kernel";
    return rest;
  }
  return applyTag(line, rest);
}

/**
 * A VM's console forwarded into the host's journal by its hypervisor process (`com.docker.backend[56957]: [  956.812853]
 * kernel BUG at …`, kata, lima): dmesg's six-digit uptime stamp says the message is kernel output.
 */
const FORWARDED_CONSOLE = /^\[\s*\d+\.\d{6}\] /;

/** The message after a syslog-style header: rsyslog's escapes undone, the kernel's or agent's own prefix read. */
export function finishText(line: LogLine, msg: string, ctx: LineContext): string {
  if (msg.includes("#011")) msg = msg.replace(RSYSLOG_TAB, "\t");
  // Kernel lines keep printing their own `[uptime]` inside syslog when printk.time=1.
  if (line.program === undefined || line.program === "kernel") {
    // Some RHEL 5/6-era syslog setups write an empty field after the kernel's tag (`host kernel: : mpt2sas0: …`,
    // `kernel: : [   14.881105] WARNING: …`): that `: ` is no part of the message, and a rule that reads a driver's
    // name at the start of the text (or the `[uptime]` peel below) must see the text as the kernel printed it.
    if (line.program === "kernel" && msg.charCodeAt(0) === 58 /* : */ && msg.charCodeAt(1) === 32) msg = msg.slice(2);
    const c = msg.charCodeAt(0);
    if (c === 91 /* [ */ || c === 60 /* < */) return peelKernelPrefix(line, msg);
    // Extended netconsole received by a syslog server: the record's own `4,1789,1531218013,-;` after the host.
    if (c >= 48 && c <= 57 && line.program === undefined) return peelKmsgPrefix(line, msg) ?? msg;
    return msg;
  }
  if (msg.charCodeAt(0) === 91 && FORWARDED_CONSOLE.test(msg)) {
    line.program = "kernel";
    return peelKernelPrefix(line, msg);
  }
  if (line.program === "vmkernel") {
    // ESX's vmkernel forwarded to syslog: `15:07:33:10.284 cpu2:4245)` (uptime days:h:m:s.ms, CPU, world) before the
    // message. Its Linux driver layer (vmklinux) prints Linux-style WARNINGs and NETDEV WATCHDOG lines: kernel text.
    const m = VMKERNEL_PREFIX.exec(msg);
    if (m) {
      line.program = "kernel";
      return msg.slice(m[0].length);
    }
  }
  return peelAgentPrefix(line, msg, ctx, false);
}

/** ESX vmkernel's `[uptime ]cpuN:world)` message prefix (see finishText). */
const VMKERNEL_PREFIX = /^(?:\d+:\d{2}:\d{2}:\d{2}\.\d{3} )?cpu\d+:\d+\)/;

/** A logfmt quoted value's escapes (`\n` at the end of a forwarded console line, `\"`). */
function unescapeLogfmt(v: string): string {
  return v.replace(/\\(.)/g, (_, ch: string) => (ch === "n" || ch === "r" || ch === "t" ? " " : ch)).trimEnd();
}

/**
 * Length of a `grep -r` file-name prefix at bytes[pos] (`/var/log/messages-20240618:`, `messages-20240618-`), or 0.
 * Bytes first (this runs on every line of other formats): the prefix is one token holding a `:` or `-` before a
 * capital, a digit or `<`; only then is the line decoded and read by `parseGrepPrefix`.
 */
function grepPrefixLength(bytes: Uint8Array, pos: number, eol: number): number {
  const limit = Math.min(eol, pos + 512);
  for (let p = pos + 1; p < limit; p++) {
    const c = bytes[p];
    if (c === 32 || c === 9) return 0;
    if (c === 58 || c === 45) {
      const next = bytes[p + 1];
      if ((next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 60) return parseGrepPrefix(latin1Of(bytes, pos, limit))?.length ?? 0;
    }
  }
  return 0;
}

// ─── byte helpers for the peek (every line passes here: no strings, no regexes on the common paths) ─────────────

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9;
const isAlnum = (c: number) => isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The `>` closing a `<N>` / `<NNN>` priority at bytes[pos], or -1. Bounded to the prefix: an unbounded indexOf
 * would find a `>` on a later line (a wrong uptime, a false reboot) and rescan the chunk for every such line.
 */
export function priEnd(bytes: Uint8Array, pos: number, eol: number): number {
  const limit = Math.min(eol, pos + 5);
  for (let p = pos + 1; p < limit; p++) {
    const c = bytes[p];
    if (c === 62) return p > pos + 1 ? p : -1;
    if (c < 48 || c > 57) return -1;
  }
  return -1;
}

/** After a dmesg stamp's seconds: `dmesg -d`'s ` <    0.000012>` delta skipped, or `p` unchanged. */
function afterDelta(bytes: Uint8Array, p: number, eol: number): number {
  if (bytes[p] !== 32 || bytes[p + 1] !== 60) return p;
  let q = p + 2;
  while (q < eol && isSpace(bytes[q])) q++;
  const intStart = q;
  while (q < eol && isDigit(bytes[q])) q++;
  if (q === intStart || (bytes[q] !== 46 && bytes[q] !== 44)) return p;
  q++;
  while (q < eol && isDigit(bytes[q])) q++;
  return bytes[q] === 62 ? q + 1 : p;
}

/**
 * After a stamp that journalctl prints before the host (short-monotonic's `[uptime]`, short-unix's epoch): the host
 * of `` host kernel: `` / `` host prog[pid]: ``, or host-less (never after a caller id).
 */
function monotonicHostAt(bytes: Uint8Array, p: number, eol: number): number {
  if (bytes[p] !== 32) return PEEK.HOSTLESS;
  const hostStart = p + 1;
  const hostEnd = wordEnd(bytes, hostStart, eol);
  if (hostEnd === hostStart || bytes[hostEnd] !== 32) return PEEK.HOSTLESS;
  if (startsWithAscii(bytes, hostEnd + 1, eol, "kernel: ")) return hostSpan(bytes, hostStart, hostEnd);
  let t = hostEnd + 1;
  while (t < eol && (bytes[t] === 64 || bytes[t] > 32) && bytes[t] !== 91 && bytes[t] !== 58) t++;
  if (t === hostEnd + 1 || bytes[t] !== 91) return PEEK.HOSTLESS;
  t++;
  const pidStart = t;
  while (t < eol && isDigit(bytes[t])) t++;
  return t > pidStart && bytes[t] === 93 && bytes[t + 1] === 58 && bytes[t + 2] === 32 ? hostSpan(bytes, hostStart, hostEnd) : PEEK.HOSTLESS;
}

/**
 * The host token at bytes[start…] up to the next space: its end and hash go to `PEEKED` (the scanner matches it
 * against known hosts without a slice). A token ending in `:` is the tag of a host-less line.
 */
function hostToken(bytes: Uint8Array, start: number, eol: number): number {
  if (start >= eol) return PEEK.HOSTLESS;
  let end = start;
  let hash = 0;
  for (let c = bytes[end]; end < eol && c !== 32; c = bytes[++end]) hash = (Math.imul(hash, 31) + c) | 0;
  if (end === start) return PEEK.HOSTLESS;
  if (bytes[end - 1] === 58) return gluedHostBeforeKernelTag(bytes, start, end) ? hostSpan(bytes, start, end - 7) : PEEK.HOSTLESS;
  PEEKED.end = end;
  PEEKED.hash = hash;
  return start;
}

/**
 * `customerkernel:`: a host name glued to the kernel's tag, the space between them lost by a web page's copy (a blog
 * that set the host and the tag in separate spans). The same host as its `customer kernel:` lines, not a host-less
 * line whose program is `customerkernel` (parseLine's `GLUED_HOST_KERNEL_TAG` reads it alike). ESXi's `vmkernel:` is
 * a tag of its own.
 */
function gluedHostBeforeKernelTag(bytes: Uint8Array, start: number, end: number): boolean {
  const hostEnd = end - 7;
  if (hostEnd <= start || !startsWithAscii(bytes, hostEnd, end, "kernel:")) return false;
  if (hostEnd - start === 2 && bytes[start] === 118 && bytes[start + 1] === 109) return false;
  if (!isAlnum(bytes[start])) return false;
  for (let p = start + 1; p < hostEnd; p++) if (!isAlnum(bytes[p]) && bytes[p] !== 45 && bytes[p] !== 46) return false;
  return true;
}

/** Like `hostToken` for a token that ends at `end` (a delimiter the caller found). */
function hostSpan(bytes: Uint8Array, start: number, end: number): number {
  if (bytes[end - 1] === 13) end--;
  if (end <= start) return PEEK.HOSTLESS;
  let hash = 0;
  for (let p = start; p < end; p++) hash = (Math.imul(hash, 31) + bytes[p]) | 0;
  PEEKED.end = end;
  PEEKED.hash = hash;
  return start;
}

function startsWithAscii(bytes: Uint8Array, pos: number, eol: number, literal: string): boolean {
  if (pos + literal.length > eol) return false;
  for (let k = 0; k < literal.length; k++) if (bytes[pos + k] !== literal.charCodeAt(k)) return false;
  return true;
}

/** Bytes of `[A-Za-z0-9_.-]` (host names, tags). */
function wordEnd(bytes: Uint8Array, pos: number, eol: number): number {
  let p = pos;
  while (p < eol) {
    const c = bytes[p];
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 46 || c === 45) p++;
    else break;
  }
  return p;
}

/** A stamp's zone `Z`, `+08:00` or `-0500`: its offset from UTC in milliseconds. */
function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return (zone[0] === "-" ? -minutes : minutes) * 60_000;
}

/** After a syslog time `HH:MM:SS` ending before `p`: skip `.fraction`, a zone (`+00:00`, `Z`) and ` YYYY`, then the host token. */
function hostAfterSyslogTime(bytes: Uint8Array, p: number, eol: number): number {
  if (bytes[p] === 46) {
    p++;
    while (p < eol && isDigit(bytes[p])) p++;
  }
  if (bytes[p] === 90) p++;
  else if ((bytes[p] === 43 || bytes[p] === 45) && isDigit(bytes[p + 1]) && isDigit(bytes[p + 2])) {
    p += bytes[p + 3] === 58 ? 4 : 3;
    if (!isDigit(bytes[p]) || !isDigit(bytes[p + 1])) return PEEK.NOT_THIS;
    p += 2;
  }
  if (bytes[p] !== 32) return PEEK.NOT_THIS;
  p++;
  if (isDigit(bytes[p]) && isDigit(bytes[p + 1]) && isDigit(bytes[p + 2]) && isDigit(bytes[p + 3]) && bytes[p + 4] === 32) p += 5;
  return hostToken(bytes, p, eol);
}

/** `d HH:MM:SS` / `dd HH:MM:SS` at bytes[p…] (after the month and its spaces): the position after it, or -1. */
function dayAndTimeEnd(bytes: Uint8Array, p: number, eol: number): number {
  if (!isDigit(bytes[p])) return -1;
  p += isDigit(bytes[p + 1]) ? 2 : 1;
  if (p + 9 > eol || bytes[p] !== 32 || bytes[p + 3] !== 58 || bytes[p + 6] !== 58) return -1;
  return isDigit(bytes[p + 1]) && isDigit(bytes[p + 8]) ? p + 9 : -1;
}

/** One field line of a journal entry (`-o export`, `-o verbose`, `-o json-pretty`): noted on `entry`, `line` filled. */
function readJournalField(entry: JournalEntry, name: string, value: string, line: LogLine): void {
  if (name === "__REALTIME_TIMESTAMP" && /^\d+$/.test(value)) entry.time = Math.floor(Number(value) / 1000);
  else if (name === "_SOURCE_MONOTONIC_TIMESTAMP" && /^\d+$/.test(value)) entry.uptime = Number(value) / 1e6;
  else if (name === "_TRANSPORT" && value === "kernel") entry.program = "kernel";
  else if (name === "SYSLOG_IDENTIFIER" && entry.program !== "kernel") entry.program = value;
  else if (name === "_PID" && /^\d+$/.test(value)) entry.pid = Number(value);
  else if (name === "PRIORITY" && /^[0-7]$/.test(value)) entry.level = Number(value);
  else if (name === "_HOSTNAME") entry.host = value;
  line.format = "journal";
  line.host = entry.host;
  line.time = entry.time;
  if (name !== "MESSAGE") {
    line.program = "journal";
    // json-pretty prints the fields in hash order: what came after the message is the message's too.
    if (entry.message) fillJournalMessage(entry.message, entry);
    return;
  }
  fillJournalMessage(line, entry);
  line.text = value;
  if (entry.json) entry.message = line;
}

function fillJournalMessage(line: LogLine, entry: JournalEntry): void {
  line.host ??= entry.host;
  line.time ??= entry.time;
  if (line.program === undefined || (entry.program === "kernel" && line.program !== "kernel")) line.program = entry.program;
  line.pid ??= entry.pid;
  line.level ??= entry.level;
  if (line.program === "kernel") line.uptime ??= entry.uptime;
}

/**
 * A json-pretty field's value: a JSON string unescaped, a bare number, or, for a string a paste wrapped (no closing
 * quote), the rest of the line as written; undefined for a value on the next line or a byte array (`[`).
 */
function jsonPrettyValue(raw: string): string | undefined {
  if (raw.charCodeAt(0) === 34) return JSON_STRING.test(raw) ? (JSON.parse(raw) as string) : raw.endsWith('"') ? undefined : raw.slice(1);
  return /^\d+$/.test(raw) ? raw : undefined;
}

// ─── the table ──────────────────────────────────────────────────────────────────────────────────────────────────

export const LINE_FORMATS: readonly LineFormatRow[] = [
  {
    // Before `indent`: the entry's MESSAGE line is filled in by fields after it, so this row must own the line itself.
    id: "journal-json-field",
    starts: " \t",
    parse: (s, line, ctx) => {
      const f = s.charCodeAt(s.search(/\S/)) === 34 ? JOURNAL_JSON_FIELD.exec(s) : null;
      if (!f) return false;
      const [, name, raw] = f;
      const value = jsonPrettyValue(raw);
      // A paste that starts inside an entry: the entry starts here.
      if (!ctx.journal?.json) ctx.journal = { json: true };
      if (value === undefined) {
        line.format = "journal";
        line.program = "journal";
        return true;
      }
      readJournalField(ctx.journal, name, value, line);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      if (p === pos || bytes[p] !== 34) return PEEK.NOT_THIS;
      if (startsWithAscii(bytes, p, eol, '"_HOSTNAME" : "')) {
        const start = p + 15;
        let end = start;
        while (end < eol && bytes[end] !== 34) end++;
        PEEKED.metadata = true;
        return hostSpan(bytes, start, end);
      }
      if (startsWithAscii(bytes, p, eol, '"MESSAGE" : ')) return PEEK.KEEPS_HOST;
      let q = p + 1;
      while (q < eol && bytes[q] === 95) q++;
      if (!(bytes[q] >= 65 && bytes[q] <= 90)) return PEEK.NOT_THIS;
      while (q < eol && ((bytes[q] >= 65 && bytes[q] <= 90) || isDigit(bytes[q]) || bytes[q] === 95)) q++;
      return bytes[q] === 34 && bytes[q + 1] === 32 && bytes[q + 2] === 58 ? journalMetadata() : PEEK.NOT_THIS;
    },
  },
  {
    id: "quote",
    starts: " \t>",
    parse: (s, line, ctx, rest) => {
      const quote = QUOTE_PREFIX.exec(s);
      return quote ? adopt(line, rest(s.slice(quote[0].length), line.lineNo, ctx)) : false;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      // As QUOTE_PREFIX: `(?:[ \t]*>)+[ \t]?`.
      let p = pos;
      let quoted = false;
      for (;;) {
        let q = p;
        while (q < eol && isSpace(bytes[q])) q++;
        if (bytes[q] !== 62) break;
        quoted = true;
        p = q + 1;
      }
      if (!quoted) return PEEK.NOT_THIS;
      if (isSpace(bytes[p])) p++;
      const host = rest(bytes, p, eol, depth + 1);
      return host === PEEK.NOT_THIS ? PEEK.HOSTLESS : host;
    },
  },
  {
    id: "pipe-quote",
    starts: " \t|",
    parse: (s, line, ctx, rest) => {
      const pipe = PIPE_PREFIX.exec(s);
      if (!pipe) return false;
      const inner = rest(s.slice(pipe[0].length), line.lineNo, { ...ctx, wall: undefined });
      return PIPE_STACK_LINE.test(inner.text) ? adopt(line, inner) : adoptIfKnown(line, inner);
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      if (bytes[p] !== 124) return PEEK.NOT_THIS;
      p++;
      if (isSpace(bytes[p])) p++;
      return hostIfNamed(rest(bytes, p, eol, depth + 1));
    },
  },
  {
    id: "inline-code",
    starts: " \t`",
    parse: (s, line, ctx, rest) => {
      const code = INLINE_CODE_LINE.exec(s);
      return code ? adopt(line, rest(code[1], line.lineNo, ctx)) : false;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      // As INLINE_CODE_LINE: blanks, a backtick, the code, a backtick, blanks.
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      if (bytes[p] !== 96) return PEEK.NOT_THIS;
      let end = eol;
      while (end > p && isSpace(bytes[end - 1])) end--;
      if (end - p < 3 || bytes[end - 1] !== 96 || bytes.subarray(p + 1, end - 1).includes(96)) return PEEK.NOT_THIS;
      const host = rest(bytes, p + 1, end - 1, depth + 1);
      return host === PEEK.NOT_THIS ? PEEK.HOSTLESS : host;
    },
  },
  {
    // Before `line-number`, which would take a row's leading number for a paste's and give up on the rest.
    id: "wsl-guestlog",
    starts: "M" + DIGITS,
    parse: (s, line, ctx, rest) => {
      if (!s.includes("Lxss.Manager")) return false;
      const event = WSL_GUESTLOG_EVENT.exec(s);
      if (!event) return false;
      const record = s.slice(event[0].length).replace(WSL_GUESTLOG_CLOSE, "");
      return adopt(line, rest(record, line.lineNo, { ...ctx, wall: undefined }));
    },
    peekHost: (bytes, pos, eol) => {
      // Every line opening with a digit or `M` (syslog's March and May, every ISO time) asks, so the common ones leave
      // within a few bytes: a row opens with the provider (`Mi…`) or with a row number or time and its tab or comma.
      if (bytes[pos] === 77) {
        if (bytes[pos + 1] !== 105) return PEEK.NOT_THIS;
      } else {
        let f = pos;
        const fieldEnd = Math.min(eol, pos + WSL_GUESTLOG_PROVIDER_WITHIN);
        while (f < fieldEnd && isGuestLogLeadByte(bytes[f])) f++;
        if (bytes[f] !== 9 && bytes[f] !== 44) return PEEK.NOT_THIS;
      }
      const head = Math.min(eol, pos + WSL_GUESTLOG_PROVIDER_WITHIN);
      let p = pos;
      while (p + 3 < head && !(bytes[p] === 76 && bytes[p + 1] === 120 && bytes[p + 2] === 115 && bytes[p + 3] === 115)) p++;
      if (p + 3 >= head) return PEEK.NOT_THIS;
      return WSL_GUESTLOG_EVENT.test(latin1Of(bytes, pos, Math.min(eol, pos + 200))) ? PEEK.HOSTLESS : PEEK.NOT_THIS;
    },
  },
  {
    // The banner's host applies to the ` kernel:…` line after it: the scanner keeps that state itself (no peek here).
    id: "syslogd-wall",
    starts: "M",
    parse: (s, line, ctx) => {
      const w = WALL.exec(s);
      if (!w) return false;
      const month = monthOf(w[2]);
      const time =
        month >= 0 ? utcMs(yearFor(ctx, month + 1), month, Number(w[3]), Number(w[4]), Number(w[5]), Number(w[6]), 0) : undefined;
      ctx.wall = { host: w[1], time };
      line.format = "syslogd-wall";
      line.host = w[1];
      line.time = time;
      line.program = "syslogd";
      return true;
    },
  },
  {
    // systemd-journald's wall broadcast of an emergency-level entry: the banner, a blank line, then the body
    // (`kernel[539]: …`, read after the banner in parse-line.ts). No peek: the body's host is the banner's, as above.
    id: "journald-wall",
    starts: "B",
    parse: (s, line, ctx) => {
      const w = JOURNALD_WALL.exec(s);
      if (!w) return false;
      const time = utcMs(Number(w[2]), Number(w[3]) - 1, Number(w[4]), Number(w[5]), Number(w[6]), Number(w[7]), 0);
      ctx.wall = { host: w[1], time, journald: true };
      line.format = "journald-wall";
      line.host = w[1];
      line.time = time;
      line.program = "systemd-journald";
      return true;
    },
  },
  {
    // A journald wall body whose banner the paste lost or quoted apart (`> kernel[539]: [  975.354827] Internal error:
    // …`): the `[pid]` marks it, the kernel's own syslog and journal lines never carry one. Still a wall copy: the scanner
    // drops it when the window holds the line itself.
    id: "journald-wall-kernel",
    starts: "k",
    parse: (s, line, ctx, rest) => {
      const m = JOURNALD_WALL_KERNEL.exec(s);
      if (!m) return false;
      adopt(line, rest(s.slice(m[0].length), line.lineNo, { ...ctx, wall: undefined }));
      line.format = "journald-wall";
      line.program = "kernel";
      return true;
    },
  },
  {
    // `grep -r` pastes: absolute or relative file names, `-n` numbers, `-A/-B` context lines (grep-prefix.ts).
    id: "grep-r",
    starts: "/." + LOWER + DIGITS,
    parse: (s, line, ctx, rest) => {
      const g = parseGrepPrefix(s);
      if (!g) return false;
      // The prefix names the rotated file the line came from: its date anchors the year better than the paste's.
      const y = dateInFileName(g.file);
      const inner = y
        ? rest(s.slice(g.length), line.lineNo, { ...ctx, year: y.year, yearMonth: y.month, monthsAhead: 0, wall: undefined })
        : rest(s.slice(g.length), line.lineNo, ctx);
      if (y) ctx.wall = undefined;
      return adopt(line, inner);
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      if (depth > 0) return PEEK.NOT_THIS;
      const length = grepPrefixLength(bytes, pos, eol);
      return length > 0 ? rest(bytes, pos + length, eol, depth + 1) : PEEK.NOT_THIS;
    },
  },
  {
    id: "logread",
    starts: "FMSTW",
    parse: (s, line, ctx, rest) => {
      const m = LOGREAD.exec(s);
      if (!m) return false;
      const month = monthOf(m[1]);
      if (month < 0) return false;
      // The tag and message after the level: a known row reads `kernel: [uptime] …`; any other `tag[pid]: …` is a
      // program's line.
      const after = s.slice(m[0].length);
      const inner = rest(after, line.lineNo, { ...ctx, wall: undefined });
      if (inner.host === undefined && isKnown(inner)) adopt(line, inner);
      else line.text = finishText(line, applyTag(line, after), ctx);
      line.format = "syslog";
      line.time = syslogTime(Number(m[6]), month, m[2], m[3], m[4], m[5], undefined);
      if (m[7] === "kern") line.program = "kernel";
      if (SYSLOG_LEVEL[m[8]] !== undefined) line.level = SYSLOG_LEVEL[m[8]];
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      // Weekday, month, a `:` at both places a one- or two-digit day puts it; the line names no host.
      if (eol - pos < LOGREAD_FACILITY_AT + 6 || bytes[pos + 3] !== 32 || bytes[pos + 7] !== 32) return PEEK.NOT_THIS;
      return LOGREAD.test(latin1Of(bytes, pos, Math.min(eol, pos + 48))) ? PEEK.HOSTLESS : PEEK.NOT_THIS;
    },
  },
  {
    id: "journal-short-full",
    starts: "FMSTW",
    parse: (s, line, ctx) => {
      const m = JOURNAL_SHORT_FULL.exec(s);
      if (!m) return false;
      const time = utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), 0);
      if (time === undefined) return false;
      const zone = m[8];
      line.time = time + fraction(m[7]) - (zone[0] === "+" || zone[0] === "-" ? zoneOffsetMs(zone) : 0);
      line.format = "syslog-iso";
      line.text = finishText(line, hostThenTag(line, m[9], m[10] ?? ""), ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      // `Www YYYY-MM-DD HH:MM:SS`: the separators at fixed places, then a fraction, the zone and the host.
      if (eol - pos < 26 || bytes[pos + 3] !== 32 || bytes[pos + 8] !== 45 || bytes[pos + 11] !== 45 || bytes[pos + 14] !== 32 || bytes[pos + 17] !== 58 || bytes[pos + 20] !== 58) return PEEK.NOT_THIS;
      const head = JOURNAL_SHORT_FULL_HEAD.exec(latin1Of(bytes, pos, Math.min(eol, pos + 48)));
      return head && bytes[pos + head[0].length] !== 91 ? hostToken(bytes, pos + head[0].length, eol) : PEEK.NOT_THIS;
    },
  },
  {
    id: "rfc3164",
    // Digits only for a CJK month (`1月 29 22:38:32 host …`): any other digit-led line leaves at its second character.
    starts: UPPER + LOWER + "<" + NON_ASCII + DIGITS,
    parse: (s, line, ctx) => {
      if (isAsciiDigit(s.charCodeAt(0)) && !CJK_MONTH_HEAD.test(s)) return false;
      const m = RFC3164.exec(s);
      if (!m) return false;
      const month = monthOf(m[2]);
      if (month < 0) return false;
      const year = m[9] ? Number(m[9]) : yearFor(ctx, month + 1);
      line.time = syslogTime(year, month, m[3], m[4], m[5], m[6], m[7]);
      if (m[8] !== undefined && line.time !== undefined) line.time -= zoneOffsetMs(m[8]);
      line.format = "syslog";
      if (m[1] !== undefined) line.level = Number(m[1]) & 7;
      line.text = finishText(line, hostThenTag(line, m[10], m[11] ?? ""), ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      let p = pos;
      if (isAsciiDigit(bytes[p]) && !cjkMonthAt(bytes, p, eol)) return PEEK.NOT_THIS;
      if (bytes[p] === 60) {
        const gt = priEnd(bytes, p, eol);
        if (gt === -1) return PEEK.NOT_THIS;
        p = gt + 1;
      }
      // English `Aug 13 15:59:23` first (fixed offsets), then a localised month up to the first space.
      if (eol - p > 16 && bytes[p + 3] === 32 && bytes[p + 9] === 58 && bytes[p + 12] === 58 && bytes[p] < 128) {
        return hostAfterSyslogTime(bytes, p + 15, eol);
      }
      let sp = p + 2;
      const limit = Math.min(eol, p + 12);
      while (sp < limit && bytes[sp] !== 32) sp++;
      if (sp >= limit) return PEEK.NOT_THIS;
      let d = sp + 1;
      if (bytes[d] === 32) d++;
      const timeEnd = dayAndTimeEnd(bytes, d, eol);
      if (timeEnd === -1 || !MONTH_NAME_BYTES.has(latin1Of(bytes, p, sp))) return PEEK.NOT_THIS;
      return hostAfterSyslogTime(bytes, timeEnd, eol);
    },
  },
  {
    id: "iso",
    starts: DIGITS + "<",
    parse: (s, line, ctx, rest) => {
      if (KLOG.test(s)) return false;
      const mac = MACOS_SYSLOG_STYLE.exec(s);
      if (mac) {
        line.time = parseIsoTime(mac[1]);
        line.format = "syslog-iso";
        line.host = mac[2];
        line.text = finishText(line, applyTag(line, mac[3]), ctx);
        return true;
      }
      const indented = ISO_INDENTED_TEXT.exec(s);
      if (indented) {
        line.time = parseIsoTime(indented[1]);
        // As the console branch below: dmesg's own ISO time names the kernel, a capture's time leaves it unsaid.
        line.format = "syslog-iso";
        if (DMESG_ISO_TIME.test(indented[1])) {
          line.format = "dmesg-human";
          line.program = "kernel";
        }
        let text = (indented[2] ?? indented[3] ?? "").trimEnd();
        // LAVA (KernelCI's labs) stamps each console line it receives and runs `dmesg -x`: `2023-01-27T07:14:39.719598
        // kern  :emerg : …`. The facility and level are the kernel's, as at the start of a line.
        const x = DMESG_X_INDENTED.exec(text);
        if (x) {
          if (x[1] === "kern") line.program = "kernel";
          line.level = SYSLOG_LEVEL[x[2]];
          text = text.slice(x[0].length);
        }
        line.text = peelKernelPrefix(line, text);
        return true;
      }
      const m = ISO_LINE.exec(s);
      if (!m) return false;
      const [, pri, rfc5424, time, goZone, token] = m;
      line.time = parseIsoTime(goZone ? time + goZone : time);
      line.format = "syslog-iso";
      if (pri !== undefined) line.level = Number(pri) & 7;
      let msg = m[6] ?? "";
      if (!rfc5424 && !goZone && time.length > 26 && DMESG_ISO_TIME.test(time)) {
        // dmesg --time-format=iso: the message follows the time.
        line.format = "dmesg-human";
        line.program = "kernel";
        line.text = peelKernelPrefix(line, `${token} ${msg}`.trimEnd());
        return true;
      }
      if (!rfc5424 && !goZone && isConsoleTextAfterTime(token, msg)) {
        line.text = peelKernelPrefix(line, `${token} ${msg}`.trimEnd());
        return true;
      }
      line.host = token;
      const facility = rfc5424 || !token.includes(".") ? null : FACILITY_LEVEL.exec(token);
      if (facility) {
        // `kern.warn kernel: …`: no host, the level named, the tag next.
        delete line.host;
        if (SYSLOG_LEVEL[facility[2]] !== undefined) line.level = SYSLOG_LEVEL[facility[2]];
        if (facility[1] === "kern" && !TAG.test(msg)) line.program = "kernel";
      } else if (!rfc5424 && token.endsWith(":")) {
        // No host: the token after the time is already the tag (`… kern.err: [  621.892001] …`).
        delete line.host;
        msg = `${token} ${msg}`;
      } else if (!rfc5424 && isLevelInHostPlace(token)) {
        delete line.host;
        const bracketed = BRACKETED_LEVEL.exec(token);
        const level = LEVEL_WORD_LEVEL[(bracketed ? bracketed[1] : token).toLowerCase()];
        if (level !== undefined) line.level = level;
        if (bracketed?.[2] !== undefined) line.pid = Number(bracketed[2]);
        // A bracketed word that names no level (`[main]`) is the message's own start.
        if (token.startsWith("[") && (level === undefined || !bracketed)) msg = `${token} ${msg}`;
      }
      const cri = rfc5424 ? null : CRI_STREAM.exec(token + " " + msg);
      if (cri) {
        // CRI container log (/var/log/containers/*.log): `<time> stdout|stderr F|P <msg>`; no host, no tag. A long
        // message is cut into `P` pieces that the `F` line completes.
        delete line.host;
        const piece = msg.slice(2);
        if (cri[1] === "P") {
          ctx.criPartial = (ctx.criPartial ?? "") + piece;
          line.program = "cri-partial";
          line.text = piece;
          return true;
        }
        const whole = ctx.criPartial !== undefined ? ctx.criPartial + piece : piece;
        ctx.criPartial = undefined;
        const time = line.time;
        const inner = rest(whole, line.lineNo, { ...ctx, wall: undefined, journal: undefined });
        if (isKnown(inner)) {
          // A container's own text names no node: whatever looks like a host in it is not one (the peek agrees).
          adopt(line, inner);
          delete line.host;
          line.format = "syslog-iso";
          if (time !== undefined) line.time = time;
        } else line.text = peelAgentPrefix(line, whole, ctx, false);
        return true;
      }
      if (rfc5424) {
        // RFC 5424: app procid msgid structured-data msg
        const r = /^(\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$/.exec(msg);
        if (r) {
          line.program = r[1] === "-" ? undefined : r[1];
          if (/^\d+$/.test(r[2])) line.pid = Number(r[2]);
          msg = r[5];
        }
      } else {
        msg = applyTag(line, msg);
      }
      line.text = finishText(line, msg, ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      let p = pos;
      let rfc5424 = false;
      if (bytes[p] === 60) {
        const gt = priEnd(bytes, p, eol);
        if (gt === -1) return PEEK.NOT_THIS;
        // `<6>1 ` or, from a template with a space after the PRI, `<6> 1 ` (ISO_LINE).
        const v = bytes[gt + 1] === 32 ? gt + 2 : gt + 1;
        if (bytes[v] !== 49 || bytes[v + 1] !== 32) return PEEK.NOT_THIS;
        p = v + 2;
        rfc5424 = true;
      }
      if (eol - p <= 21 || bytes[p + 4] !== 45 || bytes[p + 7] !== 45 || !isDigit(bytes[p])) return PEEK.NOT_THIS;
      // dmesg --time-format=iso: `…:SS,uuuuuu+hh:mm msg` names no host.
      if (!rfc5424 && bytes[p + 19] === 44 && isDigit(bytes[p + 25]) && (bytes[p + 26] === 43 || bytes[p + 26] === 45)) {
        const zoneEnd = bytes[p + 29] === 58 ? p + 32 : p + 31;
        if (bytes[zoneEnd] === 32) return PEEK.HOSTLESS;
      }
      // From after the date's `T` or space separator: `2024-08-13 15:59:23 host` has a space at +10.
      const sp = bytes.indexOf(32, p + 11);
      if (sp === -1 || sp >= eol) return PEEK.HOSTLESS;
      // ISO_INDENTED_TEXT: a console server's tab after its time opens the console's text, not a host.
      if (!rfc5424) {
        const tab = bytes.indexOf(9, p + 11);
        if (tab !== -1 && tab < sp) return PEEK.HOSTLESS;
      }
      let start = sp + 1;
      // ISO_INDENTED_TEXT: a second space (or nothing) after the time is indented kernel text, never a host, unless
      // the line is macOS's `log show --style syslog` (MACOS_SYSLOG_STYLE): its host follows the two spaces.
      if (!rfc5424 && start < eol && bytes[start] === 32 && sp - p === 31) {
        const mac = MACOS_SYSLOG_STYLE.exec(latin1Of(bytes, p, Math.min(eol, p + 200)));
        if (mac) return hostToken(bytes, start + 1, eol);
      }
      if (!rfc5424 && (start >= eol || bytes[start] === 32 || bytes[start] === 13)) return PEEK.HOSTLESS;
      if (!rfc5424) {
        const afterZone = afterGoZone(bytes, start, eol);
        if (afterZone === start && isConsoleTextAt(bytes, start, eol)) return PEEK.HOSTLESS;
        start = afterZone;
      }
      if (!rfc5424 && isFacilityLevel(bytes, start, eol)) return PEEK.HOSTLESS;
      if (!rfc5424 && (bytes[start] === 91 || isLevelWordAt(bytes, start, eol))) return PEEK.HOSTLESS;
      // CRI container logs put the stream where syslog puts the host (`<time> stderr F …`).
      if (!rfc5424 && bytes[start] === 115 /* s */ && (startsWithAscii(bytes, start, eol, "stderr ") || startsWithAscii(bytes, start, eol, "stdout "))) {
        return PEEK.HOSTLESS;
      }
      return hostToken(bytes, start, eol);
    },
  },
  {
    id: "vm-forward",
    starts: "<V",
    parse: (s, line, ctx, rest) => {
      const vm = VM_FORWARD_PREFIX.exec(s);
      if (!vm) return false;
      const inner = rest(s.slice(vm[0].length), line.lineNo, { ...ctx, wall: undefined });
      return adoptIfKnown(line, inner);
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      const vm = VM_FORWARD_PREFIX.exec(latin1Of(bytes, pos, Math.min(eol, pos + 20)));
      if (!vm) return PEEK.NOT_THIS;
      return hostIfNamed(rest(bytes, pos + vm[0].length, eol, depth + 1));
    },
  },
  {
    id: "short-unix",
    starts: DIGITS,
    parse: (s, line, ctx) => {
      const stamp = SHORT_UNIX.exec(s);
      if (!stamp) return false;
      const rest = s.slice(stamp[0].length);
      const tag = MONOTONIC_HOST_TAG.exec(rest);
      if (!tag) return false;
      line.format = "syslog";
      line.time = Number(stamp[1]) * 1000 + Math.floor(Number(stamp[2]) / 1000);
      line.host = tag[1];
      line.program = tag[2];
      if (tag[3]) line.pid = Number(tag[3]);
      line.text = finishText(line, rest.slice(tag[0].length), ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      // As SHORT_UNIX then MONOTONIC_HOST_TAG: 9-10 digits, `.`, six digits, then ` host kernel: ` or ` host prog[pid]: `.
      let p = pos;
      while (p < eol && isDigit(bytes[p])) p++;
      if (p - pos < 9 || p - pos > 10 || bytes[p] !== 46) return PEEK.NOT_THIS;
      const fracStart = ++p;
      while (p < eol && isDigit(bytes[p])) p++;
      if (p - fracStart !== 6) return PEEK.NOT_THIS;
      const host = monotonicHostAt(bytes, p, eol);
      return host === PEEK.HOSTLESS ? PEEK.NOT_THIS : host;
    },
  },
  {
    id: "terminal-timestamp",
    starts: DIGITS,
    parse: (s, line, ctx, rest) => {
      const stamp = TERMINAL_TIMESTAMP.exec(s);
      return stamp !== null && adoptIfKnown(line, rest(s.slice(stamp[0].length), line.lineNo, { ...ctx, wall: undefined }));
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      // `dddd_dd-dd-dd.ddd`: 17 bytes whose separators sit at fixed places.
      if (eol - pos < 18 || bytes[pos + 4] !== 95 || bytes[pos + 7] !== 45 || bytes[pos + 10] !== 45 || bytes[pos + 13] !== 46) return PEEK.NOT_THIS;
      for (const k of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 16]) if (!isDigit(bytes[pos + k])) return PEEK.NOT_THIS;
      return hostIfNamed(rest(bytes, pos + 17, eol, depth + 1));
    },
  },
  {
    // Before `line-number`, which would read `16:` of `16:56:35` as a line number (and a fraction not at all).
    id: "time-of-day",
    starts: DIGITS,
    parse: (s, line, ctx, rest) => {
      const stamp = TIME_OF_DAY_PREFIX.exec(s);
      return stamp !== null && adoptIfKnown(line, rest(s.slice(stamp[0].length), line.lineNo, { ...ctx, wall: undefined }));
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      const stamp = TIME_OF_DAY_PREFIX.exec(latin1Of(bytes, pos, Math.min(eol, pos + 24)));
      if (!stamp) return PEEK.NOT_THIS;
      return hostIfNamed(rest(bytes, pos + stamp[0].length, eol, depth + 1));
    },
  },
  {
    id: "bracketed-wall-clock",
    starts: "[",
    parse: (s, line, ctx, rest) => {
      // Every dmesg line starts with `[` too: a digit after it and a dash at the year's end are checked first.
      if (s.charCodeAt(5) !== 45 || !isDigit(s.charCodeAt(1))) return false;
      const stamp = BRACKETED_WALL_CLOCK.exec(s);
      if (stamp === null || !adoptIfKnown(line, rest(s.slice(stamp[0].length), line.lineNo, { ...ctx, wall: undefined }))) return false;
      // The logger's clock dates the line when the wrapped format carries only an uptime.
      if (line.time === undefined) line.time = parseIsoTime(stamp[1]);
      return true;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      if (eol - pos < BRACKETED_WALL_CLOCK_LEN + 1 || bytes[pos + 5] !== 45 || bytes[pos + 8] !== 45 || bytes[pos + 14] !== 58 || bytes[pos + 17] !== 58) return PEEK.NOT_THIS;
      const stamp = BRACKETED_WALL_CLOCK.exec(latin1Of(bytes, pos, Math.min(eol, pos + 40)));
      if (!stamp) return PEEK.NOT_THIS;
      return hostIfNamed(rest(bytes, pos + stamp[0].length, eol, depth + 1));
    },
  },
  {
    id: "dmesg-x",
    starts: LOWER,
    parse: (s, line, ctx, rest) => {
      const x = DMESG_X.exec(s);
      if (!x) return false;
      adopt(line, rest(s.slice(x[0].length), line.lineNo, ctx));
      if (x[1] === "kern") line.program = "kernel";
      line.level = SYSLOG_LEVEL[x[2]];
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      // `kern  :err   : ` names no host; claimed here so that no later row reads one into it.
      let p = wordEnd(bytes, pos, Math.min(eol, pos + 8));
      if (p === pos || bytes[p] !== 32) return PEEK.NOT_THIS;
      while (bytes[p] === 32) p++;
      if (bytes[p] !== 58) return PEEK.NOT_THIS;
      const level = ++p;
      while (p < eol && bytes[p] >= 97 && bytes[p] <= 122) p++;
      if (p === level) return PEEK.NOT_THIS;
      while (bytes[p] === 32) p++;
      return bytes[p] === 58 && bytes[p + 1] === 32 ? PEEK.HOSTLESS : PEEK.NOT_THIS;
    },
  },
  {
    id: "kmsg",
    starts: DIGITS,
    parse: (s, line) => {
      const text = peelKmsgPrefix(line, s);
      if (text === undefined) return false;
      line.format = "dmesg";
      line.text = text;
      return true;
    },
  },
  {
    id: "android-klog",
    starts: DIGITS + " ",
    parse: (s, line, ctx) => {
      const a = ANDROID_KLOG.exec(s);
      if (!a) return false;
      takeAndroidStamp(line, ctx, a, 4);
      line.level = Number(a[3]);
      line.text = s.slice(a[0].length);
      return true;
    },
  },
  {
    id: "dmesg-android-wall-clock",
    starts: "[",
    parse: (s, line, ctx) => {
      const a = DMESG_ANDROID_WALL_CLOCK.exec(s);
      if (!a) return false;
      takeAndroidStamp(line, ctx, a, 3);
      line.text = s.slice(a[0].length);
      return true;
    },
  },
  {
    id: "dmesg-human",
    starts: "[<",
    parse: (s, line, ctx) => {
      const monthFirst = DMESG_HUMAN.exec(s);
      const h = monthFirst ?? DMESG_HUMAN_DAY_FIRST.exec(s);
      if (h) {
        const month = monthOf(monthFirst ? h[2] : h[3]);
        if (month >= 0) {
          line.format = "dmesg-human";
          if (h[1] !== undefined) line.level = Number(h[1]);
          const day = Number(monthFirst ? h[3] : h[2]);
          line.time = utcMs(Number(h[7]), month, day, Number(h[4]), Number(h[5]), Number(h[6]), 0);
          line.program = "kernel";
          line.text = s.slice(h[0].length);
          return true;
        }
      }
      const delta = DMESG_H_DELTA.exec(s);
      const dated = delta ? null : DMESG_H_DATE.exec(s);
      const dayFirst = delta || dated ? null : DMESG_H_DATE_DAY_FIRST.exec(s);
      const prefix = delta ?? dated ?? dayFirst;
      if (!prefix) return false;
      // The day-first form must name a month: `[12. …]` alone is not a date.
      const month = dated ? monthOf(dated[2]) : dayFirst ? monthOf(dayFirst[3]) : -1;
      if (dayFirst && month < 0) return false;
      line.format = "dmesg-human";
      line.program = "kernel";
      if (prefix[1] !== undefined) line.level = Number(prefix[1]);
      const day = dated ? dated[3] : dayFirst?.[2];
      if (month >= 0 && prefix.length > 5) line.time = utcMs(yearFor(ctx, month + 1), month, Number(day), Number(prefix[4]), Number(prefix[5]), 0, 0);
      line.text = s.slice(prefix[0].length);
      return true;
    },
  },
  {
    // An s390 console copied out of a 3270 emulator under the wrong EBCDIC code page (X3270_STAMP_CP037): uptime from
    // the stamp, the text's brackets put back.
    id: "x3270-stamp",
    starts: DIGITS + "c" + NON_ASCII,
    parse: (s, line) => {
      const latin = X3270_STAMP_LATIN.exec(s);
      const m = latin ?? X3270_STAMP_CP037.exec(s);
      if (!m) return false;
      line.format = "dmesg";
      line.program = "kernel";
      line.uptime = Number(m[1]);
      line.text = x3270Brackets(s.slice(m[0].length), latin !== null);
      return true;
    },
  },
  {
    // A paste whose selection started inside the first line's uptime stamp (`.345678] BUG: …`, `45678][ T1] …`): the
    // rest of the stamp is no text of the line. Digits and dots before a `]` are no other format's start.
    id: "dmesg-cut-stamp",
    starts: DIGITS + ".",
    parse: (s, line) => {
      const cut = DMESG_CUT_STAMP.exec(s);
      if (!cut) return false;
      line.format = "dmesg";
      line.program = "kernel";
      line.text = s.slice(cut[0].length);
      // The caller id keeps the line with its report when syzkaller's interleaved callers are split apart.
      if (cut[1]) line.callerId = cut[1];
      return true;
    },
  },
  {
    id: "dmesg",
    starts: "[<",
    parse: (s, line, ctx) => {
      if (!DMESG.test(s) && !LEVEL_ONLY.test(s)) return false;
      line.format = "dmesg";
      line.program = "kernel";
      line.text = peelKernelPrefix(line, s);
      const crashdumpLevel = line.uptime !== undefined ? CRASHDUMP_LEVEL.exec(line.text) : null;
      if (crashdumpLevel) {
        line.level = CRASHDUMP_LEVEL_NUMBER[crashdumpLevel[0].slice(0, -2).trim()];
        line.text = line.text.slice(crashdumpLevel[0].length);
      }
      // journalctl -o short-monotonic: `[  123.456789] host kernel: msg` / `… host kubelet[1432]: msg`. Only `kernel:`
      // or a tag with a pid counts: plain dmesg text such as `usb 1-1: new device` must stay as it is.
      const mono = MONOTONIC_HOST_TAG.exec(line.text);
      if (mono && line.uptime !== undefined) {
        line.host = mono[1];
        line.program = mono[2];
        if (mono[3]) line.pid = Number(mono[3]);
        line.text = finishText(line, line.text.slice(mono[0].length), ctx);
      } else if (line.uptime !== undefined && line.text.startsWith(UPTIME_KERNEL_TAG)) {
        // `[ 3318.829119] kernel: INFO: task … blocked` — CI and log tools print journald's monotonic stamp and the
        // kernel tag without the host; the message after the tag keeps its own indentation (`      Not tainted …`).
        line.text = line.text.slice(UPTIME_KERNEL_TAG.length);
      }
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      let p = pos;
      if (bytes[p] === 60) {
        const gt = priEnd(bytes, p, eol);
        if (gt === -1) return PEEK.NOT_THIS;
        p = gt + 1;
      }
      if (bytes[p] !== 91) return PEEK.NOT_THIS;
      p++;
      while (p < eol && isSpace(bytes[p])) p++;
      const intStart = p;
      while (p < eol && isDigit(bytes[p])) p++;
      if (p === intStart || bytes[p] !== 46) return PEEK.NOT_THIS;
      p++;
      while (p < eol && isDigit(bytes[p])) p++;
      p = afterDelta(bytes, p, eol);
      if (bytes[p] !== 93) return PEEK.NOT_THIS;
      p++;
      return monotonicHostAt(bytes, p, eol);
    },
  },
  {
    // After `dmesg`: a stamped line is read there; only the caller id is left here (DMESG_CALLER_ONLY).
    id: "dmesg-caller-only",
    starts: "[<",
    parse: (s, line) => {
      const m = DMESG_CALLER_ONLY.exec(s);
      if (!m) return false;
      line.format = "dmesg";
      line.program = "kernel";
      if (m[1] !== undefined) line.level = Number(m[1]) & 7;
      line.callerId = m[2];
      line.text = s.slice(m[0].length);
      return true;
    },
  },
  {
    // After `dmesg`: every dmesg line is read by the `dmesg` row above and never asks this one.
    id: "docker-desktop",
    starts: "[",
    parse: (s, line, ctx, rest) => {
      if (!isDockerDesktopStart(s.charCodeAt(3), s.charCodeAt(6), s.charCodeAt(9), s.charCodeAt(13), s.charCodeAt(14))) return false;
      const d = DOCKER_DESKTOP_PREFIX.exec(s);
      if (!d) return false;
      const body = s.slice(d[0].length);
      if (d[1] !== "Moby") {
        line.program = d[1];
        line.level = DOCKER_DESKTOP_LEVEL[d[2]];
        line.text = body;
        return true;
      }
      // The VM's console: a known format inside (a dmesg stamp, a syslog line) is read as such; bare console text
      // is kernel text as a serial capture's is (no program).
      const inner = rest(body, line.lineNo, { ...ctx, wall: undefined });
      if (isKnown(inner)) return adopt(line, inner);
      line.text = inner.text;
      return true;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      if (eol - pos < 32 || !isDockerDesktopStart(bytes[pos + 3], bytes[pos + 6], bytes[pos + 9], bytes[pos + 13], bytes[pos + 14])) return PEEK.NOT_THIS;
      const d = DOCKER_DESKTOP_PREFIX.exec(latin1Of(bytes, pos, Math.min(eol, pos + 80)));
      if (!d) return PEEK.NOT_THIS;
      if (d[1] !== "Moby") return PEEK.HOSTLESS;
      const host = rest(bytes, pos + d[0].length, eol, depth + 1);
      return host >= 0 || host === PEEK.KEEPS_HOST ? host : PEEK.HOSTLESS;
    },
  },
  {
    id: "shell-prompt",
    starts: "[#$" + LOWER,
    parse: (s, line, ctx, rest) => {
      const prompt = SHELL_PROMPT.exec(s);
      if (!prompt) return false;
      const after = s.slice(prompt[0].length);
      if (adoptIfKnown(line, rest(after, line.lineNo, { ...ctx, wall: undefined }))) return true;
      if (prompt[1] !== undefined && CONSOLE_OUTPUT_START.test(after)) {
        line.text = after;
        return true;
      }
      // A command being typed when the kernel printed: `root@lede:/# /etc/init[   90.361072] igb …`.
      const typed = prompt[1] !== undefined ? TYPED_THEN_DMESG.exec(after) : null;
      if (typed && adoptIfKnown(line, rest(after.slice(typed[0].length), line.lineNo, { ...ctx, wall: undefined }))) return true;
      line.program = "shell";
      return true;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      const after = shellPromptEnd(bytes, pos, eol);
      return after === -1 ? PEEK.NOT_THIS : hostIfNamed(rest(bytes, after, eol, depth + 1));
    },
  },
  {
    // Only the console's own output follows getty's prompt (host-less kernel lines), so the row names no host and
    // needs no byte peek (the scanner would reach one for nearly every line).
    id: "login-prompt",
    starts: LOWER + UPPER + DIGITS,
    parse: (s, line, ctx, rest) => {
      const prompt = s.includes(LOGIN_WORD) ? LOGIN_PROMPT.exec(s) : null;
      if (prompt === null) return false;
      const inner = rest(s.slice(prompt[0].length), line.lineNo, { ...ctx, wall: undefined });
      return inner.host === undefined && adoptIfKnown(line, inner);
    },
  },
  {
    // Host-less like the login prompt: the kernel's line follows the tag, peeled only when a known format follows.
    id: "facility-tag",
    starts: "k",
    parse: (s, line, ctx, rest) => {
      const tag = s.startsWith("kern.") ? FACILITY_TAG_START.exec(s) : null;
      if (tag === null) return false;
      const inner = rest(s.slice(tag[0].length), line.lineNo, { ...ctx, wall: undefined });
      if (inner.host !== undefined || !adoptIfKnown(line, inner)) return false;
      line.program = "kernel";
      if (line.level === undefined) line.level = SYSLOG_LEVEL[tag[1]];
      return true;
    },
  },
  {
    id: "crash",
    starts: ANY_START,
    parse: (s, line) => {
      if (!CRASH_LINE.test(s)) return false;
      line.format = "crash";
      line.program = "kernel";
      line.text = s.replace(/^crash> /, "");
      return true;
    },
  },
  {
    id: "talos",
    starts: ANY_START,
    parse: (s, line, ctx) => {
      const talos = TALOS.exec(s);
      if (!talos) return false;
      line.format = "syslog-iso";
      if (talos[1]) line.host = talos[1];
      line.program = talos[2] === "kern" ? "kernel" : talos[2];
      const level = SYSLOG_LEVEL[talos[3]];
      if (level !== undefined) line.level = level;
      line.time = parseIsoTime(talos[4]);
      line.text = finishText(line, s.slice(talos[0].length), ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      let hostStart = -1;
      let hostEnd = -1;
      if (!isTalosFacility(bytes, p, eol)) {
        // `node: ` first: the node name is the token before the first `: `.
        let q = p;
        const limit = Math.min(eol, p + 128);
        while (q < limit && !(bytes[q] === 58 && bytes[q + 1] === 32)) {
          const c = bytes[q];
          if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 46 || c === 45 || c === 58)) return PEEK.NOT_THIS;
          q++;
        }
        if (q === p || q >= limit || !isTalosFacility(bytes, q + 2, eol)) return PEEK.NOT_THIS;
        hostStart = p;
        hostEnd = q;
      }
      return hostStart === -1 ? PEEK.HOSTLESS : hostSpan(bytes, hostStart, hostEnd);
    },
  },
  {
    id: "line-number",
    starts: DIGITS + " \t",
    parse: (s, line, ctx, rest) => {
      const numbered = LINE_NUMBER_PREFIX.exec(s);
      if (!numbered) {
        ctx.lastLineNumber = undefined;
        return false;
      }
      // The numbers of a numbered paste count up by one: then the prefix (and an editor gutter's `| `) goes whatever
      // follows it (a bare frame line of a paste without timestamps); a single number before unknown text may be
      // the text's own.
      const number = Number(numbered[0].trim().replace(/:$/, ""));
      // The first line of an input has no number before it to follow: there a number right-aligned in `cat -n`'s or
      // `less -N`'s column (6 or 7 wide, then a tab or a space), or the number 1 (a whole file numbered; the scanner
      // may have taken the column's common indent away), is taken as one, so a paste that starts with a stampless
      // header (`      1 goroutine 8 [running]:`, `      1 kernel BUG at …`) keeps it. (The scanner may read a line
      // twice with one context: this test cannot depend on the last number.)
      const isSequel =
        (ctx.lastLineNumber !== undefined && number === ctx.lastLineNumber + 1) || (line.lineNo === 1 && (FIRST_LINE_NUMBER.test(s) || PAGER_COLUMN_NUMBER.test(s)));
      ctx.lastLineNumber = number;
      const afterNumber = s.slice(numbered[0].length);
      const body = afterNumber.replace(isSequel ? GUTTER_BAR : BOX_GUTTER, "");
      const inner = rest(body, line.lineNo, { ...ctx, wall: undefined });
      return isSequel ? adopt(line, inner) : adoptIfKnown(line, inner);
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      const digits = p;
      while (p < eol && isDigit(bytes[p])) p++;
      if (p === digits || p - digits > 9) return PEEK.NOT_THIS;
      if (bytes[p] === 58 && p + 1 < eol && bytes[p + 1] !== 32) p++;
      else if (isSpace(bytes[p])) while (p < eol && isSpace(bytes[p])) p++;
      else return PEEK.NOT_THIS;
      return hostIfNamed(rest(bytes, p, eol, depth + 1));
    },
  },
  {
    // After `line-number`, which keeps the lines whose rest is a known format: what is left is console text.
    id: "ktest-elapsed",
    starts: DIGITS,
    parse: (s, line, ctx) => {
      const elapsed = KTEST_ELAPSED.exec(s);
      if (!elapsed) return false;
      const seconds = Number(elapsed[0]);
      const last = ctx.lastKtestElapsed;
      // Not below the last stamp but equal to it: the scanner may read a line twice with one context.
      if (s[0] !== "0" && (last === undefined || seconds < last || seconds > last + KTEST_MAX_STEP)) return false;
      ctx.lastKtestElapsed = seconds;
      line.text = s.slice(elapsed[0].length);
      return true;
    },
  },
  {
    id: "stern",
    starts: LOWER,
    parse: (s, line, ctx, rest) => {
      for (const prefix of [STERN_PREFIX, STERN_NAMESPACED_PREFIX]) {
        const p = prefix.exec(s);
        if (!p) continue;
        const inner = rest(s.slice(p[0].length), line.lineNo, { ...ctx, wall: undefined });
        if (inner.format !== "plain") return adopt(line, inner);
      }
      return false;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      let p = pos;
      for (let tokens = 1; tokens <= 3; tokens++) {
        const start = p;
        if (!(bytes[p] >= 97 && bytes[p] <= 122)) return PEEK.NOT_THIS;
        while (p < eol && ((bytes[p] >= 97 && bytes[p] <= 122) || isDigit(bytes[p]) || bytes[p] === 45 || bytes[p] === 46)) p++;
        if (p === start || bytes[p] !== 32) return PEEK.NOT_THIS;
        p++;
        if (tokens >= 2) {
          const host = rest(bytes, p, eol, depth + 1);
          if (host >= 0 || host === PEEK.KEEPS_HOST) return host;
        }
      }
      return PEEK.NOT_THIS;
    },
  },
  {
    // Unlike stern's, the bracketed prefix is unambiguous: whatever the container printed is taken, a plain line too.
    id: "kubectl-prefix",
    starts: "[",
    parse: (s, line, ctx, rest) => {
      if (!s.startsWith(KUBECTL_LOG_PREFIX_HEAD)) return false;
      const p = KUBECTL_LOG_PREFIX.exec(s);
      return p ? adopt(line, rest(s.slice(p[0].length), line.lineNo, { ...ctx, wall: undefined })) : false;
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      if (!startsWithAscii(bytes, pos, eol, KUBECTL_LOG_PREFIX_HEAD)) return PEEK.NOT_THIS;
      // As KUBECTL_LOG_PREFIX: two slash-separated names, then `]`.
      let p = pos + KUBECTL_LOG_PREFIX_HEAD.length;
      for (const close of [47 /* / */, 93 /* ] */]) {
        const start = p;
        while (p < eol && ((bytes[p] >= 97 && bytes[p] <= 122) || isDigit(bytes[p]) || bytes[p] === 45 || bytes[p] === 46)) p++;
        if (p === start || bytes[p] !== close) return PEEK.NOT_THIS;
        p++;
      }
      if (bytes[p] === 32) p++;
      const host = rest(bytes, p, eol, depth + 1);
      return host === PEEK.NOT_THIS ? PEEK.HOSTLESS : host;
    },
  },
  {
    // kdb's console (an oops that entered the kernel debugger, 3.x Raspberry Pi kernels): dump_stack() prints its
    // task lines at KERN_DEFAULT, and kdb's printk hook writes the level's marker with only its SOH byte dropped, so
    // they read `dCPU: 0 PID: 94 Comm: …`, `dtask: db229900 ti: …`, `dHardware name: …`.
    id: "kdb-default-level",
    starts: "d",
    parse: (s, line, ctx, rest) => (KDB_DEFAULT_LEVEL.test(s) ? adopt(line, rest(s.slice(1), line.lineNo, ctx)) : false),
    peekHost: (bytes, pos, eol, depth, rest) =>
      KDB_DEFAULT_LEVEL_TEXTS.some((t) => startsWithAscii(bytes, pos, eol, t)) ? rest(bytes, pos + 1, eol, depth + 1) : PEEK.NOT_THIS,
  },
  {
    // A paste indented as a code block (`    [  484.469885] …`, `    kernel: Pid: 0, …`): the indentation is not the log's.
    id: "indent",
    starts: " \t",
    parse: (s, line, ctx, rest) => {
      const indent = /^[ \t]+/.exec(s)!;
      const inner = rest(s.slice(indent[0].length), line.lineNo, { ...ctx, wall: undefined });
      return adoptIfKnown(line, inner);
    },
    peekHost: (bytes, pos, eol, depth, rest) => {
      let p = pos;
      while (p < eol && isSpace(bytes[p])) p++;
      return hostIfNamed(rest(bytes, p, eol, depth + 1));
    },
  },
  {
    id: "kubectl-debug-node",
    starts: "C",
    parse: (s, line, ctx) => {
      const d = KUBECTL_DEBUG_NODE.exec(s);
      if (!d) return false;
      ctx.debugNode = d[1];
      line.host = d[1];
      line.program = "kubectl";
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      if (!startsWithAscii(bytes, pos, eol, "Creating debugging pod ")) return PEEK.NOT_THIS;
      const d = KUBECTL_DEBUG_NODE.exec(latin1Of(bytes, pos, Math.min(eol, pos + 600)));
      if (!d) return PEEK.NOT_THIS;
      let end = eol;
      if (bytes[end - 1] === 13) end--;
      if (bytes[end - 1] === 46) end--;
      PEEKED.sticky = true;
      return hostSpan(bytes, end - d[1].length, end);
    },
  },
  {
    id: "kubectl-events",
    starts: " \tWN" + DIGITS + LOWER,
    parse: (s, line) => {
      const e = KUBECTL_NODE_EVENT.exec(s);
      if (e) {
        line.host = e[1];
        line.program = "kernel";
        line.text = e[2];
        return true;
      }
      const g = KUBECTL_GET_EVENT.exec(s);
      if (!g) return false;
      line.host = g[1];
      line.text = g[2] ?? "";
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      // Both forms hold `Warning ` or `Normal ` within their first columns: a cheap gate before the regexes.
      const head = Math.min(eol, pos + 40);
      let p = pos;
      while (p < head && bytes[p] !== 87 && bytes[p] !== 78) p++;
      if (p >= head || !(startsWithAscii(bytes, p, eol, "Warning ") || startsWithAscii(bytes, p, eol, "Normal "))) return PEEK.NOT_THIS;
      const text = latin1Of(bytes, pos, eol);
      const e = KUBECTL_NODE_EVENT.exec(text) ?? KUBECTL_GET_EVENT.exec(text);
      const node = e?.indices?.[1];
      return node ? hostSpan(bytes, pos + node[0], pos + node[1]) : PEEK.NOT_THIS;
    },
  },
  {
    id: "journal-verbose-head",
    starts: UPPER,
    parse: (s, line, ctx) => {
      const v = JOURNAL_VERBOSE_HEAD.exec(s);
      if (!v) return false;
      // The zone is a name (`CEST`) that only the machine knew: UTC stands in unless it says `UTC`.
      ctx.journal = { host: ctx.journal?.host, time: parseIsoTime(v[1]), verbose: true };
      line.format = "journal";
      line.program = "journal";
      line.host = ctx.journal.host;
      line.time = ctx.journal.time;
      return true;
    },
    // `Tue 2024-08-13 15:59:23…`: the entry's host comes in its `_HOSTNAME=` field, after the message.
    peekHost: (bytes, pos, eol) =>
      eol - pos > 30 && bytes[pos + 3] === 32 && isDigit(bytes[pos + 4]) && bytes[pos + 8] === 45 && bytes[pos + 11] === 45 && bytes[pos + 14] === 32
        ? journalMetadata()
        : PEEK.NOT_THIS,
  },
  {
    id: "journal-field",
    starts: UPPER + "_",
    parse: (s, line, ctx) => {
      const f = JOURNAL_FIELD.exec(s);
      if (!f) return false;
      const [, name, value] = f;
      const entryStart = name === "__CURSOR" || (name === "__REALTIME_TIMESTAMP" && ctx.journal?.time !== undefined);
      if (entryStart || !ctx.journal || ctx.journal.json) {
        if (!entryStart && name !== "__REALTIME_TIMESTAMP") return false;
        ctx.journal = { host: ctx.journal?.host };
      }
      readJournalField(ctx.journal, name, value, line);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      if (startsWithAscii(bytes, pos, eol, "_HOSTNAME=")) {
        PEEKED.metadata = true;
        return hostSpan(bytes, pos + 10, eol);
      }
      let p = pos;
      while (p < eol && bytes[p] === 95) p++;
      if (p - pos > 2 || !(bytes[p] >= 65 && bytes[p] <= 90)) return PEEK.NOT_THIS;
      while (p < eol && ((bytes[p] >= 65 && bytes[p] <= 90) || isDigit(bytes[p]) || bytes[p] === 95)) p++;
      if (bytes[p] !== 61) return PEEK.NOT_THIS;
      return p - pos === JOURNAL_MESSAGE.length && startsWithAscii(bytes, pos, eol, JOURNAL_MESSAGE) ? PEEK.KEEPS_HOST : journalMetadata();
    },
  },
  {
    id: "bare-kernel-tag",
    starts: ANY_START,
    parse: (s, line, ctx) => {
      const bare = BARE_KERNEL_TAG.exec(s);
      if (!bare) return false;
      if (bare[1]) line.host = bare[1];
      line.program = "kernel";
      line.text = finishText(line, s.slice(bare[0].length), ctx);
      return true;
    },
    peekHost: (bytes, pos, eol) => {
      if (startsWithAscii(bytes, pos, eol, "kernel: ")) return PEEK.HOSTLESS;
      const end = wordEnd(bytes, pos, eol);
      return end > pos && bytes[end] === 32 && startsWithAscii(bytes, end + 1, eol, "kernel: ") ? hostSpan(bytes, pos, end) : PEEK.NOT_THIS;
    },
  },
  {
    // `journalctl -o json-pretty`: the `{` and `}` lines around an entry are the journal's.
    id: "journal-json-brace",
    starts: "{}",
    parse: (s, line, ctx) => {
      // Only inside a dump (after a json-pretty field line): a `{` of any other pretty-printed JSON is not the
      // journal's. The dump's first `{` stays plain; it comes before the first entry's text.
      if (s.trimEnd().length !== 1 || !ctx.journal?.json) return false;
      // Each entry names its own host (after its message, as often as not): none is carried over. The entry stays
      // open after its `}` so the blank line between entries is the journal's too, not one that ends a report.
      ctx.journal = { json: true };
      line.format = "journal";
      line.program = "journal";
      return true;
    },
  },
  {
    id: "json",
    starts: "{",
    parse: (s, line, ctx, rest) =>
      (s.charCodeAt(s.length - 1) === 125 && parseJsonLine(s, line, ctx, rest)) || parseCutJsonEnvelope(s, line, ctx, rest),
    peekHost: (bytes, pos, eol, depth, rest) => {
      const host = jsonHostPeek(bytes, pos, eol);
      if (host !== PEEK.NOT_THIS || depth > 3) return host === PEEK.NOT_THIS ? PEEK.HOSTLESS : host;
      // No host field: the envelope's line may name one (`{"log":"Aug 13 15:59:23 w01 kernel: …`).
      const value = jsonEnvelopeStart(bytes, pos, eol);
      if (value === -1) return PEEK.HOSTLESS;
      const inner = rest(bytes, value, eol, depth + 1);
      return inner >= 0 ? inner : PEEK.HOSTLESS;
    },
  },
  {
    // klog, logfmt, an agent's text: the last row takes any line.
    id: "agent",
    starts: ANY_START,
    parse: (s, line, ctx) => {
      line.text = peelAgentPrefix(line, s, ctx, true);
      if (line.format === "logfmt") {
        const console = LOGFMT_CONSOLE_MSG.exec(s);
        if (console) {
          line.program = "kernel";
          line.text = peelKernelPrefix(line, unescapeLogfmt(console[1]));
        }
      }
      return true;
    },
  },
];

/**
 * `<ISO time> <kernel text>` (CONSOLE_TEXT_HEADS): the token after the time is kernel text, not a host or a tag. A
 * token that opens with `[` is left to the level and dmesg rules; one that ends with `:` is a tag unless a head says
 * otherwise.
 */
function isConsoleTextAfterTime(token: string, msg: string): boolean {
  const text = msg === "" ? token : `${token} ${msg}`;
  if (CONSOLE_TEXT_HEADS.some((head) => text.startsWith(head)) || CONSOLE_TEXT_HEADS_AT_END.includes(text)) return true;
  if (token.startsWith("[") || token.endsWith(":")) return false;
  return !HOST_SHAPED.test(token);
}

/** The heads without their trailing space: a head can be the whole line (`Out of memory` cut, `INFO:` alone). */
const CONSOLE_TEXT_HEADS_AT_END = CONSOLE_TEXT_HEADS.filter((h) => h.endsWith(" ")).map((h) => h.trimEnd());

/** The byte-peek side of `isConsoleTextAfterTime` for the token at bytes[p…]. */
function isConsoleTextAt(bytes: Uint8Array, p: number, eol: number): boolean {
  for (const head of CONSOLE_TEXT_HEADS) if (startsWithAscii(bytes, p, eol, head)) return true;
  const lineEnd = bytes[eol - 1] === 13 ? eol - 1 : eol;
  for (const head of CONSOLE_TEXT_HEADS_AT_END) if (lineEnd - p === head.length && startsWithAscii(bytes, p, lineEnd, head)) return true;
  let end = p;
  while (end < eol && bytes[end] !== 32 && bytes[end] !== 13) end++;
  if (end === p || bytes[p] === 91 || bytes[end - 1] === 58) return false;
  return !isHostShapedAt(bytes, p, end);
}

const isNameByte = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c >= 128;
const isHexByte = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** HOST_SHAPED on bytes[p, end) (bytes ≥ 0x80 stand for the non-ASCII characters HOST_SHAPED admits). */
function isHostShapedAt(bytes: Uint8Array, p: number, end: number): boolean {
  if (end - p === UNSET_HOST_BYTES.length && UNSET_HOST_BYTES.every((c, k) => bytes[p + k] === c)) return true;
  let name = isNameByte(bytes[p]);
  for (let k = p + 1; name && k < end; k++) name = isNameByte(bytes[k]) || bytes[k] === 46 || bytes[k] === 45;
  if (name) return true;
  // An IPv6 address (`fe80::1`): hex digits, dots and at least one colon, not ending with one.
  let colons = 0;
  for (let k = p; k < end; k++) {
    const c = bytes[k];
    if (c === 58) colons++;
    else if (!isHexByte(c) && c !== 46) return false;
  }
  return colons > 0 && bytes[end - 1] !== 58;
}

/** Past Go's ` -0700 MST` zone at bytes[p…] (ISO_LINE's optional group), or p. */
function afterGoZone(bytes: Uint8Array, p: number, eol: number): number {
  const sign = bytes[p];
  if ((sign !== 43 && sign !== 45) || !isDigit(bytes[p + 1]) || !isDigit(bytes[p + 4]) || bytes[p + 5] !== 32) return p;
  let q = p + 6;
  const name = q;
  while (q < eol && bytes[q] >= 65 && bytes[q] <= 90) q++;
  return q - name >= 2 && q - name <= 5 && bytes[q] === 32 ? q + 1 : p + 6;
}

/** The token after an ISO time is a level, not a host (LEVEL_WORD_LEVEL, or bracketed: `[ERROR][27163]`). */
function isLevelInHostPlace(token: string): boolean {
  return token.startsWith("[") || LEVEL_WORD_LEVEL[token.toLowerCase()] !== undefined;
}

const LEVEL_WORDS = Object.keys(LEVEL_WORD_LEVEL);

/**
 * The byte-peek side of `isLevelInHostPlace` for a word: a level word (any case) followed by a space or the line's
 * end. Compared in place: the peek runs on every line.
 */
function isLevelWordAt(bytes: Uint8Array, p: number, eol: number): boolean {
  const end = wordEnd(bytes, p, Math.min(eol, p + 9));
  if (end - p < 3 || end - p > 8 || (end < eol && bytes[end] !== 32 && bytes[end] !== 13)) return false;
  next: for (const word of LEVEL_WORDS) {
    if (word.length !== end - p) continue;
    // `| 32` folds ASCII upper case onto lower case (the word's bytes are letters: wordEnd stopped at the rest).
    for (let k = 0; k < word.length; k++) if ((bytes[p + k] | 32) !== word.charCodeAt(k)) continue next;
    return true;
  }
  return false;
}

/** A `facility.level` token (FACILITY_LEVEL) at bytes[p…]. */
function isFacilityLevel(bytes: Uint8Array, p: number, eol: number): boolean {
  const end = wordEnd(bytes, p, Math.min(eol, p + 20));
  if (end === p || (end < eol && bytes[end] !== 32)) return false;
  return FACILITY_LEVEL.test(latin1Of(bytes, p, end));
}

const TALOS_FACILITIES = ["kern:", "user:", "daemon:", "auth:", "syslog:"];
/** `kern:` + spaces + `level:` + spaces + `[digit`: a Talos line's facility at bytes[p…]. */
function isTalosFacility(bytes: Uint8Array, p: number, eol: number): boolean {
  const c = bytes[p];
  if (c !== 107 && c !== 117 && c !== 100 && c !== 97 && c !== 115) return false;
  for (const f of TALOS_FACILITIES) {
    if (!startsWithAscii(bytes, p, eol, f)) continue;
    let q = p + f.length;
    if (!isSpace(bytes[q])) return false;
    while (q < eol && isSpace(bytes[q])) q++;
    while (q < eol && bytes[q] >= 97 && bytes[q] <= 122) q++;
    if (bytes[q] !== 58) return false;
    q++;
    while (q < eol && isSpace(bytes[q])) q++;
    return bytes[q] === 91 && isDigit(bytes[q + 1]);
  }
  return false;
}

const JSON_HOST_KEYS = ['_HOSTNAME":"', 'hostname":"', 'host":"'];
/** The first `"_HOSTNAME":"…"` / `"hostname":"…"` / `"host":"…"` value of a JSON line (what parseJsonLine reads from the object). */
function jsonHostPeek(bytes: Uint8Array, pos: number, eol: number): number {
  // A plain loop: this runs over every JSON line of a busy node (a call per quote cost 5× as much).
  for (let p = pos; p < eol; p++) {
    if (bytes[p] !== 34) continue;
    const c = bytes[p + 1];
    if (c !== 95 && c !== 104) continue;
    for (const key of JSON_HOST_KEYS) {
      if (!startsWithAscii(bytes, p + 1, eol, key)) continue;
      const start = p + 1 + key.length;
      let end = start;
      while (end < eol && bytes[end] !== 34 && bytes[end] !== 92) end++;
      if (bytes[end] === 34 && end > start) return hostSpan(bytes, start, end);
    }
  }
  return PEEK.NOT_THIS;
}

const JSON_ENVELOPE_KEYS = ['{"log":"', '{"message":"', '{"MESSAGE":"'];
/** Where the value of a leading `log` / `message` field starts (the shippers write it first), or -1. */
function jsonEnvelopeStart(bytes: Uint8Array, pos: number, eol: number): number {
  for (const key of JSON_ENVELOPE_KEYS) if (startsWithAscii(bytes, pos, eol, key)) return pos + key.length;
  return -1;
}
