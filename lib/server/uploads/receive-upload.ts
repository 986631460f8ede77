/**
 * Streams an upload to disk: multipart/form-data (several files, any names) or a raw body named by `X-Filename`.
 * Bytes are counted as they arrive and the request is refused with 413 past the caps; nothing is buffered whole.
 * Two budgets: logs and archives share `maxUploadBytes()`; crash dumps (recognised by their magic bytes as they
 * arrive) share `maxVmcoreUploadBytes()` (16 GiB by default: only a few pages of a dump are ever read).
 * The caller owns `dir` and removes it when anything later fails.
 */
import "server-only";
import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { detectVmcore } from "../../engine/vmcore/detect-vmcore";
import { EMPTY_UPLOAD_MESSAGE } from "@/lib/schemas/incident";
import { AppError } from "../http";
import { decodePercentEncoded } from "./decode-percent-encoded";
import { boundaryOf, MultipartError, parseMultipart } from "./parse-multipart";

export type StoredUpload = {
  index: number;
  /** Name shown to the user and given to the engine; unique within the incident. */
  name: string;
  /** Absolute path of the stored bytes. */
  path: string;
  /** Position among the request's parts (empty parts dropped from `index` keep theirs here). */
  part: number;
  bytes: number;
  /** SHA-256 of the stored bytes (hex), taken as they arrived: nothing reads the file again to hash it. */
  sha256: string;
};

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const MAX_FILES = 50;

export const DEFAULT_MAX_VMCORE_UPLOAD_BYTES = 16 * 1024 ** 3;
/** Bytes of a part seen before deciding whether it is a crash dump (its magic is in the first 16). */
const HEAD_BYTES = 64;

function positiveEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function maxUploadBytes(): number {
  return positiveEnv("MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES);
}

export function maxVmcoreUploadBytes(): number {
  return positiveEnv("MAX_VMCORE_UPLOAD_BYTES", DEFAULT_MAX_VMCORE_UPLOAD_BYTES);
}

/** Same units as the upload page shows (binary, one decimal), so the two messages agree. */
function formatLimit(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

function tooLarge(limit: number, what = "Upload", setting = "MAX_UPLOAD_BYTES"): AppError {
  return new AppError("too-large", `${what} exceeds the limit of ${formatLimit(limit)} (${setting}).`);
}

/** Running totals of the two budgets over all parts of one request. */
class UploadBudget {
  logBytes = 0;
  dumpBytes = 0;
  constructor(
    readonly logLimit: number,
    readonly dumpLimit: number,
  ) {}
  /** Throws when `n` more bytes of that kind would not fit. */
  ensureRoom(isDump: boolean, n: number) {
    if (isDump && this.dumpBytes + n > this.dumpLimit) throw tooLarge(this.dumpLimit, "Crash dump upload", "MAX_VMCORE_UPLOAD_BYTES");
    if (!isDump && this.logBytes + n > this.logLimit) throw tooLarge(this.logLimit);
  }
  add(isDump: boolean, n: number) {
    this.ensureRoom(isDump, n);
    if (isDump) this.dumpBytes += n;
    else this.logBytes += n;
  }
}

/** Counts bytes and stops the stream past the cap. */
async function* capped(body: ReadableStream<Uint8Array>, limit: number, overLimit: () => AppError): AsyncGenerator<Uint8Array> {
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > limit) throw overLimit();
      yield value;
    }
  } finally {
    reader.releaseLock();
    // The over-limit refusal is the answer; a cancel that fails (the client already gone) must not replace it.
    if (total > limit) await body.cancel().catch((e: unknown) => console.warn("[oopscope] upload: cancelling the refused body failed:", e));
  }
}

/** Base name only, no control or path characters; a readable fallback when nothing is left. */
export function sanitizeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\x00-\x1f\x7f]/g, "").trim().slice(0, 200);
  return clean && clean !== "." && clean !== ".." ? clean : fallback;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (${k})`;
  taken.add(candidate);
  return candidate;
}

class FileSink {
  private stream: WriteStream;
  private readonly hash: Hash = createHash("sha256");
  bytes = 0;
  /** Set by `end()`. */
  sha256 = "";
  /** Undecided until HEAD_BYTES have arrived (or the part ends): then its bytes go to the right budget. */
  private isDump: boolean | undefined;
  private head = new Uint8Array(0);
  /** A raw body's declared length: a log that says it is over the cap is refused at its first bytes. */
  declaredBytes?: number;
  constructor(
    readonly filePath: string,
    private readonly budget: UploadBudget,
  ) {
    this.stream = createWriteStream(filePath, { flags: "wx" });
  }
  private decide() {
    this.isDump = detectVmcore(this.head);
    this.budget.ensureRoom(this.isDump, Math.max(this.bytes, this.declaredBytes ?? 0));
    this.budget.add(this.isDump, this.bytes);
  }
  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.length;
    if (this.isDump === undefined) {
      if (this.head.length < HEAD_BYTES) {
        const next = new Uint8Array(Math.min(HEAD_BYTES, this.head.length + chunk.length));
        next.set(this.head);
        next.set(chunk.subarray(0, next.length - this.head.length), this.head.length);
        this.head = next;
      }
      if (this.head.length >= HEAD_BYTES) this.decide();
    } else this.budget.add(this.isDump, chunk.length);
    this.hash.update(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }
  async end(): Promise<void> {
    if (this.isDump === undefined) this.decide();
    this.sha256 = this.hash.digest("hex");
    this.stream.end();
    await once(this.stream, "finish");
  }
  destroy(): void {
    this.stream.destroy();
  }
}

export async function receiveUpload(request: Request, dir: string): Promise<StoredUpload[]> {
  const budget = new UploadBudget(maxUploadBytes(), maxVmcoreUploadBytes());
  // The request as a whole: what both budgets allow (which part is what is known only as the bytes arrive).
  const limit = budget.logLimit + budget.dumpLimit;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, "Upload", "MAX_UPLOAD_BYTES + MAX_VMCORE_UPLOAD_BYTES");
  if (!request.body) throw new AppError("bad-request", "The request has no body: send files as multipart/form-data or a raw body.");

  const stored: StoredUpload[] = [];
  const taken = new Set<string>();
  const open: FileSink[] = [];
  const newSink = (name: string): FileSink => {
    const index = stored.length;
    if (index >= MAX_FILES) throw new AppError("bad-request", `At most ${MAX_FILES} files per incident.`);
    const sink = new FileSink(path.join(dir, `${index}.upload`), budget);
    stored.push({ index, part: index, name: uniqueName(name, taken), path: sink.filePath, bytes: 0, sha256: "" });
    open.push(sink);
    return sink;
  };

  const body = capped(request.body, limit, () => tooLarge(limit, "Upload", "MAX_UPLOAD_BYTES + MAX_VMCORE_UPLOAD_BYTES"));
  const boundary = boundaryOf(request.headers.get("content-type"));
  try {
    if (boundary) {
      await parseMultipart(body, boundary, (part) => {
        // Non-file fields (e.g. a pasted text field named "text") become an input named "paste".
        const sink = newSink(sanitizeFileName(part.filename, part.filename === undefined ? "paste" : "upload"));
        return sink;
      });
    } else {
      const name = sanitizeFileName(decodeHeader(request.headers.get("x-filename")), "paste");
      const sink = newSink(name);
      if (Number.isFinite(declared) && declared > 0) sink.declaredBytes = declared;
      for await (const chunk of body) await sink.write(chunk);
      await sink.end();
    }
  } catch (err) {
    for (const s of open) s.destroy();
    if (err instanceof MultipartError) throw new AppError("bad-request", err.message);
    throw err;
  }
  open.forEach((s, i) => Object.assign(stored[i], { bytes: s.bytes, sha256: s.sha256 }));
  // Browsers send an empty part for an empty file input or text field: not an input.
  await Promise.all(stored.filter((f) => f.bytes === 0).map((f) => rm(f.path, { force: true })));
  const nonEmpty = stored.filter((f) => f.bytes > 0);
  if (nonEmpty.length === 0) throw new AppError("bad-request", EMPTY_UPLOAD_MESSAGE);
  return nonEmpty.map((f, index) => ({ ...f, index }));
}

function decodeHeader(value: string | null): string | undefined {
  return value === null ? undefined : decodePercentEncoded(value, value);
}
