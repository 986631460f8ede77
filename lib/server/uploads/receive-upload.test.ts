/**
 * Upload caps: logs and archives share MAX_UPLOAD_BYTES, crash dumps (by magic, as the bytes arrive) share
 * MAX_VMCORE_UPLOAD_BYTES. Small caps here; the defaults are 200 MB and 16 GiB.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { receiveUpload } = await import("./receive-upload");

const root = mkdtempSync(path.join(tmpdir(), "oopscope-upload-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir = "";
let n = 0;
beforeEach(() => {
  dir = path.join(root, String(n++));
  mkdirSync(dir);
  process.env.MAX_UPLOAD_BYTES = String(64 * 1024);
  process.env.MAX_VMCORE_UPLOAD_BYTES = String(1024 * 1024);
});
afterEach(() => {
  delete process.env.MAX_UPLOAD_BYTES;
  delete process.env.MAX_VMCORE_UPLOAD_BYTES;
});

/** A raw-body upload sent in 16 KiB chunks (no Content-Length: the caps must hold while streaming). */
function rawRequest(name: string, bytes: Uint8Array, declared?: number): Request {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += 16 * 1024)));
    },
  });
  const headers: Record<string, string> = { "X-Filename": name };
  if (declared !== undefined) headers["Content-Length"] = String(declared);
  return new Request("http://x/api/incidents", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

const kdumpLike = (size: number) => {
  const b = new Uint8Array(size).fill(0x55);
  b.set(new TextEncoder().encode("KDUMP   "), 0);
  return b;
};

describe("upload caps", () => {
  it("a crash dump may be larger than the log cap, up to its own", async () => {
    const stored = await receiveUpload(rawRequest("vmcore", kdumpLike(512 * 1024)), dir);
    expect(stored).toEqual([expect.objectContaining({ name: "vmcore", bytes: 512 * 1024 })]);
  });

  it("a crash dump past MAX_VMCORE_UPLOAD_BYTES is refused with that setting's name", async () => {
    await expect(receiveUpload(rawRequest("vmcore", kdumpLike(2 * 1024 * 1024)), dir)).rejects.toThrow(/Crash dump upload exceeds the limit of 1.0 MB \(MAX_VMCORE_UPLOAD_BYTES\)/);
  });

  it("a log past MAX_UPLOAD_BYTES is refused while streaming, even though a dump that size would pass", async () => {
    const log = new TextEncoder().encode("[    0.000000] Linux version 6.1.0\n".repeat(4096));
    await expect(receiveUpload(rawRequest("dmesg.txt", log), dir)).rejects.toThrow(/exceeds the limit of 64.0 KB \(MAX_UPLOAD_BYTES\)/);
    expect(readdirSync(dir).length).toBeLessThanOrEqual(1);
  });

  it("a raw log whose Content-Length is over the cap is refused at its first chunk", async () => {
    const log = new TextEncoder().encode("x".repeat(16 * 1024));
    await expect(receiveUpload(rawRequest("big.log", log, 100 * 1024), dir)).rejects.toThrow(/64.0 KB \(MAX_UPLOAD_BYTES\)/);
    // The caller removes a refused upload's directory; a fresh one for the next request.
    const next = path.join(dir, "next");
    mkdirSync(next);
    const dump = await receiveUpload(rawRequest("vmcore", kdumpLike(100 * 1024), 100 * 1024), next);
    expect(dump[0].bytes).toBe(100 * 1024);
  });

  it("a small log under the cap passes", async () => {
    const stored = await receiveUpload(rawRequest("dmesg.txt", new TextEncoder().encode("hello\n")), dir);
    expect(stored[0].bytes).toBe(6);
  });
});

describe("upload names and empty parts", () => {
  it("keeps an X-Filename with a malformed escape as sent", async () => {
    const stored = await receiveUpload(rawRequest("node%ZZ.log", new TextEncoder().encode("hello\n")), dir);
    expect(stored[0].name).toBe("node%ZZ.log");
  });

  it("drops an empty file part from disk and from the result", async () => {
    const form = new FormData();
    form.append("file", new Blob([]), "empty.log");
    form.append("file", new Blob(["hello\n"]), "dmesg.txt");
    const stored = await receiveUpload(new Request("http://x/api/incidents", { method: "POST", body: form }), dir);
    expect(stored.map((s) => s.name)).toEqual(["dmesg.txt"]);
    expect(readdirSync(dir)).toEqual([path.basename(stored[0].path)]);
  });
});
