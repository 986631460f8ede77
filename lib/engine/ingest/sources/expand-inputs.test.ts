/**
 * Archives, codecs and refusals, on archives built here from the real-shaped logs of testdata/kb (tar-stream for
 * tar, fflate for zip, the xz/zstd/bzip2 tools for those codecs: each test says which tool it needs).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { zipSync, type Zippable } from "fflate";
import { pack as tarPack, type Header } from "tar-stream";
import { afterAll, describe, expect, it } from "vitest";
import { closeInputSources, openDirectorySource, openPathSource } from "../../../server/inputs/open-input-sources";
import { extractVmcoreFiles } from "../../../server/inputs/read-vmcore-inputs";
import { formatVmcoreExtract, VMCORE_EXTRACT_MAGIC } from "../../vmcore/vmcore-extract-file";
import { triage } from "../../triage";
import type { Incident, TriageInput } from "../../types";
import { bytesSource } from "../random-access";
import { DEFAULT_INGEST_LIMITS } from "../read-lines";
import { DEFAULT_EXPANSION_LIMITS, PUSH_PIECE_BYTES, type ExpansionLimits } from "./decompress";
import { expandInputs, type FileSource, type KeepText } from "./expand-inputs";

const ROOT = path.resolve(__dirname, "../../../..");
const MTIME = new Date("2024-09-01T00:00:00Z");
const logBody = (file: string) => {
  const text = readFileSync(path.join(ROOT, "testdata/kb", file), "utf8");
  return new TextEncoder().encode(text.slice(text.indexOf("\n\n") + 2));
};
const MESSAGES = logBody("skb-segment-gso-bug.log");
const OLD_MESSAGES = logBody("hung-task-rtnl-lock.log");
const DMESG = logBody("ext4-fs-error.log");
const KUBELET = logBody("kubelet-pleg-unhealthy.log");
const JOURNAL = new Uint8Array(execFileSync("gzip", ["-dc", path.join(ROOT, "testdata/journal/compact-zstd.journal.gz")], { maxBuffer: 64 << 20 }));

const hasTool = (cmd: string) => {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ENOENT";
  }
};
const TOOLS = { xz: hasTool("xz"), zstd: hasTool("zstd"), bzip2: hasTool("bzip2") };

type Codec = "none" | "gzip" | "xz" | "zstd" | "bzip2";
function compress(codec: Codec, bytes: Uint8Array): Uint8Array {
  if (codec === "none") return bytes;
  if (codec === "gzip") return new Uint8Array(gzipSync(bytes));
  const args = { xz: ["-c", "-6"], zstd: ["-q", "-c"], bzip2: ["-c"] }[codec];
  return new Uint8Array(execFileSync(codec, args, { input: bytes, maxBuffer: 1 << 30 }));
}

type TarEntry = Partial<Header> & { name: string; content?: Uint8Array };
async function makeTar(entries: TarEntry[]): Promise<Uint8Array> {
  const p = tarPack();
  const parts: Uint8Array[] = [];
  const done = (async () => {
    for await (const c of p) parts.push(c as Uint8Array);
  })();
  for (const { content, ...header } of entries) {
    await new Promise<void>((resolve, reject) => {
      p.entry({ mtime: MTIME, ...header, size: content?.length ?? 0 }, content ?? new Uint8Array(0), (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(parts);
}

function fileSource(name: string, bytes: Uint8Array, options: { randomAccess?: boolean } = {}): FileSource {
  return {
    kind: "file",
    name,
    open: async function* () {
      // In pieces, as a file or an upload arrives.
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
    },
    reopenable: true,
    randomAccess: options.randomAccess === false ? undefined : bytesSource(name, bytes),
    mtime: MTIME,
    size: bytes.length,
  };
}

/** Reads every kept input to the end, as the server does when it writes them to disk. */
const keepDrained: KeepText = async ({ name, chunks, mtime }) => {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c.slice());
  return { input: { name, data: Buffer.concat(parts), mtime } };
};

const findingKeys = (incident: Incident) =>
  incident.findings.map((f) => `${f.kind}|${f.title}|${f.guiltyFrame ?? ""}|${f.kernelRelease ?? ""}|${f.source.file}:${f.source.line}`).sort();

async function textOf(input: TriageInput): Promise<string> {
  if (input.data instanceof Uint8Array) return new TextDecoder().decode(input.data);
  const parts: Uint8Array[] = [];
  for await (const c of input.data) parts.push(c);
  return new TextDecoder().decode(Buffer.concat(parts));
}

const SOS = "sosreport-w01-2024-09-01-abcdef";
const sosMembers = (): TarEntry[] => [
  { name: `${SOS}/`, type: "directory" },
  { name: `${SOS}/hostname`, type: "symlink", linkname: "sos_commands/general/hostname" },
  { name: `${SOS}/etc/hostname`, content: new TextEncoder().encode("w01\n") },
  { name: `${SOS}/sos_commands/general/hostname`, content: new TextEncoder().encode("w01.cluster.local\n") },
  { name: `${SOS}/proc/cpuinfo`, content: new TextEncoder().encode("processor : 0\n") },
  { name: `${SOS}/sos_commands/networking/ip_-d_address`, content: new TextEncoder().encode("1: lo: <LOOPBACK,UP>\n") },
  { name: `${SOS}/var/log/messages`, content: MESSAGES },
  { name: `${SOS}/var/log/messages-20240811.gz`, content: compress("gzip", OLD_MESSAGES) },
  { name: `${SOS}/var/log/kubelet.log`, content: KUBELET },
  { name: `${SOS}/sos_commands/kernel/dmesg`, content: DMESG },
  { name: `${SOS}/sos_commands/logs/journalctl_--no-pager`, content: MESSAGES },
  { name: `${SOS}/var/log/journal/4f1c0b7e/system.journal`, content: JOURNAL },
];

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe("a sosreport-shaped tar.xz built from real logs", () => {
  it.skipIf(!TOOLS.xz)("gives the same findings as its members given one by one", async () => {
    const archive = compress("xz", await makeTar(sosMembers()));
    const { inputs, sources } = await expandInputs([fileSource("sosreport-w01.tar.xz", archive)]);
    const [summary] = sources;
    expect(summary).toMatchObject({ kind: "archive", format: "tar.xz", hostname: "w01", members: 11, ignoredMembers: 2 });
    expect(summary.error).toBeUndefined();
    const read = inputs.map((i) => i.name.slice("sosreport-w01.tar.xz:".length));
    expect(read).toEqual([
      `${SOS}/var/log/messages`,
      `${SOS}/var/log/messages-20240811.gz`,
      `${SOS}/var/log/kubelet.log`,
      `${SOS}/sos_commands/kernel/dmesg`,
    ]);
    expect(summary.skipped.map((s) => [s.path, s.reason])).toEqual([
      [`${SOS}/hostname`, "symlink"],
      [`${SOS}/sos_commands/logs/journalctl_--no-pager`, "duplicate"],
      [`${SOS}/var/log/journal/4f1c0b7e/system.journal`, "duplicate"],
    ]);

    const fromArchive = await triage(inputs, { sources });
    const oneByOne = [
      { name: `sosreport-w01.tar.xz:${SOS}/var/log/messages`, data: MESSAGES },
      { name: `sosreport-w01.tar.xz:${SOS}/var/log/messages-20240811.gz`, data: OLD_MESSAGES },
      { name: `sosreport-w01.tar.xz:${SOS}/var/log/kubelet.log`, data: KUBELET },
      { name: `sosreport-w01.tar.xz:${SOS}/sos_commands/kernel/dmesg`, data: DMESG },
    ];
    const separately = (await Promise.all(oneByOne.map((i) => triage([{ ...i, mtime: MTIME }])))).flatMap(findingKeys).sort();
    expect(findingKeys(fromArchive)).toEqual(separately);
    expect(fromArchive.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(["bug", "hung-task", "fs-error", "pleg-unhealthy"]));
    expect(fromArchive.sources?.[0].hostname).toBe("w01");
  });

  it("names the archive's host on members whose lines name none (raw dmesg)", async () => {
    const rawDmesg = new TextEncoder().encode(new TextDecoder().decode(DMESG).replace(/^.*? kernel: /gm, ""));
    const archive = compress("gzip", await makeTar([
      { name: "etc/hostname", content: new TextEncoder().encode("node-7\n") },
      { name: "sos_commands/kernel/dmesg", content: rawDmesg },
    ]));
    const { inputs, sources } = await expandInputs([fileSource("node-7.tgz", archive)]);
    expect(inputs.map((i) => i.host)).toEqual(["node-7"]);
    const incident = await triage(inputs, { sources });
    expect(incident.findings.length).toBeGreaterThan(0);
    expect(incident.findings.map((f) => f.host)).toEqual(incident.findings.map(() => "node-7"));
    expect(incident.hosts.map((h) => h.name)).toEqual(["node-7"]);
  });

  it("reads the binary journal when it is the only system log, with its boot ids", async () => {
    const archive = compress("gzip", await makeTar([{ name: "var/log/journal/4f1c/system.journal~", content: JOURNAL }]));
    const { inputs, sources } = await expandInputs([fileSource("node.tgz", archive)]);
    expect(inputs.map((i) => i.name)).toEqual(["node.tgz:var/log/journal/4f1c/system.journal~"]);
    expect(sources[0].journalBoots?.map((b) => b.bootId)).toEqual(["0b8e5c1f7a2d4c6e9f1a3b5c7d9e2f40", "6d2f8a4c1e3b5d7f9a0c2e4b6d8f1a35"]);
    expect(sources[0].hostname).toBe("w01");
    const incident = await triage(inputs);
    expect(incident.findings.map((f) => [f.title, f.time?.slice(0, 19)])).toEqual([["kernel BUG in skb_segment", "2024-08-13T15:59:23"]]);
  });
});

describe("every codec and container", () => {
  const codecs = ["gzip", "xz", "zstd", "bzip2"] as const;
  for (const codec of codecs) {
    it.skipIf(codec !== "gzip" && !TOOLS[codec as keyof typeof TOOLS])(`${codec}: a single log reads as the plain log`, async () => {
      const { inputs, sources } = await expandInputs([fileSource(`messages.${codec}`, compress(codec, MESSAGES))], { keep: keepDrained });
      expect(inputs).toHaveLength(1);
      if (codec === "gzip") expect(sources).toEqual([]); // passed through: the engine reads gzip itself
      else expect(sources).toMatchObject([{ kind: "compressed-log", inputs: [`messages.${codec}`] }]);
      const incident = await triage(inputs);
      expect(incident.inputs[0].lines).toBe(new TextDecoder().decode(MESSAGES).trimEnd().split("\n").length);
      expect(incident.findings.map((f) => f.title)).toEqual(["kernel BUG in skb_segment"]);
    });

    it.skipIf(codec !== "gzip" && !TOOLS[codec as keyof typeof TOOLS])(`tar.${codec}: members read`, async () => {
      const archive = compress(codec, await makeTar([{ name: "var/log/messages", content: MESSAGES }, { name: "vmcore-dmesg.txt", content: DMESG }]));
      const { inputs, sources } = await expandInputs([fileSource("a", archive)]);
      expect(sources[0].format).toBe(`tar.${{ gzip: "gz", xz: "xz", zstd: "zst", bzip2: "bz2" }[codec]}`);
      expect(await Promise.all(inputs.map(textOf))).toEqual([new TextDecoder().decode(MESSAGES), new TextDecoder().decode(DMESG)]);
    });
  }

  it("plain tar and zip (stored and deflated), with the zip read at offsets", async () => {
    const tar = await makeTar([{ name: "must-gather.local/host_service_logs/masters/kubelet_service.log", content: KUBELET }]);
    const zip = zipSync({
      "case/var/log/messages": [MESSAGES, { level: 6 }],
      "case/vmcore-dmesg.txt": [DMESG, { level: 0 }],
      "case/README": new TextEncoder().encode("hello"),
    } as Zippable);
    const { inputs, sources } = await expandInputs([fileSource("mg.tar", tar), fileSource("case.zip", new Uint8Array(zip))]);
    expect(sources.map((s) => [s.format, s.inputs.length, s.ignoredMembers])).toEqual([
      ["tar", 1, 0],
      ["zip", 2, 1],
    ]);
    expect(await Promise.all(inputs.map(textOf))).toEqual([KUBELET, MESSAGES, DMESG].map((b) => new TextDecoder().decode(b)));
  });

  it("a plain log passes through untouched and a directory is picked like an archive", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crash-"));
    tmpDirs.push(dir);
    mkdirSync(path.join(dir, "127.0.0.1-2024-08-13-16:00:12"));
    writeFileSync(path.join(dir, "127.0.0.1-2024-08-13-16:00:12/vmcore-dmesg.txt"), MESSAGES);
    writeFileSync(path.join(dir, "127.0.0.1-2024-08-13-16:00:12/kexec-dmesg.log"), "kexec\n");
    symlinkSync("/etc/shadow", path.join(dir, "127.0.0.1-2024-08-13-16:00:12/vmcore"));
    const src = await openDirectorySource(dir, "crash");
    const plain = await openPathSource(path.join(dir, "127.0.0.1-2024-08-13-16:00:12/vmcore-dmesg.txt"), "vmcore-dmesg.txt");
    const { inputs, sources } = await expandInputs([src, plain]);
    expect(inputs.map((i) => i.name)).toEqual(["crash/127.0.0.1-2024-08-13-16:00:12/vmcore-dmesg.txt", "vmcore-dmesg.txt"]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ kind: "directory", members: 3, ignoredMembers: 1 });
    expect(sources[0].skipped).toEqual([{ path: "127.0.0.1-2024-08-13-16:00:12/vmcore", reason: "symlink", message: "not followed: a symbolic link to /etc/shadow" }]);
    const incident = await triage(inputs);
    // Read by the engine or not, what the sources opened is closed by their opener, as the CLI does.
    await closeInputSources([src, plain]);
    expect(incident.findings.map((f) => f.title)).toEqual(["kernel BUG in skb_segment", "kernel BUG in skb_segment"]);
  });
});

const VMCORE_DATA = [path.resolve(ROOT, "../shared/data/vmcore"), path.resolve(ROOT, "../../shared/data/vmcore")].find(existsSync);

describe.skipIf(!VMCORE_DATA)("a copied /var/crash/<ip>-<date>/ with the real 6.12 dump", () => {
  it("reads the dump (directory or tar.xz), not the vmcore-dmesg.txt beside it, and finds the NULL dereference", async () => {
    const fixture = path.join(VMCORE_DATA!, "deb12-6.12-null-deref-oops");
    const dir = mkdtempSync(path.join(tmpdir(), "crash-copy-"));
    tmpDirs.push(dir);
    const crash = path.join(dir, "127.0.0.1-2024-12-01-10:00:00");
    mkdirSync(crash);
    writeFileSync(path.join(crash, "vmcore"), readFileSync(path.join(fixture, "vmcore-mini.kdump-zlib")));
    writeFileSync(path.join(crash, "vmcore-dmesg.txt"), readFileSync(path.join(fixture, "dmesg.makedumpfile.txt")));
    const tar = await makeTar([
      { name: "127.0.0.1-2024-12-01-10:00:00/vmcore", content: readFileSync(path.join(fixture, "vmcore-mini.kdump-zlib")) },
      { name: "127.0.0.1-2024-12-01-10:00:00/vmcore-dmesg.txt", content: readFileSync(path.join(fixture, "dmesg.makedumpfile.txt")) },
    ]);
    for (const source of [await openDirectorySource(dir, "crash"), fileSource("crash.tar", tar)]) {
      const { inputs, sources } = await expandInputs([source]);
      expect(inputs).toHaveLength(1);
      expect(inputs[0].vmcore?.facts.release).toBe("6.12.117+deb12-cloud-amd64");
      expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([["127.0.0.1-2024-12-01-10:00:00/vmcore-dmesg.txt", "duplicate"]]);
      const incident = await triage(inputs);
      await closeInputSources([source]);
      const f = incident.findings.find((x) => x.kind === "null-deref");
      expect([f?.guiltyFrame, f?.taint?.flags, f?.kernelRelease]).toEqual(["oopscope_read_victim", "OE", "6.12.117+deb12-cloud-amd64"]);
    }
  });
});

describe.skipIf(!VMCORE_DATA)("a dump's log and facts extracted on the node (oopscope upload)", () => {
  it("reads as the dump itself, and refuses an extract whose facts line is not valid", async () => {
    const dumpPath = path.join(VMCORE_DATA!, "deb12-6.12-null-deref-oops", "vmcore-mini.kdump-zlib");
    const fromDump = await expandInputs([fileSource("vmcore", new Uint8Array(readFileSync(dumpPath)))]);
    const [{ names, extract }] = await extractVmcoreFiles([{ path: dumpPath, name: "vmcore" }]);
    const file = formatVmcoreExtract({ name: names.join(" + "), vmcore: { facts: extract.facts, warnings: extract.warnings }, text: extract.text });
    expect(file.length).toBeLessThan(readFileSync(dumpPath).length);
    const fromExtract = await expandInputs([fileSource("vmcore.vmcore-extract", file)]);
    expect(fromExtract.inputs.map((i) => [i.name, i.host, i.vmcore])).toEqual(fromDump.inputs.map((i) => [i.name, i.host, i.vmcore]));
    const [a, b] = await Promise.all([triage(fromDump.inputs), triage(fromExtract.inputs)]);
    expect(b.findings.map((f) => [f.title, f.guiltyFrame, f.kernelRelease])).toEqual(a.findings.map((f) => [f.title, f.guiltyFrame, f.kernelRelease]));

    const lying = new TextEncoder().encode(`${VMCORE_EXTRACT_MAGIC}{"name":"x","facts":{"format":"elf","parts":1,"cpus":"<script>"},"warnings":[]}\nlog\n`);
    const refused = await expandInputs([fileSource("evil.vmcore-extract", lying)]);
    expect(refused.inputs).toHaveLength(0);
    expect(refused.sources[0].error).toMatch(/a vmcore extract, but its facts line is not valid: facts\.cpus/);
  });
});

describe("caps and odd members", () => {
  it("a member over the per-member cap, a nested archive and binary data under a log's name are skipped and said so", async () => {
    const big = new TextEncoder().encode("Aug 13 15:59:23 w01 kernel: x\n".repeat(80_000));
    const nested = compress("gzip", await makeTar([{ name: "var/log/messages", content: MESSAGES }]));
    const tar = await makeTar([
      { name: "var/log/messages", content: big },
      { name: "var/log/messages-1.gz", content: nested },
      { name: "var/log/syslog", content: new Uint8Array(4096).map((_, i) => (i * 7) % 9) },
      { name: "var/log/kern.log", content: DMESG },
      { name: "etc/hostname", content: new TextEncoder().encode("x".repeat(5000)) },
    ]);
    const limits = { ...DEFAULT_EXPANSION_LIMITS, maxMemberBytes: 1 << 20 };
    const { inputs, sources } = await expandInputs([fileSource("caps.tar", tar)], { limits });
    expect(inputs.map((i) => i.name)).toEqual(["caps.tar:var/log/kern.log"]);
    expect(sources[0].error).toBeUndefined();
    expect(sources[0].hostname).toBeUndefined();
    expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([
      ["var/log/messages", "too-large"],
      ["var/log/messages-1.gz", "nested-archive"],
      ["var/log/syslog", "binary"],
      ["etc/hostname", "too-large"],
    ]);
  });
});

describe("hostile archives", () => {
  it("tar slip, absolute paths, links and device files are refused member by member, with the reason", async () => {
    const tar = await makeTar([
      { name: "../../etc/cron.d/evil", content: new TextEncoder().encode("* * * * * root sh\n") },
      { name: "/var/log/messages", content: MESSAGES },
      { name: "var/log/messages", type: "symlink", linkname: "/etc/shadow" },
      { name: "var/log/syslog", type: "link", linkname: "etc/passwd" },
      { name: "var/log/kmsg", type: "character-device", devmajor: 1, devminor: 11 },
      { name: "var/log/fifo.log", type: "fifo" },
      { name: "var/log/kern.log", content: DMESG },
    ]);
    const { inputs, sources } = await expandInputs([fileSource("evil.tar", tar)]);
    expect(inputs.map((i) => i.name)).toEqual(["evil.tar:var/log/kern.log"]);
    expect(sources[0].skipped.map((s) => [s.path, s.reason])).toEqual([
      ["../../etc/cron.d/evil", "path-escape"],
      ["/var/log/messages", "path-escape"],
      ["var/log/messages", "symlink"],
      ["var/log/syslog", "hardlink"],
      ["var/log/kmsg", "device"],
      ["var/log/fifo.log", "device"],
    ]);
    expect(sources[0].skipped[0].message).toMatch(/slip/);
  });

  it("zip slip and zip symlinks are refused", async () => {
    const zip = zipSync({
      "../../../tmp/var/log/messages": MESSAGES,
      "C:/windows/var/log/messages": MESSAGES,
      "node/var/log/messages": [new TextEncoder().encode("/etc/shadow"), { os: 3, attrs: (0o120777 << 16) >>> 0, level: 0 }],
      "node/var/log/kern.log": [DMESG, { os: 3, attrs: (0o100644 << 16) >>> 0 }],
    } as Zippable);
    const { inputs, sources } = await expandInputs([fileSource("evil.zip", new Uint8Array(zip))]);
    expect(inputs.map((i) => i.name)).toEqual(["evil.zip:node/var/log/kern.log"]);
    expect(sources[0].skipped.map((s) => [s.path, s.reason])).toEqual([
      ["../../../tmp/var/log/messages", "path-escape"],
      ["C:/windows/var/log/messages", "path-escape"],
      ["node/var/log/messages", "symlink"],
    ]);
    expect(sources[0].skipped[2].message).toContain("/etc/shadow");
  });

  it("zip entries whose Unix mode has no file type (Python's zipfile, Java) are files, as unzip takes them", async () => {
    const zip = zipSync({
      "node/var/log/messages": [MESSAGES, { os: 3, attrs: (0o600 << 16) >>> 0 }],
      "node/var/log/": [new Uint8Array(0), { os: 3, attrs: (0o700 << 16) >>> 0 }],
    } as Zippable);
    const { inputs, sources } = await expandInputs([fileSource("py.zip", new Uint8Array(zip))]);
    expect(inputs.map((i) => i.name)).toEqual(["py.zip:node/var/log/messages"]);
    expect(sources[0].skipped).toEqual([]);
  });
});

describe("formats recognised but not read are said by name", () => {
  it("lz4, 7z and rar: the source is refused with what to do, a member is skipped with it", async () => {
    // An lz4 frame of zeros: no control bytes to speak of, it passed for a one-line text.
    const lz4 = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, 0x1f, 0x00, 0x01, 0x00, ...new Array(200).fill(0xff)]);
    const sevenZip = new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04, ...new Array(100).fill(0x41)]);
    const tar = await makeTar([{ name: "var/log/messages.lz4", content: lz4 }, { name: "var/log/kern.log", content: DMESG }]);
    const { inputs, sources } = await expandInputs([fileSource("messages.lz4", lz4), fileSource("logs.7z", sevenZip), fileSource("t.tar", tar)]);
    expect(sources.map((s) => [s.kind, s.format, s.error])).toEqual([
      ["compressed-log", "lz4", "messages.lz4 is an lz4 file, which oopscope does not read: decompress it first (lz4 -d)."],
      ["archive", "7z", expect.stringMatching(/^logs\.7z is a 7z archive, which oopscope does not read: extract it \(7z x\)/)],
      ["archive", "tar", undefined],
    ]);
    expect(sources[2].skipped.map((k) => [k.path, k.reason, k.message])).toEqual([["var/log/messages.lz4", "unreadable", "not read: lz4 data, which oopscope does not read (decompress it first (lz4 -d))"]]);
    expect(inputs.map((i) => i.name)).toEqual(["t.tar:var/log/kern.log"]);
  });
});

describe("sparse files in a tar", () => {
  it.skipIf(!hasTool("tar"))("GNU and pax sparse entries are skipped with the reason, not called device files; the rest is read", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "oopscope-sparse-"));
    try {
      mkdirSync(path.join(dir, "var/log"), { recursive: true });
      // A syslog written up to a hard reset: a hole, then text.
      execFileSync("truncate", ["-s", "64M", path.join(dir, "var/log/messages")]);
      writeFileSync(path.join(dir, "var/log/messages"), MESSAGES, { flag: "a" });
      writeFileSync(path.join(dir, "var/log/kern.log"), DMESG);
      const sources: FileSource[] = [];
      for (const format of ["gnu", "pax"]) {
        const file = path.join(dir, `${format}.tar`);
        execFileSync("tar", ["--sparse", `--format=${format}`, "-C", dir, "-cf", file, "var/log/messages", "var/log/kern.log"]);
        sources.push(fileSource(`${format}.tar`, new Uint8Array(readFileSync(file))));
      }
      const { inputs, sources: summaries } = await expandInputs(sources);
      expect(inputs.map((i) => i.name)).toEqual(["gnu.tar:var/log/kern.log", "pax.tar:var/log/kern.log"]);
      for (const s of summaries) {
        expect(s.skipped.map((k) => [k.path, k.reason])).toEqual([["var/log/messages", "unreadable"]]);
        expect(s.skipped[0].message).toMatch(/sparse/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("inputs cut short keep what came before the cut", () => {
  // Varied enough that every codec's output needs most of its input (a cut at 70% falls inside the data).
  const longText = Array.from({ length: 20_000 }, (_, i) => `Aug 13 15:59:23 w01 kernel: line ${i} ${(i * 2654435761).toString(36)}\n`).join("");
  const longLog = new TextEncoder().encode(longText);

  // bzip2 too, block by block: a cut inside its first 900 KB block leaves nothing, as the last test shows for gzip.
  for (const codec of ["xz", "zstd"] as const) {
    it.skipIf(!TOOLS[codec])(`a truncated ${codec} log: its text up to the cut, and why the rest is missing`, async () => {
      const whole = compress(codec, longLog);
      const { inputs, sources } = await expandInputs([fileSource(`messages.${codec}`, whole.subarray(0, Math.floor(whole.length * 0.7)))], { keep: keepDrained });
      expect(sources[0].error).toBeUndefined();
      expect(sources[0].warnings.join()).toMatch(/^cut short: .*corrupt or truncated.* after \d+ decoded bytes; the text before it was read$/);
      const text = await textOf(inputs[0]);
      expect(text.length).toBeGreaterThan(longLog.length / 4);
      expect(longText.startsWith(text)).toBe(true);
    });
  }

  // xz-decompress decodes one stream at a time; a sniffed xz log left half-read blocked the next one for good (the CLI
  // streams its inputs; two .xz files ended the process with nothing printed).
  it.skipIf(!TOOLS.xz)("several xz logs given together are all read, each streamed after the one before", async () => {
    // Each longer than one decoder output buffer, so that no stream ends inside its sniff.
    const logs = ["w01", "w02", "w03"].map((host) => new TextEncoder().encode(longText.replaceAll(" w01 ", ` ${host} `)));
    const { inputs, sources } = await expandInputs(logs.map((log, i) => fileSource(`node-${i}.log.xz`, compress("xz", log))));
    expect(sources.map((s) => [s.format, s.error])).toEqual(logs.map(() => ["xz", undefined]));
    const texts: string[] = [];
    for (const input of inputs) texts.push(await textOf(input));
    expect(texts).toEqual(logs.map((log) => new TextDecoder().decode(log)));
  });

  it("a truncated tar keeps the members before the cut; the one it cut is skipped with the reason", async () => {
    const tar = await makeTar([{ name: "var/log/messages", content: MESSAGES }, { name: "var/log/kern.log", content: longLog }]);
    const { inputs, sources } = await expandInputs([fileSource("cut.tar", tar.subarray(0, tar.length >> 1))], { keep: keepDrained });
    expect(inputs.map((i) => i.name)).toEqual(["cut.tar:var/log/messages"]);
    expect(sources[0].error).toBeUndefined();
    expect(sources[0].warnings.join()).toMatch(/cut short: .*the members before it were read/);
    expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([["var/log/kern.log", "unreadable"]]);
  });

  it("a source cut before it gave anything is still refused", async () => {
    const whole = compress("gzip", await makeTar([{ name: "var/log/messages", content: MESSAGES }]));
    const { inputs, sources } = await expandInputs([fileSource("cut.tgz", whole.subarray(0, 20))], { keep: keepDrained });
    expect(inputs).toEqual([]);
    expect(sources[0].error).toMatch(/corrupt or truncated/);
  });
});

describe("decompression bombs of every shape are refused early", () => {
  // Small caps so the bombs stay small; the shapes are what matter.
  const limits: ExpansionLimits = { ...DEFAULT_EXPANSION_LIMITS, ratioCheckAfterBytes: 4 << 20, maxRatio: 100 };
  const zeros = (n: number) => new Uint8Array(n);
  const producedBefore = (message: string) => Number(/→ (\d+)\+ bytes/.exec(message)?.[1]);

  /** Counts the bytes the expander pulled from the source. */
  function countingSource(name: string, bytes: Uint8Array) {
    const src = fileSource(name, bytes, { randomAccess: false });
    const counter = { pulled: 0 };
    const open = src.open;
    src.open = async function* () {
      for await (const c of open()) {
        counter.pulled += c.length;
        yield c;
      }
    };
    return { src, counter };
  }

  // The meter sees output one pushed piece at a time: deflate expands a piece at most 1032×. One bzip2 block can hold
  // ~45 MB of a byte run (run-length coding happens before the 900 KB block): its output is metered as it is made,
  // so a bzip2 bomb stops inside its first block instead of after it (it took ~8 s and ~1 GB a block).
  const PIECE_OUTPUT = 1032 * PUSH_PIECE_BYTES;
  const BZIP2_BLOCK_OUTPUT = 1 << 20;
  const shapes: Array<[string, () => Promise<Uint8Array>, keyof typeof TOOLS | undefined, number]> = [
    ["tar.gz with a zero-filled member", async () => compress("gzip", await makeTar([{ name: "var/log/messages", content: zeros(32 << 20) }])), undefined, 0],
    ["xz log", async () => compress("xz", zeros(24 << 20)), "xz", 0],
    ["zstd log", async () => compress("zstd", zeros(32 << 20)), "zstd", 0],
    ["bzip2 log", async () => compress("bzip2", zeros(96 << 20)), "bzip2", BZIP2_BLOCK_OUTPUT],
  ];
  for (const [label, make, tool, blockOvershoot] of shapes) {
    it.skipIf(tool !== undefined && !TOOLS[tool])(`${label}`, async () => {
      const bomb = await make();
      const { sources, inputs } = await expandInputs([fileSource(label, bomb)], { limits, keep: keepDrained });
      expect(inputs).toEqual([]);
      expect(sources[0].error).toMatch(/decompression bomb/);
      // Named as what it was sniffed as, though refused before its first byte of output was looked at.
      if (tool) expect([sources[0].kind, sources[0].format]).toEqual(["compressed-log", { xz: "xz", zstd: "zst", bzip2: "bz2" }[tool]]);
      // Refused about the check threshold in, not at the end: the CPU spent is bounded by that.
      expect(producedBefore(sources[0].error!)).toBeLessThan(limits.ratioCheckAfterBytes + PIECE_OUTPUT + blockOvershoot);
    });
  }

  it("once one zip member is a bomb, the members the engine reads later are refused before they are decoded", async () => {
    // Streamed lazily (the CLI's way): each member's bomb would surface only when the engine reads it.
    const entries: Zippable = {};
    const member = zeros(8 << 20);
    for (let i = 0; i < 5; i++) entries[`var/log/messages-${i}`] = member;
    const zip = zipSync(entries, { level: 1 });
    const { inputs } = await expandInputs([fileSource("bombs.zip", zip)], { limits });
    const incident = await triage(inputs, { limits: { ...DEFAULT_INGEST_LIMITS, ratioCheckAfterBytes: limits.ratioCheckAfterBytes } });
    const errors = incident.inputs.map((i) => i.error ?? "");
    expect(errors.filter((e) => /expands more than/.test(e))).toHaveLength(1);
    expect(errors.filter((e) => /another member of bombs\.zip is a decompression bomb/.test(e))).toHaveLength(4);
  });

  it("sniffing a zip's members inflates kilobytes of each, not megabytes", async () => {
    // 20 entries of 2 MB of zeros (~2 KB each): a 4 KB first piece inflated each whole (40 MB, over this 8 MB cap).
    const entries: Zippable = {};
    const member = zeros(2 << 20);
    for (let i = 0; i < 20; i++) entries[`var/log/messages-${i}`] = member;
    // Zeros are a bomb to the archive-wide ratio: a ratio deflate cannot reach leaves only the sniffing to measure.
    const sniffOnly = { ...limits, maxDecodedBytes: 8 << 20, maxRatio: 2000 };
    const { inputs, sources } = await expandInputs([fileSource("many.zip", zipSync(entries, { level: 9 }))], { limits: sniffOnly });
    expect(sources[0].error).toBeUndefined();
    expect(inputs).toHaveLength(20);
  });

  it("multi-member gzip is counted as a whole, not member by member", async () => {
    // Each member alone is under the check threshold; together they are a bomb.
    const member = gzipSync(zeros(1 << 20));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    const tar = compress("gzip", await makeTar([{ name: "var/log/messages.gz", content: new Uint8Array(bomb) }]));
    const { sources } = await expandInputs([fileSource("multi.tgz", tar)], { limits, keep: keepDrained });
    expect(sources[0].error).toMatch(/decompression bomb/);
    // Given on its own, a gzip log is sniffed here and read by the engine: one of the two refuses it.
    const single = await expandInputs([fileSource("multi.gz", new Uint8Array(bomb))], { limits, keep: keepDrained });
    const incident = await triage(single.inputs, { limits: { ...DEFAULT_INGEST_LIMITS, ratioCheckAfterBytes: limits.ratioCheckAfterBytes, maxGzipRatio: limits.maxRatio } });
    expect([single.sources[0]?.error, incident.inputs[0]?.error].join(" ")).toMatch(/bomb/);
  });

  it("the ratio is taken on the input actually consumed: junk after a bomb does not dilute it", async () => {
    // A second gzip member of incompressible bytes: over the whole file the ratio is ~3, far under the cap.
    let x = 1;
    const noise = new Uint8Array(16 << 20).map(() => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
    const bomb = Buffer.concat([compress("gzip", await makeTar([{ name: "var/log/messages", content: zeros(32 << 20) }])), gzipSync(noise, { level: 1 })]);
    const { src, counter } = countingSource("bomb-and-junk.tgz", new Uint8Array(bomb));
    const { sources } = await expandInputs([src], { limits, keep: keepDrained });
    expect(sources[0].error).toMatch(/decompression bomb/);
    expect(counter.pulled).toBeLessThan(bomb.length / 4);
  });

  it("a bomb inside a member refuses the whole archive, with nothing kept from it", async () => {
    const tar = await makeTar([{ name: "var/log/kern.log", content: DMESG }, { name: "var/log/messages-1.gz", content: compress("gzip", zeros(64 << 20)) }]);
    const { sources, inputs } = await expandInputs([fileSource("t.tar", tar), fileSource("plain.log", MESSAGES)], { limits, keep: keepDrained });
    expect(sources[0].error).toMatch(/decompression bomb/);
    expect(inputs.map((i) => i.name)).toEqual(["plain.log"]);
  });

  it("zip: overlapping entries (a non-recursive zip bomb) and a high-ratio entry", async () => {
    const one = zipSync({ "var/log/messages": [zeros(1 << 20), { level: 1 }] } as Zippable);
    // Point a second central-directory entry at the same local header: Fifield's overlap.
    const view = new DataView(one.buffer);
    const eocd = one.length - 22;
    const cdOffset = view.getUint32(eocd + 16, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const central = one.slice(cdOffset, cdOffset + cdSize);
    const renamed = central.slice();
    renamed.set(new TextEncoder().encode("var/log/syslog!!"), 46);
    const overlapping = Buffer.concat([one.subarray(0, cdOffset), central, renamed, one.subarray(eocd)]);
    const ov = new DataView(overlapping.buffer, overlapping.byteOffset);
    const newEocd = overlapping.length - 22;
    ov.setUint16(newEocd + 8, 2, true);
    ov.setUint16(newEocd + 10, 2, true);
    ov.setUint32(newEocd + 12, cdSize * 2, true);
    const r1 = await expandInputs([fileSource("overlap.zip", new Uint8Array(overlapping))], { limits, keep: keepDrained });
    expect(r1.sources[0].error).toMatch(/overlapping-entry zip bomb/);

    const big = zipSync({ "var/log/messages": [zeros(16 << 20), { level: 1 }] } as Zippable);
    const r2 = await expandInputs([fileSource("ratio.zip", new Uint8Array(big))], { limits, keep: keepDrained });
    expect(r2.sources[0].error).toMatch(/decompression bomb/);
  });

  it("with the default caps a multi-member gzip bomb inside a tar member is refused", async () => {
    const member = gzipSync(zeros(16 << 20));
    const bomb = compress("none", new Uint8Array(Buffer.concat(Array.from({ length: 24 }, () => member))));
    const tar = compress("gzip", await makeTar([{ name: "var/log/messages", content: new Uint8Array(bomb) }]));
    const { sources } = await expandInputs([fileSource("default.tgz", tar)], { keep: keepDrained });
    // 384 MB of zeros from ~400 KB: refused by the default 200× ratio once 16 MB are out.
    expect(sources[0].error).toMatch(/decompression bomb/);
    expect(producedBefore(sources[0].error!)).toBeLessThan(DEFAULT_EXPANSION_LIMITS.ratioCheckAfterBytes + PIECE_OUTPUT);
  });
});

describe("files cut inside a header", () => {
  const elfIdent = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  it.each([
    ["a 16-byte ELF64 identification", new Uint8Array(elfIdent), /truncated ELF vmcore/],
    ["the 4-byte ELF magic alone", new Uint8Array(elfIdent.slice(0, 4)), /truncated ELF vmcore/],
    ["a flattened dump's signature without its padding", new TextEncoder().encode("makedumpfile"), /truncated/],
  ])("%s is a truncated dump, not a binary file", async (_what, bytes, reason) => {
    const { inputs } = await expandInputs([fileSource("vmcore", bytes)]);
    const incident = await triage(inputs);
    const refusals = incident.inputs.map((i) => i.error ?? i.vmcore?.error ?? "").join(" ");
    expect(refusals).toMatch(reason);
    expect(refusals).not.toMatch(/binary/);
  });

  it("a short ELF that is a program, not a core, is still a binary file", async () => {
    const program = new Uint8Array([...elfIdent, 2, 0, 0x3e, 0, ...new Array(46).fill(0)]);
    const { inputs } = await expandInputs([fileSource("a.out", program)]);
    const incident = await triage(inputs);
    expect(incident.inputs[0].error).toMatch(/binary file/);
  });

  it("a member whose tar header claims 2^63 bytes is skipped with a readable, flagged size", async () => {
    const tar = await makeTar([{ name: "var/log/messages", content: MESSAGES }]);
    // GNU base-256 size field: 0x80 marks it, 2^63 big-endian in the remaining 11 bytes.
    tar.fill(0, 124, 136);
    tar[124] = 0x80;
    tar[128] = 0x80;
    tar.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += tar[i];
    tar.set(new TextEncoder().encode(sum.toString(8).padStart(6, "0") + "\0 "), 148);
    const { sources } = await expandInputs([fileSource("node.tar", tar)]);
    const skipped = sources[0].skipped.find((s) => s.path === "var/log/messages");
    expect(skipped?.message).toContain("8 EiB (an implausible size: the field is corrupt)");
    expect(skipped?.message).not.toMatch(/\d{12}/);
  });
});

describe("the bomb budget is the archive's, across its members", () => {
  // Default caps: each member below stays under the 16 MB a single stream may expand before its ratio is checked.
  const MEMBER_ZEROS = 15 << 20;
  const MEMBERS = 200;
  const producedIn = (message: string) => Number(/→ (\d+)\+ bytes/.exec(message)?.[1]);
  const memberIndexIn = (message: string) => Number(/messages-(\d+)/.exec(message)?.[1]);

  /** Drains each kept member without holding it (before the archive-wide budget, 200 × 15 MB were kept). */
  const drainCounting = (counter: { bytes: number }): KeepText => async ({ name, chunks }) => {
    for await (const c of chunks) counter.bytes += c.length;
    return { input: { name, data: new Uint8Array(0) } };
  };

  /** A zip whose entries all carry their own copy of one deflate stream (no shared bytes: not the overlap bomb). */
  function zipOfCopies(names: string[], plain: Uint8Array): Uint8Array {
    const data = deflateRawSync(plain, { level: 9 });
    const crc = crc32(plain);
    const locals: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const name of names) {
      const n = Buffer.from(name);
      // The local header and the central directory entry share one run of fields: CRC, sizes, name length.
      const header = (size: number, signature: number, versionsAt: number[], methodAt: number) => {
        const b = Buffer.alloc(size);
        b.writeUInt32LE(signature, 0);
        for (const at of versionsAt) b.writeUInt16LE(20, at);
        b.writeUInt16LE(8, methodAt);
        b.writeUInt32LE(crc, methodAt + 6);
        b.writeUInt32LE(data.length, methodAt + 10);
        b.writeUInt32LE(plain.length, methodAt + 14);
        b.writeUInt16LE(n.length, methodAt + 18);
        return b;
      };
      const local = header(30, 0x04034b50, [4], 8);
      const dir = header(46, 0x02014b50, [4, 6], 10);
      dir.writeUInt32LE(offset, 42);
      locals.push(local, n, data);
      central.push(dir, n);
      offset += 30 + n.length + data.length;
    }
    const dirBytes = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(names.length, 8);
    end.writeUInt16LE(names.length, 10);
    end.writeUInt32LE(dirBytes.length, 12);
    end.writeUInt32LE(offset, 16);
    return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
  }

  const names = Array.from({ length: MEMBERS }, (_, i) => `var/log/messages-${i}`);

  it.each([
    ["a zip", () => zipOfCopies(names, new Uint8Array(MEMBER_ZEROS))],
    ["a tar of gzip members", async () => {
      const member = new Uint8Array(gzipSync(new Uint8Array(MEMBER_ZEROS), { level: 9 }));
      return makeTar(names.map((name) => ({ name: `${name}.gz`, content: member })));
    }],
  ])("%s of 200 bombs, each under the per-stream check, is refused within the first members", async (_what, make) => {
    const archive = await make();
    const counter = { bytes: 0 };
    const { sources, inputs } = await expandInputs([fileSource("bombs", archive)], { keep: drainCounting(counter) });
    expect(inputs).toEqual([]);
    expect(sources[0].error).toMatch(/the members of bombs together expand more than 200×.*a decompression bomb/);
    // Refused once 16 MB of member output were made, not after 200 × 15 MB: the third member at the latest.
    expect(producedIn(sources[0].error!)).toBeLessThan(2 * DEFAULT_EXPANSION_LIMITS.ratioCheckAfterBytes);
    expect(memberIndexIn(sources[0].error!)).toBeLessThanOrEqual(2);
    expect(counter.bytes).toBeLessThan(2 * DEFAULT_EXPANSION_LIMITS.ratioCheckAfterBytes);
  });

  it.skipIf(!TOOLS.xz)("a sosreport-like tar.xz of many real-shaped logs, rotated ones gzipped, is read whole", async () => {
    // ~23 MB of member output, past the check threshold: syslog text with varying fields (~8-15x as gzip)
    // and a few floods of one repeated message (~60-120x), as a busy node's rotated logs are.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const syslog = (lines: number, flood: boolean) => {
      const out: string[] = [];
      for (let i = 0; i < lines; i++) {
        const t = `Aug ${10 + (i % 9)} ${String(i % 24).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}`;
        out.push(
          flood
            ? `${t} w01 kernel: nf_conntrack: nf_conntrack: table full, dropping packet`
            : `${t} w01 ${["kubelet", "containerd", "systemd", "sshd"][rand(4)]}[${rand(40000)}]: pod=${rand(1e6).toString(16)} ip=10.${rand(256)}.${rand(256)}.${rand(256)} took ${rand(5000)}ms status=${rand(600)}`,
        );
      }
      return new TextEncoder().encode(out.join("\n") + "\n");
    };
    const entries: TarEntry[] = [{ name: `${SOS}/etc/hostname`, content: new TextEncoder().encode("w01\n") }];
    for (let i = 0; i < 36; i++) {
      const flood = i % 9 === 0;
      const body = syslog(flood ? 20_000 : 5_000, flood);
      entries.push({ name: `${SOS}/var/log/messages-2024080${i % 10}-${i}.gz`, content: compress("gzip", body) });
    }
    entries.push({ name: `${SOS}/var/log/messages`, content: MESSAGES });
    const { sources, inputs } = await expandInputs([fileSource("sosreport-w01.tar.xz", compress("xz", await makeTar(entries)))], { keep: keepDrained });
    expect(sources[0].error).toBeUndefined();
    expect(inputs).toHaveLength(37);
    const decoded = inputs.reduce((n, i) => n + (i.data as Uint8Array).length, 0);
    expect(decoded).toBeGreaterThan(DEFAULT_EXPANSION_LIMITS.ratioCheckAfterBytes);
  });
});


describe("every stream a refused or re-read source opened is ended", () => {
  /** A source whose `open()` counts the streams it started and the ones ended (a file handle closed, in the CLI). */
  function countingSource(name: string, bytes: Uint8Array, counts: { started: number; ended: number }): FileSource {
    const src = fileSource(name, bytes);
    return {
      ...src,
      open: async function* () {
        counts.started++;
        try {
          yield* src.open();
        } finally {
          counts.ended++;
        }
      },
    };
  }

  it("a zip read at offsets, a zip bomb, formats not read and a gzip log re-read by the engine", async () => {
    const sevenZip = new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04, ...new Array(100).fill(0x41)]);
    const lz4 = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, 0x1f, 0x00, 0x01, 0x00, ...new Array(200).fill(0xff)]);
    const sources = {
      "logs.zip": zipSync({ "var/log/messages": MESSAGES }),
      "bomb.zip": zipSync({ "var/log/messages": new Uint8Array(24 << 20) }, { level: 9 }),
      "logs.7z": sevenZip,
      "messages.lz4": lz4,
      "messages.gz": compress("gzip", MESSAGES),
    };
    const counts = Object.fromEntries(Object.keys(sources).map((name) => [name, { started: 0, ended: 0 }]));
    const { sources: summaries } = await expandInputs(
      Object.entries(sources).map(([name, bytes]) => countingSource(name, bytes, counts[name])),
      { keep: keepDrained },
    );
    expect(summaries.filter((s) => s.error).map((s) => s.name)).toEqual(["bomb.zip", "logs.7z", "messages.lz4"]);
    // Each was opened once to be sniffed (the gzip log once more, unstarted, for the engine to read) and ended.
    for (const name of Object.keys(sources)) expect([name, counts[name]]).toEqual([name, { started: 1, ended: 1 }]);
  });
});

describe("a bundle of logs (an archive that is no support archive): every member read by its content", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  // Kernel lines without a syslog prefix (dmesg, a console capture): they name no host.
  const RAW = enc(new TextDecoder().decode(MESSAGES).replace(/^.*? kernel: /gm, "").replace(/^.*kubelet.*\n/gm, ""));
  const BINARY = new Uint8Array(4096).map((_, i) => (i * 7) % 9);
  const bundle = (): TarEntry[] => [
    { name: "node1.log", content: RAW },
    { name: "dmesg-worker-3.txt", content: RAW },
    { name: "crash/2024-08-18/dmesg", content: RAW },
    { name: "logs/kern.log.2.gz", content: compress("gzip", RAW) },
    { name: "incident-123/console.out", content: RAW },
    { name: "worker-7/journal.bin", content: JOURNAL },
    { name: "tools/crash-helper", content: BINARY },
    { name: "node4.log", content: new Uint8Array(0) },
    { name: "__MACOSX/._node1.log", content: BINARY },
  ];

  it("tar.gz: text, compressed and journal members are read, binary and empty ones listed, hosts taken from the paths", async () => {
    const { inputs, sources } = await expandInputs([fileSource("incident.tgz", compress("gzip", await makeTar(bundle())))], { keep: keepDrained });
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ kind: "archive", format: "tar.gz", selection: "every-log", members: 9, ignoredMembers: 1 });
    expect(sources[0].error).toBeUndefined();
    expect(inputs.map((i) => [i.name.slice("incident.tgz:".length), i.host])).toEqual([
      ["node1.log", "node1"],
      ["dmesg-worker-3.txt", "worker-3"],
      ["crash/2024-08-18/dmesg", undefined],
      ["logs/kern.log.2.gz", undefined],
      ["incident-123/console.out", undefined],
      // Named after its directory; a journal's lines name their own host (w01), which they keep (below).
      ["worker-7/journal.bin", "worker-7"],
    ]);
    expect(sources[0].hostname).toBeUndefined();
    expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([
      ["tools/crash-helper", "binary"],
      ["node4.log", "empty"],
    ]);
    const incident = await triage(inputs, { sources });
    const bugs = incident.findings.filter((f) => f.title === "kernel BUG in skb_segment");
    expect(bugs.map((f) => f.host ?? "")).toEqual(expect.arrayContaining(["node1", "worker-3", "", "w01"]));
    expect(bugs.length).toBeGreaterThanOrEqual(5);
  });

  it("several hosts' system logs: one host's journalctl output is not a repeat of another's messages", async () => {
    const tar = await makeTar([
      { name: "node1/journal.txt", content: MESSAGES },
      { name: "node2/messages.txt", content: MESSAGES },
      { name: "node2/journal.txt", content: MESSAGES },
    ]);
    const { inputs, sources } = await expandInputs([fileSource("two.tar", tar)]);
    expect(inputs.map((i) => i.name)).toEqual(["two.tar:node1/journal.txt", "two.tar:node2/messages.txt"]);
    expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([["node2/journal.txt", "duplicate"]]);
  });

  it("zip: the same members, the same reading", async () => {
    const entries: Zippable = {};
    for (const e of bundle()) entries[e.name] = e.content!;
    const { inputs, sources } = await expandInputs([fileSource("incident.zip", zipSync(entries))], { keep: keepDrained });
    expect(sources[0]).toMatchObject({ format: "zip", selection: "every-log", members: 9, ignoredMembers: 1 });
    expect(inputs.map((i) => i.name.slice("incident.zip:".length))).toEqual([
      "node1.log",
      "dmesg-worker-3.txt",
      "crash/2024-08-18/dmesg",
      "logs/kern.log.2.gz",
      "incident-123/console.out",
      "worker-7/journal.bin",
    ]);
    expect(await textOf(inputs[3])).toBe(new TextDecoder().decode(RAW));
  });

  it("a path only a support archive has, seen late, drops what was read by content: the rules pick as if known from the start", async () => {
    const inner = zipSync({ "node9.log": RAW });
    const tar = await makeTar([
      { name: "case/README.txt", content: enc("collected by hand\n") },
      { name: "case/tools/crash-helper", content: BINARY },
      { name: "case/extra.zip", content: inner },
      { name: "case/var/log/messages", content: MESSAGES },
      { name: "case/sos_commands/kernel/dmesg", content: DMESG },
      { name: "case/notes.txt", content: enc("after the marker: ignored\n") },
    ]);
    const { inputs, sources } = await expandInputs([fileSource("case.tar", tar)], { keep: keepDrained });
    expect(inputs.map((i) => i.name)).toEqual(["case.tar:case/var/log/messages", "case.tar:case/sos_commands/kernel/dmesg"]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ selection: "support-archive", members: 6, ignoredMembers: 4, skipped: [] });
  });

  it("archives inside it are opened (zip in tar.gz, tar.gz in zip) under the outer caps, two levels deep", async () => {
    const level3 = compress("gzip", await makeTar([{ name: "node3.log", content: RAW }]));
    const level2 = zipSync({ "node2.log": RAW, "deeper.tgz": level3 });
    const level1 = compress("gzip", await makeTar([{ name: "node1.log", content: RAW }, { name: "w02-logs.zip", content: level2 }]));
    const outer = zipSync({ "top.log": RAW, "rack-a.tar.gz": level1 });
    const { inputs, sources } = await expandInputs([fileSource("all.zip", outer)], { keep: keepDrained });
    expect(inputs.map((i) => [i.name, i.host])).toEqual([
      ["all.zip:top.log", undefined],
      ["all.zip:rack-a.tar.gz:node1.log", "node1"],
      ["all.zip:rack-a.tar.gz:w02-logs.zip:node2.log", "node2"],
    ]);
    expect(sources.map((s) => [s.name, s.format, s.inputs.length])).toEqual([
      ["all.zip", "zip", 1],
      ["all.zip:rack-a.tar.gz", "tar.gz", 1],
      ["all.zip:rack-a.tar.gz:w02-logs.zip", "zip", 1],
    ]);
    expect(sources[2].skipped.map((k) => [k.path, k.reason])).toEqual([["deeper.tgz", "nested-archive"]]);
    expect(sources[2].skipped[0].message).toMatch(/an archive inside 3 others/);
  });

  it("a nested archive that is a bomb refuses the whole bundle", async () => {
    const limits: ExpansionLimits = { ...DEFAULT_EXPANSION_LIMITS, ratioCheckAfterBytes: 4 << 20, maxRatio: 100 };
    const bomb = compress("gzip", await makeTar([{ name: "node2.log", content: new Uint8Array(32 << 20) }]));
    const { inputs, sources } = await expandInputs([fileSource("b.zip", zipSync({ "node1.log": RAW, "inner.tgz": bomb })), fileSource("plain.log", RAW)], {
      limits,
      keep: keepDrained,
    });
    expect(sources[0].error).toMatch(/decompression bomb/);
    expect(inputs.map((i) => i.name)).toEqual(["plain.log"]);
  });

  it("nothing readable: the archive is refused with what it held; an empty one says it is empty", async () => {
    const binaries = compress("gzip", await makeTar([{ name: "a.bin", content: BINARY }, { name: "lib/libfoo.so", content: BINARY }, { name: "empty.log", content: new Uint8Array(0) }]));
    const { inputs, sources } = await expandInputs([
      fileSource("bin.tgz", binaries),
      fileSource("empty.zip", zipSync({})),
      fileSource("empty.tgz", compress("gzip", await makeTar([{ name: "logs/", type: "directory" }]))),
      fileSource("ok.log", RAW),
    ]);
    expect(inputs.map((i) => i.name)).toEqual(["ok.log"]);
    expect(sources.map((s) => s.error)).toEqual([
      "Nothing in bin.tgz could be read as a log: none of its 3 files is text, a compressed log, a journal or a crash dump; skipped: a.bin (binary), lib/libfoo.so (binary), empty.log (empty).",
      "empty.zip is an empty archive: it holds no files.",
      "empty.tgz is an empty archive: it holds no files.",
    ]);
  });

  it("a support archive without any log it reads says so", async () => {
    const tar = await makeTar([{ name: "etc/os-release", content: enc("ID=rhel\n") }, { name: "proc/cpuinfo", content: enc("processor : 0\n") }]);
    const { sources } = await expandInputs([fileSource("sos.tar", tar)]);
    expect(sources[0].selection).toBe("support-archive");
    expect(sources[0].error).toMatch(/^Nothing in sos\.tar was read: it is laid out as a support archive .* none of its 2 files is one of the logs/);
  });

  it("past 50 members skipped for one reason the rest are counted, not listed", async () => {
    const entries: Zippable = { "node1.log": RAW };
    for (let i = 0; i < 60; i++) entries[`core/core.${i}`] = BINARY;
    const { sources } = await expandInputs([fileSource("cores.zip", zipSync(entries))]);
    expect(sources[0].skipped).toHaveLength(50);
    expect(sources[0].ignoredMembers).toBe(10);
    expect(sources[0].warnings).toEqual([expect.stringMatching(/more members skipped as binary than are listed \(50\)/)]);
  });

  it("a directory of mixed files is read like a bundle", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bundle-"));
    tmpDirs.push(dir);
    mkdirSync(path.join(dir, "w05"));
    writeFileSync(path.join(dir, "node2.log"), RAW);
    writeFileSync(path.join(dir, "w05", "dmesg.txt.gz"), compress("gzip", RAW));
    writeFileSync(path.join(dir, "core.bin"), BINARY);
    writeFileSync(path.join(dir, ".DS_Store"), BINARY);
    const collected = await openDirectorySource(dir, "collected");
    const { inputs, sources } = await expandInputs([collected]);
    expect(inputs.map((i) => [i.name, i.host])).toEqual([
      ["collected/node2.log", "node2"],
      ["collected/w05/dmesg.txt.gz", "w05"],
    ]);
    expect(sources[0]).toMatchObject({ kind: "directory", selection: "every-log", members: 4, ignoredMembers: 1 });
    expect(sources[0].skipped.map((k) => [k.path, k.reason])).toEqual([["core.bin", "binary"]]);
    const incident = await triage(inputs);
    await closeInputSources([collected]);
    expect(incident.hosts.map((h) => h.name).sort()).toEqual(["node2", "w05"]);
  });
});

describe("a directory's files are opened again when the engine reads them", () => {
  it.skipIf(!TOOLS.xz)("two xz logs in a directory are both read (the sniffed one held xz's one-stream lock: exit 13, nothing printed)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xzdir-"));
    tmpDirs.push(dir);
    mkdirSync(path.join(dir, "var/log"), { recursive: true });
    writeFileSync(path.join(dir, "var/log/messages-1.xz"), compress("xz", OLD_MESSAGES));
    writeFileSync(path.join(dir, "var/log/messages-2.xz"), compress("xz", MESSAGES));
    const node = await openDirectorySource(dir, "node");
    const { inputs } = await expandInputs([node]);
    const incident = await triage(inputs);
    await closeInputSources([node]);
    expect(incident.inputs.map((i) => [i.name, i.error])).toEqual([
      ["node/var/log/messages-1.xz", undefined],
      ["node/var/log/messages-2.xz", undefined],
    ]);
    expect(new Set(incident.findings.map((f) => f.kind))).toEqual(new Set(["bug", "hung-task"]));
  });
});

describe("logs saved as UTF-16 (Windows) are decoded", () => {
  const text = new TextDecoder().decode(MESSAGES);
  const utf16 = (s: string, order: "le" | "be", bom: boolean) => {
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    const view = new DataView(out.buffer);
    if (bom) view.setUint16(0, 0xfeff, order === "le");
    for (let i = 0; i < s.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, s.charCodeAt(i), order === "le");
    return out;
  };

  it.each([
    ["with a little-endian BOM", utf16(text, "le", true), "utf-16le"],
    ["with a big-endian BOM", utf16(text, "be", true), "utf-16be"],
    ["without a BOM", utf16(text, "le", false), "utf-16le"],
  ])("a file %s", async (_what, bytes, encoding) => {
    const { inputs, sources } = await expandInputs([fileSource("win.log", bytes)], { keep: keepDrained });
    expect(sources).toMatchObject([{ kind: "encoded-log", format: encoding, inputs: ["win.log"] }]);
    expect(await textOf(inputs[0])).toBe(text);
    const incident = await triage(inputs);
    expect(incident.findings.map((f) => f.title)).toEqual(["kernel BUG in skb_segment"]);
  });

  it("gzipped, and as an archive member", async () => {
    const bytes = utf16(text, "le", true);
    const tar = await makeTar([{ name: "node1-console.log", content: bytes }]);
    const { inputs, sources } = await expandInputs([fileSource("win.log.gz", compress("gzip", bytes)), fileSource("win.tar", tar)], { keep: keepDrained });
    expect(sources.map((s) => s.format)).toEqual(["gz, utf-16le", "tar"]);
    expect(await Promise.all(inputs.map(textOf))).toEqual([text, text]);
  });

  it("a file of NULs or a binary file is not taken for UTF-16", async () => {
    const { inputs, sources } = await expandInputs([fileSource("zeros.log", new Uint8Array(4096)), fileSource("bin", new Uint8Array(4096).map((_, i) => (i % 2 ? 0 : 200 + (i % 50))))]);
    expect(sources).toEqual([]);
    const incident = await triage(inputs);
    expect(incident.inputs.map((i) => i.error)).toEqual([expect.stringMatching(/nothing but NUL bytes/), expect.stringMatching(/binary file/)]);
  });
});
