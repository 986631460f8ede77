/**
 * Several dump files given together: the parts of one `makedumpfile --split` dump belong together (same release,
 * dump time and node name, split flag set); every other dump is its own.
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { isKdumpCompressed } from "./detect-vmcore";
import { readKdumpHeader } from "./open-kdump";
import { VmcoreError } from "./vmcore-error";

async function splitKey(s: RandomAccessSource): Promise<string | undefined> {
  if (!isKdumpCompressed(await s.read(0, 8))) return undefined;
  try {
    const h = await readKdumpHeader(s);
    return h.split ? `${h.release}|${h.timestamp}|${h.nodename}` : undefined;
  } catch (e) {
    // An unreadable header is no split part: the dump goes on its own and its reader says what is wrong.
    if (e instanceof VmcoreError) return undefined;
    throw e;
  }
}

export async function groupVmcoreParts(sources: RandomAccessSource[]): Promise<RandomAccessSource[][]> {
  const groups: RandomAccessSource[][] = [];
  const byKey = new Map<string, RandomAccessSource[]>();
  for (const s of sources) {
    const key = await splitKey(s);
    if (key === undefined) {
      groups.push([s]);
      continue;
    }
    let g = byKey.get(key);
    if (!g) {
      byKey.set(key, (g = []));
      groups.push(g);
    }
    g.push(s);
  }
  return groups;
}
