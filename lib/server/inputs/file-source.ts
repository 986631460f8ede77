/**
 * A RandomAccessSource over a file on disk (vmcores, journals, archive members read in place). Plain Node, no
 * `server-only`: the CLI uses it too. Reads go through one file handle; close it when done.
 */
import { open } from "node:fs/promises";
import type { RandomAccessSource } from "../../engine/ingest/random-access";

export type FileSource = RandomAccessSource & { close(): Promise<void> };

export async function openFileSource(path: string, name: string = path): Promise<FileSource> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    name,
    size,
    async read(offset, length) {
      const from = Math.max(0, offset);
      const want = Math.max(0, Math.min(length, size - from));
      const buf = new Uint8Array(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(buf, got, want - got, from + got);
        if (bytesRead === 0) break; // the file shrank under us: a short read, as the contract allows
        got += bytesRead;
      }
      return got === want ? buf : buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}
