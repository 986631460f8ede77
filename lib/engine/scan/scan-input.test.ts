import { describe, expect, it } from "vitest";
import { triage } from "../triage";

const enc = new TextEncoder();

describe("report windows", () => {
  it("stay open through ARM's raw stack dump, so the Backtrace after it is part of the report", async () => {
    const dump = Array.from({ length: 120 }, (_, i) => `${(0x8000 + i * 0x20).toString(16)}: e0728044 e0728018 804700dc 8046ffe8 e07280c8 00000000 e07281d8 00000000`);
    const log = [
      "Internal error: kernel stack overflow: 0 [#1] PREEMPT SMP ARM",
      "CPU: 0 PID: 29545 Comm: syz-executor.0 Not tainted 6.3.0-syzkaller #0",
      "PC is at should_fail_ex+0x4/0x1f4 lib/fault-inject.c:104",
      "Stack: (0xe0728008 to 0xe072a000)",
      ...dump,
      "Backtrace: ",
      "[<81304b4c>] (pskb_expand_head) from [<8151cf58>] (ip_tunnel_xmit+0x4e8/0xaf4 net/ipv4/ip_tunnel.c:806)",
      "[<8151ca70>] (ip_tunnel_xmit) from [<8152dae0>] (__gre_xmit+0x140/0x234 net/ipv4/ip_gre.c:469)",
    ];
    const incident = await triage([{ name: "arm.log", data: enc.encode(log.join("\n") + "\n") }]);
    expect(incident.findings[0]).toMatchObject({ guiltyFile: "net/ipv4/ip_tunnel.c" });
    expect(incident.findings[0].report.some((l) => l.includes("Backtrace"))).toBe(true);
  });

  it("open where a paste's wrap cut a needle in two, the message joined again inside", async () => {
    const noise = Array.from({ length: 40 }, (_, i) => `jan. 29 20:50:1${i % 10} kevin-workstat systemd[1]: Started Session ${i}.`);
    const aer = (s: number) => `jan. 29 20:50:${s} kevin-workstat kernel: pcieport 0000:00:1c.5: AER: Corrected error received: id=00e5`;
    // A mail client's word wrap (the space taken) and a terminal's hard wrap (mid-word), both at 80 columns.
    const wordWrap = (l: string) => [l.slice(0, l.lastIndexOf(" ", 80)), l.slice(l.lastIndexOf(" ", 80) + 1)];
    const hardWrap = (l: string) => [l.slice(0, 80), l.slice(80)];
    const wrapped = [aer(17), aer(18)];
    expect(wordWrap(wrapped[0])[0]).toMatch(/Corrected$/);
    expect(hardWrap(wrapped[0])[1]).toMatch(/^ror received/);
    for (const wrap of [wordWrap, hardWrap]) {
      const incident = await triage([{ name: "aer.log", data: enc.encode([...noise, ...wrapped.flatMap(wrap), ...noise].join("\n") + "\n") }]);
      expect(incident.findings.map((f) => f.title)).toEqual(["PCIe AER: corrected error"]);
    }
    // Cut between two prefix-less pieces of one line (kubelet's klog line in syslog, wrapped twice).
    const wrap = (l: string, width: number): string[] => {
      const at = l.length > width ? l.lastIndexOf(" ", width) : -1;
      return at > 0 ? [l.slice(0, at), ...wrap(l.slice(at + 1), width)] : [l];
    };
    const pleg = (s: number) =>
      `Oct 12 09:1${s}:33 ip-192-168-3-7 kubelet: E1012 09:1${s}:33.123456 kubelet.go:2055] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m7s ago; threshold is 3m0s"`;
    const pieces = [pleg(1), pleg(2)].flatMap((l) => wrap(l, 72));
    expect(pieces.filter((l) => l.endsWith("PLEG is not")).length).toBe(2);
    expect(pieces.findIndex((l) => l.endsWith("PLEG is not")) % 4).toBeGreaterThan(0);
    const kubelet = await triage([{ name: "kubelet.log", data: enc.encode([...noise, ...pieces, ...noise].join("\n") + "\n") }]);
    expect(kubelet.findings.map((f) => f.title)).toEqual(["kubelet: PLEG is not healthy"]);
    // A line after a prefixed one that joined to it would hold a needle (`Read of size` + `{`, a JSON object) is no
    // finding when nothing joins them: only a window opened.
    const json = ["Aug  1 00:00:00 n1 app[1]: request done path=/v1/items/30362 status=200 Read of size", '{"ts":"2024-08-13T15:58:01.123Z"}'];
    const none = await triage([{ name: "json.log", data: enc.encode([...noise, ...json].join("\n") + "\n") }]);
    expect(none.findings).toEqual([]);
  });

  it("read a doubled console's second copy of each line as a copy: one hung task, not a second one that steals its stack", async () => {
    const report = [
      "[ 4520.123457] INFO: task kworker/u16:5:2274 blocked for more than 120 seconds.",
      "[ 4520.123498]       Tainted: G        W  OE     6.2.0-34-generic #34-Ubuntu",
      '[ 4520.123512] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      "[ 4520.123530] task:kworker/u16:5   state:D stack:0     pid:2274  ppid:2      flags:0x00004000",
      "[ 4520.123541] Call Trace:",
      "[ 4520.123543]  <TASK>",
      "[ 4520.123549]  __schedule+0x2aa/0x610",
      "[ 4520.123561]  schedule+0x63/0x110",
      "[ 4520.123566]  schedule_timeout+0x157/0x170",
      "[ 4520.123578]  wait_for_completion+0x8a/0x160",
      "[ 4520.123590]  rpcrdma_xprt_disconnect+0x1f5/0x260 [rpcrdma]",
      "[ 4520.123611]  xprt_rdma_close+0x12/0x40 [rpcrdma]",
      "[ 4520.123640]  process_one_work+0x21c/0x440",
      "[ 4520.123652]  </TASK>",
    ];
    const doubled = report.flatMap((l) => [l, l]);
    const incident = await triage([{ name: "doubled.log", data: enc.encode(doubled.join("\n") + "\n") }]);
    expect(incident.findings.map((f) => f.title)).toEqual(["INFO: task hung in rpcrdma_xprt_disconnect"]);
    // A paste that overlaps itself: three lines, the hint among them, pasted again further down.
    const overlapping = [...report.slice(0, 4), ...report.slice(1, 4), ...report.slice(4)];
    const pasted = await triage([{ name: "overlap.log", data: enc.encode(overlapping.join("\n") + "\n") }]);
    expect(pasted.findings.map((f) => f.title)).toEqual(["INFO: task hung in rpcrdma_xprt_disconnect"]);
    // A coarse clock's stamps (jiffies, 10 ms) repeat for real: those lines are all counted.
    const coarse = Array.from({ length: 4 }, () => "[  259.670000] nfs: server 10.0.0.27 not responding, still trying");
    const nfs = await triage([{ name: "coarse.log", data: enc.encode(coarse.join("\n") + "\n") }]);
    expect(nfs.findings).toHaveLength(1);
    expect(nfs.findings[0].repeats).toBe(4);
  });

  it("read a one-line event a wrap cut, alone in its window (no width to tell a wrap by), with the prefixed line before", async () => {
    const noise = Array.from({ length: 40 }, (_, i) => `May  6 19:48:${10 + (i % 40)} workstation systemd[1]: Started Session ${i}.`);
    const hang = "May  6 19:48:46 workstation kernel: [   95.178723] e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:";
    const netdev = "May  6 19:49:01 workstation kernel: [  110.003112] unregister_netdevice: waiting for eth0 to become free. Usage count = 21";
    // A mail client's word wrap at 72 (the driver and its device on the line before the needle), a terminal's hard
    // wrap at 80 (inside the needle), and a word wrap that moved the rest of the message two lines on.
    const wordAt = (l: string, width: number) => [l.slice(0, l.lastIndexOf(" ", width)), l.slice(l.lastIndexOf(" ", width) + 1)];
    const cases: [string[], string][] = [
      [wordAt(hang, 72), "e1000e: Detected Hardware Unit Hang"],
      [[hang.slice(0, 80), hang.slice(80)], "e1000e: Detected Hardware Unit Hang"],
      [[netdev.slice(0, 51), ...wordAt(netdev.slice(51), 40)], "unregister_netdevice: waiting for DEV to become free"],
    ];
    for (const [lines, title] of cases) {
      const incident = await triage([{ name: "wrapped.log", data: enc.encode([...noise, ...lines, ...noise].join("\n") + "\n") }]);
      expect(incident.findings.map((f) => f.title)).toEqual([title]);
      expect(incident.findings[0].source?.line).toBe(41);
    }
  });
});
