/** Repeated one-line events are folded while streaming (events/event-folds.ts): per host, boot and fold key. */
import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "./ingest/read-lines";
import { scanInput } from "./scan/scan-input";
import { triage } from "./triage";
import { input } from "./triage-test-helpers";

const stamp = (i: number) => `Aug 16 ${String(10 + Math.floor(i / 3600)).padStart(2, "0")}:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
const CONNTRACK = "kernel: nf_conntrack: nf_conntrack: table full, dropping packet";
const ioError = (sector: number) => `kernel: blk_update_request: I/O error, dev sdb, sector ${sector} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`;

/** A busy node: `events` problem lines of two hosts among noise, every fourth line. */
function busyLog(events: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < events * 4; i++) {
    const t = stamp(i);
    if (i % 8 === 0) lines.push(`${t} n1 ${CONNTRACK}`);
    else if (i % 8 === 4) lines.push(`${t} n2 ${ioError(1000 + i)}`);
    else lines.push(`${t} n${1 + (i % 2)} kubelet[12]: I0816 probe ok pod=web-${i}`);
  }
  return lines;
}

describe("event folding while streaming", () => {
  it("counts repeats without parsing the lines around them", async () => {
    const lines = busyLog(2000);
    const scan = await scanInput(input("busy.log", lines), emptyIngestStats(), { fileIndex: 0 });
    expect(scan.eventRuns.map((r) => [r.first.line.host, r.foldKey, r.count])).toEqual([
      ["n1", "conntrack-table-full|nf_conntrack: table full, dropping packet", 1000],
      ["n2", "io-error|io:sdb", 1000],
    ]);
    // Only the windows of the two first occurrences (context before, quiet lines after) and the event lines
    // themselves are parsed: not the 6,000 noise lines.
    const parsed = [...scan.formats.values()].reduce((a, b) => a + b, 0);
    expect(parsed).toBeLessThan(2000 + 2 * 120);
  });

  it("folds a repeated line a report class reads too when the findings keep the event (unregister_netdevice)", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(i % 10 === 0 ? `${stamp(i)} n1 kernel: unregister_netdevice: waiting for eth0 to become free. Usage count = ${1 + (i % 7)}` : `${stamp(i)} n1 kernel: device veth${i} entered promiscuous mode`);
    }
    const scan = await scanInput(input("netdev.log", lines), emptyIngestStats(), { fileIndex: 0 });
    expect(scan.eventRuns.map((r) => r.count)).toEqual([300]);
    expect([...scan.formats.values()].reduce((a, b) => a + b, 0)).toBeLessThan(300 + 120);
    const incident = await triage([input("netdev.log", lines)]);
    expect(incident.findings.map((f) => [f.kind, f.repeats, f.details])).toEqual([["netdev-refcount", 300, { device: "eth0", usageCount: 7 }]]);
  });

  it("gives the finding its first and last occurrence, the count and the first 20 texts", async () => {
    const lines = busyLog(2000);
    const incident = await triage([input("busy.log", lines)]);
    const conntrack = incident.findings.find((f) => f.kind === "conntrack-full")!;
    expect(conntrack.repeats).toBe(1000);
    expect(conntrack.source.line).toBe(1);
    expect(conntrack.lastSource?.line).toBe(7993);
    expect(conntrack.lastTime?.slice(5)).toBe("08-16T12:13:12.000Z");
    expect(conntrack.report).toHaveLength(20);
    const io = incident.findings.find((f) => f.kind === "io-error")!;
    expect(io).toMatchObject({ repeats: 1000, host: "n2", details: { device: "sdb" } });
    // One timeline marker per folded problem, not one per line.
    expect(incident.events.filter((e) => e.kind === "problem")).toHaveLength(2);
  });

  it("never folds across a boot of the host", async () => {
    const before = Array.from({ length: 50 }, (_, i) => `${stamp(i)} n1 ${CONNTRACK}`);
    const banner = `${stamp(60)} n1 kernel: Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)`;
    const filler = Array.from({ length: 100 }, (_, i) => `${stamp(61 + i)} n1 systemd[1]: Started unit ${i}.`);
    const after = Array.from({ length: 30 }, (_, i) => `${stamp(200 + i)} n1 ${CONNTRACK}`);
    const incident = await triage([input("reboot.log", [...before, banner, ...filler, ...after])]);
    const found = incident.findings.filter((f) => f.kind === "conntrack-full").map((f) => [f.repeats, f.bootId, f.kernelRelease]);
    expect(found).toEqual([
      [50, undefined, "6.1.0-13-amd64"],
      [30, "b1", "6.1.0-13-amd64"],
    ]);
  });

  it("folds the same problem across the rotated files of one node", async () => {
    const files = [0, 1, 2].map((k) => input(`messages-${k}`, busyLog(400)));
    const incident = await triage(files);
    const conntrack = incident.findings.filter((f) => f.kind === "conntrack-full");
    expect(conntrack).toHaveLength(1);
    expect(conntrack[0].repeats).toBe(600);
    expect(conntrack[0].source.file).toBe("messages-0");
    expect(conntrack[0].lastSource?.file).toBe("messages-2");
    expect(incident.findings.filter((f) => f.kind === "io-error")).toHaveLength(1);
  });

  it("gives the newer rotated file's lines the boot whose banner is in the older one", async () => {
    // `messages.1` holds the reboot, `messages` goes on in that boot: its repeats are the same boot's run, not the
    // run from before the reboot (which the banner-less file would otherwise join as "no boot seen").
    const at = (i: number) => `Aug 16 10:${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
    const conntrack = (i: number) => `${at(i)} n1 ${CONNTRACK}`;
    const older = [conntrack(1), conntrack(2), `${at(3)} n1 kernel: Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP`, ...Array.from({ length: 20 }, (_, i) => conntrack(10 + i))];
    const newer = Array.from({ length: 20 }, (_, i) => conntrack(100 + i));
    const incident = await triage([input("messages.1", older), input("messages", newer)]);
    const found = incident.findings.filter((f) => f.kind === "conntrack-full");
    expect(found.map((f) => [f.repeats, f.bootId, f.source.file, f.lastSource?.file])).toEqual([
      [2, undefined, "messages.1", "messages.1"],
      [40, "b1", "messages.1", "messages"],
    ]);
    // A line dated before the banner stays outside it, in whichever file it is.
    const earlier = await triage([input("messages.1", older), input("messages.2", [conntrack(0)])]);
    expect(earlier.findings.filter((f) => f.kind === "conntrack-full").map((f) => [f.repeats, f.bootId])).toEqual([
      [3, undefined],
      [20, "b1"],
    ]);
  });

  it("folds the rotated files of an archive that names its host without opening a window per file", async () => {
    // An archive's members carry its host for the lines that name none (expand-inputs.ts); the lines here name theirs.
    // The later files' occurrences continue the first file's runs: only its first occurrence has a window (the user-space
    // lines around it on the timeline), as when the same files come without a host.
    const named = [0, 1, 2].map((k) => ({ ...input(`messages-${k}`, busyLog(400)), host: "sos-node7" }));
    const incident = await triage(named);
    expect(incident.findings.filter((f) => f.kind === "conntrack-full").map((f) => [f.host, f.repeats])).toEqual([["n1", 600]]);
    const contextFiles = new Set(incident.events.filter((e) => e.kind === "agent").map((e) => e.source.file));
    expect([...contextFiles]).toEqual(["messages-0"]);

    // Host-less lines (a dmesg in each member) are the archive host's: their runs continue across the members too.
    const dmesg = (k: number) => Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `[${k * 1000 + i}.000000] nf_conntrack: nf_conntrack: table full, dropping packet` : `[${k * 1000 + i}.000000] eth0: renamed from veth${i}`));
    const bare = await triage([0, 1, 2].map((k) => ({ ...input(`dmesg-${k}`, dmesg(k)), host: "sos-node7" })));
    expect(bare.findings.filter((f) => f.kind === "conntrack-full").map((f) => [f.host, f.repeats, f.source.file])).toEqual([["sos-node7", 300, "dmesg-0"]]);
  });

  it("folds an occurrence pasted without the syslog prefix into the one host's finding, which takes its release", async () => {
    const syslog = [1, 2, 3].map((i) => `Mar 18 14:39:1${i} node1 kernel: swapper: page allocation failure. order:1, mode:0x20`);
    const bare = ["    kernel: swapper: page allocation failure. order:1, mode:0x20", "    kernel: Pid: 0, comm: swapper Not tainted 2.6.32-358.2.1.el6.x86_64 #1"];
    const found = (await triage([input("paste.log", [...syslog, ...bare])])).findings.filter((f) => f.kind === "page-alloc-failure");
    expect(found.map((f) => [f.host, f.repeats, f.kernelRelease])).toEqual([["node1", 4, "2.6.32-358.2.1.el6.x86_64"]]);
  });

  it("keeps the unprefixed occurrence apart when the input names two hosts", async () => {
    const syslog = ["node1", "node2"].map((h) => `Mar 18 14:39:11 ${h} kernel: swapper: page allocation failure. order:1, mode:0x20`);
    const bare = ["    kernel: swapper: page allocation failure. order:1, mode:0x20", "    kernel: Pid: 0, comm: swapper Not tainted 2.6.32-358.2.1.el6.x86_64 #1"];
    const found = (await triage([input("paste.log", [...syslog, ...bare])])).findings.filter((f) => f.kind === "page-alloc-failure");
    expect(found.map((f) => [f.host, f.kernelRelease])).toEqual([["node1", undefined], ["node2", undefined], [undefined, "2.6.32-358.2.1.el6.x86_64"]]);
  });

  it("folds a repeat the same whether its line is plain ASCII or its text was cleaned or decoded", async () => {
    // A plain ASCII line is matched against the rules of the one needle its bytes hold; a line with a colour
    // sequence, a UTF-8 host or an invalid byte goes through the whole rule table: the runs must be the same.
    const variants = [
      (i: number) => `${stamp(i)} n1 ${CONNTRACK}`,
      (i: number) => `${stamp(i)} n1 kernel: \x1b[31mnf_conntrack: nf_conntrack: table full, dropping packet\x1b[0m`,
      (i: number) => `${stamp(i)} n1 kernel: nf_conntrack: nf_conntrack: table full, dropping packet \u00e9t\u00e9`,
      (i: number) => `${stamp(i)} n1 ${ioError(i)}`,
      (i: number) => `${stamp(i)} n1 kernel: Buffer I/O error on dev sdb1, logical block ${i}, async page read`,
    ];
    const lines: string[] = [];
    for (let i = 0; i < 2500; i++) {
      lines.push(variants[i % 5](i));
      if (i % 3 === 0) lines.push(`${stamp(i)} n1 kubelet[12]: I0816 probe ok pod=web-${i}`);
    }
    const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
    // Invalid UTF-8 in some conntrack lines: two bytes decoded as two U+FFFD, one character per byte.
    for (let at = bytes.indexOf(0xc3), n = 0; at !== -1 && n < 50; at = bytes.indexOf(0xc3, at + 2), n++) bytes.set([0xff, 0xfe], at);
    const scan = await scanInput({ name: "mixed.log", data: bytes }, emptyIngestStats(), { fileIndex: 0 });
    expect(scan.eventRuns.map((r) => [r.first.line.host, r.foldKey, r.count])).toEqual([
      ["n1", "conntrack-table-full|nf_conntrack: table full, dropping packet", 1500],
      ["n1", "io-error|io:sdb", 500],
      ["n1", "io-error|io:sdb1", 500],
    ]);
    const incident = await triage([{ name: "mixed.log", data: bytes }]);
    expect(incident.findings.map((f) => [f.kind, f.repeats, f.details])).toEqual([
      ["conntrack-full", 1500, {}],
      ["io-error", 500, { device: "sdb" }],
      ["io-error", 500, { device: "sdb1" }],
    ]);
  });

  it("counts a report the paste cut after its header as a repeat of the whole one with the same header line", async () => {
    const report = [
      "BUG: scheduling while atomic: swapper/1/0/0xfffffe00",
      "Modules linked in: mwifiex_sdio btmrvl_sdio",
      "[<c0014c84>] (unwind_backtrace+0x0/0x11c) from [<c048dbbc>] (__schedule_bug+0x48/0x60)",
      "[<c048dbbc>] (__schedule_bug+0x48/0x60) from [<c0493bbc>] (__schedule+0x68/0x798)",
      "[<c0493bbc>] (__schedule+0x68/0x798) from [<c000f0b0>] (cpu_idle+0x104/0x120)",
      "[<c000f0b0>] (cpu_idle+0x104/0x120) from [<80489c54>] (0x80489c54)",
    ];
    const cut = report.slice(0, 3);
    const incident = await triage([input("idle.log", [...report, ...cut])]);
    expect(incident.findings.map((f) => [f.title, f.repeats ?? 1])).toEqual([["BUG: scheduling while atomic in cpu_idle", 2]]);
    // A cut report under another header is not folded into it.
    const other = await triage([input("idle.log", [...report, "BUG: scheduling while atomic: kworker/0:1/12/0x00000002", ...cut.slice(1)])]);
    expect(other.findings.map((f) => f.repeats ?? 1)).toEqual([1, 1]);
  });

  it("counts a cut report followed at once by a whole one with the same header as one report (lkml 2006, 2.6.16 i386)", async () => {
    const lockup = (stack: boolean) => [
      "BUG: soft lockup detected on CPU#0!",
      "",
      "Pid: 0, comm:              swapper",
      "EIP: 0060:[<c0122aa4>] CPU: 0",
      "EIP is at __do_softirq+0x58/0xca",
      " EFLAGS: 00000282    Not tainted  (2.6.16.1 #10)",
      ...(stack
        ? [
            " [<c01041b6>] show_trace+0xd/0xf", " [<c0101ba2>] show_regs+0x10c/0x116", " [<c0136b2e>] softlockup_tick+0x67/0x78",
            " [<c0126174>] do_timer+0xa6/0xaa", " [<c01066e4>] timer_interrupt+0x48/0x7d", " [<c0136c7e>] handle_IRQ_event+0x26/0x51",
            " [<c0136d2e>] __do_IRQ+0x85/0xd7", " [<c01054f7>] do_IRQ+0x7b/0x8d", " [<c0103dd6>] common_interrupt+0x1a/0x20",
            " [<c0101903>] cpu_idle+0x5d/0x72", " [<c01002bb>] rest_init+0x23/0x25", " [<c04427c1>] start_kernel+0x18a/0x18c",
          ]
        : []),
    ];
    const found = async (...reports: string[][]) => (await triage([input("lockup.log", reports.flat())])).findings.map((f) => [f.title, f.repeats ?? 1]);
    expect(await found(lockup(false), lockup(true), lockup(true))).toEqual([["BUG: soft lockup in cpu_idle", 3]]);
    // another report between them: the cut one stays apart
    const oops = ["BUG: unable to handle kernel NULL pointer dereference at virtual address 00000000", "EIP is at foo_probe+0x1/0x2", "Call Trace:", " [<c0101089>] foo_init+0x5f/0x7c"];
    expect((await found(lockup(false), oops, lockup(true))).map(([, n]) => n)).toEqual([1, 1, 1]);
  });

  it("counts one RCU stall reported by two flavours' detectors, the first without the stalled CPU's stack, once (lkml 2019, arm64)", async () => {
    const bySched = [
      "[55255.673846] INFO: rcu_sched detected stalls on CPUs/tasks:",
      "[55255.679365]  0-...: (1 GPs behind) idle=74a/2/0 softirq=311527/311574 fqs=36000",
      "[55255.692949] Task dump for CPU 0:",
      "[55255.696182] swapper/0       R  running task        0     0      0 0x00000022",
      "[55255.703244] Call trace:",
      "[55255.705708] [<ffff0000080853b4>] __switch_to+0x94/0xd8",
    ];
    const selfDetected = [
      "[55282.491408] INFO: rcu_preempt self-detected stall on CPU",
      "[55282.496747]  0-...: (1 GPs behind) idle=74a/2/0 softirq=311572/311574 fqs=1676930",
      "[55282.520018] Call trace:",
      "[55282.543916] [<ffff000008126788>] rcu_dump_cpu_stacks+0x94/0xd4",
      "[55282.549752] [<ffff00000812554c>] rcu_check_callbacks+0x64c/0x958",
      "[55282.555764] [<ffff0000081296f4>] update_process_times+0x2c/0x58",
      "[55282.585305] [<ffff0000085c70e0>] arch_timer_handler_phys+0x28/0x48",
      "[55282.591497] [<ffff000008118e50>] handle_percpu_devid_irq+0x80/0x138",
      "[55282.609356] [<ffff000008080fe0>] gic_handle_irq+0x78/0x174",
      "[55282.704535] [<ffff000008082a30>] el1_irq+0xb0/0x124",
      "[55282.709418] [<ffff000008081184>] __do_softirq+0xa4/0x218",
      "[55282.714737] [<ffff0000080cf8e8>] irq_exit+0xd0/0xf0",
    ];
    const incident = await triage([input("stall.log", [...bySched, ...selfDetected])]);
    expect(incident.findings.map((f) => [f.kind, f.guiltyFrame, f.repeats ?? 1])).toEqual([["rcu-stall", "__do_softirq", 2]]);
  });
});


describe("a syslog host's reboot without a banner", () => {
  // linux-nfs (an NFS server on Google Cloud): the same nfsd hang before and "about 10 minutes after reboot", the
  // excerpt holding no banner; the dmesg uptime the syslog lines carry starts again
  const hang = (t: string, up: string, pid: number) => [
    `Jun 26 ${t} srv kernel: [${up}] INFO: task nfsd:${pid} blocked for more than 120 seconds.`,
    `Jun 26 ${t} srv kernel: [${up}]       Not tainted 5.19.0-1026-gcp #28~22.04.1-Ubuntu`,
    `Jun 26 ${t} srv kernel: [${up}] task:nfsd            state:D stack:    0 pid:  ${pid} ppid:     2 flags:0x00004000`,
    `Jun 26 ${t} srv kernel: [${up}] Call Trace:`,
    `Jun 26 ${t} srv kernel: [${up}]  <TASK>`,
    `Jun 26 ${t} srv kernel: [${up}]  __schedule+0x248/0x5d0`,
    `Jun 26 ${t} srv kernel: [${up}]  wait_for_completion+0x24/0x40`,
    `Jun 26 ${t} srv kernel: [${up}]  __flush_workqueue+0x140/0x3e0`,
    `Jun 26 ${t} srv kernel: [${up}]  nfsd4_probe_callback_sync+0x1a/0x30 [nfsd]`,
    `Jun 26 ${t} srv kernel: [${up}]  nfsd4_destroy_session+0x184/0x230 [nfsd]`,
    `Jun 26 ${t} srv kernel: [${up}]  </TASK>`,
  ];
  const noise = (t: string, up: string) => `Jun 26 ${t} srv kernel: [${up}] receive_cb_reply: Got unrecognized reply: calldir 0x1`;

  it("starts a boot where the uptime goes back", async () => {
    const log = [noise("11:34:07", "326687.684554"), ...hang("11:44:30", "327310.678539", 848), noise("12:45:13", "  373.274344"), ...hang("12:49:06", "  605.568257", 887)];
    const inc = await triage([input("messages", log)]);
    expect(inc.boots.filter((b) => b.detectedBy === "uptime-reset").map((b) => b.source.line)).toEqual([13]);
    // the second hang is in the new boot (identical crashes still fold into one finding per host: foldIdenticalReports)
    expect(inc.findings.map((f) => [f.title, f.bootId, f.repeats ?? 1])).toEqual([["INFO: task hung in nfsd4_probe_callback_sync", undefined, 2]]);
  });

  it("reads each host's uptime apart: hosts of a fleet log interleave", async () => {
    const log = [noise("11:00:00", "900000.1"), "Jun 26 11:00:01 other kernel: [   12.5] eth0: link up", noise("11:00:02", "900001.2"), "Jun 26 11:00:03 other kernel: [   13.0] eth0: link down"];
    const inc = await triage([input("fleet.log", log)]);
    expect(inc.boots.filter((b) => b.detectedBy === "uptime-reset")).toEqual([]);
  });
});
