/**
 * The lockless printk ring buffer (Linux ≥ 5.10, kernel/printk/printk_ringbuffer.h), read the way makedumpfile's
 * dump_lockless_dmesg() does: ids from tail to head, committed or finalized descriptors only, text blocks prefixed
 * by their 8-byte id, wrapped blocks starting at data[0]. All offsets come from VMCOREINFO.
 * Ids and logical positions are 64-bit: BigInt (on 64-bit kernels the first id is 2^32 − count − 1).
 */
import { u16, u32, u64 } from "./bytes";
import { formatDmesgRecord } from "./format-dmesg-record";
import { isRangeReadable, type KernelMemory } from "./kernel-memory";
import type { Vmcoreinfo } from "./parse-vmcoreinfo";
import { VmcoreError } from "./vmcore-error";

const DESC_FLAGS_SHIFT = 62n;
const DESC_ID_MASK = (1n << DESC_FLAGS_SHIFT) - 1n;
const DESC_COMMITTED = 1n;
const DESC_FINALIZED = 2n;
/** Larger rings are not a kernel's (CONFIG_LOG_BUF_SHIFT ≤ 25, log_buf_len= ≤ a few GiB is already absurd). */
const MAX_COUNT_BITS = 21;
const MAX_SIZE_BITS = 26;
/** Descriptor and info structs are tens of bytes; a larger SIZE() is a corrupt VMCOREINFO. */
const MAX_STRUCT_SIZE = 4096;

export type PrintkResult = { text: string; records: number; lost: number };

function need(info: Vmcoreinfo, kind: "offset" | "size", key: string): number {
  const v = kind === "offset" ? info.offset(key) : info.size(key);
  if (v === undefined) throw new VmcoreError(`VMCOREINFO lacks ${kind === "offset" ? "OFFSET" : "SIZE"}(${key}), needed for the printk ring buffer`);
  return v;
}

export async function readPrintkLockless(mem: KernelMemory, info: Vmcoreinfo, warnings: string[]): Promise<PrintkResult> {
  const prbSym = info.symbol("prb");
  if (prbSym === undefined) throw new VmcoreError("VMCOREINFO has no SYMBOL(prb)");
  const atomicCounter = info.offset("atomic_long_t.counter") ?? 0;
  const o = {
    descRing: need(info, "offset", "printk_ringbuffer.desc_ring"),
    textRing: need(info, "offset", "printk_ringbuffer.text_data_ring"),
    countBits: need(info, "offset", "prb_desc_ring.count_bits"),
    descs: need(info, "offset", "prb_desc_ring.descs"),
    infos: need(info, "offset", "prb_desc_ring.infos"),
    headId: need(info, "offset", "prb_desc_ring.head_id"),
    tailId: need(info, "offset", "prb_desc_ring.tail_id"),
    stateVar: need(info, "offset", "prb_desc.state_var"),
    textLpos: need(info, "offset", "prb_desc.text_blk_lpos"),
    lposBegin: need(info, "offset", "prb_data_blk_lpos.begin"),
    lposNext: need(info, "offset", "prb_data_blk_lpos.next"),
    sizeBits: need(info, "offset", "prb_data_ring.size_bits"),
    data: need(info, "offset", "prb_data_ring.data"),
    tsNsec: need(info, "offset", "printk_info.ts_nsec"),
    textLen: need(info, "offset", "printk_info.text_len"),
  };
  const descSize = need(info, "size", "prb_desc");
  const infoSize = need(info, "size", "printk_info");
  const rbSize = need(info, "size", "printk_ringbuffer");
  if (Math.max(descSize, infoSize, rbSize) > MAX_STRUCT_SIZE || Math.min(descSize, infoSize, rbSize) <= 0) {
    throw new VmcoreError(`implausible VMCOREINFO sizes: prb_desc ${descSize}, printk_info ${infoSize}, printk_ringbuffer ${rbSize}`);
  }

  const fits = (end: number, size: number) => end <= size;
  if (
    !fits(o.descRing + Math.max(o.countBits + 4, o.descs + 8, o.infos + 8, o.headId + atomicCounter + 8, o.tailId + atomicCounter + 8), rbSize) ||
    !fits(o.textRing + Math.max(o.sizeBits + 4, o.data + 8), rbSize) ||
    !fits(Math.max(o.stateVar + atomicCounter, o.textLpos + o.lposBegin, o.textLpos + o.lposNext) + 8, descSize) ||
    !fits(Math.max(o.tsNsec + 8, o.textLen + 2), infoSize)
  ) {
    throw new VmcoreError("VMCOREINFO printk offsets lie outside the structure sizes it gives");
  }
  const ptr = await mem.read(prbSym, 8);
  if (ptr.holes.length) throw new VmcoreError(`cannot read the prb pointer: ${ptr.holes[0].reason}`);
  const rbAddr = u64(ptr.bytes, 0);
  const rb = await mem.read(rbAddr, rbSize);
  if (rb.holes.length) throw new VmcoreError(`cannot read struct printk_ringbuffer at 0x${rbAddr.toString(16)}: ${rb.holes[0].reason}`);
  const r = rb.bytes;
  const countBits = u32(r, o.descRing + o.countBits);
  const sizeBits = u32(r, o.textRing + o.sizeBits);
  if (countBits > MAX_COUNT_BITS || sizeBits > MAX_SIZE_BITS || sizeBits < 3) {
    throw new VmcoreError(`implausible printk ring buffer: count_bits ${countBits}, size_bits ${sizeBits}`);
  }
  const count = 2 ** countBits;
  const ringSize = 2 ** sizeBits;
  const descsAddr = u64(r, o.descRing + o.descs);
  const infosAddr = u64(r, o.descRing + o.infos);
  const dataAddr = u64(r, o.textRing + o.data);
  const tailId = u64(r, o.descRing + o.tailId + atomicCounter);
  const headId = u64(r, o.descRing + o.headId + atomicCounter);

  const descs = await mem.read(descsAddr, count * descSize);
  const infos = await mem.read(infosAddr, count * infoSize);
  const data = await mem.read(dataAddr, ringSize);
  for (const [what, rd] of [["descriptors", descs], ["record infos", infos], ["text ring", data]] as const) {
    if (rd.holes.length) {
      const bytes = rd.holes.reduce((s, h) => s + h.length, 0);
      warnings.push(`printk ${what}: ${bytes} of ${rd.bytes.length} bytes are not in the dump (${rd.holes[0].reason}); records there are lost`);
    }
  }

  // Ids older than `count` were overwritten; makedumpfile would visit them and find id mismatches, so skipping
  // them changes nothing but bounds the loop.
  let span = (headId - tailId) & DESC_ID_MASK;
  if (span >= BigInt(count)) {
    warnings.push(`printk ring: tail id ${tailId} is ${span} ids behind head ${headId}, more than the ${count} descriptors; reading the last ${count}`);
    span = BigInt(count - 1);
  }
  const mask = BigInt(ringSize - 1);
  const parts: string[] = [];
  let records = 0;
  let lost = 0;
  const n = Number(span);
  for (let k = 0; k <= n; k++) {
    const id = (headId - BigInt(n - k)) & DESC_ID_MASK;
    const slot = Number(id & BigInt(count - 1));
    const d = slot * descSize;
    if (!isRangeReadable(descs, d, descSize)) {
      lost++;
      continue;
    }
    const sv = u64(descs.bytes, d + o.stateVar + atomicCounter);
    if ((sv & DESC_ID_MASK) !== id) continue;
    const state = sv >> DESC_FLAGS_SHIFT;
    if (state !== DESC_COMMITTED && state !== DESC_FINALIZED) continue;
    let begin = Number(u64(descs.bytes, d + o.textLpos + o.lposBegin) & mask);
    const next = Number(u64(descs.bytes, d + o.textLpos + o.lposNext) & mask);
    if (begin === next) continue;
    const inf = slot * infoSize;
    if (!isRangeReadable(infos, inf, infoSize)) {
      lost++;
      continue;
    }
    let textLen = u16(infos.bytes, inf + o.textLen);
    if (begin > next) begin = 0;
    begin += 8;
    if (next - begin >= 0 && next - begin < textLen) textLen = next - begin;
    textLen = Math.max(0, Math.min(textLen, ringSize - begin));
    if (!isRangeReadable(data, begin, textLen)) {
      lost++;
      continue;
    }
    const ts = u64(infos.bytes, inf + o.tsNsec);
    parts.push(formatDmesgRecord(ts, data.bytes.subarray(begin, begin + textLen)));
    records++;
  }
  if (lost > 0) warnings.push(`printk ring: ${lost} record(s) lost to pages missing from the dump`);
  return { text: parts.join(""), records, lost };
}
