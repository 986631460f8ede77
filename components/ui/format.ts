/** Display helpers shared by server and client components. */
import { describeClaimedSize } from "@/lib/engine/format-byte-size";

export function formatBytes(bytes: number | bigint): string {
  // Sizes from archive headers reach 2^64: past the GB range, binary units with a corrupt field flagged.
  if (typeof bytes === "bigint" || !Number.isFinite(bytes) || bytes < 0 || bytes >= 1024 ** 4) return describeClaimedSize(bytes);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatTime(value: string | Date | undefined | null): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z").replace(/:00Z$/, ":00Z");
}

/** How long ago, in the largest whole unit (`42 s`, `5 min`, `3 h`, `2 d`); a time in the future reads `0 s`. */
export function formatAge(since: string | Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
