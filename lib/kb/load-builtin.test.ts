import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { loadBuiltinKb, parseKbFiles } from "./load-builtin";

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
