/**
 * Byte counts for people. Sizes read from a file's own header (a tar member, a dump's notes, a journal payload) can
 * be anything up to 2^64: printed raw as a JS number they read "9223372036854776000 bytes", which looks like a
 * measurement and hides that the header is garbage.
 */

const UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"] as const;

/** No disk, dump or archive member a node produces comes near this: a size field past it is corrupt. */
export const IMPLAUSIBLE_BYTES = 2 ** 50;

/** `512 bytes`, `1.5 KiB`, `8 EiB` (three significant digits at most); bigints of any size too. */
export function formatByteSize(size: number | bigint): string {
  const n = typeof size === "bigint" ? Number(size) : size;
  // Readers turn 64-bit fields past 2^53 into Infinity (bytes.ts `u64n`).
  if (!Number.isFinite(n)) return "over 8 PiB";
  if (Math.abs(n) < 1024) return `${n} ${Math.abs(n) === 1 ? "byte" : "bytes"}`;
  let value = Math.abs(n);
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const shown = Number(value.toFixed(digits)).toString();
  return `${n < 0 ? "-" : ""}${shown} ${UNITS[unit]}`;
}

/**
 * A size a header claims, as `formatByteSize` does, with a note when no real file could have it (negative, beyond
 * `IMPLAUSIBLE_BYTES`, or past what the field's reader could represent).
 */
export function describeClaimedSize(size: number | bigint): string {
  const n = typeof size === "bigint" ? Number(size) : size;
  if (!Number.isFinite(n) || n < 0 || n > IMPLAUSIBLE_BYTES) return `${formatByteSize(size)} (an implausible size: the field is corrupt)`;
  return formatByteSize(size);
}
