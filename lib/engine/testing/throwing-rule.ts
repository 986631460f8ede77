/** Rules and KB entries that throw, for the tests that prove a failure is reported rather than swallowed. */
import type { KbEntry } from "../../kb/schema";
import { buildKbIndex } from "../match/build-kb-index";
import { CLASSES, type TitleFormat } from "../report/classes";
import type { TriageKb } from "../stages/match";
import { entry } from "../versions/test-entries";

/** A stackless `kernel BUG at net/core/skbuff…` title rule that throws `Error: rule exploded`. */
export function installThrowingSkbuffBugTitle(): () => void {
  const formats = CLASSES.find((c) => c.id === "kernel-bug")!.formats as TitleFormat[];
  formats.unshift({
    match: /kernel BUG at net\/core\/skbuff/,
    title: "kernel BUG in {FRAME}",
    stack: { sections: [/Call Trace/] },
    stacklessTitle: () => {
      throw new Error("rule exploded");
    },
  });
  return () => void formats.shift();
}

/**
 * A knowledge base whose entry for the stackless skbuff BUG indexes fine and then throws `RangeError: fixes
 * exploded` when its verdict is computed; `others` are ordinary entries beside it.
 */
export function kbWithExplodingSkbuffEntry(others: KbEntry[] = []): TriageKb {
  const exploding = entry({
    id: "skb-bug",
    title: "skbuff BUG",
    summary: "test",
    component: "kernel",
    signatures: [{ kind: "title", value: "kernel BUG at net/core/skbuff.c:LINE", weight: 0.9 }],
  });
  const entries = [exploding, ...others];
  const kb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
  Object.defineProperty(exploding, "fixes", {
    get: () => {
      throw new RangeError("fixes exploded");
    },
  });
  return kb;
}
