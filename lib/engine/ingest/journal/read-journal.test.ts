import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { compressBlock as lz4CompressBlock } from "lz4js";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../testing/seeded-random";
import { triage } from "../../triage";
import { JournalFormatError, readJournal } from "./read-journal";
import { renderJournal } from "./render-journal";
import { parseJournalExport, writeJournalForTests, type TestJournalOptions } from "./write-journal-for-tests";

const DIR = path.resolve(__dirname, "../../../../testdata/journal");
const FIXTURES = ["compact-zstd", "regular-zstd", "regular-zstd-unkeyed"];
const fixture = (name: string) => new Uint8Array(gunzipSync(readFileSync(path.join(DIR, `${name}.journal.gz`))));
const exportEntries = () => parseJournalExport(readFileSync(path.join(DIR, "skb-segment.export"), "utf8"));
const SOURCE_LOG = readFileSync(path.resolve(__dirname, "../../../../testdata/kb/skb-segment-gso-bug.log"), "utf8");

const hasCommand = (cmd: string) => {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ENOENT";
  }
};

/** systemd's lz4 payload: the size (le64), then one raw block; lz4js returns 0 when the data does not compress. */
function lz4Payload(payload: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(8 + payload.length * 2 + 16);
  new DataView(out.buffer).setBigUint64(0, BigInt(payload.length), true);
  const n = lz4CompressBlock(payload, out.subarray(8), 0, payload.length, new Uint32Array(1 << 16));
  return n > 0 ? out.subarray(0, 8 + n) : undefined;
}

const COMPRESSIONS: Record<string, TestJournalOptions["compress"] | undefined> = {
  none: undefined,
  lz4: { flag: 2, incompatible: 2, fn: lz4Payload },
  xz: hasCommand("xz") ? { flag: 1, incompatible: 1, fn: (p) => new Uint8Array(execFileSync("xz", ["--format=xz", "--check=none", "-c"], { input: p })) } : undefined,
  zstd: hasCommand("zstd") ? { flag: 4, incompatible: 8, fn: (p) => new Uint8Array(execFileSync("zstd", ["-q", "-c"], { input: p })) } : undefined,
};

describe("binary journals written by systemd-journal-remote", () => {
  it.each(FIXTURES)("%s: every entry, both boots, the compressed module list", async (name) => {
    const r = await renderJournal(fixture(name));
    expect(r.warnings).toEqual([]);
    expect(r.entriesRead).toBe(exportEntries().length);
    expect(r.boots.map((b) => b.bootId)).toEqual(["0b8e5c1f7a2d4c6e9f1a3b5c7d9e2f40", "6d2f8a4c1e3b5d7f9a0c2e4b6d8f1a35"]);
    expect(r.compression).toEqual(["zstd"]);
    expect(r.compact).toBe(name.startsWith("compact"));
    // Over 512 bytes, so journald stored it zstd-compressed.
    expect(r.text).toMatch(/^2024-08-13T15:59:23\.\d{6}\+00:00 w01 kernel: Modules linked in: usb_storage .{600,}$/m);
    expect(r.text).toContain("2024-08-13T15:59:21.000000+00:00 w01 kubelet[1432]: I0813 15:59:21.100203");
  });

  it("triages to the same crash as the syslog file the journal was made from", async () => {
    const fromJournal = await triage([{ name: "system.journal", data: new TextEncoder().encode((await renderJournal(fixture("compact-zstd"))).text) }]);
    const fromSyslog = await triage([{ name: "messages", data: new TextEncoder().encode(SOURCE_LOG.slice(SOURCE_LOG.indexOf("\n\n") + 2)), mtime: new Date("2024-09-01") }]);
    const key = (i: typeof fromJournal) => i.findings.map((f) => [f.kind, f.title, f.guiltyFrame, f.kernelRelease, f.host, f.time?.slice(0, 19)]);
    expect(key(fromJournal)).toEqual(key(fromSyslog));
    expect(fromJournal.findings.length).toBeGreaterThan(0);
    // Real timestamps from the journal: the year is known, not assumed.
    expect(fromJournal.findings[0].time).toMatch(/^2024-08-13T15:59:23/);
    expect(fromJournal.boots.length).toBe(fromSyslog.boots.length);
  });
});

describe("journal layouts per the documented format", () => {
  const expected = exportEntries().length;
  for (const [codec, compress] of Object.entries(COMPRESSIONS)) {
    for (const compact of [false, true]) {
      it.skipIf(compress === undefined && codec !== "none")(`${compact ? "compact" : "regular"}, ${codec} payloads: same text as the real journal`, async () => {
        const bytes = writeJournalForTests(exportEntries(), { compact, compress });
        const r = await renderJournal(bytes);
        expect(r.warnings).toEqual([]);
        expect(r.entriesRead).toBe(expected);
        expect(r.text).toBe((await renderJournal(fixture("compact-zstd"))).text);
      });
    }
  }

  it("refuses what is not a journal, with the reason", async () => {
    await expect(renderJournal(new TextEncoder().encode("LPKSHHRX" + " ".repeat(300)))).rejects.toThrow(JournalFormatError);
    const bytes = writeJournalForTests(exportEntries(), { compact: true });
    new DataView(bytes.buffer).setUint32(12, 0x10 | 0x100, true);
    await expect(renderJournal(bytes)).rejects.toThrow(/unknown incompatible flags/);
  });
});

describe("a journal copied while journald was writing it", () => {
  it("is read up to the cut when its entry array is missing", async () => {
    const bytes = writeJournalForTests(exportEntries(), { compact: false });
    const arrayOffset = Number(new DataView(bytes.buffer).getBigUint64(176, true));
    const r = await renderJournal(bytes.slice(0, arrayOffset + 8));
    expect(r.entriesRead).toBe(exportEntries().length);
    expect(r.warnings.join("\n")).toMatch(/cut at|damaged/);
    expect(r.warnings.join("\n")).toMatch(/recovered in file order/);
  });

  it("keeps the entries before a cut in the middle of the entries", async () => {
    const bytes = writeJournalForTests(exportEntries(), { compact: true });
    let seen = 0;
    const cutAt = Math.floor(bytes.length * 0.6);
    const { entriesRead, warnings } = await readJournal(bytes.slice(0, cutAt), { wantedFields: new Set(["MESSAGE"]) }, () => seen++);
    expect(entriesRead).toBe(seen);
    expect(entriesRead).toBeGreaterThan(0);
    expect(entriesRead).toBeLessThan(exportEntries().length);
    expect(warnings.join("\n")).toMatch(new RegExp(`read ${entriesRead} of the ${exportEntries().length} entries`));
  });
});

describe("fuzz: mutated journals never throw anything but JournalFormatError and always end", () => {
  /** Where the objects worth mutating are: the header and everything after the (mostly empty) hash tables. */
  function interestingRanges(bytes: Uint8Array): Array<[number, number]> {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let at = Number(view.getBigUint64(88, true));
    while (at + 16 <= bytes.length && (bytes[at] === 4 || bytes[at] === 5)) at += Number(view.getBigUint64(at + 8, true));
    const tail = Number(view.getBigUint64(136, true));
    return [
      [0, 272],
      [at, Math.min(bytes.length, tail + Number(view.getBigUint64(tail + 8, true)))],
    ];
  }

  for (const [label, make] of [
    ["real compact zstd journal", () => fixture("compact-zstd")],
    ["written regular lz4 journal", () => writeJournalForTests(exportEntries(), { compact: false, compress: COMPRESSIONS.lz4 })],
  ] as const) {
    it(`${label}: 2,000 mutations`, async () => {
      const original = make();
      const ranges = interestingRanges(original);
      const random = seededRandom(label.length * 7919);
      let unexpected = 0;
      let refused = 0;
      let read = 0;
      for (let i = 0; i < 2000; i++) {
        // Mutated in place and restored: copying megabytes per try would dominate the test.
        const bytes = random() < 0.15 ? original.subarray(0, Math.floor(random() * original.length)) : original;
        const saved: Array<[number, number]> = [];
        const flips = 1 + Math.floor(random() * 8);
        for (let k = 0; k < flips; k++) {
          const [from, to] = ranges[random() < 0.2 ? 0 : 1];
          const at = from + Math.floor(random() * (to - from));
          if (at >= bytes.length) continue;
          saved.push([at, bytes[at]]);
          bytes[at] = random() < 0.5 ? Math.floor(random() * 256) : bytes[at] ^ (1 << Math.floor(random() * 8));
        }
        try {
          const r = await renderJournal(bytes);
          expect(r.entriesRead).toBeLessThanOrEqual(10_000);
          read++;
        } catch (e) {
          if (e instanceof JournalFormatError) refused++;
          else unexpected++;
        } finally {
          for (const [at, value] of saved.reverse()) original[at] = value;
        }
      }
      expect(unexpected).toBe(0);
      expect(read + refused).toBe(2000);
      expect(read).toBeGreaterThan(1000);
    });
  }
});
