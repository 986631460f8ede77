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

// A selection that started a few characters into the first line (issue 9, `cut-first-chars`).
describe("triage: a paste whose first line lost its first characters", () => {
  it("a header whose first words went, alone on its line, is still the report", async () => {
    const findings = await findingsOf("cut.log", [
      "to handle kernel NULL pointer dereference at 0000000000000008",
      "IP: [<ffffffffa0336d2c>] nf_nat_setup_info+0x1c/0x3c0 [nf_nat]",
      "Oops: 0000 [#1] SMP",
      "CPU: 2 PID: 5510 Comm: kworker/2:1 Not tainted 4.4.0-21-generic #37-Ubuntu",
    ]);
    expect(findings.map((f) => [f.kind, f.title])).toEqual([["null-deref", "BUG: unable to handle kernel NULL pointer dereference in nf_nat_setup_info"]]);
  });

  it("a one-line event cut inside its needle is found (the first line is read as a header's rest)", async () => {
    const findings = await findingsOf("cut.log", ["ster_netdevice: waiting for veth1 to become free. Usage count = 1", "eth0: link up"]);
    expect(findings.map((f) => f.kind)).toEqual(["netdev-refcount"]);
  });
});
