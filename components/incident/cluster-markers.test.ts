import { describe, expect, it } from "vitest";
import { clusterMarkers } from "./cluster-markers";

const severity = (kind: string) => ["info", "boot", "crash"].indexOf(kind);

describe("clusterMarkers", () => {
  it("puts markers of one lane within the gap into one cluster shown as its most severe member", () => {
    const clusters = clusterMarkers(
      [
        { item: "boot", lane: 0, x: 500 },
        { item: "crash", lane: 0, x: 497 },
        { item: "info", lane: 0, x: 503 },
        { item: "crash", lane: 0, x: 100 },
        { item: "boot", lane: 1, x: 500 },
      ],
      8,
      severity,
    );
    expect(clusters).toHaveLength(3);
    const big = clusters.find((c) => c.members.length === 3)!;
    expect(big.top.item).toBe("crash");
    expect(big.x).toBe(497);
    expect(clusters.filter((c) => c.lane === 1)).toHaveLength(1);
  });

  it("never chains a long run of close markers into one cluster wider than the gap", () => {
    const placed = Array.from({ length: 20 }, (_, i) => ({ item: "info", lane: 0, x: i * 5 }));
    const clusters = clusterMarkers(placed, 8, severity);
    for (const c of clusters) expect(c.members[c.members.length - 1].x - c.members[0].x).toBeLessThanOrEqual(8);
    expect(clusters.reduce((a, c) => a + c.members.length, 0)).toBe(20);
  });
});
