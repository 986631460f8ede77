/**
 * Is this the start of a crash dump? By magic bytes only: ELF64 core, kdump-compressed, makedumpfile flattened.
 * No imports: the upload page runs this in the browser to apply the dump size cap.
 */
import type { VmcoreFormat } from "./types";

const ET_CORE = 4;
export const KDUMP_SIGNATURE = "KDUMP   ";
export const FLATTENED_SIGNATURE = "makedumpfile";

function startsWith(head: Uint8Array, s: string): boolean {
  if (head.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (head[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Bytes of an ELF header up to and including `e_type`, which tells a core from a program. */
const ELF_TYPE_END = 18;

/**
 * An ELF64 core — or a file too short to hold `e_type` that starts like one: a dump cut inside its header is a
 * truncated vmcore to the reader (which says so), not "a binary file".
 */
export function isElfCore(head: Uint8Array): boolean {
  if (!startsWith(head, "\x7fELF")) return false;
  if (head.length < ELF_TYPE_END) return head.length <= 4 || head[4] === 2;
  return head[4] === 2 && (head[16] | (head[17] << 8)) === ET_CORE;
}

export function isKdumpCompressed(head: Uint8Array): boolean {
  return startsWith(head, KDUMP_SIGNATURE);
}

/** makedumpfile's flattened header: the signature, NUL-padded. */
export function isFlattened(head: Uint8Array): boolean {
  // Shorter than the padded signature: a flattened stream cut inside its header, read (and refused) as one.
  return startsWith(head, FLATTENED_SIGNATURE) && (head.length < 16 || head[12] === 0);
}

export function detectVmcoreFormat(head: Uint8Array): VmcoreFormat | undefined {
  if (isElfCore(head)) return "elf";
  if (isKdumpCompressed(head)) return "kdump";
  if (isFlattened(head)) return "kdump-flattened";
  return undefined;
}

/** For the input-recognition layer: the first bytes of a file (16 are enough) say whether it is a vmcore. */
export function detectVmcore(headBytes: Uint8Array): boolean {
  return detectVmcoreFormat(headBytes) !== undefined;
}
