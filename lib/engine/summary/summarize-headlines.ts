/**
 * One story per host: the incident's advice is computed per host and kernel (each from that host's own findings
 * and that kernel's verdicts), then the most pressing one becomes `Incident.recommendation`. A headline can never
 * mix one host's title with another host's verdict, and the page's top equals the host's own summary.
 */
import type { KbEntry } from "../../kb/schema";
import type { Finding, Recommendation } from "../types";
import type { KernelRelease } from "../versions/parse-kernel-release";
import { recommend } from "../versions/recommend";

export type SummarizeHeadlinesOptions = {
  findings: Finding[];
  entries: Map<string, KbEntry>;
  /** The parsed kernel a finding ran on (triage knows boots and banners). */
  kernelOf: (f: Finding) => KernelRelease | undefined;
  /** Component family of a finding's component (`cilium-agent` → `cilium`), as the KB names fixes. */
  componentKey?: (component: string) => string;
  asOf?: Date;
};

export type Headlines = { headlines: Recommendation[]; recommendation?: Recommendation };

const VERDICT_RANK: Record<string, number> = { affected: 0, unknown: 1, fixed: 2 };

/** Findings per host, then per kernel; a finding whose kernel is unknown joins its host's only kernel, if any. */
function groupFindings(findings: Finding[], kernelOf: (f: Finding) => KernelRelease | undefined): Finding[][] {
  const byHost = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.host ?? "";
    let arr = byHost.get(key);
    if (!arr) byHost.set(key, (arr = []));
    arr.push(f);
  }
  const groups: Finding[][] = [];
  for (const hostFindings of byHost.values()) {
    const byKernel = new Map<string, Finding[]>();
    for (const f of hostFindings) {
      const key = kernelOf(f)?.raw ?? "";
      let arr = byKernel.get(key);
      if (!arr) byKernel.set(key, (arr = []));
      arr.push(f);
    }
    const unknownKernel = byKernel.get("");
    const known = [...byKernel.keys()].filter((k) => k !== "");
    if (unknownKernel && known.length === 1) {
      byKernel.get(known[0])!.push(...unknownKernel);
      byKernel.delete("");
    }
    for (const g of byKernel.values()) groups.push(g.sort((a, b) => a.source.line - b.source.line));
  }
  return groups;
}

/** Headlines per host and kernel, most pressing first: affected before unknown before fixed, specific before generic. */
export function summarizeHeadlines(options: SummarizeHeadlinesOptions): Headlines {
  const { findings, entries, kernelOf, asOf } = options;
  const key = options.componentKey ?? ((c: string) => c);
  const headlines: Recommendation[] = [];
  for (const group of groupFindings(findings, kernelOf)) {
    if (!group.some((f) => f.matches.length > 0)) continue;
    const componentVersions: Record<string, string> = {};
    for (const f of group) if (f.component && f.componentVersion) componentVersions[key(f.component)] = f.componentVersion;
    const kernel = group.map(kernelOf).find((k) => k !== undefined);
    const rec = recommend({ findings: group, entries, kernel, componentVersions, asOf });
    if (rec) headlines.push(rec);
  }
  const isGeneric = (r: Recommendation) => Boolean(r.kbId && entries.get(r.kbId)?.generic);
  headlines.sort(
    (a, b) =>
      Number(isGeneric(a)) - Number(isGeneric(b)) ||
      VERDICT_RANK[a.verdict ?? "unknown"] - VERDICT_RANK[b.verdict ?? "unknown"] ||
      (b.score ?? 0) - (a.score ?? 0),
  );
  return { headlines, ...(headlines[0] ? { recommendation: headlines[0] } : {}) };
}
