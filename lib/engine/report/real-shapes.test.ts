/**
 * Report shapes from production logs that syzkaller's corpus does not have: a header repeated without a body,
 * a cut header, a BUG whose call trace is missing, MIPS and wrapped decode_stacktrace.sh register lines, RCU's
 * grace-period kthread dump, a 3.x hard lockup printed as a WARNING, and a task line wrapped after its taint.
 */
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";
import { parseFrameLine } from "./frames";
import { isGenericFrame } from "./generic-frames";

function extract(lines: string[]) {
  const ctx = createLineContext(0, 2024);
  return extractReports(lines.map((l, i) => parseLine(l, i + 1, ctx)), { fileName: "t.log" });
}

describe("reports from production logs", () => {
  it("counts a one-line header printed three times or more as that many reports, and a duplicated header as one", () => {
    const repeated = extract(Array.from({ length: 4 }, () => "NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [runc:[1:CHILD]:358270]"));
    expect(repeated).toHaveLength(4);
    expect(new Set(repeated.map((f) => f.kind))).toEqual(new Set(["soft-lockup"]));

    const duplicated = extract([
      "Nov  3 15:20:05 vm kernel: BUG: Bad page state in process omicli  pfn:2663ff",
      "Nov  3 15:20:05 vm kernel: BUG: Bad page state in process omicli  pfn:2663ff",
      "Nov  3 15:20:05 vm kernel: page:fffffdeec998ffc0 count:0 mapcount:1 mapping:          (null) index:0x7fbd75fff",
      "Nov  3 15:20:05 vm kernel: page dumped because: nonzero mapcount",
    ]);
    expect(duplicated).toHaveLength(1);

    const pair = extract([
      "Mar 16 23:34:51 h kernel: ALSA sound/core/pcm_lib.c:181: BUG: pcmC0D0p:0, pos = 0x4000, buffer size = 0x4000, period size = 0x400",
      "Mar 16 23:34:55 h kernel: ALSA sound/core/pcm_lib.c:181: BUG: pcmC0D0p:0, pos = 0x4000, buffer size = 0x4000, period size = 0x400",
    ]);
    expect(pair).toHaveLength(1);
  });

  it("names a BUG after the function its PC was in when the call trace is cut, keeping the location as an alt title", () => {
    const [bug] = extract([
      "[48816.076042] kernel BUG at kernel/sched/core.c:2734!",
      "[48816.076047] Internal error: Oops - BUG: 0 [#7] PREEMPT SMP THUMB2",
      "[48816.076104] CPU: 0 PID: 73 Comm: irq/162-mmc1 Tainted: G      D         4.1.22-ti-rt-r59 #1",
      "[48816.076119] PC is at __schedule+0x3ce/0x4f8",
      "[48816.076124] LR is at rcu_preempt_qs+0x17/0x48",
    ]);
    expect(bug).toMatchObject({ title: "kernel BUG in __schedule", guiltyFrame: "__schedule", syzkallerTitle: "kernel BUG in corrupted" });

    // A corrupted list's PC is always the list checker: the title stays `… in corrupted`.
    const [list] = extract([
      "[  269.533625] list_del corruption. prev->next should be ffff9e136bd57418, but was 677ac660ffffffff",
      "[  269.543482] kernel BUG at lib/list_debug.c:53!",
      "[  269.548458] invalid opcode: 0000 [#1] SMP PTI",
      "[  269.574323] RIP: 0010:__list_del_entry_valid.cold.1+0x34/0x4c",
    ]);
    expect(list.title).toBe("BUG: corrupted list in corrupted");

    // An skb data helper's BUG_ON fired for its caller's length: without the caller, the location names the BUG.
    const skb = (pc: string) =>
      extract([
        "[  408.460000] kernel BUG at /tmp/build/kernel-source/net/core/skbuff.c:1433!",
        "[  408.460000] Internal error: Oops - BUG: 0 [#2] ARM",
        `[  408.460000] PC is at ${pc}+0x4c/0x60`,
        "[  408.460000] LR is at foo_poll+0x324/0x4a8",
      ])[0];
    expect(skb("skb_put")).toMatchObject({ title: "kernel BUG at net/core/skbuff.c:LINE", syzkallerTitle: "kernel BUG in corrupted" });
    expect(skb("skb_segment")).toMatchObject({ title: "kernel BUG in skb_segment", guiltyFrame: "skb_segment" });
  });

  it("keeps a trace's prefix-less `f+0x/0x` frames when the paste dropped the timestamps of the stack only", () => {
    const [atomic] = extract([
      "[ 1045.726726] BUG: scheduling while atomic: swapper/0/0/0x10010000",
      "[ 1045.726787] Call Trace:",
      " dump_stack+0x19/0x1b",
      " __schedule_bug+0x4d/0x5b",
      " __schedule+0xa60/0xac0",
      " _cond_resched+0x3a/0x50",
      " __alloc_pages_nodemask+0x325/0xc40",
      " ? native_sched_clock+0x35/0x80",
      " __get_free_pages+0xe/0x50",
      " spt_cpu_startup+0x94/0x230 [simple_pt]",
    ]);
    expect(atomic).toMatchObject({ title: "BUG: scheduling while atomic in spt_cpu_startup", guiltyFrame: "spt_cpu_startup" });

    // Program output between timestamped lines is still not the report's, even right after a trace.
    const [warn] = extract([
      "[   10.000000] WARNING: CPU: 0 PID: 1 at net/core/dev.c:1 dev_foo+0x1/0x2",
      "[   10.000001] Call Trace:",
      "syz-executor: starting dev_bar",
      "[   10.000002]  dev_foo+0x1/0x2",
    ]);
    expect(warn.frames.map((f) => f.function)).toEqual(["dev_foo"]);
  });

  it("names a stack overflow after the frame above its dispatch anchor, and after its RIP when no trace is left", () => {
    const [recursed] = extract([
      "[  733.821133] BUG: stack guard page was hit at ffffc900190cfff8 (stack is ffffc900190d0000..ffffc900190d7fff)",
      "[  733.821152] kernel stack overflow (double-fault): 0000 [#1] PREEMPT SMP KASAN",
      "[  733.821187] RIP: 0010:netdev_next_lower_dev_rcu+0x8/0xb0",
      "[  733.821341] Call Trace:",
      "[  733.821347]  bond_get_lowest_level_rcu+0x12d/0x2e0",
      "[  733.821390]  bond_get_stats+0xf5/0x4d0",
      "[  733.821452]  dev_get_stats+0xa5/0x2b0",
      "[  733.821458]  bond_get_stats+0x1ed/0x4d0",
      "[  733.821529]  rtnl_fill_stats+0x48/0xa90",
      "[  733.821600]  rtnl_newlink+0x64/0xa0",
      "[  733.821610]  rtnetlink_rcv_msg+0x413/0xb80",
      "[  733.821620]  netlink_rcv_skb+0x153/0x420",
    ]);
    expect(recursed).toMatchObject({ title: "BUG: stack guard page was hit in rtnl_newlink", guiltyFrame: "rtnl_newlink" });

    const [traceless] = extract([
      "[   38.555935] BUG: stack guard page was hit at 00000000244b28bd (stack is 000000000d692c63..00000000613959ea)",
      "[   38.555949] kernel stack overflow (page fault): 0000 [#1] PREEMPT SMP NOPTI",
      "[   38.555980] RIP: 0010:process_single_tx_qlock+0x329/0x480",
      "[   38.556025] Call Trace:",
      "[   38.556058] ---[ end trace d76b60500c18efde ]---",
    ]);
    expect(traceless).toMatchObject({ title: "BUG: stack guard page was hit in process_single_tx_qlock", syzkallerTitle: "BUG: stack guard page was hit in corrupted" });
  });

  it("names an irq-safe -> irq-unsafe lock order after where the irq-safe lock was taken, not the backtrace", () => {
    const [order] = extract([
      "[  414.275945] WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected",
      "[  414.303773] ffff8880120b9168 (&new->fa_lock){.?.+}-{2:2}, at: kill_fasync+0x14b/0x460",
      "[  414.344585] but this new dependency connects a HARDIRQ-irq-safe lock:",
      "[  414.354037]  (&dev->event_lock){-.-.}-{2:2}",
      "[  414.354071] ... which became HARDIRQ-irq-safe at:",
      "[  414.367173]   lock_acquire+0x29d/0x740",
      "[  414.371795]   _raw_spin_lock_irqsave+0x39/0x50",
      "[  414.377106]   input_event+0x7b/0xb0",
      "[  414.388967]   psmouse_report_standard_buttons+0x2c/0x80",
      "[  416.112158] stack backtrace:",
      "[  416.136854] Call Trace:",
      "[  416.228655]  kill_fasync+0x14b/0x460",
      "[  416.233061]  evdev_pass_values.part.0+0x64e/0x970",
    ]);
    expect(order).toMatchObject({ kind: "lockdep", title: "possible deadlock in input_event", guiltyFrame: "input_event" });
  });

  it("reads a WARNING whose source path has a `+` in a build directory name", () => {
    const [warn] = extract([
      "[ 1428.380000] ------------[ cut here ]------------",
      "[ 1428.380000] WARNING: CPU: 1 PID: 2909 at /home/sh/openwrt/build_dir/target-mipsel_1004kc+dsp_uClibc-0.9.33.2/mt76-2016-03-04/mt7603_mac.c:1190 mt7603_mac_work+0xe8/0x288 [mt7603e]()",
    ]);
    expect(warn).toMatchObject({ kind: "warning", title: "WARNING in mt7603_mac_work", guiltyFrame: "mt7603_mac_work" });
  });

  it("reads MIPS `epc   : <address> f+…` and a decode_stacktrace.sh `pc : f` wrapped before its source", () => {
    const [mips] = extract([
      "<1>[248299.550920] CPU 0 Unable to handle kernel paging request at virtual address 07401008, epc == 8ed7c428, ra == 8ed39794",
      "<4>[248299.565457] Oops[#1]:",
      "<4>[248299.635274] epc   : 8ed7c428 nf_nat_used_tuple+0xe4/0x2cc [nf_nat]",
      "<4>[248299.641518] ra    : 8ed39794 __nf_ct_ext_destroy+0x64/0x16c [nf_conntrack]",
    ]);
    expect(mips).toMatchObject({ title: "BUG: unable to handle kernel paging request in nf_nat_used_tuple", guiltyFrame: "nf_nat_used_tuple" });

    // Lochnair/vyatta-wireguard#97: the fault is in the allocator, the link register names the module that called it.
    const inAllocator = [
      "CPU 2 Unable to handle kernel paging request at virtual address 0000000400000000, epc == ffffffff80956b74, ra == 8",
      "Oops[#1]:",
      "CPU: 2 PID: 3995 Comm: ip Tainted: P           O    4.9.79-UBNT #1",
      "epc   : ffffffff80956b74 kmem_cache_alloc+0x34/0x160",
      "ra    : ffffffffc056bd48 wg_pubkey_hashtable_alloc+0x28/0xe8 [wireguard]",
    ];
    expect(extract(inAllocator)[0]).toMatchObject({ title: "BUG: unable to handle kernel paging request in wg_pubkey_hashtable_alloc", guiltyFrame: "wg_pubkey_hashtable_alloc" });
    // a generic caller in the link register is no better: the RIP's function stays
    const genericCaller = inAllocator.map((l) => l.replace(/wg_pubkey_hashtable_alloc\+0x28\/0xe8 \[wireguard\]/, "__kmalloc+0x28/0xe8"));
    expect(extract(genericCaller)[0]).toMatchObject({ guiltyFrame: "kmem_cache_alloc" });
    // a BUG keeps its RIP's function: that is where the check fired
    const [bug] = extract([
      "[   60.422640] kernel BUG at mm/slub.c:3950!",
      "[   60.422643] Internal error: Oops - BUG: 0 [#1] SMP",
      "[   60.472089] CPU: 0 PID: 102 Comm: kworker/0:2 Tainted: P           O      4.19.152 #1",
      "[   60.500711] pc : kfree+0xd8/0x120",
      "[   60.504052] lr : skb_free_head+0x18/0x30",
    ]);
    expect(bug.guiltyFrame).not.toBe("skb_free_head");

    const [decoded] = extract([
      "<4>[    0.220528] ------------[ cut here ]------------",
      "<4>[ 0.220657] WARNING: CPU: 1 PID: 0 at kernel/time/clockevents.c:455",
      "clockevents_register_device (kernel/time/clockevents.c:455",
      "<4>[ 0.223815] pc : clockevents_register_device",
      "(kernel/time/clockevents.c:455 (discriminator 1))",
      "<4>[ 0.223899] lr : clockevents_config_and_register",
      "(kernel/time/clockevents.c:523)",
      "<4>[    0.224839] Call trace:",
      "<4>[ 0.224868] clockevents_config_and_register (kernel/time/clockevents.c:523)",
    ]);
    expect(decoded.guiltyFrame).toBe("clockevents_register_device");
  });

  it("never blames RCU's grace-period kthread for a stall, nor a bare kthread anchor", () => {
    const found = extract([
      "[  103.087243] rcu: INFO: rcu_sched detected stalls on CPUs/tasks:",
      "[  103.087558] rcu: \t1-...!: (0 ticks this GP) idle=cf8/0/0x0 softirq=20/20 fqs=0 ",
      "[  103.088684] NMI backtrace for cpu 1 skipped: idling at default_idle+0x1e/0x130",
      "[  103.088153] rcu: rcu_sched kthread starved for 38227 jiffies! g-1127 f0x0 RCU_GP_WAIT_FQS(5) ->state=0x402 ->cpu=1",
      "[  103.088153] rcu: RCU grace-period kthread stack dump:",
      "[  103.088153] rcu_sched       I15016    11      2 0x80004000",
      "[  103.088153] Call Trace:",
      "[  103.088153]  __schedule+0x288/0x600",
      "[  103.088153]  schedule+0x34/0xa0",
      "[  103.088153]  schedule_timeout+0x84/0x140",
      "[  103.088153]  rcu_gp_kthread+0x4f6/0xd40",
      "[  103.088153]  kthread+0x107/0x120",
      "[  103.088153]  ret_from_fork+0x35/0x40",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "rcu-stall", title: "INFO: rcu detected stall in corrupted" });
    expect(found[0].guiltyFrame).toBeUndefined();
  });

  it("finds a soft lockup whose header line was cut from the watchdog's frame under the RIP", () => {
    const found = extract([
      "Oct 24 01:36:33 sn01 kernel: RIP: 0010:smp_call_function_many_cond+0x11e/0x4f0",
      "Oct 24 01:36:33 sn01 kernel: RSP: 0018:ffffbd7940c0fd70 EFLAGS: 00000202",
      "Oct 24 01:36:33 sn01 kernel: Call Trace:",
      "Oct 24 01:36:33 sn01 kernel:  <IRQ>",
      "Oct 24 01:36:33 sn01 kernel:  ? watchdog_timer_fn+0x1b8/0x220",
      "Oct 24 01:36:33 sn01 kernel:  ? __hrtimer_run_queues+0x112/0x2b0",
    ]);
    expect(found).toHaveLength(1);
    // The title takes syzkaller's stall bucket; the guilty frame stays the function the CPU spun in.
    expect(found[0]).toMatchObject({ kind: "soft-lockup", title: "BUG: soft lockup in smp_call_function", guiltyFrame: "smp_call_function_many_cond", corrupted: true });
    expect(found[0].source.line).toBe(1);

    // With its header, the watchdog frame is part of the soft lockup report, not a second one.
    const whole = extract([
      "[ 3498.018764] watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [containerd:913]",
      "[ 3498.021682] RIP: 0010:smp_call_function_single+0xce/0xf2",
      "[ 3498.021700] Call Trace:",
      "[ 3498.021701]  <IRQ>",
      "[ 3498.021702]  ? watchdog_timer_fn+0x1b8/0x220",
    ]);
    expect(whole.map((f) => f.kind)).toEqual(["soft-lockup"]);
  });

  it("titles a WARN raised in an interrupt by the interrupt, whichever task it interrupted (linux-mm 2015, 3.10)", () => {
    const occurrence = (tail: string[]) => [
      "------------[ cut here ]------------",
      "WARNING: at arch/x86/kernel/irq.c:182 do_IRQ+0x126/0x140()",
      "Thread not rescheduled for 36 jiffies",
      "CPU: 14 PID: 6684 Comm: foo Tainted: G           O 3.10.59+",
      "Call Trace:",
      " <IRQ>  [<ffffffff8163a12c>] dump_stack+0x19/0x1b",
      " [<ffffffff8103f131>] warn_slowpath_common+0x61/0x80",
      " [<ffffffff8103f19c>] warn_slowpath_fmt+0x4c/0x50",
      " [<ffffffff810bd917>] ? rcu_irq_exit+0x77/0xc0",
      " [<ffffffff8164a556>] do_IRQ+0x126/0x140",
      " [<ffffffff816407ef>] common_interrupt+0x6f/0x6f",
      ...tail,
      "---[ end trace 6b0a8d2341444bdd ]---",
    ];
    const found = extract([
      ...occurrence([" <EOI>  [<ffffffff810fde68>] ? set_pageblock_migratetype+0x28/0x30", " [<ffffffff81034e85>] pte_alloc_one_kernel+0x15/0x20", " [<ffffffff8126531c>] ioremap_page_range+0x2cc/0x320"]),
      ...occurrence([" <EOI>  [<ffffffff81640861>] ? retint_restore_args+0x13/0x13", " [<ffffffff8112c5e1>] remove_vm_area+0x51/0x70", " [<ffffffff810318a7>] iounmap+0x67/0xa0"]),
    ]);
    expect(found.map((f) => [f.title, f.guiltyFrame])).toEqual([["WARNING in do_IRQ", "do_IRQ"], ["WARNING in do_IRQ", "do_IRQ"]]);
  });

  it("names a bare EIP address by ksymoops' `>>EIP;` decode below the oops (lkml 2005, 2.6.10)", () => {
    const oops = (decode: string) => [
      "Unable to handle kernel paging request at virtual address ff890000",
      "Oops: 0000 [#1]",
      "CPU:    0",
      "EIP:    0060:[<c0173bb3>]    Not tainted VLI",
      "EFLAGS: 00010286   (2.6.10-1.12_FC2) ",
      "Call Trace:",
      " [<c0173c20>] generic_readlink+0x45/0x68",
      " [<c017f1f9>] update_atime+0x76/0x9e",
      "Code: b0 00 00 00 5b 5e 5f 5d c3 55 31 c0 89 d5 57 89 ca 56 53 8b 74 24 14 81 fe 18 fc ff ff 0f 97 c0 <f2> ae f7 d1",
      "",
      decode,
      "",
      "Trace; c0173c20 <generic_readlink+45/68>",
    ];
    expect(extract(oops(">>EIP; c0173bb3 <vfs_readlink+22/4a>   <=====")).map((f) => f.guiltyFrame)).toEqual(["vfs_readlink"]);
    // without the decode the bare address names nothing: the call trace does
    expect(extract(oops("")).map((f) => f.guiltyFrame)).toEqual(["generic_readlink"]);
  });

  it("takes a 3.x hard lockup printed as the NMI watchdog's WARNING for a hard lockup", () => {
    const [lockup] = extract([
      "[86185.341902] ------------[ cut here ]------------",
      "[86185.346539] WARNING: CPU: 1 PID: 31758 at /build/linux-xkTWug/linux-3.16.7-ckt11/kernel/watchdog.c:265 watchdog_overflow_callback+0x98/0xc0()",
      "[86185.359253] Watchdog detected hard LOCKUP on cpu 1",
      "[86185.458511] CPU: 1 PID: 31758 Comm: sqlvpn Tainted: G           O  3.16.0-4-amd64 #1 Debian 3.16.7-ckt11-1+deb8u5",
    ]);
    expect(lockup).toMatchObject({ kind: "hard-lockup", title: "Watchdog detected hard LOCKUP on cpu NUM", kernelRelease: "3.16.0-4-amd64" });
  });

  it("takes the release of a task line wrapped after its taint", () => {
    const [gpf] = extract([
      "[  767.681767] general protection fault: 0000 [#1] SMP PTI",
      "[  767.681767] CPU: 0 PID: 3175 Comm: btrfs-transacti Not tainted",
      "4.15.0-123-generic #126-Ubuntu",
      "[  767.683792] RIP: 0010:resolve_indirect_refs+0x1e6/0x7b0 [btrfs]",
    ]);
    expect(gpf).toMatchObject({ kernelRelease: "4.15.0-123-generic", kernelBuild: "#126-Ubuntu", comm: "btrfs-transacti" });
  });

  it("reads a hung-task header and its taint line that a mail client wrapped (linux-nfs 2023, dmesg -T)", () => {
    const [hung] = extract([
      "[Wed Nov  1 08:03:54 2023] INFO: task kworker/u16:5:2274646 blocked",
      "for more than 120 seconds.",
      "[Wed Nov  1 08:03:55 2023]       Tainted: G        W  OE",
      "6.2.0-34-generic #34-Ubuntu",
      "[Wed Nov  1 08:03:55 2023] Call Trace:",
      "[Wed Nov  1 08:03:55 2023]  <TASK>",
      "[Wed Nov  1 08:03:55 2023]  __schedule+0x2aa/0x610",
      "[Wed Nov  1 08:03:55 2023]  schedule+0x63/0x110",
      "[Wed Nov  1 08:03:55 2023]  wait_for_completion+0x88/0x150",
      "[Wed Nov  1 08:03:55 2023]  rpcrdma_xprt_disconnect+0x33f/0x350 [rpcrdma]",
      "[Wed Nov  1 08:03:55 2023]  xprt_rdma_close+0x12/0x40 [rpcrdma]",
      "[Wed Nov  1 08:03:55 2023]  </TASK>",
    ]);
    expect(hung).toMatchObject({ kind: "hung-task", title: "INFO: task hung in rpcrdma_xprt_disconnect", kernelRelease: "6.2.0-34-generic", kernelBuild: "#34-Ubuntu" });
    // a prefix-less line that is not the header's rest stays out of the report
    const [other] = extract(["[  1.0] INFO: task a:1 blocked", "some shell output", "[  1.1] Call Trace:", "[  1.1]  foo+0x1/0x2"]);
    expect(other?.kind).not.toBe("hung-task");
  });
});

describe("ARM frames since 5.x", () => {
  it("reads `f from g+0x…/0x…` as a frame of f, with f's module", () => {
    expect(parseFrameLine(" __schedule from schedule+0x20/0xac")).toMatchObject({ function: "__schedule", reliable: true });
    expect(parseFrameLine(" nf_hook_slow [nf_tables] from ip_rcv+0x50/0x60")).toMatchObject({ function: "nf_hook_slow", module: "nf_tables" });
    expect(parseFrameLine("returned from somewhere")).toBeUndefined();
  });
});

describe("entry code of older kernels and other architectures", () => {
  it("is generic: 2.6/3.x x86 syscall and softirq entry, ARM, arm64, ppc and s390 syscall entry", () => {
    for (const fn of ["system_call_fastpath", "tracesys", "call_softirq", "ret_fast_syscall", "vector_swi", "el0_svc", "system_call_exception", "ret_from_except_lite", "__do_syscall", "ret_from_syscall"]) {
      expect(isGenericFrame(fn), fn).toBe(true);
    }
    // riscv's exception return and the callback runners are where syzkaller blames a bad jump: never skipped.
    for (const fn of ["ret_from_exception", "process_one_work", "__run_timers", "ovl_sync_fs"]) expect(isGenericFrame(fn), fn).toBe(false);
    // Sleeping helpers: `scheduling while atomic` blames the driver that slept, not `usleep_range`.
    for (const fn of ["msleep", "usleep_range", "schedule_hrtimeout_range", "io_schedule_timeout", "out_of_line_wait_on_bit"]) expect(isGenericFrame(fn), fn).toBe(true);
  });
});

describe("kernel stack overflow", () => {
  it("is one report on every architecture, named after the overflowing function", () => {
    const x86 = extract([
      "[  100.000001] BUG: stack guard page was hit at 00000000a7b1f3a5 (stack is 0000000025d7e9f5..00000000c4e3c3e0)",
      "[  100.000002] kernel stack overflow (double-fault): 0000 [#1] SMP PTI",
      "[  100.000003] CPU: 3 PID: 8011 Comm: cas Tainted: G           OE     5.10.0 #1",
      "[  100.000004] RIP: 0010:ocf_read_pt+0x12/0x150 [cas_cache]",
    ]);
    expect(x86.map((f) => f.title)).toEqual(["BUG: stack guard page was hit in ocf_read_pt"]);

    const headless = extract([
      "[  100.000002] kernel stack overflow (double-fault): 0000 [#1] SMP PTI",
      "[  100.000004] RIP: 0010:ocf_read_pt+0x12/0x150 [cas_cache]",
    ]);
    expect(headless.map((f) => [f.kind, f.title])).toEqual([["oops", "kernel stack overflow in ocf_read_pt"]]);

    const ppc = extract([
      "[ 2135.432221] Kernel stack overflow in process swapper/3[0], r1=c000000001393b30",
      "[ 2135.432255] Oops: Kernel stack overflow, sig: 11 [#1]",
      "[ 2135.432300] NIP [c000000000f00110] xfs_bmapi_read+0x40/0x400 [xfs]",
    ]);
    expect(ppc.map((f) => f.title)).toEqual(["kernel stack overflow in xfs_bmapi_read"]);

    const arm64 = extract([
      "[   26.327000] Insufficient stack space to handle exception!",
      "[   26.327010] Task stack:     [0xffffff80092d4000..0xffffff80092d8000]",
      "[   26.327020] pc : ext4_find_extent+0x30/0x360",
      "[   26.328000] Kernel panic - not syncing: kernel stack overflow",
    ]);
    expect(arm64.map((f) => [f.title, f.panicked])).toEqual([["kernel stack overflow in ext4_find_extent", true]]);
  });
});

describe("ppc's die() line alone", () => {
  it("is a kernel stack overflow when the line before it was lost", () => {
    const [oops] = extract([
      "[ 2135.432255] Oops: Kernel stack overflow, sig: 11 [#1]",
      "[ 2135.432300] NIP [c000000000f00110] xfs_bmapi_read+0x40/0x400 [xfs]",
    ]);
    expect(oops).toMatchObject({ kind: "oops", title: "kernel stack overflow in xfs_bmapi_read" });
  });
});

describe("ppc64 hard lockups", () => {
  it("reads `Watchdog CPU:N Hard LOCKUP` and `CPU N self-detected hard LOCKUP`, the CPU's function from its `NIP [addr] f` line", () => {
    const [old] = extract([
      "[  252.718655] Watchdog CPU:59 Hard LOCKUP",
      "[  252.718697] CPU: 59 PID: 363 Comm: watchdog/59 Tainted: G      D          4.15.0-33-generic #36-Ubuntu",
      "[  252.718700] NIP:  c000000000d02480 LR: c000000000151318 CTR: c000000000444d00",
      "[  252.718800] NIP [c000000000d02480] dbs_update_util_handler+0x18/0xf0",
    ]);
    expect(old).toMatchObject({ kind: "hard-lockup", title: "Watchdog detected hard LOCKUP on cpu NUM", guiltyFrame: "dbs_update_util_handler" });
    const [self] = extract(["[ 5.1] watchdog: CPU 3 self-detected hard LOCKUP @ plpar_hcall_norets+0x1c/0x28"]);
    expect(self).toMatchObject({ kind: "hard-lockup", title: "Watchdog detected hard LOCKUP on cpu NUM" });
  });
});

describe("arm32 unwinder traces", () => {
  it("read a sleeping task's `(f) from` frames printed under its state line with no `Backtrace:` line", () => {
    const [hung] = extract([
      "INFO: task brcmf_wdog/mmc1:621 blocked for more than 120 seconds.",
      "Not tainted 4.19.94-07984-g24ff99a0f713 #1",
      "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
      "brcmf_wdog/mmc1 D    0   621      2 0x00000000 last_sleep: 2440793077.  last_runnable: 2440766827",
      "[<c0aa1e60>] (__schedule) from [<c0aa2100>] (schedule+0x98/0xc4)",
      "[<c0aa2100>] (schedule) from [<c0853830>] (__mmc_claim_host+0x154/0x274)",
      "[<c0853830>] (__mmc_claim_host) from [<bf10c5b8>] (brcmf_sdio_watchdog_thread+0x1b0/0x1f8 [brcmfmac])",
      "[<bf10c5b8>] (brcmf_sdio_watchdog_thread [brcmfmac]) from [<c02570b8>] (kthread+0x178/0x180)",
    ]);
    expect(hung).toMatchObject({ kind: "hung-task", title: "INFO: task hung in __mmc_claim_host", guiltyFrame: "__mmc_claim_host", corrupted: false });
  });
});

describe("stacks of guesses only", () => {
  it("name the display title after the first guessed frame; syzkaller's title stays `… in corrupted`", () => {
    const [hung] = extract([
      "[ 1.0] INFO: task jbd2/sda1-8:512 blocked for more than 120 seconds.",
      "[ 1.1] Call Trace:",
      "[ 1.2]  [<ffffffff8150e3c5>] ? schedule+0x215/0x2e0",
      "[ 1.3]  [<ffffffffa0071d43>] ? jbd2_journal_commit_transaction+0x1e3/0x1510",
      "[ 1.4]  [<ffffffff810096f0>] ? __switch_to+0xd0/0x320",
    ]);
    expect(hung).toMatchObject({ title: "INFO: task hung in jbd2_journal_commit_transaction", syzkallerTitle: "INFO: task hung in corrupted", guiltyFrame: "jbd2_journal_commit_transaction" });
    expect(hung.altTitles).toContain("INFO: task hung in corrupted");
  });
});

describe("a hard lockup quoted in a commit message as a trimmed crash bt", () => {
  it("reads `exception RIP:` without brackets as the stack's start and names the lock's taker", () => {
    const [lockup] = extract([
      "Kernel panic - not syncing: Hard LOCKUP",
      "CPU: 3 PID: 110402 Comm: cat Kdump: loaded",
      "",
      "exception RIP: native_queued_spin_lock_slowpath+91",
      "",
      "[IRQ stack]",
      " native_queued_spin_lock_slowpath at ffffffffb814e30b",
      " _raw_spin_lock at ffffffffb89a667a",
      " lpfc_rx_monitor_record at ffffffffc0a73a36 [lpfc]",
      " lpfc_cmf_timer at ffffffffc0abbc67 [lpfc]",
      " __hrtimer_run_queues at ffffffffb8184250",
      "[End of IRQ stack]",
    ]);
    expect(lockup).toMatchObject({ kind: "hard-lockup", guiltyFrame: "lpfc_rx_monitor_record" });
  });
});

describe("a panic printed under a stack whose report header was cut", () => {
  it("reads the bare `Call Trace:` block right above the panic line as its stack; a block broken by prose is not", () => {
    const trace = [
      "Call Trace:",
      " _raw_spin_lock_irqsave+0x32/0x40",
      " lpfc_dmp_dbg.part.32+0x28/0x220 [lpfc]",
      " lpfc_cmpl_els_fdisc+0x145/0x460 [lpfc]",
      " lpfc_do_work+0x1485/0x1d70 [lpfc]",
      " kthread+0x112/0x130",
    ];
    const [lockup] = extract([...trace, "Kernel panic - not syncing: Hard LOCKUP"]);
    expect(lockup).toMatchObject({ kind: "hard-lockup", guiltyFrame: "lpfc_dmp_dbg" });
    expect(lockup.source.line).toBe(1);
    const [apart] = extract([...trace, "The same CPU tries to claim the lock twice.", "Kernel panic - not syncing: Hard LOCKUP"]);
    expect(apart.guiltyFrame).toBeUndefined();
  });
});
