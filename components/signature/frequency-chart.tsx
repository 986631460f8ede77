import type { FrequencyBucket } from "@/lib/server/signatures/bucket-sightings";

const W = 600;
const H = 90;
const AXIS = 16;

/** Sightings per day/week as bars; scales to its box (viewBox), so it never widens a phone screen. */
export function FrequencyChart({ buckets, unit }: { buckets: FrequencyBucket[]; unit: "day" | "week" }) {
  if (buckets.length === 0) return <p className="text-sm text-slate-500">No sighting carries a log time: nothing to chart.</p>;
  const max = Math.max(...buckets.map((b) => b.count));
  const step = W / buckets.length;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <figure className="space-y-1" data-testid="frequency-chart">
      <svg viewBox={`0 0 ${W} ${H + AXIS}`} className="h-28 w-full" role="img" aria-label={`Sightings per ${unit}, ${day(buckets[0].start)} to ${day(buckets[buckets.length - 1].start)}`} preserveAspectRatio="none">
        <line x1={0} x2={W} y1={H} y2={H} className="stroke-slate-300" />
        {buckets.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (H - 4));
          return (
            <rect key={i} x={i * step + step * 0.1} width={Math.max(step * 0.8, 1)} y={H - h} height={h} className="fill-blue-600" data-testid="frequency-bar" data-count={b.count}>
              <title>{`${day(b.start)}${unit === "week" ? " (week)" : ""}: ${b.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>{day(buckets[0].start)}</span>
        <span>
          max {max} per {unit}
        </span>
        <span>{day(buckets[buckets.length - 1].start)}</span>
      </figcaption>
    </figure>
  );
}
