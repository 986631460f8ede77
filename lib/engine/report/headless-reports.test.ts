import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";
import { triage } from "../triage";
import { input } from "../triage-test-helpers";

// Reports whose header line a paste cut off (issue 9, `cut-header-lost`): read from the lines only that report prints.
function extract(lines: string[]) {
  const ctx = createLineContext(0, 2024);
  return extractReports(
    lines.map((l, i) => parseLine(l, i + 1, ctx)),
    { fileName: "t.log" },
  );
}

const X86_REGS = [
  "RSP: 0018:ffff8801c5e37720 EFLAGS: 00010212",
  "RAX: 0000000000000000 RBX: ffff8801d14b2e40 RCX: ffffffff84c25899",
];

describe("reports whose header line was cut", () => {
  it("an x86 register dump under a task line is an oops, titled by what its body tells", () => {
    const gpf = extract([
      "KASAN: null-ptr-deref in range [0x0000000000000018-0x000000000000001f]",
      "CPU: 0 PID: 27388 Comm: syz-executor5 Not tainted 5.10.0-rc6+ #117",
      "RIP: 0010:__ip_options_echo+0x120a/0x1770",
      ...X86_REGS,
      "Call Trace:",
      " ip_send_unicast_reply+0x1/0x2",
      "---[ end trace 0123456789abcdef ]---",
    ]);
    expect(gpf).toHaveLength(1);
    expect(gpf[0]).toMatchObject({ kind: "gpf", title: "general protection fault in __ip_options_echo", guiltyFrame: "__ip_options_echo", kernelRelease: "5.10.0-rc6+", corrupted: true });
    expect(gpf[0].source.line).toBe(1);

    const warn = extract([
      "Modules linked in:",
      "CPU: 1 PID: 8377 Comm: syz-executor6 Not tainted 5.4.0 #2",
      "RIP: 0010:kvm_arch_vcpu_ioctl_run+0x1f7/0x5a00",
      "Code: 48 89 df e8 00 00 00 00 <0f> 0b 48 8b 45 00",
      ...X86_REGS,
      "Call Trace:",
      " kvm_vcpu_ioctl+0x1/0x2",
    ]);
    expect(warn[0]).toMatchObject({ kind: "warning", title: "WARNING in kvm_arch_vcpu_ioctl_run", guiltyFrame: "kvm_arch_vcpu_ioctl_run" });
  });

  it("a Xen PV register dump holding list_del()'s poison is a GPF; one without it stays an oops", () => {
    const dump = (rdx: string) =>
      extract([
        "CPU: 1 PID: 0 Comm: swapper/1 Tainted: G           O    4.4.0+2 #1",
        "RIP: e030:[<ffffffff8115e055>]  [<ffffffff8115e055>] free_pcppages_bulk+0xe5/0x520",
        "RSP: e02b:ffff88018a823d70  EFLAGS: 00010093",
        `RDX: ${rdx} RSI: ffffea00057b4900 RDI: 0000000000000001`,
        "Call Trace:",
        "<IRQ>",
        "[<ffffffff8115e4cf>] drain_pages_zone+0x3f/0x60",
        "<EOI>",
      ]);
    expect(dump("dead000000000200")[0]).toMatchObject({ kind: "gpf", title: "general protection fault in free_pcppages_bulk", corrupted: true });
    expect(dump("dead000000000122")[0]).toMatchObject({ kind: "gpf" });
    expect(dump("ffff88018a839058")[0]).toMatchObject({ kind: "oops", title: "Oops in free_pcppages_bulk" });
  });

  it("a register dump another task asked for (an NMI backtrace) or one without its task line is no report", () => {
    expect(extract(["NMI backtrace for cpu 1", "CPU: 1 PID: 0 Comm: swapper/1 Not tainted 5.4.0 #2", "RIP: 0010:native_safe_halt+0xe/0x10", ...X86_REGS, "Call Trace:", " default_idle+0x1/0x2"])).toEqual([]);
    expect(extract(["RIP: 0010:native_safe_halt+0xe/0x10", ...X86_REGS, "Call Trace:", " default_idle+0x1/0x2"])).toEqual([]);
  });

  it("a register dump inside a report with its header stays that report's", () => {
    const found = extract([
      "BUG: unable to handle page fault for address: ffffffffffffffe8",
      "Oops: 0000 [#1] SMP",
      "CPU: 0 PID: 1 Comm: sh Not tainted 5.4.0 #2",
      "RIP: 0010:tcp_close+0x10/0x20",
      ...X86_REGS,
      "Call Trace:",
      " inet_release+0x1/0x2",
    ]);
    expect(found.map((f) => f.title)).toEqual(["BUG: unable to handle kernel paging request in tcp_close"]);
  });

  it("KASAN's access line, lockdep's acquiring task and an RCU stall's grace-period line name their class", () => {
    const kasan = extract([
      "Read of size 8 at addr ffff88004fab1858 by task syz-executor0/30168",
      "",
      "CPU: 0 PID: 30168 Comm: syz-executor0 Not tainted 4.12.0-rc3+ #3",
      "Call Trace:",
      " dump_stack+0x292/0x395",
      " kasan_report+0x230/0x340",
      " ip6_send_skb+0x2f5/0x330",
    ]);
    expect(kasan[0]).toMatchObject({ kind: "kasan", title: "KASAN: Read in ip6_send_skb", guiltyFrame: "ip6_send_skb", corrupted: true });

    const lockdep = extract([
      "4.14.0-rc1+ #1 Not tainted",
      "------------------------------------------------------",
      "syz-executor0/22269 is trying to acquire lock:",
      " (&bdev->bd_mutex){+.+.}, at: [<ffffffff8232bf0e>] blkdev_reread_part+0x1e/0x40",
      "",
      "but task is already holding lock:",
    ]);
    expect(lockdep[0]).toMatchObject({ kind: "lockdep", title: "possible deadlock in blkdev_reread_part", kernelRelease: "4.14.0-rc1+" });

    const rcu = extract([
      "rcu: \t0-....: (105000 ticks this GP) idle=2f6/1/0x4000000000000002 softirq=23001/23001 fqs=26239",
      "rcu: \t (t=105008 jiffies g=49145 q=2382)",
      "CPU: 0 PID: 8551 Comm: syz-executor7 Not tainted 4.18.0 #47",
      "Call Trace:",
      " <IRQ>",
      " apic_timer_interrupt+0xf/0x20",
      " </IRQ>",
      "RIP: 0010:snd_seq_write+0xa2/0x9f0",
      ...X86_REGS,
    ]);
    expect(rcu[0]).toMatchObject({ kind: "rcu-stall", title: "INFO: rcu detected stall in snd_seq_write", source: { line: 1 } });
  });

  it("a panic_on_warn panic whose WARNING line was cut is the WARNING, read through the trap", () => {
    const found = extract([
      "Kernel panic - not syncing: panic_on_warn set ...",
      "CPU: 1 PID: 8377 Comm: syz-executor6 Not tainted 4.12.0-rc7+ #2",
      "Call Trace:",
      " dump_stack+0x194/0x257",
      " panic+0x1e4/0x3fb",
      " __warn+0x1c4/0x1e0",
      " report_bug+0x211/0x2d0",
      " invalid_op+0x1e/0x30",
      "RIP: 0010:kvm_arch_vcpu_ioctl_run+0x1f7/0x5a00",
      ...X86_REGS,
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "warning", title: "WARNING in kvm_arch_vcpu_ioctl_run", corrupted: true });
  });

  it("a kernel.warn_limit panic is check_panic_on_warn's too: with its trap it is the WARNING, without it the panic", () => {
    const panicHead = [
      "Kernel panic - not syncing: kernel: system warned too often (kernel.warn_limit is 1)",
      "CPU: 1 UID: 0 PID: 65 Comm: xenwatch Not tainted 6.18.15-1.qubes.fc41.x86_64 #1 PREEMPT(full)",
      "Call Trace:",
      " <TASK>",
      " dump_stack_lvl+0x5d/0x80",
      " vpanic+0x118/0x310",
      " panic+0x6b/0x6b",
    ];
    const withTrap = extract([
      ...panicHead,
      " check_panic_on_warn.cold+0x1e/0x1e",
      " __warn.cold+0x9/0x10",
      " report_bug+0x1a5/0x1c0",
      " handle_bug+0x53/0x90",
      " exc_invalid_op+0x17/0x70",
      " asm_exc_invalid_op+0x1a/0x20",
      "RIP: 0010:xennet_disconnect_backend+0x1be/0x590 [xen_netfront]",
      ...X86_REGS,
    ]);
    expect(withTrap[0]).toMatchObject({ kind: "warning", title: "WARNING in xennet_disconnect_backend" });
    // Cut before the trap, only a `?` guess names the function: that is no frame, and the report is the panic.
    const cut = extract([...panicHead, " ? xennet_disconnect_backend+0x1be/0x590 [xen_netfront]", " check_panic_on_warn.cold+0x1e/0x1e"]);
    expect(cut[0]).toMatchObject({ kind: "panic", title: "kernel panic: kernel: system warned too often (kernel.warn_limit is NUM)" });
    expect(cut[0].guiltyFrame).toBeUndefined();
  });

  it("an old x86 oops starts at the faulting IP above its die line, and UBSAN's message names its check", () => {
    const oops = extract([
      "IP: [<ffffffff8150a2c3>] xfrm_lookup+0x23/0x5a0",
      "PGD 0",
      "Oops: 0000 [#1] SMP",
      "CPU: 0 PID: 1 Comm: sh Not tainted 4.4.0 #1",
      "Call Trace:",
      " ip_route_output_flow+0x1/0x2",
    ]);
    expect(oops[0]).toMatchObject({ kind: "oops", guiltyFrame: "xfrm_lookup", source: { line: 1 } });

    const ubsan = extract([
      "index 5 is out of range for type 'u8 [4]'",
      "CPU: 2 PID: 0 Comm: swapper/2 Tainted: G           OE     6.2.0-39-generic #40",
      "Call Trace:",
      " <IRQ>",
      " dump_stack_lvl+0x48/0x70",
      " __ubsan_handle_out_of_bounds+0xc6/0x110",
      " HT_caps_handler+0x1/0x2 [r8188eu]",
    ]);
    expect(ubsan[0]).toMatchObject({ kind: "ubsan", title: "UBSAN: array-index-out-of-bounds in HT_caps_handler", kernelRelease: "6.2.0-39-generic", corrupted: true });
  });

  it("KASAN's address description under a stack is a report without its header; under an alloc/free stack it is none", () => {
    const description = [
      "",
      "The buggy address belongs to the object at ffff7cbf1f9dd200",
      " which belongs to the cache kmalloc-512 of size 512",
      "The buggy address is located 288 bytes inside of",
    ];
    const found = extract([
      " do_mem_abort+0x60/0x12c",
      " el1_abort+0x44/0x68",
      " el1h_64_sync_handler+0x68/0xb8",
      " el1h_64_sync+0x68/0x6c",
      " copy_dmabuf_info+0x290/0x724",
      " copy_process+0x850/0xf10",
      ...description,
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "kasan", guiltyFrame: "copy_dmabuf_info", title: "KASAN: bad-access in copy_dmabuf_info", corrupted: true, source: { line: 1 } });
    // The stack right above the description is the object's free stack: the faulting one went with the cut.
    expect(extract(["Freed by task 12:", " kfree+0x84/0x198", " ncm_unbind+0x3c/0xc0", ...description])).toEqual([]);
    // A description alone (the stacks cut too) names no frame: no report.
    expect(extract(["some text", ...description])).toEqual([]);
    // Inside a report with its header it is that report's body.
    const whole = extract([
      "BUG: KASAN: slab-use-after-free in foo_bar+0x1/0x2",
      "Read of size 8 at addr ffff888100000000 by task a/1",
      "Call Trace:",
      " foo_bar+0x1/0x2",
      ...description,
    ]);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatchObject({ title: "KASAN: slab-use-after-free Read in foo_bar" });
  });

  it("KMSAN's stack above its origin line starts the report; a stack without the line above it is none", () => {
    const found = extract([
      "=====================================================",
      " prepare_task_switch+0x284/0xd00",
      " __schedule+0x2da/0x520",
      " __cond_resched+0x43/0xa0",
      "",
      "Uninit was created at:",
      " step_into+0xbc/0x1a00",
      "CPU: 1 PID: 1 Comm: systemd Tainted: G    B             5.13.0-syzkaller #0",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "kmsan", title: "KMSAN: uninit-value in prepare_task_switch", source: { line: 2 }, kernelRelease: "5.13.0-syzkaller" });
    expect(extract(["some text", "Uninit was created at:", " step_into+0xbc/0x1a00"])).toEqual([]);
  });

  it("panic()'s own stack on a task line is a panic whose message was cut, but not under the message itself", () => {
    const stack = ["CPU: 2 PID: 1 Comm: init.sh Not tainted 4.8.0-rc3+ #35", "Call Trace:", " dump_stack+0x12e/0x185", " panic+0x1e4/0x3ef", " do_exit+0x24df/0x2c10"];
    expect(extract(stack).map((f) => [f.kind, f.title, f.guiltyFrame, f.kernelRelease])).toEqual([["panic", "kernel panic", undefined, "4.8.0-rc3+"]]);
    // The caller under panic() names the report, as under a panic whose message survived, unless that panic names none
    // (init's exit above, the OOM killer's, die()'s end).
    const rootFs = ["CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.48 #1", "Call Trace:", " <TASK>", " dump_stack_lvl+0x4e/0x70", " panic+0x10e/0x2bd", " mount_root_generic+0x1c9/0x270", " prepare_namespace+0x1e7/0x230"];
    expect(extract(rootFs).map((f) => [f.title, f.guiltyFrame, f.corrupted])).toEqual([["kernel panic", "mount_root_generic", true]]);
    const oom = ["CPU: 3 PID: 77 Comm: java Not tainted 5.4.0 #1", "Call Trace:", " dump_stack+0x6d/0x8b", " panic+0x101/0x2e3", " out_of_memory.cold+0x2f/0x7e", " mem_cgroup_out_of_memory+0xc1/0xd0"];
    expect(extract(oom).map((f) => f.guiltyFrame)).toEqual([undefined]);
    const oops = extract([
      "general protection fault: 0000 [#1] SMP KASAN",
      "CPU: 0 PID: 1 Comm: sh Not tainted 4.9.0 #1",
      "RIP: 0010:foo+0x1/0x2",
      "Call Trace:",
      " bar+0x1/0x2",
      "---[ end trace 0123456789abcdef ]---",
      "Kernel panic - not syncing: Fatal exception",
      "",
      ...stack,
    ]);
    expect(oops.map((f) => [f.title, f.panicked])).toEqual([["general protection fault in foo", true]]);
  });

  it("panic()'s own stack is a panic whose message was cut also when the paste cut its task line too", () => {
    // A paste that starts at the dump's `Hardware name:` line: the message and the CPU line above it are gone.
    const headless = [
      "[  470.692116] Hardware name: Rockchip RK3588 Board (DT)",
      "[  470.692616] Call trace:",
      "[  470.692835]  dump_backtrace+0xf4/0x130",
      "[  470.693168]  show_stack+0x20/0x30",
      "[  470.693464]  dump_stack_lvl+0x7c/0xa0",
      "[  470.693794]  dump_stack+0x18/0x34",
      "[  470.694090]  panic+0x12c/0x30c",
      "[  470.694366]  rockchip_pmu_set_idle_request+0x10c/0x1cc",
      "[  470.694825]  rockchip_pd_power+0x440/0x498",
    ];
    expect(extract(headless).map((f) => [f.kind, f.title, f.guiltyFrame, f.source.line])).toEqual([["panic", "kernel panic", "rockchip_pmu_set_idle_request", 1]]);
    // From the `Call trace:` line alone too.
    expect(extract(headless.slice(1)).map((f) => [f.kind, f.guiltyFrame])).toEqual([["panic", "rockchip_pmu_set_idle_request"]]);
    // A bare frame list with no dump line above it is no report.
    expect(extract(headless.slice(2))).toEqual([]);
  });

  it("KASAN's invalid-free stack without its header is that report, also under kasan.fault=panic's panic()", () => {
    const task = "CPU: 5 PID: 22686 Comm: android.hardwar Tainted: G S      W  O    T  6.1.174-android14-11-g406976d493ea #1";
    const free = [" kasan_report_invalid_free+0xc0/0x110", " ____kasan_slab_free+0x128/0x280", " __kmem_cache_free+0x320/0x660", " kfree+0x84/0x198", " ncm_unbind+0x3c/0xc0"];
    const want = [["kasan", "KASAN: invalid-free in ncm_unbind", "ncm_unbind", "6.1.174-android14-11-g406976d493ea", true]];
    const read = (lines: string[]) => extract(lines).map((f) => [f.kind, f.title, f.guiltyFrame, f.kernelRelease, f.corrupted]);
    expect(read([task, "Call trace:", " dump_backtrace+0x10c/0x214", " dump_stack_lvl+0x84/0xc0", " print_report+0x1/0x2", ...free])).toEqual(want);
    expect(read([task, "Call trace:", " dump_backtrace+0x10c/0x214", " dump_stack_lvl+0x84/0xc0", " panic+0x188/0x460", " end_report+0x154/0x2c8", ...free])).toEqual(want);
    // A panic() from anywhere else stays the panic whose message was cut.
    expect(read([task, "Call trace:", " dump_stack_lvl+0x84/0xc0", " panic+0x188/0x460", " do_exit+0x1/0x2"])[0]?.slice(0, 2)).toEqual(["panic", "kernel panic"]);
  });

  it("an inconsistent lock state cut down to its backtrace is read from print_usage_bug, titled by the lock's taker", () => {
    const read = (lines: string[]) => extract(lines).map((f) => [f.kind, f.title, f.guiltyFrame, f.kernelRelease, f.corrupted]);
    const want = [["lockdep", "inconsistent lock state in irq_find_matching_fwspec", "irq_find_matching_fwspec", "4.14.61-v7+", true]];
    // 32-bit ARM's `(f) from (g)` frames right under the task line.
    expect(read([
      "  <Interrupt>",
      "    lock(irq_domain_mutex);",
      " *** DEADLOCK ***",
      "no locks held by swapper/1/0.",
      "stack backtrace:",
      "CPU: 1 PID: 0 Comm: swapper/1 Not tainted 4.14.61-v7+ #2",
      "Hardware name: BCM2835",
      "[<80110a40>] (unwind_backtrace) from [<8010cbb4>] (show_stack+0x20/0x24)",
      "[<8010cbb4>] (show_stack) from [<80842fc8>] (dump_stack+0xd4/0x118)",
      "[<80842fc8>] (dump_stack) from [<80180c28>] (print_usage_bug+0x23c/0x2e8)",
      "[<80180c28>] (print_usage_bug) from [<80180ee0>] (mark_lock+0x20c/0x770)",
      "[<80180ee0>] (mark_lock) from [<80182654>] (__lock_acquire+0xb94/0x1c04)",
      "[<80182654>] (__lock_acquire) from [<80184020>] (lock_acquire+0xd0/0x248)",
      "[<80184020>] (lock_acquire) from [<8085b37c>] (__mutex_lock+0x60/0x9c0)",
      "[<8085b37c>] (__mutex_lock) from [<8085bd08>] (mutex_lock_nested+0x2c/0x34)",
      "[<8085bd08>] (mutex_lock_nested) from [<80195578>] (irq_find_matching_fwspec+0x38/0x124)",
      "[<80195578>] (irq_find_matching_fwspec) from [<806dd428>] (of_irq_get+0x58/0x78)",
    ])).toEqual(want);
    // x86's `Call Trace:`.
    expect(read([
      "CPU: 1 PID: 0 Comm: swapper/1 Not tainted 4.14.61-v7+ #2",
      "Call Trace:",
      " <IRQ>",
      " dump_stack+0x1/0x2",
      " print_usage_bug.cold+0x1/0x2",
      " mark_lock+0x1/0x2",
      " __lock_acquire+0x1/0x2",
      " lock_acquire+0x1/0x2",
      " mutex_lock_nested+0x1/0x2",
      " irq_find_matching_fwspec+0x38/0x124",
    ])).toEqual(want);
    // A full report keeps its header: the headless class reads no second one out of its backtrace.
    const full = extract([
      "================================",
      "WARNING: inconsistent lock state",
      "4.14.61-v7+ #2 Not tainted",
      "--------------------------------",
      "inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage.",
      "swapper/1/0 [HC1[1]:SC0[0]:HE0:SE1] takes:",
      " (irq_domain_mutex){?.+.}, at: [<80195578>] irq_find_matching_fwspec+0x38/0x124",
      "stack backtrace:",
      "CPU: 1 PID: 0 Comm: swapper/1 Not tainted 4.14.61-v7+ #2",
      "Call Trace:",
      " dump_stack+0x1/0x2",
      " print_usage_bug+0x1/0x2",
      " mark_lock+0x1/0x2",
    ]);
    expect(full.map((f) => f.title)).toEqual(["inconsistent lock state in irq_find_matching_fwspec"]);
  });

  it("a body line under its own header, with another CPU's report printed between them, is that report's", () => {
    const found = extract([
      "BUG: KASAN: wild-memory-access in sg_read+0x1296/0x1440",
      "general protection fault: 0000 [#1] PREEMPT SMP KASAN",
      "CPU: 1 PID: 11774 Comm: syz-executor7 Not tainted 4.9.72 #10",
      "RIP: 0010:[<ffffffff8144d081>]  [<ffffffff8144d081>] __free_pages+0x21/0x80",
      "Call Trace:",
      " sg_remove_scat+0x1/0x2",
      "---[ end trace 8afff88f0ca340d1 ]---",
      "Read of size 4060 at addr ffe70874503c9000 by task syz-executor6/11770",
      "CPU: 0 PID: 11770 Comm: syz-executor6 Tainted: G      D         4.9.72 #10",
      "Call Trace:",
      " sg_read+0x1/0x2",
    ]);
    expect(found.map((f) => f.kind)).toEqual(["kasan", "gpf"]);
  });

  it("a 6.x trace that starts at Call Trace: is a WARNING when the trap frames run through __warn, titled by the `?` frame under the trap entry", () => {
    const trace = [
      "Call Trace:",
      " <TASK>",
      " ? show_regs+0x6d/0x80",
      " ? __warn+0x89/0x160",
      " ? foo_phy_init+0xec/0x120 [foo]",
      " ? report_bug+0x17e/0x1b0",
      " ? handle_bug+0x51/0xa0",
      " ? exc_invalid_op+0x18/0x80",
      " ? asm_exc_invalid_op+0x1b/0x20",
      " ? foo_phy_init+0xec/0x120 [foo]",
      " foo_port_init+0x1bc/0x280 [foo]",
      " foo_probe+0x320/0x5f0 [foo]",
      " local_pci_probe+0x44/0xb0",
    ];
    const warn = extract(trace);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ kind: "warning", title: "WARNING in foo_phy_init", guiltyFrame: "foo_phy_init" });
    // the same frames inside a report that kept its header are that report's, not a second one
    const headed = extract(["------------[ cut here ]------------", "WARNING: CPU: 0 PID: 1 at drivers/foo/phy.c:10 foo_phy_init+0xec/0x120 [foo]", "Modules linked in: foo", "RIP: 0010:foo_phy_init+0xec/0x120 [foo]", ...X86_REGS, ...trace]);
    expect(headed).toHaveLength(1);
    expect(headed[0].title).toBe("WARNING in foo_phy_init");
  });
  it("a 32-bit ARM hung task faulting from user mode reads its `(f) from (g)` frames above the `Exception stack(…)` dump", () => {
    // No `Call Trace:` line: the only section-looking line is the exception frame's dump under __dabt_usr, after every frame.
    const body = [
      "TaskSchedulerFo D    0 28444  28429 0x00000000",
      "[<8079ef70>] (__schedule) from [<8079f5d8>] (schedule+0x50/0xa8)",
      "[<8079f5d8>] (schedule) from [<807a26d8>] (rwsem_down_read_failed+0x10c/0x15c)",
      "[<807a26d8>] (rwsem_down_read_failed) from [<807a1d6c>] (down_read+0x5c/0x60)",
      "[<807a1d6c>] (down_read) from [<807a5418>] (do_page_fault+0xfc/0x3a4)",
      "[<807a5418>] (do_page_fault) from [<801011e0>] (do_DataAbort+0x48/0xc4)",
      "[<801011e0>] (do_DataAbort) from [<807a4e64>] (__dabt_usr+0x44/0x60)",
      "Exception stack(0xa0a0ffb0 to 0xa0a0fff8)",
      "ffa0:                                     00000000 00000080 00000000 7084c990",
      "ffe0: 000000f0 7084c950 76bab49f 76bad9f8 40000030 ffffffff",
    ];
    const hint = '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.';
    const headless = extract([hint, ...body]);
    expect(headless).toHaveLength(1);
    expect(headless[0]).toMatchObject({ kind: "hung-task", title: "INFO: task hung in do_page_fault", guiltyFrame: "do_page_fault", corrupted: true });
    const headed = extract(["INFO: task TaskSchedulerFo:28444 blocked for more than 120 seconds.", "      Tainted: G         C      4.14.79-v7+ #1159", hint, ...body]);
    expect(headed).toHaveLength(1);
    expect(headed[0]).toMatchObject({ title: "INFO: task hung in do_page_fault", guiltyFrame: "do_page_fault", kernelRelease: "4.14.79-v7+" });
  });

  it("a hung task whose header and hint line were both cut is read from its D-state line right above `Call Trace:`", () => {
    // LinuxKit's /var/log/messages paste (github linuxkit/linuxkit#1616): the post starts at the task's state line.
    const body = [
      "proxy-vsockd    D    0 27443      1 0x00000000",
      " 00000000000188c0 ffff8d44301b7400 ffff8d43c3ac6080 ffff8d43e98ecf00",
      "Call Trace:",
      " [<ffffffffb3845fde>] ? __schedule+0x35f/0x43d",
      " [<ffffffffb3847429>] ? __mutex_lock_slowpath+0xb6/0x13b",
      " [<ffffffffb38474c9>] ? mutex_lock+0x1b/0x2a",
      " [<ffffffffb362507d>] ? vmbus_hvsock_device_unregister+0x15/0x3a",
      " [<ffffffffb363a788>] ? __sk_destruct+0x21/0x133",
    ];
    const cut = extract(body);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ kind: "hung-task", title: "INFO: task hung in vmbus_hvsock_device_unregister", guiltyFrame: "vmbus_hvsock_device_unregister", corrupted: true });
    expect(cut[0].source.line).toBe(1);
    // 5.8+ state lines name the state
    const task = extract(["task:kworker/0:2     state:D stack:    0 pid:110640 ppid:     2 flags:0x80004080", "Workqueue: events target_tmr_work [target_core_mod]", "Call Trace:", " __schedule+0x2a6/0x700", " schedule+0x38/0xa0", " target_put_cmd_and_wait+0x5d/0xb0 [target_core_mod]"]);
    expect(task[0]).toMatchObject({ kind: "hung-task", title: "INFO: task hung in target_put_cmd_and_wait" });
    // arm64 spells the section line `Call trace:`
    const arm64 = extract(["task:fio             state:D stack:0     pid:2201  ppid:2190   flags:0x00000008", "Call trace:", " __switch_to+0xe4/0x130", " __schedule+0x2bc/0x8e0", " io_schedule+0x48/0x70", " blk_mq_get_tag+0x1e0/0x2f0"]);
    expect(arm64.map((r) => r.title)).toEqual(["INFO: task hung in blk_mq_get_tag"]);
    // a running or sleeping task's dump is no hung task, and SysRq's blocked-task dump is asked for, not detected
    expect(extract(["kworker/u4:1    R running      0 32761      2 0x00000002", "Call Trace:", " foo_work+0x1/0x2"])).toHaveLength(0);
    expect(extract(["task:rcu_sched       state:I stack:    0 pid:   13 ppid:     2 flags:0x00004000", "Call Trace:", " __schedule+0x282/0x880", " rcu_gp_kthread+0x51b/0xbb0"])).toHaveLength(0);
    expect(extract(["sysrq: Show Blocked State", "  task                        PC stack   pid father", ...body])).toHaveLength(0);
    // (moby/moby#5618's `echo w > /proc/sysrq-trigger`: the second task's dump, far below the SysRq line)
    const filler = Array.from({ length: 200 }, (_, k) => ` schedule_frame_${k}+0x1/0x2`);
    expect(extract(["sysrq: SysRq : Show Blocked State", "kworker/u4:6    D    0   293      2 0x00000000", "Workqueue: netns cleanup_net", "Call Trace:", ...filler, "runc:[1:CHILD]  D    0  2609   2606 0x00000000", "Call Trace:", " __schedule+0x582/0x701", " copy_net_ns+0x1/0x2"])).toHaveLength(0);
    // nor is a `Call Trace:` with no state line above it a report
    expect(extract(["Call Trace:", " foo+0x1/0x2"])).toHaveLength(0);
  });

  it("a SysRq dump of any length and the freezer's list of tasks refusing to freeze are no hung tasks", () => {
    const task = (k: number) => [
      `task:kworker/${k}:1     state:D stack:    0 pid:${1000 + k} ppid:     2 flags:0x00004000`,
      "Call Trace:",
      " __schedule+0x2a6/0x700",
      " io_schedule+0x12/0x40",
      " filemap_fault+0x1/0x2",
    ];
    // 250 blocked tasks: the later ones are more than 1000 lines below `Show Blocked State`
    const dump = ["sysrq: Show Blocked State", ...Array.from({ length: 250 }, (_, k) => task(k)).flat()];
    expect(dump.length).toBeGreaterThan(1000);
    expect(extract(dump)).toHaveLength(0);
    expect(extract(["sysrq: Show State", ...Array.from({ length: 300 }, (_, k) => task(k)).flat()])).toHaveLength(0);
    // a new boot ends the dump: a headless D task after the next banner is read again
    const after = extract([...dump, "Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) #1 SMP", ...task(999)]);
    expect(after.map((r) => r.title)).toEqual(["INFO: task hung in filemap_fault"]);
    const freezer = [
      "Freezing of tasks failed after 20.005 seconds (1 tasks refusing to freeze, wq_busy=0):",
      "task:fuse-worker     state:D stack:    0 pid: 4242 ppid:     1 flags:0x00004004",
      "Call Trace:",
      " __schedule+0x2a6/0x700",
      " request_wait_answer+0x1/0x2",
      " fuse_simple_request+0x1/0x2",
    ];
    expect(extract(freezer)).toHaveLength(0);
    expect(extract(["PM: suspend entry (deep)", ...freezer.slice(1)])).toHaveLength(1);
  });

  it("an RCU stall pasted from its `All QSes seen` line is that stall, under its header it is the header's report", () => {
    // github OP-TEE/optee_os#4524: the post starts at the line; the current task's dump follows (arm32 frames).
    const qs = "All QSes seen, last rcu_sched kthread activity 52542 (33804--18738), jiffies_till_next_fqs=1, root ->qsmask 0x0";
    const task = [
      "[  638.067254] optee_example_n R  running task        0   947    943 0x00000002",
      "[  638.074407] [<8010ffa4>] (unwind_backtrace) from [<8010c1a4>] (show_stack+0x20/0x24)",
      "[  638.099646] [<8014be1c>] (sched_show_task) from [<80185e8c>] (rcu_check_callbacks+0x9d4/0x9e4)",
    ];
    const cut = extract([qs, ...task]);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ kind: "rcu-stall", corrupted: true, source: { line: 1 } });
    const headed = extract(["rcu: INFO: rcu_sched detected stalls on CPUs/tasks:", "rcu:     (detected by 0, t=2102 jiffies, g=51977, q=3)", `rcu: ${qs}`, ...task]);
    expect(headed).toHaveLength(1);
    expect(headed[0].source.line).toBe(1);
  });

  it("an RCU stall cut above the stalled CPU's backtrace is read from the stall detector's dump frame", () => {
    // Talos on Proxmox (github siderolabs/talos#3054): the excerpt starts at rcu_dump_cpu_stacks.
    const trace = [
      " rcu_dump_cpu_stacks+0x92/0xc0",
      " rcu_sched_clock_irq.cold+0x1ff/0x3d6",
      " update_process_times+0x87/0xc0",
      " tick_sched_timer+0x77/0xb0",
      " __hrtimer_run_queues+0x12c/0x280",
      " hrtimer_interrupt+0x109/0x270",
      " __sysvec_apic_timer_interrupt+0x5a/0xd0",
      " asm_call_irq_on_stack+0x12/0x20",
      " </IRQ>",
      " sysvec_apic_timer_interrupt+0x72/0x80",
      " asm_sysvec_apic_timer_interrupt+0x12/0x20",
    ];
    const cut = extract(trace);
    expect(cut).toHaveLength(1);
    // 5.8–5.11's interrupt-stack switch (asm_call_irq_on_stack) is entry glue, not the looping code: no frame
    expect(cut[0]).toMatchObject({ kind: "rcu-stall", corrupted: true });
    expect(cut[0].guiltyFrame).toBeUndefined();
    const looping = extract([...trace, "RIP: 0010:foo_spin+0x10/0x40", " foo_ioctl+0x20/0x50", " __x64_sys_ioctl+0x8d/0xc0", " do_syscall_64+0x33/0x40"]);
    expect(looping[0]).toMatchObject({ kind: "rcu-stall", title: "INFO: rcu detected stall in foo_ioctl" });
    // under its own header the dump is that stall's body: one report
    const headed = extract(["rcu: INFO: rcu_sched self-detected stall on CPU", "rcu: \t2-....: (20999 ticks this GP) idle=a4e/1/0x4000000000000002 softirq=1/1 fqs=5249", "\t(t=21000 jiffies g=5 q=7)", "NMI backtrace for cpu 2", "Call Trace:", " <IRQ>", " dump_stack+0x6d/0x8b", " nmi_cpu_backtrace.cold+0x14/0x53", ...trace]);
    expect(headed).toHaveLength(1);
    expect(headed[0].source.line).toBe(1);
  });

  it("an oops known only by die()'s closing summary line (syslogd wall broadcasts) is an oops in that function", () => {
    // IRATI stack issue 296: the wall broadcasts of a 3.10 i386 oops carry the emergency-level lines only.
    const wall = extract([
      "CPU: 6 PID: 2637 Comm: rsyslogd Not tainted 3.10.0-test99991 #4",
      "task: f3c272c0 ti: f28b6000 task.ti: f28b6000",
      "Stack:",
      "Call Trace:",
      "Code: 89 45 dc 8b 45 d8 83 c0 58 89 45 d0 <0f> b6 43 65 c0 e8 06 83 e0 01",
      "EIP: [<c14c3523>] __skb_recv_datagram+0x73/0x280 SS:ESP 0068:f28b7cb0",
    ]);
    expect(wall).toHaveLength(1);
    expect(wall[0]).toMatchObject({ kind: "oops", title: "Oops in __skb_recv_datagram", guiltyFrame: "__skb_recv_datagram", kernelRelease: "3.10.0-test99991", corrupted: true });
    expect(wall[0].source.line).toBe(1);
    // x86-64's summary is two lines, ` RIP  [<…>] f` and ` RSP <…>`
    const x64 = extract([
      "Pid: 4545, comm: tests.pl Tainted: P      D W  O 3.2.0-2-amd64 #1 Bochs Bochs",
      "Call Trace:",
      "Code: 44 24 08 4c 89 0c 24 <f6> 80 91 00 00 00 02",
      "RIP  [<ffffffffa01cbccd>] dtrace_probe+0x5b/0x199 [dtracedrv]",
      " RSP <ffff88006751de80>",
    ]);
    expect(x64[0]).toMatchObject({ kind: "oops", title: "Oops in dtrace_probe", guiltyFrame: "dtrace_probe" });
    // the summary line quoted above the log, with no task line before it, is no report; under a header it is that report's
    expect(extract(["RIP  [<ffffffffa01b3fe3>] scst_tgt_cmd_done+0xa/0x34 [scst]", "", "scst: Attached to virtual device"])).toEqual([]);
    const headed = extract([
      "BUG: unable to handle kernel NULL pointer dereference at 00000065",
      "IP: [<c14c3523>] __skb_recv_datagram+0x73/0x280",
      "Oops: 0000 [#4] SMP",
      "CPU: 6 PID: 2637 Comm: rsyslogd Not tainted 3.10.0-test99991 #4",
      "EIP: 0060:[<c14c3523>] EFLAGS: 00010082 CPU: 6",
      "EIP is at __skb_recv_datagram+0x73/0x280",
      "Call Trace:",
      " [<c14c3770>] skb_recv_datagram+0x40/0x50",
      "EIP: [<c14c3523>] __skb_recv_datagram+0x73/0x280 SS:ESP 0068:f28b7cb0",
      "CR2: 0000000000000065",
    ]);
    expect(headed.map((f) => f.kind)).toEqual(["null-deref"]);
  });
});

describe("a report whose own task line is missing", () => {
  // An excerpt of a boot-time storm of Bad page state reports: it starts inside one report (its task line and stack,
  // its header above the excerpt) and the next report's task line is cut off.
  const tail = [
    "[    0.000000] CPU: 0 PID: 0 Comm: swapper Tainted: G    B             5.19.0-rc7-00764-g1a4d4f970914 #1",
    "[    0.000000] Hardware name: Libre Computer AML-S905X-CC (DT)",
    "[    0.000000] Call trace:",
    "[    0.000000]  dump_stack+0x18/0x34",
    "[    0.000000]  bad_page+0xd4/0x128",
    "[    0.000000]  memblock_free_all+0x1a8/0x270",
  ];
  const report = [
    "[    0.000000] BUG: Bad page state in process swapper  pfn:03340",
    "[    0.000000] page:(____ptrval____) refcount:0 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x3340",
    "[    0.000000] page dumped because: PAGE_FLAGS_CHECK_AT_FREE flag(s) set",
    "[    0.000000] Modules linked in:",
  ];

  it("ran the kernel the task line of an earlier report of its boot names", () => {
    const [earlier, bad] = extract([...tail, ...report]);
    // The excerpt's first report is one too: bad_page() under dump_stack() in its stack.
    expect(earlier).toMatchObject({ title: "BUG: Bad page state", corrupted: true, kernelRelease: "5.19.0-rc7-00764-g1a4d4f970914" });
    expect(bad).toMatchObject({ title: "BUG: Bad page state", kernelRelease: "5.19.0-rc7-00764-g1a4d4f970914", releaseSource: "same-boot-report" });
  });

  it("never takes it across a boot", () => {
    const found = extract([...tail, "[    0.000000] Linux version 6.1.0-13-arm64 (debian-kernel@lists.debian.org) #1 SMP", ...report]);
    expect(found).toHaveLength(2);
    expect(found[1].kernelRelease).toBeUndefined();
  });
});

describe("a one-line report after an old ARM register dump", () => {
  // ARM before 3.10 printed the task's release on its own `CPU: N    Tainted: … (release #build)` line under a
  // taint-less `Pid: N, comm: …` line (here print-fatal-signals' dump of a user process that died on SIGSEGV).
  const dump = [
    "[144894.107452] serial-starter./14711: potentially unexpected fatal signal 11.",
    "[144894.114868] ",
    "[144894.116516] ",
    "[144894.118194] Pid: 14711, comm:      serial-starter.",
    "[144894.123321] CPU: 0    Tainted: G           O  (3.7.1 #1)",
    "[144894.129028] PC is at 0xb6e5ab0c",
    "[144894.132415] LR is at 0x67930",
    "[144894.135528] pc : [<b6e5ab0c>]    lr : [<00067930>]    psr: 20070010",
    "[144894.135528] sp : bef0f728  ip : 000ed094  fp : 00000000",
    "[144894.147796] r10: 000f409c  r9 : 000c7448  r8 : 00000000",
    "[144894.153381] r7 : 00003977  r6 : 000f2d4c  r5 : 000000ff  r4 : 00102420",
    "[144894.160339] r3 : b6f23000  r2 : 00000118  r1 : 00000000  r0 : 00100928",
    "[144894.167297] Flags: nzCv  IRQs on  FIQs on  Mode USER_32  ISA ARM  Segment user",
    "[144894.174987] Control: 10c5387d  Table: 8f104019  DAC: 00000015",
    "[144894.181182] [<c0012a38>] (unwind_backtrace+0x0/0xe0) from [<c003bb9c>] (get_signal_to_deliver+0x2b4/0x4d0)",
    "[144894.191467] [<c003bb9c>] (get_signal_to_deliver+0x2b4/0x4d0) from [<c00109ec>] (do_signal+0x80/0x470)",
    "[144894.201263] [<c00109ec>] (do_signal+0x80/0x470) from [<c00110d4>] (do_work_pending+0xa0/0xb4)",
    "[144894.210327] [<c00110d4>] (do_work_pending+0xa0/0xb4) from [<c000e220>] (work_pending+0xc/0x20)",
  ];

  it("ran the kernel that line names", () => {
    const found = extract([...dump, "[144894.234313] BUG: Bad rss-counter state mm:cc046680 idx:1 val:1"]);
    expect(found.map((f) => f.title)).toEqual(["BUG: Bad rss-counter state"]);
    expect(found[0]).toMatchObject({ kernelRelease: "3.7.1", kernelBuild: "#1", releaseSource: "same-boot-report" });
  });
});

describe("a report printed through dump_stack() whose header line was cut", () => {
  const quietAbove = ["Jan 10 03:11:58 node7 kernel: eth0: link up", "Jan 10 03:11:59 node7 systemd[1]: Started Session 4 of user core."];
  const k = (l: string) => `Jan 10 03:12:01 node7 kernel: ${l}`;
  const schedulingWhileAtomic = [
    "Modules linked in: esdm_es(O+) v4l2loopback(O) videodev",
    "CPU: 6 PID: 717 Comm: systemd-modules Tainted: G           O       6.3.5 #1-NixOS",
    "Hardware name: Micro-Star International Co., Ltd. MS-7C37/X570-A PRO (MS-7C37), BIOS H.J0 02/28/2023",
    "Call Trace:",
    " <TASK>",
    " dump_stack_lvl+0x47/0x60",
    " __schedule_bug+0x56/0x70",
    " __schedule+0xfc1/0x1380",
    " schedule+0x5e/0xd0",
    " schedule_timeout+0x151/0x160",
    " wait_for_completion_killable+0x7e/0x140",
    " call_usermodehelper_exec+0x142/0x190",
    " __request_module+0x18a/0x340",
    " </TASK>",
  ];

  it("is still the report the function under dump_stack prints, its stack read past the scheduler", () => {
    const [found] = extract(schedulingWhileAtomic);
    expect(found).toMatchObject({ kind: "bug", title: "BUG: scheduling while atomic in call_usermodehelper_exec", guiltyFrame: "call_usermodehelper_exec", kernelRelease: "6.3.5", corrupted: true });
    const sleeping = extract([
      "CPU: 0 UID: 0 PID: 0 Comm: swapper/0 Not tainted 6.17.0-rc5-g7aac71907bde #12 PREEMPT",
      "Hardware name: Texas Instruments AM642 EVM (DT)",
      "Call trace:",
      " show_stack+0x20/0x38 (C)",
      " dump_stack_lvl+0x70/0x88",
      " dump_stack+0x18/0x24",
      " __might_resched+0x14c/0x1a0",
      " __mutex_lock+0x5c/0x9b0",
      " mutex_lock_nested+0x28/0x40",
      " pci_epc_get_msi+0x40/0x98",
    ]);
    expect(sleeping[0]).toMatchObject({ title: "BUG: sleeping function called from invalid context in pci_epc_get_msi", kernelRelease: "6.17.0-rc5-g7aac71907bde" });
  });

  // ARM's old unwinder: no task or `Call Trace:` line, each frame printed with its caller.
  const armOldUnwinder = [
    "Modules linked in: ipv6 spidev ftdi_sio pl2303 usbserial spi_bcm2708 i2c_bcm2708",
    "[<c00151e8>](unwind_backtrace+0x0/0xf8) from [<c03f9acc>](dump_stack+0x1c/0x20)",
    "[<c03f9acc>](dump_stack+0x1c/0x20) from [<c00221b8>](__schedule_bug+0x6c/0x78)",
    "[<c00221b8>](__schedule_bug+0x6c/0x78) from [<c03fa314>](__schedule+0x4ac/0x63c)",
    "[<c03fa314>](__schedule+0x4ac/0x63c) from [<c03fa550>](schedule+0x50/0x68)",
    "[<c03fa550>](schedule+0x50/0x68) from [<c03faea4>](schedule_timeout+0x234/0x38c)",
    "[<c03faea4>](schedule_timeout+0x234/0x38c) from [<c03faaac>](wait_for_common+0x140/0x198)",
    "[<c03faaac>](wait_for_common+0x140/0x198) from [<c03faba4>](wait_for_completion_timeout+0x18/0x1c)",
    "[<c03faba4>](wait_for_completion_timeout+0x18/0x1c) from [<c02d9b24>](usb_start_wait_urb+0xa8/0xd0)",
    "[<c02d9b24>](usb_start_wait_urb+0xa8/0xd0) from [<c02d9d4c>](usb_control_msg+0xd0/0xf4)",
    "[<c02d9d4c>](usb_control_msg+0xd0/0xf4) from [<bf01b2f4>](ftdi_open+0x5c/0x1c8 [ftdi_sio])",
  ];

  it("opens its window at the stack's section line or dump_stack's frame: a triage of the cut paste finds it", async () => {
    for (const report of [schedulingWhileAtomic, armOldUnwinder]) {
      const incident = await triage([input("messages", [...quietAbove, ...report.map(k)])]);
      expect(incident.findings.map((f) => f.title)).toEqual([report === armOldUnwinder ? "BUG: scheduling while atomic in ftdi_open" : "BUG: scheduling while atomic in call_usermodehelper_exec"]);
    }
  });

  it("is that report's own frame inside a report whose header survived, and no report in prose or without its stack", () => {
    const headed = extract(["BUG: scheduling while atomic: systemd-modules/717/0x00000002", ...schedulingWhileAtomic]);
    expect(headed.map((f) => f.title)).toEqual(["BUG: scheduling while atomic in call_usermodehelper_exec"]);
    expect(headed[0].corrupted).toBeFalsy();
    expect(extract(["the oops shows __schedule_bug+0x56/0x70 under dump_stack, see the patch"])).toEqual([]);
    // A frame with no task, `Call Trace:` or `Backtrace:` line above it is no stack of a report.
    expect(extract([" dump_stack_lvl+0x47/0x60", " __schedule_bug+0x56/0x70", " __schedule+0xfc1/0x1380"])).toEqual([]);
  });

  it("a lockdep splat cut to its body names its `at:` site", () => {
    const [found] = extract([
      "6.6.79 #1 Not tainted",
      "-------------------------------------",
      "repro/9655 is trying to release lock (&mm->mmap_lock) at:",
      "[<ffffffff81daa36f>] do_migrate_pages+0x3f/0x5a0",
      "but there are no more locks to release!",
      "",
      "other info that might help us debug this:",
      "no locks held by repro/9655.",
      "",
      "stack backtrace:",
      "CPU: 1 PID: 9655 Comm: repro Not tainted 6.6.79 #1",
      "Call Trace:",
      " dump_stack_lvl+0x47/0x60",
    ]);
    expect(found).toMatchObject({ kind: "lockdep", title: "WARNING: bad unlock balance in do_migrate_pages", kernelRelease: "6.6.79", corrupted: true });
  });

  it("an invalid wait context cut to its body is titled by its stack", async () => {
    const body = [
      "5.10.0-rc2+ #2 Not tainted",
      "-----------------------------",
      "swapper/0/1 is trying to lock:",
      "ffff0000c0a1e018 (&zone->lock){....}-{3:3}, at: rmqueue_bulk+0x64/0x5c0",
      "other info that might help us debug this:",
      "context-{5:5}",
      "1 lock held by swapper/0/1:",
      " #0: ffff800011a6a6c0 (rcu_read_lock){....}-{1:2}, at: rcu_lock_acquire+0x0/0x38",
      "stack backtrace:",
      "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0-rc2+ #2",
      "Call trace:",
      " dump_backtrace+0x0/0x1c8",
      " show_stack+0x18/0x28",
      " dump_stack+0xe8/0x14c",
      " __lock_acquire+0x6c8/0x1c20",
      " lock_acquire+0x1d8/0x430",
      " _raw_spin_lock+0x50/0x78",
      " rmqueue_bulk+0x64/0x5c0",
      " get_page_from_freelist+0x4d0/0x1340",
    ];
    expect(extract(body)[0]).toMatchObject({ kind: "lockdep", title: "BUG: Invalid wait context in rmqueue_bulk", kernelRelease: "5.10.0-rc2+", corrupted: true });
    const incident = await triage([input("dmesg", body.map((l, i) => `[    1.2345${String(i).padStart(2, "0")}] ${l}`))]);
    expect(incident.findings.map((f) => f.title)).toEqual(["BUG: Invalid wait context in rmqueue_bulk"]);
  });
});

describe("an OpenZFS assertion whose PANIC line was cut", () => {
  it("is the SPL PANIC in the first frame past the module's report machinery", () => {
    const found = extract([
      "Showing stack for process 741",
      "CPU: 1 PID: 741 Comm: z_indirect_cond Tainted: P           OE      6.5.12-300.fc39.x86_64 #1",
      "Hardware name: LENOVO 20WE/LNVNB161216, BIOS FNCN40WW(V2.10) 09/14/2022",
      "Call Trace:",
      " <TASK>",
      " dump_stack_lvl+0x47/0x60",
      " spl_panic+0x100/0x120 [spl]",
      " vdev_indirect_mapping_increment_obsolete_count+0xe2/0x120 [zfs]",
      " vdev_indirect_remap+0x1a8/0x290 [zfs]",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "bug", title: "SPL PANIC in vdev_indirect_mapping_increment_obsolete_count", kernelRelease: "6.5.12-300.fc39.x86_64", corrupted: true });
  });
});

describe("an arm64 register dump whose header line was cut", () => {
  const regs = (pc: string, code: string, stack: string[]) => [
    "Modules linked in: z3fold zstd 8021q garp stp llc brcmfmac",
    "CPU: 2 PID: 1706 Comm: chia_full_node Tainted: G         C        5.10.52-v8+ #1441",
    "Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)",
    "pstate: 20000085 (nzCv daIf -PAN -UAO -TCO BTYPE=--)",
    `pc : ${pc}`,
    "lr : __schedule+0x38c/0x8b0",
    "sp : ffffffc01bd4bb80",
    "x29: ffffffc01bd4bb80 x28: ffffff80c2e1a400",
    "Call trace:",
    ` ${pc}`,
    ...stack,
    `Code: 97f5d5b8 d65f03c0 ${code}`,
  ];

  it("is a WARNING when the pc traps on brk #0x800 with no die line, a soft lockup under the watchdog, else an oops", async () => {
    const warn = extract(regs("rcu_note_context_switch+0x4a0/0x4c0", "f9400260 (d4210000)", [" __schedule+0x38c/0x8b0", " schedule+0x48/0x100"]));
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ kind: "warning", title: "WARNING in rcu_note_context_switch", kernelRelease: "5.10.52-v8+", corrupted: true });
    const lockup = extract(regs("smp_call_function_many_cond+0x1a8/0x3a0", "f9400260 (b9401a61)", [" on_each_cpu_cond_mask+0x30/0x48", " watchdog_timer_fn+0x1d8/0x2a0"]));
    expect(lockup[0]).toMatchObject({ kind: "soft-lockup", title: "BUG: soft lockup in smp_call_function_many_cond" });
    const oops = extract(regs("mt76_mmio_wr+0x14/0x30", "f9400260 (b9000022)", [" mt7996_mac_reset_work+0x1c4/0x720"]));
    expect(oops[0]).toMatchObject({ kind: "oops", title: "Oops in mt76_mmio_wr" });
    // Through the scanner: the dump lies above the `Call trace:` line that opens its window.
    const incident = await triage([input("console.log", regs("rcu_note_context_switch+0x4a0/0x4c0", "f9400260 (d4210000)", [" __schedule+0x38c/0x8b0"]).map((l, i) => `[ 4649.5602${String(i).padStart(2, "0")}] ${l}`))]);
    expect(incident.findings.map((f) => f.title)).toEqual(["WARNING in rcu_note_context_switch"]);
  });

  it("is that report's own dump under a die line, and no report for a user task's pc or a dump another task asked for", () => {
    const withDie = extract(["Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP", ...regs("mt76_mmio_wr+0x14/0x30", "f9400260 (b9000022)", [])]);
    expect(withDie.map((f) => f.kind)).toEqual(["oops"]);
    expect(withDie[0].corrupted).toBeFalsy();
    expect(extract(regs("0x0000ffff9dff36c4", "f9400260 (b9000022)", []))).toEqual([]);
    expect(extract(["NMI backtrace for cpu 2", ...regs("cpu_idle_poll+0x2c/0x40", "f9400260 (b9000022)", [])])).toEqual([]);
    // bad_mode()'s dump: the panic after it names the report.
    const badMode = extract(["Bad mode in Synchronous Abort handler detected on CPU0, code 0x34000001 -- BTI", ...regs("update_cpu_capabilities+0x0/0x3c0", "f9400260 (b9000022)", []), "Kernel panic - not syncing: bad mode"]);
    expect(badMode.map((f) => f.title)).toEqual(["kernel panic: bad mode"]);
  });
});

describe("a MIPS register dump whose die line was cut", () => {
  const dump = (cause: string) => [
    "CPU: 0 PID: 300 Comm: kworker/0:2 Not tainted 3.18.45 #12",
    "Workqueue: events link_function",
    "task: 81955d10 ti: 81aee000 task.ti: 81aee000",
    "$ 0   : 00000000 00000001 00000001 00000000",
    "$28   : 81aee000 81aefaf0 80365148 80d60794",
    "Hi    : 00000061",
    "Lo    : 00000001",
    "epc   : 80d606ac nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]",
    "    Not tainted",
    "ra    : 80d60794 nf_conntrack_free+0xc0/0x12c [nf_conntrack]",
    "Status: 1100fc03\tKERNEL EXL IE ",
    `Cause : ${cause}`,
    "PrId  : 0001974c (MIPS 74Kc)",
    "Modules linked in: nf_conntrack",
    "Process kworker/0:2 (pid: 300, threadinfo=81aee000, task=81955d10, tls=00000000)",
    "Stack : 00000000 80d69f50 00000000 817ad050 817ad068 80381c98 000086dd 803651b8",
    "Call Trace:",
    "[<80d606ac>] nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]",
    "[<80d60794>] nf_conntrack_free+0xc0/0x12c [nf_conntrack]",
  ];

  it("is a kernel BUG when Cause's ExcCode is a break or trap, else an oops", async () => {
    expect(extract(dump("00800034"))[0]).toMatchObject({ kind: "bug", title: "Kernel bug detected in nf_conntrack_find_get", kernelRelease: "3.18.45", corrupted: true });
    expect(extract(dump("00800024"))[0]).toMatchObject({ kind: "bug" });
    expect(extract(dump("00800008"))[0]).toMatchObject({ kind: "oops", title: "Oops in nf_conntrack_find_get" });
    const incident = await triage([input("router.log", dump("00800034").map((l) => `<4>[  131.590000] ${l}`))]);
    expect(incident.findings.map((f) => f.title)).toEqual(["Kernel bug detected in nf_conntrack_find_get"]);
  });

  it("stays the die line's report when that line survived", () => {
    const found = extract(["Kernel bug detected[#1]:", ...dump("00800034")]);
    expect(found).toHaveLength(1);
    expect(found[0].corrupted).toBeFalsy();
  });
});

describe("a preemptible smp_processor_id() whose header line was cut", () => {
  it("is read from the debug wrapper as its caller, titled by the stack", async () => {
    const body = [
      "caller is debug_smp_processor_id+0x17/0x20",
      "CPU: 3 PID: 1042 Comm: modprobe Tainted: G           O      5.4.0-rc2+ #5",
      "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014",
      "Call Trace:",
      " dump_stack+0x5c/0x7b",
      " check_preemption_disabled+0xc8/0xd0",
      " debug_smp_processor_id+0x17/0x20",
      " mlx5e_xmit+0x3a/0x4f0 [mlx5_core]",
      " dev_hard_start_xmit+0x8d/0x1e0",
    ];
    expect(extract(body)[0]).toMatchObject({ kind: "lockdep", title: "BUG: using smp_processor_id() in preemptible code in mlx5e_xmit", kernelRelease: "5.4.0-rc2+", corrupted: true });
    const incident = await triage([input("dmesg", body.map((l) => `[  611.402213] ${l}`))]);
    expect(incident.findings.map((f) => f.title)).toEqual(["BUG: using smp_processor_id() in preemptible code in mlx5e_xmit"]);
    // A `caller is` line naming the real caller: debug_smp_processor_id as a frame still names the accessor.
    const realCaller = ["caller is qla_nvme_post_cmd+0x216/0x1380 [qla2xxx]", ...body.slice(1).map((l) => l.replace(" mlx5e_xmit+0x3a/0x4f0 [mlx5_core]", " qla_nvme_post_cmd+0x216/0x1380 [qla2xxx]"))];
    expect(extract(realCaller)[0]).toMatchObject({ kind: "lockdep", title: "BUG: using smp_processor_id() in preemptible code in qla_nvme_post_cmd" });
    // Only as a frame it returned to: a `? ` guess in some task's stack is none.
    expect(extract(["CPU: 3 PID: 1042 Comm: modprobe Not tainted 5.4.0 #5", "Call Trace:", " ? debug_smp_processor_id+0x17/0x20", " schedule+0x1/0x2"])).toEqual([]);
    // With its header the line is that report's.
    const headed = extract(["BUG: using smp_processor_id() in preemptible [00000000] code: modprobe/1042", ...body]);
    expect(headed).toHaveLength(1);
    expect(headed[0].corrupted).toBeFalsy();
  });
});
