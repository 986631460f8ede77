import { describe, expect, it } from "vitest";
import { parseReportMetadata, ripFunction } from "./metadata";

describe("parseReportMetadata", () => {
  it("reads the task line with Kdump and a not-tainted ELRepo kernel", () => {
    const meta = parseReportMetadata([
      "kernel BUG at net/core/skbuff.c:4230!",
      "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
      "CPU: 3 PID: 0 Comm: swapper/3 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
      "Hardware name: Red Hat KVM, BIOS 1.11.0-2.el7 04/01/2014",
      "RIP: 0010:skb_segment+0xbc8/0xd20",
    ]);
    expect(meta).toEqual({
      cpu: 3,
      pid: 0,
      comm: "swapper/3",
      kdumpLoaded: true,
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
      kernelBuild: "#1",
      taint: { flags: "", decoded: [] },
      hardware: "Red Hat KVM, BIOS 1.11.0-2.el7 04/01/2014",
      rip: "skb_segment+0xbc8/0xd20",
    });
    expect(ripFunction(meta.rip ?? "")).toBe("skb_segment");
  });

  it("reads the release of a task line wrapped inside its taint flags", () => {
    const meta = parseReportMetadata([
      "RenderThread: page allocation failure: order:0,",
      "CPU: 3 PID: 12353 Comm: RenderThread Tainted: G",
      "WC O    4.12.0-rc3-android-x86+ #1",
      "Hardware name: Insyde ONDA Tablet/ONDA Tablet, BIOS",
    ]);
    expect(meta).toMatchObject({ comm: "RenderThread", kernelRelease: "4.12.0-rc3-android-x86+", kernelBuild: "#1" });
    // Only right after a wrapped task line: a bare `WC O 4.12` elsewhere is no release.
    expect(parseReportMetadata(["WC O    4.12.0-rc3-android-x86+ #1"]).kernelRelease).toBeUndefined();
  });

  it("reads comm, taint and release of a task line wrapped right after `Comm:`", () => {
    // lkml 2020, syslog lines re-wrapped at 72 columns by the mail client
    const meta = parseReportMetadata(["invalid opcode: 0000", "[#1] SMP PTI", "CPU: 1 PID: 149 Comm:", "kswapd0 Not tainted 5.7.0-rc6.20200519 #1"]);
    expect(meta).toMatchObject({ cpu: 1, pid: 149, comm: "kswapd0", kernelRelease: "5.7.0-rc6.20200519", kernelBuild: "#1" });
    expect(meta.taint?.flags).toBe("");
    // the next line must carry the taint and a release: anything else leaves the release unknown
    expect(parseReportMetadata(["CPU: 1 PID: 149 Comm:", "RIP: 0010:clear_inode+0x75/0x80"]).kernelRelease).toBeUndefined();
    expect(parseReportMetadata(["kswapd0 Not tainted 5.7.0-rc6 #1"]).kernelRelease).toBeUndefined();
  });

  it("reads the release under a hung-task taint line wrapped after its flags", () => {
    const meta = parseReportMetadata(["INFO: task btrfs:154859 blocked for", "more than 122 seconds.", "      Tainted: G           OE", "6.11.0-1-stable-git #1"]);
    expect(meta).toMatchObject({ kernelRelease: "6.11.0-1-stable-git", kernelBuild: "#1" });
    expect(meta.taint?.flags).toBe("GOE");
    expect(parseReportMetadata(["      Tainted: G           OE", "Call Trace:"]).kernelRelease).toBeUndefined();
  });

  it("keeps Debian's package version in the build", () => {
    const meta = parseReportMetadata(["CPU: 1 PID: 42 Comm: kworker/1:2 Tainted: G        W  OE      6.1.0-18-amd64 #1  Debian 6.1.76-1"]);
    expect(meta.kernelRelease).toBe("6.1.0-18-amd64");
    expect(meta.kernelBuild).toBe("#1 Debian 6.1.76-1");
    expect(meta.taint?.flags).toBe("GWOE");
  });

  it("reads the release from the hung-task taint line under its header", () => {
    const notTainted = parseReportMetadata(["INFO: task dockerd:1810 blocked for more than 328 seconds.", "      Not tainted 5.4.89+ #1"]);
    expect(notTainted).toMatchObject({ kernelRelease: "5.4.89+", kernelBuild: "#1", taint: { flags: "" } });
    const tainted = parseReportMetadata(["      Tainted: G           OE     5.15.0-1019-aws #23~20.04.1-Ubuntu"]);
    expect(tainted.kernelRelease).toBe("5.15.0-1019-aws");
    expect(tainted.kernelBuild).toBe("#23~20.04.1-Ubuntu");
    expect(tainted.taint?.flags).toBe("GOE");
    // The task line, printed first, keeps its own release.
    expect(parseReportMetadata(["CPU: 1 PID: 2 Comm: x Not tainted 6.1.0 #1", "      Not tainted 5.4.89+ #1"]).kernelRelease).toBe("6.1.0");
  });

  it("reads the taint-less ident line under a 2.6-era lockdep header, and only there", () => {
    // openzfs/zfs#3915
    const header = "[ INFO: possible circular locking dependency detected ]";
    const ident = "2.6.32-504.16.2.1chaos.ch5.3.x86_64.debug #1";
    expect(parseReportMetadata([header, ident, "-------------------------------------------------------"])).toMatchObject({
      kernelRelease: "2.6.32-504.16.2.1chaos.ch5.3.x86_64.debug",
      kernelBuild: "#1",
    });
    // the stack's Pid line, printed later, names it too and wins
    expect(parseReportMetadata([header, ident, "Pid: 1894, comm: txg_sync Not tainted 2.6.32-504.el6.x86_64 #1"]).kernelRelease).toBe("2.6.32-504.el6.x86_64");
    expect(parseReportMetadata(["some text", ident]).kernelRelease).toBeUndefined();
  });

  it("reads 6.12+ task lines with UID and the spelled-out taint line", () => {
    const meta = parseReportMetadata([
      "CPU: 0 UID: 0 PID: 7 Comm: kworker/0:1 Tainted: G        W          6.12.0-rc2 #101-Ubuntu",
      "Tainted: [W]=WARN",
    ]);
    expect(meta).toMatchObject({ pid: 7, kernelRelease: "6.12.0-rc2", kernelBuild: "#101-Ubuntu" });
    expect(meta.taint?.decoded).toEqual(["W: kernel issued a warning"]);
  });

  it("reads the old Pid/comm form, whose tail is the board name", () => {
    const meta = parseReportMetadata(["Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1 HP ProLiant DL380 G7"]);
    expect(meta).toMatchObject({
      pid: 0,
      comm: "swapper",
      kernelRelease: "2.6.32-431.el6.x86_64",
      kernelBuild: "#1",
      hardware: "HP ProLiant DL380 G7",
    });
  });

  it("reads ARM's 2.6/3.x register-dump CPU line, release and build in parentheses", () => {
    expect(parseReportMetadata(["CPU: 0    Tainted: G        W     (3.4.0-g9a3c983-dirty #3)"])).toMatchObject({
      cpu: 0, kernelRelease: "3.4.0-g9a3c983-dirty", kernelBuild: "#3", taint: { flags: "GW" },
    });
    expect(parseReportMetadata(["CPU: 1    Not tainted  (2.6.35.7 #1)"])).toMatchObject({ cpu: 1, kernelRelease: "2.6.35.7" });
  });

  it("does not take a release from lines without the task", () => {
    const meta = parseReportMetadata(["Linux version 5.4.0 (gcc) #1 SMP", "REGS: c000 TRAP: 0700 Not tainted (3.10.0-33.el7.ppc64)"]);
    expect(meta.kernelRelease).toBeUndefined();
  });

  it("reads wrapped module lists with flags and last unloaded", () => {
    const longList = Array.from({ length: 30 }, (_, i) => `mod_number_${i}`).join(" ");
    const meta = parseReportMetadata([
      `Modules linked in: wl(POF) ipr(+) ${longList}`,
      " pinctrl_amd nvidia(POE) [last unloaded: rc_core]",
      "CPU: 0 PID: 1 Comm: x Tainted: P           O    4.2.8 #1",
    ]);
    expect(meta.modules?.slice(0, 2)).toEqual(["wl", "ipr"]);
    expect(meta.modules?.slice(-2)).toEqual(["pinctrl_amd", "nvidia"]);
    expect(meta.modules).toHaveLength(34);
    expect(meta.lastUnloadedModule).toBe("rc_core");
    expect(meta.kernelRelease).toBe("4.2.8");
  });

  it("reads a task line OpenWrt's logd glued onto a cut module list, without the broken module name", () => {
    const meta = parseReportMetadata([
      "WARNING: CPU: 0 PID: 3 at net/core/dev.c:2422 skb_warn_bad_offload+0xe4/0xf8()",
      "Modules linked in: pppoe ppp_async nf_conntrack iptable_raw iptable_mangle iptable_fWed Jun 15 04:24:09 2016 kern.warn kernel: [  694.027758] CPU: 0 PID: 3 Comm: ksoftirqd/0 Not tainted 4.4.13 #1",
      "Hardware name: Qualcomm (Flattened Device Tree)",
    ]);
    expect(meta.modules).toEqual(["pppoe", "ppp_async", "nf_conntrack", "iptable_raw", "iptable_mangle"]);
    expect(meta).toMatchObject({ cpu: 0, pid: 3, comm: "ksoftirqd/0", kernelRelease: "4.4.13", kernelBuild: "#1" });
    // A kernel line that merely mentions a date stays whole.
    expect(parseReportMetadata(["Modules linked in: foo bar", "CPU: 1 PID: 2 Comm: a Not tainted 5.4.0 #1"]).modules).toEqual(["foo", "bar"]);
  });

  it("does not take the next line as modules when the list was short", () => {
    const meta = parseReportMetadata(["Modules linked in: foo bar", "kernel"]);
    expect(meta.modules).toEqual(["foo", "bar"]);
  });

  it.each([
    ["RIP: 0010:[<ffffffff81153416>]  [<ffffffff81153416>] smp_call_function_many+0x216/0x280", "smp_call_function_many"],
    // an HTML renderer ate the `<address>` of each bracket (openzfs issue, IRATI issue in testdata/real)
    ["RIP: 0010:[] [] smp_call_function_many+0x1ee/0x260", "smp_call_function_many"],
    ["IP: [] strnlen+0xe/0x20", "strnlen"],
    ["EIP is at wdev_priv.part.8+0x3/0x5 [wl]", "wdev_priv"],
    ["pc : el0_svc_common.constprop.0+0x84/0x1e0", "el0_svc_common"],
    ["PC is at __do_softirq+0x1a4/0x3c0", "__do_softirq"],
    ["NIP [c000000008068dfc] .eeh_dev_check_failure+0x27c/0x390", "eeh_dev_check_failure"],
    ["Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])", "will_oops_init"],
    ["    [exception RIP: skb_segment+3016]", "skb_segment"],
  ])("rip from %s", (line, fn) => {
    const meta = parseReportMetadata([line]);
    expect(ripFunction(meta.rip ?? "")).toBe(fn);
  });

  it("ignores user-space RIPs", () => {
    expect(parseReportMetadata(["RIP: 0033:0x7fd1f18192fb"]).rip).toBeUndefined();
  });

  it("reads the crash utility's task and sys lines", () => {
    const meta = parseReportMetadata([
      "     RELEASE: 3.10.0-1062.el7.x86_64",
      "     VERSION: #1 SMP Wed Aug 7 18:08:02 UTC 2019",
      'PID: 2371   TASK: ffff8800b9ad0000  CPU: 3   COMMAND: "kworker/3:1"',
    ]);
    expect(meta).toMatchObject({ kernelRelease: "3.10.0-1062.el7.x86_64", kernelBuild: "#1 SMP Wed Aug 7 18:08:02 UTC 2019", pid: 2371, cpu: 3, comm: "kworker/3:1" });
  });

  it("never throws on junk", () => {
    expect(parseReportMetadata(["Tainted:", "CPU: PID: Comm:", "Modules linked in:"])).toMatchObject({ modules: [] });
  });
});

describe("parseReportMetadata module continuation", () => {
  it("does not take old x86's `CPU 5` line for wrapped modules", () => {
    const longList = Array.from({ length: 30 }, (_, i) => `mod_number_${i}`).join(" ");
    const meta = parseReportMetadata([`Modules linked in: ${longList}`, "CPU 5 ", "Pid: 1, comm: x Not tainted 3.6.10-4.fc18.x86_64 #1 Board"]);
    expect(meta.modules).toHaveLength(30);
    expect(meta.kernelRelease).toBe("3.6.10-4.fc18.x86_64");
  });

  it("reads a list that starts on the line after the colon", () => {
    const meta = parseReportMetadata(["Modules linked in:", " bnep bluetooth 8021q xt_CHECKSUM", "CPU: 0 PID: 1 Comm: x Not tainted 4.0.4 #1"]);
    expect(meta.modules).toEqual(["bnep", "bluetooth", "8021q", "xt_CHECKSUM"]);
  });
});

describe("parseReportMetadata kernel ident line", () => {
  it("takes the taint from lockdep's ident line, and its release when no task line names one", () => {
    const meta = parseReportMetadata(["[ INFO: possible circular locking dependency detected ]", "3.4.0 #37 Tainted: G        W"]);
    expect(meta.taint?.flags).toBe("GW");
    expect(meta).toMatchObject({ kernelRelease: "3.4.0", kernelBuild: "#37" });
    const withTask = parseReportMetadata([
      "WARNING: possible circular locking dependency detected",
      "3.4.0 #37 Tainted: G        W",
      "CPU: 1 PID: 875 Comm: wpa_supplicant Tainted: G        W 3.4.0-1-custom #37",
    ]);
    expect(withTask.kernelRelease).toBe("3.4.0-1-custom");
  });
});

describe("parseReportMetadata xmon banner", () => {
  it("takes the release from the banner xmon prints under the crashing task's row, a task line first", () => {
    const xmon = ["    pid   = 3222, comm = udevd", "Linux version 5.0.0 (joel@ka5) (gcc version 7.3.0 (Ubuntu 7.3.0-27ubuntu1~18.04)) #22 SMP Thu Apr 11 00:07:31 AEST 2019"];
    expect(parseReportMetadata(xmon)).toMatchObject({ kernelRelease: "5.0.0", kernelBuild: "#22" });
    expect(parseReportMetadata(["CPU: 47 PID: 3222 Comm: udevd Not tainted 5.0.1 #23", ...xmon]).kernelRelease).toBe("5.0.1");
    // A banner anywhere else in a report is no release of it (a reboot's banner after the crash).
    expect(parseReportMetadata([xmon[1]]).kernelRelease).toBeUndefined();
  });
});

describe("parseReportMetadata, old 32-bit layouts", () => {
  it("reads the release in parentheses of the old Pid line", () => {
    const meta = parseReportMetadata(["Pid: 8003, comm: Xorg Not tainted (2.6.27.9-159.fc10.i686 #1)"]);
    expect(meta).toMatchObject({ pid: 8003, comm: "Xorg", kernelRelease: "2.6.27.9-159.fc10.i686", kernelBuild: "#1" });
    expect(meta.hardware).toBeUndefined();
  });

  it("reads the i386 register dump block", () => {
    const meta = parseReportMetadata([
      "CPU:    1",
      "EIP:    0060:[<c022a7b5>]    Tainted: P      VLI",
      "EFLAGS: 00010202   (2.6.18-8.el5PAE #1)",
      "EIP is at acpi_ns_internalize_name+0xd/0x83",
      "Process modprobe (pid: 4467, ti=c7878000 task=ce5c94c0 task.ti=c7878000)",
    ]);
    expect(meta).toMatchObject({
      cpu: 1,
      pid: 4467,
      comm: "modprobe",
      kernelRelease: "2.6.18-8.el5PAE",
      kernelBuild: "#1",
      rip: "acpi_ns_internalize_name+0xd/0x83",
    });
    expect(meta.taint?.flags).toBe("P");
  });

  it("reads 2.6.11–2.6.16's EFLAGS line, which carries the taint and the release", () => {
    // HP DL380 G4 soft lockup on 2.6.16.1 (lkml, 2006): the EIP line has no taint part there
    const meta = parseReportMetadata(["EIP: 0060:[<c0136c76>] CPU: 0", "EIP is at handle_IRQ_event+0x1e/0x51", " EFLAGS: 00000246    Not tainted  (2.6.16.1 #10)"]);
    expect(meta).toMatchObject({ kernelRelease: "2.6.16.1", kernelBuild: "#10", rip: "handle_IRQ_event+0x1e/0x51" });
    expect(meta.taint?.flags).toBe("");
    const tainted = parseReportMetadata([" EFLAGS: 00010286   Tainted: P      (2.6.15-1.2054_FC5 #1) "]);
    expect(tainted).toMatchObject({ kernelRelease: "2.6.15-1.2054_FC5" });
    expect(tainted.taint?.flags).toBe("P");
  });
});

describe("parseReportMetadata page-fault IP line", () => {
  it("reads `IP: [<addr>] f+…`, including the old `:module:` syntax", () => {
    expect(parseReportMetadata(["IP: [<ffffffff810a376f>] __call_rcu.constprop.76+0x1f/0x280"]).rip).toBe("__call_rcu.constprop.76+0x1f/0x280");
    expect(ripFunction(parseReportMetadata(["IP: [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302"]).rip ?? "")).toBe(
      "radeon_cp_init_ring_buffer",
    );
  });
});

describe("parseReportMetadata Markdown-linked RIP line", () => {
  it("reads the function after an address pair a Trac-to-GitHub migration turned into a link (`[ [<a>](<a>])`)", () => {
    const rip = parseReportMetadata(["RIP: e030:[ [<ffffffff8100b065>](<ffffffff8100b065>]) set_phys_to_machine+0x255/0x270"]).rip;
    expect(rip).toBe("set_phys_to_machine+0x255/0x270");
    // The undamaged pair still reads as before.
    expect(parseReportMetadata(["RIP: 0010:[<ffffffff8100b065>]  [<ffffffff8100b065>] set_phys_to_machine+0x255/0x270"]).rip).toBe(rip);
  });
});

describe("parseReportMetadata robustness", () => {
  it("never throws on arbitrary lines", async () => {
    const fc = (await import("fast-check")).default;
    const metaish = fc.constantFrom("Modules linked in:", "CPU: 1 PID: 2 Comm: x Tainted: ", "EFLAGS: 0 (", "Tainted: [", "Pid: 1, comm: ");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), metaish, fc.tuple(metaish, fc.string()).map(([a, b]) => a + b)), { maxLength: 20 }), (lines) => {
        const meta = parseReportMetadata(lines);
        return typeof meta === "object" && (meta.modules === undefined || meta.modules.every((m) => /^[\w-]+$/.test(m)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("seed incident: skb_segment BUG on ELRepo 6.1.1", () => {
  it("takes the release from the task line, not from a later boot banner in the same paste", () => {
    const meta = parseReportMetadata([
      "------------[ cut here ]------------",
      "kernel BUG at net/core/skbuff.c:4230!",
      "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
      "CPU: 3 PID: 0 Comm: swapper/3 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
      "RIP: 0010:skb_segment+0xbc8/0xd20",
      "Linux version 6.1.2-1.el9.elrepo.x86_64 (mockbuild@x) (gcc (GCC) 11.3.1) #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022",
    ]);
    expect(meta.kernelRelease).toBe("6.1.1-1.el9.elrepo.x86_64");
    expect(meta.kdumpLoaded).toBe(true);
    expect(ripFunction(meta.rip ?? "")).toBe("skb_segment");
  });
});
