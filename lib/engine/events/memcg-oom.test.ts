/**
 * The pre-4.19 memory cgroup OOM prints `Task in <cgroup> killed as a result of limit of <cgroup>` before it picks
 * a victim: one finding whether or not the kill line made it into the log, and the kill line is that finding.
 */
import { describe, expect, it } from "vitest";
import { triage } from "../triage";
import { input } from "../triage-test-helpers";

const HEAD = [
  "[5193605.500000] cp invoked oom-killer: gfp_mask=0x14000c0(GFP_KERNEL), nodemask=(null),  order=0, oom_score_adj=-998",
  "[5193605.500001] CPU: 2 PID: 4289 Comm: cp Not tainted 4.13.0-36-generic #40-Ubuntu",
  "[5193605.506728] Task in /kubepods/pod951f/0249 killed as a result of limit of /kubepods/pod951f/0249",
  "[5193605.506735] memory: usage 524288kB, limit 524288kB, failcnt 0",
  "[5193605.506739] Memory cgroup stats for /kubepods/pod951f/0249: cache:507172KB rss:448KB",
];
const KILL = "[5193605.506956] Memory cgroup out of memory: Kill process 62685 (bash) score 0 or sacrifice child";

describe("memory cgroup OOM, old wording", () => {
  it("is one memcg OOM finding when the paste stops before the kill line, with the release of its task line", async () => {
    const oom = (await triage([input("cut.log", HEAD)])).findings.filter((f) => f.kind === "oom");
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({ title: "OOM: memory cgroup out of memory", kernelRelease: "4.13.0-36-generic" });
  });

  it("is one finding, the kill line's, when the kill line follows", async () => {
    const oom = (await triage([input("whole.log", [...HEAD, KILL])])).findings.filter((f) => f.kind === "oom");
    expect(oom).toHaveLength(1);
    expect(oom[0].source.line).toBe(HEAD.length + 1);
  });
});
