/**
 * Tests only: writes a journal file per systemd's JOURNAL_FILE_FORMAT with the layouts Debian's tools cannot make
 * here (lz4 and xz payloads; systemd 252 compresses with zstd only). Hash tables are left empty (offset 0): the
 * reader reaches entries through the entry array and DATA objects by offset, never by hash.
 */

export type TestJournalEntry = { realtimeUsec: number; monotonicUsec: number; bootId: string; fields: Record<string, string> };
export type TestJournalOptions = {
  compact: boolean;
  /** Compresses a DATA payload; `flag` is the object flag (1 xz, 2 lz4, 4 zstd). Payloads under 64 bytes, or that do not shrink, stay plain. */
  compress?: { flag: number; incompatible: number; fn: (payload: Uint8Array) => Uint8Array | undefined };
};

const HEADER_SIZE = 272;

class Writer {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  ensure(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  u8(at: number, v: number) {
    this.bytes[at] = v;
  }
  u32(at: number, v: number) {
    new DataView(this.bytes.buffer).setUint32(at, v, true);
  }
  u64(at: number, v: number) {
    new DataView(this.bytes.buffer).setBigUint64(at, BigInt(v), true);
  }
  /** Appends an object of `size` bytes (8-aligned), returns its offset. */
  object(type: number, flags: number, size: number): number {
    const at = this.length;
    const aligned = size + ((8 - (size % 8)) % 8);
    this.ensure(aligned);
    this.bytes.fill(0, at, at + aligned);
    this.u8(at, type);
    this.u8(at + 1, flags);
    this.u64(at + 8, size);
    this.length += aligned;
    return at;
  }
}

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));

export function writeJournalForTests(entries: TestJournalEntry[], options: TestJournalOptions): Uint8Array {
  const w = new Writer();
  w.length = HEADER_SIZE;
  w.bytes.set(new TextEncoder().encode("LPKSHHRH"), 0);
  const dataOffsets = new Map<string, number>();
  const dataStart = options.compact ? 72 : 64;
  const dataObject = (field: string): number => {
    const known = dataOffsets.get(field);
    if (known !== undefined) return known;
    let payload: Uint8Array = new TextEncoder().encode(field);
    let flags = 0;
    // As journald does: a payload that does not shrink is stored plain.
    const compressed = options.compress && payload.length >= 64 ? options.compress.fn(payload) : undefined;
    if (compressed && compressed.length < payload.length) {
      payload = compressed;
      flags = options.compress!.flag;
    }
    const at = w.object(1, flags, dataStart + payload.length);
    w.bytes.set(payload, at + dataStart);
    dataOffsets.set(field, at);
    return at;
  };
  const entryOffsets: number[] = [];
  entries.forEach((e, seq) => {
    const items = Object.entries(e.fields).map(([k, v]) => dataObject(`${k}=${v}`));
    const itemSize = options.compact ? 4 : 16;
    const at = w.object(3, 0, 64 + items.length * itemSize);
    w.u64(at + 16, seq + 1);
    w.u64(at + 24, e.realtimeUsec);
    w.u64(at + 32, e.monotonicUsec);
    w.bytes.set(hexBytes(e.bootId), at + 40);
    items.forEach((off, i) => (options.compact ? w.u32(at + 64 + i * 4, off) : w.u64(at + 64 + i * 16, off)));
    entryOffsets.push(at);
  });
  const itemSize = options.compact ? 4 : 8;
  const array = w.object(6, 0, 24 + entryOffsets.length * itemSize);
  entryOffsets.forEach((off, i) => (options.compact ? w.u32(array + 24 + i * 4, off) : w.u64(array + 24 + i * 8, off)));
  const incompatible = (options.compact ? 16 : 0) | (options.compress?.incompatible ?? 0);
  w.u32(12, incompatible);
  w.u64(88, HEADER_SIZE);
  w.u64(96, w.length - HEADER_SIZE);
  w.u64(136, array);
  w.u64(152, entries.length);
  w.u64(176, array);
  return w.bytes.slice(0, w.length);
}

/** Export-format text (`KEY=value` lines, blank line between entries) → entries, for tests that reuse fixtures. */
export function parseJournalExport(text: string): TestJournalEntry[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split("\n")) {
        const eq = line.indexOf("=");
        if (eq > 0) fields[line.slice(0, eq)] = line.slice(eq + 1);
      }
      const { __REALTIME_TIMESTAMP, __MONOTONIC_TIMESTAMP, _BOOT_ID, ...rest } = fields;
      return { realtimeUsec: Number(__REALTIME_TIMESTAMP), monotonicUsec: Number(__MONOTONIC_TIMESTAMP), bootId: _BOOT_ID, fields: rest };
    });
}
