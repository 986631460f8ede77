/**
 * Searching raw bytes for one byte value. A typed array's `indexOf`/`lastIndexOf` walks ~0.8 ns a byte in V8; Node's
 * Buffer calls memchr/memrchr. It matters only where a search can run far: a line of megabytes (a JSON blob logged on
 * one line) has no line end in a whole 1 MB read, and each read was searched forward and back several times.
 * Outside Node (a browser bundle) the typed array's own methods stand in.
 */
type Searchable = { indexOf(value: number, from?: number): number; lastIndexOf(value: number, from?: number): number };
type BufferFrom = { from(b: ArrayBufferLike, offset: number, length: number): Searchable };
const NodeBuffer = (globalThis as unknown as { Buffer?: BufferFrom }).Buffer;

/** `bytes` (a view, no copy) with memchr-backed `indexOf` and `lastIndexOf` where Node provides them. */
export function searchableBytes(bytes: Uint8Array): Searchable {
  return NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}
