/**
 * Upstream longterm (LTS) branches and their projected end of life, so that a kernel on a dead branch is pointed at
 * the nearest maintained one. Source: kernel.org/category/releases.html (6.1 → Dec 2027 as of 2024/25) and the
 * 2026 extension announced by Greg Kroah-Hartman on LKML and reflected on kernel.org (6.18 and 6.12 → Dec 2028,
 * 6.6 → Dec 2027; 5.10/5.15 unchanged at Dec 2026), as reported by fossforce.com (2026-03) and others.
 * Dates are "projected" by kernel.org and do change; rows marked `uncertain` were not confirmed on kernel.org itself.
 * Non-longterm stable branches (6.17, 6.19, …) live for about one release cycle and are not listed: a branch
 * absent here is treated as end-of-life unless it is newer than every listed branch (then it is the current stable).
 */

export type StableBranch = {
  branch: string;
  released: string;
  /** Projected end of life, `YYYY-MM` (the end of that month). */
  eol: string;
  longterm: true;
  /** The date was not confirmed on kernel.org itself (news reports only). */
  uncertain?: boolean;
};

/** Data as of late 2026. Keep newest first. */
export const LONGTERM_BRANCHES: StableBranch[] = [
  { branch: "6.18", released: "2025-11-30", eol: "2028-12", longterm: true, uncertain: true },
  { branch: "6.12", released: "2024-11-17", eol: "2028-12", longterm: true, uncertain: true },
  { branch: "6.6", released: "2023-10-29", eol: "2027-12", longterm: true, uncertain: true },
  { branch: "6.1", released: "2022-12-11", eol: "2027-12", longterm: true },
  { branch: "5.15", released: "2021-10-31", eol: "2026-12", longterm: true },
  { branch: "5.10", released: "2020-12-13", eol: "2026-12", longterm: true },
  { branch: "5.4", released: "2019-11-24", eol: "2025-12", longterm: true },
  { branch: "4.19", released: "2018-10-22", eol: "2024-12", longterm: true },
  { branch: "4.14", released: "2017-11-12", eol: "2024-01", longterm: true },
  { branch: "4.9", released: "2016-12-11", eol: "2023-01", longterm: true },
  { branch: "4.4", released: "2016-01-10", eol: "2022-02", longterm: true },
];

/** Day after the EOL month ends, as epoch ms (a branch is maintained through its EOL month). */
function eolEnd(eol: string): number {
  const [y, m] = eol.split("-").map(Number);
  return Date.UTC(y, m, 1);
}

function branchKey(b: string): [number, number] {
  const [x, y] = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  return [x, y];
}

/** Order branches `5.4 < 5.10 < 6.1`. */
export function compareBranches(a: string, b: string): number {
  const [ax, ay] = branchKey(a);
  const [bx, by] = branchKey(b);
  return ax !== bx ? ax - bx : ay - by;
}

export function findLongtermBranch(branch: string): StableBranch | undefined {
  return LONGTERM_BRANCHES.find((b) => b.branch === branch);
}

/**
 * Whether upstream still releases fixes on `branch` at `asOf`. Unlisted branches newer than every listed one are
 * assumed to be the current stable (maintained); other unlisted branches are short-lived stable series, long dead.
 */
export function isBranchMaintained(branch: string, asOf: Date, minRemainingDays = 0): boolean {
  const lt = findLongtermBranch(branch);
  if (lt) return asOf.getTime() + minRemainingDays * 86_400_000 < eolEnd(lt.eol);
  return compareBranches(branch, LONGTERM_BRANCHES[0].branch) > 0;
}

/** Human form of a branch's EOL: "maintained until Dec 2027". */
export function describeBranchLife(branch: string, asOf: Date): string {
  const lt = findLongtermBranch(branch);
  if (!lt) return isBranchMaintained(branch, asOf) ? "current stable series" : "short-lived stable series, end-of-life";
  const [y, m] = lt.eol.split("-").map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const when = `${month} ${y}${lt.uncertain ? " (projected)" : ""}`;
  return isBranchMaintained(branch, asOf) ? `longterm, maintained until ${when}` : `longterm, end-of-life since ${when}`;
}

/**
 * Moving a fleet to another branch takes months: a branch about to die is not worth moving to, so the
 * recommendation asks for this much remaining life (staying on one's own branch needs none).
 */
export const MIN_REMAINING_DAYS_FOR_MOVE = 180;

/**
 * The maintained branches at or above `branch` (nearest first), among `candidates` when given (e.g. the branches
 * a fix was backported to). Going down a branch is never advised: it would drop features the node relies on.
 */
export function maintainedBranchesFrom(branch: string, asOf: Date, candidates?: string[], minRemainingDays = 0): string[] {
  const pool = candidates ?? LONGTERM_BRANCHES.map((b) => b.branch);
  return [...new Set(pool)]
    .filter((b) => compareBranches(b, branch) >= 0 && isBranchMaintained(b, asOf, minRemainingDays))
    .sort(compareBranches);
}
