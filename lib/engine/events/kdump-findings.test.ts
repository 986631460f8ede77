import { describe, expect, it } from "vitest";
import { triage } from "../triage";
import { input } from "../triage-test-helpers";

// A NULL-pointer oops that panics (oops=panic) on a kernel booted without crashkernel=: the oops is the incident's
// problem, "kdump: not armed" the consequence read from the boot (banner at line 1, command line below it).
const UNARMED_PANIC = [
  "[    0.000000] Linux version 6.12.117+deb12-cloud-amd64 (debian-kernel@lists.debian.org) (x86_64-linux-gnu-gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1~deb12u1 (2026-11-14)",
  "[    0.000000] Command line: console=ttyS0 panic=0 ignore_loglevel oops=panic",
  "[    1.100000] systemd[1]: Started Journal Service.",
  "[    3.147166] BUG: kernel NULL pointer dereference, address: 0000000000000000",
  "[    3.147300] #PF: supervisor read access in kernel mode",
  "[    3.147400] Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI",
  "[    3.147500] CPU: 0 UID: 0 PID: 190 Comm: cat Not tainted 6.12.117+deb12-cloud-amd64 #1  Debian 6.12.117-1~deb12u1",
  "[    3.147600] RIP: 0010:oopscope_read_victim+0x18/0x30 [victim]",
  "[    3.147700] Call Trace:",
  "[    3.147710]  <TASK>",
  "[    3.147720]  oopscope_read_victim+0x18/0x30 [victim]",
  "[    3.147730]  vfs_read+0xb0/0x350",
  "[    3.147740]  ksys_read+0x6b/0xf0",
  "[    3.147750]  do_syscall_64+0x82/0x190",
  "[    3.147760]  entry_SYSCALL_64_after_hwframe+0x76/0x7e",
  "[    3.147770]  </TASK>",
  "[    3.147800] Kernel panic - not syncing: Fatal exception",
];

describe("kdump findings", () => {
  it("lists 'kdump: not armed' after the panic it follows from, though its source is the earlier command line", async () => {
    const inc = await triage([input("serial-console.log", UNARMED_PANIC)], { now: new Date("2026-12-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.kind, f.title])).toEqual([
      ["null-deref", "BUG: unable to handle kernel NULL pointer dereference in oopscope_read_victim"],
      ["kdump-failure", "kdump: not armed"],
    ]);
    expect(inc.findings[1].source.line).toBe(1);
    expect(inc.findings[0].panicked).toBe(true);
  });

  it("says nothing about kdump when the command line reserves crash kernel memory", async () => {
    const armed = UNARMED_PANIC.map((l) => l.replace("oops=panic", "oops=panic crashkernel=256M"));
    const inc = await triage([input("serial-console.log", armed)], { now: new Date("2026-12-01T00:00:00Z") });
    expect(inc.findings.map((f) => f.kind)).toEqual(["null-deref"]);
  });
});
