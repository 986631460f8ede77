import { describe, expect, it } from "vitest";
import { buildKbIndex } from "./build-kb-index";
import { GENERIC_SCORE_CAP, matchFinding } from "./match-finding";
import { frames, makeFinding } from "./test-findings";
import { attachContextLines } from "./attach-context";
import { entry } from "../versions/test-entries";
import { KNOWN_ISSUE_MIN_SCORE, matchStrength } from "./match-strength";
import type { LogLine } from "../types";

const PANIC_FRAME = "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32";

const OLD_TRIGGER = entry({
  id: "old-trigger",
  title: "panic, fixed in 1.15.1",
  summary: "fixture",
  component: "cilium",
  signatures: [
    { kind: "frame", value: PANIC_FRAME, weight: 0.8 },
    { kind: "nearby", pattern: "failed to look up link 'cilium_host'", weight: 0, excludes: true, note: "different trigger" },
  ],
  related: ["new-trigger"],
});
const NEW_TRIGGER = entry({
  id: "new-trigger",
  title: "same panic after a cilium_host lookup failure",
  summary: "fixture",
  component: "cilium",
  signatures: [
    { kind: "frame", value: PANIC_FRAME, weight: 0.3 },
    { kind: "nearby", pattern: "failed to look up link 'cilium_host'", weight: 0.6, required: true },
  ],
});
const GENERIC = entry({
  id: "soft-lockup-class",
  title: "soft lockup",
  summary: "fixture",
  component: "kernel",
  generic: true,
  specificWhen: "the RIP names a known loop",
  signatures: [
    { kind: "title-prefix", value: "BUG: soft lockup", weight: 0.9 },
  ],
});
const SPECIFIC_WEAK = entry({
  id: "runc-on-el7",
  title: "specific but weakly evidenced",
  summary: "fixture",
  component: "kernel",
  signatures: [
    { kind: "message", pattern: "\\[runc:\\[\\d:CHILD\\]:\\d+\\]", weight: 0.3 },
    { kind: "kernel", pattern: "\\.el7", weight: 0.35 },
  ],
});

const index = buildKbIndex([OLD_TRIGGER, NEW_TRIGGER, GENERIC, SPECIFIC_WEAK]);
const panic = (context?: string[]) =>
  makeFinding({ kind: "go-panic", title: "panic: index out of range in NetIPv4ToHost32", frames: frames(PANIC_FRAME), ...(context ? { context } : {}) });

describe("evidence for and against (nearby / excludes)", () => {
  it("without the trigger line, the old entry matches and the new one does not", () => {
    const m = matchFinding(panic(["level=info msg=starting"]), index);
    expect(m[0].kbId).toBe("old-trigger");
    expect(m.some((x) => x.kbId === "new-trigger" && !x.related)).toBe(false);
  });

  it("with the trigger line just before, the old entry is shown as related with the reason, never as a match", () => {
    const m = matchFinding(panic(["x", "status=\"failed to look up link 'cilium_host'\"", "y"]), index);
    expect(m[0].kbId).toBe("new-trigger");
    const old = m.find((x) => x.kbId === "old-trigger")!;
    expect(old.related).toBe(true);
    expect(old.score).toBe(0);
    expect(old.reasons[0]).toMatch(/^not this bug: different trigger/);
  });

  it("a nearby rule only looks `within` lines back", () => {
    const far = entry({ ...NEW_TRIGGER, id: "near-only", signatures: [{ kind: "frame", value: PANIC_FRAME, weight: 0.3 }, { kind: "nearby", pattern: "TRIGGER", weight: 0.6, within: 2, required: true }] });
    const idx = buildKbIndex([far]);
    expect(matchFinding(panic(["TRIGGER", "a", "b"]), idx)).toEqual([]);
    expect(matchFinding(panic(["a", "TRIGGER", "b"]), idx)[0].kbId).toBe("near-only");
  });

  it("attachContextLines keeps the same host's lines before the finding, nearest last", () => {
    const line = (lineNo: number, raw: string, host?: string): LogLine => ({ fileIndex: 0, lineNo, raw, text: raw, format: "plain", ...(host ? { host } : {}) });
    const f = makeFinding({ kind: "oops", title: "t", host: "a", source: { file: "x", line: 5 } });
    attachContextLines([f], [line(1, "one", "a"), line(2, "other host", "b"), line(3, "three"), line(5, "report"), line(6, "after", "a")]);
    expect(f.context).toEqual(["one", "three"]);
  });
});

describe("generic entries", () => {
  it("stay below the cap and say what would make them specific", () => {
    const m = matchFinding(makeFinding({ kind: "soft-lockup", title: "BUG: soft lockup in foo" }), index);
    expect(m[0].kbId).toBe("soft-lockup-class");
    expect(m[0].score).toBeLessThanOrEqual(GENERIC_SCORE_CAP);
    expect(m[0].generic).toBe(true);
    expect(m[0].specificWhen).toMatch(/RIP/);
  });

  it("rank below a specific entry whose evidence is present, even a weak one", () => {
    const f = makeFinding({
      kind: "soft-lockup",
      title: "BUG: soft lockup in foo",
      headline: "NMI watchdog: BUG: soft lockup - CPU#5 stuck for 22s! [runc:[1:CHILD]:28741]",
      kernelRelease: "3.10.0-862.el7.x86_64",
    });
    const m = matchFinding(f, index);
    expect(m.map((x) => x.kbId)).toEqual(["runc-on-el7", "soft-lockup-class"]);
  });
});

describe("curated entries supersede imported records of the same CVE", () => {
  it("leaves the imported entry out of the index and lists it", () => {
    const curated = entry({ ...NEW_TRIGGER, id: "curated-cve", fixes: [{ title: "fix", cve: "CVE-2024-99999", mainline: "6.9" }] });
    const imported = entry({ ...NEW_TRIGGER, id: "CVE-2024-99999", origin: "imported" });
    const other = entry({ ...NEW_TRIGGER, id: "CVE-2024-11111", origin: "imported" });
    const idx = buildKbIndex([curated, imported, other]);
    expect(idx.superseded).toEqual(["CVE-2024-99999"]);
    expect(idx.byId.has("CVE-2024-99999")).toBe(false);
    expect(idx.byId.has("CVE-2024-11111")).toBe(true);
  });
});

describe("curated before imported", () => {
  it("a strong curated specific match ranks before an imported record of the same crash site", () => {
    const curated = entry({ ...NEW_TRIGGER, id: "curated-site", signatures: [{ kind: "frame", value: PANIC_FRAME, weight: 0.55 }] });
    const imported = entry({ ...NEW_TRIGGER, id: "CVE-2020-00001", origin: "imported", signatures: [{ kind: "frame", value: PANIC_FRAME, weight: 0.75 }] });
    const m = matchFinding(panic(), buildKbIndex([imported, curated]));
    expect(m.map((x) => x.kbId)).toEqual(["curated-site", "CVE-2020-00001"]);
    expect(m[1].score).toBeGreaterThan(m[0].score);
  });
});

describe("rules scoped to finding kinds (`kinds`)", () => {
  const STORAGE = entry({
    id: "storage-timeout",
    title: "device timeouts hang tasks",
    summary: "fixture",
    component: "hardware",
    signatures: [
      { kind: "message", pattern: "blocked for more than \\d+ seconds|dev0: command timeout", weight: 0.05, kinds: ["hung-task", "io-error"], required: true },
      { kind: "nearby", pattern: "dev0: command timeout", weight: 0.6, kinds: ["hung-task"] },
      { kind: "title", value: "dev: command timeout", weight: 0.3, kinds: ["io-error"] },
    ],
  });
  const idx = buildKbIndex([STORAGE]);
  const score = (f: Parameters<typeof matchFinding>[0]) => matchFinding(f, idx).find((m) => m.kbId === "storage-timeout" && !m.related)?.score ?? 0;

  it("a nearby rule scoped to hung tasks lifts a hung task, not the timeout's own finding (its own line)", () => {
    const hang = makeFinding({ kind: "hung-task", title: "INFO: task hung in io_schedule", report: ["INFO: task jbd2:1 blocked for more than 120 seconds."], context: ["dev0: command timeout"] });
    const event = makeFinding({ kind: "io-error", title: "dev: command timeout", report: ["dev0: command timeout"] });
    expect(score(hang)).toBeGreaterThanOrEqual(0.6);
    expect(score(event)).toBeGreaterThan(0.3);
    expect(score(event)).toBeLessThan(0.5);
  });

  it("a required rule out of its kinds drops the entry (the same lines quoted in a warning's report)", () => {
    const warning = makeFinding({ kind: "warning", title: "dev: command timeout", report: ["dev0: command timeout", "blocked for more than 120 seconds"], context: ["dev0: command timeout"] });
    expect(score(warning)).toBe(0);
  });

  it("the schema rejects an empty or malformed kinds list", () => {
    expect(() => entry({ ...STORAGE, signatures: [{ kind: "title", value: "x", weight: 0.5, kinds: [] }] })).toThrow();
    expect(() => entry({ ...STORAGE, signatures: [{ kind: "title", value: "x", weight: 0.5, kinds: ["Hung Task"] }] })).toThrow();
  });
});

describe("entries reached through the lines before the report (nearby keys)", () => {
  // A hung task whose stack was cut after `mutex_lock`: nothing in the report names the lock, the leak reported just
  // before does (the rancher#931 shape: unregister_netdevice waiting, then docker blocked creating a namespace).
  const NETNS_RULES = [
    { kind: "message", pattern: "\\bcopy_net_ns\\+0x", weight: 0.5 },
    { kind: "nearby", pattern: "unregister_netdevice: waiting for \\S+ to become free", weight: 0.3 },
    { kind: "kind", value: "hung-task", weight: 0.1, required: true },
  ] as const;
  const NETNS_WAIT = entry({ id: "netns-mutex-wait", title: "tasks blocked on the namespace mutex", summary: "fixture", component: "kernel", signatures: [...NETNS_RULES] });
  const idx = buildKbIndex([NETNS_WAIT]);
  const cutHang = (context: string[]) =>
    makeFinding({ kind: "hung-task", title: "INFO: task hung in corrupted", report: ["INFO: task docker:21805 blocked for more than 120 seconds.", " mutex_lock+0x1f/0x2f"], context });

  it("a leak line before a cut hung-task report reaches the entry", () => {
    const m = matchFinding(cutHang(["unregister_netdevice: waiting for lo to become free. Usage count = 4"]), idx);
    expect(m[0]?.kbId).toBe("netns-mutex-wait");
    expect(m[0].reasons.some((r) => r.startsWith("nearby:"))).toBe(true);
  });

  it("without such a line the entry stays out of reach", () => {
    expect(matchFinding(cutHang(["docker0: port 1(veth1) entered disabled state"]), idx)).toEqual([]);
  });

  it("context keys come from nearby rules only", () => {
    const keys = [...idx.byContextToken.keys()];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect("unregister_netdevice: waiting for lo to become free").toContain(k);
    const messageOnly = buildKbIndex([entry({ ...NETNS_WAIT, id: "message-only", signatures: [NETNS_RULES[0], NETNS_RULES[2]] })]);
    expect(messageOnly.byContextToken.size).toBe(0);
  });
});

describe("a match on the source file alone", () => {
  const SKB_SEGMENT = entry({
    id: "skb-segment-fixture",
    title: "kernel BUG in skb_segment",
    summary: "fixture",
    component: "kernel",
    signatures: [
      { kind: "guilty-frame", value: "skb_segment", weight: 0.45 },
      { kind: "source-file", value: "net/core/skbuff.c", weight: 0.4 },
    ],
  });
  const fileIndex = buildKbIndex([SKB_SEGMENT]);

  it("is a weak candidate, never a known issue: another bug of the same file is as likely", () => {
    const warn = makeFinding({ kind: "warning", title: "WARNING in skb_try_coalesce", guiltyFrame: "skb_try_coalesce", sourceFile: "net/core/skbuff.c" });
    const [m] = matchFinding(warn, fileIndex);
    expect(m.kbId).toBe("skb-segment-fixture");
    expect(m.score).toBeLessThan(KNOWN_ISSUE_MIN_SCORE);
    expect(matchStrength(m)).toBe("weak");
    expect(m.reasons.join(" ")).toMatch(/only the source file/);
  });

  it("keeps its weight beside a function-level signal", () => {
    const bug = makeFinding({ kind: "bug", title: "kernel BUG in skb_segment", guiltyFrame: "skb_segment", sourceFile: "net/core/skbuff.c" });
    const [m] = matchFinding(bug, fileIndex);
    expect(m.score).toBeCloseTo(1 - (1 - 0.45) * (1 - 0.4), 3);
    expect(matchStrength(m)).toBe("known");
  });
});
