/**
 * `npm run bench:match`: KB matcher throughput on a synthetic knowledge base the size of a full CVE import.
 * Generates ~15,000 entries shaped like imported kernel CVE records (title, guilty frame, frames, source file,
 * programFiles, some message regexes, per-branch fixes) plus a few hundred curated-style entries (title prefixes,
 * kind + detail rules, messages), then a few thousand findings — most derived from an entry with stack noise,
 * the rest unrelated — and reports index build time, ms per finding (p50/p99; goal ≤ 2 ms) and memory.
 * Deterministic (seeded). Flags: --entries N --findings N --seed N.
 */
import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { kbEntrySchema, type KbEntry, type KbEntryInput, type SignatureRule } from "../../lib/kb/schema";
import type { Finding, FindingKind, Frame } from "../../lib/engine/types";
import { buildKbIndex } from "../../lib/engine/match/build-kb-index";
import { matchFinding } from "../../lib/engine/match/match-finding";
import { parseKernelRelease } from "../../lib/engine/versions/parse-kernel-release";
import { seededRandom } from "../../lib/engine/testing/seeded-random";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const ENTRY_COUNT = arg("entries", 15_000);
const FINDING_COUNT = arg("findings", 3_000);
const SEED = arg("seed", 42);

const rand = seededRandom(SEED);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SUBSYSTEMS = [
  ["net/core", "skb"], ["net/ipv4", "tcp"], ["net/ipv4", "udp"], ["net/ipv6", "ip6"], ["net/netfilter", "nf"],
  ["net/sched", "tc"], ["net/bpf", "bpf"], ["kernel/bpf", "bpf_prog"], ["fs/ext4", "ext4"], ["fs/xfs", "xfs"],
  ["fs/btrfs", "btrfs"], ["fs/nfs", "nfs"], ["fs/overlayfs", "ovl"], ["mm", "mem"], ["mm", "slab"], ["kernel/sched", "sched"],
  ["drivers/net/ethernet/mellanox/mlx5/core", "mlx5e"], ["drivers/net/ethernet/intel/ice", "ice"], ["drivers/gpu/drm/amd", "amdgpu"],
  ["drivers/usb/core", "usb"], ["drivers/scsi", "scsi"], ["drivers/nvme/host", "nvme"], ["sound/core", "snd"], ["net/bluetooth", "hci"],
  ["net/wireless", "cfg80211"], ["net/mac80211", "ieee80211"], ["net/sctp", "sctp"], ["net/tipc", "tipc"], ["fs/f2fs", "f2fs"],
  ["kernel/cgroup", "cgroup"], ["block", "blk"], ["io_uring", "io"], ["net/xfrm", "xfrm"], ["net/can", "can"], ["net/smc", "smc"],
] as const;
const VERBS = ["alloc", "free", "init", "destroy", "segment", "recv", "send", "xmit", "get", "put", "lookup", "insert", "remove",
  "update", "parse", "fill", "flush", "release", "open", "close", "write", "read", "map", "unmap", "queue", "dequeue", "handle",
  "process", "validate", "clone", "copy", "resize", "commit", "abort", "start", "stop", "reset", "probe", "attach", "detach"];
const NOUNS = ["", "_skb", "_sock", "_frag", "_page", "_buf", "_entry", "_node", "_ctx", "_req", "_list", "_table", "_state",
  "_work", "_timer", "_rcu", "_locked", "_one", "_all", "_cb", "_hdr", "_data", "_range", "_ops", "_info"];
const TYPES: { title: string; kind: FindingKind }[] = [
  { title: "KASAN: slab-use-after-free Read in", kind: "kasan" },
  { title: "KASAN: slab-out-of-bounds Write in", kind: "kasan" },
  { title: "KASAN: null-ptr-deref Read in", kind: "kasan" },
  { title: "general protection fault in", kind: "gpf" },
  { title: "WARNING in", kind: "warning" },
  { title: "BUG: unable to handle page fault in", kind: "paging-fault" },
  { title: "kernel BUG in", kind: "bug" },
  { title: "possible deadlock in", kind: "lockdep" },
  { title: "memory leak in", kind: "memory-leak" },
  { title: "UBSAN: shift-out-of-bounds in", kind: "ubsan" },
  { title: "INFO: task hung in", kind: "hung-task" },
];
const GENERIC_FRAMES = ["do_syscall_64", "entry_SYSCALL_64_after_hwframe", "__do_softirq", "net_rx_action", "process_one_work",
  "worker_thread", "kthread", "ret_from_fork", "__netif_receive_skb_core", "ip_rcv", "vfs_write", "ksys_write"];
const TEXT = ["Call Trace:", "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)", "RSP: 0018:ffffc90000003d48 EFLAGS: 00010246",
  "Code: 48 89 df e8 00 00 00 00 0f 0b", "Modules linked in: nf_conntrack xt_MASQUERADE overlay br_netfilter", "</IRQ>", "<TASK>"];

type Fn = { name: string; file: string };
const FUNCTIONS: Fn[] = [];
for (const [dir, prefix] of SUBSYSTEMS)
  for (let i = 0; i < 160; i++) FUNCTIONS.push({ name: `${prefix}_${pick(VERBS)}${pick(NOUNS)}${i % 3 === 0 ? "" : `_${i}`}`, file: `${dir}/${prefix}_${i % 12}.c` });

type Seed = { entry: KbEntry; fn: Fn; caller: Fn; kind: FindingKind; title: string; message?: string };

function importedEntry(n: number): Seed {
  const fn = pick(FUNCTIONS);
  const caller = pick(FUNCTIONS);
  const t = pick(TYPES);
  const title = `${t.title} ${fn.name}`;
  const signatures: SignatureRule[] = [
    { kind: "title", value: title, weight: 0.5 },
    { kind: "guilty-frame", value: fn.name, weight: 0.35 },
  ];
  if (rand() < 0.7) signatures.push({ kind: "frames", values: [fn.name, caller.name], weight: 0.3 });
  if (rand() < 0.5) signatures.push({ kind: "source-file", value: fn.file, weight: 0.2 });
  let message: string | undefined;
  if (rand() < 0.3) {
    message = `${fn.name}: invalid ${pick(NOUNS).slice(1) || "state"} ${int(1, 999)}`;
    signatures.push({ kind: "message", pattern: `${fn.name}: invalid \\w+ \\d+`, weight: 0.3 });
  }
  const mainlineMinor = int(0, 18);
  const mainline = mainlineMinor <= 12 ? `6.${mainlineMinor}` : `5.${mainlineMinor}`;
  const input: KbEntryInput = {
    id: `CVE-${2021 + (n % 6)}-${String(10000 + n).padStart(5, "0")}`,
    title: `${fn.name}: fix ${pick(VERBS)} ${pick(["race", "leak", "overflow", "NULL dereference", "use-after-free"])}`,
    summary: "Synthetic imported CVE record.",
    component: "kernel",
    origin: "imported",
    signatures,
    programFiles: [fn.file],
    fixes: [
      {
        commit: (n * 2654435761).toString(16).padStart(12, "0").slice(0, 12),
        title: "synthetic fix",
        mainline,
        branches: [
          { branch: "6.6", fixed: `6.6.${int(1, 120)}` },
          { branch: "6.1", fixed: `6.1.${int(1, 160)}` },
          { branch: "5.15", fixed: `5.15.${int(1, 200)}` },
          ...(rand() < 0.3 ? [{ branch: "5.10", introduced: `5.10.${int(1, 100)}` }] : []),
        ],
      },
    ],
  };
  return { entry: kbEntrySchema.parse(input), fn, caller, kind: t.kind, title, message };
}

function curatedEntry(n: number): Seed {
  const fn = pick(FUNCTIONS);
  const caller = pick(FUNCTIONS);
  const t = pick(TYPES);
  const title = `${t.title} ${fn.name}`;
  const prefix = `${t.title} ${fn.name.slice(0, Math.max(4, fn.name.indexOf("_") + 1))}`;
  const input: KbEntryInput = {
    id: `curated-${n}`,
    title: `Curated problem ${n}`,
    summary: "Synthetic curated entry.",
    component: "kernel",
    origin: "builtin",
    signatures: [
      { kind: "title-prefix", value: prefix, weight: 0.3 },
      { kind: "kind", value: t.kind, weight: 0.1 },
      { kind: "frames", values: [fn.name, caller.name], weight: 0.5 },
      { kind: "message", pattern: `${fn.file.replace(/\./g, "\\.")}:\\d+`, weight: 0.3 },
      { kind: "kernel", pattern: "\\.el[789]", weight: 0.1 },
    ],
    related: [`curated-${(n + 1) % 300}`],
  };
  return { entry: kbEntrySchema.parse(input), fn, caller, kind: t.kind, title, message: `kernel BUG at ${fn.file}:${int(100, 5000)}!` };
}

function frameList(names: string[]): Frame[] {
  return names.map((n) => ({ function: n, reliable: rand() > 0.1 }));
}

function findingFrom(seed: Seed | undefined, i: number): Finding {
  const fn = seed?.fn ?? pick(FUNCTIONS);
  const caller = seed?.caller ?? pick(FUNCTIONS);
  const t = seed ? { title: seed.title, kind: seed.kind } : (() => { const x = pick(TYPES); return { title: `${x.title} ${fn.name}`, kind: x.kind }; })();
  const stack = [fn.name, ...Array.from({ length: int(0, 3) }, () => pick(FUNCTIONS).name), caller.name, ...Array.from({ length: int(3, 12) }, () => pick(GENERIC_FRAMES))];
  const report = [t.title, ...(seed?.message ? [seed.message] : []), ...Array.from({ length: int(20, 60) }, () => pick(TEXT)), ...stack.map((s) => ` ${s}+0x${int(16, 4095).toString(16)}/0x${int(4096, 8192).toString(16)}`)];
  return {
    id: `f${i}`,
    kind: t.kind,
    title: t.title,
    altTitles: [],
    headline: report[0],
    guiltyFrame: fn.name,
    sourceFile: rand() < 0.5 ? fn.file : undefined,
    frames: frameList(stack),
    corrupted: false,
    panicked: false,
    kernelRelease: pick(["6.1.1-1.el9.elrepo.x86_64", "5.15.0-91-generic", "3.10.0-1160.el7.x86_64", "6.6.30", "5.10.0-28-amd64"]),
    source: { file: "bench.log", line: i },
    report,
    signature: `sig${i}`,
    matches: [],
  };
}

/** A full GC before heap readings, without needing `node --expose-gc` on the npm script. */
function collectGarbage(): void {
  setFlagsFromString("--expose_gc");
  (runInNewContext("gc") as () => void)();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const tGen = performance.now();
  const curatedCount = Math.min(300, Math.floor(ENTRY_COUNT / 50));
  const seeds: Seed[] = [];
  for (let n = 0; n < curatedCount; n++) seeds.push(curatedEntry(n));
  for (let n = 0; n < ENTRY_COUNT - curatedCount; n++) seeds.push(importedEntry(n));
  const findings: Finding[] = [];
  const expected: (string | undefined)[] = [];
  for (let i = 0; i < FINDING_COUNT; i++) {
    const seed = rand() < 0.6 ? pick(seeds) : undefined;
    findings.push(findingFrom(seed, i));
    expected.push(seed?.entry.id);
  }
  const genMs = performance.now() - tGen;

  const entries = seeds.map((s) => s.entry);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = buildKbIndex(entries);
  const buildMs = performance.now() - t0;
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;

  const kernels = new Map<string, ReturnType<typeof parseKernelRelease>>();
  for (const kr of new Set(findings.map((f) => f.kernelRelease!))) kernels.set(kr, parseKernelRelease(kr));
  // Warm-up: let the JIT compile the hot paths before timing (a long-running server is always warm).
  for (const f of findings.slice(0, 300)) matchFinding(f, index, { kernel: kernels.get(f.kernelRelease!) });
  const times: number[] = [];
  /** CPU time per finding: on a shared machine wall time also counts other processes' slices. */
  const cpuTimes: number[] = [];
  let hits = 0;
  let derived = 0;
  let matched = 0;
  let candidates = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const c = process.cpuUsage();
    const s = performance.now();
    const matches = matchFinding(f, index, { kernel: kernels.get(f.kernelRelease!) });
    times.push(performance.now() - s);
    const dc = process.cpuUsage(c);
    cpuTimes.push((dc.user + dc.system) / 1000);
    candidates += matches.length;
    if (matches.length > 0) matched++;
    if (expected[i]) {
      derived++;
      if (matches.some((m) => m.kbId === expected[i] && !m.related)) hits++;
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const cpuP50 = percentile(cpuTimes, 50);
  const cpuP99 = percentile(cpuTimes, 99);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;

  console.log(`KB matcher bench (seed ${SEED})`);
  console.log(`  entries:            ${index.entries.length} (${curatedCount} curated, ${index.entries.length - curatedCount} imported)`);
  console.log(`  findings:           ${findings.length} (${derived} derived from an entry)`);
  console.log(`  generation:         ${genMs.toFixed(0)} ms (includes zod validation of every entry)`);
  console.log(`  index build:        ${buildMs.toFixed(0)} ms (${index.byToken.size} message keys, ${index.unreachable.length} unreachable entries)`);
  console.log(`  index heap:         ${mb(heapAfter - heapBefore)} on top of the entries; process RSS ${mb(process.memoryUsage().rss)}`);
  console.log(`  per finding (wall): p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
  console.log(`  per finding (CPU):  p50 ${cpuP50.toFixed(3)} ms, p99 ${cpuP99.toFixed(3)} ms (µs resolution)`);
  console.log(`  load average:       ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} CPUs`);
  console.log(`  findings matched:   ${matched}/${findings.length}; source entry among matches for ${hits}/${derived} derived findings`);
  console.log(`  matches returned:   ${(candidates / findings.length).toFixed(2)} per finding`);
  // Judged on CPU time: wall time on a loaded shared machine measures the neighbours, not the matcher.
  console.log(`  goal ≤ 2 ms/finding (CPU p99): ${cpuP99 <= 2 ? "met" : "NOT met"}${p99 > 2 ? " (wall p99 above 2 ms: machine under load?)" : ""}`);
  if (cpuP99 > 2) process.exitCode = 1;
}

main();
