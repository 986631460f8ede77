import { describe, expect, it } from "vitest";
import type { Frame } from "../types";
import { isGenericFrame } from "./generic-frames";
import { selectGuiltyFile, selectGuiltyFrame } from "./guilty";

const frames = (...names: string[]): Frame[] =>
  names.map((n) => (n.startsWith("?") ? { function: n.slice(1), reliable: false } : { function: n, reliable: true }));

describe("selectGuiltyFrame", () => {
  it("skips generic and unreliable frames", () => {
    expect(selectGuiltyFrame(frames("dump_stack", "?bad_guess", "kasan_report", "memcpy", "tcp_v4_rcv", "ip_rcv"))).toBe("tcp_v4_rcv");
  });
  it("skips every architecture's syscall, trap and interrupt entry, not only x86-64's and arm64's", () => {
    // a hung task's or a WARNING's stack whose only other frames are waits ends in its entry code: no frame, not the entry
    for (const entry of ["sysenter_past_esp", "entry_INT80_32", "ia32_sysenter_target", "transfer_to_handler", "DoSyscall", "pgm_check_handler", "sysc_do_svc", "kernel_thread_starter", "el0_da", "el0t_32_sync_handler", "handle_sys64", "do_ade", "handle_vint", "linux_sparc_syscall"])
      expect([entry, isGenericFrame(entry)]).toEqual([entry, true]);
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "schedule_timeout", "sysc_do_svc"), { mode: "hang" })).toBeUndefined();
    expect(selectGuiltyFrame(frames("ext4_file_write_iter", "vfs_write", "syscall_call"))).toBe("ext4_file_write_iter");
    // riscv's exception return stays a possible culprit: a fault taken there is the entry code's own bug
    expect(isGenericFrame("ret_from_exception")).toBe(false);
  });
  it("never skips a module frame", () => {
    const f: Frame[] = [{ function: "_raw_spin_lock", reliable: true, module: "nf_conntrack" }, ...frames("ip_rcv")];
    expect(selectGuiltyFrame(f)).toBe("_raw_spin_lock");
  });
  it("skips a module's own copy of a kernel header inline, as the kernel's", () => {
    const f: Frame[] = [
      { function: "__might_sleep", reliable: true },
      { function: "might_fault", reliable: true, module: "lzfs" },
      { function: "lzfs_vnop_write", reliable: true, module: "lzfs" },
      ...frames("vfs_write"),
    ];
    expect(selectGuiltyFrame(f)).toBe("lzfs_vnop_write");
    expect(selectGuiltyFrame([{ function: "kref_put", reliable: true, module: "foo" }, { function: "foo_release", reliable: true, module: "foo" }], { mode: "hang" })).toBe("foo_release");
  });
  it("looks for the culprit in the interrupt a report was raised in, not in the task it interrupted", () => {
    const ctx = (context: Frame["context"], ...names: string[]): Frame[] => frames(...names).map((f) => ({ ...f, context }));
    const irq = ctx("irq", "dump_stack", "warn_slowpath_fmt", "do_IRQ", "common_interrupt");
    const task = ctx("task", "pte_alloc_one_kernel", "ioremap_page_range", "vfio_pci_mmap");
    // every frame of the interrupt is generic: no frame of the interrupted task stands in for one
    expect(selectGuiltyFrame([...irq, ...task])).toBeUndefined();
    expect(selectGuiltyFrame([...ctx("nmi", "dump_stack", "foo_nmi_handler", "do_nmi"), ...task])).toBe("foo_nmi_handler");
    // a report raised in the task reads the task's frames after an interrupt printed above them
    expect(selectGuiltyFrame([...frames("dump_stack"), ...ctx("task", "do_IRQ", "ioremap_page_range")])).toBe("ioremap_page_range");
    // a stall's detector runs in the interrupt and blames the task
    expect(selectGuiltyFrame([...ctx("irq", "watchdog_timer_fn", "__hrtimer_run_queues", "hrtimer_interrupt", "apic_timer_interrupt"), ...task], { mode: "stall" })).toBe("pte_alloc_one_kernel");
  });
  it("hung tasks use the rtnl and synchronize_rcu buckets, else the first non-waiting frame", () => {
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "mutex_lock_nested", "rtnl_lock", "dev_ioctl"), { mode: "hang" })).toBe("rtnl_lock");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "synchronize_net", "foo"), { mode: "hang" })).toBe("synchronize_rcu");
    // a 2.6-era trace marks no frame unreliable: the scheduler's stale load-balancing words sit above the caller
    expect(selectGuiltyFrame([...frames("find_busiest_group"), { function: "jbd2_journal_commit_transaction", reliable: true, module: "jbd2" }], { mode: "hang" })).toBe("jbd2_journal_commit_transaction");
    expect(selectGuiltyFrame(frames("load_balance", "pick_next_task_fair", "xfs_log_force"), { mode: "hang" })).toBe("xfs_log_force");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "io_schedule", "p9_client_rpc", "p9_fd_close"), { mode: "hang" })).toBe("p9_client_rpc");
    // every grace-period wait's spelling is the RCU bucket
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "__wait_rcu_gp", "synchronize_sched_expedited", "ipv6_sysctl_rtm"), { mode: "hang" })).toBe("synchronize_rcu");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "synchronize_rcu_tasks_generic", "ftrace_shutdown"), { mode: "hang" })).toBe("synchronize_rcu");
  });
  it("hung tasks skip the sleeping primitives, not every function with `sleep` in its name", () => {
    expect(selectGuiltyFrame(frames("__schedule", "?wb_over_bg_thresh", "schedule", "inode_sleep_on_writeback", "wb_writeback"), { mode: "hang" })).toBe("inode_sleep_on_writeback");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "schedule_timeout", "msleep", "ata_msleep", "ata_eh_recover"), { mode: "hang" })).toBe("ata_eh_recover");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "io_schedule", "sleep_on_buffer", "__wait_on_bit", "out_of_line_wait_on_bit", "__wait_on_buffer", "jbd2_journal_commit_transaction"), { mode: "hang" })).toBe("jbd2_journal_commit_transaction");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "do_nanosleep", "hrtimer_nanosleep", "common_nsleep", "__x64_sys_clock_nanosleep"), { mode: "hang" })).toBe("common_nsleep");
    // the clock read on the way to sleep (io_schedule's delay accounting), left as a guess above the waiter
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "io_schedule", "ktime_get", "bit_wait", "__wait_on_bit", "jbd2_journal_commit_transaction"), { mode: "hang" })).toBe("jbd2_journal_commit_transaction");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "pvclock_clocksource_read", "read_tsc", "xfs_log_force"), { mode: "hang" })).toBe("xfs_log_force");
  });
  it("hung tasks skip SPL's condition-variable waits in a module, but keep the module's own wait", () => {
    const m = (fn: string, module: string): Frame => ({ function: fn, reliable: true, module });
    // openzfs/zfs#4339: txg_sync under io_schedule → cv_wait_common [spl] → __cv_wait_io [spl] → zio_wait [zfs]
    const txgSync = [...frames("io_schedule"), m("cv_wait_common", "spl"), m("__cv_wait_io", "spl"), m("zio_wait", "zfs"), m("dsl_pool_sync", "zfs")];
    expect(selectGuiltyFrame(txgSync, { mode: "hang" })).toBe("zio_wait");
    const timed = [...frames("schedule_hrtimeout_range"), m("__cv_timedwait_hires", "spl"), m("txg_thread_wait", "zfs")];
    expect(selectGuiltyFrame(timed, { mode: "hang" })).toBe("txg_thread_wait");
    // a crash stack is unchanged: a module frame is still never skipped there
    expect(selectGuiltyFrame([m("cv_wait_common", "spl"), ...frames("ip_rcv")])).toBe("cv_wait_common");
  });
  it("a hung task parked in SPL's panic helper after a failed VERIFY hangs in the function that asserted", () => {
    const m = (fn: string, module: string): Frame => ({ function: fn, reliable: true, module });
    // archzfs/archzfs#364 (5.9): z_livelist_dest sleeps in spl_panic [spl] forever after avl_add's VERIFY
    const livelist = [...frames("__schedule", "schedule"), m("spl_panic", "spl"), ...frames("?__kmalloc_node"), m("avl_add", "zavl"), m("dsl_livelist_iterate", "zfs")];
    expect(selectGuiltyFrame(livelist, { mode: "hang" })).toBe("avl_add");
  });
  it("hung tasks skip bcachefs' six locks and closure waits in its module, but keep the btree code that waited", () => {
    const m = (fn: string, module: string): Frame => ({ function: fn, reliable: true, module });
    // koverstreet/bcachefs#712 (6.10): a read-endio worker on a btree node lock
    const nodeGet = [...frames("__schedule", "schedule"), m("six_lock_slowpath.isra.0", "bcachefs"), m("bch2_btree_node_get", "bcachefs")];
    expect(selectGuiltyFrame(nodeGet, { mode: "hang" })).toBe("bch2_btree_node_get");
    // 5.x bcachefs built its closures into the module; 2020-era six locks had a type-specific slow path
    const write = [...frames("schedule"), m("__closure_sync", "bcachefs"), m("bch2_write", "bcachefs")];
    expect(selectGuiltyFrame(write, { mode: "hang" })).toBe("bch2_write");
    const intent = [...frames("schedule"), m("__six_lock_type_slowpath", "bcachefs"), m("six_lock_intent", "bcachefs"), m("__bch2_btree_node_lock", "bcachefs")];
    expect(selectGuiltyFrame(intent, { mode: "hang" })).toBe("__bch2_btree_node_lock");
    // the closure callback a wait guesses (`? closure_sync_fn`) is not the wait itself
    expect(selectGuiltyFrame([...frames("schedule"), m("closure_sync_fn", "bcachefs")], { mode: "hang" })).toBe("closure_sync_fn");
    // koverstreet/bcachefs#1182 (6.18, out-of-tree module): its own copy of the bounded closure wait, under the
    // allocator wait that hung (a module's own wait, kept)
    const copygc = [...frames("__schedule", "schedule", "schedule_timeout"), m("__bch2_closure_sync_timeout", "bcachefs"), m("__bch2_wait_on_allocator", "bcachefs"), m("__bch2_write", "bcachefs")];
    expect(selectGuiltyFrame(copygc, { mode: "hang" })).toBe("__bch2_wait_on_allocator");
  });
  it("a hung task sleeping in a page fault (waiting for the mm's lock) hangs in the fault handler, as syzkaller names it", () => {
    // 32-bit ARM (4.14): a user thread's data abort blocked on mmap_sem
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "rwsem_down_read_failed", "down_read", "do_page_fault", "do_DataAbort", "__dabt_usr"), { mode: "hang" })).toBe("do_page_fault");
    // x86 5.8+: the exception entry below the handler stays generic
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "rwsem_down_read_slowpath", "down_read", "do_user_addr_fault", "exc_page_fault", "asm_exc_page_fault"), { mode: "hang" })).toBe("do_user_addr_fault");
    expect(selectGuiltyFrame(frames("schedule", "rwsem_down_read_failed", "call_rwsem_down_read_failed", "down_read", "__do_page_fault", "do_page_fault", "page_fault"), { mode: "hang" })).toBe("__do_page_fault");
    // a crash raised in a fault handler blames what faulted, as before
    expect(selectGuiltyFrame(frames("do_page_fault", "page_fault", "tcp_v4_rcv"))).toBe("tcp_v4_rcv");
  });
  it("a hung task waiting for a socket's lock hangs in lock_sock_nested, syzkaller's title for it", () => {
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "__lock_sock", "lock_sock_nested", "mptcp_setsockopt", "__sys_setsockopt"), { mode: "hang" })).toBe("lock_sock_nested");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "__lock_sock", "lock_sock_fast", "udp_destroy_sock"), { mode: "hang" })).toBe("lock_sock_fast");
    // a crash inside the socket lock still blames its caller
    expect(selectGuiltyFrame(frames("lock_sock_nested", "tcp_sendmsg"))).toBe("tcp_sendmsg");
  });
  it("hung tasks never name a wake-up function (stale guesses of the scheduler's wake path)", () => {
    expect(selectGuiltyFrame(frames("default_wake_function", "__wake_up_common", "wake_up_atomic_t", "schedule", "p9_client_rpc"), { mode: "hang" })).toBe("p9_client_rpc");
  });
  it("stalls take the frame before the dispatch anchor, after the detector's interrupt frames", () => {
    const stall = frames("rcu_dump_cpu_stacks", "update_process_times", "__hrtimer_run_queues", "apic_timer_interrupt",
      "br_nf_pre_routing", "br_handle_frame", "__netif_receive_skb_core", "process_backlog");
    expect(selectGuiltyFrame(stall, { mode: "stall" })).toBe("br_handle_frame");
    expect(selectGuiltyFrame(frames("snd_seq_write", "__vfs_write", "vfs_write", "sys_write"), { mode: "stall" })).toBe("snd_seq_write");
  });
  it("a stall stack cut inside the tick holds only the detector: no frame, not a stale guess above it", () => {
    // openzfs/zfs#1725 (3.4, every frame a guess): the paste ends at update_process_times, under the detector
    expect(selectGuiltyFrame(frames("update_vsyscall", "__rcu_pending", "rcu_pending", "rcu_check_callbacks", "update_process_times"), { mode: "stall" })).toBeUndefined();
    // the interrupted code below the tick still names the loop when it survived, with or without the entry frame
    expect(selectGuiltyFrame(frames("rcu_check_callbacks", "update_process_times", "tick_sched_timer", "__hrtimer_run_queues", "hrtimer_interrupt", "apic_timer_interrupt", "foo_poll", "foo_ioctl", "vfs_ioctl"), { mode: "stall" })).toBe("foo_ioctl");
    expect(selectGuiltyFrame(frames("rcu_check_callbacks", "update_process_times", "foo_poll", "foo_ioctl", "vfs_ioctl"), { mode: "stall" })).toBe("foo_ioctl");
  });
  it("with lockTaker, a stall that starts spinning in a lock primitive names the lock's taker, not the dispatch anchor", () => {
    const spin = frames("native_queued_spin_lock_slowpath", "_raw_spin_lock_irqsave", "raw_spin_rq_lock_nested", "sched_move_task", "cgroup_attach_task", "__x64_sys_write", "do_syscall_64");
    expect(selectGuiltyFrame(spin, { mode: "stall", lockTaker: true })).toBe("sched_move_task");
    // without the option (soft lockups, syzkaller's rule) the frame above the syscall dispatch
    expect(selectGuiltyFrame(spin, { mode: "stall" })).toBe("sys_write");
    // the NMI detector's frames are stripped first; a loop outside any lock keeps the anchor rule
    const nmi = frames("watchdog_overflow_callback", "__perf_event_overflow", "perf_event_nmi_handler", "nmi_handle", "do_nmi", "end_repeat_nmi", "_raw_spin_lock", "foo_poll_status", "foo_ioctl", "vfs_ioctl");
    expect(selectGuiltyFrame(nmi, { mode: "stall", lockTaker: true })).toBe("foo_poll_status");
    expect(selectGuiltyFrame(frames("foo_poll_status", "foo_ioctl", "vfs_ioctl"), { mode: "stall", lockTaker: true })).toBe("foo_ioctl");
    // a subsystem's own lock wrapper (a module's too) is still the lock, not its taker
    const wrapped: Frame[] = [...frames("_raw_spin_lock"), { function: "bar_table_lock_bh", reliable: true, module: "bar" }, { function: "bar_expire_one", reliable: true, module: "bar" }, ...frames("call_timer_fn")];
    expect(selectGuiltyFrame(wrapped, { mode: "stall", lockTaker: true })).toBe("bar_expire_one");
  });
  it("stalls detected in a device interrupt handler name the handler, not the bottom half it interrupted", () => {
    // lkml 2006 (2.6.17 i386): the tick landed in yenta_interrupt, on top of nvidia's tasklet, on top of the task
    const m = (fn: string, module: string): Frame => ({ function: fn, reliable: true, module });
    const storm = [
      ...frames("softlockup_tick", "update_process_times", "timer_interrupt", "handle_IRQ_event", "__do_IRQ", "do_IRQ", "common_interrupt"),
      m("yenta_interrupt", "yenta_socket"), ...frames("handle_IRQ_event", "__do_IRQ", "do_IRQ"),
      m("rm_isr_bh", "nvidia"), ...frames("common_interrupt", "__do_softirq", "do_softirq", "irq_exit", "do_IRQ", "serial_out"),
    ];
    expect(selectGuiltyFrame(storm, { mode: "stall" })).toBe("yenta_interrupt");
    expect(selectGuiltyFrame(frames("apic_timer_interrupt", "e1000_intr", "__handle_irq_event_percpu", "handle_irq_event", "do_IRQ"), { mode: "stall", afterTimerEntry: true })).toBe("e1000_intr");
  });
  it("stalls under 4.17+ socket syscall bodies name the protocol's handler, not the body", () => {
    const sys = (...names: string[]) => selectGuiltyFrame(frames("__pv_queued_spin_lock_slowpath", ...names, "do_syscall_64", "entry_SYSCALL_64_after_hwframe"), { mode: "stall", afterTimerEntry: true });
    expect(sys("packet_do_bind", "packet_setsockopt", "__sys_setsockopt", "__x64_sys_setsockopt")).toBe("packet_setsockopt");
    expect(sys("inet_wait_for_connect", "inet_stream_connect", "__sys_connect", "__x64_sys_connect")).toBe("inet_stream_connect");
    expect(sys("inet_csk_accept", "inet_accept", "do_accept", "__sys_accept4", "__x64_sys_accept4")).toBe("do_accept");
    expect(sys("unix_listen", "__sys_listen", "__x64_sys_listen")).toBe("unix_listen");
    expect(sys("tun_chr_ioctl", "ksys_ioctl", "__x64_sys_ioctl")).toBe("tun_chr_ioctl");
  });
  it("returns undefined when nothing usable is left", () => {
    expect(selectGuiltyFrame(frames("dump_stack", "panic", "?foo"))).toBeUndefined();
  });
});

describe("isGenericFrame", () => {
  it("knows the report machinery and leaves real code alone", () => {
    expect(isGenericFrame("warn_slowpath_fmt")).toBe(true);
    expect(isGenericFrame("_raw_spin_lock_irqsave")).toBe(true);
    expect(isGenericFrame("skb_segment")).toBe(false);
  });

  it("treats genirq's flow handlers as interrupt glue, not drivers' own *_irq handlers", () => {
    // an arm32 RT kernel's `irq 166 handler … enabled interrupts` WARN: the unwind runs __handle_irq_event_percpu →
    // handle_irq_event → handle_simple_irq → generic_handle_irq; the flow handler is dispatch, never the bug
    for (const f of ["handle_simple_irq", "handle_level_irq", "handle_edge_irq", "handle_fasteoi_irq", "handle_percpu_devid_irq", "handle_nested_irq"])
      expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["handle_rx_irq", "mtk_handle_irq", "handle_mm_fault"]) expect(isGenericFrame(f), f).toBe(false);
  });

  it("the sockptr_t/bpfptr_t copy wrappers are user copies: the caller that passed the pointer is blamed", () => {
    // Raspberry Pi 3 bpf_preload oops on 5.18.3 (lore bpf list): mmiocpy <- copy_from_bpfptr <- __sys_bpf <- bpf_sys_bpf
    expect(selectGuiltyFrame(frames("mmiocpy", "copy_from_bpfptr", "__sys_bpf", "bpf_sys_bpf"))).toBe("__sys_bpf");
    expect(isGenericFrame("copy_from_sockptr_offset")).toBe(true);
    expect(isGenericFrame("copy_to_sockptr")).toBe(true);
    expect(isGenericFrame("bpf_sys_bpf")).toBe(false);
  });
  it("the NMI backtrace helpers that print a stalled CPU's stack are report machinery", () => {
    // Allwinner H3 on 4.17-rc7 (armbian/build#1000): a self-detected RCU stall's ARM dump cut inside the NMI backtrace
    for (const f of ["nmi_cpu_backtrace", "nmi_trigger_cpumask_backtrace", "arch_trigger_cpumask_backtrace", "trigger_single_cpu_backtrace", "dump_cpu_task"]) expect(isGenericFrame(f), f).toBe(true);
    expect(selectGuiltyFrame(frames("unwind_backtrace", "show_stack", "dump_stack", "nmi_cpu_backtrace", "nmi_trigger_cpumask_backtrace"), { mode: "stall" })).toBeUndefined();
    // 3.x x86: the detecting CPU's dump ends in the APIC IPI send of `sending NMI to all CPUs:`
    for (const f of ["arch_trigger_all_cpu_backtrace", "default_send_IPI_mask_logical", "default_send_IPI_mask_sequence_phys", "physflat_send_IPI_mask", "__x2apic_send_IPI_mask"]) expect(isGenericFrame(f), f).toBe(true);
    expect(isGenericFrame("nmi_handle")).toBe(false);
  });
  it("a stalled CPU's NMI backtrace without <NMI> markers: the NMI handler's frames are the detector's, the loop is below the NMI entry", () => {
    // KVM guest soft lockups while perf enables the PMU (lore kvm, ZRwcpki67uhpAUKi): a decode_stacktrace paste of the
    // NMI backtrace with no <NMI>/</NMI> lines; nmi_handle is the NMI dispatcher, not what the CPU was looping in
    const nmi = frames("nmi_cpu_backtrace", "nmi_cpu_backtrace_handler", "nmi_handle", "__intel_pmu_enable_all", "__intel_pmu_enable_all",
      "default_do_nmi", "exc_nmi", "end_repeat_nmi", "__intel_pmu_enable_all", "__intel_pmu_enable_all", "x86_pmu_enable", "perf_event_task_tick");
    expect(selectGuiltyFrame(nmi, { mode: "stall" })).toBe("__intel_pmu_enable_all");
    // 4.x x86 with the frame-pointer unwinder: the same NMI path under dump_stack, then the interrupted loop
    expect(selectGuiltyFrame(frames("dump_stack", "nmi_cpu_backtrace", "nmi_cpu_backtrace_handler", "nmi_handle", "default_do_nmi", "do_nmi",
      "end_repeat_nmi", "foo_poll_status", "foo_ioctl", "vfs_ioctl"), { mode: "stall" })).toBe("foo_ioctl");
  });
  it("sysfs group creation walks the caller's attribute array: an unterminated array names the driver that registered it", () => {
    // SolidRun CEX7 arm64 on 6.11 (linux-block, blktests nvme/003): KASAN global-out-of-bounds in create_files reading
    // past nvme_tls_attrs [nvme_core] <- internal_create_group(s) <- sysfs_create_groups <- device_add <- cdev_device_add
    expect(selectGuiltyFrame(frames("create_files", "internal_create_group", "internal_create_groups", "sysfs_create_groups",
      "device_add_attrs", "device_add", "cdev_device_add", "nvme_add_ctrl", "nvme_loop_create_ctrl"))).toBe("nvme_add_ctrl");
    for (const f of ["create_files", "internal_create_group", "internal_create_groups", "cdev_device_add"]) expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["create_files_for_dev", "cdev_add", "internal_create_group_attrs"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("a sysfs attribute file created for a driver names the driver: sysfs/kernfs create helpers are plumbing", () => {
    // lockdep's "BUG: key … has not been registered!" under device_create_file() on a dynamically allocated attribute
    expect(selectGuiltyFrame(frames("lockdep_init_map_type", "__kernfs_create_file", "sysfs_add_file_mode_ns", "sysfs_create_file_ns",
      "foo_fan_probe", "platform_probe"))).toBe("foo_fan_probe");
    for (const f of ["__kernfs_create_file", "kernfs_create_dir_ns", "kernfs_create_link", "sysfs_add_file_mode_ns", "sysfs_add_file_to_group"]) expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["kernfs_fop_write_iter", "kernfs_get"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("XFS's old kmem wrappers are allocators: a WARN under them names the XFS code that allocated", () => {
    // PowerPC G4 NFS server on 3.14-rc2 (linux-mm): SLUB's add_full() assertion <- kmem_zone_alloc <- xfs_inode_alloc
    expect(selectGuiltyFrame(frames("deactivate_slab", "__slab_alloc.constprop.77", "kmem_cache_alloc", "kmem_zone_alloc", "xfs_inode_alloc", "xfs_iget"))).toBe("xfs_inode_alloc");
    for (const f of ["kmem_zone_zalloc", "kmem_zalloc", "kmem_realloc", "kmem_zone_free", "kmem_free"]) expect(isGenericFrame(f), f).toBe(true);
    expect(isGenericFrame("kmem_cache_shrink_all")).toBe(true);
    expect(isGenericFrame("kmemleak_alloc")).toBe(false);
  });
  it("a fault inside the unwinder's start is the unwinder's (syzkaller names it); its stepping helpers are machinery", () => {
    expect(isGenericFrame("__unwind_start")).toBe(false);
    expect(isGenericFrame("unwind_next_frame")).toBe(true);
  });
  it("the rt_mutex slow path's helpers are locking, the code that blocked on the rt_mutex is not", () => {
    for (const f of ["task_blocks_on_rt_mutex", "try_to_take_rt_mutex", "rt_mutex_slowlock"]) expect(isGenericFrame(f), f).toBe(true);
    expect(isGenericFrame("sched_core_balance")).toBe(false);
    expect(selectGuiltyFrame(frames("task_blocks_on_rt_mutex", "raw_spin_rq_unlock_irq", "sched_core_balance", "balance_callback"))).toBe("sched_core_balance");
  });
  it("a WARN in __flush_work is blamed on the code that flushed, through the delayed/rcu flush wrappers too", () => {
    // rk3399 ASoC card cleanup on 5.5-rc1 (lkml): __flush_work <- flush_delayed_work <- soc_free_pcm_runtime
    expect(selectGuiltyFrame(frames("__flush_work.isra.47", "flush_delayed_work", "soc_free_pcm_runtime.part.19", "snd_soc_remove_dai_link")))
      .toBe("soc_free_pcm_runtime");
    for (const f of ["flush_delayed_work", "flush_rcu_work"]) expect(isGenericFrame(f), f).toBe(true);
    expect(isGenericFrame("flush_dcache_page")).toBe(false);
  });
  it("DMA-coherent allocation backends are allocators: the driver that asked is to blame", () => {
    const pfRing = frames("warn_alloc_failed", "__alloc_pages_nodemask", "alloc_pages_current", "__get_free_pages",
      "swiotlb_alloc_coherent", "?dma_generic_alloc_coherent", "x86_swiotlb_alloc_coherent", "alloc_dma_memory", "txAllocArea");
    expect(selectGuiltyFrame(pfRing)).toBe("alloc_dma_memory");
    for (const f of ["dma_direct_alloc", "__dma_direct_alloc_pages", "iommu_dma_alloc", "dma_generic_alloc_coherent"]) expect(isGenericFrame(f)).toBe(true);
  });
  // Rows from the comparison with syzkaller's linuxStackParams, whose unanchored patterns reach these spellings.
  it("skips the spellings syzkaller's unanchored patterns reach: ldsem, ARM's io copies and bit ops, SLUB internals", () => {
    for (const f of ["ldsem_down_read", "ldsem_down_write", "_memcpy_fromio", "_memset_io", "_test_and_set_bit", "__clear_bit",
      "test_and_change_bit", "__free_slab", "discard_slab", "deactivate_slab", "memcg_slab_post_alloc_hook"]) expect(isGenericFrame(f), f).toBe(true);
    // Names that only contain the helper's name are real code.
    for (const f of ["tty_ldisc_hangup", "snd_pcm_lib_memcpy", "mlx5_set_bit_field", "slabinfo_show", "kvm_test_bit_range"]) expect(isGenericFrame(f), f).toBe(false);
    expect(selectGuiltyFrame(frames("_raw_spin_lock", "ldsem_down_read", "tty_ldisc_ref_wait", "tty_ioctl"))).toBe("tty_ldisc_ref_wait");
  });
  it("PREEMPT_RT's sleeping-lock slow paths are locking: an irq handler's wake-up that took an rt lock is to blame", () => {
    // meson-gx on a PREEMPT_RT 6.4 kernel (lore: mmc_request_done() from the hard irq handler)
    expect(selectGuiltyFrame(frames("__schedule_bug", "__schedule", "schedule_loop", "schedule_rtlock", "rtlock_slowlock_locked",
      "rt_spin_lock", "__wake_up_common_lock", "__wake_up", "mmc_blk_mq_req_done", "mmc_request_done"))).toBe("mmc_blk_mq_req_done");
    for (const f of ["rtlock_slowlock", "rtlock_slowlock_locked", "rwbase_read_lock", "rwbase_write_lock", "schedule_loop", "schedule_rtlock"])
      expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["rtl8169_poll", "rtw_ops_start", "rwb_arm_timer"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("the 2.6 -rt patchset's rt_lock slow path is locking: its recursion BUG_ON blames the lock's taker", () => {
    // 2.6.16-rt crash `bt` (LKML, Darren Hart): kernel BUG at kernel/rtmutex.c:639 under printk's fbcon cursor code
    expect(selectGuiltyFrame(frames("crash_kexec", "die", "do_invalid_op", "rt_lock_slowlock", "__kmalloc", "soft_cursor", "bit_cursor")))
      .toBe("soft_cursor");
    for (const f of ["rt_lock", "rt_lock_slowlock", "rt_unlock", "rt_unlock_slowlock", "rt_read_lock", "rt_write_unlock"])
      expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["rt_lock_hash_init", "rt_lockout_handler", "rt6_lock"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("bcachefs' six locks and closure waits are lock and wait primitives: the btree or write code that blocked is to blame", () => {
    // hung bcachefs tasks (koverstreet/bcachefs issues): a read-endio worker on a btree node lock, journal replay
    // splitting a node, rebalance waiting for its writes
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "six_lock_slowpath.isra.0", "bch2_btree_node_get", "bch2_btree_path_traverse_one")))
      .toBe("bch2_btree_node_get");
    expect(selectGuiltyFrame(frames("__schedule", "schedule", "__closure_sync", "bch2_btree_update_start", "bch2_btree_split_leaf")))
      .toBe("bch2_btree_update_start");
    for (const f of ["__six_lock_type_slowpath", "six_lock_intent", "six_lock_ip_intent", "six_relock_ip", "six_trylock_ip", "six_unlock_ip", "closure_sync",
      "__closure_sync_timeout", "__bch2_closure_sync", "__bch2_closure_sync_timeout"])
      expect(isGenericFrame(f), f).toBe(true);
    // The closure machinery's callbacks and the btree lock wrappers name the code that took the lock.
    for (const f of ["closure_sync_fn", "bch2_six_check_for_deadlock", "__bch2_btree_node_lock", "btree_node_lock_nopath"])
      expect(isGenericFrame(f), f).toBe(false);
  });
  it("assertion reporters are machinery: XFS's assfail/asswarn, any filesystem's *_assertfail", () => {
    expect(selectGuiltyFrame(frames("assfail", "xfs_bmap_add_extent_hole_delay", "xfs_bmapi_reserve_delalloc"))).toBe("xfs_bmap_add_extent_hole_delay");
    for (const f of ["asswarn", "btrfs_assertfail", "bch2_assertfail"]) expect(isGenericFrame(f), f).toBe(true);
    expect(isGenericFrame("xfs_assfail_tag")).toBe(false);
  });
  it("kthread_worker plumbing, the driver core's device_add helpers and kCFI preambles are generic", () => {
    expect(selectGuiltyFrame(frames("__kthread_queue_delayed_work", "kthread_queue_delayed_work", "kthread_mod_delayed_work", "sdma_v4_ring_timeout"))).toBe("sdma_v4_ring_timeout");
    for (const f of ["kthread_queue_work", "kthread_flush_work", "kthread_cancel_delayed_work_sync", "device_add_attrs", "device_add_groups", "__cfi_down_write_killable", "__cfi_slowpath"]) expect(isGenericFrame(f), f).toBe(true);
    // Not the block layer's registration a driver calls, nor a kthread's own work function.
    for (const f of ["device_add_disk", "kthread_worker_fn", "kthread_should_stop_work"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("the workqueue queue API, mod_delayed_work_on included, is plumbing: the caller that queued the work is named", () => {
    // amd-gfx 2023: WARN in __queue_delayed_work (a NULL workqueue) under drm_sched_fault's mod_delayed_work()
    expect(selectGuiltyFrame(frames("__queue_delayed_work", "mod_delayed_work_on", "drm_sched_fault", "gfx_v9_0_fault"))).toBe("drm_sched_fault");
    for (const f of ["mod_delayed_work_on", "mod_delayed_work", "queue_delayed_work_on", "queue_work_on"]) expect(isGenericFrame(f), f).toBe(true);
    // a driver's own work function or re-arm helper is not
    for (const f of ["drm_sched_fault", "amdgpu_mod_delayed_work_helper"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("add_timer is timer plumbing: its BUG_ON(timer_pending) names the caller that armed a pending timer", () => {
    // UOS 4.19 arm64 desktop: `kernel BUG at kernel/time/timer.c:1138!` under gpu_sched's schedule_delayed_work()
    expect(selectGuiltyFrame(frames("add_timer", "__queue_delayed_work", "queue_delayed_work_on", "drm_sched_main"))).toBe("drm_sched_main");
    for (const f of ["add_timer", "add_timer_on", "add_timer_global"]) expect(isGenericFrame(f), f).toBe(true);
    // a subsystem's own timer helper is not
    for (const f of ["add_timer_randomness", "blk_add_timer", "nfs_add_timer"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("x86's trap and NMI entry and the rest of the WARN/BUG machinery are generic: a WARN without a function names the caller", () => {
    // arm64 6.x: the call trace under a `WARNING: … at f.c:N` header that named no function
    const arm64 = frames("dump_backtrace", "show_stack", "dump_stack_lvl", "__warn", "__report_bug", "report_bug", "bug_brk_handler", "arm64_notify_die", "el1h_64_sync", "real_culprit");
    expect(selectGuiltyFrame(arm64)).toBe("real_culprit");
    for (const f of ["exc_int3", "exc_debug", "exc_nmi", "exc_machine_check", "exc_double_fault", "do_int3", "do_nmi", "debug_locks_off",
      "__cant_migrate", "__might_resched"]) expect(isGenericFrame(f), f).toBe(true);
    // a kprobe's int3 handler is the code that ran in the trap
    expect(selectGuiltyFrame(frames("kprobe_int3_handler", "do_int3", "exc_int3", "asm_exc_int3"))).toBe("kprobe_int3_handler");
    for (const f of ["excl_lock", "do_debugfs_read"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("kgdb's breakpoint is trap machinery: an assert's int3 names the function that asserted", () => {
    // dri-devel, 5.8-rc1: DC's critical assert WARNs in dal_gpio_open_ex, then kgdb_breakpoint()'s int3 oopses
    expect(selectGuiltyFrame(frames("kgdb_breakpoint", "dal_gpio_open_ex", "dal_ddc_open", "dce_aux_transfer_raw"))).toBe("dal_gpio_open_ex");
    for (const f of ["kgdb_breakpoint", "arch_kgdb_breakpoint"]) expect(isGenericFrame(f), f).toBe(true);
    for (const f of ["kgdb_breakpoint_handler", "kgdboc_init", "my_kgdb_breakpoint"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("ARC's unwinder is generic: its `Stack Trace:` names the caller of the check, not arc_unwind_core", () => {
    // foss-for-synopsys-dwc-arc-processors/linux#92: smp_processor_id() in preemptible code on an ARC HS board
    const arc = frames("arc_unwind_core", "dump_stack_lvl", "check_preemption_disabled", "arc_pmu_device_probe", "platform_probe");
    expect(selectGuiltyFrame(arc)).toBe("arc_pmu_device_probe");
    expect(isGenericFrame("arc_unwind_core")).toBe(true);
    for (const f of ["arc_pmu_device_probe", "arc_emac_rx"]) expect(isGenericFrame(f), f).toBe(false);
  });
  it("the kdump hand-off is machinery: a crash `bt` cut before its exception frame names no culprit", () => {
    // kubernetes/kubernetes#70229: `bt` of a vmcore taken on a BUG(), read up to do_invalid_op
    const kexecPath = ["machine_kexec", "crash_kexec", "oops_end", "die", "do_trap", "do_error_trap", "do_invalid_op"];
    expect(selectGuiltyFrame(frames(...kexecPath))).toBeUndefined();
    expect(selectGuiltyFrame(frames("machine_kexec", "__crash_kexec", "panic", "oops_end", "die", "do_trap", "invalid_op", "i_readcount_dec"))).toBe("i_readcount_dec");
    for (const f of ["kexec_load", "machine_kexec_prepare", "kernel_kexec_cleanup"]) expect(isGenericFrame(f), f).toBe(false);
  });
});

describe("selectGuiltyFile", () => {
  it("takes the first file that is not generic code", () => {
    const report = [
      "BUG: KASAN: use-after-free in __list_add include/linux/list.h:60 [inline]",
      " kasan_report+0x230/0x340 mm/kasan/report.c:408",
      " __list_add_valid+0x10/0x20 lib/list_debug.c:26",
      " timerfd_setup_cancel+0x2d/0x50 arch/x86/../../fs/timerfd.c:120",
    ];
    expect(selectGuiltyFile(report)).toBe("fs/timerfd.c");
  });
  it("prefers a file deeper in the first one's directory, and skips ARM's register-owner lines", () => {
    const report = [
      "BUG: KASAN: use-after-free in snd_pcm_hw_params+0x1/0x2 sound/core/pcm_native.c:700",
      "Register r3 information: slab kmalloc-64 start c4a1b2c0 allocated at x+0x1/0x2 drivers/base/x.c:1",
      " snd_pcm_hw_params+0x1/0x2 sound/core/pcm_native.c:700",
      " snd_pcm_oss_change_params+0x1/0x2 sound/core/oss/pcm_oss.c:900",
      " snd_seq_write+0x1/0x2 sound/seq/seq_clientmgr.c:1021",
    ];
    expect(selectGuiltyFile(report)).toBe("sound/core/oss/pcm_oss.c");
    expect(selectGuiltyFile(report.slice(0, 3))).toBe("sound/core/pcm_native.c");
    expect(selectGuiltyFile(["Register r3 information: x drivers/gpu/x.c:1", " f+0x1/0x2 fs/ext4/inode.c:1"])).toBe("fs/ext4/inode.c");
  });
  it("starts after the timer interrupt entry for RCU stalls", () => {
    const report = [
      " rcu_dump_cpu_stacks+0x1/0x2 kernel/rcu/tree.c:1",
      " hrtimer_interrupt+0x1/0x2 kernel/time/hrtimer.c:1",
      " apic_timer_interrupt+0x8e/0xa0 arch/x86/entry/entry_64.S:861",
      " snd_seq_write+0x1/0x2 sound/core/seq/seq_clientmgr.c:1021",
    ];
    expect(selectGuiltyFile(report, { stall: true })).toBe("sound/core/seq/seq_clientmgr.c");
    expect(selectGuiltyFile(["no files here"])).toBeUndefined();
  });
  it("skips the VFS writeback core (it runs the filesystem's write_inode) but not the x86 stack printer that faulted", () => {
    const writeback = [
      " write_inode_now+0x1cd/0x260 fs/fs-writeback.c:2723",
      " iput+0x3e6/0x760 fs/inode.c:1774",
      " ntfs_fill_super+0x3af3/0x42a0 fs/ntfs3/super.c:1190",
    ];
    expect(selectGuiltyFile(writeback)).toBe("fs/ntfs3/super.c");
    const kmsan = [
      "BUG: KMSAN: use of uninitialized memory in show_trace_log_lvl+0xda4/0x1030 arch/x86/kernel/dumpstack.c:203",
      " dump_stack+0x14a/0x1d0 lib/dump_stack.c:53",
      " xt_alloc_entry_offsets+0x62/0x70 net/netfilter/x_tables.c:778",
    ];
    expect(selectGuiltyFile(kmsan)).toBe("arch/x86/kernel/dumpstack.c");
  });
  it("reads no file from the locks the task holds or lockdep's irq-state stamps", () => {
    const report = [
      "BUG: sleeping function called from invalid context at arch/x86/mm/fault.c:1372",
      " #0:  (sk_lock-AF_ALG){+.+.}, at: [<0000000035a74818>] af_alg_wait_for_data+0x2f2/0x650 crypto/af_alg.c:768",
      "hardirqs last  enabled at (331): [<00000000eed64b41>] __kmalloc+0x23a/0x760 mm/slab.c:3720",
      "softirqs last disabled at (316): [<00000000272f4822>] lock_sock_nested+0x44/0x110 net/core/sock.c:2762",
      " blkcipher_walk_done+0x72b/0xde0 crypto/blkcipher.c:139",
    ];
    expect(selectGuiltyFile(report)).toBe("crypto/blkcipher.c");
  });
  it("reads the lines after a report that names no file of its own", () => {
    const assert = ["trusty: panic (caller 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): !list_in_list(&chan->node)"];
    const next = ["WARNING: CPU: 0 PID: 36 at drivers/trusty/trusty.c:215 trusty_std_call32+0x220/0x240 drivers/trusty/trusty.c:215"];
    expect(selectGuiltyFile(assert, { after: () => next })).toBe("drivers/trusty/trusty.c");
    expect(selectGuiltyFile([...assert, " ipc_send+0x1/0x2 drivers/trusty/trusty-ipc.c:9"], { after: () => next })).toBe("drivers/trusty/trusty-ipc.c");
  });
  it("falls back to the first file named when every file is generic code", () => {
    const report = [
      "81e70810 (&n->list_lock){..-.}-{3:3}, at: spin_lock include/linux/spinlock.h:354 [inline]",
      "81e70810 (&n->list_lock){..-.}-{3:3}, at: deactivate_slab+0x2a8/0x558 mm/slub.c:2244",
      " #1: 812239d8 (rcu_callback){....}-{0:0}, at: rcu_core+0x314/0xa74 kernel/rcu/tree.c:2711",
    ];
    expect(selectGuiltyFile(report)).toBe("include/linux/spinlock.h");
  });
  it("starts after arm64's IRQ vector for RCU stalls (the interrupt controller's driver is the timer's path)", () => {
    const report = [
      " hrtimer_interrupt+0x2b4/0xbec kernel/time/hrtimer.c:123",
      " gic_handle_irq+0xac/0x1f4 drivers/irqchip/irq-gic-v3.c:123",
      " el1h_64_irq+0x7c/0x80 arch/arm64/kernel/entry.S:123",
      " _raw_spin_lock_bh+0x124/0x1c4 kernel/locking/spinlock.c:123",
      " sk_msg_recvmsg+0x58/0xb7c net/core/skmsg.c:123",
    ];
    expect(selectGuiltyFile(report, { stall: true })).toBe("net/core/skmsg.c");
    expect(selectGuiltyFile(report)).toBe("drivers/irqchip/irq-gic-v3.c");
  });
});
