/**
 * `oopscope upload` against a stand-in server on 127.0.0.1: a dump is sent as its extracted log and facts (small),
 * a log as it is, with the token; the permalink the server answers is printed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VMCORE_EXTRACT_MAGIC } from "../engine/vmcore/vmcore-extract-file";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DUMP = [path.resolve(ROOT, "../shared/data/vmcore"), path.resolve(ROOT, "../../shared/data/vmcore")]
  .map((d) => path.join(d, "deb12-6.1-sysrq-panic", "vmcore.d31.kdump-zlib"))
  .find(existsSync);
const dir = mkdtempSync(path.join(tmpdir(), "oopscope-upload-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Received = { auth?: string; body: Buffer; path?: string };

/** Answers every request with `status` and `answer`, or with what `answer` returns for the n-th request. */
async function standInServer(
  status: number,
  answer: object | ((n: number) => [number, object]),
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({ auth: req.headers.authorization, body: Buffer.concat(chunks), path: req.url });
    const [code, body] = typeof answer === "function" ? answer(received.length - 1) : [status, answer];
    res.writeHead(code, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "oopscope"), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("oopscope upload", () => {
  it.skipIf(!DUMP)("sends a dump's log and facts, not the dump, and a log as it is; prints the permalink", async () => {
    const log = path.join(dir, "messages");
    writeFileSync(log, "Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\n");
    const server = await standInServer(201, { id: "abc", url: "/incidents/abc" });
    try {
      const r = await runCli(["upload", "--server", server.url, "--token", "oops_test", DUMP!, log]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`${server.url}/incidents/abc`);
      const [req] = server.received;
      expect(req.path).toBe("/api/incidents");
      expect(req.auth).toBe("Bearer oops_test");
      const body = req.body.toString("latin1");
      expect(body).toContain(VMCORE_EXTRACT_MAGIC);
      expect(body).toContain('filename="vmcore.d31.kdump-zlib.vmcore-extract"');
      expect(body).toContain("Kernel panic - not syncing: sysrq triggered crash");
      expect(body).toContain("nf_conntrack: table full");
      // The 15 MB dump stays on the node: only its log (~50 KB) and facts cross the network.
      expect(req.body.length).toBeLessThan(200_000);
    } finally {
      await server.close();
    }
  });

  it("prints the permalink of a partly read upload, says which files were not read and why, and exits 2", async () => {
    const log = path.join(dir, "partly");
    writeFileSync(log, "Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\n");
    const server = await standInServer(201, { id: "p1", url: "/incidents/p1", status: "done", refused: [{ name: "core.bin", message: "core.bin looks like a binary file, not a log" }] });
    try {
      const r = await runCli(["upload", "--server", server.url, log]);
      expect(r.code).toBe(2);
      expect(r.stdout.trim()).toBe(`${server.url}/incidents/p1`);
      expect(r.stderr).toContain("oopscope: core.bin: not read: core.bin looks like a binary file, not a log");
    } finally {
      await server.close();
    }
  });

  it("says what the server refused, and exits 2", async () => {
    const log = path.join(dir, "empty");
    writeFileSync(log, "");
    const server = await standInServer(400, { error: "bad-request", message: "The log is empty." });
    try {
      const r = await runCli(["upload", "--server", server.url, log]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("the server answered 400: The log is empty.");
    } finally {
      await server.close();
    }
  });

  it("waits for an upload the server queued (202), then prints the permalink, or the reason it failed", async () => {
    const log = path.join(dir, "queued");
    writeFileSync(log, "Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\n");
    const queued = { id: "q1", url: "/incidents/q1", status: "queued", statusUrl: "/api/incidents/q1/status" };
    const states = ["triaging", "done"];
    const server = await standInServer(0, (n) => (n === 0 ? [202, queued] : [200, { id: "q1", status: states[Math.min(n - 1, 1)] }]));
    try {
      const r = await runCli(["upload", "--server", server.url, "--token", "oops_test", log]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`${server.url}/incidents/q1`);
      expect(server.received.map((q) => q.path)).toEqual(["/api/incidents", "/api/incidents/q1/status?wait=60", "/api/incidents/q1/status?wait=60"]);
      expect(server.received.every((q) => q.auth === "Bearer oops_test")).toBe(true);
    } finally {
      await server.close();
    }
    const failing = await standInServer(0, (n) => (n === 0 ? [202, queued] : [200, { id: "q1", status: "failed", error: "unprocessable", message: "core.bin: binary file" }]));
    try {
      const r = await runCli(["upload", "--server", failing.url, log]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("could not triage the upload: core.bin: binary file");
      expect(r.stdout).toBe("");
    } finally {
      await failing.close();
    }
  });
});
