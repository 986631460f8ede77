import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { kbEntrySchema } from "../../kb/schema";
import { buildKbIndex, prefixHead } from "./build-kb-index";
import { findKbCandidates, matchFinding } from "./match-finding";
import { frames, makeFinding } from "./test-findings";
import { parseKernelRelease } from "../versions/parse-kernel-release";
import {
  CILIUM_DIRECT_ROUTING_PANIC,
  CVE_2020_36776,
  INTRODUCED_5_12,
  RHEL7_KMEM_ACCOUNTING,
  SKB_SEGMENT_GSO_BUG,
  entry,
} from "../versions/test-entries";

const NETDEV_REFCOUNT = entry({
  id: "unregister-netdevice-refcount",
  title: "unregister_netdevice waits forever for a device reference (netns teardown stuck)",
  summary: "A dst/route or socket keeps a reference on a device of a dying netns.",
  component: "kernel",
  signatures: [
    { kind: "kind", value: "netdev-refcount", weight: 0.3, required: true },
    { kind: "title", value: "unregister_netdevice: waiting for DEV to become free", weight: 0.8 },
  ],
});

/** An imported CVE record with the same evidence as the curated skb_segment entry. */
const IMPORTED_SKB = entry({
  id: "CVE-2022-50365",
  title: "skbuff: Account for tail adjustment during pull operations",
  summary: "Imported.",
  component: "kernel",
  origin: "imported",
  signatures: [
    { kind: "title", value: "kernel BUG in skb_segment", weight: 0.6 },
    { kind: "source-file", value: "net/core/skbuff.c", weight: 0.3 },
    { kind: "guilty-frame", value: "skb_segment", weight: 0.5 },
    { kind: "frames", values: ["skb_segment", "__skb_gso_segment"], weight: 0.3 },
  ],
  programFiles: ["net/core/skbuff.c"],
  fixes: [{ commit: "2d7afdcbc9d3", title: "skbuff: Account for tail adjustment", mainline: "6.2", branches: [{ branch: "6.1", fixed: "6.1.2" }] }],
});

const ROUTE_CACHE = entry({
  id: "ipv6-route-max-size",
  title: "IPv6 route cache limit net.ipv6.route.max_size reached",
  summary: "dst_alloc refuses new IPv6 dst entries.",
  component: "kernel",
  signatures: [{ kind: "message", pattern: "Route cache is full: consider increasing sysctl net\\.ipv\\S+\\.route\\.max_size", weight: 0.8 }],
});

const DRAFT = entry({ ...ROUTE_CACHE, id: "draft-entry", status: "draft" });
const RETIRED = entry({ ...ROUTE_CACHE, id: "retired-entry", status: "retired" });

const ALL = [IMPORTED_SKB, SKB_SEGMENT_GSO_BUG, RHEL7_KMEM_ACCOUNTING, CILIUM_DIRECT_ROUTING_PANIC, CVE_2020_36776, NETDEV_REFCOUNT, ROUTE_CACHE, DRAFT, RETIRED];
const INDEX = buildKbIndex(ALL);

const SKB_FINDING = makeFinding({
  kind: "bug",
  title: "kernel BUG in skb_segment",
  headline: "kernel BUG at net/core/skbuff.c:4230!",
  guiltyFrame: "skb_segment",
  sourceFile: "net/core/skbuff.c",
  sourceLine: 4230,
  frames: frames("skb_segment", "tcp_gso_segment", "inet_gso_segment", "skb_mac_gso_segment", "__skb_gso_segment", "validate_xmit_skb"),
  kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
});

describe("matchFinding", () => {
  it("matches the skb_segment BUG with reasons, a verdict and related entries", () => {
    const matches = matchFinding(SKB_FINDING, INDEX, {});
    const top = matches[0];
    expect(top.kbId).toBe("skb-segment-gso-bug");
    expect(top.score).toBeGreaterThan(0.9);
    expect(top.reasons).toEqual(
      expect.arrayContaining(["title “kernel BUG in skb_segment”", "guilty frame skb_segment", "source file net/core/skbuff.c"]),
    );
    expect(top.verdict).toBe("affected");
    expect(top.fixedIn).toBe("6.1.103");
    expect(top.origin).toBe("builtin");
    const related = matches.find((m) => m.related);
    expect(related?.kbId).toBe("unregister-netdevice-refcount");
    expect(related?.score).toBe(0);
  });

  it("the context kernel wins over the finding's release", () => {
    const top = matchFinding(SKB_FINDING, INDEX, { kernel: parseKernelRelease("6.1.110-1.el9.elrepo.x86_64") })[0];
    expect(top.verdict).toBe("fixed");
  });

  it("imported entries rank below curated ones on equal evidence", () => {
    const matches = matchFinding(SKB_FINDING, INDEX, {}).filter((m) => !m.related);
    const curated = matches.findIndex((m) => m.kbId === "skb-segment-gso-bug");
    const imported = matches.findIndex((m) => m.kbId === "CVE-2022-50365");
    expect(imported).toBeGreaterThan(curated);
    expect(matches[imported].origin).toBe("imported");
    expect(matches[imported].score).toBeLessThan(matches[curated].score);
  });

  it("source files match with absolute build paths on frames", () => {
    const f = makeFinding({
      kind: "bug",
      title: "kernel BUG in something_else",
      frames: [{ function: "skb_segment", reliable: true, file: "/build/linux-6.1/net/core/skbuff.c", fileLine: 4230 }],
      guiltyFrame: "skb_segment",
    });
    const top = matchFinding(f, INDEX, {})[0];
    expect(top.kbId).toBe("skb-segment-gso-bug");
    expect(top.reasons).toContain("source file net/core/skbuff.c");
  });

  describe("RHEL 7 kmem accounting needs the memcg child cache, not a generic symptom", () => {
    const el7 = parseKernelRelease("3.10.0-862.el7.x86_64");
    it("SLUB failure in a memcg child cache on 3.10 .el7 matches, affected", () => {
      const f = makeFinding({
        kind: "slab-alloc-failure",
        title: "SLUB: Unable to allocate memory",
        details: { node: -1, gfp: "0xd0", cache: "sock_inode_cache(1793:c8edefa9)", memcgChildCache: true },
        kernelRelease: el7.raw,
      });
      const top = matchFinding(f, INDEX, { kernel: el7 })[0];
      expect(top.kbId).toBe("rhel7-kmem-accounting");
      expect(top.reasons).toEqual(expect.arrayContaining(["memcgChildCache = true", "kernel 3.10.0-862.el7.x86_64"]));
      expect(top.verdict).toBe("affected");
      expect(top.verdictReason).toBe("3.10.0-862.el7 predates 3.10.0-1062.4.1.el7 (RHSA-2019:3055)");
    });
    it("a soft lockup alone is not the kmem-accounting bug", () => {
      const f = makeFinding({ kind: "soft-lockup", title: "BUG: soft lockup in foo", kernelRelease: el7.raw });
      expect(matchFinding(f, INDEX, { kernel: el7 }).map((m) => m.kbId)).not.toContain("rhel7-kmem-accounting");
    });
    it("a SLUB failure in a root cache is not it either", () => {
      const f = makeFinding({
        kind: "slab-alloc-failure",
        title: "SLUB: Unable to allocate memory",
        details: { cache: "kmalloc-256", memcgChildCache: false },
      });
      expect(matchFinding(f, INDEX, { kernel: el7 })).toEqual([]);
    });
  });

  it("required rules gate: the same Go panic text in another component does not match Cilium's bug", () => {
    const base = {
      kind: "go-panic" as const,
      title: "panic: runtime error: index out of range",
      report: ["panic: runtime error: index out of range [3] with length 0"],
      frames: frames("github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32"),
    };
    const cilium = matchFinding(makeFinding({ ...base, component: "cilium-agent", componentVersion: "1.15.0" }), INDEX, {});
    expect(cilium[0].kbId).toBe("cilium-direct-routing-nil-panic");
    expect(cilium[0].verdict).toBe("affected");
    expect(cilium[0].fixedIn).toBe("1.15.1");
    expect(matchFinding(makeFinding({ ...base, component: "kube-proxy" }), INDEX, {})).toEqual([]);
  });

  it("message rules are reached through their literal words", () => {
    const f = makeFinding({
      kind: "route-cache-full",
      title: "Route cache is full: consider increasing sysctl net.ipv6.route.max_size",
      headline: "Route cache is full: consider increasing sysctl net.ipv6.route.max_size.",
    });
    const ids = matchFinding(f, INDEX, {}).map((m) => m.kbId);
    expect(ids).toEqual(["ipv6-route-max-size"]);
  });

  it("drafts and retired entries do not match unless asked", () => {
    const f = makeFinding({ kind: "route-cache-full", title: "x", headline: "Route cache is full: consider increasing sysctl net.ipv4.route.max_size" });
    expect(matchFinding(f, INDEX, {}).map((m) => m.kbId)).not.toContain("draft-entry");
    const withDrafts = buildKbIndex(ALL, { includeDrafts: true });
    const ids = matchFinding(f, withDrafts, {}).map((m) => m.kbId);
    expect(ids).toContain("draft-entry");
    expect(ids).not.toContain("retired-entry");
  });

  it("an unrelated finding reaches only the entries its keys name", () => {
    const f = makeFinding({ kind: "warning", title: "WARNING in ext4_da_update_reserve_space", frames: frames("ext4_da_update_reserve_space") });
    expect(findKbCandidates(f, INDEX)).toEqual([]);
    expect(matchFinding(f, INDEX, {})).toEqual([]);
  });

  it("a pattern that does not compile (an entry that bypassed the schema) loses only that rule", () => {
    const bad = { ...NETDEV_REFCOUNT, id: "bad-pattern", signatures: [...NETDEV_REFCOUNT.signatures, { kind: "message" as const, pattern: "([unclosed", weight: 0.5 }] };
    expect(kbEntrySchema.safeParse(bad).success).toBe(false);
    const f = makeFinding({ kind: "netdev-refcount", title: "unregister_netdevice: waiting for DEV to become free" });
    const withBad = matchFinding(f, buildKbIndex([bad]), {});
    const without = matchFinding(f, buildKbIndex([{ ...NETDEV_REFCOUNT, id: "bad-pattern" }]), {});
    expect(withBad.map((m) => [m.kbId, m.score])).toEqual(without.map((m) => [m.kbId, m.score]));
    expect(withBad).toHaveLength(1);
  });

  it("a finding with only a kind and a title still matches by its title (no frames or report lines needed)", () => {
    const bare = { kind: "bug", title: "kernel BUG in skb_segment" } as never;
    const matches = matchFinding(bare, INDEX, {}).filter((m) => !m.related);
    expect(matches.map((m) => m.kbId)).toEqual(["skb-segment-gso-bug", "CVE-2022-50365"]);
  });

  it("returns scores in [0, 1], best first, for arbitrary findings", () => {
    const names = fc.constantFrom("skb_segment", "__skb_gso_segment", "cpufreq_set_cur_state", "x", "");
    fc.assert(
      fc.property(
        fc.record({
          title: fc.oneof(fc.string(), fc.constant("kernel BUG in skb_segment")),
          frames: fc.array(names, { maxLength: 8 }),
          lines: fc.array(fc.string(), { maxLength: 5 }),
          kernel: fc.option(fc.constantFrom("6.1.1", "3.10.0-862.el7.x86_64", "garbage")),
        }),
        ({ title, frames: fs, lines, kernel }) => {
          const f = makeFinding({ kind: "bug", title, frames: frames(...fs), report: lines, kernelRelease: kernel ?? undefined });
          const matches = matchFinding(f, INDEX, {}).filter((m) => !m.related);
          for (const m of matches) {
            expect(m.score).toBeGreaterThanOrEqual(0);
            expect(m.score).toBeLessThanOrEqual(1);
          }
          for (let i = 1; i < matches.length; i++) expect(matches[i - 1].score).toBeGreaterThanOrEqual(matches[i].score);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("index helpers", () => {
  it.each([
    ["kernel BUG in skb_", "kernel BUG"],
    ["kernel BUG", "kernel"],
    ["WARNING", ""],
    ["KASAN: slab-use-after-free Read in ", "KASAN: slab-use-after-free"],
  ])("prefixHead(%j) = %j", (prefix, head) => {
    expect(prefixHead(prefix)).toBe(head);
  });

  it("lists entries no finding can reach", () => {
    const lonely = entry({
      id: "lonely",
      title: "only a context rule",
      summary: "cannot be reached",
      component: "kernel",
      signatures: [{ kind: "kernel", pattern: "el7", weight: 0.5 }],
    });
    expect(buildKbIndex([lonely, ROUTE_CACHE]).unreachable).toEqual(["lonely"]);
  });
});

describe("kernels older than the bug", () => {
  const index = buildKbIndex([INTRODUCED_5_12]);
  const warning = makeFinding({ kind: "warning", title: "WARNING in skb_try_coalesce" });
  const on = (release: string) => matchFinding(warning, index, { kernel: parseKernelRelease(release) });

  it("keeps the match on a RHEL-family kernel, lowered below a known issue, and says why", () => {
    const [m] = on("3.10.0-327.el7.x86_64");
    expect(m.related).toBeUndefined();
    expect(m.score).toBe(0.284); // 0.81 × 0.35
    expect(m.score).toBeLessThan(0.3);
    expect(m.reasons.at(-1)).toMatch(/predates the bug \(5\.12\)/);
    expect(m.verdictReason).toMatch(/^3\.10\.0-327\.el7 is a RHEL-family kernel on a 3\.10 base, older than 5\.12/);
  });

  it("lists it as another bug with the same symptom on an upstream kernel", () => {
    const [m] = on("4.19.0");
    expect(m).toMatchObject({ related: true, score: 0, verdict: "fixed" });
    expect(m.reasons[0]).toMatch(/^not this bug: 4\.19\.0 is on 4\.19, older than 5\.12/);
    expect(on("5.4.0-100-generic")[0]).toMatchObject({ related: true, verdict: "fixed" });
  });

  it("keeps the score of a vendor base within the backport horizon and says the bug came by backport", () => {
    const [m] = on("4.18.0-372.32.1.el8_6.x86_64");
    expect(m.score).toBe(0.81);
    expect(m.verdictReason).toMatch(/^4\.18\.0-372\.32\.1\.el8_6 is a RHEL-family kernel on a 4\.18 base, .*would bring it; /);
  });

  it("leaves kernels that may carry the bug unchanged", () => {
    const [m] = on("5.15.30");
    expect(m).toMatchObject({ score: 0.81, verdict: "affected", fixedIn: "5.15.33" });
    expect(m.related).toBeUndefined();
  });
});
