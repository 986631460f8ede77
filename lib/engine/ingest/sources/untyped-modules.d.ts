// Minimal types for the two decoders that ship none; only what lib/engine/ingest uses.
// unbzip2-stream's block decoder and bit reader, driven by bzip2-stream.ts.
declare module "unbzip2-stream/lib/bit_iterator.js" {
  /** Reads `n` bits (n ≤ 32) as a number; `null` aligns to the next byte. `bytesRead`: bytes started so far. */
  export type BitReader = ((n: number | null) => number) & { bytesRead: number };
  export default function bitIterator(nextBuffer: () => Uint8Array): BitReader;
}

declare module "unbzip2-stream/lib/bzip2.js" {
  import type { BitReader } from "unbzip2-stream/lib/bit_iterator.js";
  const bzip2: {
    /** Reads the stream header ("BZh" + level); returns the level (1–9). */
    header(bits: BitReader): number;
    /** Decodes one block into `out` byte by byte; returns the running stream CRC, or null at the end-of-stream marker. */
    decompress(bits: BitReader, out: (byte: number) => void, buf: Int32Array, bufsize: number, streamCrc: number): number | null;
  };
  export default bzip2;
}

declare module "lz4js" {
  /** Encodes src[sIndex, sIndex+sLength) as one raw LZ4 block into dst; returns its length, 0 when nothing compressed. */
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
  /** Decodes one raw LZ4 block src[sIndex, sIndex+sLength) into dst from dIndex; returns the end index in dst. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
}
