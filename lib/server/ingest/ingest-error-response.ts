/**
 * The HTTP mapper for ingestion: a rate cap is 429 with Retry-After (shippers back off on it); the rest as usual.
 * What the refused batch had left to send is read and dropped after the answer (discardRestOfBody: a shipper's
 * keep-alive connection is not left stalled behind it).
 */
import "server-only";
import { toErrorResponse } from "@/lib/server/http";
import { discardRestOfBody } from "@/lib/server/uploads/discard-request-body";
import { RateLimitedError } from "./rate-limiter";

export function ingestErrorResponse(request: Request, err: unknown): Response {
  void discardRestOfBody(request);
  if (err instanceof RateLimitedError) {
    return Response.json({ error: "rate-limited", message: err.message }, { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds) } });
  }
  return toErrorResponse(err);
}
