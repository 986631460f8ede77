import { describe, expect, it } from "vitest";
import { makeFinding, frames } from "../../../engine/match/test-findings";
import { buildKbIndex } from "../../../engine/match/build-kb-index";
import { matchFinding } from "../../../engine/match/match-finding";
import { kbEntrySchema } from "../../../kb/schema";
import { draftFromFinding, slugFromTitle } from "./draft-from-finding";

const finding = makeFinding({
  kind: "bug",
  title: "kernel BUG in skb_segment",
  guiltyFrame: "skb_segment",
  sourceFile: "net/core/skbuff.c",
  kernelRelease: "6.1.1",
  frames: frames("skb_segment", "tcp_gso_segment"),
  report: ["kernel BUG at net/core/skbuff.c:4230!", "weird ```` backticks"],
});

describe("draftFromFinding", () => {
  it("pre-fills title, guilty frame, source file, kernel and excerpt, and the draft matches its finding once summarised", () => {
    const draft = draftFromFinding(finding);
    expect(draft.signatures.map((s) => [s.kind, s.value])).toEqual([
      ["title", "kernel BUG in skb_segment"],
      ["guilty-frame", "skb_segment"],
      ["source-file", "net/core/skbuff.c"],
    ]);
    expect(draft.rootCause).toContain("6.1.1");
    expect(draft.rootCause).toContain("kernel BUG at net/core/skbuff.c:4230!");
    // The excerpt's own backticks cannot close the fence.
    expect(draft.rootCause?.startsWith("Seen on kernel `6.1.1`.\n\n`````\n")).toBe(true);
    const entry = kbEntrySchema.parse({ ...draft, summary: "GSO segmentation BUG." });
    const matches = matchFinding(finding, buildKbIndex([entry], { includeDrafts: true }));
    expect(matches[0]?.kbId).toBe(entry.id);
  });

  it("makes kebab-case ids the schema accepts", () => {
    for (const title of ["kernel BUG in skb_segment", "!!", "WARNING in __alloc_pages (mm/page_alloc.c)"]) {
      expect(kbEntrySchema.shape.id.safeParse(slugFromTitle(title)).success).toBe(true);
    }
  });
});
