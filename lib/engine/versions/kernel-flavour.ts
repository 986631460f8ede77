/**
 * Kernel flavours whose builds are numbered on their own. An Ubuntu derivative kernel (`-aws`, `-azure`, `-gcp`,
 * `-oracle`, `-ibm`, `-nvidia`, `-raspi`, older `-kvm`) has an ABI of 1000 or more and its own uploads: 5.15.0-1070-aws
 * says nothing about the generic 5.15.0-125. SUSE's Azure and real-time kernels come from codestreams of their own
 * (150500.33.x, 150600.10.x) beside `-default` (150500.55.x). A distro build recorded for one kernel line applies only
 * to that line. Pure.
 */
import type { KernelRelease } from "./parse-kernel-release";

/** Ubuntu ABIs at or above this belong to derivative kernels (linux-aws, linux-azure …). */
const UBUNTU_DERIVATIVE_ABI = 1000;

/** SUSE flavours built from a codestream of their own; the others (`default`, `64kb`, `kvmsmall`…) share `-default`'s. */
const SUSE_OWN_CODESTREAM = new Set(["azure", "rt"]);

/** The flavour a release ends with (`aws`, `generic`, `lowlatency-64k`, `default`, `rt`), for Ubuntu and SUSE kernels. */
export function kernelFlavour(kernel: KernelRelease): string | undefined {
  if (kernel.family !== "ubuntu" && kernel.family !== "suse") return undefined;
  const raw = kernel.raw.replace(/\.(x86_64|aarch64|ppc64le|s390x)$/, "");
  return /^\d+\.\d+\.\d+-[\d.]+-([a-z][a-z0-9-]*)$/.exec(raw)?.[1];
}

/** `aws-64k` and `azure-fde` are packaged beside `aws` and `azure` with the same build numbers. */
function flavourLine(flavour: string): string {
  return flavour.replace(/-(64k|fde)$/, "");
}

/**
 * Whether a distro build recorded for `flavours` (absent: the distro's main kernel line) can judge this kernel.
 * A kernel whose flavour cannot be read is judged by main-line records, as before flavours were recorded.
 */
export function matchesKernelLine(kernel: KernelRelease, flavours: string[] | undefined): boolean {
  const flavour = kernelFlavour(kernel);
  if (flavours && flavours.length > 0) return flavour !== undefined && flavours.some((f) => flavourLine(f) === flavourLine(flavour));
  if (kernel.family === "ubuntu") {
    const abi = /^\d+\.\d+\.\d+-(\d+)/.exec(kernel.distroBuild ?? kernel.raw)?.[1];
    return abi === undefined || Number(abi) < UBUNTU_DERIVATIVE_ABI;
  }
  if (kernel.family === "suse") return flavour === undefined || !SUSE_OWN_CODESTREAM.has(flavour);
  return true;
}
