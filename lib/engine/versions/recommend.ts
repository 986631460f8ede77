/**
 * The incident's advice: which known bug it most likely is, what to upgrade to (on the user's own branch or
 * distro stream, or the nearest maintained branch when theirs is dead), the fix commits, workarounds to apply
 * meanwhile, and how sure we are. Pure: KB entries are passed in.
 */
import type { KbEntry, Fix } from "../../kb/schema";
import type { Finding, Match, Recommendation } from "../types";
import { branchOf, compareVersions } from "./compare-versions";
import { MIN_REMAINING_DAYS_FOR_MOVE, compareBranches, describeBranchLife, isBranchMaintained, maintainedBranchesFrom } from "./branches";
import type { KernelFamily, KernelRelease } from "./parse-kernel-release";
import { findComponentVersion } from "./component-name";
import { FAMILY_LABEL } from "./distro-tables";
import { DISTRO_NAMES, distroFixesFor } from "./verdict";
import { VENDOR_FAMILIES, shippedKernelLines } from "./distro-lines";
import { compareDistroBuilds } from "./compare-versions";
import { isKnownIssue } from "../match/match-strength";

export type RecommendOptions = {
  findings: Finding[];
  entries: Map<string, KbEntry>;
  kernel?: KernelRelease;
  componentVersions?: Record<string, string>;
  /** "Today" for branch end-of-life decisions (tests pin it). */
  asOf?: Date;
};


const STATUS_BONUS: Record<Match["verdict"], number> = { affected: 0.1, unknown: 0.05, fixed: 0 };

function pickTopMatch(findings: Finding[], entries: Map<string, KbEntry>): { match: Match; finding: Finding } | undefined {
  let best: { match: Match; finding: Finding; rank: number } | undefined;
  for (const finding of findings) {
    for (const match of finding.matches ?? []) {
      if (match.related || !isKnownIssue(match) || !entries.has(match.kbId)) continue;
      // An affected verdict is the more useful advice when evidence is close.
      // A class-level entry is a fallback: any specific entry with evidence is the better advice.
      const rank = match.score + STATUS_BONUS[match.verdict] - (match.generic ? 0.3 : 0);
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

/** "an Ubuntu 20.04 kernel" / "a Debian kernel": the article follows the label's first sound. */
function kernelPhrase(kernel: KernelRelease): string {
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  const stream = kernel.distroRelease && kernel.family !== "rhel" ? ` ${kernel.distroRelease}` : "";
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}${stream} kernel`;
}

/** Upgrade within the distro's own builds, when the entry records a fixed build for this distro and stream. */
function distroUpgrade(entry: KbEntry, match: Match, kernel: KernelRelease): Recommendation["upgrade"] | null {
  const candidate = distroFixesFor(kernel, primary(entry)).find((c) => c.fix.fixed && c.fix.fixed === match.fixedIn);
  if (!candidate) return null;
  const fix = candidate.fix;
  const from = kernel.distroBuild ?? kernel.raw;
  // Never an upgrade "to" what already runs; an Ubuntu ABI without its upload cannot be ordered against its own uploads.
  if (compareDistroBuilds(from, fix.fixed!) >= 0) return undefined;
  if (kernel.family === "ubuntu" && !kernel.distroBuild && kernel.raw.startsWith(`${/^[\d.]+-\d+/.exec(fix.fixed!)?.[0]}-`)) return undefined;
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  const stream = fix.release !== "*" ? ` ${fix.release}` : kernel.distroRelease ? ` ${kernel.distroRelease}` : "";
  return {
    component: "kernel",
    from,
    to: fix.fixed!,
    ...(kernel.distroRelease ? { branch: kernel.distroRelease } : {}),
    text: `${from} → ${fix.fixed} or later (${label}${stream}${fix.flavours?.length ? ` ${fix.flavours[0]}` : ""} package${fix.advisory ? `, ${fix.advisory}` : ""})`,
  };
}

/** A fix that names a release (mainline, a stable branch or a distro build): without one, no upgrade is a fix. */
function hasReleasedFix(fixes: Fix[]): boolean {
  return fixes.some((f) => f.mainline || (f.branches ?? []).some((b) => b.fixed) || (f.distros ?? []).some((d) => d.fixed));
}

function kernelUpgrade(entry: KbEntry, match: Match, kernel: KernelRelease | undefined, asOf: Date): Recommendation["upgrade"] {
  // A class-level entry is no bug a release fixes, and an entry with no released fix has no target: a move to a
  // maintained branch would read as the fix.
  if (match.verdict === "fixed" || !kernel || entry.generic || !hasReleasedFix(primary(entry))) return undefined;
  const viaDistro = distroUpgrade(entry, match, kernel);
  if (viaDistro !== null) return viaDistro;
  // RHEL and SUSE numbers are nominal: an upstream version is no target for them.
  if (kernel.family === "rhel" || kernel.family === "suse") return undefined;
  if (!kernel.upstream || !kernel.branch || kernel.confidence < 0.3) return undefined;
  const fixes = primary(entry);
  const from = kernel.upstream;
  const vendor = VENDOR_FAMILIES.has(kernel.family);
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  const upstreamOnly = (to: string) =>
    vendor
      ? ` — only the upstream fix is known: take ${kernelPhrase(kernel)} whose stable base is ${to} or later (no ${label} fixed package is recorded)`
      : "";
  const isUpgrade = (branch: string, to: string) => branch !== kernel.branch || compareVersions(to, from) > 0;

  const lines = shippedKernelLines(kernel);
  if (lines) {
    // A distro with fixed kernel lines maintains them itself: upstream end-of-life does not apply, other lines do not exist.
    for (const b of [...lines].filter((l) => compareBranches(l, kernel.branch!) >= 0).sort(compareBranches)) {
      const need = requiredOnBranch(fixes, b);
      if (need === undefined || (need === null && b === kernel.branch)) continue;
      const to = need ?? b;
      if (!isUpgrade(b, to)) continue;
      const where = b === kernel.branch ? `on ${b}.y` : `on ${b}.y (the ${label}${kernel.distroRelease ? ` ${kernel.distroRelease}` : ""} ${b} kernel line; no fix on ${kernel.branch}.y)`;
      return { component: "kernel", from, to, branch: b, text: `${from} → ${to} or later ${where}${upstreamOnly(to)}`, ...(vendor ? { upstreamOnly: true } : {}) };
    }
    return undefined;
  }

  const own = requiredOnBranch(fixes, kernel.branch);
  const ownMaintained = isBranchMaintained(kernel.branch, asOf);
  if (own !== undefined && own !== null && ownMaintained && isUpgrade(kernel.branch, own)) {
    return {
      component: "kernel",
      from,
      to: own,
      branch: kernel.branch,
      text: `${from} → ${own} or later on ${kernel.branch}.y${upstreamOnly(own)}`,
      ...(vendor ? { upstreamOnly: true } : {}),
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
      text: `${from} → ${to} or later on ${b}.y (${why}; ${b}.y is ${describeBranchLife(b, asOf)})${upstreamOnly(to)}`,
      ...(vendor ? { upstreamOnly: true } : {}),
    };
  }
  const mainline = fixes.find((f) => f.mainline)?.mainline;
  return mainline && !vendor && compareVersions(mainline, from) > 0
    ? { component: "kernel", from, to: mainline, text: `${from} → ${mainline} or later (mainline)` }
    : undefined;
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

/** The kernel family a workaround's `distros` name means (`centos` → rhel, `fcos` → fedora). */
function familyOfDistroName(name: string): KernelFamily | undefined {
  const n = name.toLowerCase();
  for (const [family, names] of Object.entries(DISTRO_NAMES)) if (family === n || names?.includes(n)) return family as KernelFamily;
  return undefined;
}

/** The node's own distro's workarounds first, distro-neutral next, other distros' last (stable within each group). */
export function orderWorkarounds<T extends { distros?: string[] }>(workarounds: T[], family: KernelFamily | undefined): T[] {
  const rank = (w: T) => {
    const ds = w.distros ?? [];
    if (ds.length === 0) return 1;
    return family && ds.some((d) => familyOfDistroName(d) === family) ? 0 : 2;
  };
  return workarounds.map((w, i) => ({ w, i, r: rank(w) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.w);
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
  const workarounds = orderWorkarounds(entry.workarounds ?? [], kernel?.family).map((w) => ({
    title: w.title,
    commands: w.commands ?? [],
    ...(w.caveats ? { caveats: w.caveats } : {}),
    ...(w.distros && w.distros.length > 0 ? { distros: w.distros } : {}),
  }));
  const references = (entry.references ?? []).map((r) => ({ url: r.url, ...(r.title ? { title: r.title } : {}), kind: r.kind }));
  const distro = kernel && kernel.family !== "unknown" && kernel.family !== "vanilla" ? distroName(kernel) : undefined;
  const onWhat = distro ? `this ${distro} kernel` : `this ${upgrade?.component ?? "kernel"}`;

  const verdictText =
    match.verdict === "affected"
      ? `${onWhat} is affected (${match.verdictReason})`
      : match.verdict === "fixed"
        ? `but this ${entry.component} already carries the fix (${match.verdictReason}), so look for a different cause`
        : `affected status unknown (${match.verdictReason})`;
  const action = upgrade
    ? `; upgrade ${upgrade.text}`
    : match.verdict !== "fixed" && match.fixedIn && !upgradeImpossible(match, kernel)
      ? `; fixed in ${match.fixedIn}`
      : match.verdict === "affected" && kernel && VENDOR_FAMILIES.has(kernel.family)
        ? `; no ${distro ?? "distro"} kernel line is known to carry the fix${match.fixedIn ? ` (upstream: ${match.fixedIn})` : ""} — check the vendor's advisories`
        : "";
  const meanwhile = workarounds.length > 0 && match.verdict !== "fixed" ? `; until then: ${workarounds[0].title.replace(/\.$/, "")}` : "";
  // A class-level entry gives no verdict and no upgrade: it says what evidence would name the specific bug.
  const summary = entry.generic
    ? `${top.finding.title} has no specific known bug; closest class “${entry.title}” (${entry.id}, a generic entry): no upgrade fixes a class of problems${
        entry.specificWhen ? ` — a specific known bug would match when ${entry.specificWhen.replace(/\.$/, "")}` : ""
      }${workarounds.length > 0 ? `; meanwhile: ${workarounds[0].title.replace(/\.$/, "")}` : ""}.`
    : `${top.finding.title} matches known bug “${entry.title}” (${entry.id}); ${verdictText}${action}${meanwhile}.`;
  // What a phone shows first: the bug and the verdict in a few words; the reasons, the fix and the workaround follow.
  // (Entry titles run to 100 characters: they go in the details.)
  const headline = entry.generic
    ? "No specific known bug, only a generic class"
    : match.verdict === "affected"
      ? `Known bug: ${onWhat} is affected`
      : match.verdict === "fixed"
        ? `Known bug, but this ${entry.component} already carries the fix`
        : "Known bug; affected status unknown";

  return {
    summary,
    lead: headline,
    kbId: entry.id,
    verdict: match.verdict,
    confidence: match.confidence,
    score: match.score,
    findingId: top.finding.id,
    ...(top.finding.host ? { host: top.finding.host } : {}),
    ...(kernel?.raw ? { kernelRelease: kernel.raw } : {}),
    ...(distro ? { distro } : {}),
    ...(upgrade ? { upgrade } : {}),
    fixCommits: fixCommits(entry, upgrade?.branch),
    workarounds,
    references,
  };
}

/** `Ubuntu 22.04`, `RHEL-family 7.5`, `ELRepo`. */
export function distroName(kernel: KernelRelease): string {
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  return kernel.distroRelease ? `${label} ${kernel.distroRelease}` : label;
}

/** An upstream fixed version on a line the vendor kernel cannot move to is no advice ("fixed in 6.1.73" to Ubuntu 20.04). */
function upgradeImpossible(match: Match, kernel: KernelRelease | undefined): boolean {
  if (!kernel || !match.fixedIn || match.fixedIn.includes("-")) return false;
  const lines = shippedKernelLines(kernel);
  const b = branchOf(match.fixedIn);
  return Boolean(lines && b && !lines.includes(b));
}
