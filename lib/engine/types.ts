/**
 * The engine's data model: what `triage()` returns and what every stage passes on.
 * This is the contract shared by the CLI (`--json`), the API and the pages; see docs/cli.md.
 * Changing a field here is a schema change: bump INCIDENT_SCHEMA_VERSION.
 */

import type { VmcoreFacts } from "./vmcore/types";

export const INCIDENT_SCHEMA_VERSION = 1;

export type { VmcoreCpuState, VmcoreFacts, VmcoreFormat } from "./vmcore/types";

/** An input that was a crash dump: its kernel log was extracted (lib/engine/vmcore) and triaged as text. */
export type VmcoreInput = {
  facts: VmcoreFacts;
  /** What could not be read (truncated file, excluded pages…). */
  warnings: string[];
  /** No kernel log could be extracted at all (and why). */
  error?: string;
};

/** How a single line was written. Sniffed per line, because files mix them (a syslog file holds dmesg text). */
export type LineFormat =
  | "syslog" // RFC 3164: `Aug 13 15:59:23 w01 kernel: …`
  | "syslog-iso" // RFC 5424 / ISO 8601 / journalctl short-iso and short-precise
  | "syslogd-wall" // `Message from syslogd@host at May 6 17:43:49 ...` + `kernel:…`
  | "journald-wall" // `Broadcast message from systemd-journald@host (Fri 2022-05-06 09:51:02 UTC):` + `kernel[304]: …`
  | "dmesg" // `[  123.456789] …`, optionally `<4>` level and `[T123]`/`[C1]` caller id
  | "dmesg-human" // `dmesg -T`: `[Tue Aug 13 15:59:23 2024] …`
  | "crash" // output of the `crash` utility (`bt`, `log`)
  | "klog" // Kubernetes klog: `I0813 15:59:21.100203    1432 file.go:182] …`
  | "logfmt" // `time=… level=info msg=…`
  | "json" // one JSON object per line (containerd, some agents, journalctl -o json, Docker json-file, Fluent Bit, Vector)
  | "journal" // journalctl -o export / -o verbose (one `FIELD=value` per line), -o json-pretty (one `"FIELD" : "value",` per line)
  | "plain"; // pasted text, serial console without timestamps

/** One line of input after ingest, with the prefixes that carried metadata peeled off. */
export type LogLine = {
  /** Index of the input in the triage call. */
  fileIndex: number;
  /** 1-based line number in the (decompressed) input. */
  lineNo: number;
  /** The line as read (control characters removed, possibly truncated). */
  raw: string;
  /** The message text with all prefixes (syslog header, `[ts]`, `<N>`, `[T123]`) removed. */
  text: string;
  format: LineFormat;
  /** Wall-clock time in epoch milliseconds (UTC unless the log said otherwise), when the line carries one. */
  time?: number;
  /** Seconds since boot (dmesg timestamp), when the line carries one. */
  uptime?: number;
  host?: string;
  /** Syslog tag / program name: `kernel`, `kubelet`, `containerd`, `cilium-agent`… */
  program?: string;
  pid?: number;
  /** printk level 0..7 when known (`<4>`), or mapped from klog/logfmt levels. */
  level?: number;
  /** printk caller id: `T123` (task) or `C1` (CPU). */
  callerId?: string;
};

/** Where something was read from. */
export type SourceRef = {
  /** Input name as given (file name, `-` for stdin, `paste`). */
  file: string;
  /** 1-based line number in that input. */
  line: number;
  /** Last line of a multi-line report (inclusive). */
  endLine?: number;
};

export type FrameContext = "task" | "irq" | "softirq" | "nmi" | "exception" | "user";

export type Frame = {
  /** Function name, cleaned of `.isra.N`/`.constprop.N`/`.part.N`/`.cold` suffixes. */
  function: string;
  /** The name as printed (before cleaning). */
  rawFunction?: string;
  offset?: number;
  size?: number;
  /** Kernel module the function lives in (`[nf_conntrack]`), or the Go package for Go frames. */
  module?: string;
  /** False for `? func` (x86) and `(unreliable)` (ppc) frames: kept for display, not for signatures. */
  reliable: boolean;
  context?: FrameContext;
  /** Source file and line when the log was symbolised (`net/core/skbuff.c:4230`). */
  file?: string;
  fileLine?: number;
  address?: string;
  /**
   * On the stack but printed on no line of its own: ARM names each frame's caller on the frame's line, and the
   * caller of the last printed frame of a cut trace appears nowhere else (satyr lists printed frames only).
   */
  unprinted?: true;
  /**
   * A symbolised report's inlined function (`nfc_llcp_find_local net/nfc/llcp_core.c:286 [inline]`): printed at its
   * caller's address, the line below. syzkaller reads no frame from such a line, so none names a title.
   */
  inlined?: true;
};

/** Problem classes. Crash reports and one-line problem events share this list. */
export type FindingKind =
  | "bug" // kernel BUG at …, BUG: <other>
  | "oops"
  | "panic"
  | "gpf"
  | "null-deref"
  | "paging-fault"
  | "warning"
  | "soft-lockup"
  | "hard-lockup"
  | "hung-task"
  | "rcu-stall"
  | "kasan"
  | "kmsan"
  | "kcsan"
  | "kfence"
  | "ubsan"
  | "lockdep"
  | "memory-leak"
  | "oom"
  | "mce"
  | "netdev-refcount"
  | "route-cache-full"
  | "slab-alloc-failure"
  | "page-alloc-failure"
  | "conntrack-full"
  | "neighbour-overflow"
  | "fs-error"
  | "io-error"
  | "kdump-failure"
  | "go-panic"
  | "reboot" // the machine restarted in the middle of a report (syzkaller's "unexpected kernel reboot")
  | "pleg-unhealthy"
  | "other";

/**
 * Where a finding's kernel release comes from: its own report; its boot's banner; another report of the same host
 * and boot (a boot runs one kernel); or, marked inferred, the next boot, a pasted `uname`, kubectl's KERNEL-VERSION.
 */
export type ReleaseSource = "report" | "boot" | "same-boot-report" | "inferred-next-boot" | "inferred-uname" | "inferred-kubectl";

/** printk taint flags decoded from `Tainted: G  W  OE`. */
export type Taint = {
  /** The raw flag string (`GPOE`, `G W`), spaces removed. Empty when `Not tainted`. */
  flags: string;
  /** Human descriptions, one per set flag (`P: proprietary module was loaded`). */
  decoded: string[];
};

export type Finding = {
  /** Stable within one incident: `f1`, `f2`, … in source order. */
  id: string;
  kind: FindingKind;
  /** syzkaller-style normalised title (`kernel BUG in skb_segment`). */
  title: string;
  /** Alternative titles for bucketing (`bad-access in F`, `stall in F`). */
  altTitles: string[];
  /**
   * syzkaller's title, only when the display title differs from it: a stackless `kernel BUG at net/core/x.c:LINE`
   * is `kernel BUG in corrupted` to syzkaller (also listed in `altTitles`).
   */
  syzkallerTitle?: string;
  /** syzkaller's TYPE-like machine name (`KASAN-USE-AFTER-FREE-READ`, `WARNING`), when known. */
  type?: string;
  /** The first kernel line of the report, as printed (prefix stripped). */
  headline: string;
  guiltyFrame?: string;
  /** Source file to blame (first file named by the report that is not generic code), when the report names files. */
  guiltyFile?: string;
  /** Source file named by the report (`net/core/skbuff.c` from `kernel BUG at net/core/skbuff.c:4230!`). */
  sourceFile?: string;
  sourceLine?: number;
  frames: Frame[];
  corrupted: boolean;
  corruptedReason?: string;
  /** A `Kernel panic - not syncing` followed this report (the machine went down with it). */
  panicked: boolean;
  panicMessage?: string;
  kernelRelease?: string;
  /**
   * Where `kernelRelease` came from: the report itself (`CPU: … Comm: … 6.1.1 #1`, `Tainted:` line), its boot's
   * banner, or — marked inferred, with less weight in the verdict — the next boot of the same host, a pasted
   * `uname -r`/`uname -a`, or kubectl's KERNEL-VERSION column for that node.
   */
  releaseSource?: ReleaseSource;
  /** `#1 SMP PREEMPT_DYNAMIC Tue Dec 20 …` or `#101-Ubuntu`: carries Debian/Ubuntu package versions. */
  kernelBuild?: string;
  taint?: Taint;
  modules?: string[];
  /** `[last unloaded: x]` */
  lastUnloadedModule?: string;
  hardware?: string;
  /** `RIP: 0010:skb_segment+0x…` / `pc : …` / `NIP […]`: the function the CPU was in. */
  rip?: string;
  cpu?: number;
  pid?: number;
  comm?: string;
  kdumpLoaded?: boolean;
  host?: string;
  /** ISO 8601 time of the first line, when the log carries wall-clock time. */
  time?: string;
  /** dmesg uptime of the first line, when known. */
  uptime?: number;
  bootId?: string;
  source: SourceRef;
  /** The report's lines as printed (prefix stripped), capped. */
  report: string[];
  /** Stable hash of what identifies the bug (kind + title); equal across hosts and builds. */
  signature: string;
  /**
   * How often this finding occurred: repeats of a one-line problem event within a boot, or the same crash report
   * (same signature, host and kernel release) again anywhere in the incident. `source`/`time` are the first
   * occurrence, `lastSource`/`lastTime` the last.
   */
  repeats?: number;
  lastSource?: SourceRef;
  lastTime?: string;
  /** Facts pulled out of problem events: device, usage count, cache name, agent version… */
  details?: Record<string, string | number | boolean>;
  /** Non-kernel findings: the component that failed (`cilium-agent`, `kubelet`) and its version if logged. */
  component?: string;
  componentVersion?: string;
  /**
   * The lines printed just before the report on the same host (up to 30, oldest first), as text: the trigger an
   * agent or the kernel logged first. KB `nearby` rules read them (evidence for or against an entry).
   */
  context?: string[];
  /** Knowledge-base matches, best first (filled by the matcher). */
  matches: Match[];
};

export type VerdictStatus = "affected" | "fixed" | "unknown";

export type Verdict = {
  status: VerdictStatus;
  /** 0..1: how sure the verdict is (a RHEL kernel's upstream number is nearly meaningless, an ELRepo one is exact). */
  confidence: number;
  /** One line a human reads: "6.1.1 is below 6.1.103, the first fixed release on 6.1.y". */
  reason: string;
  /** The first fixed version that applies to this kernel/component (`6.1.103`, `3.10.0-1062.4.1.el7`, `1.15.1`). */
  fixedIn?: string;
};

export type Match = {
  kbId: string;
  title: string;
  /**
   * Match score, 0..1: how strongly the log's evidence points at this entry (fired signature rules combined).
   * Not a probability that the verdict is right — that is `confidence`. Generic (class-level) entries stay below 0.5.
   */
  score: number;
  /** Which rules fired, human-readable. */
  reasons: string[];
  verdict: VerdictStatus;
  /** Verdict confidence, 0..1: how sure `verdict` is for this kernel (see `Verdict.confidence`). */
  confidence: number;
  verdictReason: string;
  fixedIn?: string;
  /** A class-level entry (symptom with many causes): a candidate, never "the" known bug. */
  generic?: boolean;
  /** For generic entries: what evidence would point at a specific cause. */
  specificWhen?: string;
  /** `curated` entries outrank `imported` (CVE) ones on equal evidence. */
  origin: "builtin" | "team" | "imported";
  /** True for an entry listed as related to a stronger match rather than matched on its own. */
  related?: boolean;
};

export type EventKind =
  | "boot" // a kernel started
  | "kdump-boot" // the kdump capture kernel started (elfcorehdr= on the command line)
  | "shutdown" // orderly shutdown seen
  | "gap" // no lines for a while before a boot: the node was down
  | "crash" // a crash report (see findingId)
  | "problem" // a one-line problem event (see findingId)
  | "warning" // a noteworthy kernel/user-space line that is not a finding
  | "agent" // user-space line around a finding (kubelet, containerd, CNI agents)
  | "info";

export type TimelineEvent = {
  kind: EventKind;
  host?: string;
  bootId?: string;
  time?: string;
  uptime?: number;
  source: SourceRef;
  /** Short label for the timeline marker. */
  label: string;
  /** The line itself (prefix stripped). */
  text?: string;
  program?: string;
  findingId?: string;
  /** For `gap`: seconds without any line. */
  durationSec?: number;
};

export type Boot = {
  /** `b1`, `b2`, … in source order. */
  id: string;
  host?: string;
  kernelRelease?: string;
  kernelBuild?: string;
  /** The whole `Linux version …` banner. */
  banner?: string;
  commandLine?: string;
  /** The boot is a kdump capture kernel (`elfcorehdr=` on its command line). */
  isKdumpCapture: boolean;
  /** `crashkernel=` from the command line, when given. */
  crashkernel?: string;
  startTime?: string;
  endTime?: string;
  source: SourceRef;
  /** Seconds between the previous line of the same host and this boot's first line (downtime). */
  gapBeforeSec?: number;
  /** How the boot was detected. */
  detectedBy: "banner" | "uptime-reset" | "file-start";
};

export type HostSummary = {
  name: string;
  firstTime?: string;
  lastTime?: string;
  lines: number;
  boots: number;
  kernelReleases: string[];
};

export type InputSummary = {
  name: string;
  /** Bytes read (compressed size when gzip). */
  bytes: number;
  /** Bytes after decompression. */
  decodedBytes: number;
  lines: number;
  compressed: boolean;
  /** Formats seen, most frequent first. */
  formats: LineFormat[];
  truncatedLines: number;
  /** Lines that held invalid UTF-8 (replaced with U+FFFD). */
  invalidUtf8Lines: number;
  /** The year assumed for RFC 3164 dates (they carry none). */
  assumedYear?: number;
  error?: string;
  /** The input was a vmcore: crash facts from its headers, notes and VMCOREINFO. */
  vmcore?: VmcoreInput;
};

export type Recommendation = {
  /** The whole advice in one sentence. */
  summary: string;
  /** The bug and the verdict in a few words, shown first where space is short (the summary follows as details). */
  lead?: string;
  kbId?: string;
  verdict?: VerdictStatus;
  /** The verdict confidence of the match the advice is built on (`Match.confidence`): the same number everywhere. */
  confidence: number;
  /** The match score of that match (`Match.score`). */
  score?: number;
  /** The finding the advice is about. */
  findingId?: string;
  /** The host and kernel the advice is for (one recommendation per host and kernel: `Incident.headlines`). */
  host?: string;
  kernelRelease?: string;
  /** Human name of the node's distro kernel (`Ubuntu 22.04`, `RHEL-family 7.5`), when recognised. */
  distro?: string;
  /**
   * e.g. { from: "6.1.1", to: "6.1.103", branch: "6.1", text: "6.1.1 → 6.1.103 or later on 6.1.y" }.
   * `upstreamOnly`: the target is an upstream version; no fixed package of the node's distro is recorded.
   */
  upgrade?: { component: string; from?: string; to: string; branch?: string; text: string; upstreamOnly?: boolean };
  fixCommits: { commit: string; title?: string; url?: string }[];
  /** Ordered for the node's distro: its own workarounds first, distro-neutral next, other distros' last. */
  workarounds: { title: string; commands: string[]; caveats?: string; distros?: string[] }[];
  references: { url: string; title?: string; kind?: string }[];
};

/**
 * A rule or parser that failed on part of the input: the rest of the incident is still right, but this part was
 * not read (or only partly). Never expected; shown on the incident page and in `--json` so a bug is not silent.
 */
export type IncidentWarning = {
  /** Which step failed: `report` (one crash report's title/frames/metadata), `window` (a scanner window),
   *  `match` (one finding against the knowledge base: it is shown without matches), `ingest` (the input broke off —
   *  a truncated or corrupt compressed stream — after the lines up to `source.line`, which were read; or lines
   *  over the line cap were cut, the first at `source.line`). */
  stage: "report" | "window" | "match" | "ingest";
  source: SourceRef;
  message: string;
};

/** An archive member (or a directory's file) that was not read, and why. */
export type SkippedMember = {
  path: string;
  /** `symlink`, `hardlink`, `device`, `path-escape` (tar/zip slip), `too-large`, `nested-archive`, `binary`,
   *  `duplicate` (a better source of the same messages was read), `unreadable`, `empty` (0 bytes). */
  reason: "symlink" | "hardlink" | "device" | "path-escape" | "too-large" | "nested-archive" | "binary" | "duplicate" | "unreadable" | "empty";
  message: string;
  bytes?: number;
};

/**
 * What the user gave when it was more than a plain or gzip log: a compressed log (xz, zstd, bzip2), an archive
 * (sosreport, supportconfig, must-gather, tar, zip, or one nested in another), a directory (a copied
 * /var/crash/<ip>-<date>/), a binary journal or a log decoded from UTF-16 (`encoded-log`). `inputs[]` holds the text read from it; this says where that text came from. (A vmcore given as such
 * needs no source: its input carries `vmcore`.)
 */
export type SourceSummary = {
  name: string;
  kind: "compressed-log" | "archive" | "directory" | "journal" | "encoded-log";
  /** `tar.xz`, `zip`, `xz`, `journal (compact, zstd)`, `vmcore`, `utf-16le`… */
  format: string;
  /**
   * Archives and directories: `support-archive` (a sosreport, supportconfig, must-gather, copied root or /var/crash:
   * only the members the rules name are read, the rest counted in `ignoredMembers`) or `every-log` (a bundle of logs:
   * every member is read by its content, what is not read is listed in `skipped`).
   */
  selection?: "support-archive" | "every-log";
  /** Bytes of the source as given (compressed). */
  bytes?: number;
  /** The host's name from the archive's own `etc/hostname` or `hostname`. */
  hostname?: string;
  /** Names of the inputs (as in `inputs[].name`) read from this source. */
  inputs: string[];
  /** Members seen, and those not read because no rule asks for them (not listed one by one). */
  members?: number;
  ignoredMembers?: number;
  skipped: SkippedMember[];
  /** Boots of a binary journal, with their systemd boot ids. */
  journalBoots?: Array<{ bootId: string; firstTime: string; lastTime: string; entries: number; input: string }>;
  warnings: string[];
  /** Set when the source was refused as a whole (a decompression bomb, a corrupt archive). */
  error?: string;
};

export type Incident = {
  schemaVersion: number;
  /** Input name when a single input was triaged (jsonl mode). */
  file?: string;
  inputs: InputSummary[];
  /** Archives, directories, journals, dumps and non-gzip compressed logs the inputs were read from. */
  sources?: SourceSummary[];
  hosts: HostSummary[];
  boots: Boot[];
  events: TimelineEvent[];
  findings: Finding[];
  /**
   * The advice for the incident: the most pressing of `headlines` (the same object's content, so the page's top
   * and the host's own summary never disagree).
   */
  recommendation?: Recommendation;
  /** Failures inside the engine on parts of the input (present only when there was one). */
  warnings?: IncidentWarning[];
  /** One recommendation per host and kernel with a known-issue match, most pressing first. */
  headlines?: Recommendation[];
  stats: { lines: number; bytes: number; elapsedMs: number };
};

/** A named input: bytes as they come (plain or gzip), as one buffer or a stream of chunks. */
export type TriageInput = {
  name: string;
  data: Uint8Array | AsyncIterable<Uint8Array>;
  /** Last-modified time of the file, used to infer the year of RFC 3164 dates. */
  mtime?: Date;
  /**
   * The latest full date written in the file (a sample: ISO stamps, the rotated files a `grep -r` paste names). It
   * dates year-less lines before the mtime does; lines may run up to a month past it (a sample is not the end).
   */
  latestDatedLine?: Date;
  /** Set when `data` is the kernel log extracted from a vmcore: its release is the boot's release. */
  vmcore?: VmcoreInput;
  /**
   * The host these lines come from when they name none (dmesg, `kern.log` without a host column): an archive's own
   * `etc/hostname`. A line that names its host keeps it.
   */
  host?: string;
};
