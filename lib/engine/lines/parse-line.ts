/**
 * Per-line prefix parsing: peel the syslog / journal / dmesg / klog / logfmt wrappers off a line and keep what
 * they said (time, host, program, printk level, caller id). Formats are sniffed per line because real files mix
 * them: a syslog file holds kernel lines that carry their own `[uptime]`, kubelet lines that carry a klog header.
 * Never throws: an unrecognised line is `plain` with `text === raw`.
 */
import type { LogLine } from "../types";
import { parseGrepPrefix } from "./grep-prefix";
import { dateInFileName, MONTHS, parseIsoTime, utcMs, yearOfMonth } from "./time";

/** Per-input state that a line alone cannot carry. */
export type LineContext = {
  fileIndex: number;
  /** Year for RFC 3164 dates, which have none (from `messages-YYYYMMDD`, the file's mtime, or now). */
  year: number;
  /** Month (1..12) of the date the year was taken from: a later month in the log belongs to the year before. */
  yearMonth?: number;
  /** Months a line may run past that date and keep its year (see `yearOfMonth`). */
  monthsAhead?: number;
  /** Set by a `Message from syslogd@host at …` banner; applies to the `kernel:…` line after it. */
  wall?: { host: string; time?: number };
  /** Pending `crash` utility context (the tool's output has no timestamps). */
  inCrashOutput?: boolean;
};

export function createLineContext(fileIndex: number, year: number, yearMonth?: number, monthsAhead = 0): LineContext {
  return { fileIndex, year, yearMonth, monthsAhead };
}

// `Aug 13 15:59:23 w01 kernel: msg`, `Aug 13 15:59:23.123456 w01 kernel[12]: msg` (journalctl short-precise),
// optionally after a `<13>` PRI. The host may be absent in some forwarders' output: then the token after the
// time is `tag:`, handled by looking at the trailing colon.
const RFC3164 =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: (\d{4}))? (\S+)(?: (.*))?$/;
// `2024-08-13T15:59:23.123456+08:00 w01 kernel: msg` (rsyslog RFC 3339, journalctl short-iso/-precise) and
// RFC 5424 `<34>1 2024-08-13T15:59:23.003Z host app procid msgid [sd] msg`.
const ISO_LINE =
  /^(?:<(\d{1,3})>(1) )?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)?) (\S+)(?: (.*))?$/;
// Syslog tag: `kernel:`, `kubelet[1432]:`, `containerd[980]:`, `systemd[1]:`.
const TAG = /^([A-Za-z0-9_.()/@-][A-Za-z0-9_.()/@:-]*?)(?:\[(\d+)\])?:(?: |$)/;
// dmesg: `<4>[  123.456789] ` / `[  123.456789][T123] ` / `[  123.456789] [ T123] ` / `<6>` alone.
const DMESG = /^(?:<(\d{1,3})>)?\[\s*(\d+)\.(\d+)\](?:\s?\[\s*([TC]\d+)\])?\s?/;
const LEVEL_ONLY = /^<(\d{1,3})>(?!\d)/;
// dmesg -T: `[Tue Aug 13 15:59:23 2024] `
const DMESG_HUMAN = /^(?:<(\d)>)?\[(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})\]\s?/;
// dmesg -H: a dated line `[Mar 5 10:00] ` (minute precision), then `[  +0.000003] ` deltas (no absolute uptime).
const DMESG_H_DATE = /^(?:<(\d)>)?\[([A-Z][a-z]{2}) ?(\d{1,2}) (\d{2}):(\d{2})\]\s?/;
const DMESG_H_DELTA = /^(?:<(\d)>)?\[\s*\+\s*\d+\.\d+\]\s?/;
// klog: `I0813 15:59:21.100203    1432 kubelet.go:2185] msg`
const KLOG = /^([IWEF])(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,9})\s+(\d+) ([^\s\]]+)\] ?/;
// Wall message: `Message from syslogd@VM_1_72_centos at May  6 17:43:49 ...`
const WALL = /^Message from syslogd@(\S+) at (?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})/;
// The line after a wall banner: ` kernel:unregister_netdevice: …`
const WALL_BODY = /^\s*kernel:\s?/;
// After the `[uptime] ` of journalctl -o short-monotonic: `host kernel: ` or `host prog[pid]: `.
const MONOTONIC_HOST_TAG = /^([\w.-]+) (kernel|[\w.@-]+(?=\[\d+\]))(?:\[(\d+)\])?: /;

// CRI container log stream and partial/full tag after the time: `stderr F panic: …`.
const CRI_STREAM = /^(?:stdout|stderr) [FP](?: |$)/;

/** `messages-20240618` in a grep prefix → that date (see `inferYear`); undefined when the name carries none. */
function grepYear(file: string): { year: number; month: number } | undefined {
  return dateInFileName(file);
}

// A shell prompt pasted with the log (`[root@w01 ~]# grep -A 10 "kernel BUG" …`, `user@host:~$ dmesg`, `$ uname -r`):
// the command line quotes crash text but is not log output.
const SHELL_PROMPT = /^(?:\[[\w.-]+@[\w.-]+(?: [^\]]*)?\][#$]|[\w.-]+@[\w.-]+:[^\s#$]*[#$]|[#$])\s/;

// Wrappers around a whole line, peeled before the format is sniffed:
// e-mail / forum quotes (`> `, `>>>   `) always;
const QUOTE_PREFIX = /^(?:[ \t]*>)+[ \t]?/;
// `less -N` / `cat -n` / `grep -n` line numbers (`32789 Mar  3 15:04:11 host kernel: …`), only when a known format follows.
const LINE_NUMBER_PREFIX = /^\s*\d{1,9}(?:[ \t]+|:(?=\S))/;
// Talos `talosctl dmesg` (optionally per node): `node: kern:    err: [2024-06-29T10:52:39.030745602Z]: msg`.
const TALOS = /^\s*(?:([\w.:-]+?): )?(kern|user|daemon|auth|syslog):\s+(\w+):\s+\[(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)\]:\s?/;
const SYSLOG_LEVEL: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, warn: 4, notice: 5, info: 6, debug: 7 };
// A date-less `kernel: …` or `host kernel: …` (a forwarder or a paste that dropped the date).
const BARE_KERNEL_TAG = /^(?:([\w.-]+) )?kernel: /;
// An agent forwarding the guest's console as logfmt (kata-proxy): `time=… level=info msg="[    0.317958] …\n" name=…`.
const LOGFMT_CONSOLE_MSG = /(?:^|\s)msg="(\[\s*\d+\.\d+\](?:[^"\\]|\\.)*)"/;

// `crash` utility lines.
const CRASH_LINE =
  /^(?:crash> |PID: \d+\s+TASK: [0-9a-f]+|\s*#\d+ \[[0-9a-f]+\] \S+ at [0-9a-f]+|\s*\[exception RIP: |\s*KERNEL: |\s*DUMPFILE: |\s*PANIC: )/;

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

function monthIndex(name: string): number {
  return MONTHS[name] ?? -1;
}

/** RFC 3164 dates have no year: the year under the context's anchor (`yearOfMonth`). */
function yearFor(ctx: LineContext, month: number): number {
  return yearOfMonth({ year: ctx.year, month: ctx.yearMonth, monthsAhead: ctx.monthsAhead }, month);
}

function fraction(digits: string | undefined): number {
  if (!digits) return 0;
  return Number((digits + "000").slice(0, 3));
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
    return msg.slice(lv[0].length);
  }
  return msg;
}

function applyTag(line: LogLine, rest: string): string {
  const t = TAG.exec(rest);
  if (!t) return rest;
  // `kern.err:` / `kern.info kernel:`: a facility.level tag written by some syslog daemons.
  line.program = /^kern(?:\.\w+)?$/.test(t[1]) ? "kernel" : t[1];
  if (t[2]) line.pid = Number(t[2]);
  return rest.slice(t[0].length);
}

/** Non-kernel payloads: klog, logfmt and JSON carry their own level and time. */
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

function peelAgentPrefix(line: LogLine, msg: string, ctx: LineContext, setFormat: boolean): string {
  const k = KLOG.exec(msg);
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
  const c0 = msg.charCodeAt(0);
  if (c0 === 123 /* { */ && msg.charCodeAt(msg.length - 1) === 125) {
    const obj = jsonObjectOf(msg);
    const text = obj ? (obj.msg ?? obj.message ?? obj.MESSAGE) : undefined;
    if (obj && typeof text === "string") {
      const lvl = obj.level ?? obj.lvl ?? obj.severity;
      if (typeof lvl === "string" && LOGFMT_LEVEL[lvl.toLowerCase()] !== undefined)
        line.level = LOGFMT_LEVEL[lvl.toLowerCase()];
      const ts = obj.time ?? obj.ts ?? obj.timestamp;
      if (line.time === undefined && typeof ts === "string") line.time = parseIsoTime(ts);
      if (line.time === undefined && typeof ts === "number") line.time = ts > 1e12 ? ts : ts * 1000;
      if (setFormat) line.format = "json";
      return text;
    }
    return msg;
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

/**
 * A VM's console forwarded into the host's journal by its hypervisor process (`com.docker.backend[56957]: [  956.812853]
 * kernel BUG at …`, kata, lima): dmesg's six-digit uptime stamp says the message is kernel output.
 */
const FORWARDED_CONSOLE = /^\[\s*\d+\.\d{6}\] /;

function finishText(line: LogLine, msg: string, ctx: LineContext): string {
  // Kernel lines keep printing their own `[uptime]` inside syslog when printk.time=1.
  if (line.program === undefined || line.program === "kernel") {
    const c = msg.charCodeAt(0);
    if (c === 91 /* [ */ || c === 60 /* < */) return peelKernelPrefix(line, msg);
    return msg;
  }
  if (msg.charCodeAt(0) === 91 && FORWARDED_CONSOLE.test(msg)) {
    line.program = "kernel";
    return peelKernelPrefix(line, msg);
  }
  return peelAgentPrefix(line, msg, ctx, false);
}

/**
 * Parse one line. `raw` must already be cleaned by ingest (no NUL, no ANSI escapes, no trailing CR).
 * `ctx` carries per-file state (year, wall banners) and is updated.
 */
export function parseLine(raw: string, lineNo: number, ctx: LineContext): LogLine {
  const line: LogLine = { fileIndex: ctx.fileIndex, lineNo, raw, text: raw, format: "plain" };
  if (raw.length === 0) return line;
  let s = raw;

  // A wall banner followed by its body.
  if (ctx.wall) {
    const wall = ctx.wall;
    ctx.wall = undefined;
    const body = WALL_BODY.exec(s);
    if (body) {
      line.format = "syslogd-wall";
      line.host = wall.host;
      line.time = wall.time;
      line.program = "kernel";
      line.text = finishText(line, s.slice(body[0].length), ctx);
      return line;
    }
  }
  const quote = QUOTE_PREFIX.exec(s);
  if (quote) {
    const inner = parseLine(s.slice(quote[0].length), lineNo, ctx);
    return { ...inner, raw };
  }
  const c0 = s.charCodeAt(0);
  if (c0 === 77 /* M */) {
    const w = WALL.exec(s);
    if (w) {
      const month = monthIndex(w[2]);
      const time =
        month >= 0
          ? utcMs(yearFor(ctx, month + 1), month, Number(w[3]), Number(w[4]), Number(w[5]), Number(w[6]), 0)
          : undefined;
      ctx.wall = { host: w[1], time };
      line.format = "syslogd-wall";
      line.host = w[1];
      line.time = time;
      line.program = "syslogd";
      line.text = s;
      return line;
    }
  }
  if (c0 === 47 /* / */ || c0 === 46 /* . */ || (c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57)) {
    const g = parseGrepPrefix(s);
    if (g) {
      s = s.slice(g.length);
      // The prefix names the rotated file the line came from: its date anchors the year better than the paste's.
      const y = grepYear(g.file);
      if (y) {
        const line2 = parseLine(s, lineNo, { ...ctx, year: y.year, yearMonth: y.month, monthsAhead: 0, wall: undefined });
        ctx.wall = undefined;
        return { ...line2, raw };
      }
    }
  }

  const c = s.charCodeAt(0);
  // RFC 3164 / journalctl short / short-precise.
  if ((c >= 65 && c <= 90) || c === 60) {
    const m = RFC3164.exec(s);
    if (m) {
      const month = monthIndex(m[2]);
      if (month >= 0) {
        const year = m[8] ? Number(m[8]) : yearFor(ctx, month + 1);
        line.time = utcMs(year, month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fraction(m[7]));
        line.format = "syslog";
        if (m[1] !== undefined) line.level = Number(m[1]) & 7;
        // `host tag: msg` or (no host) `tag: msg`. A host name never ends in `:`, so such a token is the tag, even
        // when the message itself looks like another tag (`kernel: RIP: 0010:…`, `kernel: Code: …`).
        let rest = m[10] ?? "";
        const hostOrTag = m[9];
        if (/^[^\s[]+(?:\[\d+\])?:$/.test(hostOrTag)) {
          rest = applyTag(line, hostOrTag + " " + rest);
        } else {
          line.host = hostOrTag;
          rest = applyTag(line, rest);
        }
        line.text = finishText(line, rest, ctx);
        return line;
      }
    }
  }
  // ISO dates start with a digit; RFC 5424 with its `<PRI>1 ` header.
  if ((c >= 48 && c <= 57) || c === 60) {
    const k = KLOG.exec(s);
    if (!k) {
      const m = ISO_LINE.exec(s);
      if (m) {
        line.time = parseIsoTime(m[3]);
        line.format = "syslog-iso";
        if (m[1] !== undefined) line.level = Number(m[1]) & 7;
        line.host = m[4];
        let rest = m[5] ?? "";
        if (!m[2] && m[4].endsWith(":")) {
          // No host: the token after the time is already the tag (`… kern.err: [  621.892001] …`).
          delete line.host;
          rest = `${m[4]} ${rest}`;
        }
        const cri = m[2] ? null : CRI_STREAM.exec(m[4] + " " + rest);
        if (cri) {
          // CRI container log (/var/log/containers/*.log): `<time> stdout|stderr F|P <msg>`; no host, no tag.
          delete line.host;
          line.text = peelAgentPrefix(line, rest.slice(2), ctx, false);
          return line;
        }
        if (m[2]) {
          // RFC 5424: app procid msgid structured-data msg
          const r = /^(\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$/.exec(rest);
          if (r) {
            line.program = r[1] === "-" ? undefined : r[1];
            if (/^\d+$/.test(r[2])) line.pid = Number(r[2]);
            rest = r[5];
          }
        } else {
          rest = applyTag(line, rest);
        }
        line.text = finishText(line, rest, ctx);
        return line;
      }
    }
  }
  if (c === 91 /* [ */ || c === 60 /* < */) {
    const h = DMESG_HUMAN.exec(s);
    if (h) {
      const month = monthIndex(h[2]);
      line.format = "dmesg-human";
      if (h[1] !== undefined) line.level = Number(h[1]);
      if (month >= 0)
        line.time = utcMs(Number(h[7]), month, Number(h[3]), Number(h[4]), Number(h[5]), Number(h[6]), 0);
      line.program = "kernel";
      line.text = s.slice(h[0].length);
      return line;
    }
    const delta = DMESG_H_DELTA.exec(s) ?? DMESG_H_DATE.exec(s);
    if (delta) {
      line.format = "dmesg-human";
      line.program = "kernel";
      if (delta[1] !== undefined) line.level = Number(delta[1]);
      if (delta.length > 2) {
        const month = monthIndex(delta[2]);
        if (month >= 0) line.time = utcMs(yearFor(ctx, month + 1), month, Number(delta[3]), Number(delta[4]), Number(delta[5]), 0, 0);
      }
      line.text = s.slice(delta[0].length);
      return line;
    }
    if (DMESG.test(s) || LEVEL_ONLY.test(s)) {
      line.format = "dmesg";
      line.program = "kernel";
      line.text = peelKernelPrefix(line, s);
      // journalctl -o short-monotonic: `[  123.456789] host kernel: msg` / `… host kubelet[1432]: msg`. Only `kernel:`
      // or a tag with a pid counts: plain dmesg text such as `usb 1-1: new device` must stay as it is.
      const mono = MONOTONIC_HOST_TAG.exec(line.text);
      if (mono && line.uptime !== undefined) {
        line.host = mono[1];
        line.program = mono[2];
        if (mono[3]) line.pid = Number(mono[3]);
        line.text = finishText(line, line.text.slice(mono[0].length), ctx);
      }
      return line;
    }
  }
  if ((c === 91 /* [ */ || c === 35 /* # */ || c === 36 /* $ */ || (c >= 97 && c <= 122)) && SHELL_PROMPT.test(s)) {
    line.program = "shell";
    return line;
  }
  if (CRASH_LINE.test(s)) {
    line.format = "crash";
    line.program = "kernel";
    line.text = s.replace(/^crash> /, "");
    return line;
  }
  const talos = TALOS.exec(s);
  if (talos) {
    line.format = "syslog-iso";
    if (talos[1]) line.host = talos[1];
    line.program = talos[2] === "kern" ? "kernel" : talos[2];
    const level = SYSLOG_LEVEL[talos[3]];
    if (level !== undefined) line.level = level;
    line.time = parseIsoTime(talos[4]);
    line.text = finishText(line, s.slice(talos[0].length), ctx);
    return line;
  }
  if (c >= 48 && c <= 57 || c === 32 || c === 9) {
    const numbered = LINE_NUMBER_PREFIX.exec(s);
    if (numbered) {
      const inner = parseLine(s.slice(numbered[0].length), lineNo, { ...ctx, wall: undefined });
      if (inner.format !== "plain" || inner.program === "kernel") return { ...inner, raw };
    }
  }
  if (c === 32 || c === 9) {
    // A paste indented as a code block (`    [  484.469885] …`, `    kernel: Pid: 0, …`): the indentation is not the log's.
    const indent = /^[ \t]+/.exec(s)![0];
    const inner = parseLine(s.slice(indent.length), lineNo, { ...ctx, wall: undefined });
    if (inner.format !== "plain" || inner.program === "kernel") return { ...inner, raw };
  }
  const bare = BARE_KERNEL_TAG.exec(s);
  if (bare) {
    if (bare[1]) line.host = bare[1];
    line.program = "kernel";
    line.text = finishText(line, s.slice(bare[0].length), ctx);
    return line;
  }
  const agentText = peelAgentPrefix(line, s, ctx, true);
  line.text = agentText;
  if (line.format === "logfmt") {
    const console = LOGFMT_CONSOLE_MSG.exec(s);
    if (console) {
      line.program = "kernel";
      line.text = peelKernelPrefix(line, unescapeLogfmt(console[1]));
    }
  }
  return line;
}

/** A logfmt quoted value's escapes (`\n` at the end of a forwarded console line, `\"`). */
function unescapeLogfmt(v: string): string {
  return v.replace(/\\(.)/g, (_, ch: string) => (ch === "n" || ch === "r" || ch === "t" ? " " : ch)).trimEnd();
}
