/**
 * Test support (no product code imports it): stored files of every shape the ingest refuses, and the file
 * descriptors a process holds on files under a directory. The upload worker and the CLI tests run their real entry
 * points on these and check that every file they opened is closed again, whatever the refusal: a handle dropped on
 * a refusal path was closed by the garbage collector ("Closing file descriptor N on garbage collection", DEP0137
 * in `next start`'s log), or never when it was a stream's raw descriptor.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";

/** One shape: its files in the order they are given (a mix gives several). */
export type RefusedInputCase = { label: string; files: string[] };

const LOG_LINE = (i: number) => `Aug 13 15:59:${String(i % 60).padStart(2, "0")} w01 systemd[1]: Started session ${i} of user core.\n`;
const CRASH = [
  "Aug 13 16:00:01 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 16:00:01 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 16:00:01 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 16:00:01 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 16:00:01 w01 kernel: Call Trace:",
  "Aug 13 16:00:01 w01 kernel:  tcp_gso_segment+0x107/0x540",
  "",
].join("\n");
/** Over the first read (64 KB) of a file, so a read ahead is in flight when a reader stops. */
const LOG = Buffer.from(Array.from({ length: 3000 }, (_, i) => LOG_LINE(i)).join("") + CRASH);
/** A core file: ELF magic, then bytes no log has and gzip cannot shrink (so core.bin.gz is read in several chunks). */
const CORE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), noise(256 * 1024)]);
/** What the e2e suite uploads as bomb.gz: 64 MB of zeros, gzip -9. */
const ZEROS = Buffer.alloc(64 * 1024 ** 2);

/** A log that compresses to more than a few first reads (its lines carry random hex). */
const NOISY_LOG = ((hex) => Buffer.from(Array.from({ length: 20_000 }, (_, i) => `${LOG_LINE(i).trimEnd()} ${hex.slice(i * 64, i * 64 + 64)}\n`).join("") + CRASH))(
  noise(20_000 * 32).toString("hex"),
);

/** Incompressible bytes, the same on every run (xorshift32). */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function hasTool(cmd: string): boolean {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

function compressWith(tool: "xz" | "zstd", bytes: Buffer): Buffer {
  return execFileSync(tool, tool === "xz" ? ["-c", "-1"] : ["-q", "-c"], { input: bytes, maxBuffer: 1 << 30 });
}

/**
 * Writes the refused shapes (and two readable logs to mix them with) into `dir` and says which files each case
 * gives. xz and zstd shapes only where those tools are installed.
 */
export function writeRefusedInputFiles(dir: string): RefusedInputCase[] {
  const files: Record<string, Buffer> = {
    messages: LOG,
    "messages.gz": gzipSync(LOG),
    "core.bin": CORE,
    "bomb.gz": gzipSync(ZEROS, { level: 9 }),
    "truncated.gz": gzipSync(LOG).subarray(0, 6000),
    "core.bin.gz": gzipSync(CORE),
    "archive.7z": Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), CORE.subarray(0, 4096)]),
    "zip-bomb.zip": Buffer.from(zipSync({ "var/log/messages": ZEROS }, { level: 9 })),
    // Text first, then a bomb: refused midway, after the first chunks were read and kept.
    "text-then-bomb.gz": gzipSync(Buffer.concat([LOG, ZEROS]), { level: 9 }),
    // A bundle of logs whose last member is a bomb: the members kept before it are dropped with the refusal.
    "logs-then-bomb.zip": Buffer.from(zipSync({ "node1/messages": LOG, "node2/core.bin": CORE, "node3/kern.log": ZEROS }, { level: 9 })),
  };
  // Each under the per-stream check, together over the budget: the later ones are refused unread.
  for (let i = 0; i < 4; i++) files[`small-bomb-${i}.gz`] = gzipSync(ZEROS.subarray(0, 12 * 1024 ** 2), { level: 9 });
  const tools = { xz: hasTool("xz"), zstd: hasTool("zstd") };
  if (tools.xz) {
    files["bomb.xz"] = compressWith("xz", ZEROS);
    files["truncated.xz"] = compressWith("xz", LOG).subarray(0, 3000);
    files["core.bin.xz"] = compressWith("xz", CORE);
    // Damaged a quarter in, long enough that most of the file is unread when the decoder fails.
    const xz = compressWith("xz", NOISY_LOG);
    files["corrupt.xz"] = Buffer.concat([xz.subarray(0, xz.length >> 2), Buffer.alloc(4096, 0xff), xz.subarray((xz.length >> 2) + 4096)]);
  }
  if (tools.zstd) {
    files["bomb.zst"] = compressWith("zstd", ZEROS);
    files["core.bin.zst"] = compressWith("zstd", CORE);
    for (let i = 0; i < 4; i++) files[`small-bomb-${i}.zst`] = compressWith("zstd", ZEROS.subarray(0, 12 * 1024 ** 2));
  }
  const tarDir = path.join(dir, "tar-staging");
  mkdirSync(path.join(tarDir, "var/log"), { recursive: true });
  writeFileSync(path.join(tarDir, "var/log/messages"), LOG);
  writeFileSync(path.join(tarDir, "var/log/core.bin"), CORE);
  writeFileSync(path.join(tarDir, "var/log/kern.log"), ZEROS);
  files["logs-then-bomb.tar.gz"] = execFileSync("tar", ["-C", tarDir, "-czf", "-", "var/log/messages", "var/log/core.bin", "var/log/kern.log"], { maxBuffer: 1 << 30 });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);

  const one = (name: string): RefusedInputCase => ({ label: name, files: [name] });
  const cases = [
    one("core.bin"),
    one("bomb.gz"),
    one("truncated.gz"),
    one("core.bin.gz"),
    one("archive.7z"),
    one("zip-bomb.zip"),
    one("text-then-bomb.gz"),
    one("logs-then-bomb.zip"),
    one("logs-then-bomb.tar.gz"),
    { label: "small bombs over the shared budget", files: ["small-bomb-0.gz", "small-bomb-1.gz", "small-bomb-2.gz", "small-bomb-3.gz", "messages.gz"] },
    {
      label: "a mix of refused and readable files",
      files: ["messages", "core.bin", "bomb.gz", "archive.7z", "messages.gz", "zip-bomb.zip", "truncated.gz", "core.bin.gz", "logs-then-bomb.tar.gz"],
    },
  ];
  if (tools.xz) cases.push(one("bomb.xz"), one("truncated.xz"), one("core.bin.xz"), one("corrupt.xz"));
  if (tools.zstd)
    cases.push(one("bomb.zst"), one("core.bin.zst"), {
      label: "small zstd bombs over the shared budget",
      files: ["small-bomb-0.zst", "small-bomb-1.zst", "small-bomb-2.zst", "small-bomb-3.zst", "messages.gz"],
    });
  return cases;
}

/** The descriptors this process holds on files under `dir` (their paths; one entry per descriptor). */
export function openFilesUnder(dir: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch (e) {
      // The listing's own descriptor, or one closed since the listing: neither is held.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    if (target.startsWith(dir + path.sep)) open.push(target.replace(/ \(deleted\)$/, ""));
  }
  return open.sort();
}

/**
 * The descriptors still open under `dir` once pending closes had their turns (a close started by a refusal settles
 * a few event-loop turns later): polled a bounded number of times, never timed.
 */
export async function settledOpenFilesUnder(dir: string): Promise<string[]> {
  let open = openFilesUnder(dir);
  for (let turn = 0; turn < 50 && open.length > 0; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    open = openFilesUnder(dir);
  }
  return open;
}

/** A full garbage collection, as `--expose-gc` gives it, without that flag on the test process. */
export function forceGc(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/** What `fn` left open (see `leftOpenBy`), and how it ended. */
export type LeftOpen = { open: string[]; gcClosed: string[]; outcome: { value: unknown } | { error: unknown } };

/**
 * Runs `fn`, then reports what it left: descriptors still open under `dir`, and the warnings of file handles the
 * garbage collector closed (during the run or at a forced collection after it). A rejection is returned as the
 * outcome, not thrown: a leak on a path that throws is still a leak to report.
 */
export async function leftOpenBy(dir: string, fn: () => Promise<unknown>): Promise<LeftOpen> {
  const gcClosed: string[] = [];
  const onWarning = (w: Error) => {
    if (/Closing (file descriptor|a FileHandle)/.test(w.message)) gcClosed.push(w.message);
  };
  process.on("warning", onWarning);
  try {
    const outcome = await fn().then(
      (value: unknown) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const open = await settledOpenFilesUnder(dir);
    for (let i = 0; i < 3; i++) {
      forceGc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A 'warning' event is emitted on a later tick than the close that caused it.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { open, gcClosed, outcome };
  } finally {
    process.off("warning", onWarning);
  }
}
