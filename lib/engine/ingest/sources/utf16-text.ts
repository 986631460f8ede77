/**
 * Logs saved as UTF-16 (Windows: Notepad's "Unicode", PowerShell 5's `>` and `Out-File`, a serial console captured
 * by a Windows terminal). Every other byte is NUL, so the line reader would refuse them as binary; they are decoded
 * to UTF-8 instead, with or without a byte-order mark.
 */

export type Utf16Encoding = "utf-16le" | "utf-16be";

/** Bytes looked at without a byte-order mark: enough for a few lines, few enough to stay in the sniffed head. */
const PROBE_BYTES = 512;

/**
 * UTF-16 by its byte-order mark (FF FE, FE FF), else by its shape: a log's mostly-ASCII text in UTF-16 has a NUL in
 * nearly every high byte and a printable character in nearly every low one. A file of NULs has no text bytes; a
 * binary file rarely has both.
 */
export function detectUtf16(head: Uint8Array): Utf16Encoding | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const n = Math.min(head.length, PROBE_BYTES) & ~1;
  if (n < 16) return undefined;
  const pairs = n / 2;
  const shaped = (low: number) => {
    let textBytes = 0;
    let nulBytes = 0;
    for (let i = 0; i < n; i += 2) {
      if (isTextByte(head[i + low])) textBytes++;
      if (head[i + 1 - low] === 0) nulBytes++;
    }
    return textBytes >= pairs * 0.9 && nulBytes >= pairs * 0.9;
  };
  if (shaped(0)) return "utf-16le";
  if (shaped(1)) return "utf-16be";
  return undefined;
}

/** Printable ASCII, tab and line ends: what a log's characters are, nearly all of them. */
function isTextByte(b: number): boolean {
  return (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** The text as UTF-8, decoded as it streams (a character split between chunks is kept for the next). */
export async function* utf16ToUtf8(chunks: AsyncIterable<Uint8Array>, encoding: Utf16Encoding): AsyncGenerator<Uint8Array> {
  // The byte-order mark is dropped by the decoder; unpaired surrogates become U+FFFD, as invalid UTF-8 does.
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield encoder.encode(text);
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield encoder.encode(rest);
}
