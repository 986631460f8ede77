/** Is this the start of a crash dump? By magic bytes only: ELF64 core, kdump-compressed, makedumpfile flattened. */
import { isFlattened } from "./flattened-source";
import { isKdumpCompressed } from "./open-kdump";
import type { VmcoreFormat } from "./types";

const ET_CORE = 4;

export function isElfCore(head: Uint8Array): boolean {
  return (
    head.length >= 18 &&
    head[0] === 0x7f &&
    head[1] === 0x45 &&
    head[2] === 0x4c &&
    head[3] === 0x46 &&
    head[4] === 2 &&
    (head[16] | (head[17] << 8)) === ET_CORE
  );
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
