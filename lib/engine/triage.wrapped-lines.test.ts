import { describe, expect, it } from "vitest";
import { triage } from "./triage";
import { input } from "./triage-test-helpers";

const NOW = new Date("2024-09-01T00:00:00Z");
const findingsOf = async (name: string, lines: string[]) => (await triage([input(name, lines)], { now: NOW })).findings;

// A mail client's hard wrap at 72 columns (issue 9, `mail-wrap-72`): each line's tail moved to a line of its own.
describe("triage: lines a paste wrapped", () => {
  it("one-line problems are read from the joined line (the sector went to the next line), one per device", async () => {
    const findings = await findingsOf("mail.log", [
      "Jun 14 08:04:35 k8snode230 kernel: print_req_error: critical medium error, dev sdc,",
      "sector 1098288304 flags 0",
      "Jun 14 08:04:36 k8snode230 kernel: print_req_error: critical medium error, dev sdab,",
      "sector 1069354096 flags 0",
    ]);
    expect(findings.map((f) => [f.kind, f.host])).toEqual([
      ["io-error", "k8snode230"],
      ["io-error", "k8snode230"],
    ]);
  });
});
