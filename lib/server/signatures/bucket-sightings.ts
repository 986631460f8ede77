/** Sightings per day (or per week past ~3 months) for the signature page's frequency chart. */
export type FrequencyBucket = { start: Date; count: number };

const DAY = 86_400_000;
/** More days than this and a bar per day is thinner than a pixel on a phone: bucket by week. */
const MAX_DAILY_BUCKETS = 92;

export function bucketSightings(times: Date[]): { unit: "day" | "week"; buckets: FrequencyBucket[] } {
  if (times.length === 0) return { unit: "day", buckets: [] };
  const ms = times.map((t) => t.getTime());
  const first = Math.floor(Math.min(...ms) / DAY) * DAY;
  const last = Math.floor(Math.max(...ms) / DAY) * DAY;
  const unit = (last - first) / DAY + 1 > MAX_DAILY_BUCKETS ? "week" : "day";
  const width = unit === "week" ? 7 * DAY : DAY;
  const counts = new Array<number>(Math.floor((last - first) / width) + 1).fill(0);
  for (const t of ms) counts[Math.floor((t - first) / width)]++;
  return { unit, buckets: counts.map((count, i) => ({ start: new Date(first + i * width), count })) };
}
