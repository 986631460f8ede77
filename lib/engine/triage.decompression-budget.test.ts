/**
 * One triage of many compressed inputs (a multi-file upload, `oopscope triage *.gz *.xz`): each small bomb stays under
 * the per-stream check, so the inputs share one budget, whatever their codec. Counted in decoded bytes, not time.
 * testdata/bombs holds 15 MB of one repeated kernel line made by `xz -9e`, `zstd -19` and `bzip2 -9` (1-3 KB each).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expandInputs, keepInMemory, type FileSource, type KeepText } from "./ingest/sources/expand-inputs";
import { DEFAULT_INGEST_LIMITS } from "./ingest/read-lines";
import { triage } from "./triage";
import type { Incident } from "./types";

const CHECK_AFTER = DEFAULT_INGEST_LIMITS.ratioCheckAfterBytes;
const CRASH = [
  "Aug 13 15:58:01 w01 kernel: BUG: kernel NULL pointer dereference, address: 0000000000000008",
  "Aug 13 15:58:01 w01 kernel: RIP: 0010:skb_segment+0x1a2/0x1400",
  "Aug 13 15:58:01 w01 kernel: Call Trace:",
  "Aug 13 15:58:01 w01 kernel:  <TASK>",
  "Aug 13 15:58:01 w01 kernel:  tcp_gso_segment+0x10f/0x4f0",
  "Aug 13 15:58:01 w01 kernel:  </TASK>",
].join("\n") + "\n";

describe("the gzip inputs of one triage share a bomb budget (read by the engine)", () => {
  // Each decodes to 1 MB under the per-stream check (~1000×): alone, every one of them is read whole.
  const smallBomb = new Uint8Array(gzipSync(new Uint8Array(CHECK_AFTER - (1 << 20)), { level: 9 }));
  const BOMBS = 40;

  it("refuses the input that crosses it and every gzip input after, keeps those before and plain text after", async () => {
    const inputs = [
      { name: "messages.gz", data: new Uint8Array(gzipSync(Buffer.from(CRASH))) },
      ...Array.from({ length: BOMBS }, (_, i) => ({ name: `bomb-${i}.gz`, data: smallBomb })),
      { name: "kern.log", data: new TextEncoder().encode(CRASH) },
    ];
    const incident = await triage(inputs);
    const byName = new Map(incident.inputs.map((i) => [i.name, i]));
    expect(byName.get("messages.gz")?.error).toBeUndefined();
    expect(byName.get("kern.log")?.error).toBeUndefined();
    // Read whole, not refused by the budget: it is nothing but NULs, which is said at its end.
    expect(byName.get("bomb-0.gz")?.error).toMatch(/^bomb-0\.gz holds nothing but NUL bytes/);
    const crossed = incident.inputs.filter((i) => /^Refusing a gzip stream: the compressed inputs given together expand more than 500×/.test(i.error ?? ""));
    const unread = incident.inputs.filter((i) => /^Refusing a gzip stream unread: an earlier compressed input/.test(i.error ?? ""));
    expect(crossed.map((i) => i.name)).toEqual(["bomb-1.gz"]);
    expect(unread).toHaveLength(BOMBS - 2);
    // Before the budget: 40 × 15 MB decoded. Now: the first bomb, and the second up to the check.
    const decoded = incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0);
    expect(decoded).toBeLessThan(2 * CHECK_AFTER + (1 << 20));
    expect(incident.findings.length).toBeGreaterThan(0);
  });

  it("leaves many real rotated logs alone (syslog compresses ~10×)", async () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const rotated = () => {
      const lines: string[] = [];
      for (let i = 0; i < 40_000; i++)
        lines.push(`Aug 13 ${String(i % 24).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}:00 w01 kubelet[${rand(40000)}]: pod=${rand(1e6).toString(16)} took ${rand(5000)}ms`);
      return new Uint8Array(gzipSync(Buffer.from(lines.join("\n") + "\n")));
    };
    const incident = await triage(Array.from({ length: 12 }, (_, i) => ({ name: `messages-${i}.gz`, data: rotated() })));
    expect(incident.inputs.filter((i) => i.error)).toEqual([]);
    expect(incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0)).toBeGreaterThan(CHECK_AFTER);
  });
});

const ROOT = path.resolve(__dirname, "../..");
const fixture = (ext: "xz" | "zst" | "bz2") => new Uint8Array(readFileSync(path.join(ROOT, `testdata/bombs/line-15m.log.${ext}`)));

/** A file as the CLI and the upload path open it; `-` (stdin) cannot be opened twice, so the expander decodes it. */
function fileSource(name: string, bytes: Uint8Array, reopenable = name !== "-"): FileSource {
  return {
    kind: "file",
    name,
    open: async function* () {
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
    },
    reopenable,
  };
}

/** The upload path's way: every decoded file is drained (written next to the upload) before the triage. */
const keepDrained: KeepText = async ({ name, chunks }) => {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c.slice());
  return { input: { name, data: Buffer.concat(parts) } };
};

/** Expand then triage with one budget, as the CLI (lazy streams) and the upload job (drained first) do. */
async function expandAndTriage(sources: FileSource[], keep: KeepText): Promise<{ incident: Incident; errorOf: Map<string, string | undefined> }> {
  const expanded = await expandInputs(sources, { keep });
  const incident = await triage(expanded.inputs, { sources: expanded.sources, decompressionBudget: expanded.decompressionBudget });
  const errorOf = new Map<string, string | undefined>(sources.map((s) => [s.name, undefined]));
  for (const s of expanded.sources) if (s.error) errorOf.set(s.name, s.error);
  for (const i of incident.inputs) if (i.error) errorOf.set(i.name, i.error);
  return { incident, errorOf };
}

const CROSSED = /^Refusing (?:\S+|a gzip stream): the compressed inputs given together expand more than 500×/;
const UNREAD = /^Refusing (?:\S+|a gzip stream) unread: an earlier compressed input given with it was refused/;

describe("xz, zstd and bzip2 files (and gzip from stdin) share the budget of one triage", () => {
  const BOMBS = 12;
  const modes = [
    ["streamed lazily (the CLI)", keepInMemory],
    ["drained before the triage (an upload)", keepDrained],
  ] as const;

  for (const [ext, codec] of [
    ["xz", "xz"],
    ["zst", "zstd"],
    ["bz2", "bzip2"],
  ] as const) {
    // xz-decompress lets one stream decode at a time (a module-wide lock held from start to end): several .xz files
    // streamed lazily wait on the first forever, with or without the budget, so xz is tested as an upload reads it.
    for (const [mode, keep] of codec === "xz" ? modes.slice(1) : modes) {
      it(`many small ${codec} bombs, ${mode}: refused after the budget, the files before and plain text after kept`, async () => {
        const bomb = fixture(ext);
        const { incident, errorOf } = await expandAndTriage(
          [
            fileSource("messages", new TextEncoder().encode(CRASH)),
            ...Array.from({ length: BOMBS }, (_, i) => fileSource(`bomb-${i}.log.${ext}`, bomb)),
            fileSource("kern.log", new TextEncoder().encode(CRASH)),
          ],
          keep,
        );
        expect(errorOf.get("messages")).toBeUndefined();
        expect(errorOf.get("kern.log")).toBeUndefined();
        // Refused in the order they are read: streamed lazily, every file's first output (sniffed while expanding, a
        // zstd block is megabytes) comes before any file is read on, so the budget may run out before the first bomb.
        if (keep === keepDrained) expect(errorOf.get("bomb-0.log." + ext)).toBeUndefined();
        const bombErrors = [...errorOf.entries()].filter(([name]) => name.startsWith("bomb-")).map(([, e]) => e);
        expect(bombErrors.filter((e) => CROSSED.test(e ?? ""))).toHaveLength(1);
        // Alone, each of them is under its stream's check and read whole: 12 × 15 MB.
        expect(bombErrors.filter((e) => e === undefined).length).toBeLessThanOrEqual(1);
        expect(bombErrors.filter((e) => UNREAD.test(e ?? "")).length).toBeGreaterThanOrEqual(BOMBS - 2);
        const decoded = incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0);
        expect(decoded).toBeLessThan(3 * CHECK_AFTER);
        expect(incident.findings.length).toBeGreaterThan(0);
      });
    }
  }

  it("gzip read by the engine, xz decoded while expanding and gzip from stdin count in one budget", async () => {
    // The upload's order: the expander decodes (drains) the xz files and stdin first, the engine the gzip files after.
    const gzipBomb = new Uint8Array(gzipSync(new Uint8Array(CHECK_AFTER - (1 << 20)), { level: 9 }));
    const xzBomb = fixture("xz");
    const sources = [
      fileSource("messages", new TextEncoder().encode(CRASH)),
      ...Array.from({ length: 8 }, (_, i) => [fileSource(`bomb-${i}.gz`, gzipBomb), fileSource(`bomb-${i}.log.xz`, xzBomb)]).flat(),
      fileSource("-", gzipBomb),
    ];
    const { incident, errorOf } = await expandAndTriage(sources, keepDrained);
    expect(errorOf.get("messages")).toBeUndefined();
    const bombs = [...errorOf.keys()].filter((n) => n.startsWith("bomb-") || n === "-");
    const kept = bombs.filter((n) => errorOf.get(n) === undefined);
    // Apart, each codec's budget would keep a bomb or two of its own and all the 8 xz files would be read whole.
    expect(kept.length).toBeLessThanOrEqual(2);
    expect(bombs.filter((n) => CROSSED.test(errorOf.get(n) ?? ""))).toHaveLength(1);
    expect(bombs.filter((n) => UNREAD.test(errorOf.get(n) ?? "")).length).toBe(bombs.length - kept.length - 1);
    expect(errorOf.get("-")).toMatch(UNREAD);
    expect(incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0)).toBeLessThan(3 * CHECK_AFTER);
  });
});
