import { describe, expect, it } from "vitest";
import { triage } from "./triage";
import { builtinKb, input } from "./triage-test-helpers";

const NOW = new Date("2024-09-01T00:00:00Z");

// Seed 000 (Rocky 9.1, ELRepo 6.1.1): the BUG_ON in skb_segment, a reboot ~1 minute later.
const SKB_LOG = [
  "Aug 13 15:59:21 w01 kubelet[1432]: I0813 15:59:21.100203    1432 kubelet_getters.go:182] \"Pod status updated\"",
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 15:59:23 w01 kernel: CPU: 12 PID: 0 Comm: swapper/12 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
  "Aug 13 15:59:23 w01 kernel: Hardware name: Dell Inc. PowerEdge R740/0DY2X0, BIOS 2.12.2 07/09/2021",
  "Aug 13 15:59:23 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 15:59:23 w01 kernel: RSP: 0018:ffffb0e1c0d5c8a8 EFLAGS: 00010246",
  "Aug 13 15:59:23 w01 kernel: Call Trace:",
  "Aug 13 15:59:23 w01 kernel: <IRQ>",
  "Aug 13 15:59:23 w01 kernel: tcp_gso_segment+0x107/0x540",
  "Aug 13 15:59:23 w01 kernel: inet_gso_segment+0x15c/0x3d0",
  "Aug 13 15:59:23 w01 kernel: skb_mac_gso_segment+0xa5/0x110",
  "Aug 13 15:59:23 w01 kernel: __skb_gso_segment+0xb1/0x150",
  "Aug 13 15:59:23 w01 kernel: validate_xmit_skb+0x16c/0x330",
  "Aug 13 15:59:23 w01 kernel: __dev_queue_xmit+0x4c3/0xcc0",
  "Aug 13 15:59:23 w01 kernel: net_rx_action+0x14e/0x3b0",
  "Aug 13 15:59:23 w01 kernel: __do_softirq+0xc7/0x2a8",
  "Aug 13 15:59:23 w01 kernel: </IRQ>",
  "Aug 13 15:59:23 w01 kernel: Kernel panic - not syncing: Fatal exception in interrupt",
  "Aug 13 16:00:30 w01 kernel: Linux version 6.1.1-1.el9.elrepo.x86_64 (mockbuild@10b614fb6a184fe480a3a09c0bdfdd47) (gcc (GCC) 11.3.1 20220421 (Red Hat 11.3.1-2), GNU ld version 2.35.2-24.el9) #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022",
  "Aug 13 16:00:30 w01 kernel: Command line: BOOT_IMAGE=(hd0,msdos1)/vmlinuz-6.1.1-1.el9.elrepo.x86_64 root=/dev/mapper/rl-root ro crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M resume=/dev/mapper/rl-swap ipv6.disable=1",
  "Aug 13 16:00:30 w01 kernel: x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'",
];

describe("triage: seed 000 skb_segment BUG", () => {
  it("finds one kernel BUG in skb_segment that panicked, with release, host and the reboot", async () => {
    const inc = await triage([input("messages-20240818", SKB_LOG)], { now: NOW });
    expect(inc.findings).toHaveLength(1);
    const f = inc.findings[0];
    expect(f).toMatchObject({
      id: "f1",
      kind: "bug",
      title: "kernel BUG in skb_segment",
      guiltyFrame: "skb_segment",
      panicked: true,
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
      host: "w01",
      time: "2024-08-13T15:59:23.000Z",
      source: { file: "messages-20240818", line: 3 },
    });
    expect(f.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(f.frames.length).toBeGreaterThan(3);
    const boot = inc.boots.find((b) => b.detectedBy === "banner");
    expect(boot).toMatchObject({
      host: "w01",
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
      isKdumpCapture: false,
      crashkernel: "1G-4G:192M,4G-64G:256M,64G-:512M",
      gapBeforeSec: 67,
      startTime: "2024-08-13T16:00:30.000Z",
    });
    expect(inc.hosts.map((h) => h.name)).toEqual(["w01"]);
    expect(inc.hosts[0].kernelReleases).toContain("6.1.1-1.el9.elrepo.x86_64");
    expect(inc.inputs[0]).toMatchObject({ name: "messages-20240818", lines: SKB_LOG.length, assumedYear: 2024, compressed: false });
    expect(inc.inputs[0].formats[0]).toBe("syslog");
    const kinds = inc.events.map((e) => e.kind);
    expect(kinds).toContain("crash");
    expect(kinds).toContain("boot");
    expect(kinds).toContain("gap");
    expect(inc.events.find((e) => e.kind === "crash")?.findingId).toBe("f1");
    expect(f.matches).toEqual([]);
    expect(inc.recommendation).toBeUndefined();
  });

  it("matches skb-segment-gso-bug with the built-in KB: affected, fixed in 6.1.103", async () => {
    const inc = await triage([input("messages-20240818", SKB_LOG)], { now: NOW, kb: builtinKb() });
    const top = inc.findings[0].matches.filter((m) => !m.related)[0];
    expect(top).toMatchObject({ kbId: "skb-segment-gso-bug", verdict: "affected", fixedIn: "6.1.103" });
    expect(inc.recommendation?.kbId).toBe("skb-segment-gso-bug");
    expect(inc.recommendation?.upgrade?.text).toContain("6.1.103");
  });

  it("reads the same log as grep -R output (seed 000 prefixes)", async () => {
    const grepped = SKB_LOG.map((l, i) => `/var/log/messages-20240618${i === 2 ? ":" : "-"}${l}`);
    const inc = await triage([input("grep.txt", grepped)], { now: NOW });
    expect(inc.findings.map((f) => f.title)).toEqual(["kernel BUG in skb_segment"]);
    expect(inc.findings[0].host).toBe("w01");
    expect(inc.hosts).toMatchObject([{ name: "w01", lines: SKB_LOG.length, boots: 1 }]);
  });

  it("grep -r -A/-B pastes from several rotated files: relative names, -n, `--` separators, one year per line", async () => {
    const body = SKB_LOG.slice(1, 20);
    const pasted = [
      ...body.map((l, i) => `messages-20240818${i === 1 ? ":" : "-"}${l}`),
      "--",
      ...body.map((l, i) => `/var/log/messages-20240901${i === 1 ? `:${200 + i}:` : `-${200 + i}-`}${l.replace("Aug 13", "Aug 31")}`),
      "--",
    ];
    // The paste was downloaded in 2026: the rotated files it names are the evidence, not the download.
    const inc = await triage([{ ...input("paste.txt", pasted), mtime: new Date("2026-11-20T00:00:00Z") }], { now: new Date("2026-12-01T00:00:00Z") });
    expect(inc.hosts).toMatchObject([{ name: "w01", lines: pasted.length - 2 }]);
    expect(inc.findings.map((f) => [f.time, f.lastTime])).toEqual([["2024-08-13T15:59:23.000Z", "2024-08-31T15:59:23.000Z"]]);
    expect([inc.hosts[0].firstTime, inc.hosts[0].lastTime]).toEqual(["2024-08-13T15:59:23.000Z", "2024-08-31T15:59:23.000Z"]);
  });

  it("host lanes for journalctl short-precise, RFC 5424, PRI-prefixed and host-less syslog lines", async () => {
    const cases: Array<[string, string, string[]]> = [
      ["short-precise", "Aug 13 15:59:23.123456 w01 kernel: ", ["w01"]],
      ["RFC 5424", "<6>1 2024-08-13T15:59:23.003Z w02 kernel - - - ", ["w02"]],
      // a template with a space between the PRI and the version (read as dmesg's `<6>` level, the report was lost)
      ["RFC 5424, space after the PRI", "<6> 1 2024-08-13T15:59:23.003Z w06 kernel - - - ", ["w06"]],
      ["PRI", "<6>Aug 13 15:59:23 w03 kernel: ", ["w03"]],
      ["ISO with a space", "2024-08-13 15:59:23,250+08 w04 kernel: ", ["w04"]],
      ["no host", "Aug 13 15:59:23 kernel: ", ["(unknown host)"]],
    ];
    for (const [name, prefix, hosts] of cases) {
      const lines = SKB_LOG.slice(1, 12).map((l) => prefix + l.slice("Aug 13 15:59:23 w01 kernel: ".length));
      const inc = await triage([input(name, lines)], { now: NOW });
      expect(inc.hosts.map((h) => h.name), name).toEqual(hosts);
      expect(inc.findings.map((f) => f.title), name).toEqual(["kernel BUG in skb_segment"]);
    }
  });

  it("finds the same signature on another host and another build", async () => {
    const other = SKB_LOG.map((l) => l.replace(" w01 ", " w05 ").replace(/6\.1\.1-1/g, "6.1.80-1"));
    const a = await triage([input("a", SKB_LOG)], { now: NOW });
    const b = await triage([input("b", other)], { now: NOW });
    expect(b.findings[0].host).toBe("w05");
    expect(b.findings[0].signature).toBe(a.findings[0].signature);
  });
});

describe("triage: long inputs", () => {
  it("a flood of back-to-back reports is neither cut in two nor found twice at window boundaries (and folds per host)", async () => {
    // ~19 000 lines with no quiet gap: the scanner's window cap falls inside reports several times.
    const copies = 800;
    const lines: string[] = [];
    for (let i = 0; i < copies; i++) lines.push(...SKB_LOG.map((l) => l.replace(" w01 ", ` w${i % 5} `)));
    const inc = await triage([input("flood.log", lines)], { now: NOW });
    // One finding per host (identical crashes fold), each occurrence counted and kept on the timeline.
    const bugs = inc.findings.filter((f) => f.kind === "bug");
    expect(bugs).toHaveLength(5);
    expect(bugs.every((f) => f.title === "kernel BUG in skb_segment" && !f.corrupted && f.panicked && f.repeats === copies / 5)).toBe(true);
    expect(inc.findings).toHaveLength(5);
    const crashMarks = inc.events.filter((e) => e.kind === "crash");
    expect(new Set(crashMarks.map((e) => e.source.line)).size).toBe(copies);
  });
});

describe("triage: one-line problem events", () => {
  it("reads an event only after a separator: prose quoting the message glued to a word is not the event (seed 001's write-up)", async () => {
    const prose = "pod一直处于terminating状态,内核日志中持续打印unregister_netdevice: waiting for XXX to become free. Usage count = 1。";
    const kernel = "May  6 17:43:49 VM_1_72_centos kernel: unregister_netdevice: waiting for cli-veth to become free. Usage count = 1";
    const quoted = await triage([input("prose.txt", [prose])]);
    expect(quoted.findings).toEqual([]);
    const real = await triage([input("messages", [kernel])]);
    expect(real.findings.map((f) => f.kind)).toEqual(["netdev-refcount"]);
  });

  it("a syslog paste wrapped at the terminal's width is one host, not one and a phantom \"(unknown host)\"", async () => {
    const lines = [
      "May  6 19:48:46 workstation kernel: [   95.178723] igb 0000:09:00.0:",
      "Detected Tx Unit Hang",
      "May  6 19:48:46 workstation kernel: [   95.178723]   TDH                ",
      " <0>",
      "May  6 19:48:46 workstation kernel: [   95.178723]   TDT                ",
      " <1>",
    ];
    const inc = await triage([input("messages", lines)], { now: NOW });
    expect(inc.findings.map((f) => [f.kind, f.host])).toEqual([["other", "workstation"]]);
    expect(inc.hosts.map((h) => h.name)).toEqual(["workstation"]);
  });

  it("an event a word wrap cut into a piece per word around a path longer than the width is one event", async () => {
    // A mail client's wrap at 72: the cgroup paths are longer than the width, so each sits on a line of its own and
    // the prefixed line before them is short; the usage line's failcnt went to the next line.
    const path = "/ecs/f209da7f990b45b585488946f0eec404/15e20c7f5997947ffa3adb2b2bff199eea61004e29501677c53751b2c549bb15";
    const stamp = "[Wed Feb 19 06:41:03 2025]";
    const lines = [`${stamp} Task in`, path, "killed as a result of limit of", path, `${stamp} memory: usage 1048576kB, limit 1048576kB,`, "failcnt 34667727"];
    const inc = await triage([input("dmesg.txt", lines)], { now: NOW });
    expect(inc.findings.map((f) => [f.kind, f.title, f.details?.cgroup, f.details?.limitCgroup])).toEqual([["oom", "OOM: memory cgroup out of memory", path, path]]);
    // The usage line alone (the report's head cut off), its failcnt on the next line, still says a memcg ran out.
    const usage = await triage([input("dmesg.txt", lines.slice(4))], { now: NOW });
    expect(usage.findings.map((f) => [f.kind, f.details?.usageKb, f.details?.failcnt])).toEqual([["oom", 1048576, 34667727]]);
    // Without the prefixed line the pieces are three messages of a log without prefixes: no event.
    const bare = await triage([input("dmesg.txt", lines.slice(1, 4))], { now: NOW });
    expect(bare.findings).toEqual([]);
  });

  it("an event a wrap cut in a host-less ISO log, also behind grep -r's file name, is found", async () => {
    // The byte peek names no host in `2024-06-20 09:42:14 notice kernel:` lines: they are still prefixed lines, whose
    // prefix-less next line may hold the rest of a needle (`error count since ` + `last fsck: 10`).
    for (const prefix of ["", "./kern.log:"]) {
      const lines = [`${prefix}2024-06-20 09:42:14 notice kernel: EXT4-fs (dm-3): error count since `, "last fsck: 10"];
      const inc = await triage([input("kern.log", lines)], { now: NOW });
      expect(inc.findings.map((f) => f.title)).toEqual(["EXT4-fs: errors recorded since last fsck"]);
    }
  });

  it("an event a terminal cut in a log without prefixes is read from the long line before its needle", async () => {
    const lines = [" overlayfs: filesystem on '/storage/pool/docker/data/overlay2/opaque-bug-check10", "5060867/l3' not supported as upperdir "];
    const inc = await triage([input("dmesg.txt", lines)], { now: NOW });
    expect(inc.findings.map((f) => [f.title, f.source.line])).toEqual([["overlayfs: mount refused, upper filesystem not supported", 1]]);
    // A short line before is a message of its own.
    const short = await triage([input("dmesg.txt", [" overlayfs: filesystem on '/x", "/l3' not supported as upperdir "])], { now: NOW });
    expect(short.findings).toEqual([]);
  });

  it("a needle cut before a continuation indented under its line is found (the kernel's aligned continuation)", async () => {
    const lines = [
      "Jun  1 00:00:00 h kernel: clocksource: timekeeping watchdog on CPU0: Marking clocksource",
      "               'tsc-early' as unstable because the skew is too large:",
    ];
    const inc = await triage([input("messages", lines)], { now: NOW });
    expect(inc.findings.map((f) => [f.title, f.details?.clocksource])).toEqual([["clocksource: tsc-early marked unstable", "tsc-early"]]);
  });

  it("a needle a terminal cut in a log without prefixes (a kubectl paste after its shell prompt) is found", async () => {
    const lines = [
      "[root@k8s-test-master01 ~]# kubectl describe node node1",
      "Events:",
      "  Type     Reason                   Age                   From            Messag",
      "e",
      "  Warning  SystemOOM                17m                   kubelet, node1  System",
      " OOM encountered",
    ];
    const inc = await triage([input("describe.txt", lines)], { now: NOW });
    expect(inc.findings.map((f) => [f.kind, f.title])).toEqual([["oom", "kubelet: System OOM encountered"]]);
    // Unwrapped lines of the same paste are each their own: a line cut short is not glued to a whole one.
    const whole = await triage([input("describe.txt", [...lines.slice(0, 4), "  Normal   Starting                 17m                   kubelet, node1  Starting kubelet."])], {
      now: NOW,
    });
    expect(whole.findings).toEqual([]);
  });

  it("a dmesg paste that lost its newlines is read record by record", async () => {
    const flat =
      "[13565.264685] BTRFS warning (device sdb1): commit trans: [13565.264685] total_time: 130682 " +
      "[13565.391678] BTRFS info (device sdb1): using free space tree [13567.925216] Synotify use 16384 event queue size " +
      "[13801.926669] INFO: task SYNO.Storage.CG:1993 blocked for more than 120 seconds. [13801.927914] Tainted: P O 4.4.302+ #72806 " +
      '[13801.928844] "echo 0 > /proc/sys/kernel/hung_task_tim';
    const inc = await triage([input("dmesg.txt", [flat])], { now: NOW });
    expect(inc.findings.map((f) => [f.kind, f.source.line, f.kernelRelease])).toEqual([["hung-task", 1, "4.4.302+"]]);
  });

  it("folds unregister_netdevice repeats (seed 001 wall format) into one finding with repeats and usage count", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) {
      lines.push(`Message from syslogd@VM_1_72_centos at May  6 17:43:${String(10 * i + 9).padStart(2, "0")} ...`);
      lines.push("kernel:unregister_netdevice: waiting for cli-veth to become free. Usage count = 1");
      if (i === 2) lines.push("[root@VM_1_72_centos ~]# ip netns list");
    }
    const inc = await triage([input("wall.txt", lines)], { now: new Date("2019-06-01T00:00:00Z") });
    const nd = inc.findings.filter((f) => f.kind === "netdev-refcount");
    expect(nd).toHaveLength(1);
    expect(nd[0]).toMatchObject({
      title: "unregister_netdevice: waiting for DEV to become free",
      host: "VM_1_72_centos",
      repeats: 6,
      details: { device: "cli-veth", usageCount: 1 },
      time: "2019-05-06T17:43:09.000Z",
      lastTime: "2019-05-06T17:43:59.000Z",
    });
    expect(inc.findings).toHaveLength(1);
    // The shell prompt between the wall messages is no host of its own.
    expect(inc.hosts.map((h) => h.name)).toEqual(["VM_1_72_centos"]);
  });

  it("a wall message copying a line of the same report in the log is that report, not a headless second one", async () => {
    // Real shape (a RockPro64 arm64 oops): syslogd's wall copy of the emergency line comes first, then the log's lines.
    const report = [
      "Jul  7 00:27:08 rockpro64 kernel: [  233.001042] Unhandled fault: synchronous external abort (0x96000210) at 0xffffff80096c61b0",
      "Jul  7 00:27:08 rockpro64 kernel: [  233.001921] Internal error: : 96000210 [#1] SMP",
      "Jul  7 00:27:08 rockpro64 kernel: [  233.004571] CPU: 0 PID: 143 Comm: scsi_eh_1 Not tainted 4.4.167-1213-rockchip-ayufan-g34ae07687fce #1",
      "Jul  7 00:27:08 rockpro64 kernel: [  233.006631] PC is at ahci_scr_read+0x70/0x98",
      "Jul  7 00:27:08 rockpro64 kernel: [  233.007081] LR is at sata_scr_read+0x88/0x94",
    ];
    const banner = "Message from syslogd@rockpro64 at Jul  7 00:27:08 ...";
    const now = { now: new Date("2019-08-01T00:00:00Z") };
    for (const body of [" kernel:[  233.001921] Internal error: : 96000210 [#1] SMP", "rockpro64 kernel: [  233.001921] Internal error: : 96000210 [#1] SMP"]) {
      const inc = await triage([input("messages.txt", [banner, body, ...report])], now);
      expect(inc.findings.map((f) => f.title), body).toEqual(["Unhandled fault in ahci_scr_read"]);
    }
    // A wall message the log does not hold (another uptime: another oops) stays a finding of its own.
    const other = await triage([input("messages.txt", [banner, " kernel:[  240.000001] Internal error: : 96000210 [#2] SMP", ...report])], now);
    expect(other.findings).toHaveLength(2);
  });

  it("systemd-journald's wall copies of oops lines in a console paste are no reports of their own", async () => {
    // Real shape (LKFT, gpio-sim selftest on arm64): the console's oops, then journald's broadcasts of two of its lines.
    const oops = [
      "[  224.231594] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008",
      "[  224.240838] Internal error: Oops: 96000006 [#1] PREEMPT SMP",
      "[  224.242848] CPU: 2 PID: 1105 Comm: gpio-mockup-cde Not tainted 5.18.0-rc5-next-20220506 #1",
      "[  224.244643] pc : linereq_free+0xb0/0x120",
      "[  224.245515] lr : linereq_create+0x548/0x640",
      "[  224.251741] Call trace:",
      "[  224.251998]  linereq_free+0xb0/0x120",
      "[  224.252315]  linereq_create+0x548/0x640",
      "[  224.252571]  gpio_ioctl+0x88/0x754",
      "[  224.254929] Code: cb160273 8b130ef3 f9409261 b9413260 (f9400422)",
      "[  224.255783] ---[ end trace 0000000000000000 ]---",
      "# ./gpio-sim.sh: line 318:  1105 Segmentation fault",
    ];
    const wall = (uptime: string, text: string) => ["", "Broadcast message from systemd-journald@juno (Fri 2022-05-06 09:51:02 UTC):", "", `kernel[304]: [  ${uptime}] ${text}`, ""];
    const now = { now: new Date("2022-06-01T00:00:00Z") };
    const copies = [...wall("224.240838", "Internal error: Oops: 96000006 [#1] PREEMPT SMP"), ...wall("224.254929", "Code: cb160273 8b130ef3 f9409261 b9413260 (f9400422)")];
    const inc = await triage([input("console.txt", [...oops, ...copies])], now);
    expect(inc.findings.map((f) => [f.title, f.host])).toEqual([["BUG: unable to handle kernel NULL pointer dereference in linereq_free", "juno"]]);
    // Quoted in a reply, with the banner's first word cut: the `kernel[pid]:` body alone is still the copy.
    const quoted = [...oops, "t message from systemd-journald@juno (Fri 2022-05-06 09:51:02 UTC):", "", "kernel[304]: [  224.240838] Internal error: Oops: 96000006 [#1] PREEMPT SMP"].map((l) => `> ${l}`);
    expect((await triage([input("reply.txt", quoted)], now)).findings.map((f) => f.title)).toEqual(["BUG: unable to handle kernel NULL pointer dereference in linereq_free"]);
    // A broadcast the log does not hold (another uptime: another oops) stays a finding of its own.
    const other = await triage([input("console.txt", [...oops, ...wall("300.000001", "Internal error: Oops: 96000006 [#2] PREEMPT SMP")])], now);
    expect(other.findings).toHaveLength(2);
  });

  it("a wall banner that ends one scan window still names the host of the body that opens the next", async () => {
    // Whatever the scanner's quiet-window length, some filler count puts the second banner on a window's last line.
    for (let filler = 20; filler <= 140; filler++) {
      const lines = [
        "Message from syslogd@VM_1_72_centos at May  6 17:43:49 ...",
        "kernel:unregister_netdevice: waiting for cli-veth to become free. Usage count = 1",
        ...Array.from({ length: filler }, (_, i) => `[root@VM_1_72_centos ~]# ip netns list ${i}`),
        "Message from syslogd@VM_1_72_centos at May  6 17:53:49 ...",
        "kernel:unregister_netdevice: waiting for eth9 to become free. Usage count = 1",
      ];
      const inc = await triage([input("wall.txt", lines)], { now: new Date("2019-06-01T00:00:00Z") });
      const eth9 = inc.findings.find((f) => f.details?.device === "eth9");
      expect(eth9, `filler ${filler}`).toMatchObject({ host: "VM_1_72_centos", time: "2019-05-06T17:53:49.000Z" });
    }
  });

  it("RHEL 7 seed 003: memcg child cache, soft lockup, ICMP6 control socket", async () => {
    const log = [
      "May  6 10:00:00 node3 kernel: SLUB: Unable to allocate memory on node -1 (gfp=0xd0)",
      "May  6 10:00:00 node3 kernel:  cache: sock_inode_cache(158:8aff71103b350fcc15a20dcad154986160ce07496a9f70fa4aff83e7716b0936), object size: 632, buffer size: 640, default order: 3, min order: 0",
      "May  6 10:00:00 node3 kernel:  node 0: slabs: 8, objs: 363, free: 0",
      "May  6 10:00:00 node3 kernel:  node 1: slabs: 17, objs: 867, free: 0",
      "May  6 10:00:01 node3 kernel: socket: no more sockets",
      "May  6 10:00:01 node3 kernel: IPv6: Failed to initialize the ICMP6 control socket (err -23)",
      "May  6 10:05:00 node3 kernel: NMI watchdog: BUG: soft lockup - CPU#5 stuck for 22s! [kworker/5:1:1234]",
      "May  6 10:05:00 node3 kernel: Modules linked in: xt_conntrack nf_nat overlay",
      "May  6 10:05:00 node3 kernel: CPU: 5 PID: 1234 Comm: kworker/5:1 Kdump: loaded Tainted: G               ------------ T 3.10.0-957.el7.x86_64 #1",
      "May  6 10:05:00 node3 kernel: RIP: 0010:[<ffffffff8b713536>]  [<ffffffff8b713536>] _raw_spin_lock+0x36/0x50",
      "May  6 10:05:00 node3 kernel: Call Trace:",
      "May  6 10:05:00 node3 kernel: [<ffffffff8b1f4a4f>] memcg_destroy_kmem_caches+0x4f/0xd0",
      "May  6 10:05:00 node3 kernel: [<ffffffff8b1f4b25>] mem_cgroup_css_free+0x55/0x60",
      "May  6 10:05:00 node3 kernel: [<ffffffff8b0b7c8f>] process_one_work+0x17f/0x440",
      "May  6 10:05:00 node3 kernel: [<ffffffff8b0b8da6>] worker_thread+0x126/0x3c0",
    ];
    const inc = await triage([input("messages-20190507", log)], { now: NOW });
    const slub = inc.findings.find((f) => f.kind === "slab-alloc-failure");
    expect(slub?.details).toMatchObject({ memcgChildCache: true, cacheBase: "sock_inode_cache", cache: expect.stringContaining("sock_inode_cache(158:") });
    const lockup = inc.findings.find((f) => f.kind === "soft-lockup");
    expect(lockup).toBeDefined();
    expect(lockup!.host).toBe("node3");
    expect(lockup!.kernelRelease).toBe("3.10.0-957.el7.x86_64");
    expect(inc.findings.some((f) => /ICMP6 control socket/.test(f.title))).toBe(true);
    // Source order.
    const lines = inc.findings.map((f) => f.source.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe("triage: agents", () => {
  it("Cilium 1.15.0 agent Go panic (incident 3 Part C) → go-panic with component version", async () => {
    const log = [
      'level=info msg="Cilium 1.15.0 5f4d5c7 2024-01-31T10:28:19+01:00 go version go1.21.6 linux/amd64" subsys=daemon',
      'level=info msg="Direct routing device detected" direct-routing-device=enxbc2411da2b0a subsys=linux-datapath',
      'level=info msg="Allocating identities between range" cluster-id=1 max=131071 min=65536 subsys=identity-cache',
      "panic: runtime error: index out of range [3] with length 0",
      "",
      "goroutine 1 [running]:",
      "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x394decb?})",
      "\t/go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
      "github.com/cilium/cilium/pkg/datapath/linux/config.(*HeaderfileWriter).WriteNodeConfig(0xc000f7e2a0, {0x4a9d0a0, 0xc0024c8d20}, 0xc001ec5a00)",
      "\t/go/src/github.com/cilium/cilium/pkg/datapath/linux/config/config.go:548 +0x6c0a",
    ];
    const inc = await triage([input("cilium-agent.log", log)], { now: NOW });
    expect(inc.findings).toHaveLength(1);
    expect(inc.findings[0]).toMatchObject({
      kind: "go-panic",
      component: "cilium-agent",
      componentVersion: "1.15.0",
      guiltyFrame: "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32",
      panicked: true,
    });
    expect(inc.findings[0].title).toContain("index out of range");
    expect(inc.findings[0].title).toContain("NetIPv4ToHost32");
  });

  it("the same panic read from a CRI container log (/var/log/containers/cilium-*.log)", async () => {
    const log = [
      '2024-02-14T10:00:00.100000000Z stdout F level=info msg="Cilium 1.15.0 5f4d5c7 2024-01-31T10:28:19+01:00 go version go1.21.6 linux/amd64" subsys=daemon',
      "2024-02-14T10:00:05.200000000Z stderr F panic: runtime error: index out of range [3] with length 0",
      "2024-02-14T10:00:05.200000000Z stderr F ",
      "2024-02-14T10:00:05.200000000Z stderr F goroutine 1 [running]:",
      "2024-02-14T10:00:05.200000000Z stderr F github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x394decb?})",
      "2024-02-14T10:00:05.200000000Z stderr F \t/go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
    ];
    const inc = await triage([input("cilium-agent-x7k2p_kube-system_cilium-agent-1.log", log)], { now: NOW });
    expect(inc.findings).toHaveLength(1);
    expect(inc.findings[0]).toMatchObject({ kind: "go-panic", component: "cilium-agent", componentVersion: "1.15.0", time: "2024-02-14T10:00:05.200Z" });
    expect(inc.hosts.map((h) => h.name)).toEqual(["(unknown host)"]);
  });

  it("a log line that only says panic: is not a Go panic", async () => {
    const inc = await triage([input("x", ['level=info msg="panic: recovered in handler" subsys=api', "panic: nothing follows"])], { now: NOW });
    expect(inc.findings.filter((f) => f.kind === "go-panic")).toEqual([]);
  });
});

describe("triage: boots, hosts, kdump", () => {
  it("a kdump capture boot that runs out of memory → kdump-failure", async () => {
    const log = [
      "[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023",
      "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-91-generic root=UUID=3f ro crashkernel=512M-:192M",
      "[ 9000.000000] Kernel panic - not syncing: sysrq triggered crash",
      "[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023",
      "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-91-generic root=UUID=3f ro reset_devices nr_cpus=1 irqpoll nousb elfcorehdr=2998216K",
      "[    6.102117] systemd-udevd invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
      "[    6.102126] CPU: 0 PID: 211 Comm: systemd-udevd Not tainted 5.15.0-91-generic #101-Ubuntu",
      "[    6.102130] Call Trace:",
      "[    6.102132]  <TASK>",
      "[    6.102134]  dump_stack_lvl+0x4a/0x63",
      "[    6.102141]  dump_header+0x4a/0x1f4",
      "[    6.102145]  out_of_memory.cold+0x3e/0x7c",
      "[    6.102155]  __alloc_pages+0x30e/0x330",
      "[    6.102203]  </TASK>",
      "[    6.102229] Out of memory and no killable processes...",
      "[    6.102231] Kernel panic - not syncing: System is deadlocked on memory",
    ];
    const inc = await triage([input("console.log", log)], { now: NOW });
    expect(inc.boots.map((b) => b.isKdumpCapture)).toEqual([false, true]);
    expect(inc.boots[1].kernelRelease).toBe("5.15.0-91-generic");
    expect(inc.events.some((e) => e.kind === "kdump-boot")).toBe(true);
    const kd = inc.findings.find((f) => f.kind === "kdump-failure");
    expect(kd).toMatchObject({ title: "kdump: capture kernel out of memory", bootId: inc.boots[1].id });
    expect(kd?.details).toMatchObject({ crashkernel: "512M-:192M" });
  });

  it("two files from two hosts → two hosts", async () => {
    const a = SKB_LOG.slice(0, 4);
    const b = SKB_LOG.slice(0, 4).map((l) => l.replace(" w01 ", " w02 "));
    const inc = await triage([input("w01.log", a), input("w02.log", b)], { now: NOW });
    expect(inc.hosts.map((h) => h.name).sort()).toEqual(["w01", "w02"]);
    expect(inc.inputs.map((i) => i.name)).toEqual(["w01.log", "w02.log"]);
    expect(inc.file).toBeUndefined();
    expect(new Set(inc.findings.map((f) => f.host))).toEqual(new Set(["w01", "w02"]));
    expect(inc.findings.map((f) => f.source.file).sort()).toEqual(["w01.log", "w02.log"]);
    expect(new Set(inc.findings.map((f) => f.id)).size).toBe(inc.findings.length);
  });

  it("dmesg with an uptime reset → two boots", async () => {
    const log = [
      "[    0.000000] Booting Linux on physical CPU 0x0",
      "[   10.000000] eth0: link up",
      "[  500.123456] eth0: link down",
      "[    0.000000] Booting Linux on physical CPU 0x0",
      "[    1.000000] eth0: link up",
    ];
    const inc = await triage([input("dmesg.txt", log)], { now: NOW });
    const resets = inc.boots.filter((b) => b.detectedBy === "uptime-reset");
    expect(resets).toHaveLength(1);
    expect(resets[0].source.line).toBe(4);
    expect(inc.findings).toEqual([]);
  });

  it("a log without a problem → zero findings", async () => {
    const log = [
      "Aug 13 15:59:21 w01 systemd[1]: Started Session 12 of user root.",
      "Aug 13 15:59:22 w01 kernel: eth0: renamed from veth1234",
      'Aug 13 15:59:23 w01 containerd[980]: time="2024-08-13T15:59:23Z" level=info msg="shim disconnected" id=abc',
    ];
    const inc = await triage([input("messages", log)], { now: NOW, kb: builtinKb() });
    expect(inc.findings).toEqual([]);
    expect(inc.recommendation).toBeUndefined();
    expect(inc.file).toBe("messages");
    expect(inc.stats.lines).toBe(3);
    expect(inc.hosts).toMatchObject([{ name: "w01", lines: 3, firstTime: "2024-08-13T15:59:21.000Z", lastTime: "2024-08-13T15:59:23.000Z" }]);
  });

  it("records a refused input and carries on with the others", async () => {
    const bin = new Uint8Array(4096).map((_, i) => (i * 13) % 9);
    const inc = await triage([{ name: "core", data: bin }, input("ok.log", SKB_LOG)], { now: NOW });
    expect(inc.inputs[0].error).toMatch(/binary/);
    expect(inc.findings).toHaveLength(1);
    await expect(triage([{ name: "core", data: bin }], { failOnRefusedInput: true })).rejects.toThrow(/binary/);
  });
});
