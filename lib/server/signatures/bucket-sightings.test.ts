import { describe, expect, it } from "vitest";
import { bucketSightings } from "./bucket-sightings";
import { sightingKey } from "./sighting-key";

describe("bucketSightings", () => {
  it("counts per day from the first to the last day, empty days included", () => {
    const r = bucketSightings([new Date("2024-08-13T15:00:00Z"), new Date("2024-08-13T23:59:00Z"), new Date("2024-08-16T01:00:00Z")]);
    expect(r.unit).toBe("day");
    expect(r.buckets.map((b) => b.count)).toEqual([2, 0, 0, 1]);
    expect(r.buckets[0].start.toISOString()).toBe("2024-08-13T00:00:00.000Z");
  });

  it("switches to weeks for a long span and loses no sighting", () => {
    const times = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i * 9)));
    const r = bucketSightings(times);
    expect(r.unit).toBe("week");
    expect(r.buckets.reduce((a, b) => a + b.count, 0)).toBe(40);
  });
});

describe("sightingKey", () => {
  it("is the same for the same host and log time in two incidents, and per incident without a time", () => {
    const t = new Date("2024-08-13T15:59:23Z");
    expect(sightingKey({ incidentId: "a", findingId: "f1", host: "w01", time: t })).toBe(sightingKey({ incidentId: "b", findingId: "f3", host: "w01", time: t }));
    expect(sightingKey({ incidentId: "a", findingId: "f1", host: "w02", time: t })).not.toBe(sightingKey({ incidentId: "a", findingId: "f1", host: "w01", time: t }));
    expect(sightingKey({ incidentId: "a", findingId: "f1", host: null, time: null })).not.toBe(sightingKey({ incidentId: "b", findingId: "f1", host: null, time: null }));
  });
});
