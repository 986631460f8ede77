/**
 * One kdump page's bytes from its page descriptor flags. Libraries where they exist (fflate for zlib, snappyjs for
 * raw snappy blocks, fzstd for zstd frames); LZO1X is ours. The result must be exactly one page: a page that
 * inflates to another size is corrupt ("compressed size lies").
 */
import { unzlibSync } from "fflate";
import { decompress as zstdDecompress } from "fzstd";
import { uncompress as snappyUncompress } from "snappyjs";
import { decompressLzo1x } from "./decompress-lzo1x";

/** `page_desc.flags` (makedumpfile diskdump_mod.h). */
export const DUMP_DH_COMPRESSED_ZLIB = 0x1;
export const DUMP_DH_COMPRESSED_LZO = 0x2;
export const DUMP_DH_COMPRESSED_SNAPPY = 0x4;
export const DUMP_DH_COMPRESSED_ZSTD = 0x20;

export function compressionName(flags: number): string {
  if (flags & DUMP_DH_COMPRESSED_ZLIB) return "zlib";
  if (flags & DUMP_DH_COMPRESSED_LZO) return "lzo";
  if (flags & DUMP_DH_COMPRESSED_SNAPPY) return "snappy";
  if (flags & DUMP_DH_COMPRESSED_ZSTD) return "zstd";
  return flags === 0 ? "none" : `unknown (flags 0x${flags.toString(16)})`;
}

/** A page needs no larger window; a corrupt header could make the decoder allocate gigabytes. */
const MAX_ZSTD_WINDOW = 8 << 20;
const ZSTD_MAGIC = 0xfd2fb528;

/** Frame_Content_Size and window size from a zstd frame header (RFC 8878 §3.1.1.1), checked before decoding. */
function zstdDeclaredSizes(d: Uint8Array): { content: number; window: number } | string {
  if (d.length < 6) return "frame header cut";
  if ((d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0 !== ZSTD_MAGIC) return "bad frame magic";
  const fhd = d[4];
  const singleSegment = (fhd >> 5) & 1;
  const fcsBytes = [singleSegment, 2, 4, 8][fhd >> 6];
  const dictBytes = [0, 1, 2, 4][fhd & 3];
  let p = 5;
  let window = 0;
  if (!singleSegment) {
    const wd = d[p++];
    const base = 2 ** (10 + (wd >> 3));
    window = base + (base / 8) * (wd & 7);
  }
  p += dictBytes;
  if (p + fcsBytes > d.length) return "frame header cut";
  let content = 0;
  for (let i = fcsBytes - 1; i >= 0; i--) content = content * 256 + d[p + i];
  if (fcsBytes === 2) content += 256;
  if (fcsBytes === 0) content = 0;
  return { content, window: singleSegment ? content : window };
}

/** Decompressed page, or a reason it could not be. Never throws. */
export function decompressPage(data: Uint8Array, flags: number, pageSize: number): Uint8Array | string {
  let out: Uint8Array;
  try {
    if (flags & DUMP_DH_COMPRESSED_ZLIB) out = unzlibSync(data);
    else if (flags & DUMP_DH_COMPRESSED_LZO) out = decompressLzo1x(data, pageSize);
    else if (flags & DUMP_DH_COMPRESSED_SNAPPY) out = snappyUncompress(data, pageSize);
    else if (flags & DUMP_DH_COMPRESSED_ZSTD) {
      const declared = zstdDeclaredSizes(data);
      if (typeof declared === "string") return `zstd data is corrupt (${declared})`;
      if (declared.content > pageSize || declared.window > MAX_ZSTD_WINDOW) {
        return `zstd frame declares ${declared.content > pageSize ? `${declared.content} bytes of content` : `a ${declared.window}-byte window`} for one ${pageSize}-byte page (compressed size lies)`;
      }
      out = zstdDecompress(data);
    }
    else if (flags === 0) out = data;
    else return `unknown compression flags 0x${flags.toString(16)}`;
  } catch (e) {
    // Corrupt page data is expected in truncated dumps: the reason comes back as that page's `missing`.
    return `${compressionName(flags)} data is corrupt (${(e as Error).message})`;
  }
  if (out.length !== pageSize) return `${compressionName(flags)} data gives ${out.length} bytes, not one ${pageSize}-byte page (compressed size lies)`;
  return out;
}
