import { describe, expect, it } from "vitest";
import { splitFlattenedLine, splitFlattenedLines } from "./split-flattened-lines";

describe("splitFlattenedLine", () => {
  it("splits a dmesg paste that lost its newlines at each record's stamp", () => {
    // Shape of a GitHub comment whose newlines were lost (testdata/real/hung-task/hang14-gh-virtual-dsm-869-…).
    const raw =
      "[13565.264685] BTRFS warning (device sdb1): commit trans: [13565.264685] total_time: 130682 " +
      "[13566.101010] INFO: task btrfs-transacti:9811 blocked for more than 120 seconds.";
    expect(splitFlattenedLine(raw)).toEqual([
      "[13565.264685] BTRFS warning (device sdb1): commit trans:",
      "[13565.264685] total_time: 130682",
      "[13566.101010] INFO: task btrfs-transacti:9811 blocked for more than 120 seconds.",
    ]);
  });

  it("splits a console's glued records, the stamp right after the text too", () => {
    const raw = "[  165.310961] Hardware name: Generic DT based system[  165.316307] Backtrace: [  165.319038]  r7:80d665f8 r6:8100e768";
    expect(splitFlattenedLine(raw)).toEqual([
      "[  165.310961] Hardware name: Generic DT based system",
      "[  165.316307] Backtrace:",
      "[  165.319038]  r7:80d665f8 r6:8100e768",
    ]);
  });

  it("splits a kmsg paste at its printk levels when three or more run before words", () => {
    const raw =
      "<1>BUG: unable to handle kernel paging request at 0000000b819fdb98 <1>IP: [<ffffffff812a588f>] notify_remote_via_irq+0x13/0x34 " +
      "<4>PGD 94b10067 PUD 0 <0>Oops: 0000 [#1] SMP <0>last sysfs file: /sys/class/misc/autofs/dev";
    expect(splitFlattenedLine(raw)).toEqual([
      "<1>BUG: unable to handle kernel paging request at 0000000b819fdb98",
      "<1>IP: [<ffffffff812a588f>] notify_remote_via_irq+0x13/0x34",
      "<4>PGD 94b10067 PUD 0",
      "<0>Oops: 0000 [#1] SMP",
      "<0>last sysfs file: /sys/class/misc/autofs/dev",
    ]);
  });

  it("splits a /var/log/messages paste a blog ran together at each record's syslog prefix, the first one's lost", () => {
    // Shape of cnblogs.com/ad-note/p/15784569 (testdata/real/hung-task/hang17-web-cnblogs-…): CentOS 7.5 messages.
    const raw =
      "kernel: INFO: task kworker/0:1:47475 blocked for more than 120 seconds. Jan 9 23:26:02 hblf-ct-dsm009 kernel: " +
      "kworker/0:1 D ffff9b57af61acc0 0 47475 2 0x00000080 Jan 9 23:26:02 hblf-ct-dsm009 kernel: Call Trace: " +
      "Jan 9 23:26:02 hblf-ct-dsm009 kernel: [] schedule+0x29/0x70 Jan 9 23:26:03 hblf-ct-dsm009 kernel: [] create_worker+0xeb/0x200";
    expect(splitFlattenedLine(raw)).toEqual([
      "kernel: INFO: task kworker/0:1:47475 blocked for more than 120 seconds.",
      "Jan 9 23:26:02 hblf-ct-dsm009 kernel: kworker/0:1 D ffff9b57af61acc0 0 47475 2 0x00000080",
      "Jan 9 23:26:02 hblf-ct-dsm009 kernel: Call Trace:",
      "Jan 9 23:26:02 hblf-ct-dsm009 kernel: [] schedule+0x29/0x70",
      "Jan 9 23:26:03 hblf-ct-dsm009 kernel: [] create_worker+0xeb/0x200",
    ]);
  });

  it("splits an unstamped console oops an archive ran together at the dump's own line openers", () => {
    // Shape of an alsa-devel archive message (testdata/real/null-deref/forum31-ml-alsa-devel-…): 2.6.22 ARM, no
    // printk time, the whole paste one line; a frame's `from [<…>] (caller…)` half stays with its frame.
    const raw =
      ".snip. ASoC version 0.13.0 Unable to handle kernel NULL pointer dereference at virtual address 00000001 pgd = c0004000 " +
      "[00000001] *pgd=00000000 Internal error: Oops: 801 [#1] Modules linked in: CPU: 0 PC is at grh_ek_w6811_init+0x4c/0x11c " +
      "LR is at __arm_ioremap_pfn+0x2cc/0x2ec pc : [<c0019c44>] lr : [<c00285f4>] Not tainted sp : c02e1f74 ip : 00000000 " +
      "Flags: NzCv IRQs on FIQs on Mode SVC_32 Segment kernel Control: 5317F Table: 20004000 DAC: 00000017 " +
      "Process swapper (pid: 1, stack limit = 0xc02e0258) Stack: (0xc02e1f74 to 0xc02e2000) Backtrace: " +
      "[<c0019bf8>] (grh_ek_w6811_init+0x0/0x11c) from [<c0008924>] (kernel_init+0xb8/0x284) " +
      "Code: e3a01901 e3a02000 (e5840000) Kernel panic - not syncing: Attempted to kill init!";
    expect(splitFlattenedLine(raw)).toEqual([
      ".snip. ASoC version 0.13.0",
      "Unable to handle kernel NULL pointer dereference at virtual address 00000001",
      "pgd = c0004000",
      "[00000001] *pgd=00000000",
      "Internal error: Oops: 801 [#1]",
      "Modules linked in:",
      "CPU: 0",
      "PC is at grh_ek_w6811_init+0x4c/0x11c",
      "LR is at __arm_ioremap_pfn+0x2cc/0x2ec",
      "pc : [<c0019c44>] lr : [<c00285f4>] Not tainted",
      "sp : c02e1f74 ip : 00000000",
      "Flags: NzCv IRQs on FIQs on Mode SVC_32 Segment kernel",
      "Control: 5317F Table: 20004000 DAC: 00000017",
      "Process swapper (pid: 1, stack limit = 0xc02e0258)",
      "Stack: (0xc02e1f74 to 0xc02e2000)",
      "Backtrace:",
      "[<c0019bf8>] (grh_ek_w6811_init+0x0/0x11c) from [<c0008924>] (kernel_init+0xb8/0x284)",
      "Code: e3a01901 e3a02000 (e5840000)",
      "Kernel panic - not syncing: Attempted to kill init!",
    ]);
  });

  it("leaves a prose line alone that quotes an oops line or two", () => {
    expect(
      splitFlattenedLine("After the update the board prints Unable to handle kernel NULL pointer dereference and then PC is at foo+0x4/0x10 LR is at bar+0x8/0x20, any idea?"),
    ).toBeUndefined();
  });

  it("leaves a syslog line alone that quotes dates: fewer than three, another host, or times that go back", () => {
    const pad = " ".repeat(160);
    expect(splitFlattenedLine(`Jan 9 23:26:02 h1 app: saw Jan 9 23:26:01 h2 kernel: and Jan 9 23:26:03 h2 kernel: x${pad}`)).toBeUndefined();
    expect(splitFlattenedLine(`note: Jan 9 23:26:02 h1 kernel: a Jan 9 23:26:02 h2 kernel: b Jan 9 23:26:02 h1 kernel: c${pad}`)).toBeUndefined();
    expect(splitFlattenedLine(`note: Jan 9 23:26:02 h1 kernel: a Jan 9 23:25:02 h1 kernel: b Jan 9 23:26:02 h1 kernel: c${pad}`)).toBeUndefined();
  });

  it("splits a terminal copy's padded rows that each start with a stamp, however far apart the stamps", () => {
    // NixOS/nixpkgs#39573: console rows padded to 160 columns and run together; the stamps are 16 minutes apart.
    const row = (stamp: string, ms: string) => `[${stamp}] radeon 0000:01:00.0: ring 0 stalled for more than ${ms}msec`;
    const rows = [row("72636.650438", "15551020"), row("73618.503749", "16532828"), row("73619.007766", "16533332")];
    expect(splitFlattenedLine(rows.map((r) => r.padEnd(160)).join("").trimEnd() + " ")).toEqual([rows[0], rows[1], rows[2] + " "]);
    // Unpadded, the same far stamp is a number in the text.
    expect(splitFlattenedLine(`${rows[0]} ${rows[1]}`)).toBeUndefined();
  });

  it("leaves one record alone: a syslog line's stamp, stamps that go back or far ahead, dump values after a level", () => {
    expect(splitFlattenedLine("Aug 13 15:59:23 w01 kernel: [  123.456789] eth0: link up [  123.456790] again and again")).toBeUndefined();
    expect(splitFlattenedLine("[  200.000000] clocksource: reverted from [  100.000000] to an earlier reading, long text")).toBeUndefined();
    expect(splitFlattenedLine("[  200.000000] rtc: wall clock set, previous stamp read [ 9999.000000] here, long text")).toBeUndefined();
    expect(splitFlattenedLine("<4>igb 0000:09:00.0: Tx Queue <1> TDH <0> TDT <1> next_to_use <1> padding padding")).toBeUndefined();
    expect(splitFlattenedLine("[  123.456789] an ordinary kernel line that is long enough to be looked at but holds one record")).toBeUndefined();
  });

  it("maps every piece to the raw line it came from", () => {
    const flat = "[    1.000000] first record of a flattened paste [    1.000100] second record of it";
    expect(splitFlattenedLines(["a", flat, "b"])).toEqual({
      lines: ["a", "[    1.000000] first record of a flattened paste", "[    1.000100] second record of it", "b"],
      origin: [0, 1, 1, 2],
    });
    expect(splitFlattenedLines(["a", "b"])).toBeUndefined();
  });
});
