/**
 * Random access to a large input (a vmcore, a binary journal, an archive member index) without reading it whole.
 * The engine never opens files itself: the CLI and the server hand it a source backed by a file descriptor, tests
 * hand it one backed by a byte array.
 */
export type RandomAccessSource = {
  /** A name for messages (the file name as the user gave it). */
  readonly name: string;
  /** Size in bytes of what is really there; a truncated file is shorter than its format claims. */
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
};

/** A source over bytes already in memory (tests, small uploads). */
export function bytesSource(name: string, bytes: Uint8Array): RandomAccessSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.min(bytes.length, offset + length)),
  };
}
