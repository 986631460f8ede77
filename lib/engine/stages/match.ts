/**
 * Stage 6 — match: every finding against the knowledge base (signature, guilty frame, source file, title tokens),
 * verdicts on its kernel or component version, and the advice per host and kernel (summary/summarize-headlines.ts).
 */
import { componentFamily } from "../agents/go-panic";
import type { KbIndex } from "../match/build-kb-index";
import { matchFinding, type MatchContext } from "../match/match-finding";
import { summarizeHeadlines, type Headlines } from "../summary/summarize-headlines";
import { errorMessage } from "../report/extract-reports";
import type { Boot, Finding, IncidentWarning, Match } from "../types";
import { parseKernelRelease, type KernelRelease } from "../versions/parse-kernel-release";
import type { KbEntry } from "../../kb/schema";

export type TriageKb = { index: KbIndex; entries: Map<string, KbEntry> };

/** Verdicts on an inferred release are less sure: the node may have run another kernel when it crashed. */
const INFERRED_RELEASE_CONFIDENCE = 0.75;
const INFERRED_RELEASE_WHY: Record<string, string> = {
  "inferred-next-boot": "release inferred from the next boot's banner",
  "inferred-uname": "release inferred from a pasted uname",
  "inferred-kubectl": "release inferred from kubectl's KERNEL-VERSION",
};

/**
 * Fills `matches` of every finding; the advice per host and kernel (`headlines`, most pressing first) and the
 * incident's recommendation, which is the first headline. A finding whose matching throws (a KB entry or rule the
 * code does not expect) keeps no matches and is reported in `warnings`; the other findings are still matched.
 */
export function matchFindings(
  findings: Finding[],
  bootById: Map<string, Boot>,
  kb: TriageKb,
  now?: Date,
): Headlines & { warnings: IncidentWarning[] } {
  const kernelCache = new Map<string, KernelRelease>();
  const warnings: IncidentWarning[] = [];
  for (const f of findings) {
    const kernel = kernelOf(f, bootById, kernelCache);
    const componentVersions: Record<string, string> = {};
    if (f.component && f.componentVersion) componentVersions[componentFamily(f.component)] = f.componentVersion;
    f.matches = matchOrRecord(f, kb.index, { kernel, componentVersions }, warnings);
    const inferred = f.releaseSource ? INFERRED_RELEASE_WHY[f.releaseSource] : undefined;
    if (inferred) {
      for (const m of f.matches) {
        if (m.verdict === "unknown") continue;
        m.confidence = Number((m.confidence * INFERRED_RELEASE_CONFIDENCE).toFixed(2));
        m.verdictReason = `${m.verdictReason} (${inferred})`;
      }
    }
  }
  const headlines = summarizeHeadlines({
    findings,
    entries: kb.entries,
    kernelOf: (f) => kernelOf(f, bootById, kernelCache),
    componentKey: componentFamily,
    asOf: now,
  });
  return { ...headlines, warnings };
}

/** `matchFinding`, with a failure recorded in `warnings` instead of thrown: that finding keeps no matches. */
export function matchOrRecord(f: Finding, index: KbIndex, ctx: MatchContext, warnings: IncidentWarning[]): Match[] {
  try {
    return matchFinding(f, index, ctx);
  } catch (e) {
    // One finding's failure is recorded on the incident; the other findings are still matched.
    warnings.push({ stage: "match", source: f.source, message: errorMessage(e) });
    return [];
  }
}

function kernelOf(f: Finding, boots: Map<string, Boot>, cache: Map<string, KernelRelease>): KernelRelease | undefined {
  const boot = f.bootId ? boots.get(f.bootId) : undefined;
  const release = f.kernelRelease ?? boot?.kernelRelease;
  if (!release) return undefined;
  const build = f.kernelBuild ?? boot?.kernelBuild;
  const key = `${release}|${build ?? ""}|${boot?.banner ?? ""}`;
  let k = cache.get(key);
  if (!k) cache.set(key, (k = parseKernelRelease(release, build, boot?.banner)));
  return k;
}

