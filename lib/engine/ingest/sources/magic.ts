/**
 * What a byte stream is, from its first bytes: never from its name (rotated logs, renamed uploads and `vmcore.1`
 * lie). The table is data: adding a format is adding a row.
 */
import { detectVmcore } from "../../vmcore/detect-vmcore";
import { VMCORE_EXTRACT_MAGIC } from "../../vmcore/vmcore-extract-magic";

export type Codec = "gzip" | "xz" | "zstd" | "bzip2";
export type ContainerFormat = "tar" | "zip";
export type SniffedFormat =
  | { kind: "codec"; codec: Codec }
  | { kind: "archive"; format: ContainerFormat }
  | { kind: "journal" }
  | { kind: "vmcore" }
  | { kind: "vmcore-extract" }
  /** Recognised, not read: said by name (and how to read it) instead of passing for a binary file or a text. */
  | { kind: "unsupported"; format: string; container: "compressed-log" | "archive"; advice: string }
  | { kind: "text" };

/** Bytes a caller should have before sniffing (a tar header is 512 bytes; `ustar` sits at 257). */
export const SNIFF_BYTES = 512;

type MagicRow = { format: SniffedFormat; offset: number; bytes: number[] };

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const MAGIC_TABLE: MagicRow[] = [
  { format: { kind: "codec", codec: "gzip" }, offset: 0, bytes: [0x1f, 0x8b] },
  { format: { kind: "codec", codec: "xz" }, offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: { kind: "codec", codec: "zstd" }, offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  // `BZh` + block size digit; the digit is checked below so a text file starting with "BZh" is not taken.
  { format: { kind: "codec", codec: "bzip2" }, offset: 0, bytes: ascii("BZh") },
  // ustar (POSIX) and GNU tar ("ustar  \0") share the first five bytes.
  { format: { kind: "archive", format: "tar" }, offset: 257, bytes: ascii("ustar") },
  { format: { kind: "archive", format: "zip" }, offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  // An empty zip is only its end-of-central-directory record.
  { format: { kind: "archive", format: "zip" }, offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: { kind: "journal" }, offset: 0, bytes: ascii("LPKSHHRH") },
  // A dump's log and facts extracted on the node by `oopscope upload` (vmcore/vmcore-extract-file.ts).
  { format: { kind: "vmcore-extract" }, offset: 0, bytes: ascii(VMCORE_EXTRACT_MAGIC) },
  // lz4 frames (and the legacy format `lz4 -l` writes) decode to nothing a log reader can check cheaply: an lz4 file
  // of zeros passed the binary check and was read as one long line of nothing.
  { format: { kind: "unsupported", format: "lz4", container: "compressed-log", advice: "decompress it first (lz4 -d)" }, offset: 0, bytes: [0x04, 0x22, 0x4d, 0x18] },
  { format: { kind: "unsupported", format: "lz4", container: "compressed-log", advice: "decompress it first (lz4 -d)" }, offset: 0, bytes: [0x02, 0x21, 0x4c, 0x18] },
  { format: { kind: "unsupported", format: "7z", container: "archive", advice: "extract it (7z x) and give the logs, or repack them as tar.gz or zip" }, offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: { kind: "unsupported", format: "rar", container: "archive", advice: "extract it (unrar x) and give the logs, or repack them as tar.gz or zip" }, offset: 0, bytes: ascii("Rar!\x1a\x07") },
];

function matchesAt(head: Uint8Array, offset: number, bytes: number[]): boolean {
  if (head.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[offset + i] !== bytes[i]) return false;
  return true;
}

/** The format of a stream from its first bytes (at least SNIFF_BYTES when the stream has them). */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  for (const row of MAGIC_TABLE) {
    if (!matchesAt(head, row.offset, row.bytes)) continue;
    if (row.format.kind === "codec" && row.format.codec === "bzip2" && !(head[3] >= 0x31 && head[3] <= 0x39)) continue;
    return row.format;
  }
  if (detectVmcore(head)) return { kind: "vmcore" };
  return { kind: "text" };
}

/** File-name suffix of a codec, for naming what was decoded (`messages.xz` → `messages`). */
export const CODEC_SUFFIX: Record<Codec, RegExp> = {
  gzip: /\.(gz|tgz)$/i,
  xz: /\.(xz|txz)$/i,
  zstd: /\.(zst|zstd|tzst)$/i,
  bzip2: /\.(bz2|tbz2?)$/i,
};
