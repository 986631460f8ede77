/**
 * A stored upload of an incident: metadata, the raw bytes as a web stream, or the decoded text (gunzipped when
 * the file is gzip — recognised by magic bytes, as the engine does).
 */
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { getUploadStore } from "@/lib/server/storage/upload-store";

/**
 * `etag`: a validator of the stored bytes. A stored file is written once under a path naming its incident; content a
 * capture replaces comes under another path. So the path, size and mtime tell a copy the browser keeps (a log's
 * viewer text is up to tens of MB) from what is stored now.
 */
export type IncidentFileRef = { name: string; absPath: string; bytes: number; lines: number; isGzip: boolean; etag: string };

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const fh = await open(file, "r");
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

export async function getIncidentFile(incidentId: string, index: number): Promise<IncidentFileRef> {
  const row = await getDb().incidentFile.findUnique({
    where: { incidentId_index: { incidentId, index } },
    include: { incident: { select: { rawDroppedAt: true } } },
  });
  if (!row) throw new AppError("not-found", "No such file in this incident.");
  if (row.incident.rawDroppedAt) throw new AppError("not-found", "The raw logs of this incident were removed by the retention policy; its findings are kept.");
  const store = getUploadStore();
  const absPath = store.localPath(row.storagePath);
  if (!absPath) throw new AppError("not-found", "No such file in this incident.");
  await store.fetchToLocal([row.storagePath]);
  const st = await stat(absPath);
  const etag = `"${createHash("sha256").update(row.storagePath).digest("base64url").slice(0, 16)}-${st.size}-${Math.trunc(st.mtimeMs)}"`;
  return { name: row.name, absPath, bytes: row.bytes, lines: row.lines, isGzip: await startsWithGzipMagic(absPath), etag };
}

export function openRawStream(file: IncidentFileRef): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file.absPath)) as ReadableStream<Uint8Array>;
}

export function openDecodedStream(file: IncidentFileRef): ReadableStream<Uint8Array> {
  const raw = createReadStream(file.absPath);
  // pipeline, not pipe: a reader that stops (a page left mid-load) or a corrupt gzip destroys the file stream too;
  // through pipe the file stayed open, paused, for the life of the server. The failure itself reaches the reader
  // through the gunzip stream, which pipeline destroys with it.
  const node = file.isGzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  return Readable.toWeb(node) as ReadableStream<Uint8Array>;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
