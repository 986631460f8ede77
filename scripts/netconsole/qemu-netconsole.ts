/**
 * `npm run test:netconsole` — the fleet capture against a real kernel (opt-in: it needs root for apt, and QEMU in
 * software emulation takes a while). For each netconsole mode (extended `+`, classic):
 *   1. a Debian kernel (`linux-image-*-cloud-amd64`, fetched with apt-get download, as
 *      ../shared/data/vmcore/make-vmcore.sh does) boots under QEMU TCG with a busybox initramfs that loads virtio-net
 *      and netconsole (`netconsole=[+]6665@10.0.2.15/eth0,PORT@10.0.2.2/…`: QEMU's user network maps 10.0.2.2 to
 *      this machine's loopback), then crashes it with `echo c > /proc/sysrq-trigger`;
 *   2. `oopscope listen --netconsole udp://127.0.0.1:PORT` (a child process, own data directory) receives it;
 *   3. the check: exactly one incident, a `panic` finding titled from the sysrq message, and every kernel line the
 *      guest printed on its serial console from its banner to `---[ end Kernel panic` present in the stored upload.
 * Traffic stays on this machine. Exit 0 when every mode passes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CACHE = process.env.OOPSCOPE_QEMU_CACHE ?? path.join(os.tmpdir(), "oopscope-netconsole-cache");
const KERNEL_META = process.env.OOPSCOPE_QEMU_KERNEL_PACKAGE ?? "linux-image-cloud-amd64";
const BOOT_TIMEOUT_MS = Number(process.env.OOPSCOPE_QEMU_TIMEOUT_MS ?? 300_000);
/** Load order of the modules netconsole needs on Debian's cloud kernel (all =m there). */
const MODULES = ["virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio_pci", "failover", "net_failover", "virtio_net", "configfs", "netconsole"];
/** QEMU user network's gateway MAC: netconsole sends to it without ARP. */
const GATEWAY_MAC = "52:55:0a:00:02:02";

function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

function have(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
}

function ensureTools(): void {
  const missing = [
    ["qemu-system-x86_64", "qemu-system-x86"],
    ["cpio", "cpio"],
  ].filter(([cmd]) => !have(cmd));
  if (!existsSync("/bin/busybox")) missing.push(["busybox", "busybox-static"]);
  if (missing.length === 0) return;
  console.log(`installing ${missing.map((m) => m[1]).join(", ")} with apt-get`);
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", ...missing.map((m) => m[1])]);
}

/** The concrete kernel package the meta package depends on (`linux-image-6.1.0-57-cloud-amd64`), unpacked in the cache. */
function ensureKernel(): { release: string; dir: string } {
  mkdirSync(CACHE, { recursive: true });
  const depends = run("apt-cache", ["depends", KERNEL_META]);
  const pkg = /Depends: (linux-image-[\w.+-]+)/.exec(depends)?.[1];
  if (!pkg) throw new Error(`apt-cache depends ${KERNEL_META} names no kernel package`);
  const release = pkg.replace(/^linux-image-/, "");
  const dir = path.join(CACHE, pkg);
  if (!existsSync(path.join(dir, "boot", `vmlinuz-${release}`))) {
    run("apt-get", ["download", pkg], { cwd: CACHE });
    const deb = readdirSync(CACHE).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(".deb"));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${CACHE}`);
    run("dpkg-deb", ["-x", path.join(CACHE, deb), dir]);
  }
  return { release, dir };
}

function findModule(moduleDir: string, name: string): string {
  const stack = [moduleDir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name === `${name}.ko`) return p;
    }
  }
  throw new Error(`module ${name}.ko not found under ${moduleDir} (compressed modules are not handled)`);
}

function buildInitramfs(work: string, kernel: { release: string; dir: string }, netconsoleOption: string): string {
  const root = path.join(work, "root");
  rmSync(root, { recursive: true, force: true });
  for (const d of ["bin", "proc", "sys", "dev", "m"]) mkdirSync(path.join(root, d), { recursive: true });
  copyFileSync("/bin/busybox", path.join(root, "bin", "busybox"));
  const moduleDir = path.join(kernel.dir, "lib", "modules", kernel.release);
  for (const m of MODULES) copyFileSync(findModule(moduleDir, m), path.join(root, "m", `${m}.ko`));
  const init = `#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in ${MODULES.filter((m) => m !== "netconsole").join(" ")}; do insmod /m/$m.ko || echo "insmod $m failed"; done
ip link set eth0 up; ip addr add 10.0.2.15/24 dev eth0
insmod /m/netconsole.ko netconsole=${netconsoleOption}
echo "<6>oopscope-netconsole: guest up, crashing" > /dev/kmsg
echo 1 > /proc/sys/kernel/sysrq; echo c > /proc/sysrq-trigger
sleep 1000
`;
  writeFileSync(path.join(root, "init"), init);
  chmodSync(path.join(root, "init"), 0o755);
  const out = path.join(work, "initrd.gz");
  run("sh", ["-c", `cd '${root}' && find . | cpio -o -H newc --owner=0:0 2>/dev/null | gzip -1 > '${out}'`]);
  return out;
}

async function freeUdpPort(): Promise<number> {
  const s = createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", () => r()));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Collects a child's stderr into `log` (once per child). */
function collectStderr(child: ChildProcess, log: string[]): void {
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
}

/** Resolves true when `text` appears in the collected log, false on timeout or when the child exits without it. */
function waitFor(child: ChildProcess, text: RegExp, timeoutMs: number, log: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = text.test(log.join(""));
      if (found || Date.now() - started > timeoutMs || child.exitCode !== null) {
        clearInterval(poll);
        resolve(found);
      }
    }, 200);
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((r) => {
    child.once("exit", () => r());
    child.kill(signal);
  });
}

type ModeResult = { mode: string; ok: boolean; details: string[] };

async function runMode(mode: "extended" | "classic", kernel: { release: string; dir: string }): Promise<ModeResult> {
  const details: string[] = [];
  const work = mkdtempSync(path.join(os.tmpdir(), `oopscope-netconsole-${mode}-`));
  const dataDir = path.join(work, "data");
  const port = await freeUdpPort();
  const option = `${mode === "extended" ? "+" : ""}6665@10.0.2.15/eth0,${port}@10.0.2.2/${GATEWAY_MAC}`;
  const initrd = buildInitramfs(work, kernel, option);
  const env = { ...process.env, OOPSCOPE_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "oopscope.db")}` };
  const listenerLog: string[] = [];
  const listener = spawn(process.execPath, [path.join(ROOT, "bin", "oopscope"), "listen", "--netconsole", `udp://127.0.0.1:${port}`], { env, stdio: ["ignore", "inherit", "pipe"] });
  collectStderr(listener, listenerLog);
  let qemu: ChildProcess | undefined;
  try {
    if (!(await waitFor(listener, /oopscope listen: netconsole udp:/, 120_000, listenerLog))) throw new Error(`listener did not start: ${listenerLog.join("")}`);
    const serial = path.join(work, "serial.log");
    const started = Date.now();
    qemu = spawn(
      "qemu-system-x86_64",
      [
        "-accel", "tcg", "-cpu", "qemu64", "-smp", "1", "-m", "256", "-display", "none", "-monitor", "none", "-no-reboot",
        "-serial", `file:${serial}`,
        "-kernel", path.join(kernel.dir, "boot", `vmlinuz-${kernel.release}`),
        "-initrd", initrd,
        "-append", "console=ttyS0 panic=0 ignore_loglevel",
        "-nic", "user,model=virtio-net-pci",
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    const created = await waitFor(listener, /created incident (\S+)/, BOOT_TIMEOUT_MS, listenerLog);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    await stop(qemu, "SIGTERM");
    await stop(listener, "SIGINT");
    details.push(`listener: ${listenerLog.join("").trim().split("\n").join(" | ")}`);
    if (!created) return { mode, ok: false, details: [...details, `no incident within ${BOOT_TIMEOUT_MS / 1000}s`] };
    details.push(`incident ${seconds}s after QEMU started (TCG)`);

    const db = new Database(path.join(dataDir, "oopscope.db"), { readonly: true });
    const incidents = db.prepare("SELECT id, title, hosts, result FROM Incident").all() as { id: string; title: string; hosts: string; result: string }[];
    const files = db.prepare("SELECT storagePath FROM IncidentFile").all() as { storagePath: string }[];
    db.close();
    const listed = JSON.parse(run(process.execPath, [path.join(ROOT, "bin", "oopscope"), "incidents", "list", "--json"], { env })) as { id: string; hosts: string }[];
    const checks: [string, boolean][] = [];
    checks.push([`exactly one incident (got ${incidents.length})`, incidents.length === 1]);
    checks.push([`oopscope incidents list --json shows it (host ${JSON.stringify(listed[0]?.hosts)})`, listed.length === 1 && listed[0].id === incidents[0]?.id]);
    const result = JSON.parse(incidents[0]?.result ?? "{}") as { findings?: { kind: string; title: string; report: string[] }[] };
    const panic = result.findings?.find((f) => f.kind === "panic");
    checks.push([`a panic finding "kernel panic: sysrq triggered crash" (got ${JSON.stringify(panic?.title)})`, panic?.title === "kernel panic: sysrq triggered crash"]);
    checks.push(["its report ends with ---[ end Kernel panic …", panic?.report.at(-1)?.includes("---[ end Kernel panic - not syncing: sysrq triggered crash ]---") === true]);
    const stored = files[0] ? readFileSync(path.join(dataDir, files[0].storagePath), "utf8") : "";
    const serialLines = readFileSync(serial, "utf8")
      .replace(/\r/g, "")
      .split("\n")
      .filter((l) => /^\[ *\d+\.\d+\] /.test(l))
      .map((l) => l.replace(/^\[ *\d+\.\d+\] /, ""));
    const firstBanner = serialLines.findIndex((l) => l.startsWith("Linux version "));
    const lastEnd = serialLines.findLastIndex((l) => l.startsWith("---[ end Kernel panic"));
    const kernelLines = serialLines.slice(firstBanner, lastEnd + 1);
    const storedTexts = stored.split("\n");
    const missing = kernelLines.filter((l) => !storedTexts.some((s) => s.endsWith(l)));
    checks.push([`all ${kernelLines.length} kernel lines of the serial console are in the stored capture (missing ${missing.length})`, kernelLines.length > 100 && missing.length === 0]);
    for (const [what, ok] of checks) details.push(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (missing.length) details.push(`first missing: ${JSON.stringify(missing.slice(0, 3))}`);
    return { mode, ok: checks.every(([, ok]) => ok), details };
  } finally {
    if (qemu) await stop(qemu, "SIGTERM");
    await stop(listener, "SIGINT");
    if (!process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true });
    else details.push(`work directory kept: ${work}`);
  }
}

async function main(): Promise<number> {
  ensureTools();
  const kernel = ensureKernel();
  console.log(`kernel ${kernel.release}`);
  const modes = (process.env.OOPSCOPE_NETCONSOLE_MODES ?? "extended,classic").split(",") as ("extended" | "classic")[];
  let failed = 0;
  for (const mode of modes) {
    const r = await runMode(mode, kernel);
    console.log(`\n${r.ok ? "PASS" : "FAIL"} netconsole ${mode}`);
    for (const d of r.details) console.log(`  ${d}`);
    if (!r.ok) failed++;
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
