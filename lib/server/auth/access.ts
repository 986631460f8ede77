/**
 * The two calls the app makes: `requireApi(request, permission)` in route handlers (throws AppError 401/403, mapped
 * by the handler's error mapper) and `requirePage(permission, path)` in server components (redirects to sign-in, or
 * renders Next's forbidden page).
 */
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import { AppError } from "../app-error";
import { getDb } from "../db";
import { authorize, getActor } from "./actor";
import { getAuth } from "./auth";
import { meansNoSession } from "./means-no-session";
import { decide, type Actor, type Permission } from "./roles";
import { sharedRecentValue } from "../recent-value";
import { recentAccessSettings } from "./settings";

export function requireApi(request: Request, permission: Permission): Promise<Actor> {
  return authorize(getDb(), getAuth(), request, permission);
}

/** Account self-service (API tokens): a signed-in person, in the browser — a token cannot mint or revoke tokens. */
export async function requireSignedIn(request: Request): Promise<Extract<Actor, { kind: "user" }>> {
  const actor = await requireApi(request, "read");
  if (actor.kind !== "user" || actor.via !== "session") throw new AppError("unauthorized", "Sign in to manage API tokens.");
  return actor;
}

/** The signed-in person (or anonymous) for rendering: a stale token or session is anonymous, a failing database is not. */
export async function currentActor(): Promise<Actor> {
  try {
    return await getActor(getDb(), getAuth(), await headers());
  } catch (err) {
    // Next's own control flow (a dynamic API met while prerendering, redirect, not-found) is not ours to catch.
    unstable_rethrow(err);
    if (meansNoSession(err)) return { kind: "anonymous" };
    throw err;
  }
}

/** Every page's layout asks (the nav's link); once an account exists it almost always stays. */
const accountsExist = sharedRecentValue("accounts-exist", async () => (await getDb().user.count()) > 0);

/** True on a fresh install (no account yet). False while `next build` prerenders (often no database then). */
export async function hasNoAccounts(): Promise<boolean> {
  if (process.env.NEXT_PHASE === "phase-production-build") return false;
  return !(await accountsExist.get());
}

export async function requirePage(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  const decision = decide(actor, permission, await recentAccessSettings.get());
  if (decision.allowed) return actor;
  if (decision.status === 401) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  forbidden();
}
