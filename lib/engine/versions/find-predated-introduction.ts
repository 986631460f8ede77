/**
 * Is the running kernel older than the bug? An entry that records where its bug was introduced (`introduced.mainline`,
 * stable-only introductions `fixes[].branches[].introduced`) cannot be the crash of a kernel built before that code
 * existed — when the kernel's upstream number is what it says. Pure; never throws.
 *
 * - `excluded`: a kernel that carries its upstream line as it is (vanilla, ELRepo, Fedora, Arch, Flatcar, Debian,
 *   Ubuntu, COS — their trees are upstream stable plus their own patches, and their CVE trackers call a kernel without
 *   the introducing commit not affected): the bug is not there; the match is "same symptom, another bug".
 * - a vendor kernel that backports upstream code across versions (RHEL family, SUSE, Oracle UEK, Amazon, Android, a
 *   build with a local version of its own): only a vendor backport of the introducing commit would bring the bug.
 *   Vendors backport for years (RHEL 8.6's 4.18 carries 5.15's NVMe multipath bugs), not forever: a base more than
 *   `VENDOR_BACKPORT_HORIZON` releases older than the bug (RHEL 7.2's 3.10 for a 5.12 bug) is `doubtful` (kept,
 *   lowered, with the reason); a nearer one is `backport-only` (the reason is said, the score is unchanged). Neither
 *   applies when the entry records builds of this distro, which proves the backport.
 * A git snapshot (`5.19.0-14184-g69dac8e431af`, commits after the 5.19 tag) may carry the next release's commits.
 */
import type { Fix, KbEntry } from "../../kb/schema";
import { branchOf, compareVersions } from "./compare-versions";
import { compareBranches } from "./branches";
import { FAMILY_LABEL } from "./distro-tables";
import type { KernelFamily, KernelRelease } from "./parse-kernel-release";
import { distroFixesFor } from "./verdict";

export type PredatedIntroduction = {
  effect: "excluded" | "doubtful" | "backport-only";
  /** One line a human reads: why the bug is (probably) not in this kernel. */
  reason: string;
};

/**
 * Families whose kernels are upstream stable plus packaging and their own patches: the `x.y` line (and, when known,
 * the point release) says which upstream commits the tree holds.
 */
const FOLLOWS_UPSTREAM = new Set<KernelFamily>(["vanilla", "elrepo", "fedora", "arch", "flatcar", "debian", "ubuntu", "cos"]);

/**
 * Mainline releases (about nine weeks each: ~5 years) a heavily patched vendor base keeps taking backports from. RHEL 8
 * (4.18, 2019) carries 5.15-era code 18 releases later; RHEL 7 (3.10, 2013) does not carry 5.12-era code 43 later.
 */
const VENDOR_BACKPORT_HORIZON = 30;

/** First release index of each major: 3.0–3.19, 4.0–4.20, 5.0–5.19, 6.0–6.19; 2.6.x sorts before all. */
const MAJOR_START: Record<number, number> = { 2: -100, 3: 0, 4: 20, 5: 41, 6: 61, 7: 81 };

/** Mainline releases from `a` to `b` (`3.10` → `5.12` is 43); a rough count past the table. */
function releasesBetween(a: string, b: string): number {
  const index = (branch: string) => {
    const [major, minor] = branch.split(".").map((n) => Number.parseInt(n, 10) || 0);
    return (MAJOR_START[major] ?? (major - 7) * 20 + 81) + (major === 2 ? 0 : minor);
  };
  return index(b) - index(a);
}

/** `-14184-g69dac8e431af`: `git describe` of a tree past its tag, i.e. in the next release's merge window or rcs. */
const GIT_SNAPSHOT = /^\d+\.\d+(?:\.\d+)?-\d+-g[0-9a-f]{4,}\b/;

/** Below this the kernel's point release is not known (Ubuntu/Debian ABI names): only its `x.y` line compares. */
const MIN_POINT_CONFIDENCE = 0.3;
/** A vanilla version without a local version of its own (parse-kernel-release.ts: exact). */
const PLAIN_UPSTREAM_CONFIDENCE = 0.9;

function primaryFixes(entry: KbEntry): Fix[] {
  return (entry.fixes ?? []).filter((f) => (f.role ?? "primary") === "primary");
}

/** The first release of `branch` that carries the bug through a stable backport, if the record lists one. */
function branchIntroduction(fixes: Fix[], branch: string): string | undefined {
  let first: string | undefined;
  for (const f of fixes)
    for (const b of f.branches ?? [])
      if (b.branch === branch && b.introduced && (!first || compareVersions(b.introduced, first) < 0)) first = b.introduced;
  return first;
}

/** The oldest upstream release the bug reached, mainline or a stable backport. */
function oldestIntroduction(fixes: Fix[], mainline: string): string {
  let oldest = mainline;
  for (const f of fixes)
    for (const b of f.branches ?? []) if (b.introduced && compareVersions(b.introduced, oldest) < 0) oldest = b.introduced;
  return oldest;
}

export type FindPredatedIntroductionOptions = {
  kernel: KernelRelease | undefined;
  entry: KbEntry;
  /**
   * The module the crash is in (`ath11k`, `amdgpu`): backport packages (DKMS, linux-backports, OpenWrt's kmods, OFED)
   * build drivers newer than the kernel — CVE-2022-49523's ath11k crash on 5.4.89, CVE-2024-50177's amdgpu on 6.5.
   */
  module?: string;
};

/** Undefined when the kernel may carry the bug (or nothing says when the bug came). */
export function findPredatedIntroduction({ kernel, entry, module }: FindPredatedIntroductionOptions): PredatedIntroduction | undefined {
  const mainline = entry.introduced?.mainline;
  if (!mainline || entry.generic || !kernel?.upstream || !kernel.branch) return undefined;
  const fixes = primaryFixes(entry);
  const oldest = oldestIntroduction(fixes, mainline);
  const backported = oldest !== mainline ? ` (the oldest stable line it reached is ${branchOf(oldest)}, in ${oldest})` : "";

  const mainlineBranch = branchOf(mainline) ?? mainline;
  // A snapshot past x.y holds commits of the next release's merge window.
  if (GIT_SNAPSHOT.test(kernel.raw) && releasesBetween(kernel.branch, mainlineBranch) <= 1) return undefined;

  // A vanilla version with a local version of its own (`-372.32.1.el8test86`) is a vendor's tree.
  if (!module && FOLLOWS_UPSTREAM.has(kernel.family) && (kernel.family !== "vanilla" || kernel.confidence >= PLAIN_UPSTREAM_CONFIDENCE)) {
    const onBranch = branchIntroduction(fixes, kernel.branch);
    const pointKnown = kernel.confidence >= MIN_POINT_CONFIDENCE && !kernel.prerelease;
    if (onBranch) {
      if (!pointKnown || compareVersions(kernel.upstream, onBranch) >= 0) return undefined;
      return {
        effect: "excluded",
        reason: `${kernel.upstream} predates ${onBranch}, where the bug was backported into ${kernel.branch}.y — probably another bug with the same symptom`,
      };
    }
    // A line the record does not list never got the introducing commit from stable: only its position counts.
    const older = pointKnown ? compareVersions(kernel.upstream, mainline) < 0 : compareBranches(kernel.branch, mainlineBranch) < 0;
    if (!older) return undefined;
    return {
      effect: "excluded",
      reason: `${kernel.raw} is on ${kernel.branch}, older than ${mainline} where the bug was introduced${backported} — the bug cannot be in this kernel: probably another bug with the same symptom`,
    };
  }

  return vendorVerdict({ kernel, branch: kernel.branch, entry, fixes, mainline, oldest, backported, module });
}

type VendorFacts = {
  kernel: KernelRelease;
  branch: string;
  entry: KbEntry;
  fixes: Fix[];
  mainline: string;
  oldest: string;
  /** The reason's note on stable-only introductions, or "". */
  backported: string;
  module?: string;
};

function vendorVerdict({ kernel, branch, entry, fixes, mainline, oldest, backported, module }: VendorFacts): PredatedIntroduction | undefined {
  // Vendor backports: only a kernel line older than every line the bug reached upstream is worth doubting.
  if (compareBranches(branch, branchOf(oldest) ?? oldest) >= 0) return undefined;
  // The entry records this distro's builds (affected or fixed): the vendor carries the code, the base says nothing.
  if (distroFixesFor(kernel, fixes).length > 0) return undefined;
  // A vanilla or unrecognised version with a local version of its own is someone's patched tree.
  const label = kernel.family === "vanilla" || kernel.family === "unknown" ? undefined : FAMILY_LABEL[kernel.family];
  const an = label && /^[AEIOU]/i.test(label) ? "an" : "a";
  const plain = kernel.family === "vanilla" && kernel.confidence >= PLAIN_UPSTREAM_CONFIDENCE;
  const who = label ? `${an} ${label} kernel` : plain ? "an upstream kernel" : "a kernel with patches of its own";
  const by = module
    ? `a newer ${module} module (a backport package: DKMS, linux-backports) or ${label ? `${an} ${label} backport` : "a backport by its builder"}`
    : label
      ? `${an} ${label} backport`
      : "a backport by its builder";
  const commit = entry.introduced?.commit && /^[0-9a-f]{12,40}$/.test(entry.introduced.commit) ? ` ${entry.introduced.commit.slice(0, 12)}` : "";
  const gap = releasesBetween(branch, branchOf(mainline) ?? mainline);
  const what = `${kernel.distroBuild ?? kernel.raw} is ${who} on a ${branch} base, older than ${mainline} where the bug was introduced${backported}: only ${by} of the introducing commit${commit} would bring it`;
  return gap > VENDOR_BACKPORT_HORIZON
    ? { effect: "doubtful", reason: `${what}, and the base is ${gap} releases older — probably another bug with the same symptom` }
    : { effect: "backport-only", reason: what };
}
