import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pack as tarPack } from "tar-stream";
import { describe, expect, it, vi } from "vitest";
import { triage } from "@/lib/engine/triage";
import type { Incident } from "@/lib/engine/types";

vi.mock("server-only", () => ({}));
// The knowledge base is not what this seam is about: triage without it.
vi.mock("@/lib/server/run-triage", () => ({ runTriage: (inputs: Parameters<typeof triage>[0], options: Parameters<typeof triage>[1]) => triage(inputs, options) }));
const { triageStoredFiles } = await import("./triage-stored-files");

const ROOT = path.resolve(__dirname, "../../..");
const body = (file: string) => {
  const text = readFileSync(path.join(ROOT, "testdata/kb", file), "utf8");
  return Buffer.from(text.slice(text.indexOf("\n\n") + 2));
};

async function tarGz(entries: Array<{ name: string; content: Buffer }>): Promise<Buffer> {
  const p = tarPack();
  const parts: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) parts.push(c as Buffer);
  })();
  for (const e of entries) p.entry({ name: e.name, size: e.content.length, mtime: new Date("2024-09-01") }, e.content);
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(parts));
}

describe("triageStoredFiles", () => {
  it("stores the text read from an archive next to the upload, one file per engine input, and names the archive unused", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-upload-"));
    const archive = path.join(dir, "0.upload");
    const plain = path.join(dir, "1.upload");
    writeFileSync(archive, await tarGz([
      { name: "sosreport-w01/etc/hostname", content: Buffer.from("w01\n") },
      { name: "sosreport-w01/var/log/messages", content: body("skb-segment-gso-bug.log") },
      { name: "sosreport-w01/sos_commands/kernel/dmesg", content: body("ext4-fs-error.log") },
    ]));
    writeFileSync(plain, body("hung-task-rtnl-lock.log"));
    const { record, files, unused } = await triageStoredFiles([
        { name: "sosreport-w01.tar.gz", path: archive },
        { name: "kern.log", path: plain },
      ]);
    const incident = JSON.parse(record.json) as Incident;
    expect(files.map((f) => [f.index, f.name])).toEqual([
      [0, "sosreport-w01.tar.gz:sosreport-w01/var/log/messages"],
      [1, "sosreport-w01.tar.gz:sosreport-w01/sos_commands/kernel/dmesg"],
      [2, "kern.log"],
    ]);
    expect(incident.inputs.map((i) => i.name)).toEqual(files.map((f) => f.name));
    expect(readFileSync(files[0].path)).toEqual(body("skb-segment-gso-bug.log"));
    expect(files[2].path).toBe(plain);
    // Kept until the incident is written (a retried job needs it); the caller removes it.
    expect(unused).toEqual([archive]);
    expect(existsSync(archive)).toBe(true);
    expect(incident.sources).toMatchObject([{ name: "sosreport-w01.tar.gz", kind: "archive", hostname: "w01" }]);
    expect(new Set(incident.findings.map((f) => f.kind))).toEqual(new Set(["bug", "fs-error", "hung-task"]));
  });
});

describe("triageStoredFiles with archives that break", () => {
  it("keeps the members read before a truncated archive's cut, and leaves no partial text of a member it could not read", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-upload-"));
    const cut = path.join(dir, "0.upload");
    const broken = path.join(dir, "1.upload");
    const whole = await tarGz([
      { name: "node/var/log/messages", content: body("skb-segment-gso-bug.log") },
      // Big enough that the cut falls inside it, a few hundred KB of gzip in.
      { name: "node/var/log/kern.log", content: Buffer.from(Array.from({ length: 40_000 }, (_, i) => `Aug 13 15:59:23 w01 kernel: line ${i} ${"x".repeat(i % 97)}\n`).join("")) },
    ]);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    // A member whose own gzip breaks off: skipped as unreadable after some of its text was written.
    const wholeMember = gzipSync(Buffer.from(Array.from({ length: 50_000 }, (_, i) => `Aug 13 15:59:23 w01 kernel: hello ${i}\n`).join("")));
    const corruptMember = wholeMember.subarray(0, wholeMember.length >> 1);
    writeFileSync(broken, await tarGz([
      { name: "node/var/log/syslog.2.gz", content: corruptMember },
      { name: "node/var/log/dmesg", content: body("ext4-fs-error.log") },
    ]));
    const { record, files, unused } = await triageStoredFiles([
      { name: "cut.tar.gz", path: cut },
      { name: "broken.tar.gz", path: broken },
    ]);
    const incident = JSON.parse(record.json) as Incident;
    expect(incident.inputs.map((i) => [i.name, i.error])).toEqual([
      ["cut.tar.gz:node/var/log/messages", undefined],
      ["broken.tar.gz:node/var/log/dmesg", undefined],
    ]);
    expect(incident.sources?.[0].error).toBeUndefined();
    expect(incident.sources?.[0].warnings.join()).toMatch(/cut short: .*corrupt or truncated.*the members before it were read/);
    expect(incident.sources?.[0].skipped.map((s) => [s.path, s.reason])).toEqual([["node/var/log/kern.log", "unreadable"]]);
    expect(incident.sources?.[1].skipped.map((s) => [s.path, s.reason])).toEqual([["node/var/log/syslog.2.gz", "unreadable"]]);
    expect(new Set(incident.findings.map((f) => f.kind))).toEqual(new Set(["bug", "fs-error"]));
    // In the upload's directory: the uploads and the text of each input, nothing half-written.
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(dir).sort()).toEqual([...new Set([...files.map((f) => path.basename(f.path)), ...unused.map((u) => path.basename(u))])].sort());
  });
});

describe("triageStoredFiles with bundles of logs", () => {
  it("stores every log of a bundle, nested archives' too, with hosts from the names; a UTF-16 log as UTF-8", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-upload-"));
    const bundle = path.join(dir, "0.upload");
    const windows = path.join(dir, "1.upload");
    const raw = Buffer.from(body("skb-segment-gso-bug.log").toString().replace(/^.*? kernel: /gm, ""));
    writeFileSync(bundle, await tarGz([
      { name: "node1.log", content: raw },
      { name: "rack-b.tar.gz", content: await tarGz([{ name: "worker-3/kern.log", content: raw }]) },
    ]));
    const text = body("ext4-fs-error.log").toString();
    writeFileSync(windows, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const { record, files } = await triageStoredFiles([
      { name: "incident-123.tgz", path: bundle },
      { name: "console.log", path: windows },
    ]);
    const incident = JSON.parse(record.json) as Incident;
    expect(files.map((f) => f.name)).toEqual(["incident-123.tgz:node1.log", "incident-123.tgz:rack-b.tar.gz:worker-3/kern.log", "console.log"]);
    expect(readFileSync(files[2].path, "utf8")).toBe(text);
    expect(incident.sources?.map((s) => [s.name, s.selection ?? s.format])).toEqual([
      ["incident-123.tgz", "every-log"],
      ["incident-123.tgz:rack-b.tar.gz", "every-log"],
      ["console.log", "utf-16le"],
    ]);
    expect(incident.findings.filter((f) => f.kind === "bug").map((f) => f.host)).toEqual(["node1", "worker-3"]);
    expect(incident.findings.some((f) => f.kind === "fs-error")).toBe(true);
  });

  it("a support archive found late removes the text it had stored of the members read before", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-upload-"));
    const archive = path.join(dir, "0.upload");
    writeFileSync(archive, await tarGz([
      { name: "case/notes.txt", content: Buffer.from("collected by hand\n") },
      { name: "case/sosreport-w01/var/log/messages", content: body("skb-segment-gso-bug.log") },
    ]));
    const { files, unused } = await triageStoredFiles([{ name: "case.tgz", path: archive }]);
    expect(files.map((f) => f.name)).toEqual(["case.tgz:case/sosreport-w01/var/log/messages"]);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(dir).sort()).toEqual([...files.map((f) => path.basename(f.path)), ...unused.map((u) => path.basename(u))].sort());
  });
});
