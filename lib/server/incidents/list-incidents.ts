/** Recent incidents, newest first, optionally filtered by a search over title, hosts, kernels and KB ids. */
import "server-only";
import { getDb, textContains } from "@/lib/server/db";

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
  const db = getDb();
  return db.incident.findMany({
    // Every word must appear in one of the searchable columns, whatever its case.
    where: words.length
      ? {
          AND: words.map((w) => ({
            OR: [{ title: textContains(db, w) }, { hosts: textContains(db, w) }, { kernels: textContains(db, w) }, { kbIds: textContains(db, w) }],
          })),
        }
      : undefined,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, createdAt: true, title: true, hosts: true, kernels: true, kbIds: true, findingCount: true, totalBytes: true },
  });
}
