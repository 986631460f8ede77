import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "./extract-reports";

// Fragments that exercise the class table: headers, follow-ups, stack lines, end markers, junk.
const FRAGMENTS = [
  "BUG: KASAN: use-after-free in tcp_close+0x1/0x2",
  "Read of size 8 at addr ffff888012345678 by task a/1",
  "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
  "WARNING: CPU: 1 PID: 2 at net/core/dev.c:12 dev_foo+0x1/0x2",
  "INFO: task kworker/0:1:12 blocked for more than 120 seconds.",
  "INFO: rcu_sched self-detected stall on CPU",
  "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [a:1]",
  "kernel BUG at mm/slub.c:300!",
  "invalid opcode: 0000 [#1] SMP",
  "Oops: 0000 [#1] SMP",
  "general protection fault: 0000 [#1] SMP KASAN",
  "Kernel panic - not syncing: Fatal exception",
  "RIP: 0010:foo+0x1/0x2",
  "Call Trace:",
  " <IRQ>",
  " ? bar+0x1/0x2",
  " baz+0x1/0x2 [mod]",
  " </IRQ>",
  "---[ end trace 0000000000000000 ]---",
  "possible circular locking dependency detected",
  "       PANIC: \"kernel BUG at x.c:1!\"",
  'PID: 1   TASK: ffff8800  CPU: 0   COMMAND: "x"',
  " #0 [ffff] machine_kexec at ffffffff",
  "",
  "random text (((",
  "[[[[",
  "BUG:",
  "WARNING:",
];

const lineArb = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.tuple(fc.constantFrom("", "[  12.345678] ", "[  1.0][T12] ", "Aug 13 15:59:23 w01 kernel: "), fc.constantFrom(...FRAGMENTS)).map(([p, f]) => p + f),
  fc.string({ maxLength: 60 }),
);

describe("extractReports (property)", () => {
  it("never throws and returns well-formed findings", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 80 }), (raws) => {
        const ctx = createLineContext(0, 2024);
        const lines = raws.map((r, i) => parseLine(r, i + 1, ctx));
        const findings = extractReports(lines, { fileName: "p" });
        for (const f of findings) {
          expect(f.title.length).toBeGreaterThan(0);
          expect(f.title.length).toBeLessThanOrEqual(120);
          expect(f.source.line).toBeGreaterThanOrEqual(1);
          expect(f.source.endLine ?? f.source.line).toBeGreaterThanOrEqual(f.source.line);
          expect(f.report.length).toBeLessThanOrEqual(300);
          expect(f.corrupted === (f.corruptedReason !== undefined)).toBe(true);
        }
        const starts = findings.map((f) => f.source.line);
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      }),
      { numRuns: 300 },
    );
  });
});
