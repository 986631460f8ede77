/**
 * The crash-class table: which header lines start a report, and how each class's title is built (syzkaller's
 * conventions, so titles line up with syzbot and kernel CVE texts). Adding a class = adding a row here and a
 * corpus file under testdata/logs/; see README.md.
 *
 * Title formats are matched against the report text from the header line on (lines joined with `\n`), in
 * table order; the first that matches wins. In templates `$N` is the regex group N, `{FUNC:N}` group N as a
 * cleaned function name, `{FRAME}` the guilty frame found with the format's stack rule (`corrupted` when none).
 */
import type { FindingKind } from "../types";
import { GENIRQ_FLOW_HANDLER, isGenericFrame } from "./generic-frames";
import type { GuiltyMode } from "./guilty";
import { cleanFunctionName } from "./title";

/** Where to look for the guilty frame: the first section whose frames yield a non-generic frame wins. */
export type StackRule = {
  /** Line patterns that start a stack section; frames are read from that line to the end of the section. */
  sections: readonly RegExp[];
  mode?: GuiltyMode;
  /** Class-specific generic functions (e.g. `refcount` helpers for refcount WARNINGs). */
  skip?: readonly RegExp[];
  /**
   * Stacks of bystanders printed inside the report (RCU's grace-period kthread): from a line matching `from` up to
   * one matching `until` (or the report's end), no frame is a candidate.
   */
  bystanders?: readonly { from: RegExp; until: RegExp }[];
  /**
   * When no section gives a frame, display the RIP's function (the syzkaller title stays `… in corrupted`); implied
   * when the sections include RIP_SECTION.
   */
  ripFallback?: boolean;
  /**
   * Stalls: the line of the timer interrupt the stall check ran in. The stalled code is what it interrupted: the
   * first RIP after that line and its stack, else the frames right after it (syzkaller's rcu-stall rule). A report
   * without such a line (only other tasks' dumps, or the entry printed as a `? f` guess) has no stalled stack:
   * syzkaller's title says `corrupted`, the display keeps the frame the sections give.
   */
  timerEntry?: RegExp;
  /**
   * Where the stack may start when no section line is in the report: a paste that kept only some lines (`grep
   * btrfs`, a filter on a module name) drops `Call Trace:` but keeps the frames. Display only: syzkaller's title
   * stays `… in corrupted`, an alternative.
   */
  cutSections?: readonly RegExp[];
  /** Generic frames (generic-frames.ts) this class names all the same: its report prints them as the culprit's site. */
  named?: readonly RegExp[];
  /**
   * Stalls: a stack that starts in a lock primitive is a CPU spinning on that lock; the function that took it is
   * stable (not a random point of a loop) and is the guilty frame, before any dispatch anchor is looked for.
   */
  lockTaker?: boolean;
  /**
   * `skip` names what the frame does whoever built it: it applies to module frames too, which are otherwise always
   * the culprit (a module's own allocation wrappers under a kmemleak record: `kmalloc [foo]`, `generic_alloc [foo]`).
   */
  skipInModules?: boolean;
};

export type TitleFormat = {
  match: RegExp;
  title: string;
  alt?: readonly string[];
  stack?: StackRule;
  kind?: FindingKind;
  type?: string;
  /** This format only matches a damaged report. */
  corrupted?: string;
  /** The class legitimately prints no stack trace (do not flag the report as corrupted for lacking one). */
  noStackTrace?: boolean;
  /** Regex group holding a function named by the header, used when the stack yields no frame. */
  headerFunction?: number;
  /**
   * The title names no frame, but the report carries the stack of the code that chose to die (a driver's `panic()`):
   * its first non-generic frame becomes `guiltyFrame` for display and matching; the title stays as syzkaller's.
   */
  frameFromStack?: true;
  /**
   * Regex group naming a function that becomes `guiltyFrame` (not the title) when the stack yields none: old
   * kernels print WARNING stacks as `? f` guesses only, and the title stays `… in corrupted` as syzkaller's.
   */
  guiltyHint?: number;
  /**
   * The `guiltyHint` function is also the stack's first candidate (skipped like any frame): the header names the
   * function that warned, which a trap-based WARN prints only in the RIP line, and the trace under it starts at the
   * caller. A paste that lost the RIP line still names the right function.
   */
  hintLeads?: true;
  /** The function that holds the one WARN of the header's file that logs print (see WARN_SITES): a guiltyHint by table. */
  siteFunction?: string;
  /**
   * Display title when the report has no usable stack (`kernel BUG at net/core/skbuff.c:LINE`): the location says
   * more than syzkaller's `… in corrupted`, which stays as an alternative title and as `Finding.syzkallerTitle`.
   * Undefined: the header says nothing better than `corrupted`.
   */
  stacklessTitle?: (m: RegExpExecArray) => string | undefined;
  /** A catch-all format: only a report when a stack trace follows within a few lines. */
  needsStackNearby?: boolean;
  /**
   * An alternative title naming the first non-generic frame of a secondary stack (KMSAN's `Uninit was created at:`:
   * where the leaked bytes came from), `{FRAME}` standing for that frame.
   */
  originAlt?: { section: RegExp; title: string; skip: readonly RegExp[] };
};

export type CrashClass = {
  id: string;
  /** Literal that must occur in the line (case-sensitive). */
  header: string;
  kind: FindingKind;
  type?: string;
  /** Lines holding the header that are not reports. */
  suppress?: readonly RegExp[];
  /** A generic header (`Oops`) that loses to any other class header on the same line. */
  weak?: boolean;
  /**
   * A follow-up line of another report (`Oops: 0000 [#1]` after `BUG: unable to handle …`, `invalid opcode`
   * after `kernel BUG at`): starts a report only when no report is open.
   */
  secondary?: boolean;
  /**
   * Headers of other classes that, printed soon after this class's header, are how this report ends (Rust's panic
   * handler dies through `kernel BUG at rust/helpers/bug.c`): they do not start a report of their own.
   */
  continuedBy?: readonly RegExp[];
  /**
   * Lines of this class that are a detection of their own, never the tail of the report open before them (a panic
   * raised by a check of its own, with its own stack: the stack canary, the scheduler's stack-end magic).
   */
  neverTail?: readonly RegExp[];
  /**
   * Headers of this class printed by code that carries on after printing (check_mm()'s accounting lines): a panic
   * printed after such a report has a cause of its own, and stays a finding of its own rather than that report's tail.
   */
  carriesOn?: readonly RegExp[];
  /** A message printed at any time by other tasks: inside an open report it is interleaved output, not a new report. */
  interleaves?: boolean;
  /**
   * A line every report of this class prints once (the hung-task detector's hint): met again inside an open report,
   * past that report's own, it is the next report, whose header line was lost (a paste or a console that dropped it),
   * not a follow-up line of the open one. `above`: a line of that next report printed right above it
   * (the taint line), kept with it when it survived.
   */
  oncePerReport?: { above?: RegExp };
  /**
   * The class prints its header once per report, naming a source location (`UBSAN: … in f.c:12:34`), never once per
   * inlined frame as a symbolised KASAN report does: headers of it in a row (a `dmesg | grep UBSAN` paste, a console
   * that kept only the first line of each report) are one report each, however alike their messages.
   */
  headerPerReport?: boolean;
  /** Starts a report only when none is open (a detector frame inside another report's stack is part of it). */
  orphanOnly?: boolean;
  /**
   * The header is no prefilter needle: the line is read only in a window another line opened (a line the same report
   * prints nearby: its stack's `Call Trace:` line or `dump_stack` frame, WINDOW_OPENERS). For body lines of a report whose header was cut:
   * each needle costs the byte prefilter on every log, these lines are rare and always come with such a neighbour.
   */
  windowOnly?: boolean;
  /**
   * The report starts at the nearest line before the header that matches `line` (within `within` lines), when
   * the header is a line in the middle of the report (a watchdog frame below the RIP of a report whose first line
   * was cut). `required`: without such a line the header starts no report (a bare stack is no report).
   * `earliest`: the farthest such line instead (a report whose first lines each may or may not have survived).
   * `unless`: a line from just above that start on that says the header is no report (a register dump another
   * task asked for, a panic message whose stack it is).
   * `contiguous` (with `earliest`): the first of the run of such lines right above the header (a stack printed under
   * the lost header).
   */
  startsAt?: { line: RegExp; within: number; required?: boolean; earliest?: boolean; contiguous?: boolean; unless?: RegExp };
  /**
   * A class read from a report whose header line was cut: the header it stands in for. Printed in the lines above
   * (another CPU's report interleaved between header and body), the line is that report's body, no report of its own.
   */
  lostHeader?: RegExp;
  /** How far above the header `lostHeader` is looked for (default: a report's length, 150 lines). */
  lostHeaderWithin?: number;
  /** Like `lostHeader`, looked for anywhere above in the same boot (a dump of unbounded length printed on request). */
  lostHeaderInBoot?: RegExp;
  formats: readonly TitleFormat[];
};

const PATTERNS: Record<string, string> = {
  // a function name as printed: `f+0x1/0x2`, `f.isra.0+…`, or symbolised `f net/x.c:12 [inline]`; ppc64 ELFv1 kernels
  // print a function's entry symbol with its descriptor dot (`at: .tlbie+0x138/0x4c0`), which is not part of the name
  FUNC: "(?:\\.(?=[a-zA-Z_]))?([a-zA-Z0-9_]+)(?:\\.|\\+| )",
  // a source location; build trees put `+` in directory names (OpenWrt's `target-mipsel_1004kc+dsp_uClibc-…`)
  SRC: "([a-zA-Z0-9_\\-/.+]+\\.[a-zA-Z]+:[0-9]+)",
  // `[<ffffffff8113…>]`; `[]` when a web page that shows raw text as HTML ate the `<…>` as a tag
  PC: "\\[(?:<?(?:0x)?[0-9a-f]+>?)?\\]",
  ADDR: "(?:0x)?[0-9a-f]+",
  // A symbolised report prints one header line per inlined level before the out-of-line function's own
  // (`BUG: KASAN: use-after-free in skb_dst_drop include/net/dst.h:269 [inline]`, then `… in
  // skb_release_head_state+0x223/0x250 net/core/skbuff.c:653`). The symboliser added those lines after syzkaller
  // had titled the raw report by the out-of-line one; placed before `{{FUNC}}`, this skips them when one follows.
  INLINED: "(?:[a-zA-Z0-9_.]+ [^ \\n]+:[0-9]+ \\[inline\\]\\n.*?BUG: KASAN: [a-z\\- ]+ in )*",
};

const escapeLiteral = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Compile a format with `{{FUNC}}`/`{{SRC}}`/`{{PC}}`/`{{ADDR}}` placeholders. */
/** A regex source matching any prefix of `text` (empty included): the tail of a line a paste cut short. */
function optionalPrefixes(text: string): string {
  let src = "";
  for (let i = text.length - 1; i >= 0; i--) src = `(?:${text[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${src})?`;
  return src;
}

function re(src: string, flags = ""): RegExp {
  return new RegExp(src.replace(/\{\{([A-Z]+)\}\}/g, (_, k: string) => PATTERNS[k] ?? k), flags);
}

/**
 * The `caller is f+0x…` line lib/smp_processor_id.c prints right under a `BUG: using …() in preemptible` header
 * (optional: a paste may lose it, another CPU's line may sit between); never its own debug_/check_ wrappers.
 */
const PREEMPTIBLE_CALLER = "(?:[^\\n]*\\n(?:[^\\n]*\\n)?\\s*caller is (?!debug_smp_processor_id|check_preemption_disabled|__this_cpu_preempt_check){{FUNC}})?";

/**
 * The `panic` frame of the stack a `Kernel panic - not syncing:` line prints right after it: `panic+0x…` (x86 and
 * arm64), `(panic)` (arm32's `from` frames), `<…> panic+…` (MIPS). A paste trimmed to bare names puts it first on its
 * line, and scripts/decode_stacktrace.sh prints it as `panic (kernel/panic.c:348)`, with no offset: both are the
 * panic's own stack too, whose caller is the guilty frame.
 */
const PANIC_FRAME = "(?:.*[ (>])?panic(?:\\+0x|\\)| \\((?:\\./)?kernel/panic\\.c:\\d)";

// Stack sections shared by many classes.
/**
 * The faulting instruction: x86 `RIP:`/`IP:`, arm/arm64 `pc :`/`PC is at`, ppc `NIP`, riscv `epc :`, MIPS
 * `epc   : 8026a400 f+0x74/0x130` (the address first), LoongArch `era   : 90000000002b4c3c f+0x1c/0x40`, s390 `Krnl PSW`,
 * parisc `IAOQ[0]: f+0x384/0x688` (the instruction address offset queue's head; `IAOQ[1]` is the next instruction),
 * sparc64 `TPC: <f+0x60/0x16c>` (the trap PC; the `TSTATE: … TPC: 000000000055de88` line above holds the address only).
 */
/**
 * crash's `bt` prints `[exception RIP: skb_segment+3784]`; its `RIP: ffffffff89a6b2c8  RSP: …` register line is not one.
 * ksymoops' decoded `>>EIP; c0173bb3 <vfs_readlink+22/4a>` names the function a raw `EIP: 0060:[<c0173bb3>]` does not.
 * A paste from a wide terminal can widen `RIP: 0010:` to `RIP:  0010:`; the RIP line's parser reads both, so the section does.
 * A commit message quoting a bt trimmed of its columns drops the brackets too (`exception RIP: f+91`, then ` f at addr`
 * frame lines: frames.ts CRASH_BT_TRIMMED_FRAME): the line alone, from the margin or indented, still opens the stack.
 */
export const RIP_SECTION = /^\s*(?:RIP: +(?:[0-9a-f]{4}:|\[<|[A-Za-z_])|RIP {2}\[<|IP: |EIP: |[RE]IP is at |ip is at |pc : |PC is at |NIP[: ]|epc +: |era +: |ERA: |IAOQ\[0\]: |TPC: <|Krnl PSW|\[ERET +\]: |PC: \[<|\[?exception RIP: |(?:>>)?(?:[ER]?IP|PC|NIP); [0-9a-f]+ <)/;
/** Start of the printed stack; crash's `bt` starts with `PID: n  TASK: …` and ` #0 [ffff…] f at …`. */
/**
 * The hung task's state line, printed right above its `Call Trace:` (5.8+: `task:btrfs-cleaner state:D stack: 0
 * pid:20078 …`; before: `btrfs-cleaner D ffff8800… 0 20078 2 0x00000000`, `iscsi_np D14304 8387 2 0x80004084`).
 * The comm is printed `%-15.15s` and may hold spaces (libcec's `HCEC Notify`, Firefox's `Web Content`, `C2 CompilerThre`).
 */
const taskStateLine = (state: string): RegExp =>
  new RegExp(String.raw`^\s*task:\S.*\bstate:${state}\b|^\s*\S(?:[^\n]{0,13}\S)?\s+D\s*(?:[0-9a-f]{8,16}\s+)?\d+\s+\d+\s+\d+\s+0x[0-9a-f]+\s*$`);
const HUNG_TASK_STATE_LINE = taskStateLine("[A-Z]");
/** The same state line of a task in uninterruptible sleep only (`state:D`, or the old columns' `D`). */
const HUNG_TASK_D_STATE_LINE = taskStateLine("D");
export const CALL_TRACE_SECTION = /(?:Call Trace|Call trace|Backtrace|backtrace|Stack trace|Stack Trace:|Exception stack|^PID: \d+\s+TASK: |^\s*#0 \[)/;
/**
 * arm32 built with the unwinder (CONFIG_ARM_UNWIND: Thumb-2 and most ChromeOS/Android kernels) prints a sleeping task's
 * frames right under its state line with no section line before 5.x (`[<c0aa1e60>] (__schedule) from [<c0aa2100>]
 * (schedule+0x98/0xc4)`); only the frame-pointer unwinder says `Backtrace:`. The first such line starts the stack.
 */
export const ARM_UNWIND_SECTION = /^\s*\[<[0-9a-f]{8,16}>\] \([A-Za-z_.][\w.]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?: \[[\w-]+\])?\) from \[<[0-9a-f]{8,16}>\]/;
const STACK_DEFAULT: StackRule = { sections: [RIP_SECTION, CALL_TRACE_SECTION] };
const STACK_CALL_TRACE: StackRule = { sections: [CALL_TRACE_SECTION] };
/**
 * Marker section: frames are read from the header line on. KMSAN and KFENCE print the stack right after the
 * header without a `Call Trace:` line; frames.ts keeps KASAN's alloc/free stacks out of the main stack.
 */
export const FROM_HEADER_SECTION = /^/;
const STACK_SANITIZER: StackRule = { sections: [FROM_HEADER_SECTION] };
/**
 * KMSAN: the uninitialised value is used where the data ends up — a cipher, an skb sent to netlink — so those generic
 * consumers are skipped (syzkaller's list) to name the code that passed the data on.
 */
const STACK_KMSAN: StackRule = {
  sections: [FROM_HEADER_SECTION],
  skip: [/alloc_skb/, /netlink_ack/, /netlink_rcv_skb/, /_encrypt$/, /^(?:crypto|cipher|drbg|rng)_/, /^usb_submit_urb$/, /^usb_start_wait_urb$/, /^usb_bulk_msg$/, /^usb_interrupt_msg$/, /^usb_control_msg$/],
};
/** KASAN: old reports print SLUB's alloc/free traces before the `Call Trace:`; prefer the latter. */
const STACK_KASAN: StackRule = { sections: [CALL_TRACE_SECTION, FROM_HEADER_SECTION] };
const stack = (sections: readonly RegExp[], extra: Partial<StackRule> = {}): StackRule => ({ sections, ...extra });
/**
 * arm64's SError delivery (arch/arm64/kernel/traps.c): the exception entry, the RAS check and the panic it ends in
 * (6.19's unwinder also lists `abort` and `add_taint+0x0` there). The interrupted code below them, often a register
 * write to a device whose power domain or clock is off, is where the asynchronous bus error was taken.
 */
const SERROR_PATH_SKIP = [
  /^v?panic$/, /^nmi_panic$/, /^abort$/, /^add_taint$/, /^arm64_serror_panic$/, /^arm64_is_fatal_ras_serror$/, /^do_serror$/,
  /^el[01]h?_(?:64|32)_error(?:_handler)?$/, /^el1_error$/,
];
/** `refcount_t hit zero at ` / `overflow at ` / `underflow at `: x86 fast refcount_t's message (kernel/panic.c), before the function. */
const X86_REFCOUNT_MESSAGE = /refcount_t [a-z][a-z ]* at /;

/** The skb helpers that BUG() on their caller's bad length or headroom (`skb_put`, `__skb_pull`, `skb_under_panic`). */
/** report_bug()'s first line, for a BUG() and a WARN() alike. */
const CUT_HERE = /-\[ cut here \]-/;
const SKB_DATA_HELPER = /^_{0,2}skb_(?:put|push|pull|over_panic|under_panic|panic)$/;
/**
 * FORTIFY_SOURCE's BUG() for the string or memory call it caught (`detected buffer overflow in memcpy` then
 * `kernel BUG at lib/string.c:N!` from fortify_panic, 6.x `__fortify_panic`): the overflow is its caller's.
 */
const FORTIFY_HELPER = /^_{0,2}fortify_panic$/;

const skipping = (...names: string[]): StackRule => ({
  sections: [RIP_SECTION, CALL_TRACE_SECTION],
  skip: names.map((n) => new RegExp(n)),
});

/**
 * Pre-kCFI Clang CFI's failure path: the shadow check (`__cfi_check`, `__cfi_slowpath[_diag]`) and its handlers
 * (`__cfi_check_fail`, `__ubsan_handle_cfi_check_fail[_abort]`) run under the function that made the indirect call.
 */
const CFI_SLOWPATH_STACK = skipping("^__cfi_check", "^__cfi_slowpath", "^__ubsan_handle_cfi_check_fail", "^cfi_failure_handler$");

/**
 * The x86 fast refcount_t trap: its handler's frames sit above the function whose count went wrong. A report quoted
 * without its `Call Trace:` line (a mail's `...` then the frames) is read from its first line on.
 */
const X86_REFCOUNT_STACK: StackRule = {
  sections: [RIP_SECTION, CALL_TRACE_SECTION, FROM_HEADER_SECTION],
  skip: ["refcount", "kobject_", "fixup_exception", "^do_trap", "^do_error_trap", "invalid_op", "^handle_bug", "^report_bug"].map((n) => new RegExp(n)),
};

/**
 * lockdep: the lock being acquired is printed as `…, at: [<pc>] func+0x…` lines after `is trying to acquire`
 * (or `takes`); workqueue functions take locks on behalf of work items, so they never name the bug.
 */
export const LOCKDEP_AT_SECTION = /(?:is trying to (?:acquire|release)|just changed the state of lock|\btakes\b|\bat:(?: |$))/;
/**
 * `inconsistent lock state`: the lock site after `takes:`, then the task's own `stack backtrace:` (the stack
 * under `{IN-HARDIRQ-W} state was registered at:` is where lockdep first saw the lock, not the bug).
 */
export const LOCKDEP_TAKES_SECTION = /\btakes:/;
const LOCKDEP_TAKES: StackRule = { sections: [LOCKDEP_TAKES_SECTION] };
const LOCKDEP_AT: StackRule = {
  sections: [LOCKDEP_AT_SECTION],
  skip: [/^process_one_work$/, /^flush_workqueue$/, /^__flush_workqueue$/, /^drain_workqueue$/, /^destroy_workqueue$/, /^flush_work$/, /^__flush_work$/],
  // A fault handler taking mmap_sem is the lock site lockdep prints (`(&mm->mmap_sem){++++}, at: __do_page_fault+0x…`),
  // not exception plumbing: syzkaller's "possible deadlock in __do_page_fault".
  // Likewise genirq's flow handlers, generic in a stack, take the irq descriptor's lock themselves: the lock site of
  // `(&irq_desc_lock_class){-...}, at: handle_fasteoi_irq+0x24/0x1da` is the flow handler.
  // So does the scheduler's wake-up: try_to_wake_up() takes the woken task's pi_lock itself, so the lock site of
  // `(&p->pi_lock){-.-.}-{2:2}, at: try_to_wake_up+0x59/0x760` is try_to_wake_up (syzkaller's "possible deadlock in
  // try_to_wake_up"), generic in a stack as a wake-up helper though it is.
  named: [/^(?:__)?do_page_fault$/, /^do_user_addr_fault$/, new RegExp(GENIRQ_FLOW_HANDLER), /^try_to_wake_up$/],
};
const LOCKDEP_AT_THEN_STACK: StackRule = { sections: [LOCKDEP_AT_SECTION, CALL_TRACE_SECTION], skip: LOCKDEP_AT.skip };
/** memory leaks: every leaked object passes through allocation helpers; name the caller that allocated it. */
const LEAK_ALLOCATORS = [
  /kmemleak/, /kmalloc/, /kcalloc/, /kzalloc/, /vmalloc/, /mmap/, /kmem/, /slab/, /alloc/, /create_object/,
  /idr_get/, /list_lru_init/, /kasprintf/, /kvasprintf/, /pcpu_create/, /strdup/, /strndup/, /memdup/,
  /kobject_set_name_vargs/,
];
/** kmemleak's allocation backtrace (`  backtrace:`, `backtrace (crc 6e8a4bd3):` on newer kernels), allocators skipped, a module's own wrappers too. */
const STACK_LEAK: StackRule = stack([/backtrace/], { skip: LEAK_ALLOCATORS, skipInModules: true });
/**
 * A kmemleak record quoted from its allocation backtrace on: a paste or an excerpt of /sys/kernel/debug/kmemleak that
 * starts below the record's `unreferenced object 0x… (size N):` line (its hex-dump rows or nothing above). The
 * backtrace alone still tells what leaked and who allocated it. Only kmemleak's own bare `backtrace:` line
 * (`backtrace (crc 6e8a4bd3):` on 6.x) with a frame right under it is one: lockdep's `stack backtrace:`, `NMI backtrace
 * for cpu N` and prose are other lines. Inside a record whose header survived (or any open report) it is that record's
 * body.
 */
function kmemleakOrphan(id: string, header: string): CrashClass {
  return {
    id,
    header,
    kind: "memory-leak",
    type: "LEAK",
    suppress: [/^(?!\s*backtrace(?: \(crc [0-9a-f]+\))?:\s*$)/],
    orphanOnly: true,
    lostHeader: /unreferenced object 0x[0-9a-f]+ \(size \d+\):/,
    lostHeaderWithin: 8,
    formats: [{ match: re("^\\s*backtrace(?: \\(crc [0-9a-f]+\\))?:[ \\t]*\\n[ \\t]*\\[<?[0-9a-f]+>?\\] [A-Za-z_.]"), title: "memory leak in {FRAME}", stack: STACK_LEAK }],
  };
}

/**
 * RCU stalls: the stalled CPU's stack, never the grace-period kthread's that RCU dumps when that kthread starved
 * (`RCU grace-period kthread stack dump:` shows it sleeping in `rcu_gp_kthread`); the dump ends where RCU prints
 * the next CPU's stack (`Stack dump where RCU GP kthread last ran:`, an NMI backtrace).
 */
/**
 * Hard lockups: the NMI caught the CPU with interrupts off, most often spinning on a lock taken with them off
 * (`_raw_spin_lock` ← `raw_spin_rq_lock_nested` ← `online_fair_sched_group`): the lock's taker is the culprit, as
 * the hard-lockup KB entry tells the reader. syzkaller titles a hard lockup without a frame, so this changes the
 * displayed frame only; soft lockups keep syzkaller's dispatch-anchor rule (their titles name the frame).
 */
const HARD_LOCKUP_STACK: StackRule = stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall", lockTaker: true });

const RCU_STALL_STACK: StackRule = {
  sections: [RIP_SECTION, CALL_TRACE_SECTION],
  mode: "stall",
  skip: [/^rcu_/, /^print_cpu_stall/, /^check_cpu_stall/, /^update_process_times/, /^tick_/, /^sched_clock/, /^account_/],
  bystanders: [{ from: /RCU grace-period kthread stack dump:/, until: /Stack dump where RCU GP kthread last ran:|NMI backtrace for cpu|Sending NMI from CPU|rcu: INFO: |INFO: rcu_/ }],
  // x86 `apic_timer_interrupt` (and its `smp_`/`sysvec_` wrappers), ARM's `Exception stack(…)`, arm64's IRQ vector
  timerEntry: /apic_timer_interrupt|Exception stack|\bel1h?_64_irq\b|\bel1_irq\b/,
};
/** SLUB's consistency checks between kfree()/kmalloc() and the report (mm/slub.c: `free_debug_processing`, `object_err`…). */
const SLUB_DEBUG_SKIP = [
  /^object_err$/, /^slab_err$/, /^slab_bug$/, /^slab_fix$/, /debug_processing$/, /^check_bytes_and_report/, /^check_object$/, /^check_slab$/,
  /^check_valid_pointer$/, /^check_pad_bytes$/, /^slab_pad_check/, /^on_freelist$/, /^_*slab_(?:alloc|free)/, /^free_to_partial_list$/,
];
/** spinlock/rwlock debugging: the lock functions and any wrapper around them (`foo_lock`, `bar_unlock`), as syzkaller skips. */
const SPINLOCK_DEBUG_SKIP = [/spin_/, /rwlock/, /_raw_/, /_lock/, /_unlock/];
/** page_owner's allocation stack: the allocator and page-cache helpers every page passes through. */
const BAD_PAGE_OWNER_SKIP = [
  /(?:free|put|get|update|release)_page/, /free_unref/, /^_*folio/, /truncate_inode_pages/, /page_frag_free/, /alloc/, /vmap/, /page_owner/,
];
/**
 * syzkaller's titles quoted in prose (a bug tracker, a mailing-list subject, `title=kernel BUG in skb_segment` in a
 * note): shapes the kernel never prints — it says `kernel BUG at f.c:N!`, `BUG: soft lockup - CPU#N`, `INFO: task
 * x:N blocked for more than`, `BUG: Bad page state in process x` — so such a line starts no report.
 */
const SYZKALLER_TITLE_QUOTES = {
  kernelBug: [/kernel BUG in \S/],
  gpf: [/general protection fault in \S/],
  bug: [/BUG: soft lockup in \S/, /BUG: unable to handle kernel (?:NULL pointer dereference|paging request|access to user memory) in \S/, /BUG: Bad page (?:state|cache) in (?!process )\S/],
  info: [/INFO: task hung in \S/, /INFO: rcu detected stall in \S/],
} satisfies Record<string, readonly RegExp[]>;
/**
 * Files with one WARN that production logs print, for a WARNING whose header names the file only (a paste or console
 * cut after `WARNING: at net/sched/sch_generic.c:307`, 2.6-era kernels that printed no function, kernels without
 * kallsyms that print an address): the function is the file's WARN site. Only files whose other WARNs are rare enough that the guess is the report's.
 */
const WARN_SITES: readonly { file: string; function: string; why: string }[] = [
  { file: "net/sched/sch_generic.c", function: "dev_watchdog", why: "NETDEV WATCHDOG: the transmit-queue timeout WARN_ONCE" },
];

/**
 * Where a paste that lost its line breaks glued the next record onto a one-line message: after whitespace, that
 * record's dmesg stamp (`[ 2052.051872]`, a printk caller id `[ T1668]` may follow) or console level and stamp (`<4>[…`).
 * No kernel message holds a dmesg stamp (seconds and six decimals in brackets) of its own.
 */
const GLUED_NEXT_RECORD = String.raw`(?<=\s)(?=(?:<[0-7]>)?\[ *[0-9]+\.[0-9]{6}\])`;

/** riscv's trap registers of a trap taken in supervisor mode (`sstatus.SPP`, bit 8, set): a user fault's are not a kernel oops. */
const RISCV_KERNEL_TRAP = "status: [0-9a-f]*[13579bdf][0-9a-f]{2}";
/**
 * Kernel source directories a build-tree path runs through. Not `usr`, `tools`, `scripts`: build prefixes
 * (`/usr/src/packages/BUILD/…`) hold them. A directory so named whose next one carries a version
 * (`qubes-src/kernel/kernel-3.4.12/linux-3.4.12/arch/…`, Android's `kernel/msm-4.14/drivers/…`) is the build
 * tree's own folder, not the kernel's: the path is read on from the next match. `/var/lib` and `/usr/lib` are the
 * system's library folders, not the kernel's `lib/`: DKMS builds its out-of-tree modules under
 * `/var/lib/dkms/<module>/<version>/build/`.
 */
const KERNEL_TREE_PATH = /(?<!^\/(?:var|usr))\/((?:arch|block|certs|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|rust|security|sound|virt)\/(?![^/]*\d\.\d[^/]*\/).+)$/;

/**
 * The kernel-tree path of a file a BUG names by its absolute build path, so one bug gets one title on every build:
 * `/tmp/openbmc/build/…/kernel-source/net/core/skbuff.c` and Debian's `/build/linux-8fxPc5/linux-4.9.6/lib/list_debug.c`
 * → `net/core/skbuff.c`, `lib/list_debug.c`. A path outside any kernel directory (an out-of-tree module) stays.
 */
export function kernelTreePath(path: string): string {
  const climbed = OBJ_DIR_CLIMB.exec(path);
  if (climbed) return path.slice(climbed[0].length);
  if (!path.startsWith("/")) return path;
  return KERNEL_TREE_PATH.exec(path)?.[1] ?? path;
}

/**
 * An out-of-tree (`O=`) build prints `__FILE__` relative to its object directory: `../net/core/dev.c` climbs once to
 * the source tree. Android device builds keep the object directory in the platform tree's `out/` and the kernel at
 * AOSP's `kernel/<vendor>/<tree>/`, so they climb to the platform root and back down
 * (`../../../../../../kernel/motorola/msm8916/mm/vmscan.c`, `…/kernel/sony/msm/drivers/iommu/msm_iommu-v1.c`): the
 * climb and that layout's three folders are not the kernel tree's (a kernel's own `kernel/` has no subfolder holding
 * a top-level source directory).
 */
const OBJ_DIR_CLIMB = /^(?:\.\.\/)+(?:kernel\/[^/]+\/[^/]+\/(?=(?:arch|block|certs|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|rust|security|sound|techpack|virt)\/))?/;

/**
 * s390 die() before `ilc:` was added: `<program check name>: <code> [#n]` (the name capitalised or not); not `Oops: …`,
 * which the Oops row reads.
 */
const S390_OLD_DIE_LINE = /^\s*(?!Oops:)([A-Za-z][a-z -]*[a-z]): [0-9a-f]{4} \[#[0-9]+\]/;
/** The lines above an x86 register dump that die()/__warn() print (see x86-oops-headless). */
const X86_OOPS_PREAMBLE = /^\s*(?:[A-Za-z][\w ,()-]*: [0-9a-f]{4} \[#[0-9]+\]|KASAN: [a-z-]+ in range|CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: |Modules linked in:|NMI backtrace for cpu|Sending NMI from CPU|[Ss]ys[Rr]q ?: )/;
/**
 * Lines x86 prints between `BUG: unable to handle …` and `Oops: 0000 [#1]`: 2.6–4.14 the faulting `IP:` and the page
 * table walk, 5.1+ the `#PF:` access and error code lines, then the walk.
 */
const X86_FAULT_PREAMBLE = /^\s*(?:IP: |PGD [0-9a-f]|\*pdpt = |\*pde = |#PF: )/;
/** A 5.1+ x86 page fault whose `BUG: …` header a paste cut: its `#PF:` lines, then its die line. */
const CUT_PAGE_FAULT = (mode: "kernel" | "user") => `#PF: (?:supervisor|user) (?:read|write|instruction fetch) access in ${mode} mode(?:.*\\n){1,8}?.*Oops: [0-9a-f]{4}`;
/** The same cut one line lower: the paste starts at `#PF: error_code(0x…)`, the access line gone with the header. */
const CUT_PAGE_FAULT_CODE = `#PF: error_code\\(0x[0-9a-f]+\\)(?:.*\\n){1,8}?.*Oops: [0-9a-f]{4}`;
/** A line of a printed stack: a frame (`f+0x1a/0x30`, symbolised `f mm/x.c:12 [inline]`), a `<IRQ>` marker, a blank. */
const STACK_LINE = /^\s*(?:\? )?(?:[a-zA-Z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+|[a-zA-Z_][\w.]* [\w\-/.+]+\.[a-zA-Z]+:\d+|<\/?[A-Z]+>|$)/;
/** A register dump another task asked for (NMI backtraces of all CPUs, SysRq's Show Regs): no report. */
const REQUESTED_DUMP = /NMI backtrace for cpu|Sending NMI from CPU|[Ss]ys[Rr]q ?: /;
/** print_kernel_ident() and the dashes under a lockdep header (`4.14.0-rc1+ #1 Not tainted`). */
const LOCKDEP_PREAMBLE = /^\s*(?:\d[\w.+~-]* #\S+\s+(?:Not tainted|Tainted:)|-{20,}\s*$)/;
/** An RCU stall's per-CPU line: `0-....: (105000 ticks this GP) idle=2f6/1/0x…`, `(1 GPs behind)`. */
const RCU_STALL_CPU_LINE = /ticks this GP|GPs behind|\bidle=[0-9a-f]/;
const BAD_ACCESS = ["bad-access in {FRAME}"];
/** A kernel-mode fault at a NULL-based address and at any other bad address, as every architecture's fault handler is titled. */
const NULL_DEREF_FAULT = { title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE", stack: STACK_DEFAULT } as const;
const PAGING_REQUEST_FAULT = { title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT } as const;
const INVALID_FREE = ["invalid-free in {FRAME}"];
const STALL = ["stall in {FRAME}"];
/** 4.0-4.3 KASan's bug types (mm/kasan/report.c's print_error_description) and the names 4.4 gave them. */
const KASAN_4_0_BUG_TYPES: ReadonlyArray<readonly [string, string]> = [
  ["use after free", "use-after-free"],
  ["out of bounds access", "out-of-bounds"],
  ["out of bounds on stack", "stack-out-of-bounds"],
];
const HANG = ["hang in {FRAME}"];

/** Lines that start a report section we must not mistake for a new report header. */
/** A hung task cut down to its D-state line and stack, for each spelling of the trace's section line. */
function headlessHungTask(id: string, callTrace: string): CrashClass {
  return {
    id,
    header: callTrace,
    kind: "hung-task",
    type: "HANG",
    orphanOnly: true,
    // The freezer lists the tasks that refused to freeze the same way (`Freezing of tasks failed after 20.005 seconds
    // (1 tasks refusing to freeze, wq_busy=0):`, 6.x `Freezing user space processes failed after …`): 20 s, no hang.
    lostHeader: /blocked for more than \d+ seconds|hung_task_timeout_secs|refusing to freeze/,
    lostHeaderWithin: 1000,
    // SysRq's `w` and `t` dump every blocked (every) task on request: thousands of lines on a busy node, so anywhere
    // earlier in the boot. A hung task the detector reports after it prints its own header.
    lostHeaderInBoot: /Show Blocked State|Show State/,
    startsAt: { line: HUNG_TASK_D_STATE_LINE, within: 6, required: true },
    formats: [
      {
        match: re(callTrace), title: "INFO: task hung in {FRAME}", alt: HANG, corrupted: "the hung-task header line is missing",
        stack: stack([CALL_TRACE_SECTION], { mode: "hang" }),
      },
    ],
  };
}

/**
 * Where a crash utility `bt` quoted on its own begins: the `crash> bt` prompt, the task line `bt` prints first, or, in
 * a commit message that cut both, the kdump hand-off frames `bt` always lists first for the panicking task
 * (`#0 machine_kexec`, `#1 __crash_kexec`/`crash_kexec`: the capture kernel is entered from there, so they stand for
 * the task line as surely).
 */
const CRASH_BT_START = /^\s*(?:crash> bt\b|PID: \d+\s+TASK: |#[0-2] \[[0-9a-f]+\] (?:machine_kexec|_{0,2}crash_kexec) at )/;

/**
 * A kernel page-fault oops known only from the crash utility's `bt` of the panicking task (a post that quotes the bt
 * without its `PANIC: "BUG: unable to handle …"` line or the dmesg): the x86 fault handler's no-fixup path — `frame`,
 * `no_context` up to 5.15, `page_fault_oops` since — listed as a bt frame above the `[exception RIP: f+N]` line says
 * the kernel oopsed on a fault there. Keyed on the bt's `] f at ` spelling, which no dmesg stack line has. A bt does not
 * print the faulting address, so a NULL dereference is not told from a bad pointer: syzkaller's title for a fault not
 * known to be NULL. Only with no report open: under a `PANIC:` line or a dmesg oops the frame is that report's.
 */
function crashBtKernelPageFault(frame: string): CrashClass {
  return {
    id: `paging-fault-crash-bt-${frame}`,
    header: `] ${frame} at `,
    kind: "paging-fault",
    type: "MEMORY_SAFETY_BUG",
    orphanOnly: true,
    startsAt: { line: CRASH_BT_START, within: 12, required: true },
    formats: [
      {
        match: re(`\\] ${frame} at `), title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS,
        corrupted: "the page fault header lines are missing", stack: STACK_DEFAULT,
      },
    ],
  };
}

/**
 * The same for a general protection fault: x86's #GP handler (`do_general_protection` up to 5.7,
 * `exc_general_protection` since) listed as a bt frame above the `[exception RIP: f+N]` line says the kernel took a
 * #GP there (a non-canonical pointer: freed or overwritten memory). Keyed on the bt's `] f at ` spelling, which no dmesg
 * stack line has; only with no report open (under a `PANIC: "general protection fault…"` line the bt is that
 * report's stack). A post that quotes two crashes' `bt` of one host shows the second this way.
 */
function crashBtGeneralProtection(): CrashClass {
  return {
    id: "gpf-crash-bt",
    // One needle for both handlers, cut to `protection at `: `] do_…`/`] exc_…` as two needles, or the longer
    // `_general_protection at `, put it in prefilter buckets that let too many positions of a busy log through
    // (prefilter-placement.test.ts, literal-prefilter.test.ts); the format's match keeps it to the handler frames.
    header: "protection at ",
    kind: "gpf",
    type: "DoS",
    orphanOnly: true,
    startsAt: { line: CRASH_BT_START, within: 12, required: true },
    formats: [
      {
        match: re("\\] (?:do|exc)_general_protection at "), title: "general protection fault in {FRAME}", alt: BAD_ACCESS,
        corrupted: "the general protection fault header line is missing", stack: STACK_DEFAULT,
      },
    ],
  };
}

/**
 * A report printed through dump_stack() read from its reporter's frame when its header was cut: that frame (`header`),
 * the header it stands in for (`lost`), the header row's title, type and stack rule, its display title without a usable
 * stack, and its kind when not a BUG.
 */
type ReporterFrameRow = { id: string; header: string; lost: RegExp; title: string; type: string; stack?: StackRule; kind?: FindingKind; stackless?: string };
/** Stack rules a class's header row and its header-cut rows share (the same report, read from other lines). */
const ATOMIC_SCHEDULE_STACK = stack([CALL_TRACE_SECTION], { skip: [/^schedule/, /^__schedule/] });
const SMP_PROCESSOR_ID_STACK = stack([CALL_TRACE_SECTION], { skip: [/preempt/, /processor_id/] });
/** A bad page's stack is generic mm code: only page_owner's allocation stack names an owner. */
const BAD_PAGE_OWNER_STACK = stack([/page last allocated|page_owner tracks the page as allocated/], { skip: BAD_PAGE_OWNER_SKIP });

/**
 * A Rust panic is titled by its message (group 1) and the panicking function, past the unwinding machinery
 * (`rust_begin_unwind`, `core::panicking::*`, the `rust_helper_BUG` it dies through); without a stack, by the message.
 */
const RUST_PANIC_MESSAGE_TITLE = {
  title: "$1 in {FRAME}",
  noStackTrace: true,
  stack: stack([CALL_TRACE_SECTION], { skip: [/rust_begin_unwind/, /^core::panicking::/, /^rust_helper_BUG$/] }),
  stacklessTitle: (m: RegExpExecArray) => m[1],
} satisfies Partial<TitleFormat>;

export const CLASSES: readonly CrashClass[] = [
  {
    id: "bug",
    header: "BUG:",
    kind: "bug",
    type: "BUG",
    suppress: [/BUG: (?:unable to load|debug)/i, /\bRCU_BUG\b/, /ODEBUG:/, /BUG: NMI Watchdog detected LOCKUP/, ...SYZKALLER_TITLE_QUOTES.bug],
    // check_mm() reports a freed mm's counters with pr_alert() and goes on: a panic after them (m68k's `table already
    // free!` from the same page-table teardown) is the next detection, with its own stack, not their ending.
    carriesOn: [/BUG: (?:Bad rss-counter state|non-zero (?:nr_ptes|nr_pmds|nr_puds|pgtables_bytes) on freeing mm)/],
    formats: [
      {
        match: re("BUG: KASAN: ([a-z\\-]+) in {{INLINED}}{{FUNC}}(?:.*\\n)+?.*(Read|Write) (?:of size|at addr) "),
        title: "KASAN: $1 $3 in {FRAME}", alt: BAD_ACCESS, kind: "kasan", headerFunction: 2,
        stack: STACK_KASAN,
      },
      // 4.0-4.3 spelled the tool `KASan` and the bug type in words (`BUG: KASan: use after free in f+0x2c9/0x340 [mod]
      // at addr A`), the access on the next line (`Read of size 8 by task t/15`); 4.4 renamed them to the dashed types
      // the rows above read.
      ...KASAN_4_0_BUG_TYPES.map(([words, type]): TitleFormat => ({
        match: re(`BUG: KASan: ${words} in {{FUNC}}(?:.*\\n)+?.*(Read|Write) of size `),
        title: `KASAN: ${type} $2 in {FRAME}`, alt: BAD_ACCESS, kind: "kasan", headerFunction: 1,
        stack: STACK_KASAN,
      })),
      {
        match: re("BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in {{INLINED}}{{FUNC}}"),
        title: "KASAN: invalid-free in {FRAME}", alt: INVALID_FREE, kind: "kasan", type: "KASAN-INVALID-FREE", headerFunction: 1,
        stack: STACK_KASAN,
      },
      {
        match: re("BUG: KASAN: ([a-z\\-]+) in ([a-zA-Z0-9_.]+)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)? at addr"),
        // The old header names the function but syzkaller reads no frame for it: no `bad-access` bucket either.
        title: "KASAN: $1 in $2 at addr ADDR", kind: "kasan",
      },
      {
        match: re("BUG: KASAN: ([a-z\\-]+) in {{INLINED}}{{FUNC}}"),
        title: "KASAN: $1 in {FRAME}", alt: BAD_ACCESS, kind: "kasan", stack: STACK_KASAN, headerFunction: 2,
        // Every KASAN report says what it accessed (`Read of size 8`): without that line the report was cut.
        corrupted: "KASAN report without its access line",
      },
      {
        match: re("BUG: KAS(?:AN|an): ([a-z\\-]+) on address(?:.*\\n)+?.*(Read|Write) of size ([0-9]+)"),
        title: "KASAN: $1 $2", kind: "kasan", noStackTrace: true,
      },
      { match: re("BUG: KASAN: (.*)"), title: "KASAN: $1", kind: "kasan", corrupted: "KASAN header without details" },
      {
        match: re("BUG: KMSAN: kernel-usb-infoleak"), title: "KMSAN: kernel-usb-infoleak in {FRAME}", kind: "kmsan", type: "KMSAN-INFO-LEAK", stack: STACK_KMSAN,
        originAlt: { section: /^\s*Uninit was created at:/, title: "KMSAN origin in {FRAME}", skip: LEAK_ALLOCATORS },
      },
      { match: re("BUG: KMSAN: kernel-infoleak"), title: "KMSAN: kernel-infoleak in {FRAME}", alt: BAD_ACCESS, kind: "kmsan", type: "KMSAN-INFO-LEAK", stack: STACK_KMSAN },
      // Old symbolised KMSAN reports glue the frame's placeholder address to the word: `uninit-value in[<  inline  >] f`.
      { match: re("BUG: KMSAN: use of unini?tiali[sz]ed memory in(?: |\\[<)"), title: "KMSAN: uninit-value in {FRAME}", alt: BAD_ACCESS, kind: "kmsan", stack: STACK_KMSAN },
      { match: re("BUG: KMSAN: ([a-z\\-]+) in(?: |\\[<)"), title: "KMSAN: $1 in {FRAME}", alt: BAD_ACCESS, kind: "kmsan", stack: STACK_KMSAN },
      {
        // %ps prints a module's function with its module (`spa_config_exit [zfs] / spa_config_held [zfs]`): the module
        // is not part of the name, so it may stand between the first function and the slash.
        match: re("BUG: KCSAN: data-race in ([a-zA-Z0-9_]+)[^ ]*(?: \\[[^\\] ]+\\])? / ([a-zA-Z0-9_]+)"),
        title: "KCSAN: data-race in {FUNC:1} / {FUNC:2}", kind: "kcsan", type: "KCSAN-DATARACE", noStackTrace: true,
      },
      { match: re("BUG: KCSAN: data-race in ([a-zA-Z0-9_]+)"), title: "KCSAN: data-race in {FUNC:1}", kind: "kcsan", type: "KCSAN-DATARACE", noStackTrace: true },
      { match: re("BUG: KCSAN: ([a-z\\-]+) in {{FUNC}}"), title: "KCSAN: $1 in {FUNC:2}", kind: "kcsan", noStackTrace: true },
      // The header names the faulting function: a paste that kept only the header and the task lines still tells it.
      { match: re("BUG: KFENCE: (use-after-free|out-of-bounds) (read|write) in {{FUNC}}"), title: "KFENCE: $1 $2 in {FRAME}", alt: BAD_ACCESS, kind: "kfence", stack: STACK_SANITIZER, headerFunction: 3 },
      { match: re("BUG: KFENCE: (use-after-free|out-of-bounds) (read|write) in "), title: "KFENCE: $1 $2 in {FRAME}", alt: BAD_ACCESS, kind: "kfence", stack: STACK_SANITIZER },
      { match: re("BUG: KFENCE: invalid (read|write) in {{FUNC}}"), title: "KFENCE: invalid $1 in {FRAME}", alt: BAD_ACCESS, kind: "kfence", stack: STACK_SANITIZER, headerFunction: 2 },
      { match: re("BUG: KFENCE: invalid (read|write) in "), title: "KFENCE: invalid $1 in {FRAME}", alt: BAD_ACCESS, kind: "kfence", stack: STACK_SANITIZER },
      { match: re("BUG: KFENCE: invalid free in {{FUNC}}"), title: "KFENCE: invalid free in {FRAME}", alt: INVALID_FREE, kind: "kfence", type: "KFENCE-INVALID-FREE", stack: STACK_SANITIZER, headerFunction: 1 },
      { match: re("BUG: KFENCE: invalid free in "), title: "KFENCE: invalid free in {FRAME}", alt: INVALID_FREE, kind: "kfence", type: "KFENCE-INVALID-FREE", stack: STACK_SANITIZER },
      { match: re("BUG: KFENCE: memory corruption in "), title: "KFENCE: memory corruption in {FRAME}", kind: "kfence", type: "KFENCE-MEMORY-CORRUPTION", stack: STACK_SANITIZER },
      {
        match: re("BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|Kernel NULL pointer dereference)"),
        title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE",
        stack: STACK_DEFAULT,
      },
      {
        match: re("BUG: (?:unable to handle page fault for address|unable to handle kernel paging request)(?:.*\\n)+?.*#PF: (?:supervisor|user) (?:read|write|instruction fetch) access in user mode"),
        title: "BUG: unable to handle kernel access to user memory in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT,
      },
      {
        match: re("BUG: (?:unable to handle kernel paging request|unable to handle page fault for address|Unable to handle kernel data access|pagefault on kernel address)"),
        title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT,
      },
      // ppc (arch/powerpc/mm/fault.c): an instruction fetch from a NULL-based address, or a fault of no known kind.
      {
        match: re("BUG: Unable to handle kernel instruction fetch \\(NULL pointer\\?\\)"),
        title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE", stack: STACK_DEFAULT,
      },
      {
        match: re("BUG: Unable to handle (?:kernel instruction fetch|unknown paging fault)"),
        title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT,
      },
      { match: re("BUG: [Uu]nable to handle kernel"), title: "BUG: unable to handle kernel", kind: "oops", corrupted: "half-printed header" },
      { match: re("BUG: (spinlock (?:lockup suspected|already unlocked|recursion|bad magic|wrong owner|wrong CPU|cpu recursion|trylock failure on UP))"), title: "BUG: $1 in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: SPINLOCK_DEBUG_SKIP }) },
      { match: re("BUG: (rwlock (?:lockup suspected|already unlocked|recursion|bad magic|wrong owner|wrong CPU|cpu recursion|trylock failure on UP))"), title: "BUG: $1 in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: SPINLOCK_DEBUG_SKIP }) },
      {
        match: re("BUG: soft lockup"), title: "BUG: soft lockup in {FRAME}", alt: STALL, kind: "soft-lockup", type: "HANG",
        // 2.6.1x i386 (`BUG: soft lockup detected on CPU#0!`) printed dump_stack()'s frames right under the header,
        // with neither a register dump nor a `Call Trace:` line: read from the header when the others give nothing.
        stack: stack([RIP_SECTION, CALL_TRACE_SECTION, FROM_HEADER_SECTION], { mode: "stall" }),
      },
      { match: re("BUG: .*still has locks held!"), title: "BUG: still has locks held in {FRAME}", kind: "lockdep", stack: LOCKDEP_AT_THEN_STACK },
      // The same exit-time check in older kernels (2.6.18 to at least 2.6.32: `[ BUG: lock held at task exit time! ]`, `echo/28793 is exiting with locks
      // still held!`): the held-lock list's `at:` site names the function, as for the newer wording.
      { match: re("BUG: lock held at task exit time!"), title: "BUG: lock held at task exit time in {FRAME}", kind: "lockdep", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("BUG: lock held when returning to user space"), title: "BUG: lock held when returning to user space in {FRAME}", kind: "lockdep", noStackTrace: true, stack: LOCKDEP_AT_THEN_STACK },
      { match: re("BUG: bad unlock balance detected!"), title: "BUG: bad unlock balance in {FRAME}", kind: "lockdep", stack: LOCKDEP_AT_THEN_STACK },
      // lock_stat's print_lock_contention_bug() (`[ BUG: bad contention detected! ]` before 4.10): a lock contended that the
      // task's held-lock stack does not know; the contended site is printed after `… is trying to contend lock (l) at:`
      // as an unlock site is. syzkaller has no row: its title is the header line, kept as the alternative.
      { match: re("BUG: bad contention detected!"), title: "BUG: bad contention in {FRAME}", alt: ["BUG: bad contention detected!"], kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("BUG: held lock freed!"), title: "BUG: held lock freed in {FRAME}", kind: "lockdep", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("BUG: Bad rss-counter state"), title: "BUG: Bad rss-counter state", noStackTrace: true },
      { match: re("BUG: non-zero nr_ptes on freeing mm"), title: "BUG: non-zero nr_ptes on freeing mm", noStackTrace: true },
      { match: re("BUG: non-zero pgtables_bytes on freeing mm"), title: "BUG: non-zero pgtables_bytes on freeing mm", noStackTrace: true },
      // Before 4.20 the same check counted page-table pages per level: `BUG: non-zero nr_pmds on freeing mm: 1`.
      { match: re("BUG: non-zero (nr_ptes|nr_pmds|nr_puds) on freeing mm"), title: "BUG: non-zero $1 on freeing mm", noStackTrace: true },
      // Architectures without a BUG trap instruction (um/lkl, some embedded): `BUG: failure at kernel/irq_work.c:155/irq_work_run_list()!`
      { match: re("BUG: failure at {{SRC}}/([a-zA-Z0-9_]+)\\(\\)"), title: "kernel BUG in {FUNC:2}", type: "BUG", noStackTrace: true },
      { match: re("BUG: KCSAN: assert: race in {{FUNC}}"), title: "KCSAN: assert: race in {FUNC:1}", kind: "kcsan", type: "KCSAN-ASSERT", noStackTrace: true },
      // syzkaller's older title (`[unmount of ext4 loop4]`) stays an alternative.
      { match: re("BUG: Dentry .* still in use \\([0-9]+\\) \\[(unmount) of ([^\\]\\n]+)\\]"), title: "BUG: Dentry still in use in $1", alt: ["BUG: Dentry still in use [$1 of $2]"], stack: STACK_CALL_TRACE },
      { match: re("BUG: Dentry .* still in use \\([0-9]+\\) \\[(unmount) of "), title: "BUG: Dentry still in use in $1", stack: STACK_CALL_TRACE },
      // The page allocator finds a bad page when it is freed or handed out again: the call trace is generic mm code
      // (free_unref_page, get_page_from_freelist, whatever freed a page) and says nothing of who spoiled it. Only
      // page_owner's allocation stack names the owner (syzkaller's rule); without it the display title names no
      // function, and syzkaller's `… in corrupted` stays the syzkaller title.
      {
        match: re("BUG: Bad page (state|cache)"), title: "BUG: Bad page $1 in {FRAME}",
        stack: BAD_PAGE_OWNER_STACK,
        stacklessTitle: (m) => `BUG: Bad page ${m[1]}`,
      },
      { match: re("BUG: Bad page map"), title: "BUG: Bad page map" },
      { match: re("BUG: workqueue lockup"), title: "BUG: workqueue lockup", noStackTrace: true, type: "HANG" },
      { match: re("BUG: sleeping function called from invalid context"), title: "BUG: sleeping function called from invalid context in {FRAME}", type: "ATOMIC_SLEEP", stack: STACK_CALL_TRACE },
      // lib/smp_processor_id.c prints `caller is f+0x5e/0x3d0` under the header: the function that asked for the CPU id
      // (or, when check_preemption_disabled was not inlined, its debug_ wrapper, never named). A stack cut after
      // dump_stack's `?` guesses leaves that line the only name: the guilty hint, and the display title.
      { match: re(`BUG: using __this_cpu_([a-z_]+)\\(\\) in preemptible${PREEMPTIBLE_CALLER}`), title: "BUG: using __this_cpu_$1() in preemptible code in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/preempt/, /^__this_cpu/, /check_preemption/] }), guiltyHint: 2 },
      { match: re(`BUG: using smp_processor_id\\(\\) in preemptible${PREEMPTIBLE_CALLER}`), title: "BUG: using smp_processor_id() in preemptible code in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: SMP_PROCESSOR_ID_STACK, guiltyHint: 1 },
      // lib/smp_processor_id.c names whichever accessor it checked (`this_cpu_read()`, `raw_cpu_add()`…).
      { match: re(`BUG: using ([a-z_]+)\\(\\) in preemptible${PREEMPTIBLE_CALLER}`), title: "BUG: using $1() in preemptible code in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/preempt/, /processor_id/, /this_cpu/, /^debug_/] }), guiltyHint: 2 },
      { match: re("BUG: workqueue leaked lock or atomic(?:.*\\n)+?.*last function: ([a-zA-Z0-9_]+)"), title: "BUG: workqueue leaked lock or atomic in {FUNC:1}", noStackTrace: true },
      { match: re("BUG: scheduling while atomic"), title: "BUG: scheduling while atomic in {FRAME}", type: "ATOMIC_SLEEP", stack: ATOMIC_SCHEDULE_STACK },
      { match: re("BUG: memory leak"), title: "memory leak in {FRAME}", kind: "memory-leak", type: "LEAK", stack: STACK_LEAK },
      // A stack overflow recurses: the frame on top is a random one of the loop, as in a stall (syzkaller anchors it the
      // same way); an overflow that left no usable call trace still names its RIP for display.
      { match: re("BUG: .*stack guard page was hit at"), title: "BUG: stack guard page was hit in {FRAME}", alt: ["stack-overflow in {FRAME}"], stack: stack([CALL_TRACE_SECTION], { mode: "stall", ripFallback: true }) },
      // syzkaller files it under its x86 title (`WARNING: locking bug in f`): the alternative.
      { match: re("BUG: Invalid wait context"), title: "BUG: Invalid wait context in {FRAME}", alt: ["WARNING: locking bug in {FRAME}"], kind: "lockdep", stack: STACK_CALL_TRACE },
      // MAX_LOCK_DEPTH: more than 48 locks held by one task (bcachefs btree nodes, nested netdev setup); lockdep turns itself off.
      { match: re("BUG: MAX_(LOCKDEP_[A-Z_]+|STACK_TRACE_ENTRIES|LOCK_DEPTH) too low!"), title: "BUG: MAX_$1 too low!", kind: "lockdep", noStackTrace: true },
      // lockdep asked for a nesting subclass of MAX_LOCKDEP_SUBCLASSES (8) or more (`spin_lock_nested(l, i++)` over many
      // objects): no banner and no lock lines, only a plain stack whose first frame outside lockdep and
      // the lock primitives is the caller that passed the subclass.
      { match: re("BUG: looking up invalid subclass: [0-9]+"), title: "BUG: looking up invalid subclass in {FRAME}", kind: "lockdep", stack: STACK_CALL_TRACE },
      { match: re("BUG: corrupted list in {{FUNC}}"), title: "BUG: corrupted list in {FUNC:1}", noStackTrace: true },
      // 2.6.16 to 2.6.24 printed a WARN_ON as `BUG: warning at kernel/cpu.c:56/unlock_cpu_hotplug()` (RHEL 5's 2.6.18,
      // ESX's vmklinux): a WARNING, titled like one by the warned function or, when that is a generic helper
      // (`local_bh_enable`, `debug_mutex_unlock`), by the first frame past it; i386 printed the frames with no
      // `Call Trace:` line.
      {
        match: re("BUG: warning at (?:\\S*/)?[a-zA-Z0-9_\\-+.]+\\.[a-zA-Z]+:[0-9]+/([a-zA-Z0-9_]+)\\(\\)"),
        title: "WARNING in {FRAME}", kind: "warning", type: "WARNING", stack: stack([CALL_TRACE_SECTION, FROM_HEADER_SECTION]), guiltyHint: 1, hintLeads: true,
      },
      // A subsystem's own consistency check, printed after its printk prefix (`ALSA sound/core/pcm_lib.c:181: BUG:
      // pcmC0D0p:0, pos = …`, `md/raid:md0: BUG: …`): a bug the driver detected, with no stack. The prefix names
      // the subsystem, so it stays in the title. Timestamps and console noise (`]`) are the catch-all's case.
      { match: re("^\\s*([^\\n\\[\\]]{0,80}?[\\w)]): BUG: (\\S[^\\n]*)"), title: "$1: BUG: $2", noStackTrace: true },
      { match: re("^(?:.*\\] )?BUG: ([^\\n]*)"), title: "BUG: $1", needsStackNearby: true },
    ],
  },
  {
    id: "warning",
    header: "WARNING:",
    kind: "warning",
    type: "WARNING",
    // The x86 fast refcount_t message printed just before its WARNING (see X86_REFCOUNT_MESSAGE) is the report's start.
    startsAt: { line: X86_REFCOUNT_MESSAGE, within: 3 },
    suppress: [/WARNING: (?:\/etc\/|\/proc\/|Skipping|The |unable to|missing|your|CPU: [0-9]+ PID: [0-9]+ at (?:fs\/|kernel\/)?$)/, /^WARNING: [A-Z_]+=/],
    formats: [
      // 3.x kernels (RHEL 7, Debian 8) print a hard lockup as the NMI watchdog's WARNING, its message on the next
      // line: `WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x…()` / `Watchdog detected hard LOCKUP on cpu 3`.
      {
        match: re("WARNING:[^\\n]* at (?:[^\\n ]*/)?kernel/watchdog\\.c:[0-9]+ watchdog_overflow_callback[^\\n]*\\n(?:.*\\n){0,2}?.*Watchdog detected hard LOCKUP on cpu ([0-9]+)"),
        title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, kind: "hard-lockup", type: "HANG",
        stack: HARD_LOCKUP_STACK,
      },
      { match: re("WARNING:.*lib/debugobjects\\.c.* (?:debug_print|debug_check)"), title: "WARNING: ODEBUG bug in {FRAME}", stack: skipping("^debug_", "^__debug_", "rcu", "hrtimer_", "timer_", "^work_", "percpu_", "kmem_", "slab_", "kfree", "vunmap", "vfree", "__free_", "kobject_") },
      { match: re("WARNING:.*mm/usercopy\\.c"), title: "WARNING: bad usercopy in {FRAME}", stack: skipping("^usercopy", "^__check_object", "^check_") },
      // A kobject or procfs WARNING whose header names a caller rather than the class's own helpers (`at
      // fs/proc/generic.c:561 remove_proc_entry+0x…`: an out-of-tree driver removing a /proc entry under a name a
      // rename already dropped) keeps that function when the paste has no stack, as the generic `… at f.c:N func`
      // form does; a stack, when there is one, still wins, and a `kobject_`/`proc_` helper leaves it to the stack.
      { match: re("WARNING:.*lib/kobject\\.c:[0-9]+ (?!kobject_){{FUNC}}"), title: "WARNING: kobject bug in {FRAME}", stack: skipping("^kobject_"), guiltyHint: 1 },
      { match: re("WARNING:.*lib/kobject\\.c"), title: "WARNING: kobject bug in {FRAME}", stack: skipping("^kobject_") },
      { match: re("WARNING:.*fs/proc/generic\\.c:[0-9]+ (?!proc_){{FUNC}}"), title: "WARNING: proc registration bug in {FRAME}", stack: skipping("^proc_"), guiltyHint: 1 },
      { match: re("WARNING:.*fs/proc/generic\\.c"), title: "WARNING: proc registration bug in {FRAME}", stack: skipping("^proc_") },
      // The header can already name the refcount user rather than a refcount helper (`at lib/refcount.c:19
      // ovpn_pktid_recv+0x5a8/0xfec [ovpn_dco_v2]`, `at lib/refcount.c:25 nf_conntrack_gre_init_net+0x224/0x64c
      // [nf_conntrack]`: the check inlined into a module, or a symbol resolved to the module's nearest one). A paste cut
      // before the stack then still names that function, as the generic `… at f.c:N func` form does; a stack, when
      // there is one, still wins. A helper in the header (`refcount_warn_saturate`) leaves it to the stack alone.
      { match: re("WARNING:.*lib/refcount\\.c:[0-9]+ (?![\\w.]*refcount|kobject_){{FUNC}}"), title: "WARNING: refcount bug in {FRAME}", type: "REFCOUNT_WARNING", stack: skipping("refcount", "kobject_"), guiltyHint: 1 },
      { match: re("WARNING:.*lib/refcount\\.c"), title: "WARNING: refcount bug in {FRAME}", type: "REFCOUNT_WARNING", stack: skipping("refcount", "kobject_") },
      // x86's fast refcount_t (CONFIG_REFCOUNT, 4.13 to 5.4) traps in the refcount op itself and warns from
      // kernel/panic.c: `refcount_t hit zero at sk_stop_timer+0x2c/0x30 in cilium-agent[16359], uid/euid: 0/0`
      // (printed before the WARNING from 4.19 on, after it before) names the function whose count went wrong; the
      // stack runs through the trap handler first (ex_handler_refcount, fixup_exception, do_trap, invalid_op).
      // (The message's tail is short, and the WARNING line is told by a lookahead, tested once a line: unbounded, every
      // `refcount_t … at` start of a line rescanned that line, and `.*WARNING:.*` retried every `WARNING:` of the next
      // lines for each start, cubic on a hostile paste.)
      { match: re(`${X86_REFCOUNT_MESSAGE.source}{{FUNC}}[^\\n]{0,200}\\n(?:.*\\n){0,2}?(?=[^\\n]*WARNING:)[^\\n]*? refcount_error_report`), title: "WARNING: refcount bug in {FRAME}", type: "REFCOUNT_WARNING", stack: X86_REFCOUNT_STACK, guiltyHint: 1 },
      { match: re(`WARNING:.* refcount_error_report(?:.*\\n){1,3}?.*${X86_REFCOUNT_MESSAGE.source}{{FUNC}}`), title: "WARNING: refcount bug in {FRAME}", type: "REFCOUNT_WARNING", stack: X86_REFCOUNT_STACK, guiltyHint: 1 },
      { match: re("WARNING:.* refcount_error_report"), title: "WARNING: refcount bug in {FRAME}", type: "REFCOUNT_WARNING", stack: X86_REFCOUNT_STACK },
      { match: re("WARNING:.*kernel/locking/lockdep\\.c"), title: "WARNING: locking bug in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: skipping("^lock", "^__lock", "^lock_sock", "^release_sock") },
      { match: re("WARNING:.*mm/(?:slab_common|slab|slub)\\.c.*(?:kmalloc|kmem_cache|krealloc)"), title: "WARNING: kmalloc bug in {FRAME}", stack: skipping("^kmalloc", "^__kmalloc", "^kvmalloc") },
      { match: re("WARNING:.*mm/util\\.c.*kvmalloc"), title: "WARNING: kmalloc bug in {FRAME}", stack: skipping("^kmalloc", "^__kmalloc", "^kvmalloc", "^kvzalloc") },
      { match: re("WARNING:.*mm/vmalloc\\.c.*__vmalloc_node"), title: "WARNING: zero-size vmalloc in {FRAME}", stack: skipping("vmalloc") },
      { match: re("WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad '([^']+)' value"), title: "WARNING: kernel stack regs has bad '$1' value", noStackTrace: true },
      { match: re("WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad value"), title: "WARNING: kernel stack regs has bad value", noStackTrace: true },
      { match: re("WARNING: kernel stack regs at .* has bad"), title: "WARNING: kernel stack regs has bad value", noStackTrace: true },
      { match: re("WARNING: kernel stack frame pointer at [0-9a-f]+ in [^ ]* has bad value"), title: "WARNING: kernel stack frame pointer has bad value", noStackTrace: true },
      { match: re("WARNING: possible circular locking dependency detected(?:.*\\n)+?.*is trying to acquire lock(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      { match: re("WARNING: possible circular locking dependency detected"), title: "WARNING: possible circular locking dependency detected", kind: "lockdep", type: "WARNING", corrupted: "lock chain missing" },
      { match: re("WARNING: possible recursive locking detected(?:.*\\n)+?.*is trying to acquire lock(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      { match: re("WARNING: possible irq lock inversion dependency detected(?:.*\\n)+?.*just changed the state of lock(?:.*\\n)+?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      // The irq-safe lock's acquisition (`... which became HARDIRQ-irq-safe at:`) names the deadlock, as syzkaller does;
      // the backtrace is only the task that added the dependency.
      { match: re("WARNING: [A-Z]+-safe -> [A-Z]+-unsafe lock order detected"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([/which became [A-Z]+-irq-safe at:/, /stack backtrace:/, CALL_TRACE_SECTION]) },
      { match: re("WARNING: inconsistent lock state(?:.*\\n)+?.*takes(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "inconsistent lock state in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_TAKES },
      { match: re("WARNING: suspicious RCU usage\\n(?:.*\\n)?.*-{5,}\\n.*?{{SRC}}"), title: "WARNING: suspicious RCU usage in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/rcu/, /lockdep/, /kmem/, /slab/, /kmalloc/, /vmalloc/, /kcalloc/, /kzalloc/] }) },
      // Other output printed between the header and the source line (fault injection, another CPU): syzkaller still
      // reads the first source line after the header.
      { match: re("WARNING: suspicious RCU usage(?:.*\\n)+?.*?{{SRC}}"), title: "WARNING: suspicious RCU usage in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/rcu/, /lockdep/, /kmem/, /slab/, /kmalloc/, /vmalloc/, /kcalloc/, /kzalloc/] }) },
      { match: re("WARNING: suspicious RCU usage"), title: "WARNING: suspicious RCU usage", kind: "lockdep", type: "WARNING", corrupted: "suspicious RCU usage without a source line" },
      { match: re("WARNING: lock held when returning to user space"), title: "WARNING: lock held when returning to user space in {FRAME}", kind: "lockdep", type: "LOCKDEP", noStackTrace: true, stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: .*still has locks held!"), title: "WARNING: still has locks held in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: [Nn]ested lock was not taken"), title: "WARNING: nested lock was not taken in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: bad unlock balance detected!"), title: "WARNING: bad unlock balance in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: bad contention detected!"), title: "WARNING: bad contention in {FRAME}", alt: ["WARNING: bad contention detected!"], kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: held lock freed!"), title: "WARNING: held lock freed in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT_THEN_STACK },
      { match: re("WARNING: Invalid wait context"), title: "WARNING: Invalid wait context in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: STACK_CALL_TRACE },
      // USB core warns on behalf of the driver that submitted a bad URB: name both.
      { match: re("WARNING: .* at drivers/usb/core/urb\\.c:[0-9]+ usb_submit_urb"), title: "WARNING in {FRAME}/usb_submit_urb", stack: skipping("^usb_submit_urb", "^usb_start_wait_urb", "^usb_bulk_msg", "^usb_interrupt_msg", "^usb_control_msg", "^usb_hcd_submit_urb") },
      // 6.x kernels: `WARNING: net/core/dev.c:123 at func+0x12/0x34, CPU#0: comm/123`. The header names the warned
      // function as the older `… at file:line func+0x…` one does, so a paste cut before the stack still names it.
      { match: re("WARNING: {{SRC}} at {{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 2 },
      { match: re("WARNING: {{SRC}} at "), title: "WARNING in {FRAME}", stack: STACK_DEFAULT },
      // A header trimmed to its location for a commit message or a bug report (`WARNING: /amdkfd/kfd_doorbell.c:339
      // write_kernel_doorbell64+0x72/0x80`: `CPU: n PID: n at` cut out, the path shortened): still the warned function.
      { match: re("WARNING: {{SRC}} {{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 2 },
      // Vendor 3.x kernels (AVM's FRITZ!OS) print the caller's address before its symbol: `WARNING: at dsld/kdsld.c:1915
      // 0x815300a0 kdsld_net_xmit+0x480/0x560 [kdsldmod]()`; the address is not the function.
      { match: re("WARNING:(?: .*)? at {{SRC}} 0x[0-9a-f]+ {{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 2 },
      // `WARNING: CPU: 0 PID: 1 at net/x.c:12 func+0x…` and the old `WARNING: at net/x.c:12 func+0x…()`
      // (`WARNING: at f.c:12 f()` is the pre-3.10 form: nothing between `WARNING:` and `at`). A paste that joined the
      // kernel's wrapped lines with their indentation leaves a run of blanks between the location and the function
      // (`at lib/dma-debug.c:601     debug_dma_assert_idle+0x198/0x210()`): still the warned function.
      { match: re("WARNING:(?: .*)? at {{SRC}}[ \\t]+{{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 2 },
      // A blank a paste put inside the location (a mail client's or a web view's wrap of a path longer than the line,
      // joined back with a space: `at /home/u/build/kernel-so urce/drivers/…/intel_drv.h:1719 gen9_decoupled_read32+0x1bb/0x1e0`):
      // the location's end and the function after it still say where the WARN fired.
      { match: re("WARNING: CPU: [0-9]+ (?:UID: [0-9]+ )?PID: [0-9]+ at [^\\n]*? {{SRC}}[ \\t]+{{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 2 },
      // A kernel built without kallsyms (OpenWrt, vendor MIPS images) prints the site's bare address where the
      // function goes (`at net/sched/sch_generic.c:320 0x8038b2f0`): the file still names its one WARN site.
      ...WARN_SITES.map((site): TitleFormat => ({
        match: re(`WARNING:(?: .*)? at (?:\\S*/)?${escapeLiteral(site.file)}:[0-9]+[ \\t]*(?:0x[0-9a-f]+(?:\\(\\))?[ \\t]*)?(?:\\n|$)`), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, siteFunction: site.function,
      })),
      { match: re("WARNING:(?: .*)? at {{SRC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT },
      // Kernels built without BUG verbose info (OpenWrt) print no file: `WARNING: CPU: 3 PID: 0 at f+0x51f/0xe50 [mod]`.
      { match: re("WARNING: CPU: [0-9]+ PID: [0-9]+ at {{FUNC}}"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT, guiltyHint: 1, hintLeads: true },
      // Kernels without kallsyms print the whole location as the caller's address (`WARNING: CPU: 1 PID: 0 at
      // 0xffffffffa0483659`, OpenWrt x86-64; `at 0xc045503c` on ppc): the header is complete, not cut, so it is a WARNING
      // with or without a stack under it (an archive excerpt that stops in the module list still shows one).
      { match: re("WARNING: CPU: [0-9]+ (?:UID: [0-9]+ )?PID: [0-9]+ at 0x[0-9a-f]+[ \\t]*(?:\\n|$)"), title: "WARNING in {FRAME}", stack: STACK_DEFAULT },
      // A header whose location a console or a pager cut short (`at …/kernel/time/tick-broadcast.c:)`, `at
      // drivers/gpu/drm/amd/…/dcn32_resource_h>`): the WARN machinery's stack under it still names the function that warned.
      { match: re("WARNING: CPU: [0-9]+ (?:UID: [0-9]+ )?PID: [0-9]+ at \\S"), title: "WARNING in {FRAME}", corrupted: "the WARNING header's location is cut", stack: STACK_DEFAULT, needsStackNearby: true },
      { match: re("WARNING: ([^\\n]*)"), title: "WARNING: $1", needsStackNearby: true },
    ],
  },
  {
    // A WARNING whose header line was cut (a paste or an archive excerpt that starts after `WARNING: CPU: … at f.c:N`):
    // its stack still runs through the WARN machinery (`warn_slowpath_fmt`, ARM's `(__warn) from … (warn_slowpath_fmt…)`),
    // and the first frame under it is the function that warned. The report starts at its task line (the release).
    // Pasted from its `Call Trace:` on (task line lost too), such a bare stack is no report by itself (abrt's no_oops:
    // `warn_slowpath_fmt` then `radeon_gart_unbind`), unless the function right under the WARN machinery is a
    // WARN_SITES row: that function's one WARN names the problem (`dev_watchdog`: the NETDEV WATCHDOG timeout).
    id: "warning-headless",
    header: "warn_slowpath_",
    kind: "warning",
    type: "WARNING",
    orphanOnly: true,
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: |Modules linked in:|Call Trace:)/, within: 30, required: true, earliest: true },
    formats: [
      // The hard-lockup detectors warn through the same machinery (`Watchdog detected hard LOCKUP on cpu N` is their
      // WARN's message): a stack whose frame right under it is a detector's is a hard lockup, not a WARNING in the
      // detector. The buddy detector of 3.10-era ARM vendor kernels (`watchdog_check_hardlockup_other_cpu`, from the
      // checking CPU's hrtimer) prints the stack of the CPU that noticed, not of the one locked: no frame names the
      // lockup. The perf NMI's (`watchdog_overflow_callback`) is the locked CPU's own, read as the hard-lockup class does.
      {
        match: re("(?:^|\\n)\\s*(?:CPU: \\d+ (?:UID: \\d+ )?PID: \\d+|Pid: \\d+, comm: )(?:.*\\n)*?.*warn_slowpath_[^\\n]*(?:\\n[^\\n]*){0,2}?[ (]watchdog_check_hardlockup_other_cpu\\+0x"),
        title: "Watchdog detected hard LOCKUP", kind: "hard-lockup", type: "HANG", corrupted: "the WARNING header line is missing", noStackTrace: true,
      },
      {
        match: re("(?:^|\\n)\\s*(?:CPU: \\d+ (?:UID: \\d+ )?PID: \\d+|Pid: \\d+, comm: )(?:.*\\n)*?.*warn_slowpath_[^\\n]*(?:\\n[^\\n]*){0,2}?[ (]watchdog_overflow_callback\\+0x"),
        title: "Watchdog detected hard LOCKUP", alt: STALL, kind: "hard-lockup", type: "HANG", corrupted: "the WARNING header line is missing", stack: HARD_LOCKUP_STACK,
      },
      { match: re("(?:^|\\n)\\s*(?:CPU: \\d+ (?:UID: \\d+ )?PID: \\d+|Pid: \\d+, comm: |Modules linked in:)(?:.*\\n)*?.*warn_slowpath_"), title: "WARNING in {FRAME}", corrupted: "the WARNING header line is missing", stack: STACK_CALL_TRACE },
      ...WARN_SITES.map((site): TitleFormat => ({
        match: re(`(?:^|\\n)\\s*Call Trace:[^\\n]*\\n(?:[^\\n]*\\n){0,3}?[^\\n]*warn_slowpath_[a-z]+\\+0x[0-9a-f]+/0x[0-9a-f]+[^\\n]*\\n(?:[^\\n]*(?:\\? |warn_slowpath_)[^\\n]*\\n){0,4}[^\\n]*\\] ${escapeLiteral(site.function)}\\+0x`),
        title: "WARNING in {FRAME}", corrupted: "the WARNING header and task lines are missing", stack: STACK_CALL_TRACE, siteFunction: site.function,
      })),
    ],
  },
  {
    // Since 6.4 the trace under an x86 WARN shows the trap that raised it (`? __warn`, `? report_bug`, `? handle_bug`,
    // `? exc_invalid_op`, `? asm_exc_invalid_op`) and then the warned function as a `?` guess: a paste that starts at
    // `Call Trace:` (header and RIP line lost) is still that WARNING, in the function right under the trap's entry.
    // Keyed on the trap entry's frame: `__warn` is in every 6.x WARN trace and would crowd the prefilter's buckets.
    id: "warning-headless-trap",
    header: "asm_exc_invalid_op",
    kind: "warning",
    type: "WARNING",
    orphanOnly: true,
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Modules linked in:|Call Trace:)/, within: 30, required: true },
    formats: [
      {
        match: re("\\? __warn\\+0x[0-9a-f]+/0x[0-9a-f]+[^\\n]*\\n(?:.*\\n){0,8}?.*\\? asm_exc_invalid_op\\+0x[0-9a-f]+/0x[0-9a-f]+[^\\n]*\\n\\s*\\? {{FUNC}}"),
        title: "WARNING in {FRAME}", corrupted: "the WARNING header line is missing", stack: STACK_CALL_TRACE, guiltyHint: 1, hintLeads: true,
      },
    ],
  },
  {
    // 2.6.0 to 2.6.15 printed a WARN_ON as `Badness in atomic_dec_and_test at include/asm/atomic.h:150` and a stack
    // (the form before `BUG: warning at`): a WARNING, titled by the warned function or, past a generic one, its caller.
    id: "warning-badness",
    header: "Badness in ",
    kind: "warning",
    type: "WARNING",
    formats: [
      {
        match: re("Badness in ([a-zA-Z0-9_]+) at (?:\\S*/)?[a-zA-Z0-9_\\-+.]+\\.[a-zA-Z]+:[0-9]+"),
        title: "WARNING in {FRAME}", stack: stack([CALL_TRACE_SECTION, FROM_HEADER_SECTION]), guiltyHint: 1, hintLeads: true,
      },
    ],
  },
  {
    id: "info",
    header: "INFO:",
    kind: "bug",
    // kernel/hung_task.c (6.16+) names the lock holder under a hung task's stack: `INFO: task a:1 is blocked on a mutex
    // likely owned by task b:2.`, `… blocked on a semaphore likely last held by …`, `… blocked on an rw-semaphore …`.
    // `comm:pid` is at most 15 + 1 + 7 characters: bounded, a line of many `INFO: task ` is not scanned to its end from each.
    suppress: [...SYZKALLER_TITLE_QUOTES.info, /INFO: task \S[^\n]{0,40}? (?:is )?(?:reader |writer )?blocked on an? (?:mutex|semaphore|rw-semaphore)\b/, /INFO: lockdep is turned off/, /INFO: Stall ended before state dump start/, /INFO: NMI handler .* took too long/, /_INFO:/, /INFO: Slab 0x/, /INFO: Object 0x/, /INFO: Freed in /, /INFO: [A-Za-z]+ ?[0-9a-f]+-[0-9a-f]+/],
    formats: [
      { match: re("INFO: possible circular locking dependency detected(?:.*\\n)+?.*is trying to acquire lock(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      { match: re("INFO: possible recursive locking detected(?:.*\\n)+?.*is trying to acquire lock(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      { match: re("INFO: possible irq lock inversion dependency detected(?:.*\\n)+?.*just changed the state of lock(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_AT },
      { match: re("INFO: inconsistent lock state(?:.*\\n)+?.*takes(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"), title: "inconsistent lock state in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: LOCKDEP_TAKES },
      // The pre-4.10 headers (`[ INFO: … ]`) of a report cut, or mangled, before its lock site names a function: still
      // lockdep's report, titled by its header as the WARNING: forms are.
      { match: re("INFO: (possible circular locking dependency detected|possible recursive locking detected|possible irq lock inversion dependency detected|inconsistent lock state)"), title: "INFO: $1", kind: "lockdep", type: "LOCKDEP", corrupted: "lock site missing" },
      // Before 4.10 lockdep headed this one `[ INFO: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected ]` too.
      { match: re("INFO: [A-Z]+-safe -> [A-Z]+-unsafe lock order detected"), title: "possible deadlock in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([/which became [A-Z]+-irq-safe at:/, /stack backtrace:/, CALL_TRACE_SECTION]) },
      {
        match: re("INFO: rcu_(?:preempt|sched|bh|tasks)(?:_trace)? (?:self-)?detected(?: expedited)? stall"),
        title: "INFO: rcu detected stall in {FRAME}", alt: STALL, kind: "rcu-stall", type: "HANG",
        stack: RCU_STALL_STACK,
      },
      {
        match: re("INFO: rcu_[a-z_]+ detected(?: expedited)? stalls? on CPU"),
        title: "INFO: rcu detected stall in {FRAME}", alt: STALL, kind: "rcu-stall", type: "HANG",
        stack: RCU_STALL_STACK,
      },
      {
        // A mail client's 72-column wrap can fall between any two words of the tail (`INFO: task kworker/u16:5:2274646
        // blocked` / `for more than 120 seconds.`, `INFO: task rsync:1728 blocked for more` / `than 120 seconds.`).
        // A web page that dropped the digits (`INFO: task umount: blocked for more than seconds.`) leaves the words.
        // Gmail's wrap eats the space it breaks at, so `blocked` may start the next line (`INFO: task nfsd:848` /
        // `blocked for more than 120 seconds.`); no unwrapped log starts a line with the header's tail.
        match: re("INFO: task .*(?:\\n.*)?[ \\n]blocked(?: in I/O wait)?[ \\n]for[ \\n]more[ \\n]than[ \\n](?:[0-9]+[ \\n])?seconds"),
        title: "INFO: task hung in {FRAME}", alt: HANG, kind: "hung-task", type: "HANG",
        stack: stack([CALL_TRACE_SECTION, ARM_UNWIND_SECTION], { mode: "hang", cutSections: [HUNG_TASK_STATE_LINE] }),
      },
      {
        // A paste that ends inside the header's tail (`INFO: task hhvm:1608 blocked for mo`): a hung task all the same,
        // not an unrecognised INFO report; it folds into the same task's earlier reports.
        match: re(`INFO: task [^\\n]*:[0-9]+ blocked${optionalPrefixes(" for more than")}(?: [0-9]+(?: s(?:e(?:c(?:o(?:n(?:ds?)?)?)?)?)?)?)?\\s*$`),
        title: "INFO: task hung in {FRAME}", alt: HANG, kind: "hung-task", type: "HANG", corrupted: "the hung-task header was cut inside its tail",
        stack: stack([CALL_TRACE_SECTION], { mode: "hang", cutSections: [HUNG_TASK_STATE_LINE] }),
      },
      {
        match: re("INFO: task .* can't die for more than [0-9]+ seconds"),
        title: "INFO: task can't die in {FRAME}", alt: HANG, kind: "hung-task", type: "HANG",
        stack: stack([CALL_TRACE_SECTION], { mode: "hang" }),
      },
      { match: re("INFO: suspicious RCU usage\\.?(?: \\])?\\n(?:.*\\n)?.*-{5,}\\n.*?{{SRC}}"), title: "INFO: suspicious RCU usage in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/rcu/, /lockdep/, /kmem/, /slab/, /kmalloc/, /vmalloc/, /kcalloc/, /kzalloc/] }) },
      // As for the WARNING: the first source line after the header, whatever was printed in between.
      { match: re("INFO: suspicious RCU usage(?:.*\\n)+?.*?{{SRC}}"), title: "INFO: suspicious RCU usage in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/rcu/, /lockdep/, /kmem/, /slab/, /kmalloc/, /vmalloc/, /kcalloc/, /kzalloc/] }) },
      { match: re("INFO: suspicious RCU usage"), title: "INFO: suspicious RCU usage", kind: "lockdep", type: "LOCKDEP", corrupted: "suspicious RCU usage without a source line" },
      { match: re("INFO: trying to register non-static key"), title: "INFO: trying to register non-static key in {FRAME}", kind: "lockdep", type: "LOCKDEP", stack: stack([CALL_TRACE_SECTION], { skip: [/stack/, /lock/, /IRQ/] }) },
      { match: re("INFO: Allocated in ([^\\n]*)"), title: "INFO: Allocated in $1", corrupted: "SLUB object trace without its report", noStackTrace: true },
      // An RCU stall header another CPU's printk tore apart: `rcu: INFO: ` alone on its line, the rest of the header
      // printed into the next one with the other message around it (`sched: RT thrrcu_preempt self-detected stall on
      // CPUottling activated`), or the two read back as one line (a prefixed line ending in `INFO: ` is read as wrapped
      // and joined to the next). The message is the stall's, so the report is the stall, its header damaged.
      {
        match: re("INFO:[ \\t]*\\n?[^\\n]*?rcu_[a-z_]+ (?:self-)?detected(?: expedited)? stall"),
        title: "INFO: rcu detected stall in {FRAME}", alt: STALL, kind: "rcu-stall", type: "HANG", stack: RCU_STALL_STACK,
        corrupted: "the RCU stall header was torn by another printk",
      },
      { match: re("INFO:[ \\t]*(?:\\n|$)"), title: "INFO: corrupted", corrupted: "INFO: header without a message", noStackTrace: true },
      { match: re("INFO: (?:task |rcu_)([^\\n]*)"), title: "INFO: $1", corrupted: "unrecognised INFO report" },
    ],
  },
  {
    id: "arm-null",
    header: "Unable to handle kernel",
    kind: "oops",
    formats: [
      // ppc before 5.5 (`… paging request for data at address 0x00000010`) names a NULL-based access the same way. A
      // mail client's wrap may put the address on the next line (MIPS: `… at virtual address` / `00000000, epc == …`).
      { match: re("Unable to handle kernel (?:NULL pointer dereference|paging request at virtual address\\s0+[0-9a-f]{1,3}\\b|paging request for [a-z ]+ at address 0x0*[0-9a-f]{1,3}\\b)"), ...NULL_DEREF_FAULT },
      // s390 (arch/s390/mm/fault.c): `Unable to handle kernel pointer dereference in virtual kernel address space`, the
      // address on `Failing address: 0000000000000000 TEID: …` a few lines on (`failing address:` in 4.x kernels).
      { match: re("Unable to handle kernel pointer dereference in virtual kernel address space\\n(?:.*\\n){0,2}?.*[Ff]ailing address: 0*[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      { match: re("Unable to handle kernel pointer dereference in virtual kernel address space"), ...PAGING_REQUEST_FAULT },
      // s390 before 4.x: the address on the header itself, `Unable to handle kernel pointer dereference at virtual kernel
      // address 0000000000000000` (no `Failing address` line); a mail client may wrap the address to the next line.
      { match: re("Unable to handle kernel pointer dereference at virtual kernel address\\s+0*[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      { match: re("Unable to handle kernel pointer dereference at virtual kernel address"), ...PAGING_REQUEST_FAULT },
      // arm64 with software PAN (ARM64_SW_TTBR0_PAN: CPUs without hardware PAN, the Cortex-A53/A55 SoCs of routers and
      // boards) takes a kernel access to a user (TTBR0) address as a permission fault, and __do_kernel_fault() tests that
      // before `addr < PAGE_SIZE`: a NULL-based pointer prints `write to read-only memory`, `read from unreadable
      // memory` or `execute from non-executable memory` at an address in the first page. Nothing is ever mapped there
      // (mmap_min_addr), so it is the NULL dereference the kernel would have named without PAN.
      { match: re("Unable to handle kernel (?:write to read-only memory|read from unreadable memory|execute from non-executable memory) at virtual address\\s0+[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      { match: re("Unable to handle kernel access to user memory"), title: "BUG: unable to handle kernel access to user memory in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT },
      // arm64 die_kernel_fault()'s other messages (a permission fault: `read from unreadable memory`, `write to read-only
      // memory`, `execute from non-executable memory`; `execution of user memory`), and any message a later kernel adds:
      // a kernel-mode fault on a bad address all the same. do_mem_abort() passes its fault_info name, which numbers
      // the table level (`level 3 address size fault`, `level 2 translation fault`, `unknown 8`).
      { match: re("Unable to handle kernel (?:paging request|execute from non-executable memory|write to read-only memory|read from unreadable memory|execution of user memory|[a-z][a-z0-9 ()-]* (?:at virtual address|at address|in virtual))"), ...PAGING_REQUEST_FAULT },
    ],
  },
  {
    id: "gpf",
    header: "general protection fault",
    kind: "gpf",
    type: "DoS",
    suppress: [...SYZKALLER_TITLE_QUOTES.gpf, /general protection fault(?:s)? (?:in user|ip:)/, /traps: .* general protection fault ip:/],
    formats: [
      { match: re("general protection fault.*\\n(?:.*\\n){0,3}?.*KASAN: (null-ptr-deref|maybe wild-memory-access) in range"), title: "general protection fault in {FRAME}", alt: BAD_ACCESS, stack: STACK_DEFAULT },
      { match: re("general protection fault"), title: "general protection fault in {FRAME}", alt: BAD_ACCESS, stack: STACK_DEFAULT },
    ],
  },
  {
    id: "stack-segment",
    header: "stack segment: ",
    kind: "gpf",
    type: "DoS",
    // No `bad-access` bucket: the stack segment is what faulted, not an access of the code's (syzkaller lists none).
    formats: [{ match: re("stack segment: "), title: "stack segment fault in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    id: "soft-lockup",
    header: "soft lockup - CPU",
    kind: "soft-lockup",
    type: "HANG",
    formats: [
      { match: re("soft lockup - CPU"), title: "BUG: soft lockup in {FRAME}", alt: STALL, stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall" }) },
    ],
  },
  {
    // A soft lockup whose header line was cut (a paste that starts at the RIP, a console that lost the line): the
    // softlockup watchdog's hrtimer callback on top of the interrupt stack still says what it is.
    id: "soft-lockup-headless",
    header: "watchdog_timer_fn",
    kind: "soft-lockup",
    type: "HANG",
    orphanOnly: true,
    startsAt: { line: RIP_SECTION, within: 40 },
    formats: [
      {
        match: re("watchdog_timer_fn"), title: "BUG: soft lockup in {FRAME}", alt: STALL, corrupted: "the soft lockup header line is missing",
        stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall" }),
      },
    ],
  },
  ...["no_context", "page_fault_oops"].map(crashBtKernelPageFault),
  crashBtGeneralProtection(),
  {
    // An oops whose header lines were cut (a paste that starts at the register dump, a console that lost them): on
    // riscv the trap registers still tell a kernel-mode fault (`status` with SPP set) and its kind (`cause` 0xc/0xd/0xf a
    // page fault, 0x1/0x5/0x7 an access fault) and address (`badaddr`, a NULL-based access below 0x1000).
    id: "riscv-trap-headless",
    header: "badaddr: ",
    kind: "oops",
    type: "DoS",
    orphanOnly: true,
    startsAt: { line: RIP_SECTION, within: 20 },
    formats: [
      {
        match: re(`${RISCV_KERNEL_TRAP} badaddr: 0*[0-9a-f]{1,3} cause: 0*[157cdf]\\b`),
        title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE",
        corrupted: "the oops header line is missing", stack: STACK_DEFAULT,
      },
      {
        match: re(`${RISCV_KERNEL_TRAP} badaddr: [0-9a-f]+ cause: 0*[157cdf]\\b`),
        title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG",
        corrupted: "the oops header line is missing", stack: STACK_DEFAULT,
      },
      { match: re(`${RISCV_KERNEL_TRAP} badaddr: `), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT },
    ],
  },
  {
    // m68k die_if_kernel(): `BAD KERNEL TRAP: 00000000` (or `BAD KERNEL BUSERR`) after the trap's own banner
    // (`*** ADDRESS ERROR ***   FORMAT=2`, `Current process id is N`); the faulting PC as `PC: [<00016a2c>] f+…`,
    // the registers, `Frame format=`, the raw stack and a `Call Trace:` that is a scan of it.
    id: "m68k-bad-kernel",
    header: "BAD KERNEL ",
    kind: "oops",
    type: "DoS",
    startsAt: { line: /^\s*\*\*\* [A-Z][A-Z -]+ \*\*\*/, within: 3, earliest: true },
    formats: [{ match: re("BAD KERNEL (TRAP|BUSERR): [0-9a-f]+"), title: "BAD KERNEL $1 in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // SuperH die(): `Oops: 0000 [#1]`, the modules, then show_regs(): the CPU line, `PC is at f+…` and `PR is at g+…`
    // (the procedure register, SH's return address), the registers and `Call trace:`. `PR is at` is SH's alone: met
    // outside an open report it is that report's body whose die() line the paste or console lost.
    id: "sh-regs-headless",
    header: "PR is at ",
    kind: "oops",
    type: "DoS",
    orphanOnly: true,
    // Only with its CPU line above and a symbol after it: prose (`the PR is at an audited head`) says neither.
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Modules linked in:)/, within: 4, earliest: true, required: true },
    formats: [{ match: re("PR is at (?:[\\w.]+\\+0x[0-9a-f]+/0x[0-9a-f]+|0x[0-9a-f]+)"), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT }],
  },
  {
    // ARC die(): `Oops` and `Path: …` alone on their lines (no counter, nothing the Oops row can tell from prose), the
    // CPU line, then show_regs(): `[ECR   ]: 0x00230400 => Misaligned r/w from 0x00000001` (the exception cause),
    // `[EFA   ]:` the fault address, `[BLINK ]:` the return address, `[ERET  ]: f+…` where it faulted, the registers
    // and `Stack Trace:`. The cause line starts the report, reaching up to the die() lines when they were printed.
    id: "arc-ecr",
    header: "[ECR   ]: 0x",
    kind: "oops",
    type: "DoS",
    startsAt: { line: /^\s*(?:Oops\s*$|Path: |CPU: \d+ (?:UID: \d+ )?PID: \d+)/, within: 6, earliest: true },
    formats: [{ match: re("\\[ECR +\\]: 0x[0-9a-f]+ =>"), title: "Oops in {FRAME}", stack: STACK_DEFAULT }],
  },
  // Reports whose header line was cut (a paste that starts one line too low, a console that lost the line), read from
  // the body lines only that report prints. Each is orphanOnly (a line of an open report is that report's) and
  // titled the way the class with the header would be, marked corrupted: the header held the class's own words.
  // x86-64 register dump of a kernel-mode fault (`RIP: 0010:f+0x1a/0x30`; user mode is `RIP: 0033:`) under the
  // task line die()/__warn() print: the report starts at the first surviving line of its preamble (the die line,
  // KASAN's `null-ptr-deref in range`, `Modules linked in:`, the task line). What it was the body tells: the die
  // line's trap, KASAN's range line for a GPF, the `ud2` (`<0f> 0b`) a WARN traps on without dying, the
  // soft-lockup watchdog's timer on the stack or the timer interrupt the registers were taken in (`ORIG_RAX:
  // ffffffffffffff13`, the vector's complement). A dump another task asked for is no report. A Xen PV guest's kernel
  // runs in ring 3 with its own selectors: the same dump reads `RIP: e030:` (`RSP: e02b:`).
  ...([["x86-oops-headless", "0010"], ["x86-xen-pv-oops-headless", "e030"]] as const).map(
    ([id, cs]): CrashClass => ({
      id,
      header: `RIP: ${cs}:`,
      kind: "oops",
      type: "DoS",
      orphanOnly: true,
      startsAt: { line: X86_OOPS_PREAMBLE, within: 25, required: true, earliest: true, unless: REQUESTED_DUMP },
      formats: [
        { match: re(`^(?:.*\\n)*?\\s*invalid opcode: [0-9a-f]{4} \\[#`), title: "kernel BUG in {FRAME}", kind: "bug", type: "BUG", corrupted: "the kernel BUG header line is missing", stack: STACK_DEFAULT },
        { match: re(`^(?:.*\\n)*?.*KASAN: (?:null-ptr-deref|maybe wild-memory-access) in range`), title: "general protection fault in {FRAME}", alt: BAD_ACCESS, kind: "gpf", corrupted: "the general protection fault header line is missing", stack: STACK_DEFAULT },
        { match: re(`^(?:.*\\n)*?(?:.*watchdog_timer_fn|irq event stamp:|RSP: (?:0018|e02b):.* ORIG_RAX: f{14}[0-9a-f]{2})`), title: "BUG: soft lockup in {FRAME}", alt: STALL, kind: "soft-lockup", type: "HANG", corrupted: "the soft lockup header line is missing", stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall" }) },
        { match: re(`^(?![^]*\\[#[0-9]+\\])(?:.*\\n)*?.*Code: .*<0f> 0b`), title: "WARNING in {FRAME}", kind: "warning", type: "WARNING", corrupted: "the WARNING header line is missing", stack: STACK_DEFAULT },
        // A register holding list_del()'s poison (LIST_POISON1/2: 0xdead000000000100/0x122/0x200 on x86-64) is a
        // list entry used after its deletion; the address is non-canonical, so touching it trapped as a GPF (a
        // CONFIG_DEBUG_LIST kernel reports it as the `list_del corruption` BUG or WARNING above instead).
        { match: re(`^(?:.*\\n)*?.*\\bR[A-Z0-9]{1,2}: ?dead0000000(?:001(?:00|22)|00200)\\b`), title: "general protection fault in {FRAME}", alt: BAD_ACCESS, kind: "gpf", corrupted: "the general protection fault header line is missing", stack: STACK_DEFAULT },
        { match: re(`^(?:.*\\n)*?.*RIP: ${cs}:`), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT },
      ],
    }),
  ),
  {
    // arm64's register dump (`pc : f+0x14/0x30`, `lr : …`, then `sp :` and x29…x0) under its task line, whose header a
    // paste cut. An oops or a kernel BUG prints its die line (`Internal error: Oops…: … [#1]`) between header and dump,
    // which starts a report of its own: without one, the dump is __warn()'s (a WARN traps on `brk #0x800`, the
    // `(d4210000)` its Code line ends in) or the soft-lockup watchdog's (its timer on the stack), else an oops of
    // unknown kind. The dump comes before the `Call trace:` line that opens its window (windowOnly).
    id: "arm64-regs-headless",
    header: "pc : ",
    kind: "oops",
    type: "DoS",
    orphanOnly: true,
    windowOnly: true,
    // a kernel function as the pc (a user task's dump prints a bare address)
    suppress: [/^(?!\s*pc : (?:\[<[0-9a-f]+>\] )?[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+)/],
    // The dumps arm64 prints before a panic that names them (bad_mode() before 5.11, then __panic_unhandled()): the
    // panic line is that report's title.
    startsAt: { line: X86_OOPS_PREAMBLE, within: 8, required: true, earliest: true, unless: new RegExp(`${REQUESTED_DUMP.source}|Bad mode in .* handler detected|Unhandled .* exception on CPU[0-9]+`) },
    formats: [
      { match: re("^(?:.*\\n)*?.*watchdog_timer_fn"), title: "BUG: soft lockup in {FRAME}", alt: STALL, kind: "soft-lockup", type: "HANG", corrupted: "the soft lockup header line is missing", stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall" }) },
      { match: re("^(?![^]*\\[#[0-9]+\\])(?:.*\\n)*?\\s*Code: .*\\(d4210000\\)"), title: "WARNING in {FRAME}", kind: "warning", type: "WARNING", corrupted: "the WARNING header line is missing", stack: STACK_DEFAULT },
      { match: re("pc : "), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT },
    ],
  },
  {
    // MIPS's register dump (`$ 0   : …`, `epc   : 80d606ac f+0x5c/0x84`, `Cause : 00800034`) under its task line, whose
    // die line (`Kernel bug detected[#1]:`, `Oops[#1]:`: the mips-die rows) a paste cut. A WARN prints no registers.
    // The trap is in Cause's ExcCode (bits 2–6): 9 (Bp, `break` of BUG()) or 13 (Tr, the `teq`/`tne` of BUG_ON()) is a
    // kernel BUG, titled as the die line's row; anything else an oops of unknown kind. The dump comes before the `Call
    // Trace:` line that opens its window (windowOnly).
    id: "mips-regs-headless",
    header: "epc   : ",
    kind: "oops",
    type: "DoS",
    orphanOnly: true,
    windowOnly: true,
    suppress: [/^(?!\s*epc +: [0-9a-f]+ [A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+)/],
    startsAt: { line: X86_OOPS_PREAMBLE, within: 16, required: true, earliest: true, unless: REQUESTED_DUMP },
    formats: [
      { match: re("^(?:.*\\n)*?\\s*Cause +: [0-9a-f]{6}[23]4\\b"), title: "Kernel bug detected in {FRAME}", kind: "bug", type: "BUG", corrupted: "the kernel bug's die line is missing", stack: { ...STACK_DEFAULT, skip: [SKB_DATA_HELPER] } },
      { match: re("epc +: "), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT },
    ],
  },
  // The closing summary line 2.6–4.x x86 die() prints at emergency level under an oops (i386 `EIP: [<c14c3523>]
  // f+0x73/0x280 SS:ESP 0068:f28b7cb0`, x86-64 ` RIP  [<ffffffff811a36b5>] f+0x135/0x2e0` then ` RSP <…>`): no WARN,
  // NMI or SysRq dump prints it. A log holding only the emergency-level lines of an oops (syslogd's wall broadcasts:
  // the task line, `Stack:`, `Call Trace:`, Code and the summary; the `BUG: …`/`Oops:` lines are lower levels) or a
  // paste cut above it still shows an oops in that function. The report starts at the task line (or another line of
  // die()'s preamble); without one the summary is quoted (a post that puts it first), no report. The headers are the
  // summary's rarest literals (`SS:ESP 0`, the ` RSP <…>` line under x86-64's): the scanner's byte prefilter plans
  // its buckets from every header, and `RIP  [<`'s bytes recur in old call traces (a quiet log's lines went from
  // ~0.002 to ~0.13 candidates each).
  ...([["x86-32-oops-summary-headless", "SS:ESP 0", `EIP: \\[<[0-9a-f]{8}>\\] \\S+ SS:ESP [0-9a-f]{4}:`], ["x86-64-oops-summary-headless", "RSP <", `RIP {2}\\[<[0-9a-f]{16}>\\] \\S`]] as const).map(
    ([id, header, line]): CrashClass => ({
      id,
      header,
      kind: "oops",
      type: "DoS",
      orphanOnly: true,
      startsAt: { line: X86_OOPS_PREAMBLE, within: 60, required: true, earliest: true, unless: REQUESTED_DUMP },
      formats: [{ match: re(`^(?:.*\\n)*?\\s*${line}`), title: "Oops in {FRAME}", corrupted: "the oops header line is missing", stack: STACK_DEFAULT }],
    }),
  ),
  // KASAN's access line, right under its `BUG: KASAN: <bug> in f` header (`Read of size 8 at addr ffff… by task x/1`,
  // 4.x `Read of size 4 by task x/1`): the bug's kind went with the header.
  ...(["Read", "Write"] as const).map(
    (access): CrashClass => ({
      id: `kasan-headless-${access.toLowerCase()}`,
      lostHeader: /BUG: KASAN: /,
      header: `${access} of size `,
      kind: "kasan",
      type: "KASAN",
      orphanOnly: true,
      formats: [
        {
          match: re(`^\\s*${access} of size [0-9]+ (?:at addr [0-9a-f]+ )?by task `),
          title: `KASAN: ${access} in {FRAME}`, alt: BAD_ACCESS, corrupted: "the KASAN header line is missing", stack: STACK_KASAN,
        },
      ],
    }),
  ),
  {
    // lockdep's deadlock splats (circular, recursive) name the acquiring task on the line after print_kernel_ident()'s
    // release line and the dashes: `syz-executor0/22269 is trying to acquire lock:`.
    id: "lockdep-headless",
    lostHeader: /possible (?:circular|recursive) locking/,
    header: "is trying to acquire lock:",
    kind: "lockdep",
    type: "LOCKDEP",
    orphanOnly: true,
    startsAt: { line: LOCKDEP_PREAMBLE, within: 3, earliest: true },
    formats: [
      {
        match: re("is trying to acquire lock:(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"),
        title: "possible deadlock in {FRAME}", corrupted: "the lockdep header line is missing", stack: LOCKDEP_AT,
      },
    ],
  },
  {
    // `inconsistent lock state`: `inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.` under the release line.
    id: "lockdep-inconsistent-headless",
    header: "inconsistent {",
    kind: "lockdep",
    type: "LOCKDEP",
    orphanOnly: true,
    startsAt: { line: LOCKDEP_PREAMBLE, within: 3, earliest: true },
    formats: [
      {
        match: re("inconsistent \\{[A-Z-]+\\} -> \\{[A-Z-]+\\} usage\\.(?:.*\\n)*?.*takes(?:.*\\n)*?.*at:(?: | *\\n *)(?:{{PC}} +)?{{FUNC}}"),
        title: "inconsistent lock state in {FRAME}", corrupted: "the lockdep header line is missing", stack: LOCKDEP_TAKES,
      },
    ],
  },
  {
    // `inconsistent lock state` cut further down (a paste that starts at the unsafe scenario or at `stack backtrace:`):
    // only print_usage_bug(), which prints no other report, is left of it under the task line. The first frame past
    // lockdep and the lock primitive takes the lock, the function the lost `takes:` line named.
    id: "lockdep-usage-headless",
    lostHeader: /inconsistent lock state/,
    header: "print_usage_bug",
    kind: "lockdep",
    type: "LOCKDEP",
    orphanOnly: true,
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: )/, within: 12, required: true, earliest: true },
    formats: [
      {
        match: re("\\bprint_usage_bug\\b"),
        title: "inconsistent lock state in {FRAME}", corrupted: "the lockdep header and its `takes:` line are missing",
        stack: stack([CALL_TRACE_SECTION, FROM_HEADER_SECTION]),
      },
    ],
  },
  {
    // lockdep_rcu_suspicious(): `net/core/filter.c:1917 suspicious rcu_dereference_protected() usage!` under the release line.
    id: "rcu-usage-headless",
    header: "suspicious rcu_dereference",
    kind: "lockdep",
    type: "LOCKDEP",
    orphanOnly: true,
    startsAt: { line: LOCKDEP_PREAMBLE, within: 3, earliest: true },
    formats: [
      {
        match: re("^(?:.*\\n)*?\\s*{{SRC}} suspicious rcu_dereference_[a-z_]+\\(\\) usage!"),
        title: "WARNING: suspicious RCU usage in {FRAME}", corrupted: "the suspicious RCU usage header line is missing",
        stack: stack([CALL_TRACE_SECTION], { skip: [/rcu/, /lockdep/, /kmem/, /slab/, /kmalloc/, /vmalloc/, /kcalloc/, /kzalloc/] }),
      },
    ],
  },
  // lockdep's other splats whose header line a paste cut: the line under the release line and the dashes is printed by
  // that splat only (print_unlock_imbalance_bug, print_lock_contention_bug, print_freed_lock_bug), and its `at:` site
  // names the function as the header's row reads it (an invalid wait context's stack does). 4.15+ wording
  // (`WARNING:`); the `BUG:` form older kernels printed stays an alternative. Each ends in `stack backtrace:` and
  // dump_stack()'s stack, which opens the window (windowOnly).
  ...(
    [
      { id: "lockdep-unlock-imbalance-headless", header: "is trying to release lock (", lost: /bad unlock balance/, title: "WARNING: bad unlock balance in {FRAME}", alt: ["BUG: bad unlock balance in {FRAME}"], stack: LOCKDEP_AT_THEN_STACK },
      { id: "lockdep-contention-headless", header: "is trying to contend lock (", lost: /bad contention/, title: "WARNING: bad contention in {FRAME}", alt: ["BUG: bad contention in {FRAME}"], stack: LOCKDEP_AT_THEN_STACK },
      { id: "lockdep-freed-lock-headless", header: "with a lock still held there!", lost: /held lock freed/, title: "WARNING: held lock freed in {FRAME}", alt: ["BUG: held lock freed in {FRAME}"], stack: LOCKDEP_AT_THEN_STACK },
      // print_lock_invalid_wait_context() (5.7+): `X/1 is trying to lock:`, titled by its stack as the header's row.
      { id: "lockdep-wait-context-headless", header: "is trying to lock:", lost: /Invalid wait context/, title: "BUG: Invalid wait context in {FRAME}", alt: ["WARNING: locking bug in {FRAME}"], stack: STACK_CALL_TRACE },
    ] as const
  ).map(
    ({ id, header, lost, title, alt, stack: rule }): CrashClass => ({
      id,
      lostHeader: lost,
      header,
      kind: "lockdep",
      type: "LOCKDEP",
      orphanOnly: true,
      windowOnly: true,
      startsAt: { line: LOCKDEP_PREAMBLE, within: 3, earliest: true },
      formats: [{ match: re(escapeLiteral(header)), title, alt, corrupted: "the lockdep header line is missing", stack: rule }],
    }),
  ),
  {
    // `BUG: using smp_processor_id() in preemptible [00000000] code: x/1` cut off its `caller is` line: when the caller is
    // the debug wrapper itself (check_preemption_disabled not inlined), the accessor was smp_processor_id(); the stack
    // below names the function, as the header's row reads it. Window-only: its `Call Trace:` opens the window.
    id: "smp-processor-id-headless",
    lostHeader: /in preemptible/,
    header: "caller is debug_smp_processor_id",
    kind: "lockdep",
    type: "LOCKDEP",
    orphanOnly: true,
    windowOnly: true,
    formats: [
      {
        match: re("caller is debug_smp_processor_id"), title: "BUG: using smp_processor_id() in preemptible code in {FRAME}",
        corrupted: "the preemptible-code header line is missing", stack: SMP_PROCESSOR_ID_STACK,
      },
    ],
  },
  // Reports printed through dump_stack() whose header line a paste cut: the function that printed the header is still
  // on the stack under dump_stack (`__schedule_bug`, `___might_sleep`, `bad_page`…) and says which report it was, as
  // warn_slowpath_ says WARNING above. Only a stack under the report's own task or `Call Trace:` line counts (a frame
  // alone in prose is no report), and only when no report is open (inside its own report the frame is that report's).
  // The frame is read in the window its stack's `Call Trace:` line or dump_stack's own frame right above it opens
  // (windowOnly: no needle of its own; WINDOW_OPENERS).
  ...(
    [
      { id: "scheduling-while-atomic-headless", header: "__schedule_bug", lost: /scheduling while atomic/, title: "BUG: scheduling while atomic in {FRAME}", type: "ATOMIC_SLEEP", stack: ATOMIC_SCHEDULE_STACK },
      // ___might_sleep (3.x–5.14) and __might_resched (5.15+) print the header; __might_sleep calls them, and is also a
      // WARN site of its own (`do not call blocking ops when !TASK_RUNNING`), so it is no key.
      { id: "might-sleep-headless", header: "___might_sleep", lost: /sleeping function called from invalid context/, title: "BUG: sleeping function called from invalid context in {FRAME}", type: "ATOMIC_SLEEP", stack: STACK_CALL_TRACE },
      { id: "might-resched-headless", header: "__might_resched", lost: /sleeping function called from invalid context/, title: "BUG: sleeping function called from invalid context in {FRAME}", type: "ATOMIC_SLEEP", stack: STACK_CALL_TRACE },
      { id: "bad-pte-headless", header: "print_bad_pte", lost: /Bad page map/, title: "BUG: Bad page map", type: "MEMORY_SAFETY_BUG" },
      { id: "bad-page-headless", header: "bad_page", lost: /Bad page state/, title: "BUG: Bad page state in {FRAME}", type: "MEMORY_SAFETY_BUG", stack: BAD_PAGE_OWNER_STACK, stackless: "BUG: Bad page state" },
      // OpenZFS's assertion (the spl-panic rows): spl_panic (0.7+) and spl_debug_bug (SPL 0.6) under its dump_stack.
      { id: "spl-panic-headless", header: "spl_panic", lost: /PANIC at |SPL PANIC/, title: "SPL PANIC in {FRAME}", type: "BUG", stack: STACK_CALL_TRACE },
      { id: "spl-debug-bug-headless", header: "spl_debug_bug", lost: /PANIC at |SPL PANIC/, title: "SPL PANIC in {FRAME}", type: "BUG", stack: STACK_CALL_TRACE },
      // check_preemption_disabled()'s report called through debug_smp_processor_id: the accessor was smp_processor_id()
      // (a `caller is` line naming the real caller is no key: through __this_cpu_preempt_check the accessor is unknown).
      { id: "smp-processor-id-frame-headless", header: "debug_smp_processor_id", lost: /in preemptible/, title: "BUG: using smp_processor_id() in preemptible code in {FRAME}", type: "LOCKDEP", stack: SMP_PROCESSOR_ID_STACK, kind: "lockdep" },
    ] satisfies readonly ReporterFrameRow[]
  ).map(
    (row: ReporterFrameRow): CrashClass => ({
      id: row.id,
      lostHeader: row.lost,
      header: row.header,
      kind: row.kind ?? "bug",
      type: row.type,
      orphanOnly: true,
      windowOnly: true,
      // the name as a frame: `f+0x1a/0x30`, `f.cold+…`, ARM's `(f) from` / `(f+0x6c/0x78) from`, `[f+157/176]`; not a
      // `? f` guess (a stale return address in any task's stack, a SysRq dump's)
      suppress: [new RegExp(`^(?!.*(?:^|[\\s(\\]<])(?<!\\? )${escapeLiteral(row.header)}(?:\\.[a-z]+(?:\\.\\d+)?)?(?:\\+|\\)))`)],
      startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: |Modules linked in:|Call [Tt]race:|Backtrace:\s*$)/, within: 12, required: true, earliest: true, unless: REQUESTED_DUMP },
      formats: [
        {
          match: re(escapeLiteral(row.header)),
          title: row.title, corrupted: "the report's header line is missing",
          ...(row.stack ? { stack: row.stack } : { noStackTrace: true }),
          // as the header's row titles it without a usable stack
          ...(row.stackless !== undefined ? { stacklessTitle: () => row.stackless } : {}),
        },
      ],
    }),
  ),
  // UBSAN's message line, right under its `UBSAN: <check> in f.c:12:34` header: the check it names.
  ...(
    [
      { header: "is out of range for type '", title: "UBSAN: array-index-out-of-bounds in {FRAME}", alt: BAD_ACCESS, type: "MEMORY_SAFETY_UBSAN" },
      { header: "shift exponent ", title: "UBSAN: shift-out-of-bounds in {FRAME}", type: "MEMORY_SAFETY_UBSAN" },
      { header: "cannot be represented in type '", title: "UBSAN: undefined-behaviour in {FRAME}" },
      { header: "is not a valid value for type '", title: "UBSAN: invalid-load in {FRAME}", type: "MEMORY_SAFETY_UBSAN" },
    ] as const
  ).map(
    (row, n): CrashClass => ({
      id: `ubsan-headless-${n}`,
      lostHeader: /UBSAN: /,
      header: row.header,
      kind: "ubsan",
      type: "UBSAN",
      orphanOnly: true,
      formats: [
        {
          match: re(`^\\s*(?:index -?[0-9]+|shift exponent -?[0-9]+|left shift of|-?[0-9]+ [-+*] -?[0-9]+|negation of|load of value)[^\\n]*${escapeLiteral(row.header)}|^\\s*shift exponent -?[0-9]+ is (?:too large|negative)`),
          title: row.title, alt: "alt" in row ? row.alt : undefined, type: "type" in row ? row.type : undefined,
          corrupted: "the UBSAN header line is missing", stack: STACK_CALL_TRACE,
        },
      ],
    }),
  ),
  // KMSAN prints the stack right under its `BUG: KMSAN: uninit-value in f` header, then where the value came from
  // (`Uninit was stored to memory at:`, `Uninit was created at:`, `Local variable x created at:`): the report starts
  // at the first frame of the stack above that line.
  ...(["Uninit was ", "Local variable "] as const).map(
    (header, n): CrashClass => ({
      id: `kmsan-headless-${n}`,
      lostHeader: /BUG: KMSAN: /,
      header,
      kind: "kmsan",
      type: "KMSAN-UNINIT-VALUE",
      orphanOnly: true,
      startsAt: { line: STACK_LINE, within: 60, earliest: true, contiguous: true, required: true },
      formats: [
        {
          match: re("^\\s*(?:[a-zA-Z0-9_.]+\\+0x|[a-zA-Z0-9_.]+ [^\\n]*:[0-9]+)[^\\n]*\\n(?:.*\\n)*?\\s*(?:Uninit was (?:stored to memory|created) at:|Local variable \\S+ created at:)"),
          title: "KMSAN: uninit-value in {FRAME}", alt: BAD_ACCESS, corrupted: "the KMSAN header line is missing", stack: STACK_KMSAN,
        },
      ],
    }),
  ),
  {
    // KASAN's invalid/double-free report prints no access line (`BUG: KASAN: double-free in f`, then the task line and
    // the stack through `kasan_report_invalid_free`): with that header cut, the stack is the report. With
    // kasan.fault=panic the stack dumped is panic()'s, called from KASAN's `end_report` (both skipped).
    id: "kasan-invalid-free-headless",
    lostHeader: /BUG: KASAN: /,
    header: "kasan_report_invalid_free+0x",
    kind: "kasan",
    type: "KASAN-INVALID-FREE",
    orphanOnly: true,
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: )/, within: 12, required: true, earliest: true },
    formats: [
      {
        match: re("\\bkasan_report_invalid_free\\+0x"),
        title: "KASAN: invalid-free in {FRAME}", alt: INVALID_FREE, corrupted: "the KASAN header line is missing",
        stack: stack([CALL_TRACE_SECTION], { skip: [/^end_report$/] }),
      },
    ],
  },
  {
    // After its stacks KASAN describes the address (`The buggy address belongs to the object at …`, `… is located 288
    // bytes inside of`, `… belongs to the physical page:`, printed by no other tool): with the header and the access
    // line cut, the stack right above that description is the report's own. Unless that stack is the object's
    // allocation or free stack (`Allocated by task 1:` above it): the faulting stack went with the cut, no report.
    id: "kasan-description-headless",
    lostHeader: /BUG: KASAN: /,
    header: "The buggy address ",
    kind: "kasan",
    type: "KASAN",
    orphanOnly: true,
    startsAt: { line: STACK_LINE, within: 60, earliest: true, contiguous: true, required: true, unless: /(?:Allocated|Freed) by task \d+|potentially related work creation/ },
    formats: [
      {
        match: re("^\\s*(?:[a-zA-Z0-9_.]+\\+0x|[a-zA-Z0-9_.]+ [^\\n]*:[0-9]+)[^\\n]*\\n(?:.*\\n)*?\\s*The buggy address (?:belongs to|is located)"),
        title: "KASAN: bad-access in {FRAME}", alt: BAD_ACCESS, corrupted: "the KASAN header and access lines are missing", stack: STACK_KASAN,
      },
    ],
  },
  {
    // panic() dumps its own stack: `dump_stack` then `panic+0x…` on top of a task line. Outside any report (a WARNING's
    // or an oops's panic tail keeps its own `Kernel panic - not syncing:` line) that stack is a panic whose message
    // line was cut, and the message was its title. A paste that cut the task line too still starts the dump at its
    // `Hardware name:` or `Call trace:` line (the task line, when kept, is the earlier and wins).
    id: "panic-headless",
    header: "panic+0x",
    kind: "panic",
    type: "DoS",
    orphanOnly: true,
    startsAt: { line: /^\s*(?:CPU: \d+ (?:UID: \d+ )?PID: \d+|Pid: \d+, comm: |Hardware name: |Call [Tt]race:)/, within: 12, required: true, earliest: true, unless: /Kernel panic - not syncing/ },
    formats: [
      {
        // kasan.fault=panic: KASAN's `end_report` panics under the invalid/double-free report whose header was cut.
        match: re("\\bpanic\\+0x[^\\n]*\\n(?:.*\\n){0,3}?.*\\bend_report\\+0x[^\\n]*\\n(?:.*\\n){0,3}?.*\\bkasan_report_invalid_free\\+0x"),
        title: "KASAN: invalid-free in {FRAME}", alt: INVALID_FREE, kind: "kasan", type: "KASAN-INVALID-FREE",
        corrupted: "the KASAN header line is missing", stack: stack([CALL_TRACE_SECTION], { skip: [/^end_report$/] }),
      },
      // ARM's unwinder (3.x–4.x) can print `(show_stack) from … (panic+0x…)` with no dump_stack row between them
      // (dump_stack's call of show_stack is a tail call): the same dump of panic's own stack.
      // The caller under panic is the guilty frame, as under a panic whose message survived (the panic row), unless the
      // panic's rows name none for it: the OOM killer's (panic_on_oom: the system's state, not the allocating code's
      // fault), init's exit (`Attempted to kill init!`) and die()'s end (`Fatal exception`: the oops was the report).
      {
        match: re("\\b(?:dump_stack(?:_lvl)?|show_stack)\\+0x[^\\n]*\\n(?:.*\\? [^\\n]*\\n)*.*\\bpanic\\+0x[^\\n]*\\n(?:.*\\? [^\\n]*\\n)*.*\\b(?:out_of_memory|check_panic_on_oom|do_exit|make_task_dead|oops_end|die)(?:\\.[a-z]+(?:\\.[0-9]+)?)?\\+0x"),
        title: "kernel panic", corrupted: "the panic message line is missing", noStackTrace: true,
      },
      {
        match: re("\\b(?:dump_stack(?:_lvl)?|show_stack)\\+0x[^\\n]*\\n(?:.*\\? [^\\n]*\\n)*.*\\bpanic\\+0x"),
        title: "kernel panic", corrupted: "the panic message line is missing", noStackTrace: true, frameFromStack: true, stack: stack([CALL_TRACE_SECTION]),
      },
    ],
  },
  // An RCU stall's grace-period line (`(t=10500 jiffies g=49145 q=2382)` under a self-detected stall, `(detected by
  // 0, t=125007 jiffies, g=66299, …)` under a stall of other CPUs), with the per-CPU lines above it.
  ...([" jiffies g=", " jiffies, g="] as const).map(
    (header, n): CrashClass => ({
      id: `rcu-stall-headless-${n}`,
      lostHeader: /detected (?:expedited )?stalls? on|self-detected stall/,
      header,
      kind: "rcu-stall",
      type: "HANG",
      orphanOnly: true,
      startsAt: { line: RCU_STALL_CPU_LINE, within: 4, earliest: true },
      formats: [
        {
          match: re("\\bt=[0-9]+ jiffies,? g="), title: "INFO: rcu detected stall in {FRAME}", alt: STALL, corrupted: "the RCU stall header line is missing",
          stack: RCU_STALL_STACK,
        },
      ],
    }),
  ),
  {
    // An RCU stall of other CPUs pasted from its `All QSes seen, last rcu_sched kthread activity N (…)` line on (the
    // header and detected-by lines cut): print_other_cpu_stall prints that line only when no CPU or task is left
    // holding up the grace period, i.e. inside a stall report, so the line says what the report is. The current
    // task's dump follows it.
    id: "rcu-stall-qs-headless",
    header: "All QSes seen",
    kind: "rcu-stall",
    type: "HANG",
    orphanOnly: true,
    lostHeader: /detected (?:expedited )?stalls? on|self-detected stall/,
    formats: [
      {
        match: re("All QSes seen, last rcu_[a-z_]+ kthread activity"), title: "INFO: rcu detected stall in {FRAME}", alt: STALL,
        corrupted: "the RCU stall header line is missing", stack: RCU_STALL_STACK,
      },
    ],
  },
  {
    // An RCU stall whose header and per-CPU lines were cut (a paste or a console excerpt that starts inside the
    // stalled CPU's backtrace): only the stall detector dumps a CPU through rcu_dump_cpu_stacks (from the
    // scheduler tick's stall check), so its frame says what the report is. The report starts at the first frame of
    // the stack it is in; under the stall's own header it is that report's body.
    id: "rcu-stall-dump-headless",
    header: "rcu_dump_cpu_stacks",
    kind: "rcu-stall",
    type: "HANG",
    orphanOnly: true,
    lostHeader: /detected (?:expedited )?stalls? on|self-detected stall|detected stall on CPU/,
    startsAt: { line: STACK_LINE, within: 30, earliest: true, contiguous: true },
    formats: [
      {
        match: re("rcu_dump_cpu_stacks"), title: "INFO: rcu detected stall in {FRAME}", alt: STALL, corrupted: "the RCU stall header line is missing",
        stack: RCU_STALL_STACK,
      },
    ],
  },
  {
    id: "hard-lockup",
    header: "hard LOCKUP",
    kind: "hard-lockup",
    type: "HANG",
    suppress: [/NMI watchdog: (?:Perf event create|enabled|disabled)/],
    formats: [
      { match: re("Watchdog detected hard LOCKUP on cpu ([0-9]+)"), title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, stack: HARD_LOCKUP_STACK },
      // ppc64 (4.19+): `watchdog: CPU 3 self-detected hard LOCKUP @ plpar_hcall_norets+0x1c/0x28`
      { match: re("CPU ([0-9]+) self-detected hard LOCKUP"), title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, stack: HARD_LOCKUP_STACK },
      { match: re("hard LOCKUP"), title: "Watchdog detected hard LOCKUP", alt: STALL, stack: HARD_LOCKUP_STACK },
    ],
  },
  {
    // 2.6-era x86 (and sparc64) NMI watchdog: `NMI Watchdog detected LOCKUP on CPU1, eip c026a8d4, registers:`,
    // `BUG: NMI Watchdog detected LOCKUP on CPU 0`, then the registers of the stuck CPU.
    id: "hard-lockup-old",
    // (not `NMI Watchdog …`: that needle's letters let ordinary `kernel: device … entered …` lines through the prefilter)
    header: "Watchdog detected LOCKUP",
    kind: "hard-lockup",
    type: "HANG",
    formats: [
      { match: re("Watchdog detected LOCKUP on (?:CPU|cpu) ?([0-9]+)"), title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, stack: HARD_LOCKUP_STACK },
      { match: re("Watchdog detected LOCKUP"), title: "Watchdog detected hard LOCKUP", alt: STALL, stack: HARD_LOCKUP_STACK },
    ],
  },
  {
    // ppc64 (4.15–4.18): `Watchdog CPU:59 Hard LOCKUP`, then the CPU's registers (`NIP: …`).
    id: "hard-lockup-ppc",
    header: "Hard LOCKUP",
    kind: "hard-lockup",
    type: "HANG",
    formats: [
      { match: re("Watchdog CPU:([0-9]+) Hard LOCKUP"), title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, stack: HARD_LOCKUP_STACK },
    ],
  },
  {
    id: "kernel-panic",
    header: "Kernel panic",
    kind: "panic",
    // syzkaller's crash type of a panic that is no other report's tail (a format names another: a hard lockup is a HANG)
    type: "DoS",
    // __stack_chk_fail() and schedule_debug()'s stack-end check panic from a check of their own, with their own stack:
    // a report printed before them (a one-line `BUG: Bad rss-counter state`, an oops of another task) is not their
    // cause, and they are not its panic tail. Every other panic after a report is that report's ending.
    neverTail: [/Kernel panic - not syncing: (?:stack-protector: Kernel stack is corrupted in|corrupted stack end detected inside scheduler)/],
    formats: [
      { match: re("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: {{FUNC}}"), title: "kernel panic: stack is corrupted in {FUNC:1}", type: "DoS", noStackTrace: true },
      // Newer kernels print only the address: name it from the stack line that holds the same address.
      { match: re("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: (?:0x)?([0-9a-f]{8,})"), title: "kernel panic: stack is corrupted in {ADDRFUNC:1}", type: "DoS", noStackTrace: true },
      { match: re("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: ([a-zA-Z0-9_]+)"), title: "kernel panic: stack is corrupted in {FUNC:1}", type: "DoS", noStackTrace: true },
      // panic_on_hardlockup / hardlockup_panic: the watchdog panics instead of printing its own report.
      { match: re("Kernel panic - not syncing: (?:Watchdog detected )?[Hh]ard LOCKUP on cpu ([0-9]+)"), title: "Watchdog detected hard LOCKUP on cpu $1", alt: STALL, kind: "hard-lockup", type: "HANG", stack: HARD_LOCKUP_STACK, noStackTrace: true },
      { match: re("Kernel panic - not syncing: (?:Watchdog detected )?[Hh]ard LOCKUP"), title: "Watchdog detected hard LOCKUP", alt: STALL, kind: "hard-lockup", type: "HANG", stack: HARD_LOCKUP_STACK, noStackTrace: true },
      // softlockup_panic: a paste (or a console) that lost the `watchdog: BUG: soft lockup` report above keeps the
      // panic, whose stack runs through watchdog_timer_fn on the stuck CPU. With the report there, the panic is its tail.
      {
        match: re("Kernel panic - not syncing: softlockup: hung tasks"), title: "BUG: soft lockup in {FRAME}", alt: STALL, kind: "soft-lockup", type: "HANG",
        corrupted: "the soft lockup header line is missing", stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { mode: "stall" }),
      },
      // arm64's overflow handler panics with this after `Insufficient stack space…` (that report's tail when it was kept).
      { match: re("Kernel panic - not syncing: kernel stack overflow"), title: "kernel stack overflow in {FRAME}", alt: ["stack-overflow in {FRAME}"], kind: "oops", type: "DoS", stack: stack([CALL_TRACE_SECTION], { mode: "stall", skip: [/^bad_stack/, /^handle_bad_stack/, /^__bad_stack/] }) },
      { match: re("Kernel panic - not syncing: Attempted to kill init!"), title: "kernel panic: Attempted to kill init!", type: "DoS", noStackTrace: true },
      { match: re("Kernel panic - not syncing: Fatal exception"), title: "kernel panic: Fatal exception", noStackTrace: true },
      { match: re("Kernel panic - not syncing: corrupted stack end detected inside scheduler"), title: "kernel panic: corrupted stack end in {FRAME}", type: "DoS", alt: ["stack-overflow in {FRAME}"], stack: stack([CALL_TRACE_SECTION], { mode: "stall", skip: [/^schedule/, /^__schedule/, /^panic/, /^preempt_schedule/] }) },
      { match: re("Kernel panic - not syncing: Fatal exception"), title: "kernel panic: Fatal exception", type: "DoS", corrupted: "only the panic tail of an oops survived", noStackTrace: true },
      { match: re("Kernel panic - not syncing: Couldn't open N_TTY ldisc"), title: "kernel panic: Couldn't open N_TTY ldisc", noStackTrace: true },
      // panic_on_warn panics inside __warn(): its stack runs through the trap into the function that warned (`RIP:`),
      // so a WARNING whose header line was cut is still read from it. 6.2+ names who warned first: `Kernel panic - not
      // syncing: kernel: panic_on_warn set ...` (`KASAN:`, `KFENCE:`); the same check_panic_on_warn() panics once
      // kernel.warn_limit warnings were seen (`kernel: system warned too often (kernel.warn_limit is 1)`), from the
      // same place in __warn, so that panic with its trap is the WARNING too.
      {
        match: re("Kernel panic - not syncing: (?:[A-Za-z]+: )?(?:panic_on_warn set|system warned too often)(?:.*\\n)*?.*RIP: "), title: "WARNING in {FRAME}", kind: "warning", type: "WARNING",
        corrupted: "the WARNING header line is missing", stack: STACK_DEFAULT,
      },
      { match: re("Kernel panic - not syncing: (?:[A-Za-z]+: )?panic_on_warn set"), title: "kernel panic: panic_on_warn set", corrupted: "only the panic tail of a WARNING survived", noStackTrace: true },
      { match: re("Kernel panic - not syncing: hung_task: blocked tasks"), title: "kernel panic: hung_task: blocked tasks", corrupted: "only the panic tail of a hung-task report survived", noStackTrace: true },
      // arm64_serror_panic(): the SError report above it was cut, the panic's stack still runs into the interrupted code.
      {
        match: re("Kernel panic - not syncing: Asynchronous SError Interrupt"), title: "kernel panic: Asynchronous SError Interrupt",
        noStackTrace: true, frameFromStack: true, stack: stack([CALL_TRACE_SECTION], { skip: SERROR_PATH_SKIP }),
      },
      // A serial console or terminal capture cuts a line longer than its width (80 columns; minicom and screen keep the
      // line's last character: `… mount root fs on unkn)`). The root-fs panic's message is fixed but for its device
      // numbers (and 6.x's quoted `root=` name), so a message cut inside `unknown-block(` is titled in full, as the
      // kernel printed it; any other cut panic message keeps what was printed.
      ...[`(?:.*\\n){0,12}?${PANIC_FRAME}`, ""].map((stackNearby): TitleFormat => ({
        match: re(`Kernel panic - not syncing: VFS: Unable to mount root fs on ((?:"[^"\\n]*" or )?)un${optionalPrefixes("known-block")}\\S?[ \\t]*(?:\\n|$)${stackNearby}`),
        title: "kernel panic: VFS: Unable to mount root fs on $1unknown-block(NUM,NUM)", noStackTrace: true,
        ...(stackNearby ? { frameFromStack: true, stack: stack([CALL_TRACE_SECTION]) } : {}),
      })),
      // A panic() called by code that decided to die (`panic_on_set_idle set ...`, `VFS: Unable to mount root fs`):
      // its own stack follows within a few lines and runs through `panic`; the caller below it is the guilty frame.
      // Without that frame nearby (a tail whose stack is another CPU's `stopping` dump) no frame is named, nor for
      // panic_on_oom: running out of memory is the system's state, not the allocating code's fault (the oom has none).
      {
        match: re(`Kernel panic - not syncing: (?!Out of memory|System is deadlocked on memory)([^\\n]*?)(?:\\s*-+\\]-*|\\s*\\]-+)?\\s*\\n(?:.*\\n){0,12}?${PANIC_FRAME}`),
        title: "kernel panic: $1", noStackTrace: true, frameFromStack: true, stack: stack([CALL_TRACE_SECTION]),
      },
      // A paste that lost its line breaks keeps the next records on the panic's line (`… Oops: Fatal exception [
      // 2052.051872][ T1668] SMP: stopping secondary CPUs …`): the message ends before the next record's stamp or level.
      { match: re(`Kernel panic - not syncing: ([^\\n]*?)(?:\\s*-+\\]-*|\\s*\\]-+)?\\s*(?:\\n|$|${GLUED_NEXT_RECORD})`), title: "kernel panic: $1", noStackTrace: true },
      // 2.4 and the first 2.6 kernels printed `Kernel panic: <message>`, then `In interrupt handler - not syncing`
      // (or `In idle task - …`) on a line of its own when they could not sync.
      { match: re("Kernel panic: ([^\\n]*?)\\s*(?:\\n|$)"), title: "kernel panic: $1", noStackTrace: true },
    ],
  },
  {
    // x86 dies with `kernel stack overflow (double-fault): 0000 [#1]` (or `(page fault)`) after `BUG: stack guard
    // page was hit at …`; when that line is lost, the die() message still says what happened.
    id: "kernel-stack-overflow",
    header: "kernel stack overflow (",
    kind: "oops",
    type: "DoS",
    secondary: true,
    formats: [{ match: re("kernel stack overflow \\((?:double-fault|page fault)\\)"), title: "kernel stack overflow in {FRAME}", alt: ["stack-overflow in {FRAME}"], stack: STACK_DEFAULT }],
  },
  {
    // ppc `Kernel stack overflow in process swapper/0[1], r1=c000…` (then `Oops: Kernel stack overflow, sig: 11 [#1]`),
    // s390 `Kernel stack overflow.` (then the panic `Corrupt kernel stack, can't continue.`).
    id: "kernel-stack-overflow-ppc-s390",
    header: "Kernel stack overflow",
    kind: "oops",
    type: "DoS",
    // ppc's die() line is the oops of this report (the Oops row takes it when the first line is lost).
    suppress: [/Oops: Kernel stack overflow/],
    formats: [{ match: re("Kernel stack overflow"), title: "kernel stack overflow in {FRAME}", alt: ["stack-overflow in {FRAME}"], stack: STACK_DEFAULT }],
  },
  {
    // arm64: `Insufficient stack space to handle exception!`, the task and overflow stack ranges, the registers,
    // then `Kernel panic - not syncing: kernel stack overflow`.
    id: "kernel-stack-overflow-arm64",
    header: "Insufficient stack space to handle exception",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("Insufficient stack space to handle exception"), title: "kernel stack overflow in {FRAME}", alt: ["stack-overflow in {FRAME}"], stack: STACK_DEFAULT }],
  },
  {
    // x86 pgtable_bad(): `a[123]: Corrupted page table at address 7f…`, then `Bad pagetable: 000d [#1] SMP` (a reserved
    // bit set in a page-table entry: memory corruption, often hardware). The fault is usually a user address.
    id: "bad-pagetable",
    header: "Bad pagetable: ",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("Bad pagetable: [0-9a-f]{4}"), title: "Bad pagetable in {FRAME}", stack: STACK_DEFAULT, stacklessTitle: () => "Bad pagetable" }],
  },
  {
    id: "double-fault",
    header: "PANIC: double fault",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("PANIC: double fault"), title: "PANIC: double fault in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // Clang CFI. kCFI (6.1+) has report_cfi_failure() print `CFI failure at f+0x…/0x… (target: g+0x0/0x…; expected
    // type: 0x…)` before the trap's own report: x86 goes on with `invalid opcode` (or, CONFIG_CFI_PERMISSIVE, a
    // `WARNING: … at f+0x…`), arm64 with `Internal error: Oops - CFI`. Those lines are this report's, not another
    // crash. f is the indirect call's site, where the check fired: the title names it as printed, generic or not,
    // as a WARNING's header function is named (and as the kernel's own fixes name these: `Fix CFI failure in
    // ggtt_probe_common()`); a stack would name the site's caller instead (x86's trace starts below the trapping
    // function). Pre-kCFI Clang CFI (5.x, Android) printed only the target, `CFI failure (target: g):`, then a WARNING
    // inside __cfi_check_fail (its panic(), `Kernel panic - not syncing: CFI failure …`, stays the panic class: that
    // header comes first on its line); the site is the first frame under the CFI slow path.
    id: "cfi-failure",
    header: "CFI failure",
    kind: "oops",
    type: "BUG",
    // Every CFI line is followed by its trap's or WARNING's report lines (or, pre-kCFI, __cfi_check_fail's WARNING),
    // whose needles open the window: the line costs the byte prefilter nothing (a bare grepped line is not read).
    windowOnly: true,
    continuedBy: [/WARNING: CPU: [0-9]+ PID: [0-9]+ at /, /invalid opcode: /, /Internal error: Oops - CFI/],
    formats: [
      {
        match: re("CFI failure at {{FUNC}}[^\\n]*(?:\\n[^\\n]*){0,3}?\\n[^\\n]*WARNING: CPU: "),
        title: "CFI failure in {FUNC:1}", kind: "warning", type: "WARNING", noStackTrace: true, frameFromStack: true, stack: STACK_DEFAULT,
      },
      { match: re("CFI failure at {{FUNC}}"), title: "CFI failure in {FUNC:1}", noStackTrace: true, frameFromStack: true, stack: STACK_DEFAULT },
      { match: re("CFI failure \\(target: "), title: "CFI failure in {FRAME}", kind: "warning", type: "WARNING", stack: CFI_SLOWPATH_STACK },
    ],
  },
  {
    // Hardened usercopy's usercopy_abort() names the bad copy on its own line (`usercopy: Kernel memory overwrite
    // attempt detected to linear kernel text (offset 7733248, size 1)!`) and then BUG()s: x86 and arm64 go on with
    // `kernel BUG at mm/usercopy.c:N!`, ia64 with die()'s `bugcheck!`, neither printing what was wrong. The report
    // starts here, and its BUG line is how it ends.
    id: "usercopy-abort",
    header: "usercopy: Kernel memory ",
    kind: "bug",
    type: "BUG",
    continuedBy: [/kernel BUG at mm\/usercopy\.c/, /\S\[[0-9]+\]: bugcheck! /],
    formats: [
      {
        match: re("usercopy: Kernel memory (?:overwrite|exposure) attempt detected"),
        title: "BUG: bad usercopy in {FRAME}",
        stack: skipping("^usercopy", "^__check_object", "^check_"),
        stacklessTitle: () => "kernel BUG at mm/usercopy.c:LINE",
      },
    ],
  },
  {
    id: "kernel-bug",
    header: "kernel BUG",
    kind: "bug",
    type: "BUG",
    suppress: SYZKALLER_TITLE_QUOTES.kernelBug,
    formats: [
      // A corrupted list's stackless title stays syzkaller's: `corrupted list` says more than list_debug.c.
      { match: re("kernel BUG at (?:lib/list_debug\\.c|include/linux/list\\.h)"), title: "BUG: corrupted list in {FRAME}", alt: BAD_ACCESS, type: "MEMORY_SAFETY_BUG", stack: skipping("^list_", "^__list_", "^hlist_") },
      {
        // Stackless, a usercopy BUG keeps its location as the display title, as every `kernel BUG at` does below.
        match: re("kernel BUG at mm/usercopy\\.c"),
        title: "BUG: bad usercopy in {FRAME}",
        stack: skipping("^usercopy", "^__check_object", "^check_"),
        stacklessTitle: () => "kernel BUG at mm/usercopy.c:LINE",
      },
      {
        // The skb data helpers' BUG_ONs (`skb_put` → skb_over_panic) fire for their caller's length (syzkaller skips
        // `^skb_` here), FORTIFY_SOURCE's for its caller's copy: with the caller cut from the paste, the location,
        // not the helper (the PC of a stackless ARM report), names the BUG.
        match: re("kernel BUG at {{SRC}}"), title: "kernel BUG in {FRAME}", stack: { ...STACK_DEFAULT, skip: [SKB_DATA_HELPER, FORTIFY_HELPER] },
        // The line number differs per build: `LINE` keeps one title per BUG_ON across kernels.
        stacklessTitle: (m) => `kernel BUG at ${kernelTreePath(m[1].replace(/:[0-9]+$/, ""))}:LINE`,
      },
      { match: re("kernel BUG"), title: "kernel BUG in {FRAME}", stack: STACK_DEFAULT },
    ],
  },
  {
    // riscv's die() message for a BUG (ebreak): `Kernel BUG [#1]` after `kernel BUG at f.c:N!`, or alone without
    // CONFIG_DEBUG_BUGVERBOSE; the report's own follow-up line, as x86's `invalid opcode`.
    id: "kernel-bug-riscv",
    header: "Kernel BUG [#",
    kind: "bug",
    type: "BUG",
    secondary: true,
    formats: [{ match: re("Kernel BUG \\[#[0-9]+\\]"), title: "kernel BUG in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    id: "kernel-bug-ppc",
    header: "Kernel BUG",
    kind: "bug",
    type: "BUG",
    // lib/bug.c prints `Kernel BUG at <addr> [verbose debug info unavailable]`; prose says "Kernel BUG" without `at`.
    formats: [
      {
        // Newer kernels print the site as `%pB` (`Kernel BUG at jbd2_journal_forget+0x1c2/0x1d0 [verbose debug info
        // unavailable]`, no CONFIG_DEBUG_BUGVERBOSE): with the stack cut from a paste, the function holding the BUG_ON
        // names it for display, unless it is a helper that BUGs for its caller (`__fortify_panic`).
        match: re("Kernel BUG at ([A-Za-z_][\\w.]*)\\+0x[0-9a-f]+/0x[0-9a-f]+"), title: "kernel BUG in {FRAME}", stack: STACK_DEFAULT,
        stacklessTitle: (m) => {
          const site = cleanFunctionName(m[1]);
          return isGenericFrame(site) ? undefined : `kernel BUG in ${site}`;
        },
      },
      { match: re("Kernel BUG at "), title: "kernel BUG in {FRAME}", stack: STACK_DEFAULT },
    ],
  },
  {
    // SLUB debugging: `BUG kmalloc-128 (Tainted: G B): Poison overwritten`, `BUG task_struct (Not tainted): …`.
    // Only the known corruption messages are reports (`BUG UNIX (Not tainted): kasan: bad access detected`
    // is the tail of a KASAN report whose header was lost).
    id: "slub-object",
    header: "BUG ",
    kind: "bug",
    type: "MEMORY_SAFETY_BUG",
    // 3.10-4.x per-memcg child caches carry their cgroup in the name (`kmalloc-256(0:<docker id>)`, `dentry(2:session-1.scope)`).
    // Before 3.11 the header carried no taint (`BUG anon_vma: Redzone overwritten`): without it only the corruption
    // messages below make a header, the class name being any slab's (`page->ptl` holds a `>`).
    suppress: [/^(?!\s*BUG [\w:.>-]+(?:\(\d+:[^()\s]*\))?(?: \((?:Not tainted|Tainted:[^)]*)\))?: )/],
    formats: [
      {
        // 6.1+ checks the bytes past a kmalloc object's requested size on its own: `…): kmalloc Redzone overwritten`.
        match: re("BUG [\\w:.>-]+(?:\\(\\d+:[^()\\s]*\\))?(?: \\([^)]*\\))?: (Object already free|Poison overwritten|Redzone overwritten|kmalloc Redzone overwritten|Freepointer corrupt|Padding overwritten|Objects remaining[^\\n]*|Wrong object count|Invalid object pointer|Left Redzone overwritten|Right Redzone overwritten)"),
        title: "BUG: $1",
        // The check runs when the object is freed or handed out again: the call trace goes through SLUB's debug
        // checks to the kfree()/kmalloc() caller, the code that found the object spoiled (the title names no
        // function, as syzkaller's). A paste that lost the `Call Trace:` line is read from the header on; the
        // `INFO: Allocated in`/`Freed in` tracks are secondary stacks (frames.ts).
        frameFromStack: true, stack: stack([CALL_TRACE_SECTION, FROM_HEADER_SECTION], { skip: SLUB_DEBUG_SKIP }),
      },
    ],
  },
  {
    // SLAB debugging (CONFIG_DEBUG_SLAB, the SLAB allocator until 6.5): check_poison_obj() found a freed object's poison
    // changed when the object was handed out again. `Slab corruption (Tainted: P O ): filp start=ffff…, len=440`
    // (2.6 kernels: `Slab corruption: size-64 start=…`, no taint), then hex rows of the object, a `Single bit error
    // detected. Probably bad RAM.` hint and the neighbour objects; no stack. SLUB's `BUG <cache> (…): Poison
    // overwritten` is the same finding.
    id: "slab-poison",
    header: "Slab corruption",
    kind: "bug",
    type: "MEMORY_SAFETY_BUG",
    formats: [{ match: re("Slab corruption(?: \\([^)\\n]*\\))?: (?:\\S+ )?start="), title: "BUG: Slab corruption", noStackTrace: true }],
  },
  {
    // The first 2.6 kernels' __might_sleep() said `Debug: sleeping function called from invalid context at mm/slab.c:1857`
    // (then `in_atomic():1, irqs_disabled():0` and the stack) before the message became a `BUG:`: the same report.
    id: "might-sleep-debug",
    header: "Debug: sleeping function called from invalid context",
    kind: "bug",
    type: "ATOMIC_SLEEP",
    formats: [{ match: re("Debug: sleeping function called from invalid context"), title: "BUG: sleeping function called from invalid context in {FRAME}", stack: STACK_CALL_TRACE }],
  },
  {
    // x86 `int3: 0000 [#1] PREEMPT SMP` (an INT3 trap in kernel code: a stray breakpoint, a straight-line-speculation pad).
    id: "int3",
    header: "int3: ",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("int3: [0-9a-f]{4}"), title: "int3 in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // ZFS on Linux's assertions (VERIFY/ASSERT/PANIC through the Solaris Porting Layer). SPL 0.6 prints the failed
    // check (`VERIFY3(sm->sm_space == space) failed (57852928 == 57918976)`), then `SPLError: 12831:0:(space_map.c:334:
    // space_map_load()) SPL PANIC`, `SPL: Showing stack for process N` and the stack under spl_debug_bug. The thread
    // stops for good there, the kernel runs on: an assertion, as a BUG_ON is. The location names the function when the
    // stack was cut. (0.7+ prints `PANIC at file.c:N:func()` instead: the `spl-panic-at` row below.)
    id: "spl-panic",
    // the line's other literal, `SPL PANIC`, upset the hot prefilter's bucket placement (scripts/bench/prefilter-placement)
    header: "SPLError: ",
    kind: "bug",
    type: "BUG",
    // SPLError also reports leaks and warnings: only its PANIC is an assertion report
    suppress: [/^(?!.*\) SPL PANIC)/],
    formats: [
      {
        match: re("SPLError: [0-9]+:[0-9]+:\\([\\w.\\-/]+:[0-9]+:([A-Za-z_]\\w*)\\(\\)\\) SPL PANIC"), title: "SPL PANIC in {FRAME}", stack: STACK_CALL_TRACE,
        stacklessTitle: (m) => `SPL PANIC in ${m[1]}`,
      },
      { match: re("SPL PANIC"), title: "SPL PANIC in {FRAME}", stack: STACK_CALL_TRACE },
    ],
  },
  {
    // OpenZFS 0.7+ (spl_panic): the failed check, `PANIC at dsl_dataset.c:4912:dsl_dataset_get_remap_deadlist_object()`,
    // `Showing stack for process N`, the task line and the stack under spl_dumpstack/spl_panic (module report machinery,
    // guilty.ts). The same assertion as SPL 0.6's `SPLError: … SPL PANIC` above and titled alike; the location names
    // the function when the stack was cut. Only the location's shape makes it a report: `PANIC at ` alone is prose.
    id: "spl-panic-at",
    header: "PANIC at ",
    kind: "bug",
    type: "BUG",
    formats: [
      {
        match: re("PANIC at [\\w.\\-/]+:[0-9]+:([A-Za-z_]\\w*)\\(\\)"), title: "SPL PANIC in {FRAME}", stack: STACK_CALL_TRACE,
        stacklessTitle: (m) => `SPL PANIC in ${m[1]}`,
      },
    ],
  },
  {
    id: "vfs-busy-inodes",
    header: "VFS: Busy inodes after unmount",
    kind: "bug",
    type: "MEMORY_SAFETY_BUG",
    formats: [{ match: re("VFS: Busy inodes after unmount"), title: "VFS: Busy inodes after unmount (use-after-free)", noStackTrace: true }],
  },
  {
    // A hung-task report whose header line was cut (a paste, a console that lost it): the hint line the kernel
    // prints right under the header still says what it is.
    id: "hung-task-headless",
    header: "hung_task_timeout_secs\" disables this message",
    kind: "hung-task",
    type: "HANG",
    secondary: true,
    oncePerReport: { above: /^\s*(?:Not tainted|Tainted: )/ },
    formats: [
      {
        match: re("hung_task_timeout_secs\" disables this message"),
        title: "INFO: task hung in {FRAME}", alt: HANG, corrupted: "the hung-task header line is missing",
        stack: stack([CALL_TRACE_SECTION], { mode: "hang" }),
      },
    ],
  },
  // A hung-task report that lost its header and the hint line under it too (a paste that starts at the task's state
  // line): the state line of a task in uninterruptible sleep (`D`) right above its `Call Trace:` (arm64: `Call
  // trace:`) still says what it is. Only outside another report (a blocked task in another report's dump is that
  // report's), and not near a hung-task header or a dump that prints the same lines on request.
  headlessHungTask("hung-task-state-line-headless", "Call Trace:"),
  headlessHungTask("hung-task-state-line-headless-arm64", "Call trace:"),
  {
    id: "divide-error",
    header: "divide error:",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("divide error:"), title: "divide error in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // x86 5.9 to 5.12 spelled the trap's name `divide_error: 0000 [#1]` (the IDTENTRY conversion).
    id: "divide-error-underscore",
    header: "divide_error:",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("divide_error:"), title: "divide error in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    id: "invalid-opcode",
    header: "invalid opcode:",
    kind: "oops",
    secondary: true,
    // Only report_bug() prints `cut here` before the trap (do_trap's die() for a stray ud2 does not): the report of an
    // `invalid opcode` right under it starts there, and is a BUG() whose `kernel BUG at` line a paste or filter lost.
    startsAt: { line: CUT_HERE, within: 1 },
    formats: [
      { match: re("^.*cut here \\]-+\\n\\s*invalid opcode: [0-9a-f]{4} \\[#"), title: "kernel BUG in {FRAME}", kind: "bug", type: "BUG", stack: STACK_DEFAULT },
      { match: re("invalid opcode:"), title: "invalid opcode in {FRAME}", stack: STACK_DEFAULT },
    ],
  },
  {
    id: "ubsan",
    header: "UBSAN:",
    kind: "ubsan",
    type: "UBSAN",
    // ubsan_prologue() prints the header once per report; a symboliser adds no per-inline-frame copies of it.
    headerPerReport: true,
    formats: [
      // An index past an array's end is a bad access (syzkaller's `bad-access` bucket); the other checks are not.
      { match: re("UBSAN: (array-index-out-of-bounds) in "), title: "UBSAN: $1 in {FRAME}", alt: BAD_ACCESS, type: "MEMORY_SAFETY_UBSAN", stack: STACK_CALL_TRACE },
      { match: re("UBSAN: (shift-out-of-bounds|null-ptr-deref|invalid-load|object-size-mismatch|alignment-assumption|signed-integer-overflow|unsigned-integer-overflow|division-overflow) in "), title: "UBSAN: $1 in {FRAME}", type: "MEMORY_SAFETY_UBSAN", stack: STACK_CALL_TRACE },
      // lib/ubsan.c prints each check's name (`misaligned-access`, `negation-overflow`, `implicit-conversion`,
      // `invalid-builtin-use`…): the title keeps it, as syzkaller's catch-all does.
      { match: re("UBSAN: ([a-z]+(?:-[a-z]+)+) in "), title: "UBSAN: $1 in {FRAME}", stack: STACK_CALL_TRACE },
      { match: re("UBSAN: ([A-Za-z ]+) in "), title: "UBSAN: undefined-behaviour in {FRAME}", stack: STACK_CALL_TRACE },
      { match: re("UBSAN: Undefined behaviour in"), title: "UBSAN: undefined-behaviour in {FRAME}", stack: STACK_CALL_TRACE },
      { match: re("UBSAN: ([^\\n]*)"), title: "UBSAN: $1", noStackTrace: true },
    ],
  },
  {
    // kmemleak's own record of a leaked object, as `cat /sys/kernel/debug/kmemleak` prints it (and the console with
    // kmemleak.verbose=1): `unreferenced object 0xffff88804b7b5640 (size 32):`, its `comm`/`hex dump` lines, then the
    // allocation `backtrace:`. `BUG: memory leak` is syz-manager's line above it, not the kernel's: under that line
    // the record is that report's body (lostHeader, the line right above); without it, each record is a report of its own, titled as
    // syzkaller titles the BUG line's.
    id: "kmemleak-object",
    header: "unreferenced object 0x",
    kind: "memory-leak",
    type: "LEAK",
    lostHeader: /BUG: memory leak/,
    // syz-manager prints its line right above the record; farther up, it is another record's (a mail quoting a syzbot
    // report, then the replier's own kmemleak output).
    lostHeaderWithin: 2,
    formats: [{ match: re("unreferenced object 0x[0-9a-f]+ \\(size \\d+\\):"), title: "memory leak in {FRAME}", stack: STACK_LEAK }],
  },
  // A kmemleak record quoted from its allocation backtrace on (see kmemleakOrphan): `backtrace:`, and 6.x's form with
  // the backtrace's checksum, found by its `(crc ` (the class's suppress keeps every other line out). Two rows for the
  // scanner's literal prefilter: a bare `backtrace` needle let too many positions of a busy log through (`NMI
  // backtrace`, lockdep's `stack backtrace`), and a second needle starting `backtra` overfilled the quiet profile's
  // bucket placement (prefilter-placement.test.ts).
  kmemleakOrphan("kmemleak-backtrace-orphan", "backtrace:"),
  kmemleakOrphan("kmemleak-backtrace-crc-orphan", "(crc "),
  {
    id: "reboot",
    header: "Booting the kernel.",
    kind: "reboot",
    type: "REBOOT",
    // A reboot banner printed into the middle of another line is console garbage, not a reboot of this kernel.
    suppress: [/\S.*Booting the kernel\./],
    formats: [{ match: re("Booting the kernel\\."), title: "unexpected kernel reboot", noStackTrace: true }],
  },
  {
    id: "unregister-netdevice",
    header: "unregister_netdevice: waiting for",
    kind: "netdev-refcount",
    // Printed every 10 s by whichever task waits for the device, amid other reports (a hung task's stack on the
    // nodes where both happen): never the end of the report it interrupts (syzkaller's reportStartIgnores).
    interleaves: true,
    formats: [{ match: re("unregister_netdevice: waiting for"), title: "unregister_netdevice: waiting for DEV to become free", noStackTrace: true }],
  },
  {
    id: "trusty-assert",
    header: "ASSERT FAILED at (",
    kind: "panic",
    type: "DoS",
    formats: [
      { match: re("ASSERT FAILED at \\([^)]*\\): (\\S[^\\n]*)"), title: "trusty: ASSERT FAILED: $1", noStackTrace: true },
      { match: re("ASSERT FAILED"), title: "trusty: ASSERT FAILED:", corrupted: "assertion text missing", noStackTrace: true },
    ],
  },
  {
    id: "trusty-panic",
    header: "trusty: panic",
    kind: "panic",
    type: "DoS",
    // `trusty: panic (caller …): ASSERT FAILED at (…)` is an assertion: the assert row names it.
    suppress: [/ASSERT FAILED at \(/],
    formats: [{ match: re("trusty: panic \\(.*?\\):([^\\n]*)"), title: "trusty: panic:$1", noStackTrace: true }],
  },
  // MIPS and LoongArch die() print the trap's name as `%s[#%d]:`; `Oops[#1]:` is the Oops row's. Without
  // CONFIG_DEBUG_BUGVERBOSE (OpenWrt) BUG() prints no `kernel BUG at` line, only `Kernel bug detected[#1]:`, and the
  // skb helpers BUG for their caller; with it, the `kernel BUG at` line above starts the report and this follows it.
  // LoongArch's address exceptions in kernel mode die_if_kernel() by the exception's own name: `Kernel ade access`
  // (address error: a bad or misaligned address the CPU refused), `Kernel ale access` (an unaligned access the kernel
  // does not emulate); the PC is on the `ERA:` row.
  ...(
    [
      ["Kernel bug detected", "bug"],
      ["Unhandled kernel unaligned access", "oops"],
      ["Kernel ade access", "oops"],
      ["Kernel ale access", "oops"],
    ] as const
  ).map(
    ([name, kind]): CrashClass => ({
      id: `mips-die-${name.toLowerCase().replace(/ /g, "-")}`,
      header: `${name}[#`,
      kind,
      type: kind === "bug" ? "BUG" : "DoS",
      secondary: true,
      formats: [{ match: re(`${name}\\[#[0-9]+\\]:`), title: `${name} in {FRAME}`, stack: { ...STACK_DEFAULT, skip: [SKB_DATA_HELPER] } }],
    }),
  ),
  {
    // do_ri()/do_bp() on a kernel-mode trap: `die_if_kernel("Reserved instruction in kernel code")`, `("Break
    // instruction in kernel code")`. One class on the shared tail `kernel code[#`: each name, or `in kernel code[#`,
    // as a prefilter needle of its own let ordinary log lines through the automaton (literal-prefilter.test.ts).
    id: "mips-die-kernel-code",
    header: "kernel code[#",
    kind: "oops",
    type: "DoS",
    secondary: true,
    formats: [{ match: re("(Reserved|Break) instruction in kernel code\\[#[0-9]+\\]:"), title: "$1 instruction in {FRAME}", stack: STACK_DEFAULT }],
  },
  // ia64 die(): `%s[%d]: %s %ld [%d]` — the task, the trap's name, its error code, the die counter. BUG() is a
  // `break 0` the kernel reports as `bugcheck!` (no `kernel BUG at` line); a bad register, operation or instruction
  // as `General Exception: IA-64 … fault (…)`; a NaT-consumption fault by its name. The registers (`psr :`, `ip is at
  // f+…`) and the `Call Trace:` (each frame followed by its `sp=… bsp=…` line) follow. One class per trap name: the
  // shared `]: ` is in every syslog line and no needle.
  ...(
    [
      ["bugcheck!", "bugcheck! -?[0-9]+", "kernel BUG in {FRAME}", "bug"],
      ["General Exception: ", "General Exception: (?:IA-64 )?([^\\n(]*?fault)[^\\n]* -?[0-9]+", "General Exception: $1 in {FRAME}", "oops"],
      ["NaT consumption", "NaT consumption -?[0-9]+", "NaT consumption in {FRAME}", "oops"],
    ] as const
  ).map(
    ([header, trap, title, kind]): CrashClass => ({
      id: `ia64-die-${header.replace(/[^A-Za-z]+/g, "-").replace(/-$/, "").toLowerCase()}`,
      header,
      kind,
      type: kind === "bug" ? "BUG" : "DoS",
      formats: [{ match: re(`\\S\\[[0-9]+\\]: ${trap} \\[[0-9]+\\]`), title, stack: STACK_DEFAULT }],
    }),
  ),
  {
    // arm64: an asynchronous external abort (SError) is fatal: `SError Interrupt on CPU3, code 0xbe000011 -- SError`,
    // the interrupted code's registers (`pc :`), then the `Asynchronous SError Interrupt` panic (this report's tail).
    // syzkaller has no rule for it; titled like `Internal error in F`.
    id: "arm64-serror",
    header: "SError Interrupt on CPU",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("SError Interrupt on CPU[0-9]+, code 0x[0-9a-f]+"), title: "SError Interrupt in {FRAME}", stack: stack([RIP_SECTION, CALL_TRACE_SECTION], { skip: SERROR_PATH_SKIP }) }],
  },
  {
    id: "arm-internal-error",
    header: "Internal error:",
    kind: "oops",
    type: "DoS",
    secondary: true,
    formats: [
      // A BUG() trap whose `kernel BUG at` line was not printed (CONFIG_DEBUG_BUGVERBOSE off) or was lost: still a BUG.
      { match: re("Internal error: Oops - BUG: "), title: "Internal error in {FRAME}", alt: BAD_ACCESS, kind: "bug", type: "BUG", stack: STACK_DEFAULT },
      { match: re("Internal error:"), title: "Internal error in {FRAME}", alt: BAD_ACCESS, stack: STACK_DEFAULT },
    ],
  },
  {
    // s390 die() after a program check names the interruption: `illegal operation: 0001 ilc:1 [#1] SMP`,
    // `specification exception: 0006 ilc:2 [#1]`, `translation exception: 0011 ilc:3 [#1]`; the faulting function
    // is on `Krnl PSW : … (function+off/size [module])`. A paging fault's die line is `Oops: 0004 ilc:2 [#1]` (the
    // Oops row, after its `Unable to handle kernel pointer dereference` header). BUG() traps too, so the die line also
    // follows `kernel BUG at f.c:N!` (`illegal operation: 0001 ilc:1`, and since BUG() became a monitor call
    // `monitor event: 0040 ilc:2 [#1]`): the BUG's own follow-up line, as x86's `invalid opcode`, not a second report.
    id: "s390-program-check",
    header: " ilc:",
    kind: "oops",
    type: "DoS",
    secondary: true,
    suppress: [/Oops: [0-9a-f]{4} ilc:/],
    formats: [{ match: re("([a-z][a-z -]*[a-z]): [0-9a-f]{4} ilc:[0-9] \\[#[0-9]+\\]"), title: "$1 in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // Before 4.x (RHEL 7's 3.10, SLES 12) the s390 die() line had no `ilc:` (`Unknown program exception: 0028 [#1] SMP`,
    // `specification exception: 0006 [#1]`), so it holds no literal of its own; the `Krnl PSW` line that follows every
    // s390 die() does, and the report starts at the die line above it. Only a PSW outside any report (a WARNING's or a
    // paging fault's PSW is inside theirs), and only under such a line: a PSW alone is a register dump, not a report.
    id: "s390-program-check-old",
    header: "Krnl PSW",
    kind: "oops",
    type: "DoS",
    orphanOnly: true,
    startsAt: { line: S390_OLD_DIE_LINE, within: 8, required: true },
    formats: [{ match: S390_OLD_DIE_LINE, title: "$1 in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    // parisc kernel-mode faults (arch/parisc/mm/fault.c → parisc_terminate): `Bad Address (null pointer deref?):
    // Code=26 (Data memory access rights trap) at addr 0000000000000000` below a page, `Page fault: bad address:
    // Code=… at addr f8c00000` above; the registers follow with the PC on `IAOQ[0]: f+off/size`, then `Backtrace:`,
    // and parisc_terminate() panics with the same message. handle_interruption() (arch/parisc/kernel/traps.c) calls it
    // with `Kernel Fault` for a kernel-mode trap on a kernel address it cannot fix up (`Kernel Fault: Code=26 (Data
    // memory access rights trap) at addr 0000000000000060`): no NULL hint in the message, so the address decides, as
    // for every architecture's fault (first page: NULL dereference). Any other `Code=` line is no report.
    id: "parisc-fault",
    header: "Code=",
    kind: "oops",
    type: "DoS",
    formats: [
      { match: re("Bad Address \\(null pointer deref\\?\\): Code=[0-9]+ \\("), ...NULL_DEREF_FAULT },
      { match: re("Page fault: bad address: Code=[0-9]+ \\("), ...PAGING_REQUEST_FAULT },
      { match: re("Kernel Fault: Code=[0-9]+ \\([^)\\n]*\\) at addr\\s+0*[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      { match: re("Kernel Fault: Code=[0-9]+ \\("), ...PAGING_REQUEST_FAULT },
    ],
  },
  {
    // parisc die_if_kernel() (arch/parisc/kernel/traps.c) for a trap with an error code prints a cow saying `< Your
    // System ate a SPARC! Gah! >`, then `<comm> (pid N): <message> (code N)` (`Spinlock was trashed`, the lightweight
    // spinlock check's break; `Unaligned data reference`), then the registers with the PC on `IAOQ[0]` and `Backtrace:`.
    // The message is the only name the trap has: an oops titled by it. BUG() passes no code (no cow, no line): the
    // `kernel BUG at` row reads those, and parisc_terminate()'s faults are parisc-fault's.
    id: "parisc-die",
    header: "System ate a",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("ate a SPARC! Gah! >(?:.*\\n){1,8}?.*\\(pid [0-9]+\\): ([^\\n]*?) \\(code [0-9]+\\)"), title: "$1 in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    id: "arm-unhandled-fault",
    header: "Unhandled fault:",
    kind: "oops",
    type: "DoS",
    formats: [
      // 32-bit ARM's software PAN (CONFIG_CPU_SW_DOMAIN_PAN) keeps user space in a domain the kernel may not touch, so
      // a kernel access through a NULL-based pointer is a domain fault on a first-page address (`Unhandled fault: page
      // domain fault (0x01b) at 0x00000008`), as arm64's software PAN makes it a permission fault (the arm-null row):
      // nothing is mapped there, so it is a NULL dereference. syzkaller keeps the `Unhandled fault in F` title and its
      // DoS type for it, so only the kind changes. Other unhandled faults keep `oops`: an imprecise external abort
      // prints `at 0x00000000` because the address is unknown, not because it was 0.
      {
        match: re("Unhandled fault: (?:section|page) domain fault \\(0x[0-9a-f]+\\) at 0x0*[0-9a-f]{1,3}\\b"),
        title: "Unhandled fault in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", stack: STACK_DEFAULT,
      },
      { match: re("Unhandled fault:"), title: "Unhandled fault in {FRAME}", alt: BAD_ACCESS, stack: STACK_DEFAULT },
    ],
  },
  {
    id: "arm-alignment-trap",
    header: "Alignment trap:",
    kind: "oops",
    type: "DoS",
    formats: [{ match: re("Alignment trap:"), title: "Alignment trap in {FRAME}", stack: STACK_DEFAULT }],
  },
  {
    id: "oops",
    header: "Oops",
    kind: "oops",
    secondary: true,
    suppress: [/Oops(?:!| -)? *$/],
    // Since 6.10 x86 prefixes the die() message with `Oops: ` (`Oops: general protection fault, …`): any more
    // specific header on the same line wins.
    weak: true,
    // Pre-4.15 x86 printed the faulting `IP:` (and the page-table walk) between the fault's header and the die line:
    // an oops whose header a paste cut starts there, so its faulting function is read.
    startsAt: { line: X86_FAULT_PREAMBLE, within: 6, earliest: true },
    formats: [
      // `Oops: 0000 [#1]`, `Oops - BUG: …`, ppc `Oops: Kernel access of bad area` (2.4: `kernel access`, no `[#1]`), riscv `Oops [#1]`; not
      // `Oops: efitime: can't read time!`
      { match: re("Oops: Kernel stack overflow"), title: "kernel stack overflow in {FRAME}", alt: ["stack-overflow in {FRAME}"], type: "DoS", stack: STACK_DEFAULT },
      // A page fault whose header was cut: the `#PF:` lines say it was one, the fault address (CR2) which. Without
      // CR2 it is the general case, a paging request.
      {
        match: re(`${CUT_PAGE_FAULT("kernel")}(?:.*\\n)+?.*CR2: 0{13}[0-9a-f]{3}\\b`),
        title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE", stack: STACK_DEFAULT,
      },
      { match: re(CUT_PAGE_FAULT("kernel")), title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT },
      { match: re(CUT_PAGE_FAULT("user")), title: "BUG: unable to handle kernel access to user memory in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT },
      // Cut one line lower (only the `#PF: error_code` line left): after the rows above, so a report that kept its
      // access line is read by it; the die line of an oops is kernel mode, CR2 again says NULL or not.
      {
        match: re(`${CUT_PAGE_FAULT_CODE}(?:.*\\n)+?.*CR2: 0{13}[0-9a-f]{3}\\b`),
        title: "BUG: unable to handle kernel NULL pointer dereference in {FRAME}", alt: BAD_ACCESS, kind: "null-deref", type: "NULL-POINTER-DEREFERENCE", stack: STACK_DEFAULT,
      },
      { match: re(CUT_PAGE_FAULT_CODE), title: "BUG: unable to handle kernel paging request in {FRAME}", alt: BAD_ACCESS, kind: "paging-fault", type: "MEMORY_SAFETY_BUG", stack: STACK_DEFAULT },
      // LoongArch die() whose fault line (`CPU 0 Unable to handle kernel paging request at virtual address …, era ==
      // …`, the arm-null row) the paste left out: the exception status still names a page fault (`ESTAT: 00010000
      // [PIL] (IS= ECode=1 …)`: PIL/PIS/PIF/PME/PNR/PNX/PPI, the load/store/fetch/modify/no-read/no-exec/privilege page
      // exceptions) and the next line's `BADV:` holds the address: in the first page a NULL dereference.
      { match: re("Oops\\[#[0-9]+\\]:(?:.*\\n){1,40}?.*ESTAT: [0-9a-f]+ \\[(?:PIL|PIS|PIF|PME|PNR|PNX|PPI)\\][^\\n]*\\n.*BADV: 0*[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      { match: re("Oops\\[#[0-9]+\\]:(?:.*\\n){1,40}?.*ESTAT: [0-9a-f]+ \\[(?:PIL|PIS|PIF|PME|PNR|PNX|PPI)\\]"), ...PAGING_REQUEST_FAULT },
      // powerpc's die() for a kernel fault on a bad address (arch/powerpc/mm/fault.c: `Oops: Kernel access of bad
      // area, sig: 11 [#1]`, sig 7 for a bus error) whose alert line (`BUG: Kernel NULL pointer dereference on read
      // at 0x…`, `Unable to handle kernel paging request for data at address …` before 5.5) the post does not carry:
      // the register dump of a data storage/segment interrupt (`TRAP: 0300`, `0380`) still holds the address, `DAR:`
      // (`DEAR:` on BookE). In the first page it is a NULL dereference; any other address stays the plain oops row.
      { match: re("Oops: Kernel access of bad area[^\\n]*\\n(?:.*\\n){0,40}?.*\\bTRAP: 03[08]0\\b(?:.*\\n){0,8}?.*\\bDE?AR: 0*[0-9a-f]{1,3}\\b"), ...NULL_DEREF_FAULT },
      // MIPS and LoongArch die(): `Oops[#1]:`; riscv names the trap: `Oops - illegal instruction [#1]`,
      // `Oops - store (or AMO) access fault [#1]`. The trap names are short: bounded, a line of many `Oops - ` without
      // ` [#` costs each a bounded scan, not the rest of the line (quadratic over the report's 200 lines).
      { match: re("Oops(?::? ?\\[#[0-9]+\\]|: [0-9a-f]{4,}|: [Kk]ernel access|: Exception in kernel mode| - [A-Za-z]+:? [0-9a-f]+| - [^\\n\\[]{1,64} \\[#[0-9]+\\]|: [a-z ]+: [0-9a-f]{4} \\[#)"), title: "Oops in {FRAME}", stack: STACK_DEFAULT },
    ],
  },
  {
    id: "syzfail",
    header: "SYZFAIL:",
    kind: "other",
    type: "SYZ_FAILURE",
    formats: [{ match: re("SYZFAIL: ([^\\n]*)"), title: "SYZFAIL: $1", noStackTrace: true }],
  },
  {
    id: "vfs-close",
    header: "VFS: Close: file count is ",
    kind: "bug",
    // syzkaller's crash type for it: the kernel stops the close, the box is what suffers
    type: "DoS",
    formats: [{ match: re("VFS: Close: file count is (?:zero|0)"), title: "VFS: Close: file count is zero (use-after-free)", noStackTrace: true }],
  },
  {
    // Rust's panic handler prints `rust_kernel: panicked at file.rs:L:C:` and the message, then dies through
    // `kernel BUG at rust/helpers/bug.c` (rust_helper_BUG): that BUG and its oops are this report's own tail. The
    // function that panicked is the first frame under core's panicking machinery.
    id: "rust-panic",
    header: "rust_kernel: panicked",
    kind: "panic",
    continuedBy: [/kernel BUG at rust\/helpers\/bug\.c/],
    formats: [
      {
        match: re("panicked at [^\\n]*:\\n?([a-z ]+ with overflow)"), ...RUST_PANIC_MESSAGE_TITLE,
      },
      {
        // Any other panic message (`called \`Option::unwrap()\` on a \`None\` value`, `index out of bounds: the len is
        // 8 but the index is 10`): syzkaller titles every Rust panic by its message line and the panicking function.
        // Without this row a message that is no overflow left the report untitled, and the arm64 `Internal error:
        // Oops - BUG` it dies through was read as a report of its own ("Internal error in corrupted"). The message
        // is the line after `panicked at file.rs:L:C:`; a panic without one goes straight to the BUG, not a message.
        match: re("panicked at [^\\n]*:\\n[ \\t]*(?!-+\\[ cut here|kernel BUG at|Oops|Internal error)([^\\n]*\\S)"),
        ...RUST_PANIC_MESSAGE_TITLE,
      },
    ],
  },
  {
    // warn_alloc(): `chrome: page allocation failure: order:5, mode:0x24040c0(GFP_KERNEL|__GFP_COMP)`, then the
    // task line, a call trace and a Mem-Info dump. Not a bug but memory pressure or fragmentation: the one-line
    // problem event (events/problem-events.ts) names it, and this row reads its stack so the finding can say who
    // asked for the memory (triage attaches it to the event). Only a report when a stack follows.
    id: "page-alloc-failure",
    header: "page allocation failure:",
    kind: "page-alloc-failure",
    formats: [
      {
        match: re("page allocation failure: order:([0-9]+)"), title: "page allocation failure: order:$1", alt: ["page allocation failure in {FRAME}"],
        needsStackNearby: true,
        // Past the generic allocators, the network stack's buffer helpers also only pass the request on: the skb
        // allocators, the page-fragment allocator and its per-CPU wrappers (`netdev_alloc_frag`, `napi_alloc_frag`,
        // `__netdev_alloc_frag_align`: a driver refilling its RX ring calls them, `mtk_rx_alloc` is the one that asked).
        stack: stack([CALL_TRACE_SECTION], { skip: [/^__?(?:netdev|napi)?_?alloc_skb/, /^alloc_skb/, /page_frag/, /^_*(?:netdev|napi)_alloc_frag/, /^sock_alloc_send/, /^skb_page_frag_refill/] }),
      },
    ],
  },
  {
    id: "mce",
    header: "Machine Check",
    kind: "mce",
    // Only `Machine Check Exception` starts a report (its one format): a logged, corrected record (`CPU 1: Machine
    // Check: 0 Bank 0: 9000…`, problem-events' `MCE: hardware error`) is no report, and as an open report with no
    // title it would take a later panic (`Timeout: Not all CPUs entered broadcast exception handler`) as its tail.
    suppress: [/Machine check events logged/, /mce: \[Hardware Error\]: Machine check events logged/, /^(?!.*Machine Check Exception)/],
    formats: [{ match: re("Machine Check Exception"), title: "Machine Check Exception", noStackTrace: true }],
  },
  {
    // powerpc's die() for a machine check it cannot recover from (`Oops: Machine check, sig: 7 [#1]`, then the
    // register dump, trap 0x200): the hardware is to blame, as for x86's `Machine Check Exception`. In early boot
    // the queued MCE event that would name the failing unit is never printed, so this line is all there is.
    id: "mce-powerpc",
    // Without `Oops: `: the scanner's byte prefilter plans this needle into a bucket common log words do not reach.
    header: "Machine check, sig:",
    kind: "mce",
    formats: [{ match: re("Machine check, sig: [0-9]+"), title: "Machine Check Exception", noStackTrace: true }],
  },
];

/**
 * `crash` utility `PANIC: "…"` whose message is no known header (`SysRq : Trigger a crash`): a kernel panic
 * with that message. Not in CLASSES: classifyLine falls back to it for crash lines only.
 */
export const CRASH_PANIC_CLASS: CrashClass = {
  id: "crash-panic",
  header: 'PANIC: "',
  kind: "panic",
  formats: [{ match: /^\s*(\S[^\n]*?)\s*$/m, title: "kernel panic: $1", stack: { sections: [CALL_TRACE_SECTION] } }],
};

/**
 * Lines that open a window for the `windowOnly` classes: a stack's section line (a needle already, the headless hung
 * task's header) and the `dump_stack` frame every report printed through dump_stack() carries (ARM's old unwinder
 * printed no section line).
 */
const WINDOW_OPENERS: readonly string[] = ["Call Trace:", "Call trace:", "dump_stack"];
/** Report triggers that are not a class header: the crash utility's `bt` task line opens a report window too. */
const EXTRA_REPORT_TRIGGERS: readonly string[] = [String.raw`PID: \d+ +TASK: `, ...WINDOW_OPENERS];

/** Headers up to this long that start with a letter are common words in other programs' logs. */
const SHORT_HEADER_CHARS = 8;

/**
 * Any line that can start a report holds one of these: every class header (and the crash utility's), generated from
 * the table so a new class needs no second edit. The scanner's byte prefilter plans its needles from it.
 * Short headers that are ordinary words must start a word, and those ending in a colon are followed by the space
 * the kernel prints: an application's `DEBUG` line is no `BUG`, Python's `WARNING:urllib3:` and a driver's
 * `CAM_INFO:` no report. Longer headers need no word start: when two CPUs print at once a header can follow another
 * message's last word without a space (`…user memory accessgeneral protection fault: 0000`).
 */
export const REPORT_PREFILTER = new RegExp(
  [...[...CLASSES, CRASH_PANIC_CLASS].filter((c) => !c.windowOnly).map((c) => prefilterNeedle(c.header)), ...EXTRA_REPORT_TRIGGERS].join("|"),
);

/**
 * A line of a window that starts a report: `REPORT_PREFILTER`, or an x86 page-fault oops head written while another
 * CPU's stack dump still had its line open (pre-4.10 `Stack:` words are pr_cont output, so the head lands right after
 * a hex word: `0000000000000000BUG: unable to handle kernel`). The `BUG:` class header alone must start a word
 * (`DEBUG:`); the glued head is told by its longer form here only, not by the scanner's byte needles: the `Oops:`
 * line the kernel prints a few lines below it opens the window.
 */
export const REPORT_LINE_TRIGGER = new RegExp(
  [REPORT_PREFILTER.source, "BUG: unable to handle kernel", ...CLASSES.filter((c) => c.windowOnly).map((c) => escapeLiteral(c.header))].join("|"),
);

function prefilterNeedle(header: string): string {
  if (!/^[A-Za-z]/.test(header) || header.length > SHORT_HEADER_CHARS) return escapeLiteral(header);
  return "\\b" + escapeLiteral(header.endsWith(":") ? `${header} ` : header);
}
