import { isAPIError } from "better-auth/api";
import { AppError } from "../app-error";

/**
 * Whether an error met while finding out who is asking only means "nobody is signed in" for a page: an API token
 * that is unknown, expired or revoked, a session better-auth could not refresh (deleted under it), or `next build`
 * prerendering a page with no request and often no database. Anything else (a database that fails, a bug) is not
 * an anonymous visitor and must surface.
 */
export function meansNoSession(err: unknown, phase: string | undefined = process.env.NEXT_PHASE): boolean {
  if (err instanceof AppError) return err.code === "unauthorized";
  if (isAPIError(err)) return err.status === "UNAUTHORIZED";
  return phase === "phase-production-build";
}
