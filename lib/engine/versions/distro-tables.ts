/**
 * Distro facts needed to read kernel release strings. Sources: /work/shared/research/distro-kernel-versions.md
 * (RHEL build numbers from general knowledge, corroborated by real strings such as 4.18.0-477.*.el8_8,
 * 5.14.0-284.*.el9_2, and — checked for this table in public repositories — 4.18.0-553.*.el8_10,
 * 5.14.0-503.*.el9_5, 5.14.0-570.*.el9_6, 6.12.0-55.*.el10_0; access.redhat.com/articles/3078 is the reference).
 * Z-stream kernels name their minor themselves (`.el8_8`), so the table only matters for GA builds.
 */

/** RHEL-family GA build number (first field of the release) → minor release. Z-stream builds keep the GA number. */
export const RHEL_MINOR_BY_BUILD: Record<string, Record<number, string>> = {
  "7": { 123: "7.0", 229: "7.1", 327: "7.2", 514: "7.3", 693: "7.4", 862: "7.5", 957: "7.6", 1062: "7.7", 1127: "7.8", 1160: "7.9" },
  "8": { 80: "8.0", 147: "8.1", 193: "8.2", 240: "8.3", 305: "8.4", 348: "8.5", 372: "8.6", 425: "8.7", 477: "8.8", 513: "8.9", 553: "8.10" },
  "9": { 70: "9.0", 162: "9.1", 284: "9.2", 362: "9.3", 427: "9.4", 503: "9.5", 570: "9.6" },
  // 10.1+ GA build numbers not confirmed: their z-stream suffix (`.el10_1`) still gives the minor.
  "10": { 55: "10.0" },
};

/** Debian stable releases by kernel ABI base (`6.1.0-18-amd64` → bookworm). */
export const DEBIAN_RELEASE_BY_BASE: Record<string, string> = {
  "4.9": "9",
  "4.19": "10",
  "5.10": "11",
  "6.1": "12",
  "6.12": "13",
};

/** Ubuntu LTS releases by GA kernel base; HWE kernels say their release in the build (`#101~20.04.1-Ubuntu`). */
export const UBUNTU_RELEASE_BY_BASE: Record<string, string> = {
  "4.4": "16.04",
  "4.15": "18.04",
  "5.4": "20.04",
  "5.15": "22.04",
  "6.8": "24.04",
};

/** Oracle UEK generation by kernel base (`5.15.0-…el9uek` is UEK R7). */
export const UEK_RELEASE_BY_BASE: Record<string, string> = {
  "4.1": "UEK4",
  "4.14": "UEK5",
  "5.4": "UEK6",
  "5.15": "UEK7",
  "6.12": "UEK8",
};

/** Kernel flavours that end an Ubuntu `uname -r` (`5.15.0-91-generic`). */
export const UBUNTU_FLAVOURS = new Set([
  "generic", "lowlatency", "aws", "azure", "gcp", "gke", "gkeop", "kvm", "oracle", "ibm", "raspi", "nvidia",
  "intel-iotg", "realtime", "virtual", "generic-lpae", "generic-64k", "oem", "lowlatency-64k", "azure-fde",
  // arm64 and confidential builds of the derivatives (USN kernel tables list them beside their base flavour)
  "aws-64k", "gcp-64k", "gke-64k", "oracle-64k", "nvidia-64k", "nvidia-lowlatency", "nvidia-lowlatency-64k", "gkeop",
  "raspi-realtime", "azure-cvm",
]);

/** Kernel flavours that end a Debian `uname -r` (`6.1.0-18-amd64`). */
export const DEBIAN_FLAVOURS = new Set([
  "amd64", "arm64", "cloud-amd64", "cloud-arm64", "rt-amd64", "rt-arm64", "686", "686-pae", "armmp", "armmp-lpae",
  "powerpc64le", "s390x", "marvell", "rpi", "4kc-malta", "5kc-malta", "octeon", "loongson-3", "mips32r2el",
]);

/** SUSE flavours (`5.14.21-150500.55.39-default`). */
export const SUSE_FLAVOURS = new Set(["default", "azure", "rt", "64kb", "kvmsmall", "vanilla", "debug", "zfcpdump"]);

/**
 * Upstream kernel lines each distro release ships (GA line first, then hardware-enablement / extras lines), for
 * families whose kernels stay on a fixed set of lines. An upgrade is only ever recommended onto one of these:
 * Ubuntu 20.04 has no 6.1 kernel, whatever upstream's longterm table says, and the distro maintains its own lines
 * past upstream end-of-life. Sources: Canonical kernel team docs "HWE kernels" and the Thomas-Krenn wiki's Ubuntu
 * HWE table (GA and last HWE line per LTS); AWS "AL2 supported kernels" (4.14, 5.4, 5.10, 5.15 through
 * amazon-linux-extras) and the AL2023 docs (6.1); Debian: the kernel of each stable release (DEBIAN_RELEASE_BY_BASE).
 */
export const DISTRO_KERNEL_LINES: Record<string, Record<string, string[]>> = {
  ubuntu: {
    "16.04": ["4.4", "4.15"],
    "18.04": ["4.15", "5.4"],
    "20.04": ["5.4", "5.15"],
    "22.04": ["5.15", "6.8"],
    "24.04": ["6.8"],
  },
  debian: { "9": ["4.9"], "10": ["4.19"], "11": ["5.10"], "12": ["6.1"], "13": ["6.12"] },
  amazon: { "2": ["4.14", "5.4", "5.10", "5.15"], "2023": ["6.1"] },
  "oracle-uek": { UEK4: ["4.1"], UEK5: ["4.14"], UEK6: ["5.4"], UEK7: ["5.15"], UEK8: ["6.12"] },
};

/** Human names of kernel families, for sentences ("no Ubuntu 20.04 fixed package is recorded"). */
export const FAMILY_LABEL: Record<string, string> = {
  vanilla: "upstream",
  elrepo: "ELRepo",
  flatcar: "Flatcar",
  fedora: "Fedora",
  arch: "Arch",
  amazon: "Amazon Linux",
  cos: "Container-Optimized OS",
  debian: "Debian",
  ubuntu: "Ubuntu",
  rhel: "RHEL-family",
  suse: "SUSE",
  "oracle-uek": "Oracle UEK",
  android: "Android GKI",
  unknown: "unrecognised",
};
