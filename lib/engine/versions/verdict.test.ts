import { describe, expect, it } from "vitest";
import { computeVerdict } from "./verdict";
import { parseKernelRelease } from "./parse-kernel-release";
import {
  CILIUM_DIRECT_ROUTING_PANIC,
  CVE_2020_36776,
  FNHE_REBIND,
  RHEL7_KMEM_ACCOUNTING,
  SKB_SEGMENT_GSO_BUG,
  entry,
} from "./test-entries";

const k = (release: string, build?: string, banner?: string) => parseKernelRelease(release, build, banner);

describe("computeVerdict: upstream ranges", () => {
  it("ELRepo 6.1.1 is affected, fixed in 6.1.103 on 6.1.y", () => {
    const v = computeVerdict({ kernel: k("6.1.1-1.el9.elrepo.x86_64"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("affected");
    expect(v.fixedIn).toBe("6.1.103");
    expect(v.reason).toBe("6.1.1 is below 6.1.103, the first fixed release on 6.1.y");
    expect(v.confidence).toBeGreaterThan(0.85);
  });

  it("ELRepo 6.1.110 is fixed", () => {
    const v = computeVerdict({ kernel: k("6.1.110-1.el9.elrepo.x86_64"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("fixed");
    expect(v.reason).toMatch(/6\.1\.110 is at or above 6\.1\.103/);
  });

  it("a related fix (6.1.2) does not decide the verdict", () => {
    const v = computeVerdict({ kernel: k("6.1.50"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("affected");
    expect(v.fixedIn).toBe("6.1.103");
  });

  it.each([
    ["6.6.43", "affected", "6.6.44"],
    ["6.6.44", "fixed", "6.6.44"],
    ["5.15.70-flatcar", "affected", "5.15.165"],
    ["6.11.2", "fixed", "6.11"],
    ["6.12.5", "fixed", "6.11"],
  ] as const)("%s → %s", (release, status, fixedIn) => {
    const v = computeVerdict({ kernel: k(release), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe(status);
    expect(v.fixedIn).toBe(fixedIn);
  });

  it("a release candidate of the fixing release may predate the fix", () => {
    const v = computeVerdict({ kernel: k("6.11.0-rc3"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("unknown");
    expect(v.reason).toMatch(/6\.11-rc3 is a release candidate of 6\.11/);
    expect(computeVerdict({ kernel: k("6.12.0-rc1"), entry: SKB_SEGMENT_GSO_BUG }).status).toBe("fixed");
  });

  it("a branch without a backport is affected and points at the next fixed branch", () => {
    const v = computeVerdict({ kernel: k("5.16.16-1.el7.elrepo.x86_64"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("affected");
    expect(v.fixedIn).toBe("6.1.103");
    expect(v.reason).toMatch(/no fix was backported to 5\.16\.y/);
  });

  it("stable-only introduction: a 4.14 kernel below the backported bug is not affected (CVE-2020-36776)", () => {
    expect(computeVerdict({ kernel: k("4.14.100"), entry: CVE_2020_36776 }).status).toBe("fixed");
    const hit = computeVerdict({ kernel: k("4.14.190"), entry: CVE_2020_36776 });
    expect(hit.status).toBe("affected");
    expect(hit.reason).toMatch(/no fix was backported to 4\.14\.y/);
    expect(computeVerdict({ kernel: k("5.4.60"), entry: CVE_2020_36776 }).status).toBe("affected");
  });

  it.each([
    ["5.10.50", "fixed", /predates 5\.10\.65, where the bug was backported into 5\.10\.y/],
    ["5.10.100", "affected", /below 5\.10\.247/],
    ["5.10.250", "fixed", /at or above 5\.10\.247/],
    ["4.19.210", "affected", /no fix was backported to 4\.19\.y/],
    ["4.19.100", "fixed", /predates 4\.19\.207/],
    ["5.14.10", "fixed", /predates 5\.15, where the bug was introduced/],
  ] as const)("stable-only introductions per branch (CVE-2025-68241): %s → %s", (release, status, reason) => {
    const v = computeVerdict({ kernel: k(release), entry: FNHE_REBIND });
    expect(v.status).toBe(status);
    expect(v.reason).toMatch(reason);
  });

  it("below the mainline introduction: probably a different bug", () => {
    const v = computeVerdict({ kernel: k("5.7.1"), entry: CVE_2020_36776 });
    expect(v.status).toBe("fixed");
    expect(v.reason).toMatch(/predates 5\.8.*different bug/);
  });

  it("Debian with package version uses the real stable point; ABI-only is low confidence", () => {
    const withPkg = computeVerdict({
      kernel: k("6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"),
      entry: SKB_SEGMENT_GSO_BUG,
    });
    expect(withPkg.status).toBe("affected");
    expect(withPkg.reason).toMatch(/^6\.1\.76 is below 6\.1\.103/);
    const abiOnly = computeVerdict({ kernel: k("6.1.0-18-amd64"), entry: SKB_SEGMENT_GSO_BUG });
    expect(abiOnly.status).toBe("unknown");
    expect(abiOnly.confidence).toBeLessThan(withPkg.confidence);
  });

  it("Ubuntu with the banner's stable base gives a medium-confidence verdict", () => {
    const v = computeVerdict({
      kernel: k("5.15.0-91-generic", "#101-Ubuntu SMP", "(Ubuntu 5.15.0-91.101-generic 5.15.131)"),
      entry: SKB_SEGMENT_GSO_BUG,
    });
    expect(v.status).toBe("affected");
    expect(v.confidence).toBeGreaterThan(0.3);
    expect(v.confidence).toBeLessThan(0.7);
  });

  it("unknown kernel and unmapped fixes say so", () => {
    expect(computeVerdict({ kernel: undefined, entry: SKB_SEGMENT_GSO_BUG }).status).toBe("unknown");
    const bare = entry({
      id: "bare",
      title: "bare entry",
      summary: "no versions",
      component: "kernel",
      signatures: [{ kind: "frame", value: "x", weight: 0.5 }],
      fixes: [{ commit: "abcdef1234567", title: "fix" }],
    });
    const v = computeVerdict({ kernel: k("6.1.1"), entry: bare });
    expect(v.status).toBe("unknown");
    expect(v.reason).toMatch(/abcdef123456 is not mapped/);
  });
});

describe("computeVerdict: distro fixes", () => {
  it("RHEL 7.5 kernel predates the RHSA fix", () => {
    const v = computeVerdict({ kernel: k("3.10.0-862.el7.x86_64"), entry: RHEL7_KMEM_ACCOUNTING });
    expect(v.status).toBe("affected");
    expect(v.reason).toBe("3.10.0-862.el7 predates 3.10.0-1062.4.1.el7 (RHSA-2019:3055)");
    expect(v.fixedIn).toBe("3.10.0-1062.4.1.el7");
    expect(v.confidence).toBeGreaterThan(0.8);
  });

  it.each([
    ["3.10.0-1062.el7.x86_64", "affected"],
    ["3.10.0-1062.4.1.el7.x86_64", "fixed"],
    ["3.10.0-1160.119.1.el7.x86_64", "fixed"],
  ] as const)("%s → %s", (release, status) => {
    expect(computeVerdict({ kernel: k(release), entry: RHEL7_KMEM_ACCOUNTING }).status).toBe(status);
  });

  it("a RHEL kernel without a RHEL fix gets no upstream-range verdict", () => {
    const v = computeVerdict({ kernel: k("4.18.0-372.26.1.el8_6.x86_64"), entry: SKB_SEGMENT_GSO_BUG });
    expect(v.status).toBe("unknown");
    expect(v.reason).toMatch(/RHEL-family kernel.*vendor advisory/);
  });

  it("a RHEL 8 fix does not apply to a RHEL 7 kernel", () => {
    const e = entry({
      ...RHEL7_KMEM_ACCOUNTING,
      fixes: [{ title: "x", distros: [{ distro: "rhel", release: "8", fixed: "4.18.0-193.el8" }] }],
    });
    expect(computeVerdict({ kernel: k("3.10.0-862.el7.x86_64"), entry: e }).status).toBe("unknown");
  });

  it("Ubuntu package fix compares the package version", () => {
    const e = entry({
      ...SKB_SEGMENT_GSO_BUG,
      fixes: [{ title: "x", distros: [{ distro: "ubuntu", release: "22.04", fixed: "5.15.0-112.122" }] }],
    });
    const v = computeVerdict({ kernel: k("5.15.0-91-generic", "#101-Ubuntu SMP"), entry: e });
    expect(v.status).toBe("affected");
    expect(v.reason).toBe("5.15.0-91.101 predates 5.15.0-112.122");
  });
});

describe("computeVerdict: components", () => {
  it.each([
    ["1.15.0", "affected"],
    ["1.15.1", "fixed"],
    ["v1.15.3", "fixed"],
    ["1.16.0", "fixed"],
    ["1.14.5", "unknown"],
  ] as const)("cilium %s → %s", (version, status) => {
    const v = computeVerdict({ kernel: undefined, entry: CILIUM_DIRECT_ROUTING_PANIC, componentVersions: { "cilium-agent": version } });
    expect(v.status).toBe(status);
  });

  it("reads like an engineer", () => {
    const v = computeVerdict({ kernel: undefined, entry: CILIUM_DIRECT_ROUTING_PANIC, componentVersions: { cilium: "1.15.0" } });
    expect(v.reason).toBe("cilium 1.15.0 is below 1.15.1, the first fixed release on 1.15");
    expect(v.fixedIn).toBe("1.15.1");
  });

  it("no version known → unknown with the fixed release", () => {
    const v = computeVerdict({ kernel: undefined, entry: CILIUM_DIRECT_ROUTING_PANIC });
    expect(v.status).toBe("unknown");
    expect(v.fixedIn).toBe("1.15.1");
  });
});
