/**
 * `uname -r` (plus `uname -v` / the oops build tag and the boot banner when known) → what the kernel really is:
 * which upstream stable release it carries, which distro built it, and how much an upstream version range says
 * about it. A RHEL `3.10.0-1062.el7` is 3.10 in name only (thousands of backports); an ELRepo `6.1.1-…elrepo` is
 * exactly 6.1.1. Rules are a table tried in order; the first family whose test matches wins. Never throws.
 */
import { compareVersions } from "./compare-versions";
import {
  DEBIAN_FLAVOURS,
  DEBIAN_RELEASE_BY_BASE,
  RHEL_MINOR_BY_BUILD,
  SUSE_FLAVOURS,
  UBUNTU_FLAVOURS,
  UBUNTU_RELEASE_BY_BASE,
  UEK_RELEASE_BY_BASE,
} from "./distro-tables";

export type KernelFamily =
  | "vanilla"
  | "elrepo"
  | "flatcar"
  | "fedora"
  | "arch"
  | "amazon"
  | "cos"
  | "debian"
  | "ubuntu"
  | "rhel"
  | "suse"
  | "oracle-uek"
  | "android"
  | "unknown";

export type KernelRelease = {
  raw: string;
  /** Upstream stable release `x.y.z` the kernel is built from (nominal for RHEL/SUSE/UEK: see confidence). */
  upstream?: string;
  /** Stable branch `x.y`. */
  branch?: string;
  family: KernelFamily;
  /** Distro release/stream: `7.7`, `8.8`, `9.4`, `22.04`, `15-SP5`, `12`, `2023`, `UEK7`. */
  distroRelease?: string;
  /** Distro package build comparable with distro fixes: `3.10.0-1062.4.1.el7`, `5.15.0-91.101`, `6.1.76-1`. */
  distroBuild?: string;
  /** `rc3` for release candidates: `6.11.0-rc3` predates the 6.11 release and may lack fixes merged during its rcs. */
  prerelease?: string;
  /** 0..1: how meaningful `upstream` is for upstream-range verdicts. */
  confidence: number;
  notes: string[];
};

/** Confidence of `upstream` per family and evidence (distro-kernel-versions.md "Reliability" column). */
const CONFIDENCE = {
  exact: 0.95, // plain upstream + packaging (vanilla, ELRepo)
  high: 0.9, // Flatcar, Fedora, Arch, Debian with package version
  mediumHigh: 0.75, // Amazon, COS, Android GKI: stable + vendor backports
  medium: 0.55, // Ubuntu with the banner's stable base (SAUCE + CVE cherry-picks)
  mediumLow: 0.35, // Oracle UEK: LTS base, stable point invisible
  low: 0.2, // ABI name only (Debian/Ubuntu without build info), SUSE
  minimal: 0.1, // RHEL family: upstream ranges are unusable
  unknown: 0.5,
};

const ARCH_SUFFIX = /\.(x86_64|aarch64|ppc64le|ppc64|s390x|i686|armv7hl)$/;
const UPSTREAM_HEAD = /^(\d+)\.(\d+)(?:\.(\d+))?/;

type Ctx = {
  /** `uname -r` without the RPM arch suffix. */
  release: string;
  build: string;
  banner: string;
  /** `x.y.z` from the head of the release. */
  head?: string;
  headBranch?: string;
};

type FamilyRule = {
  family: KernelFamily;
  /** Whether the rule claims this release. */
  test: (c: Ctx) => boolean;
  parse: (c: Ctx, out: KernelRelease) => void;
};

function headOf(release: string): { head?: string; branch?: string } {
  const m = UPSTREAM_HEAD.exec(release);
  if (!m) return {};
  return { head: `${m[1]}.${m[2]}.${m[3] ?? "0"}`, branch: `${m[1]}.${m[2]}` };
}

/** Upstream taken straight from the head of the release: right for kernels that package stable as-is. */
function headIsUpstream(confidence: number, note?: string) {
  return (c: Ctx, out: KernelRelease) => {
    out.upstream = c.head;
    out.branch = c.headBranch;
    out.confidence = confidence;
    if (note) out.notes.push(note);
  };
}

const RHEL = /^(\d+\.\d+\.\d+)-([\d.]+?)\.el(\d+)(?:_(\d+))?(?:\.|$)/;
const SUSE_CODESTREAM = /^(\d+\.\d+\.\d+)-(15(\d)(\d)\d\d)\.([\d.]+)-([a-z0-9]+)$/;
const SUSE_PLAIN = /^(\d+\.\d+\.\d+)-([\d.]+)-([a-z0-9]+)$/;
const ABI_FLAVOUR = /^(\d+\.\d+\.\d+)-(\d+)-([a-z0-9-]+)$/;
/** `#101-Ubuntu`, `#101~20.04.1-Ubuntu`; linux-lowlatency uploads carry a `.1` of their own (`#40.1~22.04.3-Ubuntu`). */
const UBUNTU_BUILD = /#(\d+(?:\.\d+)?)(~(\d+\.\d+)(?:\.\d+)?)?-Ubuntu/;
const UBUNTU_BANNER = /\(Ubuntu (\d+\.\d+\.\d+-\d+\.\d+(?:~[\d.]+)?)-[a-z0-9-]+ (\d+\.\d+\.\d+)\)/;
const DEBIAN_BUILD = /Debian (\d+\.\d+(?:\.\d+)?-[\w.~+]+)/;

/** Ordered: the most specific markers first (`.elrepo` also carries `.el9`, `el9uek` also carries `el9`). */
const FAMILY_RULES: FamilyRule[] = [
  {
    family: "elrepo",
    test: (c) => /\.elrepo/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.exact)(c, out);
      const el = /\.el(\d+)\.elrepo/.exec(c.release);
      if (el) out.distroRelease = el[1];
      out.notes.push("ELRepo kernel-ml/kernel-lt: plain upstream stable with packaging only");
    },
  },
  {
    family: "oracle-uek",
    test: (c) => /el\d+uek/.test(c.release),
    parse: (c, out) => {
      // UEK keeps `x.y.0` on a longterm base and numbers its own builds: the stable point is not visible.
      out.upstream = c.head;
      out.branch = c.headBranch;
      out.confidence = CONFIDENCE.mediumLow;
      out.distroBuild = c.release;
      const uek = c.headBranch ? UEK_RELEASE_BY_BASE[c.headBranch] : undefined;
      if (uek) out.distroRelease = uek;
      out.notes.push(`Oracle UEK on the ${c.headBranch ?? "?"} longterm base; the stable point release is not visible`);
    },
  },
  {
    family: "fedora",
    test: (c) => /\.fc\d+/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.high)(c, out);
      const fc = /\.fc(\d+)/.exec(c.release);
      if (fc) out.distroRelease = fc[1];
      out.distroBuild = c.release;
      // Rawhide builds of release candidates: `6.11.0-0.rc3.20240815git….fc41`.
      const rc = /-0\.(rc\d+)\./.exec(c.release);
      if (rc) out.prerelease = rc[1];
    },
  },
  {
    family: "amazon",
    test: (c) => /\.amzn\d+/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.mediumHigh, "Amazon Linux tracks stable plus Amazon backports (check ALAS)")(c, out);
      const amzn = /\.amzn(\d+)/.exec(c.release);
      if (amzn) out.distroRelease = amzn[1];
      out.distroBuild = c.release;
    },
  },
  {
    family: "rhel",
    test: (c) => RHEL.test(c.release),
    parse: (c, out) => {
      const m = RHEL.exec(c.release)!;
      const major = m[3];
      out.upstream = m[1];
      out.branch = c.headBranch;
      out.confidence = CONFIDENCE.minimal;
      out.distroBuild = c.release;
      const ga = Number.parseInt(m[2], 10);
      // A z-stream kernel says its minor itself (`.el8_8`); otherwise map the GA build number.
      const minor = m[4] !== undefined ? `${major}.${m[4]}` : RHEL_MINOR_BY_BUILD[major]?.[ga];
      out.distroRelease = minor ?? major;
      if (!minor) out.notes.push(`RHEL ${major} build ${ga} is not in the minor-release table`);
      out.notes.push(
        `RHEL-family kernel (RHEL/CentOS/Rocky/Alma ${major}): ${m[1]} is nominal, fixes arrive as backports — use vendor advisories`,
      );
    },
  },
  {
    family: "flatcar",
    test: (c) => /-flatcar$/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.high)(c, out);
      // Flatcar release notes name the kernel by its upstream version: that is the build distro fixes compare.
      out.distroBuild = c.head;
    },
  },
  {
    family: "arch",
    test: (c) => /-arch\d+-\d+$/.test(c.release) || /-(?:lts|zen\d*|hardened\d*)(?:-\d+)?$/.test(c.release),
    parse: headIsUpstream(CONFIDENCE.high),
  },
  {
    family: "android",
    test: (c) => /-android\d+-\d+/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.mediumHigh, "Android GKI: stable plus Android patches")(c, out);
      const a = /-(android\d+-\d+)/.exec(c.release);
      if (a) out.distroRelease = a[1];
    },
  },
  {
    family: "cos",
    // COS prints just `6.1.85+`; the milestone and build live in /etc/os-release, not in the log.
    test: (c) => /^\d+\.\d+\.\d+\+$/.test(c.release),
    parse: (c, out) => {
      headIsUpstream(CONFIDENCE.mediumHigh, "Container-Optimized OS: longterm stable plus Google backports")(c, out);
      // COS release notes list each build's kernel version (`6.1.85`): distro fixes compare on it.
      out.distroBuild = c.head;
    },
  },
  {
    family: "suse",
    test: (c) => {
      if (SUSE_CODESTREAM.test(c.release)) return true;
      const p = SUSE_PLAIN.exec(c.release);
      // `-default` is SUSE-only; other flavours (`azure`) also end Ubuntu releases, whose ABI field is one integer.
      return Boolean(p && SUSE_FLAVOURS.has(p[3]) && (p[3] === "default" || !/^\d+$/.test(p[2])));
    },
    parse: (c, out) => {
      out.upstream = c.head;
      out.branch = c.headBranch;
      out.confidence = CONFIDENCE.low;
      const s = SUSE_CODESTREAM.exec(c.release);
      if (s) {
        // 1505xx = SLE 15 SP5 codestream, 1504xx = SP4: the third and fourth digits of the codestream number.
        const sp = Number(s[3]) * 10 + Number(s[4]);
        out.distroRelease = sp === 0 ? "15" : `15-SP${sp}`;
        out.distroBuild = `${s[1]}-${s[2]}.${s[5]}`;
        out.notes.push(`SUSE SLE/Leap ${out.distroRelease} codestream, maintenance release ${s[5]}; upstream number is nominal`);
      } else {
        const p = SUSE_PLAIN.exec(c.release)!;
        out.distroBuild = `${p[1]}-${p[2]}`;
        out.notes.push("SUSE kernel (codestream not encoded); upstream number is nominal");
      }
    },
  },
  {
    family: "ubuntu",
    test: (c) => {
      if (UBUNTU_BUILD.test(c.build) || UBUNTU_BANNER.test(c.banner)) return true;
      const m = ABI_FLAVOUR.exec(c.release);
      return Boolean(m && UBUNTU_FLAVOURS.has(m[3]) && !/Debian/.test(c.build + c.banner));
    },
    parse: (c, out) => {
      const abi = ABI_FLAVOUR.exec(c.release);
      const banner = UBUNTU_BANNER.exec(c.banner) ?? UBUNTU_BANNER.exec(c.build);
      const upload = UBUNTU_BUILD.exec(c.build) ?? UBUNTU_BUILD.exec(c.banner);
      out.branch = c.headBranch;
      if (banner) {
        // The banner/version_signature names the package and the stable release it is based on.
        out.distroBuild = banner[1];
        out.upstream = banner[2];
        out.branch = /^(\d+\.\d+)/.exec(banner[2])?.[1];
        out.confidence = CONFIDENCE.medium;
        out.notes.push("Ubuntu kernel: stable base from the banner; SAUCE patches and CVE cherry-picks can be ahead of it");
      } else {
        out.upstream = c.head;
        out.confidence = CONFIDENCE.low;
        if (abi && upload) out.distroBuild = `${abi[1]}-${abi[2]}.${upload[1]}${upload[2] ?? ""}`;
        out.notes.push(
          abi && upload
            ? "Ubuntu kernel: package version from the build tag; the stable base is only in the boot banner"
            : "Ubuntu ABI name only: the package upload (#NNN) and stable base are unknown",
        );
      }
      const hwe = upload?.[3];
      const base = c.headBranch;
      out.distroRelease = hwe ?? (base ? UBUNTU_RELEASE_BY_BASE[base] : undefined);
    },
  },
  {
    family: "debian",
    test: (c) => {
      if (DEBIAN_BUILD.test(c.build) || DEBIAN_BUILD.test(c.banner)) return true;
      const m = ABI_FLAVOUR.exec(c.release);
      return Boolean(m && DEBIAN_FLAVOURS.has(m[3]));
    },
    parse: (c, out) => {
      const pkg = DEBIAN_BUILD.exec(c.build) ?? DEBIAN_BUILD.exec(c.banner);
      out.branch = c.headBranch;
      if (c.headBranch && DEBIAN_RELEASE_BY_BASE[c.headBranch]) out.distroRelease = DEBIAN_RELEASE_BY_BASE[c.headBranch];
      if (pkg) {
        // `6.1.0-18-amd64` is only the ABI name; `Debian 6.1.76-1` is the package, and Debian ships stable points.
        out.distroBuild = pkg[1];
        const up = /^(\d+\.\d+(?:\.\d+)?)/.exec(pkg[1])![1];
        out.upstream = headOf(up).head;
        out.branch = headOf(up).branch;
        out.confidence = CONFIDENCE.high;
      } else {
        out.upstream = c.head;
        out.confidence = CONFIDENCE.low;
        out.notes.push("Debian ABI name only: the package version (`#1 Debian 6.1.76-1`) was not in the log");
      }
    },
  },
  {
    family: "vanilla",
    // `6.1.1`, `6.11.0-rc3`, `6.1.1+`, `5.10.0-custom`: self-built or upstream packaging with a local version.
    test: (c) => /^\d+\.\d+(?:\.\d+)?(?:-rc\d+)?(?:\+|-[\w.+-]+)?$/.test(c.release),
    parse: (c, out) => {
      out.upstream = c.head;
      out.branch = c.headBranch;
      const localVersion = /^\d+\.\d+(?:\.\d+)?(?:-rc\d+)?(.*)$/.exec(c.release)?.[1] ?? "";
      out.confidence = localVersion === "" || localVersion === "+" ? CONFIDENCE.exact : CONFIDENCE.unknown;
      const rc = /-(rc\d+)/.exec(c.release);
      if (rc) {
        out.prerelease = rc[1];
        out.notes.push("release candidate: predates the final release of its version");
      }
      if (localVersion && localVersion !== "+")
        out.notes.push(`local version "${localVersion}": vendor patches unknown`);
    },
  },
];

/** Parse `uname -r`, optionally with `uname -v`/oops build tag (`#101-Ubuntu …`, `#1 … Debian 6.1.76-1`) and banner. */
export function parseKernelRelease(release: string, build?: string, banner?: string): KernelRelease {
  const raw = typeof release === "string" ? release.trim() : "";
  const out: KernelRelease = { raw, family: "unknown", confidence: 0, notes: [] };
  if (!raw) {
    out.notes.push("no kernel release");
    return out;
  }
  const stripped = raw.replace(ARCH_SUFFIX, "");
  const { head, branch } = headOf(stripped);
  const ctx: Ctx = {
    release: stripped,
    build: typeof build === "string" ? build : "",
    banner: typeof banner === "string" ? banner : "",
    head,
    headBranch: branch,
  };
  if (!head) {
    out.notes.push("release does not start with a version number");
    return out;
  }
  for (const rule of FAMILY_RULES) {
    if (!rule.test(ctx)) continue;
    out.family = rule.family;
    rule.parse(ctx, out);
    return out;
  }
  out.upstream = head;
  out.branch = branch;
  out.confidence = CONFIDENCE.unknown * 0.8;
  out.notes.push("unrecognised vendor suffix: upstream version taken from the first three fields");
  return out;
}

/** The RHEL major (`7`) of a parsed RHEL-family release, from `distroRelease` (`7.7`). */
export function rhelMajor(k: KernelRelease): string | undefined {
  return k.family === "rhel" ? k.distroRelease?.split(".")[0] : undefined;
}

/** True when `k.upstream` is at least `version` (false when unknown). */
export function upstreamAtLeast(k: KernelRelease, version: string): boolean {
  return k.upstream !== undefined && compareVersions(k.upstream, version) >= 0;
}
