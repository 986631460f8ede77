/**
 * Markers of one lane closer than a few pixels hide each other (a crash, the gap after it and the next boot land
 * on one x when the log spans days). Clusters them left to right; the cluster shows its most severe member.
 */
export type Placed<T> = { item: T; lane: number; x: number };
export type Cluster<T> = { lane: number; x: number; members: Placed<T>[]; top: Placed<T> };

export function clusterMarkers<T>(placed: Placed<T>[], minGapPx: number, severity: (item: T) => number): Cluster<T>[] {
  const byLane = new Map<number, Placed<T>[]>();
  for (const p of placed) (byLane.get(p.lane) ?? byLane.set(p.lane, []).get(p.lane)!).push(p);
  const out: Cluster<T>[] = [];
  for (const [lane, items] of byLane) {
    items.sort((a, b) => a.x - b.x);
    let current: Placed<T>[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const top = current.reduce((best, p) => (severity(p.item) > severity(best.item) ? p : best));
      out.push({ lane, x: top.x, members: current, top });
      current = [];
    };
    for (const p of items) {
      if (current.length > 0 && p.x - current[0].x > minGapPx) flush();
      current.push(p);
    }
    flush();
  }
  return out;
}
