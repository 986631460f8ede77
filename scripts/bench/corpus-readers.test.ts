import { describe, expect, it } from "vitest";
import { abrtReportedUpToLine, splitSyzkallerFile } from "./corpus-readers";

describe("splitSyzkallerFile", () => {
  it("reads headers up to the first blank line and cuts the expected REPORT tail", () => {
    const text = [
      "TITLE: WARNING in foo",
      "ALT: bad-access in foo",
      "# a comment",
      "CORRUPTED: Y",
      "",
      "[   1.000000] WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2",
      "",
      "REPORT:",
      "WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2",
    ].join("\n");
    const { headers, log } = splitSyzkallerFile(text);
    expect(headers).toEqual([
      ["TITLE", "WARNING in foo"],
      ["ALT", "bad-access in foo"],
      ["CORRUPTED", "Y"],
    ]);
    expect(log).toBe("[   1.000000] WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\n");
  });

  it("treats a file that starts with a blank line as header-less (no crash expected)", () => {
    const { headers, log } = splitSyzkallerFile("\n[   1.0] hello\n");
    expect(headers).toEqual([]);
    expect(log).toBe("[   1.0] hello\n");
  });

  it("keeps the whole text as log when the first line is not a header", () => {
    const { headers, log } = splitSyzkallerFile("[   1.0] BUG: KASAN: x\nCall Trace:\n");
    expect(headers).toEqual([]);
    expect(log).toBe("[   1.0] BUG: KASAN: x\nCall Trace:\n");
  });
});

describe("splitSyzkallerFile header keys", () => {
  it("does not take a bare `BUG:` log line for a header", () => {
    const { headers, log } = splitSyzkallerFile("BUG: unable to handle kernel paging request\nIP: f+0x1/0x2\n");
    expect(headers).toEqual([]);
    expect(log.startsWith("BUG:")).toBe(true);
  });
});

describe("abrtReportedUpToLine", () => {
  it("finds abrt's last own marker on a non-kernel syslog line", () => {
    const log = [
      "Feb  2 08:00:00 h1 kernel: BUG: unable to handle kernel NULL pointer dereference at 00000010",
      "Feb  2 08:01:00 h1 abrt: Kerneloops: Reported 1 kernel oopses to Abrt",
      "Feb  2 09:00:00 h1 kernel: WARNING: at net/core/dev.c:1 f+0x1/0x2()",
      "Feb  2 09:01:00 abrt: Kerneloops: Reported 2 kernel oopses to Abrt",
      "Feb  2 09:02:00 h1 kernel: eth0: link up",
    ].join("\n");
    expect(abrtReportedUpToLine(log)).toBe(4);
  });

  it("ignores the phrase in kernel lines and outside syslog", () => {
    expect(abrtReportedUpToLine("Feb  2 08:01:00 h1 kernel: Reported 1 kernel oopses to Abrt")).toBeUndefined();
    expect(abrtReportedUpToLine("[  1.0] Reported 1 kernel oopses to Abrt\nplain text")).toBeUndefined();
  });
});
