import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import type { Finding, LogLine } from "../types";
import { classifyLine, extractReports } from "./extract-reports";
import { CLASSES, FROM_HEADER_SECTION, REPORT_PREFILTER } from "./classes";
import { canonicalVariant, isInertTail, KnownReports, perturbNumbers, reportKey, unionsOf } from "./known-reports";
import { isFoldedOccurrence } from "./repeated-reports";

const softLockup = (n: number, frames = ["_raw_spin_lock+0x22/0x30", "nf_conntrack_tuple_taken+0x9c/0x210 [nf_conntrack]", "nf_nat_inet_fn+0x1b8/0x2d0 [nf_nat]"]) => [
  `watchdog: BUG: soft lockup - CPU#${n % 8} stuck for ${22 + n}s! [kworker/u16:3:${1000 + n}]`,
  "Modules linked in: xt_conntrack nf_nat nf_conntrack br_netfilter overlay ext4 mbcache jbd2",
  `CPU: ${n % 8} PID: ${1000 + n} Comm: kworker/u16:3 Not tainted 5.15.0-91-generic #101-Ubuntu`,
  "RIP: 0010:native_queued_spin_lock_slowpath+0x1c6/0x2a0",
  `RSP: 0018:ffffc90000${String(n).padStart(6, "0")} EFLAGS: 00000246`,
  "Call Trace:",
  " <TASK>",
  ...frames.map((f) => ` ${f}`),
  " </TASK>",
];

const hungTask = (n: number) => [
  `INFO: task jbd2/sda1-8:${400 + n} blocked for more than ${120 * (1 + (n % 3))} seconds.`,
  "      Not tainted 5.15.0-91-generic #101-Ubuntu",
  '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
  `task:jbd2/sda1-8     state:D stack:    0 pid:  ${400 + n} ppid:     2 flags:0x00004000`,
  "Call Trace:",
  " <TASK>",
  " __schedule+0x2cd/0x890",
  " schedule+0x69/0x110",
  " io_schedule+0x46/0x80",
  " jbd2_journal_commit_transaction+0x2a6/0x1a40 [jbd2]",
  " kjournald2+0xb6/0x280 [jbd2]",
  " </TASK>",
];

/** Ordinary kernel lines of the same host between two reports (the span of a report runs to the next header). */
const noise = (n: number) => Array.from({ length: n % 5 }, (_, k) => (k % 2 ? `device veth${n * 7 + k} entered promiscuous mode` : `IPv6: ADDRCONF(NETDEV_CHANGE): cali${n + k}: link becomes ready`));

function kernelLines(texts: string[]): LogLine[] {
  const ctx = createLineContext(0, 2024, 7, 0);
  return texts.map((t, i) => parseLine(`Aug 16 10:00:${String(i % 60).padStart(2, "0")} n1 kernel: ${t}`, i + 1, ctx));
}

/** The same log read with and without report keys: findings as JSON, and the keys' counters. */
function bothWays(texts: string[]) {
  const known = new KnownReports();
  const withKeys = extractReports(kernelLines(texts), { fileName: "storm.log", known });
  const without = extractReports(kernelLines(texts), { fileName: "storm.log" });
  return { withKeys, without, known };
}

const softLockupStorm = (reports: number) => Array.from({ length: reports }, (_, n) => [...softLockup(n), ...noise(n + 3)]).flat();

const lockupClass = classifyLine(softLockup(0)[0])!;
const hungTaskClass = classifyLine(hungTask(0)[0])!;

describe("report keys (crash storms)", () => {
  it("analyses a storm's first report per key and gives every report the findings a full analysis gives", () => {
    const texts: string[] = [];
    for (let n = 0; n < 40; n++) texts.push(...(n % 2 ? hungTask(n) : softLockup(n)), ...noise(n));
    const { withKeys, without, known } = bothWays(texts);
    expect(withKeys).toHaveLength(40);
    expect(JSON.stringify(withKeys)).toBe(JSON.stringify(without));
    // One key per report shape: a soft lockup and a hung task, each verified once; every later report is a hit.
    expect(known.verified).toBe(2);
    expect(known.hits).toBe(38);
    expect(known.refusals).toEqual([]);
    expect(new Set(withKeys.map((f) => f.title))).toEqual(new Set(["BUG: soft lockup in nf_conntrack_tuple_taken", "INFO: task hung in jbd2_journal_commit_transaction"]));
  });

  it("verifies a key only when a second report of it comes", () => {
    const other = ["_raw_spin_lock+0x22/0x30", "ext4_writepages+0x1f0/0x600", "do_writepages+0xc4/0x1e0"];
    const { withKeys, without, known } = bothWays([...softLockup(1), ...softLockup(2, other), ...hungTask(3)]);
    expect(JSON.stringify(withKeys)).toBe(JSON.stringify(without));
    expect([known.hits, known.verified, known.refusals.length]).toEqual([0, 0, 0]);
  });

  it("gives reports with other frames their own key", () => {
    const other = ["_raw_spin_lock+0x22/0x30", "ext4_writepages+0x1f0/0x600", "do_writepages+0xc4/0x1e0"];
    const texts = [...softLockup(1), ...softLockup(2, other), ...softLockup(3), ...softLockup(4, other)];
    const { withKeys, without, known } = bothWays(texts);
    expect(JSON.stringify(withKeys)).toBe(JSON.stringify(without));
    expect(withKeys.map((f) => f.title)).toEqual(["BUG: soft lockup in nf_conntrack_tuple_taken", "BUG: soft lockup in ext4_writepages", "BUG: soft lockup in nf_conntrack_tuple_taken", "BUG: soft lockup in ext4_writepages"]);
    expect(known.verified).toBe(2);
    expect(known.hits).toBe(2);
  });

  it("never hands one occurrence another's own facts (lines, release, times)", () => {
    const texts = [...softLockup(1), ...noise(3), ...softLockup(2).map((t) => t.replace("5.15.0-91-generic", "5.15.0-92-generic"))];
    const { withKeys, without, known } = bothWays(texts);
    expect(known.hits).toBe(1);
    expect(JSON.stringify(withKeys)).toBe(JSON.stringify(without));
    expect(withKeys.map((f) => f.kernelRelease)).toEqual(["5.15.0-91-generic", "5.15.0-92-generic"]);
    expect(withKeys.map((f) => f.headline)).toEqual([softLockup(1)[0], softLockup(2)[0]]);
  });

  it("refuses a key whose analysis a number or the tail changes, and analyses each of its reports in full", () => {
    // An analyser whose title names the header's first number, or counts the report's lines (a rule reading the tail).
    const byNumber = (texts: readonly string[]) => ({ kind: "bug" as const, title: `BUG at ${/\d+/.exec(texts[0])?.[0]}`, altTitles: [], frames: [], corrupted: false });
    const byLength = (texts: readonly string[]) => ({ kind: "bug" as const, title: `BUG of ${texts.length} lines`, altTitles: [], frames: [], corrupted: false });
    for (const analyse of [byNumber, byLength]) {
      const known = new KnownReports();
      const titles = [1, 2, 3].map((n) => known.analysisOf(lockupClass, [...softLockup(n), ...noise(n + 1)], analyse)?.title);
      expect(titles).toEqual([1, 2, 3].map((n) => analyse([...softLockup(n), ...noise(n + 1)]).title));
      expect(known.hits).toBe(0);
      expect(known.refusals).toHaveLength(1);
    }
  });

  it("counts a repeat the scanner folds without building it: its occurrence is the one its full report folds to", () => {
    const texts: string[] = [];
    for (let n = 0; n < 30; n++) texts.push(...(n % 2 ? hungTask(n) : softLockup(n)), ...noise(n + 3));
    const full = extractReports(kernelLines(texts), { fileName: "storm.log", known: new KnownReports() });
    const printedReports: string[][] = [];
    const folded = extractReports(kernelLines(texts), {
      fileName: "storm.log",
      known: new KnownReports(),
      foldsAway: (_occurrence, printed) => {
        printedReports.push([...printed.report]);
        return true;
      },
    });
    expect(folded).toHaveLength(full.length);
    const slim = folded.map(isFoldedOccurrence);
    // Each key's first report is analysed alone; from the second on (which verifies the key) each takes the key's analysis, and folds.
    expect(slim.filter(Boolean)).toHaveLength(28);
    // What the fold reads of a repeat, and the timeline shows of it.
    const occurrence = (f: Finding) => [f.host, f.kind, f.title, f.headline, f.time, f.uptime, f.source, f.kernelRelease, f.kernelBuild, f.panicked, f.component];
    expect(folded.map(occurrence)).toEqual(full.map(occurrence));
    expect(folded.filter((f, i) => slim[i] && (f.report.length > 0 || f.frames.length > 0))).toEqual([]);
    // The fold is decided on the report as printed, its tail included (`showsOutOfMemory` reads it).
    expect(printedReports).toEqual(full.filter((_, i) => slim[i]).map((f) => f.report));
  });

  it("builds in full a repeat the scanner would not fold, or whose release its key's lines do not name", () => {
    const texts: string[] = [];
    for (let n = 0; n < 6; n++) texts.push(...softLockup(n).map((t) => t.replace(" #101-Ubuntu", "")), ...noise(n + 3));
    const asked: number[] = [];
    const foldsAway = (f: Finding) => (asked.push(f.source.line), true);
    const noBuild = extractReports(kernelLines(texts), { fileName: "storm.log", known: new KnownReports(), foldsAway });
    expect(noBuild.some(isFoldedOccurrence)).toBe(false);
    expect(asked).toEqual([]);
    const refused = extractReports(kernelLines(softLockupStorm(6)), { fileName: "storm.log", known: new KnownReports(), foldsAway: () => false });
    expect(refused.some(isFoldedOccurrence)).toBe(false);
    expect(JSON.stringify(refused)).toBe(JSON.stringify(extractReports(kernelLines(softLockupStorm(6)), { fileName: "storm.log" })));
  });

  it("masks numbers, not names or frame offsets", () => {
    const texts = hungTask(5);
    const { key } = reportKey(hungTaskClass, texts);
    expect(key).toContain("INFO: task jbd2/sda1-#:# blocked for more than # seconds.");
    expect(key).toContain("jbd2_journal_commit_transaction+0x2a6/0x1a40 [jbd2]");
    expect(perturbNumbers("CPU#3 stuck for 22s! RSP: 0018:ffffc90000003e38 jbd2 +0x1c6/0x2a0")).toBe("CPU#61 stuck for 551s! RSP: 33411:0000da1111114f49 jbd2 +0x1c6/0x2a0");
  });

  it("drops only the tail no rule reacts to", () => {
    const texts = [...softLockup(1), "device veth12 entered promiscuous mode", "IPv6: ADDRCONF(NETDEV_CHANGE): cali3: link becomes ready"];
    const { core } = reportKey(lockupClass, texts);
    expect(texts[core]).toBe(" </TASK>");
    expect(canonicalVariant(texts, core)).toHaveLength(core + 1);
    for (const t of ["device veth12 entered promiscuous mode", "IPv6: ADDRCONF(NETDEV_CHANGE): cali3: link becomes ready", ""]) expect(isInertTail(t, lockupClass)).toBe(true);
    for (const t of [" _raw_spin_lock+0x22/0x30", "Call Trace:", " <IRQ>", "RIP: 0010:f+0x1/0x2", "BUG: unable to handle page fault", "[<ffffffff81000000>] f", "NMI backtrace for cpu 1"]) expect(isInertTail(t, lockupClass)).toBe(false);
  });

  it("tests a line against patterns joined as it would against each of them", () => {
    const lines = [...softLockup(1), ...hungTask(2), ...noise(4), "BUG: KASAN: use-after-free in f+0x1/0x2", "WARNING: CPU: 0 PID: 1 at net/core/dev.c:12 f+0x1/0x2", "INFO: rcu_sched self-detected stall on CPU", "Kernel panic - not syncing: Fatal exception", "kernel BUG at mm/slub.c:12!", "-> #1 (&foo){+.+.}:", "RCU grace-period kthread stack dump:", "the the", "ab-ab", "CALL TRACE"];
    for (const cls of CLASSES) {
      const each = new Set<RegExp>([REPORT_PREFILTER]);
      for (const f of cls.formats) {
        each.add(f.match);
        for (const section of f.stack?.sections ?? []) if (section !== FROM_HEADER_SECTION) each.add(section);
        for (const b of f.stack?.bystanders ?? []) each.add(b.from).add(b.until);
      }
      each.add(/\b(\w+) \1\b/).add(/(?<word>[a-z]+)-\k<word>/).add(/call trace/gi);
      const joined = unionsOf([...each]);
      // One union per set of flags, and the patterns a union would renumber or rename on their own.
      expect(joined).toHaveLength(4);
      for (const t of lines) expect(joined.some((re) => re.test(t)), `${cls.id}: ${t}`).toBe([...each].some((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, "")).test(t)));
    }
  });
});
