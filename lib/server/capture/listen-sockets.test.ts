/** The sockets on loopback only: netconsole and syslog datagrams over UDP, syslog over TCP with both framings. */
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import type { WindowJob } from "@/lib/capture/host-windows";
import { CaptureService } from "./capture-service";
import { parseListenSpec, parseListenUrl, startListeners, type RunningListeners } from "./listen-sockets";

const jobs: WindowJob[] = [];
const service = new CaptureService({
  triage: async (job) => {
    jobs.push(job);
    return { incidentId: `inc-${jobs.length}`, created: true, findings: 1 };
  },
  policy: { settleMs: 0 },
});
let running: RunningListeners | undefined;
afterAll(async () => running?.close());

function portOf(kind: string): number {
  const a = running!.addresses.find((x) => x.startsWith(kind))!;
  return Number(a.slice(a.lastIndexOf(":") + 1));
}

describe("listeners", () => {
  it("parses endpoint URLs and OOPSCOPE_LISTEN", () => {
    expect(parseListenUrl("syslog", "tcp://127.0.0.1:6514")).toEqual({ protocol: "syslog", transport: "tcp", host: "127.0.0.1", port: 6514 });
    expect(() => parseListenUrl("netconsole", "tcp://127.0.0.1:6666")).toThrow(/UDP only/);
    expect(() => parseListenUrl("syslog", "http://x:1")).toThrow();
    expect(parseListenSpec("netconsole=udp://[::1]:6666, syslog=udp://0.0.0.0:514").map((e) => [e.protocol, e.host, e.port])).toEqual([
      ["netconsole", "::1", 6666],
      ["syslog", "0.0.0.0", 514],
    ]);
  });

  it("receives netconsole and syslog on 127.0.0.1 and opens a window per host", async () => {
    running = await startListeners([parseListenUrl("netconsole", "udp://127.0.0.1:0"), parseListenUrl("syslog", "tcp://127.0.0.1:0")], service);
    expect(running.addresses.every((a) => a.includes("127.0.0.1:"))).toBe(true);
    const udp = createSocket("udp4");
    const send = (text: string) => new Promise<void>((r) => udp.send(Buffer.from(text), portOf("netconsole"), "127.0.0.1", () => r()));
    await send("4,1,1000,-;BUG: kernel NULL pointer dereference, address: 0000000000000010\n");
    await send("4,2,1001,-;---[ end trace 0000000000000000 ]---\n");
    await send("<4>Dec  1 11:59:58 udp-host kernel: WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\n");
    udp.close();
    const tcp = connect(portOf("syslog"), "127.0.0.1");
    const m1 = "<4>1 2026-12-01T11:59:58Z tcp-host kernel - - - Kernel panic - not syncing: Fatal exception";
    const m2 = "<4>1 2026-12-01T11:59:58Z tcp-host kernel - - - ---[ end Kernel panic - not syncing: Fatal exception ]---";
    await new Promise<void>((r) => tcp.end(`${Buffer.byteLength(m1)} ${m1}${m2}\n`, () => r()));
    for (let i = 0; i < 50 && service.stats.lines < 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(service.stats.lines).toBe(5);
    await service.tick({ force: true });
    expect(jobs.map((j) => j.host).sort()).toEqual(["127.0.0.1", "tcp-host", "udp-host"]);
    expect(jobs.find((j) => j.host === "tcp-host")!.lines.map((l) => l.text)).toEqual([
      "Kernel panic - not syncing: Fatal exception",
      "---[ end Kernel panic - not syncing: Fatal exception ]---",
    ]);
  });
});
