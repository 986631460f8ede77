/**
 * The one refusal of an input (a file, an archive, a compressed stream) as a whole, raised by the line reader
 * (read-lines.ts) and by the source expander (sources/: decoders, archives); the message is for the user.
 * Everything else about bad input is repaired and counted, or recorded as a warning.
 */
export type IngestErrorCode =
  /** Starts like a binary file (or decompresses to one), not a log. */
  | "binary"
  /** Expands far more than any log does. */
  | "decompression-bomb"
  /** Over a size cap (decoded bytes, a whole archive read into memory). */
  | "too-large"
  /** Compressed or archive data that cannot be decoded (truncated, flipped bits, bad headers). */
  | "corrupt"
  /** A readable container holding what is not read (encrypted or unknown-method zip members, nested codecs). */
  | "unsupported"
  /** The source itself failed mid-read. */
  | "read-failed";

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string) {
    super(message);
    // lib/server/http.ts maps refusals by this name (the class identity differs between the CLI bundle and Next).
    this.name = "IngestError";
    this.code = code;
  }
}
