import { describe, expect, it } from "vitest";
import { joinWrappedLines } from "./join-wrapped-lines";
import { createLineContext, parseLine } from "./parse-line";

const parsed = (text: string) => {
  const ctx = createLineContext(0, 2024);
  return text.split("\n").map((raw, i) => parseLine(raw, i + 1, ctx));
};

/** The texts of `lines` (one physical line each) after joining. */
const joinedTexts = (...lines: string[]) => joinWrappedLines(parsed(lines.join("\n"))).map((l) => l.text);

const HEADER = "[   12.345678] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008";
const FRAME = "[   12.345699]  ? __sys_sendmsg_with_a_long_name_for_the_test+0x51/0x90 [some_module]";

describe("joinWrappedLines", () => {
  it("glues a line hard-wrapped at the window's width back together, mid-token", () => {
    const wrapped = [HEADER, FRAME]
      .flatMap((l) => (l.length > 80 ? [l.slice(0, 80), l.slice(80)] : [l]))
      .join("\n");
    const joined = joinWrappedLines(parsed(wrapped));
    expect(joined.map((l) => l.text)).toEqual([HEADER.slice(15), FRAME.slice(15)]);
    expect(joined.map((l) => l.lineNo)).toEqual([1, 3]);
  });

  it("joins a word-wrapped line with the space the wrap took", () => {
    const wrap = (l: string) => [l.slice(0, l.lastIndexOf(" ", 72)), l.slice(l.lastIndexOf(" ", 72) + 1)];
    const CPU = "[   12.345690] CPU: 1 PID: 1 Comm: init Not tainted 6.1.0-13-amd64 #1 Debian 6.1.55-1";
    const joined = joinWrappedLines(parsed([...wrap(HEADER), ...wrap(FRAME), ...wrap(CPU)].join("\n")));
    expect(joined.map((l) => l.text)).toEqual([HEADER, FRAME, CPU].map((l) => l.slice(15)));
  });

  it("joins a format=flowed wrap (the space kept at the end of the line) with that space alone", () => {
    // Thunderbird wraps before a word and leaves the space on the wrapped line: a second space would split the
    // header's words (`rcu_sched  self-detected`) and the report rule would not match.
    const flowed = (l: string) => [l.slice(0, l.lastIndexOf(" ", 72) + 1), l.slice(l.lastIndexOf(" ", 72) + 1)];
    const ISO = "2023-07-20T14:15:39-04:00 frontier06693 kernel: ";
    const STALL = `${ISO}rcu: INFO: rcu_sched self-detected stall on CPU`;
    const RIP = `${ISO}RIP: 0010:svm_range_cpu_invalidate_pagetables+0x317/0x610 [amdgpu]`;
    const wrapped = [...flowed(STALL), `${ISO}Call Trace:`, ...flowed(RIP)];
    expect(wrapped[0].endsWith("rcu_sched ")).toBe(true);
    const joined = joinWrappedLines(parsed(wrapped.join("\n")));
    expect(joined.map((l) => l.text)).toEqual([STALL, `${ISO}Call Trace:`, RIP].map((l) => l.slice(ISO.length)));
  });

  it("joins a format=flowed wrap that fell inside a run of blanks (a task line's padded columns) with the blanks kept", () => {
    const SYSLOG = "May 17 18:48:11 kernel: [ 6141.921740] ";
    const lines = [
      `${SYSLOG}INFO: task kworker/u8:0:5`,
      "blocked for more than 120 seconds.",
      `${SYSLOG}      Tainted: G         C   `,
      "  4.14.17-v7+ #1090",
      `${SYSLOG}kworker/u8:0    D    0     5 `,
      "    2 0x00000000",
      `${SYSLOG}[<807762c0>] (__schedule)`,
      "from [<80776938>] (schedule+0x50/0xa8)",
    ];
    const joined = joinWrappedLines(parsed(lines.join("\n")));
    expect(joined.map((l) => l.text)).toEqual([
      "INFO: task kworker/u8:0:5 blocked for more than 120 seconds.",
      "      Tainted: G         C     4.14.17-v7+ #1090",
      "kworker/u8:0    D    0     5     2 0x00000000",
      "[<807762c0>] (__schedule) from [<80776938>] (schedule+0x50/0xa8)",
    ]);
  });

  it("glues a panic message a terminal cut inside a word when the halves spell the kernel's message, spaces it otherwise", () => {
    expect(joinedTexts("[    1.465939] Kernel panic - not syncing: Attempted to kill ini", "t! exitcode=0x00000100")).toEqual([
      "Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100",
    ]);
    expect(joinedTexts("[    0.912345] Kernel panic - not syncing: Requested init /init.krun failed (err", "or -2).")).toEqual([
      "Kernel panic - not syncing: Requested init /init.krun failed (error -2).",
    ]);
    // A wrap at the space between two of the message's words: spaced.
    expect(joinedTexts("[    1.465939] Kernel panic - not syncing: Attempted to kill", "init! exitcode=0x00000100")).toEqual([
      "Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100",
    ]);
    // …also before a word that is no plain word (`in:`), when the message spans the space (xen-devel, 5.4 stack protector)
    expect(joinedTexts("> Kernel panic - not syncing: stack-protector: Kernel stack is corrupted", "in: cpu_bringup_and_idle+0x93/0xa0")).toEqual([
      "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: cpu_bringup_and_idle+0x93/0xa0",
    ]);
    // a line the kernel prints after the panic is not taken in
    expect(joinedTexts("[    1.465939] Kernel panic - not syncing: Fatal exception", "reboot: Restarting system")).toEqual([
      "Kernel panic - not syncing: Fatal exception",
      "reboot: Restarting system",
    ]);
  });

  it("takes each paste's own width: a new paste under the wider quoted original is still joined", () => {
    // Real shape (linux-mm, bugzilla 7645): the new syslog paste wrapped at 72 columns, the quoted report at 80.
    // A mail client's wrap: break at the last space within the width, again for what is left.
    const wrap = (l: string, width: number): string[] => {
      const at = l.length > width ? l.lastIndexOf(" ", width) : -1;
      return at > 0 ? [l.slice(0, at), ...wrap(l.slice(at + 1), width)] : [l];
    };
    const mine = (t: string) => `Dec  7 06:12:11 xxxx kernel: [  319.721086] ${t}`;
    const quoted = (t: string) => `Dec  7 04:17:21 xxxxx kernel: [128531.709032] ${t}`;
    const PID = "Pid: 4493, comm: java Not tainted 2.6.19smp-250-lock-AM-patch #3";
    const RIP = "RIP: 0010:[<ffffffff8026723b>]  [<ffffffff8026723b>] zeromap_page_range+0x2bb/0x340";
    const MODULES = "Modules linked in: myri10ge af_packet binfmt_misc dm_mirror dm_mod ohci_hcd ehci_hcd usbcore i2c_nforce2";
    const lines = [
      ...wrap(mine(PID), 72),
      ...wrap(mine(RIP), 72),
      ...wrap(quoted(MODULES), 80),
      ...wrap(quoted("Pid: 21891, comm: java Not tainted 2.6.19-RH-server-250-lock #2 and more"), 80),
    ];
    const joined = joinWrappedLines(parsed(lines.join("\n")));
    expect(joined.map((l) => l.text)).toEqual([PID, RIP, MODULES, "Pid: 21891, comm: java Not tainted 2.6.19-RH-server-250-lock #2 and more"]);
  });

  it("a word wrap of lines of one length reads as hard, but a comma the wrap ended on keeps its space", () => {
    const full = (us: number) => `Feb 23 16:44:36 jobs kernel: [38775494.${us}] nf_conntrack: table full,`;
    const joined = joinWrappedLines(parsed([full(393661), "dropping packet", full(494836), "dropping packet"].join("\n")));
    expect(joined.map((l) => l.text)).toEqual(["nf_conntrack: table full, dropping packet", "nf_conntrack: table full, dropping packet"]);
  });

  it("joins a header whose function, and a task line whose release, a wrap moved on, in a window too short to show a width", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[   95.152992] BUG: KASAN: use-after-free in",
          "snd_seq_queue_alloc+0x670/0x690 at addr ffff8801d0c6b080",
          "[   95.162080] Read of size 4 by task syz-executor2/5764",
          "[   95.162090] CPU: 0 PID: 2373 Comm: syz-executor408 Not",
          "tainted 5.4.199-syzkaller #0",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)).toEqual([
      "BUG: KASAN: use-after-free in snd_seq_queue_alloc+0x670/0x690 at addr ffff8801d0c6b080",
      "Read of size 4 by task syz-executor2/5764",
      "CPU: 0 PID: 2373 Comm: syz-executor408 Not tainted 5.4.199-syzkaller #0",
    ]);
  });

  it("joins the stack protector's panic to the function a wrap moved after its `in:`", () => {
    const message = "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: devres_release_all+0xc6/0xc6";
    expect(joinedTexts("[   28.165210][  T463] Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:", "devres_release_all+0xc6/0xc6")).toEqual([message]);
    // a mail's word wrap after the message's first colon: the rest starts with a capital, as a new kernel line would
    expect(joinedTexts("[   28.165210][  T463] Kernel panic - not syncing: stack-protector:", "Kernel stack is corrupted in: devres_release_all+0xc6/0xc6")).toEqual([message]);
  });

  it("glues a fault address a terminal cut inside its digits back together (8 or 16 digits in all)", () => {
    expect(joinedTexts("[ 1857.153157] CPU 0 Unable to handle kernel paging request at virtual address 0", "0000000, epc == 826f598c, ra == 826f598c")).toEqual([
      "CPU 0 Unable to handle kernel paging request at virtual address 00000000, epc == 826f598c, ra == 826f598c",
    ]);
    expect(joinedTexts("[  402.108994] Unable to handle kernel paging request at virtual address 0000000", "800000022", "[  402.108995] Mem abort info:")).toEqual([
      "Unable to handle kernel paging request at virtual address 0000000800000022",
      "Mem abort info:",
    ]);
    // digits that would not make a full address are another line's
    expect(joinedTexts("[    1.000000] Unable to handle kernel paging request at virtual address 0000000", "ab apples")).toEqual([
      "Unable to handle kernel paging request at virtual address 0000000",
      "ab apples",
    ]);
  });

  it("glues a CPU line's release a terminal cut mid-way, also where the window's width joins it as a word wrap", () => {
    const cpu = "[  667.379205] CPU: 0 PID: 100 Comm: intrate.sh Tainted: G    B D W  O       6.6.";
    expect(joinedTexts(cpu, "0-00004-g67bc4513761f #9", "[  667.379494] Hardware name: ucb-bar,chipyard (DT)")).toEqual([
      "CPU: 0 PID: 100 Comm: intrate.sh Tainted: G    B D W  O       6.6.0-00004-g67bc4513761f #9",
      "Hardware name: ucb-bar,chipyard (DT)",
    ]);
    expect(joinedTexts("[    1.000000] CPU: 3 PID: 1 Comm: init Not tainted 5.15.0-91-gen", "eric #101-Ubuntu")).toEqual(["CPU: 3 PID: 1 Comm: init Not tainted 5.15.0-91-generic #101-Ubuntu"]);
    // Cut at the space before the build number: `#9` is no part of the release.
    expect(joinedTexts("[    1.000000] CPU: 3 PID: 1 Comm: init Not tainted 5.15.0-91-generic", "#101-Ubuntu")[0]).not.toContain("generic#101");
  });

  it("glues an ARM backtrace line a terminal cut inside its caller's parenthesis", () => {
    expect(
      joinedTexts(
        "[<c09131fc>] (schedule) from [<c017ec74>] (rwsem_down_write_slowpath+0x24c/0x4c0",
        ")",
        " r5:00000001 r4:ec417280",
        "[<c0915f00>] (down_write) from [<c0435b68>] (f2fs_write_single_data_page+0x608/0",
        "x7ac)",
        "[<c0435560>] (f2fs_write_single_data_page) from [<c0435fc0>] (f2fs_write_cache_p",
        "ages+0x2b4/0x7c4)",
      ),
    ).toEqual([
      "[<c09131fc>] (schedule) from [<c017ec74>] (rwsem_down_write_slowpath+0x24c/0x4c0)",
      " r5:00000001 r4:ec417280",
      "[<c0915f00>] (down_write) from [<c0435b68>] (f2fs_write_single_data_page+0x608/0x7ac)",
      "[<c0435560>] (f2fs_write_single_data_page) from [<c0435fc0>] (f2fs_write_cache_pages+0x2b4/0x7c4)",
    ]);
    // a module's name inside the cut parenthesis
    expect(joinedTexts("[<7f0d0248>] (cfg_set [wilc_sdio]) from [<7f0d04ac>] (wilc_send_config_pkt+0xc8/", "0x258 [wilc_sdio])")).toEqual([
      "[<7f0d0248>] (cfg_set [wilc_sdio]) from [<7f0d04ac>] (wilc_send_config_pkt+0xc8/0x258 [wilc_sdio])",
    ]);
    // 3.x's form with the callee's offset, behind a vendor's timestamp no reader knows
    expect(joinedTexts("[    7.932870@0] [<c0013cf0>] (unwind_backtrace+0x0/0xec) from [<c0011644>] (sho", "w_stack+0x10/0x14)")).toEqual([
      "[    7.932870@0] [<c0013cf0>] (unwind_backtrace+0x0/0xec) from [<c0011644>] (show_stack+0x10/0x14)",
    ]);
  });

  it("glues a 3.x ARM backtrace line (no space before the parentheses) cut inside its caller, its address included", () => {
    // A vendor kernel's WARNING quoted in a PR, wrapped at 80 columns behind `<4>[ts]` console levels.
    expect(
      joinedTexts(
        "<4>[  124.984869] [<c010e10c>](unwind_backtrace+0x0/0x144) from [<c0a1c68c>](d",
        "ump_stack+0x20/0x24)",
        "<4>[  124.985464] [<c019ab44>](warn_slowpath_common+0x58/0x70) from [<c019abd8>",
        "](warn_slowpath_fmt+0x40/0x48)",
        "<4>[  124.986287] [<c0179d30>](msm_pm_wait_cpu_shutdown+0x9c/0xb0) from [<c0126",
        "750>](platform_cpu_kill+0x38/0x48)",
      ),
    ).toEqual([
      "[<c010e10c>](unwind_backtrace+0x0/0x144) from [<c0a1c68c>](dump_stack+0x20/0x24)",
      "[<c019ab44>](warn_slowpath_common+0x58/0x70) from [<c019abd8>](warn_slowpath_fmt+0x40/0x48)",
      "[<c0179d30>](msm_pm_wait_cpu_shutdown+0x9c/0xb0) from [<c0126750>](platform_cpu_kill+0x38/0x48)",
    ]);
    // A line that is whole is not continued by the next frame line, nor a cut one by a line that is not its rest.
    expect(joinedTexts("[<c0126750>](platform_cpu_kill+0x38/0x48) from [<c010c6fc>](__cpu_die+0x4c/0x98)", "r4:00000001")).toHaveLength(2);
    expect(joinedTexts("[<c0126750>](platform_cpu_kill+0x38/0x48) from [<c010c6fc>](__cpu", "[<c010c6fc>](__cpu_die+0x4c/0x98) from [<c09ee9cc>](_cpu_down+0xf8/0x2e0)")).toHaveLength(2);
  });

  it("joins a 6.x WARNING header broken before the `at` that names the warned function", () => {
    // A bare paste without prefixes (ublue-os/bazzite#5337): read alone, the first line names no function.
    expect(joinedTexts("WARNING: drivers/net/ethernet/intel/igc/igc_main.c:7021", "at igc_rd32+0xa2/0xb0 [igc]")).toEqual([
      "WARNING: drivers/net/ethernet/intel/igc/igc_main.c:7021 at igc_rd32+0xa2/0xb0 [igc]",
    ]);
    // Only a location ends the head, and only a function with its offset opens the rest.
    expect(joinedTexts("WARNING: drivers/net/x.c:12", "at boot the link was down")).toHaveLength(2);
  });

  it("glues a WARNING's source location a terminal cut inside its line number", () => {
    expect(joinedTexts("May 05 01:04:57 ubuntu kernel: WARNING: CPU: 0 PID: 152847 at fs/kernfs/dir.c:15", "03 kernfs_remove_by_name_ns+0x8a/0xa0")).toEqual([
      "WARNING: CPU: 0 PID: 152847 at fs/kernfs/dir.c:1503 kernfs_remove_by_name_ns+0x8a/0xa0",
    ]);
  });

  it("joins a frame's module bracket a word wrap cut before the build ID, and only a bracket left open", () => {
    // linux-bluetooth, 5.18 dmesg -H wrapped by the mailer: the build ID and its bracket went to the next line
    expect(
      joinedTexts("[  +0.000012]  rfcomm_run+0x152/0x1900 [rfcomm", "70c711e71e4c70ddabda45ec756f02d9606ec257]", "[  +0.000018]  ? ttwu_do_wakeup+0x17/0x160"),
    ).toEqual([" rfcomm_run+0x152/0x1900 [rfcomm 70c711e71e4c70ddabda45ec756f02d9606ec257]", " ? ttwu_do_wakeup+0x17/0x160"]);
    // a closed bracket is a whole frame: a hex line after it is not its rest
    expect(joinedTexts("[  +0.000012]  rfcomm_run+0x152/0x1900 [rfcomm]", "70c711e71e4c70ddabda45ec756f02d9606ec257]")).toEqual([
      " rfcomm_run+0x152/0x1900 [rfcomm]",
      "70c711e71e4c70ddabda45ec756f02d9606ec257]",
    ]);
  });

  it("glues a hung task's header a terminal cut inside one of its words, and only where the kernel's phrase spans the cut", () => {
    // rclone on EL8 (`dmesg -T` copied from an 80-column terminal) and an aarch64 syslog cut the same way
    expect(joinedTexts("[Wed May 31 00:03:20 2023] INFO: task rclone:61704 blocked for more than 120 seco", "nds.")).toEqual([
      "INFO: task rclone:61704 blocked for more than 120 seconds.",
    ]);
    expect(joinedTexts("May 23 05:11:02 localhost kernel: INFO: task qemu-system-aar:8361 blocked f", "or more than 120 seconds.")).toEqual([
      "INFO: task qemu-system-aar:8361 blocked for more than 120 seconds.",
    ]);
    // a whole header, or a rest that does not finish the phrase, takes nothing
    expect(joinedTexts("[  100.000000] INFO: task a:1 blocked for more than 120 seconds.", "done.")).toEqual(["INFO: task a:1 blocked for more than 120 seconds.", "done."]);
    expect(joinedTexts("[  100.000000] INFO: task a:1 blocked for more than 120 seco", "rds.")).toEqual(["INFO: task a:1 blocked for more than 120 seco", "rds."]);
  });

  it("glues a frame's module bracket a terminal cut inside or right after the module's name", () => {
    // OpenWrt 3.18 MIPS `Kernel bug detected` copied from an 80-column terminal: the epc line lost its closing bracket
    expect(joinedTexts("<4>[  131.590000] epc   : 80d606ac nf_conntrack_find_get+0x5c/0x84 [nf_conntrack", "]", "<4>[  131.590000]     Not tainted")).toEqual([
      "epc   : 80d606ac nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]",
      "    Not tainted",
    ]);
    expect(joinedTexts("[  131.590000]  nf_conntrack_find_get+0x5c/0x84 [nf_conn", "track]")).toEqual([" nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]"]);
    // a closed bracket is a whole frame, and a bracket that is no module's (a stamp) takes nothing
    expect(joinedTexts("[  131.590000]  nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]", "]")).toEqual([" nf_conntrack_find_get+0x5c/0x84 [nf_conntrack]", "]"]);
    expect(joinedTexts("[  131.590000] eth0: link up [x", "]")).toEqual(["eth0: link up [x", "]"]);
  });

  it("glues lockdep's lock site a terminal cut inside the function's name", () => {
    expect(joinedTexts("ffff88801d089f18 (&zfsvfs->z_teardown_inactive_lock){.+.+}-{4:4}, at: zfs_inacti", "ve+0x194/0x1300 fs/zfs/os/linux/zfs/zfs_vnops_os.c:4084")).toEqual([
      "ffff88801d089f18 (&zfsvfs->z_teardown_inactive_lock){.+.+}-{4:4}, at: zfs_inactive+0x194/0x1300 fs/zfs/os/linux/zfs/zfs_vnops_os.c:4084",
    ]);
  });

  it("in a window read as hard-wrapped, joins words the kernel prints apart with the space the cut took", () => {
    // cuts inside tokens (`mems_` + `allowed`) make the window a hard wrap; the kill line's cut fell on a space
    const texts = joinedTexts(
      "[10908.906561] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpus=p,mems_",
      "allowed=0",
      "[10908.906562] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpus=p0,oom_",
      "memcg=/kubepods",
      "[10908.906567] Memory cgroup out of memory: Kill process 30936 (fluentd-elastic)",
      "score 1997 or sacrifice child",
    );
    expect(texts).toEqual([
      "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpus=p,mems_allowed=0",
      "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpus=p0,oom_memcg=/kubepods",
      "Memory cgroup out of memory: Kill process 30936 (fluentd-elastic) score 1997 or sacrifice child",
    ]);
  });

  it("joins a task line wrapped right after `Tainted:` to the flags and release that lead the next line", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[ 4528.074757] CPU: 9 PID: 53811 Comm: vgchange Kdump: loaded Tainted:",
          "P           OE     5.4.190-esos.prod #1",
          "[ 4528.074797] Hardware name: Quantum H2012/H12SSW-NT, BIOS",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)[0]).toBe("CPU: 9 PID: 53811 Comm: vgchange Kdump: loaded Tainted: P           OE     5.4.190-esos.prod #1");
    // Flags with no release after them are not a task line's tail: a register line that a wrap cut stays apart.
    const other = parsed(["[ 4528.074757] CPU: 9 PID: 53811 Comm: vgchange Tainted:", "P OE stuff"].join("\n"));
    expect(joinWrappedLines(other).map((l) => l.text)).toEqual(["CPU: 9 PID: 53811 Comm: vgchange Tainted:", "P OE stuff"]);
  });

  it("joins lockdep's lock site, a header of a log without prefixes, and a prefixed line cut after a preposition", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[   44.025025]  (&(&r->consumer_lock)->rlock){+.+...}, at:",
          "[<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210",
          "[  584.319520][   T31] INFO: task udevd:5612 blocked in I/O wait for",
          "more than 143 seconds.",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)).toEqual([
      " (&(&r->consumer_lock)->rlock){+.+...}, at: [<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210",
      "INFO: task udevd:5612 blocked in I/O wait for more than 143 seconds.",
    ]);
    const plain = joinWrappedLines(parsed(["BUG: KASAN: slab-use-after-free in", "__list_add_valid_or_report+0x16a/0x1a0", "Read of size 8 at addr ffff888012acfc20 by task a/1"].join("\n")));
    expect(plain.map((l) => l.text)).toEqual(["BUG: KASAN: slab-use-after-free in __list_add_valid_or_report+0x16a/0x1a0", "Read of size 8 at addr ffff888012acfc20 by task a/1"]);
  });

  it("joins a lock site wrapped after `at:` whose ppc64 ELFv1 symbol starts with the descriptor dot", () => {
    // bugzilla's mail wraps at 80 columns: `…{+.?.}, at:` / `.zstd_reclaim_timer_fn+0x40/0x230` (a POWER9 big-endian build)
    const joined = joinWrappedLines(
      parsed(["[  313.402888] 0000000080d1120c (&(&wsm.lock)->rlock){+.?.}, at:", ".zstd_reclaim_timer_fn+0x40/0x230", "[  313.402895] {SOFTIRQ-ON-W} state was registered at:"].join("\n")),
    );
    expect(joined.map((l) => l.text)).toEqual([
      "0000000080d1120c (&(&wsm.lock)->rlock){+.?.}, at: .zstd_reclaim_timer_fn+0x40/0x230",
      "{SOFTIRQ-ON-W} state was registered at:",
    ]);
    // A sentence that ends in `at:` is not continued by a line that only starts with a dot.
    const prose = joinWrappedLines(parsed(["[  313.402888] lock held at:", ". done"].join("\n")));
    expect(prose.map((l) => l.text)).toEqual(["lock held at:", ". done"]);
  });

  it("reads a window whose wrapped lines all stop at one width narrower than a terminal as a word wrap", () => {
    // A mail client's wrap at 72 of one message repeated: every wrapped line ends at the same column, as a hard wrap's
    // would, but the cut falls where the kernel printed a space (`sda5):` + `csum`, `:` + `waiting`).
    const btrfs = (t: string) => [`Sep  4 09:26:31 N1 kernel: [ 8933.12622${t}] BTRFS warning (device sda5):`, "csum failed root 450 ino 257 off 6203441152"];
    const netdev = (t: string) => [`Nov 23 14:32:51 ci3 kernel: [387120.14113${t}] unregister_netdevice:`, "waiting for lo to become free. Usage count = -1"];
    // A neighbour of another length wrapped short of the width: a word wrap, not a hard one that missed a line.
    const arp = (t: string) => [`Jun 11 11:04:3${t} k8snode228 kernel: neighbour: arp_cache: neighbor table`, "overflow!"];
    const other = ["Jun 11 11:04:36 k8snode228 kernel: veth53cd54f: link becomes ready and", "up"];
    for (const lines of [[...btrfs("8"), ...btrfs("9")], [...netdev("0"), ...netdev("1")], [...arp("5"), ...arp("6"), ...arp("7"), ...other]]) {
      expect(lines[0].length).toBe(lines[2].length);
      const joined = joinWrappedLines(parsed(lines.join("\n")));
      const heads = lines.flatMap((l, i) => (i % 2 === 0 ? [i] : []));
      expect(joined.map((l) => l.text.replace(/^.*?\] /, ""))).toEqual(heads.map((i) => `${parsed(lines[i])[0].text.replace(/^.*?\] /, "")} ${lines[i + 1]}`));
    }
  });

  it("glues a WARNING's source location a terminal cut anywhere inside it, however many times", () => {
    const warning = "Jun 18 20:37:40 SoulHarsh007 kernel: WARNING: CPU: 7 PID: 1 at kernel/sched/ext.c:3725 scx_cgroup_can_attach+0x196/0x340";
    const at = (n: number) => [warning.slice(0, n), warning.slice(n)];
    for (const cut of [warning.indexOf("c:3725"), warning.indexOf("3725"), warning.indexOf("/sched")]) {
      expect(joinedTexts(...at(cut))).toEqual([warning.slice(37)]);
    }
    const oot = "[  630.882201] WARNING: CPU: 5 PID: 47 at /home/build/workspace/omnia-master/build_dir/target-arm_cortex-a9+vfpv3/compat-wireless-2016-10-08/net/mac80211/driver-ops.c:39 drv_stop+0xa0/0xa4 [mac80211]()";
    const pieces = [oot.slice(0, 80), oot.slice(80, 160), oot.slice(160)];
    expect(joinedTexts(...pieces)).toEqual([oot.slice(15)]);
    // A whole location ends the path: the function on the next line is a word wrap's next word.
    expect(joinedTexts("[  226.978232] WARNING: CPU: 1 PID: 103 at kernel/panic.c:677", "refcount_error_report+0x9b/0xab")).toEqual([
      "WARNING: CPU: 1 PID: 103 at kernel/panic.c:677 refcount_error_report+0x9b/0xab",
    ]);
    // A sentence that ends in a path is not continued by a line that is not the rest of one.
    expect(joinedTexts("[   12.345678] WARNING: at fs/", "see the thread")).toEqual(["WARNING: at fs/", "see the thread"]);
    // A path longer than a mail's 72 columns, cut mid-word and then before its function: the location is glued whole.
    expect(
      joinedTexts(
        "[  171.176615] WARNING: CPU: 0 PID: 1116 at",
        "/home/jl/android/mig_ise-mig_os/build/tmp-glibc/work-shared/intel-5xx-64/kernel-so",
        "urce/drivers/gpu/drm/i915/intel_drv.h:1719",
        "gen9_decoupled_read32+0x1bb/0x1e0 [i915]",
      ),
    ).toEqual(["WARNING: CPU: 0 PID: 1116 at /home/jl/android/mig_ise-mig_os/build/tmp-glibc/work-shared/intel-5xx-64/kernel-source/drivers/gpu/drm/i915/intel_drv.h:1719 gen9_decoupled_read32+0x1bb/0x1e0 [i915]"]);
  });

  it("reads a report's keyword and a prefixed line that says nothing as cut from what follows them", () => {
    // 6.x's WARNING header starts with a path longer than a 72-column wrap leaves room for.
    expect(joinedTexts("Jun 30 04:54:39 pop-os kernel: WARNING:", "drivers/gpu/drm/amd/amdgpu/../display/amdgpu_dm/amdgpu_dm.c:9576 at")).toEqual([
      "WARNING: drivers/gpu/drm/amd/amdgpu/../display/amdgpu_dm/amdgpu_dm.c:9576 at",
    ]);
    expect(joinedTexts("Jan 12 00:16:11 vsa-14 kernel: [387258.854200]", "Tainted: G           OE   4.14.99-zadara02 #1")).toEqual([
      " Tainted: G           OE   4.14.99-zadara02 #1",
    ]);
  });

  it("joins a Go fatal signal's bracket and a goroutine dump's call a mail client moved off an empty prefixed line", () => {
    const k = "Dec 9 17:22:01 k8smaster1 kubelet:";
    expect(joinedTexts(`${k} [signal SIGSEGV: segmentation violation`, "code=0x1 addr=0x10 pc=0x319cff5]")).toEqual([
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x319cff5]",
    ]);
    const call = "k8s.io/kubernetes/pkg/kubelet/dockershim.(*dockerService).ContainerStatus(0xc000d7e000,";
    expect(joinedTexts(k, call).map((t) => t.trim())).toEqual([call]);
    expect(joinedTexts(k, "/usr/local/go/src/runtime/panic.go:491").map((t) => t.trim())).toEqual(["/usr/local/go/src/runtime/panic.go:491"]);
    // Prose after an empty line is no piece of it.
    expect(joinedTexts(k, "Starting Network Manager...")).toEqual(["", "Starting Network Manager..."]);
  });

  it("takes a cut inside a driver's padded columns for no evidence of a hard wrap: the event line a word wrap cut joins", () => {
    // igb's hang dump pads its columns; a mail client's wrap at 72 cut each row inside the padding, which leaves blanks
    // on both sides of the cut — what a hard wrap inside a token would leave on the continuation's side alone.
    const stamp = "May  6 19:48:46 workstation kernel: [   95.178723]";
    const row = (name: string, value: string) => [`${stamp}   ${name.padEnd(19)}`.padEnd(72), ` <${value}>`];
    const link = ["May  6 19:48:34 workstation kernel: [   82.771627] igb: eth0 NIC Link is", "Up 1000 Mbps Full Duplex, Flow Control: RX/TX"];
    const hang = [`${stamp} igb 0000:09:00.0:`, "Detected Tx Unit Hang"];
    const rows = [...row("Tx Queue", "1"), ...row("next_to_watch", "ffff880402c90000"), ...row("jiffies", "ffff379e"), ...row("desc.status", "558000")];
    expect(joinedTexts(...link, ...hang, ...rows).slice(0, 2)).toEqual([`${link[0].slice(51)} ${link[1]}`, "igb 0000:09:00.0: Detected Tx Unit Hang"]);
  });

  it("reads a window wrapped at 80 columns whose cuts fall after a word's colon as a word wrap, inside tokens as a hard one", () => {
    const word = ["[  853.105084] BUG: workqueue lockup - pool cpus=0 node=0 flags=0x0 nice=0 stuck:", "for 31s!"];
    const joinedWord = joinWrappedLines(parsed([...word, ...word].join("\n")));
    expect(joinedWord.map((l) => l.text)).toEqual(Array(2).fill(`${word[0].slice(15)} ${word[1]}`));
    const hard = ["[  853.105084] Modules linked in: binfmt_misc nf_conntrack_netlink veth xt_nat xt_", "recent ipt_REJECT"];
    const joinedHard = joinWrappedLines(parsed([...hard, ...hard].join("\n")));
    expect(joinedHard.map((l) => l.text)).toEqual(Array(2).fill(`${hard[0].slice(15)}${hard[1]}`));
  });

  it("joins an address-only frame, a RIP and a header to the function, segment or source location a wrap moved on", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[61778.054546] IP: [<ffffffff810b84a2>]",
          "wakeup_preempt_entity.isra.55+0x12/0x60",
          "Aug 18 08:54:42 TR kernel: RIP:",
          "0010:handle_removed_tdp_mmu_page+0x88/0x280 [kvm]",
          " (&zio->io_lock){+.+...}, at: [<ffffffffa051fac8>]",
          "zio_add_child+0x88/0x150 [zfs]",
          "UBSAN: array-index-out-of-bounds in",
          "/var/lib/dkms/leetmouse-driver/0.9.1/build/driver/util.c:135:35",
          "[691369.363848] WARNING: at",
          "/usr/src/packages/BUILD/kernel-default-2.6.37.6/linux-2.6.37/kernel/watchdog.c:224",
          "watchdog_overflow_callback+0xd4/0x100()",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)).toEqual([
      "IP: [<ffffffff810b84a2>] wakeup_preempt_entity.isra.55+0x12/0x60",
      "RIP: 0010:handle_removed_tdp_mmu_page+0x88/0x280 [kvm]",
      " (&zio->io_lock){+.+...}, at: [<ffffffffa051fac8>] zio_add_child+0x88/0x150 [zfs]",
      "UBSAN: array-index-out-of-bounds in /var/lib/dkms/leetmouse-driver/0.9.1/build/driver/util.c:135:35",
      "WARNING: at /usr/src/packages/BUILD/kernel-default-2.6.37.6/linux-2.6.37/kernel/watchdog.c:224 watchdog_overflow_callback+0xd4/0x100()",
    ]);
  });

  it("joins a hung task's taint line a mailer cut after its `Not` to the release on the next line", () => {
    expect(
      joinedTexts(
        "Sep  4 13:36:36 prod-worker-1a kernel: [ 3384.621073]       Not",
        "tainted 5.0.0-25-generic #26~18.04.1-Ubuntu",
      ).map((t) => t.trim()),
    ).toEqual(["Not tainted 5.0.0-25-generic #26~18.04.1-Ubuntu"]);
    // a `Not` that ends a longer message is not a taint line
    expect(joinedTexts("[ 12.345678] usb 1-1: Not", "tainted 5.0.0 #1").length).toBe(2);
  });

  it("joins 2.6's task line and a hung task's taint line to their release, and a decoded frame to the rest of its parenthesis", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "Pid: 8480, comm: vdev_open/1 Tainted: G        W  ----------------  ",
          "2.6.32-220.1chaos.ch5.x86_64.debug #1",
          "[ 6141.921764]       Tainted: G         C   ",
          "4.14.17-v7+ #1090",
          "[Mon Nov 20 11:44:21 2023]       Tainted: G           OE    --------",
          "---  5.14.0-284.36.1.el9_2.x86_64 #1",
          "  nwl_unmask_leg_irq (drivers/pci/controller/pcie-xilinx-nwl.c:389",
          "(discriminator 1))",
          "  irq_enable (kernel/irq/internals.h:234 kernel/irq/chip.c:170",
          "kernel/irq/chip.c:439)",
          "  irq_startup (kernel/irq/chip.c:270)",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text.trim())).toEqual([
      // The space the wrap left at the end of the line is the one between the halves.
      "Pid: 8480, comm: vdev_open/1 Tainted: G        W  ----------------  2.6.32-220.1chaos.ch5.x86_64.debug #1",
      "Tainted: G         C   4.14.17-v7+ #1090",
      // RHEL's taint line wrapped inside the dashes it pads its release with
      "Tainted: G           OE    -------- ---  5.14.0-284.36.1.el9_2.x86_64 #1",
      "nwl_unmask_leg_irq (drivers/pci/controller/pcie-xilinx-nwl.c:389 (discriminator 1))",
      "irq_enable (kernel/irq/internals.h:234 kernel/irq/chip.c:170 kernel/irq/chip.c:439)",
      "irq_startup (kernel/irq/chip.c:270)",
    ]);
  });

  it("joins a message cut between words the kernel always prints together, and a panic's message cut between words", () => {
    const pairs = [
      ["kern.alert: [21657.872242] BUG: unable to handle kernel NULL pointer", "dereference at           (null)"],
      ["> [598428.945633] BUG: kernel NULL pointer dereference, address:", "0000000000000038"],
      [" 1257.892709] sudo invoked oom-killer:", "gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0"],
      ["[ 1204.100000] ethtool: page allocation failure: order:5,", "mode:0x60c0c0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null)"],
      ["[ 3318.829119] kernel: INFO: task kworker/u16:0:17963 blocked for more", "than 122 seconds."],
      ["Jun 26 11:44:30 redacted kernel: [327310.678539] INFO: task nfsd:848", "blocked for more than 120 seconds."],
      ["[  185.133252] Kernel panic - not syncing: Out of memory: system-wide", "panic_on_oom is enabled"],
      ["[    2.301337] Kernel panic - not syncing: VFS: Unable to mount root fs on", "unknown-block(0,0)"],
      ["[    2.301337] Kernel panic - not syncing: Attempted to kill", "init! exitcode=0x00000100"],
      ["[    2.301337] Kernel panic - not syncing: Requested init", "/usr/lib/raspi-config/init_resize.sh failed (error -2)."],
      ["[    2.301337] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel. See Linux", "Documentation/admin-guide/init.rst for guidance."],
      ["[ 6120.052092] INFO: task bitcoind:2138 blocked for more than 120", "seconds."],
      ["[ 3000.709259] INFO: task jbd2/sda1-8:434 blocked", "for more than 120 seconds."],
      ["Apr 21 09:29:23 virt01 kernel: INFO: task pve-firewall:896 blocked for more than", "122 seconds."],
      ["[ 6120.052128] bitcoind        D 0000000000000001     0  2138      1", "0x00000000"],
      ["[    0.607967] WARNING: CPU: 3 PID: 1 at", "__flush_work.isra.47+0x22c/0x248"],
      ["[ 6120.052294]  [<ffffffff8100a5f5>] ?", "xen_clocksource_get_cycles+0x15/0x20"],
      ["[10908.906567] Memory cgroup out of memory: Kill process 30936 (fluentd)", "score 1997 or sacrifice child"],
      ["[10908.911545] Killed process 30936 (fluentd) total-vm:1521656kB,", "anon-rss:509588kB, file-rss:5172kB"],
      ["[  185.133252] Kernel panic - not syncing: stack-protector:", "Kernel stack is corrupted in: devres_release_all+0xc6/0xc6"],
    ];
    for (const [head, next] of pairs) {
      const joined = joinWrappedLines(parsed(`${head}\n${next}`));
      expect(joined).toHaveLength(1);
      expect(joined[0].text.endsWith(` ${next}`)).toBe(true);
    }
    // After a panic, a line of its own: a capital, a `Word:`.
    for (const next of ["CPU: 1 PID: 2272 Comm: memeater", "Rebooting in 10 seconds.."]) {
      expect(joinWrappedLines(parsed(`[  185.133252] Kernel panic - not syncing: Out of memory: system-wide\n${next}`))).toHaveLength(2);
    }
  });

  it("joins a Go frame's arguments and offset, and klog's recovered panic, to the line a wrap cut", () => {
    const lines = [
      'E0623 15:24:30.674204 1 runtime.go:78] Observed a panic: "invalid memory',
      'address or nil pointer dereference" (runtime error: invalid memory',
      "address or nil pointer dereference)",
      "goroutine 552 [running]:",
      "github.com/aquasecurity/starboard/pkg/kube.(*logsReader).GetLogsByJobAndContainerName(0xc0000a5a30,",
      "0x1984298, 0xc0010fa630, 0xc000fd8000, 0xc000c8cd68, 0x17, 0x17,",
      "0xc0007d85b8, 0x14, 0xc00004c8d0)",
      "/home/runner/go/pkg/mod/k8s.io/apimachinery@v0.19.2/pkg/util/runtime/runtime.go:74",
      "+0xa6",
      "panic(0x15e2ba0, 0x22e29c0)",
    ];
    const joined = joinWrappedLines(parsed(lines.join("\n")));
    expect(joined.map((l) => l.text.replace(/^.*?\] /, ""))).toEqual([
      'Observed a panic: "invalid memory address or nil pointer dereference" (runtime error: invalid memory address or nil pointer dereference)',
      "goroutine 552 [running]:",
      `${lines[4]} ${lines[5]} ${lines[6]}`,
      `${lines[7]} ${lines[8]}`,
      "panic(0x15e2ba0, 0x22e29c0)",
    ]);
  });

  it("glues a function a terminal cut inside its name or before its offset to the line that names it", () => {
    const pairs = [
      ["[   82.127964] WARNING: CPU: 15 PID: 8953 at arch/x86/mm/extable.c:126 ex_handle", "r_uaccess+0x4d/0x60"],
      ["WARNING: CPU: 13 PID: 39202 at include/linux/rwsem.h:85 remap_pfn_range_internal", "+0x416/0x520"],
      // a 3.x/4.x frame, its offset always on its own line (an aarch64 syslog whose time-only prefix no format reads)
      ["23:05:11 localhost.localdomain kernel: [<ffff000005aac1f8>] amd_sched_entity_pus", "h_job+0x98/0x148 [amdgpu]"],
      ["[<ffffffff8109b2f5>] ? wait_for_compl", "etion+0x125/0x1f0"],
    ];
    for (const [head, next] of pairs) {
      const joined = joinWrappedLines(parsed(`${head}\n${next}`));
      expect(joined.map((l) => l.text)).toEqual([parsed(head)[0].text + next]);
    }
    // A frame line of its own under a header that names no function is left alone.
    const lines = parsed("[   82.127964] Call Trace:\nex_handler_uaccess+0x4d/0x60");
    expect(joinWrappedLines(lines)).toBe(lines);
  });

  it("leaves a frame alone under a line that names its function already (a stack that lost its prefixes)", () => {
    const lines = parsed(["[ 1045.720000] Call Trace:", "dump_stack+0x19/0x1b", "[ 1045.720001] CPU: 0 PID: 1 Comm: sh Not tainted 5.4.0 #1", "tainted 5.4.0 #1"].join("\n"));
    expect(joinWrappedLines(lines)).toBe(lines);
  });

  it("leaves a log alone whose plain line follows its longest line (one line at the width is no wrap)", () => {
    const lines = parsed([HEADER, "Starting Network Manager...", "[   12.345690] CPU: 1 PID: 1 Comm: init", "short"].join("\n"));
    expect(joinWrappedLines(lines)).toBe(lines);
  });

  it("glues a frame address a web view cut after its `[<`, and joins the function that went on to a line of its own", () => {
    // Real shape (a gitweb commit page quoting a 4.3 lockdep report): every `[<address>]` broken after `[<`.
    const lines = parsed(
      [
        "[ 20.451494] (&dev->struct_mutex){+.+.+.}, at: [<",
        "ffffffffa0093c62>]",
        "drm_gem_mmap+0x112/0x290 [drm]",
        "[ 20.451661] [<",
        "ffffffff8110644e>] lock_acquire+0xce/0x1c0",
        "[ 20.451700] (&mm->mmap_sem){++++++}, at: [<",
        "vm_mmap_pgoff+0x8c/0xf0",
      ].join("\n"),
    );
    expect(joinWrappedLines(lines).map((l) => l.text)).toEqual([
      "(&dev->struct_mutex){+.+.+.}, at: [<ffffffffa0093c62>] drm_gem_mmap+0x112/0x290 [drm]",
      "[<ffffffff8110644e>] lock_acquire+0xce/0x1c0",
      // No address after the bracket: not the cut this joins.
      "(&mm->mmap_sem){++++++}, at: [<",
      "vm_mmap_pgoff+0x8c/0xf0",
    ]);
  });

  it("joins a lock line lockdep printed that a paste moved off its timestamp to the stamped line it left empty", () => {
    // Real shape (a commit message quoting a 5.2 report): `[ 4.994044]` alone, the lock and its site on the next line.
    const lines = parsed(
      [
        "[ 4.994043] systemd-udevd/369 is trying to acquire lock:",
        "[ 4.994044]",
        "00000000fb622acb (&client->modeset_mutex){+.+.}, at: drm_fb_helper_pan_display+0x103/0x1f0 [drm_kms_helper]",
        "[ 4.994055]",
        "but task is already holding lock:",
      ].join("\n"),
    );
    expect(joinWrappedLines(lines).map((l) => l.text.trim())).toEqual([
      "systemd-udevd/369 is trying to acquire lock:",
      "00000000fb622acb (&client->modeset_mutex){+.+.}, at: drm_fb_helper_pan_display+0x103/0x1f0 [drm_kms_helper]",
      "",
      "but task is already holding lock:",
    ]);
  });

  it("joins a lock line cut right before its `at:` site", () => {
    expect(joinedTexts("[ 8251.607662] ff110002b89cec60 (&xfs_nondir_ilock_class){++++}-{4:4},", "at: xfs_can_free_eofblocks+0x349/0x540 [xfs]")).toEqual([
      "ff110002b89cec60 (&xfs_nondir_ilock_class){++++}-{4:4}, at: xfs_can_free_eofblocks+0x349/0x540 [xfs]",
    ]);
    // 2.6's form: the site's address in brackets.
    expect(joinedTexts("[   12.100001]  #0:  (&tq->tq_lock){......},", "at: [<ffffffffa0123456>] taskq_thread+0x32/0x170 [spl]")).toEqual([
      " #0:  (&tq->tq_lock){......}, at: [<ffffffffa0123456>] taskq_thread+0x32/0x170 [spl]",
    ]);
    // Prose that happens to start with `at:` after another line stays apart.
    expect(joinedTexts("[ 8251.607662] kswapd0/119 is trying to acquire lock:", "at: the top of the hour")).toHaveLength(2);
  });

  it("joins a Gmail-wrapped lockdep report: held lock cut after its address, module alone, ident before its taint, task taint flags spilled", () => {
    // dri-devel, 6.1-rc3 Fedora (a 72-column Gmail wrap of a QP-decoded mail)
    expect(
      joinedTexts(
        "[  155.950698]  #0: ffff8a4e8aaad0a8",
        "(&list->bo_list_mutex){+.+.}-{3:3}, at: amdgpu_cs_ioctl+0x903/0x2030",
        "[amdgpu]",
      ),
    ).toEqual([" #0: ffff8a4e8aaad0a8 (&list->bo_list_mutex){+.+.}-{3:3}, at: amdgpu_cs_ioctl+0x903/0x2030 [amdgpu]"]);
    expect(joinedTexts("[  155.950691] 6.1.0-0.rc3.20221101git5aaef24b5c6d.29.fc38.x86_64 #1", "Tainted: G        W    L    -------  ---")).toEqual([
      "6.1.0-0.rc3.20221101git5aaef24b5c6d.29.fc38.x86_64 #1 Tainted: G        W    L    -------  ---",
    ]);
    expect(
      joinedTexts(
        "[  155.948540] CPU: 3 PID: 4850 Comm: Sackboy-Win64-T Tainted: G",
        " W    L    -------  ---",
        "6.1.0-0.rc3.20221101git5aaef24b5c6d.29.fc38.x86_64 #1",
      ),
    ).toEqual(["CPU: 3 PID: 4850 Comm: Sackboy-Win64-T Tainted: G  W    L    -------  --- 6.1.0-0.rc3.20221101git5aaef24b5c6d.29.fc38.x86_64 #1"]);
    // the flags and the release on one line after a task line cut inside its taint (a mail client's word wrap)
    expect(
      joinedTexts("[58995.896369] CPU: 10 PID: 83845 Comm: btrfs-transacti Tainted: P", "      OE     5.11.0-27-generic #29~20.04.1-Ubuntu"),
    ).toEqual(["CPU: 10 PID: 83845 Comm: btrfs-transacti Tainted: P       OE     5.11.0-27-generic #29~20.04.1-Ubuntu"]);
    // none of them alone: a module name after a line that is no frame, a taint line after a message, an address
    // line before a line that is no lock site
    expect(joinedTexts("[    1.000000] loading firmware", "[amdgpu]")).toEqual(["loading firmware", "[amdgpu]"]);
    expect(joinedTexts("[    1.000000] INFO: task foo:12 blocked for more than 120 seconds.", "Tainted: G W 5.4.0 #1")).toEqual([
      "INFO: task foo:12 blocked for more than 120 seconds.",
      "Tainted: G W 5.4.0 #1",
    ]);
    expect(joinedTexts("[    1.000000]  #0: ffff8a4e8aaad0a8", "something else")).toEqual([" #0: ffff8a4e8aaad0a8", "something else"]);
  });

  it("joins a frame the wrap moved whole off its prefixed line, after an empty line or a `?`", () => {
    // Real shape (linux-block, 5.0 md raid1 hang in Gmail): the break fell at the space after `kernel:`.
    const lines = parsed(
      [
        "May 10 17:51:09 server kernel:  schedule+0x32/0x80",
        "May 10 17:51:09 server kernel:",
        "jbd2_journal_commit_transaction+0x250/0x18c0 [jbd2]",
        "May 10 17:51:09 server kernel:  ?",
        "ext4_unregister_li_request.isra.13+0x60/0x60 [ext4]",
        "May 10 17:51:09 server kernel:",
        "Starting Network Manager...",
      ].join("\n"),
    );
    expect(joinWrappedLines(lines).map((l) => l.text.trim())).toEqual([
      "schedule+0x32/0x80",
      "jbd2_journal_commit_transaction+0x250/0x18c0 [jbd2]",
      "? ext4_unregister_li_request.isra.13+0x60/0x60 [ext4]",
      "",
      "Starting Network Manager...",
    ]);
  });

  it("joins a decode_stacktrace.sh frame whose source list went to the next lines, and a header cut after `more`", () => {
    const lines = parsed(
      [
        "[   39.247272] process_one_work",
        "(/build/linux-5.3.0/kernel/workqueue.c:2274)",
        "[   39.249364] kthread (/build/linux-5.3.0/kernel/kthread.c:255)",
        "[ 7362.017756] INFO: task rsync:1728 blocked for more",
        "than 120 seconds.",
      ].join("\n"),
    );
    expect(joinWrappedLines(lines).map((l) => l.text)).toEqual([
      "process_one_work (/build/linux-5.3.0/kernel/workqueue.c:2274)",
      "kthread (/build/linux-5.3.0/kernel/kthread.c:255)",
      "INFO: task rsync:1728 blocked for more than 120 seconds.",
    ]);
  });

  it("joins a decoded report header or RIP whose source went to the next line, prefixed or not; a prose line stays", () => {
    const lines = parsed(
      [
        "BUG: KASAN: slab-out-of-bounds in handle_control_message",
        "(drivers/char/virtio_console.c:1575)",
        "Read of size 4 at addr ffff888006560000 by task kworker/0:1/23",
        "RIP: 0010:skb_release_head_state",
        "(net/core/skbuff.c:817)",
        "the fix went in with",
        "(see net/core/skbuff.c:817)",
      ].join("\n"),
    );
    expect(joinWrappedLines(lines).map((l) => l.text)).toEqual([
      "BUG: KASAN: slab-out-of-bounds in handle_control_message (drivers/char/virtio_console.c:1575)",
      "Read of size 4 at addr ffff888006560000 by task kworker/0:1/23",
      "RIP: 0010:skb_release_head_state (net/core/skbuff.c:817)",
      "the fix went in with",
      "(see net/core/skbuff.c:817)",
    ]);
  });
});

describe("joinWrappedLines: a goroutine dump cut by a terminal's 80 columns", () => {
  const dump = [
    "panic: runtime error: index out of range [3] with length 0",
    "",
    "goroutine 1 [running]:",
    "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x3",
    "94decb?})",
    "        /go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
    "github.com/cilium/cilium/pkg/datapath/linux/config.(*HeaderfileWriter).WriteNode",
    "Config(0xc0013e5140, {0x3eea5c0?, 0xc00013c9d0?}, 0xc002008de0)",
    "        /go/src/github.com/cilium/cilium/pkg/datapath/linux/config/config.go:548",
    " +0x6c0a",
  ];

  it("puts the call's arguments, the function's name and the file line's offset back", () => {
    expect(joinedTexts(...dump).slice(3)).toEqual([
      "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x394decb?})",
      "        /go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
      "github.com/cilium/cilium/pkg/datapath/linux/config.(*HeaderfileWriter).WriteNodeConfig(0xc0013e5140, {0x3eea5c0?, 0xc00013c9d0?}, 0xc002008de0)",
      "        /go/src/github.com/cilium/cilium/pkg/datapath/linux/config/config.go:548 +0x6c0a",
    ]);
  });

  it("leaves a dump alone whose lines end short of a common width (nothing was cut)", () => {
    const whole = [
      "goroutine 1 [running]:",
      "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x394decb?})",
      "        /go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
      "main.main()",
      "        /go/src/main.go:12 +0x1d",
    ];
    expect(joinedTexts(...whole)).toEqual(whole);
  });
});

describe("joinWrappedLines: a Go panic's message cut between words", () => {
  it("goes on with the words after it, not with what the runtime prints next", () => {
    expect(joinedTexts("01:24:22.244801620Z panic: runtime error: invalid memory address or nil", "pointer dereference")).toEqual([
      "01:24:22.244801620Z panic: runtime error: invalid memory address or nil pointer dereference",
    ]);
    expect(joinedTexts("panic: runtime error: index out of range", "[3] with length 0")).toEqual(["panic: runtime error: index out of range [3] with length 0"]);
    const dump = ["panic: boom", "goroutine 1 [running]:", "main.main()"];
    expect(joinedTexts(...dump)).toEqual(dump);
    // A prefix on every line (stern's `pod container`): the next line is the dump's, not the message's.
    const stern = ["cilium-x7k2p cilium-agent panic: runtime error: invalid memory address", "cilium-x7k2p cilium-agent [signal SIGSEGV: segmentation violation]"];
    expect(joinedTexts(...stern)).toEqual(stern);
  });

  it("puts the opcode bytes a word wrap moved off a Code: line back on it, and only there", () => {
    expect(
      joinedTexts(
        "[58995.896422] Code: 8b 55 50 f0 48 0f ba aa 48 0a 00 00 03 72 20 83",
        "f8 fb 74 3c 83 f8 e2 74 37 89 c6 48 c7 c7 50 7e 77 c0 89 45 d0 e8 96",
        "d4 4d d3 <0f> 0b 8b 45 d0 89 c1 ba 4c 08 00 00 4c 89 ef 89 45 d0 48 c7",
        "c6 c0",
        "[58995.896425] RSP: 0018:ffffb89a4a0dfdf8 EFLAGS: 00010282",
      ),
    ).toEqual([
      "Code: 8b 55 50 f0 48 0f ba aa 48 0a 00 00 03 72 20 83 f8 fb 74 3c 83 f8 e2 74 37 89 c6 48 c7 c7 50 7e 77 c0 89 45 d0 e8 96 d4 4d d3 <0f> 0b 8b 45 d0 89 c1 ba 4c 08 00 00 4c 89 ef 89 45 d0 48 c7 c6 c0",
      "RSP: 0018:ffffb89a4a0dfdf8 EFLAGS: 00010282",
    ]);
    // the trapping byte may start the continuation
    expect(joinedTexts("[    1.000000] Code: 00 00 00 00 00 00 00 00 00 e8 00 00 00 00", "<0f> 0b 48 8b 45 00")).toEqual([
      "Code: 00 00 00 00 00 00 00 00 00 e8 00 00 00 00 <0f> 0b 48 8b 45 00",
    ]);
    // bytes under a line that is no Code: line, or a Code: line that ends in words, stay apart
    expect(joinedTexts("[    1.000000] loading firmware", "f8 fb 74 3c")).toEqual(["loading firmware", "f8 fb 74 3c"]);
    expect(joinedTexts("[    1.000000] Code: Unable to access opcode bytes at 0x7f.", "f8 fb 74 3c")).toEqual([
      "Code: Unable to access opcode bytes at 0x7f.",
      "f8 fb 74 3c",
    ]);
  });
});
