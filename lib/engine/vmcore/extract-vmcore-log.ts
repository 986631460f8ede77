/**
 * THE vmcore entry point: dump file(s) → the kernel log text makedumpfile --dump-dmesg prints, crash facts and
 * warnings. Random access only (headers, bitmaps, then the pages the ring buffer needs): a dump is never read whole.
 * Never throws on a bad dump: what cannot be read is in `warnings`, and `error` says why nothing could be.
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { cString, hex } from "./bytes";
import { detectVmcoreFormat } from "./detect-vmcore";
import { openFlattenedSource } from "./flattened-source";
import { KernelMemory } from "./kernel-memory";
import { openElfCore } from "./open-elf-core";
import { openKdump } from "./open-kdump";
import { findVmcoreinfoNote, NT_PRSTATUS, parseElfNotes, parsePrstatus, type ElfNote } from "./parse-elf-notes";
import { parseKernelOffset, parseVmcoreinfo, type Vmcoreinfo } from "./parse-vmcoreinfo";
import type { PhysicalMemory } from "./physical-memory";
import { hasLegacyPrintk, hasPlainPrintk, readPrintkLegacy, readPrintkPlain } from "./read-printk-legacy";
import { readPrintkLockless } from "./read-printk-lockless";
import type { VmcoreExtract, VmcoreFacts } from "./types";
import { VmcoreError } from "./vmcore-error";

/** NT_PRSTATUS notes kept on the facts (a 512-CPU machine has 512). */
export const MAX_CPU_STATES = 16;
const START_KERNEL_MAP = 0xffffffff80000000n;
/** KERNEL_IMAGE_SIZE when VMCOREINFO does not say: 512 MiB without KASLR, 1 GiB with it. */
const DEFAULT_KERNEL_IMAGE_SIZE = 1n << 30n;
const UTS_FIELD = 65;
const MAX_WARNINGS = 50;

/** Latest time a JS Date holds (±8.64e15 ms); a corrupt header's timestamp is no time at all. */
const MAX_EPOCH_SECONDS = 8.64e12;

function isoFromEpochSeconds(seconds: number): string | undefined {
  return Number.isFinite(seconds) && seconds > 0 && seconds < MAX_EPOCH_SECONDS ? new Date(seconds * 1000).toISOString() : undefined;
}

type Opened = {
  memory: (pageSize: number) => PhysicalMemory;
  notes: ElfNote[];
  vmcoreinfoText?: string;
  physBaseHint?: bigint;
  headerPhysBase?: bigint;
  /** The file ends inside its notes (ELF): a missing VMCOREINFO says nothing about the kernel. */
  notesCut?: boolean;
  /** Page compressions met, filled as pages are read (kdump only). */
  compressions?: Set<string>;
};

async function openDump(parts: RandomAccessSource[], facts: VmcoreFacts, warnings: string[]): Promise<Opened> {
  if (parts.length === 0) throw new VmcoreError("no dump file given");
  const heads = await Promise.all(parts.map((p) => p.read(0, 64)));
  const formats = heads.map((h) => detectVmcoreFormat(h));
  formats.forEach((f, i) => {
    if (!f) {
      const magic = Array.from(heads[i].subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
      throw new VmcoreError(`${parts[i].name}: not a vmcore: wrong magic (${magic || "empty file"}); expected an ELF core, "KDUMP   " or a makedumpfile flattened stream`);
    }
  });
  facts.format = formats[0]!;
  if (formats[0] === "elf") {
    if (parts.length > 1) warnings.push(`an ELF core is one file: ${parts.length - 1} other part(s) ignored`);
    const elf = await openElfCore(parts[0], warnings);
    return { memory: elf.memory, notes: elf.notes, vmcoreinfoText: findVmcoreinfoNote(elf.notes), physBaseHint: elf.physBaseHint, notesCut: elf.notesCut };
  }
  if (formats.some((f) => f === "elf")) throw new VmcoreError("an ELF core cannot be combined with kdump parts");
  const sources: RandomAccessSource[] = [];
  for (let i = 0; i < parts.length; i++) sources.push(formats[i] === "kdump-flattened" ? await openFlattenedSource(parts[i], warnings) : parts[i]);
  const kd = await openKdump(sources, warnings);
  const h = kd.header;
  Object.assign(facts, {
    parts: kd.parts,
    release: h.release || undefined,
    version: h.version || undefined,
    machine: h.machine || undefined,
    nodename: h.nodename || undefined,
    pageSize: h.blockSize,
    dumpLevel: h.dumpLevel,
    headerVersion: h.headerVersion,
  });
  const dumped = isoFromEpochSeconds(h.timestamp);
  if (dumped) facts.crashTime = dumped;
  if (h.status & 0x8) facts.incomplete = true;
  // Address translation and NT_PRSTATUS layouts here are x86_64's (QEMU leaves the machine empty on some dumps).
  if (h.machine && h.machine !== "x86_64") throw new VmcoreError(`only x86_64 dumps are supported (this one is ${h.machine})`);
  const notes = kd.notes ? parseElfNotes(kd.notes, warnings) : [];
  return {
    memory: () => kd.memory,
    notes,
    vmcoreinfoText: kd.vmcoreinfo ?? findVmcoreinfoNote(notes),
    headerPhysBase: h.physBase,
    compressions: kd.compressions,
  };
}

function choosePhysBase(info: Vmcoreinfo, opened: Opened, warnings: string[]): bigint {
  // QEMU writes a garbage kdump sub-header phys_base (it parses the kernel's signed decimal as hex): VMCOREINFO first.
  const fromInfo = info.number("phys_base");
  if (fromInfo !== undefined) return BigInt.asUintN(64, fromInfo);
  if (opened.physBaseHint !== undefined) return BigInt.asUintN(64, opened.physBaseHint);
  if (opened.headerPhysBase !== undefined) return opened.headerPhysBase;
  warnings.push("no phys_base in VMCOREINFO, the program headers or the kdump header; assuming 0");
  return 0n;
}

async function readUtsname(mem: KernelMemory, info: Vmcoreinfo, facts: VmcoreFacts) {
  const sym = info.symbol("init_uts_ns");
  if (sym === undefined) return;
  const rd = await mem.read(sym + BigInt(info.offset("uts_namespace.name") ?? 0), 6 * UTS_FIELD);
  if (rd.holes.length) return;
  const field = (i: number) => cString(rd.bytes, i * UTS_FIELD, UTS_FIELD) || undefined;
  facts.nodename ??= field(1);
  facts.version ??= field(3);
  facts.machine ??= field(4);
}

/** Read the kernel log and crash facts out of a dump given as one file or as the parts of a `--split` dump. */
export async function extractVmcoreLog(parts: RandomAccessSource[]): Promise<VmcoreExtract> {
  const warnings: string[] = [];
  const facts: VmcoreFacts = { format: "elf", parts: parts.length, dumpBytes: parts.reduce((sum, p) => sum + p.size, 0) };
  let compressions: Set<string> | undefined;
  const finish = (text: string, error?: string): VmcoreExtract => {
    if (compressions) facts.compression = [...compressions].sort();
    const shown = warnings.length > MAX_WARNINGS ? [...warnings.slice(0, MAX_WARNINGS), `… and ${warnings.length - MAX_WARNINGS} more warnings`] : warnings;
    return error === undefined ? { text, facts, warnings: shown } : { text, facts, warnings: shown, error };
  };
  try {
    const opened = await openDump(parts, facts, warnings);
    compressions = opened.compressions;
    if (!opened.vmcoreinfoText && opened.notesCut)
      throw new VmcoreError(`the dump is truncated (${facts.dumpBytes} bytes): its notes are cut by the end of the file, and VMCOREINFO, which locates the kernel log, is not in what is left`);
    if (!opened.vmcoreinfoText) throw new VmcoreError("the dump has no VMCOREINFO (QEMU dumps need the guest's qemu_fw_cfg module and -device vmcoreinfo): the kernel log cannot be located");
    const info = parseVmcoreinfo(opened.vmcoreinfoText);
    facts.release = info.get("OSRELEASE") || facts.release;
    facts.buildId = info.get("BUILD-ID");
    const pageSize = Number(info.get("PAGESIZE") ?? facts.pageSize ?? 4096);
    if (!Number.isInteger(pageSize) || pageSize < 1024 || pageSize > 1 << 20 || (pageSize & (pageSize - 1)) !== 0) {
      throw new VmcoreError(`VMCOREINFO PAGESIZE ${JSON.stringify(info.get("PAGESIZE"))} is not a page size`);
    }
    if (facts.pageSize !== undefined && facts.pageSize !== pageSize) {
      throw new VmcoreError(`kdump block size ${facts.pageSize} differs from VMCOREINFO PAGESIZE ${pageSize}`);
    }
    facts.pageSize = pageSize;
    const crashed = isoFromEpochSeconds(Number(info.get("CRASHTIME")));
    if (crashed) facts.crashTime = crashed;
    const kernelOffset = parseKernelOffset(info);
    if (kernelOffset !== undefined) facts.kernelOffset = hex(kernelOffset);
    const cpuNotes = opened.notes.filter((n) => n.type === NT_PRSTATUS && n.name === "CORE");
    if (cpuNotes.length > 0) {
      facts.cpuCount = cpuNotes.length;
      facts.cpus = cpuNotes.slice(0, MAX_CPU_STATES).flatMap((n, i) => parsePrstatus(n.desc, i) ?? []);
    }

    const physBase = choosePhysBase(info, opened, warnings);
    facts.physBase = hex(physBase);
    const smeMask = info.number("sme_mask") ?? 0n;
    const topPgt = info.symbol("init_top_pgt");
    const mem = new KernelMemory(opened.memory(pageSize), {
      physBase,
      topTable: topPgt !== undefined && topPgt >= START_KERNEL_MAP ? BigInt.asUintN(64, topPgt - START_KERNEL_MAP + physBase) & ~smeMask : undefined,
      fiveLevel: info.number("pgtable_l5_enabled") === 1n,
      smeMask,
      kernelImageSize: info.number("KERNEL_IMAGE_SIZE") ?? DEFAULT_KERNEL_IMAGE_SIZE,
    });
    await readUtsname(mem, info, facts);
    let result;
    if (info.symbol("prb") !== undefined) {
      facts.printk = "lockless";
      result = await readPrintkLockless(mem, info, warnings);
    } else if (hasLegacyPrintk(info)) {
      facts.printk = "legacy";
      result = await readPrintkLegacy(mem, info, warnings);
    } else if (hasPlainPrintk(info)) {
      facts.printk = "plain";
      result = await readPrintkPlain(mem, info, warnings);
    } else {
      throw new VmcoreError("VMCOREINFO describes no printk buffer (SYMBOL(prb), log_buf with printk_log, or log_buf with log_end)");
    }
    facts.records = result.records;
    if (result.lost > 0) facts.lostRecords = result.lost;
    // No record at all is the dump failing, not an empty log: its reason must reach the user (and a vmcore-dmesg.txt
    // saved beside the dump is then read instead of dropped as a repeat).
    if (result.records === 0 && result.lost > 0)
      return finish(result.text, `none of the kernel log's ${result.lost} records could be read: they lie in pages missing from the dump (a truncated file, or pages its dump level excluded; the warnings say which)`);
    return finish(result.text);
  } catch (e) {
    // A dump we cannot read gives its reason on the input; other errors propagate.
    if (e instanceof VmcoreError) return finish("", e.message);
    throw e;
  }
}
