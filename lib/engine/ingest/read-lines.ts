/**
 * Ingest: bytes in, clean text lines out, in batches, streaming — memory depends on the batch size, not the file.
 * gzip is recognised by its magic bytes (rotated `messages-YYYYMMDD.gz` need not be named `.gz`), decompression
 * is capped in size and ratio (gzip bombs), invalid UTF-8 becomes U+FFFD, CR/CRLF line ends, ANSI escapes and NULs
 * (syslog files keep runs of NUL after a hard reset) are removed, very long lines are truncated, and a file that
 * starts like a binary is refused with a clear message.
 */
import type { TriageInput } from "../types";

export type IngestErrorCode = "binary" | "gzip-bomb" | "too-large" | "gzip-corrupt" | "read-failed";

/** A refusal the user must see; everything else about bad input is repaired silently and counted. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.code = code;
  }
}

export type IngestLimits = {
  /** Decoded bytes per input. */
  maxDecodedBytes: number;
  /** Decoded/compressed ratio above which a gzip stream is refused (only checked past `ratioCheckAfterBytes`). */
  maxGzipRatio: number;
  ratioCheckAfterBytes: number;
  /** Characters kept of one line; the rest is dropped and counted. */
  maxLineChars: number;
};

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxDecodedBytes: 8 * 1024 ** 3,
  maxGzipRatio: 200,
  ratioCheckAfterBytes: 64 * 1024 ** 2,
  maxLineChars: 16 * 1024,
};

export type IngestStats = {
  bytes: number;
  decodedBytes: number;
  lines: number;
  compressed: boolean;
  truncatedLines: number;
  invalidUtf8Lines: number;
};

// CSI/OSC/two-character escapes as written by serial consoles and colouring tools.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const LINE_BREAK = /\r*\n|\r/;

async function* chunksOf(data: TriageInput["data"]): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) {
    // Slice big buffers so the pipeline stays incremental for them too.
    const STEP = 1 << 20;
    for (let i = 0; i < data.length; i += STEP) yield data.subarray(i, Math.min(data.length, i + STEP));
    return;
  }
  for await (const chunk of data) yield chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk as ArrayBuffer);
}

/** Pushes `first` back in front of the rest of the stream. */
async function* prepend(first: Uint8Array, rest: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  yield* rest;
}

async function* gunzip(
  source: AsyncGenerator<Uint8Array>,
  stats: IngestStats,
  limits: IngestLimits,
): AsyncGenerator<Uint8Array> {
  const counted = (async function* () {
    for await (const c of source) {
      stats.bytes += c.length;
      yield c;
    }
  })();
  const readable = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await counted.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const reader = readable.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        throw new IngestError("gzip-corrupt", `The gzip data is corrupt or truncated (${(e as Error).message}).`);
      }
      if (r.done) return;
      stats.decodedBytes += r.value.length;
      if (stats.decodedBytes > limits.maxDecodedBytes)
        throw new IngestError(
          "too-large",
          `Decompressed data exceeds the limit of ${Math.round(limits.maxDecodedBytes / 1024 ** 2)} MB.`,
        );
      if (stats.decodedBytes > limits.ratioCheckAfterBytes && stats.decodedBytes > stats.bytes * limits.maxGzipRatio)
        throw new IngestError(
          "gzip-bomb",
          `Refusing a gzip stream that expands more than ${limits.maxGzipRatio}× (${stats.bytes} bytes → ${stats.decodedBytes}+ bytes): it looks like a decompression bomb.`,
        );
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A log starts with text; a core file, an image or an archive does not. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  // A log truncated by a hard reset may START with a NUL run; then text must follow.
  if (nul === n) return false;
  return (bad + (nul > n * 0.9 ? 0 : nul)) / n > 0.1;
}

/**
 * Reads one input and yields batches of cleaned lines. Fills `stats` as it goes.
 * Throws `IngestError` for input that must be refused (binary, gzip bomb, over the cap).
 */
export async function* readLines(
  input: TriageInput,
  stats: IngestStats,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): AsyncGenerator<string[]> {
  let source = chunksOf(input.data);
  const first = await source.next();
  if (first.done) return;
  let head = first.value;
  // Need two bytes for the magic; a 1-byte first chunk is legal for streams.
  while (head.length < 2) {
    const more = await source.next();
    if (more.done) break;
    const merged = new Uint8Array(head.length + more.value.length);
    merged.set(head);
    merged.set(more.value, head.length);
    head = merged;
  }
  source = prepend(head, source);
  let bytesIn: AsyncGenerator<Uint8Array>;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    stats.compressed = true;
    bytesIn = gunzip(source, stats, limits);
  } else {
    bytesIn = (async function* () {
      for await (const c of source) {
        stats.bytes += c.length;
        stats.decodedBytes += c.length;
        if (stats.decodedBytes > limits.maxDecodedBytes)
          throw new IngestError("too-large", `Input exceeds the limit of ${Math.round(limits.maxDecodedBytes / 1024 ** 2)} MB.`);
        yield c;
      }
    })();
  }

  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  let carry = "";
  let carryTruncated = false;
  let checkedBinary = false;

  const clean = (line: string): string => {
    if (line.indexOf("\x1b") !== -1) line = line.replace(ANSI, "");
    if (OTHER_CONTROLS.test(line)) {
      OTHER_CONTROLS.lastIndex = 0;
      line = line.replace(OTHER_CONTROLS, "");
    }
    if (line.indexOf("\ufffd") !== -1) stats.invalidUtf8Lines++;
    return line;
  };

  const split = (text: string, final: boolean): string[] => {
    const hasCR = text.indexOf("\r") !== -1;
    const parts = hasCR ? text.split(LINE_BREAK) : text.split("\n");
    // A trailing `\r` may be the first half of a CRLF split across chunks: keep it in the carry.
    let tail = final ? undefined : parts.pop();
    if (tail !== undefined && hasCR && tail === "" && text.endsWith("\r")) tail = "\r";
    const out: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      let p = parts[i];
      if (i === 0 && carryTruncated) {
        carryTruncated = false;
        stats.truncatedLines++;
      }
      if (p.length > limits.maxLineChars) {
        p = p.slice(0, limits.maxLineChars);
        if (!(i === 0 && carryTruncated)) stats.truncatedLines++;
      }
      out.push(clean(p));
    }
    if (final && out.length > 0 && out[out.length - 1] === "") out.pop();
    carry = tail ?? "";
    if (carry.length > limits.maxLineChars) {
      carry = carry.slice(0, limits.maxLineChars);
      carryTruncated = true;
    }
    return out;
  };

  const ingestText = (text: string, final: boolean): string[] => {
    if (carryTruncated) {
      // Drop the rest of an over-long line up to its end.
      const nl = text.search(/[\r\n]/);
      if (nl === -1) return final ? split(carry, true) : [];
      text = text.slice(nl);
      const lines = split(carry + text, final);
      stats.lines += lines.length;
      return lines;
    }
    const lines = split(carry + text, final);
    stats.lines += lines.length;
    return lines;
  };

  try {
    for await (const chunk of bytesIn) {
      if (!checkedBinary) {
        checkedBinary = true;
        if (looksBinary(chunk))
          throw new IngestError(
            "binary",
            `${input.name} looks like a binary file, not a log (control bytes at the start). Upload text logs: /var/log/messages, dmesg, journalctl -k, vmcore-dmesg.txt (gzip is fine).`,
          );
      }
      let text = decoder.decode(chunk, { stream: true });
      if (text.indexOf("\0") !== -1) text = text.replace(/\0+/g, "");
      const lines = ingestText(text, false);
      if (lines.length > 0) yield lines;
    }
    const lines = ingestText(decoder.decode(), true);
    if (lines.length > 0) yield lines;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError("read-failed", `Could not read ${input.name}: ${(e as Error).message}`);
  }
}

export function emptyIngestStats(): IngestStats {
  return { bytes: 0, decodedBytes: 0, lines: 0, compressed: false, truncatedLines: 0, invalidUtf8Lines: 0 };
}
