import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nextReadBytes, openPathSource } from "./open-input-sources";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-open-sources-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3.5 MB of numbered lines: a 64 KB first read, then 1 MB reads (the later ones started while a chunk is scanned). */
const file = path.join(dir, "messages");
const text = Array.from({ length: 60_000 }, (_, i) => `Aug 13 15:59:23 w01 app[1]: line ${String(i).padStart(40, "0")}\n`).join("");
writeFileSync(file, text);

describe("a file's chunks, read ahead once it is read through", () => {
  it("yields every byte once, in order", async () => {
    const source = await openPathSource(file, "messages");
    const sizes: number[] = [];
    const parts: Buffer[] = [];
    for await (const chunk of source.open()) {
      sizes.push(chunk.length);
      parts.push(Buffer.from(chunk));
    }
    expect(Buffer.concat(parts).toString("utf8")).toBe(text);
    expect(sizes[0]).toBe(64 * 1024);
    expect(sizes.slice(1, -1)).toEqual(sizes.slice(1, -1).map(() => 1024 * 1024));
  });

  it("ends a reader that stops early, and a later reader starts from the first byte again", async () => {
    const source = await openPathSource(file, "messages");
    let taken = 0;
    for await (const chunk of source.open()) {
      taken += chunk.length;
      if (taken > 1024 * 1024) break;
    }
    expect(taken).toBe(64 * 1024 + 1024 * 1024);
    const again: Buffer[] = [];
    for await (const chunk of source.open()) again.push(Buffer.from(chunk));
    expect(Buffer.concat(again).length).toBe(Buffer.byteLength(text));
  });

  it("asks for a small read after a short one (the end of a small file), a full one after a full one", async () => {
    expect(nextReadBytes(1000, 64 * 1024)).toBe(64 * 1024);
    expect(nextReadBytes(64 * 1024, 64 * 1024)).toBe(1024 * 1024);
    expect(nextReadBytes(1024 * 1024, 1024 * 1024)).toBe(1024 * 1024);
    expect(nextReadBytes(5000, 1024 * 1024)).toBe(64 * 1024);
    const small = path.join(dir, "small");
    writeFileSync(small, "Aug 13 15:59:23 w01 kernel: one line\n");
    const chunks: number[] = [];
    for await (const chunk of (await openPathSource(small, "small")).open()) chunks.push(chunk.length);
    expect(chunks).toEqual([37]);
  });
});
