/**
 * Kernel taint flags (`Tainted: G    B   W  OE`) decoded into descriptions.
 * Letters and meanings follow the kernel's Documentation/admin-guide/tainted-kernels.rst; the two RHEL-only letters
 * come from Red Hat kernels, which also print `-` for their unset flags (`GF  O--------------`).
 */
import type { Taint } from "../types";

/** One row per taint letter the kernel (or a distro kernel) prints. */
export const TAINT_FLAGS: Readonly<Record<string, string>> = {
  P: "proprietary module was loaded",
  F: "module was force loaded",
  S: "kernel running on an out-of-specification system",
  R: "module was force unloaded",
  M: "processor reported a Machine Check Exception (MCE)",
  B: "bad page referenced or unexpected page flags",
  U: "taint requested by a user-space application",
  D: "kernel died recently (OOPS or BUG)",
  A: "ACPI table overridden by user",
  W: "kernel issued a warning",
  C: "staging driver was loaded",
  I: "workaround for a platform firmware bug applied",
  O: "externally-built (out-of-tree) module was loaded",
  E: "unsigned module was loaded",
  L: "soft lockup occurred",
  K: "kernel has been live patched",
  X: "auxiliary taint (distribution-defined)",
  T: "kernel built with the struct randomization plugin",
  N: "in-kernel test has been run",
  J: "user space used a mutating debug operation in fwctl",
  // Red Hat kernels only.
  H: "unsupported hardware (RHEL)",
  t: "technology preview code was loaded (RHEL)",
};

/**
 * Decode a taint string as printed after `Tainted:` (`P           O`, `GF  O-----`, `G W`) or the bracketed
 * form of newer kernels (`[W]=WARN, [O]=OOT_MODULE`). `G` only says "no proprietary module": it is kept in
 * `flags` but not decoded. Unknown letters are decoded as such rather than dropped. Never throws.
 */
export function decodeTaint(flags: string): Taint {
  const bracketed = [...flags.matchAll(/\[([A-Za-z])\]=/g)].map((m) => m[1]);
  const letters = bracketed.length > 0 ? bracketed : [...flags.replace(/[^A-Za-z]/g, "")];
  const kept = letters.join("");
  const decoded: string[] = [];
  const seen = new Set<string>();
  for (const letter of letters) {
    if (letter === "G" || seen.has(letter)) continue;
    seen.add(letter);
    const meaning = TAINT_FLAGS[letter];
    decoded.push(`${letter}: ${meaning ?? "unknown taint flag"}`);
  }
  return { flags: kept, decoded };
}

/** The set taint letters of a decoded taint (without `G`). */
export function taintLetters(taint: Taint): string[] {
  return taint.decoded.map((d) => d.charAt(0));
}
