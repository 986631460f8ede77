/**
 * Incidents for the list page and the API: search words, filters (host, kernel, KB entry, verdict, finding class,
 * log date), a sort order and a page. Hosts, kernels and KB ids are space-separated columns: a filter matches a
 * whole token, so `w1` does not match `w10`.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentListQuery } from "@/lib/schemas/incident";
import { getDb, textContains } from "@/lib/server/db";
import { getNotifySettings } from "@/lib/server/notify/notify-settings";
import { mutedFilterWhere } from "./muted-findings";

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

export type ListIncidentsOptions = Partial<IncidentListQuery> & { query?: string; limit?: number };
export type IncidentPage = { items: IncidentListItem[]; total: number; page: number; pageSize: number };

type TokenColumn = "hosts" | "kernels" | "kbIds";

/** `column` holds `token` as one of its space-separated words. */
function hasToken(column: TokenColumn, token: string): Prisma.IncidentWhereInput {
  return {
    OR: [
      { [column]: token },
      { [column]: { startsWith: `${token} ` } },
      { [column]: { endsWith: ` ${token}` } },
      { [column]: { contains: ` ${token} ` } },
    ],
  };
}

const ORDER: Record<IncidentListQuery["sort"], Prisma.IncidentOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }],
  oldest: [{ createdAt: "asc" }],
  largest: [{ totalBytes: "desc" }, { createdAt: "desc" }],
  "most-findings": [{ findingCount: "desc" }, { createdAt: "desc" }],
  title: [{ title: "asc" }, { createdAt: "desc" }],
};

function whereOf(o: ListIncidentsOptions): Prisma.IncidentWhereInput {
  const words = (o.q ?? o.query ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  const db = getDb();
  const and: Prisma.IncidentWhereInput[] = words.map((w) => ({
    // Every word must appear in one of the searchable columns, whatever its case.
    OR: [{ title: textContains(db, w) }, { hosts: textContains(db, w) }, { kernels: textContains(db, w) }, { kbIds: textContains(db, w) }],
  }));
  if (o.host) and.push(hasToken("hosts", o.host));
  if (o.kernel) and.push(hasToken("kernels", o.kernel));
  if (o.kb) and.push(hasToken("kbIds", o.kb));
  // JSON.stringify writes no spaces: any match of any finding with this verdict.
  if (o.verdict) and.push({ result: { contains: `"verdict":"${o.verdict}"` } });
  const time: Prisma.DateTimeNullableFilter = {};
  if (o.from) time.gte = new Date(`${o.from}T00:00:00Z`);
  if (o.to) time.lt = new Date(Date.parse(`${o.to}T00:00:00Z`) + 86_400_000);
  if (o.kind || o.from || o.to) and.push({ findings: { some: { ...(o.kind ? { kind: o.kind } : {}), ...(o.from || o.to ? { time } : {}) } } });
  return and.length ? { AND: and } : {};
}

const SELECT = { id: true, createdAt: true, title: true, hosts: true, kernels: true, kbIds: true, findingCount: true, totalBytes: true } as const;

/** One page of incidents. */
export async function listIncidentPage(o: ListIncidentsOptions = {}): Promise<IncidentPage> {
  const pageSize = o.limit ?? 50;
  const page = o.page ?? 1;
  const where = whereOf(o);
  if (o.muted) {
    const { mutes } = await getNotifySettings(getDb());
    where.AND = [...((where.AND as Prisma.IncidentWhereInput[] | undefined) ?? []), mutedFilterWhere(o.muted, mutes.map((m) => m.signature))];
  }
  const [items, total] = await Promise.all([
    getDb().incident.findMany({ where, orderBy: ORDER[o.sort ?? "newest"], skip: (page - 1) * pageSize, take: pageSize, select: SELECT }),
    getDb().incident.count({ where }),
  ]);
  return { items, total, page, pageSize };
}

/** The first page only (home page, API). */
export async function listIncidents(o: ListIncidentsOptions = {}): Promise<IncidentListItem[]> {
  return (await listIncidentPage(o)).items;
}

/** Values the filters offer (datalists): hosts, kernels, KB ids and finding classes seen in findings. */
export async function listIncidentFilterValues(): Promise<{ hosts: string[]; kernels: string[]; kbIds: string[]; kinds: string[] }> {
  const db = getDb();
  const distinct = async (field: "host" | "kernelRelease" | "topKbId" | "kind") => {
    const rows = await db.findingRecord.findMany({ distinct: [field], select: { [field]: true }, take: 500 });
    return rows.map((r) => (r as Record<string, string | null>)[field]).filter((v): v is string => !!v).sort();
  };
  const [hosts, kernels, kbIds, kinds] = await Promise.all([distinct("host"), distinct("kernelRelease"), distinct("topKbId"), distinct("kind")]);
  return { hosts, kernels, kbIds, kinds };
}
