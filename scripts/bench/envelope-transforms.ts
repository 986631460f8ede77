/**
 * Envelope transforms for the format-invariance benchmark (`npm run bench:envelopes`): each row re-emits the kernel
 * messages of a plain dmesg-like log the way one tool prints them (field layout, escaping, timestamps derived from the
 * log's own `[uptime]`, a host name where the tool prints one). The triage of the re-emitted text should equal the
 * triage of the original: class, title, guilty frame, release, finding count.
 *
 * The output is GENERATED from real logs: it tests that the engine reads each wrapper the way it reads plain dmesg,
 * never what real logs in those formats look like around the kernel lines (that is testdata/real's job).
 */

/** One kernel record as dmesg printed it. */
export type KernelRecord = {
  /** Microseconds since boot: the record's `[uptime]`. */
  uptimeUs: number;
  /** printk level: the line's `<N>` when it had one, else the level the kernel gives that kind of line. */
  level: number;
  /** `[T123]` / `[C1]` printed after the uptime (CONFIG_PRINTK_CALLER). */
  callerId?: string;
  text: string;
  /**
   * Unstamped lines after it, blank ones too (a paste's wrapping, a fuzzer's program interleaved on the console): kept
   * as they are after whatever the tool printed for the record, as if added to the tool's output.
   */
  continuation: string[];
};

export type EnvelopeSource = {
  /** The log's lines as posted (for tools that print the file, not the records: `less -N`). */
  lines: string[];
  /** Its kernel records. */
  records: KernelRecord[];
  /** Unstamped lines before the first record (a cut header, a paste's intro): printed first, as they are. */
  preamble: string[];
  /** Host the envelope names, for formats that name one. */
  host: string;
};

export type Envelope = {
  id: string;
  /** How to get that output from a real machine. */
  tool: string;
  /** The host every finding should carry (absent: the format names none). */
  namesHost: boolean;
  emit: (source: EnvelopeSource) => string | Uint8Array;
};

// As the engine's line-format table reads it, Android's CPU glued after the stamp (`[   49.655037]@0 `) included: the
// record's text is what a journal or syslog would carry. util-linux 2.40's dmesg prints the caller id as a column of
// its own (`[223526.988952] [      C6] BUG: …`), the kernel's console glues it (`[   12.3][    T1] …`).
const DMESG_LINE = /^(?:<(\d)>)?\[\s*(\d+)\.(\d+)\](?:@\d{1,4}(?= )| ?\[\s*([TC]\d+)\])?\s?/;
/** Boot time of every generated log: a Monday, so weekday names are checkable by eye. */
const BOOT_MS = Date.UTC(2024, 2, 11, 8, 0, 0);
const KERN_WARNING = 4;

// printk levels the kernel uses for the heads of reports (KERN_EMERG panics, KERN_ALERT oopses, KERN_ERR BUGs).
const LEVEL_OF_HEAD: [RegExp, number][] = [
  [/^Kernel panic\b/, 0],
  [/^(?:BUG: unable to handle|Unable to handle kernel|Oops)/, 1],
  [/^(?:BUG|general protection fault|kernel BUG)\b/, 3],
];

function levelOf(text: string): number {
  for (const [re, level] of LEVEL_OF_HEAD) if (re.test(text)) return level;
  return KERN_WARNING;
}

/**
 * The records of a dmesg-like log: `[uptime]`, optional `<N>` and caller id peeled; unstamped lines ride along as
 * their record's continuation, or, before the first record, as the preamble.
 */
export function recordsOfDmesg(log: string): { preamble: string[]; records: KernelRecord[] } {
  const records: KernelRecord[] = [];
  const preamble: string[] = [];
  const lines = log.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  for (const line of lines) {
    const m = DMESG_LINE.exec(line);
    if (m) {
      const text = line.slice(m[0].length);
      const uptimeUs = Number(m[2]) * 1e6 + Number(m[3].padEnd(6, "0").slice(0, 6));
      records.push({ uptimeUs, level: m[1] !== undefined ? Number(m[1]) : levelOf(text), callerId: m[4], text, continuation: [] });
    } else if (records.length > 0) records[records.length - 1].continuation.push(line);
    else preamble.push(line);
  }
  return { preamble, records };
}

// ─── time and field helpers ──────────────────────────────────────────────────────────────────────────────────────

const realtimeUs = (r: KernelRecord) => BOOT_MS * 1000 + r.uptimeUs;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const utcOf = (r: KernelRecord) => new Date(Math.floor(realtimeUs(r) / 1000));
const micros = (r: KernelRecord) => pad(realtimeUs(r) % 1_000_000, 6);
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function hms(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
/** `Mar 11 08:00:12` (RFC 3164: day padded with a space). */
function bsdStamp(r: KernelRecord): string {
  const d = utcOf(r);
  return `${EN_MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${hms(d)}`;
}
/** `2024-03-11T08:00:12.345678+00:00`, or with `frac` digits (0: none). */
function isoStamp(r: KernelRecord, frac = 6, zone = "+00:00"): string {
  const d = utcOf(r);
  return `${isoDate(d)}T${hms(d)}${frac > 0 ? `.${micros(r).slice(0, frac)}` : ""}${zone}`;
}
/** Go's RFC3339Nano: nanoseconds with trailing zeros trimmed, `Z`. */
function rfc3339Nano(r: KernelRecord): string {
  const d = utcOf(r);
  const frac = `${micros(r)}000`.replace(/0+$/, "");
  return `${isoDate(d)}T${hms(d)}${frac ? `.${frac}` : ""}Z`;
}
/** dmesg's `[%5lu.%06lu]`. */
function uptimeStamp(r: KernelRecord): string {
  return `[${String(Math.floor(r.uptimeUs / 1e6)).padStart(5, " ")}.${pad(r.uptimeUs % 1e6, 6)}]`;
}
/** `dmesg -d`'s delta: the time since the record before, `<    0.000384>` (the first record's is zero). */
function deltaOf(records: readonly KernelRecord[], i: number): string {
  const us = i === 0 ? 0 : Math.max(0, records[i].uptimeUs - records[i - 1].uptimeUs);
  return `<${String(Math.floor(us / 1e6)).padStart(5, " ")}.${pad(us % 1e6, 6)}>`;
}
/** The record's stamp with its delta inside, as `dmesg -d` and journalctl `-o short-delta` print it. */
function deltaStamp(records: readonly KernelRecord[], i: number): string {
  return `${uptimeStamp(records[i]).slice(0, -1)} ${deltaOf(records, i)}]`;
}
/** The line as plain `dmesg` prints the record. */
function dmesgLine(r: KernelRecord): string {
  return `${uptimeStamp(r)}${r.callerId ? `[${r.callerId.padStart(6, " ")}]` : ""} ${r.text}`;
}

// journald: a control character other than newline makes a field binary (JSON: an array of bytes; export: a
// length-prefixed blob), as systemd's utf8_is_printable() decides.
const NON_PRINTABLE = /[\x00-\x09\x0b-\x1f\x7f]/;
const BOOT_ID = "4f2c9a1e0b7d4c3e8a6f5d2b1c0e9f87";
const MACHINE_ID = "9e1b7c4d2a6f4e8b9c3d5a7f1e2b4c6d";
function cursor(r: KernelRecord, seq: number): string {
  return `s=7a3c1e5b9d2f4a6c8e0b1d3f5a7c9e1b;i=${(0x1a2b + seq).toString(16)};b=${BOOT_ID};m=${r.uptimeUs.toString(16)};t=${realtimeUs(r).toString(16)};x=${(0x5f3c9 * (seq + 1)).toString(16)}`;
}
/** A kernel entry's fields in the order journald stores them: the message before the trusted fields (`_HOSTNAME`). */
function journalFields(r: KernelRecord, seq: number, host: string): [string, string][] {
  return [
    ["__CURSOR", cursor(r, seq)],
    ["__REALTIME_TIMESTAMP", String(realtimeUs(r))],
    ["__MONOTONIC_TIMESTAMP", String(r.uptimeUs + 1234)],
    ["__SEQNUM", String(0x1a2b + seq)],
    ["_BOOT_ID", BOOT_ID],
    ["_SOURCE_MONOTONIC_TIMESTAMP", String(r.uptimeUs)],
    ["_TRANSPORT", "kernel"],
    ["PRIORITY", String(r.level)],
    ["SYSLOG_FACILITY", "0"],
    ["SYSLOG_IDENTIFIER", "kernel"],
    ["MESSAGE", r.text],
    ["_MACHINE_ID", MACHINE_ID],
    ["_HOSTNAME", host],
    ["_RUNTIME_SCOPE", "system"],
  ];
}

/** Go's encoding/json (Docker's json-file): `<`, `>`, `&` escaped as \u003c, \u003e, \u0026. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

const LEVEL_NAMES = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];
/** Talos (go-kmsg) spells warning in full. */
const TALOS_LEVEL_NAMES = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

/** strftime `%a %b %e %H:%M:%S %Y` in one locale (glibc's abday / abmon). */
type Locale = { days: string[]; months: string[] };
const LOCALES: Record<string, Locale> = {
  en: { days: EN_DAYS, months: EN_MONTHS },
  de: { days: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"], months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"] },
  fr: {
    days: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    months: ["janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  },
  zh: { days: ["日", "一", "二", "三", "四", "五", "六"], months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`) },
  // glibc's ja_JP pads one-digit months with a space (` 3月`).
  ja: { days: ["日", "月", "火", "水", "木", "金", "土"], months: Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, " ")}月`) },
};
function ctimeIn(locale: Locale, r: KernelRecord): string {
  const d = utcOf(r);
  return `${locale.days[d.getUTCDay()]} ${locale.months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${hms(d)} ${d.getUTCFullYear()}`;
}

const perRecord = (f: (r: KernelRecord, i: number, host: string) => string) => (s: EnvelopeSource) =>
  [...s.preamble, ...s.records.map((r, i) => [f(r, i, s.host), ...r.continuation].join("\n"))].join("\n") + "\n";

/** As `perRecord`, the emitter also seeing every record (a delta reads the one before). */
const perRecordOf = (f: (records: readonly KernelRecord[], i: number, host: string) => string) => (s: EnvelopeSource) =>
  perRecord((_r, i, host) => f(s.records, i, host))(s);

function dmesgT(locale: Locale): Envelope["emit"] {
  return perRecord((r) => `[${ctimeIn(locale, r)}] ${r.text}`);
}

// rsyslog escapes control characters in received messages as `#` + three octal digits (`\t` → `#011`).
const rsyslogEscape = (text: string) => text.replace(/[\x00-\x1f]/g, (c) => `#${c.charCodeAt(0).toString(8).padStart(3, "0")}`);

/** journalctl -o export: text fields as `NAME=value`, binary ones as `NAME\n<u64 LE length><bytes>\n`. */
function journalExport(s: EnvelopeSource): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = s.preamble.map((line) => enc.encode(`${line}\n`));
  s.records.forEach((r, i) => {
    for (const [name, value] of journalFields(r, i, s.host)) {
      if (!NON_PRINTABLE.test(value) && !value.includes("\n")) {
        parts.push(enc.encode(`${name}=${value}\n`));
        continue;
      }
      const data = enc.encode(value);
      const length = new Uint8Array(8);
      new DataView(length.buffer).setBigUint64(0, BigInt(data.length), true);
      parts.push(enc.encode(`${name}\n`), length, data, enc.encode("\n"));
    }
    for (const line of r.continuation) parts.push(enc.encode(`${line}\n`));
    parts.push(enc.encode("\n"));
  });
  return new Uint8Array(Buffer.concat(parts));
}

function journalJson(r: KernelRecord, i: number, host: string): string {
  const obj: Record<string, string | number[]> = {};
  for (const [name, value] of journalFields(r, i, host)) obj[name] = NON_PRINTABLE.test(value) ? [...new TextEncoder().encode(value)] : value;
  return JSON.stringify(obj);
}

function journalVerbose(r: KernelRecord, i: number, host: string): string {
  const d = utcOf(r);
  const fields = journalFields(r, i, host).filter(([name]) => !name.startsWith("__"));
  return [
    `${EN_DAYS[d.getUTCDay()]} ${isoDate(d)} ${hms(d)}.${micros(r)} UTC [${cursor(r, i)}]`,
    // Without --all, journalctl shows a binary field's size instead of its bytes.
    ...fields.map(([name, value]) => `    ${name}=${NON_PRINTABLE.test(value) ? `[${new TextEncoder().encode(value).length}B blob data]` : value}`),
  ].join("\n");
}

const STERN_POD = "node-problem-detector-x2f9k";
const STERN_CONTAINER = "kmsg";

export const ENVELOPES: readonly Envelope[] = [
  { id: "dmesg-crlf", tool: "dmesg saved on Windows (CRLF)", namesHost: false, emit: (s) => s.lines.map((l) => `${l}\r\n`).join("") },
  { id: "dmesg-r", tool: "dmesg -r", namesHost: false, emit: perRecord((r) => `<${r.level}>${dmesgLine(r)}`) },
  { id: "dmesg-x", tool: "dmesg -x", namesHost: false, emit: perRecord((r) => `kern  :${LEVEL_NAMES[r.level].padEnd(6, " ")}: ${dmesgLine(r)}`) },
  { id: "dmesg-d", tool: "dmesg -d (--show-delta)", namesHost: false, emit: perRecordOf((records, i) => `${deltaStamp(records, i)} ${records[i].text}`) },
  {
    id: "dmesg-T-d",
    tool: "LC_ALL=C dmesg -T -d",
    namesHost: false,
    emit: perRecordOf((records, i) => `[${ctimeIn(LOCALES.en, records[i])} ${deltaOf(records, i)}] ${records[i].text}`),
  },
  { id: "dmesg-T-en", tool: "LC_ALL=C dmesg -T", namesHost: false, emit: dmesgT(LOCALES.en) },
  { id: "dmesg-T-de", tool: "LC_ALL=de_DE.UTF-8 dmesg -T", namesHost: false, emit: dmesgT(LOCALES.de) },
  { id: "dmesg-T-fr", tool: "LC_ALL=fr_FR.UTF-8 dmesg -T", namesHost: false, emit: dmesgT(LOCALES.fr) },
  { id: "dmesg-T-zh", tool: "LC_ALL=zh_CN.UTF-8 dmesg -T", namesHost: false, emit: dmesgT(LOCALES.zh) },
  { id: "dmesg-T-ja", tool: "LC_ALL=ja_JP.UTF-8 dmesg -T", namesHost: false, emit: dmesgT(LOCALES.ja) },
  {
    id: "kmsg",
    tool: "cat /dev/kmsg",
    namesHost: false,
    emit: perRecord((r, i) => `${r.level},${1000 + i},${r.uptimeUs},-${r.callerId ? `,caller=${r.callerId}` : ""};${r.text}`),
  },
  {
    id: "less-N",
    tool: "less -N (copied from the terminal)",
    namesHost: false,
    emit: (s) => s.lines.map((l, i) => `${String(i + 1).padStart(7, " ")} ${l}\n`).join(""),
  },
  {
    id: "rsyslog-traditional",
    tool: "rsyslog RSYSLOG_TraditionalFileFormat, kernel stamp kept (Ubuntu ≤ 20.04 kern.log)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${bsdStamp(r)} ${host} kernel: ${rsyslogEscape(dmesgLine(r))}`),
  },
  {
    // Embedded systems' /var/log/messages (victronenergy/venus#348, Freetz-NG/freetz-ng#3): busybox klogd keeps the
    // kernel's stamp, syslogd writes the facility.level between the host and the tag.
    id: "busybox-syslogd",
    tool: "busybox syslogd + klogd (facility.level after the host)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${bsdStamp(r)} ${host} kern.${LEVEL_NAMES[r.level]} kernel: ${dmesgLine(r)}`),
  },
  {
    id: "rsyslog-fileformat",
    tool: "rsyslog RSYSLOG_FileFormat (high-precision ISO)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${isoStamp(r)} ${host} kernel: ${rsyslogEscape(r.text)}`),
  },
  {
    id: "rsyslog-5424",
    tool: "rsyslog RSYSLOG_SyslogProtocol23Format (RFC 5424)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `<${r.level}>1 ${isoStamp(r)} ${host} kernel - - - ${rsyslogEscape(r.text)}`),
  },
  {
    id: "syslog-ng-iso",
    tool: "syslog-ng, ts-format(iso)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${isoStamp(r, 0)} ${host} kernel: ${r.text}`),
  },
  { id: "journal-short", tool: "journalctl -k", namesHost: true, emit: perRecord((r, _i, host) => `${bsdStamp(r)} ${host} kernel: ${r.text}`) },
  {
    id: "journal-short-iso",
    tool: "journalctl -k -o short-iso",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${isoStamp(r, 0, "+0000")} ${host} kernel: ${r.text}`),
  },
  {
    id: "journal-short-precise",
    tool: "journalctl -k -o short-precise",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${bsdStamp(r)}.${micros(r)} ${host} kernel: ${r.text}`),
  },
  {
    id: "journal-short-monotonic",
    tool: "journalctl -k -o short-monotonic",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${uptimeStamp(r)} ${host} kernel: ${r.text}`),
  },
  {
    id: "journal-short-delta",
    tool: "journalctl -k -o short-delta",
    namesHost: true,
    emit: perRecordOf((records, i, host) => `${deltaStamp(records, i)} ${host} kernel: ${records[i].text}`),
  },
  {
    id: "journal-short-full",
    tool: "journalctl -k -o short-full",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${EN_DAYS[utcOf(r).getUTCDay()]} ${isoDate(utcOf(r))} ${hms(utcOf(r))} UTC ${host} kernel: ${r.text}`),
  },
  {
    id: "journal-short-unix",
    tool: "journalctl -k -o short-unix",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${Math.floor(utcOf(r).getTime() / 1000)}.${micros(r)} ${host} kernel: ${r.text}`),
  },
  { id: "journal-json", tool: "journalctl -k -o json", namesHost: true, emit: perRecord(journalJson) },
  { id: "journal-export", tool: "journalctl -k -o export", namesHost: true, emit: journalExport },
  { id: "journal-verbose", tool: "journalctl -k -o verbose", namesHost: true, emit: perRecord(journalVerbose) },
  {
    id: "cri",
    tool: "containerd/CRI-O log of a pod running `dmesg -w`",
    namesHost: false,
    emit: perRecord((r) => `${rfc3339Nano(r)} stdout F ${dmesgLine(r)}`),
  },
  {
    id: "docker-json",
    tool: "Docker json-file log of a container running `dmesg -w`",
    namesHost: false,
    emit: perRecord((r) => goJson({ log: `${dmesgLine(r)}\n`, stream: "stdout", time: rfc3339Nano(r) })),
  },
  {
    id: "fluent-bit-kmsg",
    tool: "Fluent Bit kmsg input, json_lines output",
    namesHost: false,
    emit: perRecord((r, i) =>
      JSON.stringify({ date: Number((realtimeUs(r) / 1e6).toFixed(6)), priority: r.level, sequence: 1000 + i, sec: Math.floor(r.uptimeUs / 1e6), usec: r.uptimeUs % 1e6, msg: r.text }),
    ),
  },
  {
    id: "vector-journald",
    tool: "Vector journald source, json codec",
    namesHost: true,
    emit: perRecord((r, _i, host) => {
      const record: Record<string, string> = {
        PRIORITY: String(r.level),
        SYSLOG_FACILITY: "0",
        SYSLOG_IDENTIFIER: "kernel",
        _BOOT_ID: BOOT_ID,
        _SOURCE_MONOTONIC_TIMESTAMP: String(r.uptimeUs),
        _TRANSPORT: "kernel",
        host,
        message: r.text,
        source_type: "journald",
        timestamp: rfc3339Nano(r),
      };
      return JSON.stringify(record);
    }),
  },
  { id: "stern", tool: "stern (pod, container prefix)", namesHost: false, emit: perRecord((r) => `${STERN_POD} ${STERN_CONTAINER} ${dmesgLine(r)}`) },
  {
    id: "kubectl-prefix",
    tool: "kubectl logs --prefix",
    namesHost: false,
    emit: perRecord((r) => `[pod/${STERN_POD}/${STERN_CONTAINER}] ${dmesgLine(r)}`),
  },
  {
    id: "talos",
    tool: "talosctl dmesg (node prefix)",
    namesHost: true,
    emit: perRecord((r, _i, host) => `${host}: kern: ${TALOS_LEVEL_NAMES[r.level].padStart(7, " ")}: [${rfc3339Nano(r)}]: ${r.text}`),
  },
];

// Host names of several shapes (short, numbered, FQDN, cloud-style); Talos nodes are addressed by IP.
const HOSTS = ["worker-3", "db01.example.net", "ip-10-0-12-34", "node7", "k8s-pool-a-7f9c2", "srv-backup.lan"];
const TALOS_HOSTS = ["172.20.0.5", "10.5.0.2"];

/** A stable host for one source log and envelope. */
export function hostFor(sourceName: string, envelope: Envelope): string {
  let h = 0;
  for (let i = 0; i < sourceName.length; i++) h = (h * 31 + sourceName.charCodeAt(i)) >>> 0;
  const pool = envelope.id === "talos" ? TALOS_HOSTS : HOSTS;
  return pool[h % pool.length];
}

/**
 * A shell prompt pasted above the log (`root@S212M ~$ uname -r`, `[core@w01 ~]$ …`) names the machine the log is from:
 * a collector on that machine names it so too, or the prompt's `uname -r` would be another host's release. Talos has
 * no shell; its envelope keeps its node addresses.
 */
const PROMPT_HOST = /^\[?[\w.-]+@([\w.-]+)[\]:\s]/;

export function envelopeSource(sourceName: string, log: string, envelope: Envelope): EnvelopeSource {
  const lines = log.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const records = recordsOfDmesg(log);
  const prompted = envelope.id === "talos" ? undefined : records.preamble.map((l) => PROMPT_HOST.exec(l)?.[1]).find((h) => h !== undefined);
  return { lines, ...records, host: prompted ?? hostFor(sourceName, envelope) };
}
