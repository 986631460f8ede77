import { describe, expect, it } from "vitest";
import { abrtReportedUpToLine, isHeldOut, parseExpectLine, splitRealFile, splitSyzkallerFile } from "./corpus-readers";

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

describe("testdata/real headers", () => {
  it("parses EXPECT fields, inferred releases, none, and reports what it cannot read", () => {
    expect(parseExpectLine("kind=bug | title=kernel BUG at net/core/skbuff.c:LINE | release=inferred:6.1.1-1.el9.elrepo.x86_64 | kb=skb-segment-gso-bug | count=3")).toEqual({
      expectation: { kind: "bug", title: "kernel BUG at net/core/skbuff.c:LINE", release: "6.1.1-1.el9.elrepo.x86_64", releaseInferred: true, kb: "skb-segment-gso-bug", count: 3 },
    });
    expect(parseExpectLine("none")).toEqual({ none: true });
    expect(parseExpectLine("title=x").error).toBe("EXPECT without kind=");
    expect(parseExpectLine("kind=oom | count=two").error).toBe("count is not a number: two");
    expect(parseExpectLine("kind=oom | frmae=x").error).toBe("unknown field(s): frmae");
  });

  it("splits the header at the first empty line and keeps the log's bytes (CRLF) as posted", () => {
    const bytes = new TextEncoder().encode("URL: u\r\nEXPECT: none\r\n\r\nline 1\r\nline 2\r\n");
    const { header, log } = splitRealFile(bytes);
    expect(header).toEqual(["URL: u", "EXPECT: none"]);
    expect(new TextDecoder().decode(log)).toBe("line 1\r\nline 2\r\n");
  });

  it("holds out by the SHA-1 of the relative path: stable, and about a third", () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `class${i % 7}/file-${i}.log`);
    const held = paths.filter(isHeldOut).length;
    expect(held / paths.length).toBeGreaterThan(0.3);
    expect(held / paths.length).toBeLessThan(0.37);
    expect(paths.filter(isHeldOut)).toEqual(paths.filter(isHeldOut));
  });
});
