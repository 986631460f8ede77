/**
 * bzip2 through unbzip2-stream's block decoder (its `lib/bzip2`), driven here instead of by its through-stream: that
 * stream collects a block's whole output in a JS array before handing it on, and one block of a byte run decodes to
 * ~45 MB (run-length coding comes before the 900 KB block), so a 1.5 KB bomb cost ~8 s and ~1 GB before the meter
 * saw a byte. Here every output byte goes into a small buffer handed on as it fills: the meter refuses a bomb a few
 * hundred KB past its threshold, inside the block. What was consumed is what the bit reader read.
 */
import bz2 from "unbzip2-stream/lib/bzip2.js";
import bitIterator, { type BitReader } from "unbzip2-stream/lib/bit_iterator.js";

/** Output handed on at a time. */
const OUTPUT_BYTES = 64 * 1024;

/** The decoder reads a block synchronously: a whole block (at most 100 KB × level, plus slack) must be buffered. */
const blockSlackBytes = (level: number) => (level ? 25_000 + 100_000 * level : 4);

export type Bzip2Decoder = { push(chunk: Uint8Array): void; end(): void };

/**
 * `emit` gets decoded bytes (it may throw to stop, from inside a block); `consumed` the compressed bytes the decoder
 * read since the last call, always before the output they gave.
 */
export function createBzip2Decoder(emit: (out: Uint8Array) => void, consumed: (n: number) => void): Bzip2Decoder {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let reader: BitReader | undefined;
  let reported = 0;
  let level = 0;
  let streamCrc: number | null = null;
  let blockBuffer: Int32Array | undefined;
  const out = new Uint8Array(OUTPUT_BYTES);
  let outLength = 0;

  const flush = () => {
    if (reader && reader.bytesRead > reported) {
      consumed(reader.bytesRead - reported);
      reported = reader.bytesRead;
    }
    if (outLength === 0) return;
    const piece = out.slice(0, outLength);
    outLength = 0;
    emit(piece);
  };
  const put = (byte: number) => {
    out[outLength++] = byte;
    if (outLength === OUTPUT_BYTES) flush();
  };
  const decode = (final: boolean) => {
    reader ??= bitIterator(() => {
      const next = queue.shift();
      if (!next) throw new Error("the data ends inside a block");
      return next;
    });
    for (;;) {
      const available = queued - reader.bytesRead;
      if (final ? available <= 0 : available + 1 < blockSlackBytes(level)) return;
      if (!level) {
        level = bz2.header(reader);
        streamCrc = 0;
        continue;
      }
      if (!blockBuffer || blockBuffer.length !== 100_000 * level) blockBuffer = new Int32Array(100_000 * level);
      streamCrc = bz2.decompress(reader, put, blockBuffer, blockBuffer.length, streamCrc ?? 0);
      // null: the end-of-stream marker; a concatenated stream may follow with its own header.
      if (streamCrc === null) level = 0;
      flush();
    }
  };
  return {
    push(chunk) {
      if (chunk.length === 0) return;
      queue.push(chunk);
      queued += chunk.length;
      decode(false);
    },
    end() {
      decode(true);
      flush();
      if (level && streamCrc !== null) throw new Error("the data ends before the end-of-stream marker");
    },
  };
}
