/** Tests that prove a rule which throws is reported (not swallowed) install this one and call the returned undo. */
import { CLASSES, type TitleFormat } from "../report/classes";

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
