/**
 * xz-decompress ships a UMD bundle: Node's ESM loader sees only its default export, bundlers see named exports.
 * This resolves the class either way.
 */
import * as xzModule from "xz-decompress";

type XzStreamClass = new (compressed: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
const loaded = xzModule as unknown as { XzReadableStream?: XzStreamClass; default?: { XzReadableStream?: XzStreamClass } };

export const XzReadableStream: XzStreamClass = (loaded.XzReadableStream ?? loaded.default?.XzReadableStream)!;
