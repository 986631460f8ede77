/**
 * The printk buffers before the lockless ring (Linux < 5.10).
 * The structured printk buffer of Linux 3.5–5.9: `log_buf` (a `char *`), `log_buf_len`, and the byte indexes
 * `log_first_idx`/`log_next_idx`; records are `struct printk_log` (`struct log` before 3.11) followed by text and
 * dict, `len` covering the whole padded record; `len == 0` marks the wrap to index 0. As makedumpfile dump_dmesg().
 */
import { u16, u32, u64 } from "./bytes";
import { formatDmesgRecord } from "./format-dmesg-record";
import { isRangeReadable, type KernelMemory } from "./kernel-memory";
import type { Vmcoreinfo } from "./parse-vmcoreinfo";
import type { PrintkResult } from "./read-printk-lockless";
import { VmcoreError } from "./vmcore-error";

/** CONFIG_LOG_BUF_SHIFT is at most 25; `log_buf_len=` can ask for more, not for gigabytes. */
const MAX_LOG_BUF = 1 << 28;

export function hasLegacyPrintk(info: Vmcoreinfo): boolean {
  return info.symbol("log_buf") !== undefined && (info.size("printk_log") !== undefined || info.size("log") !== undefined);
}

export async function readPrintkLegacy(mem: KernelMemory, info: Vmcoreinfo, warnings: string[]): Promise<PrintkResult> {
  const struct = info.size("printk_log") !== undefined ? "printk_log" : "log";
  const recSize = info.size(struct)!;
  if (recSize < 12 || recSize > 256) throw new VmcoreError(`implausible SIZE(${struct}) ${recSize}`);
  const tsOff = info.offset(`${struct}.ts_nsec`);
  const lenOff = info.offset(`${struct}.len`);
  const textLenOff = info.offset(`${struct}.text_len`);
  if (tsOff === undefined || lenOff === undefined || textLenOff === undefined) {
    throw new VmcoreError(`VMCOREINFO lacks OFFSET(${struct}.ts_nsec/len/text_len), needed for the kernel log`);
  }
  if (Math.max(tsOff + 8, lenOff + 2, textLenOff + 2) > recSize) throw new VmcoreError(`VMCOREINFO ${struct} offsets lie outside SIZE(${struct}) ${recSize}`);
  const sym = (name: string) => {
    const v = info.symbol(name);
    if (v === undefined) throw new VmcoreError(`VMCOREINFO has no SYMBOL(${name})`);
    return v;
  };
  const readScalar = async (name: string, bytes: 4 | 8) => {
    const rd = await mem.read(sym(name), bytes);
    if (rd.holes.length) throw new VmcoreError(`cannot read ${name}: ${rd.holes[0].reason}`);
    return bytes === 8 ? u64(rd.bytes, 0) : BigInt(u32(rd.bytes, 0));
  };
  const bufAddr = await readScalar("log_buf", 8);
  const bufLen = Number(await readScalar("log_buf_len", 4));
  const firstIdx = Number(await readScalar("log_first_idx", 4));
  const nextIdx = Number(await readScalar("log_next_idx", 4));
  if (bufLen <= 0 || bufLen > MAX_LOG_BUF || firstIdx >= bufLen || nextIdx >= bufLen) {
    throw new VmcoreError(`implausible log_buf: length ${bufLen}, first index ${firstIdx}, next index ${nextIdx}`);
  }
  const buf = await mem.read(bufAddr, bufLen);
  if (buf.holes.length) {
    const missing = buf.holes.reduce((s, h) => s + h.length, 0);
    warnings.push(`log_buf: ${missing} of ${bufLen} bytes are not in the dump (${buf.holes[0].reason}); records there are lost`);
  }
  const parts: string[] = [];
  let records = 0;
  let lost = 0;
  let idx = firstIdx;
  let wraps = 0;
  // Every record is at least `recSize` bytes: more steps than that means the indexes loop.
  const maxSteps = Math.floor(bufLen / Math.max(1, recSize)) + 2;
  for (let step = 0; idx !== nextIdx; step++) {
    if (step > maxSteps || wraps > 1) {
      warnings.push(`log_buf: record chain does not reach log_next_idx ${nextIdx} (cycle); stopped after ${records} records`);
      break;
    }
    if (idx + recSize > bufLen || !isRangeReadable(buf, idx, recSize)) {
      warnings.push(`log_buf: record header at index ${idx} is ${idx + recSize > bufLen ? "past the end of the buffer" : "not in the dump"}; stopped`);
      lost++;
      break;
    }
    const len = u16(buf.bytes, idx + lenOff);
    if (len === 0) {
      idx = 0;
      wraps++;
      continue;
    }
    const textLen = Math.min(u16(buf.bytes, idx + textLenOff), bufLen - idx - recSize);
    const textStart = idx + recSize;
    if (isRangeReadable(buf, textStart, textLen)) {
      parts.push(formatDmesgRecord(u64(buf.bytes, idx + tsOff), buf.bytes.subarray(textStart, textStart + textLen)));
      records++;
    } else lost++;
    idx += len;
    if (idx >= bufLen) {
      warnings.push(`log_buf: record at index ${idx - len} claims ${len} bytes, past the end of the buffer; stopped`);
      break;
    }
  }
  if (lost > 0) warnings.push(`log_buf: ${lost} record(s) lost to pages missing from the dump`);
  return { text: parts.join(""), records, lost };
}

/** Linux < 3.5 (RHEL 6's 2.6.32 among them): `log_buf` is a plain byte ring of text with `<N>` prefixes. */
export function hasPlainPrintk(info: Vmcoreinfo): boolean {
  return info.symbol("log_buf") !== undefined && info.symbol("log_end") !== undefined && !hasLegacyPrintk(info);
}

/**
 * As makedumpfile does for these kernels: the bytes as they are, oldest first. `log_end` counts every byte ever
 * written; below `log_buf_len` the buffer has not wrapped yet.
 */
export async function readPrintkPlain(mem: KernelMemory, info: Vmcoreinfo, warnings: string[]): Promise<PrintkResult> {
  const read = async (name: string, bytes: 4 | 8) => {
    const rd = await mem.read(info.symbol(name)!, bytes);
    if (rd.holes.length) throw new VmcoreError(`cannot read ${name}: ${rd.holes[0].reason}`);
    return bytes === 8 ? u64(rd.bytes, 0) : BigInt(u32(rd.bytes, 0));
  };
  if (info.symbol("log_buf_len") === undefined) throw new VmcoreError("VMCOREINFO has no SYMBOL(log_buf_len)");
  const bufAddr = await read("log_buf", 8);
  const bufLen = Number(await read("log_buf_len", 4));
  const logEnd = Number(await read("log_end", 4));
  if (bufLen <= 0 || bufLen > MAX_LOG_BUF || (bufLen & (bufLen - 1)) !== 0) throw new VmcoreError(`implausible log_buf_len ${bufLen}`);
  const buf = await mem.read(bufAddr, bufLen);
  const wrapped = logEnd >= bufLen;
  const start = logEnd & (bufLen - 1);
  const segments: Array<[number, number]> = wrapped ? [[start, bufLen], [0, start]] : [[0, logEnd]];
  // Pages missing from the dump are left out, not printed as NUL bytes.
  const parts: string[] = [];
  let missing = 0;
  for (const [from, to] of segments) {
    let at = from;
    for (const h of buf.holes) {
      const hFrom = Math.max(from, h.offset);
      const hTo = Math.min(to, h.offset + h.length);
      if (hTo <= hFrom) continue;
      if (hFrom > at) parts.push(latin1(buf.bytes.subarray(at, hFrom)));
      missing += hTo - hFrom;
      at = hTo;
    }
    if (to > at) parts.push(latin1(buf.bytes.subarray(at, to)));
  }
  if (missing > 0) warnings.push(`log_buf: ${missing} of ${Math.min(logEnd, bufLen)} bytes are not in the dump (${buf.holes[0].reason}); the text there is left out`);
  const text = parts.join("");
  return { text, records: text.split("\n").filter(Boolean).length, lost: missing > 0 ? 1 : 0 };
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  return s;
}
