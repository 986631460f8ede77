/** The audit trail of deletions: who (a person, or "retention"), what (incident id and title), when, and what went. */
import type { Db } from "../db";

export const AUDIT_ACTIONS = ["incident.delete", "incident.expire", "incident.drop-logs"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts: a signed-in person, or the retention policy (no account). */
export type AuditActor = { id: string | null; name: string };
export const RETENTION_ACTOR: AuditActor = { id: null, name: "retention" };

export type AuditEventView = {
  at: Date;
  action: string;
  targetId: string;
  summary: string;
  actorName: string;
  files: number;
  bytes: number;
};

export function auditDetails(removed: { files: number; bytes: number }): string {
  return JSON.stringify(removed);
}

function parseDetails(details: string): { files: number; bytes: number } {
  if (!details) return { files: 0, bytes: 0 };
  const parsed = JSON.parse(details) as { files?: unknown; bytes?: unknown };
  return { files: Number(parsed.files) || 0, bytes: Number(parsed.bytes) || 0 };
}

export async function listAuditEvents(db: Db, limit = 20): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({ at: r.at, action: r.action, targetId: r.targetId, summary: r.summary, actorName: r.actorName, ...parseDetails(r.details) }));
}
