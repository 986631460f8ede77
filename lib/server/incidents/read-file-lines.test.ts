import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { readFileLines } = await import("./read-file-lines");

const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-lines-"));
function storedFile(name: string, bytes: Buffer, isGzip = false) {
  const absPath = path.join(dir, name);
  writeFileSync(absPath, bytes);
  return { name, absPath, bytes: bytes.length, lines: 0, isGzip, etag: `"${name}"` };
}

// 2,500 lines crosses two index checkpoints (every 1,000 lines).
const lines = Array.from({ length: 2_500 }, (_, i) => `Aug 13 15:59:${String(i % 60).padStart(2, "0")} w01 kernel: line ${i + 1}`);

describe("readFileLines", () => {
  it("serves ranges across checkpoints with 1-based numbers and the total count", async () => {
    const file = storedFile("plain", Buffer.from(lines.join("\n") + "\n"));
    const r = await readFileLines(file, 999, 1_002);
    expect(r.lineCount).toBe(2_500);
    expect(r.lines).toEqual(lines.slice(998, 1_002));
    expect((await readFileLines(file, 2_500, 2_600)).lines).toEqual([lines[2_499]]);
    expect((await readFileLines(file, 3_000, 3_010)).lines).toEqual([]);
  });

  it("counts a last line without a newline and drops CR of CRLF", async () => {
    const file = storedFile("crlf", Buffer.from("a\r\nb\r\nc"));
    const r = await readFileLines(file, 1, 10);
    expect(r).toMatchObject({ lineCount: 3, lines: ["a", "b", "c"], from: 1, to: 3 });
  });

  it("decodes gzip uploads once and reads the text", async () => {
    const file = storedFile("gz", gzipSync(Buffer.from(lines.join("\n"))), true);
    expect((await readFileLines(file, 1_500, 1_500)).lines).toEqual([lines[1_499]]);
  });
});
