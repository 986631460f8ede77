import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { findLatestDatedLine, latestDatedTime } from "./latest-dated-line";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-dated-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe("findLatestDatedLine", () => {
  it("reads the head and the tail of a big file, and the head of a gzip file", async () => {
    const filler = "Aug 13 15:00:00 w01 kernel: nothing dated here\n".repeat(5_000);
    const file = path.join(dir, "messages");
    writeFileSync(file, `Aug 13 14:00:00 w01 app: at 2024-08-13T14:00:00Z\n${filler}Aug 14 09:00:00 w01 app: at 2024-08-14T09:00:00Z\n`);
    expect((await findLatestDatedLine(file, NOW))?.toISOString()).toBe("2024-08-14T09:00:00.000Z");
    const gz = path.join(dir, "messages.gz");
    writeFileSync(gz, gzipSync(Buffer.from(`Aug 13 14:00:00 w01 app: at 2024-08-13T14:00:00Z\n${filler}`)));
    expect((await findLatestDatedLine(gz, NOW))?.toISOString()).toBe("2024-08-13T14:00:00.000Z");
    const plain = path.join(dir, "dmesg");
    writeFileSync(plain, "[    1.000000] Linux version 6.1.1\n");
    expect(await findLatestDatedLine(plain, NOW)).toBeUndefined();
  });
});
