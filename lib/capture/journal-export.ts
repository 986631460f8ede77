/**
 * The Journal Export Format (systemd.io/JOURNAL_EXPORT_FORMATS), which `systemd-journal-upload` POSTs as
 * `application/vnd.fdo.journal`: entries separated by an empty line; a field is `NAME=value\n`, or, when the value
 * is binary or holds a newline, `NAME\n` + 64-bit little-endian length + the bytes + `\n`. Parsed as a stream
 * (chunked uploads run for as long as the node logs), bounded per entry.
 */

import { concatBytes } from "../engine/ingest/concat-bytes";

export type JournalEntry = Record<string, string>;

export type JournalExportParserOptions = { maxEntryBytes?: number };

type State = { kind: "name" } | { kind: "length"; name: string } | { kind: "data"; name: string; length: number } | { kind: "skip-entry" };

const utf8 = new TextDecoder("utf-8");

export class JournalExportParser {
  readonly warnings: string[] = [];
  private buffer: Uint8Array = new Uint8Array(0);
  private entry: JournalEntry = {};
  private entryBytes = 0;
  private state: State = { kind: "name" };
  /** Bytes of an oversized binary value still to pass over. */
  private skipBytes = 0;
  private readonly maxEntryBytes: number;

  constructor(options: JournalExportParserOptions = {}) {
    this.maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  }

  /** Entries completed by this chunk. */
  push(chunk: Uint8Array): JournalEntry[] {
    this.buffer = this.buffer.length ? concatBytes([this.buffer, chunk]) : Uint8Array.from(chunk);
    const out: JournalEntry[] = [];
    let pos = 0;
    for (;;) {
      if (this.skipBytes > 0) {
        const n = Math.min(this.skipBytes, this.buffer.length - pos);
        pos += n;
        this.skipBytes -= n;
        if (this.skipBytes > 0) break;
      }
      const s = this.state;
      if (s.kind === "name" || s.kind === "skip-entry") {
        const lf = this.buffer.indexOf(0x0a, pos);
        if (lf < 0) break;
        const line = this.buffer.subarray(pos, lf);
        pos = lf + 1;
        if (line.length === 0) {
          if (s.kind === "name" && Object.keys(this.entry).length > 0) out.push(this.entry);
          this.entry = {};
          this.entryBytes = 0;
          this.state = { kind: "name" };
          continue;
        }
        if (s.kind === "skip-entry") continue;
        const eq = line.indexOf(0x3d);
        if (eq > 0) this.addField(utf8.decode(line.subarray(0, eq)), utf8.decode(line.subarray(eq + 1)), line.length);
        else this.state = { kind: "length", name: utf8.decode(line) };
      } else if (s.kind === "length") {
        if (this.buffer.length - pos < 8) break;
        const view = new DataView(this.buffer.buffer, this.buffer.byteOffset + pos, 8);
        const length = Number(view.getBigUint64(0, true));
        pos += 8;
        if (length > this.maxEntryBytes) {
          this.warnings.push(`field ${s.name} of ${length} bytes exceeds the entry cap; entry dropped`);
          this.entry = {};
          this.state = { kind: "skip-entry" };
          // The binary value may hold LFs and empty lines: skip its bytes exactly, then look for the entry's end.
          this.skipBytes = length + 1;
          continue;
        }
        this.state = { kind: "data", name: s.name, length };
      } else {
        if (this.buffer.length - pos < s.length + 1) break;
        const value = utf8.decode(this.buffer.subarray(pos, pos + s.length));
        if (this.buffer[pos + s.length] !== 0x0a) this.warnings.push(`binary field ${s.name} is not followed by a newline`);
        pos += s.length + 1;
        this.state = { kind: "name" };
        this.addField(s.name, value, s.length);
      }
    }
    this.buffer = this.buffer.subarray(pos);
    return out;
  }

  /** The last entry when the upload ends without its empty line. */
  end(): JournalEntry[] {
    const last = this.state.kind === "name" && Object.keys(this.entry).length > 0 ? [this.entry] : [];
    if (this.buffer.length > 0 || this.state.kind === "length" || this.state.kind === "data") this.warnings.push("the upload ended inside an entry");
    this.entry = {};
    this.buffer = new Uint8Array(0);
    this.state = { kind: "name" };
    return last;
  }

  private addField(name: string, value: string, bytes: number): void {
    this.entryBytes += bytes;
    if (this.entryBytes > this.maxEntryBytes) {
      this.warnings.push(`an entry exceeds ${this.maxEntryBytes} bytes; dropped`);
      this.entry = {};
      this.state = { kind: "skip-entry" };
      return;
    }
    this.entry[name] = value;
  }
}

