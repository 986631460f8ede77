/**
 * LZO1X decompression (the format liblzo2's lzo1x_1 writes and makedumpfile `-l` stores per page), written from the
 * bitstream description in the kernel's Documentation/staging/lzo.rst. No pure-JS package exists (npm's `lzo` is a
 * native binding, `lzo-wasm` an FFmpeg build). Every read and write is bounds-checked: a corrupt page throws
 * `LzoError`, never reads outside its input or writes past `maxOutput`.
 */
export class LzoError extends Error {
  override readonly name = "LzoError";
}

export function decompressLzo1x(input: Uint8Array, maxOutput: number): Uint8Array {
  const out = new Uint8Array(maxOutput);
  let ip = 0;
  let op = 0;
  const need = (n: number) => {
    if (ip + n > input.length) throw new LzoError(`input overrun at byte ${ip}`);
  };
  const copyLiterals = (n: number) => {
    need(n);
    if (op + n > maxOutput) throw new LzoError(`output overrun: more than ${maxOutput} bytes`);
    out.set(input.subarray(ip, ip + n), op);
    ip += n;
    op += n;
  };
  // Run lengths past the opcode's field: each zero byte adds 255, the first non-zero byte ends the run.
  const extendedLength = (base: number) => {
    let len = base;
    for (;;) {
      need(1);
      const b = input[ip++];
      if (b !== 0) return len + b;
      len += 255;
      if (len > maxOutput + 255) throw new LzoError("run length beyond the output size");
    }
  };
  const copyMatch = (distance: number, len: number) => {
    if (distance > op) throw new LzoError(`match distance ${distance} before the start of the output (at ${op})`);
    if (op + len > maxOutput) throw new LzoError(`output overrun: more than ${maxOutput} bytes`);
    // Byte by byte: matches may overlap their own output (run-length repeats).
    for (let k = 0; k < len; k++, op++) out[op] = out[op - distance];
  };

  // `state`: literals copied by the previous instruction (0, 1–3, or 4 for "4 or more"); it changes what 0..15 mean.
  let state = 0;
  need(1);
  if (input[0] >= 18) {
    const n = input[ip++] - 17;
    copyLiterals(n);
    state = n >= 4 ? 4 : n;
  }
  for (;;) {
    need(1);
    const b = input[ip++];
    let distance: number;
    let len: number;
    let trailing: number;
    if (b < 16) {
      if (state === 0) {
        copyLiterals(3 + (b === 0 ? extendedLength(15) : b));
        state = 4;
        continue;
      }
      need(1);
      const h = input[ip++];
      if (state < 4) {
        distance = (h << 2) + (b >> 2) + 1;
        len = 2;
      } else {
        distance = (h << 2) + (b >> 2) + 2049;
        len = 3;
      }
      trailing = b & 3;
    } else if (b < 32) {
      len = 2 + ((b & 7) === 0 ? extendedLength(7) : b & 7);
      need(2);
      const le16 = input[ip] | (input[ip + 1] << 8);
      ip += 2;
      distance = 16384 + ((b & 8) << 11) + (le16 >> 2);
      if (distance === 16384) {
        if (ip !== input.length) throw new LzoError(`${input.length - ip} bytes after the end-of-stream marker`);
        return out.subarray(0, op);
      }
      trailing = le16 & 3;
    } else if (b < 64) {
      len = 2 + ((b & 31) === 0 ? extendedLength(31) : b & 31);
      need(2);
      const le16 = input[ip] | (input[ip + 1] << 8);
      ip += 2;
      distance = (le16 >> 2) + 1;
      trailing = le16 & 3;
    } else {
      need(1);
      const h = input[ip++];
      len = b < 128 ? 3 + ((b >> 5) & 1) : 5 + ((b >> 5) & 3);
      distance = (h << 3) + ((b >> 2) & 7) + 1;
      trailing = b & 3;
    }
    copyMatch(distance, len);
    copyLiterals(trailing);
    state = trailing;
  }
}
