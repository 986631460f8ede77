/**
 * Crash storms (thousands of soft-lockup or hung-task reports): stage 4 folds a report into the first report of its
 * input with the same host, signature (kind, title, component) and kernel release (`foldIdenticalReports`), and of
 * such a repeat keeps only its occurrence — the count, the last line and time, a timeline marker. The scanner can tell
 * a repeat as soon as the report is parsed, so it keeps of it only what the later stages read (a *slim occurrence*),
 * not its report lines, context, frames and modules: memory grows per distinct report, not per report.
 */
import { stackEventOf } from "../events/attach-stacks";
import { showsOutOfMemory } from "../events/kdump-findings";
import type { Finding } from "../types";

/**
 * A report whose fold in stage 4 is decided when it is parsed, and that no stage 3 rule reads beyond its occurrence:
 * it printed its own release (stage 3 only fills a missing one, so the fold key is final), did not panic (kdump's
 * not-armed rule reads panicked reports), is no allocation-failure stack an event takes over (`attachEventStacks`)
 * and tells nothing of memory running out (kdump's capture-kernel rule reads the report's text).
 */
function hasSettledFold(f: FoldFacts): boolean {
  return f.kernelRelease !== undefined && f.kernelRelease !== "" && !f.panicked && stackEventOf(f) === undefined && !showsOutOfMemory(f);
}

/** What `hasSettledFold` reads of a report. */
export type FoldFacts = Pick<Finding, "kernelRelease" | "panicked" | "kind" | "title" | "frames" | "headline" | "report" | "panicMessage">;

/** Occurrences built slim by the report extractor (`foldedOccurrence`). */
const FOLDED = new WeakSet<Finding>();

/**
 * `slim`, built by the report extractor as `slimOccurrence` would leave the report (`RepeatedReports.foldsAway` said
 * it folds): `keep` folds it as it is.
 */
export function foldedOccurrence(slim: Finding): Finding {
  FOLDED.add(slim);
  return slim;
}

export const isFoldedOccurrence = (f: Finding): boolean => FOLDED.has(f);

/** The fields of a finding stage 3 and the timeline never read of a repeat: they go with the first occurrence only. */
function slimOccurrence(f: Finding): Finding {
  // Set to undefined, not deleted: a deleted property turns the object into a slow dictionary; a slim is never printed.
  // Not `{ ...f, altTitles: [] … }`: that site sees findings of many shapes, and V8 gave each copy a hidden class of its
  // own (~0.7 KB: 13 MB over the 18,500 repeats of a 128 MB storm); Object.fromEntries' copies share theirs. Keys keep
  // the spread's order (a key of `f` stays in place, the others follow).
  const slim = { altTitles: [], frames: [], report: [], context: undefined, modules: undefined, taint: undefined, hardware: undefined, rip: undefined, guiltyFile: undefined };
  return Object.fromEntries([...Object.entries(f), ...Object.entries(slim)]) as Finding;
}

/** What stage 4 folds a settled report by (`foldIdenticalReports`: the input aside, and the signature is kind, title, component). */
const foldKey = (f: Finding) => `${f.host ?? ""}\u0000${f.kind}\u0000${f.title}\u0000${f.component ?? ""}\u0000${f.kernelRelease}`;

/** The first occurrence of each fold key in one input, as the scanner meets reports (line order per host). */
export class RepeatedReports {
  private readonly firsts = new Map<string, number>();

  /**
   * `f` itself, or its slim occurrence when an earlier report of this input folds it: same host, kind, title, component
   * and release, both settled (`hasSettledFold`), and no boot in between (`bootBetween(after, upTo)`: a boot on a
   * line in (after, upTo]) — so the first one is in the same boot, and is what every per-boot rule sees first.
   */
  keep(f: Finding, bootBetween: (after: number, upTo: number) => boolean): Finding {
    const folded = isFoldedOccurrence(f);
    if (folded || hasSettledFold(f)) {
      const key = foldKey(f);
      if (this.foldsUnder(key, f, bootBetween)) return folded ? f : slimOccurrence(f);
      // A slim occurrence lacks what a finding shows (modules, guilty file, context): it must fold.
      if (folded) throw new Error(`the report at line ${f.source.line} was read as a repeat but does not fold`);
      this.firsts.set(key, f.source.line);
    }
    return f;
  }

  /**
   * Whether `keep` will fold the report `occurrence` stands for (`printed`: what `hasSettledFold` reads of the report
   * as printed) as things stand. Asked before the report is built in full (`repeatOccurrence` in extract-reports.ts),
   * so the answer holds only when nothing `keep` reads changes in between: no boot noted and no panic credited to the
   * report before its window's reports are kept (the scanner and `extractReports` ask only then). An earlier report
   * of the key in the same window changes nothing: with no boot between, it folds too.
   */
  foldsAway(occurrence: Finding, printed: FoldFacts, bootBetween: (after: number, upTo: number) => boolean): boolean {
    return hasSettledFold(printed) && this.foldsUnder(foldKey(occurrence), occurrence, bootBetween);
  }

  private foldsUnder(key: string, f: Finding, bootBetween: (after: number, upTo: number) => boolean): boolean {
    const first = this.firsts.get(key);
    return first !== undefined && first < f.source.line && !bootBetween(first, f.source.line);
  }
}
