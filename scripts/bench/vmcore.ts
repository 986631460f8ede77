/**
 * npm run bench:vmcore [-- --runs 3] — kernel log extraction from dumps, in a child process per run (wall time
 * inside the child, peak RSS of the child):
 *   - the full `makedumpfile -c -d 31` dump of ../shared/data/vmcore (15 MB, zlib), when present;
 *   - a synthetic 4 GiB ELF core (one PT_LOAD over all of RAM, as /proc/vmcore copies have), sparse in /tmp;
 *   - a synthetic kdump-compressed dump of 4 GiB of RAM, every page dumped raw (1 Mi page descriptors), sparse;
 *   - the same for 1 GiB of RAM as a makedumpfile flattened stream (`-F`, QEMU ≤ 8.1): a real 1 GiB file, since a
 *     stream has no holes; the reader must scan every record header once.
 * Synthetic dumps hold a full 128 KiB text ring reached through the page tables; they are deleted afterwards.
 * The child is bundled to plain JS with esbuild first (as a shipped CLI would run), tsx when that fails.
 * Target (issue 12): a 1 GB dump's dmesg in ≤ 3 s and ≤ 200 MB RSS.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildLocklessMachine, toElfCore, toKdump, type SparseFile } from "../../lib/engine/vmcore/testing/synthetic-dump";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, tsx: { type: "boolean" } } });
const RUNS = Math.max(1, Number(values.runs));
const ROOT = path.resolve(import.meta.dirname, "../..");
const GIB4 = 4 * 1024 ** 3;
const tmp = mkdtempSync(path.join(tmpdir(), "oopscope-bench-vmcore-"));

function writeSparse(file: string, f: SparseFile) {
  const fd = openSync(file, "w");
  try {
    for (const w of f.writes) writeSync(fd, w.bytes, 0, w.bytes.length, w.offset);
    ftruncateSync(fd, f.size);
  } finally {
    closeSync(fd);
  }
}

/** A flattened stream: 4 KiB header, `{offset, size}` big-endian records, end marker; filler over the whole file
 * first (the holes of the sparse layout become data), then the dump's own writes (a later record wins). */
function writeFlattened(file: string, f: SparseFile, recordBytes = 1 << 20) {
  const fd = openSync(file, "w");
  let pos = 0;
  const put = (b: Uint8Array) => {
    writeSync(fd, b, 0, b.length, pos);
    pos += b.length;
  };
  const record = (offset: number, data: Uint8Array) => {
    const h = new DataView(new ArrayBuffer(16));
    h.setBigInt64(0, BigInt(offset));
    h.setBigInt64(8, BigInt(data.length));
    put(new Uint8Array(h.buffer));
    put(data);
  };
  try {
    const header = new Uint8Array(4096);
    header.set(new TextEncoder().encode("makedumpfile"));
    new DataView(header.buffer).setBigInt64(16, 1n);
    new DataView(header.buffer).setBigInt64(24, 1n);
    put(header);
    const filler = new Uint8Array(recordBytes).map((_, i) => (i * 2654435761) >>> 24);
    for (let o = 0; o < f.size; o += recordBytes) record(o, filler.subarray(0, Math.min(recordBytes, f.size - o)));
    for (const w of f.writes) for (let o = 0; o < w.bytes.length; o += recordBytes) record(w.offset + o, w.bytes.subarray(o, o + recordBytes));
    const end = new DataView(new ArrayBuffer(16));
    end.setBigInt64(0, -1n);
    put(new Uint8Array(end.buffer));
  } finally {
    closeSync(fd);
  }
}

function childCommand(): string[] {
  const entry = path.join(ROOT, "scripts/bench/vmcore-child.ts");
  if (!values.tsx) {
    try {
      const out = path.join(tmp, "vmcore-child.mjs");
      const r = spawnSync(path.join(ROOT, "node_modules/.bin/esbuild"), [entry, "--bundle", "--platform=node", "--format=esm", `--outfile=${out}`, "--log-level=error"], { encoding: "utf8" });
      if (r.status === 0) return [process.execPath, out];
      process.stderr.write(`esbuild failed (${r.stderr.trim()}); running through tsx\n`);
    } catch (e) {
      process.stderr.write(`esbuild unavailable (${(e as Error).message}); running through tsx\n`);
    }
  }
  return [process.execPath, "--import", "tsx", entry];
}

type Run = { ms: number; peakRssMb: number; records: number; textBytes: number; error?: string; warnings: number };

function measure(cmd: string[], files: string[]): Run {
  let best: Run | undefined;
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), ...files], { encoding: "utf8", cwd: ROOT });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    const run = JSON.parse(r.stdout.trim().split("\n").pop()!) as Run;
    if (!best || run.ms < best.ms) best = { ...run, peakRssMb: Math.max(run.peakRssMb, best?.peakRssMb ?? 0) };
  }
  return best!;
}

const records = Array.from({ length: 1400 }, (_, i) => ({
  tsNsec: BigInt(i) * 1_234_567n,
  text: `synthetic record ${i}: ${"driver message with some payload ".repeat(1 + (i % 3))}`.slice(0, 80),
}));
const cases: Array<{ name: string; files: string[]; bytes: number }> = [];
const d31 = [path.resolve(ROOT, "../shared/data/vmcore"), path.resolve(ROOT, "../../shared/data/vmcore")].find(existsSync);
if (d31) {
  const f = path.join(d31, "deb12-6.1-sysrq-panic/vmcore.d31.kdump-zlib");
  cases.push({ name: "real d31 kdump-zlib (6.1)", files: [f], bytes: statSync(f).size });
}
try {
  const machine = buildLocklessMachine({ records, countBits: 12, sizeBits: 17 });
  const elf = path.join(tmp, "vmcore-4g.elf");
  writeSparse(elf, toElfCore(machine, { ramBytes: GIB4 }));
  cases.push({ name: "synthetic 4 GiB ELF core", files: [elf], bytes: statSync(elf).size });
  const kdump = path.join(tmp, "vmcore-4g.kdump");
  writeSparse(kdump, toKdump(machine, { zeroPfns: { start: 0, count: GIB4 / 4096 }, sparseZeroPages: true, maxMapnr: GIB4 / 4096 })[0]);
  cases.push({ name: "synthetic 4 GiB kdump (raw pages)", files: [kdump], bytes: statSync(kdump).size });
  const flat = path.join(tmp, "vmcore-1g.flat");
  // 1 GiB of zero-filled RAM below the text ring, which sits at 1 GiB.
  writeFlattened(flat, toKdump(machine, { zeroPfns: { start: 0, count: GIB4 / 4 / 4096 }, sparseZeroPages: true })[0]);
  cases.push({ name: "synthetic 1 GiB flattened (-F)", files: [flat], bytes: statSync(flat).size });

  const cmd = childCommand();
  const idle = spawnSync(process.execPath, ["-e", "process.stdout.write(String(Math.round(process.resourceUsage().maxRSS/1024)))"], { encoding: "utf8" });
  console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(" ")} · child: ${cmd.includes("tsx") ? "tsx" : "esbuild bundle"} · fastest of ${RUNS} · bare node peak RSS ${idle.stdout} MB`);
  for (const c of cases) {
    const r = measure(cmd, c.files);
    console.log(
      `${c.name.padEnd(36)} ${(c.bytes / 1024 ** 2).toFixed(0).padStart(6)} MiB  ${String(r.ms).padStart(6)} ms  peak RSS ${String(r.peakRssMb).padStart(4)} MB  ${r.records} records${r.error ? `  ERROR ${r.error}` : ""}${r.warnings ? `  ${r.warnings} warnings` : ""}`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
