/**
 * One log line received from a machine (netconsole, syslog, a log shipper or journal upload), before the engine sees
 * it. Every receiver turns its protocol into these; the per-host windows (host-windows.ts) keep them and hand a
 * crash's window to triage as text in a form the engine already reads (`formatCapturedLine`).
 */
export type CaptureVia = "netconsole" | "syslog" | "http" | "journal";

export type CapturedLine = {
  /** The sending machine: the name the protocol gives (syslog HOSTNAME, `_HOSTNAME`, `host`), else its address. */
  host: string;
  /** Epoch milliseconds: the sender's own time when it sent one, else the time of receipt. */
  time: number;
  /** Seconds since boot (netconsole extended header, kernel journal entries), when the sender gave it. */
  uptime?: number;
  /** Syslog tag; `kernel` for netconsole. */
  program?: string;
  /** printk / syslog severity 0..7, when known. */
  level?: number;
  /** The message, without any protocol prefix. */
  text: string;
  /**
   * The text is a whole log line with its own prefix (a shipper forwarding `/var/log/kern.log` lines): passed to the
   * engine as it is, since wrapping it in a second syslog prefix would hide the first from the line parser.
   */
  preformatted?: boolean;
  /** A new boot id (journal `_BOOT_ID`) or sequence restart: the machine rebooted before this line. */
  bootId?: string;
  via: CaptureVia;
};

/** Syslog host names carry no spaces; some shippers send display names that do. */
export function normalizeHostName(name: string): string {
  return name.trim().replace(/\s+/g, "_").slice(0, 253) || "unknown";
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function isoTime(ms: number): string {
  const d = new Date(Number.isFinite(ms) ? ms : 0);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}Z`;
}

/**
 * `2026-12-01T22:51:04.126Z host kernel: [    4.126270] text`: the RFC 5424-style syslog line the engine parses
 * (host, wall time, program) with the dmesg uptime inside, as `/var/log/kern.log` holds it.
 */
export function formatCapturedLine(line: CapturedLine): string {
  if (line.preformatted) return line.text;
  const uptime = line.uptime === undefined ? "" : `[${line.uptime.toFixed(6).padStart(12)}] `;
  const program = (line.program ?? "kernel").replace(/[\s:]+/g, "_") || "kernel";
  return `${isoTime(line.time)} ${normalizeHostName(line.host)} ${program}: ${uptime}${line.text}`;
}
