/**
 * The HTTP mapper for ingestion: a rate cap is 429 with Retry-After (shippers back off on it); the rest as usual.
 * A refused batch may be unread: every error answer closes the connection (toErrorResponse's `bodyMayBeUnread`).
 */
import "server-only";
import { toErrorResponse } from "@/lib/server/http";
import { RateLimitedError } from "./rate-limiter";

export function ingestErrorResponse(err: unknown): Response {
  if (err instanceof RateLimitedError) {
    return Response.json({ error: "rate-limited", message: err.message }, { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds), Connection: "close" } });
  }
  return toErrorResponse(err, { bodyMayBeUnread: true });
}
