/**
 * Invitations: an admin creates a link carrying a role; signing up with it gives that role (and is the only way in
 * when sign-up is invite-only). Single use; they expire.
 */
import type { Db } from "../db";
import { AppError } from "../app-error";
import type { Role } from "./roles";
import { hashSecret, newId, newSecret } from "./secret-tokens";

const INVITE_PREFIX = "inv_";
export const INVITE_LIFETIME_DAYS = 7;

export type InviteInfo = { id: string; role: string; email: string | null; createdAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

const INFO_FIELDS = { id: true, role: true, email: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true } as const;

export async function createInvite(db: Db, createdById: string, input: { role: Role; email?: string }): Promise<{ token: string; info: InviteInfo }> {
  const token = newSecret(INVITE_PREFIX);
  const info = await db.invite.create({
    data: {
      id: newId(),
      tokenHash: hashSecret(token),
      role: input.role,
      email: input.email?.toLowerCase() || null,
      createdById,
      expiresAt: new Date(Date.now() + INVITE_LIFETIME_DAYS * 86_400_000),
    },
    select: INFO_FIELDS,
  });
  return { token, info };
}

export async function listInvites(db: Db): Promise<InviteInfo[]> {
  return db.invite.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: INFO_FIELDS });
}

export async function revokeInvite(db: Db, id: string): Promise<void> {
  const { count } = await db.invite.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("not-found", "No open invitation with that id.");
}

/** The open invitation behind a token, checked against the address it was issued for (when it names one). */
export async function findOpenInvite(db: Db, token: string, email: string): Promise<{ id: string; role: string }> {
  const row = token.startsWith(INVITE_PREFIX) ? await db.invite.findUnique({ where: { tokenHash: hashSecret(token) } }) : null;
  if (!row || row.revokedAt || row.usedAt) throw new AppError("forbidden", "This invitation is not valid (used, revoked or unknown).");
  if (row.expiresAt.getTime() < Date.now()) throw new AppError("forbidden", "This invitation has expired; ask an admin for a new one.");
  if (row.email && row.email !== email.toLowerCase()) throw new AppError("forbidden", `This invitation is for ${row.email}.`);
  return { id: row.id, role: row.role };
}

/** Marks an invitation used, once: a second sign-up racing on the same link loses. */
export async function consumeInvite(db: Db, id: string, userId: string): Promise<boolean> {
  const { count } = await db.invite.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { usedAt: new Date(), usedById: userId } });
  return count === 1;
}
