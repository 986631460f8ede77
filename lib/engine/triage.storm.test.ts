/** Crash storms: a repeated report keeps only its occurrence from the scanner on (report/repeated-reports.ts). */
import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "./ingest/read-lines";
import { scanInput } from "./scan/scan-input";
import { triage } from "./triage";
import { input } from "./triage-test-helpers";

const stamp = (i: number) => `Aug 16 ${String(10 + Math.floor(i / 3600)).padStart(2, "0")}:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;

const softLockup = (cpu: number) => [
  `kernel: watchdog: BUG: soft lockup - CPU#${cpu} stuck for 22s! [kworker/u16:3:1234]`,
  "kernel: Modules linked in: xt_conntrack nf_nat nf_conntrack",
  "kernel: CPU: 5 PID: 1234 Comm: kworker/u16:3 Not tainted 5.15.0-91-generic #101-Ubuntu",
  "kernel: RIP: 0010:native_queued_spin_lock_slowpath+0x1c6/0x2a0",
  "kernel: Call Trace:",
  "kernel:  <TASK>",
  "kernel:  _raw_spin_lock+0x22/0x30",
  "kernel:  nf_conntrack_tuple_taken+0x9c/0x210 [nf_conntrack]",
  "kernel:  nf_nat_inet_fn+0x1b8/0x2d0 [nf_nat]",
  "kernel:  </TASK>",
];
const BANNER = "kernel: Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc 11.4.0) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023";

/** `reports` soft lockups of host n1 (each its own window: more quiet lines between them than a window waits for). */
function stormLog(reports: number, bootBefore?: number): string[] {
  const lines: string[] = [];
  let i = 0;
  for (let q = 0; q < 5; q++) lines.push(`${stamp(i++)} n1 systemd[1]: Started Session ${i} of User root.`);
  for (let r = 0; r < reports; r++) {
    if (r === bootBefore) lines.push(`${stamp(i++)} n1 ${BANNER}`);
    for (const l of softLockup(r)) lines.push(`${stamp(i++)} n1 ${l}`);
    for (let q = 0; q < 100; q++) lines.push(`${stamp(i++)} n1 systemd[1]: Started Session ${i} of User root.`);
  }
  return lines;
}

describe("crash storms", () => {
  it("keeps the first report whole and of each repeat only its occurrence", async () => {
    const scan = await scanInput(input("storm.log", stormLog(50)), emptyIngestStats(), { fileIndex: 0 });
    expect(scan.reports).toHaveLength(50);
    expect(scan.reports[0].report.length).toBeGreaterThan(5);
    expect(scan.reports[0].context?.length).toBeGreaterThan(0);
    const repeats = scan.reports.slice(1);
    expect(repeats.filter((f) => f.report.length === 0 && f.frames.length === 0 && f.context === undefined)).toHaveLength(49);
    expect(new Set(repeats.map((f) => f.title))).toEqual(new Set([scan.reports[0].title]));
  });

  it("reports the storm as one finding with every occurrence on the timeline", async () => {
    const lines = stormLog(50);
    const incident = await triage([input("storm.log", lines)]);
    expect(incident.findings).toHaveLength(1);
    const f = incident.findings[0];
    expect(f).toMatchObject({ kind: "soft-lockup", title: "BUG: soft lockup in nf_conntrack_tuple_taken", repeats: 50, kernelRelease: "5.15.0-91-generic" });
    expect(f.frames.map((x) => x.function)).toEqual(["_raw_spin_lock", "nf_conntrack_tuple_taken", "nf_nat_inet_fn"]);
    expect(f.lastSource?.line).toBe(5 + 49 * 110 + 1);
    const markers = incident.events.filter((e) => e.kind === "crash");
    expect(markers).toHaveLength(50);
    expect(markers[49].text).toBe("watchdog: BUG: soft lockup - CPU#49 stuck for 22s! [kworker/u16:3:1234]");
  });

  it("keeps whole the first report after a boot", async () => {
    const scan = await scanInput(input("storm.log", stormLog(10, 5)), emptyIngestStats(), { fileIndex: 0 });
    expect(scan.boots).toHaveLength(1);
    expect(scan.reports.map((f) => f.report.length > 0)).toEqual([true, false, false, false, false, true, false, false, false, false]);
  });
});
