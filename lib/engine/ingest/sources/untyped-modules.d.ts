// Minimal types for the two decoders that ship none; only what lib/engine/ingest uses.
declare module "unbzip2-stream" {
  type Bunzip2Stream = {
    on(event: "data", listener: (chunk: Uint8Array) => void): Bunzip2Stream;
    on(event: "error", listener: (error: Error) => void): Bunzip2Stream;
    write(chunk: Uint8Array): boolean;
    end(): void;
  };
  export default function unbzip2Stream(): Bunzip2Stream;
}

declare module "lz4js" {
  /** Encodes src[sIndex, sIndex+sLength) as one raw LZ4 block into dst; returns its length, 0 when nothing compressed. */
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
  /** Decodes one raw LZ4 block src[sIndex, sIndex+sLength) into dst from dIndex; returns the end index in dst. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
}
