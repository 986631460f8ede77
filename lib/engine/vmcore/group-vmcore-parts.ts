/**
 * Several dump files given together: the parts of one `makedumpfile --split` dump belong together (same release
 * and dump time, split flag set, page ranges side by side); every other dump is its own.
 */
import type { RandomAccessSource } from "../ingest/random-access";
import { cString, i32, i64n } from "./bytes";
import { isKdumpCompressed } from "./open-kdump";

async function splitKey(s: RandomAccessSource): Promise<string | undefined> {
  const h = await s.read(0, 464);
  if (h.length < 464 || !isKdumpCompressed(h)) return undefined;
  const blockSize = i32(h, 428);
  if (blockSize < 1024 || blockSize > 1 << 20) return undefined;
  const sub = await s.read(blockSize, 16);
  if (sub.length < 16 || i32(sub, 12) === 0) return undefined;
  return `${cString(h, 12 + 2 * 65, 65)}|${i64n(h, 408)}|${cString(h, 12 + 65, 65)}`;
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
