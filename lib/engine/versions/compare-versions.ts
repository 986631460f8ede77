/**
 * Version comparison for the two kinds of version strings a verdict needs:
 * - dotted upstream/component versions (`6.1.103`, `6.11`, `1.15.1`): numeric per field, missing fields are 0;
 * - distro package builds (`3.10.0-1062.4.1.el7`, `5.15.0-91.101`, `6.1.76-1`): RPM-style segment comparison
 *   (rpmvercmp), which also orders Debian/Ubuntu kernel package versions correctly for the shapes kernels use.
 * Neither function throws; unparsable input compares as text.
 */

/** Compare dotted versions numerically: `6.1.9 < 6.1.103`, `6.11 == 6.11.0`. Non-numeric fields compare as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number.parseInt(pa[i] ?? "0", 10) || 0;
    const y = Number.parseInt(pb[i] ?? "0", 10) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** `6.1.103` → `6.1` (the stable branch a release belongs to). */
export function branchOf(version: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

const SEGMENT = /~|\d+|[a-zA-Z]+/g;

/**
 * rpmvercmp on one field (version or release): alternating numeric and alphabetic segments, separators ignored;
 * numbers compare numerically and sort after letters; `~` sorts before everything (pre-releases, Debian `~bpo`).
 */
export function compareSegments(a: string, b: string): number {
  const sa = a.match(SEGMENT) ?? [];
  const sb = b.match(SEGMENT) ?? [];
  const n = Math.max(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === y) continue;
    if (x === "~") return -1;
    if (y === "~") return 1;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNum = /^\d/.test(x);
    const yNum = /^\d/.test(y);
    if (xNum && yNum) {
      const d = compareDigitStrings(x, y);
      if (d !== 0) return d;
    } else if (xNum !== yNum) {
      return xNum ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Numeric comparison of digit runs of any length (RHEL release fields stay small, but never trust input). */
function compareDigitStrings(a: string, b: string): number {
  const x = a.replace(/^0+/, "");
  const y = b.replace(/^0+/, "");
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Architecture suffixes RPM kernels carry in `uname -r` but not in package names. */
const ARCH_SUFFIX = /\.(x86_64|aarch64|ppc64le|ppc64|s390x|i686|noarch|armv7hl)$/;

/** Split `3.10.0-1062.4.1.el7.x86_64` into version `3.10.0` and release `1062.4.1.el7`. */
export function splitVersionRelease(build: string): { version: string; release: string } {
  const s = build.trim().replace(ARCH_SUFFIX, "");
  const dash = s.indexOf("-");
  return dash < 0 ? { version: s, release: "" } : { version: s.slice(0, dash), release: s.slice(dash + 1) };
}

/**
 * Compare distro kernel builds NVR-style: the version part first (`3.10.0`), then the release part
 * (`1062.4.1.el7` vs `862.14.4.el7` → 1062 > 862). Arch suffixes are ignored.
 */
export function compareDistroBuilds(a: string, b: string): number {
  const x = splitVersionRelease(a);
  const y = splitVersionRelease(b);
  // Oracle builds one UEK source for every Oracle Linux release with the same build number: `.el7uek`, `.el8uek`
  // and `.el9uek` name the target OS, not a later build (ELSA advisories list one number for all of them).
  if (UEK_DIST_TAG.test(x.release) && UEK_DIST_TAG.test(y.release)) {
    return compareSegments(x.version, y.version) || compareSegments(x.release.replace(UEK_DIST_TAG, ""), y.release.replace(UEK_DIST_TAG, ""));
  }
  return compareSegments(x.version, y.version) || compareSegments(x.release, y.release);
}

const UEK_DIST_TAG = /\.el\d+uek$/;
