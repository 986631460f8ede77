import { describe, expect, it } from "vitest";
import { parseGrepPrefix } from "./grep-prefix";
import { DATED, latestDatedTime, latestDatedTimeOf } from "./latest-dated-time";
import { dateInFileName } from "./time";

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

describe("latestDatedTime's hand-written scan", () => {
  /** The regex form it replaced: every DATED match, then every line's grep prefix. */
  function byRegex(text: string, notAfter: Date): Date | undefined {
    const limit = notAfter.getTime() + 86_400_000;
    let latest: number | undefined;
    const consider = (t: number) => {
      if (t <= limit && (latest === undefined || t > latest)) latest = t;
    };
    for (const m of text.matchAll(DATED)) consider(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
    let seenFile = "";
    for (const line of text.split("\n")) {
      const prefix = parseGrepPrefix(line);
      if (!prefix || prefix.file === seenFile) continue;
      seenFile = prefix.file;
      const named = dateInFileName(prefix.file);
      if (named) consider(Date.UTC(named.year, named.month - 1, named.day, 23, 59, 59));
    }
    return latest === undefined ? undefined : new Date(latest);
  }

  it("finds what the regex finds, on texts built to sit at its edges", () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = [
      "2024-08-13T15:59:01", "1999-12-31 23:59:59", "2030-01-01T00:00:00", "2024-13-01T00:00:00", "2024-02-30 24:00:00", "2024-01-32T00:00:00",
      "2024-08-13T15:59:2024-08-13T15:59:01", "2024-08-13", "20240901", "/var/log/messages-20240825:", "messages-20240901-12-",
      "Aug 16 10:00:01 ", "x", "_", "é", " ", ":", "-", "T", "\n", "0", "1", "2", "9", "19", "20", "-0", "-1", "-3", "3",
    ];
    const notAfter = new Date("2026-12-01T00:00:00Z");
    let differing = 0;
    let found = 0;
    for (let n = 0; n < 4000; n++) {
      let text = "";
      const parts = 1 + Math.floor(rand() * 12);
      for (let p = 0; p < parts; p++) text += pieces[Math.floor(rand() * pieces.length)];
      const want = byRegex(text, notAfter);
      if (want) found++;
      if (latestDatedTime(text, notAfter)?.getTime() !== want?.getTime()) differing++;
      // A head and a tail read apart are the two joined by a line end.
      const cut = Math.floor(rand() * (text.length + 1));
      const [head, tail] = [text.slice(0, cut), text.slice(cut)];
      if (latestDatedTimeOf([head, tail], notAfter)?.getTime() !== byRegex(`${head}\n${tail}`, notAfter)?.getTime()) differing++;
    }
    expect(differing).toBe(0);
    // The texts must exercise both answers.
    expect(found).toBeGreaterThan(400);
    expect(found).toBeLessThan(3600);
  });
});
