/**
 * Real-log noise around an x86 stack that must not move the title or the guilty frame (issue 9, titles
 * generalisation): guessed `? f` frames, module frames, `<IRQ>`/`<TASK>` markers, a stack without its `Call Trace:`
 * line, another program's or host's line inside the stack, the faulting-IP spellings of 2.6 to 6.x, and a stack whose
 * every frame is generic. One report, varied one way at a time; the plain report is checked first so each case can fail.
 */
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";

function extract(lines: readonly string[]) {
  const ctx = createLineContext(0, 2024);
  return extractReports(lines.map((l, i) => parseLine(l, i + 1, ctx)), { fileName: "t.log" });
}

const HEADER = [
  "[ 812.000001] BUG: kernel NULL pointer dereference, address: 0000000000000040",
  "[ 812.000002] #PF: supervisor read access in kernel mode",
  "[ 812.000003] Oops: 0000 [#1] PREEMPT SMP NOPTI",
  "[ 812.000004] CPU: 2 PID: 3071 Comm: kworker/2:1 Tainted: G           OE     6.1.0-18-amd64 #1  Debian 6.1.76-1",
];
/** The CPU faulted in a mem helper: the first non-generic frame below it names the bug. */
const RIP = "[ 812.000005] RIP: 0010:memcpy_erms+0x6/0x10";
const TRACE = [
  "[ 812.000006] Call Trace:",
  "[ 812.000007]  <TASK>",
  "[ 812.000008]  qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
  "[ 812.000009]  qfoo_poll+0x3c/0x90 [qfoo]",
  "[ 812.000010]  __napi_poll+0x2b/0x160",
  "[ 812.000011]  net_rx_action+0x29e/0x350",
  "[ 812.000012]  </TASK>",
];
const WANT = { title: "BUG: unable to handle kernel NULL pointer dereference in qfoo_fill_rx_ring", guiltyFrame: "qfoo_fill_rx_ring" };

describe("stack noise does not move the title or the guilty frame", () => {
  it("the plain report", () => {
    expect(extract([...HEADER, RIP, ...TRACE])[0]).toMatchObject(WANT);
  });

  it("guessed `? f` frames between the real ones, and the exception entry's guesses above them", () => {
    const guessed = TRACE.flatMap((l) => (/qfoo_poll/.test(l) ? ["[ 812.000008]  ? tcp_v4_rcv+0x12/0x40", l] : [l]));
    const entry = ["[ 812.000007]  ? __die+0x1f/0x70", "[ 812.000007]  ? page_fault_oops+0x171/0x4e0", "[ 812.000007]  ? exc_page_fault+0x77/0x170", "[ 812.000007]  ? asm_exc_page_fault+0x26/0x30", "[ 812.000007]  ? memcpy_erms+0x6/0x10"];
    expect(extract([...HEADER, RIP, ...guessed.slice(0, 2), ...entry, ...guessed.slice(2)])[0]).toMatchObject(WANT);
  });

  it("frames with the 3.x `[<address>]` column, and a build id after the module name", () => {
    const addressed = TRACE.map((l) => l.replace(/^(\[ 812\.\d+\]) ( [a-z_]+\+)/, "$1  [<ffffffffc0a1b2c3>]$2"));
    expect(addressed).not.toEqual(TRACE);
    expect(extract([...HEADER, RIP, ...addressed])[0]).toMatchObject(WANT);
    const buildId = TRACE.map((l) => l.replace("[qfoo]", "[qfoo 4f1d2c3b5a6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c]"));
    expect(extract([...HEADER, RIP, ...buildId])[0]).toMatchObject(WANT);
  });

  it("a fault in interrupt context: the frames under `<IRQ>` are the crash's, the task's below `</IRQ>` are not reached", () => {
    const irq = ["[ 812.000006] Call Trace:", "[ 812.000007]  <IRQ>", ...TRACE.slice(2, 6), "[ 812.000011]  </IRQ>", "[ 812.000011]  <TASK>", "[ 812.000011]  asm_sysvec_apic_timer_interrupt+0x1a/0x20", "[ 812.000012]  </TASK>"];
    expect(extract([...HEADER, RIP, ...irq])[0]).toMatchObject(WANT);
  });

  it("a paste that lost its `Call Trace:` line reads the frames for the display title; syzkaller's title says corrupted", () => {
    // Without a RIP line either (the paste kept the header and the frames only).
    const [cut] = extract([...HEADER, ...TRACE.slice(1)]);
    expect(cut).toMatchObject(WANT);
    expect(cut.syzkallerTitle).toBe("BUG: unable to handle kernel NULL pointer dereference in corrupted");
  });

  it("another program's line, or another host's, inside a syslog stack", () => {
    const syslog = (lines: readonly string[]) => lines.map((l) => l.replace(/^\[ 812\.\d+\] /, "Feb  3 10:11:12 node7 kernel: "));
    const stack = syslog([...HEADER, RIP, ...TRACE]);
    expect(extract(stack)[0]).toMatchObject(WANT);
    const at = stack.findIndex((l) => l.includes("qfoo_fill_rx_ring"));
    for (const foreign of ["Feb  3 10:11:12 node7 systemd[1]: Started Session 42 of user root.", "Feb  3 10:11:12 node9 kernel: IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready"]) {
      expect(extract([...stack.slice(0, at), foreign, ...stack.slice(at)])[0], foreign).toMatchObject(WANT);
    }
  });

  it("the faulting IP as 2.6 to 6.x x86 print it, with a non-generic function there", () => {
    const rips = [
      "[ 812.000005] RIP: 0010:qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000005] RIP: qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000005] RIP: 0010:[<ffffffffc0a1b2c3>]  [<ffffffffc0a1b2c3>] qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000005] IP: [<ffffffffc0a1b2c3>] qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000005] EIP: 0060:[<f8a1b2c3>] EFLAGS: 00010246 CPU: 2\n[ 812.000005] EIP is at qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
    ];
    const below = ["[ 812.000006] Call Trace:", "[ 812.000009]  qfoo_poll+0x3c/0x90 [qfoo]", "[ 812.000010]  __napi_poll+0x2b/0x160"];
    for (const rip of rips) expect(extract([...HEADER, ...rip.split("\n"), ...below])[0], rip).toMatchObject(WANT);
  });

  it("arm64's `pc :` in a generic helper: the call trace names the caller", () => {
    const [arm] = extract([
      "[ 812.000001] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000040",
      "[ 812.000003] Internal error: Oops: 0000000096000006 [#1] PREEMPT SMP",
      "[ 812.000005] pc : __memcpy+0x54/0x230",
      "[ 812.000005] lr : qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000006] Call trace:",
      "[ 812.000007]  __memcpy+0x54/0x230",
      "[ 812.000008]  qfoo_fill_rx_ring+0x8d/0x1a0 [qfoo]",
      "[ 812.000009]  qfoo_poll+0x3c/0x90 [qfoo]",
    ]);
    expect(arm).toMatchObject(WANT);
  });

  it("a stack whose every frame is generic: the RIP's function is displayed, syzkaller's title says corrupted", () => {
    const [generic] = extract([
      ...HEADER,
      "[ 812.000005] RIP: 0010:_raw_spin_lock+0x1c/0x30",
      "[ 812.000006] Call Trace:",
      "[ 812.000007]  <TASK>",
      "[ 812.000008]  mutex_lock+0x1e/0x40",
      "[ 812.000009]  do_syscall_64+0x55/0xb0",
      "[ 812.000010]  entry_SYSCALL_64_after_hwframe+0x6e/0xd8",
      "[ 812.000011]  </TASK>",
    ]);
    expect(generic).toMatchObject({ title: "BUG: unable to handle kernel NULL pointer dereference in _raw_spin_lock", syzkallerTitle: "BUG: unable to handle kernel NULL pointer dereference in corrupted" });
  });
});
