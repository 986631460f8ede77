/**
 * Kernel release when the report prints none: the next boot's banner, a pasted `uname`, kubectl's KERNEL-VERSION
 * (all marked inferred), the hung-task taint line, the OOM report's task line.
 */
import { describe, expect, it } from "vitest";
import { triage } from "./triage";
import { builtinKb, input } from "./triage-test-helpers";

const NOW = new Date("2024-09-01T00:00:00Z");

/** Seed 000's write-up, exactly as printed: a stackless BUG (grep -A 10), then the next boot's banner. */
const seedAsPrinted = (release: string) => [
  '[root@w01 ~]# grep -A 10 -R "kernel BUG" /var/log/messages*',
  "/var/log/messages-20240618-Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "/var/log/messages-20240618:Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  `/var/log/messages-20240618-Aug 13 16:00:30 w01 kernel: Linux version ${release} (mockbuild@10b614fb6a184fe480a3a09c0bdfdd47) (gcc (GCC) 11.3.1 20220421 (Red Hat 11.3.1-2), GNU ld version 2.35.2-24.el9) #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022`,
  `/var/log/messages-20240618-Aug 13 16:00:30 w01 kernel: Command line: BOOT_IMAGE=(hd0,msdos1)/vmlinuz-${release} root=/dev/mapper/rl-root ro crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M resume=/dev/mapper/rl-swap rd.lvm.lv=rl/root rd.lvm.lv=rl/swap ipv6.disable=1 selinux=0 user_namespace.enable=1`,
  "/var/log/messages-20240618-Aug 13 16:00:30 w01 kernel: x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'",
];

describe("release of a report without one: seed 000 as printed", () => {
  it("keeps the BUG's location as its title, infers 6.1.1 from the next boot and says affected (skb-segment-gso-bug)", async () => {
    const incident = await triage([input("seed-000-as-printed.txt", seedAsPrinted("6.1.1-1.el9.elrepo.x86_64"))], { kb: builtinKb(), now: NOW });
    // The shell command quoting "kernel BUG" is not a report; the reboot's banner is not part of the BUG.
    expect(incident.findings).toHaveLength(1);
    const [bug] = incident.findings;
    expect(bug).toMatchObject({
      kind: "bug",
      title: "kernel BUG at net/core/skbuff.c:LINE",
      syzkallerTitle: "kernel BUG in corrupted",
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
      releaseSource: "inferred-next-boot",
      source: { line: 3, endLine: 3 },
    });
    expect(bug.altTitles).toContain("kernel BUG in corrupted");
    expect(bug.matches[0]).toMatchObject({ kbId: "skb-segment-gso-bug", verdict: "affected", fixedIn: "6.1.103" });
    expect(bug.matches[0].verdictReason).toContain("inferred");
  });

  it("says fixed when the next boot runs 6.1.109", async () => {
    const incident = await triage([input("seed-000-109.txt", seedAsPrinted("6.1.109-1.el9.elrepo.x86_64"))], { kb: builtinKb(), now: NOW });
    const [bug] = incident.findings;
    expect(bug).toMatchObject({ kernelRelease: "6.1.109-1.el9.elrepo.x86_64", releaseSource: "inferred-next-boot" });
    expect(bug.matches[0]).toMatchObject({ kbId: "skb-segment-gso-bug", verdict: "fixed" });
  });

  it("an inferred verdict is less sure than one on the report's own release", async () => {
    const own = seedAsPrinted("6.1.1-1.el9.elrepo.x86_64");
    own.splice(3, 0, "/var/log/messages-20240618-Aug 13 15:59:23 w01 kernel: CPU: 3 PID: 0 Comm: swapper/3 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1");
    const [withOwn] = (await triage([input("own.txt", own)], { kb: builtinKb(), now: NOW })).findings;
    const [inferred] = (await triage([input("inferred.txt", seedAsPrinted("6.1.1-1.el9.elrepo.x86_64"))], { kb: builtinKb(), now: NOW })).findings;
    expect(withOwn.releaseSource).toBe("report");
    expect(inferred.matches[0].confidence).toBeLessThan(withOwn.matches[0].confidence);
  });
});

describe("xmon's banner", () => {
  it("is the crashed kernel's release, printed by the debugger: no boot of its own", async () => {
    const log = [
      "[   37.356610] BUG: Unable to handle kernel instruction fetch",
      "[   37.357724] Faulting instruction address: 0xc000000002bff4f0",
      "cpu 0x2f: Vector: 400 (Instruction Access) at [c000001ff43ab6a0]",
      "    pid   = 3222, comm = udevd",
      "Linux version 5.0.0 (joel@ka5) (gcc version 7.3.0 (Ubuntu 7.3.0-27ubuntu1~18.04)) #22 SMP Thu Apr 11 00:07:31 AEST 2019",
      "enter ? for help",
      "[c000001ff43ab9e0] c0000000005055b4 device_rename+0x74/0xd8",
    ];
    const incident = await triage([input("xmon.txt", log)], { kb: builtinKb(), now: NOW });
    expect(incident.boots).toEqual([]);
    expect(incident.findings[0]).toMatchObject({ kernelRelease: "5.0.0", releaseSource: "report" });
  });
});

describe("release hints outside banners", () => {
  const bugOnly = ["Aug 16 00:15:16 w01 kernel: ------------[ cut here ]------------", "Aug 16 00:15:16 w01 kernel: kernel BUG at net/core/skbuff.c:4230!"];

  it("a pasted uname -r of the same host", async () => {
    const incident = await triage([input("u.txt", [...bugOnly, "[root@w01 ~]# uname -r", "6.1.1-1.el9.elrepo.x86_64"])], { now: NOW });
    expect(incident.findings[0]).toMatchObject({ kernelRelease: "6.1.1-1.el9.elrepo.x86_64", releaseSource: "inferred-uname" });
  });

  it("kubectl get nodes -o wide: the KERNEL-VERSION of the node the report came from", async () => {
    const kubectl = [
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
      "m01 Ready control-plane 650d v1.26.0 192.168.1.111 <none> Rocky Linux 9.1 (Blue Onyx) 6.1.1-1.el9.elrepo.x86_64 containerd://1.6.28",
      "w01 Ready worker 650d v1.26.0 192.168.1.121 <none> Rocky Linux 9.1 (Blue Onyx) 6.1.81-1.el9.elrepo.x86_64 containerd://1.6.28",
    ];
    const incident = await triage([input("k.txt", [...kubectl, ...bugOnly])], { now: NOW });
    expect(incident.findings[0]).toMatchObject({ kernelRelease: "6.1.81-1.el9.elrepo.x86_64", releaseSource: "inferred-kubectl" });
  });

  it("a uname of another host is not this host's release", async () => {
    const incident = await triage([input("o.txt", [...bugOnly, "[root@w02 ~]# uname -r", "6.1.81-1.el9.elrepo.x86_64"])], { now: NOW });
    expect(incident.findings[0].kernelRelease).toBeUndefined();
  });

  it("an earlier boot's banner is the report's own boot, not an inference", async () => {
    const lines = ["[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc 11.4.0) #101-Ubuntu SMP", ...Array.from({ length: 3 }, (_, i) => `[   1${i}.000000] eth0: up`), "[  100.000000] kernel BUG at mm/slub.c:100!"];
    const incident = await triage([input("d.txt", lines)], { now: NOW });
    expect(incident.findings[0]).toMatchObject({ kernelRelease: "5.15.0-91-generic", releaseSource: "boot" });
  });
});

describe("release inside reports that print it apart", () => {
  it("hung task: the taint line under the header", async () => {
    const lines = [
      "[450528.013688] INFO: task dockerd:1810 blocked for more than 328 seconds.",
      "[450528.020856]       Not tainted 5.4.89+ #1",
      '[450528.025015] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      "[450528.033219] dockerd         D    0  1810      1 0x00004080",
      "[450528.039468] Call Trace:",
      "[450528.042271]  __schedule+0x47d/0x600",
      "[450528.046006]  schedule+0x67/0x90",
      "[450528.054434]  ovl_sync_fs+0x2f/0x50",
      "[450528.058177]  sync_filesystem+0x74/0x90",
    ];
    const [hung] = (await triage([input("h.txt", lines)], { now: NOW })).findings;
    expect(hung).toMatchObject({ kind: "hung-task", kernelRelease: "5.4.89+", releaseSource: "report" });
  });

  it("OOM kill: the task line of the oom-killer report", async () => {
    const lines = [
      "[ 9912.540000] java invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0",
      "[ 9912.541000] CPU: 1 PID: 4321 Comm: java Not tainted 4.18.0-372.9.1.el8.x86_64 #1",
      "[ 9912.542000] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)",
      "[ 9912.543000] Call Trace:",
      "[ 9912.544000]  dump_stack+0x5c/0x80",
      "[ 9912.545000]  oom_kill_process.cold.31+0xb/0x10",
      ...Array.from({ length: 40 }, (_, i) => `[ 9912.55${String(i).padStart(2, "0")}] [  ${1000 + i}]     0  ${1000 + i}    1000      100    0        0             0 proc${i}`),
      "[ 9912.600000] Out of memory: Killed process 4321 (java) total-vm:9000000kB, anon-rss:8000000kB, file-rss:0kB, shmem-rss:0kB",
    ];
    const [oom] = (await triage([input("o.txt", lines)], { now: NOW })).findings.filter((f) => f.kind === "oom");
    expect(oom).toMatchObject({ kernelRelease: "4.18.0-372.9.1.el8.x86_64", releaseSource: "report", comm: "java", pid: 4321 });
  });
});

describe("events with a report of their own", () => {
  it("an old allocation failure takes the release from warn_alloc's task line", async () => {
    const lines = [
      "Mar 18 14:39:17 hostname kernel: swapper: page allocation failure. order:1, mode:0x20",
      "Mar 18 14:39:17 hostname kernel: Pid: 0, comm: swapper Not tainted 2.6.32-358.2.1.el6.x86_64 #1",
      "Mar 18 14:39:17 hostname kernel: Call Trace:",
    ];
    const [failure] = (await triage([input("p.log", lines)], { now: NOW })).findings;
    expect(failure).toMatchObject({ kind: "page-alloc-failure", kernelRelease: "2.6.32-358.2.1.el6.x86_64", releaseSource: "report" });
  });
});

describe("Go panics behind a prefix no line format knows", () => {
  it("stern's `pod container` prefix on every line of the dump", async () => {
    const prefix = "cilium-x7k2p cilium-agent ";
    const dump = [
      "panic: runtime error: invalid memory address or nil pointer dereference",
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1c2b3a4]",
      "",
      "goroutine 412 [running]:",
      "github.com/cilium/cilium/pkg/datapath/linux/ipsec.UpsertIPsecEndpoint(0xc000a1b2c0)",
      "\t/go/src/github.com/cilium/cilium/pkg/datapath/linux/ipsec/ipsec_linux.go:412 +0x1a4",
      "created by github.com/cilium/cilium/pkg/node/manager.(*manager).Run",
      "\t/go/src/github.com/cilium/cilium/pkg/node/manager/manager.go:190 +0x65",
    ].map((l) => prefix + l);
    const findings = (await triage([input("stern.log", dump)], { now: NOW })).findings;
    expect(findings.map((f) => [f.kind, f.component])).toEqual([["go-panic", "cilium-agent"]]);
  });
});
