/**
 * Classes of production reports whose title or guilty frame came out wrong (issue 9): each case is a shape many real
 * logs share, written here in its smallest form.
 */
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";
import { CLASSES, kernelTreePath } from "./classes";

function extract(lines: string[]) {
  const ctx = createLineContext(0, 2024);
  return extractReports(lines.map((l, i) => parseLine(l, i + 1, ctx)), { fileName: "t.log" });
}

describe("Bad page state", () => {
  const badPage = (task: string) => [
    `[   33.524802] BUG: Bad page state in process ${task}  pfn:11e60`,
    "[   33.529764] page:000000003792b5ba refcount:0 mapcount:-512 mapping:0000000000000000 index:0x0 pfn:0x11e60",
    "[   33.532471] page dumped because: nonzero mapcount",
    "[   33.532479] CPU: 0 PID: 791 Comm: systemd-network Not tainted 5.18.0-rc1+ #37",
    "[   33.532484] Call Trace:",
    "[   33.532500]  dump_stack_lvl+0x45/0x5a",
    "[   33.532506]  bad_page.cold+0x63/0x94",
    "[   33.532510]  free_pcp_prepare+0x290/0x420",
    "[   33.532515]  free_unref_page+0x1b/0x100",
    "[   33.532518]  skb_release_data+0x13f/0x1c0",
  ];

  it("names no function from the call trace (where the allocator noticed the page), only page_owner's allocator", () => {
    const [plain] = extract(badPage("systemd-network"));
    expect(plain).toMatchObject({ title: "BUG: Bad page state", syzkallerTitle: "BUG: Bad page state in corrupted", corrupted: true });
    expect(plain.guiltyFrame).toBeUndefined();

    const [owned] = extract([
      "[   65.499023] BUG: Bad page state in process syz-executor209  pfn:7deea",
      "[   65.552063] page_owner tracks the page as allocated",
      "[   65.557890] page last allocated via order 0, migratetype Unmovable, gfp_mask 0x40c40(GFP_NOFS|__GFP_COMP), pid 5096",
      "[   65.575967]  post_alloc_hook+0x1f3/0x230",
      "[   65.581043]  get_page_from_freelist+0x2e4c/0x2f10",
      "[   65.618395]  pagecache_get_page+0x2c/0x200",
      "[   65.618395]  __get_metapage+0x2b4/0x1050",
      "[   65.623241]  diNewExt+0xacf/0x37e0",
      "[   65.718739] Call Trace:",
      "[   65.744419]  bad_page+0x14c/0x170",
      "[   65.749552]  free_unref_folios+0x1121/0x19c0",
    ]);
    expect(owned).toMatchObject({ title: "BUG: Bad page state in __get_metapage", guiltyFrame: "__get_metapage" });
  });

  it("counts two bad pages of two tasks printed back to back as two reports", () => {
    const found = extract([
      "[   40.437400] BUG: Bad page state in process swapper/0  pfn:14940",
      "[   40.916726] BUG: Bad page state in process systemd-resolve  pfn:053b7",
    ]);
    expect(found.map((f) => f.title)).toEqual(["BUG: Bad page state", "BUG: Bad page state"]);
  });
});

describe("Rust panics", () => {
  it("are one report with the BUG Rust dies through, named after the function under core's panicking frames", () => {
    const found = extract([
      "[   23.717039][  T298] rust_kernel: panicked at drivers/android/binder/node.rs:877:13:",
      "[   23.717039][  T298] attempt to subtract with overflow",
      "[   23.745283][  T298] ------------[ cut here ]------------",
      "[   23.771620][  T298] kernel BUG at rust/helpers/bug.c:7!",
      "[   23.772028][  T298] Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN PTI",
      "[   23.800761][  T298] CPU: 0 UID: 0 PID: 298 Comm: syz-executor821 Not tainted 6.12.23-syzkaller-g30b14cdad458 #0",
      "[   23.829979][  T298] RIP: 0010:rust_helper_BUG+0x8/0x10",
      "[   24.057562][  T298] Call Trace:",
      "[   24.063751][  T298]  <TASK>",
      "[   24.063751][  T298]  _RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind+0x15b/0x160",
      "[   24.128451][  T298]  _RNvNtCs9jEwPDbx20M_4core9panicking9panic_fmt+0x84/0x90",
      "[   24.143499][  T298]  _RNvNtNtCs9jEwPDbx20M_4core9panicking11panic_const24panic_const_sub_overflow+0xb2/0xc0",
      "[   24.163987][  T298]  _RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref+0x17e5/0x1860",
      "[   24.204041][  T298]  _RNvMs2_NtCshgDM7dBCdno_11rust_binder6threadNtB5_6Thread10write_read+0x27cf/0x96a0",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      title: "attempt to subtract with overflow in <rust_binder::process::Process>::update_ref",
      guiltyFrame: "<rust_binder::process::Process>::update_ref",
      kernelRelease: "6.12.23-syzkaller-g30b14cdad458",
    });
  });

  it("title any panic message by its line, and keep the arm64 oops it dies through in the report", () => {
    const found = extract([
      "[   81.688775] asahi 206400000.gpu: Unsupported GPU/firmware combination (G14, G, [13, 3, 0])",
      "[   81.688779] rust_kernel: panicked at /builddir/build/BUILD/kernel-6.12.1/rust/kernel/sync/arc.rs:370:58:",
      "               called `Option::unwrap()` on a `None` value",
      "[   81.688790] ------------[ cut here ]------------",
      "[   81.688790] kernel BUG at rust/helpers/bug.c:7!",
      "[   81.688792] Internal error: Oops - BUG: 00000000f2000800 [#1] SMP",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "panic", title: "called `Option::unwrap()` on a `None` value" });
  });

  it("do not take the BUG line for the message of a panic that printed none", () => {
    const [f] = extract(["[ 1.0] rust_kernel: panicked at lib/x.rs:1:2:", "[ 1.0] ------------[ cut here ]------------", "[ 1.0] kernel BUG at rust/helpers/bug.c:7!"]);
    expect(f?.title ?? "").not.toMatch(/cut here|kernel BUG at rust/);
  });

  it("without a stack keep the message as the title", () => {
    const [f] = extract(["[ 1.0] rust_kernel: panicked at lib/x.rs:1:2:", "[ 1.0] attempt to add with overflow"]);
    expect(f.title).toBe("attempt to add with overflow");
  });
});

describe("prose quoting a syzkaller title", () => {
  it("starts no report: the kernel never prints the title's shape", () => {
    const quoted = [
      "Dec  1 10:00:00 h kernel: this is kernel BUG in skb_segment, fixed in 6.1.103",
      "see syzbot: general protection fault in skb_release_data",
      "[syzbot] INFO: task hung in rtnl_lock and INFO: rcu detected stall in ipv6_rcv",
      "dup of BUG: soft lockup in smp_call_function and BUG: unable to handle kernel NULL pointer dereference in ovl_permission",
      "also BUG: Bad page state in corrupted",
      "EXPECT: kind=bug | title=BUG: Bad page state | count=3",
      "TITLE: WARNING: ODEBUG bug in netdev_freemem",
    ];
    for (const line of quoted) expect(extract([line]), line).toEqual([]);
  });

  it("prose naming a \"Kernel BUG\" without `at` starts no report (the seed-000 write-up's own sentence)", () => {
    expect(extract(["错误信息如下,当触发 Kernel BUG 后,Rocky Linux 9.1 内核 6.1.1-1.el9.elrepo.x86_64"])).toEqual([]);
    const [noFile] = extract(["[ 1.0] Kernel BUG at 0xc000000000123456 [verbose debug info unavailable]"]);
    expect(noFile).toMatchObject({ kind: "bug" });
  });

  it("leaves the kernel's own lines alone", () => {
    const [bug] = extract(["[ 1.0] kernel BUG at net/core/skbuff.c:4230!"]);
    expect(bug.title).toBe("kernel BUG at net/core/skbuff.c:LINE");
    const [page] = extract(["[ 1.0] BUG: Bad page state in process kubelet  pfn:11e60"]);
    expect(page.title).toBe("BUG: Bad page state");
  });

  it("a stackless usercopy BUG keeps its location too, syzkaller's class title as the alternative", () => {
    const [usercopy] = extract(["[ 1.0] usercopy: Kernel memory overwrite attempt detected to SLUB object 'kmalloc-64' (offset 0, size 65)!", "[ 1.0] kernel BUG at mm/usercopy.c:99!"]);
    expect([usercopy.title, usercopy.syzkallerTitle]).toEqual(["kernel BUG at mm/usercopy.c:LINE", "BUG: bad usercopy in corrupted"]);
    // With a stack, the class title names the caller.
    const [framed] = extract(["[ 1.0] kernel BUG at mm/usercopy.c:99!", "[ 1.1] Call Trace:", "[ 1.2]  __check_object_size+0x1/0x2", "[ 1.3]  sock_read+0x1/0x2"]);
    expect(framed.title).toBe("BUG: bad usercopy in sock_read");
  });

  it("a Clang CFI failure is one report titled by the indirect call's site, its trap or WARNING lines its own", () => {
    // x86 kCFI: the ud2 trap dies with `invalid opcode`; the trace starts below the trapping function.
    const x86 = extract([
      "[ 16.4] CFI failure at kobject_put+0xbb/0x1b0 (target: kfree+0x0/0x180; expected type: 0x7c4aa698)",
      "[ 16.4] invalid opcode: 0000 [#1] PREEMPT SMP",
      "[ 16.4] RIP: 0010:kobject_put+0xbb/0x1b0",
      "[ 16.4] Call Trace:",
      "[ 16.4]  ext4_exit_sysfs+0x14/0x60 [ext4]",
    ]);
    expect(x86.map((r) => [r.kind, r.title])).toEqual([["oops", "CFI failure in kobject_put"]]);
    // CONFIG_CFI_PERMISSIVE: a WARNING at the same site, and the kernel carries on.
    const permissive = extract([
      "[ 1.0] CFI failure at nfsd4_encode_operation+0xa2/0x210 [nfsd] (target: nfs4svc_encode_compoundres+0xb10/0x6f40 [nfsd]; expected type: 0x5d70b2b0)",
      "[ 1.0] WARNING: CPU: 6 PID: 16245 at nfsd4_encode_operation+0xa2/0x210 [nfsd]",
      "[ 1.0] RIP: 0010:nfsd4_encode_operation+0xa2/0x210 [nfsd]",
    ]);
    expect(permissive.map((r) => [r.kind, r.title])).toEqual([["warning", "CFI failure in nfsd4_encode_operation"]]);
    // arm64 kCFI: a brk trap, `Internal error: Oops - CFI`.
    const arm64 = extract([
      "[ 70.5] CFI failure at kobj_attr_show+0x2c/0x4c (target: device_show_string+0x0/0x38; expected type: 0xc527b809)",
      "[ 70.5] Internal error: Oops - CFI: 00000000f2008228 [#1] PREEMPT SMP",
      "[ 70.5] pc : kobj_attr_show+0x2c/0x4c",
      "[ 70.5] Call trace:",
      "[ 70.5]  kobj_attr_show+0x2c/0x4c",
      "[ 70.5]  sysfs_kf_seq_show+0xb4/0x130",
    ]);
    expect(arm64.map((r) => [r.kind, r.title])).toEqual([["oops", "CFI failure in kobj_attr_show"]]);
    // Pre-kCFI CFI names only the target; the site is the frame under the CFI slow path.
    const old = extract([
      "[ 1.6] CFI failure (target: dwc2_set_bcm_params+0x0/0x4):",
      "[ 1.6] WARNING: CPU: 0 PID: 32 at kernel/cfi.c:30 __cfi_check_fail+0x54/0x5c",
      "[ 1.6] pc : __cfi_check_fail+0x54/0x5c",
      "[ 1.7] Call trace:",
      "[ 1.7]  __cfi_check_fail+0x54/0x5c",
      "[ 1.7]  __cfi_check+0x5fa6c/0x66afc",
      "[ 1.7]  dwc2_init_params+0xd74/0xd78",
      "[ 1.7]  dwc2_driver_probe+0x484/0x6ec",
    ]);
    expect(old.map((r) => [r.kind, r.title])).toEqual([["warning", "CFI failure in dwc2_init_params"]]);
    // Its enforcing mode panics from __cfi_check_fail: the panic header comes first on the line, a panic it stays.
    const [panicked] = extract(["[ 0.0] Kernel panic - not syncing: CFI failure (target: blake2s_compress_generic+0x0/0x1444)"]);
    expect(panicked.kind).toBe("panic");
  });

  it("a FORTIFY_SOURCE BUG names the caller of fortify_panic, or its location when the paste cut the stack", () => {
    // openbmc/linux#208 (ARM, 5.4): the PC is the helper and the stack words were cut before any frame.
    const [stackless] = extract([
      "[  115.900453] detected buffer overflow in memcpy",
      "[  115.905117] ------------[ cut here ]------------",
      "[  115.909754] kernel BUG at lib/string.c:1096!",
      "[  115.914021] Internal error: Oops - BUG: 0 [#1] ARM",
      "[  115.918828] CPU: 0 PID: 407 Comm: sh Not tainted 5.4.43 #1",
      "[  115.931025] PC is at fortify_panic+0x18/0x20",
      "[  115.935316] LR is at irq_work_queue+0xcc/0xe0",
    ]);
    expect(stackless.title).toBe("kernel BUG at lib/string.c:LINE");
    const [framed] = extract([
      "[ 1.0] detected buffer overflow in __fortify_strlen",
      "[ 1.0] kernel BUG at lib/string_helpers.c:1031!",
      "[ 1.1] RIP: 0010:fortify_panic+0x13/0x20",
      "[ 1.2] Call Trace:",
      "[ 1.2]  <TASK>",
      "[ 1.3]  fortify_panic+0x13/0x20",
      "[ 1.4]  rtw_txpwr_lmt_add_with_nlen+0xb1/0x2c0 [8821ce]",
    ]);
    expect(framed.title).toBe("kernel BUG in rtw_txpwr_lmt_add_with_nlen");
  });

  it("names a stackless BUG's file by its kernel-tree path, whatever build tree the kernel was built in", () => {
    const [openbmc] = extract(["[ 1.0] kernel BUG at /tmp/openbmc/build/tmp/work-shared/witherspoon/kernel-source/net/core/skbuff.c:1433!"]);
    expect(openbmc.title).toBe("kernel BUG at net/core/skbuff.c:LINE");
    const [suse] = extract(["[ 1.0] kernel BUG at /usr/src/packages/BUILD/kernel-default-2.6.37.6/linux-2.6.37/kernel/timer.c:681!"]);
    expect(suse.title).toBe("kernel BUG at kernel/timer.c:LINE");
    const [qubes] = extract(["[ 1.0] kernel BUG at /home/user/qubes-src/kernel/kernel-3.4.12/linux-3.4.12/arch/x86/xen/p2m.c:460!"]);
    expect(qubes.title).toBe("kernel BUG at arch/x86/xen/p2m.c:LINE");
    expect(kernelTreePath("/home/user/android/kernel/msm-4.14/drivers/gpu/msm/kgsl.c")).toBe("drivers/gpu/msm/kgsl.c");
    expect(kernelTreePath("/build/linux-hwe-bZV_oZ/linux-hwe-4.8.0/net/core/skbuff.c")).toBe("net/core/skbuff.c");
    expect(kernelTreePath("/home/openwrt/build_dir/target-mipsel_24kc_musl/mt76-2018-02-09/mt7603_mac.c")).toBe("/home/openwrt/build_dir/target-mipsel_24kc_musl/mt76-2018-02-09/mt7603_mac.c");
  });

  it("names a stackless BUG's file from the tree root when an O= build printed it relative to its object directory", () => {
    const [moto] = extract(["[86735.021206,1] kernel BUG at ../../../../../../kernel/motorola/msm8916/mm/vmscan.c:1277!"]);
    expect(moto.title).toBe("kernel BUG at mm/vmscan.c:LINE");
    expect(kernelTreePath("../../../../../../kernel/sony/msm/drivers/iommu/msm_iommu-v1.c")).toBe("drivers/iommu/msm_iommu-v1.c");
    expect(kernelTreePath("../net/core/dev.c")).toBe("net/core/dev.c");
    // a kernel's own kernel/ path after the climb keeps its folders
    expect(kernelTreePath("../kernel/sched/core.c")).toBe("kernel/sched/core.c");
  });

  it("reads the RIP line of a paste that widened `RIP: 0010:` to `RIP:  0010:`", () => {
    const [bug] = extract([
      "[49762.145409] Kernel BUG at __btree_iter_traverse_all.constprop.0+0x22f/0x2b0 [bcachefs] [verbose debug info unavailable]",
      "[49762.145426] invalid opcode: 0000 [#1] SMP",
      "[49762.145431] CPU: 27 PID: 5269 Comm: rm Not tainted 5.13.7 #13",
      "[49762.145437] RIP:  0010:__btree_iter_traverse_all.constprop.0+0x22f/0x2b0 [bcachefs]",
      "[49762.145454] RSP: 0018:ffff8881339e7b80 EFLAGS: 00010202",
    ]);
    expect(bug).toMatchObject({ title: "kernel BUG in __btree_iter_traverse_all", guiltyFrame: "__btree_iter_traverse_all" });
  });

  it("keeps a DKMS module's path whole: /var/lib and /usr/lib are the system's library folders, not the kernel's lib/", () => {
    const [dkms] = extract(["[ 1.0] kernel BUG at /var/lib/dkms/dm-writeboost/2.2.3/build/dm-writeboost-target.c:244!"]);
    expect(dkms.title).toBe("kernel BUG at /var/lib/dkms/dm-writeboost/NUM.NUM.NUM/build/dm-writeboost-target.c:LINE");
    expect(kernelTreePath("/usr/lib/modules/6.1.0/build/foo/bar.c")).toBe("/usr/lib/modules/6.1.0/build/foo/bar.c");
    // a kernel tree unpacked below them is still read as one
    expect(kernelTreePath("/var/lib/build/linux-6.1.0/lib/list_debug.c")).toBe("lib/list_debug.c");
    expect(kernelTreePath("/usr/src/linux-6.1/mm/slub.c")).toBe("mm/slub.c");
  });
});

describe("an oops whose header lines were cut", () => {
  const dump = (status: string, badaddr: string, cause: string) => [
    "[  212.845953] epc : ffffffff80afc288 ra : ffffffff80afd310 sp : fffffff6e36928f0",
    "[  212.853474]  gp : ffffffff821f7f48 tp : ffffffd9033b9900 t0 : 0000002ad69e9978",
    `[  212.927300] status: ${status} badaddr: ${badaddr} cause: ${cause}`,
    "[  212.935575] [<ffffffff80afc288>] riscv_pmu_ctr_get_width_mask+0x8/0x60",
    "[  212.942391] [<ffffffff80079922>] handle_percpu_devid_irq+0x98/0x1e8",
    "[  212.980036] ---[ end trace 0000000000000000 ]---",
    "[  212.984874] Kernel panic - not syncing: Fatal exception in interrupt",
    "[  212.995964] ---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---",
  ];

  it("is still a kernel fault on riscv: the trap registers tell a supervisor-mode page fault and its address", () => {
    const found = extract(dump("0000000200000100", "0000000000000098", "000000000000000d"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: "null-deref", title: "BUG: unable to handle kernel NULL pointer dereference in riscv_pmu_ctr_get_width_mask",
      guiltyFrame: "riscv_pmu_ctr_get_width_mask", panicked: true, corrupted: true,
    });
    const [far] = extract(dump("0000000200000100", "ffffffd9033b9900", "000000000000000f"));
    expect(far).toMatchObject({ kind: "paging-fault", title: "BUG: unable to handle kernel paging request in riscv_pmu_ctr_get_width_mask" });
  });

  it("is not a user-mode fault's register dump", () => {
    const found = extract(dump("0000000200004020", "0000000000000000", "000000000000000d").slice(0, 5));
    expect(found).toEqual([]);
  });
});

describe("the end marker of a kernel panic", () => {
  it("closes the panic it ends, never a panic of its own", () => {
    const found = extract([
      "[ 1.0] BUG: kernel NULL pointer dereference, address: 0000000000000098",
      "[ 1.1] Oops: 0000 [#1] SMP",
      "[ 1.2] RIP: 0010:foo_bar+0x1/0x2",
      "[ 1.3] Call Trace:",
      "[ 1.4]  baz+0x1/0x2",
      "[ 1.5] ---[ end trace 0000000000000000 ]---",
      "[ 1.6] Kernel panic - not syncing: Fatal exception in interrupt",
      "[ 1.8] ---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---",
    ]);
    expect(found.map((f) => [f.title, f.panicked])).toEqual([["BUG: unable to handle kernel NULL pointer dereference in foo_bar", true]]);
    expect(found[0].source.endLine).toBe(8);
  });
});

describe("panics that are no earlier report's tail", () => {
  it("a logged machine-check record opens no report, so the MCE broadcast-timeout panic after it is a finding", () => {
    const found = extract([
      "[ 100.0] mce: [Hardware Error]: Machine check events logged",
      "[ 100.1] mce: [Hardware Error]: CPU 1: Machine Check: 0 Bank 0: 90000040000f0005",
      "[ 100.2] mce: [Hardware Error]: TSC a5db750d4d",
      "[ 100.3] mce: [Hardware Error]: PROCESSOR 0:406e3 TIME 1571928139 SOCKET 0 APIC 2 microcode cc",
      "[ 120.0] Kernel panic - not syncing: Timeout: Not all CPUs entered broadcast exception handler",
      "[ 120.1] Shutting down cpus with NMI",
    ]);
    expect(found.map((f) => [f.kind, f.title])).toEqual([["panic", "kernel panic: Timeout: Not all CPUs entered broadcast exception handler"]]);
  });

  it("a fatal `Machine Check Exception` still opens its report, which the panic ends", () => {
    const found = extract([
      "[ 1.0] [Hardware Error]: CPU 19: Machine Check Exception: 4 Bank 5: be00000000800400",
      "[ 1.1] [Hardware Error]: Machine check: Processor context corrupt",
      "[ 1.2] Kernel panic - not syncing: Fatal Machine check",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.panicked])).toEqual([["mce", "Machine Check Exception", true]]);
  });

  it("a stack-end or stack-canary panic after a one-line BUG is a report of its own, named from its own stack", () => {
    // The BUG before it still went down with the machine (panicked), but the panic is no tail of it.
    const found = extract([
      "[ 193.0] BUG: Bad rss-counter state mm:00000000ff28307a type:MM_SWAPENTS val:-1",
      "[ 193.7] Kernel panic - not syncing: corrupted stack end detected inside scheduler",
      "[ 193.8] CPU: 5 PID: 22932 Comm: LogFlusher Tainted: G B 6.10.0-rc2+ #1",
      "[ 193.9] Call Trace:",
      "[ 193.9]  <TASK>",
      "[ 193.9]  panic+0x31d/0x340",
      "[ 193.9]  __schedule+0xb30/0xb30",
      "[ 193.9]  schedule+0x27/0xb0",
      "[ 193.9]  futex_wait_queue+0x63/0x90",
      "[ 193.9]  __futex_wait+0x13d/0x1b0",
      "[ 193.9]  </TASK>",
    ]);
    expect(found.map((f) => [f.title, f.panicked])).toEqual([
      ["BUG: Bad rss-counter state", true],
      ["kernel panic: corrupted stack end in futex_wait_queue", true],
    ]);
  });

  it("a panic after check_mm()'s accounting lines is no tail of theirs: the code that printed them carried on", () => {
    // Geert Uytterhoeven's m68k full-preempt RFC (lkml, 6.6-rc6): page tables freed twice, then free_pointer_table() panics
    const found = extract([
      "[ 5.0] BUG: Bad rss-counter state mm:9bb416c6 type:MM_FILEPAGES val:-20",
      "[ 5.0] Kernel panic - not syncing: table already free!",
      "[ 5.0] CPU: 0 PID: 480 Comm: grep Not tainted 6.6.0-rc6-atari-01887-g1ab3ae298649 #1601",
      "[ 5.0] Call Trace: [<003c0caa>] dump_stack+0xc/0x10",
      "[ 5.0]  [<003b9b96>] panic+0xd8/0x256",
      "[ 5.0]  [<00006440>] free_pointer_table+0x68/0x124",
      "[ 5.0]  [<000cfd0e>] free_pgd_range+0x1d8/0x1ea",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.guiltyFrame, f.panicked])).toEqual([
      ["bug", "BUG: Bad rss-counter state", undefined, true],
      ["panic", "kernel panic: table already free!", "free_pointer_table", true],
    ]);
    // …while a panic after an oops is still that oops's ending
    const oops = extract([
      "[ 5.0] BUG: Bad rss-counter state mm:9bb416c6 type:MM_FILEPAGES val:-20",
      "[ 6.0] BUG: kernel NULL pointer dereference, address: 0000000000000008",
      "[ 6.0] RIP: 0010:free_pgd_range+0x1d/0x1ea",
      "[ 6.0] Call Trace:",
      "[ 6.0]  free_pgtables+0x6e/0x80",
      "[ 6.0] Kernel panic - not syncing: Fatal exception",
    ]);
    expect(oops.map((f) => [f.kind, f.panicked])).toEqual([["bug", true], ["null-deref", true]]);
  });

  it("the panic a report ends in stays that report's tail", () => {
    const found = extract([
      "[ 1.0] BUG: kernel NULL pointer dereference, address: 0000000000000008",
      "[ 1.1] Oops: 0002 [#1] SMP PTI",
      "[ 1.2] RIP: 0010:foo_bar+0x1/0x2",
      "[ 1.3] Call Trace:",
      "[ 1.4]  baz+0x1/0x2",
      "[ 1.5] ---[ end trace 0000000000000000 ]---",
      "[ 1.6] Kernel panic - not syncing: Attempted to kill the idle task!",
    ]);
    expect(found.map((f) => [f.title, f.panicked])).toEqual([["BUG: unable to handle kernel NULL pointer dereference in foo_bar", true]]);
  });
});

describe("KMSAN", () => {
  it("names the code that passed uninitialised data on, past the cipher and RNG that consumed it", () => {
    const [f] = extract([
      "=====================================================",
      "BUG: KMSAN: uninit-value in aes_encrypt+0x1239/0x1960",
      " aes_encrypt+0x1239/0x1960",
      " aesti_encrypt+0x7d/0xf0",
      " cipher_crypt_one+0x120/0x2e0",
      " crypto_cipher_encrypt_one+0x33/0x40",
      " drbg_ctr_update+0x19a9/0x3700",
      " crypto_rng_reset+0x193/0x250",
      " rng_setkey+0x52/0x70",
      " alg_setkey+0x265/0x3b0",
      " alg_setsockopt+0x503/0x760",
    ]);
    expect(f).toMatchObject({ title: "KMSAN: uninit-value in alg_setkey", guiltyFrame: "alg_setkey", altTitles: ["bad-access in alg_setkey"] });
  });

  it("reads the old symbolised form, whose placeholder addresses are glued to the header's `in`", () => {
    const [f] = extract([
      " BUG: KMSAN: uninit-value in[<     inline     >] balance_pgdat mm/vmscan.c:3739",
      " CPU: 0 PID: 2335 Comm: kswapd0 Not tainted 5.4.0-rc8+ #3427",
      " Call Trace:",
      " [<      none      >] dump_stack+0x1ce/0x230 lib/dump_stack.c:118",
      " [<      none      >] __msan_warning+0x64/0xc0 mm/kmsan/kmsan_instr.c:245",
      " [<     inline     >] balance_pgdat mm/vmscan.c:3739",
      " [<      none      >] kswapd+0x309f/0x3920 mm/vmscan.c:3956",
    ]);
    expect(f).toMatchObject({ kind: "kmsan", title: "KMSAN: uninit-value in balance_pgdat", guiltyFrame: "balance_pgdat", kernelRelease: "5.4.0-rc8+" });
  });
});

describe("a WARNING whose header names the file only", () => {
  it("is named after the file's one WARN site logs print, syzkaller's `… in corrupted` kept", () => {
    const [f] = extract([
      "2024-12-17T16:36:46+01:00 ds418 kernel: [  235.987630] ------------[ cut here ]------------",
      "2024-12-17T16:36:46+01:00 ds418 kernel: [  235.992356] WARNING: at net/sched/sch_generic.c:307",
    ]);
    expect(f).toMatchObject({ title: "WARNING in dev_watchdog", syzkallerTitle: "WARNING in corrupted", guiltyFrame: "dev_watchdog" });
  });

  it("or the file and a bare address (no kallsyms) is named after the file's WARN site too", () => {
    const [f] = extract([
      "[133025.942765] ------------[ cut here ]------------",
      "[133025.947490] WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:320 0x8038b2f0",
      "[133025.954629] NETDEV WATCHDOG: eth0 (mtk_soc_eth): transmit queue 0 timed out",
      "[133026.032525] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.14.167 #0",
    ]);
    expect(f).toMatchObject({ title: "WARNING in dev_watchdog", syzkallerTitle: "WARNING in corrupted", guiltyFrame: "dev_watchdog" });
  });

  it("trimmed to the location and function (`CPU: … PID: … at` cut out for a commit message) names that function", () => {
    const [f] = extract([
      "[  +0.000301] ------------[ cut here ]------------",
      "[  +0.000003] Unaligned 64-bit doorbell",
      "[  +0.000030] WARNING: /amdkfd/kfd_doorbell.c:339 write_kernel_doorbell64+0x72/0x80",
      "[  +0.000003] RIP: 0010:write_kernel_doorbell64+0x72/0x80",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in write_kernel_doorbell64", guiltyFrame: "write_kernel_doorbell64" });
  });

  it("with a blank inside its location (a wrapped path joined back with a space) names the function after the location", () => {
    const [f] = extract([
      "[  171.176615] WARNING: CPU: 0 PID: 1116 at /home/jl/build/kernel-so urce/drivers/gpu/drm/i915/intel_drv.h:1719 gen9_decoupled_read32+0x1bb/0x1e0 [i915]",
      "[  171.197756] Device suspended during HW access",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in gen9_decoupled_read32" });
  });

  it("with a run of blanks between the location and the function (a paste that joined wrapped lines) names that function", () => {
    const [f] = extract([
      "[  235.091672] WARNING: CPU: 1 PID: 2873 at lib/dma-debug.c:601     debug_dma_assert_idle+0x198/0x210()",
      "[  235.091674] mlx4_core 0000:00:07.0: DMA-API: cpu touching an active dma mapped cacheline     [cln=0x000000001f405880]",
      "[  235.092840] CPU: 1 PID: 2873 Comm: bash Not tainted 4.0.0+ #1",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in debug_dma_assert_idle" });
  });

  it("of another file stays `… in corrupted`", () => {
    const [f] = extract(["[ 1.0] WARNING: at net/core/dev.c:307"]);
    expect(f.title).toBe("WARNING in corrupted");
    const [g] = extract(["[ 39.6] WARNING: CPU: 0 PID: 0 at net/bridge/br_switchdev.c:46 0x805343ec"]);
    expect(g.title).toBe("WARNING in corrupted");
  });
});

describe("the 6.19+ WARNING header (`WARNING: file:line at f+0x…/0x… [mod], CPU#N: comm/pid`)", () => {
  const header = "[  252.242158] WARNING: drivers/gpu/drm/foo/foo_buf.c:219 at foo_buf_map+0x18f/0x220 [foo], CPU#26: kwin_wayla:cs0/3455";

  it("names the warned function when the paste stops before the stack, as the older `at file:line f+0x…` header does", () => {
    const [f] = extract(["[  252.242150] ------------[ cut here ]------------", header, "[  252.243134] Modules linked in: foo drm"]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in foo_buf_map", syzkallerTitle: "WARNING in corrupted", guiltyFrame: "foo_buf_map" });
  });

  it("still takes the frame from the stack when there is one", () => {
    const [f] = extract([
      header,
      "[  252.243200] RIP: 0010:foo_buf_map+0x18f/0x220 [foo]",
      "[  252.243300] Call Trace:",
      "[  252.243301]  <TASK>",
      "[  252.243302]  dma_buf_map_attachment+0x5e/0x110",
      "[  252.243303]  bar_import+0x10/0x20 [bar]",
    ]);
    expect(f).toMatchObject({ title: "WARNING in foo_buf_map", guiltyFrame: "foo_buf_map" });
  });
});

describe("stackless WARNING headers in a row (`dmesg | grep WARNING`)", () => {
  it("are one report each, not the first one's WARN text", () => {
    const found = extract([
      "[353280.920265] WARNING: CPU: 5 PID: 2739 at drivers/gpu/drm/foo/foo_link.c:1843 foo_write_retimer+0x1b9/0x320 [foo]",
      "[353280.921511] WARNING: CPU: 5 PID: 2739 at drivers/gpu/drm/foo/foo_link.c:1855 foo_write_retimer+0x208/0x320 [foo]",
      "[353283.660051] WARNING: drivers/gpu/drm/foo/foo_link.c:1795 at foo_write_retimer+0x64/0x320 [foo], CPU#4: Xorg/2739",
    ]);
    expect(found.map((f) => [f.source.line, f.title])).toEqual([
      [1, "WARNING in foo_write_retimer"],
      [2, "WARNING in foo_write_retimer"],
      [3, "WARNING in foo_write_retimer"],
    ]);
  });

  it("while the old header's WARN text on the next line stays part of its report", () => {
    const found = extract([
      "[  100.000001] WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x9c/0xd0()",
      "[  100.000002] Watchdog detected hard LOCKUP on cpu 5",
    ]);
    expect(found).toHaveLength(1);
  });
});

describe("a 2.6.16–2.6.24 WARN_ON (`BUG: warning at file:line/function()`)", () => {
  it("is a WARNING named by the warned function, its i386 frames read with no `Call Trace:` line", () => {
    const [f] = extract([
      "[18504.980000] BUG: warning at kernel/cpu.c:56/unlock_cpu_hotplug()",
      "[18504.980000]  [<c0103bdd>] dump_trace+0x69/0x1af",
      "[18504.980000]  [<c01044dd>] dump_stack+0x15/0x17",
      "[18504.980000]  [<c0135e94>] unlock_cpu_hotplug+0x3d/0x66",
      "[18504.980000]  [<f92e67f3>] do_dbs_timer+0x1c2/0x229 [cpufreq_ondemand]",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in unlock_cpu_hotplug", guiltyFrame: "unlock_cpu_hotplug" });
  });

  it("with a file-only site is named after the file's WARN site, and a generic warned function by its caller", () => {
    const [site] = extract(["Mar  6 17:31:16 h kernel: BUG: warning at net/sched/sch_generic.c:222/dev_watchdog()"]);
    expect(site).toMatchObject({ kind: "warning", title: "WARNING in dev_watchdog" });
    const [generic] = extract([
      "[ 4.0] BUG: warning at kernel/softirq.c:137/local_bh_enable()",
      "[ 4.0]  [<c0105c9d>] dump_stack+0x15/0x17",
      "[ 4.0]  [<c0122a35>] local_bh_enable+0x2e/0x7c",
      "[ 4.0]  [<f8a0c9d2>] natsemi_poll+0x3a/0x8d [natsemi]",
    ]);
    expect(generic).toMatchObject({ kind: "warning", title: "WARNING in natsemi_poll", guiltyFrame: "natsemi_poll" });
  });
});

describe("a 2.6.0–2.6.15 WARN_ON (`Badness in function at file:line`)", () => {
  it("is a WARNING named past generic helpers by the first caller of its stack", () => {
    const [f] = extract([
      "Badness in atomic_dec_and_test at include/asm/atomic.h:150",
      "Call Trace:",
      " [<c0243b21>] kobject_put+0x71/0x80",
      " [<c88d9f9f>] scsi_remove_host+0x5f/0x80 [scsi_mod]",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in scsi_remove_host", guiltyFrame: "scsi_remove_host" });
  });

  it("is no report in prose (`fix possible badness in FREE_STATEID`)", () => {
    expect(extract(["nfsd: fix possible badness in FREE_STATEID (2024-10-05 15:44:25 -0400)"])).toEqual([]);
  });
});

describe("frames that never name the bug", () => {
  it("skips MMIO and port accessors for the driver that called them", () => {
    const [f] = extract([
      "[  211.592905] Internal error: synchronous external abort: 96000010 [#1] PREEMPT SMP",
      "[  211.600602] pc : __raw_readb+0x18/0x2c",
      "[  211.615210] Call trace:",
      "[  211.616071]  __raw_readb+0x18/0x2c",
      "[  211.616694]  logic_inb+0x50/0x13c",
      "[  211.617265]  ns558_init+0x17c/0x63c",
      "[  211.617822]  do_one_initcall+0x294/0x61c",
    ]);
    expect(f).toMatchObject({ title: "Internal error in ns558_init", guiltyFrame: "ns558_init", altTitles: ["bad-access in ns558_init"] });
  });

  it("skips a frame the unwinder could not name (a jump to a garbage address)", () => {
    const [f] = extract([
      "[   28.231851] Internal error: Oops - SP/PC alignment exception: 8a000000 [#1] PREEMPT SMP",
      "[   28.231909] PC is at 0xffffffffdeadbeef",
      "[   28.232433] Call trace:",
      "[   28.232568] [<0000000015c44a38>] 0xffffffffdeadbeef",
      "[   28.232581] [<000000004fa15e98>] el0_svc_naked+0x34/0x38",
    ]);
    expect(f).toMatchObject({ title: "Internal error in el0_svc_naked", guiltyFrame: "el0_svc_naked" });
  });
});

describe("unregister_netdevice waits amid another report", () => {
  it("do not cut the report they interrupt", () => {
    const found = extract([
      "[  361.246294] INFO: task dockerd:6102 blocked for more than 120 seconds.",
      "[  361.253503]       Not tainted 4.4.96+ #180",
      "[  361.297131] Call Trace:",
      "[  361.299714]  [<ffffffff829f5a8c>] schedule+0x9c/0x1b0",
      "[  361.300009] unregister_netdevice: waiting for lo to become free. Usage count = 6",
      "[  361.312401]  [<ffffffff829f6315>] schedule_preempt_disabled+0x15/0x20",
      "[  361.318972]  [<ffffffff829fb0c0>] mutex_lock_nested+0x3b0/0x1130",
      "[  361.373472]  [<ffffffff8223552c>] copy_net_ns+0xcc/0x220",
    ]);
    expect(found.map((f) => f.title)).toEqual(["INFO: task hung in copy_net_ns"]);
  });
});

describe("a stall whose stack is all guesses", () => {
  it("is not named after the lock primitive the CPU spun in, but after the guessed caller", () => {
    const [f] = extract([
      "Jan 10 03:12:44 web01 kernel: BUG: soft lockup - CPU#1 stuck for 61s! [java:12345]",
      "Jan 10 03:12:44 web01 kernel: Pid: 12345, comm: java Not tainted 2.6.32-431.el6.x86_64 #1 HP ProLiant DL380 G7",
      "Jan 10 03:12:44 web01 kernel: RIP: 0010:[<ffffffff8152a2de>]  [<ffffffff8152a2de>] _spin_lock+0x1e/0x30",
      "Jan 10 03:12:44 web01 kernel: Call Trace:",
      "Jan 10 03:12:44 web01 kernel: [<ffffffffa04a3b29>] ? nfs_access_cache_shrinker+0x69/0x220 [nfs]",
      "Jan 10 03:12:44 web01 kernel: [<ffffffff81138a3a>] ? shrink_slab+0x8a/0x1a0",
    ]);
    expect(f).toMatchObject({ title: "BUG: soft lockup in nfs_access_cache_shrinker", syzkallerTitle: "BUG: soft lockup in corrupted" });
  });

  it("while a BUG keeps the function its check fired in, generic or not", () => {
    const [f] = extract([
      "[ 1.0] kernel BUG at kernel/sched/core.c:3245!",
      "[ 1.1] Internal error: Oops - BUG: 0 [#1] PREEMPT SMP ARM",
      "[ 1.2] PC is at __schedule+0x5c4/0x6a0",
    ]);
    expect(f.title).toBe("kernel BUG in __schedule");
  });
});

describe("a stack-protector panic that names only an address", () => {
  it("takes the function ARM's backtrace prints at that address after `from`", () => {
    const [f] = extract([
      "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: 802e62f8",
      "",
      "CPU: 0 PID: 887 Comm: ucd_disable_vcs Not tainted 4.7.10-5f605673ef9354d7653ab0c8eef80007a7fbb8b1 #1",
      "[<8016d06c>] (panic) from [<80110df4>] (__stack_chk_fail+0x10/0x14)",
      "[<80110df4>] (__stack_chk_fail) from [<802e62f8>] (i2c_smbus_xfer+0x508/0x54c)",
      "[<802e62f8>] (i2c_smbus_xfer) from [<ffffffff>] (0xffffffff)",
    ]);
    expect(f.title).toBe("kernel panic: stack is corrupted in i2c_smbus_xfer");
  });
});

describe("a WARNING whose header line was cut", () => {
  it("is read from the WARN machinery in its stack, from its task line on", () => {
    const found = extract([
      "[   18.953329] NETDEV WATCHDOG: eth0 (bcmgenet): transmit queue 3 timed out",
      "[   18.954653] CPU: 3 PID: 0 Comm: swapper/3 Tainted: G         C        5.10.17-v7l+ #1414",
      "[   18.954679] Backtrace: ",
      "[   18.954767] [<c0b676a8>] (dump_stack) from [<c0220bac>] (__warn+0xfc/0x114)",
      "[   18.954817] [<c0220ab0>] (__warn) from [<c0b63b88>] (warn_slowpath_fmt+0xa4/0xd8)",
      "[   18.954849] [<c0b63ae8>] (warn_slowpath_fmt) from [<c0a46634>] (dev_watchdog+0x308/0x30c)",
      "[   18.954883] [<c0a4632c>] (dev_watchdog) from [<c02aa600>] (call_timer_fn+0x40/0x1bc)",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "warning", title: "WARNING in dev_watchdog", kernelRelease: "5.10.17-v7l+", corrupted: true });
  });

  it("but a bare stack through the WARN machinery, without its task line, is no report (abrt's no_oops)", () => {
    expect(extract(["[ 71.4] Call Trace:", "[ 71.4]  [<ffffffff810691dd>] warn_slowpath_common+0x7d/0xa0", "[ 71.4]  [<ffffffffa01c435a>] radeon_gart_unbind+0xca/0xe0 [radeon]"])).toEqual([]);
  });

  it("a bare stack from `Call Trace:` into a WARN_SITES function is that site's WARNING (a 3.x dev_watchdog paste)", () => {
    const found = extract([
      "Dec 21 02:38:37 h kernel: [ 296.188919] Call Trace:",
      "Dec 21 02:38:37 h kernel: [ 296.188930] <IRQ> [<ffffffff816e547a>] dump_stack+0x45/0x56",
      "Dec 21 02:38:37 h kernel: [ 296.188941] [<ffffffff81061dbd>] warn_slowpath_common+0x7d/0xa0",
      "Dec 21 02:38:37 h kernel: [ 296.188954] [<ffffffff81061e2c>] warn_slowpath_fmt+0x4c/0x50",
      "Dec 21 02:38:37 h kernel: [ 296.188971] [<ffffffff8160e14a>] dev_watchdog+0x26a/0x280",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "warning", title: "WARNING in dev_watchdog", guiltyFrame: "dev_watchdog", corrupted: true });
    // The site must be the function the WARN machinery returns to, not one further down the stack.
    expect(extract(["[ 71.4] Call Trace:", "[ 71.4]  [<ffffffff810691dd>] warn_slowpath_common+0x7d/0xa0", "[ 71.4]  [<ffffffffa01c435a>] radeon_gart_unbind+0xca/0xe0 [radeon]", "[ 71.4]  [<ffffffff8160e14a>] dev_watchdog+0x26a/0x280"])).toEqual([]);
  });

  it("but a full WARNING report's own stack is no second report", () => {
    const found = extract([
      "[ 1.0] WARNING: CPU: 0 PID: 1 at net/sched/sch_generic.c:477 dev_watchdog+0x1/0x2",
      "[ 1.1] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.4.0 #1",
      "[ 1.2] Call Trace:",
      "[ 1.3]  warn_slowpath_common+0x1/0x2",
      "[ 1.4]  warn_slowpath_fmt+0x1/0x2",
      "[ 1.5]  dev_watchdog+0x1/0x2",
    ]);
    expect(found.map((f) => f.title)).toEqual(["WARNING in dev_watchdog"]);
  });
});

describe("a hard-lockup detector's WARN whose header line was cut", () => {
  it("is a hard lockup, not a WARNING in the detector; the buddy detector's stack (the checking CPU's) names no frame", () => {
    const found = extract([
      "<4>[  602.623812] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 3.10.0 #24",
      "<4>[  602.623829] [<c0013ec4>] (unwind_backtrace+0x0/0xe0) from [<c001176c>] (show_stack+0x10/0x14)",
      "<4>[  602.623840] [<c001176c>] (show_stack+0x10/0x14) from [<c00364c4>] (warn_slowpath_common+0x4c/0x68)",
      "<4>[  602.623849] [<c00364c4>] (warn_slowpath_common+0x4c/0x68) from [<c0036560>] (warn_slowpath_fmt+0x2c/0x3c)",
      "<4>[  602.623858] [<c0036560>] (warn_slowpath_fmt+0x2c/0x3c) from [<c009c99c>] (watchdog_check_hardlockup_other_cpu+0xd0/0xf8)",
      "<4>[  602.623868] [<c009c99c>] (watchdog_check_hardlockup_other_cpu+0xd0/0xf8) from [<c009c9fc>] (watchdog_timer_fn+0x38/0x168)",
      "<4>[  602.623879] [<c009c9fc>] (watchdog_timer_fn+0x38/0x168) from [<c0058dc4>] (__run_hrtimer+0x1a4/0x2b8)",
      "<4>[  602.623934] [<c009cfa4>] (generic_handle_irq+0x20/0x30) from [<c000e3cc>] (handle_IRQ+0x64/0x8c)",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "hard-lockup", title: "Watchdog detected hard LOCKUP", kernelRelease: "3.10.0", corrupted: true });
    expect(found[0].guiltyFrame).toBeUndefined();
  });

  it("the perf NMI detector's stack is the locked CPU's, read past the NMI", () => {
    const found = extract([
      "[ 1.0] CPU: 2 PID: 4294 Comm: condvar_stress Not tainted 3.13.0-74-generic #118",
      "[ 1.1] Call Trace:",
      "[ 1.2]  <NMI>  [<ffffffff8172a5fb>] dump_stack+0x45/0x56",
      "[ 1.3]  [<ffffffff8106724d>] warn_slowpath_common+0x7d/0xa0",
      "[ 1.4]  [<ffffffff810672bc>] warn_slowpath_fmt+0x4c/0x50",
      "[ 1.5]  [<ffffffff8110d70c>] watchdog_overflow_callback+0x9c/0xd0",
      "[ 1.6]  [<ffffffff8114cd1e>] __perf_event_overflow+0x8e/0x250",
      "[ 1.7]  [<ffffffff8102ac68>] intel_pmu_handle_irq+0x1e8/0x3e0",
      "[ 1.8]  [<ffffffff8173a8fb>] perf_event_nmi_handler+0x2b/0x50",
      "[ 1.9]  [<ffffffff81739fba>] nmi_handle.isra.3+0x8a/0x1b0",
      "[ 2.0]  [<ffffffff8173a1c8>] do_nmi+0x128/0x3c0",
      "[ 2.1]  [<ffffffff81739303>] end_repeat_nmi+0x1e/0x2e",
      "[ 2.2]  <<EOE>>  [<ffffffff810a2c8f>] futex_wake_op+0x1f/0x2e0",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "hard-lockup", title: "Watchdog detected hard LOCKUP", corrupted: true });
  });

  it("while any other function under the WARN machinery stays a WARNING", () => {
    const [f] = extract([
      "[ 1.0] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.4.0 #1",
      "[ 1.1] [<c0013ec4>] (warn_slowpath_fmt+0x2c/0x3c) from [<c009c99c>] (watchdog_register_device+0xd0/0xf8)",
    ]);
    expect(f).toMatchObject({ kind: "warning", title: "WARNING in watchdog_register_device" });
  });
});

describe("a hard lockup's NMI stack", () => {
  it("is the watchdog, down to the NMI's exit: the guilty frame is the code the NMI interrupted", () => {
    const [f] = extract([
      "[1401585.395810] NMI watchdog: Watchdog detected hard LOCKUP on cpu 5",
      "[1401585.395812] CPU: 5 PID: 812 Comm: kworker/5:1 Not tainted 4.9.58-coreos #1",
      "[1401585.395815] Call Trace:",
      "[1401585.395816]  <NMI>  [<ffffffff8b34d1a3>] dump_stack+0x63/0x90",
      "[1401585.395821]  [<ffffffff8b129665>] watchdog_overflow_callback+0xd5/0xe0",
      "[1401585.395822]  [<ffffffff8b16cf7f>] __perf_event_overflow+0x7f/0x1c0",
      "[1401585.395825]  [<ffffffff8b005a3d>] perf_event_nmi_handler+0x2d/0x50",
      "[1401585.395825]  [<ffffffff8b0320f6>] nmi_handle+0x66/0x120",
      "[1401585.395826]  [<ffffffff8b03282c>] do_nmi+0xec/0x140",
      "[1401585.395826]  [<ffffffff8b5d6721>] end_repeat_nmi+0x1a/0x1e",
      "[1401585.395827]  [<ffffffff8b0ca613>] ? native_queued_spin_lock_slowpath+0x113/0x1a0",
      "[1401585.395827]  <EOE>  [<ffffffff8b5d4df8>] _raw_spin_lock_irq+0x28/0x30",
      "[1401585.395828]  [<ffffffff8b1d2a10>] mem_cgroup_force_empty_write+0x40/0x90",
      "[1401585.395829]  [<ffffffff8b2a4a52>] kernfs_fop_write+0x112/0x1a0",
    ]);
    expect(f).toMatchObject({ kind: "hard-lockup", guiltyFrame: "mem_cgroup_force_empty_write" });
  });
});

describe("reports read on into their caller's next report", () => {
  it("leave a title only the next report gives to that report, not a second copy of it", () => {
    const findings = extract([
      "[    0.012015][    T1] BUG: arch topology borken",
      "[    0.012040][    T1]      the SMT domain not a subset of the CACHE domain",
      "[    0.012107][    T1] BUG: Unable to handle kernel data access on read at 0x80000001012e7398",
      "[    0.012174][    T1] Oops: Kernel access of bad area, sig: 11 [#1]",
      "[    0.012774][    T1] NIP [c0000000001aa4f0] build_sched_domains+0x5c0/0x14f0",
      "[    0.012842][    T1] Call Trace:",
      "[    0.012922][    T1] [c0000000ef583c50] [c0000000001ac3d8] sched_init_domains+0xd8/0x120",
    ]);
    expect(findings.map((f) => f.title)).toEqual(["BUG: arch topology borken", "BUG: unable to handle kernel paging request in build_sched_domains"]);
  });
});

describe("s390 program checks", () => {
  const programCheck = [
    "[  436.158654] illegal operation: 0001 ilc:1 [#1] SMP ",
    "[  436.158671] Modules linked in: zfs(POE+) zzstd(OE) spl(OE) qeth_l2 dasd_eckd_mod",
    "[  436.158731] CPU: 0 PID: 98710 Comm: insmod Tainted: P           OE     5.15.0-15-generic #15-Ubuntu",
    "[  436.158737] Hardware name: IBM 2964 N63 400 (z/VM 6.4.0)",
    "[  436.158741] Krnl PSW : 0704c00180000000 000003ff8099e3b2 (pool_count+0x43a/0xffffffffffffb088 [zzstd])",
    "[  436.158761]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:1 PM:0 RI:0 EA:3",
  ];

  it("are oopses named by the interruption, with the release of the CPU line", () => {
    const findings = extract(programCheck);
    expect(findings.map((f) => f.kind)).toEqual(["oops"]);
    expect(findings[0].title.startsWith("illegal operation in ")).toBe(true);
    expect(findings[0].kernelRelease).toBe("5.15.0-15-generic");
  });

  it("read a BUG()'s die line (`monitor event: 0040 ilc:2`) as the BUG's own follow-up, not a second report", () => {
    const findings = extract([
      "[   52.340424] kernel BUG at lib/list_debug.c:62!",
      "[   52.340566] monitor event: 0040 ilc:2 [#1]SMP",
      "[   52.340606] CPU: 1 UID: 0 PID: 1672 Comm: root-rep2 Kdump: loaded Not tainted 6.18.0-rc3 #1 NONE",
      "[   52.340611] Krnl PSW : 0704c00180000000 0000015710cda7fe (__list_del_entry_valid_or_report+0xfe/0x128)",
      "[   52.340643] Call Trace:",
      "[   52.340645]  [<0000015710cda7fe>] __list_del_entry_valid_or_report+0xfe/0x128",
      "[   52.340649] ([<0000015710cda7fa>] __list_del_entry_valid_or_report+0xfa/0x128)",
      "[   52.340652]  [<0000015710a30b2e>] hugetlb_vmemmap_restore_folios+0x96/0x138",
    ]);
    expect(findings.map((f) => [f.kind, f.title])).toEqual([["bug", "BUG: corrupted list in hugetlb_vmemmap_restore_folios"]]);
  });

  it("leave a paging fault's `Oops: 0004 ilc:2` to the fault's own report", () => {
    const findings = extract([
      "[    1.707778] Unable to handle kernel pointer dereference in virtual kernel address space",
      "[    1.709436] Oops: 0004 ilc:2 [#1] SMP ",
      "[    1.709851] CPU: 0 PID: 32 Comm: kworker/u2:1 Not tainted 5.17.0-next-20220321 #1",
      "[    1.710420] Krnl PSW : 0704d00180000000 00000000009e59e4 (number+0x464/0x5d0)",
    ]);
    expect(findings.map((f) => f.kind)).toEqual(["paging-fault"]);
  });

  it("before `ilc:` was printed, start at the die line above the PSW", () => {
    const findings = extract([
      "[2113471.872311] Unknown program exception: 0028 [#1] SMP ",
      "[2113471.872373] CPU: 1 PID: 3323 Comm: Thread-44 Not tainted 3.10.0-1062.4.1.el7.s390x #1",
      "[2113471.872381] Krnl PSW : 0704f00180000000 00000000001067ae (cpu_relax+0x1e/0x20)",
      "[2113471.872393]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:3",
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "oops", title: "Unknown program exception in cpu_relax", guiltyFrame: "cpu_relax" });
    expect(findings[0].source.line).toBe(1);
  });

  it("take no PSW alone, nor one inside another report, for a report of its own", () => {
    expect(extract(["[  1.0] Krnl PSW : 0704f00180000000 00000000001067ae (cpu_relax+0x1e/0x20)"])).toEqual([]);
    const warning = extract([
      "[  5.1] WARNING: CPU: 0 PID: 1 at fs/inode.c:12 iput+0x10/0x20",
      "[  5.2] Krnl PSW : 0704f00180000000 00000000001067ae (iput+0x10/0x20)",
    ]);
    expect(warning.map((f) => f.kind)).toEqual(["warning"]);
  });
});

describe("2.6-era i386 oopses copied from web pages", () => {
  const oops = (times: string, address: (a: string) => string) => [
    "Unable to handle kernel paging request at virtual address f899b670",
    "Oops: 0002 [#1]",
    "CPU: 0",
    `EIP: 0060:${address("c01de48c")} Not tainted VLI`,
    "EFLAGS: 00210286 (2.6.9-11.21AXKProbes)",
    `EIP is at journal_dirty_metadata+0${times}83/0xd7`,
    "Process kjournald (pid: 8227, threadinfo=d7568000 task=f4ea99b0)",
    "Call Trace:",
    `${address("c01de4f9")} ext3_journal_dirty_metadata+0${times}19/0${times}39`,
    `${address("c024a1d4")} ext3_free_blocks_sb+0${times}36/0${times}97`,
  ];

  it("take the function of `EIP is at` as the faulting one", () => {
    const [f] = extract(oops("x", (a) => `[<${a}>]`));
    expect(f).toMatchObject({ kind: "paging-fault", title: "BUG: unable to handle kernel paging request in journal_dirty_metadata", kernelRelease: "2.6.9-11.21AXKProbes" });
  });

  it("read `0×19` (typographic times) as `0x19` and `[]` (an address the HTML ate) as a frame", () => {
    const [mangled] = extract(oops("\u00d7", () => "[]"));
    const [plain] = extract(oops("x", (a) => `[<${a}>]`));
    expect(mangled.title).toBe(plain.title);
    expect(mangled.frames.map((fr) => fr.function)).toEqual(plain.frames.map((fr) => fr.function));
    expect(mangled.frames.length).toBe(2);
  });
});

describe("RCU stall: the code the timer interrupt interrupted", () => {
  const header = ["[  351.648071][    C1] rcu: INFO: rcu_preempt self-detected stall on CPU", "[  351.808040][    C1] Sending NMI from CPU 1 to CPUs 0:", "[  351.815225][    C1] NMI backtrace for cpu 0"];

  it("reads below the first timer-interrupt line, not the softirq the interrupt ran on its way out", () => {
    const [stall] = extract([
      ...header,
      "[  351.815240][    C1] RIP: 0010:hhf_dequeue+0x552/0xa20",
      "[  351.815309][    C1] Call Trace:",
      "[  351.815311][    C1]  <IRQ>",
      "[  351.815525][    C1]  igmpv3_sendpack+0x1b5/0x2c0",
      "[  351.815529][    C1]  igmp_ifc_timer_expire+0x687/0xa00",
      "[  351.815535][    C1]  call_timer_fn+0x1ac/0x780",
      "[  351.815589][    C1]  __do_softirq+0x262/0x98c",
      "[  351.815596][    C1]  irq_exit+0x19b/0x1e0",
      "[  351.815600][    C1]  smp_apic_timer_interrupt+0x1a3/0x610",
      "[  351.815603][    C1]  apic_timer_interrupt+0xf/0x20",
      "[  351.815606][    C1]  </IRQ>",
      "[  351.815609][    C1] RIP: 0010:_raw_write_unlock_irq+0x54/0x90",
      "[  351.815667][    C1]  do_exit+0x13ab/0x2e50",
      "[  351.815685][    C1]  do_group_exit+0x135/0x360",
      "[  351.815689][    C1]  __x64_sys_exit_group+0x44/0x50",
      "[  351.815692][    C1]  do_syscall_64+0xfd/0x6a0",
      "[  351.815696][    C1]  entry_SYSCALL_64_after_hwframe+0x49/0xbe",
    ]);
    expect(stall).toMatchObject({ title: "INFO: rcu detected stall in sys_exit_group", corrupted: false });
    expect(stall.syzkallerTitle).toBeUndefined();
  });

  it("names the softirq loop when the interrupt caught the CPU in it (an anchor on top of the stack)", () => {
    const [stall] = extract([
      "[ 3024.981314] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
      "[ 3024.988394] Call Trace:",
      "[ 3025.207920]  smp_apic_timer_interrupt+0x111/0x550",
      "[ 3025.217897]  apic_timer_interrupt+0xf/0x20",
      "[ 3025.227362] RIP: 0010:kmem_cache_alloc+0x287/0x700",
      "[ 3025.247666]  __do_softirq+0x25c/0x921",
      "[ 3025.272589]  irq_exit+0x180/0x1d0",
      "[ 3025.393463]  hsr_announce+0x12f/0x3b0",
      "[ 3025.406229]  call_timer_fn+0x18d/0x720",
    ]);
    expect(stall.title).toBe("INFO: rcu detected stall in __do_softirq");
  });

  it("is corrupted to syzkaller without a printed timer-interrupt line; the display still names the task's frame", () => {
    const [stall] = extract([
      "[  118.704531][    T1] rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 2-... } 10886 jiffies s: 25 root: 0x4/.",
      "[  118.810521][    T1] Task dump for CPU 2:",
      "[  118.872247][    T1] Call Trace:",
      "[  118.906021][    T1]  sched_show_task.cold+0x2da/0x33e",
      "[  118.906022][    T1]  ? asm_sysvec_apic_timer_interrupt+0x1f/0x30",
      "[  119.730575][    T1]  synchronize_rcu+0xdf/0x180",
      "[  119.960465][    T1]  do_one_initcall+0x10a/0x7b0",
      "[  120.210341][    T1]  kernel_init_freeable+0x4f4/0x5a3",
      "[  120.270367][    T1]  kernel_init+0xd/0x1c0",
      "[  120.300423][    T1]  ret_from_fork+0x1f/0x30",
    ]);
    expect(stall).toMatchObject({ syzkallerTitle: "INFO: rcu detected stall in corrupted", corrupted: true });
    expect(stall.title).not.toContain("corrupted");
    expect(stall.altTitles).toContain("stall in corrupted");
  });
});

describe("syscall frames in titles", () => {
  const refcountWarning = (frame: string) => [
    "[   54.847066] WARNING: CPU: 1 PID: 6519 at lib/refcount.c:25 refcount_warn_saturate+0x13d/0x1a0",
    "[   54.879537] RIP: 0010:refcount_warn_saturate+0x13d/0x1a0",
    "[   54.992283] Call Trace:",
    `[   54.995579]  ${frame}+0x2ea/0x350`,
    "[   55.000962]  do_syscall_64+0x44/0xd0",
    "[   55.005460]  entry_SYSCALL_64_after_hwframe+0x44/0xae",
  ];

  it("names the SYSCALL_DEFINE body (__se_sys_X) by the bare syscall, keeping sys_X and the printed name as alternatives", () => {
    const [body] = extract(refcountWarning("__se_sys_memfd_secret"));
    expect(body.title).toBe("WARNING: refcount bug in memfd_secret");
    expect(body.altTitles).toEqual(expect.arrayContaining(["WARNING: refcount bug in sys_memfd_secret", "WARNING: refcount bug in __se_sys_memfd_secret"]));
  });

  it("keeps sys_X for an architecture's wrapper (__x64_sys_X)", () => {
    const [wrapper] = extract(refcountWarning("__x64_sys_memfd_secret"));
    expect(wrapper.title).toBe("WARNING: refcount bug in sys_memfd_secret");
    expect(wrapper.altTitles).toContain("WARNING: refcount bug in __x64_sys_memfd_secret");
  });
});

describe("procfs and kobject WARNINGs whose header names a caller", () => {
  // An out-of-tree Wi-Fi driver removing its /proc entry under the name udev already renamed: the paste ends in the
  // module list, so the header's function is all there is to name (syzkaller: `… in corrupted`).
  const header = (file: string, site: string) => [
    "[ 5617.026380] ------------[ cut here ]------------",
    "[ 5617.026382] name 'wlan0'",
    `[ 5617.026412] WARNING: CPU: 2 PID: 1800 at ${file} ${site}`,
    "[ 5617.026413] Modules linked in: 8821cu(O) cfg80211 rfkill nls_utf8 isofs",
  ];

  it("names remove_proc_entry from a procfs WARNING without a stack", () => {
    const [r] = extract(header("fs/proc/generic.c:561", "remove_proc_entry+0xff/0x140"));
    expect([r.kind, r.title, r.guiltyFrame]).toEqual(["warning", "WARNING: proc registration bug in remove_proc_entry", "remove_proc_entry"]);
    expect(r.syzkallerTitle).toBe("WARNING: proc registration bug in corrupted");
  });

  it("names nothing from the class's own helper in the header (proc_register, kobject_add_internal)", () => {
    expect(extract(header("fs/proc/generic.c:345", "proc_register+0x10b/0x150"))[0].title).toBe("WARNING: proc registration bug in corrupted");
    expect(extract(header("lib/kobject.c:244", "kobject_add_internal+0x2a1/0x380"))[0].title).toBe("WARNING: kobject bug in corrupted");
  });

  it("still takes the stack's first non-proc frame when there is a stack", () => {
    const [r] = extract([
      ...header("fs/proc/generic.c:561", "remove_proc_entry+0xff/0x140"),
      "[ 5617.026500] CPU: 2 PID: 1800 Comm: NetworkManager Tainted: G           O     4.15.17-1 #1",
      "[ 5617.026501] Call Trace:",
      "[ 5617.026502]  rtw_proc_remove_one+0x3a/0x60 [8821cu]",
      "[ 5617.026503]  rtw_ndev_uninit+0x2c/0x40 [8821cu]",
    ]);
    expect([r.title, r.guiltyFrame]).toEqual(["WARNING: proc registration bug in rtw_proc_remove_one", "rtw_proc_remove_one"]);
  });
});

describe("refcount_t WARNING whose header names the refcount user", () => {
  // The header prints a module function at lib/refcount.c (the check inlined into the module): a paste cut in the module
  // list keeps no stack, and the header's function is the one whose count went wrong.
  const header = (site: string) => [
    "[   83.185564] ------------[ cut here ]------------",
    `[   83.190358] WARNING: CPU: 0 PID: 9 at lib/refcount.c:19 ${site}`,
    "[   83.199313] refcount_t: saturated; leaking memory.",
    "[   83.204180] Modules linked in: ovpn_dco_v2 pppoe ppp_async l2tp_ppp wireguard",
  ];

  it("names the header's function when no stack follows", () => {
    const [r] = extract(header("ovpn_pktid_recv+0x5a8/0xfec [ovpn_dco_v2]"));
    expect([r.kind, r.title, r.guiltyFrame]).toEqual(["warning", "WARNING: refcount bug in ovpn_pktid_recv", "ovpn_pktid_recv"]);
    expect(r.syzkallerTitle).toBe("WARNING: refcount bug in corrupted");
  });

  it("names nothing from a refcount helper in the header (refcount_warn_saturate): only a stack can", () => {
    const [r] = extract(header("refcount_warn_saturate+0x97/0x110"));
    expect(r.title).toBe("WARNING: refcount bug in corrupted");
    expect(r.guiltyFrame).toBeUndefined();
  });

  it("still takes the stack's first non-refcount frame when there is a stack", () => {
    const [r] = extract([
      ...header("ovpn_pktid_recv+0x5a8/0xfec [ovpn_dco_v2]"),
      "[   83.210000] CPU: 0 PID: 9 Comm: ksoftirqd/0 Not tainted 5.15.134 #0",
      "[   83.210001] Call Trace:",
      "[   83.210002]  refcount_warn_saturate+0x97/0x110",
      "[   83.210003]  ovpn_peer_hold+0x20/0x30 [ovpn_dco_v2]",
      "[   83.210004]  ovpn_recv+0x108/0x178 [ovpn_dco_v2]",
    ]);
    expect([r.title, r.guiltyFrame]).toEqual(["WARNING: refcount bug in ovpn_peer_hold", "ovpn_peer_hold"]);
  });
});

describe("symbolised reports", () => {
  it("names no inlined frame: the function below it holds the same address (syzkaller reads no frame from an [inline] line)", () => {
    const [warning] = extract([
      "WARNING: CPU: 0 PID: 6668 at arch/arm64/mm/fault.c:374 __do_kernel_fault+0x158/0x1c0 arch/arm64/mm/fault.c:374",
      "pc : __do_kernel_fault+0x158/0x1c0 arch/arm64/mm/fault.c:374",
      "Call trace:",
      " __do_kernel_fault+0x158/0x1c0 arch/arm64/mm/fault.c:374",
      " do_translation_fault+0x50/0xb8 arch/arm64/mm/fault.c:733",
      " el1h_64_sync+0x64/0x68 arch/arm64/kernel/entry.S:586",
      " nfc_llcp_find_local net/nfc/llcp_core.c:286 [inline]",
      " nfc_llcp_unregister_device+0x34/0x10c net/nfc/llcp_core.c:1611",
      " nfc_unregister_device+0x74/0xb0 net/nfc/core.c:1179",
    ]);
    expect(warning.title).toBe("WARNING in nfc_llcp_unregister_device");
    expect(warning.frames.find((f) => f.function === "nfc_llcp_find_local")).toMatchObject({ inlined: true });
  });

  it("reads a run of headers printed once per inlined level as one report", () => {
    const reports = extract([
      "BUG: KASAN: use-after-free in __list_add_rcu include/linux/rculist.h:57 [inline] at addr ffff8801c5b6c110",
      "BUG: KASAN: use-after-free in list_add_rcu include/linux/rculist.h:78 [inline] at addr ffff8801c5b6c110",
      "BUG: KASAN: use-after-free in timerfd_setup_cancel fs/timerfd.c:141 [inline] at addr ffff8801c5b6c110",
      "BUG: KASAN: use-after-free in do_timerfd_settime+0xd32/0xf50 fs/timerfd.c:446 at addr ffff8801c5b6c110",
      "Write of size 8 by task syz-executor5/10885",
      "Call Trace:",
      " __list_add_rcu include/linux/rculist.h:57 [inline]",
      " list_add_rcu include/linux/rculist.h:78 [inline]",
      " timerfd_setup_cancel fs/timerfd.c:141 [inline]",
      " do_timerfd_settime+0xd32/0xf50 fs/timerfd.c:446",
      " SyS_timerfd_settime+0xef/0x1c0 fs/timerfd.c:524",
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ title: "KASAN: use-after-free Write in do_timerfd_settime", guiltyFile: "fs/timerfd.c" });
  });
});

describe("syscall frames printed inlined", () => {
  it("titles a stall by the syscall wrapper that holds the address, not the inlined __se_sys_X above it", () => {
    const [stall] = extract([
      "rcu: INFO: rcu_preempt self-detected stall on CPU",
      "Call trace:",
      " el1h_64_irq+0x7c/0x80 arch/arm64/kernel/entry.S:123",
      " sk_msg_recvmsg+0x58/0xb7c net/core/skmsg.c:123",
      " __se_sys_recvmmsg net/socket.c:123 [inline]",
      " __arm64_sys_recvmmsg+0x170/0x22c net/socket.c:123",
      " invoke_syscall+0x94/0x2c8 arch/arm64/kernel/syscall.c:123",
    ]);
    expect(stall.title).toBe("INFO: rcu detected stall in sys_recvmmsg");
  });
});

describe("crash types of reports with no stack", () => {
  it("a panic that is no other report's tail is a DoS, unless its format says otherwise (a hard lockup hangs)", () => {
    expect(extract(["[    9.1] Kernel panic - not syncing: sysrq triggered crash"])[0].type).toBe("DoS");
    expect(extract(["[    9.1] Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 3"])[0].type).toBe("HANG");
    expect(extract(["[    9.1] VFS: Close: file count is zero"])[0].type).toBe("DoS");
  });
});

describe("syzkaller's bucket titles", () => {
  const trace = ["Call Trace:", " arch_uprobe_analyze_insn+0x1/0x2", " uprobe_mmap+0x1/0x2"];
  it("buckets an array index past the end as a bad access, not the other UBSAN checks", () => {
    expect(extract(["UBSAN: array-index-out-of-bounds in arch/x86/kernel/uprobes.c:292:11", ...trace])[0].altTitles).toEqual(["bad-access in arch_uprobe_analyze_insn"]);
    expect(extract(["UBSAN: shift-out-of-bounds in arch/x86/kernel/uprobes.c:292:11", ...trace])[0].altTitles).toEqual([]);
  });
  it("buckets a corrupted list as a bad access and a KFENCE invalid free with KASAN's, but not a stack segment fault", () => {
    const list = extract(["list_del corruption. next->prev should be ffff8801d8caa528, but was ffffffff868a8010", "kernel BUG at lib/list_debug.c:56!", "invalid opcode: 0000 [#1] SMP KASAN", "RIP: 0010:__list_del_entry_valid+0x1/0x2", "Call Trace:", " __dev_remove_pack+0x1/0x2"])[0];
    expect(list).toMatchObject({ title: "BUG: corrupted list in __dev_remove_pack", altTitles: ["bad-access in __dev_remove_pack"] });
    const kfence = extract(["BUG: KFENCE: invalid free in test_invalid_addr_free+0x1/0x2", "Invalid free of 0xffff", " test_invalid_addr_free+0x1/0x2", " kunit_try_run_case+0x1/0x2"])[0];
    expect(kfence.altTitles).toEqual(["invalid-free in test_invalid_addr_free"]);
    const segment = extract(["stack segment: 0000 [#1] PREEMPT SMP KASAN", "RIP: 0010:kernel_init+0x1/0x2", "Call Trace:", " ret_from_fork+0x1/0x2"])[0];
    expect(segment).toMatchObject({ title: "stack segment fault in kernel_init", altTitles: [] });
  });
  it("gives the old KASAN header (`… in f at addr`) no bucket: syzkaller reads no frame for it", () => {
    const [old] = extract(["[ 1579.244514] BUG: KASAN: slab-out-of-bounds in ip6_fragment+0x1052/0x2d80 at addr ffff88004ec29b58"]);
    expect(old).toMatchObject({ title: "KASAN: slab-out-of-bounds in ip6_fragment at addr ADDR", altTitles: [] });
  });
});

describe("a report with no stack of its own, with printk caller ids", () => {
  const dentry = "[  538.260174][  T380] BUG: Dentry ffff88810e2ca880{i=0,n=.index}  still in use (1) [unmount of ext4 loop4]";
  const warning = [
    "[  538.269909][  T380] ------------[ cut here ]------------",
    "[  538.275440][  T380] WARNING: CPU: 0 PID: 380 at fs/dcache.c:1616 umount_check+0x18d/0x1d0",
    "[  538.307767][  T380] RIP: 0010:umount_check+0x18d/0x1d0",
    "[  538.418207][  T380] Call Trace:",
    "[  538.421508][  T380]  d_walk+0x309/0x540",
    "[  538.429611][  T380]  shrink_dcache_for_umount+0x8e/0x1b0",
  ];

  it("reads on into the stack of the report its caller prints next, as syzkaller does", () => {
    const [bug, warn] = extract([dentry, ...warning]);
    expect(bug).toMatchObject({ title: "BUG: Dentry still in use in unmount", altTitles: ["BUG: Dentry still in use [unmount of ext4 loop4]"], corrupted: false });
    expect(warn.title).toBe("WARNING in umount_check");
  });

  it("stays without a stack when another caller printed the next report", () => {
    const other = warning.map((l) => l.replace("T380", "T999"));
    expect(extract([dentry, ...other])[0].corrupted).toBe(true);
  });
});

describe("lockdep-family reports", () => {
  it("types spinlock debug BUGs as LOCKDEP, as syzkaller does", () => {
    const [bug] = extract(["BUG: spinlock recursion on CPU#0, syz-executor/1", "Call Trace:", " do_raw_spin_lock+0x1/0x2", " wake_up_new_task+0x1/0x2"]);
    expect(bug).toMatchObject({ title: "BUG: spinlock recursion in wake_up_new_task", type: "LOCKDEP" });
  });

  it("reads suspicious RCU usage's source line past interleaved output; a fault-injection stack leaves it corrupted", () => {
    const [rcu] = extract([
      "[  184.765150] WARNING: suspicious RCU usage",
      "[  184.765161] 4.17.0-rc1+ #16 Not tainted",
      "[  184.765175] -----------------------------",
      "[  184.776387] CPU: 0 PID: 14047 Comm: syz-executor7 Not tainted 4.17.0-rc1+ #16",
      "[  184.780529] net/ipv6/route.c:1550 suspicious rcu_dereference_protected() usage!",
      "[  184.784473] Call Trace:",
      "[  184.784494]  dump_stack+0x1b9/0x294",
      "[  184.795946]  should_fail.cold.4+0xa/0x1a",
      "[  184.849301]  __should_failslab+0x124/0x180",
      "[  184.860254]  kmem_cache_alloc_node_trace+0x26f/0x770",
      "[  184.860279]  rt6_get_pcpu_route+0x1/0x2",
    ]);
    expect(rcu).toMatchObject({ title: "WARNING: suspicious RCU usage in corrupted", type: "LOCKDEP", corrupted: true });
  });
});

describe("stall buckets keep the name as printed for the alternatives", () => {
  const lockup = (...frames: string[]) => ["watchdog: BUG: soft lockup - CPU#2 stuck for 136s! [syz-executor4:4888]", "RIP: 0010:__sanitizer_cov_trace_const_cmp4+0xd/0x20", "Call Trace:", ...frames.map((f) => ` ${f}+0x1/0x2`)];

  it("names the smp_call_function variant that made the bucket, not a caller spelled like the bucket", () => {
    const [stall] = extract(lockup("smp_call_function_many", "smp_call_function", "on_each_cpu", "text_poke_bp"));
    expect(stall.title).toBe("BUG: soft lockup in smp_call_function");
    expect(stall.altTitles.sort()).toEqual(["BUG: soft lockup in smp_call_function_many", "stall in smp_call_function", "stall in smp_call_function_many"]);
  });

  it("names the pre-4.17 wrapper a syscall bucket came from", () => {
    const [stall] = extract(lockup("change_mnt_propagation", "do_mount", "compat_SyS_mount", "do_fast_syscall_32"));
    expect(stall.title).toBe("BUG: soft lockup in mount");
    expect(stall.altTitles).toEqual(expect.arrayContaining(["BUG: soft lockup in compat_SyS_mount", "stall in compat_SyS_mount"]));
  });
});

describe("a RIP that is only an address", () => {
  it("is the faulting instruction: the stack under it names the crash, not one under a later named RIP", () => {
    const [fault] = extract([
      "BUG: unable to handle kernel paging request at ffffffffffffffff",
      "IP: 0xffffffffffffffff",
      "Oops: 0010 [#1] SMP",
      "RIP: 0010:0xffffffffffffffff",
      "Call Trace:",
      " <IRQ>",
      " __run_timers+0xeef/0x1390",
      " run_timer_softirq+0x45/0xb0",
      " apic_timer_interrupt+0x86/0x90",
      " </IRQ>",
      "RIP: 0010:kmsan_get_origin_address_noruntime+0x163/0x260",
      " kfree+0x7f/0x2f40",
      " kernfs_put+0x759/0xc40",
    ]);
    expect(fault.title).toBe("BUG: unable to handle kernel paging request in __run_timers");
  });
});

describe("a paste that ends inside the RIP line", () => {
  const oops = (rip: string) => [
    "kernel: BUG: kernel NULL pointer dereference, address: 0000000000000000",
    "kernel: #PF: supervisor read access in kernel mode",
    "kernel: Oops: 0000 [#1] PREEMPT SMP NOPTI",
    "kernel: CPU: 1 PID: 10366 Comm: kworker/u64:0 Tainted: G        W  OE      6.1.1-arch1-1 #1",
    "kernel: Workqueue: cfg80211 cfg80211_event_work [cfg80211]",
    `kernel: RIP: 0010:${rip}`,
  ];

  it("names the function its `+` closes, the offset or size cut", () => {
    for (const rip of ["foo_connect_result+0x20", "foo_connect_result+0x20/0x", "foo_connect_result+"]) {
      const [f] = extract(oops(rip));
      expect(f).toMatchObject({ kind: "null-deref", title: "BUG: unable to handle kernel NULL pointer dereference in foo_connect_result", guiltyFrame: "foo_connect_result" });
    }
  });

  it("before the `+`, reads as decode_stacktrace.sh's bare name (the cut cannot be told), and names nothing past a stray `(`", () => {
    const [f] = extract(oops("foo_conn"));
    expect(f.title).toBe("BUG: unable to handle kernel NULL pointer dereference in foo_conn");
    const [g] = extract(oops("foo_conn("));
    expect(g.title).toBe("BUG: unable to handle kernel NULL pointer dereference in corrupted");
  });
});

describe("a report with no stack of its own, on a console without caller ids", () => {
  const kasan = [
    "[   66.776196] BUG: KASAN: global-out-of-bounds in show_timer+0x27a/0x2b0 at addr ffffffff82cda558",
    "[   66.785026] Read of size 8 by task syz-executor7/8685",
  ];
  const gpf = [
    "[   66.807279] general protection fault: 0000 [#1] SMP KASAN",
    "[   66.807335] RIP: 0010:[<ffffffff8268adb6>]  [<ffffffff8268adb6>] udp_queue_rcv_skb+0x196/0x1590",
    "[   66.807380] Call Trace:",
    "[   66.807390]  [<ffffffff8268b111>] __udp_queue_rcv_skb+0x1/0x2",
    "[   66.807395]  [<ffffffff8268b222>] udp_rcv+0x1/0x2",
  ];

  it("keeps its own title but is not corrupted when the next report prints a stack (syzkaller looks past its end)", () => {
    const [bug] = extract([...kasan, ...gpf]);
    expect(bug).toMatchObject({ title: "KASAN: global-out-of-bounds Read in show_timer", corrupted: false });
    expect(extract(kasan)[0].corrupted).toBe(true);
  });

  it("is corrupted when the KASAN header lost its access line, whatever follows", () => {
    const [bug] = extract(["[   56.881919] BUG: KASAN: wild-memory-access in sg_read+0x1296/0x1440", ...gpf]);
    expect(bug).toMatchObject({ title: "KASAN: wild-memory-access in sg_read", corrupted: true });
  });
});

describe("corrupted: a stack keyword with no frames after it", () => {
  const kasan = ["[  244.884100] BUG: KASAN: use-after-free in __unwind_start+0x1/0x2", "[  244.884101] Write of size 8 at addr ffff8801cd04fe98 by task kworker/0:1/12"];

  it("reads no guessed frame as a frame, and stops at the next stack's keyword", () => {
    const [bug] = extract([
      ...kasan,
      "[  244.884113] Call Trace:",
      "[  247.901862]  ? kthread+0x37a/0x440",
      "[  247.916578]  ? ret_from_fork+0x24/0x30",
      "[  247.919178] Allocated by task 0:",
      "[  247.922513] (stack is not available)",
    ]);
    expect(bug.corrupted).toBe(true);
  });

  it("takes `(stack is not available)` for a stack, and checks the first stack of each keyword only", () => {
    const [bug] = extract([
      ...kasan,
      "[  244.884113] Call Trace:",
      "[  244.884114]  dump_stack+0xe8/0x16e",
      "[  244.884115]  hdpvr_probe+0x1d3/0xad0",
      "[  247.927802] Freed by task 0:",
      "[  247.930800] (stack is not available)",
      "[  247.930801] Call Trace:",
      "[  247.930802] <Same stack as pid 2294>",
    ]);
    expect(bug.corrupted).toBe(false);
  });
});

describe("the first 2.6 kernels' `Debug: sleeping function called from invalid context`", () => {
  it("is the sleeping-function BUG, named from its stack", () => {
    // bugzilla.kernel.org 1821 (2.6.1): cdc_acm's tty write from ppp's softirq transmit reaches a sleeping __kmalloc
    const [r] = extract([
      "Debug: sleeping function called from invalid context at mm/slab.c:1856",
      "in_atomic():1, irqs_disabled():0",
      "Call Trace:",
      " [<c01220f1>] __might_sleep+0x91/0xa0",
      " [<c01455af>] __kmalloc+0x8f/0xa0",
      " [<d0898991>] ohci_urb_enqueue+0xc1/0x290 [ohci_hcd]",
      " [<c02e2237>] hcd_submit_urb+0xe7/0x150",
    ]);
    expect([r.kind, r.title, r.guiltyFrame]).toEqual(["bug", "BUG: sleeping function called from invalid context in ohci_urb_enqueue", "ohci_urb_enqueue"]);
  });
});

describe("SLUB debug reports", () => {
  it("are corrupted without the stack SLUB prints with them", () => {
    const header = "[  367.131148] BUG kmalloc-8 (Tainted: G    B         ): Object already free";
    expect(extract([header])[0]).toMatchObject({ title: "BUG: Object already free", corrupted: true });
    const withStack = extract([header, "[  367.131150] Call Trace:", "[  367.131151]  dump_stack+0x1/0x2", "[  367.131152]  free_debug_processing+0x1/0x2", "[  367.131153]  kfree+0x1/0x2", "[  367.131154]  sctp_destroy_sock+0x1/0x2"])[0];
    expect(withStack.corrupted).toBe(false);
  });
  it("name the kfree()/kmalloc() caller past SLUB's checks as the guilty frame; the title names none, as syzkaller's", () => {
    const header = "[ 12.0] BUG kmalloc-256 (Not tainted): Poison overwritten";
    // ptpt52/natflow#5's stack: the allocation found the freed object written to
    const stack = ["print_trailer+0x18c/0x195", "check_bytes_and_report.cold+0x6f/0x87", "check_object+0x23c/0x290", "alloc_debug_processing+0x119/0x180",
      "___slab_alloc.constprop.0+0x4ac/0x4f0", "__kmalloc_track_caller+0x1b1/0x280", "krealloc+0x4f/0xb0", "natflow_session_init+0xb6/0x170 [natflow]"];
    const [r] = extract([header, "[ 12.0] Call Trace:", ...stack.map((f) => `[ 12.0]  ${f}`)]);
    expect([r.title, r.guiltyFrame]).toEqual(["BUG: Poison overwritten", "natflow_session_init"]);
    // the same stack after a paste lost its `Call Trace:` line, read from the header on
    const [cut] = extract([header, "[ 12.0] INFO: Slab 0x0000000046c2b1f0 objects=42 used=8 fp=0x0 flags=0x4500000010201", ...stack.map((f) => `[ 12.0]  ${f}`)]);
    expect([cut.title, cut.guiltyFrame]).toEqual(["BUG: Poison overwritten", "natflow_session_init"]);
  });
  it("read the header before 3.11, which printed no taint, and any cache's name (`page->ptl`)", () => {
    // linux-mm, 3.2-rc2 (slabinfo -v): `BUG anon_vma: Redzone overwritten`; 3.15-next: `BUG page->ptl (Not tainted): …`
    expect(extract(["BUG anon_vma: Redzone overwritten"]).map((r) => [r.kind, r.title])).toEqual([["bug", "BUG: Redzone overwritten"]]);
    expect(extract(["[ 4.0] BUG page->ptl (Not tainted): Redzone overwritten"]).map((r) => r.title)).toEqual(["BUG: Redzone overwritten"]);
    // …but without the taint only the corruption messages make a header
    expect(extract(["BUG anon_vma: something else happened"])).toEqual([]);
  });
  it("read 6.1+'s kmalloc redzone check (the bytes past the requested size)", () => {
    // openwrt/openwrt#19938 (ramips)
    const [r] = extract(["[    4.318741] BUG kmalloc-128 (Tainted: G    B             ): kmalloc Redzone overwritten"]);
    expect([r.kind, r.title]).toEqual(["bug", "BUG: kmalloc Redzone overwritten"]);
  });
  it("read a per-memcg child cache's name, its cgroup in parentheses (3.10-4.x)", () => {
    // moby/moby#29879: lvremove on a RHEL 7.3 Docker host, journald cut the line
    const id = "354604ddeb33593ebd6c7ed2292fb879ca3b42e80476397f3c9ce88ec4443b7a";
    const [r] = extract([`[ 9.0] BUG kmalloc-256(0:${id}) (Tainted: GF           E  ------------  ): Objects remaining in kmalloc-256(0:${id}`]);
    expect([r.kind, r.title]).toEqual(["bug", "BUG: Objects remaining in kmalloc-NUM(NUM:ADDR"]);
    const [d] = extract(["[ 9.0] BUG dentry(2:session-1.scope) (Not tainted): Poison overwritten"]);
    expect(d.title).toBe("BUG: Poison overwritten");
    // a cache name with a space before its parenthesis is no SLUB header
    expect(extract(["[ 9.0] BUG kmalloc-256 (0:x) (Not tainted): Poison overwritten"])).toEqual([]);
  });
});

describe("x86 fast refcount_t (CONFIG_REFCOUNT, 4.13-5.4)", () => {
  it("is a refcount bug named by the function its message names, when the message comes first and no stack follows", () => {
    const [r] = extract([
      "[162152.702889] refcount_t hit zero at acrn_trace_release+0x2b/0x70 in cat[10384], uid/euid: 0/0",
      "[162152.703955] WARNING: CPU: 1 PID: 10384 at kernel/panic.c:681 refcount_error_report+0x9c/0xac",
    ]);
    expect([r.kind, r.title, r.guiltyFrame]).toEqual(["warning", "WARNING: refcount bug in acrn_trace_release", "acrn_trace_release"]);
  });
  it("reads the stack past the trap handler, with the message after the WARNING (4.x)", () => {
    const [r] = extract([
      "[  392.755068] WARNING: CPU: 0 PID: 0 at kernel/panic.c:612 refcount_error_report+0x94/0x9e",
      "[  392.755069] refcount_t overflow at sk_reset_timer+0x30/0x40 in swapper/0[0], uid/euid: 0/0",
      "[  392.755112] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.14.32 #1-NixOS",
      "[  392.755120] Call Trace:",
      "[  392.755121]  ex_handler_refcount+0x4e/0x80",
      "[  392.755122]  fixup_exception+0x32/0x40",
      "[  392.755123]  do_trap+0x109/0x130",
      "[  392.755124]  do_error_trap+0x79/0xf0",
      "[  392.755125]  invalid_op+0x1b/0x40",
      "[  392.755126]  sk_reset_timer+0x30/0x40",
      "[  392.755127]  tcp_schedule_loss_probe+0x11e/0x160",
      "[  392.755128]  tcp_write_xmit+0x24a/0xf90",
    ]);
    expect([r.title, r.guiltyFrame]).toEqual(["WARNING: refcount bug in tcp_schedule_loss_probe", "tcp_schedule_loss_probe"]);
  });
});

/**
 * Hostile header lines for title formats and suppressions a merge added: many starts of the pattern on one line and the
 * text that would end a match missing. Unbounded, each start scanned the rest of the line (quadratic): tens of seconds
 * at these sizes, past the test's timeout; bounded by what the kernel prints, well under a second. The result is
 * asserted; the size is the bound.
 */
describe("hostile header lines", () => {
  it("riscv's `Oops - <trap> [#n]` shape: a line of `Oops - ` without ` [#` is no oops", () => {
    expect(extract(["Oops - a".repeat(40_000)])).toEqual([]);
  });

  it("x86's fast refcount_t message: many `refcount_t … at f` starts before a line of `WARNING:` without the handler", () => {
    // No title format matches: informational text, not a report.
    expect(extract(["refcount_t hit zero at f+0x1/0x2 ".repeat(4000), "WARNING: a ".repeat(800)])).toEqual([]);
  });

  it("hung_task's blocker line suppression: a line of `INFO: task ` without `blocked on` is not suppressed by it", () => {
    const blocker = CLASSES.find((c) => c.id === "info")!.suppress!.find((re) => re.source.includes("blocked on an?"))!;
    expect(blocker.test("INFO: task a ".repeat(40_000))).toBe(false);
    expect(blocker.test("INFO: task kworker/u16:3:1234 is blocked on a mutex likely owned by task b:2.")).toBe(true);
  });

  it("WARN() title formats: lines of `WARNING: ` starts and no source line are read up to a printk record's size", () => {
    // Unbounded, each of the ~20 `WARNING:.*<file>` formats rescanned the rest of the line from each start: ~1–2 s
    // of CPU per 16 KiB line, over a minute for these 40.
    const line = `[    1.000000] WARNING: CPU: 0 PID: 1 at ${"WARNING: ".repeat(1800)}`;
    expect(extract(Array.from({ length: 40 }, () => line))).toEqual([]);
  });

  it("a WARN() header's source line within a printk record's size still titles the report", () => {
    const [report] = extract([
      `[    1.000000] WARNING: CPU: 0 PID: 1 at net/sched/sch_generic.c:477 dev_watchdog+0x1/0x2 ${"x".repeat(1500)}`,
      "[    1.000001] Call Trace:",
      "[    1.000002]  dev_watchdog+0x1/0x2",
      "[    1.000003]  call_timer_fn+0x1/0x2",
    ]);
    expect(report.title).toBe("WARNING in dev_watchdog");
  });
});

describe("arm64 SError", () => {
  // Qualcomm RB3gen2 in CI (qualcomm-linux/kernel#541 on 7.0, #297 on 6.19-rc8): an SMMU register write takes an SError.
  const header = [
    "[   18.348119] SError Interrupt on CPU5, code 0x00000000be000000 -- SError",
    "[   18.348127] CPU: 5 UID: 1000 PID: 960 Comm: weston Tainted: G   M    W  O        7.0.0-00707-g0f9957102cc3 #1 PREEMPT ",
    "[   18.348133] Hardware name: Qualcomm Technologies, Inc. Robotics RB3gen2 (DT)",
    "[   18.348137] pc : arm_smmu_write_s2cr+0xa0/0x130",
    "[   18.348145] lr : arm_smmu_write_sme+0x20/0x108",
  ];
  const panic = [
    "[   18.348245] Kernel panic - not syncing: Asynchronous SError Interrupt",
    "[   18.348247] CPU: 5 UID: 1000 PID: 960 Comm: weston Tainted: G   M    W  O        7.0.0-00707-g0f9957102cc3 #1 PREEMPT ",
    "[   18.348250] Call trace:",
    ...["show_stack+0x18/0x30 (C)", "dump_stack_lvl+0x60/0x80", "vpanic+0xf8/0x2dc", "abort+0x0/0x4", "add_taint+0x0/0xbc", "arm64_serror_panic+0x70/0x80",
      "arm64_is_fatal_ras_serror+0x34/0xac", "do_serror+0x58/0x74", "el1h_64_error_handler+0x38/0x60", "el1h_64_error+0x70/0x74",
      "arm_smmu_write_s2cr+0x98/0xb4 (P)", "arm_smmu_write_sme+0x18/0x8c", "arm_smmu_device_reset+0x6c/0x2c0"].map((f, i) => `[   18.34826${i % 10}]  ${f}`),
  ];

  it("reads the SError report as a fatal exception in the interrupted code, its panic as the tail", () => {
    const findings = extract([...header, ...panic]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "oops", title: "SError Interrupt in arm_smmu_write_s2cr", guiltyFrame: "arm_smmu_write_s2cr", panicked: true });
  });

  it("names the interrupted code from the panic's stack when the SError report was cut, past the SError delivery path", () => {
    const [f] = extract(panic);
    expect(f).toMatchObject({ kind: "panic", title: "kernel panic: Asynchronous SError Interrupt", guiltyFrame: "arm_smmu_write_s2cr" });
  });
});

describe("MIPS die() names", () => {
  // OpenWrt on a 24KEc (openwrt/mt76#8, 3.18.17): skb_over_panic's BUG() without BUGVERBOSE.
  const bug = (frames: string[]) => [
    "<0>[90064.190000] skbuff: skb_over_panic: text:872d0998 len:1832 put:1832 head:872e5800 data:872e5820 tail:0x872e5f48 end:0x872e5f40 dev:<NULL>",
    "<4>[90064.210000] Kernel bug detected[#1]:",
    "<4>[90064.210000] CPU: 0 PID: 0 Comm: swapper Not tainted 3.18.17 #1",
    "<4>[90064.210000] epc   : 801e388c skb_panic+0x58/0x5c",
    "<4>[90064.210000] ra    : 801e388c skb_panic+0x58/0x5c",
    "<4>[90064.210000] Cause : 50800024",
    ...(frames.length ? ["<4>[90064.210000] Call Trace:", ...frames.map((f) => `<4>[90064.210000] [<801e388c>] ${f}`)] : []),
  ];

  it("reads BUG()'s `Kernel bug detected` as a BUG, blaming the skb helper's caller", () => {
    expect(extract(bug([]))).toMatchObject([{ kind: "bug", title: "Kernel bug detected in corrupted" }]);
    expect(extract(bug(["skb_panic+0x58/0x5c", "skb_put+0x5c/0x60", "mt76_rx_poll+0x1a0/0x2c0 [mt76]"]))).toMatchObject([
      { kind: "bug", title: "Kernel bug detected in mt76_rx_poll", guiltyFrame: "mt76_rx_poll" },
    ]);
  });

  it("keeps a `kernel BUG at` line and the die line after it one report", () => {
    const withBugLine = ["<4>[90064.200000] kernel BUG at net/core/skbuff.c:104!", ...bug(["skb_panic+0x58/0x5c", "skb_put+0x5c/0x60", "mt76_rx_poll+0x1a0/0x2c0 [mt76]"]).slice(1)];
    expect(extract(withBugLine)).toMatchObject([{ kind: "bug", title: "kernel BUG in mt76_rx_poll" }]);
  });

  it("reads a reserved or break instruction in kernel code as an oops in the function that ran it", () => {
    const die = (name: string) => [`${name} instruction in kernel code[#1]:`, "CPU: 1 PID: 9 Comm: kworker/1:0 Not tainted 5.10.138 #0", "epc   : 8039a2c4 mt7621_pcie_init+0x44/0x1c0", "ra    : 8039a2b8 mt7621_pcie_init+0x38/0x1c0"];
    expect(extract(die("Reserved"))).toMatchObject([{ kind: "oops", title: "Reserved instruction in mt7621_pcie_init", guiltyFrame: "mt7621_pcie_init" }]);
    expect(extract(die("Break"))).toMatchObject([{ kind: "oops", title: "Break instruction in mt7621_pcie_init" }]);
  });

  it("names the faulting function of an unaligned access", () => {
    const [f] = extract(["Unhandled kernel unaligned access[#1]:", "CPU: 0 PID: 7 Comm: ksoftirqd/0 Not tainted 5.4.179 #0", "epc   : 80126820 ip_rcv_core+0x164/0x3c4", "ra    : 80126824 ip_rcv+0x48/0xa0"]);
    expect(f).toMatchObject({ kind: "oops", title: "Unhandled kernel unaligned access in ip_rcv_core", guiltyFrame: "ip_rcv_core" });
  });

  it("reads LoongArch's kernel address-error and unaligned-access dies as oopses in the ERA's function", () => {
    // Loongson 3A6000 on 6.6.7 (loongson-community/discussions#34): the PC is on `ERA:`, the caller on `ra:`.
    const die = (trap: string) => [
      `[36518.528465] Kernel ${trap} access[#1]:`,
      "[36518.528474] CPU: 7 PID: 3510 Comm: node_exporter Not tainted 6.6.7-gentoo-dist #1",
      "[36518.528481] pc 9000000002ae54c8 ra 9000000002ae6610 tp 900000010adc4000 sp 900000010adc7c00",
      "[36518.528498]    ra: 9000000002ae6610 refill_obj_stock+0x50/0x240",
      "[36518.528504]   ERA: 9000000002ae54c8 drain_obj_stock+0xa8/0x300",
    ];
    expect(extract(die("ade"))).toMatchObject([{ kind: "oops", title: "Kernel ade access in drain_obj_stock", guiltyFrame: "drain_obj_stock" }]);
    expect(extract(die("ale"))).toMatchObject([{ kind: "oops", title: "Kernel ale access in drain_obj_stock" }]);
  });

  it("blames the caller on LoongArch's `ra:` row when a stackless fault's ERA is a memory helper", () => {
    // Loongson 3C6000 (jiangcuo/pxvirt#138), the trace cut: the fault is in __memset_fast, the pointer load_module's.
    const [f] = extract([
      "[  206.917050] CPU 8 Unable to handle kernel paging request at virtual address ffff8000020ec000, era == 9000000003bf3bec, ra == 9000000002a032dc",
      "[  206.929690] Oops[#3]:",
      "[  206.931943] CPU: 8 PID: 1412 Comm: modprobe Tainted: G      D            6.6.0 #1",
      "[  206.931950]    ra: 9000000002a032dc load_module+0x6e4/0x1aa0",
      "[  206.931955]   ERA: 9000000003bf3bec __memset_fast+0x18/0x138",
    ]);
    expect(f).toMatchObject({ kind: "paging-fault", title: "BUG: unable to handle kernel paging request in load_module", guiltyFrame: "load_module" });
  });
});

describe("spinlock debugging", () => {
  it("is a lock-debugging report like the other LOCKDEP-typed BUG lines (syzkaller's LockdepBug)", () => {
    // Firefly-RK3399 on Rockchip 4.4.112 (rockchip-linux/kernel#67): two CPUs wait on a lock the Mali driver holds.
    const [f] = extract([
      "[  116.216667] BUG: spinlock lockup suspected on CPU#0, swapper/0/0",
      "[  116.216874]  lock: 0xffffffc0ed5a83e8, .magic: dead4ead, .owner: mali-cmar-backe/801, .owner_cpu: 2",
      "[  116.216880] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.4.112 #1",
      "[  116.216890] Call trace:",
      "[  116.216895] [<ffffff8008088f5c>] do_raw_spin_lock+0x1a4/0x1c8",
      "[  116.216900] [<ffffff8008a4c1d8>] _raw_spin_lock_irqsave+0x50/0x60",
      "[  116.216905] [<ffffff80086e8a10>] kbase_jd_done_worker+0x48/0x6a0",
    ]);
    expect(f).toMatchObject({ kind: "lockdep", title: "BUG: spinlock lockup suspected in kbase_jd_done_worker" });
  });
});

describe("invalid opcode right under report_bug()'s cut line", () => {
  const oops = (above: string[]) => [
    ...above,
    "[ 5828.709700] invalid opcode: 0000 [#1] SMP ",
    "[ 5828.709864] Modules linked in: scst(O) ib_srpt(O)",
    "[ 5828.710558] Pid: 5894, comm: srpt_mlx4_0-1 Tainted: G           O 3.8.5 #1",
    "[ 5828.710560] RIP: 0010:[<ffffffffa01b3fe3>]  [<ffffffffa01b3fe3>] scst_tgt_cmd_done+0xa/0x34 [scst]",
    "[ 5828.710570] Call Trace:",
    "[ 5828.710571]  [<ffffffffa01c0001>] srpt_xmit_response+0x1/0x2 [ib_srpt]",
  ];

  it("is a BUG() whose `kernel BUG at` line was lost: only report_bug prints the cut line before the trap", () => {
    const [bug] = extract(oops(["[ 5828.709207] ------------[ cut here ]------------"]));
    expect(bug).toMatchObject({ kind: "bug", title: "kernel BUG in scst_tgt_cmd_done" });
  });

  it("stays an invalid opcode (a stray ud2 trapping in do_trap) without the cut line", () => {
    const [trap] = extract(oops(["[ 5828.709100] scst: Attached to virtual device sata_lv02 (id 6)"]));
    expect(trap).toMatchObject({ kind: "oops", title: "invalid opcode in scst_tgt_cmd_done" });
  });
});

describe("lockdep capacity reports", () => {
  it("titles MAX_LOCK_DEPTH like lockdep's other capacity limits", () => {
    const [r] = extract([
      "[Mon Sep 16 10:25:36 2019] BUG: MAX_LOCK_DEPTH too low!",
      "[Mon Sep 16 10:25:36 2019] turning off the locking correctness validator.",
      "[Mon Sep 16 10:25:36 2019] depth: 48  max: 48!",
      "[Mon Sep 16 10:25:36 2019] 48 locks held by kvm/2980:",
      "[Mon Sep 16 10:25:36 2019]  #0: 000000009edf7a57 (sb_writers#17){....}, at: vfs_fallocate+0x1ea/0x270",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "BUG: MAX_LOCK_DEPTH too low!" });
  });
});

describe("lockdep `at:` sites of a symbolised report", () => {
  it("reads past the inlined `at:` lines of the acquired lock to its real site", () => {
    const at = (fn: string) => [
      `ffff8880427fd908 (&sch->q.lock){+.-.}-{2:2}, at: spin_lock include/linux/spinlock.h:351 [inline]`,
      `ffff8880427fd908 (&sch->q.lock){+.-.}-{2:2}, at: __dev_xmit_skb net/core/dev.c:3807 [inline]`,
      `ffff8880427fd908 (&sch->q.lock){+.-.}-{2:2}, at: ${fn}+0xaf9/0x3790 net/core/dev.c:4315`,
    ];
    const [r] = extract([
      "============================================",
      "WARNING: possible recursive locking detected",
      "6.6.0-rc5-gcd8bdf563d46 #60 Not tainted",
      "--------------------------------------------",
      "syz-executor.4/25943 is trying to acquire lock:",
      ...at("__dev_queue_xmit"),
      "",
      "but task is already holding lock:",
      ...at("__dev_queue_xmit"),
      "",
      "other info that might help us debug this:",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "possible deadlock in __dev_queue_xmit", guiltyFrame: "__dev_queue_xmit" });
  });

  // lockdep prints an unlock site as `… at:` then `[<ip>] %pS`; symbolisation expands that one ip into one line per
  // inlined level, all with the same `[<ip>]`, and the real function comes last. A paste that lost its newlines
  // keeps the levels on the `at:` line itself.
  const unlockBalance = (site: string[]) => [
    "WARNING: bad unlock balance detected!",
    "6.6.79 #1 Not tainted",
    "-------------------------------------",
    ...site,
    "",
    "other info that might help us debug this:",
    "no locks held by repro/9655.",
    "",
    "stack backtrace:",
    "CPU: 1 PID: 9655 Comm: a Not tainted 6.6.79 #1",
    "Call Trace:",
    " <TASK>",
    " __dump_stack lib/dump_stack.c:88 [inline]",
    " dump_stack_lvl+0xd5/0x1b0 lib/dump_stack.c:106",
    " lock_release+0x4b1/0x680 kernel/locking/lockdep.c:5774",
    " up_read+0x12/0x20 kernel/locking/rwsem.c:1615",
    " mmap_read_unlock include/linux/mmap_lock.h:173 [inline]",
  ];

  it("reads an unlock site's inlined `[<ip>]` levels down to the real function", () => {
    const [r] = extract(unlockBalance([
      "repro/9655 is trying to release lock (&mm->mmap_lock) at:",
      "[<ffffffff81daa36f>] mmap_read_unlock include/linux/mmap_lock.h:173 [inline]",
      "[<ffffffff81daa36f>] do_migrate_pages+0x59f/0x700 mm/mempolicy.c:1196",
      "but there are no more locks to release!",
    ]));
    expect(r).toMatchObject({ kind: "lockdep", title: "WARNING: bad unlock balance in do_migrate_pages", guiltyFrame: "do_migrate_pages" });
  });

  // The held-locks list that follows (` #0: … (&mm->mmap_lock){++++}-{4:4}, at: __se_sys_mremap+0x3c0/0xc60`) names
  // other locks the task holds: once the unlock site was read, the function comes from it or from the stack, never
  // from that list (syzbot: "WARNING: bad unlock balance in move_pgt_entry").
  it("reads the unlock site's levels, not the held-locks list after it", () => {
    const [r] = extract([
      "WARNING: bad unlock balance detected!",
      "6.16.0-rc2-next-20250616-syzkaller #0 Not tainted",
      "-------------------------------------",
      "syz-executor359/6969 is trying to release lock (&mapping->i_mmap_rwsem) at:",
      "[<ffffffff82104277>] i_mmap_unlock_write include/linux/fs.h:557 [inline]",
      "[<ffffffff82104277>] maybe_drop_rmap_locks mm/mremap.c:197 [inline]",
      "[<ffffffff82104277>] move_pgt_entry+0xfa7/0x1170 mm/mremap.c:686",
      "but there are no more locks to release!",
      "",
      "other info that might help us debug this:",
      "1 lock held by syz-executor359/6969:",
      " #0: ffff88802f641760 (&mm->mmap_lock){++++}-{4:4}, at: do_mremap mm/mremap.c:2371 [inline]",
      " #0: ffff88802f641760 (&mm->mmap_lock){++++}-{4:4}, at: __se_sys_mremap+0x3c0/0xc60 mm/mremap.c:2421",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "WARNING: bad unlock balance in move_pgt_entry", guiltyFrame: "move_pgt_entry" });
  });

  it("goes from an unlock site in a lock primitive to the stack, past the held-locks list", () => {
    const [r] = extract([
      "=====================================",
      "[ BUG: bad unlock balance detected! ]",
      "3.10.0-rc1 #1 Not tainted",
      "-------------------------------------",
      "motion/3328 is trying to release lock (&dev->lock) at:",
      "[<ffffffff819be5f9>] mutex_unlock+0x9/0x10",
      "but there are no more locks to release!",
      "",
      "other info that might help us debug this:",
      "1 lock held by motion/3328:",
      " #0:  (&mm->mmap_sem){++++++}, at: [<ffffffff81156cae>] vm_munmap+0x3e/0x70",
      "",
      "stack backtrace:",
      "CPU: 1 PID: 3328 Comm: motion Not tainted 3.10.0-rc1 #1",
      "Call Trace:",
      " [<ffffffff819b9029>] dump_stack+0x19/0x1b",
      " [<ffffffff810e615e>] print_unlock_imbalance_bug+0xfe/0x110",
      " [<ffffffff810eb3cc>] lock_release+0xfc/0x250",
      " [<ffffffff819be4b2>] __mutex_unlock_slowpath+0xb2/0x1f0",
      " [<ffffffff819be5f9>] mutex_unlock+0x9/0x10",
      " [<ffffffff81711105>] videobuf_waiton+0x55/0x230",
      " [<ffffffff8172d3d9>] cx25821_free_buffer+0x49/0xa0",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "BUG: bad unlock balance in videobuf_waiton", guiltyFrame: "videobuf_waiton" });
  });

  // `lock held when returning to user space` has no site of its own: the held-locks list is where it is.
  it("still reads a returning-to-user-space report's lock from its held-locks list", () => {
    const [r] = extract([
      "WARNING: lock held when returning to user space!",
      "6.6.0-rc3 #213 Not tainted",
      "------------------------------------------------",
      "cxl/673 is leaving the kernel with locks still held!",
      "1 lock held by cxl/673:",
      " #0: ffffffffa013b9d0 (cxl_region_rwsem){++++}-{3:3}, at: commit_store+0x7d/0x3e0 [cxl_core]",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "WARNING: lock held when returning to user space in commit_store", guiltyFrame: "commit_store" });
  });

  // A mail client wraps the long lock-site line after `at:`: the function starts the next line, without its `[<ip>]`
  // and, in a timestamped paste, without the stamp and less indented than the message column.
  const wrappedInversion = (siteLine: string) => [
    "[   83.296538] ========================================================",
    "[   83.296538] WARNING: possible irq lock inversion dependency detected",
    "[   83.296539] 5.12.0-rc3+ #25 Tainted: G        W",
    "[   83.296539] --------------------------------------------------------",
    "[   83.296540] bash/780 just changed the state of lock:",
    "[   83.296540] ffffffff82b29c98 (device_domain_lock){..-.}-{2:2}, at:",
    siteLine,
    "[   83.296547] but this lock took another, SOFTIRQ-unsafe lock in the past:",
    "[   83.296547]  (pasid_lock){+.+.}-{2:2}",
  ];
  it("reads a lock site wrapped after `at:` onto a prefix-less line", () => {
    const [r] = extract(wrappedInversion("            iommu_flush_dev_iotlb.part.0+0x32/0x110"));
    expect(r).toMatchObject({ kind: "lockdep", title: "possible deadlock in iommu_flush_dev_iotlb", guiltyFrame: "iommu_flush_dev_iotlb" });
  });
  // Re-wrapped prose: the function line goes on with lockdep's next sentence.
  it("reads a wrapped lock site whose line goes on with the report's next sentence", () => {
    const [r] = extract([
      "WARNING: possible irq lock inversion dependency detected",
      "6.11.0-rc6+ #59 Tainted: G        W",
      "--------------------------------------------------------",
      "CPU 0/KVM/1537 just changed the state of lock:",
      "ffffa0f0cff965f0 (&vdev->irqlock){-...}-{2:2}, at:",
      "vfio_intx_handler+0x21/0xd0 [vfio_pci_core] but this lock took",
      "another,",
      "HARDIRQ-unsafe lock in the past: (fs_reclaim){+.+.}-{0:0}",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "possible deadlock in vfio_intx_handler", guiltyFrame: "vfio_intx_handler" });
  });
  // genirq's flow handlers are interrupt glue in a stack, but they take the descriptor's lock themselves: the lock
  // site lockdep prints is the flow handler (RISC-V AIA v12 report on lkml, 6.8-rc1).
  it("names a genirq flow handler that is lockdep's lock site", () => {
    const [r] = extract([
      "[    0.953704] WARNING: possible irq lock inversion dependency detected",
      "[    0.953955] 6.8.0-rc1-00039-gd9b9d6eb987f #1122 Not tainted",
      "[    0.954224] --------------------------------------------------------",
      "[    0.954444] swapper/0/0 just changed the state of lock:",
      "[    0.954664] ffffaf808109d0c8 (&irq_desc_lock_class){-...}-{2:2}, at: handle_fasteoi_irq+0x24/0x1da",
      "[    0.955699] but this lock took another, HARDIRQ-unsafe lock in the past:",
      "[    0.955942]  (&handler->enable_lock){+.+.}-{2:2}",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "possible deadlock in handle_fasteoi_irq", guiltyFrame: "handle_fasteoi_irq" });
  });
  // try_to_wake_up() takes the woken task's pi_lock itself (Fedora CoreOS rawhide CI, 5.18 debug kernel at boot).
  it("names try_to_wake_up when it is lockdep's lock site", () => {
    const [r] = extract([
      "[    4.038812] ======================================================",
      "[    4.039241] WARNING: possible circular locking dependency detected",
      "[    4.039241] 5.18.0-0.rc0.20220323git6b1f86f8e9c7.5.fc37.x86_64 #1 Not tainted",
      "[    4.039241] ------------------------------------------------------",
      "[    4.039241] swapper/0/1 is trying to acquire lock:",
      "[    4.039241] ffff9d6e43500db0 (&p->pi_lock){-.-.}-{2:2}, at: try_to_wake_up+0x59/0x760",
      "[    4.039241] ",
      "[    4.039241] but task is already holding lock:",
      "[    4.039241] ffffffff90360338 (random_write_wait.lock){....}-{2:2}, at: __wake_up_common_lock+0x51/0x90",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "possible deadlock in try_to_wake_up" });
  });
  it("keeps a wrapped lock site's next line out of the report when it is not a frame", () => {
    const [r] = extract(wrappedInversion("            and something else entirely"));
    expect(r?.title).not.toBe("possible deadlock in iommu_flush_dev_iotlb");
  });

  // The IDA warns about, or locks, the ID allocator its caller misused: syzbot titles such reports in the IDA function
  // ("WARNING in ida_free", "INFO: trying to register non-static key in ida_destroy"), not in its caller.
  it("names the IDA function that warned, not its caller", () => {
    const [r] = extract([
      "------------[ cut here ]------------",
      "ida_free called for id=0 which is not allocated.",
      "WARNING: CPU: 0 PID: 3066 at lib/idr.c:525 ida_free+0x1b0/0x208 lib/idr.c:525",
      "Modules linked in:",
      "CPU: 0 PID: 3066 Comm: syz-executor.1 Not tainted 6.1.0-rc4-syzkaller-31833-gf0c4d9fc9cc9 #0",
      "pc : ida_free+0x1b0/0x208 lib/idr.c:525",
      "lr : ida_free+0x1b0/0x208 lib/idr.c:525",
      "Call trace:",
      " ida_free+0x1b0/0x208 lib/idr.c:525",
      " free_anon_bdev fs/super.c:1073 [inline]",
      " kill_anon_super+0x34/0x44 fs/super.c:1087",
      " v9fs_kill_super+0x24/0x50 fs/9p/vfs_super.c:223",
    ]);
    expect(r).toMatchObject({ title: "WARNING in ida_free", guiltyFrame: "ida_free" });
  });
  it("names ida_destroy for a non-static key its spinlock registered", () => {
    const [r] = extract([
      "INFO: trying to register non-static key.",
      "the code is fine but needs lockdep annotation.",
      "turning off the locking correctness validator.",
      "CPU: 0 PID: 12 Comm: kworker/0:1 Not tainted 5.3.0-rc2+ #23",
      "Call Trace:",
      "  dump_stack+0xca/0x13e lib/dump_stack.c:113",
      "  register_lock_class+0x1022/0x11d0 kernel/locking/lockdep.c:1122",
      "  __lock_acquire+0xfc/0x3b50 kernel/locking/lockdep.c:3762",
      "  lock_acquire+0x127/0x320 kernel/locking/lockdep.c:4412",
      "  _raw_spin_lock_irqsave+0x32/0x50 kernel/locking/spinlock.c:159",
      "  ida_destroy+0xb0/0x3a0 lib/idr.c:551",
      "  media_device_cleanup+0x15/0x70 drivers/media/mc/mc-device.c:722",
      "  uvc_delete+0x8e/0x2f0 drivers/media/usb/uvc/uvc_driver.c:1872",
    ]);
    expect(r).toMatchObject({ title: "INFO: trying to register non-static key in ida_destroy", guiltyFrame: "ida_destroy" });
  });

  // lock_stat's contention check prints its site the same way: `… is trying to contend lock (l) at:` then `[<ip>] %pS`.
  const contention = (header: string, site: string[]) => [
    "=================================",
    header,
    "6.11.0-rc2 #40 Tainted: G            E",
    "---------------------------------",
    ...site,
    "but there are no locks held!",
    "",
    "other info that might help us debug this:",
    "no locks held by kworker/9:3/11249.",
    "",
    "stack backtrace:",
    "CPU: 9 PID: 11249 Comm: kworker/9:3 Tainted: G            E      6.11.0-rc2 #40",
    "Call Trace:",
    " <TASK>",
    " dump_stack_lvl+0x1/0x2",
    " lock_contended+0x1/0x2",
    " __mutex_lock+0x1/0x2",
    " mutex_lock_nested+0x1/0x2",
    " netdev_open+0x28/0x50 [8723bu]",
  ];

  it("reads a bad contention report's contended site, in the 4.10+ and the bracketed wording", () => {
    const site = ["kworker/9:3/11249 is trying to contend lock (pmutex) at:", "[<ffffffff9e7e3817>] rtw_pwr_wakeup+0x17/0x60 [8723bu]"];
    const [r] = extract(contention("WARNING: bad contention detected!", site));
    expect(r).toMatchObject({ kind: "lockdep", title: "WARNING: bad contention in rtw_pwr_wakeup", guiltyFrame: "rtw_pwr_wakeup", kernelRelease: "6.11.0-rc2" });
    expect(r.altTitles).toContain("WARNING: bad contention detected!");
    const [old] = extract(contention("[ BUG: bad contention detected! ]", site));
    expect(old).toMatchObject({ kind: "lockdep", title: "BUG: bad contention in rtw_pwr_wakeup" });
    // A site in the lock primitive itself names the caller from the task's stack.
    const [prim] = extract(contention("WARNING: bad contention detected!", [site[0], "[<c067118c>] __mutex_lock+0x2e8/0x890"]));
    expect(prim).toMatchObject({ title: "WARNING: bad contention in netdev_open", guiltyFrame: "netdev_open" });
    // A paste cut after the `at:` line still says what it is.
    const [cut] = extract(contention("WARNING: bad contention detected!", [site[0]]).slice(0, 5));
    expect(cut).toMatchObject({ kind: "lockdep", kernelRelease: "6.11.0-rc2" });
  });

  it("reads the same levels when a paste flattened them onto the `at:` line", () => {
    const [r] = extract(unlockBalance([
      "repro/9655 is trying to release lock (&mm->mmap_lock) at: [<ffffffff81daa36f>] mmap_read_unlock include/linux/mmap_lock.h:173 [inline] [<ffffffff81daa36f>] do_migrate_pages+0x59f/0x700 mm/mempolicy.c:1196 but there are no more locks to release!",
    ]));
    expect(r).toMatchObject({ kind: "lockdep", title: "WARNING: bad unlock balance in do_migrate_pages", guiltyFrame: "do_migrate_pages" });
  });
});

describe("a sparc64 soft lockup in a syscall", () => {
  // The CPU loops faulting inside the syscall: the top frame changes from one report to the next (handle_mm_fault,
  // do_sparc64_fault), the syscall under linux_sparc_syscall (sparc64's entry, like ARM's ret_fast_syscall) does not.
  const lockup = (top: string[]) => [
    "[   96.384129] watchdog: BUG: soft lockup - CPU#8 stuck for 22s! [systemd-timesyn:739]",
    "[   96.384851] CPU: 8 PID: 739 Comm: systemd-timesyn Not tainted 5.5.0-rc1-00019-g251ec1c159e4 #2",
    "[   96.384986] TPC: <lock_acquire+0x1bc/0x1e0>",
    "[   96.385597] Call Trace:",
    ...top,
    "[   96.385720]  [0000000000407754] sparc64_realfault_common+0x10/0x20",
    "[   96.385769]  [000000000042fa28] __do_sys_sparc_clock_adjtime+0x28/0x80",
    "[   96.385819]  [00000000004307f0] sys_sparc_clock_adjtime+0x10/0x20",
    "[   96.385866]  [0000000000406294] linux_sparc_syscall+0x34/0x44",
  ];
  it("names the syscall above the entry, whatever the CPU was looping in", () => {
    const a = extract(lockup(["[   96.385624]  [0000000000652ca4] handle_mm_fault+0x84/0x320", "[   96.385668]  [0000000000b6f2bc] do_sparc64_fault+0x43c/0x820"]))[0];
    const b = extract(lockup(["[   96.385668]  [0000000000b6f2bc] do_sparc64_fault+0x43c/0x820"]))[0];
    expect(a).toMatchObject({ kind: "soft-lockup", title: "BUG: soft lockup in sparc_clock_adjtime", guiltyFrame: "sys_sparc_clock_adjtime" });
    expect(b.title).toBe(a.title);
  });
});

describe("a lockdep report whose lock site is the page-fault handler taking mmap_sem", () => {
  const circular = (site: string) => [
    "[ 6908.678746] WARNING: possible circular locking dependency detected",
    "[ 6908.678749] 5.2.1-gentoo #1 Not tainted",
    "[ 6908.678750] ------------------------------------------------------",
    "[ 6908.678752] brasero/1066 is trying to acquire lock:",
    `[ 6908.678754] 0000000087aec994 (&mm->mmap_sem#2){++++}, at: ${site}`,
    "[ 6908.678761] ",
    "               but task is already holding lock:",
    "[ 6908.678762] 0000000056293ac4 (sr_mutex){+.+.}, at: sr_block_ioctl+0x3a/0xc0 [sr_mod]",
    "[ 6908.678812] Call Trace:",
    "[ 6908.678833]  down_read+0x28/0xc0",
    "[ 6908.678838]  __do_page_fault+0x387/0x420",
  ];
  it("names the fault handler, as syzkaller's `possible deadlock in __do_page_fault` does", () => {
    expect(extract(circular("__do_page_fault+0x387/0x420"))[0]).toMatchObject({ title: "possible deadlock in __do_page_fault", guiltyFrame: "__do_page_fault" });
    expect(extract(circular("do_user_addr_fault+0x1e4/0x6a0"))[0]).toMatchObject({ title: "possible deadlock in do_user_addr_fault" });
  });
  it("still skips other exception plumbing at the site", () => {
    expect(extract(circular("exc_page_fault+0x70/0x170"))[0]).toMatchObject({ title: "possible deadlock in sr_block_ioctl" });
  });
});

describe("a hung task whose header a web page stripped of its digits", () => {
  // miaokee.com's copy of a 3.10 umount hang: `INFO: task umount: blocked for more than seconds.`, pid and timeout gone
  it("is still the hung task, named by its stack", () => {
    const [r] = extract([
      "[8556407.425047] INFO: task umount: blocked for more than seconds.",
      '[8556407.425653] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      "[8556407.426050] umount D ffff881fffdd47c0 0x00000080",
      "[8556407.426078] Call Trace:",
      "[8556407.426092] [<ffffffff8163e879>] schedule+0x29/0x70",
      "[8556407.426137] [<ffffffffa07c6cd1>] xfs_ail_push_all_sync+0xc1/0x110 [xfs]",
      "[8556407.426165] [<ffffffffa07b1b98>] xfs_unmountfs+0x68/0x190 [xfs]",
    ]);
    expect(r).toMatchObject({ kind: "hung-task", title: "INFO: task hung in xfs_ail_push_all_sync", guiltyFrame: "xfs_ail_push_all_sync" });
  });
});

describe("a hung task whose comm holds a space, on ARM with no `Call Trace:` line", () => {
  // ARM 4.x prints the frames right under the state line; the state line starts the stack. The comm is `%-15.15s`,
  // so `HCEC Notify     D    0 18535 …` is that line as much as `kworker/0:1     D    0  3293 …`.
  const hung = (comm: string) => [
    `[79869.927589] INFO: task ${comm}:18535 blocked for more than 120 seconds.`,
    "[79869.927613]       Not tainted 4.9.28-v7+ #998",
    '[79869.927622] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    `[79869.927633] ${comm.padEnd(15)} D    0 18535      1 0x00000005`,
    "[79869.927683] [<80713b70>] (__schedule) from [<80714094>] (schedule+0x50/0xa8)",
    "[79869.927705] [<80714094>] (schedule) from [<80717304>] (schedule_timeout+0x220/0x364)",
    "[79869.927727] [<80717304>] (schedule_timeout) from [<80715d48>] (__down+0x88/0xc0)",
    "[79869.927750] [<80715d48>] (__down) from [<8016ace8>] (down+0x54/0x68)",
    "[79869.927773] [<8016ace8>] (down) from [<805ff958>] (vchiq_release+0x134/0x31c)",
    "[79869.927798] [<805ff958>] (vchiq_release) from [<80271d4c>] (__fput+0x9c/0x1e8)",
  ];
  it("names the frame under the state line whatever the comm", () => {
    for (const comm of ["HCEC Notify", "HCECNotify", "C2 CompilerThre"]) {
      const [r] = extract(hung(comm));
      expect(r).toMatchObject({ kind: "hung-task", title: "INFO: task hung in vchiq_release", guiltyFrame: "vchiq_release" });
    }
  });
});

describe("a lockdep report from a ppc64 ELFv1 kernel, whose symbols carry the function descriptor's dot", () => {
  // `at: .tlbie+0x138/0x4c0`: the header's lock site names `tlbie`; the report was lost entirely when `{{FUNC}}` wanted a
  // letter right after `at: `.
  it("reads the lock site after `takes:` without the dot", () => {
    const [r] = extract([
      "WARNING: inconsistent lock state",
      "6.0.0-rc2-PMacG5 #2 Tainted: G                T ",
      "--------------------------------",
      "inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.",
      "swapper/0/1 [HC0[0]:SC0[0]:HE1:SE1] takes:",
      "c0000000024227f0 (native_tlbie_lock){+.?.}-{2:2}, at: .tlbie+0x138/0x4c0",
      "{IN-SOFTIRQ-W} state was registered at:",
      "  .lock_acquire+0x12c/0x4a0",
      "  ._raw_spin_lock+0x44/0x90",
      "  .tlbie+0x138/0x4c0",
      "stack backtrace:",
      "CPU: 1 PID: 1 Comm: swapper/0 Tainted: G                T  6.0.0-rc2-PMacG5 #2",
      "Call Trace:",
      "[c0000000039d7a60] [c000000000ddaa14] ._raw_spin_lock+0x44/0x90",
      "[c0000000039d7ae0] [c00000000005c678] .tlbie+0x138/0x4c0",
      "[c0000000039d7b90] [c000000000053568] .hash__change_memory_range+0x108/0x160",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "inconsistent lock state in tlbie", guiltyFrame: "tlbie" });
  });
});

describe("a lockdep report whose `[<address>]` columns a web page ate as HTML tags", () => {
  // A blog or archive that shows raw text as HTML drops every `<ffffffff…>`: `at: [] f+0x…/0x…`, `[] ? g+0x…`.
  it("still reads the lock site after the empty `[]`", () => {
    const [r] = extract([
      "[ 5403.140664] =================================",
      "[ 5403.140670] [ INFO: inconsistent lock state ]",
      "[ 5403.140674] 2.6.30-rc3-x86tip-tip #1",
      "[ 5403.140677] ---------------------------------",
      "[ 5403.140679] inconsistent {RECLAIM_FS-ON-W} -> {IN-RECLAIM_FS-W} usage.",
      "[ 5403.140683] kswapd0/260 [HC0[0]:SC0[0]:HE1:SE1] takes:",
      "[ 5403.140686]  (&inode->inotify_mutex){+.+.?.}, at: [] inotify_inode_is_dead+0x29/0x8a",
      "[ 5403.140698] {RECLAIM_FS-ON-W} state was registered at:",
      "[ 5403.140701]   [] 0xffffffffffffffff",
      "[ 5403.140775] stack backtrace:",
      "[ 5403.140778] Pid: 260, comm: kswapd0 Not tainted 2.6.30-rc3-x86tip-tip #1",
      "[ 5403.140781] Call Trace:",
      "[ 5403.140797]  [] ? mark_lock+0xfa/0x20a",
      "[ 5403.140812]  [] ? lock_acquire+0xc9/0xf5",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "inconsistent lock state in inotify_inode_is_dead", guiltyFrame: "inotify_inode_is_dead" });
  });
});

describe("lockdep's older exit-time report (`[ BUG: lock held at task exit time! ]`)", () => {
  it("is lockdep's, titled by the held lock's `at:` site", () => {
    const [r] = extract([
      "=====================================",
      "[ BUG: lock held at task exit time! ]",
      "-------------------------------------",
      "echo/28793 is exiting with locks still held!",
      "1 lock held by echo/28793:",
      " #0:  (pm_mutex){--..}, at: [<c013bfff>] enter_state+0x3f/0x170",
      "",
      "stack backtrace:",
      " [<c0103fea>] show_trace_log_lvl+0x1a/0x30",
      " [<c01045f2>] show_trace+0x12/0x20",
      " [<c01046a6>] dump_stack+0x16/0x20",
      " [<c0132377>] debug_check_no_locks_held+0x87/0x90",
      " [<c011c8bb>] do_exit+0x4db/0x820",
      " [<c011cc29>] do_group_exit+0x29/0x70",
      " [<c011cc7f>] sys_exit_group+0xf/0x20",
      " [<c010300e>] sysenter_past_esp+0x5f/0x99",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "BUG: lock held at task exit time in enter_state", guiltyFrame: "enter_state" });
  });

  it("is not the pre-lockdep mutex debugger's `BUG: comm/pid, lock held at task exit time!`", () => {
    const found = extract([
      "  BUG: nfsd/8973, lock held at task exit time!",
      "  [ee1fc398] {inode_init_once}",
      ".. held by:              nfsd: 8973 [f3462a70, 115]",
      "... acquired at:               nfsd_create_v3+0x127/0x48a",
    ]);
    expect(found.filter((f) => f.kind === "lockdep")).toHaveLength(0);
  });
});

describe("lockdep's `BUG: looking up invalid subclass: N`", () => {
  it("is lockdep's, titled by the first frame outside lockdep and the lock primitives", () => {
    const [r] = extract([
      "Oct 16 09:48:47 hv1 kernel: BUG: looking up invalid subclass: 8",
      "Oct 16 09:48:47 hv1 kernel: turning off the locking correctness validator.",
      "Oct 16 09:48:47 hv1 kernel: CPU: 8 PID: 13275 Comm: drbdsetup-84 Tainted: G            E      6.5.7 #23",
      "Oct 16 09:48:47 hv1 kernel: Call Trace:",
      "Oct 16 09:48:47 hv1 kernel: <TASK>",
      "Oct 16 09:48:47 hv1 kernel: dump_stack_lvl+0x60/0xa0",
      "Oct 16 09:48:47 hv1 kernel: look_up_lock_class+0x10b/0x150",
      "Oct 16 09:48:47 hv1 kernel: register_lock_class+0x48/0x500",
      "Oct 16 09:48:47 hv1 kernel: __lock_acquire+0x5f/0xb80",
      "Oct 16 09:48:47 hv1 kernel: lock_acquire.part.0+0x90/0x210",
      "Oct 16 09:48:47 hv1 kernel: ? lock_all_resources+0x5a/0x90 [drbd]",
      "Oct 16 09:48:47 hv1 kernel: _raw_spin_lock_nested+0x33/0x80",
      "Oct 16 09:48:47 hv1 kernel: lock_all_resources+0x5a/0x90 [drbd]",
      "Oct 16 09:48:47 hv1 kernel: drbd_adm_attach+0x748/0x1340 [drbd]",
      "Oct 16 09:48:47 hv1 kernel: genl_family_rcv_msg_doit.isra.0+0xe4/0x150",
    ]);
    expect(r).toMatchObject({ kind: "lockdep", title: "BUG: looking up invalid subclass in lock_all_resources", guiltyFrame: "lock_all_resources" });
  });
});

describe("a pre-4.10 lockdep report cut before its lock site", () => {
  it("is still lockdep's report, titled by its `[ INFO: … ]` header", () => {
    const found = extract([
      "[   20.451400] ======================================================",
      "[   20.451420] [ INFO: possible circular locking dependency detected ]",
      "[   20.451441] 4.3.0-rc5+ #1 Tainted: G        W",
      "[   20.451457] -------------------------------------------------------",
      "[   20.451477] plymouthd/371 is trying to acquire lock:",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "lockdep", title: "INFO: possible circular locking dependency detected", corrupted: true });
  });

  it("keeps the function when the lock site is there", () => {
    const found = extract([
      "[   42.362141] [ INFO: inconsistent lock state ]",
      "[   42.362146] 3.5.0 #1 Not tainted",
      "[   42.362147] ---------------------------------",
      "[   42.362148] inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.",
      "[   42.362150] kworker/u:0/5 [HC0[0]:SC0[0]:HE1:SE1] takes:",
      "[   42.362152]  (&(&q->lock)->rlock){+.?...}, at: [<ffffffffa008b57b>] foo_rx_reorder+0x2b/0x90 [foo]",
    ]);
    expect(found[0]).toMatchObject({ kind: "lockdep", title: "inconsistent lock state in foo_rx_reorder" });
    const cut = extract([
      "[   42.362141] [ INFO: inconsistent lock state ]",
      "[   42.362146] 3.5.0 #1 Not tainted",
      "[   42.362148] inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.",
      "[   42.362150] kworker/u:0/5 [HC0[0]:SC0[0]:HE1:SE1] takes:",
    ]);
    expect(cut[0]).toMatchObject({ kind: "lockdep", title: "INFO: inconsistent lock state", corrupted: true });
  });
});

describe("kmemleak records without syz-manager's `BUG: memory leak` line", () => {
  const record = (addr: string, frames: string[]) => [
    `unreferenced object 0x${addr} (size 64):`,
    '  comm "modprobe", pid 412, jiffies 4294901234 (age 88.120s)',
    "  hex dump (first 32 bytes):",
    "    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................",
    "  backtrace:",
    ...frames.map((f, i) => `    [<ffffffff8100${(i + 10).toString(16)}00>] ${f}`),
  ];

  it("reads each record of a `cat /sys/kernel/debug/kmemleak` dump as a leak titled by the allocating caller", () => {
    const reports = extract([
      ...record("ffff888012345600", ["__kmalloc_track_caller+0x1a0/0x2c0", "kstrdup+0x31/0x60", "kobject_set_name_vargs+0x25/0x90", "foo_register+0x44/0x120", "do_one_initcall+0x40/0x200"]),
      ...record("ffff888012345700", ["kmem_cache_alloc+0xc0/0x230", "prepare_creds+0x26/0xe0", "do_execveat_common+0xd7/0x6e0"]),
    ]);
    expect(reports.map((r) => [r.kind, r.title, r.guiltyFrame])).toEqual([
      ["memory-leak", "memory leak in foo_register", "foo_register"],
      ["memory-leak", "memory leak in prepare_creds", "prepare_creds"],
    ]);
  });

  it("keeps a record under syz-manager's `BUG: memory leak` line one report", () => {
    const reports = extract(["BUG: memory leak", ...record("ffff888012345800", ["kmem_cache_alloc+0xc0/0x230", "prepare_creds+0x26/0xe0"])]);
    expect(reports.map((r) => r.title)).toEqual(["memory leak in prepare_creds"]);
  });

  it("skips a module's own allocation wrappers, which are otherwise always the culprit", () => {
    const [leak] = extract(record("ffff888012345900", ["__kmalloc+0x13c/0x330", "kmalloc+0x9/0x10 [foo_core]", "generic_alloc+0x21/0xe0 [foo_core]", "foo_table_dump+0x10/0x50 [foo_ipcp]", "foo_mgmt_post+0x159/0x2f0 [foo_ipcp]"]));
    expect(leak).toMatchObject({ title: "memory leak in foo_table_dump", guiltyFrame: "foo_table_dump" });
  });

  it("reads kmemleak's console records, every line behind its `kmemleak:` prefix, as reports of their own under an earlier BUG line", () => {
    const console = (addr: string, fn: string) => [
      `[  263.201211] kmemleak: unreferenced object 0x${addr} (size 192):`,
      '[  263.201781] kmemleak:   comm "ip", pid 730, jiffies 4294937874 (age 257.270s)',
      "[  263.204484] kmemleak:   backtrace:",
      "[  263.204814] kmemleak:     [<ffffffff830a2946>] kmalloc_trace+0x26/0x90",
      `[  263.205440] kmemleak:     [<ffffffff837e8310>] ${fn}+0xa0/0x240`,
      "[  263.206134] kmemleak:     [<ffffffff837e9a9b>] ip_mc_up+0x4b/0xb0",
    ];
    const reports = extract([
      "BUG: memory leak",
      ...record("ffff888012345b00", ["kmem_cache_alloc+0xc0/0x230", "prepare_creds+0x26/0xe0"]),
      "",
      ...console("ffff9ceb047d9948", "foo_mc_inc_group"),
      ...console("ffff9ceb03ad5400", "foo_add_addr"),
    ]);
    expect(reports.map((r) => [r.title, r.guiltyFrame])).toEqual([
      ["memory leak in prepare_creds", "prepare_creds"],
      ["memory leak in foo_mc_inc_group", "foo_mc_inc_group"],
      ["memory leak in foo_add_addr", "foo_add_addr"],
    ]);
  });

  it("reads a record quoted from its `backtrace:` line on (header and comm cut) as a leak, and nothing else as one", () => {
    const frames = ["kmem_cache_alloc_trace+0x119/0x290", "bpf_prog_store_orig_filter+0x4f/0xd0", "bpf_prog_create_from_user+0xf2/0x170", "do_seccomp+0x206/0x10e0"];
    const cut = record("ffff888012345c00", frames).slice(3);
    // as a terminal pasted it: each line padded with spaces to the screen's width
    const [leak, ...rest] = extract(cut.map((l) => l.padEnd(140)));
    expect(rest).toHaveLength(0);
    expect(leak).toMatchObject({ kind: "memory-leak", title: "memory leak in bpf_prog_store_orig_filter", guiltyFrame: "bpf_prog_store_orig_filter" });
    // 6.x prints the backtrace's checksum; a whole record still gives one report, not one more for its backtrace
    const crc = record("ffff888012345d00", frames).map((l) => l.replace("backtrace:", "backtrace (crc 6e8a4bd3):"));
    expect(extract(crc.slice(4)).map((r) => r.title)).toEqual(["memory leak in bpf_prog_store_orig_filter"]);
    expect(extract(crc).map((r) => r.title)).toEqual(["memory leak in bpf_prog_store_orig_filter"]);
    // other lines saying backtrace are no leak: lockdep's, an NMI backtrace, a bare line without frames
    expect(extract(["stack backtrace:", "CPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1", "  backtrace:", "nothing here"])).toHaveLength(0);
    expect(extract(["NMI backtrace for cpu 1", "  backtrace:"])).toHaveLength(0);
  });

  it("titles a record cut before its frames `corrupted`, as syzkaller titles a leak without a stack", () => {
    const [leak] = extract(record("ffff888012345a00", []));
    expect(leak).toMatchObject({ kind: "memory-leak", title: "memory leak in corrupted" });
  });
});

describe("a panic message in a paste that lost its line breaks", () => {
  it("ends before the next record glued onto its line (dmesg stamp, printk caller id, console level)", () => {
    const glued = (next: string) =>
      extract([`0x1e4 [ 2052.051866][ T1668] ---[ end trace 5a027cdb2540a822 ]--- [ 2052.051868][ T1668] Kernel panic - not syncing: Oops: Fatal exception ${next} SMP: stopping secondary CPUs`]);
    for (const next of ["[ 2052.051872][ T1668]", "[ 2052.051872]", "<0>[ 2052.051872]"]) {
      const [f] = glued(next);
      expect(f).toMatchObject({ kind: "panic", title: "kernel panic: Oops: Fatal exception" });
    }
  });

  it("keeps a message that only mentions brackets or numbers whole", () => {
    const [f] = extract(["[   10.855312] Kernel panic - not syncing: Requested init /sbin/init failed (error -2) [retry 1.5]"]);
    expect(f.title).toBe("kernel panic: Requested init /sbin/init failed (error -NUM) [retry NUM.NUM]");
    const [g] = extract(["[    3.100000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(8,3) [sda3]"]);
    expect(g.title).toBe("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM) [sda3]");
  });
});

describe("a root-fs panic line a terminal cut at its width", () => {
  it("titles the fixed VFS message in full when it was cut inside `unknown-block(`", () => {
    // Xilinx/Vitis-AI#113: an 80-column screen copy cut the panic line, keeping its last character.
    const [f] = extract([
      "[    4.474508] Kernel panic - not syncing: VFS: Unable to mount root fs on unkn)",
      "[    4.482933] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 5.4.0-xilinx-v2020.1 #1",
      "[    4.495004] Call trace:                                                      ",
      "[    4.507696]  panic+0x148/0x314                                               ",
      "[    4.510734]  mount_block_root+0x1d4/0x288                                    ",
      "[    4.514725]  mount_root+0x128/0x15c                                          ",
    ]);
    expect(f).toMatchObject({ kind: "panic", title: "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)", guiltyFrame: "mount_block_root" });
    // 6.x names the root= device first; a cut without a stack after it, and a cut that kept no last character.
    const [g] = extract(['[    7.620629] Kernel panic - not syncing: VFS: Unable to mount root fs on "/dev/ram0" or unknown-blo)']);
    expect(g.title).toBe('kernel panic: VFS: Unable to mount root fs on "/dev/ram0" or unknown-block(NUM,NUM)');
    const [h] = extract(["[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-bl"]);
    expect(h.title).toBe("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)");
  });

  it("keeps a whole message, and any other cut message, as printed", () => {
    const [f] = extract(["[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(179,2)"]);
    expect(f.title).toBe("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)");
    const [g] = extract(["[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on mmcblk0p2"]);
    expect(g.title).toBe("kernel panic: VFS: Unable to mount root fs on mmcblk0p2");
    const [h] = extract(["[    1.000000] Kernel panic - not syncing: No working init found.  Try passing init= option to kern)"]);
    expect(h.title).toBe("kernel panic: No working init found. Try passing init= option to kern)");
  });
});

describe("a WARNING header whose location was cut short", () => {
  it("names the function that warned from the stack under it (ARM unwinder, x86 RIP), marked corrupted", () => {
    // balena-os/balena-os#58: a console cut the 3.14 header after its file; a journalctl pager chops long amdgpu paths.
    const [arm] = extract([
      "[  324.860938] WARNING: CPU: 0 PID: 1 at /home/b/build/tmp/work-shared/cubox-i/kernel-source/kernel/time/tick-broadcast.c:)",
      "[  324.878927] Modules linked in: xt_connmark iptable_mangle bluetooth",
      "[  324.906834] CPU: 0 PID: 1 Comm: systemd-shutdow Not tainted 3.14.14+gea83bda #1",
      "[  324.914171] [<80015438>] (unwind_backtrace) from [<800116f0>] (show_stack+0x10/0x14)",
      "[  324.921931] [<800116f0>] (show_stack) from [<807b8058>] (dump_stack+0x88/0x98)",
      "[  324.929168] [<807b8058>] (dump_stack) from [<8002ba38>] (warn_slowpath_common+0x70/0x8c)",
      "[  324.937268] [<8002ba38>] (warn_slowpath_common) from [<8002baf0>] (warn_slowpath_null+0x1c/0x24)",
      "[  324.946062] [<8002baf0>] (warn_slowpath_null) from [<8007f944>] (tick_handle_oneshot_broadcast+0x1d4/0x1f0)",
      "[  324.955816] [<8007f944>] (tick_handle_oneshot_broadcast) from [<80022238>] (mxc_timer_interrupt+0x2c/0x34)",
    ]);
    expect(arm).toMatchObject({ kind: "warning", title: "WARNING in tick_handle_oneshot_broadcast", guiltyFrame: "tick_handle_oneshot_broadcast", corrupted: true });

    const [x86] = extract([
      "Jun 03 10:00:00 host kernel: WARNING: CPU: 8 PID: 553 at drivers/gpu/drm/amd/amdgpu/../display/dc/dcn32/dcn32_resource_h>",
      "Jun 03 10:00:00 host kernel: CPU: 8 PID: 553 Comm: (udev-worker) Not tainted 6.3.5-201.fsync.fc37.x86_64 #1",
      "Jun 03 10:00:00 host kernel: RIP: 0010:dcn32_determine_det_override+0x11e/0x370 [amdgpu]",
      "Jun 03 10:00:00 host kernel: Call Trace:",
      "Jun 03 10:00:00 host kernel:  <TASK>",
      "Jun 03 10:00:00 host kernel:  dcn32_populate_dml_pipes_from_context+0x5d1/0x9b0 [amdgpu]",
    ]);
    expect(x86).toMatchObject({ kind: "warning", title: "WARNING in dcn32_determine_det_override", corrupted: true });

    // Without a stack nearby such a line is no report, as the catch-all `WARNING: …` format has it.
    expect(extract(["[  324.860938] WARNING: CPU: 0 PID: 1 at /home/b/kernel-source/kernel/time/tick-broadcast.c:)", "[  324.878927] Modules linked in: xt_connmark"])).toEqual([]);
  });

  it("takes a kallsyms-less header (`at 0x…` and nothing more) as a whole WARNING, stack or not", () => {
    // openwrt/openwrt#16821: x86-64 OpenWrt without kallsyms; the posted excerpt stops in the module list
    const [r] = extract([
      "Wed Oct 30 14:05:06 2024 kern.warn kernel: [   40.976285] ------------[ cut here ]------------",
      "Wed Oct 30 14:05:06 2024 kern.warn kernel: [   40.985839] WARNING: CPU: 1 PID: 0 at 0xffffffffa0483659",
      "Wed Oct 30 14:05:06 2024 kern.warn kernel: [   40.996126] Modules linked in: ath9k ath9k_common pppoe ppp_async",
    ]);
    expect(r).toMatchObject({ kind: "warning" });
    // an address that goes on (`at 0x860546a4 [mt7603e@…]`, a cut path) is not this form
    expect(extract(["[    1.0] WARNING: CPU: 0 PID: 1 at 0xffffffffa0483659abc/kernel/x.c:)", "[    1.1] Modules linked in: x"])).toEqual([]);
  });
});
