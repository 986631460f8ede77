/** How the gzip sample treats damage: a cut-off gzip still gives its head; a failing file does not pass as one. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-dated-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-01T00:00:00Z");
const filler = "Aug 13 15:00:00 w01 kernel: nothing dated here, some entropy 0123456789abcdef\n".repeat(500);
const gz = gzipSync(Buffer.from(`Aug 13 14:00:00 w01 app: at 2024-08-13T14:00:00Z\n${filler}`));
const FAILING = "eio.gz";

// The file read that fails mid-way (a disk error, a file truncated under us): half the gzip, then EIO.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return {
    ...fs,
    createReadStream: ((file: string, options?: unknown) => {
      if (!String(file).endsWith(FAILING)) return fs.createReadStream(file, options as never);
      return Readable.from(
        (async function* () {
          yield gz.subarray(0, gz.length >> 1);
          throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
        })(),
      );
    }) as typeof fs.createReadStream,
  };
});

const { findLatestDatedLine } = await import("./latest-dated-line");

describe("findLatestDatedLine on damaged gzip", () => {
  it("uses the head a truncated gzip still decodes", async () => {
    const cut = path.join(dir, "cut.gz");
    writeFileSync(cut, gz.subarray(0, gz.length >> 1));
    expect((await findLatestDatedLine(cut, NOW))?.toISOString()).toBe("2024-08-13T14:00:00.000Z");
  });

  it("lets a read error of the file propagate instead of passing for a truncated gzip", async () => {
    const failing = path.join(dir, FAILING);
    writeFileSync(failing, gz);
    await expect(findLatestDatedLine(failing, NOW)).rejects.toMatchObject({ code: "EIO" });
  });
});
