/**
 * One sighting per logged crash: the same lines uploaded twice (a re-upload, or a later rotation of the same
 * file) carry the same host and log time, so they count once. A finding without a log time has nothing to
 * compare and counts per incident.
 */
export type SightingFields = { incidentId: string; findingId: string; host: string | null; time: Date | null };

export function sightingKey(r: SightingFields): string {
  return r.time ? `${r.host ?? ""}\u0000${r.time.toISOString()}` : `${r.incidentId}\u0000${r.findingId}`;
}
