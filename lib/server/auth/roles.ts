/**
 * Who may do what. One table, checked on the server by every route and page (never only in the browser).
 *
 * Decisions (see the README's "Accounts" section):
 * - Reading incidents and the KB, and triaging a log (an upload creates an incident but changes no shared
 *   knowledge), are open to everyone unless an admin turns on "sign-in required".
 * - Changing the knowledge base, and muting a signature's notifications, needs an editor; accounts, invites,
 *   settings and the CVE import need an admin.
 * - An API token acts as its owner, capped by its scope: a `read` token is a viewer whatever its owner's role.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Permission = "read" | "triage" | "kb:write" | "signature:mute" | "admin";

/** The least role a permission needs; `null` = also anonymous visitors (unless sign-in is required). */
const LEAST_ROLE: Record<Permission, Role | null> = {
  read: null,
  triage: null,
  "kb:write": "editor",
  "signature:mute": "editor",
  admin: "admin",
};

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function atLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; name: string; email: string; role: Role; via: "session" }
  | { kind: "user"; userId: string; name: string; email: string; role: Role; via: "token"; tokenId: string; scope: TokenScope };

/** The role an actor acts with: a read-scoped token never writes. */
export function effectiveRole(actor: Actor): Role | null {
  if (actor.kind === "anonymous") return null;
  if (actor.via === "token" && actor.scope === "read") return "viewer";
  return actor.role;
}

export type Decision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

export function decide(actor: Actor, permission: Permission, settings: { signInRequired: boolean }): Decision {
  const role = effectiveRole(actor);
  const least = LEAST_ROLE[permission];
  if (role === null) {
    if (least === null && !settings.signInRequired) return { allowed: true };
    return { allowed: false, status: 401, message: "Sign in (or send an API token) to do this." };
  }
  if (least === null || atLeast(role, least)) return { allowed: true };
  const why = actor.kind === "user" && actor.via === "token" && role !== actor.role ? " (this API token is read-only)" : "";
  return { allowed: false, status: 403, message: `This needs the ${least} role; you are ${role}${why}.` };
}

/** For showing or hiding controls; the server decides again on every request. */
export function actsAs(actor: Actor, least: Role): boolean {
  const role = effectiveRole(actor);
  return role !== null && atLeast(role, least);
}

/**
 * Deleting an incident: an editor (or admin), or the account that uploaded it, signed in or with a write token.
 * Uploads by anonymous visitors have no owner: only editors delete them.
 */
export function mayDeleteIncident(actor: Actor, uploaderId: string | null): boolean {
  if (actsAs(actor, "editor")) return true;
  if (actor.kind !== "user" || uploaderId === null || actor.userId !== uploaderId) return false;
  return actor.via === "session" || actor.scope === "write";
}
