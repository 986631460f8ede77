/**
 * OOM reports as pasted: cut at the top (no `invoked oom-killer` line), and telling a memory cgroup's OOM from a
 * system-wide one only by lines after the first. The finding carries those facts (`details`); the KB decides with
 * them, and a report that shows neither is never claimed as a global OOM with the strength of a known issue.
 */
import { describe, expect, it } from "vitest";
import { matchStrength } from "../match/match-strength";
import { triage } from "../triage";
import { builtinKb, input } from "../triage-test-helpers";
import { oomReportFacts } from "./problem-events";

const TASK = "[ 2672.202541] CPU: 0 PID: 5522 Comm: python Not tainted 3.10.0-514.6.1.el7.x86_64 #1";
const STACK = [
  "[ 2672.231498] Call Trace:",
  "[ 2672.234114]  [<ffffffff816862ac>] dump_stack+0x19/0x1b",
  "[ 2672.238835]  [<ffffffff81681257>] dump_header+0x8e/0x225",
  "[ 2672.243606]  [<ffffffff811842a6>] ? find_lock_task_mm+0x56/0xc0",
  "[ 2672.248578]  [<ffffffff8118475e>] oom_kill_process+0x24e/0x3c0",
];
const invoked = (cpuset: string) => [
  "[ 2672.189925] python invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=-998",
  `[ 2672.195927] python cpuset=${cpuset} mems_allowed=0`,
];
const CONTAINER = "b1cfb82028711b33d813aaa9a555122a1e90568375d3f47f8312cc61ce35776b";

async function oomFindings(lines: string[]) {
  return (await triage([input("oom.log", lines)], { kb: builtinKb() })).findings.filter((f) => f.kind === "oom");
}

describe("OOM report cut at the top", () => {
  it("is an OOM finding with the release of its task line when only the task line and the stack are left", async () => {
    const oom = await oomFindings(["[ 2672.100000] EXT4-fs (xvda9): Remounting filesystem read-only", TASK, ...STACK]);
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({ title: "OOM: out of memory", kernelRelease: "3.10.0-514.6.1.el7.x86_64", releaseSource: "report" });
  });

  it("takes the release of its task line when the paste starts there and ends at the kill line", async () => {
    const kill = "[ 2672.300000] Out of memory: Kill process 5522 (python) score 900 or sacrifice child";
    const oom = await oomFindings([TASK, ...STACK, "[ 2672.260000] Mem-Info:", kill]);
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({ kernelRelease: "3.10.0-514.6.1.el7.x86_64", details: expect.objectContaining({ memcg: false }) });
  });

  it("stays one finding when the first line is there (its own rule tells it)", async () => {
    const oom = await oomFindings([...invoked(CONTAINER), TASK, ...STACK]);
    expect(oom).toHaveLength(1);
    expect(oom[0].source.line).toBe(1);
  });

  it("is one memory cgroup OOM when only the cgroup's usage and stats lines are left", async () => {
    const usage = ["[ 2672.260000] memory: usage 524288kB, limit 524288kB, failcnt 12", "[ 2672.260001] swap: usage 0kB, limit 9007199254740988kB, failcnt 0", "[ 2672.260002] Memory cgroup stats for /kubepods/burstable/pod1:", "[ 2672.260003] anon 536870912"];
    const oom = await oomFindings(usage);
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({ title: "OOM: memory cgroup out of memory", details: expect.objectContaining({ memcg: true }) });
    expect(oom[0].matches[0].kbId).toBe("memcg-oom-kill");
  });

  it("leaves the usage line to the kill line after it", async () => {
    const kill = "[ 2672.300000] Memory cgroup out of memory: Killed process 5522 (python) total-vm:1000kB, anon-rss:500kB, file-rss:0kB, shmem-rss:0kB";
    const oom = await oomFindings(["[ 2672.260000] memory: usage 524288kB, limit 524288kB, failcnt 12", kill]);
    expect(oom).toHaveLength(1);
    expect(oom[0].source.line).toBe(2);
  });

  it("reads a vendor kernel's dump_memcg_header like dump_header: the cut report keeps its task line's release", async () => {
    const task = "[Thu Dec  7 00:29:05 2023] CPU: 32 PID: 95251 Comm: dnf Kdump: loaded Tainted: GF       W  OE K   4.19.91-24.1.al7.x86_64 #1";
    const frames = ["dump_stack+0x66/0x8b", "dump_memcg_header+0x12/0x40", "oom_kill_process+0x201/0x2f0", "out_of_memory+0x12f/0x510", "mem_cgroup_out_of_memory+0xdd/0x100"];
    // A long stack and register dump between the task line and the cgroup's lines, as the kernel prints them.
    const filler = Array.from({ length: 40 }, (_, i) => `[Thu Dec  7 00:29:06 2023]  vendor_frame_${i}+0x10/0x20`);
    const limit = "[Thu Dec  7 00:29:06 2023] Task in /infra.slice/agent.service killed as a result of limit of /infra.slice/agent.service";
    const oom = await oomFindings([task, "[Thu Dec  7 00:29:05 2023] Call Trace:", ...frames.map((f) => `[Thu Dec  7 00:29:05 2023]  ${f}`), ...filler, limit]);
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({ title: "OOM: memory cgroup out of memory", kernelRelease: "4.19.91-24.1.al7.x86_64" });
  });

  it("is no OOM finding when dump_header is deep in another report's stack", async () => {
    const deep = [TASK, "[ 2672.231498] Call Trace:", "[ 2672.234114]  printk+0xba/0xed", "[ 2672.238835]  show_mem+0x16c/0x17b", "[ 2672.238836]  dump_header+0x1ce/0x929"];
    expect(await oomFindings(deep)).toHaveLength(0);
  });
});

describe("memory cgroup or whole machine", () => {
  it("reads the constraint, the cgroup that ran out and the invoker's cgroup from the report's lines", () => {
    expect(oomReportFacts(["oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=abc,mems_allowed=0,oom_memcg=/kubepods/burstable/pod1,task_memcg=/kubepods/burstable/pod1/c1,task=java,pid=1,uid=0"])).toEqual({
      constraint: "CONSTRAINT_MEMCG",
      oomMemcg: "/kubepods/burstable/pod1",
      memcg: true,
    });
    expect(oomReportFacts(["Mem-Info:", "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=x,pid=1,uid=0"])).toEqual({
      constraint: "CONSTRAINT_NONE",
      memcg: false,
    });
    expect(oomReportFacts([`python cpuset=${CONTAINER} mems_allowed=0`])).toEqual({ invokerCpuset: CONTAINER });
  });

  it("ranks the memcg entry first, as a weak match, when a container invoked a report that shows neither", async () => {
    const [oom] = await oomFindings([...invoked(CONTAINER), TASK, ...STACK]);
    expect(oom.matches[0].kbId).toBe("memcg-oom-kill");
    expect(matchStrength(oom.matches[0])).toBe("weak");
    const global = oom.matches.find((m) => m.kbId === "global-oom-panic-on-oom");
    expect(global && matchStrength(global)).toBe("weak");
  });

  it("never claims a report that shows neither as a global OOM with a known issue's strength", async () => {
    const [oom] = await oomFindings([...invoked("/"), TASK, ...STACK]);
    expect(oom.matches.filter((m) => matchStrength(m) === "known")).toEqual([]);
  });

  it("ranks the global entry as a known issue, and the memcg entry as ruled out, when the report shows a global OOM", async () => {
    const [oom] = await oomFindings([...invoked(CONTAINER), TASK, ...STACK, "[ 2672.260000] Mem-Info:"]);
    expect(oom.matches[0].kbId).toBe("global-oom-panic-on-oom");
    expect(matchStrength(oom.matches[0])).toBe("known");
    const memcg = oom.matches.find((m) => m.kbId === "memcg-oom-kill");
    expect(memcg === undefined || matchStrength(memcg) === "related").toBe(true);
  });

  it("ranks the memcg entry as a known issue when the report shows the cgroup's limit", async () => {
    const [oom] = await oomFindings([...invoked(CONTAINER), TASK, ...STACK, "[ 2672.260000] memory: usage 524288kB, limit 524288kB, failcnt 12"]);
    expect(oom).toMatchObject({ title: "OOM: memory cgroup out of memory" });
    expect(oom.matches[0].kbId).toBe("memcg-oom-kill");
    expect(matchStrength(oom.matches[0])).toBe("known");
  });
});
