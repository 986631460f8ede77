import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { findLatestDatedLine } from "./latest-dated-line";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-dated-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-01T00:00:00Z");

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
