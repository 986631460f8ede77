/**
 * ELF64 core files: `/proc/vmcore` copies, `makedumpfile -E`, QEMU/libvirt `dump-guest-memory`.
 * Program headers are read at `e_phoff` (QEMU 7.2 puts section headers first and phdrs at 192, with e_ehsize=8;
 * makedumpfile assumes 64 and fails). Physical addresses come from `p_paddr` (QEMU's `paging:false` dumps have
 * `p_vaddr = 0`); bytes past `p_filesz` up to `p_memsz` read as zeros, as the ELF spec says.
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { u16, u32, u64, u64n } from "./bytes";
import { parseElfNotes, type ElfNote } from "./parse-elf-notes";
import { readExactly, type MissingPage, type PhysicalMemory } from "./physical-memory";
import { VmcoreError } from "./vmcore-error";
import { describeClaimedSize } from "../format-byte-size";

const PT_LOAD = 1;
const PT_NOTE = 4;
const ET_CORE = 4;
const EM_X86_64 = 62;
const PHDR_SIZE = 56;
const START_KERNEL_MAP = 0xffffffff80000000n;
/** Notes beyond this are not crash notes (a CPU note is ~400 bytes, VMCOREINFO a few KiB). */
const MAX_NOTES_BYTES = 64 << 20;

export type ElfCore = {
  /** The page size is VMCOREINFO's, which is in the notes: the caller picks it after reading them. */
  memory(pageSize: number): PhysicalMemory;
  notes: ElfNote[];
  /** phys_base implied by a PT_LOAD that maps the kernel image (`/proc/vmcore` sets p_vaddr there). */
  physBaseHint?: bigint;
  /** The file ends inside PT_NOTE. */
  notesCut: boolean;
};

type Segment = { paddr: number; memsz: number; offset: number; filesz: number };

export async function openElfCore(source: RandomAccessSource, warnings: string[]): Promise<ElfCore> {
  const eh = await readExactly(source, 0, 64);
  if (!eh) throw new VmcoreError(`${source.name}: a truncated ELF vmcore: the file ends inside its 64-byte ELF header (${source.size} bytes), so no dump can be read from it`);
  if (eh[4] !== 2 || eh[5] !== 1) throw new VmcoreError(`${source.name}: only little-endian ELF64 cores are supported (class ${eh[4]}, data ${eh[5]})`);
  if (u16(eh, 16) !== ET_CORE) throw new VmcoreError(`${source.name}: ELF file is not a core dump (e_type ${u16(eh, 16)})`);
  // Address translation and NT_PRSTATUS layouts here are x86_64's.
  if (u16(eh, 18) !== EM_X86_64) throw new VmcoreError(`${source.name}: only x86_64 dumps are supported (ELF e_machine ${u16(eh, 18)})`);
  const phoff = u64n(eh, 32);
  const shoff = u64n(eh, 40);
  const phentsize = u16(eh, 54) || PHDR_SIZE;
  let phnum = u16(eh, 56);
  if (phentsize < PHDR_SIZE) throw new VmcoreError(`${source.name}: ELF program header size ${phentsize} is too small`);
  // PN_XNUM: more than 65534 segments, the count is in section header 0's sh_info.
  if (phnum === 0xffff) {
    const sh0 = await readExactly(source, shoff, 64);
    if (!sh0) throw new VmcoreError(`${source.name}: e_phnum is PN_XNUM but section header 0 at ${shoff} is beyond the end of the file`);
    phnum = u32(sh0, 44);
  }
  if (phnum === 0) throw new VmcoreError(`${source.name}: ELF core has no program headers`);
  const ph = await readExactly(source, phoff, phnum * phentsize);
  if (!ph) throw new VmcoreError(`${source.name}: ${phnum} program headers at offset ${phoff} run past the end of the file (${source.size} bytes): truncated`);

  const segments: Segment[] = [];
  const notes: ElfNote[] = [];
  let physBaseHint: bigint | undefined;
  let truncatedSegments = 0;
  let notesCut = false;
  for (let i = 0; i < phnum; i++) {
    const o = i * phentsize;
    const type = u32(ph, o);
    const offset = u64n(ph, o + 8);
    const filesz = u64n(ph, o + 32);
    if (type === PT_NOTE) {
      if (filesz > MAX_NOTES_BYTES) {
        warnings.push(`${source.name}: PT_NOTE of ${describeClaimedSize(filesz)} ignored (too large for crash notes)`);
        continue;
      }
      const avail = Math.max(0, Math.min(filesz, source.size - offset));
      if (avail < filesz) {
        warnings.push(`${source.name}: PT_NOTE is cut by the end of the file (${avail} bytes of ${describeClaimedSize(filesz)})`);
        notesCut = true;
      }
      if (avail > 0) notes.push(...parseElfNotes(await source.read(offset, avail), warnings));
    } else if (type === PT_LOAD) {
      const vaddr = u64(ph, o + 16);
      const paddr = u64n(ph, o + 24);
      const memsz = u64n(ph, o + 40);
      if (!Number.isFinite(paddr) || !Number.isFinite(memsz) || !Number.isFinite(offset) || !Number.isFinite(filesz)) {
        warnings.push(`${source.name}: PT_LOAD ${i} has out-of-range fields; ignored`);
        continue;
      }
      if (offset + filesz > source.size) truncatedSegments++;
      segments.push({ paddr, memsz, offset, filesz: Math.min(filesz, memsz) });
      if (vaddr >= START_KERNEL_MAP && vaddr < START_KERNEL_MAP + (1n << 30n) && physBaseHint === undefined) {
        physBaseHint = BigInt(paddr) - (vaddr - START_KERNEL_MAP);
      }
    }
  }
  if (truncatedSegments > 0) {
    warnings.push(`${source.name}: file is truncated (${source.size} bytes): ${truncatedSegments} PT_LOAD segment(s) reach past its end; their missing pages are reported as not in the dump`);
  }
  segments.sort((a, b) => a.paddr - b.paddr);
  return { memory: (pageSize) => elfMemory(source, segments, pageSize), notes, physBaseHint, notesCut };
}

function elfMemory(source: RandomAccessSource, segments: Segment[], pageSize: number): PhysicalMemory {
  /** Index of the last segment starting at or before pa. */
  const lastStartingAtOrBefore = (pa: number) => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].paddr <= pa) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  return {
    pageSize,
    async readPage(pfn: number): Promise<Uint8Array | MissingPage> {
      const start = pfn * pageSize;
      const end = start + pageSize;
      const page = new Uint8Array(pageSize);
      let covered = 0;
      let cut = false;
      // Segments of a core do not overlap: walk back from the last one that starts inside the page until one
      // ends before it.
      for (let i = lastStartingAtOrBefore(end - 1); i >= 0; i--) {
        const s = segments[i];
        if (s.paddr + s.memsz <= start) break;
        const from = Math.max(start, s.paddr);
        const to = Math.min(end, s.paddr + s.memsz);
        const fileTo = Math.min(to, s.paddr + s.filesz);
        if (fileTo > from) {
          const want = fileTo - from;
          const bytes = await source.read(s.offset + (from - s.paddr), want);
          if (bytes.length < want) cut = true;
          page.set(bytes, from - start);
        }
        covered += to - from;
        if (covered >= pageSize) break;
      }
      if (cut) return { missing: "its bytes lie past the end of the truncated file" };
      if (covered < pageSize) return { missing: "no PT_LOAD segment holds it" };
      return page;
    },
  };
}
