/**
 * Muted signatures (`notify.mutes`, set on a signature page or /admin) on the incident list: how many of each
 * incident's findings are muted, and the list filter. Mutes silence notifications; the list shows them, it does not
 * hide them unless asked.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";

export type MutedFilter = "hide" | "only";

/**
 * `hide`: incidents with a finding that is not muted (and those without findings); `only`: incidents with a muted
 * finding.
 */
export function mutedFilterWhere(mode: MutedFilter, mutedSignatures: string[]): Prisma.IncidentWhereInput {
  if (mode === "only") return { findings: { some: { signature: { in: mutedSignatures } } } };
  return { OR: [{ findings: { none: {} } }, { findings: { some: { signature: { notIn: mutedSignatures } } } }] };
}

/** Incident id → number of its findings whose signature is muted (incidents with none are absent). */
export async function countMutedFindings(db: Db, incidentIds: string[], mutedSignatures: string[]): Promise<Map<string, number>> {
  if (incidentIds.length === 0 || mutedSignatures.length === 0) return new Map();
  const rows = await db.findingRecord.groupBy({
    by: ["incidentId"],
    where: { incidentId: { in: incidentIds }, signature: { in: mutedSignatures } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.incidentId, r._count._all]));
}
