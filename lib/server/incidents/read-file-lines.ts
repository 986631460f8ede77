/**
 * Line ranges of a stored log for the virtualised viewer (logs too big for Monaco). A per-file index of byte
 * offsets (every LINES_PER_CHECKPOINT lines) is built on first use and kept in memory; gzip uploads are decoded
 * once to a `.decoded` file next to the upload so ranges can seek. Lines end at `\n` (a trailing `\r` is dropped),
 * numbered from 1 like the engine's SourceRef.line.
 */
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { access, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { IncidentFileRef } from "./get-incident-file";

const LINES_PER_CHECKPOINT = 1_000;
const MAX_LINE_CHARS = 16 * 1024;
const MAX_CACHED_INDEXES = 32;

type LineIndex = { path: string; size: number; lineCount: number; checkpoints: number[] };
const indexCache = new Map<string, Promise<LineIndex>>();

async function decodedPath(file: IncidentFileRef): Promise<string> {
  if (!file.isGzip) return file.absPath;
  const target = `${file.absPath}.decoded`;
  try {
    await access(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const tmp = `${target}.${process.pid}.tmp`;
    await pipeline(createReadStream(/*turbopackIgnore: true*/ file.absPath), createGunzip(), createWriteStream(tmp));
    await (await import("node:fs/promises")).rename(tmp, target);
  }
  return target;
}

async function buildIndex(file: IncidentFileRef): Promise<LineIndex> {
  const p = await decodedPath(file);
  const { size } = await stat(/*turbopackIgnore: true*/ p);
  const checkpoints = [0]; // byte offset of line 1, 1001, 2001, …
  let line = 1;
  let offset = 0;
  for await (const chunk of createReadStream(/*turbopackIgnore: true*/ p, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(10);
    while (i >= 0) {
      line++;
      if ((line - 1) % LINES_PER_CHECKPOINT === 0) checkpoints.push(offset + i + 1);
      i = chunk.indexOf(10, i + 1);
    }
    offset += chunk.length;
  }
  // A final line without `\n` still counts; an empty tail after the last `\n` does not.
  const lastEndsWithNewline = size === 0 || (await endsWithNewline(p, size));
  return { path: p, size, lineCount: lastEndsWithNewline ? line - 1 : line, checkpoints };
}

async function endsWithNewline(p: string, size: number): Promise<boolean> {
  for await (const c of createReadStream(/*turbopackIgnore: true*/ p, { start: size - 1, end: size - 1 }) as AsyncIterable<Buffer>) return c[0] === 10;
  return false;
}

function getIndex(file: IncidentFileRef): Promise<LineIndex> {
  let entry = indexCache.get(file.absPath);
  if (!entry) {
    if (indexCache.size >= MAX_CACHED_INDEXES) indexCache.delete(indexCache.keys().next().value!);
    entry = buildIndex(file);
    entry.catch(() => indexCache.delete(file.absPath));
    indexCache.set(file.absPath, entry);
  }
  return entry;
}

export type LineRange = { from: number; to: number; lineCount: number; lines: string[] };

export async function readFileLines(file: IncidentFileRef, from: number, to: number): Promise<LineRange> {
  const index = await getIndex(file);
  const last = Math.min(to, index.lineCount);
  if (from > last) return { from, to: from - 1, lineCount: index.lineCount, lines: [] };
  const cp = Math.floor((from - 1) / LINES_PER_CHECKPOINT);
  let line = cp * LINES_PER_CHECKPOINT + 1;
  const lines: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let pending: Buffer[] = [];
  const take = (parts: Buffer[]) => {
    if (line >= from && line <= last) {
      let text = decoder.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      if (text.endsWith("\r")) text = text.slice(0, -1);
      lines.push(text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)} …[truncated]` : text);
    }
    line++;
  };
  const stream = createReadStream(/*turbopackIgnore: true*/ index.path, { start: index.checkpoints[cp], highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      let i = chunk.indexOf(10);
      while (i >= 0 && line <= last) {
        pending.push(chunk.subarray(start, i));
        take(pending);
        pending = [];
        start = i + 1;
        i = chunk.indexOf(10, start);
      }
      if (line > last) break;
      // Skip accumulating bytes of lines before `from` that are huge; keep only what a displayed line needs.
      pending.push(chunk.subarray(start));
    }
    if (line <= last && pending.length) take(pending);
  } finally {
    stream.destroy();
  }
  return { from, to: from + lines.length - 1, lineCount: index.lineCount, lines };
}

export async function countFileLines(file: IncidentFileRef): Promise<number> {
  return (await getIndex(file)).lineCount;
}
