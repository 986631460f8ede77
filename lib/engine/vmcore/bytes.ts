/**
 * Little-endian field access on dump structures; 64-bit values as bigint where they can exceed 2^53.
 * A field outside its buffer (an offset from a corrupt VMCOREINFO or header) is a VmcoreError, not `undefined` math.
 */
import { VmcoreError } from "./vmcore-error";

function check(b: Uint8Array, off: number, n: number) {
  if (!(off >= 0 && off + n <= b.length)) throw new VmcoreError(`field at offset ${off} (${n} bytes) lies outside its ${b.length}-byte structure`);
}

export function u16(b: Uint8Array, off: number): number {
  check(b, off, 2);
  return b[off] | (b[off + 1] << 8);
}

export function u32(b: Uint8Array, off: number): number {
  check(b, off, 4);
  return (b[off] | (b[off + 1] << 8) | (b[off + 2] << 16)) + b[off + 3] * 0x1000000;
}

export function i32(b: Uint8Array, off: number): number {
  check(b, off, 4);
  return b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24);
}

export function u64(b: Uint8Array, off: number): bigint {
  check(b, off, 8);
  return (BigInt(u32(b, off + 4)) << 32n) | BigInt(u32(b, off));
}

/** A 64-bit file offset or size as a number; values beyond 2^53 become Infinity (they are beyond any file). */
export function u64n(b: Uint8Array, off: number): number {
  check(b, off, 8);
  const hi = u32(b, off + 4);
  if (hi >= 0x200000) return Infinity;
  return hi * 0x100000000 + u32(b, off);
}

/** Signed 64-bit as a number (page-descriptor offsets are `off_t`); out-of-range values become ±Infinity. */
export function i64n(b: Uint8Array, off: number): number {
  check(b, off, 8);
  const hi = i32(b, off + 4);
  if (hi >= 0x200000 || hi < -0x200000) return hi < 0 ? -Infinity : Infinity;
  return hi * 0x100000000 + u32(b, off);
}

export function i64beN(b: Uint8Array, off: number): number {
  check(b, off, 8);
  const hi = (b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3];
  const lo = ((b[off + 4] << 24) | (b[off + 5] << 16) | (b[off + 6] << 8) | b[off + 7]) >>> 0;
  if (hi >= 0x200000 || hi < -0x200000) return hi < 0 ? -Infinity : Infinity;
  return hi * 0x100000000 + lo;
}

/** NUL-terminated ASCII string in a fixed-size field. */
export function cString(b: Uint8Array, off: number, max: number): string {
  let s = "";
  for (let i = off; i < Math.min(b.length, off + max) && b[i] !== 0; i++) s += String.fromCharCode(b[i]);
  return s;
}

export function hex(v: bigint | number): string {
  return v.toString(16);
}
