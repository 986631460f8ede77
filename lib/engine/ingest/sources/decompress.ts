/**
 * Streaming decoders for gzip, raw deflate, xz, zstd and bzip2 (well-kept libraries: fflate, xz-decompress's
 * WebAssembly xz-embedded, fzstd, unbzip2-stream), each behind one meter that refuses decompression bombs. The ratio
 * is measured against the compressed bytes the decoder actually consumed (a small bomb followed by megabytes of
 * incompressible data is still a bomb): push decoders get the input in small pieces and report their output
 * synchronously, so what was consumed is known to a piece; a read-ahead decoder such as DecompressionStream would
 * have swallowed whole members before the first check. A multi-member gzip or multi-frame zstd counts as one stream.
 * Every decoder is loaded when such an input arrives: a plain log's CLI run does not pay for them (fflate alone was
 * ~9 ms of start-up).
 */
import type { DecompressionBudget } from "../decompression-budget";
import { ExpansionRatio } from "../expansion-ratio";
import { IngestError } from "../ingest-error";
import type { Codec } from "./magic";

export type ExpansionLimits = {
  /** Decoded/compressed ratio above which a stream is a bomb (checked once `ratioCheckAfterBytes` are decoded). */
  maxRatio: number;
  ratioCheckAfterBytes: number;
  /** Bytes decoded from one source in all, members not kept included (a tar must be decoded to be walked). */
  maxDecodedBytes: number;
  /** Bytes kept of one archive member; the rest of a longer member is skipped and said so. */
  maxMemberBytes: number;
  /** Bytes kept from all members of all sources together. */
  maxKeptBytes: number;
  /** Archive members walked before giving up on the rest. */
  maxMembers: number;
  /** A binary journal is read whole: its size cap. */
  maxJournalBytes: number;
};

export const DEFAULT_EXPANSION_LIMITS: ExpansionLimits = {
  maxRatio: 200,
  ratioCheckAfterBytes: 16 * 1024 ** 2,
  maxDecodedBytes: 16 * 1024 ** 3,
  maxMemberBytes: 1024 ** 3,
  maxKeptBytes: 4 * 1024 ** 3,
  maxMembers: 200_000,
  maxJournalBytes: 1024 ** 3,
};

/** Counts what one decoder pulls and produces, and refuses bombs and oversize output as they happen. */
export class ExpansionMeter {
  consumed = 0;
  produced = 0;
  /**
   * Set on an archive's meter when one of its members was a bomb. Members read later (a zip's, streamed lazily into
   * the engine by the CLI) are refused before they are decoded: each would otherwise cost its 16 MB of output, and
   * an archive holds up to 200,000 of them.
   */
  private bomb?: IngestError;
  /**
   * On the outermost meter (the archive or upload source): what every member decoder under it consumed and produced,
   * from the start and in the current window of `ratioCheckAfterBytes` of output. A zip or tar of many members, each
   * a bomb under the per-member check threshold, is one bomb: without this sum it was bounded only by the 16 GB cap.
   */
  private members: ExpansionRatio;
  constructor(
    readonly label: string,
    readonly limits: ExpansionLimits,
    /** Output of the enclosing decoder, when this one decodes a member of an archive: caps apply to the total. */
    private readonly parent?: ExpansionMeter,
    /**
     * On the meter of a compressed file given as such (not of an archive member): the budget of all the compressed
     * inputs of the triage, which counts this decoder's input and output too.
     */
    private readonly budget?: DecompressionBudget,
  ) {
    this.members = new ExpansionRatio(limits.maxRatio, limits.ratioCheckAfterBytes);
  }

  addConsumed(n: number): void {
    this.consumed += n;
    this.budget?.addConsumed(n);
    const root = this.root();
    if (root !== this) root.members.addConsumed(n);
  }

  private root(): ExpansionMeter {
    return this.parent ? this.parent.root() : this;
  }

  addProduced(n: number): void {
    for (let p = this.parent; p; p = p.parent)
      if (p.bomb) throw new IngestError("decompression-bomb", `Refusing ${this.label}: another member of ${p.label} is a decompression bomb.`);
    this.produced += n;
    const { maxRatio, ratioCheckAfterBytes, maxDecodedBytes } = this.limits;
    if (this.produced > ratioCheckAfterBytes && this.produced > Math.max(1, this.consumed) * maxRatio) {
      const bomb = new IngestError(
        "decompression-bomb",
        `Refusing ${this.label}: it expands more than ${maxRatio}× (${this.consumed} compressed bytes read → ${this.produced}+ bytes): a decompression bomb.`,
      );
      for (let p = this.parent; p; p = p.parent) p.bomb ??= bomb;
      throw bomb;
    }
    // After the stream's own check: a single bomb is refused as such, with its own ratio.
    this.budget?.addDecoded(n, this.label);
    if (this.parent) this.checkMembersTogether(n);
    if (this.produced > maxDecodedBytes)
      throw new IngestError(
        "too-large",
        `Refusing ${this.label}: it decompresses to more than ${Math.round(maxDecodedBytes / 1024 ** 2)} MB.`,
      );
    this.parent?.addNested(n);
  }

  /**
   * The ratio over all members of the outermost source: from its start, and over every window of
   * `ratioCheckAfterBytes` of member output (real members read before the bombs do not dilute them for long).
   */
  private checkMembersTogether(n: number): void {
    const root = this.root();
    const crossed = root.members.addProduced(n);
    if (!crossed) return;
    const bomb = new IngestError(
      "decompression-bomb",
      `Refusing ${this.label}: the members of ${root.label} together expand more than ${this.limits.maxRatio}× (${crossed.read} compressed bytes read → ${crossed.made}+ bytes): a decompression bomb.`,
    );
    for (let p = this.parent; p; p = p.parent) p.bomb ??= bomb;
    throw bomb;
  }

  /** Bytes a nested decoder produced count towards the total cap of the source they come from. */
  private addNested(n: number): void {
    if (this.produced + n > this.limits.maxDecodedBytes)
      throw new IngestError(
        "too-large",
        `Refusing ${this.label}: its contents decompress to more than ${Math.round(this.limits.maxDecodedBytes / 1024 ** 2)} MB.`,
      );
    this.produced += n;
  }
}

/**
 * Input handed to a push decoder at a time. Until the ratio check starts, pieces are small (deflate expands a piece
 * at most 1032×, so a bomb is caught within a few MB); after it, larger pieces keep the per-push overhead low
 * (4 KB pieces cost fflate 3× the time of 64 KB ones) and a bomb hiding behind real data overshoots by one piece.
 */
export const PUSH_PIECE_BYTES = 4 * 1024;
const LATE_PUSH_PIECE_BYTES = 64 * 1024;
/**
 * The first output of a stream is what the expander sniffs (512 bytes) before it knows whether to read on: tiny
 * pieces until 64 KB are out keep that sniff from inflating megabytes per archive member (a 4 KB piece of a bomb is
 * 4 MB, and a zip may hold 200,000 members, each sniffed).
 */
const FIRST_PUSH_PIECE_BYTES = 256;
const FIRST_OUTPUT_BYTES = 64 * 1024;

async function* counted(source: AsyncIterable<Uint8Array>, meter: ExpansionMeter, piecewise = false): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; ) {
      const size = !piecewise
        ? chunk.length
        : meter.produced < FIRST_OUTPUT_BYTES
          ? FIRST_PUSH_PIECE_BYTES
          : meter.produced < meter.limits.ratioCheckAfterBytes
            ? PUSH_PIECE_BYTES
            : LATE_PUSH_PIECE_BYTES;
      const piece = at === 0 && size >= chunk.length ? chunk : chunk.subarray(at, Math.min(chunk.length, at + size));
      at += piece.length;
      meter.addConsumed(piece.length);
      yield piece;
    }
  }
}

async function* uncounted(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* source;
}

/** A web ReadableStream that pulls `source` only as fast as the decoder asks (so `consumed` stays honest). */
function pulledStream(source: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await source.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function* fromWebDecoder(
  decoded: ReadableStream<Uint8Array>,
  meter: ExpansionMeter,
  codec: Codec,
): AsyncGenerator<Uint8Array> {
  const reader = decoded.getReader();
  let finished = false;
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        // The decoder fails on corrupt or truncated data: a refusal with its reason.
        throw new IngestError("corrupt", `${meter.label}: the ${codec} data is corrupt or truncated (${(e as Error).message}).`);
      }
      if (r.done) {
        finished = true;
        return;
      }
      meter.addProduced(r.value.length);
      yield r.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch((e: unknown) => void e);
    reader.releaseLock();
  }
}

/** Push-style decoders (fflate, fzstd, bzip2-stream.ts) hand output to a callback: the meter throws from inside it. */
async function* fromPushDecoder(
  source: AsyncGenerator<Uint8Array>,
  meter: ExpansionMeter,
  codec: Codec | "deflate",
  start: (emit: (out: Uint8Array) => void) => { push(chunk: Uint8Array): void; end(): void; error(): Error | undefined },
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  const decoder = start((out) => {
    meter.addProduced(out.length);
    pending.push(out);
  });
  const fail = (e: unknown): never => {
    if (e instanceof IngestError) throw e;
    throw new IngestError("corrupt", `${meter.label}: the ${codec} data is corrupt or truncated (${(e as Error).message}).`);
  };
  for await (const chunk of source) {
    try {
      decoder.push(chunk);
    } catch (e) {
      // `fail` rethrows refusals and turns a decoder error into a `corrupt` refusal.
      fail(e);
    }
    const err = decoder.error();
    if (err) fail(err);
    const out = pending;
    pending = [];
    yield* out;
  }
  try {
    decoder.end();
  } catch (e) {
    // `fail` rethrows refusals and turns a decoder error into a `corrupt` refusal.
    fail(e);
  }
  const err = decoder.error();
  if (err) fail(err);
  yield* pending;
}

/** fflate's and fzstd's stream classes share this shape: push(chunk, final) with output to a callback. */
function pushDecoder(make: (ondata: (data: Uint8Array) => void) => { push(chunk: Uint8Array, final?: boolean): unknown }) {
  return (emit: (out: Uint8Array) => void) => {
    const d = make((data) => emit(data));
    let sawInput = false;
    return {
      push(chunk: Uint8Array) {
        sawInput = true;
        d.push(chunk);
      },
      end() {
        if (sawInput) d.push(new Uint8Array(0), true);
      },
      error: () => undefined,
    };
  };
}

/** Raw deflate (zip entries), metered like the codecs. */
export async function* inflateRawStream(source: AsyncIterable<Uint8Array>, meter: ExpansionMeter): AsyncGenerator<Uint8Array> {
  const { Inflate } = await import("fflate");
  return yield* fromPushDecoder(counted(source, meter, true), meter, "deflate", pushDecoder((ondata) => new Inflate(ondata)));
}

/** Decodes `source` (compressed with `codec`) as a stream of chunks, metered. */
export async function* decompressStream(codec: Codec, source: AsyncIterable<Uint8Array>, meter: ExpansionMeter): AsyncGenerator<Uint8Array> {
  switch (codec) {
    case "gzip": {
      const { Gunzip } = await import("fflate");
      return yield* fromPushDecoder(counted(source, meter, true), meter, codec, pushDecoder((ondata) => new Gunzip(ondata)));
    }
    case "xz": {
      const { XzReadableStream } = await import("./xz-stream");
      // xz-embedded pulls its input as it needs it: what it pulled is what it consumed.
      const input = counted(source, meter);
      try {
        return yield* fromWebDecoder(new XzReadableStream(pulledStream(input)), meter, codec);
      } finally {
        // A decoder that fails on corrupt data errors its stream, and cancelling an errored stream reaches nothing
        // under it: the input (a file's handle) is ended here, whether the decoding ended, failed or was stopped.
        await input.return(undefined);
      }
    }
    case "zstd": {
      const { Decompress: ZstdDecompress } = await import("fzstd");
      return yield* fromPushDecoder(counted(source, meter, true), meter, codec, pushDecoder((ondata) => new ZstdDecompress(ondata)));
    }
    case "bzip2": {
      const { createBzip2Decoder } = await import("./bzip2-stream");
      // Not `counted`: the decoder buffers a whole block before reading it, and reports what its bit reader consumed.
      return yield* fromPushDecoder(uncounted(source), meter, codec, (emit) => {
        const decoder = createBzip2Decoder(emit, (n) => meter.addConsumed(n));
        return { push: (chunk) => decoder.push(chunk), end: () => decoder.end(), error: () => undefined };
      });
    }
  }
}
