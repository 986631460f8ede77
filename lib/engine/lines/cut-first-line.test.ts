import { describe, expect, it } from "vitest";
import { completeCutHeader, repairCutFirstLine } from "./cut-first-line";
import { createLineContext, parseLine } from "./parse-line";

const read = (raw: string, lineNo = 1) => parseLine(raw, lineNo, createLineContext(0, 2024));

describe("completeCutHeader", () => {
  it("puts back the words a selection started too late took from a header", () => {
    expect(completeCutHeader("to handle kernel NULL pointer dereference at 0000000000000008")).toBe(
      "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
    );
    expect(completeCutHeader(" BUG at drivers/md/md.c:6657!")).toBe("kernel BUG at drivers/md/md.c:6657!");
    expect(completeCutHeader("oft lockup - CPU#2 stuck for 67s! [kcopyd:2498]")).toBe("BUG: soft lockup - CPU#2 stuck for 67s! [kcopyd:2498]");
    expect(completeCutHeader("G: possible circular locking dependency detected")).toBe("WARNING: possible circular locking dependency detected");
    expect(completeCutHeader("task kworker/u777:6:1270802 blocked for more than 122 seconds.")).toBe(
      "INFO: task kworker/u777:6:1270802 blocked for more than 122 seconds.",
    );
  });

  it("leaves text alone that is no header's rest, or a whole header", () => {
    expect(completeCutHeader("to handle the request, retrying")).toBeUndefined();
    expect(completeCutHeader("task completed in 3 seconds")).toBeUndefined();
    expect(completeCutHeader("BUG: soft lockup - CPU#2 stuck for 67s!")).toBeUndefined();
    expect(completeCutHeader("e1000e: eth0 NIC Link is Up")).toBeUndefined();
    // What a cut left of a `kernel: ` prefix: the header after it is whole, no panic line's rest.
    expect(completeCutHeader(": BUG: Bad page state in process kworker/0:3 pfn:10ac40")).toBeUndefined();
    expect(completeCutHeader(": nf_conntrack: table full, dropping packet")).toBeUndefined();
  });
});

describe("repairCutFirstLine", () => {
  const parse = (raw: string) => read(raw);

  it("reads a prefix whose head was cut with the next line's head", () => {
    const next = read("Sat Jul 25 15:12:14 2020 kern.warn kernel: [ 4575.717780] r8152 5-1:1.0 eth1: Tx status -2", 2);
    const first = read("at Jul 25 15:12:12 2020 kern.warn kernel: [ 4574.594652] r8152 5-1:1.0 eth1: Tx timeout");
    expect(first.text).not.toBe("r8152 5-1:1.0 eth1: Tx timeout");
    const repaired = repairCutFirstLine(first, next, parse);
    expect(repaired).toMatchObject({ text: "r8152 5-1:1.0 eth1: Tx timeout", format: next.format, program: "kernel", raw: first.raw, lineNo: 1 });

    const dmesgNext = read("[  120.532031] Modules linked in: tun", 2);
    expect(repairCutFirstLine(read(".523895] watchdog: BUG: soft lockup - CPU#5 stuck for 23s! [exe:8419]"), dmesgNext, parse).text).toBe(
      "watchdog: BUG: soft lockup - CPU#5 stuck for 23s! [exe:8419]",
    );
  });

  it("leaves a first line without any of the prefix (a heading before the log) as it was", () => {
    const next = read("Aug 13 15:58:01 w01 kernel: device veth1 entered promiscuous mode", 2);
    const heading = read("Output of journalctl -k on the node:");
    expect(repairCutFirstLine(heading, next, parse)).toBe(heading);
  });
});
