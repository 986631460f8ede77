/** A dump that cannot be read further: wrong magic, headers pointing outside the file, unreadable memory. */
export class VmcoreError extends Error {
  override readonly name = "VmcoreError";
}
