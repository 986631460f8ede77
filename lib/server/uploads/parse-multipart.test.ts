import { describe, expect, it } from "vitest";
import { boundaryOf, MultipartError, parseMultipart, type MultipartPartHeaders } from "./parse-multipart";

const BOUNDARY = "----oopscopeBoundary7MA4YWxk";

function body(parts: { headers: string; data: string | Buffer }[], epilogue = ""): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    out.push(Buffer.from(`--${BOUNDARY}\r\n${p.headers}\r\n\r\n`), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from("\r\n"));
  }
  out.push(Buffer.from(`--${BOUNDARY}--\r\n${epilogue}`));
  return Buffer.concat(out);
}

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(buf: Buffer, chunkSize: number) {
  const parts: { headers: MultipartPartHeaders; data: Buffer }[] = [];
  await parseMultipart(chunked(buf, chunkSize), BOUNDARY, (headers) => {
    const chunks: Buffer[] = [];
    return {
      write: (c) => void chunks.push(Buffer.from(c)),
      end: () => void parts.push({ headers, data: Buffer.concat(chunks) }),
    };
  });
  return parts;
}

describe("parseMultipart", () => {
  const log = "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!\r\n--not-a-boundary\n";
  const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00]);
  const input = body([
    { headers: 'Content-Disposition: form-data; name="files"; filename="messages"\r\nContent-Type: text/plain', data: log },
    { headers: 'Content-Disposition: form-data; name="files"; filename="messages-20240618.gz"', data: gz },
    { headers: 'Content-Disposition: form-data; name="text"', data: "pasted" },
  ], "epilogue ignored");

  // Every chunk size, so the delimiter and headers get split at every possible offset.
  it.each([1, 2, 3, 7, 13, 64, 4096])("splits parts identically with %i-byte chunks", async (size) => {
    const parts = await collect(input, size);
    expect(parts.map((p) => p.headers.filename)).toEqual(["messages", "messages-20240618.gz", undefined]);
    expect(parts[0].data.toString()).toBe(log);
    expect(parts[1].data.equals(gz)).toBe(true);
    expect(parts[2].headers.name).toBe("text");
    expect(parts[2].data.toString()).toBe("pasted");
  });

  it("decodes RFC 5987 filename* over the plain filename", async () => {
    const parts = await collect(
      body([{ headers: `Content-Disposition: form-data; name="f"; filename="x"; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt`, data: "a" }]),
      5,
    );
    expect(parts[0].headers.filename).toBe("日志.txt");
  });

  it("rejects a body without its closing boundary", async () => {
    const truncated = input.subarray(0, input.length - 30);
    await expect(collect(truncated, 10)).rejects.toBeInstanceOf(MultipartError);
  });

  it("reads the boundary from the content type", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(boundaryOf("text/plain")).toBeUndefined();
  });
});

describe("part names", () => {
  it("keeps the plain filename when filename* has a malformed escape", async () => {
    const parts = await collect(body([{ headers: `Content-Disposition: form-data; name="f"; filename="plain.log"; filename*=UTF-8''bad%E6%97.log`, data: "a" }]), 64);
    expect(parts[0].headers.filename).toBe("plain.log");
  });
});
