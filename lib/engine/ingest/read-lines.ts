/**
 * Ingest: bytes in, clean text lines out, in batches, streaming — memory depends on the batch size, not the file.
 * gzip is recognised by its magic bytes (rotated `messages-YYYYMMDD.gz` need not be named `.gz`), decompression
 * is capped in size and ratio (gzip bombs), invalid UTF-8 becomes U+FFFD, CR/CRLF line ends, ANSI escapes and NULs
 * (syslog files keep runs of NUL after a hard reset) are removed, very long lines are truncated, and a file that
 * starts like a binary is refused with a clear message.
 */
import type { TriageInput } from "../types";

import { DecompressionBudget } from "./decompression-budget";
import { concatBytes } from "./concat-bytes";
import { searchableBytes } from "./byte-search";
import { repairPasteChunks } from "./repair-paste";
import { IngestError } from "./ingest-error";

export { IngestError, type IngestErrorCode } from "./ingest-error";
export { DecompressionBudget } from "./decompression-budget";

export type IngestLimits = {
  /** Decoded bytes per input. */
  maxDecodedBytes: number;
  /**
   * Decoded/compressed ratio above which a gzip stream is refused: over the whole stream (all members) once
   * `ratioCheckAfterBytes` are decoded, and over every further `ratioCheckAfterBytes` of output (a bomb appended to
   * a real log is not diluted by it). Compressed bytes are those handed to the decoder, in small slices.
   */
  maxGzipRatio: number;
  ratioCheckAfterBytes: number;
  /** Characters kept of one line; the rest is dropped and counted. */
  maxLineChars: number;
  /**
   * Chunks of nothing but NUL bytes (a sparse file's holes, a syslog's preallocated blocks after a hard reset) are
   * skipped, not scanned, and count towards this cap instead of `maxDecodedBytes`: the text after a 10 GB hole is
   * still read, and a file of nothing but holes is refused once it is past (or at its end, when it is shorter).
   */
  maxNulBytes: number;
};

/**
 * Ratios: syslog compresses ~12× (the bench:perf profiles), a kernel flood with timestamps (conntrack full at 50
 * lines/s) ~260×; deflate cannot exceed ~1032×, which zeros and one repeated line reach. 500 leaves real floods
 * alone and refuses a bomb after 16 MB of output (well under a second of work) instead of gigabytes.
 */
export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxDecodedBytes: 8 * 1024 ** 3,
  maxGzipRatio: 500,
  ratioCheckAfterBytes: 16 * 1024 ** 2,
  maxLineChars: 16 * 1024,
  maxNulBytes: 16 * 1024 ** 3,
};

export type IngestStats = {
  bytes: number;
  decodedBytes: number;
  lines: number;
  compressed: boolean;
  /** Lines longer than `maxLineChars` (every one of the input, windowed or not): the rest of each was not read. */
  truncatedLines: number;
  /** The first of them (1-based), for the warning that names them. */
  firstTruncatedLine?: number;
  invalidUtf8Lines: number;
  /**
   * The compressed stream broke off (truncated or corrupt) after some of it was decoded: what came before was read,
   * and this says why the rest is missing.
   */
  cutShort?: string;
};

// CSI/OSC/two-character escapes as written by serial consoles and colouring tools.
const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
const CONTROLS_EXCEPT_NL = /[\x00-\x08\x0b-\x1f\x7f]/;
/** What `cleanUncut` may have to count or remove: a control character (ANSI escapes start with one) or U+FFFD. */
const NEEDS_CLEANING = /[\x00-\x08\x0b-\x1f\x7f\ufffd]/;
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

/**
 * Pushes `first` back in front of the rest of the stream. Ending it ends `rest` too, even while `first` is being
 * handed over: `rest` was started to read `first`, and a refusal of the first chunk (a core file, a bomb) left the
 * file under it open.
 */
async function* prepend(first: Uint8Array, rest: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/** The budget of one triage's compressed inputs, at the gzip stream's ratio (real floods reach ~260×). */
export function decompressionBudgetFor(limits: Pick<IngestLimits, "maxGzipRatio" | "ratioCheckAfterBytes"> = DEFAULT_INGEST_LIMITS): DecompressionBudget {
  return new DecompressionBudget(limits.maxGzipRatio, limits.ratioCheckAfterBytes);
}

/**
 * Compressed bytes handed to the decoder at once. The decoder inflates a whole input chunk before it looks at
 * backpressure (a 1 MB chunk of a bomb is 1 GB of output), and a pipe into it reads far ahead (its writable side
 * queues thousands of chunks): the slices are written one at a time, the next only when the decoder has taken the
 * last, so what counts as consumed is at most one slice ahead of what was decoded.
 */
const GZIP_SLICE_BYTES = 16 * 1024;
/** Text without line ends (a minified blob on one line) compresses up to ~20×; zeros and one repeated byte far more. */
const GZIP_RATIO_WITHOUT_LINES = 50;

async function* gunzip(
  source: AsyncGenerator<Uint8Array>,
  stats: IngestStats,
  limits: IngestLimits,
  budget: DecompressionBudget,
): AsyncGenerator<Uint8Array> {
  budget.refuseIfSpent("a gzip stream");
  const decoder = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = decoder.writable.getWriter();
  const reader = decoder.readable.getReader();
  /** Compressed bytes handed to the decoder (multi-member streams count as a whole). */
  let consumed = 0;
  let stopped = false;
  const corrupt = (e: unknown) => new IngestError("corrupt", `The gzip data is corrupt or truncated (${(e as Error).message}).`);
  const feeding = (async () => {
    for await (const c of source) {
      stats.bytes += c.length;
      for (let at = 0; at < c.length && !stopped; at += GZIP_SLICE_BYTES) {
        const slice = c.subarray(at, Math.min(c.length, at + GZIP_SLICE_BYTES));
        consumed += slice.length;
        budget.addConsumed(slice.length);
        await writer.write(slice).catch((e: unknown) => Promise.reject(corrupt(e)));
      }
      if (stopped) return;
    }
    // A truncated stream fails here, at its end.
    await writer.close().catch((e: unknown) => Promise.reject(corrupt(e)));
  })();
  // Held until the decoder ends or the reading stops: a source or decoder failure is rethrown there.
  const fed = feeding.then(
    () => undefined,
    (e: unknown) => e,
  );
  const refuse = (decoded: number, compressed: number) =>
    new IngestError(
      "decompression-bomb",
      `Refusing a gzip stream that expands more than ${limits.maxGzipRatio}× (${compressed} bytes → ${decoded}+ bytes): it looks like a decompression bomb. A real log this repetitive can be uploaded uncompressed.`,
    );
  let windowDecoded = 0;
  let windowConsumed = 0;
  let windowHasLineEnd = false;
  /**
   * A stream that breaks off after giving text (a rotated log copied while gzip wrote it, an upload cut short) keeps
   * that text: the failure is recorded and the stream ends there. Nothing decoded yet: refused with the reason.
   */
  const endOrRefuse = (failure: IngestError): void => {
    if (stats.decodedBytes === 0) throw failure;
    stats.cutShort = `${failure.message.replace(/\.$/, "")} after ${stats.decodedBytes} decoded bytes.`;
  };
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        // The gunzip stream fails on corrupt or truncated data: the text so far, or a refusal with its reason.
        return endOrRefuse(corrupt(e));
      }
      if (r.done) {
        // The decoder ended, so did the feeding; a failure reading the source surfaces here.
        const failure = await fed;
        if (failure instanceof IngestError && failure.code === "corrupt") return endOrRefuse(failure);
        if (failure) throw failure;
        return;
      }
      stats.decodedBytes += r.value.length;
      budget.addDecoded(r.value.length, "a gzip stream");
      if (stats.decodedBytes > limits.maxDecodedBytes)
        throw new IngestError(
          "too-large",
          `Decompressed data exceeds the limit of ${Math.round(limits.maxDecodedBytes / 1024 ** 2)} MB.`,
        );
      if (stats.decodedBytes > limits.ratioCheckAfterBytes && stats.decodedBytes > consumed * limits.maxGzipRatio) throw refuse(stats.decodedBytes, consumed);
      windowHasLineEnd ||= r.value.indexOf(10) !== -1;
      if (stats.decodedBytes - windowDecoded > limits.ratioCheckAfterBytes) {
        const decoded = stats.decodedBytes - windowDecoded;
        const compressed = consumed - windowConsumed;
        if (decoded > compressed * limits.maxGzipRatio) throw refuse(decoded, compressed);
        // Zeros at a fast gzip level expand only ~230× (less than a real flood), but they are no log: megabytes
        // of output without a line end that also compress far better than text.
        if (!windowHasLineEnd && decoded > compressed * GZIP_RATIO_WITHOUT_LINES)
          throw new IngestError(
            "decompression-bomb",
            `Refusing a gzip stream whose output has no line break in ${Math.round(decoded / 1024 ** 2)} MB and expands ${Math.round(decoded / Math.max(1, compressed))}× (${compressed} bytes → ${decoded} bytes): it is no log, it looks like a decompression bomb.`,
          );
        windowDecoded = stats.decodedBytes;
        windowConsumed = consumed;
        windowHasLineEnd = false;
      }
      yield r.value;
    }
  } finally {
    stopped = true;
    // Refused or abandoned midway: stop the decoder (the pending write settles) and the source. On a decoder that
    // failed, cancel() rejects with the failure that read() already turned into the error being thrown.
    await reader.cancel().then(
      () => undefined,
      () => undefined,
    );
    await fed;
    await source.return(undefined);
  }
}

/** An input of nothing but NUL bytes. An empty tar archive is that too: 512-byte blocks of zeros, two or more. */
function nulOnlyRefusal(name: string, bytes: number): IngestError {
  const what = bytes >= 1024 && bytes <= 64 * 1024 && bytes % 512 === 0 ? "a sparse or zero-filled file, or an empty tar archive" : "a sparse or zero-filled file";
  return new IngestError("binary", `${name} holds nothing but NUL bytes (${bytes} bytes: ${what}), no log text.`);
}

/**
 * Decoded gzip output goes through what a plain file's bytes do: runs of NUL chunks (a hard reset's hole in a log
 * that was gzipped afterwards) are skipped, the NULs at a chunk's ends dropped, so the line after the hole is not cut
 * at the line cap; output that was nothing but NULs (a gzipped empty tar, a zero-filled file compressed) is refused
 * at its end instead of passing for one empty line. Its bytes are counted by the decoder.
 */
async function* withoutNulRuns(source: AsyncGenerator<Uint8Array>, name: string, stats: IngestStats): AsyncGenerator<Uint8Array> {
  let sawText = false;
  for await (const chunk of source) {
    if (chunk.length === 0 || isAllNul(chunk)) continue;
    sawText = true;
    yield withoutNulEnds(chunk);
  }
  if (!sawText && stats.decodedBytes > 0) throw nulOnlyRefusal(name, stats.decodedBytes);
}

/** True when every byte is 0 (four at a time where the chunk's alignment allows). */
function isAllNul(chunk: Uint8Array): boolean {
  if (chunk.length === 0 || chunk[0] !== 0 || chunk[chunk.length - 1] !== 0) return false;
  let i = 0;
  if (chunk.byteOffset % 4 === 0) {
    const words = new Int32Array(chunk.buffer, chunk.byteOffset, chunk.length >>> 2);
    for (let w = 0; w < words.length; w++) if (words[w] !== 0) return false;
    i = words.length << 2;
  }
  for (; i < chunk.length; i++) if (chunk[i] !== 0) return false;
  return true;
}

function withoutNulEnds(chunk: Uint8Array): Uint8Array {
  let start = 0;
  while (start < chunk.length && chunk[start] === 0) start++;
  let end = chunk.length;
  while (end > start && chunk[end - 1] === 0) end--;
  return start === 0 && end === chunk.length ? chunk : chunk.subarray(start, end);
}

/** Bytes the binary check looks at (after any leading NUL run). */
const BINARY_PROBE_BYTES = 8192;

/**
 * A log starts with text; a core file, an image or an archive does not. `head` starts at the first non-NUL byte:
 * a syslog file written up to a hard reset may begin with a NUL run of any length (the preallocated blocks the
 * kernel never wrote), so that run says nothing about the file.
 */
export function looksBinary(head: Uint8Array): boolean {
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
        `${name} looks like a binary file, not a log (control bytes at the start). Give text logs instead: /var/log/messages, dmesg, journalctl -k, vmcore-dmesg.txt (gzip is fine), or the vmcore itself.`,
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
 * Throws `IngestError` for input that must be refused (binary, gzip bomb, over the cap). `budget` is shared by
 * the compressed inputs of one triage (a fresh one: this input alone).
 */
export async function* readByteChunks(
  input: TriageInput,
  stats: IngestStats,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
  budget: DecompressionBudget = decompressionBudgetFor(limits),
): AsyncGenerator<Uint8Array> {
  const chunks = chunksOf(input.data);
  try {
    yield* checkedChunks(input, chunks, stats, limits, budget);
  } finally {
    // Started here, ended here, whatever stopped the reading: a refusal before a decoder took the stream over (the
    // decompression budget spent by earlier inputs), one inside it, or a consumer that stopped early. An input read
    // from a file holds its handle until then.
    await chunks.return(undefined);
  }
}

/** `readByteChunks` over the input's own stream, `chunks`, which its caller ends. */
async function* checkedChunks(
  input: TriageInput,
  chunks: AsyncGenerator<Uint8Array>,
  stats: IngestStats,
  limits: IngestLimits,
  budget: DecompressionBudget,
): AsyncGenerator<Uint8Array> {
  let source = chunks;
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
    bytesIn = withoutNulRuns(gunzip(source, stats, limits, budget), input.name, stats);
  } else {
    bytesIn = (async function* () {
      let nulBytes = 0;
      for await (const c of source) {
        stats.bytes += c.length;
        stats.decodedBytes += c.length;
        if (isAllNul(c)) {
          nulBytes += c.length;
          if (nulBytes > limits.maxNulBytes)
            throw new IngestError("too-large", `Input holds more than ${Math.round(limits.maxNulBytes / 1024 ** 3)} GB of NUL bytes (a sparse or zero-filled file): it is no log.`);
          continue;
        }
        if (stats.decodedBytes - nulBytes > limits.maxDecodedBytes)
          throw new IngestError("too-large", `Input exceeds the limit of ${Math.round(limits.maxDecodedBytes / 1024 ** 2)} MB.`);
        // The NULs a run leaves at either end of a chunk go too (a view, no copy): the line after a hard reset's hole
        // is often the next boot's banner, and a hole counted into its length cut it at the line cap.
        yield withoutNulEnds(c);
      }
      if (nulBytes > 0 && nulBytes === stats.decodedBytes) throw nulOnlyRefusal(input.name, stats.decodedBytes);
    })();
  }
  try {
    yield* repairPasteChunks(binaryChecked(bytesIn, input.name));
  } catch (e) {
    // A source that fails mid-read is refused with the reason (read-failed); refusals pass through.
    if (e instanceof IngestError) throw e;
    throw new IngestError("read-failed", `Could not read ${input.name}: ${(e as Error).message}`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
type BufferLike = { from(b: ArrayBuffer, offset: number, length: number): { toString(enc: string): string } };
const NodeBuffer = (globalThis as unknown as { Buffer?: BufferLike }).Buffer;
const latin1Decoder = NodeBuffer ? undefined : new TextDecoder("latin1");

/**
 * bytes[start, end) as one char per byte (offsets in the string are byte offsets): for the few places that need a
 * regex or a name out of raw bytes. Node's Buffer does it at memcpy speed; elsewhere TextDecoder stands in.
 */
export function latin1Of(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, end - start).toString("latin1");
  return latin1Decoder!.decode(bytes.subarray(start, end));
}

/**
 * Turns the line bytes[start, end) into clean text: UTF-8 decoded (invalid sequences → U+FFFD), NULs, ANSI
 * escapes and other control characters removed, truncated to `maxChars` (and to 4 × maxChars bytes before
 * decoding). The decoder makes a fresh string, so a kept line never pins its chunk.
 */
export function cleanBytes(bytes: Uint8Array, start: number, end: number, maxChars: number, stats?: IngestStats): string {
  const line = cleanUncut(bytes, start, end, maxChars, stats);
  return line.length > maxChars ? line.slice(0, maxChars) : line;
}

function cleanUncut(bytes: Uint8Array, start: number, end: number, maxChars: number, stats?: IngestStats): string {
  let line = utf8.decode(bytes.subarray(start, Math.min(end, start + maxChars * 4)));
  // Most lines need nothing below: one test for all of it (an escape is a control character).
  if (!NEEDS_CLEANING.test(line)) return line;
  if (stats && line.indexOf("\ufffd") !== -1) stats.invalidUtf8Lines++;
  if (line.indexOf("\x1b") !== -1) line = line.replace(ANSI, "");
  // A carriage return inside a line (its trailing ones are gone) overwrote what came before it on the terminal: a
  // progress line the kernel's output landed on. What the screen showed is the text after the last one.
  const cr = line.lastIndexOf("\r");
  if (cr !== -1 && cr < line.length - 1) line = line.slice(cr + 1);
  if (CONTROLS_EXCEPT_NL.test(line)) line = line.replace(CONTROLS_EXCEPT_NL_G, "");
  return line;
}

/**
 * Counts the line bytes[start, end) (line number `lineNo`) when it is longer than `maxChars` once cleaned, or
 * when `wasCut` says bytes of it were already dropped before it got here. Every line is offered, windowed or not:
 * only lines over `maxChars` bytes are decoded to decide, so the common short line costs one comparison.
 */
export function noteLineCut(
  stats: IngestStats,
  lineNo: number,
  bytes: Uint8Array,
  start: number,
  end: number,
  maxChars: number,
  wasCut: boolean,
): void {
  if (!wasCut && end - start <= maxChars) return;
  if (!wasCut && end - start <= maxChars * 4 && cleanUncut(bytes, start, end, maxChars).length <= maxChars) return;
  stats.truncatedLines++;
  stats.firstTruncatedLine ??= lineNo;
}

/** End of the line bytes[start, end) without its trailing CRs (CRLF and serial `\r\r\n` line ends). */
export function endWithoutCr(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && bytes[end - 1] === 13) end--;
  return end;
}

/** Largest piece of a chunk handed on at once (bounds the prefilter's working memory, whatever the chunk size). */
const PIECE_BYTES = 64 * 1024;

/** Bytes without any `\n` after which a file with CRs is taken as CR-only (old Macs, some serial captures). */
const CR_ONLY_DECISION_BYTES = 65536;

/**
 * Splits byte chunks into lines without copying or decoding them: calls the sink's `onChunk(bytes, start, end)` for
 * the whole lines of each piece of a chunk (lines end at `\n`), and `onLine(line)` with the bytes of the one line that
 * straddles two pieces (without its `\n`, at most about 2 × maxLineBytes). A file with CRs but no `\n` in its first
 * 64 KB (or in all of it, when shorter) is read with CR as the line end; until that is decided the bytes are held
 * back (at most 64 KB plus one chunk), so the decision does not depend on how the input was chunked. CRLF and
 * `\r\r\n` files keep `\n` as the line end (the consumer strips the trailing CRs).
 */
/** What `ByteLineSplitter` hands its lines to. */
export type LineSink = {
  /** Whole lines bytes[start, end), each ending with `\n`. */
  onChunk(bytes: Uint8Array, start: number, end: number): void;
  /** `cut`: the line was longer than the splitter's cap and only its first bytes are given. */
  onLine(line: Uint8Array, cut: boolean): void;
};

export class ByteLineSplitter {
  private carry: Uint8Array[] = [];
  private carryLength = 0;
  /** Bytes of the carried line were dropped at `maxLineBytes`. */
  private carryCut = false;
  private crOnly: boolean | undefined;
  private undecided: Uint8Array[] = [];
  private undecidedLength = 0;
  private sawCr = false;
  constructor(
    private readonly maxLineBytes: number,
    /**
     * Gets the lines: an object, not two closures, so a consumer made per input (the scanner) brings the same
     * functions every time and the splitter's calls stay monomorphic.
     */
    private readonly sink: LineSink,
  ) {}

  /** Big chunks are handed on in pieces of at most PIECE_BYTES, cut after a `\n` where there is one. */
  push(input: Uint8Array): void {
    // A plain Uint8Array view (not a Node Buffer subclass) keeps the consumer's element reads monomorphic.
    const chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let start = 0;
    while (chunk.length - start > PIECE_BYTES) {
      // Searched within the piece only: from its end back to the chunk's start, a long line made every piece of a
      // 1 MB read scan back to the chunk's first byte.
      const nl = searchableBytes(chunk.subarray(start, start + PIECE_BYTES)).lastIndexOf(10);
      const end = nl >= 0 ? start + nl + 1 : start + PIECE_BYTES;
      this.pushPiece(chunk.subarray(start, end));
      start = end;
    }
    this.pushPiece(start === 0 ? chunk : chunk.subarray(start));
  }

  private pushPiece(piece: Uint8Array): void {
    let bytes = piece;
    if (this.crOnly === undefined) {
      this.undecided.push(piece);
      this.undecidedLength += piece.length;
      if (!this.sawCr && piece.indexOf(13) !== -1) this.sawCr = true;
      if (piece.indexOf(10) !== -1) this.crOnly = false;
      else if (this.undecidedLength >= CR_ONLY_DECISION_BYTES) this.crOnly = this.sawCr;
      else return;
      bytes = this.undecided.length === 1 ? this.undecided[0] : concatBytes(this.undecided, this.undecidedLength);
      this.undecided = [];
      this.undecidedLength = 0;
    }
    this.split(bytes);
  }

  /** Carries bytes[start, end) of the unfinished line, at most up to `maxLineBytes` in all. */
  private keep(bytes: Uint8Array, start: number, end: number): void {
    const room = this.maxLineBytes - this.carryLength;
    if (end - start > room) {
      this.carryCut = true;
      end = start + Math.max(0, room);
    }
    if (end <= start) return;
    // A copy: the carried bytes must not pin the chunk they came from.
    this.carry.push(bytes.slice(start, end));
    this.carryLength += end - start;
  }

  private emitCarry(): void {
    const head = concatBytes(this.carry, this.carryLength);
    const cut = this.carryCut;
    this.carry = [];
    this.carryLength = 0;
    this.carryCut = false;
    this.sink.onLine(head, cut);
  }

  private split(input: Uint8Array): void {
    const bytes = this.crOnly ? input.map((b) => (b === 13 ? 10 : b)) : input;
    const search = searchableBytes(bytes);
    const firstNl = search.indexOf(10);
    if (firstNl === -1) {
      this.keep(bytes, 0, bytes.length);
      return;
    }
    let start = 0;
    if (this.carryLength > 0 || this.carryCut) {
      this.keep(bytes, 0, firstNl);
      this.emitCarry();
      start = firstNl + 1;
    }
    const lastNl = search.lastIndexOf(10);
    if (lastNl >= start) this.sink.onChunk(bytes, start, lastNl + 1);
    if (bytes.length > lastNl + 1) this.keep(bytes, lastNl + 1, bytes.length);
  }

  end(): void {
    if (this.crOnly === undefined) {
      this.crOnly = this.sawCr;
      const bytes = concatBytes(this.undecided, this.undecidedLength);
      this.undecided = [];
      this.undecidedLength = 0;
      if (bytes.length > 0) this.split(bytes);
    }
    if (this.carryLength > 0 || this.carryCut) this.emitCarry();
  }
}

/** Clean text lines of an input, in batches (tests and small inputs; the scanner uses the bytes directly). */
export async function* readLines(
  input: TriageInput,
  stats: IngestStats,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): AsyncGenerator<string[]> {
  let batch: string[] = [];
  const take = (bytes: Uint8Array, start: number, end: number, cut: boolean) => {
    const lineEnd = endWithoutCr(bytes, start, end);
    noteLineCut(stats, stats.lines + batch.length + 1, bytes, start, lineEnd, limits.maxLineChars, cut);
    batch.push(cleanBytes(bytes, start, lineEnd, limits.maxLineChars, stats));
  };
  const splitter = new ByteLineSplitter(limits.maxLineChars * 4, {
    onChunk(bytes, start, end) {
      let pos = start;
      while (pos < end) {
        const eol = bytes.indexOf(10, pos);
        take(bytes, pos, eol, false);
        pos = eol + 1;
      }
    },
    onLine: (line, cut) => take(line, 0, line.length, cut),
  });
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
