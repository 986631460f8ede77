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

  it("never proposes an id or title containing \"corrupted\"", () => {
    const cases = [
      makeFinding({ kind: "warning", title: "WARNING in corrupted", rip: "0010:skb_segment+0xbc8/0xf20", corrupted: true }),
      makeFinding({ kind: "warning", title: "WARNING in corrupted", sourceFile: "net/core/dev.c", corrupted: true }),
      makeFinding({ kind: "warning", title: "WARNING in corrupted", corrupted: true }),
      makeFinding({ kind: "bug", title: "BUG: corrupted list in __list_del_entry_valid" }),
      makeFinding({ kind: "panic", title: "kernel panic: stack is corrupted in tcp_v4_rcv" }),
    ];
    const drafts = cases.map(draftFromFinding);
    for (const d of drafts) {
      expect(d.id).not.toMatch(/corrupted/i);
      expect(d.title).not.toMatch(/corrupted/i);
      expect(kbEntrySchema.shape.id.safeParse(d.id).success).toBe(true);
    }
    expect(drafts.map((d) => d.title)).toEqual([
      "WARNING in skb_segment",
      "WARNING at net/core/dev.c",
      "WARNING",
      "BUG: corrupt list in __list_del_entry_valid",
      "kernel panic: stack is corrupt in tcp_v4_rcv",
    ]);
    // No rule that would match every frameless WARNING; the RIP function stands in for the lost frame.
    expect(drafts[0].signatures.map((r) => [r.kind, r.value])).toEqual([["guilty-frame", "skb_segment"]]);
    expect(drafts[3].signatures[0]).toMatchObject({ kind: "title", value: "BUG: corrupted list in __list_del_entry_valid" });
  });
});
