/**
 * What log shippers POST, as captured lines:
 * - Vector's `http` sink: `encoding.codec = "json"` sends a JSON array of events (the default framing) or one event
 *   per line (`framing.method = "newline_delimited"`, `application/x-ndjson`); `codec = "text"` sends the messages
 *   one per line. Events carry `message`, `host`, `timestamp` (RFC 3339) and, from the `journald` source, the
 *   journal's fields (`_HOSTNAME`, `SYSLOG_IDENTIFIER`, `_TRANSPORT`, `_SOURCE_MONOTONIC_TIMESTAMP`…).
 * - Fluent Bit's `http` output: `format json` (an array), `json_lines` / `json_stream` (one record after another);
 *   records carry `log` (tail) or `msg` (kmsg: `priority`, `sec`, `usec`) or `MESSAGE` (systemd input), and the
 *   time under `json_date_key` (`date`, epoch seconds as a double or ISO 8601).
 * - A journal export entry (journal-export.ts).
 * A record without any message field is counted, not guessed at.
 */
import { normalizeHostName, type CapturedLine, type CaptureVia } from "./captured-line";
import type { JournalEntry } from "./journal-export";
import { parseSyslogMessage } from "./syslog";

export type ShipperRecords = { lines: CapturedLine[]; skipped: number; warnings: string[] };

export type RecordContext = {
  /** Time of receipt (epoch ms): used when a record carries no time of its own. */
  receivedAt: number;
  /** Host for records that name none (`?host=` on the URL, else the API token's name). */
  defaultHost: string;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MESSAGE_KEYS = ["message", "log", "msg", "MESSAGE", "short_message"];
const HOST_KEYS = ["host", "hostname", "_HOSTNAME", "HOSTNAME", "kubernetes.host", "node", "nodename"];
const TIME_KEYS = ["timestamp", "@timestamp", "date", "time", "__REALTIME_TIMESTAMP"];
const PROGRAM_KEYS = ["SYSLOG_IDENTIFIER", "appname", "app_name", "ident", "program", "_COMM"];

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `kubernetes.host` reads the nested field Fluent Bit's kubernetes filter adds. */
function field(record: JsonObject, key: string): Json | undefined {
  if (key in record) return record[key];
  const dot = key.indexOf(".");
  if (dot < 0) return undefined;
  const inner = record[key.slice(0, dot)];
  return isObject(inner) ? field(inner, key.slice(dot + 1)) : undefined;
}

function firstString(record: JsonObject, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = field(record, k);
    if (typeof v === "string" && v !== "") return v;
  }
  return undefined;
}

/** RFC 3339 strings; epoch numbers in seconds (Fluent Bit's double), ms or µs (the journal's realtime) by magnitude. */
function parseTime(v: Json | undefined): number | undefined {
  if (typeof v === "string") {
    if (/^\d+(\.\d+)?$/.test(v)) return parseTime(Number(v));
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) return undefined;
  if (v < 1e11) return Math.round(v * 1000);
  if (v < 1e14) return Math.round(v);
  return Math.round(v / 1000);
}

/** A message that is itself a whole syslog or dmesg line (a shipper tailing /var/log/kern.log) keeps its prefix. */
function hasOwnPrefix(message: string): boolean {
  if (/^\s*\[\s*\d+\.\d+\]/.test(message)) return true;
  const parsed = parseSyslogMessage(`<0>${message}`, 0);
  return parsed.time !== undefined && parsed.hostname !== undefined && parsed.app !== undefined;
}

function isKernel(record: JsonObject): boolean {
  return field(record, "_TRANSPORT") === "kernel" || field(record, "SYSLOG_IDENTIFIER") === "kernel" || field(record, "priority") !== undefined && field(record, "sec") !== undefined;
}

/** Kernel uptime of a journal kernel entry (µs) or a Fluent Bit kmsg record (`sec` + `usec`). */
function kernelUptime(record: JsonObject): number | undefined {
  const mono = field(record, "_SOURCE_MONOTONIC_TIMESTAMP");
  if (typeof mono === "string" || typeof mono === "number") {
    const us = Number(mono);
    if (Number.isFinite(us)) return us / 1e6;
  }
  const sec = field(record, "sec");
  const usec = field(record, "usec");
  if (typeof sec === "number" && typeof usec === "number" && field(record, "priority") !== undefined) return sec + usec / 1e6;
  return undefined;
}

/** One shipper record (a JSON object) as a captured line, or undefined when it carries no message. */
export function recordToLine(record: JsonObject, ctx: RecordContext, via: CaptureVia = "http"): CapturedLine | undefined {
  const message = firstString(record, MESSAGE_KEYS);
  if (message === undefined) return undefined;
  const text = message.replace(/\r?\n$/, "");
  const host = normalizeHostName(firstString(record, HOST_KEYS) ?? ctx.defaultHost);
  let time: number | undefined;
  for (const k of TIME_KEYS) if ((time = parseTime(field(record, k))) !== undefined) break;
  const boot = field(record, "_BOOT_ID");
  const line: CapturedLine = { host, time: time ?? ctx.receivedAt, text, via, ...(typeof boot === "string" ? { bootId: boot } : {}) };
  if (hasOwnPrefix(text)) return { ...line, preformatted: true };
  const kernel = isKernel(record);
  const program = kernel ? "kernel" : firstString(record, PROGRAM_KEYS);
  const uptime = kernel ? kernelUptime(record) : undefined;
  const level = Number(field(record, "PRIORITY") ?? field(record, "priority"));
  return { ...line, ...(program ? { program } : {}), ...(uptime !== undefined ? { uptime } : {}), ...(Number.isInteger(level) && level >= 0 && level <= 7 ? { level } : {}) };
}

/**
 * Top-level JSON values one after another (an array, NDJSON, or Fluent Bit's json_stream without separators).
 * Each value is cut out by bracket depth outside strings, so one bad record costs only itself.
 */
function splitJsonValues(body: string): { values: string[]; warnings: string[] } {
  const values: string[] = [];
  const warnings: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth === 0) start = i;
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0 && start >= 0) {
        values.push(body.slice(start, i + 1));
        start = -1;
      } else if (depth < 0) {
        warnings.push(`unbalanced '${c}' at byte ${i}`);
        depth = 0;
      }
    }
  }
  if (depth !== 0) warnings.push("the body ends inside a JSON value");
  return { values, warnings };
}

/**
 * A shipper's HTTP body as captured lines. JSON (an array of objects, or a stream of objects) when the body starts
 * with `[{` or `{`; otherwise plain text, one message per line (Vector's text codec).
 */
export function parseShipperBody(body: string, ctx: RecordContext): ShipperRecords {
  const trimmed = body.trimStart();
  const lines: CapturedLine[] = [];
  let skipped = 0;
  // `[    3.1] Kernel panic…` is a dmesg line, not a JSON array: an array of events opens with `[{` (or is empty).
  if (!trimmed.startsWith("{") && !/^\[\s*[{\]]/.test(trimmed)) {
    for (const raw of body.split(/\r?\n/)) {
      if (raw.trim() === "") continue;
      const line: CapturedLine = { host: normalizeHostName(ctx.defaultHost), time: ctx.receivedAt, text: raw, via: "http" };
      lines.push(hasOwnPrefix(raw) ? { ...line, preformatted: true } : line);
    }
    return { lines, skipped, warnings: [] };
  }
  const { values, warnings } = splitJsonValues(trimmed);
  let withoutMessage = 0;
  const take = (v: Json) => {
    const line = isObject(v) ? recordToLine(v, ctx) : undefined;
    if (line) lines.push(line);
    else withoutMessage++;
  };
  for (const text of values) {
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch (e) {
      // Damaged JSON (SyntaxError) costs its record, said in a warning; anything else propagates.
      if (!(e instanceof SyntaxError)) throw e;
      warnings.push(`a JSON value could not be parsed: ${e.message}`);
      skipped++;
      continue;
    }
    if (Array.isArray(parsed)) parsed.forEach(take);
    else take(parsed);
  }
  skipped += withoutMessage;
  if (withoutMessage > 0) warnings.push(`${withoutMessage} record(s) without a message field (${MESSAGE_KEYS.join(", ")}) were skipped`);
  return { lines, skipped, warnings };
}

/** A journal export entry (systemd-journal-upload) as a captured line. */
export function journalEntryToLine(entry: JournalEntry, ctx: RecordContext): CapturedLine | undefined {
  return recordToLine(entry, ctx, "journal");
}
