/**
 * One log record as `makedumpfile --dump-dmesg` (1.7.2) prints it: `[%5llu.%06lu] ` then the text, an embedded
 * newline continued with an indent as wide as the prefix, bytes that are neither isprint() nor isspace() in the C
 * locale as `\xNN`. makedumpfile walks the text with a plain (signed, on x86) `char *`, so a byte ≥ 0x80 is printed
 * sign-extended: `\xffffffe2`. We do the same so the output stays byte-identical.
 */
const NS_PER_SEC = 1_000_000_000n;

export function formatDmesgRecord(tsNsec: bigint, text: Uint8Array): string {
  const sec = tsNsec / NS_PER_SEC;
  const usec = (tsNsec % NS_PER_SEC) / 1000n;
  const prefix = `[${sec.toString().padStart(5, " ")}.${usec.toString().padStart(6, "0")}] `;
  const indent = "\n" + " ".repeat(prefix.length);
  let out = prefix;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) out += String.fromCharCode.apply(null, Array.from(text.subarray(runStart, end)));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c >= 0x09 && c <= 0x0d && c !== 0x0a) continue;
    flush(i);
    runStart = i + 1;
    if (c === 0x0a) out += indent;
    else if (c >= 0x80) out += `\\xffffff${c.toString(16).padStart(2, "0")}`;
    else out += `\\x${c.toString(16).padStart(2, "0")}`;
  }
  flush(text.length);
  return out + "\n";
}
