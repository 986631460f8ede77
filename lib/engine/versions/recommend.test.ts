import { describe, expect, it } from "vitest";
import type { KbEntry } from "../../kb/schema";
import type { Match } from "../types";
import { makeFinding } from "../match/test-findings";
import { parseKernelRelease } from "./parse-kernel-release";
import { computeVerdict } from "./verdict";
import { fixUrl, recommend } from "./recommend";
import { CILIUM_DIRECT_ROUTING_PANIC, IPV6_ROUTE_MAX_SIZE, RHEL7_KMEM_ACCOUNTING, SKB_SEGMENT_GSO_BUG } from "./test-entries";
import { isBranchMaintained, maintainedBranchesFrom } from "./branches";

const AS_OF = new Date("2026-11-23T00:00:00Z");
const ENTRIES = new Map<string, KbEntry>(
  [SKB_SEGMENT_GSO_BUG, RHEL7_KMEM_ACCOUNTING, CILIUM_DIRECT_ROUTING_PANIC, IPV6_ROUTE_MAX_SIZE].map((e) => [e.id, e]),
);

function matched(entry: KbEntry, release: string | undefined, score = 0.9, componentVersions?: Record<string, string>): Match {
  const kernel = release ? parseKernelRelease(release) : undefined;
  const v = computeVerdict({ kernel, entry, componentVersions });
  return {
    kbId: entry.id,
    title: entry.title,
    score,
    reasons: ["test"],
    verdict: v.status,
    confidence: v.confidence,
    verdictReason: v.reason,
    ...(v.fixedIn ? { fixedIn: v.fixedIn } : {}),
    origin: entry.origin,
  };
}

function run(entry: KbEntry, release: string) {
  const kernel = parseKernelRelease(release);
  const finding = makeFinding({ kind: "bug", title: "kernel BUG in skb_segment", matches: [matched(entry, release)] });
  return recommend({ findings: [finding], entries: ENTRIES, kernel, asOf: AS_OF });
}

describe("recommend", () => {
  it("upgrades on the user's own maintained branch", () => {
    const r = run(SKB_SEGMENT_GSO_BUG, "6.1.1-1.el9.elrepo.x86_64")!;
    expect(r.kbId).toBe("skb-segment-gso-bug");
    expect(r.verdict).toBe("affected");
    expect(r.upgrade).toEqual({ component: "kernel", from: "6.1.1", to: "6.1.103", branch: "6.1", text: "6.1.1 → 6.1.103 or later on 6.1.y" });
    expect(r.fixCommits[0]).toMatchObject({
      commit: "fa5ef655615a01533035c6139248c5b33aa27028",
      url: "https://git.kernel.org/stable/c/fa5ef655615a01533035c6139248c5b33aa27028",
    });
    expect(r.fixCommits.some((c) => c.commit === "11ec79f5c7f7" && /6\.1\.y backport/.test(c.title ?? ""))).toBe(true);
    expect(r.workarounds[0].commands).toContain("ethtool -K <dev> gro off gso off");
    expect(r.summary).toMatch(/upgrade 6\.1\.1 → 6\.1\.103 or later on 6\.1\.y; until then: Disable GRO\/GSO/);
    // The lead names the bug and the verdict only, short enough for a phone's first line or two.
    expect(r.lead).toMatch(/^Known bug: this .* is affected$/);
    expect(r.lead!.length).toBeLessThan(60);
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  it("an entry with no released fix advises no upgrade, even on an end-of-life line", () => {
    const unfixed = { ...SKB_SEGMENT_GSO_BUG, id: "unfixed-bug", fixes: [{ ...SKB_SEGMENT_GSO_BUG.fixes[0], mainline: undefined, branches: [], distros: [] }] };
    ENTRIES.set(unfixed.id, unfixed);
    const r = run(unfixed, "5.5.0-openpower1")!;
    expect(r.kbId).toBe("unfixed-bug");
    expect(r.upgrade, r.upgrade?.text).toBeUndefined();
    expect(r.summary).not.toMatch(/→/);
    ENTRIES.delete(unfixed.id);
  });

  it("an end-of-life branch gets the nearest maintained branch's fixed release", () => {
    const r = run(SKB_SEGMENT_GSO_BUG, "5.16.16-1.el7.elrepo.x86_64")!;
    expect(r.upgrade?.to).toBe("6.1.103");
    expect(r.upgrade?.branch).toBe("6.1");
    expect(r.upgrade?.text).toMatch(/no fix on 5\.16\.y/);
  });

  it("a fixed but dead branch (5.4.y after Dec 2025) skips branches that die within months (5.10, 5.15)", () => {
    const r = run(SKB_SEGMENT_GSO_BUG, "5.4.100")!;
    expect(r.upgrade?.to).toBe("6.1.103");
    expect(r.upgrade?.text).toMatch(/5\.4\.y is end-of-life/);
    const earlier = recommend({
      findings: [makeFinding({ kind: "bug", title: "t", matches: [matched(SKB_SEGMENT_GSO_BUG, "5.4.100")] })],
      entries: ENTRIES,
      kernel: parseKernelRelease("5.4.100"),
      asOf: new Date("2026-03-01T00:00:00Z"),
    })!;
    expect(earlier.upgrade?.to).toBe("5.10.224");
  });

  it("an EOL branch whose fix skips the next branches goes to the first maintained branch that has it", () => {
    // Incident 5: ELRepo kernel-lt 4.19.113 on CentOS 7.6; the fix is on 4.19.y (EOL), 5.4.y (EOL) and 6.1.y.
    const r = run(IPV6_ROUTE_MAX_SIZE, "4.19.113-300.el7.elrepo.x86_64")!;
    expect(r.verdict).toBe("affected");
    expect(r.upgrade?.to).toBe("6.1.73");
    expect(r.upgrade?.text).toMatch(/^4\.19\.113 → 6\.1\.73 or later on 6\.1\.y \(4\.19\.y is end-of-life/);
    expect(r.workarounds[0].commands).toEqual(["sysctl -w net.ipv6.route.max_size=32768"]);
  });

  it("a vendor kernel's upstream target says it is an upstream version", () => {
    const release = "5.15.0-91-generic";
    const kernel = parseKernelRelease(release, "#101-Ubuntu SMP", "(Ubuntu 5.15.0-91.101-generic 5.15.131)");
    const v = computeVerdict({ kernel, entry: SKB_SEGMENT_GSO_BUG });
    const finding = makeFinding({
      kind: "bug",
      title: "kernel BUG in skb_segment",
      matches: [{ ...matched(SKB_SEGMENT_GSO_BUG, undefined), verdict: v.status, confidence: v.confidence, verdictReason: v.reason, fixedIn: v.fixedIn }],
    });
    const r = recommend({ findings: [finding], entries: ENTRIES, kernel, asOf: AS_OF })!;
    expect(r.upgrade?.text).toBe(
      "5.15.131 → 5.15.165 or later on 5.15.y — only the upstream fix is known: take an Ubuntu 22.04 kernel whose stable base is 5.15.165 or later (no Ubuntu fixed package is recorded)",
    );
  });

  it("RHEL: upgrade within the distro stream, with the advisory", () => {
    const r = run(RHEL7_KMEM_ACCOUNTING, "3.10.0-862.el7.x86_64")!;
    expect(r.upgrade?.text).toBe("3.10.0-862.el7 → 3.10.0-1062.4.1.el7 or later (RHEL-family 7 package, RHSA-2019:3055)");
    expect(r.workarounds[0].commands[0]).toMatch(/cgroup\.memory=nokmem/);
  });

  it("component fixes upgrade the component", () => {
    const finding = makeFinding({
      kind: "go-panic",
      title: "cilium-agent panic",
      component: "cilium-agent",
      componentVersion: "1.15.0",
      matches: [matched(CILIUM_DIRECT_ROUTING_PANIC, undefined, 0.9, { "cilium-agent": "1.15.0" })],
    });
    const r = recommend({ findings: [finding], entries: ENTRIES, asOf: AS_OF })!;
    expect(r.upgrade?.text).toBe("cilium 1.15.0 → 1.15.1 or later on 1.15");
    expect(r.fixCommits[0].url).toBe("https://github.com/cilium/cilium/pull/30757");
  });

  it("a fixed kernel gets no upgrade and says to look elsewhere", () => {
    const r = run(SKB_SEGMENT_GSO_BUG, "6.1.110-1.el9.elrepo.x86_64")!;
    expect(r.upgrade).toBeUndefined();
    expect(r.summary).toMatch(/different cause/);
    expect(r.lead).toMatch(/already carries the fix/);
  });

  it("no match, weak or related matches only → no recommendation", () => {
    expect(recommend({ findings: [], entries: ENTRIES })).toBeUndefined();
    const weak = makeFinding({ kind: "bug", title: "x", matches: [matched(SKB_SEGMENT_GSO_BUG, "6.1.1", 0.1)] });
    expect(recommend({ findings: [weak], entries: ENTRIES })).toBeUndefined();
    const rel = makeFinding({ kind: "bug", title: "x", matches: [{ ...matched(SKB_SEGMENT_GSO_BUG, "6.1.1"), related: true }] });
    expect(recommend({ findings: [rel], entries: ENTRIES })).toBeUndefined();
  });
});

describe("branches", () => {
  it("knows which longterm branches are alive in late 2026", () => {
    expect(isBranchMaintained("6.1", AS_OF)).toBe(true);
    expect(isBranchMaintained("5.15", AS_OF)).toBe(true);
    expect(isBranchMaintained("5.4", AS_OF)).toBe(false);
    expect(isBranchMaintained("5.16", AS_OF)).toBe(false);
    expect(isBranchMaintained("5.15", new Date("2027-01-05T00:00:00Z"))).toBe(false);
    expect(maintainedBranchesFrom("5.16", AS_OF)).toEqual(["6.1", "6.6", "6.12", "6.18"]);
  });
});

describe("fixUrl", () => {
  it.each([
    [{ commit: "fa5ef655615a", repository: "linux" }, "https://git.kernel.org/stable/c/fa5ef655615a"],
    [{ commit: "6a2c1559684", repository: "opencontainers/runc" }, "https://github.com/opencontainers/runc/commit/6a2c1559684"],
    [{ ref: "#38128", repository: "https://github.com/moby/moby" }, "https://github.com/moby/moby/pull/38128"],
    [{ ref: "cilium/cilium#30757", repository: "cilium/cilium" }, "https://github.com/cilium/cilium/pull/30757"],
  ])("%j", (fix, url) => {
    expect(fixUrl(fix)).toBe(url);
  });
});
