/**
 * Whether a triage is big enough to run under a capped young generation (bin/oopscope relaunches it with
 * `--max-semi-space-size=4`; a small one starts without any V8 flag, which costs start-up). Uncapped, peak RSS grows
 * with the input until the young generation reaches its 16 MB semi-spaces: a 16 MB crash storm peaked at 124 MB
 * (97 MB capped), 32 MB at 145–150 MB (issue 11's target is 150 MB at 256 MB).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { InputSource } from "../engine/ingest/sources/expand-inputs";
import { sniffFormat, SNIFF_BYTES } from "../engine/ingest/sources/magic";

/** Input bytes from which triage runs capped; `OOPSCOPE_YOUNG_CAP_MIN_BYTES` overrides it (tests, tuning). */
export function youngCapMinBytes(): number {
  const override = Number(process.env.OOPSCOPE_YOUNG_CAP_MIN_BYTES);
  return Number.isFinite(override) && override >= 0 && process.env.OOPSCOPE_YOUNG_CAP_MIN_BYTES !== "" ? override : 16 * 1024 ** 2;
}

/** Syslog compresses ~10–12× (rotated .gz logs): a compressed file counts for this much text. */
const COMPRESSED_EXPANSION = 12;
/** Read while looking for the end of a piped stdin before it counts as big. */
const STDIN_READ_BYTES = 64 * 1024;

/** What was read of a piped stdin before the decision: all of it (`ended`), or the first bytes of a big one. */
export type StdinPrefix = { chunks: Uint8Array[]; bytes: number; ended: boolean };

/**
 * Reads a piped stdin synchronously until its end or until more than `limit` bytes came (no `process.stdin`: the
 * socket and stream machinery it loads costs start-up). Undefined when stdin is no pipe (a file has a size, a
 * terminal is typed into); a descriptor left non-blocking by another process ends the reading early (EAGAIN), and the
 * rest streams as it comes.
 */
export function readStdinPrefix(limit: number): StdinPrefix | undefined {
  if (!(fstatSync(0).isFIFO() || fstatSync(0).isSocket())) return undefined;
  const prefix: StdinPrefix = { chunks: [], bytes: 0, ended: false };
  while (prefix.bytes <= limit) {
    const buffer = Buffer.allocUnsafeSlow(STDIN_READ_BYTES);
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      return prefix;
    }
    if (n === 0) return { ...prefix, ended: true };
    prefix.chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
    prefix.bytes += n;
  }
  return prefix;
}

/** A stdin source for expandInputs: the prefix read already, then the rest of the stream. */
export async function* stdinChunks(prefix: StdinPrefix | undefined): AsyncGenerator<Uint8Array> {
  if (prefix) {
    yield* prefix.chunks;
    if (prefix.ended) return;
  }
  for await (const chunk of process.stdin) yield chunk as Uint8Array;
}

function isCompressedFile(file: string): boolean {
  const head = Buffer.alloc(SNIFF_BYTES);
  const fd = openSync(file, "r");
  try {
    return sniffFormat(head.subarray(0, readSync(fd, head, 0, head.length, 0))).kind !== "text";
  } finally {
    closeSync(fd);
  }
}

/**
 * The text bytes the sources hold, as far as known before reading them: file sizes (a compressed file's times
 * COMPRESSED_EXPANSION), directory members' sizes, stdin's size when it is a file or what was read of a pipe.
 */
export function estimateInputBytes(sources: InputSource[], paths: string[], stdin: StdinPrefix | undefined, enough: number): number {
  let total = 0;
  sources.forEach((source, i) => {
    if (source.kind === "directory") total += source.members.reduce((n, m) => n + (m.size ?? 0), 0);
    else if (paths[i] === "-") total += stdin ? stdin.bytes : fstatSync(0).isFile() ? fstatSync(0).size : 0;
    else {
      const size = source.size ?? 0;
      // Only a size that the expansion would carry over `enough` is worth reading the file's first bytes for.
      total += size < enough && size * COMPRESSED_EXPANSION >= enough && isCompressedFile(paths[i]) ? size * COMPRESSED_EXPANSION : size;
    }
  });
  return total;
}
