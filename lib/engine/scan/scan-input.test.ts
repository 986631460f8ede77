import { describe, expect, it } from "vitest";
import { triage } from "../triage";

const enc = new TextEncoder();

describe("report windows", () => {
  it("stay open through ARM's raw stack dump, so the Backtrace after it is part of the report", async () => {
    const dump = Array.from({ length: 120 }, (_, i) => `${(0x8000 + i * 0x20).toString(16)}: e0728044 e0728018 804700dc 8046ffe8 e07280c8 00000000 e07281d8 00000000`);
    const log = [
      "Internal error: kernel stack overflow: 0 [#1] PREEMPT SMP ARM",
      "CPU: 0 PID: 29545 Comm: syz-executor.0 Not tainted 6.3.0-syzkaller #0",
      "PC is at should_fail_ex+0x4/0x1f4 lib/fault-inject.c:104",
      "Stack: (0xe0728008 to 0xe072a000)",
      ...dump,
      "Backtrace: ",
      "[<81304b4c>] (pskb_expand_head) from [<8151cf58>] (ip_tunnel_xmit+0x4e8/0xaf4 net/ipv4/ip_tunnel.c:806)",
      "[<8151ca70>] (ip_tunnel_xmit) from [<8152dae0>] (__gre_xmit+0x140/0x234 net/ipv4/ip_gre.c:469)",
    ];
    const incident = await triage([{ name: "arm.log", data: enc.encode(log.join("\n") + "\n") }]);
    expect(incident.findings[0]).toMatchObject({ guiltyFile: "net/ipv4/ip_tunnel.c" });
    expect(incident.findings[0].report.some((l) => l.includes("Backtrace"))).toBe(true);
  });
});
