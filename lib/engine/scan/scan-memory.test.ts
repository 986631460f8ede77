import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "../ingest/read-lines";
import { scanInput } from "./scan-input";

// V8's own view of an object's layout: a finding in dictionary mode costs ~1.6 KB, a hidden class of its own ~0.7 KB,
// and a crash storm keeps one finding per report (issue 11, peak RSS bounded by findings).
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

const SOFT_LOCKUP = (host: string, cpu: number) =>
  [
    `watchdog: BUG: soft lockup - CPU#${cpu} stuck for 22s! [kworker/u16:3:1234]`,
    "Modules linked in: xt_conntrack nf_nat nf_conntrack br_netfilter overlay ext4 mbcache jbd2",
    "CPU: 5 PID: 1234 Comm: kworker/u16:3 Not tainted 5.15.0-91-generic #101-Ubuntu",
    "Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.15.0-1 04/01/2014",
    "RIP: 0010:native_queued_spin_lock_slowpath+0x1c6/0x2a0",
    "Call Trace:",
    " <TASK>",
    " _raw_spin_lock+0x22/0x30",
    " nf_conntrack_tuple_taken+0x9c/0x210 [nf_conntrack]",
    " nf_hook_slow+0x44/0xc0",
    " </TASK>",
  ].map((l) => `Aug 13 15:59:23 ${host} kernel: ${l}`);
const HUNG_TASK = (host: string, pid: number) =>
  [
    `INFO: task jbd2/sda1-8:${pid} blocked for more than 120 seconds.`,
    "      Not tainted 5.15.0-91-generic #101-Ubuntu",
    "task:jbd2/sda1-8     state:D stack:    0 pid:  412 ppid:     2 flags:0x00004000",
    "Call Trace:",
    " <TASK>",
    " __schedule+0x2cd/0x890",
    " io_schedule+0x46/0x80",
    " jbd2_journal_commit_transaction+0x2a6/0x1a40 [jbd2]",
    " </TASK>",
  ].map((l) => `Aug 13 15:59:23 ${host} kernel: ${l}`);

describe("a crash storm's findings", () => {
  it("are fast objects, and its repeats share a few hidden classes", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      const host = `w0${i % 3}`;
      lines.push(...(i % 2 ? SOFT_LOCKUP(host, i % 8) : HUNG_TASK(host, 400 + i)));
      lines.push(`Aug 13 15:59:24 ${host} systemd[1]: Started Session ${i} of User root.`);
    }
    const scan = await scanInput({ name: "storm.log", data: new TextEncoder().encode(lines.join("\n") + "\n") }, emptyIngestStats(), { fileIndex: 0 });
    const repeats = scan.reports.filter((f) => f.report.length === 0);
    // Two kinds on three hosts: six firsts, every other report a repeat.
    expect(scan.reports).toHaveLength(300);
    expect(repeats).toHaveLength(294);
    expect(scan.reports.filter((f) => !hasFastProperties(f))).toHaveLength(0);
    const classes: object[] = [];
    for (const f of repeats) if (!classes.some((c) => haveSameMap(c, f))) classes.push(f);
    expect(classes.length).toBeLessThanOrEqual(4);
  });
});
