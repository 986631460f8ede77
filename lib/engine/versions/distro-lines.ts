/**
 * Which upstream kernel lines a node can move to without leaving its distro. Families with fixed lines per release
 * (Ubuntu, Debian, Amazon Linux, Oracle UEK) maintain those lines past upstream end-of-life and ship no others;
 * other vendor kernels (COS, SUSE, Android…) are only known to ship their own line; upstream-following families
 * (vanilla, ELRepo, Fedora, Arch, Flatcar) can take any maintained upstream line.
 */
import { DISTRO_KERNEL_LINES } from "./distro-tables";
import type { KernelFamily, KernelRelease } from "./parse-kernel-release";

/** Families that patch and number their own kernels: an upstream version is not their package. */
export const VENDOR_FAMILIES: ReadonlySet<KernelFamily> = new Set<KernelFamily>([
  "ubuntu",
  "debian",
  "amazon",
  "cos",
  "oracle-uek",
  "android",
  "suse",
  "rhel",
]);

/** The upstream lines the node's distro release ships, or undefined for families that follow upstream. */
export function shippedKernelLines(kernel: KernelRelease): string[] | undefined {
  const table = DISTRO_KERNEL_LINES[kernel.family];
  if (!table) return VENDOR_FAMILIES.has(kernel.family) && kernel.branch ? [kernel.branch] : undefined;
  const lines = kernel.distroRelease ? table[kernel.distroRelease] : undefined;
  // A release the table does not know: only the node's own line is certain to exist.
  return lines ?? (kernel.branch ? [kernel.branch] : undefined);
}
