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

  it("leaves a syslog line alone that quotes dates: fewer than three, another host, or times that go back", () => {
    const pad = " ".repeat(160);
    expect(splitFlattenedLine(`Jan 9 23:26:02 h1 app: saw Jan 9 23:26:01 h2 kernel: and Jan 9 23:26:03 h2 kernel: x${pad}`)).toBeUndefined();
    expect(splitFlattenedLine(`note: Jan 9 23:26:02 h1 kernel: a Jan 9 23:26:02 h2 kernel: b Jan 9 23:26:02 h1 kernel: c${pad}`)).toBeUndefined();
    expect(splitFlattenedLine(`note: Jan 9 23:26:02 h1 kernel: a Jan 9 23:25:02 h1 kernel: b Jan 9 23:26:02 h1 kernel: c${pad}`)).toBeUndefined();
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
