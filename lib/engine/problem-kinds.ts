/** Which findings are node problems (folded one-line events) rather than crash reports. */
import type { Finding } from "./types";

/** Kinds the problem-event table (and kdump checks) produce: node problems rather than crash reports. */
export const PROBLEM_KINDS: ReadonlySet<Finding["kind"]> = new Set<Finding["kind"]>([
  "netdev-refcount",
  "route-cache-full",
  "slab-alloc-failure",
  "page-alloc-failure",
  "conntrack-full",
  "neighbour-overflow",
  "fs-error",
  "io-error",
  "kdump-failure",
  "pleg-unhealthy",
  "oom",
  "mce",
  "other",
]);

/** One-line problems (folded events) as opposed to crash reports. */
export function isProblemEvent(f: Finding): boolean {
  return PROBLEM_KINDS.has(f.kind) && f.frames.length === 0;
}

