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
const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
const CONTROLS_EXCEPT_NL = /[\x00-\x08\x0b-\x1f\x7f]/;
const CONTROLS_EXCEPT_NL_G = /[\x00-\x08\x0b-\x1f\x7f]/g;

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

/** Bytes the binary check looks at (after any leading NUL run). */
const BINARY_PROBE_BYTES = 8192;

/**
 * A log starts with text; a core file, an image or an archive does not. `head` starts at the first non-NUL byte:
 * a syslog file written up to a hard reset may begin with a NUL run of any length (the preallocated blocks the
 * kernel never wrote), so that run says nothing about the file.
 */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, BINARY_PROBE_BYTES);
  if (n === 0) return false;
  let bad = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  // Later NUL runs (a second reset inside the probe) are tolerated when they make up most of it.
  return (bad + (nul > n * 0.9 ? 0 : nul)) / n > 0.1;
}

/**
 * Holds chunks back until `BINARY_PROBE_BYTES` of text after the leading NULs are known (or the input ends), so a
 * stream that arrives a byte at a time is judged on as much data as a buffer is. Leading all-NUL chunks pass
 * straight through (they are harmless and may be large).
 */
async function* binaryChecked(source: AsyncGenerator<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  let inLeadingNuls = true;
  const held: Uint8Array[] = [];
  const probe = new Uint8Array(BINARY_PROBE_BYTES);
  let probeLen = 0;
  let checked = false;
  const check = () => {
    checked = true;
    if (looksBinary(probe.subarray(0, probeLen)))
      throw new IngestError(
        "binary",
        `${name} looks like a binary file, not a log (control bytes at the start). Upload text logs: /var/log/messages, dmesg, journalctl -k, vmcore-dmesg.txt (gzip is fine).`,
      );
  };
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    if (checked) {
      yield chunk;
      continue;
    }
    let from = 0;
    if (inLeadingNuls) {
      while (from < chunk.length && chunk[from] === 0) from++;
      if (from === chunk.length) {
        yield chunk;
        continue;
      }
      inLeadingNuls = false;
    }
    const take = Math.min(chunk.length - from, BINARY_PROBE_BYTES - probeLen);
    probe.set(chunk.subarray(from, from + take), probeLen);
    probeLen += take;
    held.push(chunk);
    if (probeLen >= BINARY_PROBE_BYTES) {
      check();
      yield* held.splice(0);
    }
  }
  if (!checked) {
    check();
    yield* held.splice(0);
  }
}

/**
 * Reads one input and yields its (decompressed) bytes in chunks, after the binary check and within the caps.
 * Lines are found by the consumer (see `ByteLineSplitter`): the hot path never decodes text it will not parse.
 * Throws `IngestError` for input that must be refused (binary, gzip bomb, over the cap).
 */
export async function* readByteChunks(
  input: TriageInput,
  stats: IngestStats,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): AsyncGenerator<Uint8Array> {
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
  try {
    yield* binaryChecked(bytesIn, input.name);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError("read-failed", `Could not read ${input.name}: ${(e as Error).message}`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
type BufferLike = { from(b: ArrayBuffer, offset: number, length: number): { toString(enc: string): string } };
const NodeBuffer = (globalThis as unknown as { Buffer?: BufferLike }).Buffer;
const latin1Decoder = NodeBuffer ? undefined : new TextDecoder("latin1");

/**
 * One char per byte: offsets in the string are byte offsets and every literal the prefilter looks for is ASCII,
 * so scanning this view is exact. Node's Buffer does it at memcpy speed; elsewhere TextDecoder stands in.
 */
export function bytesToLatin1(chunk: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
  return latin1Decoder!.decode(chunk);
}

/**
 * Turns a line of the byte view into clean text: UTF-8 decoded (invalid sequences → U+FFFD), trailing CRs,
 * NULs, ANSI escapes and other control characters removed, truncated to `maxChars`.
 */
export function cleanLine(byteLine: string, maxChars: number, stats?: IngestStats): string {
  let line = byteLine;
  if (line.length > maxChars * 4) line = line.slice(0, maxChars * 4);
  // Always decode into a fresh string: a slice of the chunk would pin the whole megabyte chunk for as long as the
  // line lives in a finding (memory would then grow with the file). Non-ASCII bytes become the UTF-8 they encode.
  const bytes = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) bytes[i] = line.charCodeAt(i);
  line = utf8.decode(bytes);
  if (stats && line.indexOf("\ufffd") !== -1) stats.invalidUtf8Lines++;
  if (line.indexOf("\x1b") !== -1) line = line.replace(ANSI, "");
  if (CONTROLS_EXCEPT_NL.test(line)) line = line.replace(CONTROLS_EXCEPT_NL_G, "");
  if (line.length > maxChars) {
    line = line.slice(0, maxChars);
    if (stats) stats.truncatedLines++;
  }
  return line;
}

/** Largest piece of a chunk turned into one string (below V8's 128 KB large-object threshold). */
const PIECE_BYTES = 64 * 1024;

/** Bytes without any `\n` after which a file with CRs is taken as CR-only (old Macs, some serial captures). */
const CR_ONLY_DECISION_BYTES = 65536;

/**
 * Splits byte chunks into lines without copying the chunk: calls `onChunk(text, start, end)` for the whole lines
 * of each chunk (text is the latin1 view; lines end at `\n`), and `onLine(line)` for the one line that straddles
 * two chunks. A file with CRs but no `\n` in its first 64 KB (or in all of it, when shorter) is read with CR as
 * the line end; until that is decided the text is held back (at most 64 KB plus one chunk), so the decision does
 * not depend on how the input was chunked. CRLF and `\r\r\n` files keep `\n` as the line end (the consumer strips
 * the trailing CRs).
 */
export class ByteLineSplitter {
  private carry = "";
  private crOnly: boolean | undefined;
  private undecided: string[] = [];
  private undecidedLength = 0;
  private sawCr = false;
  constructor(
    private readonly maxLineBytes: number,
    /** `bytes`, when given, are the chunk the text is the latin1 view of (same offsets). */
    private readonly onChunk: (text: string, start: number, end: number, bytes?: Uint8Array) => void,
    private readonly onLine: (line: string) => void,
  ) {}

  /**
   * Big chunks are taken in pieces of at most PIECE_BYTES, cut after a `\n` where there is one: the text view of
   * a piece is a short-lived string the young-generation GC frees cheaply, while a megabyte string lands in V8's
   * large-object space and makes every few chunks cost a full collection.
   */
  push(chunk: Uint8Array): void {
    let start = 0;
    while (chunk.length - start > PIECE_BYTES) {
      const nl = chunk.lastIndexOf(10, start + PIECE_BYTES - 1);
      const end = nl >= start ? nl + 1 : start + PIECE_BYTES;
      this.pushPiece(start === 0 && end === chunk.length ? chunk : chunk.subarray(start, end));
      start = end;
    }
    this.pushPiece(start === 0 ? chunk : chunk.subarray(start));
  }

  private pushPiece(chunk: Uint8Array): void {
    let text = bytesToLatin1(chunk);
    let bytes: Uint8Array | undefined = chunk;
    if (this.crOnly === undefined) {
      this.undecided.push(text);
      this.undecidedLength += text.length;
      if (!this.sawCr && text.indexOf("\r") !== -1) this.sawCr = true;
      if (text.indexOf("\n") !== -1) this.crOnly = false;
      else if (this.undecidedLength >= CR_ONLY_DECISION_BYTES) this.crOnly = this.sawCr;
      else return;
      if (this.undecided.length > 1) {
        text = this.undecided.join("");
        bytes = undefined;
      }
      this.undecided = [];
      this.undecidedLength = 0;
    }
    this.split(text, bytes);
  }

  private split(input: string, inputBytes?: Uint8Array): void {
    const text = this.crOnly ? input.replace(/\r/g, "\n") : input;
    const bytes = this.crOnly ? undefined : inputBytes;
    const firstNl = text.indexOf("\n");
    if (firstNl === -1) {
      if (this.carry.length < this.maxLineBytes) this.carry += text.slice(0, this.maxLineBytes - this.carry.length);
      return;
    }
    let start = 0;
    if (this.carry.length > 0) {
      const head = this.carry + text.slice(0, Math.min(firstNl, this.maxLineBytes));
      this.carry = "";
      this.onLine(head);
      start = firstNl + 1;
    }
    const lastNl = text.lastIndexOf("\n");
    if (lastNl >= start) this.onChunk(text, start, lastNl + 1, bytes);
    const tail = text.length - (lastNl + 1);
    if (tail > 0) this.carry = text.slice(lastNl + 1, lastNl + 1 + Math.min(tail, this.maxLineBytes));
  }

  end(): void {
    if (this.crOnly === undefined) {
      this.crOnly = this.sawCr;
      const text = this.undecided.join("");
      this.undecided = [];
      if (text.length > 0) this.split(text);
    }
    if (this.carry.length > 0) this.onLine(this.carry);
    this.carry = "";
  }
}

/** Clean text lines of an input, in batches (tests and small inputs; the scanner uses the byte view directly). */
export async function* readLines(
  input: TriageInput,
  stats: IngestStats,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): AsyncGenerator<string[]> {
  let batch: string[] = [];
  const take = (raw: string) => {
    batch.push(cleanLine(raw.endsWith("\r") ? raw.replace(/\r+$/, "") : raw, limits.maxLineChars, stats));
  };
  const splitter = new ByteLineSplitter(
    limits.maxLineChars * 4,
    (text, start, end) => {
      let pos = start;
      while (pos < end) {
        const eol = text.indexOf("\n", pos);
        take(text.slice(pos, eol));
        pos = eol + 1;
      }
    },
    take,
  );
  for await (const chunk of readByteChunks(input, stats, limits)) {
    splitter.push(chunk);
    stats.lines += batch.length;
    if (batch.length > 0) yield batch;
    batch = [];
  }
  splitter.end();
  stats.lines += batch.length;
  if (batch.length > 0) yield batch;
}

export function emptyIngestStats(): IngestStats {
  return { bytes: 0, decodedBytes: 0, lines: 0, compressed: false, truncatedLines: 0, invalidUtf8Lines: 0 };
}
