/**
 * The CLI as users run it: `./bin/oopscope triage …` in a child process, checking exit codes and the JSON contract
 * of docs/cli.md. Fixtures are composed here and written to a temp directory.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { pack as tarPack } from "tar-stream";
import { afterAll, describe, expect, it } from "vitest";
import type { Incident } from "../engine/types";
import { EMPTY_INPUT_MESSAGE, EMPTY_UPLOAD_MESSAGE } from "../schemas/messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin", "oopscope");
const dir = mkdtempSync(path.join(tmpdir(), "oopscope-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SKB_LOG = [
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 15:59:23 w01 kernel: CPU: 12 PID: 0 Comm: swapper/12 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
  "Aug 13 15:59:23 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 15:59:23 w01 kernel: Call Trace:",
  "Aug 13 15:59:23 w01 kernel: <IRQ>",
  "Aug 13 15:59:23 w01 kernel: tcp_gso_segment+0x107/0x540",
  "Aug 13 15:59:23 w01 kernel: inet_gso_segment+0x15c/0x3d0",
  "Aug 13 15:59:23 w01 kernel: skb_mac_gso_segment+0xa5/0x110",
  "Aug 13 15:59:23 w01 kernel: </IRQ>",
  "Aug 13 15:59:23 w01 kernel: Kernel panic - not syncing: Fatal exception in interrupt",
  "Aug 13 16:00:30 w01 kernel: Linux version 6.1.1-1.el9.elrepo.x86_64 (mockbuild@x) (gcc (GCC) 11.3.1) #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022",
  "Aug 13 16:00:30 w01 kernel: Command line: BOOT_IMAGE=/vmlinuz ro crashkernel=1G-4G:192M,4G-64G:256M",
].join("\n") + "\n";
const W02_LOG = SKB_LOG.replace(/ w01 /g, " w02 ");

const skbFile = path.join(dir, "messages-20240818");
const w02Gz = path.join(dir, "w02-messages"); // gzip without a .gz name
const binFile = path.join(dir, "core.bin");
writeFileSync(skbFile, SKB_LOG);
writeFileSync(w02Gz, gzipSync(Buffer.from(W02_LOG)));
writeFileSync(binFile, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 13) % 9)));

type Run = { code: number | null; stdout: string; stderr: string };

/**
 * `direct`: bin/oopscope run as a shell runs it, through its `#!` line (else `node bin/oopscope`). `openFileLimit`:
 * run under `ulimit -n` (through bash).
 */
function run(args: string[], opts: { stdin?: string; env?: Record<string, string>; direct?: boolean; openFileLimit?: number } = {}): Promise<Run> {
  const command = opts.direct ? [BIN, ...args] : [process.execPath, BIN, ...args];
  const [file, ...argv] = opts.openFileLimit ? ["bash", "-c", `ulimit -n ${opts.openFileLimit} && exec "$0" "$@"`, ...command] : command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}

/** The finding fields docs/cli.md promises, with their types. */
function checkFindingContract(f: Incident["findings"][number]): void {
  expect(typeof f.kind).toBe("string");
  expect(typeof f.title).toBe("string");
  expect(Array.isArray(f.altTitles)).toBe(true);
  expect(typeof f.corrupted).toBe("boolean");
  expect(typeof f.panicked).toBe("boolean");
  expect(typeof f.signature).toBe("string");
  expect(Array.isArray(f.matches)).toBe(true);
  expect(typeof f.source.file).toBe("string");
  expect(typeof f.source.line).toBe("number");
  for (const fr of f.frames) {
    expect(typeof fr.function).toBe("string");
    expect(typeof fr.reliable).toBe("boolean");
    if (fr.module !== undefined) expect(typeof fr.module).toBe("string");
  }
}

describe.concurrent("oopscope triage (CLI)", () => {
  it("--json --no-kb: one Incident with the documented fields", async () => {
    const r = await run(["triage", "--json", "--no-kb", skbFile]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const inc = JSON.parse(r.stdout) as Incident;
    expect(inc.schemaVersion).toBe(1);
    expect(inc.file).toBe(skbFile);
    expect(Array.isArray(inc.events) && Array.isArray(inc.boots)).toBe(true);
    expect(inc.findings).toHaveLength(1);
    const f = inc.findings[0];
    checkFindingContract(f);
    expect(f).toMatchObject({
      kind: "bug",
      title: "kernel BUG in skb_segment",
      guiltyFrame: "skb_segment",
      corrupted: false,
      panicked: true,
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
      host: "w01",
      time: "2024-08-13T15:59:23.000Z",
      source: { file: skbFile, line: 2 },
      matches: [],
    });
    expect(f.taint).toMatchObject({ flags: "" });
    expect(f.frames.map((x) => x.function)).toContain("tcp_gso_segment");
    expect(inc.boots[0]).toMatchObject({ id: "b1", host: "w01", isKdumpCapture: false, detectedBy: "banner" });
    expect(inc.events.some((e) => e.kind === "crash" && e.findingId === f.id)).toBe(true);
  });

  it("--jsonl with a file, a gzip without .gz and stdin (-): one Incident per line with file set", async () => {
    const r = await run(["triage", "--jsonl", "--no-kb", skbFile, w02Gz, "-"], { stdin: SKB_LOG.replace(/ w01 /g, " w03 ") });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const [a, b, c] = lines.map((l) => JSON.parse(l) as Incident);
    expect([a.file, b.file, c.file]).toEqual([skbFile, w02Gz, "-"]);
    expect(b.inputs[0].compressed).toBe(true);
    expect([a, b, c].map((i) => i.findings[0].host)).toEqual(["w01", "w02", "w03"]);
    expect(c.findings[0]).toMatchObject({ title: "kernel BUG in skb_segment", source: { file: "-", line: 2 } });
    expect(b.findings[0].signature).toBe(a.findings[0].signature);
  });

  it("a missing file exits 2 with a message", async () => {
    const r = await run(["triage", "--json", "--no-kb", path.join(dir, "nope.log")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.log/);
  });

  it("an empty file and a gzip of nothing exit 2 with the CLI's own message (no \"upload\"), never \"No problems found\"", async () => {
    const empty = path.join(dir, "empty.log");
    const emptyGz = path.join(dir, "empty.log.gz");
    writeFileSync(empty, "");
    writeFileSync(emptyGz, gzipSync(Buffer.alloc(0)));
    for (const file of [empty, emptyGz]) {
      const r = await run(["triage", "--no-kb", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(EMPTY_INPUT_MESSAGE);
      expect(r.stdout + r.stderr).not.toContain(EMPTY_UPLOAD_MESSAGE);
      expect(r.stdout + r.stderr).not.toMatch(/upload/i);
      expect(r.stdout).not.toMatch(/No problems found/);
    }
    const withText = await run(["triage", "--no-kb", empty, skbFile]);
    expect(withText.code).toBe(2);
    expect(withText.stdout).toMatch(/kernel BUG in skb_segment/);
  });

  it("a syslog date without a year takes it from the file's own dated lines before its mtime", async () => {
    const file = path.join(dir, "messages");
    writeFileSync(file, SKB_LOG.replace("Aug 13 16:00:30", 'Aug 13 15:59:30 w01 containerd[1]: time="2022-08-13T15:59:30Z" msg=x\nAug 13 16:00:30'));
    utimesSync(file, new Date("2025-01-01T00:00:00Z"), new Date("2025-01-01T00:00:00Z"));
    const r = await run(["triage", "--json", "--no-kb", file]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Incident).findings[0].time).toBe("2022-08-13T15:59:23.000Z");
  });

  it("a binary file exits 2 and says why", async () => {
    const r = await run(["triage", "--json", "--no-kb", binFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary/);
    const inc = JSON.parse(r.stdout) as Incident;
    expect(inc.inputs[0].error).toMatch(/binary/);
  });

  it("with a DATABASE_URL that does not exist it matches with the built-in KB, says so, and creates no database", async () => {
    const db = path.join(dir, "absent", "kb.db");
    const r = await run(["triage", "--json", skbFile], { env: { DATABASE_URL: `file:${db}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`matched with the built-in knowledge base`);
    expect(r.stderr).toContain(`no database at ${db}`);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(path.dirname(db))).toBe(false);
    const inc = JSON.parse(r.stdout) as Incident;
    const top = inc.findings[0].matches.find((m) => !m.related);
    expect(top).toMatchObject({ kbId: "skb-segment-gso-bug", verdict: "affected", fixedIn: "6.1.103", origin: "builtin" });
    expect(typeof top!.score).toBe("number");
    expect(Array.isArray(top!.reasons)).toBe(true);
    expect(inc.recommendation?.upgrade?.text).toContain("6.1.103");
  });

  it("with a seeded database it matches with that database's KB and names it", async () => {
    const db = path.join(dir, "seeded.db");
    const seeded = await run(["kb", "seed"], { env: { DATABASE_URL: `file:${db}` } });
    expect(seeded.code, seeded.stderr).toBe(0);
    const r = await run(["triage", "--json", skbFile], { env: { DATABASE_URL: `file:${db}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`matched with the knowledge base in ${db}`);
    expect((JSON.parse(r.stdout) as Incident).findings[0].matches.find((m) => !m.related)?.kbId).toBe("skb-segment-gso-bug");
  });

  it("a copied /var/crash directory and a tar.gz: members picked, links refused, skipped listed", async () => {
    const crash = path.join(dir, "crash", "10.0.0.7-2024-08-13-16:00:12");
    mkdirSync(crash, { recursive: true });
    writeFileSync(path.join(crash, "vmcore-dmesg.txt"), SKB_LOG);
    symlinkSync("/etc/shadow", path.join(crash, "vmcore"));
    const p = tarPack();
    const parts: Buffer[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Buffer);
    })();
    p.entry({ name: "sosreport-w02/etc/hostname", size: 4 }, Buffer.from("w02\n"));
    p.entry({ name: "sosreport-w02/var/log/messages", size: Buffer.byteLength(W02_LOG) }, Buffer.from(W02_LOG));
    p.finalize();
    await done;
    const archive = path.join(dir, "sosreport-w02.tar.gz");
    writeFileSync(archive, gzipSync(Buffer.concat(parts)));
    const r = await run(["triage", "--json", "--no-kb", path.join(dir, "crash"), archive]);
    expect(r.code, r.stderr).toBe(0);
    const inc = JSON.parse(r.stdout) as Incident;
    expect(inc.inputs.map((i) => path.basename(i.name))).toEqual(["vmcore-dmesg.txt", "messages"]);
    expect(inc.sources?.map((s) => [s.kind, s.hostname, s.skipped.map((k) => k.reason)])).toEqual([
      ["directory", undefined, ["symlink"]],
      ["archive", "w02", []],
    ]);
    expect(inc.findings.map((f) => f.host)).toEqual(["w01", "w02"]);
  });

  it("a tar.gz and a zip of logs with any names: every log read, hosts from the names, what was not read listed", async () => {
    const raw = Buffer.from(SKB_LOG.replace(/^.*? kernel: /gm, ""));
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 9));
    const p = tarPack();
    const parts: Buffer[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Buffer);
    })();
    p.entry({ name: "node1.log", size: raw.length }, raw);
    p.entry({ name: "dmesg-worker-3.txt", size: raw.length }, raw);
    p.entry({ name: "crash/2024-08-18/dmesg", size: raw.length }, raw);
    p.entry({ name: "tools/helper", size: binary.length }, binary);
    p.finalize();
    await done;
    const tgz = path.join(dir, "incident-123.tar.gz");
    writeFileSync(tgz, gzipSync(Buffer.concat(parts)));
    const zip = path.join(dir, "more-logs.zip");
    writeFileSync(zip, zipSync({ "logs/kern.log": raw, "worker-5/console.out": raw }));
    const r = await run(["triage", "--json", "--no-kb", tgz, zip]);
    expect(r.code, r.stderr).toBe(0);
    const inc = JSON.parse(r.stdout) as Incident;
    expect(inc.inputs.map((i) => path.basename(i.name))).toEqual([
      "incident-123.tar.gz:node1.log",
      "incident-123.tar.gz:dmesg-worker-3.txt",
      "dmesg",
      "kern.log",
      "console.out",
    ]);
    expect(inc.sources?.map((s) => [s.format, s.selection, s.inputs.length, s.skipped.map((k) => `${k.path}: ${k.reason}`)])).toEqual([
      ["tar.gz", "every-log", 3, ["tools/helper: binary"]],
      ["zip", "every-log", 2, []],
    ]);
    expect(inc.findings.map((f) => [f.title, f.host ?? ""])).toEqual([
      ["kernel BUG in skb_segment", "node1"],
      ["kernel BUG in skb_segment", "worker-3"],
      ["kernel BUG in skb_segment", ""],
      ["kernel BUG in skb_segment", ""],
      ["kernel BUG in skb_segment", "worker-5"],
    ]);

    // Nothing in it is a log: exit 2, and what it held is said.
    const binOnly = path.join(dir, "cores.zip");
    writeFileSync(binOnly, zipSync({ "core.1": binary, "core.2": binary }));
    const refused = await run(["triage", "--no-kb", binOnly]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Nothing in ${binOnly} could be read as a log: none of its 2 files is text, a compressed log, a journal or a crash dump; skipped: core.1 (binary), core.2 (binary).`);
  });

  it("an archive that is a decompression bomb exits 2 and says so", async () => {
    const p = tarPack();
    const parts: Buffer[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Buffer);
    })();
    p.entry({ name: "var/log/messages", size: 48 << 20 }, Buffer.alloc(48 << 20));
    p.finalize();
    await done;
    const bomb = path.join(dir, "bomb.tgz");
    writeFileSync(bomb, gzipSync(Buffer.concat(parts)));
    const r = await run(["triage", "--no-kb", bomb]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/decompression bomb/);
  });
});

describe("many files under a low open-file limit", () => {
  it("400 logs over the first read (64 KB), as arguments and as a directory, at ulimit -n 256: every one read", async () => {
    const many = path.join(dir, "many");
    mkdirSync(many);
    const body = "[    1.000000] eth0: link up, 1000 Mbps, full duplex\n".repeat(1500);
    for (let i = 0; i < 400; i++) writeFileSync(path.join(many, `node${i}.log`), body);
    // Each file was opened (and its first read held) until the engine came to it: EMFILE past ~250 files.
    const files = readdirSync(many).map((f) => path.join(many, f));
    for (const args of [files, [many]]) {
      const r = await run(["triage", "--json", "--no-kb", ...args], { openFileLimit: 256 });
      expect(r.code, r.stderr).toBe(0);
      const inc = JSON.parse(r.stdout) as Incident;
      expect(inc.inputs).toHaveLength(400);
      expect(inc.inputs.every((i) => i.lines === 1500 && !i.error)).toBe(true);
    }
  });
});

describe("the shipped CLI", () => {
  it("runs the bundled JavaScript (dist/node), rebuilt when a source is newer, not the TypeScript through tsx", async () => {
    const r = await run(["triage", "--json", "--no-kb", skbFile]);
    expect(r.code).toBe(0);
    const { isCliBundleFresh, CLI_BUNDLE } = await import("../../scripts/build-cli.mjs");
    expect(isCliBundleFresh()).toBe(true);
    expect(CLI_BUNDLE.endsWith(".mjs")).toBe(true);
  });

  it("triage compiles from a code cache it wrote, and writes it again over one V8 refuses", async () => {
    const { CLI_DIR } = await import("../../scripts/build-cli.mjs");
    const caches = () => readdirSync(CLI_DIR).filter((f) => /^triage-command\.\d+\.cache$/.test(f));
    for (const f of caches()) rmSync(path.join(CLI_DIR, f));
    // Without V8 flags (NODE_OPTIONS from a caller would make the cache one the next plain run refuses).
    const env = { NODE_OPTIONS: "" };
    const first = await run(["triage", "--json", skbFile], { env });
    expect(first.code).toBe(0);
    expect(caches()).toHaveLength(1);
    const cacheFile = path.join(CLI_DIR, caches()[0]);
    const written = readFileSync(cacheFile);
    expect(written.length).toBeGreaterThan(10_000);
    const findings = (r: Run) => (JSON.parse(r.stdout) as Incident).findings.map((f) => [f.title, f.matches.map((m) => m.kbId)]);
    const cached = await run(["triage", "--json", skbFile], { env });
    expect(findings(cached)).toEqual(findings(first));
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
    // Bytes V8 refuses (another node, or damage): compiled from the source, and a good cache written in their place.
    writeFileSync(cacheFile, Buffer.alloc(written.length, 7));
    const refused = await run(["triage", "--json", skbFile], { env });
    expect(findings(refused)).toEqual(findings(first));
    expect(readFileSync(cacheFile).equals(Buffer.alloc(written.length, 7))).toBe(false);
    expect(caches()).toHaveLength(1);
  });
});

describe("a big triage runs again under a capped young generation (bin/oopscope)", () => {
  // Every node of the run says its flags on stderr: the CLI's own process, and the one it relaunched, if any.
  const sayFlags = path.join(dir, "say-flags.mjs");
  writeFileSync(sayFlags, `process.stderr.write("node flags: " + JSON.stringify(process.execArgv) + "\\n");\n`);
  const runsCapped = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("node flags: ") && l.includes("--max-semi-space-size=4")).length;
  const big = SKB_LOG.repeat(400); // ~590 KB, 5600 lines
  const env = (capFrom: number) => ({ NODE_OPTIONS: `--import=${sayFlags}`, OOPSCOPE_YOUNG_CAP_MIN_BYTES: String(capFrom) });
  const summary = (r: Run) => {
    const inc = JSON.parse(r.stdout) as Incident;
    return { code: r.code, lines: inc.stats.lines, findings: inc.findings.length };
  };

  it("stdin over the threshold: relaunched once, fed what was read and the rest; under it, one process", async () => {
    const [over, under] = await Promise.all([
      run(["triage", "--json", "--no-kb", "-"], { stdin: big, env: env(100_000) }),
      run(["triage", "--json", "--no-kb", "-"], { stdin: big, env: env(10_000_000) }),
    ]);
    expect(runsCapped(over.stderr)).toBe(1);
    expect(runsCapped(under.stderr)).toBe(0);
    expect(summary(over)).toEqual({ code: 0, lines: 5600, findings: summary(under).findings });
    expect(summary(under).lines).toBe(5600);
  });

  it("files: their sizes decide, a gzip's counted as the text it may hold", async () => {
    const plain = path.join(dir, "big-messages");
    const gz = path.join(dir, "big-messages.gz");
    writeFileSync(plain, big);
    const gzBytes = gzipSync(Buffer.from(big));
    writeFileSync(gz, gzBytes);
    const asText = gzBytes.length * 12;
    const [file, gzip, gzipUnder, small] = await Promise.all([
      run(["triage", "--json", "--no-kb", plain], { env: env(200_000) }),
      run(["triage", "--json", "--no-kb", gz], { env: env(asText) }),
      run(["triage", "--json", "--no-kb", gz], { env: env(asText + 1) }),
      run(["triage", "--json", "--no-kb", skbFile], { env: env(200_000) }),
    ]);
    expect([file, gzip, gzipUnder, small].map((r) => runsCapped(r.stderr))).toEqual([1, 1, 0, 0]);
    expect(summary(file)).toEqual(summary(gzip));
    expect(summary(file).lines).toBe(5600);
  });
});

describe("NODE_EXTRA_CA_CERTS (read by node 20 at start-up) through the #! line", () => {
  // The `#!` line sets the file aside; node warns when it loads a missing one.
  const runDirect = (args: string[], env: Record<string, string>) =>
    run(args, { direct: true, stdin: SKB_LOG, env: { NODE_EXTRA_CA_CERTS: path.join(dir, "no-such-ca.pem"), ...env } });
  const loadedCa = (r: Run) => r.stderr.split("\n").filter((l) => l.includes("no-such-ca.pem")).length;

  it("a local triage or listen never loads it; a command that may open TLS connections runs with it", async () => {
    const [triage, listen, upload, triageWithPostgres] = await Promise.all([
      runDirect(["triage", "--no-kb", "-"], {}),
      runDirect(["listen"], {}),
      runDirect(["upload"], {}),
      runDirect(["triage", "--no-kb", "-"], { DATABASE_URL: "postgresql://127.0.0.1:9/none" }),
    ]);
    expect(triage.stdout).toMatch(/kernel BUG in skb_segment/);
    expect(listen.stderr).toMatch(/usage/);
    expect([triage, listen, upload, triageWithPostgres].map(loadedCa)).toEqual([0, 0, 1, 1]);
    expect(upload.code).toBe(1);
  });
});
