/** Recent incidents, newest first, optionally filtered by a search over title, hosts, kernels and KB ids. */
import "server-only";
import { getDb } from "@/lib/server/db";

export type IncidentListItem = {
  id: string;
  createdAt: Date;
  title: string;
  hosts: string;
  kernels: string;
  kbIds: string;
  findingCount: number;
  totalBytes: number;
};

export type ListIncidentsOptions = { query?: string; limit?: number };

export async function listIncidents({ query = "", limit = 50 }: ListIncidentsOptions = {}): Promise<IncidentListItem[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  return getDb().incident.findMany({
    // Every word must appear in one of the searchable columns (SQLite LIKE is case-insensitive for ASCII).
    where: words.length
      ? {
          AND: words.map((w) => ({
            OR: [{ title: { contains: w } }, { hosts: { contains: w } }, { kernels: { contains: w } }, { kbIds: { contains: w } }],
          })),
        }
      : undefined,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, createdAt: true, title: true, hosts: true, kernels: true, kbIds: true, findingCount: true, totalBytes: true },
  });
}
