/**
 * One-line (or short-block) problems that matter on Kubernetes nodes but are not crash reports: the kernel keeps
 * running, yet pods hang, packets drop or the node cannot dump a crash. Each row recognises one message family,
 * names it with a stable, syzkaller-like title (varying parts normalised away) and pulls out the facts a KB rule
 * or an SRE needs (device, usage count, cache name…). Repeats of the same problem on the same host and boot are
 * folded into one finding with a count (see `groupKey`).
 */
import type { FindingKind } from "../types";

/** Facts pulled out of an event line. */
export type Details = Record<string, string | number | boolean>;

export type ProblemEventRule = {
  /** Stable rule id (goes into tests). */
  id: string;
  kind: FindingKind;
  /** Cheap literal that must occur in the line before `pattern` is tried (the scanner's prefilter uses it too). */
  needle: string;
  pattern: RegExp;
  /** Title from the match; keep varying parts (PIDs, addresses, counts) out of it. */
  title: (m: RegExpExecArray) => string;
  details?: (m: RegExpExecArray) => Details;
  /** Extra lines after the first that belong to the event (SLUB prints a cache line and per-node lines). */
  continuation?: RegExp;
  /** Lines of the block worth parsing for details (applied to continuation lines). */
  continuationDetails?: (line: string) => Record<string, string | number | boolean> | undefined;
  /** Repeats with the same key (per host and boot) fold into one finding. Defaults to the title. */
  groupKey?: (m: RegExpExecArray) => string;
  /** Only lines from this program count (`kubelet`); kernel rules accept `kernel` or unknown. */
  program?: RegExp;
  /** Not a finding on its own: shown on the timeline only. */
  timelineOnly?: boolean;
  /**
   * The event ends a multi-line report that starts at a line matching this (an OOM kill ends the
   * `invoked oom-killer` report): that report's `CPU: … Comm: … <release>` line gives the release and task.
   */
  reportStart?: ReportStart;
  /**
   * The event is a finding only when its report's first line is not in the log (`reportStart.cut` found the
   * start): with the first line present, that line's own rule tells the problem.
   */
  onlyWhenStartCut?: true;
  /** The event counts only right after a line (same host) that matches this: the frame that calls it. */
  rightAfter?: RegExp;
  /** The event does not count right after a line (same host) that matches this: that line's own rule told it. */
  notRightAfter?: RegExp;
  /**
   * Facts the report's lines tell (the lines from `reportStart` to the event, or the `reportFollows` lines), added to
   * the details where the event's own line did not set them: the KB reads them as `detail` rules.
   */
  reportFacts?: (lines: readonly string[]) => Details;
  /**
   * The event STARTS a report of this many lines (an `invoked oom-killer` whose kill line was cut off, the task
   * line warn_alloc() prints under an allocation failure): they give the release and task, and `refine` may sharpen
   * the title from them.
   */
  reportFollows?: number;
  refine?: (following: readonly string[]) => { title: string; groupKey: string; details?: Details } | undefined;
  /** A crash report with such a title near the event (within a few lines, same host) already is this problem. */
  supersededBy?: RegExp;
  /**
   * Titles of crash reports whose raw record this event decodes (an EDAC line naming the DIMM after the CPU's
   * `Machine Check Exception` bank dump): a report with such a title a few lines before it (same host) is dropped,
   * the event is the finding — unless the machine panicked with the report.
   */
  decodes?: RegExp;
  /** Rule ids of events that end the report this event starts: when one follows, this event is not a finding. */
  endedBy?: readonly string[];
  /**
   * Rule ids of events that start the report this event is a later line of: with one before it (same host and fold
   * key), this event is not a finding of its own; without one (a paste that starts inside the report), it is.
   */
  continues?: readonly string[];
  /**
   * `continues` holds whatever the starting event's fold key: the event cannot tell which of the starter's keys it
   * belongs to (systemd's note of a kernel OOM kill does not say whether a memory cgroup or the machine ran out).
   */
  continuesAnyKey?: true;
  /**
   * A report class has the same header (syzkaller reports the line as a crash) and the findings stage keeps the event
   * instead (`crashReportsOf`): the class's needle does not keep a repeat from folding without a window.
   */
  eventNotReport?: true;
  /**
   * The problem is the repetition, not the line: a run (per host, boot and fold key, across the incident's inputs)
   * of fewer occurrences is no finding, only a marker on the timeline (stage 4, `foldIdenticalReports`).
   */
  minRepeats?: number;
};

/** Where the multi-line report an event belongs to begins. */
export type ReportStart = {
  /** Literal of the first line (the scanner's prefilter opens a window there). */
  needle: string;
  pattern: RegExp;
  /**
   * When the first line is not in the log (a paste that starts mid-report, a console that dropped it), what is
   * left begins at the nearest `start` line before the event, provided a line from there to the event is
   * `evidence` of this report: its task line still names the release. With no `start` line either (a paste that
   * begins at the `Hardware name:` line dump_stack() prints under it), the nearest `laterStart` line instead.
   */
  cut?: {
    start: RegExp;
    evidence: RegExp;
    laterStart?: RegExp;
    /**
     * With neither (a paste that begins at the stack itself: `<IRQ>  [<…>] dump_stack+0x19/0x1b`), the nearest line
     * of this kind: the stack's own first frame.
     */
    stackStart?: RegExp;
    /**
     * Every line between the cut start and the event must be one of these (the report's own preamble): a stack that
     * reaches the event's frame through other code (a KMSAN report raised inside warn_alloc's dump_stack) is that
     * other report's, not a cut one of this kind.
     */
    preamble?: RegExp;
  };
};

/** The task line dump_stack() prints first (`Pid: …, comm: …` before 3.x's `CPU: … PID: … Comm: …`). */
const TASK_LINE = /\bCPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: |\bPid: \d+, comm: /;
/** The line dump_stack() prints right under the task line. */
const HARDWARE_NAME_LINE = /^Hardware name: /;
/**
 * What dump_stack() prints before its caller's frame: the task, hardware and workqueue lines, 3.x's raw stack words,
 * `Call Trace:`, `<TASK>`/`<IRQ>` marks and its own frames (x86 `dump_stack+0x…`, ARM `show_stack from dump_stack_lvl+…`).
 */
const DUMP_STACK_PREAMBLE =
  /^(?:Hardware name: |Workqueue: |Call [Tt]race:|\s*<\/?(?:TASK|IRQ)>\s*$|\s*(?:[0-9a-f]{8,16}\s*)+$|\s*(?:\[<[0-9a-f]+>\]\s*)?(?:\? )?(?:__)?(?:dump_stack(?:_lvl)?|show_stack|unwind_backtrace|dump_backtrace)(?:\+0x| from |\s|$))/;
/**
 * dump_stack()'s own frame as the first line of a stack (x86 `[<…>] dump_stack+0x…`, under an `<IRQ>` mark too), or
 * ARM's unwinder line for it, which names its caller on the same line (`[<…>] (dump_stack) from [<…>] (warn_alloc+…)`).
 */
const DUMP_STACK_FRAME =
  /^\s*(?:<IRQ>\s*)?(?:\[<[0-9a-f]+>\]\s*)?(?:dump_stack(?:_lvl)?\+0x|\(dump_stack(?:_lvl)?(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?\) from )/;
/** warn_alloc()'s own frame (`warn_alloc_failed` before 4.9), as x86 and ARM's `X from warn_alloc+0x…` print it. */
const WARN_ALLOC_FRAME = /\bwarn_alloc(?:_failed)?(?:\.cold)?\+0x/;
/**
 * ARM's unwinder (before 5.15's bare `dump_stack_lvl from warn_alloc+0x…`) prints each frame with its caller and both
 * addresses (`[<c082852c>] (dump_stack) from [<c032554c>] (warn_alloc+0xb4/0x13c)`, 3.x `(dump_stack+0x88/0x9c) from
 * …`, some pastes without the space before `(`): the one line says dump_stack()'s caller is warn_alloc.
 */
const ARM_DUMP_STACK_FROM_WARN_ALLOC =
  /\(dump_stack(?:_lvl)?(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?\) from \[<[0-9a-f]+>\]\s*\(warn_alloc(?:_failed)?(?:\.cold)?\+0x/;

/**
 * The OOM report opens with `<comm> invoked oom-killer: gfp_mask=…` and prints the task line right after; a
 * paste often starts at the task line, `Mem-Info:`, the task table or the kill line (dump_header() and
 * oom_kill_process() are the frames of the report's own stack).
 */
const OOM_REPORT_START: ReportStart = {
  needle: "invoked oom-killer:",
  pattern: /invoked oom-killer:/,
  cut: {
    start: TASK_LINE,
    evidence: /\b(?:dump_(?:memcg_|global_)?header|oom_kill_process)\+0x|^Mem-Info:|^\[\s*pid\s*\]\s+uid\s+tgid\b/,
    laterStart: HARDWARE_NAME_LINE,
  },
};

/**
 * warn_alloc() opens with `<comm>: page allocation failure: order:N, mode:…` (vmalloc's own failures with `vmalloc:
 * allocation failure:`), then the task line and dump_stack()'s stack, whose next frame is warn_alloc itself.
 */
const ALLOC_FAILURE_REPORT_START: ReportStart = {
  needle: "allocation failure",
  pattern: /(?:page allocation failure[.:] order:|vmalloc: allocation failure)/,
  cut: { start: TASK_LINE, evidence: WARN_ALLOC_FRAME, laterStart: HARDWARE_NAME_LINE, stackStart: DUMP_STACK_FRAME, preamble: DUMP_STACK_PREAMBLE },
};

const MEMCG_OOM_HINT = /\bmem_cgroup_(?:oom|out_of_memory)|killed as a result of limit of|Memory cgroup (?:out of memory|stats for)|^memory: usage \d+kB, limit \d+kB/;
/**
 * A system-wide OOM: mm/oom_kill.c's dump_header() prints `Mem-Info:` (show_mem) only when no memory cgroup is the
 * constraint; 4.19+ print the constraint itself (`oom-kill:constraint=CONSTRAINT_NONE,…,global_oom,…`).
 */
const GLOBAL_OOM_HINT = /^Mem-Info:|\bconstraint=CONSTRAINT_NONE\b|,global_oom,/;
const OOM_CONSTRAINT = /\boom-kill:constraint=(CONSTRAINT_\w+)/;
const OOM_MEMCG = /[:,]oom_memcg=([^,\s]+)/;
/** `<comm> cpuset=<cgroup> mems_allowed=…` (3.x–4.x): the cpuset cgroup of the task that invoked the OOM killer. */
const OOM_INVOKER_CPUSET = /^\S+ cpuset=(\S+) mems_allowed=/;

/** An OOM report whose lines show a memory cgroup's OOM (`mem_cgroup_…` frames, the cgroup's usage lines). */
function memcgOomRefine(following: readonly string[]): { title: string; groupKey: string; details: Details } | undefined {
  return following.some((l) => MEMCG_OOM_HINT.test(l)) ? { title: "OOM: memory cgroup out of memory", groupKey: "oom:memcg", details: { memcg: true } } : undefined;
}

/**
 * What an OOM report's lines say beyond its first and last line: whether a memory cgroup or the whole machine ran
 * out (`memcg`, `constraint`, `oomMemcg`), and the cgroup of the task that invoked it (`invokerCpuset`: a container's
 * id or `/kubepods/…` says the allocation came from a container). A report that shows neither sets no `memcg`.
 */
export function oomReportFacts(lines: readonly string[]): Details {
  const facts: Details = {};
  let memcg = false;
  let global = false;
  for (const line of lines) {
    const constraint = OOM_CONSTRAINT.exec(line);
    if (constraint) facts.constraint ??= constraint[1];
    const oomMemcg = OOM_MEMCG.exec(line);
    if (oomMemcg && oomMemcg[1] !== "(null)") facts.oomMemcg ??= oomMemcg[1];
    const cpuset = OOM_INVOKER_CPUSET.exec(line);
    if (cpuset) facts.invokerCpuset ??= cpuset[1];
    if (MEMCG_OOM_HINT.test(line) || constraint?.[1] === "CONSTRAINT_MEMCG" || (oomMemcg && oomMemcg[1] !== "(null)")) memcg = true;
    else if (GLOBAL_OOM_HINT.test(line)) global = true;
  }
  if (memcg !== global) facts.memcg = memcg;
  return facts;
}

/**
 * The title of an XFS message phrase: the older shutdown wordings name the same two events as the current ones
 * (`log I/O error`, `Filesystem has been shut down`), and the repeated log-force failures only say it is shut down.
 */
function xfsPhraseTitle(phrase: string, shutdownFlags?: string): string {
  if (/^Log I\/O Error Detected/.test(phrase)) return "log i/o error";
  // xfs_do_force_shutdown(flags): SHUTDOWN_CORRUPT_INCORE (0x8) is in-memory corruption, 6.x's SHUTDOWN_CORRUPT_ONDISK
  // (0x10) a metadata verifier's; the same shutdown the next line reports (`Corruption of in-memory data detected`).
  const flags = shutdownFlags ? Number(shutdownFlags) : 0;
  if ((flags & 0x8) !== 0) return "corruption of in-memory data";
  if ((flags & 0x10) !== 0) return "metadata corruption detected";
  // A log whose metadata is newer than the log itself (a zeroed or lost log): recovery refuses to mount.
  if (/^Corruption warning: Metadata has LSN/.test(phrase)) return "metadata LSN ahead of the log";
  if (/^log mount/.test(phrase)) return "log mount failed";
  if (/^(?:I\/O Error Detected|xfs_do_force_shutdown|xfs_log_force)/.test(phrase)) return "filesystem has been shut down";
  return phrase.toLowerCase();
}

/**
 * A GHES record's memory section, titled as EDAC's line for the same error: the record's lines (`following`, from its
 * first line) up to the next record, its `event severity:` (corrected; recoverable and fatal ones were not corrected)
 * and a `section_type: memory error`. A record of another section type stays a machine check.
 */
function ghesMemoryRecord(following: readonly string[]): { title: string; groupKey: string; details: Details } | undefined {
  let severity: string | undefined;
  let memory = false;
  for (let k = 0; k < following.length; k++) {
    const line = following[k];
    // A record joined onto one line (a paste) holds its severity and sections after its first `[Hardware Error]:`.
    if (k > 0 && /Hardware error from APEI Generic Hardware Error Source/.test(line)) break;
    if (!line.includes("[Hardware Error]")) break;
    severity ??= /event severity: (\w+)/.exec(line)?.[1];
    if (/section_type: memory error\b/.test(line)) memory = true;
  }
  if (!memory || !severity) return undefined;
  const corrected = severity === "corrected";
  return {
    title: corrected ? "EDAC: corrected memory error" : "EDAC: uncorrectable memory error",
    groupKey: corrected ? "edac:CE" : "edac:UE",
    details: { type: corrected ? "CE" : "UE", severity },
  };
}

/**
 * A record the mcelog tool decoded (its own output, `mcelog --ascii`, or its syslog lines): the lines after its
 * banner up to the next record say whether the bank reported memory (`Northbridge Chipkill ECC error`, `Memory read
 * error`, `MEMORY CONTROLLER …`) and whether it was corrected; a memory record is a DIMM's ECC error, as EDAC's line.
 */
function mcelogMemoryRecord(following: readonly string[]): { title: string; groupKey: string; details: Details } | undefined {
  let memory = false;
  let uncorrected = false;
  let thermal = false;
  for (let k = 1; k < following.length; k++) {
    const line = following[k];
    // The next record's banner ends this one (its `MCE N` counter line comes before the banner in old releases,
    // after it since: either way it holds nothing read here).
    if (MCELOG_BANNER.test(line)) break;
    if (MCELOG_THERMAL.test(line)) thermal = true;
    if (/ECC error|ECC syndrome|Memory (?:read|write|scrubbing) error|MEMORY CONTROLLER/i.test(line)) memory = true;
    if (/\buncorrected (?:ecc )?error\b/i.test(line)) uncorrected = true;
  }
  // Kernels before 5.x hand each thermal-throttle interrupt to the machine-check log as a record of its own
  // (therm_throt.c, mce_log_therm_throt_event), and mcelog decodes it as `CPU 1 THERMAL EVENT`, `Processor 1 heated
  // above trip temperature. Throttling enabled.`: the CPU throttling, not a machine check. After the kernel's own
  // throttle line (the rules' `continues`) it is that finding's record.
  if (thermal) return { title: "thermal: CPU clock throttled", groupKey: "thermal-throttle", details: { via: "mcelog" } };
  if (!memory) return undefined;
  return {
    title: uncorrected ? "EDAC: uncorrectable memory error" : "EDAC: corrected memory error",
    groupKey: uncorrected ? "edac:UE" : "edac:CE",
    details: { type: uncorrected ? "UE" : "CE", via: "mcelog" },
  };
}
/** mcelog's decode of a thermal-throttle record (the CPU/bank line and the throttle start and end wordings). */
const MCELOG_THERMAL = /\bTHERMAL EVENT\b|\b(?:heated above|below) trip temperature\b/;
/** mcelog's banner over each decoded record: the pre-2009 wording, and the one since. */
const MCELOG_BANNER = /HARDWARE ERROR\. This is \*NOT\* a software problem!|Hardware event\. This is not a software error\./;

/** A rasdaemon MCE row from a memory controller bank or with an ECC status (`CECC`/`UECC`). */
function rasMemoryBank(m: RegExpExecArray): boolean {
  return /Memory Controller|\bUMC\b|\biMC\b/i.test(m[3]) || /\b[CU]ECC\b/.test(m[4]);
}

const MEMCG_CHILD_CACHE = /^([\w-]+)\((\d+):([^)]*)\)$/;

/**
 * The severity AER prints (`Corrected`, `Uncorrected (Non-Fatal)`, `Uncorrected (Fatal)`; 6.x says `Correctable`,
 * `Uncorrectable (…)`), as the fold key and title part: a link's corrected errors are one finding, its uncorrected
 * ones another.
 */
function aerSeverity(severity: string): { key: string; title: string } {
  if (/^Correct/.test(severity)) return { key: "corrected", title: "PCIe AER: corrected error" };
  if (/Non-Fatal/.test(severity)) return { key: "nonfatal", title: "PCIe AER: uncorrected (non-fatal) error" };
  return { key: "fatal", title: "PCIe AER: uncorrected (fatal) error" };
}

/** A thermal-throttle line (`CPU2: Core temperature above threshold, …`, `… temperature/speed normal`). */
const THERMAL_THROTTLE_LINE = /\bCPU\d+: (?:(?:Core|Package) )?temperature(?: is above threshold|\/speed normal| above threshold)/i;

/** The two clocksource-watchdog wordings name the clocksource in group 1 and are one problem. */
const CLOCKSOURCE_UNSTABLE = {
  kind: "other",
  title: (m: RegExpExecArray) => `clocksource: ${m[1]} marked unstable`,
  details: (m: RegExpExecArray): Details => ({ clocksource: m[1] }),
  // `tsc-early` is the TSC before its calibration is refined: the same counter, so the TSC's own `Marking TSC unstable`
  // line after the watchdog's `Marking clocksource 'tsc-early'` line is that finding's (tsc-unstable-watchdog continues it).
  groupKey: (m: RegExpExecArray) => `clocksource:${m[1].replace(/-early$/, "")}`,
} as const satisfies Partial<ProblemEventRule>;

/** x86's hardware-NMI lines (`… for reason 75 on CPU 0.`): the NMI status byte and the CPU, when printed. */
function nmiReasonDetails(m: RegExpExecArray): Details {
  return { ...(m[1] ? { reason: m[1] } : {}), ...(m[2] ? { cpu: Number(m[2]) } : {}) };
}

/** A VF's failed exchange with its PF over virtchnl (see its rows): one problem per VF, whichever line shows it. */
const IAVF_VF_PF_FAILURE = {
  kind: "other",
  title: () => "iavf: VF request rejected by PF",
  groupKey: (m: RegExpExecArray) => `iavf-vf-pf:${m[2]}`,
} as const satisfies Partial<ProblemEventRule>;

/** A row of the mcelog tool's decoded record (see mcelogMemoryRecord); `needle` picks one banner wording. */
function mcelogRecordRule(id: string, needle: string): ProblemEventRule {
  return {
    id,
    kind: "mce",
    needle,
    // Each row reads its own wording only: both rows on one banner would count the record twice.
    pattern: needle.startsWith("*") ? /HARDWARE ERROR\. This is \*NOT\* a software problem!/ : /Hardware event\. This is not a software error\./,
    title: () => "MCE: hardware error",
    groupKey: () => "mce",
    reportFollows: 16,
    refine: (following) => mcelogMemoryRecord(following),
    // The daemon decodes the records the kernel logged: after the kernel's own notice of them (same host and fold
    // key: `mce: [Hardware Error]: Machine check events logged`, then mcelog's record of it, as node-problem-detector
    // shows both) the record is that error, not a second one.
    continues: ["mce-events-logged", "mce-hardware-error", "ghes-record", "thermal-throttle"],
  };
}

/** i915's GuC stopped answering, one wording per needle (see the i915-guc-* rows): one finding per GPU, each line counted. */
function i915GucRule(id: string, needle: string, pattern: RegExp): ProblemEventRule {
  return { id, kind: "other", needle, pattern, title: () => "i915: GuC not responding", details: (m) => ({ pci: m[1] }), groupKey: (m) => `i915-guc:${m[1]}` };
}

/** A swap entry mm/swapfile.c rejected (see its rows): `swap_free: Bad swap file entry 007e9058`. */
function swapEntryRule(id: string, needle: string): ProblemEventRule {
  return {
    id,
    kind: "other",
    needle,
    pattern: /\b(\w+): (Bad|Unused) swap (file|offset) entry ([0-9a-f]+)/,
    title: () => "swap: bad swap entry",
    details: (m) => ({ function: m[1], problem: `${m[2].toLowerCase()} ${m[3]}`, entry: m[4] }),
    groupKey: () => "swap-entry",
  };
}

/**
 * The kernel ceph client's failed session to daemon `mon0`/`osd3`/`mds1` (its address `(1)10.0.0.1:6789` after it; the
 * `(1)` msgr2 address type since 5.11), then the failure's wording: one finding per daemon over its three rows.
 */
const libcephPattern = (failure: string) =>
  new RegExp(String.raw`\blibceph: (mon|osd|mds)(\d{1,6}) (?:\(\d\))?\S{1,128} ${failure}`);
const LIBCEPH_CONNECT_FAILED = {
  kind: "io-error",
  title: (m: RegExpExecArray) => `libceph: ${m[1] === "mon" ? "monitor" : m[1].toUpperCase()} connection failed`,
  details: (m: RegExpExecArray): Details => ({ daemon: `${m[1]}${m[2]}` }),
  groupKey: (m: RegExpExecArray) => `libceph:${m[1]}${m[2]}`,
} as const satisfies Partial<ProblemEventRule>;

/** The rule table. Order matters only for lines two rules could both claim (first wins). */
/** A cut OOM report found by the OOM killer's header function `fn` right under dump_stack() (see its rows). */
function oomReportCut(id: string, fn: string): ProblemEventRule {
  return {
    id,
    kind: "oom",
    needle: `${fn}+0x`,
    pattern: new RegExp(String.raw`\b${fn}\+0x`),
    rightAfter: /\bdump_stack(?:_lvl)?\+0x/,
    title: () => "OOM: out of memory",
    groupKey: () => "oom:global",
    reportStart: OOM_REPORT_START,
    onlyWhenStartCut: true,
    reportFollows: 80,
    refine: memcgOomRefine,
    reportFacts: oomReportFacts,
    endedBy: ["oom-kill", "oom-kill-legacy", "oom-killed-process-bare", "oom-memcg-limit", "oom-kill-summary"],
  };
}

export const PROBLEM_EVENT_RULES: ProblemEventRule[] = [
  {
    id: "netdev-refcount-wait",
    kind: "netdev-refcount",
    needle: "unregister_netdevice: waiting for",
    // The device name may contain anything but a space; newer kernels append nothing, some distros add text. The
    // words up to `to become free` already say it: an undecoded mail keeps its `Usage count =3D 2` (no soft breaks to
    // mark it quoted-printable, so nothing decodes it); the count is then unknown, the event is not. (A line a mail
    // client wrapped after the device name is joined to its continuation by the scanner's wrap rule first.) A `%s`
    // (the format string quoted from source or a patch) or a `\w+` (a log monitor's pattern printed in its config)
    // is no device.
    pattern: /unregister_netdevice: waiting for ([^\s%\\(]\S*)(?: to become free\. Usage count = (-?\d+)| to become free\b)/,
    title: () => "unregister_netdevice: waiting for DEV to become free",
    details: (m): Details => (m[2] !== undefined ? { device: m[1], usageCount: Number(m[2]) } : { device: m[1] }),
    groupKey: (m) => `netdev:${m[1]}`,
    eventNotReport: true,
  },
  {
    id: "route-cache-full",
    kind: "route-cache-full",
    needle: "Route cache is full",
    pattern: /Route cache is full: consider increasing sysctl net\.(ipv4|ipv6|ipv\[4\|6\])\.route\.max_size/,
    title: (m) =>
      m[1] === "ipv6"
        ? "Route cache is full: consider increasing sysctl net.ipv6.route.max_size"
        : "Route cache is full: consider increasing sysctl net.ipv[4|6].route.max_size",
    details: (m) => ({ family: m[1] }),
  },
  {
    // SLAB/SLUB's cache_from_obj(): kmem_cache_free() was handed an object of another cache (a double free, a stale
    // pointer, a corrupted object: memory corruption on the freeing path). 3.x–4.x print this line then
    // WARN_ON_ONCE(); 5.x+ make it the WARN_ONCE message. The first one comes with a WARNING report, which is the
    // finding; the later ones print this line alone, and a paste of only them is still this problem.
    id: "slab-wrong-cache",
    kind: "other",
    needle: "Wrong slab cache",
    pattern: /\bcache_from_obj: Wrong slab cache\. (\S+) but object is from (\S+?)\.?$/,
    title: () => "cache_from_obj: Wrong slab cache",
    details: (m) => ({ cache: m[1], objectCache: m[2] }),
    groupKey: () => "slab-wrong-cache",
    supersededBy: /^WARNING in /,
  },
  // mm/swapfile.c found a swap entry that names no swap area (`Bad swap file entry`), a slot past the area's end (`Bad
  // swap offset entry`) or a slot nobody holds (`Unused swap file/offset entry`): a page-table entry that should say
  // where a swapped-out page lies says something else — page-table or memory corruption (bad RAM, a driver scribbling
  // over page tables, an architecture bug setting PTE bits of swapped-out pages) or a race in the swap code. The
  // complaining function prints its own name first: `swap_dup:`/`swap_free:` (2.4–4.x), `swap_info_get:`,
  // `get_swap_device:` (5.x+). Often printed in a storm until the machine hangs, or right before a `BUG: Bad page map`.
  // Two rows for the scanner's literal prefilter (file and offset entries), one problem.
  swapEntryRule("swap-bad-file-entry", "swap file entry"),
  swapEntryRule("swap-bad-offset-entry", "swap offset entry"),
  {
    id: "slub-alloc-failure",
    kind: "slab-alloc-failure",
    needle: "SLUB: Unable to allocate memory",
    // slab_out_of_memory(): `… on node -1 (gfp=0x20)` before 4.15, `… on node -1, gfp=0x900(GFP_NOWAIT|__GFP_ZERO)`
    // since, and 6.x names the CPU first (`… on CPU 0 (of node 0) on node -1, gfp=0x820(GFP_ATOMIC)`).
    // The flags by name (`gfp=0xa20(GFP_ATOMIC)`, `%pGg`) are the 4.15+ format: a detail, as it rules out older
    // kernels (RHEL 7's 3.10) when the log names no release.
    pattern: /SLUB: Unable to allocate memory on (?:CPU \d+ \(of node -?\d+\) on )?node (-?\d+)(?: \(gfp=|, gfp=)(0x[0-9a-f]+)(?:\(([^)]*)\))?/,
    title: () => "SLUB: Unable to allocate memory",
    details: (m): Details => ({ node: Number(m[1]), gfp: m[2], ...(m[3] ? { gfpFlags: m[3] } : {}) }),
    continuation: /^\s+(?:cache: |node -?\d+: slabs: )/,
    continuationDetails: (line) => {
      const c = /^\s+cache: (\S+?), object size: (\d+), buffer size: (\d+), default order: (\d+), min order: (\d+)/.exec(
        line,
      );
      if (!c) return undefined;
      const name = c[1];
      const child = MEMCG_CHILD_CACHE.exec(name);
      return {
        cache: name,
        cacheBase: child ? child[1] : name,
        memcgChildCache: Boolean(child),
        ...(child ? { memcgId: Number(child[2]), memcgName: child[3] } : {}),
        objectSize: Number(c[2]),
      };
    },
  },
  {
    id: "page-allocation-failure",
    kind: "page-alloc-failure",
    needle: "page allocation failure",
    // 2.6.x printed `page allocation failure. order:1, mode:0x20`. warn_alloc() prints the mode, the nodemask and the
    // cpuset with pr_cont(): on an SMP console without caller ids another CPU's lines cut in between, so the header
    // can end right after the order (`swapper/3: page allocation failure: order:0`, its `, mode:0x1080020(GFP_ATOMIC)`
    // lines further down) and the task name can stand on a line of its own above it (`swapper/3: ` then
    // `page allocation failure: order:0`). Without the mode the header must end the line: a comm-less line with
    // anything else after the order is not this header.
    pattern: /(?:(\S+): )?page allocation failure[.:] order:(\d+)(?:, mode:(0x[0-9a-f]+)(?:\(([^)]*)\))?|\s*$)/,
    title: (m) => `page allocation failure: order:${m[2]}`,
    // warn_alloc() prints the task line (`CPU: … Comm: … <release>`) and the stack right after.
    reportFollows: 4,
    details: (m) => ({ ...(m[1] ? { comm: m[1].replace(/\d+$/, "") } : {}), order: Number(m[2]), ...(m[3] ? { mode: m[3] } : {}), ...(m[4] ? { flags: m[4] } : {}) }),
    groupKey: (m) => `order:${m[2]}`,
  },
  {
    // warn_alloc() under a failed vmalloc() (4.12+): `kmodloader: vmalloc: allocation failure: 425984 bytes,
    // mode:0x14000c0(GFP_KERNEL), nodemask=(null)`, or for an area it could fill only in part `python3: vmalloc:
    // allocation failure, allocated 12288 of 20480 bytes, mode:…`; the task line and stack follow as for a page
    // allocation failure. Usually the vmalloc address space is exhausted (32-bit ARM's small area, `vmap allocation for
    // size N failed: use vmalloc=<size> to increase size` above it), not the memory. Older kernels printed
    // `vmalloc: allocation failure: N bytes` with no task name and a `page allocation failure` line after it, which is
    // that rule's finding: the task name before the words is required here.
    id: "vmalloc-allocation-failure",
    kind: "page-alloc-failure",
    needle: "vmalloc: allocation failure",
    pattern: /(\S+): vmalloc: allocation failure(?:: (\d+) bytes|, allocated (\d+) of (\d+) bytes), mode:(0x[0-9a-f]+)/,
    title: () => "vmalloc: allocation failure",
    reportFollows: 4,
    details: (m) => ({ comm: m[1].replace(/\d+$/, ""), bytes: Number(m[2] ?? m[4]), mode: m[5], via: "vmalloc" }),
    groupKey: () => "vmalloc",
  },
  {
    // mm/sparse-vmemmap.c hands warn_alloc() its own wording when the struct-page backing of hot-added (or boot)
    // memory cannot be allocated (`vmemmap alloc failure: order:9, mode:…`): the same report, task line and stack
    // after it, and the same cause (a high-order block the buddy allocator could not assemble).
    id: "vmemmap-alloc-failure",
    kind: "page-alloc-failure",
    needle: "vmemmap alloc failure",
    pattern: /(\S+): vmemmap alloc failure: order:(\d+), mode:(0x[0-9a-f]+)(?:\(([^)]*)\))?/,
    title: (m) => `page allocation failure: order:${m[2]}`,
    reportFollows: 4,
    details: (m) => ({ comm: m[1].replace(/\d+$/, ""), order: Number(m[2]), mode: m[3], ...(m[4] ? { flags: m[4] } : {}), via: "vmemmap" }),
    groupKey: (m) => `order:${m[2]}`,
  },
  {
    // XFS's own allocation wrappers never fail: kmem_alloc()/kmem_zone_alloc() (and xfs_buf's page allocation) retry
    // forever, and every 100th failed try prints this, so a task writing to XFS blocks while memory is too fragmented
    // for the size it wants (a high-order kmalloc for a big extent list). 3.x–4.x: `XFS: possible memory allocation
    // deadlock in kmem_alloc (mode:0x250)`; since 4.x with the task and size: `XFS: nginx(31866) possible memory
    // allocation deadlock size 65552 in kmem_alloc (mode:0x2400240)`; xfs_buf's names the device (`XFS (dm-3): …`).
    // An allocation failure that does not give up, not a lock deadlock; one finding per function and host.
    id: "xfs-memory-allocation-deadlock",
    kind: "page-alloc-failure",
    needle: "allocation dead",
    pattern: /XFS(?: \([^)\s]{1,64}\))?: (?:(\S+?)\((\d+)\) )?possible memory allocation deadlock(?: size (\d+))? in (\w+) \(mode:(0x[0-9a-f]+)\)/,
    title: (m) => `XFS: possible memory allocation deadlock in ${m[4]}`,
    details: (m) => ({ ...(m[1] ? { comm: m[1] } : {}), ...(m[3] ? { bytes: Number(m[3]) } : {}), function: m[4], mode: m[5], via: "xfs" }),
    groupKey: (m) => `xfs-alloc-deadlock:${m[4]}`,
  },
  {
    // Linux 2.4's __alloc_pages() reported a failure in one line and no stack (`__alloc_pages: 0-order allocation
    // failed (gfp=0x20/0)`: the gfp mask, then whether the task was PF_MEMALLOC); routers still run it.
    id: "page-allocation-failure-2.4",
    kind: "page-alloc-failure",
    // (`order allocation failed` rather than `-order …`: the byte prefilter's buckets keep common log words out then)
    needle: "order allocation failed",
    pattern: /__alloc_pages: (\d+)-order allocation failed \(gfp=(0x[0-9a-f]+)\/\d+\)/,
    title: (m) => `page allocation failure: order:${m[1]}`,
    details: (m) => ({ order: Number(m[1]), mode: m[2] }),
    groupKey: (m) => `order:${m[1]}`,
  },
  {
    // The same cut on ARM, whose unwinder line for dump_stack() names warn_alloc as its caller: a paste (or a
    // console that dropped lines) may begin at that very line, with no task, `Hardware name:` or earlier frame
    // line above it (OpenWrt logread on a Raspberry Pi: `… kern.warn kernel: [  177.171551] [<c082852c>]
    // (dump_stack) from [<c032554c>] (warn_alloc+0xb4/0x13c)`). Before `page-allocation-failure-cut`, which needs
    // the line above and would take this line first.
    id: "page-allocation-failure-cut-arm",
    kind: "page-alloc-failure",
    needle: "warn_alloc",
    pattern: ARM_DUMP_STACK_FROM_WARN_ALLOC,
    title: () => "page allocation failure",
    groupKey: () => "order:unknown",
    reportStart: ALLOC_FAILURE_REPORT_START,
    onlyWhenStartCut: true,
  },
  {
    // An allocation failure whose first line was cut (a paste from the task line on): dump_stack()'s next frame is
    // warn_alloc. With the first line there, `page-allocation-failure` above is the finding.
    id: "page-allocation-failure-cut",
    kind: "page-alloc-failure",
    needle: "warn_alloc",
    pattern: WARN_ALLOC_FRAME,
    rightAfter: /\bdump_stack(?:_lvl)?\+0x/,
    title: () => "page allocation failure",
    groupKey: () => "order:unknown",
    reportStart: ALLOC_FAILURE_REPORT_START,
    onlyWhenStartCut: true,
  },
  {
    id: "conntrack-table-full",
    kind: "conntrack-full",
    needle: "table full,",
    // 2.6 kernels said `ip_conntrack: table full, dropping packet.`; OpenVZ's 2.6.18/2.6.32 kernels count per
    // container and name it (`ip_conntrack: VPS 101 table full, dropping packet.`). A paste from a narrow terminal or
    // a mail client wraps the long syslog line after `table full,`: the line alone still says it.
    pattern: /\b(?:nf|ip)_conntrack: (?:nf_conntrack: |VPS \S{1,32} )?table full,(?: dropping packet|\s*$)/,
    title: () => "nf_conntrack: table full, dropping packet",
  },
  {
    // The conntrack helpers' expectation table (the related connections FTP/SIP/PPTP helpers and fullcone NAT
    // modules announce) reached nf_conntrack_expect_max: nf_ct_expect_related() refuses new expectations, so the
    // related data or media connections (or the fullcone mappings) fail while the main table has room.
    id: "conntrack-expectation-table-full",
    kind: "conntrack-full",
    needle: "conntrack: expectation table full",
    pattern: /\b(?:nf|ip)_conntrack: expectation table full/,
    title: () => "nf_conntrack: expectation table full",
  },
  {
    // `conntrack -S` output pasted into the log: the insert race (SNAT/DNS 5 s timeouts) only shows in this counter.
    id: "conntrack-insert-failed",
    kind: "conntrack-full",
    needle: "insert_failed=",
    pattern: /\binsert_failed=([1-9]\d*)/,
    title: () => "nf_conntrack: insert_failed counter rising",
    details: (m) => ({ insertFailed: Number(m[1]) }),
    groupKey: () => "conntrack-insert-failed",
  },
  {
    // Go resolvers (kubelet, agents, apps) when DNS replies are lost, classically to the conntrack insert race.
    id: "dns-lookup-timeout",
    kind: "other",
    needle: ":53: ",
    pattern: /lookup (\S+) on ([\d.:[\]a-f]+):53: (?:read udp \S+->\S+: )?i\/o timeout/,
    title: () => "DNS lookup timeout",
    details: (m) => ({ name: m[1], server: m[2] }),
    groupKey: () => "dns-timeout",
  },
  {
    id: "neighbour-table-overflow",
    kind: "neighbour-overflow",
    needle: "eighbo",
    // 3.x-4.x IPv6 printed it through the `IPv6: ` pr_fmt and without the full stop (`IPv6: Neighbour table overflow`).
    // The `neighbour: ` pr_fmt prefix is optional: admins' notes and runbooks quote the message from the table's id on
    // (`arp_cache: neighbor table overflow!`), and the `<table>: neighbor table overflow!` wording is this rule's alone.
    pattern: /(?:(?:neighbour: )?(\w+): neighbor table overflow!|Neighbour table overflow(?:\.|\s*$))/,
    title: () => "neighbour: neighbor table overflow",
    details: (m): Details => (m[1] ? { table: m[1] } : {}),
  },
  {
    // A Linux bridge got a frame on one of its ports whose source MAC is the bridge's own (a local fdb entry,
    // br_fdb_update()): the frame left and came back — a switching loop, a port looped back to the segment, or a VM,
    // container or passed-through NIC using the same MAC. net_ratelimit'ed, so each line stands for more. Printed as
    // `<bridge>: received packet on <port> with own address as source address` (2.6+; 4.x+ add `(addr:…, vlan:N)`).
    // One finding per bridge: the loop is the bridge's, the port only where it comes back in. Needle: spellings with
    // `own` or ending in `addr` let common words of bench:perf's quiet/busy logs through the hot prefilter's buckets
    // (prefilter-placement.test.ts; `source address`: quiet 0.001, busy 0.41 → 0.48 per line).
    id: "bridge-own-address-as-source",
    kind: "other",
    needle: "source address",
    pattern: /([\w.@-]{1,32}): received packet on ([\w.@-]{1,32}) with own address as source address/,
    title: () => "bridge: received packet with own address as source address",
    details: (m) => ({ bridge: m[1], port: m[2] }),
    groupKey: (m) => `bridge-own-address:${m[1]}`,
  },
  {
    id: "icmp6-control-socket",
    kind: "other",
    needle: "Failed to initialize the ICMP6 control socket",
    pattern: /Failed to initialize the ICMP6 control socket \(err (-?\d+)\)/,
    title: () => "IPv6: Failed to initialize the ICMP6 control socket",
    details: (m) => ({ err: Number(m[1]) }),
  },
  {
    id: "no-more-sockets",
    kind: "other",
    needle: "socket: no more sockets",
    pattern: /^socket: no more sockets/,
    title: () => "socket: no more sockets",
  },
  {
    id: "tcp-out-of-memory",
    kind: "other",
    needle: "TCP: out of memory",
    pattern: /TCP: out of memory -- consider tuning tcp_mem/,
    title: () => "TCP: out of memory -- consider tuning tcp_mem",
  },
  {
    // tcp_check_oom()'s other half: sockets their process closed but TCP still holds (FIN_WAIT*, LAST_ACK, CLOSING)
    // passed net.ipv4.tcp_max_orphans, so the kernel resets them at once and peers see aborted connections.
    // 2.6–3.x tcp_close() spelled it `TCP: too many of orphaned sockets`. Rate-limited, so a run is one finding.
    id: "tcp-too-many-orphans",
    kind: "other",
    needle: "TCP: too many",
    pattern: /\bTCP: too many (?:of )?orphaned sockets/,
    title: () => "TCP: too many orphaned sockets",
  },
  {
    // TIME_WAIT sockets reached net.ipv4.tcp_max_tw_buckets (or the timewait slab allocation failed): tcp_time_wait()
    // closes the socket at once instead, so late segments of the old connection can hit a new one on the same ports.
    // Logged (ratelimited) by older and vendor kernels, newer ones only count TcpExtTCPTimeWaitOverflow; OpenVZ adds the
    // container (`… overflow (CT0)`).
    id: "tcp-time-wait-overflow",
    kind: "other",
    needle: "bucket table overflow",
    pattern: /\bTCP: time wait bucket table overflow(?: \(CT(\d+)\))?/,
    title: () => "TCP: time wait bucket table overflow",
    details: (m): Details => (m[1] !== undefined ? { container: `CT${m[1]}` } : {}),
  },
  {
    // A listener's SYN queue overflowed (tcp_syn_flood_action(): the accept backlog or tcp_max_syn_backlog is too
    // small for the connection rate, or a real flood); the kernel answers with SYN cookies or drops the SYN. Printed
    // once per listening socket: `TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.  Check
    // SNMP counters.` (4.x+; `TCPv6` for IPv6), `TCP: Possible SYN flooding …` (3.x), `possible SYN flooding on port
    // 80. Dropping request.` (2.6), `… on port 0.0.0.0:443. …` (6.x prints the address). One finding per port.
    id: "tcp-syn-flood",
    kind: "other",
    needle: "SYN flood",
    pattern: /\b(?:(TCP(?:v6)?|request_sock_TCP(?:v6)?): )?[Pp]ossible SYN flooding on port (\[[^\]\s]{1,64}\]:\d{1,5}|[\d.]{7,15}:\d{1,5}|\d{1,5})\. (Sending cookies|Dropping request)/,
    title: () => "TCP: Possible SYN flooding on port NUM",
    details: (m) => ({ port: m[2], action: m[3] === "Sending cookies" ? "syncookies" : "drop", ...(m[1]?.endsWith("v6") ? { family: "ipv6" } : {}) }),
    groupKey: (m) => `syn-flood:${m[2]}`,
  },
  {
    id: "pids-fork-rejected",
    kind: "other",
    needle: "fork rejected by pids controller",
    pattern: /cgroup: fork rejected by pids controller in (\S+)/,
    title: () => "cgroup: fork rejected by pids controller",
    details: (m) => ({ cgroup: m[1] }),
  },
  {
    id: "oom-kill",
    kind: "oom",
    needle: "Killed process",
    // `Out of memory: Killed process 1234 (java) total-vm:…` / `Memory cgroup out of memory: Killed process …`
    // Older kernels: `Out of memory: Kill process 1234 (java) score 900 or sacrifice child` + `Killed process …`.
    // 2.6.0–2.6.18 printed the kill itself under the prefix, its own way: `Out of Memory: Killed process 2368
    // (jserver).` (2.6.9, RHEL 4, capital M) and RHEL 5's `Out of memory: Killed process 5114, UID 48, (httpd).`
    pattern: /(Memory cgroup out of memory|Out of [Mm]emory): Killed process (\d+),? (?:UID \d+, )?\(([^)]*)\)/,
    title: (m) => (m[1].startsWith("Memory cgroup") ? "OOM: memory cgroup out of memory" : "OOM: out of memory"),
    details: (m) => ({ victimPid: Number(m[2]), victim: m[3], memcg: m[1].startsWith("Memory cgroup") }),
    groupKey: (m) => (m[1].startsWith("Memory cgroup") ? "oom:memcg" : "oom:global"),
    reportStart: OOM_REPORT_START,
    reportFacts: oomReportFacts,
  },
  {
    // 3.10 (RHEL/CentOS 7) and other pre-4.x kernels pick the victim with `Kill process … or sacrifice child`; the
    // `Killed process` line after it has no `Out of memory:` prefix, so `oom-kill` above does not count it twice.
    id: "oom-kill-legacy",
    kind: "oom",
    needle: "or sacrifice child",
    // `Out of memory (oom_kill_allocating_task): Kill process …` when vm.oom_kill_allocating_task is set.
    pattern: /(Memory cgroup out of memory|Out of memory)(?: \([\w_]+\))?: Kill process (\d+) \(([^)]*)\) score -?\d+ or sacrifice child/,
    title: (m) => (m[1].startsWith("Memory cgroup") ? "OOM: memory cgroup out of memory" : "OOM: out of memory"),
    details: (m) => ({ victimPid: Number(m[2]), victim: m[3], memcg: m[1].startsWith("Memory cgroup") }),
    groupKey: (m) => (m[1].startsWith("Memory cgroup") ? "oom:memcg" : "oom:global"),
    reportStart: OOM_REPORT_START,
    reportFacts: oomReportFacts,
  },
  {
    // The kill line of kernels before 4.x has no `Out of memory:` prefix of its own: upstream 2.6.3x–3.x print
    // `Killed process 28438 (java) total-vm:…`, RHEL 6's 2.6.32 `Killed process 11726, UID 498, (mysqld) total-vm:…`,
    // some 3.10 backports `Killed process 42452 (memcg_test_1), UID 0, total-vm:…`. Right after its `Kill process …
    // or sacrifice child` line that line is the finding; alone (`grep -i killed /var/log/messages`, a paste cut
    // before it) only the OOM killer prints this, with the victim's memory sizes.
    id: "oom-killed-process-bare",
    kind: "oom",
    needle: "Killed process",
    pattern: /^Killed process (\d+),? (?:UID \d+, )?\(([^)]*)\),? (?:UID \d+, )?total-vm:/,
    notRightAfter: /or sacrifice child\s*$/,
    title: () => "OOM: out of memory",
    details: (m) => ({ victimPid: Number(m[1]), victim: m[2] }),
    groupKey: () => "oom:global",
    reportStart: OOM_REPORT_START,
    reportFacts: oomReportFacts,
  },
  {
    // An OOM report whose kill line is not in the log (cut paste, a machine that died first): the report's own
    // stack tells a memory cgroup's OOM (`mem_cgroup_…` frames, `Task in /kubepods/… killed as a result of limit`).
    id: "oom-invoked",
    kind: "oom",
    needle: "invoked oom-killer:",
    pattern: /(\S+) invoked oom-killer: /,
    title: () => "OOM: out of memory",
    details: (m) => ({ comm: m[1] }),
    groupKey: () => "oom:global",
    reportFollows: 80,
    refine: memcgOomRefine,
    reportFacts: oomReportFacts,
    endedBy: ["oom-kill", "oom-kill-legacy", "oom-killed-process-bare", "oom-memcg-limit", "oom-kill-summary"],
  },
  // An OOM report whose first line was cut and whose kill line is not in the log either: the report's own stack
  // (dump_stack() called by the OOM killer's dump_header()) under the task line that names the release. Deeper in
  // another report's stack (a stall inside the OOM killer's printk) dump_header is not this report's start.
  oomReportCut("oom-report-cut", "dump_header"),
  // Some vendor 4.19 kernels (Alibaba Cloud Linux, Anolis and their LoongArch builds) split dump_header() in two:
  // `dump_memcg_header+0x12/0x40` for a memory cgroup's OOM, `dump_global_header` for the machine's. The same cut
  // report under those names (the rows differ only in the needle the scanner's prefilter needs).
  oomReportCut("oom-report-cut-memcg-header", "dump_memcg_header"),
  oomReportCut("oom-report-cut-global-header", "dump_global_header"),
  {
    // 4.19+ sum the OOM up in one line before the kill line (dump_oom_summary): `oom-kill:constraint=CONSTRAINT_MEMCG,
    // nodemask=(null),cpuset=…,mems_allowed=0-1,oom_memcg=/kubepods/…,task_memcg=/kubepods/…,task=java,pid=4242,uid=0`.
    // Node watchers and pastes quote it alone; with the kill line after it, that line is the finding.
    id: "oom-kill-summary",
    kind: "oom",
    needle: "oom-kill:constraint=",
    pattern: /\boom-kill:constraint=(CONSTRAINT_\w+),.*?,task=([^,]*),pid=(\d+)/,
    title: (m) => (m[1] === "CONSTRAINT_MEMCG" ? "OOM: memory cgroup out of memory" : "OOM: out of memory"),
    // The line itself names the constraint and the cgroup that ran out (`oom_memcg=`).
    details: (m) => ({ victim: m[2], victimPid: Number(m[3]), memcg: m[1] === "CONSTRAINT_MEMCG", ...oomReportFacts([m.input]) }),
    groupKey: (m) => (m[1] === "CONSTRAINT_MEMCG" ? "oom:memcg" : "oom:global"),
    reportStart: OOM_REPORT_START,
    reportFacts: oomReportFacts,
    endedBy: ["oom-kill", "oom-kill-legacy"],
  },
  {
    // Pre-4.x memory cgroup OOM: `Task in /kubepods/burstable/pod…/… killed as a result of limit of /kubepods/…`.
    // The kill line after it is the finding; when the log stops before it (a paste of the cgroup's usage lines),
    // this line still says a memory cgroup ran out.
    id: "oom-memcg-limit",
    kind: "oom",
    needle: "killed as a result of limit of",
    pattern: /Task in (\S+) killed as a result of limit of (\S+)/,
    title: () => "OOM: memory cgroup out of memory",
    details: (m) => ({ cgroup: m[1], limitCgroup: m[2], memcg: true }),
    groupKey: () => "oom:memcg",
    reportStart: OOM_REPORT_START,
    reportFacts: oomReportFacts,
    endedBy: ["oom-kill", "oom-kill-legacy"],
  },
  {
    // The memory cgroup's usage line that dump_header() prints only for a memcg OOM (mem_cgroup_print_oom_meminfo,
    // 4.19+; under `Task in … killed as a result of limit of` before): `memory: usage 4194304kB, limit 4194304kB,
    // failcnt 2084326`. A paste of just the cgroup's usage and stats lines (the report's head and kill line cut off)
    // still says a memory cgroup ran out; with the report's first line or its kill line in the log, those tell it.
    id: "oom-memcg-usage",
    kind: "oom",
    needle: "memory: usage ",
    pattern: /^memory: usage (\d+)kB, limit (\d+)kB, failcnt (\d+)/,
    title: () => "OOM: memory cgroup out of memory",
    details: (m) => ({ usageKb: Number(m[1]), limitKb: Number(m[2]), failcnt: Number(m[3]), memcg: true }),
    groupKey: () => "oom:memcg",
    continues: ["oom-invoked", "oom-report-cut", "oom-report-cut-memcg-header", "oom-report-cut-global-header", "oom-memcg-limit"],
    endedBy: ["oom-kill", "oom-kill-legacy", "oom-killed-process-bare", "oom-kill-summary"],
  },
  {
    // A memory cgroup with memory.oom.group=1 (cgroup v2; kubelet sets it on cgroup v2 nodes from 1.28, systemd units
    // with OOMPolicy=kill) is killed whole: after the victim's kill line oom_kill_process() prints
    // `Tasks in /kubepods.slice/…/cri-containerd-….scope are going to be killed due to memory.oom.group set` and
    // then a kill line per member. Right after a kill line it is that OOM's; quoted alone (a PR, an alert that
    // greps it) it still says a memory cgroup ran out.
    id: "oom-group-kill",
    kind: "oom",
    needle: "due to memory.oom.group set",
    pattern: /Tasks in (\S+) are going to be killed due to memory\.oom\.group set/,
    title: () => "OOM: memory cgroup out of memory",
    details: (m) => ({ cgroup: m[1], memcg: true, oomGroup: true }),
    groupKey: () => "oom:memcg",
    continues: ["oom-kill", "oom-kill-legacy", "oom-kill-summary", "oom-memcg-limit"],
  },
  {
    // kmemleak's scan thread prints only this notice to the kernel log: the reports themselves (`unreferenced object
    // 0x…`, the allocation backtrace) wait in /sys/kernel/debug/kmemleak unless kmemleak.verbose=1, so on a debug
    // kernel the notice is usually all a log shows of a leak. The count is of new suspects since the last scan.
    id: "kmemleak-suspected-leaks",
    kind: "memory-leak",
    needle: "suspected memory leak",
    pattern: /kmemleak: (\d+) new suspected memory leaks?/,
    title: () => "kmemleak: suspected memory leaks",
    details: (m) => ({ newSuspects: Number(m[1]) }),
    groupKey: () => "kmemleak",
  },
  {
    // The bare notice says only that machine-check records went to mcelog/rasdaemon. An EDAC driver decodes the same
    // record into the lines right after it (`EDAC MC0: 1 CE memory read error on …_DIMM#0`): that line is the finding.
    id: "mce-events-logged",
    kind: "mce",
    needle: "Machine check events logged",
    pattern: /\[Hardware Error\]: Machine check events logged/,
    title: () => "MCE: hardware error",
    groupKey: () => "mce",
    endedBy: ["edac-memory-error"],
    // Kernels before 5.x hand every thermal-throttle event to the machine-check log as well (therm_throt.c,
    // mce_log_therm_throt_event): the notice right after a throttle line is that event, told by `thermal-throttle`.
    notRightAfter: THERMAL_THROTTLE_LINE,
  },
  {
    // Firmware-first error reporting (APEI GHES): the platform hands the kernel a CPER record and cper.c prints it
    // as a block under `{N}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 4`, then
    // `event severity: corrected` (recoverable, fatal), then one section per error (`section_type: memory error`,
    // `PCIe error`, `general processor error`…). A memory section is a DIMM's ECC error, the same finding as EDAC's
    // own line (no EDAC counter may exist on such machines); any other section is a machine check. The block's lines
    // are this event (they would each be an `mce-hardware-error` otherwise); the next record starts a new one.
    id: "ghes-record",
    kind: "mce",
    needle: "Hardware error from APEI Generic Hardware Error Source",
    pattern: /\[Hardware Error\]: Hardware error from APEI Generic Hardware Error Source: (\d+)/,
    title: () => "MCE: hardware error",
    details: (m) => ({ ghesSource: Number(m[1]) }),
    groupKey: () => "mce",
    continuation: /\[Hardware Error\]: (?!Hardware error from APEI)/,
    reportFollows: 24,
    refine: (following) => ghesMemoryRecord(following),
  },
  {
    // The firmware's Boot Error Record Table (ACPI BERT): an error the platform recorded before the last reset (a
    // fatal machine check, an SoC crash log) handed to the kernel at boot and printed by cper.c as one record: `BERT:
    // Error records from previous boot:`, then `[Hardware Error]: event severity: fatal`, its sections and often a
    // long hex dump, without GHES's `{N}` record number. The block is one error (of the boot before), not one per
    // line; a memory section is a DIMM's error, as in a GHES record.
    id: "bert-record",
    kind: "mce",
    // The prefilter keys on a needle's first bytes: `Error r…` let too many positions of ordinary logs through, and
    // longer needles kept the quiet and busy profiles over budget once the RCU and OOM needles came in (bucket
    // placement); the pattern reads the rest.
    needle: "BERT: ",
    pattern: /\bBERT: Error records from previous boot:/,
    title: () => "MCE: hardware error",
    details: (): Details => ({ source: "BERT" }),
    groupKey: () => "mce",
    // Up to the next GHES record, which is an error of this boot.
    continuation: /\[Hardware Error\]: (?!Hardware error from APEI)/,
    continuationDetails: (line) => {
      const severity = /\[Hardware Error\]: event severity: (\w+)/.exec(line)?.[1];
      return severity ? { severity } : undefined;
    },
    reportFollows: 24,
    refine: (following) => ghesMemoryRecord(following.slice(1)),
  },
  // The mcelog tool's decoded record (`mcelog` run by hand, `/var/log/mcelog`, or its syslog lines): a banner, the
  // CPU and bank, the decoded status words. The machine check itself, logged by a user-space decoder: each record
  // is one error (a paste of the tool's output may hold no kernel line at all). Two rows for the prefilter: the
  // pre-2009 banner and today's.
  // (The needles' first bytes are what the prefilter keys on: `This is `, `not a s…` and `a softw…` let too many
  // positions of ordinary logs through; these two do not.)
  mcelogRecordRule("mcelog-record", "*NOT* a software problem!"),
  mcelogRecordRule("mcelog-record-event", "event. This is not a software error."),
  {
    id: "mce-hardware-error",
    kind: "mce",
    needle: "Hardware Error",
    pattern: /\[Hardware Error\]: (?:Machine check events logged|(.*))/,
    title: () => "MCE: hardware error",
    details: (m): Details => (m[1] ? { message: m[1].slice(0, 200) } : {}),
    groupKey: () => "mce",
  },
  {
    id: "edac-memory-error",
    kind: "mce",
    needle: "EDAC ",
    pattern: /EDAC (\S+): (\d+) (CE|UE) (.*)/,
    title: (m) => (m[3] === "UE" ? "EDAC: uncorrectable memory error" : "EDAC: corrected memory error"),
    details: (m) => ({ controller: m[1], count: Number(m[2]), type: m[3], message: m[4].slice(0, 200) }),
    groupKey: (m) => `edac:${m[3]}`,
    // Kernels before 4.x print a logged machine-check record as `CPU 0: Machine Check Exception: 0 Bank 5: 8c00…`
    // (print_mce) even when it was corrected; the EDAC driver's line after it says which memory failed.
    decodes: /^Machine Check Exception$/,
  },
  {
    // The EDAC core before 3.x (edac_mc_handle_ce/_ue) printed no count: `EDAC MC1: CE page 0xfbf6f, offset 0x4d0,
    // grain 8, syndrome 0xc8f4, row 1, channel 0, label "": k8_edac`, `EDAC MC0: UE page 0x…` and, when the driver
    // could not decode the record, `EDAC MC1: CE - no information available: k8_edac Error Overflow set`. Drivers
    // that know the DIMM and not the page (FB-DIMM's edac_mc_handle_fbd_ce/_ue, which 3.0–3.4's sb_edac used too)
    // print the row and channel: `EDAC MC0: CE row 2, channel 0, label "CPU_SrcID#0_Channel#3_DIMM#0": 1 Unknown
    // error(s): memory read on FATAL area : …`, `EDAC MC0: UE row 1, channel-a= 0 channel-b= 1 labels "…": …`.
    id: "edac-memory-error-2.6",
    kind: "mce",
    needle: "EDAC ",
    pattern: /EDAC (MC\d+): (CE|UE) (page 0x[0-9a-f]+|- no information available|row \d+, channel)(.*)/,
    title: (m) => (m[2] === "UE" ? "EDAC: uncorrectable memory error" : "EDAC: corrected memory error"),
    details: (m) => ({ controller: m[1], type: m[2], message: `${m[3]}${m[4]}`.slice(0, 200) }),
    groupKey: (m) => `edac:${m[2]}`,
    decodes: /^Machine Check Exception$/,
  },
  {
    // rasdaemon keeps the EDAC events in its database; `ras-mc-ctl --errors` lists them one per row (`72 2022-10-16
    // 08:54:38 +0000 1 Corrected error(s): memory read error at CPU_SrcID#1_MC#1_Chan#1_DIMM#0 location: 3:1:0:-1, …`),
    // often the only copy pasted once the kernel ring buffer has rotated. Same finding as the kernel's EDAC line. The
    // line reader takes such a row for an ISO-dated syslog line whose host is the error count, so the count is
    // optional here. The message and label are short; bounded, a hostile line of many `Corrected error(s): … at …`
    // without `location:` costs each start a bounded scan instead of the rest of the line (quadratic).
    id: "rasdaemon-mc-event",
    kind: "mce",
    needle: " error(s): ",
    pattern: /(?:^|\b(\d+) )(Corrected|Uncorrected|Fatal) error\(s\): ([^\n]{1,200}?) at (\S{1,120}) location: /,
    title: (m) => (m[2] === "Corrected" ? "EDAC: corrected memory error" : "EDAC: uncorrectable memory error"),
    details: (m): Details => ({ ...(m[1] ? { count: Number(m[1]) } : {}), type: m[2] === "Corrected" ? "CE" : "UE", message: m[3].slice(0, 200), label: m[4] }),
    groupKey: (m) => `edac:${m[2] === "Corrected" ? "CE" : "UE"}`,
  },
  {
    // The same listing's `MCE events:` rows (rasdaemon's decode of a machine check: `1 2024-12-19 03:52:38 +0000 error:
    // Corrected error, no action required., CPU 2, bank Unified Memory Controller (bank=17), mcg mcgstatus=0, mci
    // CECC, memory_channel=0,csrow=1, …`; `1 .. error: …` without a time). A bank of the memory controller (AMD's UMC,
    // Intel's iMC) or an ECC status is a memory error, folded with EDAC's; any other bank is a CPU/cache/bus MCE.
    // The error text and the bank name are short and the bank has no comma: unbounded, the lazy scans nest (each
    // `, CPU n, bank` rescans the line for `, mcg`) and a line of repeated fields took seconds per 16 KiB.
    id: "rasdaemon-mce-event",
    kind: "mce",
    needle: "mcgstatus=",
    pattern: /(?:^|\berror: )(Corrected|Deferred|Uncorrected|System Fatal)\b[^\n]{0,200}?, CPU (\d+), bank ([^,\n]{1,120}), mcg mcgstatus=\S+, mci ([^,]*)/,
    title: (m) => (!rasMemoryBank(m) ? "MCE: hardware error" : m[1] === "Corrected" ? "EDAC: corrected memory error" : "EDAC: uncorrectable memory error"),
    details: (m) => ({ type: m[1] === "Corrected" ? "CE" : "UE", cpu: Number(m[2]), bank: m[3].slice(0, 100), mci: m[4].slice(0, 100) }),
    groupKey: (m) => (!rasMemoryBank(m) ? "mce" : `edac:${m[1] === "Corrected" ? "CE" : "UE"}`),
  },
  {
    // PCIe Advanced Error Reporting, native (the OS owns AER): the root port logs the error message it received, then
    // decodes it per device (`pcieport 0000:00:1c.5: PCIe Bus Error: severity=Corrected, type=Physical Layer, (Receiver
    // ID)`, the status bits on the next lines; 4.x: `…, id=00e5(Receiver ID)`; 6.x: `severity=Correctable`). Corrected
    // errors are the link retrying (a marginal slot, riser or ASPM state; a storm slows the machine down); uncorrected
    // ones lose a transaction and the driver's recovery may fail. A mail client may wrap the line after the severity.
    id: "aer-bus-error",
    kind: "other",
    needle: "PCIe Bus Error: severity=",
    pattern: /PCIe Bus Error: severity=(Corrected|Correctable|Uncorrect(?:ed|able) \((?:Non-Fatal|Fatal)\))(?:, type=([^,(]+?)(?:,|\s*$)|,?\s*$)/,
    title: (m) => aerSeverity(m[1]).title,
    details: (m): Details => ({ severity: m[1], ...(m[2] ? { type: m[2].trim() } : {}) }),
    groupKey: (m) => `aer:${aerSeverity(m[1]).key}`,
  },
  {
    // The root port's own line for the message (`AER: Corrected error received: id=00e5`, `AER: Multiple Uncorrected
    // (Fatal) error received: 0000:00:03.0`; 6.x: `AER: Correctable error message received from 0000:80:1b.4`): the same
    // error as the decode after it, which the device may fail to give (`can't find device of ID00e5`).
    // Needles: `AER: ` alone let every `kernel: ` line through the prefilter (literal-prefilter's noise test), so
    // the 3.x–5.x wording and 6.x's `error message received` are two rows of one rule.
    id: "aer-error-received",
    kind: "other",
    needle: " error received",
    pattern: /\bAER: (?:Multiple )?(Corrected|Uncorrected \((?:Non-Fatal|Fatal)\)) error received/,
    title: (m) => aerSeverity(m[1]).title,
    details: (m) => ({ severity: m[1] }),
    groupKey: (m) => `aer:${aerSeverity(m[1]).key}`,
  },
  {
    id: "aer-error-message-received",
    kind: "other",
    needle: " error message received",
    pattern: /\bAER: (?:Multiple )?(Correctable|Uncorrectable \((?:Non-Fatal|Fatal)\)) error message received/,
    title: (m) => aerSeverity(m[1]).title,
    details: (m) => ({ severity: m[1] }),
    groupKey: (m) => `aer:${aerSeverity(m[1]).key}`,
  },
  {
    // Intel's package/core thermal interrupt: the CPU reached its throttle temperature and runs slower until it cools
    // (`CPU2: Core temperature above threshold, cpu clock throttled (total events = 2675)`; 5.6+ report only throttling
    // that lasts: `… temperature is above threshold, cpu clock is throttled …`). Cooling, dust, a fan or the platform's
    // power limits, not the kernel; one finding per host.
    id: "thermal-throttle",
    kind: "other",
    // Kernels before 4.x print `CPU clock throttled` (upper case): the needle stops before the word.
    needle: "above threshold, ",
    // 2.6.18–2.6.3x (RHEL 5/6's therm_throt.c, before package thermal interrupts) name no level: `CPU16: Temperature
    // above threshold, cpu clock throttled`.
    pattern: /\bCPU(\d+): (?:(Core|Package) )?temperature (?:is )?above threshold, cpu clock (?:is )?throttled(?: \(total events = (\d+)\))?/i,
    title: () => "thermal: CPU clock throttled",
    details: (m): Details => ({ cpu: Number(m[1]), ...(m[2] ? { level: m[2].toLowerCase() } : {}), ...(m[3] ? { totalEvents: Number(m[3]) } : {}) }),
    groupKey: () => "thermal-throttle",
  },
  {
    // mcelog's syslog decode of a thermal-throttle record (`mcelog: Processor 0 heated above trip temperature.
    // Throttling enabled.`, then `Please check your system cooling…` and `… below trip temperature. Throttling
    // disabled`): kernels before 5.x hand each throttle interrupt to the machine-check log (mce_log_therm_throt_event),
    // and a /var/log/messages paste often holds only the daemon's lines, without the kernel's own throttle line or
    // the record's banner. Each `heated above` line is one throttle start, the kernel throttle line's finding; after
    // that line, or inside a banner's record (`mcelog-record*` refine it to the same key), it is that event's decode.
    id: "mcelog-thermal-throttle",
    kind: "other",
    // The needle is cut to fit the hot prefilter's placement: `heated above trip`, `above trip temp` and `trip
    // temperature` each pushed a quiet, busy or noise profile over its budget (prefilter-placement.test.ts,
    // literal-prefilter.test.ts); `rottling enabl` keeps them (2026-12-05: quiet 0.13, busy 0.34 a line).
    needle: "rottling enabl",
    pattern: /\bProcessor (\d+) heated above trip temperature\. Throttling enabled/,
    title: () => "thermal: CPU clock throttled",
    details: (m): Details => ({ cpu: Number(m[1]), via: "mcelog" }),
    groupKey: () => "thermal-throttle",
    program: /^mcelog\b/,
    continues: ["thermal-throttle", "mcelog-record", "mcelog-record-event"],
  },
  {
    // The clocksource watchdog compared the current clocksource with a reference one and found them apart by more than
    // the allowed skew (`clocksource: timekeeping watchdog on CPU2: Marking clocksource 'tsc' as unstable because the
    // skew is too large:`, older kernels without ` on CPUn`, 4.x before the `clocksource:` prefix `timekeeping watchdog:
    // Marking clocksource 'tsc' as unstable, because the skew …`, 2.6-era `Clocksource tsc unstable (delta = -14352 ns)`):
    // the kernel switches to the reference (hpet, acpi_pm), which is slower to read (clock_gettime may leave the vDSO),
    // so time-heavy workloads slow down. On VMs a hypervisor's TSC or a starved vCPU; on bare metal firmware (SMIs).
    id: "clocksource-unstable",
    needle: "Marking clocksource '",
    pattern: /(?:\bclocksource: |^)timekeeping watchdog(?: on CPU\d+)?: Marking clocksource '([\w.-]{1,32})' as unstable/,
    ...CLOCKSOURCE_UNSTABLE,
  },
  {
    // A thermal zone crossed its critical trip point and the kernel powers the machine off (`thermal thermal_zone3:
    // critical temperature reached (80 C), shutting down`; 2.6's ACPI driver: `Critical temperature reached (100 C),
    // shutting down.`): an orderly shutdown, not a crash — cooling (fans, airflow, a daemon such as thermald) failed, or
    // firmware declared a trip point too low (int340x zones before 5.12). One finding per host and boot.
    id: "thermal-critical-shutdown",
    kind: "other",
    needle: "ritical temperature reached",
    pattern: /(?:\bthermal (thermal_zone\d+): )?\b[Cc]ritical temperature reached(?: \((-?\d+) C\))?,? shutting down/,
    title: () => "thermal: critical temperature shutdown",
    details: (m): Details => ({ ...(m[1] ? { zone: m[1] } : {}), ...(m[2] ? { celsius: Number(m[2]) } : {}) }),
    groupKey: () => "thermal-critical-shutdown",
  },
  {
    // x86's NMI handler read the platform's NMI status port and found an I/O channel check
    // (arch/x86/kernel/nmi.c io_check_error(): `NMI: IOCK error (debug interrupt?) for reason 75 on CPU 0.`; 2.6.1x
    // traps.c printed the words alone): the chipset or the BMC raised IOCHK# for an uncorrectable bus or device error.
    // Hardware, not the kernel: the BMC's event log (iLO IML, IPMI SEL) names the part; kernel.panic_on_io_nmi=1 makes
    // the next one a crash dump. Repeats come every few seconds while the error stands. One finding per host and boot.
    // Needles: `IOCK error` and `system error (SERR)` cost the busy profile's prefilter budget (common words after
    // rare bytes); `IOCK` and `(SERR)` alone keep it.
    id: "nmi-io-check-error",
    kind: "other",
    needle: "IOCK",
    pattern: /\bNMI: IOCK error \(debug interrupt\?\)(?: for reason ([0-9a-f]{2}) on CPU (\d+))?/,
    title: () => "NMI: IOCK error",
    details: nmiReasonDetails,
    groupKey: () => "nmi-hardware:iock",
  },
  {
    // The same handler's other hardware NMI, a PCI system error (pci_serr_error(): `NMI: PCI system error (SERR) for
    // reason a1 on CPU 0.`): a device or bridge asserted SERR#. A hardware fault (or a BMC-injected NMI) like IOCK;
    // panic_on_unrecovered_nmi=1 turns it into a crash dump. One finding per host and boot.
    id: "nmi-pci-serr",
    kind: "other",
    needle: "(SERR)",
    pattern: /\bNMI: PCI system error \(SERR\)(?: for reason ([0-9a-f]{2}) on CPU (\d+))?/,
    title: () => "NMI: PCI system error (SERR)",
    details: nmiReasonDetails,
    groupKey: () => "nmi-hardware:serr",
  },
  {
    // mlx5's PCIe event handler read the slot's power budget below what the adapter needs (`mlx5_core 0000:5c:00.0:
    // mlx5_pcie_event:299:(pid 268269): Detected insufficient power on the PCIe slot (27W).`): the NIC may throttle or
    // fail under load. A hardware problem (slot, riser, power budget) to inspect. One finding per device.
    id: "mlx5-insufficient-slot-power",
    kind: "other",
    needle: "insufficient power on the PCIe slot",
    pattern: /\bmlx5_core ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): [^\n]{0,80}?Detected insufficient power on the PCIe slot(?: \((\d+)W\))?/,
    title: () => "mlx5_core: insufficient PCIe slot power",
    details: (m): Details => ({ pci: m[1], ...(m[2] ? { watts: Number(m[2]) } : {}) }),
    groupKey: (m) => `mlx5-slot-power:${m[1]}`,
  },
  {
    // The spurious-interrupt detector (note_interrupt) saw an interrupt line fire about 100,000 times with no handler
    // claiming it (`irq 16: nobody cared (try booting with the "irqpoll" option)`), then prints the task line, a stack
    // of IRQ plumbing, the handlers and `Disabling IRQ #16`: every device on that line stops getting interrupts (a NIC
    // or disk behind it times out). A device asserting an interrupt its driver does not expect, a shared line with a
    // driver missing, firmware routing the IRQ wrong. One finding per IRQ; the task line under it gives the release.
    id: "irq-nobody-cared",
    kind: "other",
    needle: "nobody cared",
    pattern: /\birq (\d+): nobody cared\b/,
    title: () => "irq: nobody cared",
    reportFollows: 3,
    details: (m) => ({ irq: Number(m[1]) }),
    groupKey: (m) => `irq-nobody-cared:${m[1]}`,
  },
  {
    // x86's exception fixup caught a #GP from a plain rdmsr/wrmsr (4.6+, ex_handler_msr; `unchecked MSR access error:
    // RDMSR from 0x10a at rIP: 0x… (native_read_msr+0x6/0x20)`, `… WRMSR to 0xc0010020 (tried to write 0x…) at rIP: …`),
    // then a stack without a task line: the read returns 0 or the write is dropped and the kernel goes on. Not a
    // crash: a CPU or hypervisor that lacks the MSR (a VMM that does not emulate it, a CPU model the code did not
    // expect), firmware that locked it, a microcode patch the CPU refused. The MSR names the problem (one finding per
    // access and MSR); syzkaller reports none.
    id: "unchecked-msr-access",
    kind: "other",
    needle: "unchecked MSR access error: ",
    pattern: /\bunchecked MSR access error: (RDMSR from|WRMSR to) (0x[0-9a-fA-F]{1,8})\b(?: \(tried to write (0x[0-9a-fA-F]{1,16})\))?(?: at rIP: (0x[0-9a-fA-F]{1,16})(?: \(([\w.]{1,80})\+0x)?)?/,
    title: (m) => `unchecked MSR access error: ${m[1]} ${m[2].toLowerCase()}`,
    details: (m): Details => ({
      access: m[1].startsWith("RDMSR") ? "rdmsr" : "wrmsr",
      msr: m[2].toLowerCase(),
      ...(m[3] ? { value: m[3].toLowerCase() } : {}),
      ...(m[5] ? { function: m[5] } : {}),
    }),
    groupKey: (m) => `unchecked-msr:${m[1].slice(0, 5)}:${m[2].toLowerCase()}`,
  },
  { id: "clocksource-unstable-delta", needle: " unstable (delta = ", pattern: /\bClocksource ([\w.-]{1,32}) unstable \(delta = /, ...CLOCKSOURCE_UNSTABLE },
  {
    // The TSC's own line whenever the watchdog gave up on it (`tsc: Marking TSC unstable due to clocksource watchdog`;
    // 2.6–3.x without `tsc: `). Most logs have the watchdog's `Marking clocksource 'tsc' …` line just before it; 5.13+
    // print another reason there when the reference clocksource itself read too slowly (`timekeeping watchdog on CPU6:
    // hpet read-back delay of …ns, attempt N, marking unstable`, nested or starved VMs), so this line is what names
    // the TSC. After the watchdog's line it is that finding's.
    id: "tsc-unstable-watchdog",
    needle: "Marking TSC unstable",
    pattern: /(?:\btsc: |^)Marking TSC unstable due to clocksource watchdog/,
    ...CLOCKSOURCE_UNSTABLE,
    title: () => "clocksource: tsc marked unstable",
    details: (): Details => ({ clocksource: "tsc" }),
    groupKey: () => "clocksource:tsc",
    continues: ["clocksource-unstable", "clocksource-unstable-delta"],
  },
  {
    id: "nvme-timeout",
    kind: "io-error",
    needle: " timeout,",
    // `nvme nvme0: I/O 642 (I/O Cmd) QID 1 timeout, aborting` / `… QID 0 timeout, reset controller`; 6.9+ names the
    // tag and opcode (`I/O tag 2 (a002) opcode 0x2 (I/O Cmd) QID 2 timeout, aborting req_op:READ(0) size:131072`).
    // A mail or terminal wrap right after `timeout,` leaves the action on the next line: the command still timed out.
    pattern: /nvme (nvme\d+): I\/O (?:tag )?\d+ (?:\([^)]*\) )?(?:opcode 0x[0-9a-f]+ \([^)]*\) )?QID \d+ timeout,(?: (aborting|reset controller|disable controller|completion polled)|\s*$)/,
    title: () => "nvme: I/O timeout",
    details: (m): Details => ({ device: m[1], ...(m[2] ? { action: m[2] } : {}) }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    // The controller itself failed rather than one command: it stopped answering register reads (`controller is
    // down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10`: off the bus, often a power-saving state or the link), a
    // reset found it never ready (`Device not ready; aborting reset, CSTS=0x1`, `… aborting initialisation` at probe),
    // and the driver gave it up (`Removing after probe failure status: -19`): its namespaces are gone until a reboot
    // or rescan. Folded with the same controller's command timeouts.
    id: "nvme-controller-down",
    kind: "io-error",
    needle: "ontroller is down; will reset",
    pattern: /\bnvme (nvme\d+): [Cc]ontroller is down; will reset(?:: CSTS=(0x[0-9a-f]+))?/,
    title: () => "nvme: controller is down",
    details: (m): Details => ({ device: m[1], ...(m[2] ? { csts: m[2] } : {}) }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    id: "nvme-controller-not-ready",
    kind: "io-error",
    needle: "Device not ready; aborting",
    pattern: /\bnvme (nvme\d+): Device not ready; aborting (?:reset|initiali[sz]ation)/,
    title: () => "nvme: controller removed",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    id: "nvme-removed-after-probe-failure",
    kind: "io-error",
    needle: "Removing after probe failure",
    pattern: /\bnvme (nvme\d+): Removing after probe failure(?: status: (-?\d+))?/,
    title: () => "nvme: controller removed",
    details: (m): Details => ({ device: m[1], ...(m[2] ? { status: Number(m[2]) } : {}) }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    // NVMe over Fabrics (TCP) prints its own command timeout: `nvme nvme4: queue 0: timeout request 0x0 type 4` (5.x),
    // `… queue 0: timeout cid 0xb001 type 4 opcode 0x18 (Admin Cmd)` (6.x). On queue 0 it is mostly the keep-alive
    // (opcode 0x18): the path to the target (network, target process, firewall) is gone, error recovery follows.
    // Folded with the controller's other NVMe lines.
    id: "nvme-fabrics-timeout",
    kind: "io-error",
    needle: ": timeout ",
    pattern: /\bnvme (nvme\d+): queue (\d+): timeout (?:request|cid) 0x[0-9a-f]+ type \d+(?: opcode (0x[0-9a-f]+) \(([^)]*)\))?/,
    title: () => "nvme-fabrics: command timeout",
    details: (m): Details => ({ device: m[1], queue: Number(m[2]), ...(m[3] ? { opcode: m[3] } : {}), ...(m[4] ? { command: m[4] } : {}) }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    // The fabrics transport (TCP, RDMA) tore a controller's queues down after a timeout or a connection error and
    // reconnects every `reconnect_delay` until `ctrl_loss_tmo` (`Reconnecting in 10 seconds...`, `Failed reconnect
    // attempt N`, then `Removing ctrl`): meanwhile multipath requeues I/O (`no usable path`) or it hangs.
    id: "nvme-fabrics-error-recovery",
    kind: "io-error",
    needle: "starting error recov",
    pattern: /\bnvme (nvme\d+): starting error recovery/,
    title: () => "nvme-fabrics: error recovery",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `nvme:${m[1]}`,
  },
  {
    // Intel's 40G/100G drivers report their own TX watchdog (ndo_tx_timeout) with the reset it escalates to:
    // `i40e 0000:08:00.1: eth9: tx_timeout recovery level 1` (3.x–4.x), `… ens1f0: tx_timeout recovery level 2,
    // txqueue 5` (5.x+), after `tx_timeout: VSI_seid: 396, Q 31, NTC: 0x1cb, …`. Level 1 resets the PF, 2 the core,
    // 3 the global device.
    id: "intel-tx-timeout-recovery",
    kind: "other",
    needle: "tx_timeout recovery level",
    pattern: /^(i40e|ice|iavf) (\S+?):? (\S+): tx_timeout recovery level (\d+)(?:, (?:txqueue|hung_queue) (\d+))?/,
    title: (m) => `${m[1]}: TX timeout`,
    details: (m): Details => ({ driver: m[1], device: m[3], recoveryLevel: Number(m[4]), ...(m[5] ? { queue: Number(m[5]) } : {}) }),
    groupKey: (m) => `txto:${m[3]}`,
  },
  {
    // Intel's igb/igc read a register and got all-ones back: the NIC is no longer on the PCIe bus (`igc 0000:02:00.0
    // enp2s0: PCIe link lost, device now detached`; igb before 5.x `… enp2s0: PCIe link lost`). The netdev stays but
    // is dead until a reboot or rescan; a stuck TX queue and a register-read WARNING usually follow. Power management
    // (ASPM, PTM), the slot or the NIC itself; one finding per device.
    id: "nic-pcie-link-lost",
    kind: "other",
    needle: ": PCIe link ",
    pattern: /^(igb|igc) ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d) (\S{1,32}): PCIe link lost\b/,
    title: (m) => `${m[1]}: PCIe link lost`,
    details: (m) => ({ driver: m[1], pci: m[2], device: m[3] }),
    groupKey: (m) => `pcie-link-lost:${m[2]}`,
  },
  {
    // netdev_rx_csum_fault(): the NIC handed a packet up with a hardware sum (CHECKSUM_COMPLETE, `ip_summed=2` in the
    // 4.x+ skb dump that follows) that the software check disagrees with (`eth0: hw csum failure`, `cilium_host: hw
    // csum failure`; `<unknown>` when the skb has no device). dump_stack() follows, through __skb_checksum_complete
    // into whichever protocol checked (tcp_v4_rcv, icmpv6_rcv, conntrack's nf_ip_checksum): that frame names the
    // checker, not the culprit. The culprit is the driver or firmware's RX checksum (bcmgenet, lan78xx, mlx5 with
    // VLANs) or a layer that edited the packet without fixing skb->csum (tunnel decap, tc/BPF rewrites). Repeats
    // per packet, so a flood fills /var/log: one finding per device, counted.
    id: "hw-csum-failure",
    kind: "other",
    needle: ": hw csum failure",
    pattern: /(\S{1,32}): hw csum failure\b/,
    title: () => "hw csum failure",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `hw-csum:${m[1]}`,
    // Before 5.0 the task line (`CPU: … Comm: … <release>`) comes right after; later kernels print the skb first.
    reportFollows: 4,
  },
  {
    // alloc_empty_file() found the system-wide file table full (`VFS: file-max limit 51200 reached`, ratelimited): every
    // open(), socket() and accept() on the host fails with ENFILE ("Too many open files in system") until descriptors
    // are freed — one process leaking sockets takes the whole node down. Per host; the limit is in the details.
    id: "file-max-reached",
    kind: "other",
    // Not `VFS: …`: that head shares a prefilter bucket with common busy-node words (prefilter-placement.test).
    needle: "file-max limit",
    pattern: /VFS: file-max limit (\d+) reached/,
    title: () => "VFS: file-max limit reached",
    details: (m) => ({ fileMax: Number(m[1]) }),
    groupKey: () => "file-max",
  },
  {
    // The audit subsystem's queue is over audit_backlog_limit: audit_log_lost() prints `audit: backlog limit exceeded`
    // (with audit=1 and failure mode printk), audit_log_start() `audit: audit_backlog=4097 > audit_backlog_limit=4096`.
    // Records are lost (a compliance gap), and with backlog_wait_time set every audited syscall first sleeps: a node
    // with chatty rules (Falco, osquery, CIS/STIG profiles) slows down. The `audit_lost=N …` lines that go with them
    // restate the count and are not counted. One finding per host for both wordings.
    id: "audit-backlog-exceeded",
    kind: "other",
    needle: "audit: backlog limit exceeded",
    pattern: /\baudit: backlog limit exceeded\b/,
    title: () => "audit: backlog limit exceeded",
    groupKey: () => "audit-backlog",
  },
  {
    id: "audit-backlog-over-limit",
    kind: "other",
    needle: "> audit_backlog_limit=",
    pattern: /\baudit: audit_backlog=(\d+) > audit_backlog_limit=(\d+)/,
    title: () => "audit: backlog limit exceeded",
    details: (m) => ({ backlog: Number(m[1]), backlogLimit: Number(m[2]) }),
    groupKey: () => "audit-backlog",
  },
  {
    // kauditd holds records while no audit daemon reads them (early boot, auditd stopped or crashed) and drops them once
    // that hold queue passes the backlog limit: `audit: kauditd hold queue overflow`. Rules loaded with no reader
    // attached, or a daemon that died. Per host.
    id: "audit-hold-queue-overflow",
    kind: "other",
    needle: "kauditd hold queue overflow",
    pattern: /\baudit: kauditd hold queue overflow\b/,
    title: () => "audit: kauditd hold queue overflow",
    groupKey: () => "audit-hold-queue",
  },
  {
    id: "scsi-task-abort",
    kind: "io-error",
    needle: "task abort",
    // mpt3sas / SCSI error handling: `sd 6:0:4:0: attempting task abort!scmd(…)`, `sd 6:0:4:0: task abort: SUCCESS …`.
    // Before 4.x the LSI drivers named the adapter, not the disk (`mpt2sas3: attempting task abort! scmd(ffff…)`, MPT
    // Fusion's `mptscsih: ioc1: attempting task abort! (sc=ffff…)`): the `sd H:C:T:L: CDB:` line after names the disk.
    // VMware's pvscsi logs its own abort handler's call instead (`sd 0:0:0:0: [sda] tag#99 task abort on host 0, 000…`).
    pattern:
      /\b(?:(?:sd|scsi|scsi target) ?([\d:]+)|(mpt\d?sas\d+|mptscsih: ioc\d+)): (?:attempting task abort|task abort: (?:SUCCESS|FAILED)|\[\w+\] (?:tag#\d+ )?task abort on host \d+)/,
    title: () => "scsi: command timed out, task abort",
    details: (m): Details => (m[1] ? { device: m[1] } : { host: m[2].replace("mptscsih: ", "") }),
    groupKey: (m) => `scsi:${m[1] ?? m[2].replace("mptscsih: ", "")}`,
  },
  {
    // qla2xxx's abort handler, the SCSI error handler's first step after a command to an FC LUN timed out: 8.x prints
    // the nexus (`qla2xxx [0000:49:00.0]-801c:4: Abort command issued nexus=4:3:33 -- 1 2002.`), the 8.0x driver of
    // RHEL 5 the SCSI address (`qla2xxx 0000:06:00.0: scsi(0:10:0): Abort command issued -- 1 10fb 2002.`). The FC
    // counterpart of an HBA's task abort: the LUN or the SAN path stopped answering. Counted per nexus (host:target:lun).
    id: "qla2xxx-abort",
    kind: "io-error",
    needle: "Abort command issued",
    pattern: /\bqla2xxx (?:\[[\w:.]{1,32}\]-[0-9a-f]{4}:\d+|[\w:.]{1,32}): (?:scsi\((\d+:\d+:\d+)\): )?Abort command issued(?: nexus=(\d+:\d+:\d+))?/,
    title: () => "scsi: command timed out, task abort",
    details: (m) => ({ nexus: m[1] ?? m[2] ?? "?" }),
    groupKey: (m) => `qla2xxx:${m[1] ?? m[2] ?? "?"}`,
  },
  // virtio_scsi's abort handler (virtscsi_abort(), the SCSI error handler's first step after a command timed out):
  // `sd 2:0:0:0: [sda] abort` on 2.6.32–3.x backports. Cloud VMs on virtio-scsi (KVM/Proxmox guests) print it when the
  // host's storage stops answering; the same problem as an HBA's task abort, counted per disk with it. Since
  // scmd_printk names the blk-mq tag (`[sdb] tag#78 abort`) the line has no literal of its own a needle could take
  // without upsetting the prefilter's placement (`] tag#` put 0.62 positions per busy line through): not read yet.
  {
    id: "virtio-scsi-abort",
    kind: "io-error",
    needle: "] abort",
    pattern: /\b(?:sd|scsi) ([\d:]+): \[(\w+)\] abort\s*$/,
    title: () => "scsi: command timed out, task abort",
    details: (m) => ({ device: m[1], disk: m[2] }),
    groupKey: (m) => `scsi:${m[1]}`,
  },
  {
    // scsi_eh_offline_sdevs(): when every step of SCSI error recovery (abort, device/target/bus/host reset) failed,
    // the midlayer takes the disk offline (`sd 1:0:0:0: Device offlined - not ready after error recovery`) and all
    // further I/O to it fails. On cloud VMs this is a virtual disk the hypervisor stopped serving (hv_storvsc,
    // virtio_scsi); the block layer's I/O error lines usually follow and are then the finding. 2.6.x printed it with
    // a `scsi: ` infix, and after the upper-level driver of any device type (`st 0:0:10:0: scsi: Device offlined - …`).
    id: "scsi-device-offlined",
    kind: "io-error",
    needle: "Device offlined - ",
    pattern: /\b(?:sd|st|sr|osst|ch|ses|sg|scsi) ([\d:]+): (?:\[(\w+)\] )?(?:scsi: )?Device offlined - not ready after error recovery/,
    title: () => "scsi: device offlined",
    details: (m) => ({ device: m[2] ?? m[1] }),
    groupKey: (m) => `scsi:${m[1]}`,
    endedBy: ["block-io-error", "block-status-error"],
  },
  // The USB Attached SCSI driver's own abort handler (uas_eh_abort_handler()) prints instead of the SCSI core's
  // `attempting task abort`: `sd 0:0:0:0: [sda] tag#26 uas_eh_abort_handler 0 uas-tag 10 inflight: CMD IN`, one line
  // per in-flight command the error handler aborts after it timed out, then usually a device reset
  // (uas_eh_device_reset_handler). USB-SATA bridges (ASMedia, JMicron, Realtek) on SBCs and hubs, and USB controller
  // trouble, are the usual causes. The same finding as a task abort: the same title, folded per device.
  {
    id: "uas-task-abort",
    kind: "io-error",
    needle: "uas_eh_abort_handler",
    pattern: /\b(?:sd|scsi) ([\d:]+): (?:\[(\w+)\] )?(?:tag#\d+ )?uas_eh_abort_handler /,
    title: () => "scsi: command timed out, task abort",
    details: (m): Details => ({ device: m[1], ...(m[2] ? { disk: m[2] } : {}), driver: "uas" }),
    groupKey: (m) => `scsi:${m[1]}`,
  },
  {
    // megaraid_sas during an adapter reset (megasas_wait_for_outstanding*(), from the SCSI error handler's host reset
    // or after a firmware fault): `megaraid_sas 0000:5a:00.0: [30]waiting for 65 commands to complete for scsi0`, one
    // line every 5 s while the controller holds the I/O; every disk behind it stalls until the reset ends.
    id: "megaraid-reset-wait",
    kind: "io-error",
    needle: "]waiting for ",
    // Before 4.x (megasas_wait_for_outstanding() of the pre-fusion driver, reached from the error handler's
    // `sd 2:2:0:0: [sda] megasas: RESET cmd=28 retries=0`) the line named neither the PCI function nor the host:
    // `megasas: [ 0]waiting for 2 commands to complete`.
    pattern: /^(?:megaraid_sas (\S+): |megasas: )\[\s*\d+\]waiting for (\d+) commands to complete(?: for (scsi\d+))?/,
    title: () => "megaraid_sas: adapter reset, waiting for outstanding commands",
    details: (m): Details => ({ ...(m[1] ? { pci: m[1] } : {}), outstanding: Number(m[2]), ...(m[3] ? { host: m[3] } : {}) }),
    groupKey: (m) => `megaraid:${m[1] ?? "megasas"}`,
  },
  {
    // The LSI/Broadcom SAS HBA's own firmware faulted (`mpt3sas_cm0: fault_state(0x5862)!`, 2.6–3.x mpt2sas
    // `mpt2sas0: fault_state(0x5841)!`): the driver diag-resets the adapter (`sending diag reset !!`, then its
    // re-initialisation banner) and every disk behind it stalls meanwhile; a fault that comes back is a failing card,
    // firmware or cabling, and I/O errors or a filesystem hit by them follow. The code is the firmware's, not the
    // kernel's. One finding per adapter.
    id: "mpt-sas-firmware-fault",
    kind: "io-error",
    needle: "fault_state(",
    pattern: /^(mpt([23])sas(?:_cm)?\d{1,3}): fault_state\((0x[0-9a-f]{1,8})\)/i,
    title: (m) => `mpt${m[2]}sas: HBA firmware fault`,
    details: (m) => ({ adapter: m[1], faultCode: m[3].toLowerCase() }),
    groupKey: (m) => `mpt-fw-fault:${m[1]}`,
  },
  {
    // The same fault on the older Fusion-MPT adapters (SAS1068E, SAS1064, PERC 5/i and 6/i: mptbase under mptsas/
    // mptspi): `mptbase: ioc0: WARNING - IOC is in FAULT state (1600h)!!!` from the fault-reset worker, or `… IOC is in
    // FAULT state!!!` with the code on the next line (`FAULT code = 1600h`) from a reset; the driver hard-resets the
    // IOC (`Recovered from IOC FAULT`) and the disks behind it stall or drop meanwhile. Web copies turn the `-` into
    // an en dash. One finding per adapter.
    id: "mptbase-ioc-fault",
    kind: "io-error",
    needle: "IOC is in FAULT state",
    pattern: /\bmptbase: (ioc\d{1,3}): WARNING [-–] IOC is in FAULT state(?: \(([0-9a-fA-F]{1,8})h\))?!/,
    title: () => "mptbase: HBA firmware fault",
    details: (m) => ({ adapter: m[1], ...(m[2] ? { faultCode: m[2].toLowerCase() } : {}) }),
    groupKey: (m) => `mpt-fw-fault:mptbase:${m[1]}`,
  },
  {
    // HPE Smart Array (hpsa): the SCSI error handler, after commands to a volume or disk timed out, had the controller
    // reset it (`hpsa 0000:05:00.0: scsi 0:1:0:0: resetting logical  Direct-Access …`, then the outcome: `… reset
    // logical  completed successfully …` or `… reset logical  failed …`; the driver's own double space). I/O to the
    // device stalls meanwhile; resets that come back point at the controller, its cache module, cabling or a disk.
    // The outcome line is counted (one per reset); one finding per device.
    id: "hpsa-device-reset",
    kind: "io-error",
    // `hpsa ` passes every line of an HP server's boot to the byte comparison (the prefilter's busy-log budget): the
    // needle is part of the device description hpsa_show_dev_msg() ends each such line with (`SSDSmartPathCap+`,
    // 3.18+); its `SSD` prefix tipped the quiet-log placement budget.
    needle: "SmartPathCap",
    pattern: /^hpsa ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): scsi (\d+:\d+:\d+:\d+): reset (logical|physical) {1,2}(completed successfully|failed)\b[^\n]*SSDSmartPathCap/,
    title: () => "hpsa: device reset by the SCSI error handler",
    details: (m) => ({ pci: m[1], device: m[2], target: m[3], result: m[4] === "failed" ? "failed" : "completed" }),
    groupKey: (m) => `hpsa-reset:${m[1]}:${m[2]}`,
  },
  {
    // A USB host controller stopped answering and the USB core gave it up (usb_hc_died(): `xhci_hcd 0000:06:00.0: HC
    // died; cleaning up`, after xHCI's `xHCI host controller not responding, assume dead`, a Host System Error or a
    // command ring that would not stop; platform controllers `xhci-hcd f10f8000.usb3: …`, EHCI/OHCI the same line).
    // Every device behind it is disconnected (USB disks, NICs, modems, a dock's keyboard) until the controller is
    // reset or the host reboots: the controller, its firmware, a dock or hub, or power management. One finding per
    // controller.
    id: "usb-hc-died",
    kind: "other",
    needle: "HC died; cleaning up",
    pattern: /\b([a-z][\w-]{1,20}) ([\w.:-]{1,40}): HC died; cleaning up/,
    title: () => "usb: host controller died",
    details: (m) => ({ driver: m[1], controller: m[2] }),
    groupKey: (m) => `usb-hc-died:${m[2]}`,
  },
  {
    id: "ata-exception",
    kind: "io-error",
    needle: "exception Emask",
    // libata error handling: `ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen`
    pattern: /\b(ata\d+(?:\.\d+)?): exception Emask (0x[0-9a-f]+) SAct 0x[0-9a-f]+ SErr (0x[0-9a-f]+) action (0x[0-9a-f]+)/,
    title: () => "ata: command failed (exception)",
    details: (m) => ({ device: m[1], emask: m[2], serr: m[3], action: m[4] }),
    groupKey: (m) => `ata:${m[1]}`,
  },
  {
    // The lines of a libata error report after its `exception Emask …` line: one `failed command: WRITE FPDMA QUEUED`
    // per NCQ tag, with `res … Emask 0x4 (timeout)` / `(ATA bus error)` / `(media error)` under it. A paste that
    // starts inside the report has no exception line: the failed commands still say the device failed them.
    id: "ata-failed-command",
    kind: "io-error",
    needle: "failed command: ",
    pattern: /\b(ata\d+(?:\.\d+)?): failed command: ([A-Z][A-Z0-9 ]*[A-Z0-9])/,
    title: () => "ata: command failed (exception)",
    details: (m) => ({ device: m[1], command: m[2] }),
    groupKey: (m) => `ata:${m[1]}`,
    continues: ["ata-exception"],
  },
  {
    // libata's error handler lowers the link speed only after repeated errors on the link (sata_down_spd_limit()
    // from ata_eh_speed_down()): `ata1: limiting SATA link speed to 3.0 Gbps`, usually after a run of `hard resetting
    // link` lines that a healthy boot also prints once — so the speed-down, not the reset, is the finding. The
  // `ata1.00: disabled` that often ends such a run is no rule: a hot unplug prints it too.
    id: "ata-link-speed-limited",
    kind: "io-error",
    needle: "SATA link speed to",
    pattern: /\b(ata\d+)(?:\.\d+)?: limiting SATA link speed to (\S+ Gbps)/,
    title: () => "ata: link speed limited after errors",
    details: (m) => ({ port: m[1], speed: m[2] }),
    groupKey: (m) => `ata-link:${m[1]}`,
  },
  // SD/MMC (drivers/mmc): the host controller or the card stopped answering. Three lines say so, each a finding per
  // host or block device as printed: a card that fails to initialise (`mmc0: error -110 whilst initialising SD card`:
  // -110 a timeout, -84 a CRC error, -22 a failed voltage switch or tuning; printed on every retry), a host that timed
  // out waiting for the controller (sdhci's `mmc0: Timeout waiting for hardware interrupt.`, `… hardware cmd
  // interrupt.`, then its register dump), and a block transfer the card failed (`mmcblk0: error -110 transferring
  // data, sector 333072, nr 136, cmd response 0x900, card status 0xb00`, or the same request's stop or status command:
  // `mmcblk2: error -110 sending stop command, original cmd response 0x900, card status 0x400e00`, which
  // drivers/mmc/core/block.c prints from the same error path, without a sector). Worn or incompatible cards, reader/host
  // quirks (UHS voltage switch, tuning), contacts and power are the usual causes. Not `Tuning timeout, falling back
  // to fixed sampling clock`: a healthy card detection prints it too. The two `error -N` lines share one needle
  // (the prefilter's bucket placement: each of them alone pushed the quiet and busy profiles over budget once the
  // NIC firmware rows came in).
  {
    id: "mmc-card-init-failed",
    kind: "io-error",
    needle: ": error -",
    pattern: /\b(mmc\d+): error (-\d+) whilst initialising (SD|MMC|SDIO|SD\/SDIO) card/,
    title: () => "mmc: card failed to initialise",
    details: (m) => ({ device: m[1], error: Number(m[2]), card: m[3] }),
    groupKey: (m) => `mmc-init:${m[1]}`,
  },
  {
    id: "mmc-host-timeout",
    kind: "io-error",
    needle: "for hardware ",
    pattern: /\b(mmc\d+): Timeout waiting for hardware (?:cmd )?interrupt/,
    title: () => "mmc: host controller timeout",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `mmc-timeout:${m[1]}`,
  },
  {
    id: "mmc-data-transfer-error",
    kind: "io-error",
    needle: ": error -",
    pattern: /\b(mmcblk\d+(?:boot\d|rpmb)?): error (-\d+) (?:transferring data, sector (\d+)|sending (?:stop|status) command)/,
    title: () => "mmc: data transfer error",
    details: (m) => ({ device: m[1], error: Number(m[2]), ...(m[3] ? { sector: Number(m[3]) } : {}) }),
    groupKey: (m) => `mmc-data:${m[1]}`,
  },
  // A NIC link that keeps going down: a cable, transceiver, switch port or NIC/PHY firmware problem (the driver only
  // reports the carrier). One down is a cable pull or a switch reboot; a device down three times in one boot flaps.
  // Intel drivers (e1000e, igb, igc, ixgbe, i40e, ice) and bnxt print `NIC Link is Down`, 3.x ones without the PCI
  // address (`e1000e: eth1 NIC Link is Down`); phylib's phy_print_status (r8169, stmmac, macb…) `Link is Down`, tg3
  // `Link is down`, mlx5 `Link down`. Titled by the driver, counted per device.
  {
    id: "nic-link-down",
    kind: "other",
    needle: "Link is Down",
    pattern: /^(?:([\w-]{1,32}) \S{1,64} ([\w.@-]{1,64}):(?: [\w-]{1,32}: [\w.@-]{1,64})?|([\w-]{1,32}): ([\w.@-]{1,64})) (?:NIC )?Link is Down\s*$/,
    title: (m) => `${m[1] ?? m[3]}: NIC link flapping`,
    details: (m) => ({ driver: m[1] ?? m[3], device: m[2] ?? m[4] }),
    groupKey: (m) => `link-down:${m[2] ?? m[4]}`,
    minRepeats: 3,
  },
  {
    id: "nic-link-down-tg3",
    kind: "other",
    needle: "Link is down",
    pattern: /^([\w-]{1,32}) \S{1,64} ([\w.@-]{1,64}): Link is down\.?\s*$/,
    title: (m) => `${m[1]}: NIC link flapping`,
    details: (m) => ({ driver: m[1], device: m[2] }),
    groupKey: (m) => `link-down:${m[2]}`,
    minRepeats: 3,
  },
  {
    id: "nic-link-down-mlx5",
    kind: "other",
    needle: "Link down",
    pattern: /^([\w-]{1,32}) \S{1,64} ([\w.@-]{1,64}): Link down\s*$/,
    title: (m) => `${m[1]}: NIC link flapping`,
    details: (m) => ({ driver: m[1], device: m[2] }),
    groupKey: (m) => `link-down:${m[2]}`,
    minRepeats: 3,
  },
  {
    id: "nic-unit-hang",
    kind: "other",
    needle: "Unit Hang",
    // Intel NIC drivers: e1000e `Detected Hardware Unit Hang:`, igb/ixgbe/e1000 `Detected Tx Unit Hang`.
    // The bus address is read as whatever the line has there: a transcription that dropped its `.N` function or its
    // domain (`e1000e 0000:00:1f eno1:`) still names the NIC.
    pattern: /^(e1000e?|igbv?f?|ixgbev?f?|igc|i40e|ice)\s+((?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}(?:\.[0-7])?):?(?: (\S+):)? Detected (Hardware|Tx) Unit Hang/,
    title: (m) => `${m[1]}: Detected ${m[4]} Unit Hang`,
    details: (m) => ({ driver: m[1], pci: m[2], ...(m[3] ? { device: m[3] } : {}) }),
    groupKey: (m) => `nic-hang:${m[2]}`,
  },
  {
    // e1000e's reset task logs why it runs: `e1000e 0000:00:19.0 eth0: Reset adapter unexpectedly` is every reset that
    // no configuration change asked for (a TX hang found by the driver's watchdog, a hardware error interrupt, the
    // stack's TX timeout). Under its own `Detected Hardware Unit Hang` dump (same adapter) it is that hang's reset, part
    // of the hang's finding; alone (a guest's emulated e1000e resetting every few seconds, the hang dump left out) it is
    // the finding.
    id: "e1000e-unexpected-reset",
    kind: "other",
    // Not the whole `Reset adapter unexpectedly` (nor `Reset adapter unex`): its head moved the hot prefilter's bucket
    // placement past both profiles' budgets.
    needle: "adapter unexpec",
    pattern: /^e1000e ((?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}(?:\.[0-7])?):? (\S+): Reset adapter unexpectedly/,
    title: () => "e1000e: adapter reset unexpectedly",
    details: (m) => ({ driver: "e1000e", pci: m[1], device: m[2] }),
    groupKey: (m) => `nic-hang:${m[1]}`,
    continues: ["nic-unit-hang"],
  },
  {
    id: "driver-tx-timeout",
    kind: "other",
    needle: "TX timeout",
    // Drivers' own watchdog messages: mlx5 / virtio_net `… eth0: TX timeout on queue: 3, SQ: 0x1c9, …`,
    // bnxt `… eth0: TX timeout detected, starting reset task!`.
    pattern: /^([\w-]+) (\S+) (\S+): TX timeout (?:on queue: (\d+)|detected)/,
    title: (m) => `${m[1]}: TX timeout`,
    details: (m) => ({ driver: m[1], device: m[3], ...(m[4] ? { queue: Number(m[4]) } : {}) }),
    groupKey: (m) => `txto:${m[3]}`,
  },
  {
    // Realtek's USB NICs print their ndo_tx_timeout in mixed case, bare (`r8152 4-1:1.0 eth1: Tx timeout`, the USB
    // interface as bus id), after the 6.x one-line NETDEV WATCHDOG or on its own; the USB core usually resets the
    // adapter next (`reset SuperSpeed … USB device`). The same driver-side TX timeout as the rows around it.
    id: "driver-tx-timeout-mixed-case",
    kind: "other",
    needle: ": Tx timeout",
    pattern: /^([\w-]{1,64}) (\S{1,64}) ([\w.@-]{1,64}): Tx timeout\s*$/,
    title: (m) => `${m[1]}: TX timeout`,
    details: (m) => ({ driver: m[1], device: m[3] }),
    groupKey: (m) => `txto:${m[3]}`,
  },
  {
    // The same driver-side watchdog in the older wording many drivers keep (mtk_soc_eth, tg3, 3c59x, sky2, stmmac
    // forks): `mtk_soc_eth 1e100000.ethernet eth0: transmit timed out`, followed by the driver's ring dump. The qdisc's
    // own line (`NETDEV WATCHDOG: eth0: transmit timed out` before 2.6.27) has the same shape and is left to its rule.
    id: "driver-transmit-timed-out",
    kind: "other",
    needle: ": transmit timed out",
    pattern: /^(?!NETDEV )([\w-]{1,64}) (\S{1,64}) ([\w.@-]{1,64}): transmit timed out(?:$|[,.])/,
    title: (m) => `${m[1]}: TX timeout`,
    details: (m) => ({ driver: m[1], device: m[3] }),
    groupKey: (m) => `txto:${m[3]}`,
  },
  {
    id: "ena-tx-not-completed",
    kind: "other",
    needle: "completed on time",
    // AWS ENA: `ena 0000:00:05.0 eth0: Found a Tx that wasn't completed on time, qid 2, index 523.`
    pattern: /^ena (\S+) (\S+): Found a Tx that wasn't completed on time/,
    title: () => "ena: TX timeout",
    details: (m) => ({ driver: "ena", device: m[2] }),
    groupKey: (m) => `txto:${m[2]}`,
  },
  {
    // Newer ENA drivers (2.10+, kernel 6.x) name the stalled queue instead (`ena 0000:20:03.0 eth0: TX q 5 is paused
    // for too long (threshold 5000000). Time since last napi 6596000 usec. napi scheduled: 1`) and reset the device:
    // the same missing TX completions, often a NAPI poll starved of CPU.
    id: "ena-tx-queue-paused",
    kind: "other",
    needle: "is paused for too long",
    pattern: /^ena (\S+) (\S+): TX q (\d+) is paused for too long/,
    title: () => "ena: TX timeout",
    details: (m) => ({ driver: "ena", device: m[2], queue: Number(m[3]) }),
    groupKey: (m) => `txto:${m[2]}`,
  },
  {
    // The ENA driver resets the device once too many TX completions are missing (`ena 0000:00:05.0 ens5: The number
    // of lost tx completions is above the threshold (1019 > 128). Reset the device`): the end of the same lost-TX
    // problem, folded with it.
    id: "ena-lost-tx-completions",
    kind: "other",
    needle: "lost tx completion",
    pattern: /(?:^ena \S+ )?([\w.-]{1,64}): The number of lost tx completions? is above the threshold \((\d+) > (\d+)\)/,
    title: () => "ena: TX timeout",
    details: (m) => ({ driver: "ena", device: m[1], lostCompletions: Number(m[2]) }),
    groupKey: (m) => `txto:${m[1]}`,
  },
  {
    // mlx5 firmware commands that got no completion (`mlx5_core 0000:61:00.0: wait_func:1132:(pid 141181):
    // CREATE_DCT(0x710) timeout. Will cause a leak of a command resource`): the HCA's firmware stopped answering its
    // command interface; the driver leaks the slot and callers fail. Firmware or a wedged device.
    id: "mlx5-command-timeout",
    kind: "other",
    needle: "Will cause a leak of a command resource",
    pattern: /\bmlx5_core (\S{1,64}?):? [^\n]{0,200}?\b([A-Z][A-Z0-9_]{0,63})\(0x[0-9a-f]+\) timeout\. Will cause a leak of a command resource/,
    title: () => "mlx5_core: firmware command timeout",
    details: (m) => ({ pci: m[1], command: m[2] }),
    groupKey: (m) => `mlx5-cmd:${m[1]}`,
  },
  {
    // mlx5_core could not bring a ConnectX/BlueField function up at probe (`mlx5_core 0000:03:00.0: mlx5_load_one
    // failed with error code -22` before 5.x, `… mlx5_init_one failed with error code -110` since, after the failing
    // step: `handle_hca_cap failed`, a firmware command timeout, `wait_fw_init` giving up), then `probe of … failed`:
    // the port never gets a netdev. Firmware and driver disagree, or the device is wedged.
    id: "mlx5-init-failed",
    kind: "other",
    needle: "_one failed with error code",
    pattern: /\bmlx5_core (\S{1,64}?):? (?:[^\n]{0,120}?: )?mlx5_(?:load|init)_one failed with error code (-?\d+)/,
    title: () => "mlx5_core: device initialisation failed",
    details: (m) => ({ pci: m[1], error: Number(m[2]) }),
    groupKey: (m) => `mlx5-init:${m[1]}`,
  },
  {
    // bnx2 and bnx2x (Broadcom/QLogic NetXtreme II) cannot run without the firmware file their driver version asks
    // for. When it is missing from /lib/firmware or the initramfs (a kernel update that outran the firmware package, a
    // PXE or container-OS image shipping other versions) the driver says so itself — `bnx2x: [bnx2x_init_firmware:
    // 13444(net0)]Can't load firmware file bnx2x/bnx2x-e2-7.13.1.0.fw`, then `Error loading firmware` and `HW init
    // failed, aborting`; `bnx2: Can't load firmware file "bnx2/bnx2-mips-09-6.2.1b.fw"` — and the interface never
    // comes up: a bare-metal node that boots off that NIC never reaches the network. The firmware loader's own
    // `Direct firmware load for … failed` is not the finding: many drivers ask for optional files. One finding per
    // interface (bnx2 names only the file).
    id: "nic-firmware-missing",
    kind: "other",
    needle: "t load firmware file",
    pattern: /^(bnx2x?): (?:\[bnx2x_init_firmware:\d+\(([^()\s]{1,64})\)\] ?)?Can't load firmware file "?([\w.+/-]{1,128})/,
    title: (m) => `${m[1]}: NIC firmware file missing`,
    details: (m): Details => ({ driver: m[1], file: m[3], ...(m[2] ? { device: m[2] } : {}) }),
    groupKey: (m) => `nic-fw-missing:${m[2] ?? m[3]}`,
  },
  {
    // bnxt_en's firmware told the driver it hit a fatal condition and is resetting itself (`bnxt_en 0000:40:00.1
    // eno12409np1: Fatal firmware reset event, data1: 0x201, …` since 5.10, `Firmware fatal reset event received`
    // before): every port of the adapter stops passing traffic until the driver's error recovery re-opens them — a
    // TX timeout and a failed re-open (`hwrm … failure`) often follow. The non-fatal reset event (a firmware update,
    // a live patch) is routine and not matched. One finding per port.
    id: "bnxt-firmware-fatal-reset",
    kind: "other",
    needle: "reset event",
    pattern: /^bnxt_en (\S{1,64}) (\S{1,64}): (?:Fatal firmware reset event|Firmware fatal reset event received)/,
    title: () => "bnxt_en: firmware fatal reset",
    details: (m) => ({ driver: "bnxt_en", pci: m[1], device: m[2] }),
    groupKey: (m) => `bnxt-fw-fatal:${m[2]}`,
  },
  {
    // ixgbe's service task read the firmware status register (FWSM) with its valid bit clear: the NIC's management
    // firmware is in an error state (`ixgbe 0000:02:00.1: Warning firmware error detected FWSM: 0x8118801B`, every
    // second until the firmware recovers). Seen with firmware that fails to load or a failing X550 board
    // (openstreetmap/operations#997: the vendor's answer was an RMA); the port may still pass traffic. On X540 parts
    // the valid bit is reserved and the warning can be spurious (truenas/linux#80 prints it once): a moderate sign,
    // not a dead NIC. One finding per PCI function, as printed.
    id: "ixgbe-firmware-error",
    kind: "other",
    needle: "firmware error detected",
    pattern: /^ixgbe ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): Warning firmware error detected FWSM: (0x[0-9a-fA-F]{1,8})/,
    title: () => "ixgbe: firmware error detected",
    details: (m) => ({ driver: "ixgbe", pci: m[1], fwsm: m[2] }),
    groupKey: (m) => `ixgbe-fw-error:${m[1]}`,
  },
  {
    // The ENA device sends a keep-alive event every second; when none came within the timeout the driver counts
    // `wd_expired` and resets the device (reset reason KEEP_ALIVE_TO), dumping its statistics: the device or the
    // host under it stopped answering, not a lost transmit (`ena-tx-not-completed`).
    id: "ena-keep-alive-timeout",
    kind: "other",
    needle: "Keep alive watchdog timeout",
    pattern: /^ena (\S+) (\S+): Keep alive watchdog timeout/,
    title: () => "ena: keep alive watchdog timeout",
    details: (m) => ({ driver: "ena", device: m[2] }),
    groupKey: (m) => `ena-keep-alive:${m[2]}`,
  },
  {
    // The ENA driver checks its admin queue on every timer tick; when the device stopped serving it (the queue left
    // the running state: a device or host-side fault, or an admin command that timed out) the driver says so and
    // resets the adapter (reset reason ADMIN_TO): `ena 0000:00:05.0 eth0: ENA admin queue is not in running state!`
    // on Linux, `ena0: ENA admin queue is not in running state!` from FreeBSD's ena(4) on the same EC2 device. A
    // reset loop repeats it every few seconds; one finding per adapter.
    id: "ena-admin-queue-not-running",
    kind: "other",
    needle: "admin queue is not in running state",
    pattern: /^(?:ena (\S{1,64}) )?([\w.-]{1,64}): ENA admin queue is not in running state!/,
    title: () => "ena: admin queue not running",
    details: (m): Details => ({ driver: "ena", device: m[2], ...(m[1] ? { pci: m[1] } : {}) }),
    groupKey: (m) => `ena-admin-queue:${m[2]}`,
  },
  {
    // The VMBus bus driver could not bind a Hyper-V synthetic device to its driver: the driver's probe returned an
    // error (`hv_vmbus: probe failed for device 6c96f725-6e4b-415a-9879-7621e9ec0651 (-19)`, after hv_netvsc's own
    // `unable to open channel: -19` / `unable to add netvsc device (ret -19)`): that NIC or disk never appears in the
    // guest (a WSL2 VM without network, an Azure VM whose data disk or NIC is missing). Retried probes repeat the line;
    // one finding per device.
    id: "hv-vmbus-probe-failed",
    kind: "other",
    needle: "probe failed for device",
    pattern: /^hv_vmbus: probe failed for device (\S{1,64}) \((-?\d{1,5})\)/,
    title: () => "hv_vmbus: device probe failed",
    details: (m) => ({ driver: "hv_vmbus", device: m[1], error: Number(m[2]) }),
    groupKey: (m) => `hv-vmbus-probe:${m[1]}`,
  },
  {
    // Hyper-V's netvsc gets each RNDIS send completed by the host; a non-zero status (`hv_netvsc <vmbus-guid> eth0:
    // nvsp_rndis_pkt_complete error status: 2`, 2 = failure) means the host dropped that packet. The common cause is an
    // RNDIS header the guest laid across a 4 KiB page boundary, which the host's netvsp rejects (more frequent since
    // 6.14); the line is net_ratelimit'ed, so each printed line stands for many lost packets.
    id: "hv-netvsc-rndis-send-error",
    kind: "other",
    needle: "nvsp_rndis_pkt_complete error",
    pattern: /^hv_netvsc (\S{1,64}) (\S{1,64}): nvsp_rndis_pkt_complete error status: ([0-9a-fx]{1,10})/,
    title: () => "hv_netvsc: RNDIS send failed",
    details: (m) => ({ driver: "hv_netvsc", device: m[2], status: m[3] }),
    groupKey: (m) => `hv-netvsc-send:${m[2]}`,
  },
  {
    // Hyper-V's storvsc completes each SCSI command with the host's status and logs the ones that failed
    // (storvsc_on_io_completion(), 5.x+: `hv_storvsc <vmbus-guid>: tag#683 cmd 0x28 status: scsi 0x2 srb 0x4 hv
    // 0xc0000001` — the CDB opcode, the SCSI status, the SRB status, the host's NTSTATUS). Azure data disks the host
    // stopped serving, and WSL2's virtual disks, fail reads and writes this way. TEST_UNIT_READY (`cmd 0x0`) is left
    // out: the driver logs it at warning level because Hyper-V answers device probes so. When the SCSI midlayer then
    // offlines the disk or the block layer reports the I/O error, that line is the finding (endedBy).
    id: "hv-storvsc-command-failed",
    kind: "io-error",
    needle: "status: scsi 0x",
    pattern: /^hv_storvsc (\S{1,64}): tag#\d{1,5} cmd (?!0x0 )(0x[0-9a-f]{1,2}) status: scsi (0x[0-9a-f]{1,2}) srb (0x[0-9a-f]{1,2}) hv (0x[0-9a-f]{1,8})/,
    title: () => "hv_storvsc: SCSI command failed",
    details: (m) => ({ driver: "hv_storvsc", device: m[1], cmd: m[2], scsiStatus: m[3], srbStatus: m[4], hvStatus: m[5] }),
    groupKey: (m) => `hv-storvsc:${m[1]}`,
    endedBy: ["scsi-device-offlined", "block-io-error", "block-status-error"],
  },
  {
    // x86's interrupt entry found no handler for the vector a CPU was sent (arch/x86/kernel/irq.c, printed at
    // emergency level so syslogd broadcasts it: `do_IRQ: 4.36 No irq handler for vector`, 2.6–4.x with ` (irq -1)`,
    // 5.8+ `common_interrupt: …`/`__common_interrupt: …`): an interrupt was routed to a vector the guest had already
    // freed or moved. On VMs this is the hypervisor's interrupt remapping (hyperkit/QEMU on macOS, irqbalance moving
    // IRQs under VirtualBox); the device's interrupt is lost and its I/O can hang. Counted per CPU and vector as printed.
    // Not Xen's own `(XEN) CPU1: No irq handler for vector 4f (IRQ -22, LAPIC)`: the hypervisor's log, another line.
    id: "x86-no-irq-handler-for-vector",
    kind: "other",
    needle: "No irq handler for vector",
    pattern: /\b(?:__)?(?:do_IRQ|common_interrupt): (\d{1,4})\.(\d{1,3}) No irq handler for vector\b/,
    title: () => "x86: interrupt vector with no handler",
    details: (m) => ({ cpu: Number(m[1]), vector: Number(m[2]) }),
    groupKey: (m) => `no-irq-handler:${m[1]}.${m[2]}`,
  },
  {
    // An SR-IOV VF (iavf; i40evf before 5.2) whose PF driver (i40e, ice) refused its virtchnl request: `iavf
    // 0000:8a:05.0: PF returned error -5 (IAVF_ERR_PARAM) to our request 53`. The VF then resets or re-probes, and a
    // PF that keeps refusing (a PF-side validation race, a PF driver regression) leaves it in a reset loop and the
    // workload's NIC missing. `-64 (IAVF_NOT_SUPPORTED)` is left out: a PF without an optional feature answers so on
    // healthy hosts. One finding per VF with the next rule.
    id: "iavf-pf-rejected-request",
    // Not `PF returned error`: its head moved the hot prefilter's bucket placement past the busy profile's budget.
    needle: " returned error",
    pattern: /^(iavf|i40evf) (\S{1,64}): PF returned error (?!-64 )(-?\d{1,5}) \((\w{1,40})\) to our request (\d{1,5})/,
    details: (m) => ({ driver: m[1], device: m[2], error: Number(m[3]), opcode: Number(m[5]) }),
    ...IAVF_VF_PF_FAILURE,
  },
  {
    // The same VF failing at init: it cannot read its resources from the PF (`iavf 0000:21:0a.0: Unable to get VF
    // config (-5)`, `… Unable to get VF config due to PF error condition, not retrying`) and retries from a reset.
    id: "iavf-vf-config-failed",
    needle: "Unable to get VF config",
    pattern: /^(iavf|i40evf) (\S{1,64}): Unable to get VF config/,
    details: (m) => ({ driver: m[1], device: m[2] }),
    ...IAVF_VF_PF_FAILURE,
  },
  {
    // Wireless NIC firmware that asserted and was restarted by the driver: iwlwifi `iwlwifi 0000:04:00.0: Microcode SW
    // error detected.  Restarting 0x2000000.` (then the IWL error log dump). The link drops while the firmware
    // restarts; repeated asserts are firmware bugs or failing hardware, and a restart that fails leaves the interface
    // dead until reboot.
    id: "iwlwifi-firmware-error",
    kind: "other",
    needle: "Microcode SW error detected",
    pattern: /^iwlwifi (\S{1,64}): Microcode SW error detected/,
    title: () => "iwlwifi: firmware error",
    details: (m) => ({ driver: "iwlwifi", device: m[1] }),
    groupKey: (m) => `wifi-fw:${m[1]}`,
  },
  {
    // iwlwifi's later line for the same firmware error, after its error-log dump: `iwlwifi 0000:00:14.3: Device error -
    // SW reset` (6.x). Under a `Microcode SW error detected` line of the same card it is that assert's last line; a
    // paste that quotes only it (posts often keep just this line and `Start IWL Event Log Dump`) still shows the
    // firmware crashed and was reset.
    id: "iwlwifi-device-error-reset",
    kind: "other",
    needle: "Device error - SW reset",
    pattern: /^iwlwifi (\S{1,64}): Device error - SW reset/,
    title: () => "iwlwifi: firmware error",
    details: (m) => ({ driver: "iwlwifi", device: m[1] }),
    groupKey: (m) => `wifi-fw:${m[1]}`,
    continues: ["iwlwifi-firmware-error"],
  },
  {
    // The same for Qualcomm Atheros radios: `ath10k_pci 0000:04:00.0: firmware crashed! (guid …)`, then the register
    // dump, and the driver restarts the firmware (ath10k_pci/ahb/sdio/usb, ath11k_pci/ahb). The PCIe radios behind MHI
    // (ath11k_pci's QCA6390/WCN6855, ath12k_pci) learn of the crash from the MHI bus instead and say so in their own
    // words (`ath11k_pci 0000:72:00.0: firmware crashed: MHI_CB_SYS_ERROR`, `… MHI_CB_EE_RDDM` when the RAM dump
    // follows): the same crash and restart, so the needle stops before the `!` where the two wordings part.
    id: "ath-firmware-crash",
    kind: "other",
    needle: "firmware crashed",
    pattern: /^(ath1[012]k)_\w{1,8} (\S{1,64}): firmware crashed(?:!|: MHI_CB_(?:SYS_ERROR|EE_RDDM)\b)/,
    title: (m) => `${m[1]}: firmware crashed`,
    details: (m) => ({ driver: m[1], device: m[2] }),
    groupKey: (m) => `wifi-fw:${m[2]}`,
  },
  {
    id: "scsi-command-timeout",
    kind: "io-error",
    needle: "timing out command",
    // `sd 2:0:0:0: [sdb] tag#12 timing out command, waited 180s`; before scmd_printk (2.6.x) the line named only the
    // SCSI address, after the upper-level driver of any device type (`st 0:0:10:0: timing out command, waited 14000s`).
    pattern: /\b(?:sd|st|sr|osst|ch|ses|sg|scsi) ([\d:]+):(?: \[(\w+)\])?(?: tag#\d+)? timing out command, waited (\d+)s/,
    title: () => "scsi: command timed out",
    details: (m) => ({ device: m[2] ?? m[1], waitedSec: Number(m[3]) }),
    groupKey: (m) => `scsi:${m[1]}`,
  },
  {
    // Since 6.8 dev_watchdog() no longer WARNs: it prints through netdev_crit(), prefixed with the driver, bus id and
    // device (`r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5010 ms`), with no stack.
    id: "netdev-tx-timeout-crit",
    kind: "other",
    needle: "NETDEV WATCHDOG: ",
    pattern: /^(\S+) (\S+) (\S+): NETDEV WATCHDOG: (?:CPU: (\d+): )?transmit queue (\d+) timed out(?: (\d+) ms)?/,
    title: () => "NETDEV WATCHDOG: transmit queue timed out",
    details: (m) => ({ driver: m[1], device: m[3], queue: Number(m[5]), ...(m[6] ? { timedOutMs: Number(m[6]) } : {}) }),
    groupKey: (m) => `txq:${m[3]}`,
  },
  {
    id: "netdev-tx-timeout",
    kind: "warning",
    needle: "NETDEV WATCHDOG: ",
    // `NETDEV WATCHDOG: eth0 (r8169): transmit queue 0 timed out` (+ 6.x `… timed out 5120 ms`): dev_watchdog()'s WARN.
    // Before 2.6.27 the line named no queue and came with no WARN: netdev-tx-timeout-old below.
    pattern: /NETDEV WATCHDOG: (\S+?)(?: \(([^)]*)\))?: transmit queue (\d+) timed out/,
    title: () => "NETDEV WATCHDOG: transmit queue timed out",
    details: (m): Details => ({ device: m[1], ...(m[2] !== undefined ? { driver: m[2] } : {}), ...(m[3] ? { queue: Number(m[3]) } : {}) }),
    groupKey: (m) => `txq:${m[1]}`,
    supersededBy: /^WARNING in dev_watchdog$/,
    reportFollows: 4,
  },
  {
    // Before multiqueue (2.6.27; RHEL 5's 2.6.18) dev_watchdog() printed a plain KERN_INFO line with no queue and no
    // WARN: `NETDEV WATCHDOG: eth0: transmit timed out`, the driver in parentheses from 2.6.2x (`eth0 (e1000): …`).
    // ESX's vmklinux still prints it so, after its own `WARNING: LinNet: netdev_watchdog:` prefix.
    id: "netdev-tx-timeout-old",
    kind: "other",
    needle: "NETDEV WATCHDOG: ",
    pattern: /NETDEV WATCHDOG: ([^\s:()]+)(?: \(([^)]*)\))?: transmit timed out/,
    title: () => "NETDEV WATCHDOG: transmit queue timed out",
    details: (m) => ({ device: m[1], ...(m[2] ? { driver: m[2] } : {}) }),
    groupKey: (m) => `txq:${m[1]}`,
    supersededBy: /^WARNING in (?:dev|netdev)_watchdog$/,
    reportFollows: 4,
  },
  {
    id: "nvidia-gpu-fallen-off-bus",
    kind: "other",
    needle: "fallen off the bus",
    // NVRM prints the message over several records: `NVRM: The NVIDIA GPU 0000:b3:00.0` … `NVRM: fallen off the bus …`
    pattern: /NVRM: (?:.*\b)?fallen off the bus/,
    title: () => "NVRM: GPU has fallen off the bus",
    groupKey: () => "nvrm:fallen-off-bus",
  },
  {
    // ext4 repeats the errors a filesystem has recorded since its last fsck once a day (print_daily_error_info):
    // `EXT4-fs (vdb): error count since last fsck: 26`, then the first and last error's function. On a node whose
    // ring buffer has rotated it is the only line left of the original `EXT4-fs error`s.
    id: "ext4-error-count",
    kind: "fs-error",
    // Older kernels (before ext4's "clarify error count reporting" change) said only `EXT4-fs (sda1): error count: 6`:
    // the same summary, so the needle stops before the words that changed.
    needle: "): error count",
    pattern: /EXT4-fs \(([^)]{1,64})\): error count(?: since last fsck)?: (\d+)/,
    title: () => "EXT4-fs: errors recorded since last fsck",
    details: (m) => ({ device: m[1], errorCount: Number(m[2]) }),
    groupKey: (m) => `ext4-error-count:${m[1]}`,
  },
  {
    // `EXT4-fs error (device sdf): ext4_lookup:1855: inode #2: comm ls: …` (ext4_error), and __ext4_std_error's
    // `EXT4-fs error (device sdf) in ext4_reserve_inode_write:5795: Journal has aborted` (an errno where a journal
    // handle or an update failed: the aborted journal's aftermath, ENOMEM, EIO).
    id: "ext4-error",
    kind: "fs-error",
    needle: "EXT4-fs error",
    pattern: /EXT4-fs error \(device ([^)]{1,64})\)(?::| in) (\w+)(?::\d+)?:/,
    title: (m) => `EXT4-fs error in ${m[2]}`,
    details: (m) => ({ device: m[1], function: m[2] }),
  },
  {
    // ext2 and ext3 report errors in ext4's words (ext4 inherited ext3's ext3_error()): `EXT3-fs error (device sda1):
    // ext3_lookup: deleted inode referenced: 12345`, `EXT2-fs error (device sdr1): read_block_bitmap: Cannot read
    // block bitmap - block_group = 0, block_bitmap = 259` (RHEL 4–6, Debian/Ubuntu before ext4 became the default).
    // Folded per function, as ext4's. Needle not `-fs error (device `: placed beside the OOM rows' needles, that one
    // let `kernel: device veth… entered promiscuous mode` through the prefilter's automaton (literal-prefilter.test).
    id: "ext2-ext3-error",
    kind: "fs-error",
    needle: "-fs error (dev",
    pattern: /EXT([23])-fs error \(device ([^)]{1,64})\): (\w+)(?::\d+)?:/,
    title: (m) => `EXT${m[1]}-fs error in ${m[3]}`,
    details: (m) => ({ device: m[2], function: m[3] }),
  },
  {
    // ext2 since 2.6.36 prints ext2_error() through ext2_msg(): `EXT2-fs (sda1): error: ext2_lookup: deleted inode
    // referenced: 32905` (`… error: read_block_bitmap: Cannot read block bitmap …`), not ext3's `EXT2-fs error (device
    // …)` wording, which older kernels used. The same error, titled and folded per function as that row's.
    // Needle `): error: `: its 7-byte head is ext4-error-count's, so it adds no bucket to the hot prefilter; `EXT2-fs (`
    // let ~0.12 positions of every quiet line through (every `EXT4-fs (` line shares its bucket).
    id: "ext2-msg-error",
    kind: "fs-error",
    needle: "): error: ",
    pattern: /EXT2-fs \(([^)]{1,64})\): error: (\w+):/,
    title: (m) => `EXT2-fs error in ${m[2]}`,
    details: (m) => ({ device: m[1], function: m[2] }),
  },
  {
    // ext4's I/O completion could not turn the unwritten extents a write filled into written ones
    // (ext4_convert_unwritten_io_end_vec(): `EXT4-fs (sdg): failed to convert unwritten extents to written extents --
    // potential data loss!  (inode 262194, error -30)`; before 5.5 `(inode 1234567, offset 0, size 4096, error -5)`): the data reached the disk but the extent tree still says
    // "unwritten", so reads return zeroes — data loss. Usually the filesystem had just gone read-only (-30 EROFS) or the
    // device failed the metadata write (-5 EIO). After an `EXT4-fs error` (the journal abort, the failed read that
    // remounted it read-only) it is that error's aftermath; alone (a paste of the one line a console or wall
    // broadcast showed) it is the finding. No group key: `continues` pairs it with ext4-error's events, which have
    // none (one finding per host; the device is in the details).
    id: "ext4-unwritten-extents-lost",
    kind: "fs-error",
    // Not `failed to convert …` nor `unwritten extents …`: those heads put the rule in a prefilter bucket that let
    // 0.52 positions per busy line through (prefilter-placement.test.ts); the line's tail is as rare and places well.
    needle: "potential data loss!",
    pattern: /EXT4-fs \(([^)]{1,64})\): failed to convert unwritten extents to written extents -- potential data loss!\s*\(inode (\d+)(?:, offset \d+, size \d+)?, error (-?\d+)\)/,
    title: () => "EXT4-fs: failed to convert unwritten extents (potential data loss)",
    details: (m) => ({ device: m[1], inode: Number(m[2]), errno: Number(m[3]) }),
    continues: ["ext4-error"],
  },
  {
    // NVIDIA's driver reports GPU faults as numbered Xid events (`NVRM: Xid (PCI:0000:cb:00): 13, pid=…, name=…,
    // Graphics SM Warp Exception …`): the number is the class (13/31/43 a job's fault, 48/63/64/94/95 memory ECC,
    // 79 off the bus, 119/120 GSP, 144–150 NVLink). One finding per GPU and Xid; the rule above claims Xid 79 lines
    // that say `fallen off the bus`.
    id: "nvidia-xid",
    kind: "other",
    needle: "NVRM: Xid",
    pattern: /NVRM: Xid \((PCI:[0-9a-fA-F:.]+)\): (\d+)\b/,
    title: (m) => `NVRM: Xid ${m[2]}`,
    details: (m) => ({ gpu: m[1], xid: Number(m[2]) }),
    groupKey: (m) => `xid:${m[1]}:${m[2]}`,
  },
  {
    // NVIDIA's Kubernetes device plugin relays the critical-Xid event NVML gave it and takes the GPU out of the node's
    // allocatable nvidia.com/gpu (`XidCriticalError: Xid=69 on Device=GPU-7540a9b3-…, the device will go unhealthy.`,
    // `…; marking device as unhealthy.` in later versions): the same GPU fault as the kernel's `NVRM: Xid` line, seen
    // from the plugin's container log, where the kernel line is not. Pods asking for a GPU stop landing on it, and the
    // plugin does not mark it healthy again until it restarts. One finding per GPU and Xid.
    id: "nvidia-device-plugin-xid-unhealthy",
    kind: "other",
    needle: "XidCriticalError: Xid=",
    pattern: /XidCriticalError: Xid=(\d+) on Device=((?:GPU|MIG)-[\w-]{8,96})/,
    title: (m) => `nvidia-device-plugin: GPU marked unhealthy after Xid ${m[1]}`,
    details: (m) => ({ gpu: m[2], xid: Number(m[1]) }),
    groupKey: (m) => `xid-plugin:${m[2]}:${m[1]}`,
  },
  {
    // NVIDIA's resource manager could not bring a GPU up (`NVRM: GPU 0000:0a:00.0: RmInitAdapter failed!
    // (0x24:0x72:1568)`, then `rm_init_adapter failed, device minor number 5`): the device node exists but every CUDA
    // or NVML call on it fails, so device plugins and validator pods crash. A failing GPU (often after ECC or bus
    // errors), firmware/GSP trouble, or a passthrough/driver mismatch. One finding per GPU.
    id: "nvidia-rminitadapter-failed",
    kind: "other",
    needle: "RmInitAdapter failed",
    pattern: /NVRM: GPU ([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.\d): RmInitAdapter failed! \((0x[0-9a-fA-F]+:0x[0-9a-fA-F]+)/,
    title: () => "NVRM: GPU initialization failed",
    details: (m) => ({ gpu: m[1], code: m[2] }),
    groupKey: (m) => `nvidia-rminit:${m[1]}`,
  },
  {
    // NVIDIA's kernel module refuses a userspace driver of another version (`NVRM: API mismatch: the client has the
    // version 535.183.01, but` / `NVRM: this kernel module has the version 535.161.07.  Please` …; rsyslog joins the
    // four lines with `#012`): the packages were upgraded while the old module stayed loaded (or a container/AMI ships
    // another userspace). nvidia-smi, NVML, nvidia-persistenced and every CUDA job fail until the module is reloaded or
    // the node rebooted. One finding per host.
    id: "nvidia-api-mismatch",
    kind: "other",
    needle: "NVRM: API mismatch",
    pattern: /NVRM: API mismatch: the client has the version ([0-9]+(?:\.[\w-]{1,16}){0,4}), but(?:#012NVRM: this kernel module has the version ([0-9]+(?:\.[\w-]{1,16}){0,4}))?/,
    title: () => "NVRM: API mismatch between the userspace driver and the kernel module",
    details: (m): Details => ({ client: m[1], ...(m[2] ? { module: m[2] } : {}) }),
    groupKey: () => "nvrm-api-mismatch",
  },
  {
    // NVSwitch errors, numbered like the GPUs' Xids (`nvidia-nvswitch1: SXid (PCI:0000:84:00.0): 12028, Data {…}`):
    // NVIDIA's SXid table says per number whether the fault is fatal to the NVLink partition (12028, egress non-posted
    // PRIV error: traffic stalls, CUDA jobs abort with Xid 45, the GPUs and switches need a reset). One finding per
    // switch and SXid.
    id: "nvswitch-sxid",
    kind: "other",
    needle: "SXid (PCI:",
    // (the `nvidia-nvswitchN:` prefix is the driver's; a syslog reader may take it for the program's tag)
    pattern: /(?:\bnvidia-nvswitch(\d{1,3}): )?SXid \((PCI:[0-9a-fA-F:.]+)\): (\d+)\b/,
    title: (m) => `NVSwitch SXid ${m[3]}`,
    details: (m): Details => ({ ...(m[1] ? { nvswitch: Number(m[1]) } : {}), pci: m[2], sxid: Number(m[3]) }),
    groupKey: (m) => `sxid:${m[2]}:${m[3]}`,
  },
  {
    // amdgpu (and radeon before it) gave up bringing a GPU up (`amdgpu 0000:04:00.0: amdgpu: Fatal error during GPU
    // init`, before 5.x without the second `amdgpu:`), after an IP block's init failed — most often a firmware blob
    // missing from /lib/firmware or the initramfs (`Direct firmware load for amdgpu/psp_13_0_8_toc.bin failed`), else
    // a VBIOS or hardware fault. The device has no DRM/KFD node: no display, no ROCm. One finding per GPU.
    id: "amdgpu-init-failed",
    kind: "other",
    needle: "Fatal error during GPU init",
    pattern: /\b(amdgpu|radeon) ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:(?:amdgpu|radeon): )?Fatal error during GPU init/,
    title: (m) => `${m[1]}: GPU initialization failed`,
    details: (m) => ({ pci: m[2] }),
    groupKey: (m) => `gpu-init:${m[2]}`,
  },
  {
    // amdgpu's job timeout (drm_sched's timedout_job): a ring stopped retiring work (`[drm:amdgpu_job_timedout [amdgpu]]
    // *ERROR* ring gfx_0.0.0 timeout, signaled seq=228661, emitted seq=228662`; 6.x: `amdgpu 0000:28:00.0: ring gfx_0.0.0
    // timeout, …`). The driver then resets the ring or the whole GPU (VRAM may be lost): a GPU hang, usually a
    // userspace job or firmware. One finding per host.
    id: "amdgpu-ring-timeout",
    kind: "other",
    needle: " timeout, signaled seq=",
    pattern: /amdgpu[^\n]{0,120}?\bring ([\w.]{1,64}) timeout, signaled seq=(\d+), emitted seq=(\d+)/,
    title: () => "amdgpu: ring timeout",
    details: (m) => ({ ring: m[1] }),
    groupKey: () => "amdgpu-ring-timeout",
  },
  {
    // RDNA3+ schedules queues through the MES firmware; when it stops answering (`amdgpu 0000:03:00.0: amdgpu: MES
    // failed to respond to msg=REMOVE_QUEUE`, then `MES might be in unrecoverable state, issue a GPU reset`) queues
    // cannot be evicted and the GPU is reset — the same GPU hang a ring timeout reports, told by the scheduler when no
    // job timed out first. After a ring timeout (same fold key) it is that timeout's reset failing: no finding of its
    // own.
    id: "amdgpu-mes-unresponsive",
    kind: "other",
    // 6.2–6.6 printed the message number in another wording (`[drm:mes_v11_0_submit_pkt_and_poll_completion…
    // [amdgpu]] *ERROR* MES failed to response msg=3`): the needle stops before the two wordings part.
    needle: "MES failed to respon",
    pattern: /\bamdgpu\b[^\n]{0,80}?MES failed to respon(?:d to|se) msg=([A-Z_]{1,32}|\d{1,3})\b/,
    title: () => "amdgpu: MES firmware not responding",
    details: (m) => ({ mesMessage: m[1] }),
    groupKey: () => "amdgpu-ring-timeout",
    continues: ["amdgpu-ring-timeout"],
  },
  {
    // The KFD (ROCm compute) could not preempt a process's queues off the GPU: the CP did not answer the unmap in time
    // (`amdgpu: qcm fence wait loop timeout expired`, then `amdgpu: The cp might be in an unrecoverable state due to an
    // unsuccessful queues preemption`; 6.x prefixes the PCI device) and the driver resets the GPU (`GPU reset begin!`).
    // The same GPU hang a ring timeout reports, found by the compute side when no job timed out first (a ROCm/OpenCL
    // kernel that never finishes, the MEC firmware); after a ring timeout or MES failure (same fold key) it is that
    // hang's reset failing, no finding of its own.
    id: "amdgpu-kfd-preemption-failed",
    kind: "other",
    needle: "unsuccessful queues preemption",
    pattern: /\bThe cp might be in an unrecoverable state due to an unsuccessful queues preemption/,
    title: () => "amdgpu: compute queue preemption failed",
    groupKey: () => "amdgpu-ring-timeout",
    continues: ["amdgpu-ring-timeout", "amdgpu-mes-unresponsive"],
  },
  {
    // radeon (the pre-GCN/SI/CIK driver amdgpu replaced) has no drm_sched job timeout: its fence wait checks each ring
    // and, when one made no progress, prints `radeon 0000:01:00.0: ring 0 stalled for more than 10061msec` and then
    // `radeon 0000:01:00.0: GPU lockup (current fence id 0x…06 last fence id 0x…08 on ring 0)`, and resets the GPU
    // (`GPU softreset: 0x00000049` and a GRBM/SRBM register dump) — or, with the reset failing, repeats both every half
    // second until the machine is power-cycled. The same GPU hang as amdgpu's ring timeout; both lines are printed per
    // verdict and each counts, folded per GPU with the rule below. journalctl may ellipsize the long line (`… o>`).
    // The needle is spelled `current fence id` (the ring rule's `alled for mo`): the automaton's bucket placement swings
    // with every needle added (prefilter-placement.test); `GPU lockup (` put the busy profile at 0.59–0.66 positions a
    // line; among the spellings tried when ten rows joined at once (December 2026), these, with e1000e's `adapter
    // unexpec`, placed it at 0.34 and the quiet profile at 0.001.
    id: "radeon-gpu-lockup",
    kind: "other",
    needle: "current fence id",
    pattern: /^radeon ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): GPU lockup \(current fence id 0x[0-9a-f]{1,16}(?: last fence id 0x[0-9a-f]{1,16} on ring (\d{1,2})\))?/,
    title: () => "radeon: GPU lockup",
    details: (m): Details => ({ pci: m[1], ...(m[2] ? { ring: Number(m[2]) } : {}) }),
    groupKey: (m) => `radeon-gpu-lockup:${m[1]}`,
  },
  {
    // The first half of radeon's lockup verdict (above), and the only one printed while a lockup is not yet declared
    // or the reset is skipped: a stuck ring alone is the same GPU hang. Its own rule for its own needle; same fold key.
    id: "radeon-ring-stalled",
    kind: "other",
    needle: "alled for mo",
    pattern: /^radeon ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): ring (\d{1,2}) stalled for more than \d{1,12}msec/,
    title: () => "radeon: GPU lockup",
    details: (m) => ({ pci: m[1], ring: Number(m[2]) }),
    groupKey: (m) => `radeon-gpu-lockup:${m[1]}`,
  },
  {
    // i915's hang check found an engine that stopped making progress and captured an error state (`i915 0000:00:02.0:
    // [drm] GPU HANG: ecode 12:1:85dffffb, in Xorg [996]` with `Resetting rcs0 for stopped heartbeat on rcs0` (5.x+),
    // `[drm] GPU HANG: ecode 7:0:0x87c3ffff, in compton [2243], reason: Ring hung, action: reset` (3.x–4.x), `i915
    // 0000:00:02.0: GPU HANG: ecode 6:1:0xfffffffe, in kaffeine [2483], hang on rcs0` (4.x)): the engine or the whole
    // chip is reset and the guilty context killed. A userspace job, the firmware (GuC) or the driver; one finding per GPU.
    id: "i915-gpu-hang",
    kind: "other",
    needle: "GPU HANG: ecode ",
    // The process part is missing when no context was found guilty (`GPU HANG: ecode 7:0:0x87c3ffff, reason: …`).
    pattern: /^(?:i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): )?(?:\[drm\] )?GPU HANG: ecode [0-9a-fx:]{1,40}(?:, in ([^\n[]{1,64}?) \[\d+\])?/,
    title: () => "i915: GPU hang",
    details: (m): Details => ({ ...(m[1] ? { pci: m[1] } : {}), ...(m[2] ? { process: m[2] } : {}) }),
    groupKey: (m) => `i915-gpu-hang:${m[1] ?? "gpu"}`,
  },
  {
    // i915 captures one error state per boot: later hangs print only the engine reset (`i915 0000:00:02.0: Resetting
    // rcs0 for hang on rcs0`; 4.x `Resetting chip for hang on rcs0`), every few seconds while the GPU keeps hanging.
    // After a `GPU HANG: ecode` line of the same GPU they are its resets; alone (a boot whose error state was captured
    // earlier, a trimmed paste) they are the hang. The needle is the render engine's (where nearly every hang is): no
    // wider one (`Resetting `, ` for hang on `, `stopped heartbeat on ` for 5.x's heartbeat resets) kept the busy
    // profile within prefilter-placement.test's budget, so other engines' resets alone and heartbeat resets are not read.
    id: "i915-engine-reset",
    kind: "other",
    needle: "hang on rcs",
    pattern: /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?Resetting (\w{1,16}) for hang on /,
    title: () => "i915: GPU hang",
    details: (m) => ({ pci: m[1], engine: m[2] }),
    groupKey: (m) => `i915-gpu-hang:${m[1]}`,
    continues: ["i915-gpu-hang"],
  },
  {
    // 5.x+ hang detection is the engine heartbeat: a hung engine is reset with `i915 0000:00:02.0: [drm] Resetting
    // rcs0 for stopped heartbeat on rcs0` (GuC submission, SR-IOV hosts: `Resetting chip for stopped heartbeat on
    // rcs0`). After a `GPU HANG: ecode` line of the same GPU it is that hang's reset; alone (the error state was
    // captured in an earlier boot, not posted, or not taken: a host whose VM start hung the render engine) it is the
    // hang. Its own rule because the needle has to be short of the trailing space (`stopped heartbeat on ` did not fit
    // prefilter-placement.test's busy budget; render engine only, like the rule above).
    id: "i915-heartbeat-reset",
    kind: "other",
    needle: "stopped heartbeat",
    pattern: /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?Resetting (\w{1,16}) for stopped heartbeat on /,
    title: () => "i915: GPU hang",
    details: (m) => ({ pci: m[1], engine: m[2] }),
    groupKey: (m) => `i915-gpu-hang:${m[1]}`,
    continues: ["i915-gpu-hang"],
  },
  // i915's GuC firmware (the scheduler i915 submits through since Alder Lake, and under SR-IOV) stopped answering:
  // TLB invalidation requests time out (`i915 0000:00:02.0: [drm] *ERROR* GT0: GUC: TLB invalidation response timed
  // out for seqno 309`, `… [drm] tlb invalidation response timed out for seqno 3` in the backports), CT requests get
  // no reply (`*ERROR* GT0 [GUC COMMUNICATION] CT: No response for request 0x5503 (fence 168)`), or resetting the GuC
  // itself fails (`*ERROR* GT0: Failed to reset GuC, ret = -110`). The GPU hangs until the reset works or the host
  // reboots; SR-IOV VFs are often disabled. One finding per GPU, each line counted (i915GucRule).
  i915GucRule("i915-guc-tlb-invalidation-timeout", "nvalidation response timed out", /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?(?:\*ERROR\* )?(?:GT\d: )?(?:GUC: )?(?:TLB|tlb) invalidation response timed out\b/),
  i915GucRule("i915-guc-ct-no-response", "CT: No response for request", /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?(?:\*ERROR\* )?(?:GT\d:? )?(?:\[GUC COMMUNICATION\] )?CT: No response for request 0x[0-9a-f]+/),
  i915GucRule("i915-guc-reset-failed", "GuC, ret = ", /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?(?:\*ERROR\* )?(?:GT\d: )?Failed to reset GuC, ret = -\d+/),
  {
    // i915 could not bring the GPU up and gave up on it (`i915 0000:00:02.0: [drm] *ERROR* GT0: Failed to initialize
    // GPU, declaring it wedged!`), after the GuC/HuC firmware failed to load or authenticate (`GuC initialization failed
    // -ENXIO`, a firmware blob the kernel does not accept) or the hardware did not answer: display may work, but no
    // rendering, media or compute. One finding per GPU.
    id: "i915-wedged-on-init",
    kind: "other",
    needle: "declaring it wedged",
    pattern: /^i915 ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:\[drm\] )?(?:\*ERROR\* )?(?:GT\d: )?Failed to initialize GPU, declaring it wedged/,
    title: () => "i915: GPU initialization failed",
    details: (m) => ({ pci: m[1] }),
    groupKey: (m) => `i915-wedged:${m[1]}`,
  },
  {
    // The habanalabs driver (Intel Gaudi / Goya accelerators) gave up on a device at probe (`habanalabs
    // 0000:1a:00.0: Failed to initialize hl2. Device is NOT usable !`; 6.x names the device again: `… Device
    // 0000:1a:00.0 is NOT usable !`), after its firmware or the device CPU did not answer (`Failed to communicate with
    // Device CPU (CPU-CP timeout)`, `failed to initialize the H/W`). The accelerator has no /dev/accel node: hl-smi and
    // the Kubernetes device plugin do not list it, so a Gaudi node comes up with fewer habana.ai/gaudi than it has
    // cards. One finding per device.
    id: "habanalabs-init-failed",
    kind: "other",
    // Both wordings end in `is NOT usable`; a head from the line's start (`Failed to initialize`) is shared with many
    // drivers' probe errors.
    needle: "is NOT usable",
    pattern: /\bhabanalabs ([\w:.-]{1,32}): Failed to initialize hl(\d{1,3})\. Device (?:[\w:.-]{1,32} )?is NOT usable/,
    title: () => "habanalabs: device initialization failed",
    details: (m) => ({ device: m[1], index: Number(m[2]) }),
    groupKey: (m) => `habanalabs-init:${m[2]}`,
  },
  {
    // nouveau's PFIFO (Kepler and later: gk104_fifo_intr_sched) stopped scheduling channels and reports the scheduler
    // error code (`nouveau 0000:02:00.0: fifo: SCHED_ERROR 0a [CTXSW_TIMEOUT]`; codes without a name print `[]`),
    // usually once per interrupt until the channel is killed or the GPU recovers — often a flood. The GPU's engines
    // stop making progress: a blank or frozen display, hung GL clients, display commits waiting for fences. One finding
    // per GPU, each line counted.
    id: "nouveau-fifo-sched-error",
    kind: "other",
    // Spelled from inside the word: `SCHED_ERROR`, `: SCHED_ERR` and `fifo: SCHED` put the busy profile at 0.55–0.70
    // positions a line (prefilter-placement.test's budget is 0.5), this head at 0.39 (December 2026).
    needle: "HED_ERROR ",
    pattern: /^nouveau ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): fifo: SCHED_ERROR ([0-9a-f]{2}) \[([A-Z_]{0,32})\]/,
    title: () => "nouveau: FIFO scheduler error",
    details: (m): Details => ({ pci: m[1], code: m[2], ...(m[3] ? { reason: m[3] } : {}) }),
    groupKey: (m) => `nouveau-fifo:${m[1]}`,
  },
  {
    // A GPU's memory access the GPU's own page tables do not allow (radeon/amdgpu before GMC 9: `amdgpu 0000:01:00.0:
    // GPU fault detected: 146 0x0938c80c` then the VM_CONTEXT1_PROTECTION_FAULT_ADDR/STATUS lines; GMC 9+: `amdgpu
    // 0000:83:00.0: amdgpu: [gfxhub] page fault (src_id:0 ring:24 vmid:8 pasid:32772, for process …)`, `[mmhub0]
    // no-retry page fault`, 4.x `[gfxhub] VMC page fault`): a job (usually userspace's, a shader or compute kernel) used
    // a bad GPU address; the job is killed and the GPU may hang and be reset after it. One finding per GPU.
    id: "gpu-vm-fault",
    kind: "other",
    needle: "GPU fault detected: ",
    pattern: /\b(amdgpu|radeon) ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): GPU fault detected: (\d+)/,
    title: (m) => `${m[1]}: GPU page fault`,
    details: (m) => ({ driver: m[1], pci: m[2], source: Number(m[3]) }),
    groupKey: (m) => `gpu-vm-fault:${m[2]}`,
  },
  {
    id: "amdgpu-gmc-page-fault",
    kind: "other",
    needle: "page fault (src_id:",
    pattern: /\bamdgpu ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (?:amdgpu: )?\[(?:gfx|mm)hub\d*\] (?:no-retry |retry )?(?:VMC )?page fault \(src_id:/,
    title: () => "amdgpu: GPU page fault",
    details: (m) => ({ driver: "amdgpu", pci: m[1] }),
    groupKey: (m) => `gpu-vm-fault:${m[1]}`,
  },
  {
    // Intel VT-d refused a device's DMA (`DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x7cd80000
    // [fault reason 0x01] Present bit in root entry is clear`; before 5.x `DMAR: [DMA Read] Request device [00:02.0]
    // PASID ffffffff fault addr 9c000000 [fault reason 06] PTE Read access is not set`, 3.x `DMAR:[DMA Write] Request
    // device [03:00.0] fault addr …`; interrupt remapping: `DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index
    // 0x…`), each after `DMAR: DRHD: handling fault status reg 3`. The device or its driver used an address the IOMMU
    // does not map for it (a firmware RMRR gap, a driver bug, a passed-through device after its guest reset); the
    // access fails and the device may hang. One finding per device.
    id: "dmar-fault",
    kind: "other",
    needle: "Request device [",
    pattern: /\bDMAR: ?\[(DMA Read|DMA Write|INTR-REMAP)[^\]\n]{0,40}\] Request device \[([0-9a-f]{2,4}:[0-9a-f]{2}(?:\.|:)[0-9a-f])\]/i,
    title: (m) => (/INTR/i.test(m[1]) ? "DMAR: interrupt remapping fault" : "DMAR: DMA remapping fault"),
    details: (m) => ({ access: m[1], device: m[2] }),
    groupKey: (m) => `dmar:${m[2]}`,
  },
  {
    // AMD's IOMMU driver logs the same refused DMA as an event (`AMD-Vi: Event logged [IO_PAGE_FAULT device=03:00.0
    // domain=0x000e address=0x… flags=0x0050]`; 5.x+: `… [IO_PAGE_FAULT domain=0x000e address=… flags=0x0020]` after
    // the driver and device prefix).
    id: "amd-vi-io-page-fault",
    kind: "other",
    needle: "IO_PAGE_FAULT",
    // 3.x–4.x printed the event in two printk calls, so a log may carry `AMD-Vi: Event logged [` and the event
    // (`IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0x… flags=0x0070]`) on lines of their own.
    pattern: /AMD-Vi: Event logged \[IO_PAGE_FAULT(?: device=([0-9a-f:.]+))?|^IO_PAGE_FAULT device=([0-9a-f:.]+) domain=0x/,
    title: () => "AMD-Vi: IO page fault",
    details: (m): Details => (m[1] ?? m[2] ? { device: m[1] ?? m[2] } : {}),
    groupKey: (m) => `amd-vi:${m[1] ?? m[2] ?? "?"}`,
  },
  {
    // The Arm SMMU (v1/v2, arm-smmu and its Qualcomm/NXP variants) refused a master's DMA the same way: `arm-smmu
    // 15000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfd7ff000, fsynr=0x540003, cbfrsynra=0x19c3, cb=10`
    // (before 5.x without `cbfrsynra=`; 6.13+ adds `FSR = 00000402 [TF ], SID=…` lines after it). No handler of the
    // domain took the fault: the master (a DSP, a Wi-Fi card, a passed-through device) used an unmapped IOVA and its
    // transaction was terminated or stalled. One finding per SMMU and context bank (one bank per attached domain).
    id: "arm-smmu-context-fault",
    kind: "other",
    // Not `Unhandled context fault`: with it the hot prefilter's placement let ~0.59 positions a busy line through
    // (scripts/bench/prefilter-placement.test.ts), nor `context fault: fsr=0x` once the mcelog thermal row came
    // (0.64); this one places at ~0.45.
    needle: "context fault: f",
    pattern:
      /\barm-smmu ([\w.@:-]{1,64}): Unhandled context fault: fsr=(0x[0-9a-f]+), iova=(0x[0-9a-f]+)(?:, fsynr=0x[0-9a-f]+)?(?:, cbfrsynra=0x[0-9a-f]+)?, cb=(\d+)/,
    title: () => "arm-smmu: context fault",
    details: (m) => ({ device: m[1], fsr: m[2], iova: m[3], cb: Number(m[4]) }),
    groupKey: (m) => `arm-smmu:${m[1]}:${m[4]}`,
    // Some vendor kernels (and debug builds) dump the faulting context's stack right after: its task line names the
    // release.
    reportFollows: 4,
  },
  {
    // Enabling SR-IOV found no room for the VF BARs in the PF's bridge windows (`i915 0000:00:02.0: not enough MMIO
    // resources for SR-IOV`, then the driver's own `Failed to enable 2 VFs (-ENOMEM)`): writing sriov_numvfs fails
    // and no VF exists for the VMs or pods that wanted one. The firmware did not reserve the space (SR-IOV or Above-4G
    // decoding off in the BIOS); `pci=realloc` or the BIOS setting fixes it. One finding per PF.
    id: "sriov-no-mmio-resources",
    kind: "other",
    needle: "not enough MMIO resources for SR-IOV",
    pattern: /\b([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): not enough MMIO resources for SR-IOV/,
    title: () => "PCI: not enough MMIO resources for SR-IOV",
    details: (m) => ({ pci: m[1] }),
    groupKey: (m) => `sriov-mmio:${m[1]}`,
  },
  {
    // jbd2 aborts the journal when ext4 hits an error or a journal write fails (`Aborting journal on device sda-8.`):
    // the filesystem goes read-only. An `EXT4-fs error` right after it is that same problem told with its cause; a
    // lone abort (the device failed the journal write) is the finding.
    id: "jbd2-journal-abort",
    kind: "fs-error",
    needle: "Aborting journal on device",
    pattern: /Aborting journal on device ([\w.-]+?)-\d+\./,
    title: () => "jbd2: journal aborted",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `jbd2:${m[1]}`,
    endedBy: ["ext4-error"],
  },
  {
    // Journal replay at mount found a logged block whose checksum does not match (`JBD2: Invalid checksum recovering
    // block 8913145 in log`; 4.x+ also `… recovering data block …`): the journal on disk is corrupt, the replay skips
    // the block and ext4 usually goes read-only or fails the mount. No device in the line: one finding per host.
    id: "jbd2-recovery-checksum",
    kind: "fs-error",
    needle: "Invalid checksum recovering",
    pattern: /JBD2: Invalid checksum recovering (?:data )?block (\d+) in (?:log|transaction)/,
    title: () => "jbd2: invalid checksum in journal recovery",
    details: (m) => ({ block: Number(m[1]) }),
    groupKey: () => "jbd2-recovery-checksum",
  },
  {
    // jbd/jbd2 found a metadata buffer modified outside a transaction when it committed (`JBD2: Spotted dirty metadata
    // buffer (dev = sda1, blocknr = 0). There's a risk of filesystem corruption in case of system crash.`): something
    // wrote the filesystem's metadata behind the journal (tune2fs/resize on a mounted filesystem, a driver or
    // hypervisor writing the disk); a crash before the next commit leaves it inconsistent.
    id: "jbd-dirty-metadata",
    kind: "fs-error",
    // Not `Spotted …`: its 8-byte head shares a bucket that then lets systemd's `Started ` through on every quiet line.
    needle: "dirty metadata buffer",
    pattern: /JBD2?: Spotted dirty metadata buffer \(dev = ([^,)]{1,64}), blocknr = (\d+)\)/,
    title: () => "jbd2: dirty metadata buffer outside the journal",
    details: (m) => ({ device: m[1], block: Number(m[2]) }),
    groupKey: (m) => `jbd-dirty:${m[1]}`,
  },
  {
    id: "xfs-corruption",
    kind: "fs-error",
    needle: "XFS (",
    // Before 5.x the shutdown said `Log I/O Error Detected.  Shutting down filesystem` (a failed log write) or
    // `I/O Error Detected. Shutting down filesystem` (any other forced shutdown), after
    // `xfs_do_force_shutdown(0x2) called from line …`; a shut-down filesystem then fails every log force
    // (`xfs_log_force: error -5 returned.`, every 30 s). The device is a superblock's s_id (at most 32 bytes; the
    // ext4 and btrfs rows bound it too): unbounded, each `XFS (` of a hostile line without `)` scanned the rest of it.
    // An internal error names its check's file and caller (`Internal error xfs_trans_cancel at line 1097 of file
    // fs/xfs/xfs_trans.c.  Caller xfs_create+0x46a/0x760 [xfs]`): an alternative, not an optional group after a lazy
    // run, which would match empty and drop them.
    pattern:
      /XFS \(([^)]{1,64})\): (?:(Corruption (?:of in-memory data|detected)|Metadata corruption detected|metadata I\/O error|Internal error|log I\/O error|Filesystem has been shut down|(?:Log )?I\/O Error Detected\.\s+Shutting down filesystem|xfs_do_force_shutdown(?:\((0x[0-9a-f]+)\))?|xfs_log_force: error|Corruption warning: Metadata has LSN|log mount(?:\/recovery)? failed)(?:[^\n]*?at line \d+ of file (\S+?)\.?\s+Caller (\w+)|))/,
    title: (m) =>
      m[5] ? `XFS: ${m[2].toLowerCase()} in ${m[5].replace(/\+0x.*$/, "")}` : `XFS: ${xfsPhraseTitle(m[2], m[3])}`,
    details: (m) => ({ device: m[1], ...(m[4] ? { file: m[4] } : {}) }),
    // XFS_ERROR_REPORT dumps the stack right after an internal error: its task line gives the release.
    reportFollows: 6,
  },
  {
    // 2.6.x–3.x printed XFS_ERROR_REPORT without the device (`XFS: Internal error XFS_WANT_CORRUPTED_RETURN at line
    // 342 of file fs/xfs/xfs_alloc.c.  Caller 0xffffffffa01e76c2`, RHEL 5: `Filesystem "dm-3": XFS internal error …`),
    // the caller often as a bare address; the task line of the stack it dumps follows.
    id: "xfs-internal-error-legacy",
    kind: "fs-error",
    needle: "nternal error ",
    pattern: /(?:\bXFS:|Filesystem "([^"]+)": XFS) [Ii]nternal error (\S+) at line \d+ of file (\S+?)\.?\s+Caller (\S+)/,
    title: (m) => `XFS: internal error in ${/^(?:0x)?[0-9a-f]+$/.test(m[4]) ? m[3].replace(/^.*\//, "") : m[4].replace(/\+0x.*$/, "")}`,
    details: (m) => ({ ...(m[1] ? { device: m[1] } : {}), check: m[2], file: m[3] }),
    reportFollows: 6,
  },
  {
    // 2.6.x XFS named the filesystem as `Filesystem "dm-1":` (RHEL 5 and appliances built on it): `Filesystem "dm-1":
    // I/O Error Detected.  Shutting down filesystem: dm-1` after `xfs_force_shutdown(dm-1,0x1) called from line …`,
    // `Filesystem "dm-0": corrupt inode 823956991 (btree).  Unmount and run xfs_repair.`, and a failed metadata read
    // as `I/O error in filesystem ("dm-1") meta-data dev dm-1 block 0x… ("xfs_trans_read_buf") error 5`. Titled as
    // the XFS (dev) wording of the same event says it.
    id: "xfs-legacy-filesystem",
    kind: "fs-error",
    // Not `Filesystem "`: the prefilter's automaton places needles by their bytes, and that one let every
    // `kernel: ` line through to the byte comparison.
    needle: "Shutting down filesystem",
    pattern: /Filesystem "([^"]+)": (I\/O Error Detected|Log I\/O Error Detected|Corruption of in-memory data detected)\.\s+Shutting down filesystem/,
    title: (m) => (m[2].startsWith("Corruption") ? "XFS: corruption of in-memory data" : `XFS: ${xfsPhraseTitle(m[2])}`),
    details: (m) => ({ device: m[1] }),
  },
  {
    id: "xfs-legacy-corrupt-inode",
    kind: "fs-error",
    needle: ": corrupt inode ",
    pattern: /Filesystem "([^"]+)": corrupt inode \d+/,
    title: () => "XFS: corruption detected",
    details: (m) => ({ device: m[1] }),
  },
  {
    id: "xfs-legacy-metadata-io-error",
    kind: "fs-error",
    needle: "I/O error in filesystem (",
    pattern: /I\/O error in filesystem \("([^"]+)"\) meta-data dev \S+ block (0x[0-9a-f]+)\s+\("(\w+)"\) error (\d+)/,
    title: () => "XFS: metadata i/o error",
    details: (m) => ({ device: m[1], function: m[3], errno: Number(m[4]) }),
  },
  {
    // XFS refuses a filesystem whose superblock enables features this kernel does not know: a newer mkfs.xfs (a CSI
    // driver's or an installer's image) formatted it for an older node kernel. `XFS (rbd0): Superblock has unknown
    // read-only compatible features (0x4) enabled.` (reflink on 3.10), then `Attempted to mount read-only compatible
    // filesystem read-write.` and `SB validate failed with error -22.`: no read-write mount; `… unknown incompatible
    // features (0x…)` / `… incompatible log features` (bigtime, nrext64 on older kernels): no mount at all. Not
    // corruption (xfs_repair does not help): the volume needs mkfs options the kernel supports. Unknown *compatible*
    // features only warn and the mount goes on, so they are not matched.
    id: "xfs-unknown-features",
    kind: "fs-error",
    needle: "Superblock has unknown ",
    pattern: /XFS \(([^)]{1,64})\): Superblock has unknown (read-only compatible|incompatible(?: log)?) features \((0x[0-9a-f]+)\) enabled/,
    title: (m) => `XFS: superblock has unknown ${m[2]} features`,
    details: (m) => ({ device: m[1], features: m[3] }),
    groupKey: (m) => `xfs-unknown-features:${m[1]}`,
  },
  {
    id: "btrfs-error",
    kind: "fs-error",
    needle: "BTRFS",
    // `BTRFS critical (device sdc2): corrupt leaf: …`, `BTRFS error (device sda2): qgroup generation mismatch, …`,
    // `BTRFS: error (device sdc2) in __btrfs_cow_block:1080: errno=-5 IO failure`. Info and warning lines are not errors.
    // 5.15+ add the filesystem's state once it changed (`(device nvme0n1p2: state EA)`: error, aborted transaction),
    // and later kernels print it without the colon (messages.c's STATE_STRING_PREFACE became " state ":
    // `(device sdf state EA)`): the same filesystem, so not part of the device.
    pattern: /BTRFS(?: (critical|error|emerg|alert)|: error) \(device ([^):\s]{1,64})(?::? state \w+)?\)(?::| in (\w+))/,
    title: (m) => (m[3] ? `BTRFS: error in ${m[3]}` : `BTRFS ${m[1]}: filesystem error`),
    details: (m) => ({ device: m[2], ...(m[3] ? { function: m[3] } : {}) }),
    groupKey: (m) => `btrfs:${m[2]}`,
  },
  {
    // At mount btrfs prints each device's persistent error counters when one is non-zero, at info level (`BTRFS info
    // (device dm-1): bdev /dev/mapper/AM-2 errs: wr 29, rd 0, flush 0, corrupt 21, gen 0`; 3.x: `btrfs: bdev /dev/sdb
    // errs: …`): writes, reads or checksums failed on that device before, and the filesystem remembers it until
    // `btrfs device stats -z`. The error-level line of a new failure is the btrfs-error row's; this one is the record.
    id: "btrfs-dev-stats-nonzero",
    kind: "fs-error",
    needle: " errs: wr ",
    pattern:
      /(?:BTRFS (?:info|warning) \(device ([^):\s]{1,64})(?::? state \w+)?\):|\bbtrfs:) bdev (\S{1,128}) errs: wr (\d+), rd (\d+), flush (\d+), corrupt (\d+), gen (\d+)/,
    title: () => "BTRFS: device error counters non-zero",
    details: (m): Details => ({
      ...(m[1] ? { device: m[1] } : {}),
      bdev: m[2],
      writeErrors: Number(m[3]),
      readErrors: Number(m[4]),
      flushErrors: Number(m[5]),
      corruptionErrors: Number(m[6]),
      generationErrors: Number(m[7]),
    }),
    groupKey: (m) => `btrfs:${m[1] ?? m[2].replace(/^\/dev\//, "")}`,
  },
  {
    // A data block whose checksum does not match: btrfs logs it at warning level (`BTRFS warning (device sda2): csum
    // failed root 258 ino 9276991 off 8192 csum 0x… expected csum 0x… mirror 1`; 3.x: `btrfs csum failed ino 257 off
    // …`), and the read returns EIO unless another mirror holds a good copy. Disk or memory corruption, or a known
    // direct-I/O pattern (pages changed while in flight), not a tree error.
    id: "btrfs-csum-failed",
    kind: "fs-error",
    needle: "csum failed",
    pattern: /(?:BTRFS (?:warning|info|error|critical) \(device ([^):\s]{1,64})(?::? state \w+)?\):|\bbtrfs) csum failed (?:root (-?\d+) )?ino (\d+)/,
    title: () => "BTRFS: csum failed",
    details: (m) => ({ ...(m[1] ? { device: m[1] } : {}), ...(m[2] ? { root: Number(m[2]) } : {}), inode: Number(m[3]) }),
    groupKey: (m) => `btrfs:${m[1] ?? "?"}`,
  },
  {
    // bcachefs stops writing when it finds an inconsistency it cannot repair on the fly or an error it cannot go on
    // from (`bcachefs (sdc1): emergency read only`; 6.7+: `bcachefs (<uuid>): inconsistency detected - emergency read
    // only at journal seq 2860801`, `… fatal error - emergency read only`): every later write fails with EROFS and pods
    // on it see a read-only filesystem until it is remounted (often after an fsck). The filesystem is named by its
    // device or its UUID; one finding per filesystem.
    // 6.12+ builds its messages in a printbuf and prints every line after the first indented, without the
    // `bcachefs (…):` head; the read-only words (`emergency read only at seq N`) end the message, so they often land on
    // a continuation line: alone (`  emergency read only at seq N`), after the reason (`inconsistency detected - …`) or
    // after the last detail (`…: invalid bkey format 32, emergency read only at seq N`). Only bcachefs prints these
    // words; such a line names no filesystem (one finding for the unnamed one). Errors found while writing a btree node
    // dump the stack right after: its task line names the release.
    id: "bcachefs-emergency-ro",
    kind: "fs-error",
    needle: "emergency read only",
    pattern: /\bbcachefs \(([^)\s]{1,64})\): (?:[^\n]{0,80}? - )?emergency read only\b|(?<=^|, |- )emergency read only at (?:journal )?seq \d+/,
    title: () => "bcachefs: emergency read only",
    details: (m): Details => (m[1] ? { device: m[1] } : {}),
    groupKey: (m) => `bcachefs-ro:${m[1] ?? "?"}`,
    reportFollows: 6,
  },
  // Flash filesystems of embedded devices (routers, BMCs, cameras, SBCs on raw NAND/NOR) report corruption in their
  // own words, not ext4's. UBIFS prints `UBIFS error (ubi0:1 pid 1): ubifs_check_node: bad CRC: …` (pre-4.x: `UBIFS
  // error (pid 1): …`) when a node it reads is not what the index says (an erased 0xff page, a torn write, a flash
  // driver returning wrong data); the mount or the read fails. One finding per UBI volume as printed.
  {
    id: "ubifs-error",
    kind: "fs-error",
    needle: "UBIFS error",
    pattern: /\bUBIFS error \((?:(ubi\d+:\d+) )?pid \d+\): (\w+)/,
    title: () => "UBIFS: filesystem error",
    // ubifs_read_node()/ubifs_check_node() dump the node (about fifteen lines) and call dump_stack(): its task line
    // (`CPU: 0 PID: 1 Comm: init Not tainted 4.4.207 #69`) names the release.
    reportFollows: 24,
    details: (m): Details => ({ ...(m[1] ? { volume: m[1] } : {}), function: m[2] }),
    groupKey: (m) => `ubifs:${m[1] ?? "?"}`,
  },
  // SquashFS (read-only images: OpenWrt/firmware roots, snaps, live media) cannot decompress or read a block
  // (`SQUASHFS error: xz decompression failed, data probably corrupt`, `… squashfs_read_data failed to read block
  // 0x2dba2`, `… Unable to read page, block 2dba2, size 14400`, `… Unable to read fragment cache entry [2dba2]`):
  // the image, the medium under it, the flash driver or memory returned bad data, and the file read fails with EIO.
  // Not `SQUASHFS error: Xattrs in filesystem, these will be ignored` (old kernels, a healthy image with xattrs).
  // The line names no device: one finding per host and boot.
  {
    id: "squashfs-read-error",
    kind: "fs-error",
    needle: "SQUASHFS error: ",
    pattern:
      /\bSQUASHFS error: (?:\w+ decompression failed|squashfs_read_data failed|Unable to read (?:page|\w+ cache entry)|Failed to read block)/,
    title: () => "SquashFS: read error",
    groupKey: () => "squashfs",
  },
  // JFFS2 scanning a partition at mount finds a word that is neither its node magic nor erased flash (`jffs2:
  // jffs2_scan_eraseblock(): Magic bitmask 0x1985 not found at 0x001e0000: 0xce7e instead`): the partition holds
  // something else (a flash layout that moved under it, another image written over it) or the flash returns garbage;
  // the nodes there are lost. Erased space is `Empty flash at …`, not this. The line names no device: one finding per
  // host and boot.
  {
    id: "jffs2-magic-not-found",
    kind: "fs-error",
    needle: "Magic bitmask 0x1985",
    pattern: /\bjffs2_scan_eraseblock\(\): Magic bitmask 0x1985 not found at (0x[0-9a-f]+)/,
    title: () => "JFFS2: foreign data in the partition",
    groupKey: () => "jffs2-magic",
  },
  {
    id: "overlay-no-dtype",
    kind: "fs-error",
    needle: "d_type",
    pattern: /overlayfs: (?:upper fs needs to support d_type|fs on '[^']*' does not support file handles)|overlay: (?:upper fs needs to support d_type)/,
    title: () => "overlayfs: upper fs needs to support d_type",
  },
  {
    // overlayfs refused the mount because one of its layers is already the upperdir or workdir of another overlay
    // mount (EBUSY: `error creating overlay mount … device or resource busy`). 5.1.15–5.2-rc printed it bare
    // (`overlayfs: lowerdir is in-use as upperdir/workdir`); since then only with index=on, naming the override
    // (`… of another mount, mount with '-o index=off' to override exclusive upperdir protection.`; 4.13+: `upperdir is
    // in-use by another mount, mount with …`). The same check with index=off only warns (`…, accessing files from both
    // mounts will result in undefined behavior.`): the mount goes on, so that wording is not matched. A container
    // runtime reusing a layer directory (docker build on the first kernels with the check).
    id: "overlay-layer-in-use",
    kind: "fs-error",
    needle: " is in-use ",
    pattern:
      /\boverlayfs: (lowerdir|upperdir|workdir) is in-use (?:as upperdir\/workdir(?: of another mount)?|by another mount)(?:\s*$|, mount with '-o index=off')/,
    title: () => "overlayfs: mount refused, layer in use by another mount",
    details: (m) => ({ layer: m[1] }),
    groupKey: () => "overlay-layer-in-use",
  },
  {
    // overlayfs refused an upper directory on a filesystem it cannot write its metadata to (`overlayfs: filesystem on
    // '/storage/pool/docker/data/overlay2/opaque-bug-check105060867/l3' not supported as upperdir`): FUSE (mergerfs),
    // ZFS before 2.2, another overlay. Docker's overlay2 checks print it from their probe directories, then its mounts
    // fail (`error creating overlay mount`) or it falls back to another driver.
    id: "overlay-upper-unsupported",
    kind: "fs-error",
    needle: " as upperdir",
    pattern: /\boverlayfs: filesystem on '([^']{1,4096})' not supported as upperdir/,
    title: () => "overlayfs: mount refused, upper filesystem not supported",
    details: (m) => ({ upperdir: m[1] }),
    groupKey: () => "overlay-upper-unsupported",
  },
  {
    // The same refusal for a remote upper (NFS, FUSE, virtio-fs: fs/overlayfs/super.c, ovl_make_workdir): after its
    // notes on each feature the upper lacks (`overlayfs: upper fs does not support tmpfile.`, `… RENAME_WHITEOUT.`,
    // `… xattr, falling back to …`), which alone only warn and let the mount go on, overlayfs refuses it with EINVAL
    // (`overlayfs: upper fs missing required features.`, some builds without the period). Docker's overlay2 on such a
    // volume, docker-in-docker in a Kata VM: the containers on it cannot start.
    id: "overlay-upper-missing-features",
    kind: "fs-error",
    needle: "missing required features",
    pattern: /\boverlayfs: upper fs missing required features\b/,
    title: () => "overlayfs: mount refused, upper filesystem not supported",
    groupKey: () => "overlay-upper-unsupported",
  },
  {
    // An overlay mount whose layers are themselves on overlays (or other stacked filesystems) deeper than the kernel's
    // FILESYSTEM_MAX_STACK_DEPTH (2) is refused (`overlayfs: maximum fs stacking depth exceeded`, EINVAL): an OS image
    // that overlays /usr or /etc over a root that is already an overlay, nested container runtimes.
    id: "overlay-stacking-depth",
    kind: "fs-error",
    needle: "fs stacking depth",
    pattern: /\boverlayfs: maximum fs stacking depth exceeded/,
    title: () => "overlayfs: mount refused, stacking depth exceeded",
    groupKey: () => "overlay-stacking-depth",
  },
  {
    // A floppy drive (`fd0`) on a server, VM or old PC is one the BIOS or the hypervisor's emulated controller
    // advertises with no disk in it, or no drive at all: whatever probes block devices (udev, blkid, mount helpers,
    // os-prober) reads its sector 0 and the block layer logs the failure (`blk_update_request: I/O error, dev fd0,
    // sector 0`, 4.x `print_req_error:`, 2.6–3.x `end_request:`, the page cache's `Buffer I/O error on dev fd0`). No
    // storage of the machine failed, so it is a timeline mark, not an I/O-error finding. Ahead of `block-io-error`:
    // the first rule a line matches decides. Its needle is not `I/O error`: that one stays the fold-only needle of
    // `block-io-error` (a disk's error storm folds while streaming); a line with both needles is read in a window.
    id: "floppy-probe-io-error",
    kind: "io-error",
    needle: "dev fd",
    pattern: /\bI\/O error, dev (fd\d+), sector \d+|Buffer I\/O error on dev(?:ice)? (fd\d+),/,
    title: () => "block: I/O error on a floppy drive (probe of an empty or absent drive)",
    details: (m) => ({ device: m[1] ?? m[2] }),
    timelineOnly: true,
  },
  {
    id: "block-io-error",
    kind: "io-error",
    needle: "I/O error",
    // Device names may carry a dash or a dot (`dm-3`, `md-0`, `nbd0.1`), never a comma.
    pattern: /(?:blk_update_request|I\/O error), dev ([\w.-]+), sector (\d+)|Buffer I\/O error on dev(?:ice)? ([\w.-]+?),/,
    title: () => "block: I/O error",
    details: (m) => ({ device: m[1] ?? m[3] }),
    groupKey: (m) => `io:${m[1] ?? m[3]}`,
  },
  {
    // The block layer names the request's status: besides `I/O error` (BLK_STS_IOERR) it prints `critical medium
    // error`, `critical target error`, `timeout error`… (4.19: `print_req_error: …`, 5.x: `blk_update_request: …`,
    // 6.x bare): the same failed request, folded with the device's other block errors. BLK_STS_OFFLINE (`device
    // offline error, dev sdf`: the SCSI device was taken offline, an iSCSI/Longhorn volume whose session died) and
    // 6.x's name for the old nexus status (`reservation conflict error`) fail the request as surely. The statuses of a
    // request the driver only could not take now (`kernel resource`, `nonblocking retry`) or does not support
    // (`operation not supported`: a discard) are not the device failing.
    id: "block-status-error",
    kind: "io-error",
    needle: " error, dev ",
    pattern: /(?:^|\b(?:blk_update_request|print_req_error): )(critical (?:medium|target|nexus|space allocation|protection)|recoverable transport|timeout|device offline|reservation conflict) error, dev ([\w.-]+), sector (\d+)/,
    title: () => "block: I/O error",
    details: (m) => ({ device: m[2], status: m[1] }),
    groupKey: (m) => `io:${m[2]}`,
  },
  {
    // ext4's write completion for a bio that failed (`EXT4-fs warning (device dm-3): ext4_end_bio:309: I/O error 10
    // writing to inode 91363979 …`): the device failed the write; the block layer's own line may be rate-limited away.
    // The device's I/O error, folded with its block lines.
    id: "ext4-end-bio-io-error",
    kind: "io-error",
    needle: "ext4_end_bio:",
    pattern: /EXT4-fs warning \(device ([^)]+)\): ext4_end_bio:\d+: I\/O error (-?\d+) writing to inode/,
    title: () => "block: I/O error",
    details: (m) => ({ device: m[1], status: Number(m[2]) }),
    groupKey: (m) => `io:${m[1]}`,
  },
  {
    // An ext4 directory's hash-tree index has no room for another entry (`EXT4-fs warning (device sdb1):
    // ext4_dx_add_entry:2545: Directory (ino: 14680065) index full, reach max htree level :2`, then `Large directory
    // feature is not enabled on this filesystem`; before 4.13 `ext4_dx_add_entry: Directory index full!`): creating a
    // file in it fails with ENOSPC although blocks and inodes are free. Too many entries in one directory (or names too
    // long for the block size); large_dir or sharding the directory fixes it. One finding per filesystem.
    id: "ext4-dx-index-full",
    kind: "fs-error",
    needle: "dx_add_entry",
    pattern: /EXT4-fs warning \(device ([^)]{1,64})\): ext4_dx_add_entry(?::\d+)?: Directory (?:\(ino: \d+\) )?index full/,
    title: () => "EXT4-fs: directory index full",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `ext4-dx-full:${m[1]}`,
  },
  {
    // jbd2 found that the file data it had to write before a commit failed (`JBD2: Detected IO errors while flushing
    // file data on dm-3-8`): the device failed writes. The journal goes on (unlike an abort); folded with the device's
    // I/O errors.
    id: "jbd2-data-io-error",
    kind: "io-error",
    needle: "Detected IO errors while flushing file data",
    pattern: /JBD2: Detected IO errors while flushing file data on ([\w.-]+)-\d+\b/,
    title: () => "block: I/O error",
    details: (m) => ({ device: m[1] }),
    groupKey: (m) => `io:${m[1]}`,
  },
  {
    // The SCSI disk's sense data for a failed command (`sd 3:0:0:1: [sde] tag#40 Sense Key : Medium Error [current]`)
    // comes before the block layer's line for the same request, which is then the finding; alone (a paste cut
    // before it) it still says the device failed the command. Only the sense keys of a device fault: `Not Ready`
    // and `Unit Attention` are routine (an empty card reader, a reset).
    id: "scsi-sense-error",
    kind: "io-error",
    needle: "Sense Key : ",
    pattern: /\bsd ([\d:]+): \[(\w+)\](?: tag#\d+)?\s+Sense Key : (Medium Error|Hardware Error)/,
    title: (m) => `scsi: ${m[3].toLowerCase()}`,
    details: (m) => ({ device: m[2], senseKey: m[3] }),
    groupKey: (m) => `io:${m[2]}`,
    endedBy: ["block-io-error", "block-status-error"],
  },
  {
    // The SCSI midlayer fails a command at the host level when the disk no longer answers: DID_BAD_TARGET (the disk
    // fell off its link, often after `detected capacity change from N to 0`). Commands that never reach the block
    // layer (smartctl's ATA pass-through, SG_IO) print no `I/O error, dev` line, so this line is all that says the disk
    // failed; with the block layer's line for the request after it, that line is the finding. Before 4.x there was no
    // `tag#N FAILED` (`[sdb]  Result: …`). The needle stops at `DID_B`: longer heads (`…_TARGET`, `DID_`) moved the
    // prefilter's bucket placement to one that let twice the quiet log's positions through (prefilter-placement test).
    id: "scsi-target-gone",
    kind: "io-error",
    needle: "hostbyte=DID_B",
    pattern: /\bsd ([\d:]+): \[(\w+)\](?: tag#\d+)?(?: FAILED)?\s+Result: hostbyte=DID_BAD_TARGET\b/,
    title: () => "block: I/O error",
    details: (m) => ({ device: m[2] }),
    groupKey: (m) => `io:${m[2]}`,
    endedBy: ["block-io-error", "block-status-error"],
  },
  {
    // dm-multipath takes a path out of its map after an I/O error on it (`device-mapper: multipath: Failing path
    // 8:32.`; 6.x names the map first: `multipath: 253:3: Failing path 8:32.`). With other paths left I/O goes on,
    // degraded; with none left it queues or fails (queue_if_no_path / no_path_retry). One finding per host.
    id: "dm-multipath-failing-path",
    kind: "io-error",
    needle: "multipath: ",
    pattern: /device-mapper: multipath: (?:(\d+:\d+): )?Failing path (\d+:\d+)/,
    title: () => "multipath: path failed",
    details: (m) => ({ path: m[2], ...(m[1] ? { map: m[1] } : {}) }),
    groupKey: () => "multipath",
  },
  {
    // md took a member out of an array after an I/O error on it (`md/raid1:md0: Disk failure on sdb1, disabling
    // device.`, raid4/5/6 `md/raid:md2: …`, 2.6.x `raid5: Disk failure on sdg1, …`): the array runs degraded, or
    // stops (`Cannot continue operation (2/4 failed)`). One finding per array.
    id: "md-disk-failure",
    kind: "io-error",
    needle: "Disk failure on ",
    pattern: /\b(?:md\/)?(raid\d*)(?::(md[\w/-]*))?: Disk failure on ([\w.-]+?),? disabling device/,
    title: () => "md: disk failure",
    details: (m): Details => ({ level: m[1], member: m[3], ...(m[2] ? { array: m[2] } : {}) }),
    groupKey: (m) => `md:${m[2] ?? "?"}`,
  },
  {
    // raid4/5/6 could not rewrite a sector that failed to read: it rebuilt the data from parity for the reader but the
    // write-back to the member failed too (`md/raid:md127: read error NOT corrected!! (sector 1649026584 on sdc2).`;
    // the `read error corrected (8 sectors at … on sdc2)` lines around it are the repairs that worked). The member
    // disk has sectors it can neither read nor remap: a failing drive, before md gives up on it (the Disk failure row
    // above). One finding per member. raid5.c always prints the two `!`: the needle holds them (`read error NOT
    // corrected` alone put it in a bucket a busy node's words reach, scripts/bench/prefilter-placement.test.ts).
    id: "md-read-error-not-corrected",
    kind: "io-error",
    needle: "NOT corrected!!",
    pattern: /\bmd\/(raid\d*):(md[\w/-]*): read error NOT corrected!! \(sector (\d+) on ([\w.-]+)\)/,
    title: () => "md: read error not corrected",
    details: (m): Details => ({ level: m[1], array: m[2], sector: Number(m[3]), member: m[4] }),
    groupKey: (m) => `md-read:${m[2]}:${m[4]}`,
  },
  {
    // ZFS suspends a pool when a write fails on every copy it has (failmode=wait, the default): `WARNING: Pool 'tank'
    // has encountered an uncorrectable I/O failure and has been suspended.` (SPL 0.6.x printed it through vcmn_err:
    // `SPLError: 3525:0:(spl-err.c:67:vcmn_err()) WARNING: Pool …`). Every task that touches the pool then waits in D
    // state (zpool, zed, umount: hung tasks follow) until the devices answer again and `zpool clear` resumes it. A disk,
    // HBA or path failure below the pool, not a ZFS bug. One finding per pool (the next row's MMP suspension folds in).
    id: "zfs-pool-suspended",
    kind: "io-error",
    // The needles of this row, the MMP row and the stacking-depth row were picked together with the other rows' for
    // the prefilter's bucket placement (literal-prefilter and prefilter-placement tests): `uncorrectable I/O failure`,
    // `; suspending pool` and `stacking depth exceeded` let every `kernel: ` line of the noise test through.
    needle: "I/O failure and has been suspended",
    pattern: /\bPool '([^']{1,256})' has encountered an uncorrectable I\/O failure and has been suspended/,
    title: () => "zfs: pool suspended",
    details: (m) => ({ pool: m[1] }),
    groupKey: (m) => `zfs-pool:${m[1]}`,
  },
  {
    // With multihost=on a pool is suspended when its MMP writes did not land within the fail interval (`WARNING: MMP
    // writes to pool 'Pool-0' have not succeeded in over 5s; suspending pool`, 2.x: `… over 5004 ms; suspending pool.
    // Hrtime …`): the writes sat behind a failing disk's I/O. The same suspension as the previous row, folded with it.
    id: "zfs-mmp-suspend",
    kind: "io-error",
    needle: "suspending pool",
    pattern: /\bMMP writes to pool '([^']{1,256})' have not succeeded in over \d+ ?m?s; suspending pool/,
    title: () => "zfs: pool suspended",
    details: (m) => ({ pool: m[1], multihost: true }),
    groupKey: (m) => `zfs-pool:${m[1]}`,
  },
  {
    // OpenZFS's console record of a failed I/O to one of a pool's vdevs (ZoL 0.7 – 2.x, rate-limited per vdev): `zio
    // pool=tank vdev=/dev/sds1 error=5 type=2 offset=793141485568 size=4096 flags=180880` — error is the errno (5 EIO,
    // 6 ENXIO: the disk is gone, 52 ECKSUM: the data read back did not match its checksum), type the zio type (1 read,
    // 2 write). Often the only kernel trace of a disk that dropped off or is failing (the block layer's own lines may be
    // rate-limited or absent: a pulled disk, an enclosure, dm/multipath below the pool); the pool stays up while its
    // redundancy lasts. One finding per pool and vdev, each printed line counted.
    id: "zfs-zio-error",
    kind: "io-error",
    needle: "zio pool=",
    pattern: /\bzio pool=(\S{1,256}) vdev=(\S{0,1024}) error=(\d{1,3}) type=(\d)\b/,
    title: (m) => (m[3] === "52" ? "zfs: vdev checksum error" : "zfs: vdev I/O error"),
    details: (m) => ({ pool: m[1], ...(m[2] ? { vdev: m[2] } : {}), errno: Number(m[3]), zioType: Number(m[4]) }),
    groupKey: (m) => `zfs-zio:${m[1]}:${m[2]}:${m[3] === "52" ? "cksum" : "io"}`,
  },
  {
    // multipathd's path checker (`mpathaq: sdak - tur checker reports path is down`, `checker failed path 8:16 in map
    // mpatha`): the same failure seen from user space, often the only trace when the kernel log is not collected.
    id: "multipathd-path-down",
    kind: "io-error",
    needle: "checker ",
    program: /^multipathd$/,
    // multipath-tools names the map before the path (`mpathaq: sdak - tur checker …`); its path checker's own line
    // (discovery.c, `%s: %s checker%s`: printed at verbosity 2 by older multipathd) names only the path and checker.
    pattern: /(?:^|: )(\S+): (\S+) - \w+ checker reports path is down|checker failed path (\d+:\d+) in map (\S+)|(?:^|: )(\S+): \w+ checker reports path is down/,
    title: () => "multipath: path failed",
    details: (m) => ({ path: m[2] ?? m[3] ?? m[5], ...(m[1] ?? m[4] ? { map: m[1] ?? m[4] } : {}) }),
    groupKey: () => "multipath",
  },
  {
    // A hard NFS mount (the default) retries forever: every task touching it waits in D state until the server
    // answers (`nfs: server X OK`); a soft mount gives up (`timed out`) and returns EIO. lockd says the same of locks.
    id: "nfs-server-not-responding",
    kind: "io-error",
    needle: " not responding, ",
    pattern: /\b(nfs|lockd): server (\S+) not responding, (still trying|timed out)/,
    title: (m) => `${m[1]}: server not responding`,
    details: (m) => ({ server: m[2], softMount: m[3] === "timed out" }),
    groupKey: (m) => `${m[1]}:${m[2]}`,
  },
  {
    // The NFS client got another file's attributes back for a file handle it had cached (`NFS: server X error: fileid
    // changed`, then `fsid 0:86: expected fileid 0xe13cc, got 0xe13a9` on a line of its own): the export was replaced
    // under the mount (an NFS server pod or VM recreated on a new backing filesystem, an export without a stable fsid
    // after a failover). Paths on the mount return ESTALE (`Stale file handle`) until it is unmounted and mounted again.
    // One finding per server.
    id: "nfs-fileid-changed",
    kind: "fs-error",
    needle: "fileid changed",
    pattern: /\bNFS: server (\S{1,256}) error: fileid changed/,
    title: () => "nfs: fileid changed",
    details: (m) => ({ server: m[1] }),
    groupKey: (m) => `nfs-fileid:${m[1]}`,
  },
  {
    // The SMB client's echo found the server silent (`CIFS VFS: Server X has not responded in 120 seconds.
    // Reconnecting...`; 5.x prints `CIFS: VFS: \\X has not responded in 180 seconds`), or a send sat in the socket
    // (`CIFS VFS: sends on sock … stuck for 15 seconds`, no server named: the next row). Requests on the mount wait
    // for the reconnect: tasks touching it block like on a hard NFS mount. One finding per server (the stuck sends
    // share one).
    id: "cifs-server-not-responding",
    kind: "io-error",
    // The echo wording's tail, the same in both: a bare `CIFS` (4 bytes, no rare head) let ~0.51 positions per busy
    // line into the prefilter's byte comparison, ` VFS: ` and `has not responded` more (prefilter-placement.test.ts).
    needle: "Reconnecting...",
    pattern: /\bCIFS:? VFS: (?:Server )?(\S+) has not responded in \d+ seconds/,
    title: () => "cifs: server not responding",
    details: (m): Details => ({ server: m[1] }),
    groupKey: (m) => `cifs:${m[1]}`,
  },
  {
    id: "cifs-send-stuck",
    kind: "io-error",
    needle: "sends on sock ",
    pattern: /\bCIFS:? VFS: sends on sock \S+ stuck for \d+ seconds/,
    title: () => "cifs: server not responding",
    details: (): Details => ({}),
    groupKey: () => "cifs:",
  },
  {
    // The iSCSI initiator lost its TCP connection to the target (`connection2:0: detected conn error (1020)`: 1020
    // the target closed it, 1011 it failed, 1022 the NOP ping timed out). I/O on the session queues until iscsid
    // logs in again or replacement_timeout fails it up to the filesystem (or multipath). iscsid's own
    // `Kernel reported iSCSI connection 2:0 error` line repeats this one and is not counted.
    id: "iscsi-conn-error",
    kind: "io-error",
    needle: "detected conn error",
    pattern: /\bconnection(\d+):(\d+): detected conn error \((\d+)\)/,
    title: () => "iscsi: connection error",
    details: (m) => ({ connection: `${m[1]}:${m[2]}`, error: Number(m[3]) }),
    groupKey: (m) => `iscsi:${m[1]}:${m[2]}`,
  },
  {
    // The initiator's NOP-Out ping got no answer within noop_out_timeout (`connection1:0: ping timeout of 30 secs
    // expired, recv timeout 5, last rx …`): the target or the path stopped answering; the initiator drops the
    // connection (the `detected conn error (1022)` that usually follows is this connection's same finding) and
    // queues I/O until it logs in again or replacement_timeout fails it.
    id: "iscsi-ping-timeout",
    kind: "io-error",
    needle: "ping timeout of ",
    pattern: /\bconnection(\d+):(\d+): ping timeout of (\d+) secs expired/,
    title: () => "iscsi: connection error",
    details: (m) => ({ connection: `${m[1]}:${m[2]}`, pingTimeoutSec: Number(m[3]) }),
    groupKey: (m) => `iscsi:${m[1]}:${m[2]}`,
  },
  // The kernel ceph client (krbd, CephFS) could not open a session to a monitor, OSD or MDS: the peer closed the
  // socket before the handshake was done (`libceph: mon0 172.17.0.1:3300 socket closed (con state CONNECTING)`,
  // `(con state V1_BANNER)`), the connect failed (`libceph: mon0 (1)10.105.47.74:6789 connect error`) or the socket did
  // (`socket error on write`): the daemon is down or unreachable, or the client speaks msgr1 to a msgr2-only port (3300:
  // kernels before 5.11, or no `ms_mode=`). `rbd map` and mounts time out; mapped devices and mounts stall.
  // `socket closed (con state OPEN)` is not matched: OSDs close idle sessions and the client reconnects when it needs
  // them. One finding per daemon over the three wordings; one needle each (`libceph: ` let every `kernel: ` line into
  // the prefilter's byte comparison: prefilter-placement test).
  {
    id: "libceph-socket-closed",
    needle: "(con state ",
    pattern: libcephPattern(String.raw`socket closed \(con state (?:CONNECTING|V1_BANNER|BANNER|NEGOTIATING|PREOPEN|V2_[A-Z_]+)\)`),
    ...LIBCEPH_CONNECT_FAILED,
  },
  {
    id: "libceph-connect-error",
    needle: " connect error",
    pattern: libcephPattern("connect error"),
    ...LIBCEPH_CONNECT_FAILED,
  },
  {
    id: "libceph-socket-error",
    needle: "socket error on ",
    pattern: libcephPattern(String.raw`socket error on (?:read|write)`),
    ...LIBCEPH_CONNECT_FAILED,
  },
  {
    // kexec-tools before 2.0.22 (RHEL/CentOS 7-8) prints kdumpctl's verdict without the `kdump: ` prefix newer
    // releases add, so under journald or syslog the message is a bare `Starting kdump: [FAILED]`, whatever the reason
    // (no reservation, an initramfs it cannot rebuild on a read-only /boot, kexec refusing to load). kdumpctl's own
    // `kexec: failed to load kdump kernel` (with or without `kdump: `) is printed whenever kexec could not load the
    // capture kernel (an SELinux denial, a signature check, a bad initramfs): the same verdict, and a log may end on
    // it before `Starting kdump: [FAILED]` (a cut paste, a journal read mid-start).
    id: "kdump-no-memory",
    kind: "kdump-failure",
    needle: "kdump",
    pattern:
      /kdump(?:ctl)?: (?:No memory reserved for crash kernel|kdump (?:is )?not (?:ready|operational))|(?:^|kdump(?:ctl)?: )Starting kdump: \[FAILED\]|kdump(?:\.service|-tools\.service): Failed with result|kdump-tools: (?:no crashkernel=|Could not load)|\bkexec: failed to load kdump kernel\b/,
    title: () => "kdump: not armed",
    // One problem however many of its lines (the reason, the verdict, systemd's unit failure) the log shows.
    groupKey: () => "kdump-not-armed",
  },
  {
    // CentOS 7 kdumpctl prints it without a prefix.
    id: "kdump-no-reservation",
    kind: "kdump-failure",
    needle: "No memory reserved for crash kernel",
    pattern: /No memory reserved for crash kernel/,
    title: () => "kdump: not armed",
    groupKey: () => "kdump-not-armed",
  },
  {
    // kexec-tools itself refuses to load a crash kernel without a reservation (`die("Memory for crashkernel is not
    // reserved\nPlease reserve memory by passing\"crashkernel=Y@X\" …")`), so every wrapper logs it under its own
    // name: Debian/Ubuntu `kdump-tools[…]`, SUSE's `load.sh[…]`, a bare `kexec -p` run.
    id: "kexec-crashkernel-not-reserved",
    kind: "kdump-failure",
    needle: "Memory for crashkernel is not reserved",
    pattern: /Memory for crashkernel is not reserved/,
    title: () => "kdump: not armed",
    groupKey: () => "kdump-not-armed",
  },
  {
    // kexec itself crashing while kdump.service loads the capture kernel (Fedora rawhide aarch64, kexec-tools SEGV):
    // systemd-coredump names the dead process, and kdumpctl may never print its verdict (the service just never gets
    // ready). Boot-time kexec runs are the crash-kernel load, so the crash kernel is not armed. Only
    // systemd-coredump's first line (`Process N (kexec) of user N terminated abnormally with signal …`): its
    // `dumped core` line and module list after it are the same crash. The needle is the name's start with the space
    // before it: `(kexec) of` and `kexec) of` put it in buckets that common log words reach once the other needles of
    // the tables were placed (scripts/bench/prefilter-placement.test.ts).
    id: "kexec-crashed",
    kind: "kdump-failure",
    needle: " (kexec",
    pattern: /Process \d+ \(kexec\) of user \d+ terminated abnormally with signal \d+/,
    title: () => "kdump: not armed",
    groupKey: () => "kdump-not-armed",
  },
  {
    // The capture kernel booted but wrote no dump: kdumpctl's save script (`kdump[513]: saving vmcore failed,
    // exitcode:1`, Fedora/RHEL) or makedumpfile under it (`makedumpfile Failed.`). The rows below fold into one finding.
    id: "kdump-vmcore-save-failed",
    kind: "kdump-failure",
    needle: "saving vmcore failed",
    pattern: /\bsaving vmcore failed\b/,
    title: () => "kdump: vmcore not saved",
    groupKey: () => "vmcore-save",
  },
  {
    id: "makedumpfile-failed",
    kind: "kdump-failure",
    needle: "makedumpfile Failed",
    pattern: /\bmakedumpfile Failed\./,
    title: () => "kdump: vmcore not saved",
    groupKey: () => "vmcore-save",
  },
  {
    // makedumpfile cannot read the crashed kernel's utsname (its memory layout is one it does not know), so it stops
    // before writing anything; Debian's kdump-tools and older scripts log no `saving vmcore failed` after it.
    id: "makedumpfile-check-release",
    kind: "kdump-failure",
    needle: "check_release: Can't get the",
    pattern: /check_release: Can't get the (?:address of system_utsname|kernel version)/,
    title: () => "kdump: vmcore not saved",
    groupKey: () => "vmcore-save",
  },
  {
    id: "crashkernel-reservation-failed",
    kind: "kdump-failure",
    needle: "crashkernel",
    pattern: /crashkernel reservation failed|crashkernel: memory value expected|Cannot reserve \d+MB crashkernel/,
    title: () => "kdump: crashkernel reservation failed",
  },
  {
    // systemd-oomd (userspace) kills a whole cgroup when its memory PSI stays over ManagedOOMMemoryPressureLimit
    // (`Killed /user.slice/…/app-….scope due to memory pressure for /user.slice/…/user@1000.service being 51.07% >
    // 50.00% for > 20s with reclaim activity`; v253+ first says `Marked … for killing due to …`). The kernel's OOM
    // killer never runs, so no `invoked oom-killer` report exists: these lines are all a log shows of the kill.
    // `journalctl` without `--no-pager` cuts the long line (`… be>`), so the tail after the second cgroup is optional.
    id: "systemd-oomd-pressure-kill",
    kind: "oom",
    needle: "due to memory pressure for ",
    pattern: /\b(?:Killed|Marked) (\/\S{0,400}) (?:for killing )?due to memory pressure for (\S{1,400})(?: being ([\d.]+)% > ([\d.]+)%)?/,
    title: () => "systemd-oomd: killed cgroup under memory pressure",
    details: (m): Details => ({ cgroup: m[1], monitored: m[2], ...(m[3] ? { pressure: Number(m[3]), limit: Number(m[4]) } : {}) }),
    groupKey: () => "oom:systemd-oomd",
  },
  {
    // With debug logging the same daemon first prints the decision itself: `Memory pressure for /system.slice is
    // 85.03% > 80.00% for > 2s with reclaim activity`, then `oomd attempting to kill PID with KILL` per process. The
    // `Killed`/`Marked` line after it (rule above) is the finding; without one (the kill raced the processes' exit and
    // oomd logged `Failed to kill any cgroup(s) under … based on pressure`, or the paste stops there) this line tells
    // it: oomd prints it only when it goes on to kill.
    id: "systemd-oomd-pressure-decision",
    kind: "oom",
    needle: "with reclaim activity",
    pattern: /\bMemory pressure for (\/\S{0,400}) is ([\d.]+)% > ([\d.]+)% for > \S+ with reclaim activity/,
    program: /^systemd-oomd\b/,
    title: () => "systemd-oomd: killed cgroup under memory pressure",
    details: (m) => ({ monitored: m[1], pressure: Number(m[2]), limit: Number(m[3]) }),
    groupKey: () => "oom:systemd-oomd",
    endedBy: ["systemd-oomd-pressure-kill"],
  },
  {
    // The same daemon's swap trigger (ManagedOOMSwap=kill): `Killed /…scope due to swap used (N) / total (N) being
    // more than 90.00%`. v249 and v250 name both limits the trigger checks (`due to memory used (N) / total (N) and
    // swap used (N) / total (N) being more than 90.00%`): the same kill, so the needle is the words both share.
    id: "systemd-oomd-swap-kill",
    kind: "oom",
    needle: "swap used (",
    pattern: /\b(?:Killed|Marked) (\/\S{0,400}) (?:for killing )?due to (?:memory used \(\d+\) \/ total \(\d+\) and )?swap used \((\d+)\) \/ total \((\d+)\)/,
    title: () => "systemd-oomd: killed cgroup over swap limit",
    details: (m) => ({ cgroup: m[1], swapUsed: Number(m[2]), swapTotal: Number(m[3]) }),
    groupKey: () => "oom:systemd-oomd",
  },
  {
    // systemd's own note on the unit oomd killed (`vte-spawn-….scope: systemd-oomd killed 12 process(es) in this
    // unit.`): after oomd's line it is that kill again; alone (a `journalctl -u` of the unit) it is the finding.
    // The manager prints `killed some process(es)` when oomd's message carried no count (v255 for kills that reached
    // other units of a user manager): the same note, without a number.
    id: "systemd-oomd-unit-killed",
    kind: "oom",
    needle: "systemd-oomd killed ",
    pattern: /(\S{1,256}): systemd-oomd killed (\d+|some) process\(es\) in this unit/,
    title: () => "systemd-oomd: killed cgroup under memory pressure",
    details: (m): Details => (m[2] === "some" ? { unit: m[1] } : { unit: m[1], killed: Number(m[2]) }),
    groupKey: () => "oom:systemd-oomd",
    continues: ["systemd-oomd-pressure-kill", "systemd-oomd-swap-kill"],
  },
  {
    id: "kubelet-pleg-unhealthy",
    kind: "pleg-unhealthy",
    needle: "PLEG is not healthy",
    // The duration is a detail: a paste that broke it with a run of spaces (`active 3m0.32           2579259s ago`)
    // or cut the line after it still says PLEG is unhealthy.
    pattern: /PLEG is not healthy: pleg was last seen active(?: ([\dhms.]+) ago)?/,
    title: () => "kubelet: PLEG is not healthy",
    details: (m): Details => (m[1] ? { lastSeen: m[1] } : {}),
    groupKey: () => "pleg",
  },
  {
    // `pleg has yet to be successful` is the kubelet's state from its start until PLEG's first relist (about a
    // second): its sync loop prints it, backing off 0.1 s, 0.2 s, 0.4 s … up to 5 s between lines, so every kubelet
    // (and k3s) start logs it once or a few times on a healthy node. Only a run that goes on (ten lines: some 25 s
    // and more without one relist, the runtime not answering) is the problem; fewer are a timeline marker. Its own
    // fold key: a start-up run must not count towards, nor be counted by, a later `last seen active` run.
    id: "kubelet-pleg-not-yet-successful",
    kind: "pleg-unhealthy",
    needle: "PLEG is not healthy",
    pattern: /PLEG is not healthy: pleg has yet to be successful/,
    title: () => "kubelet: PLEG is not healthy",
    groupKey: () => "pleg-start",
    minRepeats: 10,
  },
  {
    // systemd (v243+) notes a kernel OOM kill in each unit and slice above the victim, from the cgroup's memory.events
    // oom_kill counter: `system-postgresql.slice: A process of this unit has been killed by the OOM killer.`. After
    // the kernel's own kill line that is the same kill; alone (a `journalctl -u`, a grep of systemd's lines, a kernel
    // ring buffer not kept) it still says the kernel's OOM killer killed a process of that unit.
    id: "systemd-unit-oom-killed",
    kind: "oom",
    needle: "killed by the OOM killer",
    pattern: /(\S{1,256}): A process of this unit has been killed by the OOM killer/,
    title: () => "OOM: out of memory",
    details: (m) => ({ unit: m[1] }),
    // one kill is noted on every ancestor unit: one finding
    groupKey: () => "oom:systemd-unit",
    continues: ["oom-kill", "oom-kill-legacy", "oom-killed-process-bare", "oom-kill-summary", "oom-group-kill"],
    continuesAnyKey: true,
  },
  {
    // earlyoom (user-space OOM killer) signals the process it picks when available memory and free swap are both under
    // its limits: `sending SIGTERM to process 57834 uid 1000 "code": badness 866, VmRSS 5 MiB` (v1.6+; v1.8 prints
    // `oom_score` for `badness`), `killing process 27541 "bash" with signal 15: badness 550, VmRSS 7609 MiB` (v1.2–1.5),
    // `Killing process 'bash' with signal 15, pid: 5874, badness: 538, VmRSS: 3160 MiB` (v1.0–1.1, fields with colons).
    // The kernel's OOM killer never runs: these lines are all a log shows of the kill. A SIGTERM the process ignores
    // is sent again (or escalated to SIGKILL): each line is a kill earlyoom made.
    id: "earlyoom-kill",
    kind: "oom",
    // `, VmRSS` is in every version's kill line; with its comma the hot prefilter's buckets stay within budget (a bare
    // `VmRSS` needle let a quiet log's lines through to the byte comparison).
    needle: ", VmRSS",
    pattern:
      /\b(?:(?:sending (SIGTERM|SIGKILL) to process (\d+) (?:uid \d+ )?"([^"\n]{0,64})"|killing process (\d+) "([^"\n]{0,64})" with signal (\d+)): (?:badness|oom_score) -?\d+, VmRSS (\d+) MiB|Killing process '([^'\n]{0,64})' with signal (\d+), pid: (\d+), badness: -?\d+, VmRSS: (\d+) MiB)/,
    title: () => "earlyoom: killed process on low memory",
    details: (m): Details => {
      const signal = m[6] ?? m[9];
      return {
        victimPid: Number(m[2] ?? m[4] ?? m[10]),
        victim: m[3] ?? m[5] ?? m[8],
        signal: m[1] ?? (signal === "9" ? "SIGKILL" : signal === "15" ? "SIGTERM" : `signal ${signal}`),
        rssMiB: Number(m[7] ?? m[11]),
      };
    },
    groupKey: () => "oom:earlyoom",
  },
  {
    // The kubelet's node event for a kernel OOM kill outside any pod's limit (`Warning  SystemOOM  …  System OOM
    // encountered`, since 1.16 `…, victim process: X, pid: N`), as `kubectl describe node` or the kubelet log show it.
    id: "kubelet-system-oom",
    kind: "oom",
    needle: "System OOM encountered",
    pattern: /System OOM encountered(?:, victim process: ([^,\s]+), pid: (\d+))?/,
    title: () => "kubelet: System OOM encountered",
    details: (m): Details => (m[1] ? { victim: m[1], victimPid: Number(m[2]) } : {}),
    groupKey: () => "system-oom",
  },
  {
    // The same watcher's event for a kill inside a pod's memory cgroup (`Warning  CgroupOOM  …  kubelet  Cgroup OOM
    // encountered, victim process: stress, pid: 470521` on the pod, kubernetes/kubernetes#100487's build): a
    // container hit its memory limit, as the kernel's `Memory cgroup out of memory` line says.
    id: "kubelet-cgroup-oom",
    kind: "oom",
    needle: "Cgroup OOM encountered",
    pattern: /Cgroup OOM encountered(?:, victim process: ([^,\s]+), pid: (\d+))?/,
    title: () => "OOM: memory cgroup out of memory",
    details: (m): Details => ({ memcg: true, ...(m[1] ? { victim: m[1], victimPid: Number(m[2]) } : {}) }),
    groupKey: () => "oom:memcg",
  },
  {
    // A container's state as `kubectl describe pod` (`Last State:     Terminated` / `  Reason:       OOMKilled` /
    // `  Exit Code:    137`) or `-o yaml` (`reason: OOMKilled`) print it: the kubelet saw the container's memory
    // cgroup OOM-kill its process, the pod-side trace of a kernel `Memory cgroup out of memory` kill.
    id: "kubectl-container-oomkilled",
    kind: "oom",
    needle: "OOMKilled",
    pattern: /^[Rr]eason:\s+OOMKilled\b/,
    title: () => "OOM: memory cgroup out of memory",
    details: () => ({ memcg: true }),
    groupKey: () => "oom:memcg",
  },
  {
    id: "inotify-limit",
    kind: "other",
    needle: "too many open files",
    // kubelet/containerd/dockerd when fs.inotify.max_user_instances is exhausted (inotify_init1() returns EMFILE).
    pattern: /(?:fsnotify watcher|inotify(?:_add_watch| instance)?)[^\n]*?too many open files/i,
    title: () => "inotify: watch or instance limit reached",
    groupKey: () => "inotify",
  },
  {
    // The watch limit (fs.inotify.max_user_watches): inotify_add_watch() returns ENOSPC, which Go prints as `no space
    // left on device` (cAdvisor in the kubelet: `inotify_add_watch /sys/fs/cgroup/…/kubepods/…: no space left on
    // device`). Its own needle: the line holds no `too many open files`, so the rule above never saw it. The tempered
    // gap stops at the next `inotify_add_watch`, so a line repeating the needle costs linear time, not quadratic.
    id: "inotify-watch-limit-enospc",
    kind: "other",
    needle: "inotify_add_watch",
    pattern: /inotify_add_watch(?:(?!inotify_add_watch)[^\n])*?no space left on device/i,
    title: () => "inotify: watch or instance limit reached",
    groupKey: () => "inotify",
  },
  {
    id: "docker-kmem-warning",
    kind: "other",
    needle: "Kernel memory limits are experimental",
    pattern: /Kernel memory limits are experimental on older kernels/,
    title: () => "docker: kernel memory limit on a kernel older than 4.0",
    timelineOnly: true,
  },
];

/** Lines worth a timeline marker that are not problems: reservations, agent versions, shutdowns. */
export type InfoEventRule = { id: string; needle: string; pattern: RegExp; label: (m: RegExpExecArray) => string };

export const INFO_EVENT_RULES: InfoEventRule[] = [
  {
    id: "crashkernel-reserved",
    needle: "for crashkernel",
    pattern: /Reserving (\d+)MB of memory at (\d+)MB for crashkernel/,
    label: (m) => `crashkernel: ${m[1]} MB reserved`,
  },
  {
    id: "kdump-loaded",
    needle: "kdump",
    pattern: /kdump-tools\[\d+\]: .*(?:loaded kdump kernel|Loaded kdump kernel)|kdumpctl\[\d+\]: kdump: kexec: loaded kdump kernel|Starting kdump: \[OK\]/,
    label: () => "kdump armed",
  },
  {
    id: "shutdown",
    needle: "",
    pattern: /^(?:reboot: (?:Restarting system|Power down)|systemd-shutdown\[\d+\]: Syncing filesystems|Reached target (?:Shutdown|Reboot|System Reboot|Power-Off))/,
    label: () => "shutdown",
  },
];
