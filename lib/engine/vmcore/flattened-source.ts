/**
 * makedumpfile's flattened format (`-F`, `makedumpfile … | ssh`, QEMU ≤ 8.1 kdump output): a 4096-byte header
 * (`makedumpfile` + big-endian type and version), then records `{offset i64 BE, size i64 BE, data}` ending with
 * offset −1. Applying every record at its offset gives the ordinary kdump-compressed file (`makedumpfile -R`).
 * We index the records once (one sequential pass over the stream, headers only) and serve reads from the index:
 * memory grows with the number of records, not with the dump.
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { i64beN } from "./bytes";
import { isFlattened } from "./detect-vmcore";
import { VmcoreError } from "./vmcore-error";

const FLAT_HEADER_SIZE = 4096;
const RECORD_HEADER = 16;
const SCAN_CHUNK = 1 << 20;
/** After a record this large the next header is read alone: reading ahead would read the dump's pages. */
const LARGE_RECORD = 64 << 10;
/** A record's size field beyond this is not a write makedumpfile makes (it writes at most a few MiB at once). */
const MAX_RECORD_SIZE = 1 << 30;

class GrowableF64 {
  data = new Float64Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** The reassembled kdump file over a flattened stream. Gaps no record wrote read as zeros (a sparse file's holes). */
export async function openFlattenedSource(flat: RandomAccessSource, warnings: string[]): Promise<RandomAccessSource> {
  const head = await flat.read(0, FLAT_HEADER_SIZE);
  if (!isFlattened(head)) throw new VmcoreError(`${flat.name}: not a makedumpfile flattened stream`);
  const dest = new GrowableF64();
  const sizes = new GrowableF64();
  const src = new GrowableF64();
  let pos = FLAT_HEADER_SIZE;
  let buf: Uint8Array = new Uint8Array(0);
  let bufStart = 0;
  let ended = false;
  let lastSize = 0;
  while (pos + RECORD_HEADER <= flat.size) {
    if (pos < bufStart || pos + RECORD_HEADER > bufStart + buf.length) {
      bufStart = pos;
      buf = await flat.read(pos, lastSize >= LARGE_RECORD ? RECORD_HEADER : SCAN_CHUNK);
    }
    const o = pos - bufStart;
    const offset = i64beN(buf, o);
    const size = i64beN(buf, o + 8);
    if (offset === -1) {
      ended = true;
      break;
    }
    if (offset < 0 || !Number.isFinite(offset) || size < 0 || size > MAX_RECORD_SIZE) {
      warnings.push(`${flat.name}: flattened record at ${pos} has offset ${offset} and size ${size}; the stream is corrupt from there`);
      ended = true;
      break;
    }
    const dataStart = pos + RECORD_HEADER;
    const avail = Math.min(size, flat.size - dataStart);
    if (avail < size) warnings.push(`${flat.name}: truncated: the last flattened record wants ${size} bytes, ${avail} are there`);
    if (avail > 0) {
      dest.push(offset);
      sizes.push(avail);
      src.push(dataStart);
    }
    pos = dataStart + size;
    lastSize = size;
  }
  if (!ended) warnings.push(`${flat.name}: truncated: the flattened stream ends without its end marker (at ${Math.min(pos, flat.size)} of ${flat.size} bytes)`);

  const n = dest.length;
  // Sorted by destination; `maxEnd[i]` = furthest end among records 0..i in that order, so a read can stop walking
  // back as soon as no earlier record can reach it.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dest.data[a] - dest.data[b] || a - b);
  const starts = new Float64Array(n);
  const maxEnd = new Float64Array(n);
  const orderArr = Uint32Array.from(order);
  let size = 0;
  for (let k = 0; k < n; k++) {
    const i = orderArr[k];
    starts[k] = dest.data[i];
    const end = dest.data[i] + sizes.data[i];
    maxEnd[k] = Math.max(end, k > 0 ? maxEnd[k - 1] : 0);
    size = Math.max(size, end);
  }
  return {
    name: flat.name,
    size,
    async read(offset, length) {
      const from = Math.max(0, offset);
      const to = Math.min(size, offset + length);
      if (to <= from) return new Uint8Array(0);
      const out = new Uint8Array(to - from);
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < to) lo = mid + 1;
        else hi = mid;
      }
      const hits: number[] = [];
      for (let k = lo - 1; k >= 0 && maxEnd[k] > from; k--) {
        const i = orderArr[k];
        if (dest.data[i] + sizes.data[i] > from) hits.push(i);
      }
      // Later records overwrite earlier ones, as when the stream is applied in order.
      hits.sort((a, b) => a - b);
      for (const i of hits) {
        const s = Math.max(from, dest.data[i]);
        const e = Math.min(to, dest.data[i] + sizes.data[i]);
        const bytes = await flat.read(src.data[i] + (s - dest.data[i]), e - s);
        out.set(bytes, s - from);
      }
      return out;
    },
  };
}
