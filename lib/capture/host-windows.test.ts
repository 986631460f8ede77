import { describe, expect, it } from "vitest";
import type { CapturedLine } from "./captured-line";
import { HostWindows } from "./host-windows";

const line = (host: string, text: string): CapturedLine => ({ host, time: 0, text, program: "kernel", via: "netconsole" });
const OOPS = [
  "BUG: kernel NULL pointer dereference, address: 0000000000000010",
  "Oops: 0000 [#1] PREEMPT SMP NOPTI",
  "RIP: 0010:oopscope_read_victim+0x18/0x30 [oopscope_null]",
  "Call Trace:",
  " <TASK>",
  " do_one_initcall+0x41/0x200",
  " </TASK>",
  "---[ end trace 0000000000000000 ]---",
];
const policy = { settleMs: 2000, quietMs: 15_000, lingerMs: 120_000, updateIntervalMs: 60_000 };

describe("HostWindows", () => {
  it("opens at a report header with the ring as context, and is due once the report ended and settled", () => {
    const w = new HostWindows(policy);
    for (let i = 0; i < 50; i++) w.push(line("a", `boot line ${i}`), 0);
    OOPS.forEach((t) => w.push(line("a", t), 1000));
    expect(w.due(2999)).toEqual([]);
    const [job] = w.due(3000);
    expect(job).toMatchObject({ host: "a", reason: "complete", truncated: false });
    expect(job.lines).toHaveLength(50 + OOPS.length);
    expect(w.due(10_000)).toEqual([]);
  });

  it("triages a report cut short when its lines stop (the node reset)", () => {
    const w = new HostWindows(policy);
    OOPS.slice(0, 4).forEach((t) => w.push(line("a", t), 0));
    for (let t = 1000; t <= 14_000; t += 1000) w.push(line("a", "unrelated chatter"), t);
    expect(w.due(14_999)).toEqual([]);
    expect(w.due(15_000).map((j) => j.reason)).toEqual(["quiet"]);
  });

  it("updates the same incident when the crash continues (a panic after the Oops), one incident per crash", () => {
    const w = new HostWindows(policy);
    OOPS.forEach((t) => w.push(line("a", t), 0));
    const [first] = w.due(2000);
    w.settled(first, "inc-1");
    w.push(line("a", "Kernel panic - not syncing: Fatal exception"), 2500);
    w.push(line("a", "---[ end Kernel panic - not syncing: Fatal exception ]---"), 2501);
    const [second] = w.due(4501);
    expect(second).toMatchObject({ reason: "update", incidentId: "inc-1", windowId: first.windowId });
    expect(second.lines.length).toBe(first.lines.length + 2);
  });

  it("opens a new window for a crash after the linger, and after a reboot", () => {
    const w = new HostWindows(policy);
    OOPS.forEach((t) => w.push(line("a", t), 0));
    const [first] = w.due(2000);
    w.settled(first, "inc-1");
    w.due(200_000);
    OOPS.forEach((t) => w.push(line("a", t), 200_000));
    const [later] = w.due(202_000);
    expect(later.incidentId).toBeUndefined();
    expect(later.windowId).not.toBe(first.windowId);
  });

  it("hands a report interrupted by a reboot to triage at once and keeps the new boot out of it", () => {
    const w = new HostWindows(policy);
    OOPS.slice(0, 3).forEach((t) => w.push(line("a", t), 0));
    w.push(line("a", "Linux version 6.1.0-57-cloud-amd64 (debian-kernel@lists.debian.org)"), 100);
    w.push(line("a", "Command line: console=ttyS0"), 100);
    const [job] = w.due(101);
    expect(job.reason).toBe("quiet");
    expect(job.lines.map((l) => l.text)).toEqual(OOPS.slice(0, 3));
  });

  it("triages a repeating one-line problem event when first seen, then updates it at most once a minute", () => {
    const w = new HostWindows(policy);
    const event = "unregister_netdevice: waiting for lo to become free. Usage count = 2";
    const jobs = [];
    for (let t = 0; t <= 180_000; t += 10_000) {
      w.push(line("a", event), t);
      for (const tick of [t + 2000, t + 5000]) {
        for (const job of w.due(tick)) {
          jobs.push(job);
          w.settled(job, "inc-9");
        }
      }
    }
    expect(jobs[0]).toMatchObject({ reason: "complete" });
    expect(jobs[0].lines).toHaveLength(1);
    expect(jobs.slice(1).every((j) => j.reason === "update" && j.incidentId === "inc-9")).toBe(true);
    // 18 repeats over three minutes: the first triage plus one update a minute, not one per repeat.
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs.length).toBeLessThanOrEqual(5);
  });

  it("closes a window the engine found nothing in", () => {
    const w = new HostWindows(policy);
    w.push(line("a", "WARNING: this only looks like a header"), 0);
    const [job] = w.due(15_000);
    w.settled(job, undefined);
    expect(w.summaries()[0].openWindow).toBe(false);
  });

  it("keeps hosts apart and memory bounded", () => {
    const w = new HostWindows({ ...policy, ringLines: 100, maxHosts: 10 });
    for (let h = 0; h < 30; h++) for (let i = 0; i < 1000; i++) w.push(line(`h${h}`, `line ${i}`), h);
    expect(w.summaries()).toHaveLength(10);
    expect(w.heldLines()).toBeLessThanOrEqual(10 * 125);
    OOPS.forEach((t) => w.push(line("h29", t), 100));
    const [job] = w.due(2100);
    expect(job.host).toBe("h29");
    expect(job.lines.length).toBeLessThanOrEqual(125 + OOPS.length);
  });
});

describe("a problem that is one only when it repeats, streamed line by line", () => {
  it("a NIC link that keeps dropping becomes a finding at its third drop: the window's context holds the earlier ones", async () => {
    const { triage } = await import("../engine/triage");
    const { formatCapturedLine } = await import("./captured-line");
    const w = new HostWindows(policy);
    const findingsAt: number[] = [];
    let now = 0;
    for (let drop = 1; drop <= 3; drop++) {
      for (const text of ["igc 0000:04:00.0 eth1: NIC Link is Down", "igc 0000:04:00.0 eth1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX", "chatter"]) {
        w.push({ host: "a", time: now, text, program: "kernel", via: "syslog" }, now);
        now += 1000;
      }
      now += 10_000;
      for (const job of w.due(now)) {
        const text = job.lines.map(formatCapturedLine).join("\n") + "\n";
        const incident = await triage([{ name: "capture", data: new TextEncoder().encode(text) }]);
        if (incident.findings.length > 0) findingsAt.push(drop);
        expect(incident.findings.map((f) => f.title)).toEqual(drop < 3 ? [] : ["igc: NIC link flapping"]);
        w.settled(job, incident.findings.length > 0 ? `inc-${drop}` : undefined);
      }
    }
    expect(findingsAt).toEqual([3]);
  });
});
