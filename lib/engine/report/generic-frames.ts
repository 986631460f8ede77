/**
 * Functions that show up on top of stacks without being the bug: the sanitizer and report machinery, locking
 * primitives, allocators, string/memory helpers, user-copy helpers, list/tree helpers, refcounts, printk and the
 * exception entry code. The guilty frame is the first reliable frame that matches none of these.
 * Frames inside a module (`[nf_conntrack]`) are never skipped: out-of-tree code is what we want to blame.
 *
 * Each row is one family with the reason it is generic, so a reviewer can see why a function is ignored.
 * Patterns are matched against the cleaned function name (no `.isra.N`, no `+0x…`).
 */
import { memoByText } from "./memo-by-text";

/**
 * genirq's flow handlers (kernel/irq/chip.c), by name. Generic in a stack (interrupt glue), but each takes its
 * descriptor's lock itself, so lockdep's lock site (`(&irq_desc_lock_class){-...}, at: handle_fasteoi_irq+0x24`) keeps
 * them (classes.ts LOCKDEP_AT `named`).
 */
export const GENIRQ_FLOW_HANDLER =
  "^handle_(?:simple|untracked|level|edge|edge_eoi|nested|bad|percpu|percpu_devid|fasteoi|fasteoi_ack|fasteoi_mask|fasteoi_nmi|percpu_devid_fasteoi_nmi|percpu_devid_fasteoi_ipi)_irq$";

export type GenericFrameFamily = { family: string; why: string; patterns: string[] };

export const GENERIC_FRAME_FAMILIES: readonly GenericFrameFamily[] = [
  {
    family: "sanitizers",
    why: "KASAN/KMSAN/KCSAN/KFENCE/UBSAN report from inside their own checking code",
    patterns: [
      "^__sanitizer", "^__asan", "kasan", "^__hwasan", "^hwasan", "^__msan", "^kmsan", "^__kmsan", "^kcsan",
      "^__tsan", "^kfence", "^__kfence", "^__ubsan", "^ubsan_", "^handle_overflow", "^check_memory_region",
      "^check_heap_object", "^check_object", "^__check_object_size", "^check_stack_object", "^__check_heap_object",
      "^usercopy_abort", "^read_word_at_a_time", "^(?:read|write)_once", "^instrument_", "^__kasan",
    ],
  },
  {
    family: "report machinery",
    why: "the code that prints the report, not the code that failed",
    patterns: [
      "^print_address_description", "^print_report", "^print_usage_bug", "^print_unlock", "^print_circular",
      "^print_bad_irq", "^print_deadlock", "^print_lock", "^print_shortest", "^print_irq", "^print_irqtrace",
      "^print_modules", "^print_trailer", "^print_tainted", "^print_worker", "^describe_object",
      "^dump_stack", "^__dump_stack", "^show_stack", "^show_trace", "^show_regs", "^__show_regs", "^walk_stack",
      "^dump_backtrace", "^arch_stack_walk", "^stack_trace_", "^save_stack", "^unwind_",
      // ARC's show_stack() prints its own unwinder first (`Stack Trace:` + `arc_unwind_core+0xe8/0x118`), as ARM's
      // unwind_backtrace
      "^arc_unwind_core$",
      "panic", "assertfail", "^__assert", "^assfail$", "^asswarn$", "^__warn$", "^__warn_printk", "^warn_slowpath", "^warn_alloc", "^warn_bogus",
      "^_{0,2}report_bug", "^fixup_bug", "^handle_bug", "^handle_invalid_op$", "^do_error_trap", "^do_trap", "^do_invalid_op", "^exc_invalid_op",
      "^asm_exc_", "^invalid_op$", "^__bug$", "^bug_handler", "^die$", "^__die", "^oops_end", "^__oops", "^_trap$",
      "^imbalance_bug", "^bad_page$", "^bad_page_fault", "^__schedule_bug", "^_*debug_object", "^debug_print_object",
      // x86's per-trap handlers (`do_int3_trap`, `math_error_trap`…) and FORTIFY_SOURCE's report (its panic is above)
      "_trap$", "^__fortify_report", "^get_taint$",
      "^timer_is_static_object", "^work_is_static_object", "^lockdep_", "^__lockdep", "^check_noncircular",
      "^check_prev_add", "^validate_chain", "^__lock_acquire", "^lock_acquire", "^lock_release", "^__lock_release",
      "^lock_is_held", "^lock_class", "^mark_lock", "^mark_held_locks", "^reacquire_held_locks", "^valid_state",
      // lock_stat's contention hooks, under every lock primitive's slow path when CONFIG_LOCK_STAT is set
      "^__lock_contended$", "^lock_contended$", "^__lock_acquired$", "^lock_acquired$",
      "lockdep", "^hlock_", "lock_class", "^check_usage", "^check_irq_usage", "^check_prevs_add", "^debug_check_no", "^check_flags", "^printk", "^vprintk", "^_printk",
      "^console_unlock$", "^console_flush", "^console_emit", "^__ratelimit", "^should_fail", "^fail_dump", "^should_failslab", "^fault_create_debugfs",
      "^add_taint", "^__might_sleep", "^___might_sleep", "^__might_fault", "^might_fault", "^__cant_sleep",
      "^might_sleep", "^__might_resched", "^check_preemption_disabled", "^debug_smp_processor_id",
      "^__this_cpu_preempt_check", "kobject_", "^kref_", "^refcount_", "^ref_tracker",
      "^trace_", "^__trace_", "^perf_trace", "^tracepoint", "^spin_dump", "^spin_bug", "^__seqprop_assert",
      "^seqprop_assert", "^hex_dump", "^print_hex_dump", "^crc_", "^crc32",
      // lib/nmi_backtrace.c: a stall or lockup report asks each CPU to print its stack through these; on ARM and arm64
      // (no x86 timer-interrupt anchor) a dump cut before the interrupted code holds only them.
      "^nmi_cpu_backtrace", "^nmi_trigger_cpumask_backtrace", "^arch_trigger_cpumask_backtrace",
      "^trigger_(?:all|single|cpumask)_cpu_backtrace", "^dump_cpu_task$",
      // 3.x x86 sent the backtrace NMI itself: the detecting CPU's own dump stops in the APIC's IPI send
      // (`EIP is at default_send_IPI_mask_logical` under `sending NMI to all CPUs:`), the report's code, not the stall's.
      "^arch_trigger_all_cpu_backtrace", "^default_send_IPI_mask_(?:logical|sequence_(?:phys|logical)|allbutself_(?:phys|logical))$",
      "^(?:physflat|flat)_send_IPI_(?:mask|allbutself|all)$", "^_*x2apic_send_IPI_(?:mask|allbutself|all)",
      // the rest of the checkers' machinery syzkaller's unanchored patterns reach: 6.x lib/bug.c's `__report_bug` under
      // report_bug, lockdep's `debug_locks_off`, the preemption checks `__cant_migrate` and `might_resched`, arm64's
      // `arm64_notify_die` between the BRK handler and die()
      "^debug_locks_off$", "^__cant_migrate$", "^_{0,2}might_resched$", "^arm64_notify_die$",
      // the kdump hand-off: oops_end and panic call crash_kexec, which jumps to the capture kernel through
      // machine_kexec; a crash-utility `bt` cut before its exception frame holds only them and the trap path
      "^_{0,2}crash_kexec$", "^machine_kexec$",
      // the debugger trap an assert drops into when KGDB is built in (amdgpu DC's critical assert WARNs, then calls
      // kgdb_breakpoint(); without a debugger attached its int3 oopses): the breakpoint, not the code that asserted
      "^(?:arch_)?kgdb_breakpoint$",
    ],
  },
  {
    family: "exception entry",
    why: "fault and trap handlers run because something else faulted",
    patterns: [
      "^do_page_fault", "^__do_page_fault", "^exc_page_fault",
      "^page_fault$", "^do_user_addr_fault", "^do_kern_addr_fault", "^kernelmode_fixup_or_oops", "^page_fault_oops",
      "^do_general_protection", "^exc_general_protection", "^general_protection$", "^fixup_exception",
      "^ex_handler_", "^do_divide_error", "^exc_divide_error", "^do_stack_segment", "^exc_stack_segment",
      "^__do_kernel_fault", "^do_mem_abort", "^do_translation_fault", "^do_bad_area", "^el1_abort", "^el1h_64_sync",
      "^el1_sync", "^el1_da", "^el1_dbg", "^do_debug_exception", "^brk_handler", "^call_break_hook", "^bug_brk_handler",
      "^do_kernel_fault", "^handle_page_fault", "^program_check_exception", "^program_check_common", "^do_tag_check_fault", "^report_tag_fault", "^el1h_64_sync_handler",
      "^el1_interrupt", "^el1h_64_irq", "^do_alignment_fault", "^do_sea",
      // x86's idtentry handlers (5.8+: `exc_int3`, `exc_debug`, `exc_nmi`, `exc_machine_check`, `exc_double_fault`…)
      // and their pre-5.8 names: a report raised inside a trap or NMI blames the handler the entry called
      "^exc_", "^do_(?:int3|debug|nmi|double_fault|machine_check)$",
      // ia64's trap handlers: a break (BUG) reaches die() through ia64_bad_break, a fault through ia64_fault
      "^ia64_(?:fault|bad_break|do_page_fault|handle_unaligned|illegal_op_fault)$",
    ],
  },
  {
    family: "locking",
    why: "a lock primitive is where the code waited or tripped, not where it went wrong",
    patterns: [
      "^_raw_", "^__raw_", "^do_raw_", "^raw_spin_", "^queued_", "^native_queued", "^__pv_queued", "^pv_queued",
      // unanchored like syzkaller: `reiserfs_write_lock`, `__raw_read_lock_bh` are wrappers of the same
      "spin_lock", "spin_trylock", "spin_unlock", "read_lock", "read_trylock", "write_lock", "write_trylock",
      "read_unlock", "write_unlock", "^down$", "^down_read", "^down_write", "^down_trylock", "^down_interruptible",
      "^down_killable", "^__down", "^up$", "^up_read", "^up_write", "^__up_", "^rwsem_", "^__rwsem", "^mutex_",
      "^__mutex_", "^rt_mutex_", "^__rt_mutex", "^rt_spin_", "^owner_on_cpu", "^osq_lock", "^osq_unlock",
      // the rt_mutex slow path's own helpers (`task_blocks_on_rt_mutex`, `try_to_take_rt_mutex`)
      "_on_rt_mutex$", "^try_to_take_rt_mutex$",
      "^percpu_down", "^percpu_up", "^__percpu_down", "^bit_spin_lock", "^lock_sock", "^release_sock$",
      "^__lock_sock", "^local_bh_enable", "^__local_bh_enable", "^local_bh_disable", "^__local_bh_disable",
      "^_local_bh_enable", "^rcu_read_lock", "^rcu_read_unlock", "^__rcu_read_", "^rcu_lockdep_", "^seqcount_",
      "^seqlock_", "^write_seqlock", "^read_seqbegin", "^(?:arch_|raw_)?atomic(?:64|_long)?_(?:dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)",
      // lockref: a spinlock-protected refcount (dget, dput); the dentry code calling it is what to blame
      "^lockref_",
      // x86's rwsem slow-path thunks (`call_rwsem_down_write_failed`), RCU's lockdep annotations
      "^call_rwsem_", "^rcu_lock_(?:acquire|release)$",
      // the tty line-discipline semaphore (`ldsem_down_read`, `ldsem_down_write`): syzkaller's unanchored `down_read`
      "^ldsem_",
      // bcachefs' six locks (shared/intent/exclusive, fs/bcachefs/six.c): a task blocked in `six_lock_slowpath` or
      // `__six_lock_type_slowpath` waits for a btree node lock; the btree code that asked for it is what to blame
      "^_{0,2}six_(?:lock|relock|trylock|unlock)",
      // PREEMPT_RT's sleeping spinlocks and rwlocks (kernel/locking/spinlock_rt.c, rwbase_rt.c since 5.15):
      // `rt_spin_lock` -> `rtlock_slowlock` -> `rtlock_slowlock_locked`, `rwbase_read_lock`; the code that took the
      // lock in atomic context (an irq handler's wake-up) is what a `scheduling while atomic` report blames
      "^rtlock_", "^rwbase_",
      // the 2.6.x -rt patchset's sleeping spinlocks before that (kernel/rtmutex.c: `rt_lock` -> `rt_lock_slowlock`,
      // `rt_unlock` -> `rt_unlock_slowlock`, `rt_read_lock`, `rt_write_lock`): its own `BUG_ON` on a recursive lock
      // fires inside them, and the code that took the lock is what to blame
      "^rt_(?:read_|write_)?(?:un)?lock(?:_slow(?:un)?lock)?$",
    ],
  },
  {
    family: "allocators",
    why: "an allocation is where a bad size or a freed object was noticed",
    patterns: [
      // unanchored on purpose: kmalloc_node_track_caller, __kvmalloc_node_noprof, kzalloc wrappers…
      "k?v?(?:m|z|c)alloc", "alloc_frozen_pages", "_noprof$",
      "^kmalloc", "^__kmalloc", "^kzalloc", "^kcalloc", "^kvmalloc", "^__kvmalloc", "^kvzalloc", "^kvcalloc",
      "^vmalloc", "^__vmalloc", "^vzalloc", "^krealloc", "^__krealloc", "^kmemdup", "^kstrdup", "^kstrndup",
      "^kfree", "^kvfree", "^vfree", "^__vfree", "^kmem_cache_", "^__kmem_cache", "^slab_", "^__slab_",
      "^___slab_", "^allocate_slab", "^new_slab", "^alloc_pages", "^__alloc_pages", "^alloc_page", "^__get_free_pages",
      "^get_zeroed_page", "^free_pages", "^__free_pages", "^free_page", "^__free_page", "^folio_alloc",
      "^filemap_alloc_folio", "^__filemap_get_folio", "^pagecache_get_page", "^find_or_create_page",
      "^grab_cache_page", "^folio_unlock", "^do_read_cache_folio", "^read_cache_page", "^memdup", "^__memdup", "^kmem_alloc", "^___cache_free", "^cache_alloc", "^____cache_alloc",
      "^setup_object", "^__do_kmalloc", "^kmalloc_trace", "^kmalloc_node", "^__kmalloc_node", "^kmalloc_large",
      "^alloc_slab", "^kmalloc_array", "^kmalloc_slab", "^mempool_", "^dma_alloc", "^dma_free",
      // DMA-coherent allocation backends (swiotlb, direct, IOMMU): the driver that asked for the buffer is to blame
      "^(?:x86_)?swiotlb_alloc", "^dma_generic_alloc", "^(?:__)?dma_direct_alloc", "^iommu_dma_alloc", "^__dma_alloc",
      // the skb and slab-hook frees and reallocs syzkaller skips too (`__kfree_skb`, `__dev_kfree_skb_any`, `rust_helper_krealloc`)
      "kfree_skb", "krealloc", "^poison_slab_object", "^__memcg_slab_", "^do_read_cache_page",
      "^post_alloc_hook", "^get_page_from_freelist", "^prep_new_page", "alloc_pages_mpol", "^folio_alloc", "^__folio_alloc",
      "^free_unref_page", "^free_unref_folios", "^__folio_put", "^folio_put", "^release_pages", "^__free_pages_ok",
      // SLUB's own page handling under kfree() (`__free_slab`, `discard_slab`, `deactivate_slab`) and the pre-6.7 memcg
      // hooks without the leading underscores (`memcg_slab_post_alloc_hook`): syzkaller's unanchored `slab_`
      "^_*(?:free|discard|deactivate|rcu_free)_slab$", "^memcg_slab_",
      // XFS's allocation wrappers before 5.x (fs/xfs/kmem.c: `kmem_zone_alloc`, `kmem_zone_zalloc`, `kmem_zalloc`,
      // `kmem_realloc`, `kmem_zone_free`, `kmem_free`) are kmem_cache_alloc/kmalloc/kfree under another name, like kmem_alloc
      "^kmem_(?:zone_)?z?alloc", "^kmem_realloc$", "^kmem_(?:zone_)?free$",
    ],
  },
  {
    family: "memory and string helpers",
    why: "library routines called with bad arguments",
    patterns: [
      "^memcpy", "^__memcpy", "^memmove", "^__memmove", "^memset", "^__memset", "^memcmp", "^__memcmp", "^memchr",
      "^memscan", "^bcmp", "^str(?:n|l|s)?(?:cpy|cat|cmp|len|chr|rchr|str|sep|casecmp|dup)", "^__str",
      // strscpy() is a macro over `sized_strscpy` since 6.8; crc helpers (`crc16`, `crc_itu_t`) checksum a caller's buffer
      "^sized_strscpy$", "^crc\\d+", "^iput_final$", "^ihold$", "^(?:un)?lock_page", "^__lock_page",
      // arm64's position-independent string routines (`__pi_memcpy_generic`, `__pi_strlen`), ARM32's `__memzero` and
      // `mmiocpy`/`mmioset` (memcpy_toio/memset_io)
      "^__pi_(?:mem|str)", "^__memzero$", "^mmio(?:cpy|set)$",
      // ARM's memcpy_fromio/memset_io bodies (`_memcpy_fromio`, `_memset_io`): syzkaller's unanchored `memcpy`/`memset`
      "^_mem(?:cpy|set|move)_",
      "^sprintf", "^snprintf", "^vsnprintf", "^scnprintf", "^vscnprintf", "^kasprintf", "^kvasprintf",
      "^number$", "^string$", "^format_decode", "^__phys_addr", "^__virt_addr", "^__read_once", "^__write_once", "^rhashtable_lookup",
      "^_atomic_dec_and_lock", "^iput$", "^dput$", "^fast_dput$", "^drop_nlink$", "^mark_buffer_dirty$",
      "^cleanup_srcu_struct$", "^find_lock_entries$", "^truncate_inode_pages", "^bitmap_", "^__bitmap_",
      "^find_next_bit", "^_find_next_bit", "^find_first_bit", "^skb_put$", "^skb_push$", "^skb_pull$", "^__skb_pull$",
      "^skb_over_panic", "^skb_under_panic", "^_stext$",
    ],
  },
  {
    family: "user copy",
    why: "the faulting copy is the victim of the caller's bad pointer or length",
    patterns: [
      "copy_to_user", "copy_from_user", "^_copy_to_user", "^_copy_from_user", "^__copy_(?:from|to|in|tofrom)_user", "^__copy_user", "^copy_user",
      "^raw_copy_", "^rep_movs_alternative", "^put_user", "^__put_user", "^get_user", "^__get_user", "^clear_user",
      "^__clear_user", "^strncpy_from_user", "^strnlen_user", "^copyin", "^copyout", "^copy_page_to_iter",
      "^copy_page_from_iter", "^_copy_to_iter", "^_copy_from_iter", "^copy_to_iter", "^copy_from_iter", "^copy_folio_to_iter",
      "^extract_(?:user|iter)_to_sg", "^iterate_iovec", "^iterate_and_advance", "^csum_partial_copy",
      // sockptr_t/bpfptr_t wrappers: copy_from_user or memcpy by the pointer's kind (`copy_from_bpfptr` under
      // __sys_bpf when bpf_sys_bpf passed a bad kernel pointer)
      "^copy_(?:from|to)_(?:sockptr|bpfptr)",
    ],
  },
  {
    family: "data structures",
    why: "list/tree helpers only notice corruption made elsewhere",
    // Not the IDA (`ida_free`, `ida_destroy`): its functions warn about, or lock, an ID allocator their caller
    // misused (syzbot: "WARNING in ida_free", "INFO: trying to register non-static key in ida_destroy").
    patterns: [
      "^__list_", "^list_", "^hlist_", "^__hlist_", "^rb_", "^__rb_", "^xa_", "^__xa_", "^xas_", "^idr_",
      "^radix_tree_", "^llist_", "^klist_", "^sort$", "^__sort", "^plist_", "^__rhashtable_lookup",
    ],
  },
  {
    family: "workqueue and timer plumbing",
    why: "the dispatcher that ran the callback, not the callback",
    patterns: [
      "^flush_work", "^__flush_work", "^flush_delayed_work", "^flush_rcu_work", "^flush_workqueue", "^__flush_workqueue", "^drain_workqueue",
      "^destroy_workqueue", "^try_to_grab_pending", "^lock_timer_base", "^__run_hrtimer$", "^__do_softirq$",
      "^handle_softirqs$", "^do_softirq", "^irq_exit", "^ret_from_kernel_thread", "handle_domain_irq$",
      "^generic_handle_irq", "^handle_irq_event",
      "^cancel_work_sync", "^__cancel_work", "^cancel_delayed_work_sync", "^__hrtimer_run_queues", "^hrtimer_interrupt",
      // the kthread_worker API's queue/flush/cancel (`kthread_queue_work`, `kthread_flush_work`): syzkaller's unanchored
      // `queue_work`, `flush_work`
      "^_*kthread_(?:queue|flush|cancel|mod)_(?:delayed_)?work",
    ],
  },
  {
    family: "interrupt and entry glue",
    why: "how the CPU got here, never the bug",
    patterns: [
      "^entry_SYSCALL", "^entry_SYSENTER", "^do_syscall_", "^do_fast_syscall", "^ret_from_fork", "^kthread$",
      "^worker_thread", "^smpboot_thread_fn", "^irq_exit", "^__irq_exit", "^sysvec_", "^asm_sysvec_",
      "^asm_common_interrupt", "^common_interrupt", "apic_timer_interrupt", "^exiting_irq", "^gic_handle_irq",
      "^__handle_irq", "^handle_irq", "^el1_irq", "^call_on_irq_stack", "^do_interrupt_handler",
      // x86-64 5.8–5.11's switch to the interrupt stack (entry_64.S `asm_call_on_stack` and its `_sysvec_`/`_irq_`
      // aliases), between a vector's `sysvec_…` entry and its `__sysvec_…` handler: arm64's call_on_irq_stack
      "^asm_call_(?:sysvec_|irq_)?on_stack$",
      // the 2.6-era generic IRQ layer (kernel/irq/handle.c before handle_irq_event) and x86's do_IRQ entry
      "^handle_IRQ_event$", "^__do_IRQ$", "^do_IRQ$",
      // genirq's flow handlers (kernel/irq/chip.c), between the irqchip's dispatch (generic_handle_irq) and
      // handle_irq_event: they only ack/mask the line and run its actions, so a WARN in the action path (`irq N handler
      // … enabled interrupts`) would name the flow handler. Listed by name: drivers' own `handle_rx_irq` are not glue
      GENIRQ_FLOW_HANDLER,
      "^__sysvec_", "^el0t_64_sync", "^invoke_syscall", "^el0_svc_common", "^do_el0_svc",
      "^__switch_to", "^preempt_schedule", "^___preempt_schedule", "^preempt_count_",
      // older and other architectures' syscall, interrupt and kernel-thread entry (x86 2.6–3.x, ARM, arm64, riscv,
      // ppc, s390). Not riscv's `ret_from_exception`: a fault taken there is the entry code's own bug.
      "^system_call$", "^system_call_fastpath$", "^system_call_after_swapgs$", "^sysret_", "^tracesys", "^int_signal$",
      "^ret_from_sys_call$", "^ret_from_intr$", "^call_softirq$", "^child_rip$", "^kernel_thread_helper$",
      "^ret_fast_syscall$", "^vector_swi$", "^__irq_svc$", "^__irq_usr$", "^el0_svc$", "^el0_svc_handler$",
      "^el0t_64_sync_handler$", "^el0_sync$", "^ret_to_user$",
      "^do_trap_ecall_u$", "^system_call_exception$", "^system_call_common$", "^system_call_vectored", "^interrupt_return",
      "^ret_from_except$", "^ret_from_except_lite$", "^__do_syscall$",
      // 32-bit ppc's syscall return path (arch/powerpc/kernel/entry_32.S), the frame under system_call_exception
      "^ret_from_syscall$",
      // The rest of each architecture's syscall, trap and interrupt entry, by the names its entry code gives them (not
      // riscv's handle_exception/ret_from_exception, as above): x86-32 (`entry_INT80_32`, `sysenter_past_esp`,
      // `syscall_call`, 2.6's `ia32_sysenter_target`), x86-64's 3.x/4.x exit paths, ppc (`transfer_to_handler`,
      // `DoSyscall`, `start_kernel_thread`), s390 (`pgm_check_handler`, `io_int_handler`, `sysc_do_svc`,
      // `kernel_thread_starter`), 32-bit ARM's abort and undef handlers (not the `__dabt_svc` vectors: syzkaller names
      // an ARM `Unhandled fault` by them), arm64's el0 paths before and after 5.13's
      // renames, MIPS (`handle_sys`, `do_ade`, `ret_from_irq`), LoongArch and sparc64
      "^entry_INT80_", "^do_int80_syscall_32$", "^do_SYSENTER_32$", "^syscall_call$", "^sysenter_(?:past_esp|do_call)$",
      "^resume_userspace$", "^work_notifysig$", "^ia32_(?:sysenter_target|syscall|cstar_target)$",
      "^retint_(?:user|swapgs|restore_args)$", "^error_(?:entry|exit)$", "^paranoid_exit$",
      "^transfer_to_handler(?:_cont|_full)?$", "^ret_from_except_full$", "^ret_from_kernel_user_thread$",
      "^start_kernel_thread$", "^DoSyscall$", "^syscall_exit_prepare$",
      "^__ret_from_fork$", "^kernel_thread_starter$", "^pgm_check_handler$", "^_{0,2}do_pgm_check$",
      "^(?:io|ext|mcck)_int_handler$", "^do_(?:io|ext)_irq$", "^sysc_(?:do_svc|tracego|do_restart)$", "^do_syscall$",
      "^do_(?:DataAbort|PrefetchAbort|undefinstr)$",
      "^el0_(?:da|ia|undef|dbg|irq|interrupt|sync_handler|sync_compat|svc_compat|svc_compat_handler|fpsimd_acc|sp|pc|bti|inv)$",
      "^el0t_(?:32|64)_(?:sync|irq|fiq|error)(?:_handler)?$",
      "^handle_sys(?:n32|32|64)?$", "^syscall_common$", "^ret_from_irq$", "^handle_int$", "^except_vec3_generic$",
      "^do_(?:ade|ri|be|tr|bp)$", "^handle_(?:ri|adel_int|ades_int)$",
      "^handle_vint$", "^do_vint$", "^handle_syscall$",
      "^tl0_linux(?:32|64)$", "^linux_sparc_syscall(?:32)?$", "^syscall_exit$",
      // ia64: every trap returns through ia64_leave_kernel, kernel threads start in call_payload
      "^ia64_(?:leave_kernel|leave_syscall|ret_from_syscall|ret_from_clone|native_leave_kernel)$", "^call_payload$",
    ],
  },
  {
    family: "device model and driver plumbing",
    why: "registration, sysfs and USB core helpers fail because of the driver that called them",
    patterns: [
      "^add_uevent_var", "^get_device_parent", "^device_add$", "^device_add_(?:attrs|groups|class_symlinks)$", "^device_del$", "^device_unregister",
      "^device_destroy", "^device_release", "^devres_release_all", "^device_for_each_child", "^device_driver_attach",
      "^bus_for_each_dev", "^bus_add_driver", "^driver_register", "^rollback_registered", "^unregister_netdev",
      "sysfs_remove", "sysfs_create", "^hwrng_unregister", "^i2c_del_adapter", "^tty_unregister_device", "^tty_port_unregister_device", "^put_device$", "^get_device$", "^kernfs_remove", "^usb_hcd_submit_urb", "^usb_submit_urb", "^usb_start_wait_urb",
      "^usb_bulk_msg", "^usb_interrupt_msg", "^usb_control_msg", "^usb_get_descriptor", "^usb_new_device",
      "^usb_probe_interface", "^usb_set_configuration", "^usb_kill_anchored_urbs", "^usb_kill_urb", "^hid_hw_",
      "^__unregister_client$", "^device_remove_file", "^dummy_urb_enqueue$",
      // sysfs_create_group(s)' own walk over the caller's attribute array (fs/sysfs/group.c): an attribute array
      // without its NULL terminator is reported there, and cdev_device_add() is device_add() for a char device
      "^create_files$", "^internal_create_groups?$", "^cdev_device_add$",
      // what sysfs_create_file() and device_create_file() call down to (fs/sysfs/file.c, fs/kernfs/file.c): the
      // attribute and the code that registered it are the caller's (lockdep's "key … not registered" on a dynamic one)
      "^sysfs_add_file", "^__kernfs_create_file$", "^kernfs_create_",
    ],
  },
  {
    family: "scheduler and waiting",
    why: "where a task slept or was woken, or how the scheduler dumped it",
    patterns: [
      "^finish_wait", "^prepare_to_wait", "^wait_for_completion", "^__wait_for_common", "^wait_for_common",
      "^complete$", "^try_to_wake_up", "^wake_up_process$", "^wake_up_bit$", "^wake_up_var$", "^__wake_up", "^sched_show_task", "^_sched_show_task",
      "^dump_cpu_task", "^show_state", "^_cond_resched", "^__cond_resched", "^schedule$", "^__schedule$",
      "^schedule_timeout", "^retint_kernel", "^kthread_stop", "^__x86_indirect_thunk", "^__x86_return_thunk", "^__task_rq_lock", "^task_rq_lock",
      // 2.6-era x86_64 schedule()'s return label; the return thunks of the retbleed/SRSO mitigations; `__pfx_` padding
      "^thread_return$", "^(?:srso_(?:alias_)?|retbleed_)return_thunk$", "^__x86_indirect_call_thunk", "^__pfx_",
      // kCFI's typeid preamble before each function (`__cfi_down_write_killable`, a guess the unwinder lands in) and
      // clang CFI's checkers (`__cfi_slowpath`, `__cfi_check_fail`)
      "^__cfi_",
      // mod_delayed_work() is mod_delayed_work_on(), the queue API's re-arm form: the caller handed it the work item
      "^insert_work", "^__queue_work", "^queue_work", "^queue_delayed_work", "^__queue_delayed_work", "^mod_delayed_work",
      "^del_timer",
      "^timer_delete", "^__timer_delete", "try_to_del_timer", "^sk_stop_timer", "^sk_reset_timer", "^mod_timer", "^__mod_timer",
      // add_timer()'s BUG_ON(timer_pending()) (and add_timer_on's, add_timer_global's) fires on the caller's timer: the
      // caller armed a timer that was still pending (gpu_sched re-arming its job timeout through the delayed-work API)
      "^add_timer(?:_on|_global)?$",
      // ARM's and the non-atomic variants too (`_test_and_set_bit`, `__clear_bit`): syzkaller's unanchored `(set|clear|change|test)_bit`
      "^_{0,2}(?:set|clear|change|test)_bit", "^_{0,2}test_and_(?:set|clear|change)_bit",
      // sleeping helpers: a `scheduling while atomic` or `sleeping function` report blames their caller
      "^msleep", "^usleep_range", "^schedule_hrtimeout", "^schedule_preempt_disabled$", "^io_schedule", "^wait_woken$",
      // schedule()'s own loop (6.6+) and PREEMPT_RT's entry for a task blocking on an rt spinlock
      "^schedule_loop$", "^schedule_rtlock$",
      "^bit_wait", "^__wait_on_bit", "^out_of_line_wait_on_bit",
      // bcache/bcachefs closures: `closure_sync` sleeps until every child closure put its ref, as
      // wait_for_completion does; the caller that waits (`bch2_write`, `bch2_btree_update_start`) is what hung. Its
      // bounded form (`__closure_sync_timeout`, lib/closure.c) and the copies the out-of-tree bcachefs module carries
      // since 6.18 dropped it (`__bch2_closure_sync_timeout [bcachefs]`) are the same wait
      "^_{0,2}(?:bch2_)?closure_sync(?:_timeout)?$",
    ],
  },
  {
    family: "I/O accessors",
    why: "an MMIO or port read/write faults (an external abort, a missing device) on behalf of the driver that called it",
    patterns: [
      "^__raw_(?:read|write)[bwlq]$", "^__raw_(?:read|write)s[bwlq]$", "^(?:read|write)[bwlq](?:_relaxed)?$", "^ioread(?:8|16|32|64)", "^iowrite(?:8|16|32|64)",
      "^logic_(?:in|out)[bwl]?$", "^(?:in|out)[bwl]$", "^(?:in|out)s[bwl]$", "^_(?:in|out)[bwl]$",
    ],
  },
  {
    family: "string formatting",
    why: "printf helpers that walked off a bad argument",
    patterns: ["^hex_string", "^pointer$", "^va_format", "vprintk", "^dev_printk", "^_?dev_(?:err|warn|info|notice|crit|alert|emerg)$",
      "^_dev_(?:err|warn|info|notice|crit|alert|emerg)",
      // lib/vsprintf.c's helpers that dereference a `%s`/`%p` argument, and the seq_file printf wrappers over them
      "^string_nocheck$", "^widen_string$", "^escaped_string$", "^default_pointer$", "^restricted_pointer$", "^ptr_to_id$",
      "^seq_v?printf$", "^pointer_string$", "^check_pointer$", "^__netdev_printk$", "^netdev_(?:err|warn|info|notice|crit|alert|emerg|printk)$", "^__dev_printk", "^symbol_string", "^ip[46]_string", "^kernel_text_address", "^__kernel_text_address"],
  },
];

const COMPILED = new RegExp(GENERIC_FRAME_FAMILIES.flatMap((f) => f.patterns).join("|"));

const LOCKING = new RegExp(GENERIC_FRAME_FAMILIES.filter((f) => f.family === "locking").flatMap((f) => f.patterns).join("|"));

/** True when `fn` (a cleaned function name) is a lock primitive: a CPU in one is waiting for the lock. */
export const isLockingFrame: (fn: string) => boolean = memoByText((fn) => LOCKING.test(fn));

/** True when `fn` (a cleaned function name) is generic: skip it when choosing the guilty frame. */
export const isGenericFrame: (fn: string) => boolean = memoByText((fn) => COMPILED.test(fn));

/**
 * Source files that are never the one to blame (headers, libraries, allocators, locking, scheduler, the core
 * of the network stack, the fault handlers): the guilty file is the first file a report names that matches
 * none of these. Used to route a crash to the subsystem that owns it.
 */
export const GENERIC_FILES: readonly RegExp[] = [
  /\.h$/, /^lib\//, /^virt\/lib\//, /^mm\/kasan\//, /^mm\/kmsan\//, /^mm\/kfence\//, /^kernel\/kcov\.c$/,
  /^mm\/sl.b(?:_common)?\.c$/, /^mm\/memory\.c$/, /^mm\/percpu/, /^mm\/vmalloc\.c$/, /^mm\/page_alloc\.c$/,
  /^mm\/util\.c$/, /^mm\/filemap\.c$/, /^kernel\/rcu\//, /^arch\/[^/]+\/kernel\/traps\.c$/, /^arch\/[^/]+\/mm\/fault\.c$/,
  /^arch\/[^/]+\/mm\/physaddr\.c$/, /^arch\/[^/]+\/entry\//, /^kernel\/locking\//, /^kernel\/panic\.c$/,
  /^kernel\/printk\//, /^kernel\/softirq\.c$/, /^kernel\/kthread\.c$/, /^kernel\/sched\//, /^kernel\/time\/timer\.c$/,
  /^kernel\/time\/hrtimer\.c$/, /^kernel\/workqueue\.c$/, /^kernel\/entry\//, /^net\/core\/dev\.c$/, /^net\/core\/sock\.c$/,
  /^net\/core\/skbuff\.c$/, /^fs\/proc\/generic\.c$/, /^trusty\//, /^drivers\/base\//, /^fs\/sysfs\//, /^fs\/kernfs\//,
  // architecture glue: entry, interrupt, unwinder and string code
  /^arch\/[^/]+\/kernel\/(?:entry|process|stacktrace|apic\/|irq|smp|unwind)/, /^arch\/[^/]+\/lib\//,
  /^kernel\/time\//, /^kernel\/irq\//, /^kernel\/stacktrace\.c$/, /^drivers\/clocksource\//, /^kernel\/fork\.c$/, /^kernel\/exit\.c$/, /^kernel\/signal\.c$/,
  /^mm\/mempool\.c$/, /^mm\/folio-compat\.c$/, /^mm\/truncate\.c$/, /^fs\/inode\.c$/, /^fs\/libfs\.c$/,
  // the VFS writeback core runs a filesystem's ->write_inode: the filesystem is to blame
  /^fs\/fs-writeback\.c$/,
  /^drivers\/usb\/core\/(?:urb|message|hcd)\.c$/, /^net\/socket\.c$/,
];
