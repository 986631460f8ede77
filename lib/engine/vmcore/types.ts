/**
 * What the vmcore reader hands on: the kernel log text (as `makedumpfile --dump-dmesg` prints it), the crash facts
 * found in the dump's headers, notes and VMCOREINFO, and what could not be read.
 */

/** Container format, recognised by magic bytes. */
export type VmcoreFormat = "elf" | "kdump" | "kdump-flattened";

/** One CPU's registers from an NT_PRSTATUS note (x86_64 `struct elf_prstatus`), hex strings. */
export type VmcoreCpuState = {
  /** Position of the note among the NT_PRSTATUS notes (the kernel writes them in CPU order). */
  index: number;
  /** `pr_pid`: the task on that CPU (the kernel) or the vCPU index (QEMU). */
  pid: number;
  registers: Record<string, string>;
};

export type VmcoreFacts = {
  format: VmcoreFormat;
  /** Number of files the dump came in (`makedumpfile --split`). */
  parts: number;
  /** Size of the dump itself (all parts), not of the kernel log read out of it. */
  dumpBytes?: number;
  /** Kernel release (`OSRELEASE`, else the kdump header's utsname). */
  release?: string;
  /** `uname -v` from the kdump header: `#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (…)`. */
  version?: string;
  machine?: string;
  /** Node name from the kdump header's utsname (the crashed host's name). */
  nodename?: string;
  /** ISO 8601: `CRASHTIME` from VMCOREINFO, else the kdump header's timestamp. */
  crashTime?: string;
  pageSize?: number;
  /** makedumpfile `-d` level (kdump formats only). */
  dumpLevel?: number;
  /** kdump header `header_version`. */
  headerVersion?: number;
  /** Page compressions met while reading (`zlib`, `lzo`, `snappy`, `zstd`, `none`). */
  compression?: string[];
  /** The dump was cut short when written (kdump `DUMP_DH_COMPRESSED_INCOMPLETE`). */
  incomplete?: boolean;
  /** KASLR slide (`KERNELOFFSET`), hex. */
  kernelOffset?: string;
  /** hex */
  physBase?: string;
  buildId?: string;
  /** `lockless` (prb, Linux ≥ 5.10), `legacy` (log_buf + printk_log, 3.5–5.9) or `plain` (byte ring, < 3.5). */
  printk?: "lockless" | "legacy" | "plain";
  /** Log records printed. */
  records?: number;
  /** Log records that could not be read (pages excluded or missing); for a `plain` buffer, 1 when text is missing. */
  lostRecords?: number;
  /** NT_PRSTATUS notes (at most MAX_CPU_STATES). */
  cpus?: VmcoreCpuState[];
  /** Number of NT_PRSTATUS notes in the dump. */
  cpuCount?: number;
};

/** The result of reading a dump. Never thrown away: a dump that can only be partly read gives what it can. */
export type VmcoreExtract = {
  /** The kernel log, byte-compatible with `makedumpfile --dump-dmesg` (1.7.2), as a string (ASCII-safe). */
  text: string;
  facts: VmcoreFacts;
  /** What could not be read and why (truncated file, excluded pages, inconsistent headers). */
  warnings: string[];
  /** Set when no log could be extracted at all (not a dump, no VMCOREINFO, ring buffer unreadable). */
  error?: string;
};
