import { describe, expect, it } from "vitest";
import { latestDatedTime } from "./latest-dated-time";

const NOW = new Date("2026-12-01T00:00:00Z");

describe("latestDatedTime", () => {
  it("takes the latest full date in the text, ISO or with a space, and ignores dates in the future", () => {
    const text = [
      'Aug 13 15:59:01 w01 containerd[1201]: time="2024-08-13T15:59:01.882911Z" level=info',
      "Aug 13 16:10:00 w01 app: 2024-08-13 16:10:00 done",
      "Aug 13 16:11:00 w01 app: certificate valid until 2031-01-01T00:00:00Z",
      "Aug 13 16:12:00 w01 app: build 2024-08-13 (no time: not a log time)",
    ].join("\n");
    expect(latestDatedTime(text, NOW)?.toISOString()).toBe("2024-08-13T16:10:00.000Z");
    expect(latestDatedTime("Aug 13 15:59:23 w01 kernel: BUG", NOW)).toBeUndefined();
  });
});


describe("latestDatedTime in a grep -r paste", () => {
  it("takes the rotated files the prefixes name (absolute, relative, -n, context lines) as the end of their day", () => {
    const paste = [
      "/var/log/messages-20240825:Aug 16 10:00:01 node7 kernel: BUG: unable to handle page fault",
      "/var/log/messages-20240825-Aug 16 10:00:01 node7 kernel: Oops: 0000 [#1] SMP NOPTI",
      "--",
      "messages-20240901:Aug 31 23:10:01 node7 kernel: BUG: unable to handle page fault",
      "./messages-20240901-12-Aug 31 23:10:01 node7 kernel: Oops: 0000 [#2] SMP NOPTI",
      "/var/log/messages:Sep  3 08:00:00 node7 kernel: BUG: unable to handle page fault",
    ].join("\n");
    expect(latestDatedTime(paste, NOW)?.toISOString()).toBe("2024-09-01T23:59:59.000Z");
    // A rotated name from the future is another clock, not evidence.
    expect(latestDatedTime("/var/log/messages-20290101:Aug 16 10:00:01 node7 kernel: x", NOW)).toBeUndefined();
  });
});
