/** "Seen before": for each finding signature, the same signature in other, earlier incidents. */
import "server-only";
import { getDb } from "@/lib/server/db";

export type SeenBefore = { count: number; incidents: number; hosts: string[]; first?: Date; last?: Date; latestIncidentId?: string };

export async function findSeenBefore(incidentId: string, createdAt: Date, signatures: string[]): Promise<Record<string, SeenBefore>> {
  if (signatures.length === 0) return {};
  const rows = await getDb().findingRecord.findMany({
    where: { signature: { in: [...new Set(signatures)] }, incidentId: { not: incidentId }, createdAt: { lte: createdAt } },
    orderBy: { createdAt: "asc" },
    select: { signature: true, host: true, time: true, createdAt: true, incidentId: true },
    take: 5_000,
  });
  const out: Record<string, SeenBefore> = {};
  const incidentSets = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = (out[r.signature] ??= { count: 0, incidents: 0, hosts: [] });
    const when = r.time ?? r.createdAt;
    s.count++;
    if (r.host && !s.hosts.includes(r.host)) s.hosts.push(r.host);
    if (!s.first || when < s.first) s.first = when;
    if (!s.last || when > s.last) s.last = when;
    s.latestIncidentId = r.incidentId;
    const set = incidentSets.get(r.signature) ?? new Set<string>();
    set.add(r.incidentId);
    incidentSets.set(r.signature, set);
    s.incidents = set.size;
  }
  return out;
}
