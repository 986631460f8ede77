/**
 * Problem events folded while the scanner streams: per host and fold key (the rule's kind and `groupKey`, or its id
 * and title), one *run* with a count, the first occurrence whole, the last line and time, merged details and the texts
 * of the first few occurrences. A node that logs `nf_conntrack: table full` 100,000 times costs one run, not
 * 100,000 events. A run never spans a boot (a later stage folds per host and boot): when a boot was seen between a
 * run's last occurrence and a new one, the new one starts another run, which the findings stage merges back when both
 * turn out to be in the same boot of that host.
 */
import type { ReportMetadata } from "../report/metadata";
import type { Details, ProblemEventRule } from "./problem-events";

/** Occurrence texts kept per run (the finding's `report`). */
export const MAX_EVENT_SAMPLES = 20;

/** What the scanner saw of the first occurrence of a run (the scanner's RawEvent). */
export type FoldedOccurrence = {
  rule: ProblemEventRule;
  line: { lineNo: number; host?: string; time?: number; text: string };
  match: RegExpExecArray;
  details: Details;
  meta?: ReportMetadata;
  title?: string;
  groupKey?: string;
  /** The lines printed just before it (same host), for KB `nearby` rules: set on a run's first occurrence only. */
  context?: string[];
};

export type EventRun<E extends FoldedOccurrence = FoldedOccurrence> = {
  first: E;
  title: string;
  /** `kind|groupKey` or `id|title`: with host and boot, what makes two occurrences one finding. */
  foldKey: string;
  count: number;
  lastLine: number;
  /** Time of the last repeat (after the first) that had one. */
  lastTime?: number;
  /** Which occurrence (2 = the first repeat) first had a time (the finding's fields are written in that order). */
  firstTimedRepeat?: number;
  /** The details of every occurrence merged (`mergeDetails`). */
  details: Details;
  /** Texts of the first occurrences, up to `maxSamples`. */
  samples: string[];
  /** MAX_EVENT_SAMPLES, or fewer for a run that continues an earlier input's (whose finding keeps the first ones). */
  maxSamples: number;
  /** No boot of its input was seen before it began (its finding's boot is unknown: inputs can fold it together). */
  beforeAnyBoot: boolean;
  /** The first later occurrence's report metadata with a release, when the first occurrence's had none. */
  laterRelease?: ReportMetadata;
  /** Which occurrence gave `laterRelease`. */
  laterReleaseAt?: number;
};

/**
 * Merges the details of a repeat into the run's: the highest count (by magnitude; the first on a tie) or the
 * latest value of anything else says the most.
 */
export function mergeDetails(into: Details, more: Details): Details {
  let out = into;
  for (const k in more) {
    const v = more[k];
    const old = out[k];
    if (old === v || (typeof v === "number" && typeof old === "number" && Math.abs(v) <= Math.abs(old))) continue;
    if (out === into) out = { ...into };
    out[k] = v;
  }
  return out;
}

/** The fold key of an occurrence (see `EventRun.foldKey`) and its title. */
export function foldKeyOf(rule: ProblemEventRule, match: RegExpExecArray, refined?: { title?: string; groupKey?: string }): { title: string; foldKey: string } {
  const title = refined?.title ?? rule.title(match);
  // A fold key is shared by the rules of one kind (an OOM kill and an OOM report whose kill line is missing are the
  // same problem); rules without one fold by their own id and title.
  const groupKey = refined?.groupKey ?? rule.groupKey?.(match);
  return { title, foldKey: groupKey !== undefined ? `${rule.kind}|${groupKey}` : `${rule.id}|${title}` };
}

/**
 * A rule whose occurrences the scanner may fold without opening a window: everything it reports is on its own line
 * (no continuation, no report before or after it, no crash report that supersedes it), and it is a finding.
 */
export function foldsWithoutWindow(rule: ProblemEventRule): boolean {
  return !rule.continuation && !rule.reportStart && !rule.reportFollows && !rule.refine && !rule.endedBy && !rule.supersededBy && !rule.timelineOnly && !rule.program && !rule.notRightAfter && !rule.continues;
}

/** What names a run within an input: its host and fold key. */
export function runKey(host: string | undefined, foldKey: string): string {
  return `${host ?? ""}\u0000${foldKey}`;
}

/** The runs of one input, in the order of their first occurrence. */
export class EventFolds<E extends FoldedOccurrence = FoldedOccurrence> {
  readonly runs: EventRun<E>[] = [];
  /** The open run per host, then per fold key (no key string built per line). */
  private readonly current = new Map<string, Map<string, EventRun<E>>>();
  /** Lines of the boots seen so far (any host), ascending. */
  private readonly bootLines: number[] = [];

  /** A boot at `lineNo` (banner or uptime reset): runs do not reach over it. */
  noteBoot(lineNo: number): void {
    const lines = this.bootLines;
    let k = lines.length;
    while (k > 0 && lines[k - 1] > lineNo) k--;
    lines.splice(k, 0, lineNo);
  }

  /** Whether a boot was seen yet in this input. */
  get sawBoot(): boolean {
    return this.bootLines.length > 0;
  }

  /**
   * Notes in `earlier` (run key → texts kept so far) the runs that began before any boot: a later input's first
   * occurrence of one of them, before its own first boot, is the same finding once stage 4 folds across inputs.
   * `unnamedHost`: the host the input's host-less lines will be given (an archive's), which keys their runs.
   */
  noteFoldable(earlier: Map<string, number>, unnamedHost?: string): void {
    for (const run of this.runs) {
      if (!run.beforeAnyBoot) continue;
      const key = runKey(run.first.line.host ?? unnamedHost, run.foldKey);
      earlier.set(key, (earlier.get(key) ?? 0) + run.samples.length);
    }
  }

  /** The open run of this host and key, unless a boot lies between its last occurrence and `lineNo`. */
  runFor(host: string | undefined, foldKey: string, lineNo: number): EventRun<E> | undefined {
    const run = this.current.get(host ?? "")?.get(foldKey);
    if (!run || this.bootBetween(run.lastLine, lineNo)) return undefined;
    return run;
  }

  /**
   * Adds an occurrence (whole), with its title and fold key (`foldKeyOf`); `maxSamples` for a continued run. True when
   * it began a run (its occurrence is the run's `first`).
   */
  add(event: E, { title, foldKey }: { title: string; foldKey: string }, maxSamples = MAX_EVENT_SAMPLES): boolean {
    const run = this.runFor(event.line.host, foldKey, event.line.lineNo);
    if (run) {
      this.repeat(run, event.line, event.details);
      if (!run.first.meta?.kernelRelease && !run.laterRelease && event.meta?.kernelRelease) {
        run.laterRelease = event.meta;
        run.laterReleaseAt = run.count;
      }
      return false;
    }
    const created: EventRun<E> = {
      first: event,
      title,
      foldKey,
      count: 1,
      lastLine: event.line.lineNo,
      details: event.details,
      samples: [event.line.text],
      maxSamples,
      beforeAnyBoot: this.bootLines.length === 0,
    };
    this.runs.push(created);
    const host = event.line.host ?? "";
    let runs = this.current.get(host);
    if (!runs) this.current.set(host, (runs = new Map()));
    runs.set(foldKey, created);
    return true;
  }

  /** Counts a repeat into its run: nothing of the occurrence is kept but its details and, for the first few, its text. */
  repeat(run: EventRun<E>, line: { lineNo: number; time?: number; text: string }, details: Details): void {
    run.count++;
    run.lastLine = line.lineNo;
    if (line.time !== undefined && Number.isFinite(line.time)) {
      run.lastTime = line.time;
      run.firstTimedRepeat ??= run.count;
    }
    run.details = mergeDetails(run.details, details);
    if (run.samples.length < run.maxSamples) run.samples.push(line.text);
  }

  /** Whether a boot was seen on a line in (after, upTo]. */
  bootBetween(after: number, upTo: number): boolean {
    const lines = this.bootLines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid] <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo < lines.length && lines[lo] <= upTo;
  }
}
