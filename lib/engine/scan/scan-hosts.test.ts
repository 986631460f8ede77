import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "../ingest/read-lines";
import { triage } from "../triage";
import { scanInput } from "./scan-input";
import type { TriageInput } from "../types";

const NOW = new Date("2024-09-01T00:00:00Z");
const enc = new TextEncoder();
const bytesOf = (name: string, lines: string[], eol = "\n"): TriageInput => ({ name, data: enc.encode(lines.join(eol) + eol) });

/** A soft lockup as each prefix format prints it: the host summaries must name the host, never "(unknown host)". */
const SOFT_LOCKUP = [
  "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:123]",
  "CPU: 3 PID: 123 Comm: kworker/3:1 Not tainted 5.15.0-91-generic #101-Ubuntu",
  "RIP: 0010:smp_call_function_many_cond+0x13e/0x3b0",
  "Call Trace:",
  " <TASK>",
  " on_each_cpu_cond_mask+0x1d/0x30",
  " flush_tlb_kernel_range+0x3b/0x90",
  " </TASK>",
];

const PREFIXES: Array<{ format: string; prefix: (line: string, i: number) => string }> = [
  { format: "Talos with node", prefix: (l) => `node-a: kern:    warning: [2024-08-13T15:59:23.123456789Z]: ${l}` },
  { format: "less -N over syslog", prefix: (l, i) => `${String(32780 + i).padStart(6)} Aug 13 15:59:23 node-a kernel: ${l}` },
  { format: "quoted syslog", prefix: (l) => `> Aug 13 15:59:23 node-a kernel: ${l}` },
  { format: "`| ` gutter around syslog", prefix: (l) => `| Aug 13 15:59:23 node-a kernel: ${l}` },
  { format: "indented syslog", prefix: (l) => `    Aug 13 15:59:23 node-a kernel: ${l}` },
  { format: "short-monotonic", prefix: (l) => `[ 4923.198014] node-a kernel: ${l}` },
  { format: "journalctl -o json", prefix: (l) => JSON.stringify({ __REALTIME_TIMESTAMP: "1723564763123456", _TRANSPORT: "kernel", MESSAGE: l, _HOSTNAME: "node-a" }) },
  { format: "Fluent Bit envelope around syslog", prefix: (l) => JSON.stringify({ log: `Aug 13 15:59:23 node-a kernel: ${l}\n`, stream: "stdout" }) },
  { format: "Vector event", prefix: (l) => JSON.stringify({ host: "node-a", message: l, timestamp: "2024-08-13T15:59:23Z" }) },
  { format: "stern around syslog", prefix: (l) => `npd-x7k2p node-problem-detector Aug 13 15:59:23 node-a kernel: ${l}` },
  { format: "journald short, Russian", prefix: (l) => `авг 13 15:59:23 node-a kernel: ${l}` },
];

describe("host summaries name the host behind every prefix format (the byte peek reads the line-format table)", () => {
  for (const { format, prefix } of PREFIXES) {
    it(format, async () => {
      const incident = await triage([bytesOf("node.log", SOFT_LOCKUP.map(prefix))], { now: NOW });
      expect(incident.hosts.map((h) => h.name)).toEqual(["node-a"]);
      expect(incident.findings.map((f) => [f.kind, f.host])).toEqual([["soft-lockup", "node-a"]]);
    });
  }

  it("CRLF pastes: the same hosts and findings as LF", async () => {
    const lines = SOFT_LOCKUP.map((l) => `Aug 13 15:59:23 node-a kernel: ${l}`);
    const lf = await triage([bytesOf("a.log", lines)], { now: NOW });
    const crlf = await triage([bytesOf("a.log", lines, "\r\n")], { now: NOW });
    expect(crlf.hosts).toEqual(lf.hosts);
    expect(crlf.findings.map((f) => [f.kind, f.host, f.title])).toEqual(lf.findings.map((f) => [f.kind, f.host, f.title]));
  });

  it("journalctl -o export / -o verbose: an entry's lines belong to the host of its `_HOSTNAME` field", async () => {
    const entry = (msg: string) => ["__CURSOR=s=a;i=1", "__REALTIME_TIMESTAMP=1723564763123456", "_TRANSPORT=kernel", "PRIORITY=4", `MESSAGE=${msg}`, "_HOSTNAME=node-b", ""];
    // The first entry's message comes before any `_HOSTNAME`: a lead-in entry carries it.
    const lines = [...entry("Linux version 5.15.0-91-generic (buildd@lcy02) (gcc 11.4.0) #101-Ubuntu SMP"), ...SOFT_LOCKUP.flatMap(entry)];
    const incident = await triage([bytesOf("journal.export", lines)], { now: NOW });
    expect(incident.hosts.filter((h) => h.name !== "(unknown host)").map((h) => h.name)).toEqual(["node-b"]);
    expect(incident.findings.map((f) => [f.kind, f.host])).toEqual([["soft-lockup", "node-b"]]);
  });

  it("journalctl -o export: a report stays one report across entries, however many fields each entry prints", async () => {
    // journald's real order: MESSAGE before the trusted fields; a dozen field lines per kernel line.
    const entry = (msg: string, i: number) => [
      `__CURSOR=s=a;i=${i}`, `__REALTIME_TIMESTAMP=${1723564763123456 + i}`, `__MONOTONIC_TIMESTAMP=${4923198014 + i}`, "__SEQNUM=1",
      "_BOOT_ID=b", `_SOURCE_MONOTONIC_TIMESTAMP=${4923198014 + i}`, "_TRANSPORT=kernel", "PRIORITY=4", "SYSLOG_FACILITY=0",
      "SYSLOG_IDENTIFIER=kernel", `MESSAGE=${msg}`, "_MACHINE_ID=m", "_HOSTNAME=node-d", "_RUNTIME_SCOPE=system", "",
    ];
    // A stack dump of hex words (no report-like text) between the registers and the trace: 8 lines of it.
    const hexDump = Array.from({ length: 8 }, (_, k) => `${(0x1e00 + k * 0x20).toString(16)}: 00000128 80200288 855d9700 00000128`);
    const report = [...SOFT_LOCKUP.slice(0, 3), ...hexDump, ...SOFT_LOCKUP.slice(3)];
    const incident = await triage([bytesOf("journal.export", report.flatMap(entry))], { now: NOW });
    expect(incident.findings.map((f) => [f.kind, f.host, f.guiltyFrame])).toEqual([["soft-lockup", "node-d", "smp_call_function_many_cond"]]);
    // The trace after the dump is the same report's (the window was cut by the field lines before).
    expect(incident.findings[0].report).toContain(" flush_tlb_kernel_range+0x3b/0x90");
    expect(incident.findings[0].report.filter((l) => l === "")).toEqual([]);
  });

  it("kubectl debug node/X: the node owns the dmesg lines after the banner", async () => {
    const lines = ["Creating debugging pod node-debugger-node-c-abcde with container debugger on node node-c.", ...SOFT_LOCKUP.map((l, i) => `[ ${4923 + i}.198014] ${l}`)];
    const incident = await triage([bytesOf("debug.txt", lines)], { now: NOW });
    expect(incident.hosts.map((h) => h.name)).toEqual(["node-c"]);
    expect(incident.findings.map((f) => [f.kind, f.host])).toEqual([["soft-lockup", "node-c"]]);
  });
});

describe("a scan result keeps no view of its input's chunks (a many-file triage holds every input's result until the end)", () => {
  it("hosts keep their first and last lines as text, not the bytes they were read from", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Aug 13 15:59:${String(i % 60).padStart(2, "0")} node-${i % 3} systemd[1]: Started Session ${i}.`);
    const result = await scanInput(bytesOf("fleet.log", lines), emptyIngestStats(), { fileIndex: 0, now: NOW });
    const hosts = [...result.hosts.values()];
    expect(hosts.map((h) => h.name)).toEqual(["node-0", "node-1", "node-2"]);
    for (const h of hosts) {
      expect([h.lastBytes, h.ownBytes]).toEqual([undefined, undefined]);
      expect(h.lastRaw).toMatch(new RegExp(` ${h.name} systemd\\[1\\]: Started Session 19\\d\\.$`));
    }
  });
});

describe("hosts of a fleet log are told apart by their bytes", () => {
  it("counts the lines of 300 hosts whose names differ only in their last bytes or their length", async () => {
    // More hosts than the scanner's recent-host slots, names of every length mod 4 (compared four bytes at a time,
    // then byte by byte): each line must land on its own host.
    const names = Array.from({ length: 300 }, (_, i) => `n${"x".repeat(i % 7)}-${String(i).padStart(3, "0")}`);
    const lines: string[] = [];
    for (let i = 0; i < 9000; i++) lines.push(`Aug 13 15:59:23 ${names[(i * 7) % 300]} systemd[1]: Started Session ${i}.`);
    const scan = await scanInput(bytesOf("fleet.log", lines), emptyIngestStats(), { fileIndex: 0, now: NOW });
    expect(scan.hosts.size).toBe(300);
    expect(new Set([...scan.hosts.values()].map((h) => h.lines))).toEqual(new Set([30]));
    for (const h of scan.hosts.values()) expect(h.firstRaw).toContain(` ${h.name} systemd`);
  });
});
