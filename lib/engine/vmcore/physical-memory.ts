/** Page-granular access to the crashed machine's physical memory, whatever the container format. */
export type PhysicalMemory = {
  readonly pageSize: number;
  /** The page's bytes, or why it is not in the dump (never zeros for a page that was not saved). */
  readPage(pfn: number): Promise<Uint8Array | MissingPage>;
};

export type MissingPage = { missing: string };

export function isMissing(p: Uint8Array | MissingPage): p is MissingPage {
  return !(p instanceof Uint8Array);
}

/** Reads that go past the end of a source: the reader shortens, we say so. */
export async function readExactly(
  source: { name: string; size: number; read(offset: number, length: number): Promise<Uint8Array> },
  offset: number,
  length: number,
): Promise<Uint8Array | undefined> {
  if (!Number.isFinite(offset) || offset < 0 || length < 0 || offset + length > source.size) return undefined;
  const b = await source.read(offset, length);
  return b.length === length ? b : undefined;
}
