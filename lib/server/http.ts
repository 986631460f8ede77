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

export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return Response.json({ error: err.code, message: err.message }, { status: err.status });
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return Response.json({ error: "bad-request", message }, { status: 400 });
  }
  const ingest = ingestErrorStatus(err);
  if (ingest) return Response.json({ error: ingest.code, message: ingest.message }, { status: ingest.status });
  console.error("[oopscope] unhandled error", err);
  return Response.json({ error: "internal", message: "Internal error" }, { status: 500 });
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
