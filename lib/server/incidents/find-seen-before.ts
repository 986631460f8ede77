/**
 * "Seen before": for each finding, the same signature logged earlier in other incidents. "Earlier" and first/last
 * are log times (an old log uploaded today is not news); a finding without a log time falls back to upload order.
 * The same lines uploaded again (a repeat upload, or the same host and log time) are not another sighting.
 */
import "server-only";
import { getDb } from "@/lib/server/db";
import { sightingKey } from "@/lib/server/signatures/sighting-key";

export type SeenBefore = { count: number; incidents: number; hosts: string[]; first?: Date; last?: Date; latestIncidentId?: string };
export type SeenBeforeFinding = { signature: string; time?: string; host?: string; id: string };

/** `repeatOfId`: the earlier incident this upload repeats (its stored column), if any. */
export type FindSeenBeforeOptions = { incidentId: string; createdAt: Date; repeatOfId: string | null; findings: SeenBeforeFinding[] };

export async function findSeenBefore({ incidentId, createdAt, repeatOfId, findings }: FindSeenBeforeOptions): Promise<Record<string, SeenBefore>> {
  if (findings.length === 0) return {};
  // Repeats of any upload, and the upload these bytes repeat, are left out in the query: a fleet re-uploading the
  // same busy log would otherwise fill the row budget with copies and cost every page load a scan of all of them.
  const sameBytes = [incidentId, ...(repeatOfId ? [repeatOfId] : [])];
  const rows = await getDb().findingRecord.findMany({
    where: { signature: { in: [...new Set(findings.map((f) => f.signature))] }, incidentId: { notIn: sameBytes }, incident: { repeatOfId: null } },
    orderBy: [{ time: "asc" }, { createdAt: "asc" }],
    select: { signature: true, host: true, time: true, createdAt: true, incidentId: true, findingId: true },
    take: 5_000,
  });
  // This upload's own lines, wherever else they were stored.
  const own = new Set(findings.map((f) => sightingKey({ incidentId, findingId: f.id, host: f.host ?? null, time: f.time ? new Date(f.time) : null })));
  const earliest = new Map<string, Date | undefined>();
  for (const f of findings) {
    const t = f.time ? new Date(f.time) : undefined;
    const prev = earliest.get(f.signature);
    earliest.set(f.signature, earliest.has(f.signature) && (!t || (prev && prev < t)) ? prev : t);
  }
  const out: Record<string, SeenBefore> = {};
  const incidentSets = new Map<string, Set<string>>();
  const counted = new Set<string>();
  for (const r of rows) {
    const key = sightingKey(r);
    if (own.has(key) || counted.has(key)) continue;
    const mine = earliest.get(r.signature);
    // Same log time on another host: a concurrent sighting, ordered by upload.
    const isEarlier = mine && r.time && r.time.getTime() !== mine.getTime() ? r.time < mine : r.createdAt <= createdAt;
    if (!isEarlier) continue;
    counted.add(key);
    const s = (out[r.signature] ??= { count: 0, incidents: 0, hosts: [] });
    const when = r.time ?? r.createdAt;
    s.count++;
    if (r.host && !s.hosts.includes(r.host)) s.hosts.push(r.host);
    if (!s.first || when < s.first) s.first = when;
    if (!s.last || when > s.last) {
      s.last = when;
      s.latestIncidentId = r.incidentId;
    }
    const set = incidentSets.get(r.signature) ?? new Set<string>();
    set.add(r.incidentId);
    incidentSets.set(r.signature, set);
    s.incidents = set.size;
  }
  return out;
}
