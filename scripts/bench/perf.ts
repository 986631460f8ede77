/**
 * npm run bench:perf [-- --mb 256] [--profile busy,storm] [--runs 3] [--no-kb] — for each log profile of perf-profiles.ts
 * (quiet, busy node, crash storm, one long line, many files), measures in the same run on the same bytes:
 *   - GNU grep -cE over the crash and event headers (the reference: reading bytes and matching literals);
 *   - the CLI as a user runs it, start-up included: `./bin/oopscope triage --json FILE…` (with the knowledge base; run
 *     through its `#!` line, as a user's `oopscope`: a triage of ≥ 16 MB relaunches itself with the young generation
 *     cap, so its peak RSS is the larger of the two processes');
 * and prints wall time, the ratio, CPU time and peak RSS. Each reader's fastest of `--runs` alternating runs counts
 * (a shared machine only ever slows a run down); peak RSS is the largest seen. It also times CLI start-up on a
 * tiny log (median of `--startup-runs`). `--no-kb` triages without the knowledge base: the engine's own cost, without
 * reading the built-in entries or the database and matching (~0.1 s of CPU and ~5–15 MB per run with findings).
 * Targets (issue 11): every profile ≤ 3× grep's wall time (goal 2×); peak RSS ≤ 150 MB at 256 MB, ≤ 300 MB at 1 GB;
 * start-up ≤ 150 ms.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureProfile, PROFILES, type ProfileName } from "./perf-profiles";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "256" },
    out: { type: "string", default: "bench-out" },
    profile: { type: "string", default: PROFILES.join(",") },
    runs: { type: "string", default: "3" },
    "startup-runs": { type: "string", default: "15" },
    keep: { type: "boolean" },
    "no-kb": { type: "boolean" },
  },
});
const mb = Number(values.mb);
const dir = path.resolve(values.out!);
mkdirSync(dir, { recursive: true });
const runs = Math.max(1, Number(values.runs));
const BIN = path.resolve("bin", "oopscope");
const HEADERS = "kernel BUG at|BUG: |WARNING: |INFO: task|general protection fault|Kernel panic|soft lockup|unregister_netdevice|table full, dropping packet|I/O error";

type Run = { ms: number; stdout: string; stderr: string; maxRssKb: number; cpuMs: number };

/** Wall time, peak RSS and CPU time (user + system) of one command, via GNU time. */
function time(cmd: string, args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS=%M CPU=%U+%S", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /MAXRSS=(\d+)/.exec(r.stderr ?? "");
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? "");
  if (r.status !== 0 && !(cmd === "grep" && r.status === 1)) throw new Error(`${cmd} ${args.slice(0, 3).join(" ")} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr ?? "", maxRssKb: rss ? Number(rss[1]) : 0, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : 0 };
}

const fastest = (rs: Run[]) => rs.reduce((a, b) => (b.ms < a.ms ? b : a));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

type Row = { profile: string; mb: number; grep: Run; cli: Run; rssMb: number; findings: number; lines: number };
const rows: Row[] = [];
/** Which knowledge base the CLI matched with (an up-to-date database, else the built-in entries), said once. */
let kbSource: string | undefined;

// A first CLI call (bundles the CLI when a source changed): not part of any measurement.
const tiny = path.join(dir, "perf-tiny.log");
writeFileSync(tiny, "Aug 13 15:58:01 w01 kernel: device veth1 entered promiscuous mode\n");
time(BIN, ["triage", "--json", tiny]);

for (const profile of values.profile!.split(",") as ProfileName[]) {
  if (!PROFILES.includes(profile)) throw new Error(`unknown profile ${profile} (known: ${PROFILES.join(", ")})`);
  const files = await ensureProfile(profile, dir, mb);
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  // Warm the page cache so both readers see the same conditions.
  time("wc", ["-l", ...files]);
  const greps: Run[] = [];
  const clis: Run[] = [];
  for (let i = 0; i < runs; i++) {
    greps.push(time("grep", ["-cE", HEADERS, ...files]));
    clis.push(time(BIN, ["triage", "--json", ...(values["no-kb"] ? ["--no-kb"] : []), ...files]));
  }
  const cli = fastest(clis);
  kbSource ??= /oopscope: matched with (.*)/.exec(cli.stderr)?.[1];
  const incident = JSON.parse(cli.stdout) as { findings: unknown[]; stats: { lines: number } };
  rows.push({
    profile,
    mb: bytes / 1024 / 1024,
    grep: fastest(greps),
    cli,
    rssMb: Math.max(...clis.map((r) => r.maxRssKb)) / 1024,
    findings: incident.findings.length,
    lines: incident.stats.lines,
  });
  const row = rows[rows.length - 1];
  console.log(
    `${profile.padEnd(10)} ${row.mb.toFixed(0).padStart(5)} MB  grep ${fmtMs(row.grep.ms).padStart(8)}  oopscope ${fmtMs(cli.ms).padStart(8)}` +
      `  ${(cli.ms / row.grep.ms).toFixed(1).padStart(5)}× wall (CPU ${fmtMs(cli.cpuMs)} vs ${fmtMs(row.grep.cpuMs)})` +
      `  peak RSS ${row.rssMb.toFixed(0)} MB  ${row.lines} lines, ${row.findings} findings` +
      (runs > 1 ? `  [runs: ${clis.map((r) => fmtMs(r.ms)).join(", ")}]` : ""),
  );
  if (!values.keep && mb > 256) rmSync(files.length > 1 ? path.dirname(files[0]) : files[0], { recursive: true, force: true });
}

/** Median wall and CPU time of `--startup-runs` runs (CPU time: what start-up costs when other work shares the CPUs). */
function startup(cmd: string, args: string[]): string {
  const rs = Array.from({ length: Math.max(1, Number(values["startup-runs"])) }, () => time(cmd, args));
  return `median ${fmtMs(median(rs.map((r) => r.ms)))} wall (min ${fmtMs(Math.min(...rs.map((r) => r.ms)))}), ${fmtMs(median(rs.map((r) => r.cpuMs)))} CPU, ${rs.length} runs`;
}
console.log(`CLI start-up on a one-line log: ${startup(BIN, ["triage", "--json", tiny])}; target ≤ 150 ms`);
console.log(`  without the knowledge base (--no-kb): ${startup(BIN, ["triage", "--json", "--no-kb", tiny])}`);
console.log(`  node itself (node -e 0): ${startup(process.execPath, ["-e", "0"])}`);
if (kbSource) console.log(`knowledge base: ${kbSource}`);
console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} CPUs (wall-time ratios need a quiet machine)`);
console.log("targets: ≤ 3× grep wall time per profile (goal 2×); peak RSS ≤ 150 MB at 256 MB, ≤ 300 MB at 1 GB");
