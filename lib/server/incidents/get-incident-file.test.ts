/**
 * A stored upload streamed to the viewer: whether the reader gets it all, stops early (a page left mid-load) or meets
 * a truncated gzip, the stored file is closed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { leftOpenBy } from "../inputs/refused-input-files";

vi.mock("server-only", () => ({}));
const { openDecodedStream, openRawStream } = await import("./get-incident-file");
type IncidentFileRef = Parameters<typeof openRawStream>[0];

const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-incident-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `Aug 13 15:59:23 w01 app[1]: line ${i} ${(i * 7919).toString(36)}\n`).join(""));
const gz = gzipSync(TEXT);
/** Each file in a directory of its own: a case looks at what stays open of its own file only. */
const stored = (name: string, bytes: Buffer, isGzip: boolean) => {
  mkdirSync(path.join(dir, name));
  const absPath = path.join(dir, name, name);
  writeFileSync(absPath, bytes);
  return { name, absPath, bytes: bytes.length, lines: 0, isGzip, etag: '"x"' };
};
const files = {
  gzip: stored("messages.gz", gz, true),
  truncated: stored("truncated.gz", gz.subarray(0, Math.floor(gz.length / 2)), true),
  plain: stored("messages", TEXT, false),
  raw: stored("raw.gz", gz, true),
  // Damaged in its first quarter: the decoder fails while most of the file is still unread.
  corrupt: stored("corrupt.gz", Buffer.concat([gz.subarray(0, gz.length >> 2), Buffer.alloc(4096, 0xff), gz.subarray((gz.length >> 2) + 4096)]), true),
};

/** Reads `stream` to its end or its error, or `chunks` chunks then cancels; says which. */
async function consume(stream: ReadableStream<Uint8Array>, chunks = Infinity): Promise<string> {
  const reader = stream.getReader();
  try {
    for (let n = 0; n < chunks; n++) if ((await reader.read()).done) return "end";
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  await reader.cancel();
  return "cancelled";
}

describe("a stored file streamed to the viewer is closed however the reading ends", () => {
  it.each([
    ["gzip, read whole", files.gzip, (f: IncidentFileRef) => consume(openDecodedStream(f)), "end"],
    ["gzip, cancelled after one chunk", files.gzip, (f: IncidentFileRef) => consume(openDecodedStream(f), 1), "cancelled"],
    ["truncated gzip", files.truncated, (f: IncidentFileRef) => consume(openDecodedStream(f)), /^error: unexpected end of file/],
    ["corrupt gzip", files.corrupt, (f: IncidentFileRef) => consume(openDecodedStream(f)), /^error: /],
    ["plain, cancelled after one chunk", files.plain, (f: IncidentFileRef) => consume(openDecodedStream(f), 1), "cancelled"],
    ["raw, cancelled after one chunk", files.raw, (f: IncidentFileRef) => consume(openRawStream(f), 1), "cancelled"],
  ] as const)("%s", async (_label, file, read, ending) => {
    const { open, gcClosed, outcome } = await leftOpenBy(path.dirname(file.absPath), () => read(file));
    expect(outcome).toEqual({ value: typeof ending === "string" ? ending : expect.stringMatching(ending) });
    expect({ open, gcClosed }).toEqual({ open: [], gcClosed: [] });
  });
});
