/**
 * Everything known about one finding signature (a Sentry-style issue page): its incidents, sightings counted once
 * per logged crash, hosts and kernels hit, first and last seen in log time, a frequency series, and the KB entry
 * and verdict of the latest sighting. Throws not-found for a signature no incident has.
 */
import "server-only";
import type { Match } from "@/lib/engine/types";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { rematchIncidentIfStale } from "@/lib/server/kb/edit/rematch-incidents";
import { findRepeatsOf } from "@/lib/server/incidents/content-hash";
import { bucketSightings, type FrequencyBucket } from "./bucket-sightings";
import { sightingKey } from "./sighting-key";
import { isKnownIssue } from "@/lib/engine/match/match-strength";

export type Tally = { name: string; count: number };
export type SignatureIncident = {
  id: string;
  title: string;
  createdAt: Date;
  sightings: number;
  first?: Date;
  last?: Date;
  hosts: string[];
  /** The same bytes were uploaded before as this incident: none of its lines count again. */
  repeatOf?: string;
};
export type SignatureOverview = {
  signature: string;
  title: string;
  kind: string;
  sightings: number;
  /** Findings that repeated an earlier sighting (a re-upload, or the same host and log time in another file). */
  repeatedRows: number;
  incidents: SignatureIncident[];
  hosts: Tally[];
  kernels: Tally[];
  /** Log times; undefined when no sighting carried one. */
  first?: Date;
  last?: Date;
  /** Sightings without a log time (dmesg uptime only): the chart leaves them out. */
  untimed: number;
  frequency: { unit: "day" | "week"; buckets: FrequencyBucket[] };
  /** Best non-zero match of the latest sighting, against the current KB. */
  match?: Match;
  latest: { incidentId: string; findingId: string };
};

/** Past this many rows the page shows the newest ones (a signature hit by a crash loop can have thousands). */
const MAX_ROWS = 20_000;

const tally = (values: (string | null)[]): Tally[] => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};

export async function getSignature(signature: string): Promise<SignatureOverview> {
  const rows = await getDb().findingRecord.findMany({
    where: { signature },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_ROWS,
    select: {
      incidentId: true,
      findingId: true,
      title: true,
      kind: true,
      host: true,
      time: true,
      kernelRelease: true,
      incident: { select: { title: true, createdAt: true } },
    },
  });
  if (rows.length === 0) throw new AppError("not-found", "No incident has a finding with this signature.");

  const repeats = await findRepeatsOf(rows.map((r) => r.incidentId));
  // Oldest upload first, so the sighting is credited to the incident that brought it first.
  const seen = new Set<string>();
  const unique = [...rows].reverse().filter((r) => {
    if (repeats.has(r.incidentId)) return false;
    const key = sightingKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const byIncident = new Map<string, SignatureIncident>();
  for (const r of rows) {
    if (!byIncident.has(r.incidentId))
      byIncident.set(r.incidentId, { id: r.incidentId, title: r.incident.title, createdAt: r.incident.createdAt, sightings: 0, hosts: [], repeatOf: repeats.get(r.incidentId) });
  }
  for (const r of unique) {
    const inc = byIncident.get(r.incidentId)!;
    inc.sightings++;
    if (r.host && !inc.hosts.includes(r.host)) inc.hosts.push(r.host);
    if (r.time && (!inc.first || r.time < inc.first)) inc.first = r.time;
    if (r.time && (!inc.last || r.time > inc.last)) inc.last = r.time;
  }
  const times = unique.flatMap((r) => (r.time ? [r.time] : []));
  const latest = rows[0];
  return {
    signature,
    title: latest.title,
    kind: latest.kind,
    sightings: unique.length,
    repeatedRows: rows.length - unique.length,
    incidents: [...byIncident.values()],
    hosts: tally(unique.map((r) => r.host)),
    kernels: tally(unique.map((r) => r.kernelRelease)),
    first: times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : undefined,
    last: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : undefined,
    untimed: unique.length - times.length,
    frequency: bucketSightings(times),
    match: await latestMatch(latest.incidentId, latest.findingId),
    latest: { incidentId: latest.incidentId, findingId: latest.findingId },
  };
}

async function latestMatch(incidentId: string, findingId: string): Promise<Match | undefined> {
  const incident = await rematchIncidentIfStale(getDb(), incidentId);
  const finding = incident?.findings.find((f) => f.id === findingId);
  return finding?.matches.find(isKnownIssue);
}
