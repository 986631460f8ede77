/**
 * The incident's advice: which known bug it most likely is, what to upgrade to (on the user's own branch or
 * distro stream, or the nearest maintained branch when theirs is dead), the fix commits, workarounds to apply
 * meanwhile, and how sure we are. Pure: KB entries are passed in.
 */
import type { KbEntry, Fix } from "../../kb/schema";
import type { Finding, Match, Recommendation } from "../types";
import { branchOf, compareVersions } from "./compare-versions";
import { MIN_REMAINING_DAYS_FOR_MOVE, compareBranches, describeBranchLife, isBranchMaintained, maintainedBranchesFrom } from "./branches";
import type { KernelRelease } from "./parse-kernel-release";
import { findComponentVersion } from "./component-name";

export type RecommendOptions = {
  findings: Finding[];
  entries: Map<string, KbEntry>;
  kernel?: KernelRelease;
  componentVersions?: Record<string, string>;
  /** "Today" for branch end-of-life decisions (tests pin it). */
  asOf?: Date;
};

/** A match weaker than this is not worth advice. */
const MIN_SCORE = 0.3;

const STATUS_BONUS: Record<Match["verdict"], number> = { affected: 0.1, unknown: 0.05, fixed: 0 };

function pickTopMatch(findings: Finding[], entries: Map<string, KbEntry>): { match: Match; finding: Finding } | undefined {
  let best: { match: Match; finding: Finding; rank: number } | undefined;
  for (const finding of findings) {
    for (const match of finding.matches ?? []) {
      if (match.related || match.score < MIN_SCORE || !entries.has(match.kbId)) continue;
      // An affected verdict is the more useful advice when evidence is close.
      const rank = match.score + STATUS_BONUS[match.verdict];
      if (!best || rank > best.rank) best = { match, finding, rank };
    }
  }
  return best && { match: best.match, finding: best.finding };
}

function primary(entry: KbEntry): Fix[] {
  return (entry.fixes ?? []).filter((f) => (f.role ?? "primary") === "primary");
}

/**
 * First release on `branch` that carries every primary fix: `null` when every release of the branch does
 * (branch at/after mainline), undefined when some fix never reached the branch.
 */
function requiredOnBranch(fixes: Fix[], branch: string): string | null | undefined {
  let need: string | null = null;
  for (const f of fixes) {
    if (!f.mainline && !(f.branches ?? []).some((b) => b.fixed)) continue;
    const mainBranch = f.mainline ? branchOf(f.mainline) : undefined;
    if (mainBranch && compareBranches(branch, mainBranch) >= 0) continue;
    const fixed = (f.branches ?? []).find((b) => b.branch === branch)?.fixed;
    if (!fixed) return undefined;
    if (need === null || compareVersions(fixed, need) > 0) need = fixed;
  }
  return need;
}

/** Distros whose kernel versions are not upstream versions: say the target is the upstream base to look for. */
const VENDOR_LABEL: Partial<Record<KernelRelease["family"], string>> = {
  ubuntu: "an Ubuntu",
  debian: "a Debian",
  amazon: "an Amazon Linux",
  cos: "a COS",
  android: "an Android GKI",
  "oracle-uek": "a UEK",
  suse: "a SUSE",
};

function vendorNote(kernel: KernelRelease, to: string): string {
  const label = VENDOR_LABEL[kernel.family];
  return label ? ` (upstream version: take ${label} kernel based on ${to} or later)` : "";
}

function kernelUpgrade(entry: KbEntry, match: Match, kernel: KernelRelease | undefined, asOf: Date): Recommendation["upgrade"] {
  if (match.verdict === "fixed" || !kernel) return undefined;
  // A distro package fix (`3.10.0-1062.4.1.el7`): upgrade within the distro stream.
  if (match.fixedIn && match.fixedIn.includes("-")) {
    const from = kernel.distroBuild ?? kernel.raw;
    const advisory = primary(entry)
      .flatMap((f) => f.distros ?? [])
      .find((d) => d.fixed === match.fixedIn)?.advisory;
    return {
      component: "kernel",
      from,
      to: match.fixedIn,
      ...(kernel.distroRelease ? { branch: kernel.distroRelease } : {}),
      text: `${from} → ${match.fixedIn} or later${advisory ? ` (${advisory})` : ""}`,
    };
  }
  if (!kernel.upstream || !kernel.branch || kernel.confidence < 0.3) return undefined;
  const fixes = primary(entry);
  const from = kernel.upstream;
  const own = requiredOnBranch(fixes, kernel.branch);
  const ownMaintained = isBranchMaintained(kernel.branch, asOf);
  if (own !== undefined && ownMaintained) {
    const to = own ?? from;
    return {
      component: "kernel",
      from,
      to,
      branch: kernel.branch,
      text: `${from} → ${to} or later on ${kernel.branch}.y${vendorNote(kernel, to)}`,
    };
  }
  const fixBranches = fixes.flatMap((f) => [
    ...(f.branches ?? []).filter((b) => b.fixed).map((b) => b.branch),
    ...(f.mainline ? [branchOf(f.mainline)!] : []),
  ]);
  const candidates = maintainedBranchesFrom(
    kernel.branch,
    asOf,
    [...fixBranches, ...maintainedBranchesFrom(kernel.branch, asOf)],
    MIN_REMAINING_DAYS_FOR_MOVE,
  );
  for (const b of candidates) {
    if (b === kernel.branch) continue;
    const need = requiredOnBranch(fixes, b);
    if (need === undefined) continue;
    const to = need ?? `${b}`;
    const why = own === undefined ? `no fix on ${kernel.branch}.y` : `${kernel.branch}.y is end-of-life`;
    return {
      component: "kernel",
      from,
      to,
      branch: b,
      text: `${from} → ${to} or later on ${b}.y (${why}; ${b}.y is ${describeBranchLife(b, asOf)})${vendorNote(kernel, to)}`,
    };
  }
  const mainline = fixes.find((f) => f.mainline)?.mainline;
  return mainline ? { component: "kernel", from, to: mainline, text: `${from} → ${mainline} or later (mainline)` } : undefined;
}

function componentUpgrade(entry: KbEntry, match: Match, versions: Record<string, string> | undefined): Recommendation["upgrade"] {
  const comps = primary(entry).flatMap((f) => f.components ?? []);
  if (comps.length === 0 || match.verdict === "fixed" || !match.fixedIn) return undefined;
  const name = comps[0].component;
  const from = findComponentVersion(name, versions);
  const fix = comps.find((c) => c.fixed === match.fixedIn);
  return {
    component: name,
    ...(from ? { from } : {}),
    to: match.fixedIn,
    ...(fix?.branch ? { branch: fix.branch } : {}),
    text: `${name} ${from ? `${from} → ` : ""}${match.fixedIn} or later${fix?.branch ? ` on ${fix.branch}` : ""}`,
  };
}

/** Web address of a fix: kernel commits on git.kernel.org's stable tree, others on their GitHub repository. */
export function fixUrl(fix: { commit?: string; ref?: string; repository?: string }): string | undefined {
  const repo = fix.repository ?? "linux";
  if (fix.commit && (repo === "linux" || /kernel\.org/.test(repo))) return `https://git.kernel.org/stable/c/${fix.commit}`;
  const gh = /^(?:https:\/\/github\.com\/)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(repo)?.[1];
  if (gh && fix.commit) return `https://github.com/${gh}/commit/${fix.commit}`;
  const pr = fix.ref ? /^(?:([\w.-]+\/[\w.-]+))?#(\d+)$/.exec(fix.ref) : null;
  if (pr && (pr[1] ?? gh)) return `https://github.com/${pr[1] ?? gh}/pull/${pr[2]}`;
  return /^https?:\/\//.test(repo) ? repo : undefined;
}

function fixCommits(entry: KbEntry, branch: string | undefined): Recommendation["fixCommits"] {
  const ordered = [...primary(entry), ...(entry.fixes ?? []).filter((f) => f.role === "related")];
  const out: Recommendation["fixCommits"] = [];
  for (const f of ordered) {
    const url = fixUrl(f);
    const id = f.commit ?? f.ref;
    if (id) out.push({ commit: id, title: f.title, ...(url ? { url } : {}) });
    // The backport on the user's target branch is the commit they will look for in a changelog.
    const backport = branch ? (f.branches ?? []).find((b) => b.branch === branch && b.commit) : undefined;
    if (backport?.commit)
      out.push({
        commit: backport.commit,
        title: `${f.title} (${branch}.y backport, in ${backport.fixed ?? "?"})`,
        url: `https://git.kernel.org/stable/c/${backport.commit}`,
      });
  }
  return out;
}

export function recommend(options: RecommendOptions): Recommendation | undefined {
  const { findings, entries, kernel, componentVersions } = options;
  const asOf = options.asOf ?? new Date();
  const top = pickTopMatch(findings, entries);
  if (!top) return undefined;
  const { match } = top;
  const entry = entries.get(match.kbId)!;
  const versions = {
    ...componentVersions,
    ...(top.finding.component && top.finding.componentVersion ? { [top.finding.component]: top.finding.componentVersion } : {}),
  };
  const upgrade = componentUpgrade(entry, match, versions) ?? kernelUpgrade(entry, match, kernel, asOf);
  const workarounds = (entry.workarounds ?? []).map((w) => ({
    title: w.title,
    commands: w.commands ?? [],
    ...(w.caveats ? { caveats: w.caveats } : {}),
  }));
  const references = (entry.references ?? []).map((r) => ({ url: r.url, ...(r.title ? { title: r.title } : {}), kind: r.kind }));

  const verdictText =
    match.verdict === "affected"
      ? `this ${upgrade?.component ?? "kernel"} is affected (${match.verdictReason})`
      : match.verdict === "fixed"
        ? `but this ${entry.component} already carries the fix (${match.verdictReason}), so look for a different cause`
        : `affected status unknown (${match.verdictReason})`;
  const action = upgrade
    ? `; upgrade ${upgrade.text}`
    : match.verdict !== "fixed" && match.fixedIn
      ? `; fixed in ${match.fixedIn}`
      : "";
  const meanwhile = workarounds.length > 0 && match.verdict !== "fixed" ? `; until then: ${workarounds[0].title.replace(/\.$/, "")}` : "";
  const summary = `${top.finding.title} matches known bug “${entry.title}” (${entry.id}); ${verdictText}${action}${meanwhile}.`;

  const confidence = Math.round(match.score * (0.4 + 0.6 * match.confidence) * 100) / 100;
  return {
    summary,
    kbId: entry.id,
    verdict: match.verdict,
    confidence,
    ...(upgrade ? { upgrade } : {}),
    fixCommits: fixCommits(entry, upgrade?.branch),
    workarounds,
    references,
  };
}
