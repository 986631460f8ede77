/**
 * Is this kernel (or component) affected by this KB entry's bug? The answer always carries how sure it is and a
 * reason a senior engineer would write. Order of evidence:
 *   1. component fixes (Cilium, runc…) against the component's own version;
 *   2. distro package fixes (RHEL NVR, Ubuntu/Debian package) when the kernel's distro and stream match —
 *      package-level facts beat any upstream reasoning on vendor kernels;
 *   3. upstream ranges (introduced, per-branch fixed, stable-only introductions, mainline), weighted by how
 *      meaningful the kernel's upstream number is (`KernelRelease.confidence`).
 * Pure; never throws.
 */
import type { KbEntry, Fix, DistroFix, ComponentFix } from "../../kb/schema";
import type { Verdict } from "../types";
import { branchOf, compareDistroBuilds, compareVersions, splitVersionRelease } from "./compare-versions";
import { compareBranches } from "./branches";
import type { KernelFamily, KernelRelease } from "./parse-kernel-release";
import { findComponentVersion, normalizeComponent } from "./component-name";
import { FAMILY_LABEL } from "./distro-tables";
import { VENDOR_FAMILIES, shippedKernelLines } from "./distro-lines";
import { kernelFlavour, matchesKernelLine } from "./kernel-flavour";

export type ComputeVerdictOptions = {
  kernel: KernelRelease | undefined;
  entry: KbEntry;
  /** Versions of user-space components on the node, keyed by component (`cilium` → `1.15.0`). */
  componentVersions?: Record<string, string>;
};

/** Distro names a KB distro fix may use, per parsed kernel family. */
export const DISTRO_NAMES: Partial<Record<KernelFamily, string[]>> = {
  rhel: ["rhel", "centos", "rocky", "alma", "almalinux", "redhat", "red hat"],
  ubuntu: ["ubuntu"],
  debian: ["debian"],
  suse: ["suse", "sles", "sle", "opensuse"],
  amazon: ["amazon", "amzn", "amazon-linux", "al2", "al2023"],
  "oracle-uek": ["oracle-uek", "uek", "oracle"],
  cos: ["cos"],
  flatcar: ["flatcar"],
  fedora: ["fedora", "fcos", "fedora-coreos"],
  elrepo: ["elrepo"],
  arch: ["arch"],
  android: ["android"],
};

/** Families whose package version part is nominal (`3.10.0`, `5.15.0`): builds compare only within one base. */
const NOMINAL_BASE_FAMILIES = new Set<KernelFamily>(["rhel", "suse", "ubuntu", "oracle-uek"]);


/** Below this, a kernel's upstream number is not worth an upstream-range verdict. */
const MIN_UPSTREAM_CONFIDENCE = 0.3;

/** One fix judged against an upstream version; `weight` scales the kernel's confidence (how direct the evidence is). */
type FixOutcome = { status: Verdict["status"]; reason: string; fixedIn?: string; weight: number };

function primaryFixes(entry: KbEntry): Fix[] {
  return (entry.fixes ?? []).filter((f) => (f.role ?? "primary") === "primary");
}

function unknown(reason: string, confidence = 0, fixedIn?: string): Verdict {
  return { status: "unknown", confidence, reason, ...(fixedIn ? { fixedIn } : {}) };
}

/** "an Ubuntu", "a RHEL-family", "an Amazon Linux". */
function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? "an" : "a";
}

/** Component verdict: `cilium 1.15.0` against `{component: cilium, branch: 1.15, fixed: 1.15.1}`. */
function componentVerdict(fixes: ComponentFix[], versions: Record<string, string> | undefined): Verdict {
  const name = fixes[0].component;
  const list = fixes.map((c) => c.fixed).join(", ");
  const version = findComponentVersion(name, versions);
  if (!version || !/^\d+(\.\d+)*/.test(version)) return unknown(`${name} version not known; fixed in ${list}`, 0, fixes[0].fixed);
  const line = branchOf(version) ?? version;
  const onLine = fixes.find((c) => c.branch === line) ?? fixes.find((c) => !c.branch);
  if (onLine) {
    const where = onLine.branch ? `, the first fixed release on ${onLine.branch}` : ", the first fixed release";
    return compareVersions(version, onLine.fixed) >= 0
      ? { status: "fixed", confidence: 0.9, reason: `${name} ${version} is at or above ${onLine.fixed}${where}`, fixedIn: onLine.fixed }
      : { status: "affected", confidence: 0.9, reason: `${name} ${version} is below ${onLine.fixed}${where}`, fixedIn: onLine.fixed };
  }
  const lines = fixes.filter((c) => c.branch).sort((a, b) => compareVersions(a.branch!, b.branch!));
  const newer = lines.find((c) => compareVersions(c.branch!, line) > 0);
  if (!newer) {
    // A release line newer than every line that got the fix was branched after it: it carries the fix.
    return { status: "fixed", confidence: 0.6, reason: `${name} ${version} is on a newer line than every fixed release (${list})` };
  }
  return unknown(`no ${name} fix is recorded for the ${line} line; fixed in ${newer.fixed} on ${newer.branch}`, 0.3, newer.fixed);
}

function distroReleaseMatches(fix: DistroFix, kernel: KernelRelease): "exact" | "stream" | undefined {
  const want = fix.release.toLowerCase().replace(/^uek\s*r?/, "uek");
  const have = (kernel.distroRelease ?? "").toLowerCase();
  if (want === "*") return "exact";
  if (have && want === have) return "exact";
  if (kernel.family === "rhel") {
    // `7` covers every 7.x; `8.8` names one z-stream. A different minor of the same major still orders by NVR.
    const [wMajor, wMinor] = want.split(".");
    const hMajor = have.split(".")[0];
    if (wMajor !== hMajor) return undefined;
    return wMinor === undefined ? "exact" : "stream";
  }
  if (!have && kernel.distroBuild) return "stream";
  return undefined;
}

/** The build identities of a running kernel a distro fix can name: package build and `uname -r` without arch. */
function buildIdentities(kernel: KernelRelease): string[] {
  const raw = kernel.raw.replace(/\.(x86_64|aarch64|ppc64le|s390x|i686)$/, "");
  return [...new Set([kernel.distroBuild, raw].filter((b): b is string => Boolean(b)))];
}

/** `5.15.0-89` names `5.15.0-89-generic`, `5.15.0-89.99` and `5.15.0-89.99~20.04.1`, not `5.15.0-891`. */
function buildMatches(have: string, listed: string): boolean {
  return have === listed || (have.startsWith(listed) && /^[-.~+_]/.test(have.slice(listed.length)));
}

/**
 * Ubuntu `uname -r` without the upload (`5.15.0-91-generic`, no `#101` in the log): the ABI number still orders
 * builds of one base. Returns `5.15.0-91` for the running kernel and `5.15.0-112` for a fix `5.15.0-112.122`.
 */
function ubuntuAbi(build: string): string | undefined {
  return /^(\d+\.\d+\.\d+-\d+)/.exec(build)?.[1];
}

type DistroCandidate = { fix: DistroFix; how: "exact" | "stream" };

/** Distro facts recorded for this kernel's distro and stream, best stream match first. */
export function distroFixesFor(kernel: KernelRelease, fixes: Fix[]): DistroCandidate[] {
  const names = DISTRO_NAMES[kernel.family];
  if (!names) return [];
  const base = kernel.distroBuild ? splitVersionRelease(kernel.distroBuild).version : kernel.upstream;
  const out: DistroCandidate[] = [];
  for (const f of fixes) {
    for (const d of f.distros ?? []) {
      if (!names.includes(d.distro.toLowerCase())) continue;
      if (!matchesKernelLine(kernel, d.flavours)) continue;
      const sample = d.fixed ?? d.affected[0];
      if (NOMINAL_BASE_FAMILIES.has(kernel.family)) {
        if (sample && base && splitVersionRelease(sample).version !== base) continue;
      } else if (sample && kernel.branch && branchOf(sample) !== kernel.branch) {
        // Amazon, Debian, COS, Flatcar builds carry the upstream line: a fix on 5.10 says nothing about a 4.14 kernel.
        continue;
      }
      const how = distroReleaseMatches(d, kernel);
      if (how) out.push({ fix: d, how });
    }
  }
  return out.sort((a, b) => (a.how === b.how ? 0 : a.how === "exact" ? -1 : 1));
}

/**
 * Package-level verdict for distro kernels, when the entry records builds of this distro and stream: a build
 * reported broken is affected (even with no fix known), then the first fixed build decides.
 */
function distroVerdict(kernel: KernelRelease, fixes: Fix[]): Verdict | undefined {
  const candidates = distroFixesFor(kernel, fixes);
  if (candidates.length === 0) return undefined;
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  const ids = buildIdentities(kernel);
  const shown = kernel.distroBuild ?? ids[ids.length - 1];

  for (const { fix, how } of candidates) {
    const hit = fix.affected.find((a) => ids.some((b) => buildMatches(b, a)));
    if (!hit) continue;
    const later = fix.fixed ? `; fixed in ${fix.fixed}${fix.advisory ? ` (${fix.advisory})` : ""}` : "; no fixed build is recorded";
    return {
      status: "affected",
      confidence: how === "exact" ? 0.85 : 0.7,
      reason: `${shown} is ${article(label)} ${label} ${fix.release === "*" ? "" : `${fix.release} `}build reported affected (${hit})${later}`,
      ...(fix.fixed ? { fixedIn: fix.fixed } : {}),
    };
  }

  const withFix = candidates.find((c) => c.fix.fixed);
  // Debian's `6.1.0-18-amd64` is an ABI name, not the package (`6.1.76-1`): without the package nothing compares.
  if (withFix && kernel.family === "debian" && !kernel.distroBuild) {
    const { fix } = withFix;
    const advisory = fix.advisory ? ` (${fix.advisory})` : "";
    return unknown(
      `${kernel.raw} is only the ABI name; the Debian package version (\`#1 SMP Debian <package>\` in the banner or \`uname -v\`) is not in the log, and Debian ${fix.release} is fixed in ${fix.fixed}${advisory}`,
      // No `fixedIn`: an upgrade "to 6.1.133-1" could name the package already running.
      0.3,
    );
  }
  if (withFix) {
    const { fix, how } = withFix;
    const fixed = fix.fixed!;
    const advisory = fix.advisory ? ` (${fix.advisory})` : "";
    const confidence = how === "exact" ? 0.85 : 0.6;
    const crossStream =
      how === "stream" && fix.release !== kernel.distroRelease
        ? `; the fix is recorded for ${fix.release}, this kernel is ${kernel.distroRelease ?? "another stream"}`
        : "";
    if (kernel.family === "ubuntu" && !kernel.distroBuild) {
      // Only the ABI is known: uploads of one ABI differ, so an equal ABI cannot be decided.
      const have = ubuntuAbi(kernel.raw);
      const want = ubuntuAbi(fixed);
      if (have && want) {
        const c = compareDistroBuilds(have, want);
        // A fix recorded by ABI alone (security notices list the fixed ABI, e.g. `5.15.0-102`) covers every upload
        // of that ABI; a fix with an upload (`5.15.0-102.112`) leaves an equal ABI undecided.
        if (c === 0 && want === fixed)
          return { status: "fixed", confidence: 0.75, reason: `ABI ${have} is the first fixed ABI ${fixed}${advisory}${crossStream}`, fixedIn: fixed };
        if (c === 0)
          return unknown(`${kernel.raw} has the ABI of the first fixed build ${fixed}${advisory}, but its upload (#NNN in the banner) is not in the log`, 0.4, fixed);
        return c > 0
          ? { status: "fixed", confidence: 0.75, reason: `ABI ${have} is after ${fixed}${advisory}${crossStream}`, fixedIn: fixed }
          : { status: "affected", confidence: 0.75, reason: `ABI ${have} predates ${fixed}${advisory}${crossStream}`, fixedIn: fixed };
      }
    }
    const build = kernel.distroBuild ?? ids[ids.length - 1];
    return compareDistroBuilds(build, fixed) >= 0
      ? { status: "fixed", confidence, reason: `${build} is at or after ${fixed}${advisory}${crossStream}`, fixedIn: fixed }
      : { status: "affected", confidence, reason: `${build} predates ${fixed}${advisory}${crossStream}`, fixedIn: fixed };
  }

  // Only broken builds are listed and this one is not among them: newer or older, nothing says it is fixed.
  const listed = candidates.flatMap((c) => c.fix.affected);
  return unknown(`${shown} is not among the ${label} builds reported affected (${listed.join(", ")}) and no fixed build is recorded`, 0.3);
}

/** One fix against an upstream version; undefined when the fix carries no release information. */
function upstreamVerdictForFix(
  up: string,
  branch: string,
  fix: Fix,
  introducedMainline: string | undefined,
  prerelease: string | undefined,
  shipped: string[] | undefined,
  lineLabel: string,
): FixOutcome | undefined {
  const branches = fix.branches ?? [];
  const onBranch = branches.find((b) => b.branch === branch);
  if (onBranch?.introduced && compareVersions(up, onBranch.introduced) < 0) {
    // The bug reached this stable branch late, through a backport (CVE-2020-36776: 4.14.189): older points are clean.
    return { status: "fixed", weight: 0.9, reason: `${up} predates ${onBranch.introduced}, where the bug was backported into ${branch}.y — not affected` };
  }
  if (!onBranch?.introduced && introducedMainline && compareVersions(up, introducedMainline) < 0) {
    return {
      status: "fixed",
      weight: 0.8,
      reason: `${up} predates ${introducedMainline}, where the bug was introduced — probably a different bug`,
    };
  }
  if (prerelease && fix.mainline && branchOf(fix.mainline) === branch) {
    // Fixes land in mainline during the rc cycle of the release that first ships them.
    return {
      status: "unknown",
      weight: 0.5,
      reason: `${branch}-${prerelease} is a release candidate of ${fix.mainline}, the first release with the fix: it may predate the fix`,
      fixedIn: fix.mainline,
    };
  }
  if (fix.mainline && compareVersions(up, fix.mainline) >= 0) {
    return { status: "fixed", weight: 1, reason: `${up} is at or above ${fix.mainline}, the first mainline release with the fix`, fixedIn: fix.mainline };
  }
  if (onBranch?.fixed) {
    return compareVersions(up, onBranch.fixed) >= 0
      ? { status: "fixed", weight: 1, reason: `${up} is at or above ${onBranch.fixed}, the first fixed release on ${branch}.y`, fixedIn: onBranch.fixed }
      : { status: "affected", weight: 1, reason: `${up} is below ${onBranch.fixed}, the first fixed release on ${branch}.y`, fixedIn: onBranch.fixed };
  }
  const fixedBranches = branches.filter((b) => b.fixed).sort((a, b) => compareBranches(a.branch, b.branch));
  if (!fix.mainline && fixedBranches.length === 0) return undefined;
  // No fix on this branch and below mainline: the only way out is a branch that got the fix (or mainline).
  const listed = Boolean(onBranch);
  const weight = listed || introducedMainline ? 0.9 : 0.7;
  if (shipped) {
    // A distro with fixed kernel lines: name the first of *its* lines that carries the fix, or say none does.
    const mainBranch = fix.mainline ? branchOf(fix.mainline) : undefined;
    for (const line of [...shipped].filter((l) => compareBranches(l, branch) > 0).sort(compareBranches)) {
      const whole = mainBranch && compareBranches(line, mainBranch) >= 0;
      const at = whole ? line : fixedBranches.find((b) => b.branch === line)?.fixed;
      if (!at) continue;
      return {
        status: "affected",
        weight,
        reason: `no fix was backported to ${branch}.y; the ${lineLabel} ${line} kernel line carries it (${whole ? `mainline ${fix.mainline}` : `${at} on ${line}.y`})`,
        fixedIn: at,
      };
    }
    const upstream = fixedBranches.find((b) => compareBranches(b.branch, branch) > 0);
    return {
      status: "affected",
      weight,
      reason: `no fix was backported to ${branch}.y and no ${lineLabel} kernel line carries it (upstream: ${upstream ? `${upstream.fixed} on ${upstream.branch}.y` : `mainline ${fix.mainline}`})`,
    };
  }
  const nearest = fixedBranches.find((b) => compareBranches(b.branch, branch) > 0);
  const target = nearest?.fixed ?? fix.mainline!;
  const where = nearest ? `${nearest.fixed} on ${nearest.branch}.y` : `mainline ${fix.mainline}`;
  return {
    status: "affected",
    // A branch the record does not mention at all may never have had the bug.
    weight,
    reason: `no fix was backported to ${branch}.y; the first fixed release above it is ${where}`,
    fixedIn: target,
  };
}

/** "5.15.165 on 5.15.y, mainline 6.11": the upstream facts a vendor kernel's user can look for in the vendor's changelog. */
function describeUpstreamFix(fixes: Fix[], branch: string): string {
  const parts = new Set<string>();
  for (const f of fixes) {
    const onBranch = (f.branches ?? []).find((b) => b.branch === branch && b.fixed);
    if (onBranch) parts.add(`${onBranch.fixed} on ${branch}.y`);
    if (f.mainline) parts.add(`mainline ${f.mainline}`);
  }
  return [...parts].join(", ");
}

function kernelVerdict(kernel: KernelRelease | undefined, entry: KbEntry, fixes: Fix[]): Verdict {
  const withInfo = fixes.filter(
    (f) => f.mainline || (f.branches ?? []).some((b) => b.fixed || b.introduced) || (f.distros ?? []).length > 0,
  );
  if (withInfo.length === 0) {
    const commit = fixes.find((f) => f.commit)?.commit;
    return unknown(commit ? `fix ${commit.slice(0, 12)} is not mapped to releases` : "no fixed release is recorded for this bug");
  }
  if (!kernel || !kernel.upstream || !kernel.branch) return unknown("kernel release not known");

  const distro = distroVerdict(kernel, withInfo);
  const hasUpstreamInfo = withInfo.some((f) => f.mainline || (f.branches ?? []).some((b) => b.fixed || b.introduced));
  if (distro && (distro.status !== "unknown" || !hasUpstreamInfo || kernel.confidence < MIN_UPSTREAM_CONFIDENCE)) return distro;
  if (!hasUpstreamInfo) return unknown("no upstream release information is recorded for this bug", 0.2);

  if (kernel.confidence < MIN_UPSTREAM_CONFIDENCE) {
    const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
    const stream = kernel.distroRelease ? ` ${kernel.distroRelease}` : "";
    const upstreamFix = describeUpstreamFix(withInfo, kernel.branch);
    // A derivative kernel (Ubuntu -aws, SUSE -azure) has builds of its own: say whose builds are missing.
    const flavour = kernelFlavour(kernel);
    const line = flavour && !matchesKernelLine(kernel, undefined) ? ` ${flavour}` : "";
    return unknown(
      `${kernel.distroBuild ?? kernel.raw} is ${article(label)} ${label} kernel: its ${kernel.upstream} base says little about backported fixes; only the upstream fix is known${upstreamFix ? ` (${upstreamFix})` : ""} and no ${label}${stream}${line} fixed build is recorded — check the vendor advisory`,
      0.2,
    );
  }

  const results: FixOutcome[] = [];
  const shipped = shippedKernelLines(kernel);
  const lineLabel = `${FAMILY_LABEL[kernel.family] ?? kernel.family}${kernel.distroRelease ? ` ${kernel.distroRelease}` : ""}`;
  for (const f of withInfo) {
    const r = upstreamVerdictForFix(kernel.upstream, kernel.branch, f, entry.introduced?.mainline, kernel.prerelease, shipped, lineLabel);
    if (r) results.push(r);
  }
  if (results.length === 0) return unknown(`no upstream release information applies to ${kernel.raw}`, 0.2);
  // Every primary fix is needed: one missing fix makes the kernel affected, one doubtful fix makes it unknown.
  const affected = results.filter((r) => r.status === "affected");
  const doubtful = results.filter((r) => r.status === "unknown");
  const pick =
    affected.length > 0
      ? affected.reduce((a, b) => (compareVersions(b.fixedIn ?? "0", a.fixedIn ?? "0") > 0 ? b : a))
      : doubtful.length > 0
        ? doubtful[0]
        : results.reduce((a, b) => (b.weight < a.weight ? b : a));
  const confidence = Math.round(kernel.confidence * pick.weight * 100) / 100;
  const label = FAMILY_LABEL[kernel.family] ?? kernel.family;
  const approximate = kernel.confidence < 0.7 ? ` (${label} kernel: upstream base ${kernel.upstream} is approximate)` : "";
  // Vendor kernels: say plainly that the verdict rests on upstream versions, not on a package of the vendor.
  const note =
    VENDOR_FAMILIES.has(kernel.family) && pick.status !== "fixed"
      ? `${approximate}; only the upstream fix is known — no ${label} fixed build is recorded`
      : approximate;
  return {
    status: pick.status,
    confidence,
    reason: pick.reason + note,
    ...(pick.fixedIn ? { fixedIn: pick.fixedIn } : {}),
  };
}

export function computeVerdict({ kernel, entry, componentVersions }: ComputeVerdictOptions): Verdict {
  if (entry.generic) {
    // A class of symptoms has many causes and no release that ends it: any fix belongs to a specific entry, and what
    // would point at one is the entry's `specificWhen`, shown beside the match.
    return unknown("a class of problems with many causes, not one bug: no release fixes it");
  }
  const fixes = primaryFixes(entry);
  const componentFixes = fixes.flatMap((f) => f.components ?? []);
  if (componentFixes.length > 0) {
    // Group by component and judge the entry's own component first.
    const own = componentFixes.filter((c) => normalizeComponent(c.component) === normalizeComponent(entry.component));
    return componentVerdict(own.length > 0 ? own : componentFixes, componentVersions);
  }
  if (entry.component !== "kernel" && !fixes.some((f) => f.mainline || (f.branches ?? []).length || (f.distros ?? []).length)) {
    return unknown(`no fixed ${entry.component} release is recorded`);
  }
  return kernelVerdict(kernel, entry, fixes);
}
