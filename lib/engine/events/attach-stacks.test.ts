import { describe, expect, it } from "vitest";
import { triage } from "../triage";

const enc = new TextEncoder();

async function findingsOf(lines: string[]) {
  const text = lines.map((l) => `Aug 13 10:00:00 n1 kernel: ${l}`).join("\n") + "\n";
  return (await triage([{ name: "messages", data: enc.encode(text) }], { now: new Date("2024-09-01T00:00:00Z") })).findings;
}

/** warn_alloc() output as 5.x kernels print it: the event line, the task line, a stack, then Mem-Info. */
const allocFailure = (comm: string, caller: string) => [
  `${comm}: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0`,
  `CPU: 7 PID: 4242 Comm: ${comm} Not tainted 5.15.0-91-generic #101-Ubuntu`,
  "Hardware name: Example Inc. Node/Board, BIOS 1.2 01/01/2023",
  "Call Trace:",
  " <TASK>",
  " dump_stack_lvl+0x4a/0x63",
  " warn_alloc+0x138/0x160",
  " __alloc_pages_slowpath.constprop.0+0xa44/0xa80",
  " __alloc_pages+0x311/0x330",
  " kmalloc_large_node+0x45/0xb0",
  " __kmalloc_node+0x2f8/0x370",
  " kvmalloc_node+0x4e/0xd0",
  ` ${caller}+0x34/0x80 [veth]`,
  " veth_newlink+0x1b2/0x3c0 [veth]",
  " rtnl_newlink+0x5f/0x90",
  " </TASK>",
  "Mem-Info:",
  "active_anon:1184 inactive_anon:905872 isolated_anon:0",
];

describe("attachEventStacks (through triage)", () => {
  it("gives the allocation-failure event its call trace, caller and task metadata, folding repeats", async () => {
    const findings = await findingsOf([...allocFailure("dockerd", "veth_alloc_queues"), "eth0: link up", ...allocFailure("dockerd", "veth_alloc_queues")]);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      kind: "page-alloc-failure",
      title: "page allocation failure: order:4",
      guiltyFrame: "veth_alloc_queues",
      kernelRelease: "5.15.0-91-generic",
      comm: "dockerd",
      repeats: 2,
      corrupted: false,
      details: { order: 4, comm: "dockerd", mode: "0x40dc0" },
    });
    expect(f.altTitles).toContain("page allocation failure in veth_alloc_queues");
    expect(f.frames.map((fr) => fr.function)).toContain("veth_newlink");
    expect(f.report[0]).toContain("page allocation failure: order:4");
  });

  it("leaves an allocation failure without a stack a one-line event", async () => {
    const findings = await findingsOf(["java: page allocation failure: order:2, mode:0x104020(GFP_ATOMIC|__GFP_COMP)", "eth0: link up"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "page-alloc-failure", title: "page allocation failure: order:2", frames: [] });
    expect(findings[0].guiltyFrame).toBeUndefined();
  });

  it("joins a stack it could read no frame from (old ARM `Function entered at` lines) to the event: one finding", async () => {
    const findings = await findingsOf([
      "modprobe: page allocation failure: order:0, mode:0xd0",
      "Backtrace:",
      "Function entered at [<c0011738>] from [<c03019b8>]",
      " r6:c032f1c4 r5:000000d0 r4:00000001 r3:c03a71c8",
      "Function entered at [<c03019a0>] from [<c00558f4>]",
      "Function entered at [<c005582c>] from [<c0073a44>]",
      "Mem-info:",
      "Normal per-cpu:",
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "page-alloc-failure", title: "page allocation failure: order:0", type: "page-allocation-failure" });
  });

  it("names the driver past the network page-fragment wrappers (netdev_alloc_frag), as past the skb allocators", async () => {
    // arm32 4.14 (BPI-R2, mtk_eth_soc): `ip` opening the interface refills the RX ring through netdev_alloc_frag.
    const findings = await findingsOf([
      "ip: page allocation failure: order:0, mode:0x1080120(GFP_ATOMIC|__GFP_COLD), nodemask=(null)",
      "CPU: 3 PID: 668 Comm: ip Tainted: G           O    4.14.78-bpi-r2-main #1",
      "Hardware name: Mediatek Cortex-A7 (Device Tree)",
      "[<c01132d0>] (unwind_backtrace) from [<c010d5e0>] (show_stack+0x20/0x24)",
      "[<c010d5e0>] (show_stack) from [<c0aa7f44>] (dump_stack+0x90/0xa4)",
      "[<c0aa7f44>] (dump_stack) from [<c023c37c>] (warn_alloc+0xc8/0x17c)",
      "[<c023c37c>] (warn_alloc) from [<c023d6cc>] (__alloc_pages_nodemask+0x11e8/0x122c)",
      "[<c023d6cc>] (__alloc_pages_nodemask) from [<c023d8fc>] (page_frag_alloc+0x14c/0x160)",
      "[<c023d8fc>] (page_frag_alloc) from [<c089204c>] (netdev_alloc_frag+0x40/0x48)",
      "[<c089204c>] (netdev_alloc_frag) from [<c0717748>] (mtk_rx_alloc+0xac/0x34c)",
      "[<c0717748>] (mtk_rx_alloc) from [<c0717d8c>] (mtk_open+0x3a4/0x5f8)",
      "[<c0717d8c>] (mtk_open) from [<c08aec14>] (__dev_open+0xb8/0x11c)",
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "page-alloc-failure", title: "page allocation failure: order:0", guiltyFrame: "mtk_rx_alloc" });
  });

  it("does not let the allocation failure's stack run into the crash report before it", async () => {
    const findings = await findingsOf([
      "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
      "IP: [<ffffffffa0123456>] nf_foo+0x16/0x40 [nf_foo]",
      "Oops: 0000 [#1] SMP",
      "Call Trace:",
      " [<ffffffff81234567>] nf_hook_slow+0x40/0xc0",
      ...allocFailure("kworker/u8:2", "veth_alloc_queues"),
    ]);
    expect(findings.map((f) => [f.kind, f.guiltyFrame])).toEqual([
      ["null-deref", "nf_foo"],
      ["page-alloc-failure", "veth_alloc_queues"],
    ]);
    expect(findings[0].frames.map((fr) => fr.function)).not.toContain("warn_alloc");
  });
});
