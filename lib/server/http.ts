/**
 * One place that turns errors into HTTP responses for route handlers: AppError → its status and message,
 * ZodError → 400 with the issues, the engine's IngestError (binary file, decompression bomb, …) → 4xx with its message,
 * anything else → a generic 500 (logged, details not leaked).
 */
import "server-only";
import { ZodError } from "zod";
import { AppError } from "./app-error";

export { AppError, type AppErrorCode } from "./app-error";
export { publicOrigin } from "./public-origin";

/** The engine's ingest refusals; matched by name so lib/server need not depend on the class identity across bundles. */
function ingestErrorStatus(err: unknown): { status: number; code: string; message: string } | undefined {
  if (!(err instanceof Error) || err.name !== "IngestError") return undefined;
  const code = String((err as Error & { code?: string }).code ?? "unprocessable");
  const status = code === "too-large" || code === "decompression-bomb" ? 413 : 422;
  return { status, code, message: err.message };
}

export type ErrorResponseOptions = {
  /**
   * The request streams a body the handler may have stopped reading (an upload refused past its cap, or before its
   * first byte). Node's server leaves the unread rest on the socket, paused, and keeps the connection: a keep-alive
   * client that sends its next request there waits out the keep-alive timeout (65 s, measured after a 413 on a 60 MB
   * upload). The error answer closes the connection instead; the client's next request opens a new one.
   */
  bodyMayBeUnread?: boolean;
};

export function toErrorResponse(err: unknown, { bodyMayBeUnread = false }: ErrorResponseOptions = {}): Response {
  const init = (status: number): ResponseInit => (bodyMayBeUnread ? { status, headers: { Connection: "close" } } : { status });
  if (err instanceof AppError) return Response.json({ error: err.code, message: err.message }, init(err.status));
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return Response.json({ error: "bad-request", message }, init(400));
  }
  const ingest = ingestErrorStatus(err);
  if (ingest) return Response.json({ error: ingest.code, message: ingest.message }, init(ingest.status));
  console.error("[oopscope] unhandled error", err);
  return Response.json({ error: "internal", message: "Internal error" }, init(500));
}


/**
 * Whether the browser's copy is current: `If-None-Match` lists `etag` (weak or strong) or is `*`. The caller has
 * checked access and that the resource still exists, so a deleted or hidden one never answers 304.
 */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}
