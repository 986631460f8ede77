/**
 * Verdict and upgrade per distro family, as tables: a distro's own builds decide before upstream versions, the
 * advice names the distro's fixed package when one is recorded, says plainly when only the upstream fix is known,
 * never points at a kernel line the distro does not ship, and never "upgrades" to the running version.
 * The entry below is a fixture (its distro builds are invented for the test, not KB facts).
 */
import { describe, expect, it } from "vitest";
import { parseKernelRelease } from "./parse-kernel-release";
import { adviseOn, entry } from "./test-entries";
import { shippedKernelLines } from "./distro-lines";
import type { KbEntry } from "../../kb/schema";

const AS_OF = new Date("2026-12-01T00:00:00Z");

/** Upstream facts of the fixture bug: mainline 6.11 and a fix on every longterm line. */
const LONGTERM_FIXES = [
  { branch: "6.6", fixed: "6.6.44" },
  { branch: "6.1", fixed: "6.1.103" },
  { branch: "5.15", fixed: "5.15.165" },
  { branch: "5.10", fixed: "5.10.224" },
  { branch: "5.4", fixed: "5.4.282" },
];

const BUG = entry({
  id: "distro-table-bug",
  title: "fixture bug fixed upstream and in several distros",
  summary: "fixture",
  component: "kernel",
  signatures: [{ kind: "title", value: "kernel BUG in fixture", weight: 0.9 }],
  fixes: [
    {
      title: "fixture fix",
      commit: "fa5ef655615a01533035c6139248c5b33aa27028",
      mainline: "6.11",
      branches: LONGTERM_FIXES,
      distros: [
        { distro: "ubuntu", release: "22.04", fixed: "5.15.0-119.129", advisory: "USN-FIXTURE-1" },
        { distro: "ubuntu", release: "20.04", fixed: "5.4.0-195.215" },
        { distro: "rhel", release: "8", fixed: "4.18.0-553.16.1.el8_10", advisory: "RHSA-FIXTURE:8" },
        { distro: "rhel", release: "9", fixed: "5.14.0-427.31.1.el9_4", advisory: "RHSA-FIXTURE:9" },
        { distro: "suse", release: "15-SP5", fixed: "5.14.21-150500.55.73" },
        { distro: "suse", release: "15-SP5", flavours: ["azure"], fixed: "5.14.21-150500.33.63", advisory: "SUSE-SU-FIXTURE-AZURE" },
        { distro: "ubuntu", release: "22.04", flavours: ["aws"], fixed: "5.15.0-1066.72", advisory: "USN-FIXTURE-AWS" },
        { distro: "amazon", release: "2", fixed: "5.10.223-211.872.amzn2", advisory: "ALAS2KERNEL-5.10-FIXTURE" },
        { distro: "amazon", release: "2023", fixed: "6.1.102-108.177.amzn2023" },
        { distro: "cos", release: "*", fixed: "6.1.100", advisory: "cos-109 fixture build" },
        { distro: "flatcar", release: "*", fixed: "6.6.44", advisory: "Flatcar fixture release" },
        { distro: "debian", release: "12", fixed: "6.1.106-1", advisory: "DSA-FIXTURE" },
        { distro: "oracle-uek", release: "UEK7", fixed: "5.15.0-208.159.3.el9uek" },
      ],
    },
  ],
  workarounds: [
    { title: "Ubuntu: edit kdump-tools", commands: ["vi /etc/default/grub.d/kdump-tools.cfg"], distros: ["ubuntu", "debian"] },
    { title: "Any distro: sysctl", commands: ["sysctl -w x=1"] },
    { title: "RHEL: grubby", commands: ["grubby --update-kernel=ALL --args=x"], distros: ["rhel"] },
    { title: "Fedora CoreOS: rpm-ostree kargs", commands: ["rpm-ostree kargs --append=x"], distros: ["fedora"] },
  ],
});

/** Ubuntu 5.15.0-89 style: only broken builds are known. */
const BROKEN_BUILD = entry({
  id: "broken-build-bug",
  title: "fixture regression in one Ubuntu build",
  summary: "fixture",
  component: "kernel",
  signatures: [{ kind: "title", value: "BUG: soft lockup in fixture", weight: 0.9 }],
  fixes: [{ title: "not known", distros: [{ distro: "ubuntu", release: "22.04", affected: ["5.15.0-89"] }] }],
});

/** Incident 5 style: upstream fixes on 6.1, 5.4 and 4.19 only, no distro build recorded. */
const UPSTREAM_ONLY = entry({
  id: "upstream-only-bug",
  title: "fixture fixed upstream only",
  summary: "fixture",
  component: "kernel",
  signatures: [{ kind: "title", value: "fixture upstream only", weight: 0.9 }],
  fixes: [
    {
      title: "fixture",
      mainline: "6.3",
      branches: [
        { branch: "6.1", fixed: "6.1.73" },
        { branch: "5.4", fixed: "5.4.267" },
        { branch: "4.19", fixed: "4.19.305" },
      ],
    },
  ],
});

const ENTRIES = new Map<string, KbEntry>([BUG, BROKEN_BUILD, UPSTREAM_ONLY].map((e) => [e.id, e]));

type Row = {
  release: string;
  build?: string;
  banner?: string;
  status: "affected" | "fixed" | "unknown";
  fixedIn?: string;
  /** Substring of the upgrade text; null: no upgrade at all. */
  upgrade?: string | null;
  kb?: KbEntry;
};

function advise(row: Row) {
  const kernel = parseKernelRelease(row.release, row.build, row.banner);
  return { kernel, ...adviseOn({ kernel, kb: row.kb ?? BUG, entries: ENTRIES, asOf: AS_OF }) };
}

function check(row: Row) {
  const { v, kernel, rec } = advise(row);
  expect(v.status, v.reason).toBe(row.status);
  if (row.fixedIn !== undefined) expect(v.fixedIn, v.reason).toBe(row.fixedIn);
  if (row.upgrade === null) expect(rec.upgrade, rec.upgrade?.text).toBeUndefined();
  else if (row.upgrade !== undefined) expect(rec.upgrade?.text ?? "", rec.summary).toContain(row.upgrade);
  // Invariants every row must keep.
  if (kernel.family === "oracle-uek" && !v.reason.includes("uek")) expect(v.confidence).toBeLessThan(0.5);
  if (rec.upgrade?.from && rec.upgrade.from === rec.upgrade.to) throw new Error(`upgrade to the running version: ${rec.upgrade.text}`);
  if (v.status === "fixed") expect(rec.upgrade).toBeUndefined();
  if (rec.upgrade?.upstreamOnly && kernel.family === "ubuntu") {
    expect(["4.4", "4.15", "5.4", "5.15", "6.8"]).toContain(rec.upgrade.branch);
  }
}

const ubuntu = (abi: string, upload?: string, base?: string, hwe?: string) => ({
  release: `${abi}-generic`,
  build: upload ? `#${upload}${hwe ? `~${hwe}.1` : ""}-Ubuntu SMP` : undefined,
  banner: upload && base ? `(Ubuntu ${abi}.${upload}${hwe ? `~${hwe}.1` : ""}-generic ${base})` : undefined,
});

describe("per-distro verdicts", () => {
  describe("Ubuntu", () => {
    it.each<[string, Row]>([
      ["22.04 build before the Ubuntu fix", { ...ubuntu("5.15.0-91", "101", "5.15.131"), status: "affected", fixedIn: "5.15.0-119.129", upgrade: "5.15.0-91.101 → 5.15.0-119.129 or later (Ubuntu 22.04 package, USN-FIXTURE-1)" }],
      ["22.04 the fixed build itself", { ...ubuntu("5.15.0-119", "129", "5.15.160"), status: "fixed", upgrade: null }],
      ["22.04 a later build", { ...ubuntu("5.15.0-125", "135", "5.15.167"), status: "fixed", upgrade: null }],
      ["22.04 ABI only, older ABI", { release: "5.15.0-91-generic", status: "affected", fixedIn: "5.15.0-119.129", upgrade: "→ 5.15.0-119.129" }],
      ["22.04 ABI only, newer ABI", { release: "5.15.0-125-generic", status: "fixed", upgrade: null }],
      ["22.04 ABI only, same ABI as the fix", { release: "5.15.0-119-generic", status: "unknown", upgrade: null }],
      ["20.04 before the fix", { ...ubuntu("5.4.0-150", "167", "5.4.233"), status: "affected", fixedIn: "5.4.0-195.215", upgrade: "5.4.0-150.167 → 5.4.0-195.215 or later" }],
      ["20.04 after the fix", { ...ubuntu("5.4.0-200", "220", "5.4.284"), status: "fixed", upgrade: null }],
      ["24.04: no Ubuntu record, no fixed 6.8 line upstream → no upgrade", { ...ubuntu("6.8.0-40", "40", "6.8.12"), status: "affected", upgrade: null }],
      ["20.04 HWE 5.15 with the 22.04 record: stream differs, ABI only → unknown", { release: "5.15.0-91-generic", build: "#101~20.04.1-Ubuntu SMP", status: "unknown" }],
      ["22.04 aws (a derivative: ABI 1000+) before the aws build", { release: "5.15.0-1050-aws", status: "affected", fixedIn: "5.15.0-1066.72", upgrade: "→ 5.15.0-1066.72 or later (Ubuntu 22.04 aws package, USN-FIXTURE-AWS)" }],
      ["22.04 aws at the aws build", { release: "5.15.0-1066-aws", build: "#72-Ubuntu SMP", status: "fixed", upgrade: null }],
      ["22.04 aws-64k shares aws's builds", { release: "5.15.0-1070-aws-64k", status: "fixed", upgrade: null }],
      ["22.04 azure: no azure build recorded, and the generic 5.15.0-119 says nothing about ABI 1089", { release: "5.15.0-1089-azure", status: "unknown", upgrade: null }],
      ["22.04 lowlatency shares the generic ABI", { release: "5.15.0-91-lowlatency", status: "affected", fixedIn: "5.15.0-119.129" }],
      ["a build listed as broken is affected although no fix is known", { release: "5.15.0-89-generic", status: "affected", upgrade: null, kb: BROKEN_BUILD }],
      ["a build listed as broken, with upload", { ...ubuntu("5.15.0-89", "99", "5.15.126"), status: "affected", kb: BROKEN_BUILD }],
      ["a build not listed as broken is unknown", { release: "5.15.0-86-generic", status: "unknown", kb: BROKEN_BUILD }],
      ["20.04 (5.4) with an upstream-only fix stays on 5.4 and says so", { ...ubuntu("5.4.0-150", "167", "5.4.233"), status: "affected", fixedIn: "5.4.267", upgrade: "5.4.233 → 5.4.267 or later on 5.4.y — only the upstream fix is known: take an Ubuntu 20.04 kernel whose stable base is 5.4.267", kb: UPSTREAM_ONLY }],
      ["22.04 (5.15) with an upstream fix only on 6.1: the 6.8 HWE line, never 6.1", { ...ubuntu("5.15.0-91", "101", "5.15.131"), status: "affected", fixedIn: "6.8", upgrade: "5.15.131 → 6.8 or later on 6.8.y (the Ubuntu 22.04 6.8 kernel line; no fix on 5.15.y)", kb: UPSTREAM_ONLY }],
      ["18.04 (4.15) with an upstream-only fix: its 5.4 HWE line", { ...ubuntu("4.15.0-213", "224", "4.15.18"), status: "affected", fixedIn: "5.4.267", upgrade: "on 5.4.y (the Ubuntu 18.04 5.4 kernel line", kb: UPSTREAM_ONLY }],
    ])("%s", (_, row) => check(row));

    it("never points an Ubuntu kernel at a line Ubuntu does not ship (6.1.73)", () => {
      for (const row of [ubuntu("5.15.0-91", "101", "5.15.131"), ubuntu("5.4.0-150", "167", "5.4.233"), ubuntu("6.8.0-40", "40", "6.8.12")]) {
        const { rec } = advise({ ...row, status: "affected", kb: UPSTREAM_ONLY });
        expect(rec.summary).not.toMatch(/6\.1\.73/);
      }
    });

    it("never upgrades 'to' the running version (Ubuntu build reported broken although its base has the upstream fix)", () => {
      const regression = entry({
        id: "ubuntu-regression",
        title: "fixture regression",
        summary: "fixture",
        component: "kernel",
        signatures: [{ kind: "title", value: "x", weight: 0.9 }],
        fixes: [
          {
            title: "fixture",
            mainline: "6.6",
            branches: [{ branch: "5.15", fixed: "5.15.131" }],
            distros: [{ distro: "ubuntu", release: "22.04", affected: ["5.15.0-91"] }],
          },
        ],
      });
      ENTRIES.set(regression.id, regression);
      const { v, rec } = advise({ ...ubuntu("5.15.0-91", "101", "5.15.131"), status: "affected", kb: regression });
      expect(v.reason).toMatch(/build reported affected \(5\.15\.0-91\)/);
      expect(rec.upgrade?.text ?? "").not.toMatch(/5\.15\.131 → 5\.15\.131/);
      expect(rec.summary).not.toMatch(/→ 5\.15\.131 or later on 5\.15\.y/);
    });

    it("says plainly when no line of the distro release carries the fix", () => {
      const { rec, v } = advise({ ...ubuntu("6.8.0-40", "40", "6.8.12"), status: "affected" });
      expect(v.reason).toMatch(/no Ubuntu 24\.04 kernel line carries it/);
      expect(rec.summary).toMatch(/no Ubuntu 24\.04 kernel line is known to carry the fix/);
    });
  });

  describe("RHEL family", () => {
    it.each<[string, Row]>([
      ["8.8 z-stream before the 8 fix", { release: "4.18.0-477.27.1.el8_8.x86_64", status: "affected", fixedIn: "4.18.0-553.16.1.el8_10", upgrade: "4.18.0-477.27.1.el8_8 → 4.18.0-553.16.1.el8_10 or later (RHEL-family 8 package, RHSA-FIXTURE:8)" }],
      ["8.10 the fixed build", { release: "4.18.0-553.16.1.el8_10.x86_64", status: "fixed", upgrade: null }],
      ["8.10 a later build", { release: "4.18.0-553.22.1.el8_10.x86_64", status: "fixed", upgrade: null }],
      ["8.10 an earlier z-stream", { release: "4.18.0-553.5.1.el8_10.x86_64", status: "affected", fixedIn: "4.18.0-553.16.1.el8_10" }],
      ["8.10 GA", { release: "4.18.0-553.el8_10.x86_64", status: "affected" }],
      ["9.3 before the 9 fix", { release: "5.14.0-362.8.1.el9_3.x86_64", status: "affected", fixedIn: "5.14.0-427.31.1.el9_4" }],
      ["9.5 after the 9 fix", { release: "5.14.0-503.11.1.el9_5.x86_64", status: "fixed", upgrade: null }],
      ["9.0 GA", { release: "5.14.0-70.13.1.el9_0.x86_64", status: "affected" }],
      ["7.9: no RHEL 7 record → unknown, no upstream target", { release: "3.10.0-1160.el7.x86_64", status: "unknown", upgrade: null }],
      ["7.5 CentOS: no record → unknown", { release: "3.10.0-862.el7.x86_64", status: "unknown", upgrade: null }],
      ["Rocky 8.6 z-stream", { release: "4.18.0-372.26.1.el8_6.x86_64", status: "affected", upgrade: "4.18.0-553.16.1.el8_10" }],
    ])("%s", (_, row) => check(row));

    it("says why a RHEL 7 kernel cannot be judged from upstream versions", () => {
      const { v } = advise({ release: "3.10.0-1160.el7.x86_64", status: "unknown" });
      expect(v.reason).toMatch(/vendor advisory/);
    });
  });

  describe("SUSE", () => {
    it.each<[string, Row]>([
      ["SP5 before the fix", { release: "5.14.21-150500.55.39-default", status: "affected", fixedIn: "5.14.21-150500.55.73", upgrade: "→ 5.14.21-150500.55.73 or later (SUSE 15-SP5 package)" }],
      ["SP5 at the fix", { release: "5.14.21-150500.55.73-default", status: "fixed", upgrade: null }],
      ["SP5 after the fix", { release: "5.14.21-150500.55.80-default", status: "fixed" }],
      ["SP5 much earlier", { release: "5.14.21-150500.53.2-default", status: "affected" }],
      ["SP5 azure (its own codestream) before the azure build", { release: "5.14.21-150500.33.60-azure", status: "affected", fixedIn: "5.14.21-150500.33.63", upgrade: "5.14.21-150500.33.60 → 5.14.21-150500.33.63 or later (SUSE 15-SP5 azure package, SUSE-SU-FIXTURE-AZURE)" }],
      ["SP5 azure at the azure build", { release: "5.14.21-150500.33.63-azure", status: "fixed", upgrade: null }],
      ["SP5 rt: its own codestream, and no rt build is recorded → unknown, never the -default build's verdict", { release: "5.14.21-150500.13.30-rt", status: "unknown", upgrade: null }],
      ["SP4: no record → unknown", { release: "5.14.21-150400.24.100-default", status: "unknown", upgrade: null }],
      ["SP6: no record → unknown", { release: "6.4.0-150600.23.25-default", status: "unknown", upgrade: null }],
      ["SP3: no record → unknown", { release: "5.3.18-150300.59.118-default", status: "unknown", upgrade: null }],
      ["SP5 one build before", { release: "5.14.21-150500.55.68-default", status: "affected" }],
      ["SP5 rt flavour later", { release: "5.14.21-150500.55.83-default", status: "fixed" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Amazon Linux", () => {
    it.each<[string, Row]>([
      ["AL2 5.10 before the fix", { release: "5.10.210-201.852.amzn2.x86_64", status: "affected", fixedIn: "5.10.223-211.872.amzn2", upgrade: "5.10.210-201.852.amzn2 → 5.10.223-211.872.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.10-FIXTURE)" }],
      ["AL2 5.10 the fixed build", { release: "5.10.223-211.872.amzn2.x86_64", status: "fixed", upgrade: null }],
      ["AL2 5.10 later", { release: "5.10.230-223.885.amzn2.x86_64", status: "fixed" }],
      ["AL2023 6.1 before", { release: "6.1.97-104.177.amzn2023.x86_64", status: "affected", fixedIn: "6.1.102-108.177.amzn2023" }],
      ["AL2023 6.1 at the fix", { release: "6.1.102-108.177.amzn2023.x86_64", status: "fixed" }],
      ["AL2 5.15 (no Amazon record): upstream, stays on AL2 lines", { release: "5.15.150-100.200.amzn2.x86_64", status: "affected", fixedIn: "5.15.165", upgrade: "5.15.150 → 5.15.165 or later on 5.15.y — only the upstream fix is known" }],
      ["AL2 5.15 after upstream", { release: "5.15.170-110.200.amzn2.x86_64", status: "fixed" }],
      ["AL2 4.14: no fix on 4.14, next AL2 line 5.4", { release: "4.14.336-253.554.amzn2.x86_64", status: "affected", upgrade: "on 5.4.y (the Amazon Linux 2 5.4 kernel line; no fix on 4.14.y)" }],
      ["AL2 5.4 before upstream", { release: "5.4.270-180.370.amzn2.x86_64", status: "affected", fixedIn: "5.4.282" }],
      ["AL2 5.4 after upstream", { release: "5.4.290-190.380.amzn2.x86_64", status: "fixed" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Container-Optimized OS", () => {
    it.each<[string, Row]>([
      ["6.1 before the COS build", { release: "6.1.85+", status: "affected", fixedIn: "6.1.100", upgrade: "6.1.85 → 6.1.100 or later (Container-Optimized OS package, cos-109 fixture build)" }],
      ["6.1 at the COS build (before upstream's 6.1.103)", { release: "6.1.100+", status: "fixed", upgrade: null }],
      ["6.1 later", { release: "6.1.112+", status: "fixed" }],
      ["6.1 just before", { release: "6.1.99+", status: "affected", fixedIn: "6.1.100" }],
      ["5.15: upstream only", { release: "5.15.146+", status: "affected", fixedIn: "5.15.165", upgrade: "only the upstream fix is known" }],
      ["6.6 upstream affected", { release: "6.6.30+", status: "affected", fixedIn: "6.6.44" }],
      ["6.6 upstream fixed", { release: "6.6.50+", status: "fixed" }],
      ["5.10 upstream affected", { release: "5.10.100+", status: "affected", fixedIn: "5.10.224" }],
      ["5.4 upstream affected, stays on its line", { release: "5.4.89+", status: "affected", upgrade: "5.4.89 → 5.4.282 or later on 5.4.y" }],
      ["6.12 after mainline", { release: "6.12.5+", status: "fixed" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Flatcar", () => {
    it.each<[string, Row]>([
      ["6.6 before the Flatcar release", { release: "6.6.30-flatcar", status: "affected", fixedIn: "6.6.44", upgrade: "Flatcar fixture release" }],
      ["6.6 at it", { release: "6.6.44-flatcar", status: "fixed", upgrade: null }],
      ["6.6 after", { release: "6.6.60-flatcar", status: "fixed" }],
      ["5.15 upstream", { release: "5.15.70-flatcar", status: "affected", fixedIn: "5.15.165", upgrade: "5.15.70 → 5.15.165 or later on 5.15.y" }],
      ["5.15 upstream fixed", { release: "5.15.170-flatcar", status: "fixed" }],
      ["6.1 upstream", { release: "6.1.90-flatcar", status: "affected", fixedIn: "6.1.103" }],
      ["6.1 upstream fixed", { release: "6.1.110-flatcar", status: "fixed" }],
      ["5.10 upstream", { release: "5.10.100-flatcar", status: "affected", fixedIn: "5.10.224" }],
      ["6.12 fixed by mainline", { release: "6.12.10-flatcar", status: "fixed" }],
      ["Flatcar is not a vendor kernel: no 'only upstream' caveat", { release: "6.1.90-flatcar", status: "affected", upgrade: "6.1.90 → 6.1.103 or later on 6.1.y" }],
    ])("%s", (_, row) => check(row));
  });

  describe("ELRepo", () => {
    it.each<[string, Row]>([
      ["6.1.1 (incident 1)", { release: "6.1.1-1.el9.elrepo.x86_64", status: "affected", fixedIn: "6.1.103", upgrade: "6.1.1 → 6.1.103 or later on 6.1.y" }],
      ["6.1.110", { release: "6.1.110-1.el9.elrepo.x86_64", status: "fixed", upgrade: null }],
      ["6.1.103 exactly", { release: "6.1.103-1.el9.elrepo.x86_64", status: "fixed" }],
      ["5.16.16 (no backport)", { release: "5.16.16-1.el7.elrepo.x86_64", status: "affected", fixedIn: "6.1.103" }],
      ["6.6.30 kernel-ml", { release: "6.6.30-1.el9.elrepo.x86_64", status: "affected", fixedIn: "6.6.44" }],
      ["6.12.1 kernel-ml", { release: "6.12.1-1.el9.elrepo.x86_64", status: "fixed" }],
      ["5.15.160 kernel-lt", { release: "5.15.160-1.el8.elrepo.x86_64", status: "affected", fixedIn: "5.15.165" }],
      ["5.15.170 kernel-lt", { release: "5.15.170-1.el8.elrepo.x86_64", status: "fixed" }],
      ["5.4.282 kernel-lt exactly", { release: "5.4.282-1.el7.elrepo.x86_64", status: "fixed" }],
      ["5.4.100 kernel-lt (EOL line) moves to a maintained line", { release: "5.4.100-1.el7.elrepo.x86_64", status: "affected", upgrade: "5.4.y is end-of-life" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Debian", () => {
    it.each<[string, Row]>([
      ["12 before the Debian package", { release: "6.1.0-18-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)", status: "affected", fixedIn: "6.1.106-1", upgrade: "6.1.76-1 → 6.1.106-1 or later (Debian 12 package, DSA-FIXTURE)" }],
      ["12 at the package", { release: "6.1.0-25-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-1", status: "fixed", upgrade: null }],
      ["12 later", { release: "6.1.0-28-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1", status: "fixed" }],
      ["12 ABI only → unknown", { release: "6.1.0-18-amd64", status: "unknown", upgrade: null }],
      ["11 (no Debian record): upstream, stays on 5.10", { release: "5.10.0-28-amd64", build: "#1 SMP Debian 5.10.209-2", status: "affected", fixedIn: "5.10.224", upgrade: "5.10.209 → 5.10.224 or later on 5.10.y — only the upstream fix is known" }],
      ["11 after upstream", { release: "5.10.0-32-amd64", build: "#1 SMP Debian 5.10.226-1", status: "fixed" }],
      ["13 (6.12) after mainline", { release: "6.12.9-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.12.9-1", status: "fixed" }],
      ["10 (4.19): no fix on 4.19 → no advice onto a line Debian 10 does not ship", { release: "4.19.0-26-amd64", build: "#1 SMP Debian 4.19.304-1", status: "affected", upgrade: null }],
      ["12 cloud flavour before", { release: "6.1.0-18-cloud-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1", status: "affected" }],
      ["12 arm64 after", { release: "6.1.0-25-arm64", build: "#1 SMP Debian 6.1.106-3", status: "fixed" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Oracle UEK", () => {
    it.each<[string, Row]>([
      ["UEK7 before", { release: "5.15.0-205.149.5.1.el9uek.x86_64", status: "affected", fixedIn: "5.15.0-208.159.3.el9uek" }],
      ["UEK7 at", { release: "5.15.0-208.159.3.el9uek.x86_64", status: "fixed" }],
      ["UEK7 after", { release: "5.15.0-300.163.18.el9uek.x86_64", status: "fixed" }],
      ["UEK7 el8 build before", { release: "5.15.0-100.96.32.el8uek.x86_64", status: "affected" }],
      ["UEK7 el8 build of the fixed number (one UEK build for every OL release)", { release: "5.15.0-208.159.3.el8uek.x86_64", status: "fixed", upgrade: null }],
      ["UEK6: no record → upstream range, low confidence", { release: "5.4.17-2136.330.7.1.el8uek.x86_64", status: "affected" }],
      ["UEK7 upgrade names the UEK build", { release: "5.15.0-205.149.5.1.el9uek.x86_64", status: "affected", upgrade: "→ 5.15.0-208.159.3.el9uek or later (Oracle UEK UEK7 package)" }],
      ["UEK7 fixed: no upgrade", { release: "5.15.0-209.161.7.el9uek.x86_64", status: "fixed", upgrade: null }],
      ["UEK7 just before", { release: "5.15.0-208.159.2.el9uek.x86_64", status: "affected" }],
      ["UEK8: no record", { release: "6.12.0-0.20.20.el9uek.x86_64", status: "fixed" }],
      ["UEK5: no record, no fix on any UEK line → no advice", { release: "4.14.35-2047.540.4.el7uek.x86_64", status: "affected", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("when only the upstream fix is known", () => {
    const upstreamFixed = entry({
      id: "upstream-fixed-bug",
      title: "fixture fixed upstream on every longterm line, no distro build recorded",
      summary: "fixture",
      component: "kernel",
      signatures: [{ kind: "title", value: "fixture upstream fixed", weight: 0.9 }],
      fixes: [{ title: "fixture", mainline: "6.11", branches: LONGTERM_FIXES }],
    });
    ENTRIES.set(upstreamFixed.id, upstreamFixed);
    it.each<[string, Row]>([
      ["Ubuntu 24.04 6.8 (upstream 6.8.y got no fix)", { ...ubuntu("6.8.0-40", "40", "6.8.12"), status: "affected" }],
      ["Ubuntu 24.04 ABI only", { release: "6.8.0-40-generic", status: "unknown" }],
      ["Ubuntu 22.04 aws derivative", { release: "5.15.0-1070-aws", status: "unknown" }],
      ["SUSE 15 SP5", { release: "5.14.21-150500.55.39-default", status: "unknown" }],
      ["SUSE 15 SP6", { release: "6.4.0-150600.23.25-default", status: "unknown" }],
      ["SUSE 15 SP6 rt", { release: "6.4.0-150600.10.8-rt", status: "unknown" }],
      ["RHEL 8.10", { release: "4.18.0-553.el8_10.x86_64", status: "unknown" }],
      ["COS 6.1", { release: "6.1.85+", status: "affected", upgrade: "on 6.1.y" }],
      ["Amazon Linux 2023", { release: "6.1.79-99.164.amzn2023.x86_64", status: "affected", upgrade: "on 6.1.y" }],
      ["Oracle UEK7", { release: "5.15.0-205.149.5.1.el9uek.x86_64", status: "affected", upgrade: "on 5.15.y" }],
      ["Oracle UEK6", { release: "5.4.17-2136.330.7.1.el8uek.x86_64", status: "affected", upgrade: "on 5.4.y" }],
      ["Debian 11", { release: "5.10.0-28-amd64", build: "#1 SMP Debian 5.10.209-2", status: "affected", upgrade: "on 5.10.y" }],
    ])("%s: says plainly that only the upstream fix is known, and names no line the distro does not ship", (_, row) => {
      const kb = upstreamFixed;
      const { v, kernel, rec } = advise({ ...row, kb });
      expect(v.status, v.reason).toBe(row.status);
      expect(rec.summary).toMatch(/only the upstream fix is known/);
      // The distro's own fixed package is never claimed.
      expect(rec.upgrade?.upstreamOnly ?? true, rec.upgrade?.text).toBe(true);
      if (row.upgrade) expect(rec.upgrade?.text ?? "", rec.summary).toContain(row.upgrade);
      const lines = shippedKernelLines(kernel);
      if (rec.upgrade?.branch && lines) expect(lines, rec.upgrade.text).toContain(rec.upgrade.branch);
      if (v.status !== "affected") expect(rec.upgrade, rec.upgrade?.text).toBeUndefined();
    });
  });

  describe("COS and Flatcar with no build of theirs recorded: the upstream stable version decides", () => {
    const upstreamFixed = ENTRIES.get("upstream-fixed-bug")!;
    type UpstreamRow = { release: string; status: "affected" | "fixed"; fixedIn?: string; upgrade?: string };
    const judgeUpstream = (row: UpstreamRow) => {
      const kernel = parseKernelRelease(row.release);
      const out = adviseOn({ kernel, kb: upstreamFixed, entries: ENTRIES, asOf: AS_OF });
      expect(out.v.status, out.v.reason).toBe(row.status);
      if (row.fixedIn) expect(out.v.fixedIn, out.v.reason).toBe(row.fixedIn);
      if (row.upgrade) expect(out.rec.upgrade?.text ?? "", out.rec.summary).toContain(row.upgrade);
      if (row.status === "fixed") expect(out.rec.upgrade, out.rec.upgrade?.text).toBeUndefined();
      const lines = shippedKernelLines(kernel);
      if (out.rec.upgrade?.branch && lines) expect(lines, out.rec.upgrade.text).toContain(out.rec.upgrade.branch);
      return { kernel, ...out };
    };

    // COS patches its own kernels: an upstream number is the stable base, not a COS build, so the advice says so.
    it.each<[string, UpstreamRow]>([
      ["6.1.85+ before 6.1.103", { release: "6.1.85+", status: "affected", fixedIn: "6.1.103", upgrade: "6.1.85 → 6.1.103 or later on 6.1.y" }],
      ["6.1.102+ just before", { release: "6.1.102+", status: "affected", fixedIn: "6.1.103" }],
      ["6.1.103+ at the stable fix", { release: "6.1.103+", status: "fixed" }],
      ["6.1.112+ after", { release: "6.1.112+", status: "fixed" }],
      ["5.15.146+ before 5.15.165", { release: "5.15.146+", status: "affected", fixedIn: "5.15.165", upgrade: "on 5.15.y" }],
      ["5.15.165+ at the stable fix", { release: "5.15.165+", status: "fixed" }],
      ["6.6.30+ before 6.6.44", { release: "6.6.30+", status: "affected", fixedIn: "6.6.44", upgrade: "on 6.6.y" }],
      ["6.6.44+ at the stable fix", { release: "6.6.44+", status: "fixed" }],
      ["5.10.100+ before 5.10.224", { release: "5.10.100+", status: "affected", fixedIn: "5.10.224", upgrade: "on 5.10.y" }],
      ["5.4.89+ stays on the line COS ships", { release: "5.4.89+", status: "affected", fixedIn: "5.4.282", upgrade: "5.4.89 → 5.4.282 or later on 5.4.y" }],
      ["6.12.5+ after mainline 6.11", { release: "6.12.5+", status: "fixed" }],
    ])("COS %s", (_, row) => {
      const { kernel, rec } = judgeUpstream(row);
      expect(kernel.family).toBe("cos");
      if (row.status === "affected") {
        expect(rec.summary).toMatch(/only the upstream fix is known/);
        expect(rec.upgrade?.upstreamOnly, rec.upgrade?.text).toBe(true);
        expect(rec.upgrade?.text).toContain("no Container-Optimized OS fixed package is recorded");
      }
    });

    // Flatcar ships upstream stable releases as they are: the upstream version is its kernel, no caveat is owed.
    it.each<[string, UpstreamRow]>([
      ["6.6.30 before 6.6.44", { release: "6.6.30-flatcar", status: "affected", fixedIn: "6.6.44", upgrade: "6.6.30 → 6.6.44 or later on 6.6.y" }],
      ["6.6.43 just before", { release: "6.6.43-flatcar", status: "affected", fixedIn: "6.6.44" }],
      ["6.6.44 at the stable fix", { release: "6.6.44-flatcar", status: "fixed" }],
      ["6.6.60 after", { release: "6.6.60-flatcar", status: "fixed" }],
      ["6.1.90 before 6.1.103", { release: "6.1.90-flatcar", status: "affected", fixedIn: "6.1.103", upgrade: "on 6.1.y" }],
      ["6.1.103 at the stable fix", { release: "6.1.103-flatcar", status: "fixed" }],
      ["5.15.70 before 5.15.165", { release: "5.15.70-flatcar", status: "affected", fixedIn: "5.15.165", upgrade: "on 5.15.y" }],
      ["5.10.100 before 5.10.224", { release: "5.10.100-flatcar", status: "affected", fixedIn: "5.10.224", upgrade: "on 5.10.y" }],
      ["5.4.100 (end-of-life line) moves to a maintained line", { release: "5.4.100-flatcar", status: "affected", upgrade: "5.4.y is end-of-life" }],
      ["6.9.3 (no fix on 6.9.y) moves to a longterm line", { release: "6.9.3-flatcar", status: "affected", upgrade: "no fix on 6.9.y" }],
      ["6.12.10 after mainline 6.11", { release: "6.12.10-flatcar", status: "fixed" }],
    ])("Flatcar %s", (_, row) => {
      const { kernel, rec } = judgeUpstream(row);
      expect(kernel.family).toBe("flatcar");
      expect(rec.upgrade?.upstreamOnly ?? false, rec.upgrade?.text).toBe(false);
      expect(rec.summary).not.toMatch(/only the upstream fix is known/);
    });
  });

  describe("workarounds", () => {
    it.each([
      ["6.5.5-200.fc38.x86_64", "Fedora CoreOS: rpm-ostree kargs"],
      ["5.15.0-91-generic", "Ubuntu: edit kdump-tools"],
      ["6.1.0-18-amd64", "Ubuntu: edit kdump-tools"],
      ["3.10.0-1160.el7.x86_64", "RHEL: grubby"],
      ["6.1.1", "Any distro: sysctl"],
    ])("%s gets its own distro's workaround first", (release, first) => {
      const { rec } = advise({ release, status: "affected" });
      expect(rec.workarounds[0].title).toBe(first);
      // Other distros' commands come last, never before the neutral ones.
      const neutral = rec.workarounds.findIndex((w) => !w.distros);
      expect(neutral).toBeLessThanOrEqual(1);
    });
  });
});
