/**
 * Reports written from the kernel's own format strings, per architecture and era (arch/arm64/mm/fault.c's
 * die_kernel_fault messages, arch/powerpc/mm/fault.c, arch/s390/mm/fault.c, riscv and MIPS die(), lib/ubsan.c's
 * check names, lockdep's pre-4.10 `[ INFO: … ]` headers, kernel/hung_task.c's blocker lines, lib/vsprintf.c's
 * helpers): each names what the classes table and the generic-frame table must make of it. Frame names and
 * addresses are made up; the message text is the kernel's.
 */
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";
import { isGenericFrame } from "./generic-frames";

function extract(lines: string[]) {
  const ctx = createLineContext(0, 2024);
  return extractReports(lines.map((l, i) => parseLine(l, i + 1, ctx)), { fileName: "t.log" });
}

type Case = { name: string; lines: string[]; title?: string; frame?: string; kind?: string; count?: number; repeats?: number };
/** Lines of a template literal, each starting after its `|` margin. */
const T = (s: string) => s.split("\n").map((l) => l.replace(/^\s*\|/, ""));

/** An x86 oops from its die() line(s) on: the task line, the RIP and a `<TASK>` call trace. */
const x86Oops = (head: string[], rip: string, frames: string[]) => [
  ...head,
  "CPU: 0 PID: 1 Comm: a Not tainted 6.10.0 #1",
  `RIP: 0010:${rip}+0x12/0x40`,
  "Call Trace:",
  " <TASK>",
  ...frames.map((f) => ` ${f}+0x1/0x2`),
  " </TASK>",
];

/** lib/ubsan.c's report: `UBSAN: <check> in <file>:<line>:<col>`, its detail line, then the stack through the handler. */
const ubsan = (check: string, handler: string) => [
  `UBSAN: ${check} in drivers/foo/bar.c:12:5`,
  "member access within misaligned address 00000000 for type 'struct x'",
  "CPU: 0 PID: 1 Comm: a Not tainted 6.12.0 #1",
  "Call Trace:",
  " <TASK>",
  " dump_stack_lvl+0x1/0x2",
  ` ${handler}+0x1/0x2`,
  " bar_fn+0x1/0x2",
  " </TASK>",
];

/** A 32-bit ARM oops from its fault lines on: the task line, `PC is at`/`LR is at` and the `f from g` backtrace. */
const armOops = (head: string[]) => [
  ...head,
  "CPU: 0 PID: 1 Comm: a Not tainted 5.15.0 #1",
  "PC is at armfn+0x14/0x40",
  "LR is at armcaller+0x30/0x80",
  "Backtrace:",
  " armfn from armcaller+0x30/0x80",
  " armcaller from top+0x1/0x2",
];

/** riscv die(): its message, the task line, `epc`/`ra` by name then as values, the trap registers, the bare stack. */
const riscvDie = (head: string[], fns: [string, string, ...string[]]) => [
  ...head,
  "Modules linked in:",
  "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1",
  `epc : ${fns[0]}+0x2a/0x40`,
  ` ra : ${fns[1]}+0x1a8/0x1cc`,
  "epc : ffffffff8015a3be ra : ffffffff8015c7ae sp : ff2000000000bd40",
  "status: 0000000200000120 badaddr: 0000000000000000 cause: 0000000000000003",
  ...fns.map((f) => `[<ffffffff8015a3be>] ${f}+0x2a/0x40`),
];

/** MIPS and LoongArch die(): `Oops[#1]:`, the task line, the faulting pc (`epc`/`era`, address first), the trace. */
const mipsDie = (head: string[], pc: "epc" | "era", fns: [string, string]) => [
  ...head,
  "Oops[#1]:",
  "CPU: 0 PID: 1 Comm: a Not tainted 6.6.0 #1",
  `${pc}   : 80123456 ${fns[0]}+0x74/0x130`,
  `ra    : 80123400 ${fns[1]}+0x40/0x90`,
  "Call Trace:",
  `[<80123456>] ${fns[0]}+0x74/0x130`,
  `[<80123400>] ${fns[1]}+0x40/0x90`,
];

const cases: Case[] = [
  {
    name: "arm64 read from unreadable memory",
    lines: T(`|Unable to handle kernel read from unreadable memory at virtual address ffff800008a3b000
|Mem abort info:
|  ESR = 0x000000009600000f
|Internal error: Oops: 000000009600000f [#1] PREEMPT SMP
|Modules linked in: foo
|CPU: 2 PID: 77 Comm: kworker/2:1 Not tainted 6.1.0 #1
|pstate: 60400005 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)
|pc : mydrv_read+0x24/0x60 [mydrv]
|lr : mydrv_work+0x30/0x80 [mydrv]
|sp : ffff80000a1bbd50
|Call trace:
| mydrv_read+0x24/0x60 [mydrv]
| mydrv_work+0x30/0x80 [mydrv]
| process_one_work+0x1d0/0x4c0
|Code: 00000000 (b9400000)
|---[ end trace 0000000000000000 ]---`),
    title: "BUG: unable to handle kernel paging request in mydrv_read", frame: "mydrv_read", kind: "paging-fault",
  },
  {
    // Software PAN (no hardware PAN, Cortex-A53 routers): a write through a NULL-based pointer is reported as a
    // permission fault on the user address, `write to read-only memory` at 0x8 (a level 1 translation fault, WnR = 1).
    name: "arm64 software-PAN write to read-only memory in the first page",
    lines: T(`|Unable to handle kernel write to read-only memory at virtual address 0000000000000008
|Mem abort info:
|  ESR = 0x0000000096000045
|  FSC = 0x05: level 1 translation fault
|Internal error: Oops: 0000000096000045 [#1] SMP
|CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.6.67 #0
|pc : mydrv_start+0x24/0x60 [mydrv]
|lr : mydrv_probe+0x30/0x80 [mydrv]
|Call trace:
| mydrv_start+0x24/0x60 [mydrv]
| mydrv_probe+0x30/0x80 [mydrv]
|---[ end trace 0000000000000000 ]---`),
    title: "BUG: unable to handle kernel NULL pointer dereference in mydrv_start", frame: "mydrv_start", kind: "null-deref",
  },
  {
    // The same with a read (`read from unreadable memory`) at address 0; a permission message above the first page
    // stays a paging request (the case before).
    name: "arm64 software-PAN read from unreadable memory at address 0",
    lines: T(`|Unable to handle kernel read from unreadable memory at virtual address 0000000000000000
|Internal error: Oops: 0000000096000005 [#1] SMP
|CPU: 1 PID: 0 Comm: swapper/1 Not tainted 5.4.0 #1
|pc : mydrv_poll+0x10/0x40
|lr : mydrv_irq+0x20/0x50
|Call trace:
| mydrv_poll+0x10/0x40
| mydrv_irq+0x20/0x50`),
    title: "BUG: unable to handle kernel NULL pointer dereference in mydrv_poll", frame: "mydrv_poll", kind: "null-deref",
  },
  {
    // do_mem_abort()'s fault_info names carry the table level: a digit in the message (a kdump kernel reading
    // /proc/vmcore, 6.5).
    name: "arm64 level 3 address size fault",
    lines: T(`|Unable to handle kernel level 3 address size fault at virtual address ffff80008d7cf000
|Mem abort info:
|  ESR = 0x0000000096000003
|  FSC = 0x03: level 3 address size fault
|Internal error: Oops: 0000000096000003 [#1] SMP
|CPU: 1 PID: 664 Comm: cp Not tainted 6.5.0 #1
|pc : __memcpy+0x110/0x230
|lr : _copy_to_iter+0x3d8/0x4d0
|Call trace:
| __memcpy+0x110/0x230
| copy_oldmem_page+0x70/0xac
| read_vmcore+0x14c/0x238
|Code: cb01000e b4fffc2e eb0201df 540004a3 (a940342c)
|---[ end trace 0000000000000000 ]---`),
    title: "BUG: unable to handle kernel paging request in copy_oldmem_page", frame: "copy_oldmem_page", kind: "paging-fault",
  },
  {
    name: "arm64 execution of user memory",
    lines: T(`|Unable to handle kernel execution of user memory at virtual address 0000aaaad8c51000
|Internal error: Oops: 000000008600000f [#1] PREEMPT SMP
|CPU: 2 PID: 77 Comm: a Not tainted 6.1.0 #1
|pc : 0xaaaad8c51000
|lr : bad_call+0x30/0x80
|Call trace:
| 0xaaaad8c51000
| bad_call+0x30/0x80
| el0_svc+0x1/0x2`),
    kind: "paging-fault",
  },
  {
    name: "ppc instruction fetch NULL",
    lines: T(`|BUG: Unable to handle kernel instruction fetch (NULL pointer?)
|Faulting instruction address: 0x00000000
|Oops: Kernel access of bad area, sig: 11 [#1]
|LE PAGE_SIZE=64K MMU=Hash SMP NR_CPUS=2048 NUMA pSeries
|CPU: 0 PID: 1 Comm: sh Not tainted 5.10.0 #1
|NIP:  0000000000000000 LR: c000000000a1b2c4 CTR: 0000000000000000
|NIP [0000000000000000] 0x0
|LR [c000000000a1b2c4] drv_call+0x44/0x90
|Call Trace:
|[c00000000c1a3b00] [c000000000a1b2c4] drv_call+0x44/0x90 (unreliable)
|[c00000000c1a3b50] [c000000000a1b3c4] drv_ioctl+0x44/0x90
|[c00000000c1a3ba0] [c000000000500000] sys_ioctl+0x44/0x90`),
    kind: "null-deref",
  },
  {
    // arch/powerpc/kernel/traps.c: die("Machine check", regs, SIGBUS) when the MCE is not recoverable.
    name: "ppc unrecoverable machine check die line",
    lines: T(`|Disabling lock debugging due to kernel taint
|Oops: Machine check, sig: 7 [#1]
|LE PAGE_SIZE=64K MMU=Radix SMP NR_CPUS=2048 NUMA PowerNV
|CPU: 0 PID: 0 Comm: swapper Not tainted 4.16.0 #1
|NIP:  c000000000012345 LR: c000000000012300 CTR: 0000000000000000`),
    title: "Machine Check Exception", kind: "mce", count: 1,
  },
  {
    name: "ppc old paging request for data at 0",
    lines: T(`|Unable to handle kernel paging request for data at address 0x00000010
|Faulting instruction address: 0xc0000000001234
|Oops: Kernel access of bad area, sig: 11 [#1]
|SMP NR_CPUS=1024 NUMA pSeries
|NIP: c000000000123456 LR: c000000000123400 CTR: 0000000000000000
|NIP [c000000000123456] .foo_bar+0x36/0x90
|LR [c000000000123400] .foo_caller+0x40/0x90
|Call Trace:
|[c0000000fe0bfa80] [c000000000123400] .foo_caller+0x40/0x90 (unreliable)
|[c0000000fe0bfb00] [c000000000123500] .foo_top+0x40/0x90`),
    title: "BUG: unable to handle kernel NULL pointer dereference in foo_bar", frame: "foo_bar", kind: "null-deref",
  },
  {
    name: "riscv Kernel BUG die line after kernel BUG at",
    lines: riscvDie(["------------[ cut here ]------------", "kernel BUG at mm/slub.c:431!", "Kernel BUG [#1]"], ["__slab_free", "kfree", "mydrv_remove"]),
    title: "kernel BUG in mydrv_remove", count: 1,
  },
  {
    name: "riscv Oops - illegal instruction",
    lines: riscvDie(["Oops - illegal instruction [#1]"], ["broken_fn", "caller_fn"]),
    frame: "broken_fn", kind: "oops",
  },
  {
    name: "mips Oops[#1]",
    lines: mipsDie(["CPU 0 Unable to handle kernel paging request at virtual address 00000004, epc == 80123456, ra == 80123400"], "epc", ["mips_fn", "mips_caller"]),
    title: "BUG: unable to handle kernel NULL pointer dereference in mips_fn", frame: "mips_fn", count: 1,
  },
  {
    name: "mips Oops alone",
    lines: mipsDie([], "epc", ["mips_fn", "mips_caller"]),
    frame: "mips_fn", kind: "oops",
  },
  {
    name: "x86 divide_error misspelling",
    lines: x86Oops(["divide_error: 0000 [#1] SMP NOPTI"], "div_fn", ["caller"]),
    title: "divide error in div_fn", frame: "div_fn",
  },
  {
    name: "x86 6.10 Oops: divide error",
    lines: x86Oops(["Oops: divide error: 0000 [#1] PREEMPT SMP NOPTI"], "div_fn", ["caller"]),
    title: "divide error in div_fn", frame: "div_fn",
  },
  {
    name: "x86 6.10 Oops: general protection fault",
    lines: x86Oops(["Oops: general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN PTI", "KASAN: null-ptr-deref in range [0x0000000000000008-0x000000000000000f]"], "gpf_fn", ["caller"]),
    title: "general protection fault in gpf_fn", frame: "gpf_fn",
  },
  {
    name: "x86 6.10 Oops: invalid opcode after kernel BUG",
    lines: x86Oops(["kernel BUG at fs/ext4/inode.c:1234!", "Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI"], "ext4_fn", ["? die", "ext4_caller"]),
    title: "kernel BUG in ext4_fn", frame: "ext4_fn", count: 1,
  },
  {
    name: "UBSAN misaligned-access",
    lines: ubsan("misaligned-access", "__ubsan_handle_type_mismatch_v1"),
    title: "UBSAN: misaligned-access in bar_fn", frame: "bar_fn",
  },
  {
    name: "UBSAN implicit-conversion",
    lines: ubsan("implicit-conversion", "__ubsan_handle_implicit_conversion"),
    title: "UBSAN: implicit-conversion in bar_fn", frame: "bar_fn",
  },
  {
    name: "UBSAN Undefined behaviour (old)",
    lines: T(`|================================================================================
|UBSAN: Undefined behaviour in drivers/foo/bar.c:12:5
|shift exponent 32 is too large for 32-bit type 'int'
|CPU: 0 PID: 1 Comm: a Not tainted 5.4.0 #1
|Call Trace:
| dump_stack+0x1/0x2
| ubsan_epilogue+0x1/0x2
| __ubsan_handle_shift_out_of_bounds+0x1/0x2
| bar_fn+0x1/0x2`),
    title: "UBSAN: undefined-behaviour in bar_fn", frame: "bar_fn",
  },
  {
    name: "KASan 4.0-4.3 use after free, SLUB's object report before the stack",
    lines: T(`|==================================================================
|BUG: KASan: use after free in foo_free+0x2c9/0x340 [foo] at addr ffff880d59947040
|Read of size 8 by task ksoftirqd/2/15
|=============================================================================
|BUG foo_cache (Tainted: P    B      O   ): kasan: bad access detected
|INFO: Allocated in foo_new+0xb3/0x350 [foo] age=14759 cpu=5 pid=27
|\tfoo_new+0xb3/0x350 [foo]
|\tkmem_cache_alloc+0x133/0x170
|CPU: 2 PID: 15 Comm: ksoftirqd/2 Tainted: P    B      O    4.2.0 #1
|Call Trace:
| [<ffffffff81000000>] dump_stack+0x1/0x2
| [<ffffffff81000000>] kasan_report_error+0x1/0x2
| [<ffffffff81000000>] __asan_report_load8_noabort+0x1/0x2
| [<ffffffffa0000000>] foo_free+0x2c9/0x340 [foo]
| [<ffffffffa0000000>] foo_caller+0x1/0x2 [foo]`),
    title: "KASAN: use-after-free Read in foo_free", frame: "foo_free", kind: "kasan",
  },
  {
    name: "KASan 4.0-4.3 out of bounds access, the stack cut before the function",
    lines: T(`|BUG: KASan: out of bounds access in get_wchan+0x150/0x180 at addr ffff88006901fc98
|Write of size 8 by task ps/1290
|page dumped because: kasan: bad access detected
|CPU: 1 PID: 1290 Comm: ps Not tainted 4.2.0-rc8 #4
|Call Trace:
| [<ffffffff82d57cd4>] dump_stack+0x45/0x57`),
    title: "KASAN: out-of-bounds Write in get_wchan", frame: "get_wchan", kind: "kasan",
  },
  {
    name: "KASan 4.0-4.3 out of bounds on stack",
    lines: T(`|BUG: KASan: out of bounds on stack in stack_fn+0x10/0x20 at addr ffff88006901fc98
|Read of size 4 by task a/1
|CPU: 0 PID: 1 Comm: a Not tainted 4.3.0 #1
|Call Trace:
| [<ffffffff81000000>] dump_stack+0x1/0x2
| [<ffffffff81000000>] stack_fn+0x10/0x20
| [<ffffffff81000000>] stack_caller+0x1/0x2`),
    title: "KASAN: stack-out-of-bounds Read in stack_fn", frame: "stack_fn", kind: "kasan",
  },
  {
    name: "KASan 4.3 access outside the shadow, by address",
    lines: T(`|BUG: KASan: user-memory-access on address 00007f0000001000
|Write of size 8 by task a/1
|CPU: 0 PID: 1 Comm: a Not tainted 4.3.0 #1
|Call Trace:
| [<ffffffff81000000>] dump_stack+0x1/0x2`),
    title: "KASAN: user-memory-access Write", kind: "kasan",
  },
  {
    name: "old lockdep INFO irq-safe -> unsafe",
    lines: T(`|======================================================
|[ INFO: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected ]
|4.4.0 #1 Not tainted
|------------------------------------------------------
|a/1 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:
| (&x->lock){+.+...}, at: [<ffffffff81000000>] lock_user+0x1/0x2
|and this task is already holding:
| (&y->lock){-.....}, at: [<ffffffff81000000>] holder+0x1/0x2
|which would create a new lock dependency:
|but this new dependency connects a HARDIRQ-irq-safe lock:
| (&y->lock){-.....}
|... which became HARDIRQ-irq-safe at:
|  [<ffffffff81000000>] __lock_acquire+0x1/0x2
|  [<ffffffff81000000>] lock_acquire+0x1/0x2
|  [<ffffffff81000000>] _raw_spin_lock+0x1/0x2
|  [<ffffffff81000000>] irq_handler_fn+0x1/0x2
|stack backtrace:
|CPU: 0 PID: 1 Comm: a Not tainted 4.4.0 #1
|Call Trace:
| [<ffffffff81000000>] dump_stack+0x1/0x2
| [<ffffffff81000000>] lock_user+0x1/0x2`),
    title: "possible deadlock in irq_handler_fn", frame: "irq_handler_fn",
  },
  {
    name: "panic_on_warn 6.x message alone",
    lines: T(`|Kernel panic - not syncing: kernel: panic_on_warn set ...
|CPU: 0 PID: 1 Comm: a Not tainted 6.1.0 #1
|Call Trace:
| <TASK>
| panic+0x1/0x2
| check_panic_on_warn+0x1/0x2
| __warn+0x1/0x2
| my_warner+0x1/0x2
| </TASK>`),
    title: "kernel panic: panic_on_warn set", kind: "panic",
  },
  {
    name: "x86 Bad pagetable",
    lines: T(`|a[123]: Corrupted page table at address 7f1234567000
|PGD 80000001 P4D 80000001 PUD 0
|Bad pagetable: 000d [#1] SMP PTI
|CPU: 0 PID: 1 Comm: a Not tainted 5.4.0 #1
|RIP: 0033:0x7f1234567890
|Code: Bad RIP value.
|RSP: 002b:00007ffc EFLAGS: 00010202`),
    kind: "oops",
  },
  {
    name: "s390 NULL pointer dereference",
    lines: T(`|Unable to handle kernel pointer dereference in virtual kernel address space
|Failing address: 0000000000000000 TEID: 0000000000000483
|Fault in home space mode while using kernel ASCE.
|AS:0000000001a5c007 R3:0000000000000024
|Oops: 0004 ilc:3 [#1] SMP
|Modules linked in:
|CPU: 0 PID: 1 Comm: a Not tainted 5.4.0 #1
|Hardware name: IBM 2964 N63 400 (z/VM 6.4.0)
|Krnl PSW : 0704e00180000000 000000000012345a (s390_fn+0x3a/0x90)
|           R:0 T:1 IO:1 EX:0 Key:0 M:1 W:0 P:0 AS:3 CC:2 PM:0 RI:0 EA:3
|Call Trace:
| [<000000000012345a>] s390_fn+0x3a/0x90
| [<000000000012346a>] s390_caller+0x3a/0x90`),
    title: "BUG: unable to handle kernel NULL pointer dereference in s390_fn", frame: "s390_fn", kind: "null-deref",
  },
  {
    // 4.x kernels print the address line in lower case.
    name: "s390 NULL pointer dereference, 4.x `failing address`",
    lines: T(`|Unable to handle kernel pointer dereference in virtual kernel address space
|failing address: 0000000000000000 TEID: 0000000000000483
|Fault in home space mode while using kernel ASCE.
|Oops: 0004 ilc:3 [#1] PREEMPT SMP
|CPU: 7 PID: 1 Comm: a Not tainted 4.5.0 #1
|Krnl PSW : 0704d00180000000 000000000045d3b8 (s390_fn+0x280/0x308)
|Call Trace:
| [<000000000029342a>] s390_caller+0x9a/0x1d8`),
    title: "BUG: unable to handle kernel NULL pointer dereference in s390_fn", frame: "s390_fn", kind: "null-deref",
  },
  {
    // Before 4.x (do_no_context): the address on the header, no `Failing address` line, no release on the CPU line.
    name: "s390 NULL pointer dereference, 2.6 header",
    lines: T(`|Unable to handle kernel pointer dereference at virtual kernel address 0000000000000000
|Oops: 0004 [#1]
|CPU:    2    Not tainted
|Process a (pid: 90, task: 000000000fbb5400, ksp: 000000000fad7ba0)
|Krnl PSW : 0700200180000000 000000000010a08c (s390_fn+0x34/0x50)
|Krnl GPRS: 0000000000000000 0000000000000001 0000000000000000 0000000000000028
|Call Trace:
| [<000000000010a07c>] s390_caller+0xdc/0x13c`),
    title: "BUG: unable to handle kernel NULL pointer dereference in s390_fn", frame: "s390_fn", kind: "null-deref",
  },
  {
    // A mail client wrapped the header before its address.
    name: "s390 2.6 header, address on the next line",
    lines: T(`|Unable to handle kernel pointer dereference at virtual kernel address 
|0000000000000000
|Oops: 0004 [#1]
|CPU:    0    Not tainted
|Krnl PSW : 0704d00180000000 00000000003c9ac2 (s390_fn+0xe/0x30)
|Call Trace:
| [<0000000000145a0c>] s390_caller+0x33c/0xc40`),
    title: "BUG: unable to handle kernel NULL pointer dereference in s390_fn", frame: "s390_fn", kind: "null-deref",
  },
  {
    name: "s390 2.6 header, a bad kernel address",
    lines: T(`|Unable to handle kernel pointer dereference at virtual kernel address 000003ff80815000
|Oops: 0011 [#1]
|CPU:    0    Not tainted
|Krnl PSW : 0704d00180000000 00000000003c9ac2 (s390_fn+0xe/0x30)
|Call Trace:
| [<0000000000145a0c>] s390_caller+0x33c/0xc40`),
    title: "BUG: unable to handle kernel paging request in s390_fn", frame: "s390_fn", kind: "paging-fault",
  },
  {
    name: "string_nocheck guilty",
    lines: x86Oops(["BUG: unable to handle page fault for address: ffffffffffffffe8", "#PF: supervisor read access in kernel mode", "Oops: 0000 [#1] SMP NOPTI"], "string_nocheck", ["string", "vsnprintf", "seq_printf", "mydrv_show"]),
    frame: "mydrv_show",
  },
  {
    name: "sized_strscpy",
    lines: x86Oops(["BUG: unable to handle page fault for address: ffffffffffffffe8", "#PF: supervisor read access in kernel mode", "Oops: 0000 [#1] SMP NOPTI"], "sized_strscpy", ["mydrv_name"]),
    frame: "mydrv_name",
  },
  {
    name: "__debug_object_init",
    lines: T(`|------------[ cut here ]------------
|ODEBUG: init active (active state 0) object: 00000000 object type: hrtimer_sleeper hint: hrtimer_wakeup+0x0/0x30
|WARNING: CPU: 0 PID: 1 at lib/debugobjects.c:505 debug_print_object+0x16a/0x1f0
|RIP: 0010:debug_print_object+0x16a/0x1f0
|Call Trace:
| <TASK>
| __debug_object_init+0x1/0x2
| hrtimer_init_on_stack+0x1/0x2
| mydrv_sleep+0x1/0x2
| </TASK>`),
    title: "WARNING: ODEBUG bug in mydrv_sleep",
  },
  {
    name: "old dev_err function",
    lines: T(`|BUG: unable to handle kernel NULL pointer dereference at 0000000000000008
|IP: [<ffffffff81234567>] dev_err+0x12/0x70
|Oops: 0000 [#1] SMP
|CPU: 0 PID: 1 Comm: a Not tainted 3.10.0 #1
|RIP: 0010:[<ffffffff81234567>]  [<ffffffff81234567>] dev_err+0x12/0x70
|Call Trace:
| [<ffffffff81234567>] mydrv_probe+0x1/0x2 [mydrv]`),
    frame: "mydrv_probe",
  },
  {
    name: "riscv Kernel BUG alone",
    lines: riscvDie(["Kernel BUG [#1]"], ["rv_fn", "rv_caller"]),
    title: "kernel BUG in rv_fn", frame: "rv_fn", kind: "bug",
  },
  {
    name: "2.6 NMI Watchdog detected LOCKUP",
    lines: T(`|NMI Watchdog detected LOCKUP on CPU 1
|CPU 1
|Modules linked in: foo
|Pid: 0, comm: swapper Not tainted 2.6.18-194.el5 #1
|RIP: 0010:[<ffffffff80064b1c>]  [<ffffffff80064b1c>] _spin_lock+0x3/0xa
|Call Trace:
| [<ffffffff80012345>] spinner+0x1/0x2
| [<ffffffff80012345>] worker+0x1/0x2`),
    kind: "hard-lockup",
  },
  {
    name: "arm64 6.14 (P) suffix",
    lines: T(`|Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008
|Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP
|CPU: 2 PID: 77 Comm: a Not tainted 6.14.0 #1
|pc : nullfn+0x24/0x60 [mydrv]
|lr : callerfn+0x30/0x80 [mydrv]
|Call trace:
| nullfn+0x24/0x60 [mydrv] (P)
| callerfn+0x30/0x80 [mydrv] (L)
| process_one_work+0x1d0/0x4c0`),
    title: "BUG: unable to handle kernel NULL pointer dereference in nullfn", frame: "nullfn",
  },
  {
    name: "ARM 5.x Internal error after paging request",
    lines: armOops([
      "8<--- cut here ---",
      "Unable to handle kernel NULL pointer dereference at virtual address 00000004",
      "[00000004] *pgd=00000000",
      "Internal error: Oops: 5 [#1] SMP ARM",
    ]),
    title: "BUG: unable to handle kernel NULL pointer dereference in armfn", frame: "armfn", count: 1,
  },
  {
    // A call through a NULL (or stale) function pointer faults at a bare PC: the link register holds the caller.
    name: "ARM call through a NULL function pointer: PC is at 0x0, the LR names the caller",
    lines: T(`|Unable to handle kernel NULL pointer dereference at virtual address 00000000
|pgd = c0004000
|[00000000] *pgd=00000000
|Internal error: Oops: 80000007 [#1] ARM
|Modules linked in:
|CPU: 0 PID: 15344 Comm: a Not tainted 4.14.67 #1
|PC is at 0x0
|LR is at armcaller+0x94/0xc8
|pc : [<00000000>]    lr : [<c0148970>]    psr: a00d0013`),
    title: "BUG: unable to handle kernel NULL pointer dereference in armcaller", frame: "armcaller", kind: "null-deref",
  },
  {
    // 32-bit ARM software PAN: a kernel access to a first-page (user) address is a domain fault, `Unhandled fault`
    // rather than `Unable to handle kernel NULL pointer dereference`; syzkaller's title stays, the kind is the NULL's.
    name: "ARM software-PAN page domain fault in the first page is a NULL dereference",
    lines: armOops(["8<--- cut here ---", "Unhandled fault: page domain fault (0x01b) at 0x00000008", "[00000008] *pgd=00000000", "Internal error: : 1b [#1] SMP ARM"]),
    title: "Unhandled fault in armfn", frame: "armfn", kind: "null-deref",
  },
  // Above the first page the same domain fault is a bad pointer of another kind, and an imprecise external abort
  // prints address 0 because it has none: both stay oopses.
  ...[
    ["page domain fault (0x81b) at 0x00001044", "81b"],
    ["imprecise external abort (0x1406) at 0x00000000", "1406"],
  ].map(([fault, fsr]) => ({
    name: `ARM unhandled ${fault} stays an oops`,
    lines: armOops([`Unhandled fault: ${fault}`, `Internal error: : ${fsr} [#1] SMP ARM`]),
    title: "Unhandled fault in armfn", kind: "oops",
  })),
  {
    name: "arm64 jump to a bare address: pc : 0x4, the lr names the caller",
    lines: T(`|Unable to handle kernel NULL pointer dereference at virtual address 0000000000000004
|Internal error: Oops: 0000000086000006 [#1] PREEMPT SMP
|CPU: 1 PID: 77 Comm: a Not tainted 6.6.0 #1
|pc : 0x4
|lr : callback_runner+0x30/0x80 [mydrv]
|sp : ffff80008000bd60`),
    title: "BUG: unable to handle kernel NULL pointer dereference in callback_runner", frame: "callback_runner", kind: "null-deref",
  },
  {
    name: "a bare PC whose link register is generic names no caller",
    lines: T(`|Unable to handle kernel NULL pointer dereference at virtual address 00000000
|Internal error: Oops: 80000007 [#1] ARM
|CPU: 0 PID: 1 Comm: a Not tainted 4.14.67 #1
|PC is at 0x0
|LR is at _raw_spin_lock+0x10/0x40`),
    title: "BUG: unable to handle kernel NULL pointer dereference in corrupted", kind: "null-deref",
  },
  {
    name: "hung task 6.x with mutex owner line",
    lines: T(`|INFO: task a:123 blocked for more than 122 seconds.
|      Not tainted 6.16.0 #1
|"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
|task:a               state:D stack:0     pid:123   tgid:123   ppid:1      flags:0x00004002
|Call Trace:
| <TASK>
| __schedule+0x1/0x2
| schedule+0x1/0x2
| schedule_preempt_disabled+0x1/0x2
| __mutex_lock+0x1/0x2
| fs_op+0x1/0x2
| </TASK>
|INFO: task a:123 is blocked on a mutex likely owned by task b:124.
|task:b               state:R  running task     stack:0     pid:124`),
    title: "INFO: task hung in fs_op", count: 1,
  },
  {
    name: "kernel 6.x rcu stall expedited",
    lines: T(`|rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 3-... } 21002 jiffies s: 1 root: 0x8/.
|rcu: blocking rcu_node structures (internal RCU debug):
|Sending NMI from CPU 0 to CPUs 3:
|NMI backtrace for cpu 3
|CPU: 3 PID: 1 Comm: a Not tainted 6.1.0 #1
|RIP: 0010:spin_fn+0x12/0x40
|Call Trace:
| <TASK>
| spin_caller+0x1/0x2
| __x64_sys_ioctl+0x1/0x2
| do_syscall_64+0x1/0x2
| </TASK>`),
    kind: "rcu-stall",
  },
  {
    name: "srcu/ tasks stall",
    lines: T(`|INFO: rcu_tasks detected stalls on tasks:
|00000000: .. nvcsw: 0/0 holdout: 1 idle_cpu: -1/0
|task:a  state:R  running task
|Call Trace:
| <TASK>
| busy_fn+0x1/0x2
| </TASK>`),
    kind: "rcu-stall",
  },
  {
    // mm/slab.c check_poison_obj() (CONFIG_DEBUG_SLAB): no stack; the 2.6 line (no taint) is the same report, folded.
    name: "SLAB debug: Slab corruption, with and without the taint",
    lines: T(`|Slab corruption (Tainted: P           O   ): filp start=ffff8800b9458040, len=440
|000: 6b 4b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kKkkkkkkkkkkkkkk
|Single bit error detected. Probably bad RAM.
|Run memtest86+ or a similar memory test tool.
|Next obj: start=ffff8800b9458200, len=440
|000: 00 00 00 00 00 00 00 00 90 ad 1d 81 ff ff ff ff  ................
|Slab corruption: size-64 start=c1234560, len=64
|030: 6b 6b 6b 6b 6b 6b 6b 6b 00 6b 6b 6b 6b 6b 6b a5  kkkkkkkk.kkkkkk.
|Prev obj: start=c1234520, len=64`),
    title: "BUG: Slab corruption",
    kind: "bug",
    repeats: 2,
  },
  {
    name: "BUG: Bad page map",
    lines: T(`|BUG: Bad page map in process a  pte:8000000001234567 pmd:12345067
|page:ffffea0000000000 refcount:0 mapcount:-1 mapping:0000000000000000 index:0x0 pfn:0x0
|addr:00007f0000000000 vm_flags:08000070 anon_vma:0000000000000000 mapping:0000000000000000 index:7f0000000
|CPU: 0 PID: 1 Comm: a Tainted: G    B             5.4.0 #1
|Call Trace:
| dump_stack+0x1/0x2
| print_bad_pte+0x1/0x2
| unmap_page_range+0x1/0x2`),
    title: "BUG: Bad page map",
  },
  {
    name: "watchdog: BUG: soft lockup arm64",
    lines: T(`|watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [a:123]
|Modules linked in:
|CPU: 1 PID: 123 Comm: a Not tainted 6.1.0 #1
|pstate: 80400005 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)
|pc : spin_loop_fn+0x24/0x60
|lr : caller+0x30/0x80
|Call trace:
| spin_loop_fn+0x24/0x60
| my_ioctl+0x1/0x2
| __arm64_sys_ioctl+0x1/0x2
| invoke_syscall+0x1/0x2
| el0_svc_common.constprop.0+0x1/0x2`),
    title: "BUG: soft lockup in my_ioctl",
  },
  {
    name: "BUG: scheduling while atomic arm",
    lines: T(`|BUG: scheduling while atomic: a/123/0x00000002
|Modules linked in:
|CPU: 0 PID: 123 Comm: a Not tainted 5.10.0 #1
|Hardware name: BCM2835
|[<c010c1cc>] (unwind_backtrace) from [<c0108b4c>] (show_stack+0x10/0x14)
|[<c0108b4c>] (show_stack) from [<c0a1b2c4>] (dump_stack+0x1/0x2)
|[<c0a1b2c4>] (dump_stack) from [<c0150000>] (__schedule_bug+0x1/0x2)
|[<c0150000>] (__schedule_bug) from [<c0a2b2c4>] (__schedule+0x1/0x2)
|[<c0a2b2c4>] (__schedule) from [<c0a3b2c4>] (schedule+0x1/0x2)
|[<c0a3b2c4>] (schedule) from [<c0a4b2c4>] (schedule_timeout+0x1/0x2)
|[<c0a4b2c4>] (schedule_timeout) from [<c0a5b2c4>] (msleep+0x1/0x2)
|[<c0a5b2c4>] (msleep) from [<c0a6b2c4>] (mydrv_irq+0x1/0x2)`),
    title: "BUG: scheduling while atomic in mydrv_irq",
  },
  {
    name: "lock_page guilty",
    lines: T(`|INFO: task a:123 blocked for more than 122 seconds.
|Call Trace:
| __schedule+0x1/0x2
| io_schedule+0x1/0x2
| __lock_page+0x1/0x2
| fs_writepage+0x1/0x2`),
    title: "INFO: task hung in fs_writepage",
  },
  {
    name: "2.6.32 hung task waiting on a buffer",
    lines: T(`|INFO: task jbd2/sda1-8:123 blocked for more than 120 seconds.
|"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
|jbd2/sda1-8   D 0000000000000000     0   123      2 0x00000000
|Call Trace:
| [<ffffffff8150e8e3>] io_schedule+0x73/0xc0
| [<ffffffff811c0c4d>] sync_buffer+0x3d/0x50
| [<ffffffff8150f40f>] __wait_on_bit+0x5f/0x90
| [<ffffffff8150f4b8>] out_of_line_wait_on_bit+0x78/0x90
| [<ffffffff811c0c06>] __wait_on_buffer+0x26/0x30
| [<ffffffffa0081a5e>] jbd2_journal_commit_transaction+0x1ebe/0x2190 [jbd2]`),
    title: "INFO: task hung in jbd2_journal_commit_transaction",
  },
  {
    name: "arm64 BUG without the kernel BUG at line",
    lines: T(`|Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP
|Modules linked in:
|CPU: 2 PID: 77 Comm: a Not tainted 6.1.0 #1
|pc : bugging_fn+0x24/0x60
|lr : bug_caller+0x30/0x80
|Call trace:
| bugging_fn+0x24/0x60
| bug_caller+0x30/0x80`),
    title: "Internal error in bugging_fn", kind: "bug",
  },
  {
    name: "arm64 stack overflow panic without its first lines",
    lines: T(`|Kernel panic - not syncing: kernel stack overflow
|CPU: 0 PID: 1 Comm: a Not tainted 6.1.0 #1
|Call trace:
| dump_backtrace+0x1/0x2
| panic+0x1/0x2
| nmi_panic+0x1/0x2
| panic_bad_stack+0x1/0x2
| handle_bad_stack+0x1/0x2
| __bad_stack+0x1/0x2
| recursing_fn+0x1/0x2
| recursing_fn+0x1/0x2
| my_ioctl+0x1/0x2
| __arm64_sys_ioctl+0x1/0x2
| invoke_syscall+0x1/0x2`),
    title: "kernel stack overflow in my_ioctl",
  },
  {
    name: "LoongArch oops",
    lines: mipsDie(["CPU 0 Unable to handle kernel paging request at virtual address 0000000000000010, era == 90000000002b4c3c, ra == 90000000002b4c00"], "era", ["la_fn", "la_caller"]),
    title: "BUG: unable to handle kernel NULL pointer dereference in la_fn", frame: "la_fn",
  },
  {
    name: "this_cpu accessor in preemptible code",
    lines: T(`|BUG: using this_cpu_read() in preemptible [00000000] code: a/1
|caller is my_counter+0x1/0x2
|CPU: 0 PID: 1 Comm: a Not tainted 6.1.0 #1
|Call Trace:
| <TASK>
| dump_stack_lvl+0x1/0x2
| check_preemption_disabled+0x1/0x2
| my_counter+0x1/0x2
| </TASK>`),
    title: "BUG: using this_cpu_read() in preemptible code in my_counter",
  },
  {
    // openzfs/zfs#6232: a 4.11 report whose paste ends two `?` guesses into the trace
    name: "smp_processor_id() in preemptible code, the trace cut to guesses: the caller line names the function",
    lines: T(`|BUG: using smp_processor_id() in preemptible [00000000] code: nmbd/5778
|caller is my_alloc_dnsize+0x5e/0x3d0 [zfs]
|CPU: 4 PID: 5778 Comm: nmbd Tainted: P           O    4.11.4-1-lqx #1
|Call Trace:
| ? dump_stack+0x5c/0x7a
| ? debug_smp_processor_id+0xdd/0xe0`),
    title: "BUG: using smp_processor_id() in preemptible code in my_alloc_dnsize", frame: "my_alloc_dnsize",
  },
  {
    name: "smp_processor_id() in preemptible code, caller is the debug wrapper and no trace: never named",
    lines: T(`|BUG: using smp_processor_id() in preemptible [00000000] code: sh/112
|caller is debug_smp_processor_id+0x17/0x20
|CPU: 0 PID: 112 Comm: sh Not tainted 4.1.12 #1`),
    title: "BUG: using smp_processor_id() in preemptible code in corrupted",
  },
  {
    name: "LoongArch oops whose trace was cut: the era line names the function",
    lines: mipsDie(["CPU 0 Unable to handle kernel paging request at virtual address 0000000000000010"], "era", ["la_fn", "la_caller"]).slice(0, -3),
    frame: "la_fn",
  },
  {
    name: "spinlock debugging skips the driver's lock wrapper",
    lines: x86Oops(["BUG: spinlock bad magic on CPU#0, a/1", " lock: 0xffff888012345678, .magic: 00000000, .owner: <none>/-1, .owner_cpu: 0"], "do_raw_spin_lock", ["spin_dump", "_raw_spin_lock", "mydev_lock", "mydev_xmit"]),
    title: "BUG: spinlock bad magic in mydev_xmit",
  },
  {
    name: "a WARNING that panics through panic_on_warn (6.2+ message) is one report",
    lines: [...x86Oops(["WARNING: CPU: 0 PID: 1 at fs/foo.c:12 my_warner+0x1/0x2"], "my_warner", ["my_caller"]), "Kernel panic - not syncing: kernel: panic_on_warn set ..."],
    title: "WARNING in my_warner", count: 1,
  },
  {
    // arch/parisc/mm/fault.c → parisc_terminate(): `%s: Code=%d (%s) at addr %lx`, then show_regs() with the PC
    // on `IAOQ[0]`, the return pointer on `RP(r2)`, and `Backtrace:`.
    name: "parisc NULL access (Bad Address) is titled by IAOQ[0]",
    lines: T(`|Bad Address (null pointer deref?): Code=26 (Data memory access rights trap) at addr 0000000000000000
|CPU: 0 PID: 1 Comm: swapper Not tainted 5.6.0-2-parisc64 #1
|PSW: 00001000000001001111111100001111 Not tainted
|IASQ: 0000000000000000 0000000000000000 IAOQ: 0000000040101ab0 0000000040101ab4
| IIR: 43ffff40    ISR: 0000000000000000  IOR: 0000000000000000
| IAOQ[0]: setup_thing+0xb0/0x150
| IAOQ[1]: setup_thing+0xb4/0x150
| RP(r2): start_thing+0x6c8/0x1190
|Backtrace:
| [<0000000040101ab4>] start_thing+0x6c8/0x1190
|Kernel panic - not syncing: Bad Address (null pointer deref?)`),
    title: "BUG: unable to handle kernel NULL pointer dereference in setup_thing", frame: "setup_thing", kind: "null-deref", count: 1,
  },
  {
    name: "parisc fault above the first page (Page fault: bad address) is a paging request",
    lines: T(`|Page fault: bad address: Code=26 (Data memory access rights trap) at addr f8c00000
|CPU: 2 PID: 725 Comm: a Not tainted 6.10.6-parisc #1
| IAOQ[0]: emulate_thing+0x5c/0x90
| IAOQ[1]: emulate_thing+0x60/0x90
| RP(r2): handle_thing+0x598/0x758
|Backtrace:
| [<10413c60>] handle_thing+0x598/0x758
|Kernel panic - not syncing: Page fault: bad address`),
    title: "BUG: unable to handle kernel paging request in emulate_thing", frame: "emulate_thing", kind: "paging-fault", count: 1,
  },
  {
    // traps.c handle_interruption() → parisc_terminate("Kernel Fault", …) for a kernel-mode trap it cannot fix up.
    name: "parisc `Kernel Fault: Code=…` is a NULL dereference in the first page, a paging request above it",
    lines: T(`|Kernel Fault: Code=26 (Data memory access rights trap) at addr 0000000000000060
|CPU: 0 PID: 1401 Comm: gdb Not tainted 5.2.0-rc7-64bit+ #1
| IAOQ[0]: step_thing+0x58/0x170
| IAOQ[1]: step_thing+0x5c/0x170
| RP(r2): step_thing+0x58/0x170
|Backtrace:
| [<0000000040206ff8>] handle_interruption+0x178/0xbb8
|Kernel panic - not syncing: Kernel Fault`),
    title: "BUG: unable to handle kernel NULL pointer dereference in step_thing", frame: "step_thing", kind: "null-deref", count: 1,
  },
  {
    name: "parisc `Kernel Fault` above the first page is a paging request",
    lines: T(`|Kernel Fault: Code=15 (Data TLB miss fault) at addr 00000000f8c00010
| IAOQ[0]: walk_thing+0x10/0x40
| IAOQ[1]: walk_thing+0x14/0x40
| RP(r2): caller_thing+0x20/0x80
|Backtrace:
| [<0000000040206ff8>] caller_thing+0x20/0x80
|Kernel panic - not syncing: Kernel Fault`),
    title: "BUG: unable to handle kernel paging request in walk_thing", frame: "walk_thing", kind: "paging-fault", count: 1,
  },
  {
    // traps.c die_if_kernel(): the cow, `comm (pid N): message (code N)`, the registers, `Backtrace:`.
    name: "a parisc die with the SPARC cow is an oops titled by its message, the PC's lock helper skipped",
    lines: T(`|      _______________________________
|     < Your System ate a SPARC! Gah! >
|      -------------------------------
|             \\   ^__^
|                 (__)\\       )\\/\\
|                  U  ||----w |
|                     ||     ||
|init (pid 1): Spinlock was trashed (code 1)
|CPU: 1 PID: 1 Comm: init Not tainted 6.4.10 #1
| IAOQ[0]: _raw_spin_lock+0x1c/0x58
| IAOQ[1]: _raw_spin_lock+0x20/0x58
| RP(r2): alloc_thing+0xb8/0x1b8
|Backtrace:
| [<00000000404021d8>] alloc_thing+0xb8/0x1b8
| [<00000000404165c8>] move_thing+0x788/0x7a0
|
|Kernel panic - not syncing: Fatal exception`),
    title: "Spinlock was trashed in alloc_thing", frame: "alloc_thing", kind: "oops", count: 1,
  },
  {
    // A LoongArch oops pasted without its `CPU N Unable to handle kernel paging request …` line: ESTAT and BADV say it.
    name: "a LoongArch Oops[#1] without its fault line is a NULL dereference when ESTAT is a page fault and BADV in the first page",
    lines: T(`|Oops[#1]:
|CPU: 22 PID: 2824 Comm: test_progs Tainted: G           OE  6.10.0-rc2+ #18
|   ra: 90000000048bf6c0 recv_thing+0x120/0x560
|  ERA: 9000000004162774 copy_page_to_iter+0x74/0x1c0
| CRMD: 000000b0 (PLV0 -IE -DA +PG DACF=CC DACM=CC -WE)
|ESTAT: 00010000 [PIL] (IS= ECode=1 EsubCode=0)
| BADV: 0000000000000040
| PRID: 0014c011 (Loongson-64bit, Loongson-3C5000)
|Call Trace:
|[<9000000004162774>] copy_page_to_iter+0x74/0x1c0
|[<90000000048bf6c0>] recv_thing+0x120/0x560
|[<90000000049aae34>] inet_recvmsg+0x54/0x100`),
    title: "BUG: unable to handle kernel NULL pointer dereference in recv_thing", frame: "recv_thing", kind: "null-deref", count: 1,
  },
  {
    name: "a LoongArch Oops[#1] without its fault line, BADV past the first page: a paging request",
    lines: T(`|Oops[#1]:
|  ERA: 9000000004162774 walk_thing+0x74/0x1c0
|ESTAT: 00020000 [PIS] (IS= ECode=2 EsubCode=0)
| BADV: 0000000000741d58
|Call Trace:
|[<9000000004162774>] walk_thing+0x74/0x1c0
|[<90000000048bf6c0>] caller_thing+0x120/0x560`),
    title: "BUG: unable to handle kernel paging request in walk_thing", frame: "walk_thing", kind: "paging-fault", count: 1,
  },
  {
    // arch/powerpc/mm/fault.c: the `BUG: Kernel NULL pointer dereference on read at 0x00000010` alert line is not in
    // the post, only die()'s `Kernel access of bad area` and the register dump of the data storage interrupt.
    name: "a powerpc `Kernel access of bad area` oops without its alert line is a NULL dereference when TRAP 0300's DAR is in the first page",
    lines: T(`|Oops: Kernel access of bad area, sig: 7 [#1]
|LE PAGE_SIZE=64K MMU=Radix SMP NR_CPUS=8192 NUMA pSeries
|CPU: 3 UID: 0 PID: 870 Comm: fuzz Not tainted 6.12.0 #1
|NIP:  c0000000003c76f8 LR: c0000000003a69dc CTR: c000000000376988
|REGS: c0000005e141f720 TRAP: 0300   Not tainted  (6.12.0)
|MSR:  8000000000009033 <SF,EE,ME,IR,DR,RI,LE>  CR: 84008428  XER: 20040000
|CFAR: c0000000003a69d8 DAR: 0000000000000010 DSISR: 00080000 IRQMASK: 0
|NIP [c0000000003c76f8] delete_thing+0x10/0x50
|LR [c0000000003a69dc] detach_thing+0xf4/0x108
|Call Trace:
|[c0000005e141f9c0] [c0000000003a6924] detach_thing+0x3c/0x108 (unreliable)
|[c0000005e141fa10] [c000000000481d58] free_thing+0x26c/0x378`),
    title: "BUG: unable to handle kernel NULL pointer dereference in delete_thing", frame: "delete_thing", kind: "null-deref", count: 1,
  },
  {
    name: "a powerpc `Kernel access of bad area` oops with DAR past the first page stays an oops",
    lines: T(`|Oops: Kernel access of bad area, sig: 11 [#1]
|BE PAGE_SIZE=4K  CMPC885
|NIP:  c01af5fc LR: c08c3698 CTR: 00000000
|REGS: ca173c00 TRAP: 0300   Not tainted  (6.12.0)
|DAR: c2004400 DSISR: c0000000
|NIP [c01af5fc] walk_thing+0x54/0x21c
|LR [c08c3698] caller_thing+0x154/0x75c
|Call Trace:
|[ca173d20] [c08c3d1c] caller_thing+0x7c/0xf8`),
    title: "Oops in walk_thing", kind: "oops", count: 1,
  },
  {
    // An instruction storage interrupt (TRAP 0400) faults on the NIP; DAR is whatever the last data fault left there.
    name: "a powerpc `Kernel access of bad area` oops on an instruction fault is not read by a stale first-page DAR",
    lines: T(`|Oops: Kernel access of bad area, sig: 11 [#1]
|NIP:  00000010 LR: c08c3698 CTR: 00000000
|REGS: ca173c00 TRAP: 0400   Not tainted  (6.12.0)
|DAR: 00000010 DSISR: 40000000
|NIP [00000010] 0x10
|LR [c08c3698] caller_thing+0x154/0x75c
|Call Trace:
|[ca173d20] [c08c3d1c] caller_thing+0x7c/0xf8`),
    kind: "oops", count: 1,
  },
  {
    name: "a parisc soft lockup names the function on IAOQ[0], not the first Backtrace entry",
    lines: T(`|watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [cc1:22803]
|CPU: 0 PID: 22803 Comm: cc1 Not tainted 5.6.17+ #3
| IAOQ[0]: spin_in_lookup+0x384/0x688
| IAOQ[1]: spin_in_lookup+0x388/0x688
| RP(r2): spin_in_lookup+0x134/0x688
|Backtrace:
| [<000000004036974c>] slow_lookup+0xa4/0x200
| [<0000000040369fc8>] walk_thing+0x288/0x458`),
    title: "BUG: soft lockup in spin_in_lookup", frame: "spin_in_lookup",
  },
  {
    // arch/sparc/kernel/process_64.c show_regs(): `TSTATE: … TPC: %016lx …`, then `TPC: <%pS>`; before 4.x the stack
    // entries were `[%016lx] %pS` (no angle brackets), and die_if_kernel() prints the penguin and `comm(pid): Oops`.
    name: "sparc64 paging fault named by `TPC: <f>`, its old `[addr] f` stack read too",
    lines: T(`|Unable to handle kernel paging request at virtual address 0006100000000000
|tsk->{mm,active_mm}->context = 00000000000000ce
|               \\|/ ____ \\|/
|sh(173167): Oops [#1]
|CPU: 760 PID: 173167 Comm: sh Not tainted 4.0.0-rc4+ #1
|TSTATE: 0000009911e01601 TPC: 000000000055de88 TNPC: 000000000055de8c Y: 000003f0    Not tainted
|TPC: <free_thing+0x60/0x16c>
|RPC: <0xfff8803b75826e08>
|I7: <flush_things+0xac/0xf4>
|Call Trace:
|  [000000000055eaa4] flush_things+0xac/0xf4
|  [000000000055e66c] free_things+0xfc/0x1ac`),
    title: "BUG: unable to handle kernel paging request in free_thing", frame: "free_thing", kind: "paging-fault",
  },
  {
    // x86_64 2.6.0–2.6.17 __show_regs(): `RIP: 0010:[<addr>] <addr>{f+dec}`, the trace several `<addr>{f+dec}` a line
    name: "an x86_64 2.6.16 fault is blamed on its `RIP: …{f+dec}` function, not on the trace's first frame",
    lines: T(`|Unable to handle kernel NULL pointer dereference at 00000000000000ff RIP:
|<ffffffff8018fcbf>{hash_walk+219}
|PGD 905f7067 PUD 8d68c067 PMD 0
|Oops: 0000 [1] SMP
|CPU 2
|Pid: 4969, comm: nfsd Not tainted 2.6.16.13-4-smp #1
|RIP: 0010:[<ffffffff8018fcbf>] <ffffffff8018fcbf>{hash_walk+219}
|RSP: 0018:ffff810128c81d28  EFLAGS: 00010206
|Call Trace: <ffffffff8018840f>{name_lookup+90} <ffffffff801889ec>{lookup_one+84}
|        <ffffffff882f831a>{:nfsd:nfsd_lookup+864} <ffffffff882fd587>{:nfsd:nfsd3_proc_lookup+197}
|
|Code: 48 8b 45 00 0f 18 08 48 8d 5d e8 44 39 73 30 75 e6 e9 70 ff
|RIP <ffffffff8018fcbf>{hash_walk+219} RSP <ffff810128c81d28>`),
    title: "BUG: unable to handle kernel NULL pointer dereference in hash_walk", frame: "hash_walk", kind: "null-deref",
  },
  {
    name: "a module function in the braces of a 2.6.16 RIP line is the crash site too",
    lines: T(`|Unable to handle kernel paging request at 00000000ffffffff RIP:
|<ffffffff882f831a>{:nfsd:nfsd_walk+864}
|Oops: 0000 [1] SMP
|Pid: 4969, comm: nfsd Not tainted 2.6.16.13-4-smp #1
|RIP: 0010:[<ffffffff882f831a>] <ffffffff882f831a>{:nfsd:nfsd_walk+864}
|Call Trace: <ffffffff8018840f>{name_lookup+90} <ffffffff801889ec>{lookup_one+84}`),
    title: "BUG: unable to handle kernel paging request in nfsd_walk", frame: "nfsd_walk", kind: "paging-fault",
  },
  {
    name: "a sparc64 oops without its TPC line is blamed on the old-format stack",
    lines: T(`|Unable to handle kernel paging request at virtual address 0006100000000000
|sh(173167): Oops [#1]
|CPU: 760 PID: 173167 Comm: sh Not tainted 4.0.0-rc4+ #1
|Call Trace:
|  [000000000055eaa4] flush_things+0xac/0xf4
|  [000000000055e66c] free_things+0xfc/0x1ac`),
    frame: "flush_things",
  },
  {
    // MIPS 2.6 die(): the fault line carries epc/ra, `Oops in arch/mips/mm/fault.c::do_page_fault, line N[#1]:`, and
    // the epc line ends with print_tainted(); a mail client wrapped the address onto the next line.
    name: "a MIPS 2.6 NULL fault whose epc line ends with the taint and whose address was wrapped",
    lines: T(`|CPU 0 Unable to handle kernel paging request at virtual address
|00000000, epc == 8029fb20, ra == 8029fc0c
|Oops in arch/mips/mm/fault.c::do_page_fault, line 167[#1]:
|Cpu 0
|epc   : 8029fb20 clock_lookup+0x0/0x38     Not tainted
|ra    : 8029fc0c tune_thing+0xb4/0x138
|Call Trace:
| [<8029f62c>] min_revision+0x2c/0xec
| [<8029fcf8>] tune_other+0x68/0x2e8`),
    title: "BUG: unable to handle kernel NULL pointer dereference in clock_lookup", frame: "clock_lookup", kind: "null-deref",
  },
  {
    // A Xen PV guest's kernel code segment is e030: its register dump under a cut header is the same report.
    name: "a Xen PV register dump whose header was cut is still a report",
    lines: T(`|CPU: 1 PID: 0 Comm: swapper/1 Tainted: G           O    4.4.0+2 #1
|RIP: e030:[<ffffffff8115e055>]  [<ffffffff8115e055>] free_thing_bulk+0xe5/0x520
|RSP: e02b:ffff88018a823d70  EFLAGS: 00010093
|Call Trace:
|<IRQ>
|[<ffffffff8115e4cf>] drain_thing_zone+0x3f/0x60
|<EOI>`),
    frame: "free_thing_bulk",
  },
  {
    // scripts/decode_stacktrace.sh rewrites the RIP line and drops the module's brackets.
    name: "a decode_stacktrace.sh RIP line with a bare module name still names the function",
    lines: T(`|BUG: kernel NULL pointer dereference, address: 0000000000000008
|Oops: 0000 [#1] SMP PTI
|CPU: 0 PID: 223 Comm: kworker/0:1H Not tainted 5.3.0 #1
|RIP: 0010:mydrv_io_work+0x341/0x7f0 mydrv
|Call Trace:
|process_one_work (kernel/workqueue.c:2274)
|worker_thread (kernel/workqueue.c:2416)`),
    title: "BUG: unable to handle kernel NULL pointer dereference in mydrv_io_work", frame: "mydrv_io_work",
  },
  {
    // kernel/hung_task.c's header as a mail client wrapped it in a log without prefixes.
    name: "a hung task header wrapped before `than` is still a hung task",
    lines: T(`|INFO: task rsync:1728 blocked for more
|than 120 seconds.
|      Not tainted 5.0.13 #1
|rsync           D    0  1728   1727 0x00000080
|Call Trace:
| __schedule+0x30b/0x8b0
| schedule+0x32/0x80
| wait_for_thing+0x87/0xc0 [mymod]`),
    title: "INFO: task hung in wait_for_thing", kind: "hung-task",
  },
  {
    // linux-nfs (an Ubuntu GCP NFS server, syslog pasted from Gmail): the wrap ate the space before `blocked`, which
    // starts the next line; without the tail the header read as an unrecognised `INFO: nfsd:NUM` report.
    name: "a hung task header wrapped right before `blocked` is still a hung task",
    lines: T(`|INFO: task nfsd:848
|blocked for more than 120 seconds.
|      Not tainted
|5.19.0-1026-gcp #28~22.04.1-Ubuntu
|task:nfsd state:D stack:    0 pid:  848 ppid:     2 flags:0x00004000
|Call Trace:
| <TASK>
| __schedule+0x248/0x5d0
| schedule+0x58/0x100
| wait_for_completion+0x24/0x40
| __flush_workqueue+0x140/0x3e0
| nfsd4_probe_callback_sync+0x1a/0x30 [nfsd]
| nfsd4_destroy_session+0x184/0x230 [nfsd]`),
    title: "INFO: task hung in nfsd4_probe_callback_sync", kind: "hung-task",
  },
  {
    name: "a fault message a later arm64 kernel adds is still a paging fault",
    lines: T(`|Unable to handle kernel access to guarded memory at virtual address ffff800008a3b000
|Internal error: Oops: 000000009600000f [#1] PREEMPT SMP
|CPU: 2 PID: 77 Comm: a Not tainted 6.1.0 #1
|pc : guarded_fn+0x24/0x60
|Call trace:
| guarded_fn+0x24/0x60`),
    title: "BUG: unable to handle kernel paging request in guarded_fn", kind: "paging-fault",
  },
  {
    // SPL 0.6 (ZFS on Linux): the failed VERIFY, SPLError's location, then the stack under SPL's own dump helpers.
    name: "an SPL 0.6 PANIC is an assertion in the function under spl_debug_bug",
    lines: T(`|VERIFY3(sm->sm_space == space) failed (57852928 == 57918976)
|SPLError: 12831:0:(space_map.c:334:space_map_load()) SPL PANIC
|SPL: Showing stack for process 12831
|Pid: 12831, comm: z_wr_iss/0 Tainted: P           O 3.2.0-33-generic #52-Ubuntu
|Call Trace:
| [<ffffffffa04294d7>] spl_debug_dumpstack+0x27/0x40 [spl]
| [<ffffffffa042a7c2>] spl_debug_bug+0x82/0xe0 [spl]
| [<ffffffffa052151a>] space_map_load+0x2fa/0x390 [zfs]
| [<ffffffffa0509d6b>] metaslab_activate+0xdb/0x160 [zfs]`),
    title: "SPL PANIC in space_map_load", frame: "space_map_load", kind: "bug",
  },
  {
    name: "an SPL 0.6 PANIC whose stack was cut is named by its location",
    lines: T(`|VERIFY(!RW_LOCK_HELD(&l->l_rwlock)) failed
|SPLError: 1942:0:(zap.c:444:zap_leaf_pageout()) SPL PANIC
|SPL: Showing stack for process 1942`),
    title: "SPL PANIC in zap_leaf_pageout", kind: "bug",
  },
  {
    // OpenZFS 0.7+: `PANIC at file.c:N:func()`, `Showing stack for process N`, then the stack under spl_panic.
    name: "an OpenZFS PANIC at is an assertion in the function under spl_panic",
    lines: T(`|VERIFY3S(err, ==, ENOENT) failed (52 == 2)
|PANIC at dsl_dataset.c:4912:dsl_dataset_get_remap_deadlist_object()
|Showing stack for process 2680
|CPU: 12 UID: 0 PID: 2680 Comm: zpool Tainted: P S         OE       6.17.2-1-pve #1 PREEMPT(voluntary)
|Call Trace:
| <TASK>
| dump_stack_lvl+0x5f/0x90
| spl_dumpstack+0x28/0x40 [spl]
| spl_panic+0xef/0x114 [spl]
| ? zap_lookup+0x56/0x130 [zfs]
| dsl_dataset_get_remap_deadlist_object+0xe2/0xf0 [zfs]
| dsl_dataset_hold_obj+0x87a/0xa80 [zfs]`),
    title: "SPL PANIC in dsl_dataset_get_remap_deadlist_object", frame: "dsl_dataset_get_remap_deadlist_object", kind: "bug",
  },
  {
    name: "an OpenZFS PANIC at whose stack was cut is named by its location; a bare `PANIC at` in prose is none",
    lines: T(`|VERIFY(dn->dn_type != DMU_OT_NONE) failed
|PANIC at dbuf.c:2308:dbuf_create()
|Showing stack for process 28557`),
    title: "SPL PANIC in dbuf_create", kind: "bug",
  },
  {
    name: "`PANIC at` without a file:line:function() location is no report",
    lines: T(`|rescue shell: PANIC at boot, see the console`),
    count: 0,
  },
  {
    // ia64 die(): `comm[pid]: <trap> <err> [<die counter>]`, each frame followed by its `sp=… bsp=…` line.
    name: "ia64 General Exception names the trap and the first frame past die()/ia64_fault/ia64_leave_kernel",
    lines: T(`|init[1]: General Exception: IA-64 Reserved Register/Field fault (data access) 2199023255600 [1]
|Modules linked in:
|CPU: 0 PID: 1 Comm: init Not tainted 5.7.0-rc5 #1
|psr : 0000121008526030 ifs : 8000000000000510 ip  : [<a00000010000c541>]    Not tainted (5.7.0-rc5)
|ip is at sys_clone2+0x61/0x80
|Call Trace:
| [<a000000100015090>] show_stack+0x90/0xc0
|                                sp=e00001008027f9f0 bsp=e000010080279288
| [<a000000100029590>] die+0x1b0/0x4a0
|                                sp=e00001008027fbe0 bsp=e0000100802791d0
| [<a00000010100e690>] ia64_fault+0x770/0xd80
|                                sp=e00001008027fbe0 bsp=e000010080279180
| [<a00000010000ce60>] ia64_leave_kernel+0x0/0x270
|                                sp=e00001008027fc60 bsp=e000010080279180
| [<a00000010000c540>] sys_clone2+0x60/0x80
|                                sp=e00001008027fe30 bsp=e000010080279100`),
    title: "General Exception: Reserved Register/Field fault in sys_clone2", frame: "sys_clone2", kind: "oops", count: 1,
  },
  {
    name: "ia64 BUG() is die()'s bugcheck!, read from ip is at when no frame follows",
    lines: T(`|modprobe[301]: bugcheck! 0 [1]
|CPU: 1 PID: 301 Comm: modprobe Not tainted 5.10.0 #1
|psr : 00001010084a6010 ifs : 8000000000000410 ip  : [<a0000001011e06b0>]    Not tainted (5.10.0)
|ip is at mydrv_probe+0x120/0x130 [mydrv]`),
    title: "kernel BUG in mydrv_probe", frame: "mydrv_probe", kind: "bug", count: 1,
  },
  {
    // usercopy_abort() prints what was wrong, then BUG()s: the BUG line, whatever the architecture prints, ends it.
    name: "a hardened-usercopy abort and the ia64 bugcheck! after it are one bad-usercopy report",
    lines: T(`|usercopy: Kernel memory overwrite attempt detected to linear kernel text (offset 7733248, size 1)!
|cryptomgr_test[65]: bugcheck! 0 [1]
|CPU: 6 PID: 65 Comm: cryptomgr_test Not tainted 5.10.0-6-itanium #1 Debian 5.10.28-1
|ip is at usercopy_abort+0x120/0x130
|Call Trace:
| [<a0000001011fb460>] ia64_bad_break+0x740/0x760
|                                sp=e000000100757aa0 bsp=e000000100751480
| [<a0000001011e06b0>] usercopy_abort+0x120/0x130
|                                sp=e000000100757c70 bsp=e000000100751400
| [<a00000010047c6b0>] __check_object_size+0x330/0x3a0
|                                sp=e000000100757c80 bsp=e0000001007513c0
| [<a0000001007bc580>] build_test_sglist+0x500/0x8c0
|                                sp=e000000100757c80 bsp=e000000100751300`),
    title: "BUG: bad usercopy in build_test_sglist", frame: "build_test_sglist", kind: "bug", count: 1,
  },
  {
    name: "x86's usercopy abort and its kernel BUG at mm/usercopy.c stay one report",
    lines: T(`|usercopy: Kernel memory exposure attempt detected from SLUB object 'kmalloc-64' (offset 0, size 128)!
|------------[ cut here ]------------
|kernel BUG at mm/usercopy.c:99!
|invalid opcode: 0000 [#1] PREEMPT SMP KASAN
|CPU: 0 PID: 3097 Comm: a Not tainted 6.1.0 #1
|RIP: 0010:usercopy_abort+0xbd/0xbf mm/usercopy.c:87
|Call Trace:
| <TASK>
| __check_heap_object+0x10e/0x120
| __check_object_size+0x2a1/0x6c0
| mydrv_read+0x10b/0x1a0
| vfs_read+0x1c4/0x8f0`),
    title: "BUG: bad usercopy in mydrv_read", frame: "mydrv_read", kind: "bug", count: 1,
  },
  {
    name: "SuperH show_regs() without its die() line: PC is at / PR is at under the CPU line, the panic its tail",
    lines: T(`|CPU: 0 PID: 0 Comm: swapper Not tainted 5.10.0-rc4 #93
|PC is at write_32+0x8/0x18
|PR is at intc_mode_field+0x18/0x20
|PC  : 8037aea4 SP  : 80647e78 SR  : 400080f0 TEA : ffffffff
|Call trace:
| [<8037b19c>] intc_disable+0x54/0x6c
| [<8037b1e0>] intc_mask_ack+0x2c/0xbc
|---[ end trace 833264b72c03d2ce ]---
|Kernel panic - not syncing: Fatal exception in interrupt`),
    title: "Oops in write_32", frame: "write_32", kind: "oops", count: 1,
  },
  {
    name: "prose that says PR is at is no SuperH register dump",
    lines: T(`|- [ ] PR is at an exact audited head with fresh checks on that head`),
    count: 0,
  },
  {
    name: "ARC show_regs(): the [ECR] cause line starts the report, [ERET] is where it faulted, Stack Trace: the frames",
    lines: T(`|Oops
|Path: (null)
|CPU: 0 PID: 0 Comm: swapper Not tainted 5.1.0+ #1
|
|[ECR   ]: 0x00050100 => Invalid Read @ 0x01200000 by insn @ 0x800a8bc6
|[EFA   ]: 0x01200000
|[BLINK ]: mem_init+0x40/0x58
|[ERET  ]: free_highmem_page+0x6/0x88
|[STAT32]: 0x00080002 :   K
|Stack Trace:
|  free_highmem_page+0x6/0x88
|  mem_init+0x40/0x58`),
    title: "Oops in free_highmem_page", frame: "free_highmem_page", kind: "oops", count: 1,
  },
  {
    name: "m68k BAD KERNEL TRAP after its trap banner names the PC's function",
    lines: T(`|*** ADDRESS ERROR ***   FORMAT=2
|Current process id is 728
|BAD KERNEL TRAP: 00000000
|Modules linked in: sg evdev
|PC: [<00016a2c>] X_UNSUPP+0x2c/0x3c
|SR: 2004  SP: 3eb5e68c  a2: c02e239a
|Process R (pid: 728, task=a3dfda5d)
|Frame format=2 instr addr=00000000
|Call Trace: [<00050008>] copy_overflow+0x10/0x28
| [<00002a28>] buserr+0x20/0x28`),
    title: "BAD KERNEL TRAP in X_UNSUPP", frame: "X_UNSUPP", kind: "oops", count: 1,
  },
  {
    name: "an SPLError that is no PANIC (a leak at module unload) is no report",
    lines: T(`|SPLError: 4217:0:(spl-kmem.c:1293:spl_kmem_fini()) kmem leaked 1024/4096 bytes
|SPL: Unloaded module v0.6.2-1`),
    count: 0,
  },
];


describe("reports from kernel format strings", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const found = extract(c.lines);
    const first = found[0];
    if (c.count !== undefined) expect(found.map((f) => f.title)).toHaveLength(c.count);
    else expect(first).toBeDefined();
    if (c.title !== undefined) expect(first?.title).toBe(c.title);
    if (c.frame !== undefined) expect(first?.guiltyFrame).toBe(c.frame);
    if (c.kind !== undefined) expect(first?.kind).toBe(c.kind);
    if (c.repeats !== undefined) expect(first?.repeats).toBe(c.repeats);
  });
});

describe("the kernel's own helpers are generic frames", () => {
  it("skips string, copy, print and entry helpers of every architecture, and keeps the code that called them", () => {
    const helpers = [
      "__pi_memcpy_generic", "__pi_strlen", "__memzero", "mmiocpy", "__raw_readsl", "sized_strscpy", "string_nocheck",
      "restricted_pointer", "seq_printf", "dev_err", "copy_to_iter", "copy_folio_to_iter", "crc16", "__debug_object_init",
      "do_int3_trap", "__fortify_report", "thread_return", "srso_return_thunk", "__pfx_tcp_close", "unlock_page",
      "atomic_dec_and_test", "atomic_long_inc", "__copy_from_user_inatomic", "__copy_user_nocache",
      "__kfree_skb", "__dev_kfree_skb_any", "call_rwsem_down_read_failed", "rcu_lock_acquire", "plist_add", "netdev_notice",
      "ia64_fault", "ia64_bad_break", "ia64_leave_kernel", "call_payload",
    ];
    expect(helpers.filter((f) => !isGenericFrame(f))).toEqual([]);
    // Named like a helper family, but the code that went wrong: a notifier chain walking a freed block, an skb's header copy.
    const callers = ["mydrv_show", "seq_read", "ext4_readdir", "tcp_close", "dev_queue_xmit", "strparser_recv", "atomic_notifier_call_chain", "__copy_skb_header", "__copy_msghdr_from_user"];
    expect(callers.filter(isGenericFrame)).toEqual([]);
  });
});
