/**
 * The matcher on findings produced by the real report extractor (not hand-built findings): the log below has the
 * shape recorded in the skb_segment incident notes (kernel BUG at net/core/skbuff.c, RIP in skb_segment, GSO
 * callers, ELRepo 6.1.1); values that vary between reports are made up.
 */
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { extractReports } from "../report/extract-reports";
import { parseKernelRelease } from "../versions/parse-kernel-release";
import { recommend } from "../versions/recommend";
import { SKB_SEGMENT_GSO_BUG } from "../versions/test-entries";
import { buildKbIndex } from "./build-kb-index";
import { matchFinding } from "./match-finding";

const LOG = [
  "[86512.402811] ------------[ cut here ]------------",
  "[86512.402815] kernel BUG at net/core/skbuff.c:4230!",
  "[86512.402830] invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "[86512.402836] CPU: 5 PID: 0 Comm: swapper/5 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
  "[86512.402841] Hardware name: Dell Inc. PowerEdge R740/0DY2X0, BIOS 2.12.2 07/09/2021",
  "[86512.402843] RIP: 0010:skb_segment+0xbc8/0xf20",
  "[86512.402850] Code: 89 44 24 60 e9 3c fd ff ff 0f 0b 0f 0b",
  "[86512.402900] Call Trace:",
  "[86512.402902]  <IRQ>",
  "[86512.402905]  tcp_gso_segment+0x107/0x540",
  "[86512.402910]  inet_gso_segment+0x15c/0x3d0",
  "[86512.402914]  skb_mac_gso_segment+0xa5/0x110",
  "[86512.402918]  __skb_gso_segment+0xb1/0x150",
  "[86512.402922]  validate_xmit_skb+0x16c/0x330",
  "[86512.402926]  validate_xmit_skb_list+0x4c/0x70",
  "[86512.402930]  sch_direct_xmit+0x5a/0x2a0",
  "[86512.402934]  __dev_queue_xmit+0x4c3/0xcc0",
  "[86512.402938]  ip_finish_output2+0x2a6/0x5b0",
  "[86512.402942]  __netif_receive_skb_core.constprop.0+0x2a3/0x1000",
  "[86512.402946]  net_rx_action+0x14e/0x3b0",
  "[86512.402950]  __do_softirq+0xc7/0x2a8",
  "[86512.402954]  </IRQ>",
  "[86512.403000] Kernel panic - not syncing: Fatal exception in interrupt",
].join("\n");

function extract(text: string) {
  const ctx = createLineContext(0, 2024);
  return extractReports(
    text.split("\n").map((l, i) => parseLine(l, i + 1, ctx)),
    { fileName: "node.log" },
  );
}

describe("matching extracted findings", () => {
  it("an extracted skb_segment BUG matches, is affected on 6.1.1 and gets the 6.1.y upgrade", () => {
    const [finding] = extract(LOG);
    expect(finding.kernelRelease).toBe("6.1.1-1.el9.elrepo.x86_64");
    const kernel = parseKernelRelease(finding.kernelRelease!, finding.kernelBuild);
    const index = buildKbIndex([SKB_SEGMENT_GSO_BUG]);
    const matches = matchFinding(finding, index, { kernel });
    expect(matches[0]?.kbId).toBe("skb-segment-gso-bug");
    expect(matches[0].reasons).toEqual(
      expect.arrayContaining(["source file net/core/skbuff.c", "stack skb_segment → __skb_gso_segment"]),
    );
    expect(matches[0]).toMatchObject({ verdict: "affected", fixedIn: "6.1.103" });
    const rec = recommend({
      findings: [{ ...finding, matches }],
      entries: new Map([[SKB_SEGMENT_GSO_BUG.id, SKB_SEGMENT_GSO_BUG]]),
      kernel,
      asOf: new Date("2026-11-23T00:00:00Z"),
    });
    expect(rec?.upgrade?.text).toBe("6.1.1 → 6.1.103 or later on 6.1.y");
  });
});
