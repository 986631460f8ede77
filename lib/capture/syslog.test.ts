import { describe, expect, it } from "vitest";
import { parseSyslogMessage, SyslogStreamFramer } from "./syslog";

const RECEIVED = Date.UTC(2026, 11, 1, 12, 0, 0);

describe("parseSyslogMessage", () => {
  it("reads RFC 5424 (the RFC's example 1, with its BOM)", () => {
    const m = parseSyslogMessage("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \ufeff'su root' failed for lonvick on /dev/pts/8", RECEIVED);
    expect(m).toMatchObject({ format: "rfc5424", facility: 4, severity: 2, hostname: "mymachine.example.com", app: "su", msgid: "ID47", message: "'su root' failed for lonvick on /dev/pts/8" });
    expect(m.procid).toBeUndefined();
    expect(m.time).toBe(Date.UTC(2003, 9, 11, 22, 14, 15, 3));
  });

  it("reads structured data with escaped brackets and quotes, and no message", () => {
    const m = parseSyslogMessage('<165>1 2003-10-11T22:14:15.003000-07:00 w01 evntslog 123 ID47 [exampleSDID@32473 iut="3" eventSource="Appl\\]ication"][x@1 a="\\"q\\""] BUG: soft lockup', RECEIVED);
    expect(m.structuredData).toBe('[exampleSDID@32473 iut="3" eventSource="Appl\\]ication"][x@1 a="\\"q\\""]');
    expect(m.message).toBe("BUG: soft lockup");
    expect(m.procid).toBe("123");
    expect(m.time).toBe(Date.UTC(2003, 9, 12, 5, 14, 15, 3));
  });

  it("reads RFC 3164 with host and tag, dating a year-less time near the time of receipt", () => {
    const m = parseSyslogMessage("<4>Dec  1 11:59:58 w01 kernel: [ 12.345678] BUG: unable to handle page fault", RECEIVED);
    expect(m).toMatchObject({ format: "rfc3164", facility: 0, severity: 4, hostname: "w01", app: "kernel", message: "[ 12.345678] BUG: unable to handle page fault" });
    expect(m.time).toBe(Date.UTC(2026, 11, 1, 11, 59, 58));
    const january = parseSyslogMessage("<4>Dec 31 23:59:59 w01 kernel: x", Date.UTC(2027, 0, 1, 0, 0, 5));
    expect(new Date(january.time!).getUTCFullYear()).toBe(2026);
  });

  it("reads busybox/logger messages without a host, and RFC 3339 times in the BSD layout", () => {
    expect(parseSyslogMessage("<13>Dec  1 11:00:00 root: hello", RECEIVED)).toMatchObject({ hostname: undefined, app: "root", message: "hello" });
    const iso = parseSyslogMessage("<6>2026-12-01T11:00:00.5+01:00 node-7 kubelet[812]: PLEG is not healthy", RECEIVED);
    expect(iso).toMatchObject({ hostname: "node-7", app: "kubelet", procid: "812", message: "PLEG is not healthy", time: Date.UTC(2026, 11, 1, 10, 0, 0, 500) });
  });

  it("keeps what it cannot parse as the message, with warnings", () => {
    expect(parseSyslogMessage("no priority here", RECEIVED)).toMatchObject({ format: "plain", message: "no priority here" });
    const bad = parseSyslogMessage("<999>garbage", RECEIVED);
    expect(bad.warnings.length).toBeGreaterThan(0);
    expect(bad.message).toBe("garbage");
    expect(parseSyslogMessage("<14>1 2026-12-01T11:00:00Z h app - - [unterminated msg", RECEIVED).warnings).toContain("structured data is malformed; kept in the message");
  });
});

describe("SyslogStreamFramer (RFC 6587)", () => {
  const a = "<14>1 2026-12-01T11:00:00Z h app - - - one";
  const b = "<14>Dec  1 11:00:01 h app: two\nwith no newline inside";

  it("reads octet-counted frames (which may hold newlines) and newline frames on one connection", () => {
    const wire = Buffer.from(`${Buffer.byteLength(a)} ${a}${Buffer.byteLength(b)} ${b}<14>Dec  1 11:00:02 h app: three\n`);
    const f = new SyslogStreamFramer();
    expect(f.push(wire)).toEqual([a, b, "<14>Dec  1 11:00:02 h app: three"]);
  });

  it("gives the same frames whatever the chunking (every split point)", () => {
    const wire = Buffer.from(`${Buffer.byteLength(a)} ${a}<14>x: line\r\n${Buffer.byteLength(b)} ${b}`);
    for (let cut = 1; cut < wire.length; cut++) {
      const f = new SyslogStreamFramer();
      const frames = [...f.push(wire.subarray(0, cut)), ...f.push(wire.subarray(cut)), ...f.end()];
      expect(frames).toEqual([a, "<14>x: line", b]);
    }
  });

  it("skips an oversized octet-counted frame and carries on", () => {
    const f = new SyslogStreamFramer({ maxFrameBytes: 10 });
    expect(f.push(Buffer.from("20 01234567890123456789<1>ok\n"))).toEqual(["<1>ok"]);
    expect(f.warnings.length).toBe(1);
  });
});
