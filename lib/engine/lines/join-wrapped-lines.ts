/**
 * Lines a paste wrapped, put back together: an 80-column serial console or terminal copy breaks a long line
 * mid-token, a mail client's hard wrap (72–80 columns) breaks it at the last space. Either way the rest of the line
 * arrives as a line of its own without the prefix (`[ 12.3]`, syslog date) the line carried, and a header or frame
 * cut in two loses its title or function.
 *
 * A prefixed line is continued by the plain lines after it only when the window shows the wrap:
 * - hard wrap: the line is exactly as long as the window's longest line (the wrap width, 60 columns or more);
 *   the continuation is glued on as it is;
 * - word wrap: the continuation's first word would not have fitted on the line within that width; it is joined
 *   with the space the wrap took. A `format=flowed` mail (Thunderbird) keeps that space at the end of the wrapped
 *   line: the two halves join with it alone, or a header's words (`rcu_sched  self-detected`) would not match.
 * A log that is not wrapped has lines longer than the ones a wrapped neighbour would need, so neither test holds;
 * its longest line passes both, so a window is taken as wrapped only when two of its lines do.
 */
import type { LogLine } from "../types";

/** Narrower windows are not wrapped pastes (and a short width would make every line "full"). */
export const MIN_WRAP_WIDTH = 60;
/** A word-wrapped line is at least this share of the width (a short line was not wrapped). */
const MIN_WORD_WRAP_FILL = 0.6;
/** The shortest line a wrap leaves before its continuation (the scanner looks for needles across such cuts). */
export const MIN_WRAPPED_LINE_LENGTH = MIN_WRAP_WIDTH * MIN_WORD_WRAP_FILL;
/**
 * A line wrapped more than this many times is something else (a hex dump, a paragraph of prose). kubelet's and the
 * agents' lines are long (a klog line with a node condition struct is ~400 characters): at 72 columns, six pieces.
 */
export const MAX_CONTINUATIONS = 6;
/** Share of a hard-wrapped window's wrapped lines that end at the width (a cut line of exactly the width is not). */
const HARD_WRAP_SHARE = 0.75;
/** Wrapped lines a window needs before any is joined (one may be the longest line of an unwrapped log). */
const MIN_WRAPPED_LINES = 2;

const FIRST_WORD = /^\S+/;
const BLANKS_THEN_WORD = /^\s*\S+/;
/** The wrap's space left at the end of the line (`format=flowed`). */
const ENDS_WITH_SPACE = /\s$/;
/**
 * A window whose wrapped lines all end at its width reads as hard-wrapped, but a mail client's word wrap of lines
 * of one length does that too. A hard wrap keeps the space at the cut (on either half): a line ending in a
 * comma or semicolon followed by a line starting with a letter lost it, so they are joined with a space
 * (`table full,` + `dropping packet`); the kernel prints a space after those.
 */
const WORD_BREAK = /[,;]$/;
const WORD_START = /^[A-Za-z(]/;

type WrapMode = "hard" | "word";

const INNER_SPACE = /\S\s+\S/;

/**
 * Kernel line shapes a wrap cut short, whatever the window's width says (a window of a few lines, lines of other
 * widths, a log without prefixes): a header whose function went to the next line (`BUG: KASAN: use-after-free in` +
 * `f+0x670/0x690 at addr …`, `WARNING: CPU: 2 PID: 1 at ipc/shm.c:162` + `shm_open+0x74/0x80`, lockdep's `…, at:` +
 * `[<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210`, the stack protector's `Kernel stack is corrupted in:` +
 * `devres_release_all+0xc6/0xc6`), an address-only frame whose function did (x86's `IP:
 * [<ffffffff810b84a2>]` + `wakeup_preempt_entity.isra.55+0x12/0x60`, 2.6 lockdep's `at: [<…>]`, ARM's `from [<…>]` +
 * `(irq_exit+0x58/0xb0)`), a `RIP:` whose segment and function did (`RIP:` + `0010:f+0x88/0x280 [kvm]`), a header
 * whose source location did (UBSAN's `… in` + `/var/lib/dkms/…/util.c:135:35`, `WARNING: CPU: 0 PID: 7 at` +
 * `net/sched/sch_generic.c:316 dev_watchdog+0x22c/0x244`), and a task line whose taint or release did (`CPU: 0 PID:
 * 2373 Comm: syz-executor Not` + `tainted 5.4.199 #0`; 2.6's `Pid: 8480, comm: vdev_open/1 Tainted: G W` and a hung
 * task's `Tainted: G C` + `2.6.32-220.el6.x86_64 #1`; a task line cut right after `Tainted:`, its flags leading
 * the next line), and a frame decode_stacktrace.sh decoded whose parenthesis the wrap left open (`nwl_unmask_leg_irq
 * (drivers/pci/controller/pcie-xilinx-nwl.c:389` + `(discriminator 1))`, `irq_enable (kernel/irq/internals.h:234` +
 * `kernel/irq/chip.c:439)`). The continuation starts at its first column: a stack line the kernel printed starts
 * with a space. In a prefixed log, a line ending in a word no kernel message ends with
 * (`INFO: task udevd:5612 blocked in I/O wait for` + `more than 143 seconds.`) is continued by the prefix-less line
 * after it.
 */
const WANTS_FUNCTION = /(?:\bin:?|\bat [\w\-/.+]+\.[A-Za-z]+:\d+|\bat:|\bPID: \d+ at|\[<[0-9a-f]+>\](?: \?)?|\bR?IP:)$/;
// A ppc64 ELFv1 kernel prints the function's entry symbol, its descriptor dot first (`.zstd_reclaim_timer_fn+0x40/0x230`).
const SIZED_FRAME_START = /^(?:[0-9a-f]{4}:)?(?:\[<[0-9a-f]+>\] )?\(?\.?[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?:[\s()]|$)/;
const WANTS_LOCATION = /\b(?:in|at)$/;
const LOCATION_START = /^[^\s:]+\.[A-Za-z]+:\d+/;
// A WARNING header cut right after its `at`, its location's path too long for one line of the wrap (an out-of-tree
// build's `/home/u/…/kernel-so` + `urce/drivers/…/intel_drv.h:1719`): the path's first piece is the line's rest.
const WARNING_WANTS_LOCATION = /\bWARNING: CPU: \d+ (?:UID: \d+ )?PID: \d+ at$/;
const PATH_PIECE_START = /^\/?[\w\-+.]+\/[\w\-+./]*$/;
// A hung task's own taint line cut right after its `Not` (a mailer's word wrap: `[ 3384.621073]       Not` +
// `tainted 5.0.0-25-generic #26~18.04.1-Ubuntu`): the word is the whole message, and its release went on.
const TASK_LINE = /\bCPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: \S|\bPid: \d+, comm: \S|^\s*Tainted: [A-Z]|^\s*Not$/;
const TASK_BUILD = / #\S/;
// RHEL 8/9's taint lines pad the release with the build's dashes (`Tainted: G OE --------  ---  5.14.0-284…el9_2.x86_64
// #1`): a wrap inside them leaves the release behind a run of dashes.
const TASK_TAIL = /^(?:Not tainted |tainted |Tainted: |(?:-{3,}\s+)*\d+\.\d+[\w.+~-]* #|#\S)/;
const DECODED_FRAME = /^\s*(?:\? )?[A-Za-z_][\w.]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)? \(/;
/**
 * A Go panic's frame: the call (`github.com/cilium/cilium/pkg/idpool.(*idCache).doRemove(0xc421e5c090,`) whose
 * arguments a wrap moved on (`0x8135, 0xc42055ac98)`), and the file line whose offset did (`…/cache.go:186` +
 * `+0x58`).
 */
const GO_ARGS = /^(?:0x[0-9a-f]+|\.\.\.|\{)/;
const GO_FILE_LINE = /\.go:\d+$/;
const GO_PC_OFFSET = /^\+0x[0-9a-f]+(?:\s|$)/;
/**
 * A Go frame a terminal's hard wrap cut anywhere (a goroutine dump is printed without prefixes, so no prefixed line
 * gives the wrap away): the call inside its arguments (`…byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x3` +
 * `94decb?})`), the function's name (`…config.(*HeaderfileWriter).WriteNode` + `Config(0xc0013e5140, …)`) or the
 * file line (`\t/go/src/…/config.go:5` + `48 +0x6c0a`). Only a line as long as the window's longest, which at
 * least one other line also reaches, is taken as cut.
 */
const GO_NAME_CUT_HEAD = /^(?:[\w.~-]+\/)*[\w.~-]+\.(?:\(\*?[\w[\], ]+\)\.)?\w*$/;
const GO_NAME_CUT_REST = /^[\w.[\]]*\(/;
const GO_PATH_CUT_HEAD = /^\s+\/\S*$/;
const GO_PATH_CUT_REST = /^(?:\d*\s?\+0x[0-9a-f]+\s*$|[\w.\/-]*\.(?:go|s):\d+(?: \+0x[0-9a-f]+)?\s*$)/;
const GO_DUMP_LINE_START = /^(?:\s+\/|\s*$|goroutine \d|created by |panic: |fatal error: |\[signal )/;
/** A Go fatal signal's bracket a wrap left open (`[signal SIGSEGV: segmentation violation` + `code=0x1 addr=0x10 pc=0x319cff5]`). */
const OPEN_SIGNAL = /\[signal SIG[A-Z]+:[^\]]*$/;
const SIGNAL_REST = /^[^[\]]*\]\s*$/;
/** klog's one line for a recovered panic, its quoted value or parenthesised error left open by a wrap. */
const OBSERVED_PANIC = /\bObserved a panic: /;
/**
 * Kernel messages cut between words that always follow each other, whatever prefix the line had: the header goes
 * on with the word the kernel prints next (`BUG: unable to handle kernel NULL pointer` + `dereference at …`,
 * `sudo invoked oom-killer:` + `gfp_mask=0x…`, `page allocation failure: order:5,` + `mode:0x…`, a hung task's
 * `blocked for more` + `than 122 seconds.` and its state line's flags, kubelet's `PLEG is not` + `healthy`), or a panic's message goes on in
 * words (`Kernel panic - not syncing: Out of memory: system-wide` + `panic_on_oom is enabled`, `VFS: Unable to mount
 * root fs on` + `unknown-block(0,0)`, `Attempted to kill` + `init! exitcode=0x00000100`, `Requested init` +
 * `/sbin/init failed (error -2).`; a line the kernel prints after the panic starts with a capital or a `Word:`).
 */
const PANIC_MESSAGE_SPLIT: readonly [head: RegExp, next: RegExp] = [/\bKernel panic - not syncing: \S.*$/, /^(?:[a-z][\w-]*(?:[\s(!.,;]|$)|\/[\w.\-/]+(?:\s|$))/];
/**
 * The kernel's own panic messages (init/main.c, kernel/exit.c, fs/…, arch/x86/kernel/…): a cut inside one of their
 * words (`Attempted to kill ini` + `t! exitcode=0x00000100`, `Requested init /init.krun failed (err` + `or -2).`)
 * reads as PANIC_MESSAGE_SPLIT's next word: when the halves glued back spell one of these across the cut, they were
 * one word (a wrap at a blank leaves no phrase whole across it).
 */
const KNOWN_PANIC_MESSAGES = [
  "Attempted to kill init!", "Attempted to kill the idle task!", "VFS: Unable to mount root fs on unknown-block(",
  "No working init found.", "No init found.", "Requested init ", " failed (error -", "Fatal exception in interrupt",
  "hung_task: blocked tasks", "softlockup: hung tasks", "Out of memory and no killable processes...",
  "System is deadlocked on memory", "IO-APIC + timer doesn't work!", "Timeout: Not all CPUs entered broadcast exception handler",
  "sysrq triggered crash", "Asynchronous SError Interrupt", "stack-protector: Kernel stack is corrupted in: ",
  "Watchdog detected hard LOCKUP on cpu ", "An NMI occurred.", "Aiee, killing interrupt handler!", "Fatal hardware error!",
  "corrupted stack end detected inside scheduler",
];
const PANIC_MESSAGE_HEAD = /\bKernel panic - not syncing: (\S.*)$/;
/** Whether `phrase` occurs in `text` across position `cut` (its bytes on both sides of it). */
function spansCut(phrase: string, text: string, cut: number): boolean {
  for (let at = text.indexOf(phrase, Math.max(0, cut - phrase.length + 1)); at !== -1 && at < cut; at = text.indexOf(phrase, at + 1)) {
    if (at + phrase.length > cut) return true;
  }
  return false;
}
/**
 * A panic message a word wrap cut before a word PANIC_MESSAGE_SPLIT does not take (`… stack-protector: Kernel stack
 * is corrupted` + `in: cpu_bringup_and_idle+0x93/0xa0`): the halves joined with the wrap's space spell one of the
 * kernel's panic messages across it.
 */
function isPanicMessageSpaced(head: string, next: string): boolean {
  const message = PANIC_MESSAGE_HEAD.exec(head)?.[1]?.trimEnd();
  if (message === undefined || /^\s/.test(next)) return false;
  return KNOWN_PANIC_MESSAGES.some((known) => spansCut(known, `${message} ${next}`, message.length + 1));
}

function isPanicMessageCut(head: string, next: string): boolean {
  const message = PANIC_MESSAGE_HEAD.exec(head)?.[1];
  if (message === undefined || /\s$/.test(message) || /^\s/.test(next)) return false;
  return KNOWN_PANIC_MESSAGES.some((known) => spansCut(known, message + next, message.length));
}

/**
 * A hung task's header a terminal cut inside one of its words (`INFO: task rclone:61704 blocked for more than 120
 * seco` + `nds.`, `… blocked f` + `or more than 120 seconds.`): the rest is the header's own end, and glued back
 * the halves spell the kernel's `blocked for more than N seconds.` across the cut (a wrap at a blank leaves no such
 * phrase whole across it; KNOWN_SPLITS joins those with their space).
 */
const HUNG_TASK_HEADER_HEAD = /\btask \S.*:\d+ blocked\b[\w ]*$/;
const HUNG_TASK_HEADER_REST = /^[\w ]*\.\s*$/;
const HUNG_TASK_PHRASE = /blocked for more than \d+ seconds\./g;

function isHungTaskHeaderCut(head: string, next: string): boolean {
  if (!HUNG_TASK_HEADER_REST.test(next) || /\s$/.test(head) || /^\s/.test(next) || !HUNG_TASK_HEADER_HEAD.test(head)) return false;
  const joined = head + next;
  for (const m of joined.matchAll(HUNG_TASK_PHRASE)) if (m.index < head.length && m.index + m[0].length > head.length) return true;
  return false;
}

/**
 * A Go panic's message goes on in words too (`panic: runtime error: invalid memory address or nil` + `pointer
 * dereference`, `index out of range` + `[5] with length 3`, `panic: attempted to update last-writer in lockfile` +
 * `without the write lock`). What the runtime prints after the message is never a bare lowercase word: a blank line,
 * `[signal SIGSEGV: …]`, `goroutine 1 [running]:`, a recovered panic's next `panic:`, or a frame (`main.main()`,
 * `github.com/…`, whose first word runs into a dot or a slash).
 */
const GO_PANIC_MESSAGE_SPLIT: readonly [head: RegExp, next: RegExp] = [
  /(?:^|\s)(?:panic|fatal error): \S.*$/,
  /^(?!goroutine \d|panic: |fatal error: |created by )(?:[a-z][\w-]*(?:[\s,;:]|$)|\[\d+\] with )/,
];
const KNOWN_SPLITS: readonly (readonly [head: RegExp, next: RegExp])[] = [
  [/\bunable to handle kernel$/, /^(?:NULL pointer|paging request)\b/],
  [/\bNULL pointer$/, /^dereference\b/],
  [/\bdereference, address:$/, /^[0-9a-f]{8,16}\b/],
  [/\binvoked oom-killer:$/, /^gfp_mask=/],
  // The OOM killer's verdict (before 4.19: `Kill process 30936 (fluentd)` + `score 1997 or sacrifice child`) and
  // the kill's memory figures (`Killed process 30936 (fluentd) total-vm:1521656kB,` + `anon-rss:509588kB, …`).
  [/\bKill process \d+ \(.*\)$/, /^score -?\d+ or sacrifice child\b/],
  [/\bKilled process \d+ \(.*\)(?: total-vm:\d+kB,)?$/, /^(?:total-vm|anon-rss):\d+kB\b/],
  [/\ballocation failure[:.]?$/, /^order:\d/],
  [/\ballocation failure[:.]? order:\d+,$/, /^mode:/],
  [/\bblocked$/, /^for more than \d/],
  // A hung task's header cut right after its `comm:pid` (a Gmail wrap at the space before `blocked`).
  [/\bINFO: task \S.*:\d+$/, /^blocked (?:for more|in I\/O wait)\b/],
  [/\bblocked for$/, /^more than \d/],
  [/\bblocked for more$/, /^than \d/],
  [/\bblocked for more than$/, /^\d+ seconds\b/],
  [/\bblocked for more than \d+$/, /^seconds\b/],
  // A hung task's state line (`bitcoind        D 0000000000000001     0  2138      1`) and its flags.
  [/^\s*\S+\s+D\s+(?:[0-9a-f]+\s+)?\d+\s+\d+\s+\d+$/, /^0x[0-9a-f]+$/],
  [/\bPLEG is not$/, /^healthy\b/],
  // A report's keyword is never the end of a line: a word wrap moved what followed it (a path longer than the width,
  // 6.x's `WARNING:` + `drivers/…/amdgpu_dm.c:9576 at` + `amdgpu_dm_commit_planes+0x11cf/0x1740 [amdgpu], CPU#1:`).
  [/\b(?:WARNING|BUG|INFO):$/, /^\S/],
  // 6.x's WARNING header (`WARNING: drivers/net/ethernet/intel/igc/igc_main.c:7021 at igc_rd32+0xa2/0xb0 [igc], CPU#3:
  // …`) broken before its `at`: the location ends the line, the warned function opens the next.
  [/\bWARNING: [\w\-+./]+\.[A-Za-z]+:\d+$/, /^at [A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+/],
  // The stack protector's panic message has a capital after its colon: `stack-protector:` + `Kernel stack is corrupted in: f`.
  [/\bnot syncing: stack-protector:$/, /^Kernel stack is corrupted\b/],
  // The panic messages that go on in capitals: init's (`… See Linux` + `Documentation/admin-guide/init.rst for
  // guidance.`) and the IO-APIC check's (`… doesn't work!` + `Boot with apic=debug and send a report.`).
  [/\bnot syncing: No working init found\..*\bSee Linux$/, /^Documentation\//],
  [/\bnot syncing: IO-APIC \+ timer doesn't work!$/, /^Boot with apic=debug\b/],
  PANIC_MESSAGE_SPLIT,
];
// Wrapped right after `Tainted:`, the flags lead the next line: `… Comm: vgchange Kdump: loaded Tainted:` +
// `P           OE     5.4.190-esos.prod #1`.
const ENDS_WITH_TAINTED = /\bTainted:$/;
const TAINT_FLAGS_TAIL = /^[A-Z][A-Z \-]*?\s+\d+\.\d+[\w.+~-]* #\S/;
/**
 * Lines of a report the kernel prints on their own (a task line, its taint line, a report's header), and a Go
 * goroutine dump's (a call `k8s.io/…/dockershim.(*dockerService).ContainerStatus(0xc000d7e000,`, its file line).
 */
const REPORT_LINE_START =
  /^(?:Tainted: [A-Z]|CPU: \d+ |Hardware name: |Call Trace:|R?IP: |Modules linked in:|Workqueue: |(?:INFO|BUG|WARNING): |\/\S+\.(?:go|s):\d+|[\w.-]+(?:\/[\w.-]+)*\.(?:\(\*?\w+\)\.)?\w+\(|goroutine \d+ \[)/;
const CUT_AFTER_WORD = / (?:in|at|for|of|to|by|from|with|on|than|more|the|a|an)$/;
const WORD_AT_START = /^[A-Za-z0-9(]/;
/**
 * A stack line whose frame went to the next line whole: the mail client broke at the space after the prefix
 * (`May 10 17:51:09 server kernel:` / `jbd2_journal_commit_transaction+0x250/0x18c0 [jbd2]`) or after the `?` of a
 * guessed frame (`kernel:  ?` / `ext4_unregister_li_request.isra.13+0x60/0x60 [ext4]`): the prefixed line says nothing.
 */
const EMPTY_STACK_LINE = /^\s*\??\s*$/;
/**
 * decode_stacktrace.sh output word-wrapped after the function: `[   39.247272] process_one_work` /
 * `(/build/linux-5.3.0/kernel/workqueue.c:2274)` — the source path is too long to share the line, so the wrap falls
 * right after the name however short that line is.
 */
const BARE_FRAME_NAME = /^\s*(?:\?\s+)?[A-Za-z_][\w.]*$/;
const DECODED_SOURCE_START = /^\((?:[\w.+-]*\/)*[\w.+-]+\.(?:c|h|S|rs):\d+/;
/**
 * A report header decode_stacktrace.sh decoded, word-wrapped before its source (`BUG: KASAN: slab-out-of-bounds in
 * handle_control_message` + `(drivers/char/virtio_console.c:1575)`): the line names its function last, so the
 * source list is that function's whatever the log's prefixes (the RIP's and a WARNING's `at f.c:N func` likewise:
 * FUNCTION_CUT_HEAD).
 */
const DECODED_HEADER_FUNCTION = /\b(?:BUG|WARNING|INFO|KASAN|KMSAN|KFENCE|KCSAN|UBSAN)\b.*\bin [A-Za-z_][\w.]*$/;

/**
 * A function a terminal's hard wrap cut inside its name or before its offset, in a line that names it (`WARNING:
 * CPU: 15 PID: 8953 at arch/x86/mm/extable.c:126 ex_handle` + `r_uaccess+0x4d/0x60`, `…:85
 * remap_pfn_range_internal` + `+0x416/0x520`, `RIP: 0010:smp_call_fun` + `ction+0x1f0/0x250`, lockdep's lock site
 * `…{4:4}, at: zfs_inacti` + `ve+0x194/0x1300`, a 3.x/4.x frame `[<ffff000005aac1f8>] amd_sched_entity_pus` +
 * `h_job+0x98/0x148 [amdgpu]`: that format always prints the offset on the frame's line): glued as it is, in a
 * window too short to show the width.
 */
const FUNCTION_CUT_HEAD = /(?:\bat [\w\-/.+]+\.[A-Za-z]+:\d+ |\bR?IP: (?:[0-9a-f]{4}:)?|\b(?:pc|lr) : |\b(?:PC|LR) is at |, at: (?:\[<[0-9a-f]+>\] )?|^\s*\[<[0-9a-f]{8,16}>\] (?:\? )?)[A-Za-z_][\w.]*$/;
const FUNCTION_CUT_REST = /^[\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?:[\s()]|$)/;

/**
 * A fault address a terminal's hard wrap cut inside its digits (MIPS `CPU 0 Unable to handle kernel paging request at
 * virtual address 0` + `0000000, epc == …`, arm64 `… at virtual address 0000000` + `800000022`): the kernel prints it
 * zero-padded to 8 or 16 digits, so the two runs of digits make one when they add up to that width. Read alone, the
 * first run is a small number, and the fault a NULL dereference.
 */
const ADDRESS_CUT_HEAD = /\b(?:virtual )?address:? (?:0x)?([0-9a-f]{1,15})$/;
const ADDRESS_CUT_REST = /^([0-9a-f]{1,15})(?=[\s,]|$)/;
const isCutAddress = (head: string, rest: string): boolean => {
  const a = ADDRESS_CUT_HEAD.exec(head)?.[1].length;
  const b = ADDRESS_CUT_REST.exec(rest)?.[1].length;
  return a !== undefined && b !== undefined && a !== 8 && (a + b === 8 || a + b === 16);
};

/**
 * ARM's backtrace line (`[<c09131fc>] (schedule) from [<c017ec74>] (rwsem_down_write_slowpath+0x24c/0x4c0)`) a
 * terminal cut inside its caller's half: the rest (`ages+0x2b4/0x7c4)`, `x7ac)`, `)`) is glued back, or it would
 * read as a frame of its own named after the tail of a word, and the line, its caller's parenthesis left open, would
 * name no frame at all. 3.x kernels printed the pair without a space before each parenthesis
 * (`[<c019abd8>](warn_slowpath_fmt+0x40/0x48) from [<c0179d30>](msm_…`), and an 80-column wrap also falls inside the
 * caller's address (`from [<c0126` + `750>](platform_cpu_kill+0x38/0x48)`) or just after it (`from [<c019abd8>` +
 * `](warn_slowpath_fmt+0x40/0x48)`): the halves are glued when together they make the whole line shape (ARM_FROM_WHOLE).
 */
const ARM_FROM_CUT_HEAD = /\[<[0-9a-f]+>\] ?\([^()]*\) from \[<(?:[0-9a-f]*|[0-9a-f]+>\]?|[0-9a-f]+>\] ?\([^()]*)$/;
const ARM_FROM_WHOLE = /\[<[0-9a-f]+>\] ?\([^()]*\) from \[<[0-9a-f]+>\] ?\([A-Za-z_.$][\w.$]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?: \[[\w-]+\])?\)\s*$/;
const isArmFromCut = (head: string, rest: string): boolean =>
  !rest.includes(" from ") && ARM_FROM_CUT_HEAD.test(head) && ARM_FROM_WHOLE.test(head + rest);

/**
 * A WARNING's source location a terminal cut inside its line number (`WARNING: CPU: 0 PID: 152847 at
 * fs/kernfs/dir.c:15` + `03 kernfs_remove_by_name_ns+0x8a/0xa0`): the digits and the function go back on the line.
 */
const LINE_NUMBER_CUT_HEAD = /\bat [\w\-/.+]+\.[A-Za-z]+:\d+$/;
const LINE_NUMBER_CUT_REST = /^\d+ [A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s|$)/;
/**
 * A WARNING's source location a terminal cut anywhere else (`… PID: 1 at kernel/sched/ext.` + `c:3725
 * scx_cgroup_can_attach+0x196/0x340`, `… at arch/powerpc/kernel/irq.c:` + `258 arch_local_irq_restore+0xbc/0x140`),
 * or more than once (an out-of-tree module's build path longer than the width): glued while the halves make the
 * location (with its function after it) or the rest is one more piece of the path.
 */
const LOCATION_CUT_HEAD = /\bWARNING: (?:CPU: \d+ PID: \d+ )?at ([\w\-/.+:]+)$/;
const LOCATION_WHOLE = /^[\w\-/.+]+\.[A-Za-z]+:\d+ [A-Za-z_][\w.]*(?:\+0x|\(|$)/;
// The location alone, its function wrapped to the line after (`…/kernel-so` + `urce/drivers/…/intel_drv.h:1719` +
// `gen9_decoupled_read32+0x1bb/0x1e0 [i915]`).
const LOCATION_ONLY = /^[\w\-/.+]+\.[A-Za-z]+:\d+\s*$/;
const PATH_PIECE = /^[\w\-/.+]+$/;
const LOCATION_ENDED = /\.[A-Za-z]+:\d+$/;
const SIZED_OFFSET = /\+0x[0-9a-f]+\/0x[0-9a-f]+/;
function isCutLocation(head: string, rest: string): boolean {
  const cut = LOCATION_CUT_HEAD.exec(head);
  if (cut === null) return false;
  if (LOCATION_WHOLE.test(cut[1] + rest) || LOCATION_ONLY.test(cut[1] + rest)) return true;
  // A whole location (`…/panic.c:677`) ends the path: the function after it is a word wrap's next word.
  return !LOCATION_ENDED.test(cut[1]) && PATH_PIECE.test(rest) && rest.length >= 8 && !SIZED_OFFSET.test(rest);
}

/**
 * The kernel release of a `CPU: … Tainted: G  O  6.6.` line a terminal cut (`0-00004-g67bc4513761f #9` on the next
 * line): the rest of the release runs up to the build number the line ends with, so the two halves are glued. A cut
 * at the space before `#9` leaves `#9` alone on the next line, which this does not take.
 */
const RELEASE_CUT_HEAD = /\b(?:Not tainted|Tainted: [A-Z ]+?) +\d+\.\d+[\w.+~-]*$/;
const RELEASE_CUT_REST = /^[\w.+~-]+ #\d+/;

/**
 * A frame address a web view wrapped right after its opening bracket (a gitweb commit page showing a 4.3 lockdep
 * report: `…, at: [<` + `ffffffffa0093c62>]` + `drm_gem_mmap+0x112/0x290 [drm]`, `[ 20.451661] [<` +
 * `ffffffff8110644e>] lock_acquire+0xce/0x1c0`): the digits go back inside the bracket, and the function, when it
 * went on to a line of its own too, follows as an address-only frame's does (WANTS_FUNCTION).
 */
const ADDRESS_BRACKET_CUT_HEAD = /\[<$/;
const ADDRESS_BRACKET_CUT_REST = /^[0-9a-f]{8,16}>\](?:\s|$)/;

/**
 * A lock lockdep names (`00000000fb622acb (&client->modeset_mutex){+.+.}, at: f+0x103/0x1f0`, 2.6's ` (&tq->tq_lock)
 * {......}, at: [<…>] f+0x32/0x170`) that a paste moved off its timestamp, whose line is left empty (a commit
 * message quoting a 5.2 report): the lock and its site go back on the stamped line.
 */
const LOCK_SITE_START = /^\s*(?:[0-9a-f]{8,16} )?\(.*\)\{[-+.?]{4,6}\}(?:-\{\d+:\d+\})?, at: /;
/**
 * The same line a mail client's word wrap cut right after the lock's address (Gmail at 72 columns: `[ 155.950698]
 * #0: ffff8a4e8aaad0a8` and then `(&list->bo_list_mutex){+.+.}-{3:3}, at: amdgpu_cs_ioctl+0x903/0x2030`): the lock
 * and its site go back after the address, a held lock's `#N:` included.
 */
const LOCK_ADDRESS_ONLY = /^\s*(?:#\d+:\s+)?[0-9a-f]{8,16}$/;
/**
 * The same line cut right before its site (a 72-column wrap: `[ 8251.607662] ff110002b89cec60
 * (&xfs_nondir_ilock_class){++++}-{4:4},` and then `at: xfs_can_free_eofblocks+0x349/0x540 [xfs]`): the site goes
 * back after the lock.
 */
const LOCK_CLASS_END = /\(.*\)\{[-+.?]{4,6}\}(?:-\{\d+:\d+\})?,$/;
const LOCK_SITE_REST = /^\s*at: (?:\[<?[0-9a-f]+>?\] )?\.?[A-Za-z_]/;
/**
 * A frame's module annotation a word wrap moved to a line of its own (`…, at: amdgpu_cs_ioctl+0x903/0x2030` and then
 * `[amdgpu]`, maybe with its build ID): the kernel prints it on the frame's line, never alone.
 */
const SIZED_FRAME_END = /[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+$/;
const MODULE_ONLY = /^\[[\w-]+(?: [0-9a-f]{20,40})?\]\s*$/;
/**
 * print_kernel_ident()'s line under a lockdep or RCU splat (`6.1.0-0.rc3.20221101git5aaef24b5c6d.29.fc38.x86_64 #1
 * Tainted: G  W  L  -------  ---`) a word wrap cut after the build: the taint goes back on the release's line.
 */
const IDENT_RELEASE_ONLY = /^\s*\d+\.\d+[\w.+~-]* #\S+$/;
const IDENT_TAINT_REST = /^(?:Not tainted|Tainted: [A-Z])/;
/**
 * A task line whose taint flags a word wrap spilled onto the next line (Fedora's padded flags at 72 columns: `CPU: 3
 * PID: 4850 Comm: Sackboy-Win64-T Tainted: G` and then ` W    L    -------  ---`, the release on the line after): the
 * flags go back first, and the release then joins as a task line's tail (TASK_TAIL).
 */
const TASK_TAINT_END = /\bTainted: [A-Z][A-Z \-]*$/;
const TAINT_FLAGS_ONLY = /^\s*[A-Z][A-Z \-]*$/;
// The same wrap with the release still on the flags' line (Ubuntu's padded flags: `CPU: 10 PID: 83845 Comm:
// btrfs-transacti Tainted: P` and then `      OE     5.11.0-27-generic #29~20.04.1-Ubuntu`).
const TAINT_FLAGS_THEN_RELEASE = /^\s*[A-Z][A-Z \-]*?\s+(?:-{3,}\s+)*\d+\.\d+[\w.+~-]* #\S/;

/**
 * The bytes of a `Code:` line a word wrap moved on (`Code: 8b 55 50 f0 48 0f ba aa 48 0a 00 00 03 72 20 83` and then
 * `f8 fb 74 3c … <0f> 0b 8b 45 d0 …`): a plain line of opcode bytes only (`<0f>` marks the trapping one) right under a
 * line that ends in them is no line of its own. A report's class may be read from the bytes (a headless WARN's `ud2`).
 */
const CODE_BYTES_END = /\bCode: (?:.* )?<?[0-9a-f]{2}>?$/;
const CODE_BYTES_ONLY = /^(?:<?[0-9a-f]{2}>? )*<?[0-9a-f]{2}>?$/;

/**
 * A frame's module annotation a mail client's word wrap cut at the space before the module's build ID (6.x with
 * CONFIG_STACKTRACE_BUILD_ID: `rfcomm_run+0x152/0x1900 [rfcomm` + `70c711e71e4c70ddabda45ec756f02d9606ec257]`): the
 * kernel never leaves a frame's bracket open, so the build ID and its bracket go back on the frame's line, whatever
 * the window's width says (a dmesg -H line is short once its stamp is read off).
 */
const OPEN_MODULE_HEAD = /[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+ \[[\w-]+$/;
const BUILD_ID_REST = /^[0-9a-f]{20,40}\]\s*$/;
/**
 * The same bracket a terminal's hard wrap cut inside or right after the module's name (`epc : 80d606ac
 * nf_conntrack_find_get+0x5c/0x84 [nf_conntrack` + `]`, `… [nf_conn` + `track]`): the rest of the name, glued on.
 */
const MODULE_NAME_REST = /^[\w-]*\]\s*$/;

/** How `next` continues `head`: as the rest of a function or address a hard wrap cut (glued), or of a kernel line shape. */
function shapeJoin(head: LogLine, next: LogLine): "glue" | "space" | undefined {
  if (!isText(next)) return undefined;
  if (isGlued(head, next)) return "glue";
  return shapeContinues(head, next) ? "space" : undefined;
}

/** Whether `next` is the rest of a token a hard wrap cut at the end of `head` (nothing between the halves). */
function isGlued(head: LogLine, next: LogLine): boolean {
  if (isPanicMessageCut(head.text, next.text) || isHungTaskHeaderCut(head.text, next.text)) return true;
  if (FUNCTION_CUT_REST.test(next.text) && FUNCTION_CUT_HEAD.test(head.text)) return true;
  if (isArmFromCut(head.text, next.text)) return true;
  if (LINE_NUMBER_CUT_REST.test(next.text) && LINE_NUMBER_CUT_HEAD.test(head.text)) return true;
  if (isCutLocation(head.text, next.text)) return true;
  if (isCutAddress(head.text, next.text)) return true;
  if (ADDRESS_BRACKET_CUT_REST.test(next.text) && ADDRESS_BRACKET_CUT_HEAD.test(head.text)) return true;
  if (MODULE_NAME_REST.test(next.text) && !BUILD_ID_REST.test(next.text) && OPEN_MODULE_HEAD.test(head.text)) return true;
  return RELEASE_CUT_REST.test(next.text) && RELEASE_CUT_HEAD.test(head.text);
}

const isKnownSplit = (head: string, next: string, splits = KNOWN_SPLITS): boolean => splits.some(([wants, goesOn]) => goesOn.test(next) && wants.test(head.trimEnd()));
/**
 * Words the kernel always prints apart on the two sides of a cut: in a window read as hard-wrapped (a word wrap of
 * lines of one length reads so too), the space between them is the one the wrap took. Not a panic message's words
 * (the kernel's, nor Go's: GO_PANIC_MESSAGE_SPLIT), which a cut inside a word matches as well (`panic_on_o` + `om is
 * enabled`).
 */
const SPACED_SPLITS = KNOWN_SPLITS.filter((split) => split !== PANIC_MESSAGE_SPLIT);

/**
 * GO_PANIC_MESSAGE_SPLIT, unless both lines start with the same word: a prefix no line format knows on every line of
 * the dump (stern's `pod container`) is no wrap's continuation.
 */
function isGoPanicMessageSplit(head: string, next: string): boolean {
  if (!GO_PANIC_MESSAGE_SPLIT[1].test(next) || !GO_PANIC_MESSAGE_SPLIT[0].test(head)) return false;
  const word = FIRST_WORD.exec(next)?.[0];
  return word === undefined || FIRST_WORD.exec(head.trimStart())?.[0] !== word;
}

/** `next` completes the kernel line shape `head` was cut from (see WANTS_FUNCTION). */
function shapeContinues(head: LogLine, next: LogLine): boolean {
  const text = next.text;
  const headText = head.text.trimEnd();
  if (SIZED_FRAME_START.test(text)) return WANTS_FUNCTION.test(headText) || (head.format !== "plain" && EMPTY_STACK_LINE.test(head.text));
  if (DECODED_SOURCE_START.test(text)) {
    return (head.format !== "plain" && BARE_FRAME_NAME.test(head.text)) || DECODED_HEADER_FUNCTION.test(headText) || FUNCTION_CUT_HEAD.test(headText);
  }
  if (LOCK_SITE_START.test(text)) return head.format !== "plain" && (head.text.trim() === "" || LOCK_ADDRESS_ONLY.test(head.text));
  if (LOCK_SITE_REST.test(text) && LOCK_CLASS_END.test(headText)) return true;
  if (MODULE_ONLY.test(text)) return SIZED_FRAME_END.test(headText);
  if (IDENT_TAINT_REST.test(text) && IDENT_RELEASE_ONLY.test(headText)) return true;
  if ((TAINT_FLAGS_ONLY.test(text) || TAINT_FLAGS_THEN_RELEASE.test(text)) && TASK_TAINT_END.test(headText) && TASK_LINE.test(headText)) return true;
  if (CODE_BYTES_ONLY.test(text) && CODE_BYTES_END.test(headText)) return true;
  if (LOCATION_START.test(text) && WANTS_LOCATION.test(headText)) return true;
  if (PATH_PIECE_START.test(text) && WARNING_WANTS_LOCATION.test(headText)) return true;
  // The rest of the parenthesis may wrap again: the line opens none of its own (nor is a frame of its own).
  if (DECODED_FRAME.test(headText) && parenDepth(headText) > 0 && parenDepth(text) <= 0 && !DECODED_FRAME.test(text)) return true;
  if (GO_ARGS.test(text) && isGoCall(headText) && parenDepth(headText) > 0 && parenDepth(text) <= 0) return true;
  if (GO_PC_OFFSET.test(text) && GO_FILE_LINE.test(headText)) return true;
  if (OBSERVED_PANIC.test(headText) && (parenDepth(headText) > 0 || quoteCount(headText) % 2 === 1)) return true;
  if (OPEN_SIGNAL.test(headText) && SIGNAL_REST.test(text)) return true;
  if (isKnownSplit(headText, text) || isGoPanicMessageSplit(headText, text) || isPanicMessageSpaced(headText, text)) return true;
  if (BUILD_ID_REST.test(text) && OPEN_MODULE_HEAD.test(headText)) return true;
  if (TASK_TAIL.test(text) && TASK_LINE.test(headText) && !TASK_BUILD.test(headText)) return true;
  if (TAINT_FLAGS_TAIL.test(text) && ENDS_WITH_TAINTED.test(headText) && TASK_LINE.test(headText)) return true;
  // A prefixed line that says nothing: the mail client broke at the space after its prefix before a report's own line
  // (`kernel: [387258.854200]` / `Tainted: G           OE   4.14.99-zadara02 #1`), as before a frame above.
  if (head.format !== "plain" && headText.trim() === "" && REPORT_LINE_START.test(text)) return true;
  return head.format !== "plain" && WORD_AT_START.test(text) && CUT_AFTER_WORD.test(headText);
}

/** Parentheses `s` opens and leaves open (negative: closes more than it opens). */
function parenDepth(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth;
}

/** `pkg/path.(*T).f(` (see GO_ARGS): a dotted name without spaces up to its first parenthesis. */
function isGoCall(s: string): boolean {
  const paren = s.indexOf("(");
  const name = s.slice(0, Math.max(paren, 0)).trimStart();
  return paren > 0 && name.includes(".") && !/\s/.test(name);
}

function quoteCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** A cheap first test for shapeContinues: a plain line that could continue some head. */
const isShapeContinuation = (l: LogLine): boolean => isText(l) && SHAPE_START.test(l.text);
// `<`: a `Code:` line's trapping byte (`<0f> 0b …`) may start its continuation (CODE_BYTES_ONLY); `]`: a module
// bracket's end (MODULE_NAME_REST); blanks then a capital:
// taint flags a wrap indented (TAINT_FLAGS_ONLY, TAINT_FLAGS_THEN_RELEASE).
const SHAPE_START = /^(?:[A-Za-z0-9(/[\]_.+{<]|\s+[A-Z])/;

const isText = (l: LogLine) => l.format === "plain" && l.text.trim() !== "";

/**
 * Whether the line after a physical line of `length` characters continues it, in the window's wrap mode
 * (`flowed`: the line ends with the space the wrap took, already counted in `length`).
 */
function continues(length: number, flowed: boolean, next: LogLine, width: number, mode: WrapMode, inBlanks = false): boolean {
  if (!isText(next)) return false;
  if (mode === "hard") return length === width;
  // A flowed line's wrap fell inside a run of blanks (`kworker/u8:0    D    0     5 ` + `    2 0x00000000`, a task
  // line's padded columns): the blanks left on the next line go with its first word.
  // (Only when joining: the cuts that tell the window's wrap mode are read at words.)
  const word = (flowed && inBlanks ? BLANKS_THEN_WORD : FIRST_WORD).exec(next.text);
  return word !== null && length >= width * MIN_WORD_WRAP_FILL && length + (flowed ? 0 : 1) + word[0].length > width;
}

/**
 * A terminal or serial console is at least 80 columns wide; a mail client wraps at 72–78. A narrower window whose
 * wrapped lines all stop at one length is a word wrap of lines of one shape (the same message repeated), unless a
 * cut shows it fell inside a token (see MID_TOKEN_CUT).
 */
const MIN_HARD_WRAP_WIDTH = 80;
/**
 * Where a cut fell, read from its two sides: a word wrap never leaves the space it broke at at the start of the
 * continuation, nor ends a line in a token's joiner (`__lock_`, `+0x12/`, `pid=`); a hard wrap never cuts between a
 * `,`/`;`/`!`/`)` or a word's `:` and the word after it, which the kernel always prints with a space between.
 */
const MID_TOKEN_CUT = { head: /\w[_/+=]$/, next: /^\s/ };
const WORD_CUT = { head: /(?:[,;!?)]|[A-Za-z)]:)$/, next: /^[A-Za-z(]/ };

/**
 * How the window was wrapped: hard when its wrapped lines all but stop at the width itself (a word wrap ends some
 * of them there too, by chance, and most of them short of it), else by words. Wrapped lines that stop at the
 * width are also what a word wrap of the same message, over and over, leaves: the cuts decide — more of them at a
 * word boundary the kernel prints with a space than inside a token, or a width no terminal has, is a word wrap.
 */
function wrapModeOf(lines: readonly LogLine[], width: number): WrapMode | undefined {
  let full = 0;
  let words = 0;
  let wordCuts = 0;
  let tokenCuts = 0;
  for (let i = 1; i < lines.length; i++) {
    const head = lines[i - 1];
    if (head.format === "plain") continue;
    const flowed = ENDS_WITH_SPACE.test(head.raw);
    if (continues(head.raw.length, flowed, lines[i], width, "hard")) {
      full++;
      // A cut inside a run of spaces (a driver's padded columns, `Tx Queue           <1>`) leaves blanks on both
      // sides whichever wrap made it: it tells neither.
      const inBlanks = flowed && MID_TOKEN_CUT.next.test(lines[i].raw);
      if (WORD_CUT.head.test(head.raw) && WORD_CUT.next.test(lines[i].raw)) wordCuts++;
      else if (!inBlanks && (MID_TOKEN_CUT.head.test(head.raw) || MID_TOKEN_CUT.next.test(lines[i].raw))) tokenCuts++;
    }
    if (continues(head.raw.length, flowed, lines[i], width, "word")) words++;
  }
  if (full >= MIN_WRAPPED_LINES && full >= words * HARD_WRAP_SHARE) {
    if (tokenCuts > wordCuts || (width >= MIN_HARD_WRAP_WIDTH && wordCuts === 0)) return "hard";
  }
  return words >= MIN_WRAPPED_LINES ? "word" : undefined;
}

/**
 * The paste each line came from, by the host its prefix names (a host-less continuation goes with the line before
 * it): a mail that quotes the original report under a new paste holds two pastes wrapped at different widths, and
 * one window-wide width would be the wider paste's, which no line of the narrower one reaches.
 */
function pasteKeys(lines: readonly LogLine[]): string[] {
  const keys: string[] = [];
  let key = "";
  for (const l of lines) {
    if (l.format !== "plain") key = l.host ?? "";
    keys.push(key);
  }
  return keys;
}

type Wrap = { width: number; mode: WrapMode };

/** Each paste's wrap width and mode (pastes that are not wrapped are left out). */
function wrapsOf(lines: readonly LogLine[], keys: readonly string[]): Map<string, Wrap> {
  const byKey = new Map<string, LogLine[]>();
  lines.forEach((l, i) => {
    let paste = byKey.get(keys[i]);
    if (!paste) byKey.set(keys[i], (paste = []));
    paste.push(l);
  });
  const wraps = new Map<string, Wrap>();
  for (const [key, paste] of byKey) {
    let width = 0;
    // A word wrap leaves a token longer than the width whole, on a line of its own: such a line says nothing of the width.
    for (const l of paste) if (l.raw.length > width && INNER_SPACE.test(l.raw)) width = l.raw.length;
    if (width < MIN_WRAP_WIDTH) continue;
    const mode = wrapModeOf(paste, width);
    if (mode !== undefined) wraps.set(key, { width, mode });
  }
  return wraps;
}

/**
 * The width of a hard wrap in a window of plain lines: the longest line's length (60 columns or more), when another
 * line is as long; else 0.
 */
function hardCutWidth(lines: readonly LogLine[]): number {
  let width = 0;
  let atWidth = 0;
  for (const l of lines) {
    if (l.format !== "plain") continue;
    const n = l.raw.length;
    if (n > width) {
      width = n;
      atWidth = 1;
    } else if (n === width) atWidth++;
  }
  return width >= MIN_WRAP_WIDTH && atWidth >= MIN_WRAPPED_LINES ? width : 0;
}

/** Whether plain `next` is the rest of a goroutine dump's line that a hard wrap cut at the end of `head`. */
function isGoFrameCut(head: LogLine, next: LogLine): boolean {
  if (head.format !== "plain" || !isText(next) || GO_DUMP_LINE_START.test(next.text)) return false;
  const text = head.text;
  // The name first: a method's receiver (`config.(*HeaderfileWriter).WriteNode`) has parentheses of its own.
  if (GO_NAME_CUT_HEAD.test(text)) return GO_NAME_CUT_REST.test(next.text);
  if (GO_PATH_CUT_HEAD.test(text)) return GO_PATH_CUT_REST.test(next.text);
  return isGoCall(text) && parenDepth(text) > 0;
}

/**
 * The window's lines with wrapped continuations joined into the line they continue (which keeps its line number;
 * the continuation lines are left out). Returns `lines` itself when nothing joined.
 */
export function joinWrappedLines(lines: readonly LogLine[]): readonly LogLine[] {
  const keys = pasteKeys(lines);
  const wraps = wrapsOf(lines, keys);
  const cutWidth = hardCutWidth(lines);
  if (wraps.size === 0 && cutWidth === 0 && !lines.some(isShapeContinuation)) return lines;
  let out: LogLine[] | undefined;
  // `head`: the line before, when a wrap's width may continue it (a prefixed line); `prev`: any line before, which a
  // kernel shape may continue (a log without prefixes too).
  let head: LogLine | undefined;
  let wrap: Wrap | undefined;
  let prev: LogLine | undefined;
  let lastLength = 0;
  let lastFlowed = false;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const byWidth = head !== undefined && wrap !== undefined && joined < MAX_CONTINUATIONS && continues(lastLength, lastFlowed, l, wrap.width, wrap.mode, true);
    // A continuation the width already joins still keeps a cut token whole (a word wrap's width, a release cut mid-way).
    const shape =
      prev && joined < MAX_CONTINUATIONS
        ? byWidth
          ? isText(l) && isGlued(prev, l)
            ? "glue"
            : undefined
          : (shapeJoin(prev, l) ?? (cutWidth > 0 && prev.raw.length === cutWidth && isGoFrameCut(prev, l) ? "glue" : undefined))
        : undefined;
    if (prev && (byWidth || shape)) {
      out ??= lines.slice(0, i);
      // The continuation's text: a quote or indentation every line of the paste carries is not part of the line. A
      // flowed line already ends with the wrap's space; a hard wrap took none, but for a word break (see WORD_BREAK).
      const space = ENDS_WITH_SPACE.test(prev.text)
        ? false
        : shape === "space" || (shape === undefined && (wrap?.mode === "word" || (WORD_BREAK.test(prev.text) && WORD_START.test(l.text)) || isKnownSplit(prev.text, l.text, SPACED_SPLITS)));
      prev = { ...prev, text: prev.text + (space ? " " : "") + l.text };
      if (head) head = prev;
      out[out.length - 1] = prev;
      lastLength = l.raw.length;
      lastFlowed = ENDS_WITH_SPACE.test(l.raw);
      joined++;
      continue;
    }
    out?.push(l);
    head = l.format !== "plain" ? l : undefined;
    wrap = head ? wraps.get(keys[i]) : undefined;
    prev = l;
    lastLength = l.raw.length;
    lastFlowed = ENDS_WITH_SPACE.test(l.raw);
    joined = 0;
  }
  return out ?? lines;
}
