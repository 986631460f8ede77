/**
 * "Seen before" counts earlier sightings of a signature in other uploads: never copies of the same bytes (repeats of
 * any upload, or the upload this one repeats), never this upload's own lines, once per host and log time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../test-db";

vi.mock("server-only", () => ({}));

let testDb: TestDb;
let findSeenBefore: typeof import("./find-seen-before").findSeenBefore;

const SIG = "sig-conntrack";
type Sighting = { host: string; time: string; findingId?: string };

async function addIncident(id: string, sightings: Sighting[], options: { repeatOfId?: string; createdAt?: string } = {}) {
  await testDb.db.incident.create({
    data: {
      id,
      title: id,
      result: "{}",
      repeatOfId: options.repeatOfId ?? null,
      createdAt: new Date(options.createdAt ?? "2026-01-01T00:00:00Z"),
      findings: {
        create: sightings.map((s, i) => ({ findingId: s.findingId ?? `f${i + 1}`, signature: SIG, title: "conntrack", kind: "conntrack-full", host: s.host, time: new Date(s.time) })),
      },
    },
  });
}

beforeAll(async () => {
  testDb = await createTestDb();
  // getDb() reads DATABASE_URL on first use.
  process.env.DATABASE_URL = testDb.url;
  ({ findSeenBefore } = await import("./find-seen-before"));
  await addIncident("earlier-a", [{ host: "h1", time: "2024-08-10T00:00:00Z" }]);
  // The same bytes as earlier-a uploaded again: not another sighting.
  await addIncident("repeat-of-a", [{ host: "h1", time: "2024-08-10T00:00:00Z" }], { repeatOfId: "earlier-a" });
  // Another log with the same line (an overlapping rotation) counts once.
  await addIncident("earlier-b", [
    { host: "h2", time: "2024-08-11T00:00:00Z" },
    { host: "h1", time: "2024-08-10T00:00:00Z", findingId: "f9" },
  ]);
  await addIncident("later-c", [{ host: "h3", time: "2024-08-20T00:00:00Z" }]);
  await addIncident("original-of-subject", [{ host: "h4", time: "2024-08-09T00:00:00Z" }]);
  await addIncident("subject", [{ host: "h4", time: "2024-08-12T00:00:00Z" }], { repeatOfId: "original-of-subject" });
}, 60_000);

afterAll(async () => {
  await testDb.cleanup();
});

describe("findSeenBefore", () => {
  it("counts earlier sightings in other uploads, once each, leaving out copies of the same bytes", async () => {
    const seen = await findSeenBefore({
      incidentId: "subject",
      createdAt: new Date("2026-01-02T00:00:00Z"),
      repeatOfId: "original-of-subject",
      findings: [{ id: "f1", signature: SIG, host: "h4", time: "2024-08-12T00:00:00Z" }],
    });
    expect(Object.keys(seen)).toEqual([SIG]);
    const s = seen[SIG];
    // earlier-a (h1) and earlier-b's own line (h2); repeat-of-a, earlier-b's copy of h1's line, the later log and the
    // upload the subject repeats are left out.
    expect(s.count).toBe(2);
    expect(s.incidents).toBe(2);
    expect([...s.hosts].sort()).toEqual(["h1", "h2"]);
    expect(s.first?.toISOString()).toBe("2024-08-10T00:00:00.000Z");
    expect(s.latestIncidentId).toBe("earlier-b");
  });

  it("leaves out later logs and the upload's own lines copied into another log", async () => {
    const seen = await findSeenBefore({
      incidentId: "earlier-a",
      createdAt: new Date("2026-01-01T00:00:00Z"),
      repeatOfId: null,
      findings: [{ id: "f1", signature: SIG, host: "h1", time: "2024-08-10T00:00:00Z" }],
    });
    // Only original-of-subject's line is older; repeat-of-a is a copy, earlier-b holds a's own line and a later one.
    expect(seen[SIG].count).toBe(1);
    expect(seen[SIG].hosts).toEqual(["h4"]);
  });
});
