/**
 * Kernel virtual addresses → the dump's physical pages (x86_64).
 * Kernel-image addresses (`__START_KERNEL_map` up to KERNEL_IMAGE_SIZE) are linear: pa = va − map + phys_base.
 * Everything else (the randomised direct map, vmalloc, memblock-allocated printk buffers) is found by walking the
 * kernel page tables from `init_top_pgt`: 4 levels (5 with `pgtable_l5_enabled`), 1 GiB and 2 MiB pages, entries
 * masked with the SME encryption bit cleared.
 */
import { u64 } from "./bytes";
import { isMissing, type PhysicalMemory } from "./physical-memory";
import { VmcoreError } from "./vmcore-error";
import { describeClaimedSize } from "../format-byte-size";

const START_KERNEL_MAP = 0xffffffff80000000n;
const PTE_PRESENT = 1n;
const PTE_PSE = 1n << 7n;
const PTE_PFN_MASK = 0x000ffffffffff000n;
const PAGE_CACHE_PAGES = 1024;
/** No kernel log structure is larger (a 64 MiB text ring, 2^21 descriptors); larger asks come from corrupt headers. */
const MAX_READ_BYTES = 1 << 28;

export type KernelMemoryOptions = {
  physBase: bigint;
  /** Physical address of init_top_pgt (from its kernel-image symbol). */
  topTable?: bigint;
  fiveLevel: boolean;
  smeMask: bigint;
  kernelImageSize: bigint;
};

/** A read that could not be completed in full: which byte ranges are missing and why. */
export type VirtualRead = { bytes: Uint8Array; holes: Array<{ offset: number; length: number; reason: string }> };

export function isRangeReadable(read: VirtualRead, offset: number, length: number): boolean {
  return read.holes.every((h) => h.offset + h.length <= offset || h.offset >= offset + length);
}

export class KernelMemory {
  private readonly cache = new Map<number, Uint8Array | { missing: string }>();
  readonly pageSize: number;

  constructor(
    private readonly memory: PhysicalMemory,
    private readonly options: KernelMemoryOptions,
  ) {
    this.pageSize = memory.pageSize;
  }

  private async page(pfn: number): Promise<Uint8Array | { missing: string }> {
    const hit = this.cache.get(pfn);
    if (hit) return hit;
    const p = await this.memory.readPage(pfn);
    if (this.cache.size >= PAGE_CACHE_PAGES) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(pfn, p);
    return p;
  }

  private async readPhysU64(pa: bigint): Promise<bigint | string> {
    const ps = BigInt(this.pageSize);
    const p = await this.page(Number(pa / ps));
    if (isMissing(p)) return `page table page at pa 0x${pa.toString(16)} is missing: ${p.missing}`;
    return u64(p, Number(pa % ps));
  }

  /** Physical address of a kernel virtual address, or why it has none. */
  async translate(va: bigint): Promise<bigint | string> {
    const { physBase, kernelImageSize } = this.options;
    if (va >= START_KERNEL_MAP && va < START_KERNEL_MAP + kernelImageSize) return BigInt.asUintN(64, va - START_KERNEL_MAP + physBase);
    return this.walk(va);
  }

  private async walk(va: bigint): Promise<bigint | string> {
    const { topTable, fiveLevel, smeMask } = this.options;
    if (topTable === undefined) return `0x${va.toString(16)} is outside the kernel image and VMCOREINFO has no init_top_pgt to walk`;
    const shifts = fiveLevel ? [48n, 39n, 30n, 21n, 12n] : [39n, 30n, 21n, 12n];
    const mask = PTE_PFN_MASK & ~smeMask;
    const seen = new Set<bigint>();
    let table = topTable;
    for (let level = 0; level < shifts.length; level++) {
      if (seen.has(table)) return `cyclic page tables: the walk for 0x${va.toString(16)} meets the table at pa 0x${table.toString(16)} twice`;
      seen.add(table);
      const index = (va >> shifts[level]) & 0x1ffn;
      const entry = await this.readPhysU64(table + index * 8n);
      if (typeof entry === "string") return entry;
      if (!(entry & PTE_PRESENT)) return `0x${va.toString(16)} is not mapped (level ${shifts.length - level} entry not present)`;
      const shift = shifts[level];
      const isLeaf = level === shifts.length - 1 || ((shift === 30n || shift === 21n) && (entry & PTE_PSE) !== 0n);
      if (isLeaf) {
        const size = 1n << shift;
        return ((entry & mask) & ~(size - 1n)) + (va & (size - 1n));
      }
      table = entry & mask;
    }
    return `0x${va.toString(16)}: page walk did not end`;
  }

  /** Bytes at a kernel virtual address; pages that cannot be read are holes, never zeros passed off as data. */
  async read(va: bigint, length: number): Promise<VirtualRead> {
    if (!(length >= 0 && length <= MAX_READ_BYTES)) throw new VmcoreError(`refusing to read ${describeClaimedSize(length)} of kernel memory at 0x${va.toString(16)} (corrupt sizes)`);
    const bytes = new Uint8Array(length);
    const holes: VirtualRead["holes"] = [];
    const ps = this.pageSize;
    let done = 0;
    while (done < length) {
      const cur = va + BigInt(done);
      const inPage = Number(cur % BigInt(ps));
      const n = Math.min(ps - inPage, length - done);
      const pa = await this.translate(cur);
      let reason: string | undefined;
      if (typeof pa === "string") reason = pa;
      else {
        const p = await this.page(Number(pa / BigInt(ps)));
        if (isMissing(p)) reason = `page at pa 0x${(pa - BigInt(inPage)).toString(16)} ${p.missing}`;
        else bytes.set(p.subarray(inPage, inPage + n), done);
      }
      if (reason !== undefined) {
        const last = holes[holes.length - 1];
        if (last && last.offset + last.length === done && last.reason === reason) last.length += n;
        else holes.push({ offset: done, length: n, reason });
      }
      done += n;
    }
    return { bytes, holes };
  }
}
