import { describe, expect, it } from "vitest";
import { formatCapturedLine } from "./captured-line";
import { journalEntryToLine, parseShipperBody } from "./shipper-records";

const ctx = { receivedAt: Date.UTC(2026, 11, 1, 12, 0, 0), defaultHost: "ci-token" };

// Events as Vector's journald source emits them, encoded by the http sink's json codec (default framing: an array).
const VECTOR_JOURNALD = JSON.stringify([
  {
    host: "w01",
    message: "BUG: kernel NULL pointer dereference, address: 0000000000000010",
    source_type: "journald",
    timestamp: "2026-12-01T11:59:58.123456Z",
    _TRANSPORT: "kernel",
    SYSLOG_IDENTIFIER: "kernel",
    PRIORITY: "1",
    _BOOT_ID: "5c3f0b2e9e8d4d6c8b8b2c1f0a9e8d7c",
    _SOURCE_MONOTONIC_TIMESTAMP: "4126270",
  },
  { host: "w01", message: "Started cri-containerd.", source_type: "journald", timestamp: "2026-12-01T11:59:58.2Z", SYSLOG_IDENTIFIER: "systemd", _TRANSPORT: "journal" },
]);

describe("parseShipperBody", () => {
  it("reads Vector's json codec (an array) with journald fields", () => {
    const r = parseShipperBody(VECTOR_JOURNALD, ctx);
    expect(r.skipped).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ host: "w01", program: "kernel", level: 1, time: Date.UTC(2026, 11, 1, 11, 59, 58, 123), bootId: "5c3f0b2e9e8d4d6c8b8b2c1f0a9e8d7c" });
    expect(formatCapturedLine(r.lines[0])).toBe("2026-12-01T11:59:58.123Z w01 kernel: [    4.126270] BUG: kernel NULL pointer dereference, address: 0000000000000010");
    expect(r.lines[1].program).toBe("systemd");
  });

  it("reads Vector's newline-delimited framing of file-source events, keeping kern.log lines as they are", () => {
    const body = [
      { file: "/var/log/kern.log", host: "w02", message: "Dec  1 11:59:58 w02 kernel: [ 12.345678] kernel BUG at net/core/skbuff.c:4230!", source_type: "file", timestamp: "2026-12-01T11:59:58.5Z" },
      { file: "/var/log/kern.log", host: "w02", message: "Dec  1 11:59:58 w02 kernel: [ 12.345700] invalid opcode: 0000 [#1] SMP", source_type: "file", timestamp: "2026-12-01T11:59:58.5Z" },
    ]
      .map((e) => JSON.stringify(e))
      .join("\n");
    const r = parseShipperBody(body + "\n", ctx);
    expect(r.lines.map((l) => l.preformatted)).toEqual([true, true]);
    expect(r.lines.map(formatCapturedLine)).toEqual(["Dec  1 11:59:58 w02 kernel: [ 12.345678] kernel BUG at net/core/skbuff.c:4230!", "Dec  1 11:59:58 w02 kernel: [ 12.345700] invalid opcode: 0000 [#1] SMP"]);
  });

  it("reads Vector's text codec: one message per line, host from the context", () => {
    const r = parseShipperBody("[    3.1] Kernel panic - not syncing: Fatal exception\nplain words\n", ctx);
    expect(r.lines.map((l) => [l.host, l.preformatted ?? false])).toEqual([
      ["ci-token", true],
      ["ci-token", false],
    ]);
  });

  it("reads Fluent Bit's json (date as epoch seconds) and json_stream (records back to back, no separator)", () => {
    const json = parseShipperBody(JSON.stringify([{ date: 1764590398.25, log: "watchdog: BUG: soft lockup - CPU#3 stuck for 22s!", hostname: "w03" }]), ctx);
    expect(json.lines[0]).toMatchObject({ host: "w03", time: 1764590398250, text: "watchdog: BUG: soft lockup - CPU#3 stuck for 22s!" });
    const stream = parseShipperBody('{"date":"2026-12-01T11:00:00.000Z","log":"a {brace} \\"q\\""}{"date":1764590400,"log":"b"}', ctx);
    expect(stream.lines.map((l) => l.text)).toEqual(['a {brace} "q"', "b"]);
  });

  it("reads Fluent Bit's kmsg input records (priority, sec, usec, msg) and the kubernetes filter's host", () => {
    const r = parseShipperBody(
      JSON.stringify({ date: 1764590400.5, priority: 4, sequence: 1712, sec: 12, usec: 345678, msg: "WARNING: CPU: 1 PID: 0 at net/sched/sch_generic.c:525 dev_watchdog+0x20f/0x250", kubernetes: { host: "node-9" } }) + "\n",
      ctx,
    );
    expect(r.lines[0]).toMatchObject({ host: "node-9", program: "kernel", uptime: 12.345678, level: 4 });
  });

  it("counts records without a message and bad JSON, and keeps the rest", () => {
    const r = parseShipperBody('{"message":"ok"}\n{"no":"message"}\n{"message": broken}\n', ctx);
    expect(r.lines.map((l) => l.text)).toEqual(["ok"]);
    expect(r.skipped).toBe(2);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/^a JSON value could not be parsed: /);
    expect(r.warnings[1]).toMatch(/^1 record\(s\) without a message field/);
  });
});

describe("journalEntryToLine", () => {
  it("maps the journal's fields: _HOSTNAME, realtime µs, kernel monotonic time, boot id", () => {
    const line = journalEntryToLine(
      { MESSAGE: "Oops: 0000 [#1] PREEMPT SMP NOPTI", _HOSTNAME: "w05", __REALTIME_TIMESTAMP: "1764590400123456", _TRANSPORT: "kernel", _SOURCE_MONOTONIC_TIMESTAMP: "7000001", _BOOT_ID: "b1", PRIORITY: "4" },
      ctx,
    );
    expect(line).toMatchObject({ host: "w05", time: 1764590400123, uptime: 7.000001, program: "kernel", bootId: "b1", level: 4, via: "journal" });
  });
});
