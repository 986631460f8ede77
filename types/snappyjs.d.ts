// snappyjs 0.7 ships no types. Raw snappy blocks (not the framed format), as makedumpfile `-p` stores pages.
declare module "snappyjs" {
  /** Throws on a corrupt block or when the declared length exceeds `maxLength`. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
