/**
 * A streaming multipart/form-data parser (RFC 7578): reads the body chunk by chunk and hands each part's bytes to
 * a sink as they arrive, so an upload is never held in memory whole (`request.formData()` buffers everything).
 * Only what browsers and curl send is supported: boundary from the Content-Type, CRLF line ends, per-part
 * `Content-Disposition` with `name` and optional `filename`/`filename*`.
 */
import { decodePercentEncoded } from "./decode-percent-encoded";

export type MultipartPartHeaders = {
  /** Form field name. */
  name: string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
};

export type MultipartSink = {
  write(chunk: Uint8Array): Promise<void> | void;
  end(): Promise<void> | void;
};

export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MultipartError";
  }
}

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** `multipart/form-data; boundary="abc"` → `abc`; undefined when the type is not multipart. */
export function boundaryOf(contentType: string | null): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function parsePartHeaders(block: string): MultipartPartHeaders {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const param = (key: string): string | undefined => {
    const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition);
    if (!m) return undefined;
    return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]?.trim();
  };
  const extended = param("filename\\*");
  let filename = param("filename");
  if (extended) {
    // RFC 5987: UTF-8''percent-encoded
    const m = /^[^']*'[^']*'(.*)$/.exec(extended);
    filename = decodePercentEncoded(m ? m[1] : extended, filename);
  }
  return { name: param("name") ?? "", filename, contentType: headers.get("content-type") };
}

/**
 * Parses `body` and calls `onPart` for every part; the returned sink receives the part's bytes.
 * Throws MultipartError on a malformed body (no closing boundary, oversized part headers).
 */
export async function parseMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  onPart: (headers: MultipartPartHeaders) => Promise<MultipartSink> | MultipartSink,
): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A leading CRLF lets the first boundary (which has none before it) match the same delimiter.
  let buf: Buffer = Buffer.from(CRLF);
  // Typed through a cast: TypeScript would otherwise narrow it to "preamble" (it is changed inside `step`).
  let state = "preamble" as "preamble" | "after-boundary" | "headers" | "body" | "done";
  let sink: MultipartSink | undefined;

  const step = async (final: boolean): Promise<boolean> => {
    switch (state) {
      case "preamble": {
        const i = buf.indexOf(delimiter);
        if (i < 0) {
          buf = buf.subarray(Math.max(0, buf.length - delimiter.length + 1));
          return false;
        }
        buf = buf.subarray(i + delimiter.length);
        state = "after-boundary";
        return true;
      }
      case "after-boundary": {
        if (buf.length < 2) return false;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = "done";
          return false;
        }
        const eol = buf.indexOf(CRLF);
        if (eol < 0) return false;
        buf = buf.subarray(eol + 2); // transport padding before CRLF is allowed
        state = "headers";
        return true;
      }
      case "headers": {
        const end = buf.indexOf(HEADER_END);
        // A part with no headers at all starts directly with the blank line.
        const empty = buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a;
        if (end < 0 && !empty) {
          if (buf.length > MAX_HEADER_BYTES) throw new MultipartError("multipart part headers too large");
          return false;
        }
        const headerText = empty ? "" : buf.subarray(0, end).toString("utf8");
        buf = buf.subarray(empty ? 2 : end + 4);
        sink = await onPart(parsePartHeaders(headerText));
        state = "body";
        return true;
      }
      case "body": {
        const i = buf.indexOf(delimiter);
        if (i >= 0) {
          if (i > 0) await sink!.write(buf.subarray(0, i));
          await sink!.end();
          sink = undefined;
          buf = buf.subarray(i + delimiter.length);
          state = "after-boundary";
          return true;
        }
        // Keep a tail that could be the start of the delimiter.
        const keep = final ? 0 : delimiter.length - 1;
        if (buf.length > keep) {
          await sink!.write(buf.subarray(0, buf.length - keep));
          buf = buf.subarray(buf.length - keep);
        }
        return false;
      }
      case "done":
        return false;
    }
  };

  for await (const chunk of body) {
    if (state === "done") continue; // epilogue: ignored
    buf = buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([buf, chunk]);
    while (await step(false));
  }
  while (state !== "done" && (await step(false)));
  if (state !== "done") throw new MultipartError("multipart body ended before its closing boundary");
}
