/**
 * Choosing the guilty frame: the function a report blames. The default is the first reliable frame that is not
 * generic (see generic-frames.ts). Stalls and hung tasks need their own rules because their stacks show a
 * victim rather than the culprit.
 */
import type { Frame, FrameContext } from "../types";
import { cleanFunctionName } from "./title";
import { GENERIC_FILES, isGenericFrame, isLockingFrame } from "./generic-frames";

export type GuiltyMode = "default" | "stall" | "hang";

export type SelectGuiltyOptions = {
  mode?: GuiltyMode;
  /** Extra class-specific patterns to skip (e.g. `refcount` for refcount WARNINGs). */
  skip?: readonly RegExp[];
  /** Stall mode: return only a frame found through a dispatch anchor (the caller tries other stack sections). */
  anchoredOnly?: boolean;
  /**
   * Stall mode: the frames start below the timer interrupt the stall check ran in (no detector frames to strip), and
   * an anchor on top of them names itself (`__do_softirq`: the CPU was interrupted in the softirq loop), as syzkaller's
   * extractor does.
   */
  afterTimerEntry?: boolean;
  /** Stall mode: a stack that starts in a lock primitive names the lock's taker (StackRule.lockTaker). */
  lockTaker?: boolean;
  /** `skip` applies to module frames too (StackRule.skipInModules). */
  skipInModules?: boolean;
  /** Generic frames the class names all the same (StackRule.named). */
  named?: readonly RegExp[];
};

/**
 * Dispatch anchors for stalls: a CPU stuck in a loop shows a random function inside the loop, so the stable
 * identity is the function just above the point where the work was dispatched (the syscall, the socket op,
 * the work item). For `smp_call_function*` the anchor itself is the interesting function.
 */
const STALL_ANCHORS: readonly RegExp[] = [
  // generic dispatchers (and some of their callers, in case a name changes)
  /process_one_work/, /do_syscall_/, /do_fast_syscall_/, /sysenter_dispatch/, /tracesys_phase2/, /el0_svc_handler/,
  /invoke_syscall/, /ret_fast_syscall/, /netif_receive_skb/, /do_softirq/, /call_timer_fn/, /_run_timers/,
  // sparc64's syscall entry (the trap table jumps to it; the handler is called straight from it)
  /^linux_sparc_syscall(?:32)?$/,
  /run_timer_softirq/, /hrtimer_run/, /run_ksoftirqd/, /smpboot_thread_fn/, /^kthread$/, /start_secondary/,
  /cpu_startup_entry/, /ret_from_fork/,
  // discriminating file and socket operations: the function above them names the driver/protocol
  /vfs_write/, /vfs_read/, /vfs_iter_read/, /vfs_iter_write/, /do_iter_read/, /do_iter_write/, /call_read_iter/,
  /call_write_iter/, /new_sync_read/, /new_sync_write/, /vfs_ioctl/, /ksys_ioctl/, /compat_ioctl/, /compat_sys_ioctl/,
  /blkdev_driver_ioctl/, /blkdev_ioctl/, /do_iter_readv_writev/, /^call_mmap/, /mmap_region/, /do_mmap/,
  /do_dentry_open/, /vfs_open/, /^sock_sendmsg/, /^sock_recvmsg/, /^sock_release/, /^__sock_release/, /^setsockopt$/,
  /kernel_setsockopt/, /sock_common_setsockopt/, /^listen$/, /kernel_listen/, /sk_common_release/, /^sock_mmap/,
  /^accept$/, /kernel_accept/, /^sock_do_ioctl/, /^sock_ioctl/, /^compat_sock_ioctl/, /^nfnetlink_rcv_msg/,
  /^rtnetlink_rcv_msg/, /^netlink_dump/, /^(?:sys_)?(?:socketpair|connect|ioctl)/,
  // 4.17+ net/socket.c's syscall bodies: the protocol's handler is called from them directly (`packet_setsockopt`
  // under `__sys_setsockopt`, `inet_stream_connect` under `__sys_connect`), and the names are not the wrappers
  // cleanFunctionName strips, so the stall would be bucketed by the syscall body instead of the protocol.
  /^__sys_(?:setsockopt|listen|accept|socketpair|connect)/, /^(?:compat_)?(?:___?sys|ksys)_(?:socketpair|connect|ioctl)/,
  // page faults and the return-to-user callbacks
  /__do_fault/, /do_page_fault/, /^page_fault$/, /__fput/, /task_work_run/, /exit_to_usermode/, /exit_to_user_mode/,
  /smp_call_function/, /tasklet_action/, /tasklet_hi_action/,
  // a device interrupt handler's dispatch: the stall detector landed in the handler (an interrupt storm), which it names
  /^handle_IRQ_event$/, /^_*handle_irq_event(?:_percpu)?$/,
];

/** The anchors as one alternation: every frame of a stall is tested against all of them, twice. */
const STALL_ANCHOR = new RegExp(STALL_ANCHORS.map((re) => `(?:${re.source})`).join("|"));

/** The stall bucket for every `smp_call_function*`: the stall waits for other CPUs, whichever variant sent the call. */
export const STALL_CROSS_CALL_BUCKET = "smp_call_function";

/**
 * The stall detectors: RCU and the softlockup watchdog in the timer interrupt, the hardlockup watchdog in the perf
 * NMI (`watchdog_overflow_callback`, `watchdog_hardlockup_check`); their frames, down to the interrupt's entry
 * (the timer IRQ's, or the NMI's `do_nmi`/`end_repeat_nmi`/`exc_nmi`), are the detector, not the looping code.
 */
// The NMI a detector sends to fetch a stalled CPU's stack (`nmi_cpu_backtrace`, `nmi_cpu_backtrace_handler`) is the
// detector's too: its frames (`nmi_handle`, `default_do_nmi`) down to the NMI's entry are not the looping code, which a
// dump without `<NMI>` markers (a trimmed or decode_stacktrace paste) shows only below `end_repeat_nmi`/`exc_nmi`.
const STALL_DETECTOR = /^_*rcu_|update_process_times|watchdog_timer_fn|print_cpu_stall|tick_sched|check_cpu_stall|softlockup|^watchdog_overflow_callback$|^watchdog_hardlockup_check$|^nmi_cpu_backtrace/;
// 2.6-era i386 took the timer tick through the device IRQ path: `timer_interrupt` ← `do_IRQ` ← `common_interrupt`.
const STALL_DETECTOR_EXIT = /apic_timer_interrupt$|^sysvec_apic_timer_interrupt$|^asm_sysvec_apic_timer_interrupt$|^arch_timer_handler|^handle_percpu_devid_irq$|^gic_handle_irq$|^do_nmi$|^end_repeat_nmi$|^(?:asm_)?exc_nmi$|^common_interrupt$/;

/** The tick's path from the timer interrupt to the detectors (hrtimer expiry, the scheduler tick). */
const STALL_TICK_PATH = /^_*hrtimer_(?:run_queues|interrupt)$|^tick_|^update_process_times$/;

/** A subsystem's wrapper around a lock primitive: what a CPU spinning on the lock is inside of, not who took it. */
const LOCK_WRAPPER = /_(?:un)?lock(?:_irq|_irqsave|_bh|_nested)?$/;

/**
 * Hung tasks: shared buckets (a stuck RCU or RTNL hangs tasks all over the kernel). Every RCU grace-period wait is one
 * bucket, by name as syzkaller matches it (`__synchronize_srcu`, `synchronize_sched_expedited`,
 * `synchronize_rcu_tasks_generic`); the RTNL's are its lock functions only.
 */
const HANG_BUCKETS: ReadonlyArray<{ bucket: string; matches: (fn: string) => boolean }> = [
  { bucket: "synchronize_rcu", matches: (fn) => /synchronize_(?:rcu|srcu|sched|net)/.test(fn) },
  { bucket: "rtnl_lock", matches: (fn) => fn === "rtnl_lock" || fn === "rtnl_lock_killable" || fn === "rtnl_net_lock" },
];

/**
 * Hung tasks: substrings of functions that are just the waiting machinery (syzkaller's list, then ours). Sleeping is
 * named by its primitives only: a subsystem's own wait that has `sleep` in its name (`inode_sleep_on_writeback`) is
 * where the task hangs, as syzkaller titles it.
 */
const HANG_SKIP = [
  "sched", "_lock", "_slowlock", "down", "rwsem", "completion", "kthread", "wait", "synchronize", "context_switch",
  "__switch_to", "cancel_delayed_work", "rcu_barrier", "flush_work", "io_schedule", "msleep", "usleep", "ssleep",
  "nanosleep", "sleep_on_buffer", "sleep_on_page", "mutex", "freezer", "ret_from_fork", "lock_page", "folio_lock",
  "wait_on_page", "wait_on_folio", "folio_wait", "wait_on_bit",
  // 2.6-era wait_on_bit() actions: the buffer or page the task sleeps on, not why
  "sync_buffer", "sync_page",
  // a wake-up is never where a task sleeps: stale `? default_wake_function`/`? wake_up_atomic_t` guesses under it
  "wake_up", "wake_function",
  // nor a clock read: io_schedule()'s delay accounting and the scheduler read the clock on the way to sleep, and
  // kernels without frame pointers leave `? ktime_get`/`? read_tsc`/`? pvclock_clocksource_read` guesses above the waiter
  "ktime_get", "read_tsc", "pvclock_", "clocksource_read",
  // schedule()'s own load balancing and runqueue work: a sleeping task never hangs in it, but 2.6-era traces (no `?`
  // marks) show its stale return addresses above the real caller (`find_busiest_group` over `jbd2_journal_commit_transaction`)
  "find_busiest_", "load_balance", "pick_next_task", "put_prev_task", "dequeue_task", "deactivate_task",
];

/**
 * Hung tasks: generic frames (generic-frames.ts) that syzkaller's hang rule, which skips only the waiting machinery,
 * names: where the task sleeps, not a helper that only noticed someone else's bug.
 * - the page-fault handlers a task sleeps in when it faults on user memory and waits for the mm's lock (mmap_sem/
 *   mmap_lock: `down_read` under `do_page_fault`, `do_user_addr_fault`); elsewhere they are exception entry, run because
 *   something else faulted;
 * - the socket lock's wait (`__lock_sock`, a `_lock` wait, under `lock_sock_nested`, `lock_sock_fast`): syzkaller's
 *   "INFO: task hung in lock_sock_nested", whoever holds the socket; elsewhere a lock primitive.
 */
const HANG_NAMED_GENERIC = /^(?:__)?do_page_fault$|^do_user_addr_fault$|^lock_sock_(?:nested|fast)$/;

/**
 * Out-of-tree wait primitives that stand for schedule()/wait_event(): the Solaris Porting Layer's condition variables
 * under ZFS (`cv_wait_common [spl]`, `__cv_wait_io [spl]`, `__cv_timedwait_hires`), bcachefs' six locks and, before
 * 6.7 moved them to lib/ and again since the module left the tree (6.18: `__bch2_closure_sync_timeout [bcachefs]`),
 * its closures (`six_lock_slowpath [bcachefs]`, `__closure_sync [bcachefs]`). Module frames
 * are otherwise kept (a module's own wait, like jbd2_log_wait_commit, is where the task hangs).
 */
const HANG_MODULE_PRIMITIVE = /^_*cv_(?:timed)?wait|^_{0,2}six_(?:lock|relock|trylock)|^_{0,2}(?:bch2_)?closure_sync(?:_timeout)?$/;

/** A frame the unwinder could not name (`0xffffffffdeadbeef`: a jump to garbage, code without symbols): never the culprit's name. */
const UNNAMED_FRAME = /^(?:0x)?[0-9a-f]{6,}$/;

/**
 * Kernel header inlines a module's compiler emitted out of line: they carry the module's name (`might_fault+0x1c/0x23
 * [lzfs]` under a 2.6 `sleeping function called from invalid context`, `kref_put [foo]`, list.h's helpers) but are the
 * kernel's checkers and plumbing, not the module's code, so the module frame after them is the one to blame.
 */
const MODULE_COPY_OF_KERNEL_INLINE = /^(?:_{0,3}might_(?:fault|sleep)|kref_(?:get|put)\w*|__list_(?:add|del)\w*|list_(?:add|del)\w*)$/;

/**
 * Out-of-tree report machinery: the Solaris Porting Layer prints ZFS's failed assertions through its own dump and
 * panic helpers (`spl_debug_dumpstack [spl]`, `spl_debug_bug [spl]`, 0.7+ `spl_dumpstack`, `spl_panic`), on top of
 * the function whose VERIFY failed. Like the kernel's dump_stack and panic, they are never the culprit.
 */
const MODULE_REPORT_MACHINERY = /^spl_(?:debug_)?(?:dumpstack|bug)$|^spl_panic$/;

/** A module's own function: a module frame, unless it is the module's copy of a kernel header inline. */
const isModuleCode = (f: Frame, fn: string): boolean => f.module !== undefined && f.module !== "" && !MODULE_COPY_OF_KERNEL_INLINE.test(fn);

function usable(f: Frame, extraSkip: readonly RegExp[], skipInModules = false, named: readonly RegExp[] = NO_SKIP): boolean {
  if (!f.reliable || UNNAMED_FRAME.test(f.function)) return false;
  const fn = cleanFunctionName(f.function);
  if (MODULE_REPORT_MACHINERY.test(fn)) return false;
  if (isModuleCode(f, fn)) return !(skipInModules && extraSkip.some((re) => re.test(fn)));
  if (isGenericFrame(fn) && !named.some((re) => re.test(fn))) return false;
  return !extraSkip.some((re) => re.test(fn));
}

/**
 * Contexts a report can be raised in on top of an interrupted task. Their stack ends where the CPU returns to the task
 * (`<EOI>`, `</IRQ>`, `</NMI>`, `<<EOE>>`): the frames after that are the task the interrupt happened to land in, not
 * the callers of the code that reported (a WARN in do_IRQ names whichever process was running, each time another).
 */
const INTERRUPT_CONTEXTS: ReadonlySet<FrameContext> = new Set<FrameContext>(["irq", "softirq", "nmi"]);

/** The frames of the context the report was raised in: up to the return to the interrupted task, when it was an interrupt. */
function raisedContext<T extends { f: Frame }>(frames: readonly T[]): readonly T[] {
  const first = frames.findIndex(({ f }) => f.context !== undefined);
  if (first < 0 || !INTERRUPT_CONTEXTS.has(frames[first].f.context!)) return frames;
  const back = frames.findIndex(({ f }, i) => i > first && f.context === "task");
  return back < 0 ? frames : frames.slice(0, back);
}

const NO_SKIP: readonly RegExp[] = [];
/** Choices already made, per skip list, by mode and the frames' names, modules and reliability (all the choice reads). */
const CHOSEN = new WeakMap<readonly RegExp[], Map<string, string | undefined>>();
const MAX_CHOSEN = 4096;
const MAX_CHOSEN_KEY = 2048;

/**
 * Returns the guilty function name (cleaned) or undefined when every frame is generic or unreliable. A crash storm
 * asks again and again about the same stack: the choice is remembered per skip list and stack.
 */
export function selectGuiltyFrame(frames: readonly Frame[], opts: SelectGuiltyOptions = {}): string | undefined {
  const skip = opts.skip ?? NO_SKIP;
  let chosen = CHOSEN.get(skip);
  if (!chosen) CHOSEN.set(skip, (chosen = new Map()));
  let key = `${opts.mode ?? "default"}|${opts.anchoredOnly ? 1 : 0}|${opts.afterTimerEntry ? 1 : 0}|${opts.lockTaker ? 1 : 0}|${opts.skipInModules ? 1 : 0}|${opts.named?.map((re) => re.source).join("|") ?? ""}`;
  for (const f of frames) key += `\u0000${f.reliable ? 1 : 0}${f.module ? 1 : 0}${f.inlined ? 1 : 0}${f.function}`;
  const hit = chosen.get(key);
  if (hit !== undefined || chosen.has(key)) return hit;
  const choice = chooseGuiltyFrame(frames, { mode: opts.mode, skip, anchoredOnly: opts.anchoredOnly, afterTimerEntry: opts.afterTimerEntry, lockTaker: opts.lockTaker, skipInModules: opts.skipInModules, named: opts.named });
  if (key.length <= MAX_CHOSEN_KEY) {
    if (chosen.size >= MAX_CHOSEN) chosen.clear();
    chosen.set(key, choice);
  }
  return choice;
}

function chooseGuiltyFrame(frames: readonly Frame[], opts: SelectGuiltyOptions & { skip: readonly RegExp[] }): string | undefined {
  const skip = opts.skip;
  const reliable = frames.filter((f) => f.reliable && !f.inlined).map((f) => ({ f, fn: cleanFunctionName(f.function) }));
  // The frames a culprit is looked for in: a stall's without its detector's.
  let searched: readonly { f: Frame; fn: string }[] = reliable;
  if (opts.mode === "hang") {
    for (const { fn } of reliable) {
      for (const b of HANG_BUCKETS) if (b.matches(fn)) return b.bucket;
    }
    const pick = (list: readonly Frame[]) => {
      for (const f of list) {
        const fn = cleanFunctionName(f.function);
        // A ZFS thread whose VERIFY failed sleeps in spl_panic forever: it hangs in the function that asserted.
        if (MODULE_REPORT_MACHINERY.test(fn)) continue;
        if (isModuleCode(f, fn) && !HANG_MODULE_PRIMITIVE.test(fn)) return fn;
        if (HANG_SKIP.some((s) => fn.includes(s))) continue;
        if ((isGenericFrame(fn) && !HANG_NAMED_GENERIC.test(fn)) || skip.some((re) => re.test(fn))) continue;
        return fn;
      }
      return undefined;
    };
    return pick(reliable.map(({ f }) => f));
  }
  if (opts.mode === "stall") {
    // The stall detector runs in the timer interrupt: frames down to the interrupt entry are the detector
    // (rcu_*, update_process_times, tick_*, hrtimer_*), not the looping code.
    // Only when the detector is on top of the stack (a panic stack printed after the task's stack is not);
    // the first interrupt entry below it ends the detector (a second one is a nested interrupt of the loop).
    const firstDetector = opts.afterTimerEntry ? -1 : reliable.findIndex(({ fn }) => STALL_DETECTOR.test(fn));
    const entry = firstDetector >= 0 && firstDetector < 8 ? reliable.findIndex(({ fn }, i) => i > firstDetector && STALL_DETECTOR_EXIT.test(fn)) : -1;
    // A stack cut inside the tick (a paste that ends before the interrupt's entry) holds only the detector: the
    // frames above it are its callees or stale guesses (3.x `? update_vsyscall` over `? __rcu_pending`), and the
    // interrupted code was cut, so nothing names the loop.
    if (firstDetector >= 0 && firstDetector < 8 && entry < 0 && reliable.slice(firstDetector).every(({ fn }) => STALL_DETECTOR.test(fn) || STALL_TICK_PATH.test(fn))) {
      return undefined;
    }
    const detected = entry >= 0;
    let end = entry;
    while (detected && end + 1 < reliable.length && STALL_DETECTOR_EXIT.test(reliable[end + 1].fn)) end++;
    const stack = detected ? reliable.slice(end + 1) : reliable;
    searched = stack;
    // Spinning on a lock: the loop is the lock's, and the code that asked for it is the same at every sample.
    if (opts.lockTaker && stack.length > 0 && isLockingFrame(stack[0].fn)) {
      // past the subsystem's own lock wrappers too (`nf_conntrack_lock`, `raw_spin_rq_lock_nested`, `foo_lock_irqsave`)
      const taker = stack.find(({ f, fn }) => usable(f, skip) && !LOCK_WRAPPER.test(fn));
      if (taker) return taker.fn;
    }
    const candidates = stack.filter(({ f, fn }) => usable(f, skip) || STALL_ANCHOR.test(fn));
    let prev: string | undefined;
    for (const { f, fn } of candidates) {
      if (STALL_ANCHOR.test(fn)) {
        // smp_call_function* is itself the interesting function (the stall waits for other CPUs).
        if (fn.includes(STALL_CROSS_CALL_BUCKET)) return STALL_CROSS_CALL_BUCKET;
        if (prev) return prev;
        // An anchor on top of the stack names itself, unless it is plumbing (`kthread`, `ret_from_fork`): a
        // sleeping kthread's stack shows no loop at all.
        if (opts.afterTimerEntry || !isGenericFrame(fn)) return fn;
        continue;
      }
      // Pre-4.17 syscall wrappers (`SyS_mount`, `compat_SyS_mount`, `SYSC_mount`) name the syscall itself:
      // a stall in one is bucketed by the bare name, as syzkaller does.
      const old = /^(?:compat_)?(?:SyS|SYSC)_(.+)$/.exec(f.function);
      prev = old ? old[1] : fn;
    }
    if (opts.anchoredOnly) return undefined;
  }
  // A stall's detector runs in the timer interrupt and blames the task it interrupted: only other reports stop there.
  if (opts.mode !== "stall") searched = raisedContext(searched);
  for (const { f, fn } of searched) if (usable(f, skip, opts.skipInModules, opts.named)) return fn;
  return undefined;
}

/** `net/ipv6/ip6_output.c:1748` after a space, a `(` or the line start (symbolised frames, BUG/WARNING headers). */
const SOURCE_FILE_REF = /(?:^|[\s(])((?:\.{1,2}\/)*[a-zA-Z0-9_][a-zA-Z0-9_\-+/.]*\.(?:c|h|S|rs)):[0-9]+/g;

/** What every SOURCE_FILE_REF match holds, found without the backtracking over each word of the line. */
const HAS_SOURCE_SUFFIX = /\.(?:c|h|S|rs):[0-9]/;

/** `arch/x86/kvm/../../../virt/kvm/eventfd.c` → `virt/kvm/eventfd.c`; `./include/x.h` → `include/x.h`. */
function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/**
 * Where the task was before, not where it failed: the locks it holds (`#0: (sk_lock-AF_ALG){+.+.}, at: f+0x… file.c:N`,
 * listed under `N locks held by`), lockdep's irq-state stamps (`hardirqs last enabled at (331): [<…>] f file.c:N`) and
 * ARM's owners of register values (`Register r3 information: slab kmalloc-64 start … allocated at …`).
 */
const BYSTANDER_LOCATION = /^\s*#\d+:\s.*\bat:|^\s*(?:hard|soft)irqs last\s+(?:en|dis)abled at |^\s*Register r\d+ information/;

/** The timer interrupt's entry frame: x86 `apic_timer_interrupt`, arm64's IRQ vector (`el1h_64_irq`, older `el1_irq`). */
const STALL_TIMER_ENTRY_FRAME = /apic_timer_interrupt\+0x|\bel1h?_64_irq\+0x|\bel1_irq\+0x/;

/** `candidate` lies at least one directory below `guilty`'s directory (`sound/core/oss/x.c` under `sound/core/y.c`). */
function isDeeperFile(candidate: string, guilty: string): boolean {
  const dir = guilty.slice(0, guilty.lastIndexOf("/") + 1);
  return dir !== "" && candidate.startsWith(dir) && candidate.indexOf("/", dir.length) > dir.length && !candidate.endsWith(".h");
}

/**
 * The source file to blame: the first file the report names that is not generic code (GENERIC_FILES).
 * RCU stalls name the detector's files first: start after the timer interrupt entry when there is one.
 */
export function selectGuiltyFile(texts: readonly string[], opts: { stall?: boolean; after?: () => readonly string[] } = {}): string | undefined {
  let from = 0;
  if (opts.stall) {
    const entry = texts.findIndex((t) => STALL_TIMER_ENTRY_FRAME.test(t));
    if (entry >= 0) from = entry + 1;
  }
  let first: string | undefined;
  // syzkaller reads the guilty file from the report's start to the end of the output: a report that names no file of
  // its own (a trusty assert, a lockdep splat cut by the oops it caused) is blamed on what the next lines name.
  const passes = [...(from > 0 ? [() => texts.slice(from)] : []), () => texts, ...(opts.after ? [opts.after] : [])];
  for (const pass of passes) {
    let guilty: string | undefined;
    for (const text of pass()) {
      if (!HAS_SOURCE_SUFFIX.test(text) || BYSTANDER_LOCATION.test(text)) continue;
      SOURCE_FILE_REF.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SOURCE_FILE_REF.exec(text))) {
        const file = normalizePath(m[1]);
        first ??= file;
        if (GENERIC_FILES.some((re) => re.test(file))) continue;
        // A file further down in a subdirectory of the one found (`sound/core/oss/pcm_oss.c` under
        // `sound/core/pcm_native.c`) is the more specific owner: the core file only dispatched to it (syzkaller's rule).
        if (!guilty || isDeeperFile(file, guilty)) guilty = file;
      }
    }
    if (guilty) return guilty;
  }
  // Every file is generic (a lock taken in a header's inline helper, then only locking and slab code): the first one
  // the report names, as syzkaller falls back to.
  return first;
}
