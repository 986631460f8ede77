import { describe, expect, it } from "vitest";
import { rulesFromFinding } from "./signature-rules";
import { frames, makeFinding } from "../../engine/match/test-findings";

describe("rulesFromFinding", () => {
  it("a crash blamed on a detector site (NETDEV WATCHDOG) gives no title or guilty-frame rule", () => {
    const f = makeFinding({
      kind: "warning",
      title: "WARNING in dev_watchdog",
      guiltyFrame: "dev_watchdog",
      sourceFile: "net/sched/sch_generic.c",
      frames: frames("dev_watchdog", "call_timer_fn", "run_timer_softirq"),
    });
    const kinds = rulesFromFinding(f).map((r) => r.kind);
    expect(kinds).not.toContain("title");
    expect(kinds).not.toContain("guilty-frame");
    expect(kinds).not.toContain("source-file");
  });

  it("a 'Bad page state' blamed on the page allocator's check keeps only the callers that freed the page", () => {
    const f = makeFinding({
      kind: "bug",
      title: "BUG: Bad page state in free_pcp_prepare",
      guiltyFrame: "free_pcp_prepare",
      sourceFile: "mm/page_alloc.c",
      frames: frames("bad_page", "free_pcp_prepare", "free_unref_page", "skb_release_data", "napi_consume_skb", "net_rx_action"),
    });
    const rules = rulesFromFinding(f);
    expect(rules.map((r) => r.kind)).toEqual(["frames"]);
    expect(rules[0].values).toEqual(["skb_release_data", "napi_consume_skb", "net_rx_action"]);
  });

  it("an ordinary guilty frame keeps its title, guilty-frame and source-file rules", () => {
    const f = makeFinding({
      kind: "bug",
      title: "kernel BUG in ext4_writepages",
      guiltyFrame: "ext4_writepages",
      sourceFile: "fs/ext4/inode.c",
      frames: frames("ext4_writepages", "do_writepages", "__writeback_single_inode"),
    });
    expect(rulesFromFinding(f).map((r) => r.kind)).toEqual(["title", "guilty-frame", "frames", "source-file"]);
  });
});
