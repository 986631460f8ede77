/**
 * HTTP ingestion for log shippers: Vector's and Fluent Bit's HTTP sinks (JSON, NDJSON, plain text;
 * lib/capture/shipper-records.ts) and `systemd-journal-upload` (Journal Export Format). The lines go to this
 * process's capture service, where crashes become incidents exactly as from netconsole.
 * Authenticated with a write-scoped API token (`Authorization: Bearer oops_…`, or in the URL path for
 * systemd-journal-upload, which in older systemd releases cannot send headers); capped per token (rate-limiter.ts).
 */
import "server-only";
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { JournalExportParser } from "@/lib/capture/journal-export";
import { journalEntryToLine, parseShipperBody, type RecordContext } from "@/lib/capture/shipper-records";
import { actorFromApiToken } from "@/lib/server/auth/api-tokens";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { getCaptureService } from "@/lib/server/capture/get-capture-service";
import type { CaptureService } from "@/lib/server/capture/capture-service";
import { ingestLimitsFromEnv, RateLimiter } from "./rate-limiter";

export type IngestResult = { accepted: number; skipped: number; warnings: string[] };
export type IngestKind = "shipper" | "journal";

/** A shipper batch is bounded (Vector's default batch is 10 MB); a journal upload streams and is only rate-capped. */
const MAX_SHIPPER_BODY_BYTES = 16 * 1024 * 1024;
const BEARER = /^Bearer\s+(\S+)\s*$/i;
const cache = globalThis as unknown as { oopscopeIngestLimiter?: RateLimiter };

function limiter(): RateLimiter {
  return (cache.oopscopeIngestLimiter ??= new RateLimiter(ingestLimitsFromEnv()));
}

async function authorizeIngest(request: Request, pathToken?: string): Promise<{ tokenId: string; name: string }> {
  const token = BEARER.exec(request.headers.get("authorization") ?? "")?.[1] ?? pathToken;
  if (!token) throw new AppError("unauthorized", "Send a write-scoped API token: Authorization: Bearer oops_…");
  const actor = await actorFromApiToken(getDb(), token);
  if (actor.kind !== "user" || actor.via !== "token" || actor.scope !== "write") throw new AppError("forbidden", "Ingestion needs a write-scoped API token.");
  return { tokenId: actor.tokenId, name: actor.name };
}

async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) throw new AppError("bad-request", "The request has no body.");
  const encoding = (request.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding && encoding !== "identity" && encoding !== "gzip") throw new AppError("unsupported-media", `Content-Encoding ${encoding} is not supported (gzip is).`);
  const raw = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  const stream = encoding === "gzip" ? raw.pipe(createGunzip()) : raw;
  for await (const chunk of stream) yield chunk as Uint8Array;
}

export type IngestOptions = { kind: IngestKind; pathToken?: string; service?: CaptureService };

export async function ingestRequest(request: Request, options: IngestOptions): Promise<IngestResult> {
  const { tokenId, name } = await authorizeIngest(request, options.pathToken);
  const limits = limiter();
  limits.takeRequest(tokenId);
  const service = options.service ?? getCaptureService();
  const url = new URL(request.url);
  const ctx: RecordContext = { receivedAt: Date.now(), defaultHost: url.searchParams.get("host") ?? name };

  if (options.kind === "journal") {
    const parser = new JournalExportParser();
    let accepted = 0;
    let skipped = 0;
    const take = (entries: ReturnType<JournalExportParser["push"]>) => {
      const lines = entries.map((e) => journalEntryToLine(e, ctx));
      const kept = lines.filter((l) => l !== undefined);
      skipped += lines.length - kept.length;
      accepted += kept.length;
      service.pushLines(kept);
    };
    for await (const chunk of bodyChunks(request)) {
      limits.takeBytes(tokenId, chunk.length);
      take(parser.push(chunk));
    }
    take(parser.end());
    return { accepted, skipped, warnings: parser.warnings };
  }

  // Fluent Bit's default body format; its json, json_lines and json_stream formats are what this endpoint reads.
  if (/msgpack/i.test(request.headers.get("content-type") ?? "")) throw new AppError("unsupported-media", "MessagePack bodies are not read: set the Fluent Bit http output's format to json_lines (or json).");
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bodyChunks(request)) {
    total += chunk.length;
    if (total > MAX_SHIPPER_BODY_BYTES) throw new AppError("too-large", `A batch may hold at most ${MAX_SHIPPER_BODY_BYTES} bytes; lower the sink's batch size.`);
    parts.push(chunk);
  }
  limits.takeBytes(tokenId, total);
  const parsed = parseShipperBody(Buffer.concat(parts).toString("utf8"), ctx);
  service.pushLines(parsed.lines);
  return { accepted: parsed.lines.length, skipped: parsed.skipped, warnings: parsed.warnings };
}
