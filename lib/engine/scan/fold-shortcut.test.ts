import { describe, expect, it } from "vitest";
import { PROBLEM_EVENT_RULES } from "../events/problem-events";
import { emptyIngestStats } from "../ingest/read-lines";
import { createLineContext, parseLine } from "../lines/parse-line";
import { NOT_A_STAMP, syslogStampTime } from "../lines/line-formats";
import { KernelPrefix, NOT_PLAIN, plainTextHash, prefixAt, type FoldOutcome } from "./fold-shortcut";
import { scanInput, type ScanResult } from "./scan-input";

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

describe("syslogStampTime reads a plain RFC 3164 stamp as the line parser does", () => {
  const ctx = createLineContext(0, 2024, 8, 0);
  const lines = [
    "Aug 13 15:59:23 node-07.prod.example.net kernel: nf_conntrack: table full, dropping packet",
    "Aug  1 00:00:00 w01 kernel: x",
    "Feb 29 12:00:00 w01 kernel: x", // 2024 is a leap year
    "Jan  1 00:00:00 w01 kernel: x",
    "Dec 31 23:59:59 w01 kernel: x", // after the anchor's month: the year before
    "Feb 30 12:00:00 w01 kernel: x", // no such day: no time, as the parser says
    "Aug 13 25:00:00 w01 kernel: x",
    "Aug 00 10:00:00 w01 kernel: x",
  ];
  for (const line of lines) {
    it(line.slice(0, 15), () => {
      const parsed = parseLine(line, 1, createLineContext(0, 2024, 8, 0));
      expect(parsed.format).toBe("syslog");
      const t = syslogStampTime(bytes(line), 0, line.length, ctx);
      expect(t).not.toBe(NOT_A_STAMP);
      expect(t).toBe(parsed.time);
    });
  }

  it("takes the year rollover from the context's anchor (a January log: December is the year before)", () => {
    const jan = createLineContext(0, 2025, 1, 0);
    const line = "Dec 31 23:59:59 w01 kernel: x";
    expect(syslogStampTime(bytes(line), 0, line.length, jan)).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
    expect(syslogStampTime(bytes(line), 0, line.length, jan)).toBe(parseLine(line, 1, createLineContext(0, 2025, 1, 0)).time);
    // A December anchor whose lines may run a month past it: January is the year after.
    const dec = createLineContext(0, 2024, 12, 1);
    const next = "Jan  2 00:00:01 w01 kernel: x";
    expect(syslogStampTime(bytes(next), 0, next.length, dec)).toBe(Date.UTC(2025, 0, 2, 0, 0, 1));
    expect(syslogStampTime(bytes(next), 0, next.length, dec)).toBe(parseLine(next, 1, createLineContext(0, 2024, 12, 1)).time);
  });

  it("reads the stamp where the line starts inside a chunk", () => {
    const chunk = "xx\r\nAug 13 15:59:23 w01 kernel: x\r\n";
    expect(syslogStampTime(bytes(chunk), 4, chunk.length - 2, ctx)).toBe(Date.UTC(2024, 7, 13, 15, 59, 23));
  });

  const notStamps = [
    "[ 4923.198014] nf_conntrack: table full, dropping packet", // dmesg: uptime, no wall time
    "[Tue Aug 13 15:59:23 2024] nf_conntrack: table full, dropping packet", // dmesg -T
    "<4>Aug 13 15:59:23 w01 kernel: x", // a PRI: the parser also reads the level
    "Aug 13 15:59:23.123456 w01 kernel: x", // a fraction
    "Aug 13 15:59:23 2024 w01 kernel: x", // a year field
    "Aug 1 15:59:23 w01 kernel: x",
    "Aug 13 15:59:23  w01 kernel: x",
    "Foo 13 15:59:23 w01 kernel: x", // not a month
    "aug 13 15:59:23 w01 kernel: x",
    "авг 13 15:59:23 node-a kernel: x", // a localised month: the parser's own path
    "2024-08-13T15:59:23Z w01 kernel: x",
    "Aug 13 15:59:2",
  ];
  for (const line of notStamps) {
    it(`leaves to the parser: ${line.slice(0, 24)}`, () => {
      const b = bytes(line);
      expect(syslogStampTime(b, 0, b.length, ctx)).toBe(NOT_A_STAMP);
    });
  }
});

describe("plainTextHash", () => {
  const plain = (s: string) => plainTextHash(bytes(s), 0, bytes(s).length) !== NOT_PLAIN;
  it("takes printable ASCII", () => {
    expect(plain("nf_conntrack: table full, dropping packet")).toBe(true);
    expect(plain("blk_update_request: I/O error, dev sdb, sector 123 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0")).toBe(true);
  });
  it("refuses what the parser would change or peel off", () => {
    expect(plain("[ 12.345678] nf_conntrack: table full")).toBe(false);
    expect(plain("<4>nf_conntrack: table full")).toBe(false);
    expect(plain("nf_conntrack: table full,#011dropping")).toBe(false);
    expect(plain("nf_conntrack: table full^M")).toBe(false);
    expect(plain("nf_conntrack: table full\tdropping")).toBe(false);
    expect(plain("nf_conntrack: table full\r")).toBe(false);
    expect(plain("I/O error on dev sdb1, logical block 0\u00d719")).toBe(false);
    expect(plain("")).toBe(false);
  });
  it("reads only its range", () => {
    const b = bytes("[x] ok text\r\n");
    expect(plainTextHash(b, 4, b.length - 2)).toBe(plainTextHash(bytes("ok text"), 0, 7));
    expect(plainTextHash(b, 4, b.length)).toBe(NOT_PLAIN);
  });
  it("texts that differ hash apart", () => {
    const h = (s: string) => plainTextHash(bytes(s), 0, s.length);
    expect(h("Buffer I/O error on dev sdb1, logical block 1001")).not.toBe(h("Buffer I/O error on dev sdb1, logical block 1002"));
    expect(h("a")).toBeGreaterThanOrEqual(0);
  });
  it("a `#01` at the text's end is no escaped tab", () => {
    expect(plain("sector #01")).toBe(true);
  });
});

describe("KernelPrefix", () => {
  const outcome = (foldKey: string): FoldOutcome => ({ rule: PROBLEM_EVENT_RULES[0], title: foldKey, foldKey, details: {} });
  const rules = PROBLEM_EVENT_RULES.slice(0, 1);
  const other = PROBLEM_EVENT_RULES.slice(1, 2);

  it("finds a kept text by its bytes, under the same rules only", () => {
    const p = new KernelPrefix(bytes(" w01 kernel: "), "w01");
    const line = bytes("Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\r\n");
    const from = 28;
    const end = line.length - 2;
    expect(prefixAt(p.prefix, line, 15, end)).toBe(true);
    expect(prefixAt(p.prefix, line, 16, end)).toBe(false);
    p.remember("nf_conntrack: table full, dropping packet", line, from, end, rules, outcome("a"));
    expect(p.outcomeAt(line, from, end, rules)?.foldKey).toBe("a");
    expect(p.text).toBe("nf_conntrack: table full, dropping packet");
    expect(p.outcomeAt(line, from, end, other)).toBeUndefined();
    expect(p.outcomeAt(line, from, end - 1, rules)).toBeUndefined();
    // Other bytes of the same length are no match.
    const twin = bytes("Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packeT\r\n");
    expect(p.outcomeAt(twin, from, end, rules)).toBeUndefined();
    // The kept bytes are a copy: the chunk they came from may be overwritten.
    line.fill(0);
    const again = bytes("Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\r\n");
    expect(p.outcomeAt(again, from, end, rules)?.foldKey).toBe("a");
  });

  it("keeps the texts a host repeats among texts seen once", () => {
    const p = new KernelPrefix(bytes(" w01 kernel: "), "w01");
    const repeated = bytes("nf_conntrack: table full, dropping packet");
    p.remember("r", repeated, 0, repeated.length, rules, outcome("r"));
    for (let i = 0; i < 50; i++) {
      expect(p.outcomeAt(repeated, 0, repeated.length, rules)?.foldKey).toBe("r");
      const once = bytes(`blk_update_request: I/O error, dev sdb, sector ${1000 + i}`);
      expect(p.outcomeAt(once, 0, once.length, rules)).toBeUndefined();
      p.remember(`once ${i}`, once, 0, once.length, rules, outcome(`once ${i}`));
      expect(p.outcomeAt(once, 0, once.length, rules)?.foldKey).toBe(`once ${i}`);
    }
    expect(p.outcomeAt(repeated, 0, repeated.length, rules)?.foldKey).toBe("r");
  });

  it("tells a text missed before", () => {
    const p = new KernelPrefix(bytes(" w01 kernel: "), "w01");
    expect(p.seenBefore(7)).toBe(false);
    expect(p.seenBefore(7)).toBe(true);
    for (const h of [1, 2, 3, 4]) expect(p.seenBefore(h)).toBe(false);
    expect(p.seenBefore(7)).toBe(false);
  });

  it("keeps a run per fold key", () => {
    const p = new KernelPrefix(bytes(" w01 kernel: "), "w01");
    const run = (k: string) => ({ foldKey: k }) as unknown as Parameters<KernelPrefix["noteRun"]>[1];
    const a = run("a");
    p.noteRun("a", a);
    for (const k of ["b", "c", "d"]) p.noteRun(k, run(k));
    expect(p.runOf("a")).toBe(a);
    expect(p.runOf(["a"].join(""))).toBe(a);
    const a2 = run("a");
    p.noteRun("a", a2);
    expect(p.runOf("a")).toBe(a2);
    p.noteRun("e", run("e"));
    expect(p.runOf("e")?.foldKey).toBe("e");
    expect(p.runOf("zz")).toBeUndefined();
  });
});

/** The runs of a scan, as stage 4 reads them. */
function runsOf(scan: ScanResult) {
  return scan.eventRuns.map((r) => ({
    host: r.first.line.host,
    firstLine: r.first.line.lineNo,
    firstTime: r.first.line.time,
    title: r.title,
    foldKey: r.foldKey,
    count: r.count,
    lastLine: r.lastLine,
    lastTime: r.lastTime,
    firstTimedRepeat: r.firstTimedRepeat,
    details: r.details,
    samples: r.samples,
  }));
}

async function scan(lines: string[], eol: string, name = "messages"): Promise<ScanResult> {
  return scanInput({ name, data: enc.encode(lines.join(eol) + eol) }, emptyIngestStats(), { fileIndex: 0, now: new Date("2025-01-15T00:00:00Z") });
}

describe("repeats read from bytes count as the parsed ones do", () => {
  const hosts = ["node-00.prod.example.net", "node-01.prod.example.net", "w3"];
  const texts = [
    "nf_conntrack: nf_conntrack: table full, dropping packet",
    "blk_update_request: I/O error, dev sdb, sector %d op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
    "Buffer I/O error on dev sdb1, logical block %d, async page read",
    "blk_update_request: I/O error, dev sdc, sector %d op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 0",
  ];
  /** A busy node's log over a new year (December, then January), with a crash and a reboot of one host in between. */
  function busyLog(stamp: (i: number) => string): string[] {
    const out: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const host = hosts[(i * 7) % hosts.length];
      const text = texts[(i * 5) % texts.length].replace("%d", String(1000 + ((i * 37) % 11)));
      const day = i < 600 ? "Dec 31" : "Jan  1";
      const s = `${day} ${stamp(i)}`;
      out.push(`${s} ${host} kernel: ${text}`);
      if (i % 3 === 0) out.push(`${s} ${host} java[3311]: 2024-08-13 15:58:01,123 DEBUG [pool-3-thread-${i}] c.e.Service - loaded`);
      if (i === 700) out.push(`${s} w3 kernel: Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)`);
      // A text the parser changes: its own uptime stamp inside syslog, an rsyslog tab.
      if (i % 50 === 7) out.push(`${s} ${host} kernel: [ 12.345678] nf_conntrack: nf_conntrack: table full, dropping packet`);
      if (i % 50 === 9) out.push(`${s} ${host} kernel: Buffer I/O error on dev sdb1,#011logical block 7, async page read`);
    }
    return out;
  }
  const clock = (i: number) => `10:${String(Math.floor((i % 600) / 10)).padStart(2, "0")}:0${i % 10}`;

  it("CRLF, several hosts, a new year, a boot: the same runs as lines the parser reads (stamps with a fraction)", async () => {
    const plain = await scan(busyLog(clock), "\r\n");
    // `15:59:23.000000`: the same time, but no plain stamp, so every line goes through the parser.
    const parsed = await scan(busyLog((i) => `${clock(i)}.000000`), "\r\n");
    expect(runsOf(plain)).toEqual(runsOf(parsed));
    expect(plain.boots.length).toBe(parsed.boots.length);
    expect([...plain.formats]).toEqual([...parsed.formats]);
    const runs = runsOf(plain);
    expect(runs.reduce((a, r) => a + r.count, 0)).toBeGreaterThan(1200);
    // The year turned: December's lines are 2024's, January's 2025's (the file's anchor is January 2025).
    expect(runs.some((r) => r.lastTime !== undefined && new Date(r.lastTime).getUTCFullYear() === 2025)).toBe(true);
    expect(runs.some((r) => r.firstTime !== undefined && new Date(r.firstTime).getUTCFullYear() === 2024)).toBe(true);
  });

  it("LF and CRLF read the same runs", async () => {
    expect(runsOf(await scan(busyLog(clock), "\n"))).toEqual(runsOf(await scan(busyLog(clock), "\r\n")));
  });

  it("dmesg lines of the same events are read by the parser, and fold as before", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `[${String(100 + i).padStart(5)}.000001] ${texts[i % 3].replace("%d", String(i % 4))}`);
    const runs = runsOf(await scan(lines, "\n", "dmesg.txt"));
    expect(runs.reduce((a, r) => a + r.count, 0)).toBe(300);
  });
});
