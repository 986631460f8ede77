import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFunctionName, isAddressOnlyFrame, parseFrameLine, parseFrames, parseKsymoopsFrame, parseStackSections } from "./frames";

const names = (lines: string[]) => parseFrames(lines).map((f) => f.function);

describe("cleanFunctionName", () => {
  it.each([
    ["wdev_priv.part.8", "wdev_priv"],
    ["__slab_alloc.isra.50.constprop.56", "__slab_alloc"],
    ["tcp_sendmsg_locked.cold", "tcp_sendmsg_locked"],
    ["nf_hook_slow.cold.12", "nf_hook_slow"],
    ["ext4_map_blocks.llvm.1234567890", "ext4_map_blocks"],
    [".sys_read", "sys_read"],
    ["skb_segment", "skb_segment"],
  ])("%s -> %s", (raw, clean) => {
    expect(cleanFunctionName(raw)).toBe(clean);
  });
});

describe("parseFrameLine", () => {
  it("reads decode_stacktrace.sh frames (source instead of offset, discriminators, `?` guesses)", () => {
    expect(parseFrameLine("shmem_get_policy (mm/shmem.c:1262)")).toMatchObject({ function: "shmem_get_policy", file: "mm/shmem.c", fileLine: 1262, reliable: true });
    expect(parseFrameLine("nwl_unmask_leg_irq (drivers/pci/controller/pcie-xilinx-nwl.c:389 (discriminator 1))")).toMatchObject({ function: "nwl_unmask_leg_irq", fileLine: 389 });
    expect(parseFrameLine("? context_tracking_user_exit (arch/x86/include/asm/paravirt.h:809 (discriminator 2) kernel/context_tracking.c:182 (discriminator 2))")).toMatchObject({
      function: "context_tracking_user_exit",
      reliable: false,
    });
    expect(parseFrameLine("ath10k_htt_rx (drivers/net/wireless/ath/ath10k/htt_rx.c:12) [ath10k_core]")).toMatchObject({ module: "ath10k_core" });
    // Prose with a parenthesised file is no frame.
    expect(parseFrameLine("see the fix (net/core/dev.c:12) upstream")).toBeUndefined();
    // A source list a mail client wrapped past what the line joiner mends: the closing parenthesis never came.
    expect(parseFrameLine("process_one_work (/build/linux-5.3.0/arch/x86/include/asm/jump_label.h:25 /build/linux-5.3.0/include/trace/events/workqueu")).toMatchObject({
      function: "process_one_work",
      fileLine: 25,
    });
  });

  it("reads 2.6.0's i386 frames, the address printed as its symbol with decimal offsets", () => {
    // lkml, 2.6.0-test8 boot (syslog): ` [__might_sleep+157/176] __might_sleep+0x9d/0xb0`
    expect(parseFrameLine(" [acquire_console_sem+45/80] acquire_console_sem+0x2d/0x50")).toMatchObject({ function: "acquire_console_sem", offset: 0x2d, size: 0x50, reliable: true });
    // a bracket that is neither an address nor a symbol with decimal offsets is no such frame
    expect(parseFrameLine(" [acquire_console_sem+0x2d] acquire_console_sem+0x2d/0x50")).toBeUndefined();
  });

  it("reads a frame that keeps its offset and puts the decoded source in parentheses", () => {
    expect(parseFrameLine("    virtnet_xsk_pool_enable+0x293/0x6a0 (drivers/net/virtio_net.c:5882)")).toMatchObject({
      function: "virtnet_xsk_pool_enable",
      offset: 0x293,
      file: "drivers/net/virtio_net.c",
      fileLine: 5882,
      reliable: true,
    });
    expect(parseFrameLine(" ? xp_assign_dev+0x369/0x670 (net/xdp/xsk_buff_pool.c:226)")).toMatchObject({ function: "xp_assign_dev", reliable: false });
    // The bare form and arm64's context marker read as before.
    expect(parseFrameLine(" f+0x1/0x2 net/x.c:12")).toMatchObject({ function: "f", file: "net/x.c", fileLine: 12 });
    expect(parseFrameLine(" show_stack+0x18/0x24 (C)")).toMatchObject({ function: "show_stack" });
    // Not a source: prose after a frame-like word.
    expect(parseFrameLine("f+0x1/0x2 (see the fix)")).toBeUndefined();
  });

  it("reads an old x86 frame with address and module", () => {
    expect(parseFrameLine(" [<ffffffffa03c9273>] ieee80211_deliver_skb.isra.30+0xa3/0x210 [mac80211]")).toEqual({
      function: "ieee80211_deliver_skb",
      rawFunction: "ieee80211_deliver_skb.isra.30",
      offset: 0xa3,
      size: 0x210,
      module: "mac80211",
      reliable: true,
      address: "ffffffffa03c9273",
    });
  });

  it("marks `?` frames unreliable", () => {
    expect(parseFrameLine(" ? __kfree_skb+0x3f/0xa0")).toMatchObject({ function: "__kfree_skb", reliable: false });
  });

  it("reads a module with a build id", () => {
    expect(parseFrameLine(" btrfs_commit_transaction+0x1b/0x9f0 [btrfs 0e1ec8c6e5d8a1e8f1b9]")?.module).toBe("btrfs");
  });

  it("reads symbolised and inlined frames", () => {
    expect(parseFrameLine(" rawv6_sendmsg+0x2ede/0x4400 net/ipv6/raw.c:932")).toMatchObject({
      function: "rawv6_sendmsg",
      file: "net/ipv6/raw.c",
      fileLine: 932,
    });
    expect(parseFrameLine(" sock_sendmsg_nosec net/socket.c:633 [inline]")).toMatchObject({
      function: "sock_sendmsg_nosec",
      file: "net/socket.c",
      fileLine: 633,
      reliable: true,
    });
  });

  it("reads the old symbolisers' placeholder addresses (`[<     inline     >]`, `[<      none      >]`)", () => {
    expect(parseFrameLine(" [<     inline     >] balance_pgdat mm/vmscan.c:3739")).toMatchObject({
      function: "balance_pgdat",
      file: "mm/vmscan.c",
      fileLine: 3739,
      reliable: true,
    });
    expect(parseFrameLine(" [<      none      >] kswapd+0x309f/0x3920 mm/vmscan.c:3956")).toMatchObject({ function: "kswapd", offset: 0x309f, reliable: true });
    expect(parseFrameLine("  ?[<      none      >] kswapd_run+0x390/0x390 mm/vmscan.c:4092")).toMatchObject({ function: "kswapd_run", reliable: false });
    expect(parseFrameLine(" [<     inline     >] garbage")).toBeUndefined();
  });

  it("reads ARM, ppc64 and crash bt frames", () => {
    expect(parseFrameLine("[<c00a8a00>] (watchdog) from [<c0044898>] (kthread+0xe8/0xfc)")).toMatchObject({ function: "watchdog" });
    // An 80-column wrap cut the caller half (testdata/real/warning/forum31-forum-fsnet-…): the frame is whole.
    expect(parseFrameLine("[<805a2f20>] (nand_scan_with_ids) from [<805aceb4>] (gpmi_nand_fus_probe+0x290/0")).toMatchObject({
      function: "nand_scan_with_ids",
      address: "805a2f20",
    });
    expect(parseFrameLine("[<801292c0>] (warn_slowpath_fmt) from [<805a2f20>] (nand_scan_with_ids+0xb88/0x1")).toMatchObject({ function: "warn_slowpath_fmt" });
    expect(parseFrameLine("[<8052e7f0>] (__driver_attach) from [<8052c6")).toMatchObject({ function: "__driver_attach" });
    expect(parseFrameLine("[c000000010f930b0] [c000000008068df8] .rtas_read_config+0x128/0x170 (unreliable)")).toMatchObject({
      function: "rtas_read_config",
      rawFunction: ".rtas_read_config",
      reliable: false,
    });
    expect(parseFrameLine(" #9 [ffff8800794f3b58] tcp_gso_segment at ffffffff815d3e6b")).toMatchObject({
      function: "tcp_gso_segment",
      address: "ffffffff815d3e6b",
    });
  });

  it("reads a crash bt frame quoted without its `#N [sp]` columns, and no prose that merely says `at`", () => {
    expect(parseFrameLine(" lpfc_rx_monitor_record at ffffffffc0a73a36 [lpfc]")).toMatchObject({
      function: "lpfc_rx_monitor_record",
      module: "lpfc",
      address: "ffffffffc0a73a36",
    });
    expect(parseFrameLine(" _raw_spin_lock at ffffffffb89a667a")).toMatchObject({ function: "_raw_spin_lock" });
    expect(parseFrameLine("queue at 12")).toBeUndefined();
    expect(parseFrameLine("BUG: unable to handle kernel paging request at ffffffffc0a73a36")).toBeUndefined();
  });

  it("reads xmon's backtrace rows (stack slot bracketed, return address bare), not its link register or empty slots", () => {
    // testdata/real/paging-fault/arch38-gh-linuxppc-237-…: ppc's debugger prints its own backtrace.
    expect(parseFrameLine("[c000001ff43ab9e0] c0000000005055b4 device_rename+0x74/0xd8")).toMatchObject({
      function: "device_rename",
      address: "c0000000005055b4",
      reliable: true,
    });
    expect(parseFrameLine("[c00000000111fd40] c00000000004e1d4 power9_idle_type+0x4c/0x70 (unreliable)")).toMatchObject({ reliable: false });
    expect(parseFrameLine("[link register   ] c000000000c001c0 kobject_rename+0x2c/0x160")).toBeUndefined();
    expect(parseFrameLine("[c000001ff43ab930] 5deadbeef0000200 (unreliable)")).toBeUndefined();
  });

  it("does not take register lines for frames", () => {
    expect(parseFrameLine("RIP: 0010:skb_segment+0xbc8/0xd20")).toBeUndefined();
    expect(parseFrameLine("pc : el0_svc_common+0x84/0x1e0")).toBeUndefined();
    expect(parseFrameLine("NIP [c000000008068dfc] .eeh_dev_check_failure+0x27c/0x390")).toBeUndefined();
    expect(parseFrameLine("WARNING: CPU: 3 PID: 528 at net/wireless/sme.c:795 f+0x89/0x90 [cfg80211]")).toBeUndefined();
  });
});

describe("parseFrames", () => {
  it("tracks <IRQ>/<EOI> contexts, including markers that share a line with a frame", () => {
    const frames = parseFrames([
      "Call Trace:",
      " <IRQ>  [<ffffffff81656735>] dump_stack+0x19/0x1b",
      " [<ffffffff8159d19a>] tcp_fastretrans_alert+0xc7a/0xd10",
      " <EOI>  [<ffffffff8101a2b3>] cpu_idle+0x1/0x2",
    ]);
    expect(frames.map((f) => [f.function, f.context])).toEqual([
      ["dump_stack", "irq"],
      ["tcp_fastretrans_alert", "irq"],
      ["cpu_idle", "task"],
    ]);
  });

  it("reads 2.6.0–2.6.17 x86_64 traces: several `<addr>{f+dec}` frames a line, modules, markers between, `+0` guesses", () => {
    // cryptoloop/serpent soft lockup on 2.6.17.3 (lkml, 2006), re-wrapped by the mail client
    const frames = parseFrames([
      "Call Trace: <IRQ> <ffffffff8024afa3>{softlockup_tick+210}",
      "<ffffffff8020a354>{apic_timer_interrupt+132} <EOI>",
      "       <ffffffff880a1cdb>{:serpent:serpent_encrypt+1695}",
      "<ffffffff802ef402>{cbc_process_encrypt+91}",
      "       <ffffffff880a163c>{:serpent:serpent_encrypt+0}",
      "       <ffffffff802ef1a2>{crypt+364} <ffffffff802228c7>{try_to_wake_up",
      "+955}",
      "       <ffffffff8809d291>{:cryptoloop:cryptoloop_transfer_cbc+222}",
    ]);
    expect(frames.map((f) => [f.function, f.module, f.context, f.reliable])).toEqual([
      ["softlockup_tick", undefined, "irq", true],
      ["apic_timer_interrupt", undefined, "irq", true],
      ["serpent_encrypt", "serpent", "task", true],
      ["cbc_process_encrypt", undefined, "task", true],
      ["serpent_encrypt", "serpent", "task", false],
      ["crypt", undefined, "task", true],
      ["cryptoloop_transfer_cbc", "cryptoloop", "task", true],
    ]);
    expect(frames[2].offset).toBe(1695);
  });

  it("reads 2.4 klogd-decoded traces (`[f+dec/dec]` several a line), the `Call Trace:` line's own included", () => {
    // knfsd oops on 2.4.16 + XFS (lkml, 2001)
    expect(
      names([
        "Call Trace: [nfsd_findparent+52/256] [find_fh_dentry+558/820] [fh_verify+508/988] ",
        "   [nfsd3_proc_lookup+212/224] [nfsd_dispatch+211/416] ",
      ]),
    ).toEqual(["nfsd_findparent", "find_fh_dentry", "fh_verify", "nfsd3_proc_lookup", "nfsd_dispatch"]);
    // bracketed words that are not frames leave a line alone
    expect(names(["Call Trace:", "  [drm] Initialized [radeon+1/2] now"])).toEqual([]);
  });

  it("ends an NMI stack at `<EOE>` (4.x) as at `<<EOE>>`, reading the frame on the same line", () => {
    for (const marker of ["<EOE>", "<<EOE>>"]) {
      const frames = parseFrames([
        "Call Trace:",
        " <NMI>  [<ffffffff8b129665>] watchdog_overflow_callback+0xd5/0xe0",
        " [<ffffffff8b5d6721>] end_repeat_nmi+0x1a/0x1e",
        ` ${marker}  [<ffffffff8b5d4df8>] _raw_spin_lock_irq+0x28/0x30`,
        " [<ffffffff8b1d2a10>] mem_cgroup_force_empty_write+0x40/0x90",
      ]);
      expect(frames.map((f) => [f.function, f.context]), marker).toEqual([
        ["watchdog_overflow_callback", "nmi"],
        ["end_repeat_nmi", "nmi"],
        ["_raw_spin_lock_irq", "task"],
        ["mem_cgroup_force_empty_write", "task"],
      ]);
    }
  });

  it("handles the newer <NMI>/</NMI> and <TASK> markers", () => {
    const frames = parseFrames([
      "Call Trace:",
      " <NMI>",
      " dump_stack_lvl+0x48/0x70",
      " </NMI>",
      " <TASK>",
      " ? native_queued_spin_lock_slowpath+0x6e/0x2e0",
      " _raw_spin_lock+0x1e/0x30",
      " </TASK>",
    ]);
    expect(frames.map((f) => [f.function, f.context, f.reliable])).toEqual([
      ["dump_stack_lvl", "nmi", true],
      ["native_queued_spin_lock_slowpath", "task", false],
      ["_raw_spin_lock", "task", true],
    ]);
  });

  it("reads a trace trimmed to bare function names only as a run under its `Call Trace:`", () => {
    // NVIDIA/open-gpu-kernel-modules#1167 (a comment's hung task, offsets stripped by the poster)
    const frames = parseFrames([
      "INFO: task sway:967 blocked for more than 1228 seconds.",
      "task:sway            state:D stack:0     pid:967   ppid:925",
      "Call Trace:",
      " __schedule",
      " schedule",
      " down",
      " nvkms_ioctl_from_kapi_try_pmlock [nvidia_modeset]",
      " ? drm_atomic_check_only",
      " ...",
      "",
      "INFO: task sway:967 blocked on a semaphore likely last held by task nvidia-modeset/:727",
      " stray",
    ]);
    expect(frames.map((f) => [f.function, f.module, f.reliable])).toEqual([
      ["__schedule", undefined, true],
      ["schedule", undefined, true],
      ["down", undefined, true],
      ["nvkms_ioctl_from_kapi_try_pmlock", "nvidia_modeset", true],
      ["drm_atomic_check_only", undefined, false],
    ]);
    // context markers stay inside the run (a trimmed soft-lockup splat in a commit message)
    const irq = parseFrames(["Call Trace:", "  <IRQ>", " _raw_spin_lock_bh", " subflow_error_report", "  </IRQ>", " cpuidle_enter", "RIP: 0010:x", " stray"]);
    expect(irq.map((f) => [f.function, f.context])).toEqual([["_raw_spin_lock_bh", "irq"], ["subflow_error_report", "irq"], ["cpuidle_enter", "task"]]);
    // a lone word is no frame outside such a run: after an ordinary frame, after a register line, with no trace at all
    expect(names(["Call Trace:", " schedule+0x29/0x70", " stray"])).toEqual(["schedule"]);
    expect(names(["Call Trace:", "RIP: 0033:0x7f00", " stray"])).toEqual([]);
    expect(names(["BUG: something", " stray", " words"])).toEqual([]);
  });

  it("opens a bare-name run at the `Hardware name:` line when the poster dropped `Call Trace:` too", () => {
    // linux-gpio review of "gpio: omap: Silence lockdep Invalid wait context" (5.10.214 AM33xx splat, trimmed by its author)
    const lines = [
      "stack backtrace:",
      "CPU: 0 PID: 1 Comm: swapper Not tainted 5.10.214",
      "Hardware name: Generic AM33XX (Flattened Device Tree)",
      "unwind_backtrace",
      "show_stack",
      "_raw_spin_lock_irqsave",
      "clk_enable_lock",
      "clk_enable",
      "omap_gpio_set_config",
      "",
      "Problematic",
    ];
    expect(names(lines)).toEqual(["unwind_backtrace", "show_stack", "_raw_spin_lock_irqsave", "clk_enable_lock", "clk_enable", "omap_gpio_set_config"]);
    // the usual line after it is no bare name, and a lone word after a register or workqueue line is still no frame
    expect(names(["Hardware name: QEMU Standard PC", "Workqueue: events foo", " stray"])).toEqual([]);
    expect(names(["Hardware name: QEMU Standard PC", "RIP: 0010:f+0x1/0x2", " stray"])).toEqual([]);
  });

  it("reads a bare-name run whose names keep their offset but not the size", () => {
    // stable backport "mm: slub: avoid wake up kswapd in set_track_prepare" (SM8850 spinlock recursion, trimmed trace)
    const lines = [
      "BUG: spinlock recursion on CPU#3, swapper/3/0",
      " lock: 0xffffff8a4bf29c80, .magic: dead4ead, .owner: swapper/3/0, .owner_cpu: 3",
      "Hardware name: Qualcomm Technologies, Inc. Popsicle based on SM8850 (DT)",
      "Call trace:",
      "spin_bug+0x0",
      "_raw_spin_lock_irqsave+0x80",
      "hrtimer_try_to_cancel+0x94",
      "task_contending+0x10c",
      "...",
      "stray+0x10",
    ];
    const frames = parseFrames(lines);
    expect(frames.map((f) => [f.function, f.offset])).toEqual([
      ["spin_bug", 0],
      ["_raw_spin_lock_irqsave", 0x80],
      ["hrtimer_try_to_cancel", 0x94],
      ["task_contending", 0x10c],
    ]);
    // outside such a run an offset-only name is still no frame
    expect(names(["BUG: something", "stray+0x10"])).toEqual([]);
  });

  it("keeps KASAN's allocation and free stacks out of the main stack", () => {
    const lines = [
      "BUG: KASAN: use-after-free in ip6_send_skb+0x2f5/0x330",
      "Call Trace:",
      " dump_stack+0x292/0x395",
      " ip6_send_skb+0x2f5/0x330",
      "",
      "Allocated by task 30168:",
      " kmem_cache_alloc+0x12/0x30",
      " dst_alloc+0x11/0x20",
      "",
      "Freed by task 30170:",
      " kmem_cache_free+0x12/0x30",
      "",
      "The buggy address belongs to the object at ffff88004fab1800",
    ];
    expect(names(lines)).toEqual(["dump_stack", "ip6_send_skb"]);
    const sections = parseStackSections(lines);
    expect(sections.map((s) => [s.kind, s.frames.length])).toEqual([
      ["main", 2],
      ["allocated", 2],
      ["freed", 1],
    ]);
  });

  it("takes lockdep's stack backtrace, not the dependency chain", () => {
    const lines = [
      "WARNING: possible circular locking dependency detected",
      "the existing dependency chain (in reverse order) is:",
      "-> #1 (rtnl_mutex){+.+.}:",
      "       __mutex_lock+0x1/0x2",
      "       rtnl_lock+0x1/0x2",
      "stack backtrace:",
      "CPU: 0 PID: 1 Comm: ip Not tainted 5.10.0 #1",
      "Call Trace:",
      " dump_stack+0x1/0x2",
      " print_circular_bug+0x1/0x2",
    ];
    expect(names(lines)).toEqual(["dump_stack", "print_circular_bug"]);
  });

  it("reads ARM backtraces with register lines in between", () => {
    expect(
      names([
        "Backtrace: ",
        "[<c0014318>] (dump_backtrace_log_lvl) from [<c001457c>] (show_stack+0x24/0x2c)",
        " r7:df912310 r6:df912140 r5:c081745c r4:00000000",
        "[<c0014558>] (show_stack) from [<c059798c>] (dump_stack+0x7c/0xc8)",
      ]),
    ).toEqual(["dump_backtrace_log_lvl", "show_stack", "dump_stack"]);
  });

  it("reads ARM pairs whose `[<addr>]` a web page mangled (tag dropped, brackets lost), only with their `from` half", () => {
    expect(
      names([
        "  c00153d4  (unwind_backtrace+0x0/0xfc) from   c03fba1c  (dump_stack+0x20/0x24)",
        "  c0251530  (kref_get+0x40/0x48) from   c02daafc  (usb_get_urb+0x20/0x28)",
      ]),
    ).toEqual(["unwind_backtrace", "kref_get", "usb_get_urb"]);
    expect(names(["[] (kref_get+0x40/0x48) from [] (usb_get_urb+0x20/0x28)", "[] (usb_get_urb+0x20/0x28) from [] (usb_hcd_flush_endpoint+0x110/0x160)"])).toEqual([
      "kref_get",
      "usb_get_urb",
      "usb_hcd_flush_endpoint",
    ]);
    expect(parseFrameLine("  c0251530  (kref_get+0x40/0x48)")).toBeUndefined();
    expect(parseFrameLine("cafe (kref_get+0x40/0x48) from here")).toBeUndefined();
  });

  it("ends a cut ARM trace with the last line's caller (marked unprinted), a trace run to its entry label without", () => {
    const cut = parseFrames([
      "Backtrace: ",
      "[<802b3ffc>] (__sanitizer_cov_trace_pc) from [<802e1324>] (trace_hardirqs_off+0x6c/0x120)",
      "[<802e12b8>] (trace_hardirqs_off) from [<80100a74>] (__dabt_svc+0x54/0xa0)",
      "Exception stack(0x8bdfc048 to 0x8bdfc090)",
    ]);
    expect(cut.map((f) => [f.function, f.unprinted ?? false])).toEqual([
      ["__sanitizer_cov_trace_pc", false],
      ["trace_hardirqs_off", false],
      ["__dabt_svc", true],
    ]);
    // The same for the 5.x form without addresses.
    expect(parseFrames([" __schedule from schedule+0x20/0xac", " schedule from schedule_timeout+0x88/0xf0"]).map((f) => f.function)).toEqual(["__schedule", "schedule", "schedule_timeout"]);

    const whole = parseFrames([
      "[<c01a2314>] (sysfs_write_file+0x10c/0x140) from [<c014af44>] (vfs_write+0xb0/0x128)",
      "[<c014af44>] (vfs_write+0xb0/0x128) from [<c014b06c>] (sys_write+0x3c/0x68)",
      "[<c014b06c>] (sys_write+0x3c/0x68) from [<c000e0e0>] (ret_fast_syscall+0x0/0x3c)",
    ]);
    expect(whole.map((f) => f.function)).toEqual(["sysfs_write_file", "vfs_write", "sys_write"]);

    // 3.x kernels printed no space before either parenthesis; a module rides on either half.
    const unspaced = parseFrames([
      "[<c03fa550>](schedule+0x50/0x68) from [<c03faea4>](schedule_timeout+0x234/0x38c)",
      "[<c02d9d4c>](usb_control_msg+0xd0/0xf4) from [<bf049f28>](ftdi_open+0x80/0xe8 [ftdi_sio])",
      "[<bf049f28>](ftdi_open+0x80/0xe8 [ftdi_sio]) from [<bf00d660>](serial_activate+0x58/0x6c [usbserial])",
    ]);
    expect(unspaced.map((f) => f.function)).toEqual(["schedule", "usb_control_msg", "ftdi_open", "serial_activate"]);
    expect(unspaced.find((f) => f.function === "ftdi_open")).toMatchObject({ module: "ftdi_sio" });
  });

  it("reads ppc64's `--- interrupt: N at f+…` as the frame the trap was taken in", () => {
    expect(
      names([
        "Call Trace:",
        "[c00000003ae5b800] [c00000000135c19c] dump_stack+0x128/0x1cc (unreliable)",
        "[c00000003ae5bac0] [c0000000000090a4] program_check_common+0x184/0x190",
        "--- interrupt: 700 at assert_slb_presence+0x2c/0x70",
        "    LR = slb_insert_entry+0x19c/0x2d0",
        "[c00000003ae5bdf0] [c00000000009651c] do_slb_fault+0x10c/0x250",
      ]),
    ).toEqual(["dump_stack", "program_check_common", "assert_slb_presence", "do_slb_fault"]);
  });

  it("reads s390 traces: parenthesised guess, address-only frames, no breaking-event address", () => {
    const frames = parseFrames([
      "Call Trace:",
      "([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])",
      " [<000000000010014e>] do_one_initcall+0xce/0x160",
      " [<000003fffd4a1d92>] 0x3fffd4a1d92",
      "Last Breaking-Event-Address:",
      " [<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops]",
    ]);
    expect(frames.map((f) => [f.function, f.reliable])).toEqual([
      ["will_oops_init", false],
      ["do_one_initcall", true],
      ["0x3fffd4a1d92", true],
    ]);
    expect(isAddressOnlyFrame(frames[2])).toBe(true);
    expect(frames[0].module).toBe("will_oops");
  });

  it("reads crash utility bt output around an exception RIP", () => {
    const frames = parseFrames([
      'PID: 0      TASK: ffffffff81a13480  CPU: 3   COMMAND: "swapper/3"',
      " #0 [ffff88003fc03820] machine_kexec at ffffffff8105c4cb",
      " #1 [ffff88003fc03880] __crash_kexec at ffffffff81104a32",
      " #7 [ffff88003fc03a20] invalid_op at ffffffff8168e9de",
      "    [exception RIP: skb_segment+3016]",
      "    RIP: ffffffff81561fe8  RSP: ffff88003fc03ad8  RFLAGS: 00010282",
      " #8 [ffff88003fc03b58] tcp_gso_segment at ffffffff815d3e6b",
      "    /usr/src/debug/kernel-3.10.0/linux/net/ipv4/tcp_offload.c: 95",
      " #9 [ffff88003fc03bb0] inet_gso_segment at ffffffff815e4c3c",
    ]);
    expect(frames.map((f) => [f.function, f.reliable])).toEqual([
      ["machine_kexec", false],
      ["__crash_kexec", false],
      ["invalid_op", false],
      ["skb_segment", true],
      ["tcp_gso_segment", true],
      ["inet_gso_segment", true],
    ]);
    expect(frames[3]).toMatchObject({ offset: 3016, context: "exception" });
    expect(frames[4]).toMatchObject({ fileLine: 95 });
  });

  it("never throws on junk", () => {
    expect(parseFrames(["", "   ", "<IRQ>", "\u0000\uFFFD", "[<zz>] ("])).toEqual([]);
    expect(parseFrames(undefined as unknown as string[])).toEqual([]);
  });
});

describe("parseFrames with SLUB debug stacks", () => {
  it("files the allocation/free stacks aside and takes the Call Trace that follows as the main stack", () => {
    const lines = [
      "BUG kmalloc-64 (Not tainted): Poison overwritten",
      "INFO: Allocated in 0xfdc88c28 age=79 cpu=0 pid=1329",
      " __slab_alloc.isra.50.constprop.56+0x49f/0x533",
      " kmem_cache_alloc_trace+0x10d/0x140",
      "INFO: Freed in hotkey_exit+0x50/0xb0 [thinkpad_acpi] age=14 cpu=1 pid=1333",
      " kfree+0x129/0x140",
      "Call Trace:",
      " check_bytes_and_report+0x1/0x2",
      " check_object+0x3/0x4",
    ];
    expect(names(lines)).toEqual(["check_bytes_and_report", "check_object"]);
    expect(parseStackSections(lines).map((s) => [s.kind, s.frames.length])).toEqual([
      ["main", 0],
      ["allocated", 2],
      ["freed", 1],
      ["main", 2],
    ]);
  });
});

describe("parseFrames with SLUB debug stacks, the `Call Trace:` line lost", () => {
  it("ends the allocation/free tracks at print_trailer's slab line: the frames after it are the main stack", () => {
    // ptpt52/natcap#7, a paste whose `Call Trace:` line was not kept
    const lines = [
      "BUG kmalloc-256 (Not tainted): Object already free",
      "INFO: Allocated in natflow_session_init+0xb6/0x170 [natflow] age=3 cpu=13 pid=0",
      "INFO: Freed in krealloc+0x77/0xb0 age=3 cpu=13 pid=0",
      "INFO: Slab 0x000000007186eef7 objects=42 used=8 fp=0x0000000003de3e06 flags=0x4500000010201",
      "INFO: Object 0x0000000003de3e06 @offset=24832 fp=0x0000000000000000",
      "Redzone  00000000dc40141b: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  ................",
      " print_trailer+0x18c/0x195",
      " kfree+0x26c/0x2b0",
      " natcap_session_init.part.0+0xab/0x170 [natcap]",
    ];
    expect(names(lines)).toEqual(["print_trailer", "kfree", "natcap_session_init"]);
    // 5.17+ prints the slab line without `INFO: `; a tab-indented track line is still the track's
    const newer = ["INFO: Freed in krealloc+0x77/0xb0 age=3 cpu=13 pid=0", "\tkfree+0x1/0x2", "Slab 0xffffea0004c4c000 objects=21 used=21 fp=0x0 flags=0x200", " check_object+0x1/0x2"];
    expect(parseStackSections(newer).map((s) => [s.kind, s.frames.length])).toEqual([["main", 0], ["freed", 1], ["main", 1]]);
  });
});

describe("parseFrames, more layouts", () => {
  it("reads 2.6.16–2.6.18 i386 column traces, several `<addr> f+0x…/0x…` entries a line", () => {
    const frames = parseFrames([
      "Call Trace:",
      "<c0169bdf> do_lookup+0x5f/0x180  <c0174873> dput+0x33/0x1a0",
      "<c016b331> __link_path_walk+0x151/0xf60  <c016c19c> link_path_walk+0x5c/0x100",
      "<c0102db7> sysenter_past_esp+0x54/0x75",
      "Code: 56 04 bf 01 00 00 00 8b 5a 54 85 db 74 14 8b 06 89 54 24 04",
    ]);
    expect(frames.map((f) => f.function)).toEqual(["do_lookup", "dput", "__link_path_walk", "link_path_walk", "sysenter_past_esp"]);
    expect(frames[1]).toMatchObject({ address: "c0174873", offset: 0x33, size: 0x1a0, reliable: true });
    // Prose between angle brackets is no frame line.
    expect(parseFrameLine("<c0169bdf> is where do_lookup+0x5f/0x180 was")).toBeUndefined();
  });

  it("reads symbolised ppc64 frames", () => {
    expect(parseFrameLine("[c00000007a3efc40] [c0000000001d3da8] process_one_work+0x428/0xa80 kernel/workqueue.c:2269")).toMatchObject({
      function: "process_one_work",
      file: "kernel/workqueue.c",
      fileLine: 2269,
    });
  });

  it("drops a stray timestamp between a context marker and its frame", () => {
    const frames = parseFrames([" <IRQ> [  420.408595]  [<ffffffff814249f9>] sched_show_task.cold.127+0x1c9/0x279"]);
    expect(frames).toMatchObject([{ function: "sched_show_task", context: "irq" }]);
  });
});

describe("Rust v0 symbols", () => {
  it.each([
    ["_RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref", "<rust_binder::process::Process>::update_ref"],
    [
      "_RNvXs1_CscPPBqWtAqum_11ashmem_rustNtB5_6AshmemNtNtCs43vyB533jt3_6kernel10miscdevice10MiscDevice4mmap",
      "<ashmem_rust::Ashmem as kernel::miscdevice::MiscDevice>::mmap",
    ],
    ["_RNvNtNtCs9jEwPDbx20M_4core9panicking11panic_const24panic_const_add_overflow", "core::panicking::panic_const::panic_const_add_overflow"],
    ["_RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind", "__rustc::rust_begin_unwind"],
  ])("%s", (mangled, demangled) => {
    expect(cleanFunctionName(mangled)).toBe(demangled);
  });

  it("keeps the mangled name as rawFunction and survives garbage", () => {
    const frame = parseFrameLine(" _RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref+0x17e5/0x1860");
    expect(frame?.rawFunction).toBe("_RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref");
    expect(cleanFunctionName("_RNvB99_3foo")).toBe("_RNvB99_3foo");
    expect(cleanFunctionName("_RZZZ")).toBe("_RZZZ");
  });

  it("rejects malformed mangling as not-a-symbol, never with another error", () => {
    // Valid path starts make the decoder go deep before the random tail trips it.
    const start = fc.constantFrom("", "Nv", "NvC", "NvMs", "NvXs1_", "NtNtC", "NvB");
    const mangledish = fc.stringMatching(/^[0-9A-Za-z_]{0,40}$/);
    fc.assert(
      fc.property(start, mangledish, (head, rest) => {
        expect(typeof cleanFunctionName(`_R${head}${rest}`)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("old and crash-utility layouts", () => {
  it("reads the 2.6.2x `:module:function` syntax", () => {
    expect(parseFrameLine(" [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302")).toMatchObject({
      function: "radeon_cp_init_ring_buffer",
      module: "radeon",
    });
  });

  it("gives crash bt frames above `--- <IRQ stack> ---` the IRQ context", () => {
    const frames = parseFrames([
      'PID: 0      TASK: ffffffff81a13480  CPU: 0   COMMAND: "swapper/0"',
      " #0 [ffff88003fc03d00] tcp_v4_rcv at ffffffff815aab45",
      " #1 [ffff88003fc03d80] ip_local_deliver_finish at ffffffff815849b0",
      "--- <IRQ stack> ---",
      " #2 [ffffffff81a01e58] ret_from_intr at ffffffff8165c86d",
      " #3 [ffffffff81a01f00] cpu_idle at ffffffff8101a2b3",
    ]);
    expect(frames.map((f) => [f.function, f.context])).toEqual([
      ["tcp_v4_rcv", "irq"],
      ["ip_local_deliver_finish", "irq"],
      ["ret_from_intr", undefined],
      ["cpu_idle", undefined],
    ]);
  });
});

describe("robustness", () => {
  it("never throws and always yields named frames, whatever the lines", async () => {
    const fc = (await import("fast-check")).default;
    const frameish = fc.constantFrom(
      " f+0x1/0x2",
      "Call Trace:",
      " <IRQ>",
      "Allocated by task 1:",
      " #1 [ffff] g at ffff",
      "    [exception RIP: h+12]",
      "--- <IRQ stack> ---",
      "[<c0>] (a) from [<c1>] (b+0x1/0x2)",
      " _RNvB_3foo+0x1/0x2",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), frameish), { maxLength: 30 }), (lines) => {
        const frames = parseFrames(lines);
        return frames.every((f) => typeof f.function === "string" && f.function.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("KFENCE reports", () => {
  it("keeps the access stack and files the allocation/free stacks aside", () => {
    const lines = [
      "BUG: KFENCE: use-after-free read in test_use_after_free_read+0xb3/0x143",
      "",
      "Use-after-free read at 0xffffffffb673dfe0 (in kfence-#24):",
      " test_use_after_free_read+0xb3/0x143",
      " kunit_try_run_case+0x51/0x85",
      "",
      "kfence-#24 [0xffffffffb673dfe0-0xffffffffb673dfff, size=32, cache=kmalloc-32] allocated by task 507 on cpu 7 at 39.292325s:",
      " test_alloc+0xf3/0x25b",
      "",
      "freed by task 507 on cpu 7 at 39.292428s:",
      " test_use_after_free_read+0x76/0x143",
    ];
    expect(names(lines)).toEqual(["test_use_after_free_read", "kunit_try_run_case"]);
    expect(parseStackSections(lines).map((s) => s.kind)).toEqual(["main", "allocated", "freed"]);
  });
});

describe("seed incident: ip6mr_sk_done NULL dereference (3.10 RHEL-era x86, pasted without prefixes)", () => {
  // Composed from the lines quoted in seed 003: blank lines and an elision between header and stack.
  const lines = [
    "BUG: unable to handle kernel NULL pointer dereference at 0000000000000020",
    "",
    "IP: [<ffffffff894dfb20>] ip6mr_sk_done+0x60/0xf0",
    "",
    ".......",
    "",
    "[<ffffffff894c984d>] rawv6_close+0x1d/0x40",
    "[<ffffffff8946cf5d>] inet_release+0x7d/0x90",
    "[<ffffffff893cba35>] sock_release+0x25/0x90",
    "[<ffffffff893e0794>] ops_init+0x44/0x150",
    "[<ffffffff893e10e5>] copy_net_ns+0xb5/0x180",
    "[<ffffffff88e90c13>] SyS_unshare+0x193/0x300",
    "[<ffffffff8951f7d5>] system_call_fastpath+0x1c/0x21",
  ];

  it("reads the stack without a Call Trace header and leaves the IP line to metadata", () => {
    expect(names(lines)).toEqual([
      "rawv6_close",
      "inet_release",
      "sock_release",
      "ops_init",
      "copy_net_ns",
      "SyS_unshare",
      "system_call_fastpath",
    ]);
  });
});

describe("parseKsymoopsFrame", () => {
  it("reads ksymoops' decoded lines (hex offsets without 0x, a module in brackets) and not its Code; lines", () => {
    expect(parseKsymoopsFrame(">>EIP; c0173bb3 <vfs_readlink+22/4a>   <=====")).toMatchObject({ function: "vfs_readlink", offset: 0x22, size: 0x4a });
    expect(parseKsymoopsFrame("Trace; f8a7c922 <[nfsd]nfsd_readlink+65/81>")).toMatchObject({ function: "nfsd_readlink", module: "nfsd" });
    expect(parseKsymoopsFrame(">>RIP; ffffffff80123456 <do_page_fault+1b2/5f0>   <=====")?.function).toBe("do_page_fault");
    // ksymoops could not resolve a module address; its disassembly lines name code, not a frame.
    expect(parseKsymoopsFrame("Trace; f882562d <END_OF_CODE+383e662d/????>")).toBeUndefined();
    expect(parseKsymoopsFrame("Code;  c0173bb3 <vfs_readlink+22/4a>   <=====")).toBeUndefined();
    expect(names(["Trace; c0173c20 <generic_readlink+45/68>", "Trace; c017f1f9 <update_atime+76/9e>"])).toEqual(["generic_readlink", "update_atime"]);
  });

  it("takes no frame from the names ksymoops gives addresses outside any function", () => {
    // A module whose symbols were not in ksyms decodes as an offset from the end of its section (2.4.21 uhci oops),
    // the end of the image as `_end`, and a 2.6 map read without kallsyms as modversions' `__crc_` symbols.
    expect(parseKsymoopsFrame("Trace; d083a7c0 <[mousedev].bss.end+6509/42da9>")).toBeUndefined();
    expect(parseKsymoopsFrame("Trace; dabce88a <[usbcore].bss.end+260b/8de1>")).toBeUndefined();
    expect(parseKsymoopsFrame("Trace; c12c7bb0 <_end+fca3d8/1050c888>")).toBeUndefined();
    expect(parseKsymoopsFrame(">>EIP; c36f7f5c <__crc_filp_close+1e1a27/317acd>   <=====")).toBeUndefined();
    // A module's exported function keeps its name; so does a name that only ends like a section.
    expect(parseKsymoopsFrame("Trace; dabbf26f <[usbcore]usb_unlink_urb+2f/40>")).toMatchObject({ function: "usb_unlink_urb", module: "usbcore" });
    expect(parseKsymoopsFrame("Trace; c0112345 <queue_end+1f/40>")?.function).toBe("queue_end");
  });
});
