import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { matchFinding } from "../engine/match/match-finding";
import { frames, makeFinding } from "../engine/match/test-findings";
import { parseKernelRelease } from "../engine/versions/parse-kernel-release";
import { BUILTIN_KB_DIR, loadBuiltinKb, parseKbFiles } from "./load-builtin";

const MINIMAL = (id: string, extra = "") => `id: ${id}
title: A test entry
summary: Only for the loader test.
component: kernel
signatures:
  - { kind: title, value: "kernel BUG in foo", weight: 0.6 }
${extra}`;

describe("parseKbFiles", () => {
  it("accepts a valid entry and applies schema defaults", () => {
    const { entries, errors } = parseKbFiles([{ file: "foo-bug.yaml", text: MINIMAL("foo-bug") }]);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0].origin).toBe("builtin");
    expect(entries[0].fixes).toEqual([]);
  });

  it("reports YAML syntax errors without throwing", () => {
    const { entries, errors } = parseKbFiles([{ file: "broken.yaml", text: "id: [unclosed\n  title: x" }]);
    expect(entries).toEqual([]);
    expect(errors[0].file).toBe("broken.yaml");
    expect(errors[0].message).toMatch(/^YAML:/);
  });

  it("reports schema violations with the field path", () => {
    const text = MINIMAL("bad-weight").replace("weight: 0.6", "weight: 1.5");
    const { errors } = parseKbFiles([{ file: "bad-weight.yaml", text }]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain("signatures.0.weight");
  });

  it("reports a file name that differs from the id", () => {
    const { entries, errors } = parseKbFiles([{ file: "other-name.yaml", text: MINIMAL("foo-bug") }]);
    expect(entries).toHaveLength(1);
    expect(errors[0].message).toMatch(/does not match the file name/);
  });

  it("reports duplicate ids and keeps the first", () => {
    const { entries, errors } = parseKbFiles([
      { file: "dir-a/foo-bug.yaml", text: MINIMAL("foo-bug") },
      { file: "dir-b/foo-bug.yaml", text: MINIMAL("foo-bug") },
    ]);
    expect(entries).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/duplicate id "foo-bug"/)]);
  });

  it("reports related ids that do not exist, and accepts those that do", () => {
    const { errors } = parseKbFiles([
      { file: "foo-bug.yaml", text: MINIMAL("foo-bug", "related: [bar-bug, missing-bug]") },
      { file: "bar-bug.yaml", text: MINIMAL("bar-bug") },
    ]);
    expect(errors).toEqual([{ file: "foo-bug.yaml", message: 'related id "missing-bug" does not exist' }]);
  });

  it("reports an unreadable directory instead of throwing", () => {
    const { entries, errors } = loadBuiltinKb("/nonexistent/oopscope-kb");
    expect(entries).toEqual([]);
    expect(errors[0].message).toMatch(/cannot read directory/);
  });
});

describe("the built-in knowledge base", () => {
  const { entries, errors } = loadBuiltinKb();

  it("validates every file (schema, file name = id, unique ids, related ids exist)", () => {
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(16);
  });

  it("ships the entries for the seed incidents", () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of [
      "skb-segment-gso-bug",
      "netdev-refcount-leak",
      "kdump-crashkernel-too-small",
      "cilium-netipv4tohost32-panic",
      "kmem-accounting-rhel7",
      "ipv6-route-cache-full",
    ])
      expect(ids.has(id), id).toBe(true);
  });

  it("every entry is reachable by the matcher and has a rule that identifies the bug", () => {
    const index = buildKbIndex(entries);
    expect(index.unreachable).toEqual([]);
    const generic = new Set(["kind", "kernel", "component"]);
    for (const e of entries) {
      const specific = e.signatures.filter((r) => !generic.has(r.kind));
      expect(specific.length, e.id).toBeGreaterThan(0);
    }
  });

  it("every entry cites a public source and every primary kernel fix names its mainline release or a distro/component fix", () => {
    for (const e of entries) {
      expect(e.references.length, e.id).toBeGreaterThan(0);
      for (const fix of e.fixes.filter((f) => f.role === "primary")) {
        const located = Boolean(fix.mainline) || fix.branches.length + fix.distros.length + fix.components.length > 0;
        expect(located, `${e.id}: ${fix.title}`).toBe(true);
      }
    }
  });

  it("no single rule is enough on its own to claim a strong match", () => {
    // Rules combine as 1 - Π(1 - w); a lone rule ≥ 0.8 would let one coincidence (a shared frame) decide.
    for (const e of entries) for (const r of e.signatures) expect(r.weight, `${e.id} ${r.kind}`).toBeLessThan(0.8);
  });
});

describe("built-in rules weigh evidence as documented", () => {
  const { entries } = loadBuiltinKb();
  const index = buildKbIndex(entries);
  const RHEL7 = "3.10.0-862.el7.x86_64";
  const scoreOf = (id: string, finding: Parameters<typeof matchFinding>[0]) =>
    matchFinding(finding, index, { kernel: parseKernelRelease(finding.kernelRelease ?? "") }).find((m) => m.kbId === id)
      ?.score ?? 0;

  it("kmem-accounting-rhel7: a soft lockup on RHEL 7 stays weak, a memcg child-cache SLUB failure is strong", () => {
    const lockup = makeFinding({
      kind: "soft-lockup",
      title: "BUG: soft lockup in copy_pte_range",
      kernelRelease: RHEL7,
      report: ["NMI watchdog: BUG: soft lockup - CPU#6 stuck for 22s! [runc:[1:CHILD]:28476]"],
    });
    // RHEL 7 kernel + runc in the lockup line: a hint worth listing, not a diagnosis.
    expect(scoreOf("kmem-accounting-rhel7", lockup)).toBeGreaterThan(0);
    expect(scoreOf("kmem-accounting-rhel7", lockup)).toBeLessThan(0.5);
    // …but it outranks the generic soft-lockup entry, which stays a fallback.
    expect(scoreOf("kmem-accounting-rhel7", lockup)).toBeGreaterThan(scoreOf("soft-lockup-generic", lockup));

    const slub = makeFinding({
      kind: "slab-alloc-failure",
      title: "SLUB: Unable to allocate memory",
      kernelRelease: RHEL7,
      details: { cache: "sock_inode_cache(158:8aff71103b35)", memcgChildCache: true },
    });
    const [best] = matchFinding(slub, index, { kernel: parseKernelRelease(RHEL7) });
    expect(best).toMatchObject({ kbId: "kmem-accounting-rhel7", verdict: "affected", fixedIn: "3.10.0-1062.4.1.el7" });
    expect(best.score).toBeGreaterThanOrEqual(0.8);

    // The same child-cache failure printed with its gfp flags by name is a 4.15+ kernel: never RHEL 7's kmem leak.
    const named = makeFinding({
      kind: "slab-alloc-failure",
      title: "SLUB: Unable to allocate memory",
      details: { cache: "tw_sock_TCPv6(960:helper-logs)", memcgChildCache: true, gfp: "0xa20", gfpFlags: "GFP_ATOMIC" },
    });
    expect(scoreOf("kmem-accounting-rhel7", named)).toBe(0);
  });

  it("skb-segment-gso-bug: the source file alone is a hint, the BUG in skb_segment with its GSO stack is a match", () => {
    const otherSkbuffBug = makeFinding({ kind: "bug", title: "kernel BUG in skb_pull", sourceFile: "net/core/skbuff.c" });
    expect(scoreOf("skb-segment-gso-bug", otherSkbuffBug)).toBeGreaterThan(0);
    expect(scoreOf("skb-segment-gso-bug", otherSkbuffBug)).toBeLessThan(0.5);
    const gso = makeFinding({
      kind: "bug",
      title: "kernel BUG in skb_segment",
      guiltyFrame: "skb_segment",
      sourceFile: "net/core/skbuff.c",
      frames: frames("skb_segment", "tcp_gso_segment", "inet_gso_segment", "skb_mac_gso_segment", "__skb_gso_segment"),
      kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
    });
    expect(scoreOf("skb-segment-gso-bug", gso)).toBeGreaterThanOrEqual(0.8);
  });

  it("mce-hardware-error: the machine-check handler's own panic is the entry even without a bank dump; another panic is not", () => {
    const timeout = makeFinding({
      kind: "panic",
      title: "kernel panic: Timeout: Not all CPUs entered broadcast exception handler",
      report: ["mce: CPUs not responding to MCE broadcast (may include false positives)", "Kernel panic - not syncing: Timeout: Not all CPUs entered broadcast exception handler"],
    });
    expect(scoreOf("mce-hardware-error", timeout)).toBeGreaterThanOrEqual(0.5);
    const vfs = makeFinding({
      kind: "panic",
      title: "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)",
      report: ["Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)"],
    });
    expect(scoreOf("mce-hardware-error", vfs)).toBe(0);
  });

  it("generic I/O hang: io_schedule alone stays below a confident match", () => {
    const hang = makeFinding({ kind: "hung-task", title: "INFO: task hung in jbd2_journal_commit_transaction", frames: frames("io_schedule") });
    expect(scoreOf("hung-task-io-wait", hang)).toBeGreaterThan(0);
    expect(scoreOf("hung-task-io-wait", hang)).toBeLessThan(0.5);
  });
});

describe("BUILTIN_KB_DIR", () => {
  it("is the directory beside the module when it runs from source", () => {
    expect(BUILTIN_KB_DIR).toBe(path.join(import.meta.dirname, "builtin"));
  });
});
