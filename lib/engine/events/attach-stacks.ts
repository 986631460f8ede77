/**
 * Some problem events print a call trace (warn_alloc() after `page allocation failure: order:N`). The event table
 * (problem-events.ts) names and folds them line by line; the report extractor reads their stacks (classes.ts).
 * This joins the two: the event finding keeps its title, details and repeat count, and gains the stack, the
 * guilty frame (the caller that asked for the memory) and the task line's metadata. Pure; never throws.
 */
import type { Finding } from "../types";
import { PROBLEM_EVENT_RULES, type ProblemEventRule } from "./problem-events";

/** Report fields that describe the stack and the task that printed it; they replace the event's. */
const STACK_FIELDS = [
  "frames", "guiltyFrame", "guiltyFile", "rip", "report", "corrupted", "corruptedReason",
  "kernelRelease", "kernelBuild", "taint", "modules", "lastUnloadedModule", "hardware", "cpu", "pid", "comm", "kdumpLoaded",
] as const satisfies readonly (keyof Finding)[];

/** The event rules of each kind, in table order (every crash report of a storm asks). */
const EVENT_RULES_BY_KIND = new Map<string, ProblemEventRule[]>();
for (const rule of PROBLEM_EVENT_RULES) {
  const rules = EVENT_RULES_BY_KIND.get(rule.kind);
  if (rules) rules.push(rule);
  else EVENT_RULES_BY_KIND.set(rule.kind, [rule]);
}

/** The ids of the event rules: an event finding's `type` (a crash report's is its class's). */
const EVENT_RULE_IDS = new Set(PROBLEM_EVENT_RULES.map((r) => r.id));

/** The event rule that recognises a stack report's header line, and the title it gives it. */
export function stackEventOf(report: Pick<Finding, "frames" | "kind" | "headline">): { rule: ProblemEventRule; title: string } | undefined {
  if (report.frames.length === 0) return undefined;
  return headerEventOf(report);
}

/** The event rule that recognises a report's header line, whether or not the report read a frame from its stack. */
function headerEventOf(report: Pick<Finding, "kind" | "headline">): { rule: ProblemEventRule; title: string } | undefined {
  for (const rule of EVENT_RULES_BY_KIND.get(report.kind) ?? []) {
    if (!report.headline.includes(rule.needle)) continue;
    const m = rule.pattern.exec(report.headline);
    if (m) return { rule, title: rule.title(m) };
  }
  return undefined;
}

/**
 * Findings of one input: a report of a problem-event kind is merged into the event finding its header line
 * folded into (same rule, title, host, boot); the first stack wins, later ones are repeats the event already
 * counts. A report with no event to join stays, under the event's title so both spell the problem the same way.
 * Returned in source order.
 */
export function attachEventStacks(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const stackReports: Array<{ report: Finding; rule: ProblemEventRule; original?: Finding }> = [];
  for (const f of findings) {
    const ev = stackEventOf(f);
    if (ev) stackReports.push({ report: { ...f, title: ev.title }, rule: ev.rule });
    else {
      // A stack the extractor could read no frame from (old ARM's `Backtrace:` of bare `Function entered at [<…>]`
      // lines under `modprobe: page allocation failure: order:0`) is still the event's own report: it joins the
      // event on the same line and adds nothing; with no such event it stays as it was.
      const header = f.frames.length === 0 && !EVENT_RULE_IDS.has(f.type ?? "") ? headerEventOf(f) : undefined;
      if (header) stackReports.push({ report: { ...f, title: header.title }, rule: header.rule, original: f });
      else out.push(f);
    }
  }
  for (const { report, rule, original } of stackReports) {
    const same = (e: Finding) => e.title === report.title && e.host === report.host && e.bootId === report.bootId && e.source.file === report.source.file;
    const event = out.find((e) => e.type === rule.id && same(e) && (!original || e.source.line === report.source.line));
    if (original) {
      if (!event) out.push(original);
      continue;
    }
    if (!event) {
      if (!out.some((e) => e.kind === report.kind && same(e))) out.push(report);
      continue;
    }
    if (event.frames.length > 0) continue;
    for (const key of STACK_FIELDS) if (report[key] !== undefined) Object.assign(event, { [key]: report[key] });
    event.altTitles = [...new Set([...event.altTitles, ...report.altTitles])];
    if (report.source.line === event.source.line) event.source = { ...event.source, endLine: report.source.endLine };
  }
  return out.sort((a, b) => a.source.line - b.source.line);
}
