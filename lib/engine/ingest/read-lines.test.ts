import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_LIMITS, emptyIngestStats, IngestError, readByteChunks, readLines, type IngestLimits } from "./read-lines";
import type { TriageInput } from "../types";

const enc = new TextEncoder();

async function linesOf(data: TriageInput["data"], limits?: IngestLimits, name = "log") {
  const stats = emptyIngestStats();
  const out: string[] = [];
  for await (const batch of readLines({ name, data }, stats, limits)) out.push(...batch);
  return { lines: out, stats };
}

async function refusal(data: TriageInput["data"], limits?: IngestLimits): Promise<IngestError> {
  try {
    await linesOf(data, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected the input to be refused");
}

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    const n = sizes[k++ % sizes.length];
    yield bytes.slice(pos, pos + n);
    pos += n;
  }
}

const SYSLOG = [
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 16:00:30 w01 kernel: Linux version 6.1.1-1.el9.elrepo.x86_64 (mockbuild@x) (gcc) #1 SMP",
];
const SYSLOG_TEXT = SYSLOG.join("\n") + "\n";

describe("readLines: gzip", () => {
  it("recognises gzip by its magic bytes whatever the name", async () => {
    const gz = gzipSync(enc.encode(SYSLOG_TEXT));
    const stats = emptyIngestStats();
    const out: string[] = [];
    for await (const b of readLines({ name: "messages-20240818", data: gz }, stats)) out.push(...b);
    expect(out).toEqual(SYSLOG);
    expect(stats.compressed).toBe(true);
    expect(stats.bytes).toBe(gz.length);
    expect(stats.decodedBytes).toBe(enc.encode(SYSLOG_TEXT).length);
  });

  it("reads a gzip stream that arrives one byte at a time", async () => {
    const gz = gzipSync(enc.encode(SYSLOG_TEXT));
    const { lines, stats } = await linesOf(chunked(gz, [1]));
    expect(lines).toEqual(SYSLOG);
    expect(stats.compressed).toBe(true);
  });

  it("reads multi-member gzip (rotated files joined with cat) and ignores zero padding after it", async () => {
    const a = gzipSync(enc.encode(SYSLOG[0] + "\n" + SYSLOG[1] + "\n"));
    const b = gzipSync(enc.encode(SYSLOG[2] + "\n"));
    expect((await linesOf(new Uint8Array([...a, ...b]))).lines).toEqual(SYSLOG.slice(0, 3));
    expect((await linesOf(new Uint8Array([...a, ...new Uint8Array(16)]))).lines).toEqual(SYSLOG.slice(0, 2));
  });

  it("refuses a gzip bomb by its expansion ratio", async () => {
    // 64 MB of zeros compress to ~64 KB (ratio ~1000).
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024));
    const e = await refusal(bomb, { ...DEFAULT_INGEST_LIMITS, ratioCheckAfterBytes: 1024 * 1024, maxGzipRatio: 100 });
    expect(e.code).toBe("decompression-bomb");
  });

  describe("bombs of every shape are refused early: decoded bytes at the refusal, not time", () => {
    /** What was decoded when the stream was refused (or read whole). */
    async function decodeUntilRefused(gz: Uint8Array): Promise<{ error?: IngestError; decoded: number; read: number }> {
      const stats = emptyIngestStats();
      try {
        // Chunks the size a file stream delivers.
        for await (const chunk of readByteChunks({ name: "bomb", data: chunked(gz, [1 << 20]) }, stats)) void chunk;
      } catch (e) {
        expect(e).toBeInstanceOf(IngestError);
        return { error: e as IngestError, decoded: stats.decodedBytes, read: stats.bytes };
      }
      return { decoded: stats.decodedBytes, read: stats.bytes };
    }
    const concat = (parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    };
    // Refused within two check windows and one slice's worth of inflation: tens of MB, not gigabytes (inflating
    // zeros runs at several hundred MB per second of CPU, so this is well under a second).
    const EARLY = 2 * DEFAULT_INGEST_LIMITS.ratioCheckAfterBytes + 17 * 1024 * 1024;
    const zeros16 = gzipSync(new Uint8Array(16 * 1024 * 1024));

    it("one member of zeros", async () => {
      const r = await decodeUntilRefused(gzipSync(new Uint8Array(160 * 1024 * 1024)));
      expect(r.error?.code).toBe("decompression-bomb");
      expect(r.decoded).toBeLessThanOrEqual(EARLY);
    });

    it("zeros at the fastest gzip level (~230×, less than a real flood): no line break in 16 MB", async () => {
      const r = await decodeUntilRefused(gzipSync(new Uint8Array(160 * 1024 * 1024), { level: 1 }));
      expect(r.error?.code).toBe("decompression-bomb");
      expect(r.error?.message).toMatch(/no line break/);
      expect(r.decoded).toBeLessThanOrEqual(EARLY);
    });

    it("many members (1 GB from 64 members of 16 MB zeros), counted as a whole", async () => {
      const r = await decodeUntilRefused(concat(Array.from({ length: 64 }, () => zeros16)));
      expect(r.error?.code).toBe("decompression-bomb");
      expect(r.decoded).toBeLessThanOrEqual(EARLY);
    });

    it("one log line repeated (text, line ends and all)", async () => {
      const member = gzipSync(enc.encode("Aug 13 15:59:23 w01 kernel: x\n".repeat(512 * 1024)));
      const r = await decodeUntilRefused(concat(Array.from({ length: 64 }, () => member)));
      expect(r.error?.code).toBe("decompression-bomb");
      expect(r.decoded).toBeLessThanOrEqual(EARLY);
    });

    it("a bomb appended to a real log is not diluted by the log before it", async () => {
      const lines: string[] = [];
      for (let i = 0; lines.length < 300_000; i++) lines.push(`Aug 13 15:${String(i % 60).padStart(2, "0")}:23 w0${i % 7} kubelet[${1000 + (i % 977)}]: pod web-${i * 7919 % 100003} ready\n`);
      const real = gzipSync(enc.encode(lines.join("")));
      const r = await decodeUntilRefused(concat([real, ...Array.from({ length: 64 }, () => zeros16)]));
      expect(r.error?.code).toBe("decompression-bomb");
      const realBytes = lines.join("").length;
      expect(r.decoded - realBytes).toBeLessThanOrEqual(EARLY);
    });

    it("leaves a real long line alone (20 MB of hex on one line compresses ~2×)", async () => {
      let seed = 7;
      const hex = new Uint8Array(20 * 1024 * 1024).map(() => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return "0123456789abcdef".charCodeAt(seed >>> 28);
      });
      const r = await decodeUntilRefused(gzipSync(hex));
      expect(r.error).toBeUndefined();
      expect(r.decoded).toBe(hex.length);
    });

    it("leaves a real flood alone (conntrack full at 50 lines/s with timestamps, ~260×)", async () => {
      const lines: string[] = [];
      for (let i = 0; i < 500_000; i++) {
        const s = Math.floor(i / 50);
        const t = [Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, "0")).join(":");
        lines.push(`Aug 13 ${t} node-01 kernel: nf_conntrack: nf_conntrack: table full, dropping packet\n`);
      }
      const text = enc.encode(lines.join(""));
      const gz = gzipSync(text);
      expect(text.length / gz.length).toBeGreaterThan(200);
      const r = await decodeUntilRefused(gz);
      expect(r.error).toBeUndefined();
      expect(r.decoded).toBe(text.length);
    });
  });

  it("refuses decompressed data over the size cap", async () => {
    const big = gzipSync(enc.encode("Aug 13 15:59:23 w01 kernel: x\n".repeat(10_000)));
    const e = await refusal(big, { ...DEFAULT_INGEST_LIMITS, maxDecodedBytes: 100_000 });
    expect(e.code).toBe("too-large");
  });

  it("skips runs of NUL chunks (a sparse file's holes) outside the size cap, so the text after them is read", async () => {
    const text = enc.encode(SYSLOG_TEXT);
    const sparse = new Uint8Array(32 * 1024 ** 2 + text.length);
    sparse.set(text, 32 * 1024 ** 2);
    const stats = emptyIngestStats();
    const lines: string[] = [];
    for await (const batch of readLines({ name: "messages", data: sparse }, stats, { ...DEFAULT_INGEST_LIMITS, maxDecodedBytes: 1024 ** 2 })) lines.push(...batch);
    expect(lines.filter((l) => l !== "")).toEqual(SYSLOG_TEXT.split("\n").filter((l) => l !== ""));
    // Every byte is still counted as read (the viewer picks its mode from the decoded size).
    expect(stats.decodedBytes).toBe(sparse.length);
    const e = await refusal(new Uint8Array(8 * 1024 ** 2), { ...DEFAULT_INGEST_LIMITS, maxNulBytes: 4 * 1024 ** 2 });
    expect(e.code).toBe("too-large");
    expect(e.message).toMatch(/NUL bytes \(a sparse or zero-filled file\)/);
    // Under the cap, a file of nothing but NULs is said to be that, not an empty upload.
    const holes = await refusal(new Uint8Array(2 * 1024 ** 2));
    expect(holes.message).toMatch(/holds nothing but NUL bytes \(2097152 bytes: a sparse or zero-filled file\)/);
  });

  it("a gzip of nothing but NULs is refused as a plain one is; an empty tar's size is named as one", async () => {
    // An empty tar is two or more 512-byte blocks of zeros (tar writes a 10240-byte record): gzipped, it passed for
    // one empty line and "No problems found".
    const emptyTar = await refusal(gzipSync(new Uint8Array(10240)));
    expect(emptyTar.code).toBe("binary");
    expect(emptyTar.message).toMatch(/holds nothing but NUL bytes \(10240 bytes: a sparse or zero-filled file, or an empty tar archive\)/);
    expect((await refusal(new Uint8Array(10240))).message).toBe(emptyTar.message);
    // Text after a run of zeros (a hard reset's hole) is read whole, as it is from a plain file.
    const withText = new Uint8Array(gzipSync(Buffer.concat([new Uint8Array(100_000), enc.encode("kernel: hello\n")])));
    expect((await linesOf(withText)).lines.filter((l) => l.trim() !== "")).toEqual([expect.stringContaining("kernel: hello")]);
  });

  it("a NUL run before a line does not count into its length (the banner after a hard reset's hole is kept whole)", async () => {
    const banner = "Linux version 6.1.0-57-cloud-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3";
    const data = new Uint8Array(10_000 + banner.length + 1);
    data.set(enc.encode(`${banner}\n`), 10_000);
    const lines: string[] = [];
    for await (const batch of readLines({ name: "messages", data }, emptyIngestStats(), { ...DEFAULT_INGEST_LIMITS, maxLineChars: 1024 })) lines.push(...batch);
    expect(lines).toEqual([banner]);
  });

  it("refuses plain input over the size cap", async () => {
    const e = await refusal(enc.encode(SYSLOG_TEXT.repeat(100)), { ...DEFAULT_INGEST_LIMITS, maxDecodedBytes: 1000 });
    expect(e.code).toBe("too-large");
  });

  it("reads a truncated gzip up to the cut and says so; refuses one that gives nothing", async () => {
    const text = SYSLOG_TEXT.repeat(2000);
    const gz = gzipSync(enc.encode(text));
    const stats = emptyIngestStats();
    const lines: string[] = [];
    for await (const batch of readLines({ name: "messages.gz", data: gz.slice(0, Math.floor(gz.length / 2)) }, stats)) lines.push(...batch);
    expect(stats.cutShort).toMatch(/^The gzip data is corrupt or truncated \(.*\) after \d+ decoded bytes\.$/);
    expect(lines.length).toBeGreaterThan(text.split("\n").length / 4);
    expect(lines.slice(0, 3)).toEqual(text.split("\n").slice(0, 3));
    expect((await refusal(gz.slice(0, 12))).code).toBe("corrupt");
  });

  it("refuses corrupt gzip", async () => {
    const gz = gzipSync(enc.encode(SYSLOG_TEXT.repeat(50)));
    const flipped = gz.slice();
    for (let i = 12; i < flipped.length - 8; i += 7) flipped[i] ^= 0x5a;
    expect((await refusal(flipped)).code).toBe("corrupt");
    // Just the magic and nothing else.
    expect((await refusal(new Uint8Array([0x1f, 0x8b]))).code).toBe("corrupt");
  });
});

describe("readLines: binary check", () => {
  it("refuses an ELF core / random control bytes", async () => {
    const elf = new Uint8Array(4096);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    for (let i = 8; i < elf.length; i++) elf[i] = (i * 7919) % 256;
    expect((await refusal(elf)).code).toBe("binary");
  });

  it("refuses a binary that arrives in tiny chunks too (the check sees more than the first chunk)", async () => {
    const bin = new Uint8Array(4096);
    bin.set([0x7f, 0x45, 0x4c, 0x46]);
    for (let i = 4; i < bin.length; i++) bin[i] = (i * 31) % 9; // bytes 0..8: control bytes and NULs
    expect((await refusal(chunked(bin, [1, 3, 2]))).code).toBe("binary");
  });

  it("accepts a log that starts with a NUL run (syslog file after a hard reset)", async () => {
    for (const nuls of [100, 6000, 20000]) {
      const bytes = new Uint8Array([...new Uint8Array(nuls), ...enc.encode(SYSLOG_TEXT.repeat(20))]);
      const { lines } = await linesOf(bytes);
      expect(lines[0]).toBe(SYSLOG[0]);
      expect(lines).toHaveLength(SYSLOG.length * 20);
    }
  });

  it("accepts an empty input", async () => {
    const { lines, stats } = await linesOf(new Uint8Array(0));
    expect(lines).toEqual([]);
    expect(stats.lines).toBe(0);
  });
});

describe("readLines: line ends and cleaning", () => {
  it("handles CRLF, CR-only and serial \\r\\r\\n line ends", async () => {
    for (const eol of ["\r\n", "\r", "\r\r\n"]) {
      const { lines } = await linesOf(enc.encode(SYSLOG.join(eol) + eol));
      expect(lines, JSON.stringify(eol)).toEqual(SYSLOG);
    }
  });

  it("handles CR-only line ends when the stream arrives in small chunks", async () => {
    const { lines } = await linesOf(chunked(enc.encode(SYSLOG.join("\r") + "\r"), [1, 5, 17]));
    expect(lines).toEqual(SYSLOG);
  });

  it("removes ANSI escapes, NULs and other control characters", async () => {
    const raw = "\x1b[1;31m[  12.345678] \x1b[0mkernel BUG at mm/slub.c:1\x00\x00!\x07\n\x1b]0;title\x07ok\n";
    const { lines } = await linesOf(enc.encode(raw));
    expect(lines).toEqual(["[  12.345678] kernel BUG at mm/slub.c:1!", "ok"]);
  });

  it("replaces invalid UTF-8 with U+FFFD and counts the lines", async () => {
    const bytes = new Uint8Array([
      ...enc.encode("good line ü\n"),
      ...enc.encode("bad "),
      0xff,
      0xfe,
      ...enc.encode(" line\n"),
      ...enc.encode("truncated seq "),
      0xe2,
      0x82,
      ...enc.encode("\n"),
    ]);
    const { lines, stats } = await linesOf(bytes);
    expect(lines[0]).toBe("good line ü");
    expect(lines[1]).toBe("bad \ufffd\ufffd line");
    expect(lines[2].startsWith("truncated seq \ufffd")).toBe(true);
    expect(stats.invalidUtf8Lines).toBe(2);
  });

  it("truncates a 1 MB line without failing and counts it", async () => {
    const long = "x".repeat(1024 * 1024);
    const { lines, stats } = await linesOf(enc.encode(`before\n${long}\nafter\n`));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("before");
    expect(lines[1].length).toBe(DEFAULT_INGEST_LIMITS.maxLineChars);
    expect(lines[2]).toBe("after");
    expect(stats.truncatedLines).toBe(1);
  });

  it("truncates a long line that straddles stream chunks", async () => {
    const long = "y".repeat(300_000);
    const { lines, stats } = await linesOf(chunked(enc.encode(`a\n${long}\nb\n`), [65_537, 3]));
    expect(lines.map((l) => l.length)).toEqual([1, DEFAULT_INGEST_LIMITS.maxLineChars, 1]);
    expect(stats.truncatedLines).toBe(1);
  });

  it("keeps a last line without a newline", async () => {
    const { lines, stats } = await linesOf(enc.encode("one\ntwo"));
    expect(lines).toEqual(["one", "two"]);
    expect(stats.lines).toBe(2);
  });
});

describe("readLines: streaming", () => {
  const text =
    SYSLOG_TEXT.repeat(30) + "[  1.000] caf\u00e9 \u4e2d\u6587\r\n" + "\x1b[0mtail line\n" + "x".repeat(70_000) + "\nlast";
  const bytes = enc.encode(text);

  it("gives the same lines for one buffer and for 1-byte and odd-sized chunks", async () => {
    const whole = await linesOf(bytes);
    for (const sizes of [[1], [7, 3, 1], [4093], [65_536, 1, 2]]) {
      const streamed = await linesOf(chunked(bytes, sizes));
      expect(streamed.lines, JSON.stringify(sizes)).toEqual(whole.lines);
      expect(streamed.stats.lines).toBe(whole.stats.lines);
      expect(streamed.stats.truncatedLines).toBe(whole.stats.truncatedLines);
      expect(streamed.stats.decodedBytes).toBe(bytes.length);
    }
    expect(whole.lines).toContain("[  1.000] caf\u00e9 \u4e2d\u6587");
    expect(whole.lines).toContain("tail line");
  });

  it("cuts chunks bigger than a piece into pieces without changing a line (multi-byte chars, lines longer than a piece)", async () => {
    const big = enc.encode(
      Array.from({ length: 4000 }, (_, i) => `Aug 13 15:59:23 w0${i % 3} kernel: caf\u00e9 ${"\u4e2d".repeat(i % 40)} ${i}\n`).join("") +
        "y".repeat(150_000) + "\n" + "z".repeat(65_535) + "\u00e9\nend",
    );
    const small = await linesOf(chunked(big, [1000]));
    const whole = await linesOf(big);
    const oneChunk = await linesOf(chunked(big, [big.length]));
    expect(whole.lines).toEqual(small.lines);
    expect(oneChunk.lines).toEqual(small.lines);
    expect(small.lines.length).toBe(4003);
  });
});
