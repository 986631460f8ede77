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

  it("a long agent line wrapped into five pieces is one line again, its needle cut between the fourth and fifth", async () => {
    const findings = await findingsOf("kubelet.log", [
      "May 05 13:59:56 ip-10-50-20-208.ec2.internal kubelet[2858]: I0505",
      "13:59:56.872880    2858 kubelet_node_status.go:379] Recording",
      "NodeNotReady event message for node ip-10-50-20-208.ec2.internal",
      "May 05 13:59:56 ip-10-50-20-208.ec2.internal kubelet[2858]: I0505",
      "13:59:56.872908    2858 kubelet_node_status.go:682] Node became not",
      "ready: {Type:Ready Status:False LastHeartbeatTime:2017-05-05",
      "13:59:56.872865742 +0000 UTC LastTransitionTime:2017-05-05",
      "13:59:56.872865742 +0000 UTC Reason:KubeletNotReady Message:PLEG is not",
      "healthy: pleg was last seen active 3m7.629592089s ago; threshold is",
      "3m0s}",
    ]);
    expect(findings.map((f) => [f.kind, f.title, f.host])).toEqual([["pleg-unhealthy", "kubelet: PLEG is not healthy", "ip-10-50-20-208.ec2.internal"]]);
  });
});
