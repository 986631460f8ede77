/**
 * The file's own evidence for the year of year-less syslog dates (`Aug 13 15:59:23`): the latest full date written
 * in its lines (`latestDatedTime`: ISO stamps, the rotated files a `grep -r` paste names). It beats
 * the file's mtime, which for an upload or a copied support bundle is often the day it was downloaded. Only the
 * first and last 64 KB are read (the latest date sits near the end of a log; gzip: the first 64 KB decoded), so
 * the cost does not grow with the file. CLI and web both use it, so one line gets one year everywhere.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { latestDatedTimeOf } from "../../engine/lines/latest-dated-time";

const SAMPLE_BYTES = 64 * 1024;

/** zlib's refusals of the data itself (Z_BUF_ERROR: truncated, Z_DATA_ERROR: corrupt), not of the file. */
function isZlibDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

async function gunzipHead(filePath: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const gunzip = createGunzip();
  // pipeline, not pipe: a read error of the file destroys gunzip with it, so the loop below sees it (pipe left it
  // an unhandled 'error' event), and leaving the loop early closes the file. Errors are met there, not here.
  pipeline(createReadStream(filePath), gunzip, () => undefined);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= SAMPLE_BYTES) break;
    }
  } catch (err) {
    // A truncated or damaged gzip still decoded its head: that part is evidence; the engine reports the damage.
    if (size === 0 || !isZlibDataError(err)) throw err;
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Head and tail of a plain file (read as if joined by a line end), or undefined for a gzip file. */
async function plainSample(filePath: string): Promise<string[] | undefined> {
  const fh = await open(filePath, "r");
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await fh.read(head, 0, head.length, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return undefined;
    const tailStart = Math.max(head.length, size - SAMPLE_BYTES);
    const tail = Buffer.alloc(size - tailStart);
    await fh.read(tail, 0, tail.length, tailStart);
    return [head.toString("utf8"), tail.toString("utf8")];
  } finally {
    await fh.close();
  }
}

/** The latest date written in the file's first and last 64 KB (gzip: its first 64 KB decoded), if any. */
export async function findLatestDatedLine(filePath: string, notAfter?: Date): Promise<Date | undefined> {
  const texts = (await plainSample(filePath)) ?? [await gunzipHead(filePath)];
  return latestDatedTimeOf(texts, notAfter);
}
