/**
 * Stage 4 — fold: identical crash reports of one input become one finding; a problem event folded per input in stage 3
 * becomes one finding across the inputs of the incident (rotated files of one node).
 */
import { MAX_EVENT_SAMPLES, mergeDetails } from "../events/event-folds";
import { PROBLEM_EVENT_RULES } from "../events/problem-events";
import { isProblemEvent } from "../problem-kinds";
import type { Finding } from "../types";
import { EVENT_FOLD_KEYS } from "./findings";

/**
 * The same crash again in one input on the same host and kernel (a node that panics in skb_segment every other day) is one
 * finding with a count and its first and last occurrence, not one card per crash. A different kernel release stays
 * apart: it is another data point for the verdict.
 *
 * Problem events fold per host, boot and fold key within an input already (`foldEvents`); here across inputs too: the
 * 100 rotated files of one node's `messages` name no boot, and `nf_conntrack: table full` in each of them is one
 * problem. Inputs whose boots are known keep them apart (boot ids are per input). The timeline keeps one marker per
 * folded problem, spanning its run, not one per input.
 *
 * An event whose rule counts only when repeated (`minRepeats`: a NIC link down three times in a boot flaps, once is a
 * cable pull) and whose folded run is shorter is no finding: it is returned in `belowThreshold`, for the timeline.
 */
export function foldIdenticalReports(findings: readonly Finding[]): { findings: Finding[]; repeatsOf: Map<Finding, Finding[]>; belowThreshold: Finding[] } {
  const out: Finding[] = [];
  const repeatsOf = new Map<Finding, Finding[]>();
  const byKey = new Map<string, Finding>();
  // Reports that named a frame, by their header line: what a cut repeat (isCutRepeat) is folded into.
  const byHeader = new Map<string, Finding>();
  // The last crash report kept, when it was cut (isCutRepeat) and nothing whole came before it to fold into.
  let lastCut: { f: Finding; key: string; signatureKey: string } | undefined;
  for (const f of findings) {
    if (isProblemEvent(f)) {
      const foldKey = EVENT_FOLD_KEYS.get(f);
      const first = foldKey !== undefined ? byKey.get(`event|${f.host ?? ""}|${f.bootId ?? ""}|${foldKey}`) : undefined;
      if (first) foldEventAcrossInputs(first, f);
      else {
        if (foldKey !== undefined) byKey.set(`event|${f.host ?? ""}|${f.bootId ?? ""}|${foldKey}`, f);
        out.push(f);
      }
      continue;
    }
    // Per input: the same file uploaded twice, or two copies of one rotated log, are not repeats of a crash.
    const key = `${f.source.file}|${f.host ?? ""}|${f.signature}|${f.kernelRelease ?? ""}`;
    const headerKey = `${f.source.file}|${f.host ?? ""}|${f.kind}|${f.kernelRelease ?? ""}|${f.headline ?? ""}`;
    const first = byKey.get(key) ?? (isCutRepeat(f) ? byHeader.get(headerKey) : undefined);
    if (!first) {
      byKey.set(key, f);
      if (f.guiltyFrame !== undefined && f.headline && !byHeader.has(headerKey)) byHeader.set(headerKey, f);
      const cut = lastCut?.key === cutFoldKey(f) && f.guiltyFrame !== undefined ? lastCut : undefined;
      lastCut = isCutRepeat(f) ? { f, key: cutFoldKey(f), signatureKey: key } : undefined;
      if (cut) {
        // The cut report came first (the console lost its stack, or the first detector prints none): it is this one.
        out.splice(out.lastIndexOf(cut.f), 1);
        byKey.set(cut.signatureKey, f);
        f.repeats = (f.repeats ?? 1) + (cut.f.repeats ?? 1);
        if (cut.f.panicked) f.panicked = true;
        repeatsOf.set(f, [cut.f, ...(repeatsOf.get(cut.f) ?? [])]);
        repeatsOf.delete(cut.f);
      }
      out.push(f);
      continue;
    }
    if (first !== lastCut?.f) lastCut = undefined;
    first.repeats = (first.repeats ?? 1) + (f.repeats ?? 1);
    first.lastSource = f.lastSource ?? f.source;
    const lastTime = f.lastTime ?? f.time;
    if (lastTime) first.lastTime = lastTime;
    if (f.panicked) first.panicked = true;
    let list = repeatsOf.get(first);
    if (!list) repeatsOf.set(first, (list = []));
    list.push(f);
  }
  const belowThreshold = out.filter(isBelowThreshold);
  return { findings: belowThreshold.length > 0 ? out.filter((f) => !isBelowThreshold(f)) : out, repeatsOf, belowThreshold };
}

/** The fewest occurrences that make a problem of the events of a rule id (`minRepeats`). */
const MIN_REPEATS = new Map(PROBLEM_EVENT_RULES.filter((r) => r.minRepeats !== undefined).map((r) => [r.id, r.minRepeats as number]));

function isBelowThreshold(f: Finding): boolean {
  const min = MIN_REPEATS.get(f.type ?? "");
  return min !== undefined && isProblemEvent(f) && (f.repeats ?? 1) < min;
}


/**
 * A report cut off before any frame it could be named by (the paste or the capture ended after its first lines:
 * syzkaller's `… in corrupted`): when its header line repeats an earlier whole report's word for word (`BUG:
 * scheduling while atomic: swapper/1/0/0xfffffe00`), it is that report once more, not a problem of its own.
 */
function isCutRepeat(f: Finding): boolean {
  return f.corrupted === true && f.guiltyFrame === undefined && f.headline !== undefined && f.headline !== "";
}

/**
 * What a cut report followed at once by a whole one must share with it to be the same report: input, host, kind,
 * release and header line. RCU stalls differ in their header by the flavour and the CPU that noticed (`rcu_sched
 * detected stalls on CPUs/tasks:` from another CPU, then `rcu_preempt self-detected stall on CPU` from the stalled
 * one): one stall, reported by each flavour's detector in turn, the first often with no stack of the stalled CPU.
 */
function cutFoldKey(f: Finding): string {
  return `${f.source.file}|${f.host ?? ""}|${f.kind}|${f.kernelRelease ?? ""}|${f.kind === "rcu-stall" ? "" : (f.headline ?? "")}`;
}

/** The same problem event in a later input into the first input's finding. */
function foldEventAcrossInputs(first: Finding, f: Finding): void {
  first.repeats = (first.repeats ?? 1) + (f.repeats ?? 1);
  if (!first.kernelRelease && f.kernelRelease) {
    first.kernelRelease = f.kernelRelease;
    if (f.kernelBuild) first.kernelBuild = f.kernelBuild;
    if (f.releaseSource) first.releaseSource = f.releaseSource;
  }
  first.lastSource = f.lastSource ?? { file: f.source.file, line: f.source.line };
  const lastTime = f.lastTime ?? f.time;
  if (lastTime) first.lastTime = lastTime;
  first.details = mergeDetails(first.details ?? {}, f.details ?? {});
  for (const text of f.report) if (first.report.length < MAX_EVENT_SAMPLES) first.report.push(text);
}
