/**
 * Builds crash dumps from the documented layouts, for tests and benchmarks of paths no real fixture covers
 * (snappy/zstd pages, legacy printk, 5-level paging, split dumps, malformed headers). Nothing here reads a real
 * dump: memory images are assembled page by page, then written out as ELF, kdump-compressed or flattened.
 * A dump is a sparse list of writes, so a 4 GiB dump costs only the pages that hold something.
 */
const PAGE = 4096;
export const START_KERNEL_MAP = 0xffffffff80000000n;

export type SparseFile = { size: number; writes: Array<{ offset: number; bytes: Uint8Array }> };

export function sparseToBytes(f: SparseFile): Uint8Array {
  const out = new Uint8Array(f.size);
  for (const w of f.writes) out.set(w.bytes.subarray(0, Math.max(0, Math.min(w.bytes.length, f.size - w.offset))), w.offset);
  return out;
}

class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(o: number, v: number) {
    this.bytes[o] = v;
  }
  u16(o: number, v: number) {
    this.view.setUint16(o, v, true);
  }
  u32(o: number, v: number) {
    this.view.setUint32(o, v >>> 0, true);
  }
  i32(o: number, v: number) {
    this.view.setInt32(o, v, true);
  }
  u64(o: number, v: bigint | number) {
    this.view.setBigUint64(o, BigInt.asUintN(64, BigInt(v)), true);
  }
  str(o: number, s: string) {
    for (let i = 0; i < s.length; i++) this.bytes[o + i] = s.charCodeAt(i);
  }
}

/** Physical memory of the synthetic machine, page by page. */
export class PhysImage {
  readonly pages = new Map<number, Uint8Array>();
  private nextFree: number;
  constructor(firstFreePfn = 0x4000) {
    this.nextFree = firstFreePfn;
  }
  page(pfn: number): Uint8Array {
    let p = this.pages.get(pfn);
    if (!p) this.pages.set(pfn, (p = new Uint8Array(PAGE)));
    return p;
  }
  write(pa: number, bytes: Uint8Array) {
    for (let done = 0; done < bytes.length; ) {
      const at = pa + done;
      const inPage = at % PAGE;
      const n = Math.min(PAGE - inPage, bytes.length - done);
      this.page(Math.floor(at / PAGE)).set(bytes.subarray(done, done + n), inPage);
      done += n;
    }
  }
  writeU64(pa: number, v: bigint) {
    const w = new Writer(8);
    w.u64(0, v);
    this.write(pa, w.bytes);
  }
  /** A fresh zeroed page (page tables). */
  allocPage(): number {
    const pfn = this.nextFree++;
    this.page(pfn);
    return pfn * PAGE;
  }
}

/** x86_64 kernel page tables: 4 or 5 levels, 4 KiB, 2 MiB and 1 GiB mappings, optional SME bit in every entry. */
export class PageTables {
  constructor(
    private readonly img: PhysImage,
    readonly topPa: number,
    private readonly fiveLevel: boolean,
    private readonly smeMask = 0n,
  ) {}
  private entry(tablePa: number, index: number): bigint {
    const p = this.img.page(tablePa / PAGE);
    return new DataView(p.buffer, p.byteOffset).getBigUint64(index * 8, true);
  }
  map(va: bigint, pa: number, size: 4096 | 0x200000 | 0x40000000) {
    const shifts = this.fiveLevel ? [48n, 39n, 30n, 21n, 12n] : [39n, 30n, 21n, 12n];
    const leafShift = size === PAGE ? 12n : size === 0x200000 ? 21n : 30n;
    let table = this.topPa;
    for (const shift of shifts) {
      const index = Number((va >> shift) & 0x1ffn);
      if (shift === leafShift) {
        const ps = shift === 12n ? 0n : 1n << 7n;
        this.img.writeU64(table + index * 8, BigInt(pa) | this.smeMask | ps | 0x63n);
        return;
      }
      let e = this.entry(table, index);
      if (!(e & 1n)) {
        const next = this.img.allocPage();
        e = BigInt(next) | this.smeMask | 0x67n;
        this.img.writeU64(table + index * 8, e);
      }
      table = Number(e & 0x000ffffffffff000n & ~this.smeMask);
    }
  }
  /** Point an entry of the top table at the top table itself (a corrupt, cyclic hierarchy). */
  makeCycle(va: bigint) {
    const shift = this.fiveLevel ? 48n : 39n;
    this.img.writeU64(this.topPa + Number((va >> shift) & 0x1ffn) * 8, BigInt(this.topPa) | 0x67n);
  }
}

export type LogRecord = { tsNsec: bigint; text: string; state?: "committed" | "finalized" | "reserved" | "reusable" };

/** VMCOREINFO of the layout below; offsets as Linux 6.1 x86_64 prints them (the real fixture's values). */
export function locklessVmcoreinfo(sym: { prb: bigint; topPgt: bigint }, extra = ""): string {
  return [
    "OSRELEASE=6.1.0-synthetic",
    "PAGESIZE=4096",
    `SYMBOL(prb)=${sym.prb.toString(16)}`,
    "SIZE(printk_ringbuffer)=88",
    "OFFSET(printk_ringbuffer.desc_ring)=0",
    "OFFSET(printk_ringbuffer.text_data_ring)=48",
    "OFFSET(printk_ringbuffer.fail)=80",
    "OFFSET(prb_desc_ring.count_bits)=0",
    "OFFSET(prb_desc_ring.descs)=8",
    "OFFSET(prb_desc_ring.infos)=16",
    "OFFSET(prb_desc_ring.head_id)=24",
    "OFFSET(prb_desc_ring.tail_id)=32",
    "SIZE(prb_desc)=24",
    "OFFSET(prb_desc.state_var)=0",
    "OFFSET(prb_desc.text_blk_lpos)=8",
    "OFFSET(prb_data_blk_lpos.begin)=0",
    "OFFSET(prb_data_blk_lpos.next)=8",
    "SIZE(printk_info)=88",
    "OFFSET(printk_info.seq)=0",
    "OFFSET(printk_info.ts_nsec)=8",
    "OFFSET(printk_info.text_len)=16",
    "OFFSET(printk_info.caller_id)=20",
    "OFFSET(prb_data_ring.size_bits)=0",
    "OFFSET(prb_data_ring.data)=8",
    "SIZE(atomic_long_t)=8",
    "OFFSET(atomic_long_t.counter)=0",
    "NUMBER(phys_base)=0",
    `SYMBOL(init_top_pgt)=${sym.topPgt.toString(16)}`,
    "KERNELOFFSET=0",
    "NUMBER(KERNEL_IMAGE_SIZE)=1073741824",
    extra,
  ].join("\n");
}

const STATE = { reserved: 0n, committed: 1n, finalized: 2n, reusable: 3n };

/** The three areas of a lockless ring (descs, infos, text data) as the kernel fills them, wrapping included. */
export function buildLocklessRing(records: LogRecord[], countBits: number, sizeBits: number, firstLpos = 0) {
  const count = 1 << countBits;
  const size = 1 << sizeBits;
  const descs = new Writer(count * 24);
  const infos = new Writer(count * 88);
  const data = new Writer(size);
  // 64-bit kernels start ids at 2^32 − count − 1 (DESC0_ID is computed in 32 bits).
  const firstId = 2n ** 32n - BigInt(count) - 1n;
  let lpos = firstLpos;
  records.forEach((r, i) => {
    const id = firstId + BigInt(i);
    const slot = Number(id % BigInt(count));
    const text = new TextEncoder().encode(r.text);
    const blk = (8 + text.length + 7) & ~7;
    const begin = lpos; // a wrapped block's begin stays in the previous lap: readers see begin > next
    let at = lpos % size;
    if (at + blk > size) {
      at = 0;
      lpos = lpos - (lpos % size) + size;
    }
    const next = lpos + blk;
    data.u64(at, id);
    data.bytes.set(text, at + 8);
    lpos = next;
    descs.u64(slot * 24, (STATE[r.state ?? "finalized"] << 62n) | id);
    descs.u64(slot * 24 + 8, BigInt(begin));
    descs.u64(slot * 24 + 16, BigInt(next));
    infos.u64(slot * 88, BigInt(i));
    infos.u64(slot * 88 + 8, r.tsNsec);
    infos.u16(slot * 88 + 16, text.length);
  });
  return {
    descs: descs.bytes,
    infos: infos.bytes,
    data: data.bytes,
    headId: firstId + BigInt(records.length - 1),
    tailId: firstId,
  };
}

export type SyntheticMachine = { image: PhysImage; vmcoreinfo: string; tables: PageTables };

/** A memblock-style log buffer: mapped page by page in the direct map (only a page walk reaches it). */
function placeLogBuffer(m: { image: PhysImage; tables: PageTables }, va: bigint, pa: number, bytes: Uint8Array) {
  for (let off = 0; off < bytes.length; off += PAGE) m.tables.map(va + BigInt(off), pa + off, 4096);
  m.image.write(pa, bytes);
}

/** The printk variables (`log_buf` pointer first, then 32-bit scalars at the given offsets) in the kernel image. */
const LOG_VARS = 0xffffffff81f00000n;
function placeLogVariables(image: PhysImage, bufVa: bigint, scalars: Array<[offset: number, value: number]>) {
  const w = new Writer(32);
  w.u64(0, bufVa);
  for (const [o, v] of scalars) w.u32(o, v);
  image.write(Number(LOG_VARS - START_KERNEL_MAP), w.bytes);
  return (offset: number) => (LOG_VARS + BigInt(offset)).toString(16);
}

/** VMCOREINFO text: the release and page size, the given lines, then phys_base 0 and where init_top_pgt is. */
function vmcoreinfoOf(release: string, topPgtVa: bigint, lines: string[]): string {
  return [`OSRELEASE=${release}`, "PAGESIZE=4096", ...lines, "NUMBER(phys_base)=0", `SYMBOL(init_top_pgt)=${topPgtVa.toString(16)}`, ""].join("\n");
}

/** Empty memory with an empty `init_top_pgt` inside the kernel image (phys_base 0). */
function newMachine(fiveLevel: boolean, smeMask: bigint) {
  const image = new PhysImage();
  const topPgtVa = 0xffffffff82000000n;
  const topPa = Number(topPgtVa - START_KERNEL_MAP);
  image.page(topPa / PAGE);
  return { image, topPgtVa, tables: new PageTables(image, topPa, fiveLevel, smeMask) };
}

/**
 * A machine whose printk ring buffer lives outside the kernel image (as with `log_buf_len=`), so reaching it needs
 * the page-table walk: prb struct via 4 KiB pages, descriptors and infos via a 2 MiB page, text via a 1 GiB page.
 */
export function buildLocklessMachine(options: { records: LogRecord[]; fiveLevel?: boolean; smeMask?: bigint; countBits?: number; sizeBits?: number }): SyntheticMachine {
  const { image, tables, topPgtVa } = newMachine(options.fiveLevel ?? false, options.smeMask ?? 0n);
  const directMap = options.fiveLevel ? 0xff11000000000000n : 0xffff888000000000n;
  const prbVar = 0xffffffff81e00000n; // `struct printk_ringbuffer *prb` in the kernel image
  const rbVa = directMap + 0x3000000n;
  const rbPa = 0x3000000;
  tables.map(rbVa, rbPa, 4096);
  const ring = buildLocklessRing(options.records, options.countBits ?? 5, options.sizeBits ?? 12);
  const descsVa = 0xffffc90000200000n;
  const descsPa = 0x3200000;
  tables.map(descsVa, descsPa, 0x200000);
  const infosVa = descsVa + BigInt(ring.descs.length);
  const textVa = directMap + 0x40000000n;
  const textPa = 0x40000000;
  tables.map(textVa, textPa, 0x40000000);
  image.write(descsPa, ring.descs);
  image.write(descsPa + ring.descs.length, ring.infos);
  image.write(textPa, ring.data);
  const rb = new Writer(88);
  rb.u32(0, options.countBits ?? 5);
  rb.u64(8, descsVa);
  rb.u64(16, infosVa);
  rb.u64(24, ring.headId);
  rb.u64(32, ring.tailId);
  rb.u32(48, options.sizeBits ?? 12);
  rb.u64(56, textVa);
  image.write(rbPa, rb.bytes);
  image.writeU64(Number(prbVar - START_KERNEL_MAP), rbVa);
  const extra = [options.fiveLevel ? "NUMBER(pgtable_l5_enabled)=1" : "NUMBER(pgtable_l5_enabled)=0", `NUMBER(sme_mask)=${options.smeMask ?? 0n}`].join("\n");
  return { image, vmcoreinfo: locklessVmcoreinfo({ prb: prbVar, topPgt: topPgtVa }, extra), tables };
}

/**
 * Linux 3.11–5.9 `log_buf` of `struct printk_log` records (ts_nsec u64, len u16, text_len u16, dict_len u16,
 * facility u8, flags:5/level:3), the buffer allocated by memblock (direct map: page walk).
 * `wrapAt`: records from this index on are written from offset 0 after a `len == 0` marker.
 */
export function buildLegacyMachine(options: { records: LogRecord[]; bufLen?: number; wrapAt?: number; dict?: string }): SyntheticMachine {
  const { image, tables, topPgtVa } = newMachine(false, 0n);
  const bufLen = options.bufLen ?? 1 << 14;
  const bufVa = 0xffff888005000000n;
  const bufPa = 0x5000000;
  const buf = new Writer(bufLen);
  const dict = new TextEncoder().encode(options.dict ?? "");
  const wrapAt = options.wrapAt ?? options.records.length;
  // Records after the wrap go first in the buffer; the older ones sit after them, up to the marker.
  const lens = options.records.map((r) => (16 + new TextEncoder().encode(r.text).length + dict.length + 7) & ~7);
  const afterWrap = lens.slice(wrapAt).reduce((a, b) => a + b, 0);
  let idx = wrapAt < options.records.length ? afterWrap + 64 : 0;
  const firstIdx = idx;
  options.records.forEach((r, i) => {
    if (i === wrapAt) {
      buf.u16(idx + 8, 0);
      idx = 0;
    }
    const text = new TextEncoder().encode(r.text);
    buf.u64(idx, r.tsNsec);
    buf.u16(idx + 8, lens[i]);
    buf.u16(idx + 10, text.length);
    buf.u16(idx + 12, dict.length);
    buf.bytes.set(text, idx + 16);
    buf.bytes.set(dict, idx + 16 + text.length);
    idx += lens[i];
  });
  placeLogBuffer({ image, tables }, bufVa, bufPa, buf.bytes);
  const at = placeLogVariables(image, bufVa, [
    [8, bufLen],
    [16, firstIdx],
    [20, idx],
  ]);
  const vmcoreinfo = vmcoreinfoOf("4.19.0-synthetic", topPgtVa, [
    `SYMBOL(log_buf)=${at(0)}`,
    `SYMBOL(log_buf_len)=${at(8)}`,
    `SYMBOL(log_first_idx)=${at(16)}`,
    `SYMBOL(log_next_idx)=${at(20)}`,
    "SIZE(printk_log)=16",
    "OFFSET(printk_log.ts_nsec)=0",
    "OFFSET(printk_log.len)=8",
    "OFFSET(printk_log.text_len)=10",
    "OFFSET(printk_log.dict_len)=12",
    "CRASHTIME=1700000000",
  ]);
  return { image, vmcoreinfo, tables };
}

/**
 * Linux < 3.5: `log_buf` is a byte ring of `<N>[ts] text\n`; `log_end` counts every byte ever written. `written` is
 * the whole history: only its last `bufLen` bytes survive, at `index & (bufLen - 1)`.
 */
export function buildPlainMachine(options: { written: string; bufLen: number }): SyntheticMachine {
  const { image, tables, topPgtVa } = newMachine(false, 0n);
  const bufVa = 0xffff888006000000n;
  const bufPa = 0x6000000;
  const bytes = new TextEncoder().encode(options.written);
  const ring = new Uint8Array(options.bufLen);
  bytes.forEach((b, i) => (ring[i & (options.bufLen - 1)] = b));
  placeLogBuffer({ image, tables }, bufVa, bufPa, ring);
  const at = placeLogVariables(image, bufVa, [
    [8, options.bufLen],
    [12, bytes.length],
  ]);
  const vmcoreinfo = vmcoreinfoOf("2.6.32-synthetic.el6.x86_64", topPgtVa, [
    `SYMBOL(log_buf)=${at(0)}`,
    `SYMBOL(log_buf_len)=${at(8)}`,
    `SYMBOL(log_end)=${at(12)}`,
  ]);
  return { image, vmcoreinfo, tables };
}

function note(name: string, type: number, desc: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name + "\0");
  const w = new Writer(12 + ((nameBytes.length + 3) & ~3) + ((desc.length + 3) & ~3));
  w.u32(0, nameBytes.length);
  w.u32(4, desc.length);
  w.u32(8, type);
  w.bytes.set(nameBytes, 12);
  w.bytes.set(desc, 12 + ((nameBytes.length + 3) & ~3));
  return w.bytes;
}

/** NT_PRSTATUS (x86_64 elf_prstatus, 336 bytes) with a pid and a RIP. */
export function prstatusNote(pid: number, rip: bigint): Uint8Array {
  const w = new Writer(336);
  w.u32(32, pid);
  w.u64(112 + 16 * 8, rip);
  return note("CORE", 1, w.bytes);
}

export function vmcoreinfoNote(text: string): Uint8Array {
  return note("VMCOREINFO", 0, new TextEncoder().encode(text));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** ELF64 core: PT_NOTE + one PT_LOAD per run of consecutive pages (or one big PT_LOAD over `ramBytes`). */
export function toElfCore(machine: SyntheticMachine, options: { notes?: Uint8Array[]; ramBytes?: number } = {}): SparseFile {
  const notes = concat([...(options.notes ?? []), vmcoreinfoNote(machine.vmcoreinfo)]);
  const pfns = [...machine.image.pages.keys()].sort((a, b) => a - b);
  const runs: Array<{ start: number; count: number }> = [];
  if (options.ramBytes) runs.push({ start: 0, count: options.ramBytes / PAGE });
  else for (const pfn of pfns) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === pfn) last.count++;
    else runs.push({ start: pfn, count: 1 });
  }
  const phnum = 1 + runs.length;
  const headerBytes = 64 + phnum * 56;
  const notesOff = headerBytes;
  let dataOff = Math.ceil((notesOff + notes.length) / PAGE) * PAGE;
  const h = new Writer(headerBytes);
  h.bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  h.u16(16, 4);
  h.u16(18, 62);
  h.u32(20, 1);
  h.u64(32, 64);
  h.u16(52, 64);
  h.u16(54, 56);
  h.u16(56, phnum);
  h.u32(64, 4);
  h.u64(64 + 8, notesOff);
  h.u64(64 + 32, notes.length);
  h.u64(64 + 40, notes.length);
  const writes: SparseFile["writes"] = [{ offset: 0, bytes: h.bytes }, { offset: notesOff, bytes: notes }];
  runs.forEach((r, i) => {
    const o = 64 + (i + 1) * 56;
    h.u32(o, 1);
    h.u64(o + 8, dataOff);
    h.u64(o + 24, r.start * PAGE);
    h.u64(o + 32, r.count * PAGE);
    h.u64(o + 40, r.count * PAGE);
    for (const pfn of pfns) if (pfn >= r.start && pfn < r.start + r.count) writes.push({ offset: dataOff + (pfn - r.start) * PAGE, bytes: machine.image.pages.get(pfn)! });
    dataOff += r.count * PAGE;
  });
  return { size: dataOff, writes };
}

export type KdumpOptions = {
  /** Page compression: returns the stored bytes and the page_desc flags (0 = raw). */
  compress?: (page: Uint8Array) => { data: Uint8Array; flags: number };
  notes?: Uint8Array[];
  headerVersion?: number;
  dumpLevel?: number;
  /** Pages that exist but were filtered out (first bitmap set, second clear). */
  excluded?: number[];
  maxMapnr?: number;
  /** Split into this many parts by pfn range (`--split`). */
  split?: number;
  status?: number;
  release?: string;
  timestamp?: number;
  /** Pfns dumped as raw zero pages besides the image (a big, mostly empty dump). */
  zeroPfns?: { start: number; count: number };
  /** Give every zero page its own (unwritten, sparse) place in the file, as an uncompressed dump of RAM would. */
  sparseZeroPages?: boolean;
};

/** kdump-compressed file(s) (`disk_dump_header` v6, sub-header, bitmaps, page descriptors, data). */
export function toKdump(machine: SyntheticMachine, options: KdumpOptions = {}): SparseFile[] {
  const pfns = [...machine.image.pages.keys()].sort((a, b) => a - b);
  const maxMapnr = options.maxMapnr ?? Math.max(...pfns, options.zeroPfns ? options.zeroPfns.start + options.zeroPfns.count : 0) + 1;
  const bitmapHalf = Math.ceil(Math.ceil(maxMapnr / 8) / PAGE) * PAGE;
  const bitmapBlocks = (bitmapHalf * 2) / PAGE;
  const nParts = options.split ?? 1;
  const per = Math.ceil(maxMapnr / nParts);
  const vmcoreinfo = new TextEncoder().encode(machine.vmcoreinfo);
  const notes = concat(options.notes ?? []);
  const compress = options.compress ?? ((p: Uint8Array) => ({ data: p, flags: 0 }));
  const files: SparseFile[] = [];
  for (let part = 0; part < nParts; part++) {
    const startPfn = part * per;
    const endPfn = Math.min(maxMapnr, startPfn + per);
    const subHdrSize = 1;
    const infoOff = 2 * PAGE;
    const notesOff = infoOff + vmcoreinfo.length;
    const subBlocks = Math.ceil((notesOff + notes.length) / PAGE) - 1;
    const h = new Writer(PAGE);
    h.str(0, "KDUMP   ");
    h.i32(8, options.headerVersion ?? 6);
    const uts = ["Linux", "synthetic", options.release ?? "6.1.0-synthetic", "#1 SMP", "x86_64", ""];
    uts.forEach((s, i) => h.str(12 + i * 65, s));
    h.u64(408, options.timestamp ?? 1700000000);
    h.u32(424, options.status ?? 0);
    h.i32(428, PAGE);
    h.i32(432, Math.max(subHdrSize, subBlocks));
    h.u32(436, bitmapBlocks);
    h.u32(440, Math.min(maxMapnr, 0xffffffff));
    h.i32(460, 1);
    const sub = new Writer(PAGE);
    sub.u64(0, 0);
    sub.i32(8, options.dumpLevel ?? 0);
    sub.i32(12, nParts > 1 ? 1 : 0);
    sub.u64(16, startPfn);
    sub.u64(24, endPfn);
    sub.u64(32, infoOff);
    sub.u64(40, vmcoreinfo.length);
    sub.u64(48, notesOff);
    sub.u64(56, notes.length);
    sub.u64(80, startPfn);
    sub.u64(88, endPfn);
    sub.u64(96, maxMapnr);
    const bitmapOff = (1 + Math.max(subHdrSize, subBlocks)) * PAGE;
    const bm1 = new Uint8Array(bitmapHalf);
    const bm2 = new Uint8Array(bitmapHalf);
    const excluded = new Set(options.excluded ?? []);
    const dumped: number[] = [];
    const set = (bm: Uint8Array, pfn: number) => (bm[pfn >> 3] |= 1 << (pfn & 7));
    const all = new Set(pfns);
    if (options.zeroPfns) for (let p = options.zeroPfns.start; p < options.zeroPfns.start + options.zeroPfns.count; p++) all.add(p);
    for (const pfn of [...all].sort((a, b) => a - b)) {
      set(bm1, pfn);
      if (excluded.has(pfn)) continue;
      set(bm2, pfn);
      if (pfn >= startPfn && pfn < endPfn) dumped.push(pfn);
    }
    const descOff = bitmapOff + bitmapHalf * 2;
    let dataOff = descOff + dumped.length * 24;
    const writes: SparseFile["writes"] = [
      { offset: 0, bytes: h.bytes },
      { offset: PAGE, bytes: sub.bytes },
      { offset: infoOff, bytes: vmcoreinfo },
      { offset: notesOff, bytes: notes },
      { offset: bitmapOff, bytes: bm1 },
      { offset: bitmapOff + bitmapHalf, bytes: bm2 },
    ];
    const zero = new Uint8Array(PAGE);
    let zeroDataOff = -1;
    const descChunk = 4096;
    for (let k = 0; k < dumped.length; k += descChunk) {
      const n = Math.min(descChunk, dumped.length - k);
      const descs = new Writer(n * 24);
      for (let j = 0; j < n; j++) {
        const pfn = dumped[k + j];
        const page = machine.image.pages.get(pfn);
        if (!page && options.sparseZeroPages) {
          descs.u64(j * 24, dataOff);
          descs.u32(j * 24 + 8, PAGE);
          dataOff += PAGE;
          continue;
        }
        if (!page) {
          // Zero pages share one stored copy, as makedumpfile does.
          if (zeroDataOff < 0) {
            zeroDataOff = dataOff;
            writes.push({ offset: dataOff, bytes: zero });
            dataOff += PAGE;
          }
          descs.u64(j * 24, zeroDataOff);
          descs.u32(j * 24 + 8, PAGE);
          continue;
        }
        // makedumpfile stores a page raw when compressing does not make it smaller.
        const packed = compress(page);
        const { data, flags } = packed.data.length < PAGE ? packed : { data: page, flags: 0 };
        descs.u64(j * 24, dataOff);
        descs.u32(j * 24 + 8, data.length);
        descs.u32(j * 24 + 12, flags);
        writes.push({ offset: dataOff, bytes: data });
        dataOff += data.length;
      }
      writes.push({ offset: descOff + k * 24, bytes: descs.bytes });
    }
    files.push({ size: dataOff, writes });
  }
  return files;
}

/**
 * A zstd frame (RFC 8878) of RLE blocks for zero runs and Raw blocks for the rest: valid for any decoder, small for
 * mostly-empty pages. (No zstd encoder exists in JS; the entropy-coded paths are fzstd's, tested upstream.)
 */
export function zstdFrameOf(page: Uint8Array): Uint8Array {
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x60, (page.length - 256) & 0xff, (page.length - 256) >> 8];
  const blocks: Array<{ rle: boolean; start: number; end: number }> = [];
  for (let i = 0; i < page.length; ) {
    let j = i;
    while (j < page.length && page[j] === 0) j++;
    if (j - i >= 16) {
      blocks.push({ rle: true, start: i, end: j });
      i = j;
      continue;
    }
    j = i;
    while (j < page.length && !(page[j] === 0 && page.subarray(j, j + 16).every((b) => b === 0) && j + 16 <= page.length)) j++;
    if (j === i) j = Math.min(page.length, i + 16);
    blocks.push({ rle: false, start: i, end: j });
    i = j;
  }
  blocks.forEach((b, k) => {
    const size = b.end - b.start;
    const header = (size << 3) | ((b.rle ? 1 : 0) << 1) | (k === blocks.length - 1 ? 1 : 0);
    parts.push(header & 0xff, (header >> 8) & 0xff, header >> 16);
    if (b.rle) parts.push(0);
    else parts.push(...page.subarray(b.start, b.end));
  });
  return new Uint8Array(parts);
}

/** makedumpfile `-F`: the kdump file as a stream of (offset, size, data) records, big-endian, in write order. */
export function toFlattened(f: SparseFile, recordSize = 8192): Uint8Array {
  const header = new Uint8Array(PAGE);
  header.set(new TextEncoder().encode("makedumpfile"), 0);
  const dv = new DataView(header.buffer);
  dv.setBigInt64(16, 1n);
  dv.setBigInt64(24, 1n);
  const parts: Uint8Array[] = [header];
  for (const w of f.writes) {
    for (let o = 0; o < w.bytes.length; o += recordSize) {
      const chunk = w.bytes.subarray(o, o + recordSize);
      const rec = new Uint8Array(16);
      const rv = new DataView(rec.buffer);
      rv.setBigInt64(0, BigInt(w.offset + o));
      rv.setBigInt64(8, BigInt(chunk.length));
      parts.push(rec, chunk);
    }
  }
  const end = new Uint8Array(16);
  new DataView(end.buffer).setBigInt64(0, -1n);
  parts.push(end);
  return concat(parts);
}
