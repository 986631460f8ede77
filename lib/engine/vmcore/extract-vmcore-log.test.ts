import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { compress as snappyCompress } from "snappyjs";
import { describe, expect, it } from "vitest";
import { bytesSource } from "../ingest/random-access";
import { u64 } from "./bytes";
import { decompressPage, DUMP_DH_COMPRESSED_SNAPPY, DUMP_DH_COMPRESSED_ZSTD } from "./decompress-page";
import { detectVmcore } from "./detect-vmcore";
import { extractVmcoreLog } from "./extract-vmcore-log";
import { groupVmcoreParts } from "./group-vmcore-parts";
import { KernelMemory } from "./kernel-memory";
import { openElfCore } from "./open-elf-core";
import { parseVmcoreinfo } from "./parse-vmcoreinfo";
import {
  buildLegacyMachine,
  buildLocklessMachine,
  buildPlainMachine,
  prstatusNote,
  sparseToBytes,
  toElfCore,
  toFlattened,
  toKdump,
  zstdFrameOf,
  type LogRecord,
} from "./testing/synthetic-dump";

// ../shared beside the repository (the main checkout), or beside the worktrees' parent.
const DATA = [path.resolve(import.meta.dirname, "../../../../shared/data/vmcore"), path.resolve(import.meta.dirname, "../../../../../shared/data/vmcore")].find(existsSync) ?? "";
const HAS_DATA = DATA !== "";
const V61 = "deb12-6.1-sysrq-panic";
const V612 = "deb12-6.12-null-deref-oops";

function fixture(rel: string): Uint8Array {
  const b = readFileSync(path.join(DATA, rel));
  return rel.endsWith(".gz") ? gunzipSync(b) : b;
}

const FIXTURES: Array<[string, string]> = [
  [`${V61}/vmcore-mini.elf`, V61],
  [`${V61}/vmcore-mini.kdump-zlib`, V61],
  [`${V61}/vmcore-mini.kdump-lzo`, V61],
  [`${V61}/vmcore-mini.kdump-zlib.flat`, V61],
  [`${V61}/vmcore.d31.kdump-zlib`, V61],
  [`${V612}/vmcore-mini.elf.gz`, V612],
  [`${V612}/vmcore-mini.kdump-zlib`, V612],
];

describe.skipIf(!HAS_DATA)("real dumps: makedumpfile --dump-dmesg, byte for byte", () => {
  it.each(FIXTURES)("%s", async (rel, dir) => {
    const r = await extractVmcoreLog([bytesSource(rel, fixture(rel))]);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(r.text).toBe(readFileSync(path.join(DATA, dir, "dmesg.makedumpfile.txt"), "latin1"));
    expect(r.facts.release).toBe(readFileSync(path.join(DATA, dir, "kernel-release.txt"), "utf8").trim());
    expect(r.facts.pageSize).toBe(4096);
    expect(r.facts.printk).toBe("lockless");
    expect(r.facts.cpus?.[0].registers.rip).toMatch(/^ffffffff/);
  });

  it("reports the kdump facts: dump level, header version, compression", async () => {
    const rel = `${V61}/vmcore.d31.kdump-zlib`;
    const r = await extractVmcoreLog([bytesSource(rel, fixture(rel))]);
    expect(r.facts).toMatchObject({ format: "kdump", dumpLevel: 31, headerVersion: 6, kernelOffset: "34200000", records: 393 });
    expect(r.facts.compression).toContain("zlib");
    const lzo = await extractVmcoreLog([bytesSource("lzo", fixture(`${V61}/vmcore-mini.kdump-lzo`))]);
    expect(lzo.facts.compression).toEqual(["lzo"]);
  });

  it("recognises every fixture by magic and nothing else", () => {
    for (const [rel] of FIXTURES) expect(detectVmcore(fixture(rel).subarray(0, 64))).toBe(true);
    expect(detectVmcore(fixture(`${V61}/dmesg.makedumpfile.txt`).subarray(0, 64))).toBe(false);
    expect(detectVmcore(new Uint8Array(0))).toBe(false);
  });

  it.each([false, true])("QEMU 7.2 ELF layout: section headers first, e_phoff 192, e_ehsize 8 (PN_XNUM: %s)", async (xnum) => {
    // The fixture was normalised for makedumpfile (tools/fix-qemu-elf.py); put it back the way QEMU writes it.
    const orig = fixture(`${V61}/vmcore-mini.elf`);
    const dv = new DataView(orig.buffer, orig.byteOffset);
    const phnum = dv.getUint16(56, true);
    const ph = new Uint8Array(orig.subarray(64, 64 + phnum * 56)); // a copy (Buffer.slice would share memory)
    const phv = new DataView(ph.buffer);
    const firstData = Math.min(...Array.from({ length: phnum }, (_, i) => Number(phv.getBigUint64(i * 56 + 8, true))));
    const phoff = 192;
    const shift = phoff + ph.length - firstData;
    for (let i = 0; i < phnum; i++) phv.setBigUint64(i * 56 + 8, phv.getBigUint64(i * 56 + 8, true) + BigInt(shift), true);
    const out = new Uint8Array(phoff + ph.length + orig.length - firstData);
    out.set(orig.subarray(0, 64), 0);
    const ov = new DataView(out.buffer);
    ov.setBigUint64(32, BigInt(phoff), true);
    ov.setBigUint64(40, 64n, true);
    ov.setUint16(52, 8, true);
    ov.setUint16(56, xnum ? 0xffff : phnum, true);
    ov.setUint16(58, 64, true);
    ov.setUint16(60, 2, true);
    if (xnum) ov.setUint32(64 + 44, phnum, true); // shdr[0].sh_info holds the real count
    out.set(ph, phoff);
    out.set(orig.subarray(firstData), phoff + ph.length);
    const r = await extractVmcoreLog([bytesSource("qemu.elf", out)]);
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(readFileSync(path.join(DATA, V61, "dmesg.makedumpfile.txt"), "latin1"));
  });

  it("the page-table walk from init_top_pgt finds the same bytes as the kernel-image formula", async () => {
    const warnings: string[] = [];
    const elf = await openElfCore(bytesSource("elf", fixture(`${V61}/vmcore-mini.elf`)), warnings);
    const info = parseVmcoreinfo(new TextDecoder("latin1").decode(elf.notes.find((n) => n.name === "VMCOREINFO")!.desc));
    const physBase = BigInt.asUintN(64, info.number("phys_base")!);
    const top = BigInt.asUintN(64, info.symbol("init_top_pgt")! - 0xffffffff80000000n + physBase);
    const common = { physBase, fiveLevel: false, smeMask: 0n, topTable: top };
    const linear = new KernelMemory(elf.memory(4096), { ...common, kernelImageSize: 1n << 30n });
    const walked = new KernelMemory(elf.memory(4096), { ...common, kernelImageSize: 0n });
    const prb = info.symbol("prb")!;
    const ptr = await walked.read(prb, 8);
    expect(ptr.holes).toEqual([]);
    const rb = u64(ptr.bytes, 0);
    const a = await linear.read(rb, 88);
    const b = await walked.read(rb, 88);
    expect(b.holes).toEqual([]);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(await walked.translate(prb)).toBe(await linear.translate(prb));
  });
});

const RECORDS: LogRecord[] = [
  { tsNsec: 0n, text: "Linux version 6.1.0-synthetic (gcc) #1 SMP" },
  { tsNsec: 1_234_567_891n, text: "two\nlines" },
  { tsNsec: 2_000_000_000n, text: "ctrl\x01char and tab\tend" },
  { tsNsec: 3_000_000_000n, text: "reserved, not printed", state: "reserved" },
  { tsNsec: 4_000_000_000n, text: "committed", state: "committed" },
  { tsNsec: 123_456_000_000_000n, text: "BUG: kernel NULL pointer dereference, address: 0000000000000010" },
];
const EXPECTED =
  "[    0.000000] Linux version 6.1.0-synthetic (gcc) #1 SMP\n" +
  "[    1.234567] two\n               lines\n" +
  "[    2.000000] ctrl\\x01char and tab\tend\n" +
  "[    4.000000] committed\n" +
  "[123456.000000] BUG: kernel NULL pointer dereference, address: 0000000000000010\n";

const src = (name: string, bytes: Uint8Array) => bytesSource(name, bytes);

describe("synthetic dumps built from the documented layouts", () => {
  it("lockless ring reached by a 4-level walk (4 KiB, 2 MiB and 1 GiB pages), ELF with NT_PRSTATUS", async () => {
    const m = buildLocklessMachine({ records: RECORDS });
    const elf = sparseToBytes(toElfCore(m, { notes: [prstatusNote(42, 0xffffffff81234567n)] }));
    const r = await extractVmcoreLog([src("synthetic.elf", elf)]);
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(EXPECTED);
    expect(r.facts.cpus).toEqual([expect.objectContaining({ index: 0, pid: 42, registers: expect.objectContaining({ rip: "ffffffff81234567" }) })]);
  });

  it("5-level paging with an SME mask, snappy pages in a kdump file", async () => {
    const sme = 1n << 47n;
    const m = buildLocklessMachine({ records: RECORDS, fiveLevel: true, smeMask: sme });
    const [file] = toKdump(m, { compress: (p) => ({ data: snappyCompress(p), flags: DUMP_DH_COMPRESSED_SNAPPY }) });
    const r = await extractVmcoreLog([src("synthetic.snappy", sparseToBytes(file))]);
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(EXPECTED);
    expect(r.facts.compression).toContain("snappy");
  });

  it("zstd pages (RLE and raw blocks) in a kdump file, and a real zstd frame", async () => {
    const m = buildLocklessMachine({ records: RECORDS });
    const [file] = toKdump(m, { compress: (p) => ({ data: zstdFrameOf(p), flags: DUMP_DH_COMPRESSED_ZSTD }) });
    const r = await extractVmcoreLog([src("synthetic.zstd", sparseToBytes(file))]);
    expect(r.text).toBe(EXPECTED);
    expect(r.facts.compression).toContain("zstd");
    // `zstd -19` of a page of "oopscope zstd page " (compressed blocks, sequences, FSE tables).
    const real = Buffer.from("KLUv/WAAD90AAJhvb3BzY29wZSB6c3RkIHBhZ2UgAQDVb/4MAw==", "base64");
    const page = decompressPage(new Uint8Array(real), DUMP_DH_COMPRESSED_ZSTD, 4096);
    expect(typeof page).not.toBe("string");
    expect(Buffer.from(page as Uint8Array).toString("latin1")).toBe("oopscope zstd page ".repeat(300).slice(0, 4096));
  });

  it("a text ring that wraps: the block at the end continues at data[0]", async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ tsNsec: BigInt(i) * 1000n, text: `record ${i} ${"x".repeat(i * 3)}` }));
    const m = buildLocklessMachine({ records, countBits: 6, sizeBits: 12 });
    const r = await extractVmcoreLog([src("wrap.elf", sparseToBytes(toElfCore(m)))]);
    const lines = r.text.trimEnd().split("\n");
    expect(lines).toHaveLength(40);
    expect(lines[39]).toBe(`[    0.000039] record 39 ${"x".repeat(117)}`);
  });

  it("legacy log_buf/printk_log records with dict and a wrap, CRASHTIME", async () => {
    const m = buildLegacyMachine({
      records: [
        { tsNsec: 5_000_000n, text: "old record" },
        { tsNsec: 6_000_000n, text: "multi\nline" },
        { tsNsec: 7_000_000n, text: "after the wrap" },
      ],
      wrapAt: 2,
      dict: "SUBSYSTEM=pci\0DEVICE=+pci:0000:00:01.0",
    });
    const r = await extractVmcoreLog([src("legacy.elf", sparseToBytes(toElfCore(m)))]);
    expect(r.error).toBeUndefined();
    expect(r.facts).toMatchObject({ printk: "legacy", release: "4.19.0-synthetic", crashTime: "2023-11-14T22:13:20.000Z", records: 3 });
    expect(r.text).toBe("[    0.005000] old record\n[    0.006000] multi\n               line\n[    0.007000] after the wrap\n");
  });

  it.each([
    ["not wrapped", 4096, 0],
    ["wrapped", 4096, 3],
  ])("Linux < 3.5 plain log_buf, %s: the bytes oldest first, as makedumpfile writes them", async (_, bufLen, laps) => {
    const line = (i: number) => `<6>[    ${String(i).padStart(1)}.000000] line ${i}\n`;
    const all = Array.from({ length: 40 + laps * 100 }, (_, i) => line(i)).join("");
    const m = buildPlainMachine({ written: all, bufLen });
    const r = await extractVmcoreLog([src("plain.elf", sparseToBytes(toElfCore(m)))]);
    expect(r.error).toBeUndefined();
    expect(r.facts.printk).toBe("plain");
    expect(r.text).toBe(all.length <= bufLen ? all : all.slice(all.length - bufLen));
  });

  it("a legacy index chain that loops is cut with a warning", async () => {
    const m = buildLegacyMachine({ records: [{ tsNsec: 1n, text: "a" }, { tsNsec: 2n, text: "b" }] });
    // log_next_idx pointing into the middle of a record: the chain never meets it.
    m.image.write(0x1f00014, new Uint8Array([3, 0, 0, 0]));
    const r = await extractVmcoreLog([src("loop.elf", sparseToBytes(toElfCore(m)))]);
    expect(r.warnings.join("\n")).toMatch(/does not reach log_next_idx|past the end of the buffer|cycle/);
  });

  it("split dumps: parts given together, in any order, are one dump", async () => {
    const m = buildLocklessMachine({ records: RECORDS });
    const parts = toKdump(m, { split: 3 }).map((f, i) => src(`part${i}`, sparseToBytes(f)));
    const r = await extractVmcoreLog([parts[2], parts[0], parts[1]]);
    expect(r.text).toBe(EXPECTED);
    expect(r.facts.parts).toBe(3);
    // The dump's size is every part's, not the log's.
    expect(r.facts.dumpBytes).toBe(parts.reduce((sum, p) => sum + p.size, 0));
    expect(r.facts.dumpBytes).toBeGreaterThan(r.text.length);
    const groups = await groupVmcoreParts([parts[1], src("other", sparseToBytes(toElfCore(m))), parts[0], parts[2]]);
    expect(groups.map((g) => g.map((s) => s.name))).toEqual([["part1", "part0", "part2"], ["other"]]);
    const one = await extractVmcoreLog([parts[0]]);
    expect(one.warnings.join("\n")).toMatch(/one part of a split dump/);
  });

  it.each([3, 4, 5])("kdump header version %i (32-bit pfn fields, VMCOREINFO from the sub-header)", async (headerVersion) => {
    const m = buildLocklessMachine({ records: RECORDS });
    const [file] = toKdump(m, { headerVersion, notes: [prstatusNote(7, 0xffffffff81000000n)] });
    const r = await extractVmcoreLog([src(`v${headerVersion}`, sparseToBytes(file))]);
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(EXPECTED);
    expect(r.facts.headerVersion).toBe(headerVersion);
    // Notes (NT_PRSTATUS) are in the sub-header from version 4 on.
    expect(r.facts.cpuCount).toBe(headerVersion >= 4 ? 1 : undefined);
  });

  it("flattened stream: records applied in order, later ones overwrite", async () => {
    const m = buildLocklessMachine({ records: RECORDS });
    const [file] = toKdump(m);
    // A bogus first write of the header area that a later record replaces (makedumpfile rewrites the header).
    const bogus = { offset: 0, bytes: new Uint8Array(4096).fill(0xee) };
    const flat = toFlattened({ size: file.size, writes: [bogus, ...file.writes] }, 1000);
    const r = await extractVmcoreLog([src("synthetic.flat", flat)]);
    expect(r.error).toBeUndefined();
    expect(r.facts.format).toBe("kdump-flattened");
    expect(r.text).toBe(EXPECTED);
  });

  it("excluded pages are missing, never zeros: the records there are lost and said so", async () => {
    const m = buildLocklessMachine({ records: RECORDS });
    const textPfn = 0x40000000 / 4096;
    const [file] = toKdump(m, { excluded: [textPfn], dumpLevel: 31 });
    const r = await extractVmcoreLog([src("excluded", sparseToBytes(file))]);
    expect(r.text).toBe("");
    expect(r.facts.lostRecords).toBe(5);
    expect(r.warnings.join("\n")).toMatch(/excluded from the dump \(dump level 31\)/);
    // Nothing read is the dump's failure, not an empty log.
    expect(r.error).toMatch(/none of the kernel log's 5 records could be read/);
  });
});

function patch(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const out = bytes.slice();
  out.set(values, at);
  return out;
}
const le64 = (v: number) => Array.from({ length: 8 }, (_, i) => Math.floor(v / 2 ** (8 * i)) & 0xff);

describe("malformed dumps get a clear message", () => {
  const m = buildLocklessMachine({ records: RECORDS });
  const kdump = sparseToBytes(toKdump(m)[0]);
  const bitmapBlocksAt = 436;
  const descOffset = (() => {
    const dv = new DataView(kdump.buffer);
    return (1 + dv.getInt32(432, true) + dv.getUint32(bitmapBlocksAt, true)) * 4096;
  })();

  it("wrong magic", async () => {
    const r = await extractVmcoreLog([src("x", new TextEncoder().encode("Aug 13 15:59:23 w01 kernel: hello"))]);
    expect(r.error).toMatch(/not a vmcore: wrong magic \(41 75 67/);
  });

  it("truncated", async () => {
    // The text ring is the highest page, stored last: cutting the file's end loses its records, nothing else.
    const r = await extractVmcoreLog([src("cut", kdump.subarray(0, kdump.length - 100))]);
    expect(r.error).toMatch(/none of the kernel log's 5 records could be read: they lie in pages missing from the dump/);
    expect(r.warnings.join("\n")).toMatch(/page descriptor beyond EOF.*truncated file/);
    expect(r.facts.lostRecords).toBe(5);
    const descs = await extractVmcoreLog([src("cut", kdump.subarray(0, descOffset + 100))]);
    expect(descs.warnings.join("\n")).toMatch(/truncated: \d+ page descriptors expected, only 4 fit/);
    const header = await extractVmcoreLog([src("cut", kdump.subarray(0, 300))]);
    expect(header.error).toMatch(/truncated/);
    const elf = sparseToBytes(toElfCore(m));
    const elfCut = await extractVmcoreLog([src("cut.elf", elf.subarray(0, elf.length - 8192))]);
    expect(elfCut.warnings.join("\n")).toMatch(/truncated/);
    // Cut inside the notes: VMCOREINFO is missing because the file is short, not because the kernel had none.
    const dv = new DataView(elf.buffer, elf.byteOffset);
    const phoff = Number(dv.getBigUint64(32, true));
    const phentsize = dv.getUint16(54, true);
    const noteAt = Array.from({ length: dv.getUint16(56, true) }, (_, i) => phoff + i * phentsize).find((o) => dv.getUint32(o, true) === 4)!;
    const notesCut = await extractVmcoreLog([src("notes-cut.elf", elf.subarray(0, Number(dv.getBigUint64(noteAt + 8, true)) + 16))]);
    expect(notesCut.error).toMatch(/truncated.*notes are cut by the end of the file/);
    expect(notesCut.error).not.toMatch(/qemu_fw_cfg/);
  });

  it("bitmap out of range", async () => {
    const r = await extractVmcoreLog([src("bm", patch(kdump, bitmapBlocksAt, [0, 0, 1, 0]))]);
    expect(r.error).toMatch(/bitmap out of range/);
    const mapnr = await extractVmcoreLog([src("bm", patch(kdump, 4096 + 96, le64(2 ** 40)))]);
    expect(mapnr.warnings.join("\n")).toMatch(/bitmap out of range: max_mapnr/);
  });

  it("page descriptor beyond EOF", async () => {
    const all = Array.from({ length: 64 }, (_, k) => descOffset + k * 24);
    let bytes = kdump;
    for (const at of all) bytes = patch(bytes, at, le64(kdump.length + 4096));
    const r = await extractVmcoreLog([src("desc", bytes)]);
    expect(r.error ?? r.warnings.join("\n")).toMatch(/page descriptor beyond EOF/);
  });

  it("compressed size lies", async () => {
    const big = patch(kdump, descOffset + 8, [0, 0x20, 0, 0]);
    const r = await extractVmcoreLog([src("size", big)]);
    expect(r.error ?? r.warnings.join("\n")).toMatch(/compressed size lies/);
    expect(decompressPage(new Uint8Array([0x78, 0x9c, 3, 0, 0, 0, 0, 1]), 1, 4096)).toMatch(/compressed size lies/);
  });

  it("cyclic page tables", async () => {
    const cyc = buildLocklessMachine({ records: RECORDS });
    cyc.tables.makeCycle(0xffff888003000000n);
    const r = await extractVmcoreLog([src("cyclic", sparseToBytes(toElfCore(cyc)))]);
    expect(r.error).toMatch(/cyclic page tables/);
  });

  it("another architecture is refused by name, not misread", async () => {
    const elf = sparseToBytes(toElfCore(m));
    const r = await extractVmcoreLog([src("arm64.elf", patch(elf, 18, [183, 0]))]);
    expect(r.error).toMatch(/only x86_64 dumps are supported \(ELF e_machine 183\)/);
  });

  it("no VMCOREINFO", async () => {
    const noInfo = buildLocklessMachine({ records: RECORDS });
    noInfo.vmcoreinfo = "";
    const bytes = sparseToBytes(toElfCore(noInfo));
    const r = await extractVmcoreLog([src("noinfo", bytes)]);
    expect(r.error).toMatch(/VMCOREINFO/);
  });
});
