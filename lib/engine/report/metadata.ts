/**
 * Report metadata: kernel release and build, taint, modules, hardware, the faulting instruction pointer, and
 * the task (CPU/PID/Comm) a crash report names. Input lines have their log prefixes removed. Never throws.
 *
 * The kernel release is taken ONLY from lines that also carry the task (`CPU: 3 PID: 0 Comm: …`, the old
 * `Pid: 0, comm: …`), the hung-task taint line under its header, or the `crash` utility's `RELEASE:` line: a release anywhere else in a log may be a
 * module's, a package's or a foreign host's.
 */
import type { Finding } from "../types";
import { cleanFunctionName } from "./frames";
import { memoByText } from "./memo-by-text";
import { decodeTaint } from "./taint";

/** The finding fields a report's own lines decide (documented on `Finding`). */
export type ReportMetadata = Pick<
  Finding,
  "kernelRelease" | "kernelBuild" | "taint" | "modules" | "lastUnloadedModule" | "hardware" | "rip" | "cpu" | "pid" | "comm" | "kdumpLoaded"
>;

// Taint part: `Not tainted` or `Tainted: G    B   W  OE` (RHEL adds dashes for its unset flags: `GF  O-----`).
const TAINT_PART = String.raw`(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s+`;
// New form (3.10+): `CPU: 3 PID: 0 Comm: swapper/3 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1`
// 6.12+ inserts `UID: 0` before PID. Comm is at most 16 chars but may contain spaces, so match it lazily.
// A console that wrapped the line mid-way leaves `88243 Comm: … Not tainted <release> #1` on the next line.
const TASK_LINE_NEW = new RegExp(
  String.raw`(?:\bCPU: (\d+) (?:UID: \d+ )?PID: (\d+) |^\s*\d* ?)Comm: (.{1,20}?) (Kdump: loaded )?` + TAINT_PART + String.raw`(\d[^\s]*)(?:\s+(.*?))?\s*$`,
);
// Old form (2.6.x – 3.x x86 __show_regs): `Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1 HP ProLiant DL380`
// Only the first token of the version string was printed, then the DMI board name.
// 32-bit kernels of that time put release and build in parentheses: `Pid: 8003, comm: Xorg Not tainted (2.6.27.9 #1)`.
const TASK_LINE_OLD = new RegExp(
  String.raw`\bPid: (\d+), comm: (.{1,20}?) ` + TAINT_PART + String.raw`\(?(\d[^\s)]*)(?:\s+([^\s)]+))?\)?(?:\s+(.*?))?\s*$`,
);
// Old i386 register dump (2.6.x show_registers): `CPU:    0` / `EIP:    0060:[<c022a7b5>]    Not tainted VLI` /
// `EFLAGS: 00010202   (2.6.18-8.el5 #1)` / `Process modprobe (pid: 4467, ti=c7878000 …)`. The block is the task's
// register dump, so its release counts like the `CPU:`/`Pid:` lines.
const I386_CPU_LINE = /^\s*CPU:\s+(\d+)\s*$/;
const I386_EIP_TAINT = /^\s*EIP:\s+[0-9a-f]{4}:\[<[0-9a-f]+>\]\s+(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s+VLI\s*$/;
// 2.6.11–2.6.16 printed the taint on that line instead of the EIP one: ` EFLAGS: 00000282    Not tainted  (2.6.16.1 #10)`.
const I386_EFLAGS_RELEASE = /^\s*EFLAGS: [0-9a-f]+\s+(?:(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s+)?\((\d[^\s)]*)(?: ([^\s)]+))?[^)]*\)\s*$/;
const I386_PROCESS = /^\s*Process (.{1,20}?) \(pid: (\d+), /;
// ARM's register dump of the same era (2.6.x – 3.x __show_regs): `CPU: 0    Tainted: G        W     (3.4.0-g9a3c983-dirty #3)`.
const ARM_CPU_TAINT_RELEASE = new RegExp(String.raw`^\s*CPU: (\d+)\s+` + TAINT_PART + String.raw`\((\d[^\s)]*)(?: ([^\s)]+))?[^)]*\)\s*$`);
// A task line whose tail is damaged (wrapped mid-line): still good for CPU/PID/Comm.
const TASK_LINE_LOOSE = /\bCPU: (\d+) (?:UID: \d+ )?PID: (\d+)(?: Comm: (\S+))?/;
// print_kernel_ident() under lockdep/RCU splats: `3.5.0-rc5 #2 Not tainted`, `3.4.0 #37 Tainted: G        W`.
// No task on the line: the release counts only when no task line of the report names one (a lockdep splat
// prints its task line, if at all, far below, with the stack).
const KERNEL_IDENT_LINE = /^\s*(\d[\w.+~-]*) (#\S+)\s+(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s*$/;
// Before 3.x the ident printed no taint: `2.6.32-504.16.2.1chaos.ch5.3.x86_64.debug #1` right under lockdep's
// `[ INFO: possible circular locking dependency detected ]`; only the line after such a header is read as one.
const OLD_LOCKDEP_HEADER = /^\s*\[ INFO: [^\]]+ \]\s*$/;
const BARE_IDENT_LINE = /^\s*(\d+\.\d+[\w.+~-]*) (#\d\S*)\s*$/;
/**
 * ppc's xmon, entered from a crash, prints the crashing task (`    pid   = 3222, comm = udevd`) and right under it the
 * running kernel's banner (`Linux version 5.0.0 (joel@ka5) (gcc …) #22 SMP Thu Apr 11 …`): that banner is the
 * crashed kernel's release, read like print_kernel_ident()'s line (a task line of the report wins).
 */
export const XMON_TASK_ROW = /^\s*pid\s+= \d+, comm = /;
const XMON_BANNER = /^Linux version (\d+\.\d+\S*) .*?(#\d+\S*)/;
// Hung-task reports (4.x+) print the taint and the release on a line of their own under the header:
// `      Not tainted 5.4.89+ #1`, `      Tainted: G           OE     5.15.0-1019-aws #23~20.04.1-Ubuntu`.
const TAINT_RELEASE_LINE = /^\s*(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s+(\d+\.\d+[^\s]*)(?:\s+(#\S.*?))?\s*$/;
// The same line wrapped by a mail client right after the taint flags: `      Tainted: G        W  OE` and then
// `6.2.0-34-generic #34-Ubuntu` alone on the next line.
const TAINT_ONLY_LINE = /^\s*(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s*$/;
// 6.12+: a separate, spelled-out taint line `Tainted: [W]=WARN, [O]=OOT_MODULE`
const TAINT_LINE_BRACKETED = /^\s*Tainted: (\[[A-Za-z]\]=.*)$/;
// `crash` utility: `PID: 2371   TASK: ffff8800b9ad0000  CPU: 3   COMMAND: "kworker/3:1"` and `sys` output.
const CRASH_TASK_LINE = /^\s*PID: (\d+)\s+TASK: [0-9a-f]+\s+CPU: (\d+)\s+COMMAND: "([^"]*)"/;
const CRASH_RELEASE = /^\s*RELEASE: (\d\S*)\s*$/;
const CRASH_VERSION = /^\s*VERSION: (#.*?)\s*$/;
const HARDWARE = /^\s*Hardware name: (.*?)\s*$/;
const MODULES = /^\s*Modules linked in:(.*)$/;
// A wrapped modules line holds module names only (`pinctrl_amd wmi(E)`, maybe `[last unloaded: x]`). Every
// name has a lower-case letter (`8021q`, `ipt_MASQUERADE`), which keeps out old x86's `CPU 5` line.
const MODULE_NAME = String.raw`(?=[\w-]*[a-z])[\w-]+(?:\([A-Z+\-]+\))?`; // no nested ambiguity: linear on long lists
const MODULE_CONTINUATION = new RegExp(
  String.raw`^\s*${MODULE_NAME}(?:\s+${MODULE_NAME})*\s*(?:\[last unloaded: [^\]]*\])?\s*$`,
);
/** The `Modules linked in:` line that opens a module list. */
// A task line a mail client or console wrapped right after the taint: `CPU: 1 PID: 3694 Comm: kworker/1:1H
// Tainted: GF` and then `3.11.0-15-generic #23~precise1-Ubuntu` alone on the next line.
const TASK_LINE_WRAPPED = new RegExp(
  String.raw`\bCPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.{1,20}?) (Kdump: loaded )?(Not tainted|Tainted:\s+([A-Za-z][A-Za-z \-]*?))\s*$`,
);
// The wrap can fall inside the taint flags too (`Tainted: G` / `WC O    4.12.0-rc3-android-x86+ #1`).
const WRAPPED_RELEASE = /^\s*(?:[A-Z][A-Z \-]*?\s+)?(\d+\.\d+[\w.+~-]*)(?:\s+(#\S.*?))?\s*$/;
// Or right after `Comm:` (a 72-column mail wrap of a syslog-prefixed line): `… CPU: 1 PID: 149 Comm:` and then
// `kswapd0 Not tainted 5.7.0-rc6.20200519 #1` on the next line: the comm, the taint and the release.
const TASK_LINE_WRAPPED_AT_COMM = /\bCPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm:$/;
const WRAPPED_COMM_RELEASE = new RegExp(String.raw`^\s*(\S.{0,19}?) (Kdump: loaded )?` + TAINT_PART + String.raw`(\d+\.\d+[^\s]*)(?:\s+(#\S.*?))?\s*$`);
export const isWrappedTaskLine = (line: string): boolean =>
  (line.includes("Comm: ") && TASK_LINE_WRAPPED.test(line.trimEnd())) || TASK_LINE_WRAPPED_AT_COMM.test(line.trimEnd()) || TAINT_ONLY_LINE.test(line.trimEnd());
export const isWrappedRelease = (line: string): boolean => WRAPPED_RELEASE.test(line) || WRAPPED_COMM_RELEASE.test(line.trimEnd());
const TASK_LINE_CPU_PID = /\bCPU: \d+ (?:UID: \d+ )?PID: \d+ /;
/**
 * A whole task line (`CPU: 0 PID: 1108 Comm: qrexec-agent Tainted: G  O 3.12.23-1.pvops.qubes.x86_64 #1`,
 * `Pid: 0, comm: swapper Not tainted 2.6.32 #1`) anywhere in a line: kernel text even when paste damage ate its
 * timestamp (a migrated ticket's markdown left `[) CPU: 0 PID: …` between stamped lines).
 */
export const holdsTaskLine = (line: string): boolean =>
  (TASK_LINE_CPU_PID.test(line) && TASK_LINE_NEW.test(line)) ||
  TASK_LINE_OLD.test(line) ||
  // ARM's 2.6–3.x __show_regs printed `Pid: 14711, comm:      serial-starter.` with no taint, then the task's CPU,
  // taint and release on a line of their own: that line is the one carrying the running kernel's release.
  (line.includes("CPU: ") && ARM_CPU_TAINT_RELEASE.test(line));

export const isModuleListStart = (line: string): boolean => MODULES.test(line);
/** A line that can only be the wrapped rest of a module list (module names, maybe `[last unloaded: x]`). */
export const isModuleListContinuation = (line: string): boolean => line.trim() !== "" && MODULE_CONTINUATION.test(line.trimEnd());
const LAST_UNLOADED = /\[last unloaded: ([\w-]+)(?:\([A-Z+\-]+\))?[^\]]*\]/;
// printk splits a record near 1 KiB: only a long modules line can have wrapped.
const MODULE_LINE_WRAP_MIN = 150;

// Instruction pointer lines, first kernel one wins. A bare address (`RIP: 0033:0x7fd1f18192fb`) is user space.
const SYMBOL_OFFSET = String.raw`([A-Za-z_.$][\w.$@~-]*\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?(?:\s+\[[\w-]+\])?)`;
/**
 * The old x86 RIP line's address pair `[<a>]  [<a>]` as a Markdown link: trackers migrated from Trac to GitHub
 * (Qubes OS's issues) rewrote it `[ [<a>](<a>])`, so the function after it was no longer read.
 */
export const MARKDOWN_LINKED_RIP_ADDRESSES = String.raw`\[ \[<[0-9a-f]+>\]\(<[0-9a-f]+>\]\)`;
/**
 * The RIP/IP line's addresses with their `<…>` eaten: an HTML renderer (GitHub issues, mail archives) drops
 * `<ffffffff8100bc0e>` as an unknown tag and leaves the brackets, `RIP: 0010:[] [] f+0x…/0x…`, `IP: [] f+0x…/0x…`.
 */
export const EMPTIED_RIP_ADDRESSES = String.raw`\[\](?:\s+\[\])?`;
const RIP_PATTERNS: RegExp[] = [
  // x86 new `RIP: 0010:skb_segment+0xbc8/0xd20`, old `RIP: 0010:[<ffffffff81561fe8>]  [<ffffffff81561fe8>] f+0x…`
  new RegExp(String.raw`^\s*[RE]IP: [0-9a-f]{4}:(?:\[<[0-9a-f]+>\]\s+\[<[0-9a-f]+>\]\s+|` + MARKDOWN_LINKED_RIP_ADDRESSES + String.raw`\s+|` + EMPTIED_RIP_ADDRESSES + String.raw`\s+)?` + SYMBOL_OFFSET),
  // x86_64 2.6.0–2.6.17: `RIP: 0010:[<ffffffff8018fcbf>] <ffffffff8018fcbf>{__d_lookup+219}` (decimal offset)
  new RegExp(String.raw`^\s*RIP: [0-9a-f]{4}:\[<[0-9a-f]+>\]\s+<[0-9a-f]+>\{(?::[\w-]+:)?([A-Za-z_.$][\w.$@~-]*\+\d+)\}`),
  // x86 page fault, 2.6.x–4.x: `IP: [<ffffffff810a376f>] __call_rcu.constprop.76+0x1f/0x280`, with the old module
  // syntax `IP: [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302`
  new RegExp(String.raw`^\s*IP: (?:\[<[0-9a-f]+>\]|\[\]) (?::[\w-]+:)?` + SYMBOL_OFFSET),
  // x86 32-bit / old: `EIP is at wdev_priv.part.8+0x3/0x5 [wl]`, `RIP is at …`; ARM `PC is at f+0x…`
  new RegExp(String.raw`^\s*(?:[RE]IP|PC) is at ` + SYMBOL_OFFSET),
  // arm64 `pc : f+0x…/0x…`, riscv/mips `epc : …`
  new RegExp(String.raw`^\s*(?:pc|epc)\s*: (?:\[<[0-9a-f]+>\] )?` + SYMBOL_OFFSET),
  // sparc64 `TPC: <free_block+0x60/0x16c>`
  new RegExp(String.raw`^\s*TPC: <` + SYMBOL_OFFSET),
  // parisc `IAOQ[0]: d_alloc_parallel+0x384/0x688`
  new RegExp(String.raw`^\s*IAOQ\[0\]: ` + SYMBOL_OFFSET),
  // ppc64 `NIP [c000000008068dfc] .eeh_dev_check_failure+0x27c/0x390`
  new RegExp(String.raw`^\s*NIP \[[0-9a-f]+\] ` + SYMBOL_OFFSET),
  // s390 `Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])`
  new RegExp(String.raw`^\s*Krnl PSW : [0-9a-f]+ [0-9a-f]+ \(` + SYMBOL_OFFSET + String.raw`\)`),
  // crash utility `[exception RIP: skb_segment+3016]` (decimal offset)
  /^\s*\[exception RIP: ([A-Za-z_.$][\w.$@~-]*(?:\+\d+)?)\]/,
];

/**
 * An old x86 RIP/IP line that ends after its addresses: a mail client wrapped the ~85-column line right before the
 * function (`RIP: e030:[<ffffffff8115e055>]  [<ffffffff8115e055>]` / `free_pcppages_bulk+0xe5/0x520`). One stray
 * character may follow an address (a no-break space the mailer turned into `A `).
 */
export const RIP_ADDRESSES_ONLY = /^\s*(?:[RE]IP: [0-9a-f]{4}:\[<[0-9a-f]+>\]\S?\s+\[<[0-9a-f]+>\]|IP: \[<[0-9a-f]+>\])\S?$/;
/** The function a wrap moved onto the line after RIP_ADDRESSES_ONLY: that line holds nothing else. */
export const WRAPPED_RIP_FUNCTION = new RegExp(String.raw`^\s*` + SYMBOL_OFFSET + String.raw`\s*$`);

/** The patterns below that are anchored at the line start, as one regex (one attempt per line, not one per pattern). */
const ANCHORED_METADATA = new RegExp(
  [I386_CPU_LINE, ARM_CPU_TAINT_RELEASE, I386_EIP_TAINT, I386_EFLAGS_RELEASE, I386_PROCESS, KERNEL_IDENT_LINE, OLD_LOCKDEP_HEADER, TAINT_RELEASE_LINE, TAINT_LINE_BRACKETED, CRASH_TASK_LINE, CRASH_RELEASE, CRASH_VERSION, HARDWARE, MODULES, ...RIP_PATTERNS, RIP_ADDRESSES_ONLY]
    .map((re) => `(?:${re.source})`)
    .join("|"),
);

/**
 * Whether a line can match any pattern of `parseReportMetadata`: the unanchored task lines need their literal, the
 * rest is ANCHORED_METADATA. Most lines of a report (frames, registers, other programs' lines) match none.
 */
const mayHoldMetadata = memoByText(
  (line: string): boolean => line.includes("Comm: ") || line.includes("Pid: ") || line.includes("CPU: ") || line.includes("ainted") || ANCHORED_METADATA.test(line),
);

/** The cleaned function name of a `rip` value (`skb_segment+0xbc8/0xd20 [mod]` → `skb_segment`). */
export function ripFunction(rip: string): string {
  const name = rip.trim().split(/[+\s]/)[0] ?? "";
  return cleanFunctionName(name);
}

function setTaint(meta: ReportMetadata, notTainted: string, flags: string | undefined): void {
  if (meta.taint) return;
  meta.taint = notTainted === "Not tainted" ? { flags: "", decoded: [] } : decodeTaint(flags ?? "");
}

function splitModules(list: string): { names: string[]; lastUnloaded?: string } {
  const last = LAST_UNLOADED.exec(list);
  const names = list
    .replace(LAST_UNLOADED, " ")
    .split(/\s+/)
    .map((token) => token.replace(/\(.*$/, "").trim())
    .filter((name) => /^[\w-]+$/.test(name));
  return { names, lastUnloaded: last?.[1] };
}

// OpenWrt's logd keeps a record cut at its size limit and the next record lands on the same line: a module list ends in
// a broken name glued to the next record's logread prefix (`… iptable_fWed Jun 15 04:24:09 2016 kern.warn kernel:
// [  694.027758] CPU: 0 PID: 3 Comm: ksoftirqd/0 Not tainted 4.4.13 #1`; lede-project/source#122, kaloz/mwlwifi#189).
const GLUED_LOGREAD_RECORD =
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4} (?:kern|user|daemon|syslog|local[0-7])\.[a-z]+ kernel: (?:\[ *\d+\.\d+\] ?)?/;

/** A report line holding a glued logread record, as the two lines it was: the cut one (its broken last word dropped) and the glued one. */
function unglueLogreadRecords(line: string): string[] {
  if (!line.includes(" kernel: ")) return [line];
  const m = GLUED_LOGREAD_RECORD.exec(line);
  if (!m || m.index === 0) return [line];
  const head = line.slice(0, m.index);
  const kept = /\s$/.test(head) ? head : head.replace(/\S+$/, "");
  return [kept, ...unglueLogreadRecords(line.slice(m.index + m[0].length))];
}

/**
 * Metadata of one report. The first occurrence of each field wins (a report may quote a second task's lines).
 */
export function parseReportMetadata(reportLines: string[]): ReportMetadata {
  const meta: ReportMetadata = {};
  if (!Array.isArray(reportLines)) return meta;
  const lines = reportLines.flatMap((entry) => (typeof entry === "string" ? unglueLogreadRecords(entry) : [entry]));
  let moduleLineOpen = false;
  let modulesDone = false;

  let releaseOnNextLine = false;
  let commOnNextLine = false;
  let identOnNextLine = false;
  let identRelease: { release: string; build: string } | undefined;
  let ripOnNextLine = false;
  let xmonBannerOnNextLine = false;
  for (const entry of lines) {
    if (typeof entry !== "string") continue;
    const line = entry.trimEnd();
    if (xmonBannerOnNextLine) {
      xmonBannerOnNextLine = false;
      const banner = XMON_BANNER.exec(line);
      if (banner) {
        identRelease ??= { release: banner[1], build: banner[2] };
        continue;
      }
    }
    if (line.includes("comm = ") && XMON_TASK_ROW.test(line)) {
      xmonBannerOnNextLine = true;
      continue;
    }
    if (ripOnNextLine) {
      ripOnNextLine = false;
      const wrapped = WRAPPED_RIP_FUNCTION.exec(line);
      if (wrapped && meta.rip === undefined) {
        meta.rip = wrapped[1].replace(/\s+/g, " ");
        continue;
      }
    }
    if (identOnNextLine) {
      identOnNextLine = false;
      const bare = BARE_IDENT_LINE.exec(line);
      if (bare) {
        identRelease ??= { release: bare[1], build: bare[2] };
        continue;
      }
    }
    if (commOnNextLine) {
      commOnNextLine = false;
      const rest = WRAPPED_COMM_RELEASE.exec(line);
      if (rest && meta.kernelRelease === undefined) {
        const [, comm, kdump, notTainted, flags, release, build] = rest;
        meta.comm = comm.trim();
        if (kdump) meta.kdumpLoaded = true;
        setTaint(meta, notTainted, flags);
        meta.kernelRelease = release;
        if (build) meta.kernelBuild = build.replace(/\s+/g, " ");
        continue;
      }
    }
    if (!releaseOnNextLine && !moduleLineOpen && !mayHoldMetadata(line)) continue;
    if (OLD_LOCKDEP_HEADER.test(line)) {
      identOnNextLine = true;
      continue;
    }
    if (releaseOnNextLine) {
      releaseOnNextLine = false;
      const wrapped = WRAPPED_RELEASE.exec(line);
      if (wrapped && meta.kernelRelease === undefined) {
        meta.kernelRelease = wrapped[1];
        if (wrapped[2]) meta.kernelBuild = wrapped[2].replace(/\s+/g, " ");
        continue;
      }
    }

    // Modules: the list may wrap onto following lines; a continuation holds module names only.
    const modules = MODULES.exec(line);
    if (modules) {
      if (!modulesDone) {
        const { names, lastUnloaded } = splitModules(modules[1]);
        meta.modules = names;
        if (lastUnloaded) meta.lastUnloadedModule = lastUnloaded;
        // Some consoles break right after the colon (`Modules linked in:` then ` bnep bluetooth …`).
        moduleLineOpen = (line.length >= MODULE_LINE_WRAP_MIN || names.length === 0) && !lastUnloaded;
        modulesDone = true;
      }
      continue;
    }
    if (moduleLineOpen) {
      if (line.trim() !== "" && MODULE_CONTINUATION.test(line) && meta.modules) {
        const { names, lastUnloaded } = splitModules(line);
        meta.modules.push(...names);
        if (lastUnloaded) {
          meta.lastUnloadedModule = lastUnloaded;
          moduleLineOpen = false;
        }
        continue;
      }
      moduleLineOpen = false;
    }

    // The unanchored task and taint patterns scan the whole line with lazy groups: run each only on a line holding
    // the literal it needs (most report lines are frames and registers).
    const hasComm = line.includes("Comm: ");
    const hasTaint = line.includes("ainted");
    const taskNew = hasComm ? TASK_LINE_NEW.exec(line) : null;
    if (taskNew) {
      const [, cpu, pid, comm, kdump, notTainted, flags, release, build] = taskNew;
      if (meta.kernelRelease === undefined) {
        if (cpu !== undefined) meta.cpu = Number(cpu);
        if (pid !== undefined) meta.pid = Number(pid);
        meta.comm = comm.trim();
        if (kdump) meta.kdumpLoaded = true;
        meta.kernelRelease = release;
        if (build) meta.kernelBuild = build.replace(/\s+/g, " ");
        setTaint(meta, notTainted, flags);
      }
      continue;
    }
    const taskWrapped = hasComm && meta.kernelRelease === undefined && meta.comm === undefined ? TASK_LINE_WRAPPED.exec(line) : null;
    if (taskWrapped) {
      const [, cpu, pid, comm, kdump, notTainted, flags] = taskWrapped;
      meta.cpu = Number(cpu);
      meta.pid = Number(pid);
      meta.comm = comm.trim();
      if (kdump) meta.kdumpLoaded = true;
      setTaint(meta, notTainted, flags);
      releaseOnNextLine = true;
      continue;
    }
    const taskAtComm = line.endsWith("Comm:") && meta.kernelRelease === undefined && meta.comm === undefined ? TASK_LINE_WRAPPED_AT_COMM.exec(line) : null;
    if (taskAtComm) {
      meta.cpu = Number(taskAtComm[1]);
      meta.pid = Number(taskAtComm[2]);
      commOnNextLine = true;
      continue;
    }
    const taskOld = line.includes("Pid: ") ? TASK_LINE_OLD.exec(line) : null;
    if (taskOld) {
      const [, pid, comm, notTainted, flags, release, build, board] = taskOld;
      if (meta.kernelRelease === undefined) {
        meta.pid = Number(pid);
        meta.comm = comm.trim();
        meta.kernelRelease = release;
        if (build) meta.kernelBuild = build;
        if (board && !meta.hardware) meta.hardware = board;
        setTaint(meta, notTainted, flags);
      }
      continue;
    }
    const armCpu = ARM_CPU_TAINT_RELEASE.exec(line);
    if (armCpu) {
      meta.cpu ??= Number(armCpu[1]);
      setTaint(meta, armCpu[2], armCpu[3]);
      if (meta.kernelRelease === undefined) {
        meta.kernelRelease = armCpu[4];
        if (armCpu[5]) meta.kernelBuild = armCpu[5];
      }
      continue;
    }
    const i386Cpu = I386_CPU_LINE.exec(line);
    if (i386Cpu) {
      meta.cpu ??= Number(i386Cpu[1]);
      continue;
    }
    const i386Taint = I386_EIP_TAINT.exec(line);
    if (i386Taint) {
      setTaint(meta, i386Taint[1], i386Taint[2]);
      continue;
    }
    const i386Release = I386_EFLAGS_RELEASE.exec(line);
    if (i386Release) {
      if (i386Release[1] && !meta.taint) setTaint(meta, i386Release[1], i386Release[2]);
      if (meta.kernelRelease === undefined) {
        meta.kernelRelease = i386Release[3];
        if (i386Release[4]) meta.kernelBuild = i386Release[4];
      }
      continue;
    }
    const i386Process = I386_PROCESS.exec(line);
    if (i386Process) {
      if (meta.pid === undefined) {
        meta.pid = Number(i386Process[2]);
        meta.comm = i386Process[1];
      }
      continue;
    }
    const loose = line.includes("CPU: ") ? TASK_LINE_LOOSE.exec(line) : null;
    if (loose && meta.pid === undefined) {
      meta.cpu = Number(loose[1]);
      meta.pid = Number(loose[2]);
      if (loose[3]) meta.comm = loose[3];
      if (/Kdump: loaded/.test(line)) meta.kdumpLoaded = true;
    }
    const taintRelease = hasTaint ? TAINT_RELEASE_LINE.exec(line) : null;
    if (taintRelease) {
      setTaint(meta, taintRelease[1], taintRelease[2]);
      if (meta.kernelRelease === undefined) {
        meta.kernelRelease = taintRelease[3];
        if (taintRelease[4]) meta.kernelBuild = taintRelease[4];
      }
      continue;
    }
    const taintOnly = hasTaint && meta.kernelRelease === undefined ? TAINT_ONLY_LINE.exec(line) : null;
    if (taintOnly) {
      setTaint(meta, taintOnly[1], taintOnly[2]);
      releaseOnNextLine = true;
      continue;
    }
    const ident = hasTaint ? KERNEL_IDENT_LINE.exec(line) : null;
    if (ident) {
      identRelease ??= { release: ident[1], build: ident[2] };
      setTaint(meta, ident[3], ident[4]);
      continue;
    }
    const bracketed = TAINT_LINE_BRACKETED.exec(line);
    if (bracketed) {
      // The spelled-out line is more precise than the letter column: prefer it.
      meta.taint = decodeTaint(bracketed[1]);
      continue;
    }
    const crashTask = CRASH_TASK_LINE.exec(line);
    if (crashTask) {
      if (meta.pid === undefined) {
        meta.pid = Number(crashTask[1]);
        meta.cpu = Number(crashTask[2]);
        meta.comm = crashTask[3];
      }
      continue;
    }
    const crashRelease = CRASH_RELEASE.exec(line);
    if (crashRelease) {
      meta.kernelRelease ??= crashRelease[1];
      continue;
    }
    const crashVersion = CRASH_VERSION.exec(line);
    if (crashVersion) {
      meta.kernelBuild ??= crashVersion[1];
      continue;
    }
    const hardware = HARDWARE.exec(line);
    if (hardware) {
      meta.hardware ??= hardware[1];
      continue;
    }
    if (meta.rip === undefined) {
      for (const pattern of RIP_PATTERNS) {
        const rip = pattern.exec(line);
        if (rip) {
          meta.rip = rip[1].replace(/\s+/g, " ");
          break;
        }
      }
      if (meta.rip === undefined && RIP_ADDRESSES_ONLY.test(line)) ripOnNextLine = true;
    }
  }
  if (meta.kernelRelease === undefined && identRelease) {
    meta.kernelRelease = identRelease.release;
    meta.kernelBuild ??= identRelease.build;
  }
  return meta;
}
