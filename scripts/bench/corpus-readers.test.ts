import { describe, expect, it } from "vitest";
import { splitSyzkallerFile } from "./corpus-readers";

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
