/**
 * Reads a binary systemd journal file (`*.journal`, `*.journal~`) per systemd's JOURNAL_FILE_FORMAT: the header,
 * the global entry-array chain, ENTRY objects and the DATA objects they point to, with xz, lz4 and zstd compressed
 * payloads, the compact layout (32-bit offsets, v252+) and keyed hashes (which only matter for hash lookups, so
 * they are accepted and ignored: entries are reached by offset). A file copied while journald was writing it is
 * cut: entries past the last readable entry array are recovered by walking the objects in file order.
 * Nothing here throws on bad data past the header: problems become `warnings` and reading stops or skips.
 */
import { Decompress as ZstdDecompress } from "fzstd";
import { decompressBlock as lz4DecompressBlock } from "lz4js";
import { XzReadableStream } from "../sources/xz-stream";
import { JournalFormatError } from "./journal-format-error";
import { describeClaimedSize } from "../../format-byte-size";

export const JOURNAL_SIGNATURE = "LPKSHHRH";

const INCOMPATIBLE_COMPRESSED_XZ = 1;
const INCOMPATIBLE_COMPRESSED_LZ4 = 2;
const INCOMPATIBLE_KEYED_HASH = 4;
const INCOMPATIBLE_COMPRESSED_ZSTD = 8;
const INCOMPATIBLE_COMPACT = 16;
const KNOWN_INCOMPATIBLE = 31;

const OBJECT_DATA = 1;
const OBJECT_ENTRY = 3;
const OBJECT_ENTRY_ARRAY = 6;
const OBJECT_COMPRESSED_XZ = 1;
const OBJECT_COMPRESSED_LZ4 = 2;
const OBJECT_COMPRESSED_ZSTD = 4;

const OBJECT_HEADER_SIZE = 16;
/** The header up to tail_entry_monotonic: every journal since systemd 38 has at least this. */
const MIN_HEADER_SIZE = 208;
/** A field value larger than this (decompressed) is cut: MESSAGE of a core dump can be megabytes. */
const MAX_FIELD_BYTES = 64 * 1024;
/** Items followed in one entry (a real entry has a few dozen). */
const MAX_ENTRY_ITEMS = 4096;

export { JournalFormatError };

export type JournalHeader = {
  compatibleFlags: number;
  incompatibleFlags: number;
  state: number;
  machineId: string;
  headerSize: number;
  arenaSize: number;
  nEntries: number;
  entryArrayOffset: number;
  compact: boolean;
  keyedHash: boolean;
  compression: string[];
};

export type JournalEntry = {
  seqnum: number;
  /** Microseconds since the epoch (CLOCK_REALTIME when journald wrote it). */
  realtimeUsec: number;
  /** Microseconds since boot (CLOCK_MONOTONIC). */
  monotonicUsec: number;
  bootId: string;
  /** Only the fields asked for, decoded as UTF-8 (invalid bytes become U+FFFD). */
  fields: Map<string, string>;
};

export type JournalReadOptions = {
  /** Field names to decode; other DATA objects are skipped without decompressing when their name is visible. */
  wantedFields: ReadonlySet<string>;
};

const le32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const le64 = (b: Uint8Array, o: number) => le32(b, o) + le32(b, o + 4) * 2 ** 32;
const hex = (b: Uint8Array, from: number, to: number) => Array.from(b.subarray(from, to), (x) => x.toString(16).padStart(2, "0")).join("");
const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Parses and checks the header; throws JournalFormatError when the file is not a journal we can read. */
export function readJournalHeader(bytes: Uint8Array): JournalHeader {
  if (bytes.length < MIN_HEADER_SIZE) throw new JournalFormatError(`too short for a journal header (${bytes.length} bytes)`);
  for (let i = 0; i < 8; i++)
    if (bytes[i] !== JOURNAL_SIGNATURE.charCodeAt(i)) throw new JournalFormatError("no LPKSHHRH signature: not a systemd journal file");
  const incompatibleFlags = le32(bytes, 12);
  if (incompatibleFlags & ~KNOWN_INCOMPATIBLE)
    throw new JournalFormatError(`unknown incompatible flags 0x${incompatibleFlags.toString(16)}: written by a newer systemd than this reader knows`);
  const headerSize = le64(bytes, 88);
  if (headerSize < MIN_HEADER_SIZE || headerSize > bytes.length) throw new JournalFormatError(`header size ${headerSize} out of range`);
  const compression: string[] = [];
  if (incompatibleFlags & INCOMPATIBLE_COMPRESSED_XZ) compression.push("xz");
  if (incompatibleFlags & INCOMPATIBLE_COMPRESSED_LZ4) compression.push("lz4");
  if (incompatibleFlags & INCOMPATIBLE_COMPRESSED_ZSTD) compression.push("zstd");
  return {
    compatibleFlags: le32(bytes, 8),
    incompatibleFlags,
    state: bytes[16],
    machineId: hex(bytes, 40, 56),
    headerSize,
    arenaSize: le64(bytes, 96),
    nEntries: le64(bytes, 152),
    entryArrayOffset: le64(bytes, 176),
    compact: (incompatibleFlags & INCOMPATIBLE_COMPACT) !== 0,
    keyedHash: (incompatibleFlags & INCOMPATIBLE_KEYED_HASH) !== 0,
    compression,
  };
}

async function xzDecompress(data: Uint8Array): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const reader = new XzReadableStream(input).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    parts.push(r.value);
    total += r.value.length;
    if (total > MAX_FIELD_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.subarray(0, Math.min(total, MAX_FIELD_BYTES));
}

function zstdDecompress(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const d = new ZstdDecompress((chunk) => {
    if (total < MAX_FIELD_BYTES) parts.push(chunk);
    total += chunk.length;
  });
  d.push(data, true);
  const out = new Uint8Array(Math.min(total, MAX_FIELD_BYTES));
  let at = 0;
  for (const p of parts) {
    const take = Math.min(p.length, out.length - at);
    out.set(p.subarray(0, take), at);
    at += take;
  }
  return out;
}

/** systemd's LZ4 payloads are the decompressed size (le64) followed by one raw LZ4 block. */
function lz4Decompress(data: Uint8Array): Uint8Array {
  if (data.length < 8) throw new Error("lz4 payload shorter than its size prefix");
  const size = le64(data, 0);
  if (size > 64 * 1024 ** 2) throw new Error(`lz4 payload claims ${describeClaimedSize(size)}`);
  const out = new Uint8Array(size);
  const end = lz4DecompressBlock(data, out, 8, data.length - 8, 0);
  return out.subarray(0, Math.min(end, MAX_FIELD_BYTES));
}

type ObjectRef = { type: number; flags: number; size: number };

/**
 * Reads entries in order. `onEntry` receives each entry; `warnings` collects what could not be read.
 * Throws JournalFormatError only for a bad header.
 */
export async function readJournal(
  bytes: Uint8Array,
  options: JournalReadOptions,
  onEntry: (entry: JournalEntry) => void,
): Promise<{ header: JournalHeader; entriesRead: number; warnings: string[] }> {
  const header = readJournalHeader(bytes);
  const warnings: string[] = [];
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(message);
  };
  const fileEnd = bytes.length;
  const objectAt = (offset: number, expected: number): ObjectRef | undefined => {
    if (offset < header.headerSize || offset % 8 !== 0 || offset + OBJECT_HEADER_SIZE > fileEnd) return undefined;
    const size = le64(bytes, offset + 8);
    if (bytes[offset] !== expected || size < OBJECT_HEADER_SIZE || offset + size > fileEnd) return undefined;
    return { type: bytes[offset], flags: bytes[offset + 1], size };
  };

  const dataPayloadStart = header.compact ? 72 : 64;
  const fieldCache = new Map<number, [string, string] | null>();
  type Field = [string, string] | null;
  const fieldOf = (payload: Uint8Array): Field => {
    // The field name is visible before the value: unwanted fields cost no decoding.
    const eq = payload.indexOf(61);
    const name = eq > 0 ? utf8.decode(payload.subarray(0, eq)) : "";
    return options.wantedFields.has(name) ? [name, utf8.decode(payload.subarray(eq + 1, Math.min(payload.length, eq + 1 + MAX_FIELD_BYTES)))] : null;
  };
  const remember = (offset: number, result: Field): Field => {
    // Cache only what is shared by many entries in practice (small fields: _BOOT_ID, _HOSTNAME, unit names).
    if (fieldCache.size < 200_000 && (result === null || result[1].length < 256)) fieldCache.set(offset, result);
    return result;
  };
  /** Synchronous except for xz payloads (the WebAssembly decoder is a stream): most entries never wait. */
  const readData = (offset: number): Field | Promise<Field> => {
    const cached = fieldCache.get(offset);
    if (cached !== undefined) return cached;
    const obj = objectAt(offset, OBJECT_DATA);
    if (!obj || obj.size < dataPayloadStart) {
      warnOnce("data", `a DATA object at ${offset} is damaged or beyond the end; its field is missing`);
      return remember(offset, null);
    }
    const payload = bytes.subarray(offset + dataPayloadStart, offset + obj.size);
    const compressed = obj.flags & (OBJECT_COMPRESSED_XZ | OBJECT_COMPRESSED_LZ4 | OBJECT_COMPRESSED_ZSTD);
    const failed = (e: unknown): Field => {
      warnOnce(`compressed-${compressed}`, `a compressed DATA object at ${offset} could not be decompressed (${(e as Error).message}); its field is missing`);
      return remember(offset, null);
    };
    if (!compressed) return remember(offset, fieldOf(payload));
    if (compressed & OBJECT_COMPRESSED_XZ)
      return xzDecompress(payload).then((out) => remember(offset, fieldOf(out)), failed);
    try {
      return remember(offset, fieldOf(compressed & OBJECT_COMPRESSED_LZ4 ? lz4Decompress(payload) : zstdDecompress(payload)));
    } catch (e) {
      // Corrupt compressed payloads are expected in crashed journals: `failed` records a warning and drops the field.
      return failed(e);
    }
  };

  let entriesRead = 0;
  let lastSeqnum = -1;
  let lastEntryOffset = 0;
  const seenEntries = new Set<number>();
  const readEntry = async (offset: number): Promise<boolean> => {
    const obj = objectAt(offset, OBJECT_ENTRY);
    if (!obj || obj.size < 64) return false;
    const itemSize = header.compact ? 4 : 16;
    const nItems = Math.min(Math.floor((obj.size - 64) / itemSize), MAX_ENTRY_ITEMS);
    const fields = new Map<string, string>();
    for (let i = 0; i < nItems; i++) {
      const at = offset + 64 + i * itemSize;
      const dataOffset = header.compact ? le32(bytes, at) : le64(bytes, at);
      if (dataOffset === 0) continue;
      const read = readData(dataOffset);
      const field = read instanceof Promise ? await read : read;
      if (field && !fields.has(field[0])) fields.set(field[0], field[1]);
    }
    seenEntries.add(offset);
    const seqnum = le64(bytes, offset + 16);
    lastSeqnum = Math.max(lastSeqnum, seqnum);
    lastEntryOffset = Math.max(lastEntryOffset, offset);
    entriesRead++;
    onEntry({
      seqnum,
      realtimeUsec: le64(bytes, offset + 24),
      monotonicUsec: le64(bytes, offset + 32),
      bootId: hex(bytes, offset + 40, offset + 56),
      fields,
    });
    return true;
  };

  // The global entry-array chain: every entry in order. Arrays fill up in order; a 0 item ends the used part.
  const visitedArrays = new Set<number>();
  let arrayOffset = header.entryArrayOffset;
  let cut = false;
  chain: while (arrayOffset !== 0 && entriesRead < header.nEntries) {
    if (visitedArrays.has(arrayOffset)) {
      warnings.push(`the entry-array chain loops back to ${arrayOffset}; stopped there`);
      break;
    }
    visitedArrays.add(arrayOffset);
    const arr = objectAt(arrayOffset, OBJECT_ENTRY_ARRAY);
    if (!arr || arr.size < 24) {
      cut = true;
      warnings.push(
        arrayOffset >= fileEnd
          ? `the file is cut at ${fileEnd} bytes: the entry array at ${arrayOffset} is missing (the journal was copied while being written)`
          : `the entry array at ${arrayOffset} is damaged`,
      );
      break;
    }
    const itemSize = header.compact ? 4 : 8;
    const nItems = Math.floor((arr.size - 24) / itemSize);
    for (let i = 0; i < nItems; i++) {
      const at = arrayOffset + 24 + i * itemSize;
      const entryOffset = header.compact ? le32(bytes, at) : le64(bytes, at);
      if (entryOffset === 0) break chain;
      if (seenEntries.has(entryOffset)) continue;
      if (!(await readEntry(entryOffset))) {
        cut = true;
        warnings.push(`the entry at ${entryOffset} is damaged or beyond the end of the file (${fileEnd} bytes); stopped there`);
        break chain;
      }
    }
    arrayOffset = le64(bytes, arrayOffset + 16);
  }

  // Entries written after the last readable array (a cut file): walk the objects in file order past the last one.
  if (cut || entriesRead < header.nEntries) {
    const before = entriesRead;
    let offset = Math.max(header.headerSize + ((8 - (header.headerSize % 8)) % 8), lastEntryOffset);
    while (offset + OBJECT_HEADER_SIZE <= fileEnd) {
      const size = le64(bytes, offset + 8);
      if (size < OBJECT_HEADER_SIZE || offset + size > fileEnd) break;
      if (bytes[offset] === OBJECT_ENTRY && !seenEntries.has(offset) && le64(bytes, offset + 16) > lastSeqnum) await readEntry(offset);
      offset += size + ((8 - (size % 8)) % 8);
    }
    if (entriesRead > before) warnings.push(`${entriesRead - before} entries past the last readable entry array were recovered in file order`);
    if (entriesRead < header.nEntries)
      warnings.push(`read ${entriesRead} of the ${header.nEntries} entries the header counts; the rest are missing`);
  }
  return { header, entriesRead, warnings };
}
