/**
 * INTEGRATION POINT — a stand-in for the vmcore reader written on another branch (issue 12, vmcore half).
 * The integrator replaces this file with that branch's `lib/engine/vmcore/index.ts`; only these two signatures are
 * relied on by lib/engine/ingest/sources/. Until then a dump is recognised but not read (the caller records why).
 */
import type { RandomAccessSource } from "../ingest/random-access";

/** True when `head` starts like a crash dump: ELF core, kdump-compressed (`KDUMP   `), makedumpfile flattened. */
export function detectVmcore(head: Uint8Array): boolean {
  const startsWith = (s: string, at = 0) => [...s].every((c, i) => head[at + i] === c.charCodeAt(0));
  const isElfCore = startsWith("\x7fELF") && head[16] === 4 && head[17] === 0; // e_type ET_CORE, little-endian
  return isElfCore || startsWith("KDUMP   ") || startsWith("makedumpfile");
}

/** The kernel log of a dump (one or several `--split` parts), its crash facts and what could not be read. */
export async function extractVmcoreLog(
  parts: RandomAccessSource[],
): Promise<{ text: string; facts: Record<string, unknown>; warnings: string[] }> {
  throw new Error(`reading ${parts.map((p) => p.name).join(", ")} needs the vmcore reader, which this build lacks`);
}
