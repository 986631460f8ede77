/**
 * API tokens for scripts and CI: `Authorization: Bearer oops_…`. A token acts as its owner, capped by its scope
 * (roles.ts). The plaintext is returned once, at creation; revoked tokens stay listed (who had access, until when).
 */
import type { Db } from "../db";
import { AppError } from "../app-error";
import { isRole, type Actor, type TokenScope } from "./roles";
import { hashSecret, newId, newSecret } from "./secret-tokens";

export const API_TOKEN_PREFIX = "oops_";
const SHOWN_PREFIX_CHARS = API_TOKEN_PREFIX.length + 6;
/** lastUsedAt is bumped at most this often, so a busy CI script does not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

export type ApiTokenInfo = { id: string; name: string; scope: TokenScope; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const INFO_FIELDS = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function createApiToken(db: Db, userId: string, input: { name: string; scope: TokenScope }): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await db.apiToken.create({
    data: { id: newId(), name: input.name, scope: input.scope, tokenHash: hashSecret(token), prefix: token.slice(0, SHOWN_PREFIX_CHARS), userId },
    select: INFO_FIELDS,
  });
  return { token, info: row as ApiTokenInfo };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  return (await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: INFO_FIELDS })) as ApiTokenInfo[];
}

/** Revokes one of the user's own tokens (admins may revoke anyone's). */
export async function revokeApiToken(db: Db, actor: Extract<Actor, { kind: "user" }>, tokenId: string): Promise<void> {
  const row = await db.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, revokedAt: true } });
  if (!row || (row.userId !== actor.userId && actor.role !== "admin")) throw new AppError("not-found", "No such token.");
  if (!row.revokedAt) await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
}

/** The actor behind a bearer token, or an error naming why the token does not work. */
export async function actorFromApiToken(db: Db, token: string): Promise<Actor> {
  const row = token.startsWith(API_TOKEN_PREFIX)
    ? await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) }, include: { user: { select: { id: true, name: true, email: true, role: true } } } })
    : null;
  if (!row || row.revokedAt) throw new AppError("unauthorized", "Unknown or revoked API token.");
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  const role = isRole(row.user.role) ? row.user.role : "viewer";
  const scope: TokenScope = row.scope === "write" ? "write" : "read";
  return { kind: "user", userId: row.user.id, name: row.user.name, email: row.user.email, role, via: "token", tokenId: row.id, scope };
}
