/**
 * Who is asking, and may they: every route handler calls `authorize(request, permission)` before its server
 * function, so permissions hold for the API, the pages' fetches and scripts alike.
 */
import type { Db } from "../db";
import { AppError } from "../app-error";
import { publicOrigin } from "../public-origin";
import { actorFromApiToken } from "./api-tokens";
import type { Auth } from "./auth";
import { decide, isRole, type Actor, type Permission } from "./roles";
import { getAccessSettings } from "./settings";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export async function getActor(db: Db, auth: Auth, headers: Headers): Promise<Actor> {
  const bearer = BEARER.exec(headers.get("authorization") ?? "");
  if (bearer) return actorFromApiToken(db, bearer[1]);
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  const { id, name, email, role } = session.user as { id: string; name: string; email: string; role?: unknown };
  return { kind: "user", userId: id, name, email, role: isRole(role) ? role : "viewer", via: "session" };
}

/**
 * Cookies ride along on cross-site requests; a state-changing request authenticated by cookie must come from a page
 * of our own origin (SameSite=Lax already stops most, this also covers same-site subdomains). Browsers send Origin
 * on every non-GET request, so one without it did not come from a page of ours: scripts use API tokens.
 */
function assertSameOrigin(request: Request, actor: Actor): void {
  if (SAFE_METHODS.has(request.method) || actor.kind === "anonymous" || actor.via !== "session") return;
  const origin = request.headers.get("origin");
  if (!origin) throw new AppError("forbidden", "A signed-in write needs the browser's Origin header; scripts use an API token.");
  // Hosts, not whole origins: a proxy that ends TLS may not say the scheme it was reached by.
  const host = new URL(publicOrigin(request)).host;
  if (!URL.canParse(origin) || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-origin request refused.");
}

export async function authorize(db: Db, auth: Auth, request: Request, permission: Permission): Promise<Actor> {
  const actor = await getActor(db, auth, request.headers);
  assertSameOrigin(request, actor);
  const decision = decide(actor, permission, await getAccessSettings(db));
  if (!decision.allowed) throw new AppError(decision.status === 401 ? "unauthorized" : "forbidden", decision.message);
  return actor;
}

/** The name written into KB revisions. */
export function authorName(actor: Actor): string {
  return actor.kind === "user" ? actor.name : "anonymous";
}
