import { describe, expect, it } from "vitest";
import { triage } from "./triage";
import { input } from "./triage-test-helpers";

const NOW = new Date("2024-09-01T00:00:00Z");
const findingsOf = async (name: string, lines: string[]) => (await triage([input(name, lines)], { now: NOW })).findings;

describe("triage: host-less kernel lines among one host's", () => {
  it("belong to that host: a paste that lost the header line's prefix is one report", async () => {
    const findings = await findingsOf("paste.log", [
      "BUG: KFENCE: use-after-free read in bfq_exit_icq_bfqq+0x132/0x270",
      "Jan 03 12:44:18 pc kernel: Use-after-free read at 0x00000000b8368693 (in kfence-#52):",
      "Jan 03 12:44:18 pc kernel:  bfq_exit_icq_bfqq+0x132/0x270",
      "Jan 03 12:44:18 pc kernel:  bfq_exit_icq+0x5e/0x80",
      "Jan 03 12:44:18 pc kernel:  exit_io_context+0x88/0xb0",
    ]);
    expect(findings.map((f) => [f.title, f.host])).toEqual([["KFENCE: use-after-free read in bfq_exit_icq_bfqq", "pc"]]);
  });

  it("belong to that host: a journal export's first entry names its host after its message", async () => {
    const entry = (n: number, message: string) => [`__CURSOR=s=abc;i=${n}`, `__REALTIME_TIMESTAMP=172356476300${n}000`, "_TRANSPORT=kernel", `MESSAGE=${message}`, "_HOSTNAME=w01", ""];
    const findings = await findingsOf("export.txt", [
      ...entry(1, "kernel BUG at net/core/skbuff.c:4230!"),
      ...entry(2, "invalid opcode: 0000 [#1] SMP NOPTI"),
      ...entry(3, "CPU: 3 PID: 0 Comm: swapper/3 Not tainted 6.1.1-1.el9.elrepo.x86_64 #1"),
      ...entry(4, "RIP: 0010:skb_segment+0xbc8/0xf20"),
    ]);
    expect(findings.map((f) => [f.title, f.host, f.kernelRelease])).toEqual([["kernel BUG in skb_segment", "w01", "6.1.1-1.el9.elrepo.x86_64"]]);
  });

  it("stay apart when the window names two hosts", async () => {
    const findings = await findingsOf("two.log", [
      "kernel BUG at fs/x.c:10!",
      "Jan 03 12:44:18 a kernel: RIP: 0010:x_write+0x1/0x2",
      "Jan 03 12:44:18 b kernel: eth0: link up",
    ]);
    expect(findings.map((f) => f.host)).toEqual([undefined]);
  });
});

describe("triage: a paste whose first line lost its start", () => {
  const tableFull = (host: string, us: number) => `Feb 23 16:44:36 ${host} kernel: [38775494.${us}] nf_conntrack: table full, dropping packet`;

  it("keeps the tail of the host name on that line, which is the host of the lines after it", async () => {
    const findings = await findingsOf("wrapped.log", [
      "obs kernel: [38775494.392631] nf_conntrack: table full, dropping packet",
      tableFull("jobs", 393661),
      tableFull("jobs", 494836),
      tableFull("jobs", 495169),
    ]);
    expect(findings.map((f) => [f.kind, f.host, f.repeats ?? 1])).toEqual([["conntrack-full", "jobs", 4]]);
  });

  it("leaves a host of its own alone: a name that is no other host's tail, or that logged more than one line", async () => {
    const other = await findingsOf("two-hosts.log", ["db kernel: [1.000001] nf_conntrack: table full, dropping packet", tableFull("jobs", 393661), tableFull("jobs", 494836)]);
    expect(other.map((f) => f.host).sort()).toEqual(["db", "jobs"]);
    const twice = await findingsOf("two-lines.log", [
      "obs kernel: [1.000001] nf_conntrack: table full, dropping packet",
      "obs kernel: [1.000002] nf_conntrack: table full, dropping packet",
      tableFull("jobs", 393661),
      tableFull("jobs", 494836),
    ]);
    expect(twice.map((f) => f.host).sort()).toEqual(["jobs", "obs"]);
  });
});
