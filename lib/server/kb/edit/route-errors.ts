/** KB editing errors → HTTP (409 for stale revisions, with the current revision); everything else → the shared mapper. */
import "server-only";
import { toErrorResponse } from "../../http";
import { KbEditError } from "./errors";

export function kbErrorResponse(err: unknown): Response {
  if (err instanceof KbEditError) {
    return Response.json({ error: err.code, message: err.message, currentRevision: err.currentRevision }, { status: err.status });
  }
  return toErrorResponse(err);
}
