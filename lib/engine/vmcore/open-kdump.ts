/**
 * kdump-compressed dumps ("diskdump": makedumpfile -c/-l/-p/-z, QEMU kdump-*), possibly in several `--split` parts.
 * Layout (makedumpfile diskdump_mod.h / IMPLEMENTATION): block 0 `disk_dump_header`, block 1 `kdump_sub_header`,
 * then `bitmap_blocks` blocks of bitmaps (first half: page exists, second half: page dumped), then one 24-byte
 * `page_desc` per dumped page in pfn order, then the page data. Only headers and bitmaps are read up front; a page's
 * descriptor is found by counting the set bits before it (prefix sums per 512 pfns).
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { cString, i32, i64n, u32, u64, u64n } from "./bytes";
import { compressionName, decompressPage } from "./decompress-page";
import { isKdumpCompressed } from "./detect-vmcore";
import { readExactly, type MissingPage, type PhysicalMemory } from "./physical-memory";
import { VmcoreError } from "./vmcore-error";
import { describeClaimedSize } from "../format-byte-size";

/** `status` bit: makedumpfile ran out of space or was interrupted; pages after the cut are absent. */
const DUMP_DH_COMPRESSED_INCOMPLETE = 0x8;
const PAGE_DESC_SIZE = 24;
const UTS_FIELD = 65;
const RANK_BYTES = 64;
/** The bitmap of a 64 TiB machine with 4 KiB pages; more is a corrupt header, not a machine. */
const MAX_BITMAP_BYTES = 2 ** 31;
/** Descriptor blocks kept in memory. */
const DESC_CACHE_BLOCKS = 64;

export type KdumpHeader = {
  headerVersion: number;
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  /** seconds since the epoch */
  timestamp: number;
  status: number;
  blockSize: number;
  subHdrSize: number;
  bitmapBlocks: number;
  maxMapnr: number;
  nrCpus: number;
  physBase: bigint;
  dumpLevel: number;
  split: boolean;
  startPfn: number;
  endPfn: number;
  vmcoreinfo?: { offset: number; size: number };
  notes?: { offset: number; size: number };
};

type KdumpPart = {
  source: RandomAccessSource;
  header: KdumpHeader;
  /** Second bitmap: page is in the dump. */
  dumped: Uint8Array;
  /** Set bits of `dumped` before byte k*RANK_BYTES. */
  rank: Uint32Array;
  descOffset: number;
  /** Descriptors of a split part start at its first pfn: set bits before it belong to other parts. */
  firstDescIndex: number;
  /** Bitmap bytes actually present (a truncated bitmap leaves later pfns unknown). */
  firstBitmapOffset: number;
  descCache: Map<number, Uint8Array>;
};

export type KdumpDump = {
  memory: PhysicalMemory;
  header: KdumpHeader;
  parts: number;
  vmcoreinfo?: string;
  notes?: Uint8Array;
  compressions: Set<string>;
};

const POPCOUNT = new Uint8Array(256).map((_, i) => {
  let c = 0;
  for (let v = i; v; v >>= 1) c += v & 1;
  return c;
});

/** The `disk_dump_header` and `kdump_sub_header` fields this reader uses (throws VmcoreError when unreadable). */
export async function readKdumpHeader(source: RandomAccessSource): Promise<KdumpHeader> {
  const h = await readExactly(source, 0, 464);
  if (!h || !isKdumpCompressed(h)) throw new VmcoreError(`${source.name}: not a kdump-compressed file (no "KDUMP   " signature) or header truncated`);
  const headerVersion = i32(h, 8);
  const blockSize = i32(h, 428);
  if (blockSize < 1024 || blockSize > 1 << 20 || (blockSize & (blockSize - 1)) !== 0) {
    throw new VmcoreError(`${source.name}: kdump header block_size ${blockSize} is not a page size`);
  }
  const subHdrSize = i32(h, 432);
  const bitmapBlocks = u32(h, 436);
  if (subHdrSize < 0 || subHdrSize > 1 << 20) throw new VmcoreError(`${source.name}: kdump sub_hdr_size ${subHdrSize} is out of range`);
  const uts = (i: number) => cString(h, 12 + i * UTS_FIELD, UTS_FIELD);
  const header: KdumpHeader = {
    headerVersion,
    sysname: uts(0),
    nodename: uts(1),
    release: uts(2),
    version: uts(3),
    machine: uts(4),
    timestamp: i64n(h, 408),
    status: u32(h, 424),
    blockSize,
    subHdrSize,
    bitmapBlocks,
    maxMapnr: u32(h, 440),
    nrCpus: i32(h, 460),
    physBase: 0n,
    dumpLevel: 0,
    split: false,
    startPfn: 0,
    endPfn: 0,
  };
  if (subHdrSize > 0) {
    const sub = await readExactly(source, blockSize, 104);
    if (!sub) throw new VmcoreError(`${source.name}: truncated: kdump sub-header at ${blockSize} is beyond the end of the file (${source.size} bytes)`);
    header.physBase = u64(sub, 0);
    header.dumpLevel = i32(sub, 8);
    header.split = i32(sub, 12) !== 0;
    header.startPfn = u64n(sub, 16);
    header.endPfn = u64n(sub, 24);
    if (headerVersion >= 3) header.vmcoreinfo = { offset: u64n(sub, 32), size: u64n(sub, 40) };
    if (headerVersion >= 4) header.notes = { offset: u64n(sub, 48), size: u64n(sub, 56) };
    if (headerVersion >= 6) {
      header.startPfn = u64n(sub, 80);
      header.endPfn = u64n(sub, 88);
      header.maxMapnr = u64n(sub, 96);
    }
  }
  return header;
}

async function openPart(source: RandomAccessSource, warnings: string[]): Promise<KdumpPart> {
  const header = await readKdumpHeader(source);
  const { blockSize, bitmapBlocks } = header;
  const bitmapOffset = (1 + header.subHdrSize) * blockSize;
  const bitmapBytes = bitmapBlocks * blockSize;
  if (bitmapBytes === 0 || bitmapBytes > MAX_BITMAP_BYTES) {
    throw new VmcoreError(`${source.name}: bitmap out of range: ${bitmapBlocks} bitmap blocks`);
  }
  const half = bitmapBytes / 2;
  if (!Number.isFinite(header.maxMapnr) || header.maxMapnr > half * 8) {
    warnings.push(`${source.name}: bitmap out of range: max_mapnr ${header.maxMapnr} needs ${Math.ceil(header.maxMapnr / 8)} bitmap bytes, the header gives ${half}; pages past pfn ${half * 8} are not in the dump`);
    header.maxMapnr = half * 8;
  }
  if (bitmapOffset + bitmapBytes > source.size) {
    throw new VmcoreError(`${source.name}: bitmap out of range: the bitmaps (${bitmapBytes} bytes at ${bitmapOffset}) run past the end of the file (${source.size} bytes): truncated`);
  }
  const dumped = await source.read(bitmapOffset + half, half);
  const rank = new Uint32Array(Math.ceil(half / RANK_BYTES) + 1);
  let count = 0;
  for (let k = 0; k < half; k++) {
    if (k % RANK_BYTES === 0) rank[k / RANK_BYTES] = count;
    count += POPCOUNT[dumped[k]];
  }
  rank[rank.length - 1] = count;
  const descOffset = bitmapOffset + bitmapBytes;
  if (descOffset + count * PAGE_DESC_SIZE > source.size) {
    const fit = Math.max(0, Math.floor((source.size - descOffset) / PAGE_DESC_SIZE));
    warnings.push(`${source.name}: truncated: ${count} page descriptors expected, only ${fit} fit in the file; later pages are missing`);
  }
  if (header.status & DUMP_DH_COMPRESSED_INCOMPLETE) {
    warnings.push(`${source.name}: the dump is marked incomplete (makedumpfile was cut short while writing it); pages it did not write are missing`);
  }
  const part: KdumpPart = { source, header, dumped, rank, descOffset, firstDescIndex: 0, firstBitmapOffset: bitmapOffset, descCache: new Map() };
  if (header.split && header.startPfn < header.maxMapnr) part.firstDescIndex = dumpedIndex(part, header.startPfn);
  return part;
}

function dumpedIndex(part: KdumpPart, pfn: number): number {
  const byte = pfn >> 3;
  const block = Math.floor(byte / RANK_BYTES);
  let idx = part.rank[block];
  for (let k = block * RANK_BYTES; k < byte; k++) idx += POPCOUNT[part.dumped[k]];
  return idx + POPCOUNT[part.dumped[byte] & ((1 << (pfn & 7)) - 1)];
}

async function readDescriptor(part: KdumpPart, index: number): Promise<Uint8Array | undefined> {
  const perBlock = Math.floor(part.header.blockSize / PAGE_DESC_SIZE);
  const block = Math.floor(index / perBlock);
  let bytes = part.descCache.get(block);
  if (!bytes) {
    bytes = await part.source.read(part.descOffset + block * perBlock * PAGE_DESC_SIZE, perBlock * PAGE_DESC_SIZE);
    if (part.descCache.size >= DESC_CACHE_BLOCKS) part.descCache.delete(part.descCache.keys().next().value as number);
    part.descCache.set(block, bytes);
  }
  const o = (index - block * perBlock) * PAGE_DESC_SIZE;
  return o + PAGE_DESC_SIZE <= bytes.length ? bytes.subarray(o, o + PAGE_DESC_SIZE) : undefined;
}

export async function openKdump(sources: RandomAccessSource[], warnings: string[]): Promise<KdumpDump> {
  const parts: KdumpPart[] = [];
  for (const s of sources) parts.push(await openPart(s, warnings));
  const first = parts[0].header;
  for (const p of parts.slice(1)) {
    if (p.header.release !== first.release || p.header.timestamp !== first.timestamp || !p.header.split) {
      throw new VmcoreError(`${p.source.name}: not a part of the same split dump as ${parts[0].source.name} (release, crash time or split flag differ)`);
    }
  }
  if (parts.length > 1) parts.sort((a, b) => a.header.startPfn - b.header.startPfn);
  if (parts.length === 1 && first.split) {
    warnings.push(`${parts[0].source.name}: this is one part of a split dump (pfns ${first.startPfn}–${first.endPfn}); give all parts together for the rest of memory`);
  }
  const pageSize = first.blockSize;
  const compressions = new Set<string>();
  const partFor = (pfn: number) => {
    if (parts.length === 1 && !parts[0].header.split) return parts[0];
    return parts.find((p) => pfn >= p.header.startPfn && pfn < p.header.endPfn);
  };
  const memory: PhysicalMemory = {
    pageSize,
    async readPage(pfn: number): Promise<Uint8Array | MissingPage> {
      const part = partFor(pfn);
      if (!part) return { missing: "no part of the split dump covers it (give all parts together)" };
      const name = part.source.name;
      if (pfn >= part.header.maxMapnr) return { missing: `bitmap out of range: pfn beyond max_mapnr ${part.header.maxMapnr}` };
      if (!(part.dumped[pfn >> 3] & (1 << (pfn & 7)))) {
        const b = await part.source.read(part.firstBitmapOffset + (pfn >> 3), 1);
        const exists = b.length === 1 && b[0] & (1 << (pfn & 7));
        return { missing: exists ? `excluded from the dump (dump level ${part.header.dumpLevel})` : "not in the dump's memory map (a hole)" };
      }
      const desc = await readDescriptor(part, dumpedIndex(part, pfn) - part.firstDescIndex);
      if (!desc) return { missing: `its page descriptor lies past the end of ${name} (truncated)` };
      const offset = i64n(desc, 0);
      const size = u32(desc, 8);
      const flags = u32(desc, 12);
      if (size > pageSize || (flags === 0 && size !== pageSize)) {
        return { missing: `page descriptor says ${size} bytes (${compressionName(flags)}) for a ${pageSize}-byte page (compressed size lies)` };
      }
      if (!Number.isFinite(offset) || offset < 0 || offset + size > part.source.size) {
        return { missing: `page descriptor beyond EOF: ${size} bytes at offset ${offset}, ${name} has ${part.source.size} (truncated file or corrupt descriptor)` };
      }
      const data = await part.source.read(offset, size);
      compressions.add(compressionName(flags));
      const page = decompressPage(data, flags, pageSize);
      return typeof page === "string" ? { missing: page } : page;
    },
  };
  const h = parts[0];
  let vmcoreinfo: string | undefined;
  if (first.vmcoreinfo && first.vmcoreinfo.size > 0) {
    const b = first.vmcoreinfo.size <= 1 << 20 ? await readExactly(h.source, first.vmcoreinfo.offset, first.vmcoreinfo.size) : undefined;
    if (b) vmcoreinfo = new TextDecoder("latin1").decode(b);
    else warnings.push(`${h.source.name}: VMCOREINFO (${describeClaimedSize(first.vmcoreinfo.size)} at ${first.vmcoreinfo.offset}) is beyond the end of the file or implausibly large`);
  }
  let notes: Uint8Array | undefined;
  if (first.notes && first.notes.size > 0) {
    notes = first.notes.size <= 64 << 20 ? await readExactly(h.source, first.notes.offset, first.notes.size) : undefined;
    if (!notes) warnings.push(`${h.source.name}: ELF notes (${describeClaimedSize(first.notes.size)} at ${first.notes.offset}) are beyond the end of the file or implausibly large`);
  }
  return { memory, header: first, parts: parts.length, vmcoreinfo, notes, compressions };
}
