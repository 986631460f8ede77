/**
 * Syslog messages as they arrive over the network: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`),
 * RFC 3164 / BSD (`<PRI>Mmm dd hh:mm:ss HOST TAG[pid]: MSG`, with the variants rsyslog and busybox send: no host,
 * an RFC 3339 time), and TCP framing (RFC 6587: octet counting `LEN SP MSG` or one message per line).
 * Never throws on bad input: what cannot be parsed stays the message text, with a warning.
 */

export type SyslogMessage = {
  format: "rfc5424" | "rfc3164" | "plain";
  facility?: number;
  severity?: number;
  /** Epoch ms, when the message carried a time. */
  time?: number;
  hostname?: string;
  app?: string;
  procid?: string;
  msgid?: string;
  /** Structured data as sent (`[id k="v"]…`), when present. */
  structuredData?: string;
  message: string;
  warnings: string[];
};

const PRI = /^<(\d{1,3})>/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const BSD_TIME = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? /;
const ISO_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;
const TAG = /^([^\s:[\]]{1,48})(?:\[([^\]\s]{1,32})\])?:(?: |$)/;
const BOM = "\ufeff";

function nilOr(value: string): string | undefined {
  return value === "-" ? undefined : value;
}

/** A year-less BSD time: the year that puts it nearest to the time of receipt (a December line read in January). */
function bsdTime(m: RegExpExecArray, receivedAt: number): number | undefined {
  const month = MONTHS.indexOf(m[1]);
  if (month < 0) return undefined;
  const now = new Date(receivedAt);
  const at = (year: number) =>
    Date.UTC(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), m[6] ? Math.floor(Number(`0.${m[6]}`) * 1000) : 0);
  const year = now.getUTCFullYear();
  return [year - 1, year, year + 1].map(at).reduce((best, t) => (Math.abs(t - receivedAt) < Math.abs(best - receivedAt) ? t : best));
}

function isoTime(text: string): number | undefined {
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** Structured data: `-` or `[…]` elements, where `]`, `"` and `\` inside values are escaped with a backslash. */
function splitStructuredData(rest: string): { sd?: string; msg: string; ok: boolean } {
  if (rest.startsWith("-")) return { msg: rest.slice(rest.startsWith("- ") ? 2 : 1), ok: true };
  let i = 0;
  while (rest[i] === "[") {
    let inQuotes = false;
    for (i++; i < rest.length; i++) {
      const c = rest[i];
      if (c === "\\" && inQuotes) i++;
      else if (c === '"') inQuotes = !inQuotes;
      else if (c === "]" && !inQuotes) break;
    }
    if (i >= rest.length) return { msg: rest, ok: false };
    i++;
  }
  if (i === 0) return { msg: rest, ok: false };
  return { sd: rest.slice(0, i), msg: rest.slice(rest[i] === " " ? i + 1 : i), ok: true };
}

/** Parses one syslog message (one UDP datagram, or one TCP frame). `receivedAt` dates year-less BSD times. */
export function parseSyslogMessage(input: string, receivedAt: number = Date.now()): SyslogMessage {
  const text = input.replace(/[\r\n\0]+$/, "");
  const warnings: string[] = [];
  const pri = PRI.exec(text);
  if (!pri) return { format: "plain", message: text, warnings };
  const value = Number(pri[1]);
  const base = { facility: value >> 3, severity: value & 7, warnings };
  if (value > 191) warnings.push(`priority ${value} is out of range (0..191)`);
  let rest = text.slice(pri[0].length);

  const v5424 = /^1 (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(rest);
  if (v5424) {
    const sd = splitStructuredData(rest.slice(v5424[0].length));
    if (!sd.ok) warnings.push("structured data is malformed; kept in the message");
    const time = nilOr(v5424[1]) === undefined ? undefined : isoTime(v5424[1]);
    if (v5424[1] !== "-" && time === undefined) warnings.push(`timestamp ${v5424[1]} is not RFC 3339`);
    const message = sd.msg.startsWith(BOM) ? sd.msg.slice(1) : sd.msg;
    return {
      format: "rfc5424",
      ...base,
      time,
      hostname: nilOr(v5424[2]),
      app: nilOr(v5424[3]),
      procid: nilOr(v5424[4]),
      msgid: nilOr(v5424[5]),
      ...(sd.sd ? { structuredData: sd.sd } : {}),
      message,
    };
  }

  let time: number | undefined;
  const bsd = BSD_TIME.exec(rest);
  const iso = bsd ? null : ISO_TIME.exec(rest);
  if (bsd) time = bsdTime(bsd, receivedAt);
  else if (iso) time = isoTime(iso[1]);
  else warnings.push("no timestamp after the priority");
  rest = rest.slice((bsd ?? iso)?.[0].length ?? 0);

  // The host is left out by some senders (busybox syslogd, logger to a local socket): then the tag comes first.
  let hostname: string | undefined;
  if (!TAG.test(rest)) {
    const host = /^(\S+) /.exec(rest);
    if (host) {
      hostname = host[1];
      rest = rest.slice(host[0].length);
    }
  }
  const tag = TAG.exec(rest);
  if (tag) rest = rest.slice(tag[0].length);
  return { format: "rfc3164", ...base, time, hostname, app: tag?.[1], procid: tag?.[2], message: rest };
}

export type SyslogFramerOptions = { maxFrameBytes?: number };

/**
 * RFC 6587 framing over one TCP connection. Each frame picks its method by its first byte: a digit starts an
 * octet-counted frame (`123 <PRI>…`), anything else runs to the next LF (non-transparent framing).
 */
export class SyslogStreamFramer {
  readonly warnings: string[] = [];
  private buffer = Buffer.alloc(0);
  private skipping = 0;
  private readonly maxFrame: number;

  constructor(options: SyslogFramerOptions = {}) {
    this.maxFrame = options.maxFrameBytes ?? 64 * 1024;
  }

  push(chunk: Uint8Array): string[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk);
    const frames: string[] = [];
    for (;;) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, this.buffer.length);
        this.buffer = this.buffer.subarray(n);
        this.skipping -= n;
        if (this.skipping > 0) break;
      }
      if (this.buffer.length === 0) break;
      const first = this.buffer[0];
      if (first === 0x0a || first === 0x0d || first === 0x00) {
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      if (first >= 0x30 && first <= 0x39) {
        const space = this.buffer.subarray(0, 12).indexOf(0x20);
        if (space < 0) {
          if (this.buffer.length < 12) break;
          this.warnings.push("a frame starts with digits but no length field; read as a line");
        } else {
          const length = Number(this.buffer.subarray(0, space).toString("latin1"));
          if (length > this.maxFrame) {
            this.warnings.push(`an octet-counted frame of ${length} bytes exceeds ${this.maxFrame}; skipped`);
            this.buffer = this.buffer.subarray(space + 1);
            this.skipping = length;
            continue;
          }
          if (this.buffer.length < space + 1 + length) break;
          frames.push(this.buffer.subarray(space + 1, space + 1 + length).toString("utf8"));
          this.buffer = this.buffer.subarray(space + 1 + length);
          continue;
        }
      }
      const lf = this.buffer.indexOf(0x0a);
      if (lf < 0) {
        if (this.buffer.length > this.maxFrame) {
          this.warnings.push(`a line longer than ${this.maxFrame} bytes was cut`);
          frames.push(this.buffer.subarray(0, this.maxFrame).toString("utf8"));
          this.buffer = this.buffer.subarray(this.maxFrame);
          continue;
        }
        break;
      }
      frames.push(this.buffer.subarray(0, lf).toString("utf8").replace(/\r$/, ""));
      this.buffer = this.buffer.subarray(lf + 1);
    }
    return frames;
  }

  /** The unterminated last line when the connection closes. */
  end(): string[] {
    const rest = this.buffer.toString("utf8").replace(/[\r\n\0]+$/, "");
    this.buffer = Buffer.alloc(0);
    return rest ? [rest] : [];
  }
}
