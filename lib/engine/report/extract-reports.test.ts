import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { CLASSES, CRASH_PANIC_CLASS, REPORT_LINE_TRIGGER, REPORT_PREFILTER } from "./classes";
import { extractReports, parseReport } from "./extract-reports";

function extract(text: string) {
  const ctx = createLineContext(0, 2024);
  const lines = text.split("\n").map((l, i) => parseLine(l, i + 1, ctx));
  return extractReports(lines, { fileName: "t.log" });
}

describe("extractReports", () => {
  it("reads the frames of a paste that lost its `Call Trace:` line for the display title; syzkaller's stays corrupted", () => {
    const log = [
      "[  41.000001] UBSAN: array-index-out-of-bounds in drivers/net/foo/foo_main.c:321:9",
      "[  41.000002] index 8 is out of range for type 'u8 [8]'",
      "[  41.000003] CPU: 1 PID: 77 Comm: kworker/1:2 Tainted: G           O      6.1.0 #1",
      "[  41.000004] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)",
      "[  41.000005]  dump_stack_lvl+0x48/0x60",
      "[  41.000006]  __ubsan_handle_out_of_bounds+0xc7/0x100",
      "[  41.000007]  foo_parse_caps+0x1b2/0x1d0 [foo]",
      "[  41.000008]  foo_rx+0x33/0x90 [foo]",
      "[  41.000009]  process_one_work+0x1c4/0x380",
    ];
    const [cut] = extract(log.join("\n"));
    expect(cut.title).toBe("UBSAN: array-index-out-of-bounds in foo_parse_caps");
    expect(cut.syzkallerTitle).toBe("UBSAN: array-index-out-of-bounds in corrupted");
    expect(cut.guiltyFrame).toBe("foo_parse_caps");
    // With its `Call Trace:` line the report reads the same frame and needs no fallback.
    const [whole] = extract([...log.slice(0, 4), "[  41.000004] Call Trace:", ...log.slice(4)].join("\n"));
    expect(whole.title).toBe("UBSAN: array-index-out-of-bounds in foo_parse_caps");
    expect(whole.syzkallerTitle ?? whole.title).toBe("UBSAN: array-index-out-of-bounds in foo_parse_caps");
  });

  it("names a stackless BUG's function from a RIP line whose address pair Markdown turned into a link", () => {
    // Shape of Qubes OS issues migrated from Trac (testdata/real/bug/b8-gh-qubes-733-…-set-phys-to-machine.log).
    const damaged = `[   37.348243] kernel BUG at /home/user/qubes-src/kernel/kernel-3.7.6/linux-3.7.6/arch/x86/xen/p2m.c:545!
[   37.348251] invalid opcode: 0000 [SMP 
[   37.348258](#1]) Modules linked in: xen_netfront xen_blkfront
[   37.348329] Pid: 4, comm: kworker/0:0 Tainted: G           O 3.7.6-2.pvops.qubes.x86_64 #1  
[   37.348337] RIP: e030:[ [<ffffffff8100b065>](<ffffffff8100b065>]) set_phys_to_machine+0x255/0x270`;
    expect(extract(damaged)[0]).toMatchObject({ title: "kernel BUG in set_phys_to_machine", guiltyFrame: "set_phys_to_machine" });
  });

  it("reads a RIP line whose `<address>` pair an HTML renderer ate (`RIP: 0010:[] [] f+0x…`)", () => {
    // Shape of an openzfs issue (testdata/real/soft-lockup/hang10-gh-zfs-1221-…-smp-call-function-many.log): the
    // tracker dropped `<ffffffff…>` as unknown tags, the stall has no Call Trace, so the RIP is its only frame.
    const soft = [
      "kernel:BUG: soft lockup - CPU#0 stuck for 67s! [spl_kmem_cache/:1003]",
      "",
      "kernel: RIP: 0010:[] [] smp_call_function_many+0x1ee/0x260",
      "kernel: RSP: 0018:ffff88082ae39d60 EFLAGS: 00000202",
      "kernel: RAX: 0000000000000030 RBX: ffff88082ae39da0 RCX: 0000000000000830",
    ].join("\n");
    expect(extract(soft)[0]).toMatchObject({ title: "BUG: soft lockup in smp_call_function", guiltyFrame: "smp_call_function_many" });
    // The same line with its addresses reads alike; an emptied pair before a bare address (user space) names nothing.
    const whole = soft.replace("[] []", "[<ffffffff810bbe2e>]  [<ffffffff810bbe2e>]");
    expect(extract(whole)[0]).toMatchObject({ title: "BUG: soft lockup in smp_call_function", guiltyFrame: "smp_call_function_many" });
    const user = soft.replace("[] [] smp_call_function_many+0x1ee/0x260", "[] [] 0x7f3c2a1b4c5d");
    expect(extract(user)[0].guiltyFrame).toBeUndefined();
  });

  it("names the function ksymoops decoded (`>>EIP;`) when the oops' own EIP line is a bare address", () => {
    // Shape of a 2.6.10 lkml post (testdata/real/paging-fault/lore-lkml-2.6.10-fc2-nfsd-vfs-readlink-ksymoops.log).
    const oops = [
      "Unable to handle kernel paging request at virtual address ff890000",
      "c0173bb3",
      "*pde = 00003067",
      "Oops: 0000 [#1]",
      "CPU:    0",
      "EIP:    0060:[<c0173bb3>]    Not tainted VLI",
      "EFLAGS: 00010286   (2.6.10-1.12_FC2) ",
      "Call Trace:",
      " [<c0173c20>] generic_readlink+0x45/0x68",
      " [<f8a7c922>] nfsd_readlink+0x65/0x81 [nfsd]",
      "Code: 0f 97 c0 89 f3 85 c0 75 26 83 c9 ff 89 f7 <f2> ae f7 d1 49 39 d1 89",
    ];
    const decoded = ["", "", ">>EIP; c0173bb3 <vfs_readlink+22/4a>   <=====", "", "Trace; c0173c20 <generic_readlink+45/68>", "Trace; f882562d <END_OF_CODE+383e662d/????>"];
    const [report] = extract([...oops, ...decoded].join("\n"));
    expect(report.guiltyFrame).toBe("vfs_readlink");
    expect(report.title).toBe("BUG: unable to handle kernel paging request in vfs_readlink");
    // Without ksymoops' lines only the kernel's own trace names a function: its first frame.
    const [raw] = extract(oops.join("\n"));
    expect(raw.guiltyFrame).toBe("generic_readlink");
  });

  it("reads ksymoops' prefix-less decode under a syslog-prefixed oops as the report's", () => {
    // Shape of a 2.4.20 lkml post (testdata/real/paging-fault/old39-lkml-2.4.20-kmem-cache-alloc-batch-outlook-wrapped-syslog.log):
    // ksymoops copies the syslog lines it reads and decodes their addresses below, without the prefix.
    const p = "May 20 09:45:47 nicebox kernel: ";
    const log = [
      `${p}Unable to handle kernel paging request at virtual address 292b2b34`,
      `${p}c013593c`,
      `${p}*pde = 00000000`,
      `${p}Oops: 0002`,
      `${p}CPU:    1`,
      `${p}EIP:    0010:[<c013593c>]    Not tainted`,
      `${p}EFLAGS: 00210056`,
      `${p}Process ffnext (pid: 1911, stackpage=d6097000)`,
      `${p}Call Trace:    [<c01365bb>] [<c0150b7c>] [<c0150c92>] [<c012e173>] [<c010770f>]`,
      `${p}Code: 89 42 04 8b 45 00 89 48 04 89 01 89 69 04 89 4d 00 eb b1 8b`,
      "",
      "",
      ">>EIP; c013593c <kmem_cache_alloc_batch+9c/e0>   <=====",
      "",
      "Trace; c01365bb <__kmem_cache_alloc+5b/140>",
      "Trace; c0150b7c <select_bits_alloc+1c/20>",
      "Trace; c0150c92 <sys_select+102/4e0>",
    ];
    const [report] = extract(log.join("\n"));
    expect(report.kernelRelease).toBeUndefined();
    // The post's ksymoops header above the oops names the release it decoded for (the oops printed none); the
    // scanner gives a window's host-less lines its only host (scan-input.ts), as here.
    const header = ["ksymoops 2.4.5 on i686 2.4.20.  Options used", "     -V (default)", "     -o /lib/modules/2.4.20/ (default)", ""];
    const ofHost = (texts: string[]) => {
      const ctx = createLineContext(0, 2024);
      const lines = texts.map((l, i) => parseLine(l, i + 1, ctx));
      for (const l of lines) l.host ??= "nicebox";
      return extractReports(lines, { fileName: "t.log" });
    };
    expect(ofHost([...header, ...log])[0]).toMatchObject({ kernelRelease: "2.4.20", releaseSource: "inferred-uname" });
    // …or below it, when the post quotes the raw oops before ksymoops' output.
    expect(ofHost([...log, "", ...header])[0].kernelRelease).toBe("2.4.20");
    // kmem_cache_alloc_batch and __kmem_cache_alloc are the allocator: their caller is named.
    expect(report).toMatchObject({ title: "BUG: unable to handle kernel paging request in select_bits_alloc", guiltyFrame: "select_bits_alloc" });
    // Other prefix-less text between the lines stays out of the report (shell output, prose).
    const withProse = extract([...log.slice(0, 12), "I have no idea what ffnext does", ...log.slice(12)].join("\n"))[0];
    expect(withProse.report).not.toContain("I have no idea what ffnext does");
    expect(withProse.guiltyFrame).toBe("select_bits_alloc");
  });

  it("titles a stackless `Kernel BUG at f+0x…/0x…` by its site for display, not when the site is a helper BUGging for its caller", () => {
    const bug = (site: string, more: string[] = []) =>
      extract(
        [
          "[  101.132214] ------------[ cut here ]------------",
          `[  101.132215] Kernel BUG at ${site} [verbose debug info unavailable]`,
          "[  101.132278] Oops: invalid opcode: 0000 [#1] SMP NOPTI",
          "[  101.132306] CPU: 0 UID: 0 PID: 6637 Comm: bcachefs Tainted: G        W  OE       6.16.8-x64v3-xanmod1 #0",
          ...more,
        ].join("\n"),
      )[0];
    const site = bug("jbd2_journal_forget+0x1c2/0x1d0");
    expect(site.title).toBe("kernel BUG in jbd2_journal_forget");
    expect(site.syzkallerTitle).toBe("kernel BUG in corrupted");
    // testdata/real/bug/gh3-bcachefs-tools-426-…: FORTIFY_SOURCE's panic helper is not where the overflow is.
    expect(bug("__fortify_panic+0x9/0x10").title).toBe("kernel BUG in corrupted");
    // With the stack the caller names it (luigirizzo/netmap#976's shape), and an address-only site changes nothing.
    const stacked = bug("fortify_panic+0xf/0x20", ["[  101.132400] Call Trace:", "[  101.132401]  <TASK>", "[  101.132402]  ? die+0x2d/0x80", "[  101.132403]  ? fortify_panic+0xf/0x20", "[  101.132404]  tc_configure+0x561/0x570 [netmap]"]);
    expect(stacked.title).toBe("kernel BUG in tc_configure");
    expect(bug("ffffffffa039857b").title).toBe("kernel BUG in corrupted");
  });

  it("does not read a bad page's generic call trace as page_owner's missing allocation stack", () => {
    const [bad] = extract([
      "[  52.000001] BUG: Bad page state in process kworker/0:1  pfn:1a2b3",
      "[  52.000002] page:ffffea000068acc0 refcount:0 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x1a2b3",
      "[  52.000003] CPU: 0 PID: 9 Comm: kworker/0:1 Not tainted 6.1.0 #1",
      "[  52.000004]  dump_stack_lvl+0x48/0x60",
      "[  52.000005]  bad_page.cold+0x63/0x94",
      "[  52.000006]  handle_pte_fault+0x2b1/0x2c0",
    ].join("\n"));
    expect(bad.title).toBe("BUG: Bad page state");
  });

  it("a WARNING interleaved with another CPU's oops keeps its header's function, not the other task's RIP", () => {
    const log = [
      "[437766.967550] BUG: kernel NULL pointer dereference, address: 0000000000000008",
      "[437766.971568] WARNING: CPU: 8 PID: 1694575 at mm/filemap.c:979 filemap_add_folio+0x92/0xa0",
      "[437766.978839] #PF: supervisor write access in kernel mode",
      "[437766.978847] Oops: 0002 [#1] PREEMPT SMP NOPTI",
      "[437766.978851] CPU: 56 PID: 3242009 Comm: containerd-shim Not tainted 6.6.95-flatcar #1",
      "[437766.978855] RIP: 0010:__rmqueue_pcplist+0x24c/0x6b0",
      "[437766.978864] RSP: 0000:ffffaf2a64333b58 EFLAGS: 00010006",
    ].join("\n");
    const warning = extract(log).find((f) => f.kind === "warning");
    expect(warning?.title).toBe("WARNING in filemap_add_folio");
    // The oops cut by the WARNING's header reads the body below it: the other task's is its own.
    expect(extract(log).find((f) => f.kind === "null-deref")?.title).toBe("BUG: unable to handle kernel NULL pointer dereference in __rmqueue_pcplist");
    // The same WARNING on its own task keeps reading its stack, and the oops cut by it reads none of it.
    const ownTask = extract(log.replace("CPU: 56 PID: 3242009", "CPU: 8 PID: 1694575"));
    expect(ownTask.find((f) => f.kind === "warning")?.title).toBe("WARNING in __rmqueue_pcplist");
    expect(ownTask.find((f) => f.kind === "null-deref")?.title).toBe("BUG: unable to handle kernel NULL pointer dereference in corrupted");
  });

  it("splits two reports and attaches the panic tail to the one it ends", () => {
    const found = extract([
      "[  10.000000] some context",
      "[  10.100000] WARNING: CPU: 0 PID: 1 at net/core/dev.c:12 dev_foo+0x1/0x2",
      "[  10.100001] RIP: 0010:dev_foo+0x1/0x2",
      "[  10.100002] Call Trace:",
      "[  10.100003]  dev_bar+0x1/0x2",
      "[  10.100004] ---[ end trace 0123456789abcdef ]---",
      "[  20.000000] BUG: unable to handle page fault for address: ffffffffffffffe8",
      "[  20.000001] #PF: supervisor read access in kernel mode",
      "[  20.000002] Oops: 0000 [#1] SMP",
      "[  20.000003] RIP: 0010:tcp_close+0x10/0x20",
      "[  20.000004] Call Trace:",
      "[  20.000005]  inet_release+0x1/0x2",
      "[  20.000006] Kernel panic - not syncing: Fatal exception",
    ].join("\n"));
    expect(found.map((f) => f.title)).toEqual(["WARNING in dev_foo", "BUG: unable to handle kernel paging request in tcp_close"]);
    expect(found[0].panicked).toBe(false);
    expect(found[1]).toMatchObject({ panicked: true, panicMessage: "Fatal exception", kind: "paging-fault", altTitles: ["bad-access in tcp_close"] });
    expect(found[0].source).toEqual({ file: "t.log", line: 2, endLine: 6 });
    expect(found[0]).toMatchObject({ sourceFile: "net/core/dev.c", sourceLine: 12, uptime: 10.1 });
  });

  it("only a WARN header with a source line owns the lines after it; a driver's `WARNING:` notice leaves the next oops its own", () => {
    // Old-style WARN (2.6/3.x): the WARN message comes right after the header and is no second report.
    const oldStyle = extract([
      "[  100.000001] WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x9c/0xd0()",
      "[  100.000002] Watchdog detected hard LOCKUP on cpu 5",
      "[  100.000004] Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1",
      "[  100.000005] Call Trace:",
      "[  100.000006]  <NMI>  [<ffffffff81071f97>] ? warn_slowpath_common+0x87/0xc0",
      "[  100.000008]  [<ffffffff810e6b6c>] ? watchdog_overflow_callback+0x9c/0xd0",
    ].join("\n"));
    expect(oldStyle).toHaveLength(1);
    // Real shape (CoreOS on AWS Xen PV): blkfront's grant-table notice, then the oops that panicked the guest.
    const notice = extract([
      "[47998480.571090] xen:grant_table: WARNING: g.e. 0xa still in use!",
      "[47998480.571168] BUG: unable to handle kernel paging request at ffff970000000848",
      "[47998480.571184] IP: [<ffffffff811b6c89>] handle_mm_fault+0x1a9/0x14c0",
      "[47998480.571209] Oops: 0000 [#1] SMP",
    ].join("\n"));
    expect(notice.map((f) => [f.kind, f.title])).toEqual([["paging-fault", "BUG: unable to handle kernel paging request in handle_mm_fault"]]);
  });

  it("a 5.1+ x86 page fault whose `BUG:` header a paste cut is a page fault, a NULL dereference when CR2 says so", () => {
    const cut = (cr2?: string) =>
      extract(
        [
          "[195901.281062] #PF: supervisor read access in kernel mode",
          "[195901.281088] #PF: error_code(0x0000) - not-present page",
          "[195901.281112] PGD 0 P4D 0 ",
          "[195901.281129] Oops: 0000 [#1] SMP NOPTI",
          "[195901.281150] CPU: 0 PID: 664 Comm: arc_evict Tainted: P           O      5.15.30-2-pve #1",
          "[195901.281238] RIP: 0010:buf_hash_remove+0x7c/0xb0 [zfs]",
          "[195901.281433] RSP: 0018:ffffaf6841c1bcf8 EFLAGS: 00010206",
          ...(cr2 ? [`[195901.281500] CR2: ${cr2} CR3: 000000010a9c8000 CR4: 00000000003506f0`] : []),
        ].join("\n"),
      ).map((f) => [f.kind, f.title]);
    expect(cut()).toEqual([["paging-fault", "BUG: unable to handle kernel paging request in buf_hash_remove"]]);
    expect(cut("ffff970000000848")).toEqual([["paging-fault", "BUG: unable to handle kernel paging request in buf_hash_remove"]]);
    expect(cut("0000000000000008")).toEqual([["null-deref", "BUG: unable to handle kernel NULL pointer dereference in buf_hash_remove"]]);
    // With its header, the header decides (and the report is one, not two).
    const headed = extract(
      [
        "[  12.000001] BUG: kernel NULL pointer dereference, address: 0000000000000008",
        "[  12.000002] #PF: supervisor read access in kernel mode",
        "[  12.000003] #PF: error_code(0x0000) - not-present page",
        "[  12.000004] PGD 0 P4D 0 ",
        "[  12.000005] Oops: 0000 [#1] SMP NOPTI",
        "[  12.000006] RIP: 0010:tcp_close+0x10/0x20",
      ].join("\n"),
    );
    expect(headed.map((f) => [f.kind, f.title])).toEqual([["null-deref", "BUG: unable to handle kernel NULL pointer dereference in tcp_close"]]);
  });

  it("a 5.1+ page fault cut one line lower, at `#PF: error_code`, is still a page fault, CR2 deciding NULL or not", () => {
    const cut = (cr2: string, first = "[   10.772656] #PF: error_code(0x0010) - not-present page") =>
      extract(
        [
          first,
          "[   10.772656] PGD 0 P4D 0 ",
          "[   10.772656] Oops: Oops: 0010 [#1] SMP",
          "[   10.772656] CPU: 0 UID: 0 PID: 0 Comm: swapper/0 Tainted: G        W  O       6.12.48-0-lts #1-Alpine",
          "[   10.772656] RIP: 0010:0x100000008",
          `[   10.772656] CR2: ${cr2} CR3: 000000000308d000 CR4: 00000000003506b0`,
          "[   10.772656] Call Trace:",
          "[   10.772656]  <IRQ>",
          "[   10.772656]  ? rtw_pci_enable_interrupt+0x71/0x90 [rtw_pci]",
          "[   10.772656]  ? rtw_pci_napi_poll+0x96/0x160 [rtw_pci]",
        ].join("\n"),
      ).map((f) => [f.kind, f.title]);
    expect(cut("0000000100000008")).toEqual([["paging-fault", "BUG: unable to handle kernel paging request in rtw_pci_enable_interrupt"]]);
    expect(cut("0000000000000008")).toEqual([["null-deref", "BUG: unable to handle kernel NULL pointer dereference in rtw_pci_enable_interrupt"]]);
    // A kept access line still decides: user mode is an access to user memory, not the error-code row's paging request.
    const user = extract(
      [
        "[   10.772655] #PF: supervisor read access in user mode",
        "[   10.772656] #PF: error_code(0x0000) - not-present page",
        "[   10.772656] Oops: 0000 [#1] SMP",
        "[   10.772656] RIP: 0010:foo_ioctl+0x10/0x20 [foo]",
        "[   10.772656] Call Trace:",
        "[   10.772656]  foo_ioctl+0x10/0x20 [foo]",
      ].join("\n"),
    );
    expect(user.map((f) => f.title)).toEqual(["BUG: unable to handle kernel access to user memory in foo_ioctl"]);
  });

  it("a hung-task header cut inside its tail is a hung task (corrupted), not an unrecognised INFO report", () => {
    for (const cut of ["blocked", "blocked for mo", "blocked for more than 12", "blocked for more than 120 sec"]) {
      const found = extract(`[  700.000001] INFO: task postgres:4242 ${cut}`);
      expect(found.map((f) => [f.kind, f.title])).toEqual([["hung-task", "INFO: task hung in corrupted"]]);
    }
    // a word that only starts like the tail is another message
    expect(extract("[  700.000001] INFO: task postgres:4242 blocked forever").map((f) => f.kind)).not.toContain("hung-task");
  });

  it("a hung-task report whose header line was lost after another's is a report of its own, with its taint line", () => {
    const report = (t: string, task: string, header: boolean) => [
      ...(header ? [`[  600.${t}01] INFO: task ${task} blocked for more than 120 seconds.`] : []),
      `[  600.${t}02]       Tainted: G        W         5.0.0-19-generic #20-Ubuntu`,
      `[  600.${t}03] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.`,
      `[  600.${t}04] ${task.split(":")[0]}   D    0  7088      2 0x80000000`,
      `[  600.${t}05] Call Trace:`,
      `[  600.${t}06]  __schedule+0x2d0/0x840`,
      `[  600.${t}07]  schedule+0x2c/0x70`,
      `[  600.${t}08]  dma_fence_default_wait+0x20a/0x280`,
      `[  600.${t}09]  drm_atomic_helper_wait_for_fences+0x3f/0xc0 [drm_kms_helper]`,
      `[  600.${t}10]  nv50_disp_atomic_commit_tail+0x78/0x870 [nouveau]`,
      `[  600.${t}11]  ret_from_fork+0x35/0x40`,
    ];
    const found = extract([...report("1", "kworker/u16:9:7088", true), ...report("2", "kworker/u16:7:10297", false)].join("\n"));
    expect(found.map((f) => [f.title, f.corrupted, f.kernelRelease])).toEqual([
      ["INFO: task hung in drm_atomic_helper_wait_for_fences", false, "5.0.0-19-generic"],
      ["INFO: task hung in drm_atomic_helper_wait_for_fences", true, "5.0.0-19-generic"],
    ]);
    // the hint of a report's own header is its follow-up line, however the report goes on
    expect(extract([...report("1", "kworker/u16:9:7088", true), ...report("2", "kworker/u16:8:9307", true)].join("\n")).map((f) => f.corrupted)).toEqual([false, false]);
    expect(extract(report("2", "kworker/u16:7:10297", false).join("\n")).map((f) => [f.title, f.corrupted])).toEqual([["INFO: task hung in drm_atomic_helper_wait_for_fences", true]]);
  });

  it("a hung task's guessed frames name it only when its trace has no reliable frame (leftovers otherwise)", () => {
    const head = [
      "[  800.000001] INFO: task mysqld:4711 blocked for more than 120 seconds.",
      "[  800.000002] \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
      "[  800.000003] Call Trace:",
    ];
    const trace = (...fns: string[]) => extract([...head, ...fns.map((fn, i) => `[  800.00001${i}]  [<ffffffff81b871e9>] ${fn}+0x29/0x70`)].join("\n"));
    expect(trace("? foo_queue_run", "schedule", "? foo_flush_plug", "io_schedule_timeout").map((f) => f.title)).toEqual(["INFO: task hung in corrupted"]);
    expect(trace("? __mutex_lock_common.isra.5", "? foo_lookup_dir", "? path_openat").map((f) => f.guiltyFrame)).toEqual(["foo_lookup_dir"]);
  });

  it("a hard lockup spinning on a lock names the lock's taker; a soft lockup keeps syzkaller's dispatch-anchor frame", () => {
    const trace = [
      "[  500.000003] Call Trace:",
      "[  500.000004]  native_queued_spin_lock_slowpath+0x1c/0x30",
      "[  500.000005]  _raw_spin_lock_irqsave+0x3d/0x50",
      "[  500.000006]  bar_update_stats+0x45/0x120",
      "[  500.000007]  bar_ioctl+0xec/0x110",
      "[  500.000008]  __x64_sys_ioctl+0x8e/0xd0",
      "[  500.000009]  do_syscall_64+0x47/0x140",
      "[  500.000010]  entry_SYSCALL_64_after_hwframe+0x44/0xa9",
    ];
    const hard = extract(["[  500.000001] NMI watchdog: Watchdog detected hard LOCKUP on cpu 7", ...trace].join("\n"));
    expect(hard.map((f) => [f.kind, f.guiltyFrame])).toEqual([["hard-lockup", "bar_update_stats"]]);
    const soft = extract(["[  500.000001] watchdog: BUG: soft lockup - CPU#7 stuck for 22s! [bar:123]", ...trace].join("\n"));
    expect(soft.map((f) => [f.kind, f.title])).toEqual([["soft-lockup", "BUG: soft lockup in bar_ioctl"]]);
  });

  it("an old x86 RIP line a mail client wrapped after its addresses still names the faulting function", () => {
    const report = [
      "general protection fault: 0000 [#1] SMP",
      "CPU: 1 PID: 0 Comm: swapper/1 Tainted: G           O    4.4.0+2 #1",
      "RIP: e030:[<ffffffff8115e055>]  [<ffffffff8115e055>]",
      "free_pcppages_bulk+0xe5/0x520",
      "RSP: e02b:ffff88018a823d70  EFLAGS: 00010093",
      "Call Trace:",
      " <IRQ>",
      " [<ffffffff8115e4cf>] drain_pages_zone+0x3f/0x60",
      " [<ffffffff8115e51f>] drain_pages+0x2f/0x50",
    ];
    const found = extract(report.join("\n"));
    expect(found.map((f) => [f.kind, f.title, f.rip])).toEqual([["gpf", "general protection fault in free_pcppages_bulk", "free_pcppages_bulk+0xe5/0x520"]]);
  });

  it("a stackless header printed twice at different kernel stamps is two reports; one record copied is one", () => {
    // Shape of testdata/real/bug/bug15-gh-sofproject-3283-…-smp-processor-id-burst.log: only the headers were posted.
    const header = "BUG: using smp_processor_id() in preemptible [00000000] code: rtcwake/115421";
    const twice = extract([`[ 8044.297656] kernel: ${header}`, `[ 8044.297985] kernel: ${header}`].join("\n"));
    expect(twice.reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(2);
    // A log pipeline writing one record twice copies its stamp too: one report.
    const copied = extract([`Dec  3 10:00:01 h kernel: [ 8044.297656] ${header}`, `Dec  3 10:00:02 h kernel: [ 8044.297656] ${header}`].join("\n"));
    expect(copied.reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(1);
    // Without kernel stamps a pair proves nothing either way: still taken for a copy (abrt files such pairs).
    const bare = extract([header, header].join("\n"));
    expect(bare.reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(1);
  });

  it("a header the paste cut right after, repeating an earlier report's word for word, counts as that report again", () => {
    const report = [
      "[160403.252871] BUG: workqueue leaked lock or atomic: kworker/0:2/0xffffffff/4586",
      "[160403.252871]      last function: od_dbs_timer",
      "[160403.285169] CPU: 0 PID: 4586 Comm: kworker/0:2 Tainted: G      D W      3.18.7+ #755",
      "[160403.327924] [<c00151fc>] (unwind_backtrace) from [<c0012710>] (show_stack+0x20/0x24)",
      "[160403.356381] [<c0012710>] (show_stack) from [<c0555b30>] (dump_stack+0x20/0x28)",
    ];
    const found = extract([...report, "[160403.469339] BUG: workqueue leaked lock or atomic: kworker/0:2/0xffffffff/4586"].join("\n"));
    expect(found.map((f) => [f.title, f.repeats])).toEqual([["BUG: workqueue leaked lock or atomic in od_dbs_timer", 2]]);
    const other = extract([...report, "[160403.469339] BUG: workqueue leaked lock or atomic: kworker/1:0/0xffffffff/77"].join("\n"));
    expect(other.map((f) => f.repeats)).toEqual([undefined]);
  });
  it("a multi-line record's stampless later lines, indented to dmesg's message column, stay in the report", () => {
    const report = (continuation: string) => [
      "[22329.510822] BUG: workqueue leaked lock or atomic: kworker/4:0/0x00000000/11530",
      continuation,
      "[22329.510864] 1 lock held by kworker/4:0/11530:",
      "[22329.510902] CPU: 4 PID: 11530 Comm: kworker/4:0 Tainted: G           OE   T 5.9.0-00327-gac76b6926cd6 #46",
      "[22329.510911] Call Trace:",
      "[22329.510923]  dump_stack+0x77/0xa0",
      "[22329.510932]  process_one_work.cold+0x41/0x46",
    ].join("\n");
    // util-linux dmesg: the stamp's 15 columns, then the kernel's own 5 spaces.
    const indented = extract(report("                    last function: update_balloon_size_func [virtio_balloon]"));
    expect(indented.map((f) => f.title)).toEqual(["BUG: workqueue leaked lock or atomic in update_balloon_size_func"]);
    // Indented less than the message column, it is some other program's text.
    const shallow = extract(report("   last function: update_balloon_size_func"));
    expect(shallow.map((f) => f.title)).not.toContain("BUG: workqueue leaked lock or atomic in update_balloon_size_func");
  });

  it("two CPUs' fault headers back to back (another address, no body between) are one oops", () => {
    const found = extract([
      "[  625.659654] Unable to handle kernel paging request at virtual address 000ee028",
      "[  625.659773] Unable to handle kernel paging request at virtual address 000e1028",
      "[  625.659777] pgd = ffffffc0e4139000",
      "[  625.659788] Internal error: Oops: 96000005 [#1] SMP",
      "[  625.659809] CPU: 1 PID: 709 Comm: gstglcontext Not tainted 4.4.120-rockchip-ayufan-209 #1",
      "[  625.659828] PC is at anon_vma_interval_tree_remove+0x20/0x258",
      "[  625.659833] LR is at vma_adjust+0x214/0x510",
    ].join("\n"));
    expect(found.map((f) => [f.kind, f.guiltyFrame])).toEqual([["paging-fault", "anon_vma_interval_tree_remove"]]);
    // Each with its own body: two reports.
    const two = extract([
      "[ 1.0] Unable to handle kernel paging request at virtual address 000ee028",
      "[ 1.1] PC is at foo+0x20/0x258",
      "[ 2.0] Unable to handle kernel paging request at virtual address 000e1028",
      "[ 2.1] PC is at bar+0x20/0x258",
    ].join("\n"));
    expect(two.map((f) => f.guiltyFrame)).toEqual(["foo", "bar"]);
  });

  it("a softlockup_panic whose soft lockup report was lost is the soft lockup; after the report it is its tail", () => {
    const alone = extract([
      "[   60.003038] Kernel panic - not syncing: softlockup: hung tasks",
      "[   60.003157] CPU: 6 PID: 0 Comm: swapper/6 Tainted: G            EL    5.5.0-openpower1 #0",
      "[   60.003290] Call Trace:",
      "[   60.003354] [c0000001fb2cb3c0] [c000000000d3fc18] dump_stack+0xbc/0x104 (unreliable)",
      "[   60.003518] [c0000001fb2cb400] [c0000000000a6fd4] panic+0x160/0x3dc",
      "[   60.003650] [c0000001fb2cb4a0] [c000000000161180] watchdog_timer_fn+0x350/0x380",
    ].join("\n"));
    expect(alone.map((f) => [f.kind, f.kernelRelease, f.corrupted])).toEqual([["soft-lockup", "5.5.0-openpower1", true]]);
    const withReport = extract([
      "[ 1.0] watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [a:1]",
      "[ 1.1] RIP: 0010:foo+0x1/0x2",
      "[ 1.2] Kernel panic - not syncing: softlockup: hung tasks",
    ].join("\n"));
    expect(withReport.map((f) => [f.kind, f.title, f.panicked])).toEqual([["soft-lockup", "BUG: soft lockup in foo", true]]);
  });

  it("a KFENCE report pasted without its access stack takes the function its header names", () => {
    const found = extract([
      "[ 1.0] ==================================================================",
      "[ 1.0] BUG: KFENCE: use-after-free read in amdgpu_bo_move+0x1ce/0x710 [amdgpu]",
      "[ 1.0] Use-after-free read at 0x0000000040d712ce (in kfence-#252):",
      "[ 1.0] CPU: 10 PID: 1633 Comm: kwin_wayla:cs0 Tainted: P    B      O       6.6.26 #1-NixOS",
      "[ 1.0] ==================================================================",
    ].join("\n"));
    expect(found.map((f) => [f.title, f.guiltyFrame])).toEqual([["KFENCE: use-after-free read in amdgpu_bo_move", "amdgpu_bo_move"]]);
    // With the access stack, the stack decides as before.
    const withStack = extract([
      "[ 1.0] BUG: KFENCE: use-after-free read in test_use_after_free_read+0xb3/0x143",
      "[ 1.0] Use-after-free read at 0xffffffffb673dfe0 (in kfence-#24):",
      "[ 1.0]  test_use_after_free_read+0xb3/0x143",
      "[ 1.0]  kunit_try_run_case+0x51/0x85",
    ].join("\n"));
    expect(withStack.map((f) => f.guiltyFrame)).toEqual(["test_use_after_free_read"]);
  });

  it("credits a panic to the whole oops cascade, and to another task's report", () => {
    const cascade = extract([
      "[ 1.0] general protection fault: 0000 [#1] SMP",
      "[ 1.1] RIP: 0010:foo+0x1/0x2",
      "[ 1.2] Call Trace:",
      "[ 1.3]  bar+0x1/0x2",
      "[ 1.4] ---[ end trace 0000000000000001 ]---",
      "[ 2.0] general protection fault: 0000 [#2] SMP",
      "[ 2.1] RIP: 0010:baz+0x1/0x2",
      "[ 2.2] Call Trace:",
      "[ 2.3]  qux+0x1/0x2",
      "[ 2.4] Kernel panic - not syncing: Fatal exception in interrupt",
    ].join("\n"));
    expect(cascade.map((f) => [f.title, f.panicked])).toEqual([
      ["general protection fault in foo", true],
      ["general protection fault in baz", true],
    ]);
    const otherTask = extract([
      "[ 5.0][ T100] kernel BUG at fs/x.c:10!",
      "[ 5.1][ T100] RIP: 0010:x_write+0x1/0x2",
      "[ 5.2][ T100] Call Trace:",
      "[ 5.3][ T100]  vfs_write+0x1/0x2",
      "[ 5.4][   C1] Kernel panic - not syncing: Fatal exception",
    ].join("\n"));
    expect(otherTask).toHaveLength(1);
    expect(otherTask[0]).toMatchObject({ title: "kernel BUG in x_write", panicked: true, panicMessage: "Fatal exception" });
  });

  it("reads the faulting function from s390 and ppc64 register lines", () => {
    const [s390] = extract([
      "[16164.389575] WARNING: at /tmp/drv/drv.c:11",
      "[16164.389614] Krnl PSW : 0704f00180000000 000003ff8086d03a (drv_init+0x3a/0x1000 [drv])",
      "[16164.398666] Call Trace:",
      "[16164.398670] ([<000003ff8086d036>] drv_init+0x36/0x1000 [drv])",
      "[16164.398680]  [<00000000001001e2>] do_one_initcall+0xd6/0x1a0",
    ].join("\n"));
    expect(s390).toMatchObject({ title: "WARNING in drv_init", guiltyFrame: "drv_init", sourceFile: "/tmp/drv/drv.c" });
    const [ppc] = extract([
      "[  120.1] kernel BUG at drivers/scsi/scsi_lib.c:1096!",
      "[  120.2] Oops: Exception in kernel mode, sig: 5 [#1]",
      "[  120.3] NIP [c0000000005b2c40] .scsi_init_sgtable+0x60/0xd0",
      "[  120.4] Call Trace:",
      "[  120.5] [c0000000f6e4f9a0] [c0000000005b2d2c] .scsi_init_io+0x7c/0x230",
    ].join("\n"));
    expect(ppc).toMatchObject({ title: "kernel BUG in scsi_init_sgtable", guiltyFrame: "scsi_init_sgtable" });
  });

  it("makes a panic with no report before it a finding of its own", () => {
    const [f] = extract("[ 5.0] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)");
    expect(f).toMatchObject({ kind: "panic", title: "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)", panicked: true });
  });

  it("names the caller of a driver's panic() from the panic's own stack, the title staying syzkaller's", () => {
    // NanoPi R5S on Armbian 6.1.75-vendor-rk35xx (armbian/linux-rockchip#297): the NPU power domain never acks idle
    const lines = (frames: string[]) => [
      "[    9.622902] Kernel panic - not syncing: panic_on_set_idle set ...",
      "[    9.624647] CPU: 2 PID: 1 Comm: swapper/0 Not tainted 6.1.75-vendor-rk35xx #1",
      "[    9.625309] Hardware name: FriendlyElec NanoPi R5S C1 (DT)",
      "[    9.625813] Call trace:",
      ...frames.map((f, i) => `[    9.62${6 + i}056]  ${f}`),
    ].join("\n");
    const [f] = extract(lines(["dump_backtrace+0xe4/0x108", "show_stack+0x20/0x30", "dump_stack_lvl+0x7c/0xa0", "dump_stack+0x18/0x34", "panic+0x150/0x328", "rockchip_pmu_set_idle_request+0x10c/0x1cc", "rockchip_pd_power+0x43c/0x494"]));
    expect(f).toMatchObject({ kind: "panic", title: "kernel panic: panic_on_set_idle set ...", guiltyFrame: "rockchip_pmu_set_idle_request" });
    // Another CPU's dump after the panic line (no `panic` frame in it) names nothing.
    const [g] = extract(lines(["dump_backtrace+0xe4/0x108", "show_stack+0x20/0x30", "do_handle_IPI+0x2dc/0x310", "ipi_handler+0x28/0x30"]));
    expect(g).toMatchObject({ kind: "panic", title: "kernel panic: panic_on_set_idle set ..." });
    expect(g.guiltyFrame).toBeUndefined();
    // panic_on_oom: the OOM killer's panic blames no code.
    const [h] = extract(lines(["dump_stack+0x5c/0x80", "panic+0xe7/0x2a9", "out_of_memory.cold.31+0x5e/0x87", "__alloc_pages_slowpath+0xb8f/0xcb0"]).replace("panic_on_set_idle set ...", "Out of memory: system-wide panic_on_oom is enabled"));
    expect(h).toMatchObject({ kind: "panic", title: "kernel panic: Out of memory: system-wide panic_on_oom is enabled" });
    expect(h.guiltyFrame).toBeUndefined();
  });

  it("finds the panic's own stack when decode_stacktrace.sh printed it (`panic (kernel/panic.c:N)`), prefix or not", () => {
    // bcachefs 6.9-rc2 (koverstreet/bcachefs#671): a console paste with no prefix, the stack decoded (no offsets).
    const report = (prefix: string) => [
      "Kernel panic - not syncing: trans should be locked, unlocked by bch2_btree_node_fill (fs/bcachefs/btree_cache.c:786)",
      "CPU: 3 PID: 3160 Comm: mount.bcachefs Tainted: G     U  W          6.9.0-rc2-00151-g2bad46ca7fd9 #39",
      "Call Trace:",
      "<TASK>",
      "panic (kernel/panic.c:348)",
      "? bch2_btree_node_fill (fs/bcachefs/btree_cache.c:786)",
      "bch2_trans_unlocked_error (fs/bcachefs/btree_iter.c:1426)",
      "btree_trans_peek_key_cache (fs/bcachefs/btree_iter.c:2146)",
    ].map((l) => prefix + l).join("\n");
    for (const prefix of ["", "<4>[  980.185569] "]) {
      const [f] = extract(report(prefix));
      expect(f).toMatchObject({
        kind: "panic",
        title: "kernel panic: trans should be locked, unlocked by bch2_btree_node_fill (fs/bcachefs/btree_cache.c:LINE)",
        guiltyFrame: "bch2_trans_unlocked_error",
      });
    }
    // A `panic (` that is not decode_stacktrace's frame (no kernel/panic.c source) is no panic frame.
    const [g] = extract(report("").replace("panic (kernel/panic.c:348)", "panic (see above)"));
    expect(g.guiltyFrame).toBeUndefined();
  });

  it("reads crash-utility output", () => {
    const [f] = extract([
      '       PANIC: "kernel BUG at net/core/skbuff.c:4230!"',
      'PID: 0      TASK: ffffffff8a41a940  CPU: 3   COMMAND: "swapper/3"',
      " #0 [ffffb4a9c0198890] machine_kexec at ffffffff8906a2f2",
      " #1 [ffffb4a9c01988e8] __crash_kexec at ffffffff8918c4ea",
      "    [exception RIP: skb_segment+3784]",
      " #2 [ffffb4a9c0198a88] tcp_gso_segment at ffffffff89a0d3b7",
    ].join("\n"));
    expect(f).toMatchObject({ title: "kernel BUG in skb_segment", guiltyFrame: "skb_segment", sourceFile: "net/core/skbuff.c" });
  });

  it("lets a specific header beat the 6.10+ `Oops: ` prefix, and ignores non-oops `Oops:` text", () => {
    const [f] = extract([
      "[ 9.0] Oops: general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN",
      "[ 9.1] RIP: 0010:nf_tables_newrule+0x10/0x20",
      "[ 9.2] Call Trace:",
      "[ 9.3]  nfnetlink_rcv_batch+0x1/0x2",
    ].join("\n"));
    expect(f).toMatchObject({ kind: "gpf", title: "general protection fault in nf_tables_newrule" });
    expect(extract("Oops: efitime: can't read time!\nsomething else")).toEqual([]);
  });

  it("reads a crash-utility bt quoted without its PANIC line: the fault handler's no-fixup frame is a kernel page fault", () => {
    // cloud-hypervisor/cloud-hypervisor#3827: kvm_amd faulted in svm_update_pi_irte; the PR quotes only `crash> bt`.
    const bt = (handler: string, panic?: string) => [
      ...(panic ? [`       PANIC: "${panic}"`] : []),
      "crash> bt",
      'PID: 22218  TASK: ffff951a6ad74980  CPU: 73  COMMAND: "vcpu8"',
      " #0 [ffffb1ba6707fa40] machine_kexec at ffffffff8565b397",
      " #1 [ffffb1ba6707fa90] __crash_kexec at ffffffff85788a6d",
      " #2 [ffffb1ba6707fb70] oops_end at ffffffff85623c0d",
      ` #3 [ffffb1ba6707fb90] ${handler} at ffffffff856692c9`,
      " #4 [ffffb1ba6707fbf8] exc_page_fault at ffffffff85f95b51",
      " #5 [ffffb1ba6707fc50] asm_exc_page_fault at ffffffff86000ace",
      "    [exception RIP: svm_update_pi_irte+227]",
      "    RIP: ffffffffc0761b53  RSP: ffffb1ba6707fd08  RFLAGS: 00010086",
      " #6 [ffffb1ba6707fdb8] kvm_irq_routing_update at ffffffffc0901234 [kvm]",
    ].join("\n");
    for (const handler of ["no_context", "page_fault_oops"]) {
      const found = extract(bt(handler));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: "paging-fault", title: "BUG: unable to handle kernel paging request in svm_update_pi_irte", guiltyFrame: "svm_update_pi_irte", corrupted: true });
    }
    // Under the dump's PANIC line the bt is that report's stack, not a second report.
    const withPanic = extract(bt("no_context", "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008"));
    expect(withPanic).toHaveLength(1);
    expect(withPanic[0]).toMatchObject({ kind: "null-deref" });
    // A dmesg stack's `no_context+0x…` frame is no crash bt line.
    expect(extract(["[ 5.0] Call Trace:", "[ 5.1]  no_context+0x11/0x20", "[ 5.2]  __bad_area_nosemaphore+0x2/0x3"].join("\n"))).toEqual([]);
  });

  it("reads a crash-utility bt quoted without its PANIC line: the #GP handler's frame is a general protection fault", () => {
    // A post quoting a second crash's `crash> bt` alone (xqjcool.github.io, abnormal_freelist): rb_insert_color took
    // a #GP on a misaligned rbtree node; the tree helper is generic, so its caller is guilty.
    const bt = (handler: string, entry: string, panic?: string) => [
      ...(panic ? [`       PANIC: "${panic}"`] : []),
      "crash> bt",
      'PID: 31715    TASK: ffff888106ef2e80  CPU: 2    COMMAND: "mond"',
      " #0 [ffffc90004f1f908] machine_kexec at ffffffff80284532",
      " #1 [ffffc90004f1f980] __crash_kexec at ffffffff80383b82",
      " #2 [ffffc90004f1fa48] oops_end at ffffffff80248731",
      ` #3 [ffffc90004f1fa68] ${handler} at ffffffff80f588dd`,
      ` #4 [ffffc90004f1fb90] ${entry} at ffffffff81000aa2`,
      "    [exception RIP: rb_insert_color+75]",
      "    RIP: ffffffff80f4638b  RSP: ffffc90004f1fc40  RFLAGS: 00010246",
      " #5 [ffffc90004f1fc40] htree_dirblock_to_tree at ffffffff80641531",
      " #6 [ffffc90004f1fcc8] ext4_htree_fill_tree at ffffffff80640f75",
    ].join("\n");
    for (const [handler, entry] of [["exc_general_protection", "asm_exc_general_protection"], ["do_general_protection", "general_protection"]]) {
      const found = extract(bt(handler, entry));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: "gpf", title: "general protection fault in htree_dirblock_to_tree", guiltyFrame: "htree_dirblock_to_tree", corrupted: true });
    }
    // Under the dump's PANIC line the bt is that report's stack, not a second report.
    const withPanic = extract(bt("do_general_protection", "general_protection", "general protection fault: 0000 [#1] SMP NOPTI"));
    expect(withPanic).toHaveLength(1);
    expect(withPanic[0]).toMatchObject({ kind: "gpf", title: "general protection fault in htree_dirblock_to_tree" });
    expect(withPanic[0].corrupted).toBeFalsy();
    // Two crashes' `bt` quoted one after the other: the next `crash>` prompt ends the first dump's report, and the
    // second's #GP handler frame opens its own (before, the second bt was read as more of the first one's stack).
    const pageFaultBt = [
      "crash> bt",
      'PID: 4685     TASK: ffff88816f2b0000  CPU: 3    COMMAND: "mond"',
      " #0 [ffffc9000590f818] machine_kexec at ffffffff80284532",
      " #2 [ffffc9000590f960] oops_end at ffffffff80248731",
      " #3 [ffffc9000590f980] page_fault_oops at ffffffff8028f0a6",
      " #9 [ffffc9000590fb20] asm_exc_page_fault at ffffffff81000b62",
      "    [exception RIP: __kmem_cache_alloc_node+119]",
      "#10 [ffffc9000590fc00] __kmalloc at ffffffff804c9e77",
      "#11 [ffffc9000590fc40] htree_dirblock_to_tree at ffffffff80641477",
      "",
    ].join("\n");
    const both = extract(pageFaultBt + "\n" + bt("exc_general_protection", "asm_exc_general_protection"));
    expect(both.map((f) => f.kind)).toEqual(["paging-fault", "gpf"]);
    // A prompt before any bt frame (`crash> sys` whose PANIC line opens the report, then `crash> bt`) ends nothing.
    const sysThenBt = extract(['crash> sys', '       PANIC: "general protection fault: 0000 [#1] SMP NOPTI"', bt("exc_general_protection", "asm_exc_general_protection")].join("\n"));
    expect(sysThenBt).toHaveLength(1);
    expect(sysThenBt[0]).toMatchObject({ kind: "gpf", title: "general protection fault in htree_dirblock_to_tree" });
    // A commit message that cut the bt's task line and frame #0 still starts at the kdump hand-off frame.
    const cutBt = extract([
      " #1 [ffff97eb73757938] __crash_kexec at ffffffff8655bbdd",
      " #2 [ffff97eb73757a00] crash_kexec at ffffffff8655cabd",
      " #3 [ffff97eb73757a18] oops_end at ffffffff86421edd",
      " #4 [ffff97eb73757a38] no_context at ffffffff8646978e",
      " #6 [ffff97eb73757ac0] page_fault at ffffffff86e0120e",
      "    [exception RIP: task_dump_owner+47]",
      "    RIP: ffffffff867496cf  RSP: ffff97eb73757b78  RFLAGS: 00010246",
    ].join("\n"));
    expect(cutBt).toHaveLength(1);
    expect(cutBt[0]).toMatchObject({ kind: "paging-fault", title: "BUG: unable to handle kernel paging request in task_dump_owner" });
    // A dmesg stack's `exc_general_protection+0x…` frame is no crash bt line.
    expect(extract(["[ 5.0] Call Trace:", "[ 5.1]  ? exc_general_protection+0x11/0x20", "[ 5.2]  ? asm_exc_general_protection+0x2/0x3"].join("\n"))).toEqual([]);
  });

  it("reads a lockdep site past a remark its poster appended to the lines (`…at:      //comment`)", () => {
    // xqjcool.github.io preempt_count_error: a blog's annotated bad-unlock-balance; the held-locks list below names
    // other lock sites (`at: vm_mmap_pgoff+0x74/0x140`), which the remarks made the report's title.
    const report = (remark: (s: string) => string) => extract([
      "[  131.844044] WARNING: bad unlock balance detected!",
      "[  131.844046] 6.1 #14 Tainted: G           O      ",
      "[  131.844049] -------------------------------------",
      remark("[  131.844051] sshd/3725 is trying to release lock (rcu_read_lock_bh) at:"),
      remark("[  131.844057] [<ffffffff80bf99ee>] ip_finish_output2+0x11e/0xf00"),
      "[  132.060566] but there are no more locks to release!",
      "[  132.172058] 6 locks held by sshd/3725:",
      "[  132.756342]  #0: ffff8881000514c8 (&mm->mmap_lock){++++}-{3:3}, at: vm_mmap_pgoff+0x74/0x140",
      "[  133.230860] Call Trace:",
      "[  133.331041]  dump_stack_lvl+0x68/0x83",
    ].join("\n"));
    for (const remark of [(s: string) => s, (s: string) => `${s}      //注释`]) {
      const [f] = report(remark);
      expect(f).toMatchObject({ kind: "lockdep", title: "WARNING: bad unlock balance in ip_finish_output2", guiltyFrame: "ip_finish_output2" });
    }
  });

  it("names a crash-utility panic with an unknown message after the message", () => {
    const [f] = extract(['       PANIC: "SysRq : Trigger a crash"', 'PID: 1    TASK: ffff8f0c  CPU: 0   COMMAND: "bash"', " #0 [ffffb4a9c0198890] machine_kexec at ffffffff8906a2f2"].join("\n"));
    expect(f).toMatchObject({ kind: "panic", title: "kernel panic: SysRq : Trigger a crash" });
  });

  it("flags a report whose stack keyword has no frames", () => {
    const [f] = extract(["[ 1.0] general protection fault: 0000 [#1] SMP KASAN", "[ 1.1] Call Trace:", "[ 1.2] Modules linked in: x"].join("\n"));
    expect(f.corrupted).toBe(true);
    expect(f.corruptedReason).toBeTruthy();
  });

  it("keeps the prefix-less wrapped part of a long module list, but not other prefix-less lines", () => {
    const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(" ");
    const [f] = extract([
      "[ 7.0] WARNING: CPU: 1 PID: 9 at net/core/skbuff.c:100 skb_grow+0x1/0x2",
      `[ 7.0] Modules linked in: ${names("mod_a", 40)}`,
      // printk cut the record: the rest comes without the `[ ts]` prefix, over one or more lines.
      names("mod_b", 12),
      `${names("mod_c", 3)} [last unloaded: mod_z]`,
      "[ 7.1] CPU: 1 PID: 9 Comm: kworker/1:0 Not tainted 6.1.0 #1",
      "[ 7.2] Call Trace:",
      "[ 7.3]  net_rx+0x1/0x2",
      "syz-executor output that is not kernel text",
    ].join("\n"));
    expect(f.modules).toHaveLength(55);
    expect(f.modules?.at(-1)).toBe("mod_c2");
    expect(f.lastUnloadedModule).toBe("mod_z");
    expect(f.report.some((l) => l.startsWith("syz-executor"))).toBe(false);
    // A prefix-less line that is not right after the module list stays out.
    const [g] = extract(["[ 1.0] WARNING: CPU: 0 PID: 1 at kernel/x.c:1 x_fn+0x1/0x2", "[ 1.1] Call Trace:", "alpha beta", "[ 1.2]  y_fn+0x1/0x2"].join("\n"));
    expect(g.report).not.toContain("alpha beta");
  });

  it("an oops that entered kdb goes on without timestamps: its dump lines (PC, registers, task lines) stay in the report", () => {
    const [f] = extract([
      "[ 4608.600412] Unable to handle kernel NULL pointer dereference at virtual address 00000008",
      "[ 4608.762596] Internal error: Oops: 17 [#1] PREEMPT ARM",
      "",
      "Entering kdb (current=0xda01cb00, pid 2530) Oops: (null)",
      "due to oops @ 0xbf24bb94",
      "",
      "dCPU: 0 PID: 2530 Comm: nfsd Not tainted 3.12.28+ #709",
      "dtask: da01cb00 ti: d92ca000 task.ti: d92ca000",
      "PC is at set_nfsv4_acl_one+0x8/0x90 [nfsd]",
      "LR is at nfsd4_set_nfs4_acl+0x12c/0x140 [nfsd]",
      "r10: bf274a9c  r9 : da0e5130  r8 : da0e5020",
      "kdb> some shell text",
    ].join("\n"));
    expect([f.title, f.guiltyFrame, f.kernelRelease]).toEqual(["BUG: unable to handle kernel NULL pointer dereference in set_nfsv4_acl_one", "set_nfsv4_acl_one", "3.12.28+"]);
    expect(f.report.some((l) => l.startsWith("kdb>"))).toBe(false);
  });

  it("reads a `BUG:` printed after a subsystem prefix as a stackless report, folding its repeats", () => {
    const found = extract([
      "Mar  3 10:00:00 h1 kernel: snd_hda_intel 0000:00:1b.0: azx_get_response timeout",
      "Mar  3 10:00:01 h1 kernel: ALSA sound/core/pcm_lib.c:212: BUG: pcmC1D3p:0, pos = 0x2000, buffer size = 0x2000, period size = 0x200",
      "Mar  3 10:00:02 h1 kernel: usb 2-1: new high-speed USB device number 3 using ehci-pci",
      "Mar  3 10:00:03 h1 kernel: ALSA sound/core/pcm_lib.c:212: BUG: pcmC1D3p:0, pos = 0x2000, buffer size = 0x2000, period size = 0x200",
      "Mar  3 10:00:04 h1 kernel: md/raid1:md2: BUG: bio has no mirror left",
    ].join("\n"));
    expect(found.map((f) => [f.kind, f.title, f.corrupted, f.repeats ?? 1])).toEqual([
      ["bug", "ALSA sound/core/pcm_lib.c:LINE: BUG: pcmC1D3p:NUM, pos = NUM, buffer size = NUM, period size = NUM", false, 2],
      ["bug", "md/raid1:md2: BUG: bio has no mirror left", false, 1],
    ]);
    expect(found[0].lastSource?.line).toBe(4);
    // Not a kernel bug report: `DEBUG:` text, and a bare `BUG:` catch-all without a stack.
    expect(extract("[ 1.0] mydrv: DEBUG: state=3\n[ 2.0] BUG: something odd happened")).toEqual([]);
  });

  it("a one-line `BUG:` of no known shape does not swallow the ARM oops it precedes", () => {
    // Shape of testdata/real/oops/cbug-gh-rpi-linux-600-syslog-unsupported-fp-undefined-instruction.log (ARMv6 VFP).
    const oops = [
      "[ 4841.937321] BUG: unsupported FP instruction in kernel mode",
      "[ 4841.942876] Internal error: Oops - undefined instruction: 0 [#1] ARM",
      "[ 4841.949238] Modules linked in: snd_bcm2835 ipv6",
      "[ 4841.964938] CPU: 0 PID: 884 Comm: setiathome_8.03 Not tainted 4.4.48+ #962",
      "[ 4841.980647] PC is at vfp_save_state+0x0/0x28",
      "[ 4841.984926] LR is at vfp_sync_hwstate+0x3c/0x48",
    ];
    const found = extract(oops.join("\n"));
    expect(found.map((f) => [f.kind, f.title, f.guiltyFrame])).toEqual([["oops", "Internal error in vfp_save_state", "vfp_save_state"]]);
    // A known `BUG:` keeps the secondary header as its own follow-up line (one report, the BUG's).
    const bug = extract(["[ 1.0] kernel BUG at mm/filemap.c:660!", ...oops.slice(1)].join("\n"));
    expect(bug.map((f) => [f.kind, f.title])).toEqual([["bug", "kernel BUG in vfp_save_state"]]);
  });

  it("an end-of-panic marker pasted apart from its panic line closes that panic; a marker alone is the panic", () => {
    // Shape of testdata/real/panic/cbug-gh-docker-in-termux-18-alpine-virt-vfs-no-bdev-fs.log: the marker's tail,
    // copied off the screen without `---[ end `, pasted above the panic it closes.
    const panic = [
      "[    5.022423] Can't find any bdev filesystem to be used for mount!",
      "[    5.024308] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
      "[    5.027323] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.6.49-0-virt #1-Alpine",
    ];
    const titles = (log: string[]) => extract(log.join("\n")).map((f) => f.title);
    const vfs = "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)";
    expect(titles(["Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---", ...panic])).toEqual([vfs]);
    expect(titles(["---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---", ...panic])).toEqual([vfs]);
    expect(titles(["[    5.1] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---"])).toEqual([vfs]);
    // Another panic's marker closes nothing here: two panics.
    expect(titles(["---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b ]---", ...panic])).toHaveLength(2);
  });

  it("a panic whose message line was cut is titled by its end marker; ARM's `(show_stack) from (panic)` stack is its own", () => {
    // Shape of testdata/real/panic/boot36-gh-firmware-analysis-plus-46-armel-virt-no-working-init.log: the excerpt
    // starts at the panic's CPU line; a 4.1 ARM unwinder prints no dump_stack row between show_stack and panic.
    const stack = [
      "[    0.490119] CPU: 0 PID: 1 Comm: swapper Tainted: G        W       4.1.17+ #1",
      "[    0.490224] Hardware name: Generic DT based system",
      "[    0.490335] [<c001c99c>] (unwind_backtrace) from [<c0019d30>] (show_stack+0x10/0x14)",
      "[    0.490522] [<c0019d30>] (show_stack) from [<c0410b78>] (panic+0x70/0x1c8)",
      "[    0.490672] [<c0410b78>] (panic) from [<c040f33c>] (kernel_init+0xb8/0xe4)",
      "[    0.490829] [<c040f33c>] (kernel_init) from [<c0016da8>] (ret_from_fork+0x14/0x2c)",
    ];
    const marker = "[    0.491250] ---[ end Kernel panic - not syncing: No working init found.  Try passing init= option to kernel. See Linux Documentation/init.txt for guidance.";
    const read = (log: string[]) => extract(log.join("\n")).map((f) => [f.kind, f.title, f.kernelRelease, f.panicked]);
    const message = "kernel panic: No working init found. Try passing init= option to kernel. See Linux Documentation/init.txt for guidance.";
    // Before: no finding at all (the marker was taken for a tail of a stack no headless format matched).
    expect(read([...stack, marker])).toEqual([["panic", message, "4.1.17+", true]]);
    // The same with the dump_stack row an unwinder may print: the marker's message, not the bare `kernel panic`.
    const withDumpStack = [...stack.slice(0, 3), "[    0.490400] [<c0019d30>] (show_stack) from [<c0410b70>] (dump_stack+0x10/0x14)", "[    0.490450] [<c0410b70>] (dump_stack) from [<c0410b78>] (panic+0x70/0x1c8)", ...stack.slice(4)];
    expect(read([...withDumpStack, marker])).toEqual([["panic", message, "4.1.17+", true]]);
    // The stack alone is still a panic whose message was lost, now also without a dump_stack row.
    expect(extract(stack.join("\n")).map((f) => [f.kind, f.title, f.guiltyFrame])).toEqual([["panic", "kernel panic", "kernel_init"]]);
  });

  it("reads 2.4-era panics (`Kernel panic: …`) and ppc's lowercase `Oops: kernel access of bad area` without `[#1]`", () => {
    const titles = (log: string[]) => extract(log.join("\n")).map((f) => [f.kind, f.title, f.panicked]);
    expect(titles(["VFS: Cannot open root device \"301\" or 03:01", "Kernel panic: VFS: Unable to mount root fs on 03:01"])).toEqual([
      ["panic", "kernel panic: VFS: Unable to mount root fs on NUM:NUM", true],
    ]);
    // Shape of testdata/real/panic/cbug-so-919575-ppc-2.4-aiee-killing-interrupt-handler.log: the panic is the oops' tail.
    const oops = [
      "Oops: kernel access of bad area, sig: 11",
      "NIP: C9471C7C XER: 20000000 LR: C0018C74 SP: C0198E20 REGS: c0198d70 TRAP: 0800    Not tainted",
      "Call backtrace:",
      "00000001 C0018C74 C0018A1C C0005E14 C0004780 C0022724 C0005D4C",
      "Kernel panic: Aiee, killing interrupt handler!",
      "In interrupt handler - not syncing",
    ];
    expect(titles(oops)).toEqual([["oops", "Oops in corrupted", true]]);
  });

  it("returns nothing for clean logs and never throws on junk", () => {
    expect(extract("[ 1.0] eth0: link up\n[ 2.0] systemd[1]: Started foo.")).toEqual([]);
    expect(extractReports([], { fileName: "x" })).toEqual([]);
    expect(extractReports(null as never, { fileName: "x" })).toEqual([]);
  });
});

describe("a timestamped report's stamp-less lines", () => {
  it("keeps a whole task line whose stamp paste damage ate (its release), and drops other program output", () => {
    const found = extract([
      "[    9.937990] BUG: Bad page map in process qrexec-agent  pte:80000000f9d41167 pmd:131c3067",
      "[    9.938057] vma->vm_file->f_op->mmap: gntalloc_mmap+0x0/0x1c0 [   9.938066](xen_gntalloc]",
      "[) CPU: 0 PID: 1108 Comm: qrexec-agent Tainted: G           O 3.12.23-1.pvops.qubes.x86_64 #1",
      "qrexec-agent: connection closed 4.4.0 #2",
      "[    9.938107] Call Trace:",
    ].join("\n"));
    expect(found[0]).toMatchObject({ title: "BUG: Bad page map", kernelRelease: "3.12.23-1.pvops.qubes.x86_64" });
  });
});

describe("ppc's xmon report under a timestamped crash", () => {
  // testdata/real/paging-fault/arch38-gh-linuxppc-237-…: a POWER9 kernel drops into xmon after the fault lines.
  const head = [
    "[   37.355576] kernel tried to execute exec-protected page (c000000002bff4f0) -exploit attempt? (uid: 0)",
    "[   37.356610] BUG: Unable to handle kernel instruction fetch",
    "[   37.357724] Faulting instruction address: 0xc000000002bff4f0",
  ];
  const xmon = [
    "cpu 0x2f: Vector: 400 (Instruction Access) at [c000001ff43ab6a0]",
    "    pc: c000000002bff4f0",
    "    lr: c000000000c001c0: kobject_rename+0x2c/0x160",
    "    pid   = 3222, comm = udevd",
    "Linux version 5.0.0 (joel@ka5) (gcc version 7.3.0 (Ubuntu 7.3.0-27ubuntu1~18.04)) #22 SMP Thu Apr 11 00:07:31 AEST 2019",
    "enter ? for help",
    "[link register   ] c000000000c001c0 kobject_rename+0x2c/0x160",
    "[c000001ff43ab930] 5deadbeef0000200 (unreliable)",
    "[c000001ff43ab9e0] c0000000005055b4 device_rename+0x74/0xd8",
    "[c000001ff43aba30] c000000000aff910 dev_change_name+0x1c8/0x354",
  ];

  it("reads xmon's stamp-less lines up to its prompt as the report's own: its backtrace and its banner's release", () => {
    const [f, ...rest] = extract([...head, ...xmon, "2f:mon> ", "shell$ echo done"].join("\n"));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ title: "BUG: unable to handle kernel paging request in device_rename", guiltyFrame: "device_rename", kernelRelease: "5.0.0", kernelBuild: "#22" });
    expect(f.report.at(-1)).toBe("[c000001ff43aba30] c000000000aff910 dev_change_name+0x1c8/0x354");
  });

  it("keeps stamp-less lines out when no xmon entry line opened them", () => {
    const [f] = extract([...head, ...xmon.slice(1)].join("\n"));
    expect(f.report).toHaveLength(head.length);
  });
});

describe("REPORT_PREFILTER", () => {
  it("matches every line that can start a report", () => {
    for (const line of [
      "kernel BUG at net/core/skbuff.c:4230!",
      "Kernel panic - not syncing: Fatal exception",
      "NMI watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [runc:[1:CHILD]:1234]",
      'PID: 1234   TASK: ffff8f0c  CPU: 3   COMMAND: "runc"',
      '       PANIC: "Oops: 0000 [#1] SMP"',
      "Watchdog detected hard LOCKUP on cpu 5",
      "INFO: task jbd2/sda1-8:123 blocked for more than 120 seconds.",
    ]) expect(REPORT_PREFILTER.test(line)).toBe(true);
    expect(REPORT_PREFILTER.test("eth0: link up")).toBe(false);
    // Every class header, as the kernel prints it (followed by its message), must pass the prefilter, or the scanner
    // never opens a window for it. A window-only header is read in the window a neighbour opened: classifyLine's own
    // trigger still passes it.
    for (const cls of [...CLASSES, CRASH_PANIC_CLASS]) {
      expect(REPORT_PREFILTER.test(`${cls.header} message`), cls.id).toBe(!cls.windowOnly);
      expect(REPORT_LINE_TRIGGER.test(`${cls.header} message`), cls.id).toBe(true);
    }
    // User space's own levels are no kernel headers.
    for (const line of ["2024-08-13 15:58:01,123 DEBUG [main] x", "python3[1]: WARNING:urllib3:retry", "rmt_storage:INFO:main: done"])
      expect(REPORT_PREFILTER.test(line), line).toBe(false);
    // An oops head printed into another CPU's open stack-words line (docker/for-win#1110) still opens a report.
    expect(REPORT_LINE_TRIGGER.test(" ffffffff890dcff0 0000000000000000BUG: unable to handle kernel")).toBe(true);
    expect(REPORT_LINE_TRIGGER.test("app: 0000000000000000DEBUG: unable to connect")).toBe(false);
  });

  it("reads an x86 fault head glued to the stack words of another CPU's WARNING (KERN_CONT pieces already joined)", () => {
    const lines = [
      "WARNING: CPU: 1 PID: 0 at ./arch/x86/include/asm/fpu/internal.h:368 __switch_to+0x323/0x480",
      "Modules linked in:",
      "CPU: 1 PID: 0 Comm: swapper/1 Tainted: G        W       4.9.49-moby #1",
      " 0000000000000000 ffffffff8941c5a7 0000000000000000 0000000000000000",
      " 0000000000000000BUG: unable to handle kernel NULL pointer dereference at 0000000000000020",
      "IP: [<ffffffff89106ac3>] migrate_task_rq_fair+0x1c/0x4b",
      "PGD 0",
      "Oops: 0000 [#1] SMP",
    ];
    const found = extract(lines.join("\n")).map((f) => [f.kind, f.title]);
    expect(found).toContainEqual(["null-deref", "BUG: unable to handle kernel NULL pointer dereference in migrate_task_rq_fair"]);
  });
});

describe("formats syzkaller's table has and production logs print", () => {
  const titleOf = (lines: string[]) => extract(lines.join("\n")).map((f) => [f.kind, f.title, f.corrupted]);

  it("int3 traps, busy inodes, per-level page-table counters, bad rss-counter, KCSAN asserts", () => {
    expect(titleOf(["[ 1.0] int3: 0000 [#1] PREEMPT SMP", "[ 1.1] RIP: 0010:setc+0x5/0x8", "[ 1.2] Call Trace:", "[ 1.3]  x86_emulate_insn+0x73a/0xf30"])).toEqual([["oops", "int3 in setc", false]]);
    expect(titleOf(["[ 2.0] VFS: Busy inodes after unmount of sda1. Self-destruct in 5 seconds.  Have a nice day..."])).toEqual([
      ["bug", "VFS: Busy inodes after unmount (use-after-free)", false],
    ]);
    expect(titleOf(["[ 3.0] BUG: non-zero nr_pmds on freeing mm: 1"])).toEqual([["bug", "BUG: non-zero nr_pmds on freeing mm", false]]);
    expect(titleOf(["[ 4.0] BUG: Bad rss-counter state mm:ffff88007bdfd840 idx:1 val:1"])).toEqual([["bug", "BUG: Bad rss-counter state", false]]);
    expect(titleOf(["[ 4.5] BUG: failure at kernel/irq_work.c:155/irq_work_run_list()!"])).toEqual([["bug", "kernel BUG in irq_work_run_list", false]]);
    expect(titleOf(["[ 5.0] BUG: KCSAN: assert: race in dequeue_entities / enqueue_task_fair"])).toEqual([["kcsan", "KCSAN: assert: race in dequeue_entities", false]]);
  });

  it("a KCSAN data race between module functions names both, without their `[module]`", () => {
    const race = ["Oct 18 01:25:15 zfstest kernel: BUG: KCSAN: data-race in spa_config_exit [zfs] / spa_config_held [zfs]", "Oct 18 01:25:15 zfstest kernel:", "Oct 18 01:25:15 zfstest kernel: write to 0xffffa0b9670762bc of 4 bytes by task 225546 on cpu 20:", "Oct 18 01:25:15 zfstest kernel:  spa_config_exit+0xa4/0x1a0 [zfs]"];
    expect(titleOf(race)).toEqual([["kcsan", "KCSAN: data-race in spa_config_exit / spa_config_held", false]]);
    expect(titleOf(["[ 9.0] BUG: KCSAN: data-race in data_push_tail.part.0 / symbol_string"])).toEqual([["kcsan", "KCSAN: data-race in data_push_tail / symbol_string", false]]);
  });

  it("one report per check_mm() line: the next mm's line is the next report, a doubled console line is the same one", () => {
    const repeatsOf = (lines: string[]) => extract(lines.join("\n")).map((f) => [f.title, f.repeats ?? 1]);
    const mms = ["ffff8800088289c0", "ffff880008829a00", "ffff8800088296c0"].map((mm, k) => `[ 7${k}.0] BUG: Bad rss-counter state mm:${mm} idx:1 val:-1`);
    expect(repeatsOf(mms)).toEqual([["BUG: Bad rss-counter state", 3]]);
    const doubled = ["[ 8.0] BUG: Bad rss-counter state mm:ffff880008829040 idx:0 val:2", "[ 8.0] BUG: Bad rss-counter state mm:ffff880008829040 idx:0 val:2"];
    expect(repeatsOf(doubled)).toEqual([["BUG: Bad rss-counter state", 1]]);
  });

  it("a hard-lockup panic is a hard lockup, an empty INFO: is corrupted", () => {
    expect(titleOf(["[ 6.0] Kernel panic - not syncing: Hard LOCKUP", "[ 6.1] CPU: 2 PID: 0 Comm: swapper/2 Not tainted 5.10.0 #1"])).toEqual([
      ["hard-lockup", "Watchdog detected hard LOCKUP", false],
    ]);
    expect(titleOf(["[ 7.0] INFO: ", "[ 7.1] some line"])).toEqual([["bug", "INFO: corrupted", true]]);
  });

  it("an RCU stall header torn by another CPU's printk is the stall, its header damaged", () => {
    // An Android emulator guest: `sched: RT throttling activated` printed into the middle of the stall header, whose
    // `rcu: INFO: ` prefix was left alone on the line above.
    const torn = [
      "kernel: [  961.430096] rcu: INFO: ",
      "kernel: [  961.430632] sched: RT thrrcu_preempt self-detected stall on CPUottling activated",
      "kernel: [  961.439453] rcu: \t3-...!: (1 GPs behind) idle=dd2/1/0x4000000000000002 softirq=66875/66877 fqs=0",
      "kernel: [  961.449848] \t(t=8120 jiffies g=125393 q=29)",
    ];
    expect(titleOf(torn)).toEqual([["rcu-stall", "INFO: rcu detected stall in corrupted", true]]);
    // the same two lines read back as one (the syslog-tagged paste's first line looks wrapped and is joined)
    expect(titleOf(["kernel: [  961.430096] rcu: INFO: sched: RT thrrcu_preempt self-detected stall on CPUottling activated", ...torn.slice(2)])).toEqual([
      ["rcu-stall", "INFO: rcu detected stall in corrupted", true],
    ]);
    // an empty INFO: followed by anything else stays the corrupted INFO report
    expect(titleOf(["[ 7.0] INFO: ", "[ 7.1] sched: RT throttling activated"])).toEqual([["bug", "INFO: corrupted", true]]);
  });

  it("a hung-task stack whose header was cut is still a hung task (corrupted), but no second report under a header", () => {
    const stackLines = ['[ 8.1] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.', "[ 8.2] Call Trace:", "[ 8.3]  __schedule+0x47d/0x600", "[ 8.4]  schedule+0x67/0x90", "[ 8.5]  rwsem_down_read_slowpath+0x1e5/0x3a0", "[ 8.6]  ovl_sync_fs+0x2f/0x50"];
    expect(titleOf(stackLines)).toEqual([["hung-task", "INFO: task hung in ovl_sync_fs", true]]);
    expect(titleOf(["[ 8.0] INFO: task dockerd:1810 blocked for more than 328 seconds.", ...stackLines])).toEqual([["hung-task", "INFO: task hung in ovl_sync_fs", false]]);
  });
});

describe("titles when the stack names no function", () => {
  it("a hung task pasted through grep (no `Call Trace:` line) takes its frames from under the task's state line", () => {
    // Real shape: syslog lines a reporter grepped for `btrfs` (linux-btrfs, a btrfs-cleaner hang).
    const task = (state: string) =>
      extract([
        "[1298340.851140] INFO: task btrfs-cleaner:20078 blocked for more than 241 seconds.",
        `[1298340.854109] ${state}`,
        "[1298340.854151]  wait_current_trans+0xc2/0x120 [btrfs]",
        "[1298340.854169]  start_transaction+0x46d/0x540 [btrfs]",
        "[1298340.854183]  btrfs_drop_snapshot+0x90/0x7f0 [btrfs]",
      ].join("\n"));
    for (const state of ["task:btrfs-cleaner   state:D stack:    0 pid:20078 ppid:     2 flags:0x00004000", "btrfs-cleaner   D ffff88003fc13f40     0 20078      2 0x00000000"]) {
      const [hung] = task(state);
      expect(hung).toMatchObject({ title: "INFO: task hung in wait_current_trans", syzkallerTitle: "INFO: task hung in corrupted", guiltyFrame: "wait_current_trans" });
    }
    // Any other line between the header and the frames is no stack start: the report stays corrupted.
    expect(task("some other line").map((f) => f.title)).toEqual(["INFO: task hung in corrupted"]);
  });

  it("a GPF whose stack is cut takes the RIP function; syzkaller's form stays its title and an alt", () => {
    const [gpf] = extract(["[ 1.0] general protection fault: 0000 [#1] SMP NOPTI", "[ 1.1] RIP: 0010:memcpy_erms+0x6/0x10", "[ 1.2] RSP: 0018:ffffb97468d57b80 EFLAGS: 00010212"].join("\n"));
    expect(gpf).toMatchObject({ title: "general protection fault in memcpy_erms", syzkallerTitle: "general protection fault in corrupted", guiltyFrame: "memcpy_erms", corrupted: true });
    expect(gpf.altTitles).toContain("general protection fault in corrupted");
  });

  it("a WARNING whose stack holds only guesses takes the function its header names", () => {
    const [warning] = extract(
      ["[ 2.0] WARNING: at net/core/dev.c:1915 skb_warn_bad_offload+0x99/0xb0() (Not tainted)", "[ 2.1] Call Trace:", "[ 2.2]  [<ffffffff81071e27>] ? warn_slowpath_common+0x87/0xc0"].join("\n"),
    );
    expect(warning).toMatchObject({ title: "WARNING in skb_warn_bad_offload", syzkallerTitle: "WARNING in corrupted", guiltyFrame: "skb_warn_bad_offload" });
  });

  it("a WARNING header that prints the caller's address before its symbol names the symbol", () => {
    // Real shape: AVM FRITZ!OS 3.10 (Freetz-NG#3), a MIPS kernel with no trace under the header.
    const [warning] = extract(
      [
        "[  183.060000] WARNING: at /build/dsld/kernel/kdsld.c:1915 0x815300a0 kdsld_net_xmit+0x480/0x560 [kdsldmod]()",
        "[  183.060000] CPU: 0 PID: 0 Comm: swapper/0 Tainted: P           O 3.10.107 #1",
        "[  183.060000] Stack : 00000016 8004b364 00000000 00000000 00000000 00000000 8090c0fa 00000040",
      ].join("\n"),
    );
    expect(warning).toMatchObject({ title: "WARNING in kdsld_net_xmit", guiltyFrame: "kdsld_net_xmit" });
  });

  it("a WARNING without a source file whose RIP line was cut names the header's function, not its caller", () => {
    // Real shape: OpenWrt logread paste (coolsnowwolf/lede#10753): the trap-based WARN's function is in the RIP line
    // only; the trace under it starts at the caller.
    const lines = (rip: string[]) =>
      extract(
        [
          "[92612.617134] WARNING: CPU: 3 PID: 0 at __nf_conntrack_confirm+0x51f/0xe50 [nf_conntrack]",
          ...rip,
          "[92612.658988] Call Trace:",
          "[92612.659702]  <IRQ>",
          "[92612.660383]  nf_confirm+0xfd/0x2b0 [nf_conntrack]",
          "[92612.661955]  nf_hook_slow+0x40/0xb0",
          "[92612.662658]  ip_local_deliver+0x98/0xe0",
        ].join("\n"),
      );
    const [cut] = lines([]);
    expect(cut).toMatchObject({ title: "WARNING in __nf_conntrack_confirm", guiltyFrame: "__nf_conntrack_confirm" });
    const [whole] = lines(["[92612.640000] RIP: 0010:__nf_conntrack_confirm+0x51f/0xe50 [nf_conntrack]"]);
    expect(whole).toMatchObject({ title: "WARNING in __nf_conntrack_confirm", guiltyFrame: "__nf_conntrack_confirm" });
  });

  it("UBSAN headers in a row naming different locations are one report each (a `dmesg | grep UBSAN` paste)", () => {
    // Shape of testdata/real/ubsan/san29-gh-pop-os-linux-pr288-…: ubsan_prologue() prints one header per report, so
    // unlike KASAN's per-inline-frame headers a run of them is not one report.
    const grep = [
      "[    6.930398] UBSAN: array-index-out-of-bounds in /tmp/foo.0/log.c:1791:41",
      "[    6.931093] UBSAN: array-index-out-of-bounds in /tmp/foo.0/mem.c:399:33",
      "[    6.931724] UBSAN: array-index-out-of-bounds in /tmp/foo.0/mem.c:596:45",
    ];
    expect(extract(grep.join("\n")).reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(3);
    // The same header line twice is still one line copied, not two reports.
    expect(extract([grep[0], grep[0]].join("\n")).reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(1);
  });

  it("titles a symbolised KASAN report by its out-of-line header function, not the [inline] header lines above it", () => {
    // Shape of a syzbot mail (testdata/real/kasan/z7-gh-bluetooth-next-6-…): the symboliser adds one header line per
    // inlined level after syzkaller titled the raw report, whose only header was the out-of-line function's.
    const head = [
      "BUG: KASAN: use-after-free in foo_get include/net/foo.h:269 [inline]",
      "BUG: KASAN: use-after-free in foo_release+0x223/0x250 net/core/foo.c:653",
      "Read of size 8 at addr ffff888020b57a58 by task syz-executor.3/23125",
      "",
      "CPU: 0 PID: 23125 Comm: syz-executor.3 Not tainted 5.11.0-rc2-syzkaller #0",
      "Call Trace:",
      " __dump_stack lib/dump_stack.c:79 [inline]",
      " dump_stack+0x107/0x163 lib/dump_stack.c:120",
      " kasan_report.cold+0x79/0xd5 mm/kasan/report.c:413",
    ];
    const [cut] = extract(head.join("\n"));
    expect(cut).toMatchObject({ title: "KASAN: use-after-free Read in foo_release", guiltyFrame: "foo_release" });
    const [whole] = extract([...head, " foo_get include/net/foo.h:269 [inline]", " foo_release+0x223/0x250 net/core/foo.c:653", " foo_ioctl+0x10/0x20 net/core/foo.c:700"].join("\n"));
    expect(whole).toMatchObject({ title: "KASAN: use-after-free Read in foo_release", guiltyFrame: "foo_release" });
    // A paste cut after the inlined header line still names the only function it has.
    const [inlinedOnly] = extract([head[0], head[2]].join("\n"));
    expect(inlinedOnly).toMatchObject({ title: "KASAN: use-after-free Read in foo_get" });
  });

  it("titles a symbolised RIP by the PC's own function, not the [inline] RIP lines above it", () => {
    // Shape of testdata/real/gpf/san38-gh-bluetooth-next-pr645-…: one `RIP:` line per inlined level, then the line
    // with the PC's offset, whose function the raw report's only RIP named.
    const head = [
      "Oops: general protection fault, probably for non-canonical address 0xfbd59bffffffffcc: 0000 [#1] SMP KASAN PTI",
      "CPU: 3 UID: 0 PID: 404 Comm: repro Not tainted 7.2.0 #2 PREEMPT",
      "RIP: 0010:__foo_get_by_id net/foo/core.c:112 [inline]",
      "RIP: 0010:foo_alloc_id net/foo/core.c:261 [inline]",
      "RIP: 0010:__foo_chan_add+0x178/0x770 net/foo/core.c:644",
    ];
    const [cut] = extract(head.join("\n"));
    expect(cut).toMatchObject({ title: "general protection fault in __foo_chan_add", guiltyFrame: "__foo_chan_add" });
    const [whole] = extract([...head, "Call Trace:", " <TASK>", " foo_chan_connect+0x1a/0x40 net/foo/core.c:900", " foo_sock_connect+0x2b/0x60 net/foo/sock.c:120"].join("\n"));
    expect(whole).toMatchObject({ title: "general protection fault in __foo_chan_add", guiltyFrame: "__foo_chan_add" });
    // A paste cut after the inlined RIP lines still names the only function it has.
    const [inlinedOnly] = extract(head.slice(0, 3).join("\n"));
    expect(inlinedOnly).toMatchObject({ title: "general protection fault in __foo_get_by_id" });
  });
});

describe("parseReport", () => {
  it("a USB infoleak names where the uninit bytes were created as an alt; a kernel infoleak has the bad-access alt", () => {
    const [usb] = extract([
      "[  180.470227] BUG: KMSAN: kernel-usb-infoleak in usb_submit_urb+0x6c1/0x2aa0",
      "[  180.478010]  usb_submit_urb+0x6c1/0x2aa0",
      "[  180.482855]  hif_usb_send+0x5f0/0x16f0",
      "[  180.487492]  htc_connect_service+0x143e/0x1960",
      "[  180.545869] Uninit was created at:",
      "[  180.550185]  __kmalloc_node_track_caller+0xe0c/0x1510",
      "[  180.556141]  __alloc_skb+0x545/0xf90",
      "[  180.560605]  htc_connect_service+0x1029/0x1960",
    ].join("\n"));
    expect(usb.title).toBe("KMSAN: kernel-usb-infoleak in hif_usb_send");
    expect(usb.altTitles).toContain("KMSAN origin in htc_connect_service");

    const [leak] = extract([
      "[  100.000000] BUG: KMSAN: kernel-infoleak in instrument_copy_to_user+0x1/0x2",
      "[  100.000001]  instrument_copy_to_user+0x1/0x2",
      "[  100.000002]  _copy_to_user+0x1/0x2",
      "[  100.000003]  kernfs_fop_read_iter+0x1/0x2",
    ].join("\n"));
    expect(leak.altTitles).toContain("bad-access in kernfs_fop_read_iter");
  });

  it("parses each stack range once and shares it between the rules", () => {
    const report = parseReport(["general protection fault: 0000 [#1] SMP", "RIP: 0010:foo+0x1/0x2", "Call Trace:", " bar+0x1/0x2", " baz+0x3/0x4"]);
    expect(report.framesFrom(2)).toBe(report.framesFrom(2));
    expect(report.framesFrom(2).map((f) => f.function)).toEqual(["bar", "baz"]);
    expect(report.ripAt(1)).toMatchObject({ function: "foo" });
    expect(report.ripAt(1)).toBe(report.ripAt(1));
    expect(report.sectionsFrom(0)).toBe(report.sectionsFrom(0));
  });
});
