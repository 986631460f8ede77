/**
 * The capture against a real database and the real upload path: a real kernel's extended netconsole stream becomes
 * one incident with the whole report; a continued crash updates its incident; a Vector batch and a journal upload
 * arrive through ingestRequest with a write token; webhooks go to a local server on 127.0.0.1.
 */
import { createServer, type IncomingMessage } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-capture-"));
process.env.OOPSCOPE_DATA_DIR = dir;
process.env.DATABASE_URL = `file:${path.join(dir, "oopscope.db")}`;

const { ensureDatabase } = await import("../ensure-database");
const { getDb } = await import("../db");
const { CaptureService } = await import("./capture-service");
const { triageWindow } = await import("./triage-window");
const { listIncidents } = await import("../incidents/list-incidents");
const { ingestRequest } = await import("../ingest/ingest-request");
const { createApiToken } = await import("../auth/api-tokens");
const { findNotificationEvents, notifyIncident } = await import("../notify/notify-incident");
const { muteSignature, updateNotifySettings } = await import("../notify/notify-settings");
const { listFleetHosts, saveFleetHosts } = await import("./fleet-hosts");

function readDatagrams(name: string): Buffer[] {
  const b = readFileSync(path.resolve(import.meta.dirname, "../../../testdata/netconsole", name));
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += 4 + b.readUInt32BE(i)) out.push(b.subarray(i + 4, i + 4 + b.readUInt32BE(i)));
  return out;
}

let clock = 1_000_000;
const service = new CaptureService({ triage: triageWindow, now: () => clock, policy: { settleMs: 2000, quietMs: 15_000 } });
let writeToken = "";
let readToken = "";

beforeAll(async () => {
  await ensureDatabase({ quiet: true });
  await getDb().user.create({ data: { id: "u1", name: "fleet bot", email: "bot@example.com", role: "editor" } });
  writeToken = (await createApiToken(getDb(), "u1", { name: "vector", scope: "write" })).token;
  readToken = (await createApiToken(getDb(), "u1", { name: "reader", scope: "read" })).token;
}, 120_000);
afterAll(async () => {
  await getDb().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function incidentResult(id: string) {
  const row = await getDb().incident.findUniqueOrThrow({ where: { id }, include: { files: true } });
  const stored = readFileSync(path.join(dir, row.files[0].storagePath), "utf8");
  return { row, result: JSON.parse(row.result) as { findings: { kind: string; title: string; report: string[]; host?: string; signature: string }[] }, stored };
}

describe("capture → incident", () => {
  it("turns a real kernel's extended netconsole panic into one incident with the whole report", async () => {
    for (const d of readDatagrams("deb12-6.1-sysrq-extended.dgrams")) service.pushNetconsole("10.0.2.15", d);
    clock += 1999;
    await service.tick();
    expect(await listIncidents()).toHaveLength(0);
    clock += 1;
    await service.tick();
    const incidents = await listIncidents();
    expect(incidents).toHaveLength(1);
    expect(incidents[0].hosts).toBe("10.0.2.15");
    const { result, stored } = await incidentResult(incidents[0].id);
    const panic = result.findings.find((f) => f.kind === "panic");
    expect(panic?.title).toBe("kernel panic: sysrq triggered crash");
    expect(panic?.report.at(-1)).toBe("---[ end Kernel panic - not syncing: sysrq triggered crash ]---");
    expect(stored.trimEnd().split("\n")).toHaveLength(389);
    expect(service.stats).toMatchObject({ incidentsCreated: 1, errors: 0 });
  });

  it("updates the incident when the same crash continues, keeping its permalink", async () => {
    const host = "w07";
    const at = (s: string) => `<4>Dec  1 11:59:58 ${host} kernel: ${s}`;
    for (const s of [
      "BUG: kernel NULL pointer dereference, address: 0000000000000010",
      "#PF: supervisor read access in kernel mode",
      "Oops: 0000 [#1] PREEMPT SMP NOPTI",
      "CPU: 0 PID: 1 Comm: insmod Tainted: G           OE      6.12.117+deb12-cloud-amd64 #1  Debian 6.12.117-1~deb12u1",
      "RIP: 0010:oopscope_read_victim+0x18/0x30 [oopscope_null]",
      "Call Trace:",
      " <TASK>",
      " do_one_initcall+0x58/0x300",
      " </TASK>",
      "---[ end trace 0000000000000000 ]---",
    ])
      service.pushSyslog("192.0.2.7", at(s));
    clock += 2000;
    await service.tick();
    const before = (await listIncidents()).filter((i) => i.hosts === host);
    expect(before).toHaveLength(1);
    service.pushSyslog("192.0.2.7", at("Kernel panic - not syncing: Fatal exception"));
    service.pushSyslog("192.0.2.7", at("---[ end Kernel panic - not syncing: Fatal exception ]---"));
    clock += 2000;
    await service.tick();
    const after = (await listIncidents()).filter((i) => i.hosts === host);
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    const { result, stored } = await incidentResult(after[0].id);
    expect(stored).toContain("---[ end Kernel panic - not syncing: Fatal exception ]---");
    expect(result.findings.some((f) => f.report.some((l) => l.includes("Kernel panic - not syncing: Fatal exception")))).toBe(true);
    expect(await getDb().incidentFile.count({ where: { incidentId: after[0].id } })).toBe(1);
    expect(service.stats.incidentsUpdated).toBe(1);
  });

  it("makes no incident when the engine finds nothing in a window", async () => {
    const count = (await listIncidents()).length;
    service.pushSyslog("192.0.2.8", "<6>Dec  1 12:00:00 w08 app: DEBUG cache warmed");
    clock += 20_000;
    await service.tick();
    expect(await listIncidents()).toHaveLength(count);
  });
});

describe("HTTP ingestion", () => {
  const vectorBatch = JSON.stringify(
    [
      "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:1234]",
      "CPU: 3 PID: 1234 Comm: kworker/3:1 Not tainted 6.1.0-57-cloud-amd64 #1  Debian 6.1.192-3",
      "RIP: 0010:native_queued_spin_lock_slowpath+0x5e/0x2c0",
      "Call Trace:",
      " <TASK>",
      " _raw_spin_lock+0x29/0x30",
      " process_one_work+0x1c7/0x380",
      " </TASK>",
    ].map((message, i) => ({ host: "vec-01", message, source_type: "journald", timestamp: `2026-12-01T11:00:00.${String(i).padStart(3, "0")}Z`, SYSLOG_IDENTIFIER: "kernel", _TRANSPORT: "kernel" })),
  );
  const post = (token: string | undefined, body: string) =>
    new Request("http://localhost/api/ingest", { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  it("accepts a Vector json batch with a write token and turns its crash into an incident", async () => {
    const r = await ingestRequest(post(writeToken, vectorBatch), { kind: "shipper", service });
    expect(r).toMatchObject({ accepted: 8, skipped: 0 });
    clock += 15_000;
    await service.tick();
    const mine = (await listIncidents()).filter((i) => i.hosts === "vec-01");
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toMatch(/soft lockup/);
  });

  it("refuses no token (401) and a read-only token (403)", async () => {
    await expect(ingestRequest(post(undefined, vectorBatch), { kind: "shipper", service })).rejects.toMatchObject({ status: 401 });
    await expect(ingestRequest(post(readToken, vectorBatch), { kind: "shipper", service })).rejects.toMatchObject({ status: 403 });
  });

  it("says which Fluent Bit format to use when it gets MessagePack (415), and reads gzip bodies", async () => {
    const msgpack = new Request("http://localhost/api/ingest", { method: "POST", headers: { "content-type": "application/msgpack", authorization: `Bearer ${writeToken}` }, body: new Uint8Array([0x92, 0x01]) });
    await expect(ingestRequest(msgpack, { kind: "shipper", service })).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/json_lines/) });
    const { gzipSync } = await import("node:zlib");
    const gz = new Request("http://localhost/api/ingest?host=gz-host", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-encoding": "gzip", authorization: `Bearer ${writeToken}` },
      body: gzipSync("line one\nline two\n"),
    });
    expect(await ingestRequest(gz, { kind: "shipper", service })).toMatchObject({ accepted: 2 });
    expect(service.windows.summaries().find((h) => h.host === "gz-host")?.lines).toBe(2);
  });

  it("accepts a systemd-journal-upload body with the token in the path", async () => {
    const entry = (msg: string, mono: number) => `__REALTIME_TIMESTAMP=1764590400000000\n_HOSTNAME=jrn-01\n_TRANSPORT=kernel\n_BOOT_ID=b1\n_SOURCE_MONOTONIC_TIMESTAMP=${mono}\nMESSAGE=${msg}\n\n`;
    const body = [
      "general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] PREEMPT SMP NOPTI",
      "CPU: 1 PID: 77 Comm: kworker/1:2 Not tainted 6.1.0-57-cloud-amd64 #1  Debian 6.1.192-3",
      "RIP: 0010:list_del+0x10/0x40",
      "Call Trace:",
      " <TASK>",
      " release_sock+0x40/0x90",
      " </TASK>",
      "---[ end trace 0000000000000000 ]---",
    ]
      .map((m, i) => entry(m, 5_000_000 + i))
      .join("");
    const req = new Request("http://localhost/api/ingest/journal/x/upload", { method: "POST", headers: { "content-type": "application/vnd.fdo.journal" }, body });
    expect(await ingestRequest(req, { kind: "journal", pathToken: writeToken, service })).toMatchObject({ accepted: 8, skipped: 0 });
    clock += 2000;
    await service.tick();
    expect((await listIncidents()).filter((i) => i.hosts === "jrn-01")).toHaveLength(1);
  });
});

describe("live hosts", () => {
  it("records every host with its last-seen time and line count, adding counts across saves", async () => {
    const summaries = service.windows.summaries();
    await saveFleetHosts(getDb(), summaries);
    await saveFleetHosts(getDb(), summaries.filter((h) => h.host === "w07"));
    const { hosts, warnings } = await listFleetHosts(getDb(), clock + 60_000);
    expect(warnings).toEqual([]);
    expect(hosts.map((h) => h.host).sort()).toEqual(["10.0.2.15", "w08", "jrn-01", "vec-01", "w07", "gz-host"].sort());
    const w07 = hosts.find((h) => h.host === "w07")!;
    expect(w07.lines).toBe(2 * summaries.find((h) => h.host === "w07")!.lines);
    expect(w07.isLive).toBe(true);
    expect(hosts.find((h) => h.host === "10.0.2.15")).toMatchObject({ via: "netconsole", lines: 389 });
    expect((await listFleetHosts(getDb(), clock + 3_600_000)).hosts.every((h) => !h.isLive)).toBe(true);
  });
});

describe("notifications", () => {
  it("posts a Slack-compatible message for a new signature, retrying after a 500, and respects mutes", async () => {
    const bodies: { text: string; blocks: unknown[] }[] = [];
    let calls = 0;
    const server = createServer((req: IncomingMessage, res) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => {
        calls++;
        if (calls === 1) {
          res.writeHead(500).end();
          return;
        }
        bodies.push(JSON.parse(data));
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as AddressInfo;
    await updateNotifySettings(getDb(), { webhookUrl: `http://127.0.0.1:${port}/hook`, publicUrl: "https://oopscope.example.com" });
    const [vec] = (await listIncidents()).filter((i) => i.hosts === "vec-01");
    const deliveries = await notifyIncident(getDb(), vec.id, { sleep: async () => undefined });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries[0]).toMatchObject({ ok: true, attempts: 2, status: 200 });
    expect(bodies[0].text).toMatch(/^New crash signature on vec-01: .*soft lockup.* <https:\/\/oopscope\.example\.com\/incidents\/[\w-]+\|open incident>$/);
    expect(bodies[0].blocks.length).toBe(2);
    // Announced once per incident: an update of the same crash does not repeat it.
    expect(await notifyIncident(getDb(), vec.id, { sleep: async () => undefined })).toEqual([]);

    const [jrn] = (await listIncidents()).filter((i) => i.hosts === "jrn-01");
    const { result } = await incidentResult(jrn.id);
    expect((await findNotificationEvents(getDb(), jrn.id)).length).toBeGreaterThan(0);
    for (const f of result.findings) await muteSignature(getDb(), { signature: f.signature, mutedBy: "test" });
    expect(await notifyIncident(getDb(), jrn.id, { sleep: async () => undefined })).toEqual([]);
    await new Promise<void>((r) => server.close(() => r()));
  });
});
