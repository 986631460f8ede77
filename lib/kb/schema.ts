/**
 * The knowledge-base entry: one known problem, how to recognise it, which releases fix it and what to do meanwhile.
 * Built-in entries are YAML files in lib/kb/builtin/ validated by `kbEntrySchema`; the database stores the same
 * document as JSON (one row per entry, one per revision), so YAML import/export round-trips without loss.
 */
import { z } from "zod";

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Entry ids: kebab-case for curated entries, the CVE id for imported ones. */
export const kbIdSchema = z
  .string()
  .min(3)
  .max(100)
  .refine((s) => KEBAB_ID.test(s) || /^CVE-\d{4}-\d{4,}$/.test(s), "kebab-case id or CVE id");

/** Kernel-style version: `6.1.103`, `6.11`, `4.19.305`; component versions like `1.15.1`. */
const versionSchema = z.string().regex(/^\d+(\.\d+){1,3}$/, "dotted version like 6.1.103");

export const signatureRuleSchema = z
  .object({
    /**
     * What the rule looks at:
     * - title: the finding's normalised title equals `value` (or any alt title equals it)
     * - title-prefix: the title starts with `value` (`kernel BUG in skb_`)
     * - guilty-frame: the guilty frame equals `value`
     * - frame: `value` appears among the reliable frames
     * - frames: all of `values` appear in the stack in this order (a subsequence)
     * - source-file: the report names this source file (`net/core/skbuff.c`); the line number is free
     * - message: `pattern` (JavaScript regex, case-insensitive) matches a line of the report/event
     * - kind: the finding kind equals `value` (`netdev-refcount`, `soft-lockup`)
     * - detail: the finding detail `key` matches `pattern` (`cache` ~ `\(\d+:[0-9a-f]+\)` for memcg child caches)
     * - kernel: the kernel release matches `pattern` (`\.el7\.`) — a context rule, never enough alone
     * - component: the finding's component equals `value` (`cilium-agent`)
     * - nearby: `pattern` matches one of the lines printed just before the report (the same host's log, up to
     *   `within` lines back): the trigger an agent or the kernel logged first (`failed to look up link 'cilium_host'`)
     */
    kind: z.enum([
      "title",
      "title-prefix",
      "guilty-frame",
      "frame",
      "frames",
      "source-file",
      "message",
      "kind",
      "detail",
      "kernel",
      "component",
      "nearby",
    ]),
    value: z.string().optional(),
    values: z.array(z.string()).optional(),
    pattern: z.string().optional(),
    key: z.string().optional(),
    /** How much this rule says on its own, 0..1. Weights of fired rules combine as 1 - Π(1 - w). */
    weight: z.number().min(0).max(1),
    /** A rule that must fire for the entry to match at all. */
    required: z.boolean().optional(),
    /**
     * Evidence against: when this rule fires the finding is *not* this entry's bug (same text, different trigger).
     * The entry is then listed as related, with the rule's note as the reason, never as a match.
     */
    excludes: z.boolean().optional(),
    /** For `nearby` rules: how many lines before the report to look at (default 30). */
    within: z.number().int().min(1).max(200).optional(),
    /**
     * Finding kinds the rule looks at (`[hung-task]`); on a finding of another kind it does not fire. A line that
     * explains a hung task when it comes before it says nothing when it is the finding itself, and a driver's TX
     * timeout line quoted inside an RCU stall report is not the stall's cause.
     */
    kinds: z.array(z.string().regex(/^[a-z][a-z-]*$/)).min(1).optional(),
    note: z.string().optional(),
  })
  .superRefine((rule, ctx) => {
    const needs: Record<string, "value" | "values" | "pattern"> = {
      title: "value",
      "title-prefix": "value",
      "guilty-frame": "value",
      frame: "value",
      frames: "values",
      "source-file": "value",
      message: "pattern",
      kind: "value",
      detail: "pattern",
      kernel: "pattern",
      component: "value",
      nearby: "pattern",
    };
    const field = needs[rule.kind];
    if (field && !rule[field]) ctx.addIssue({ code: "custom", message: `a ${rule.kind} rule needs "${field}"` });
    if (rule.kind === "detail" && !rule.key) ctx.addIssue({ code: "custom", message: 'a detail rule needs "key"' });
    for (const p of [rule.pattern]) {
      if (!p) continue;
      try {
        new RegExp(p, "i");
      } catch (e) {
        // A pattern that does not compile is a validation error at load and save time.
        ctx.addIssue({ code: "custom", message: `bad regex ${JSON.stringify(p)}: ${(e as Error).message}` });
      }
    }
  });

/** A stable branch the fix was backported to. `introduced` is set when the bug itself reached the branch late (a stable-only introduction). */
export const branchFixSchema = z.object({
  /** `6.1`, `5.15` */
  branch: z.string().regex(/^\d+\.\d+$/),
  /** First fixed release on that branch, `6.1.103`. Absent: never fixed on this branch. */
  fixed: versionSchema.optional(),
  /** First affected release on that branch when the bug was backported into it. */
  introduced: versionSchema.optional(),
  commit: z.string().regex(/^[0-9a-f]{7,40}$/).optional(),
});

/**
 * What one distro stream says about the bug, in its own build numbers. The verdict reads these before any upstream
 * range: a vendor kernel's build number is the only reliable fact about its backports.
 */
export const distroFixSchema = z
  .object({
    /** rhel (centos, rocky, alma), ubuntu, debian, suse, amazon, cos, flatcar, oracle-uek, fedora, elrepo */
    distro: z.string(),
    /** The distro release/stream: `7`, `8.8`, `22.04`, `15-SP5`, `2023`; `*` for every stream of the distro. */
    release: z.string(),
    /** First fixed package version / kernel release: `3.10.0-1062.4.1.el7`, `5.15.0-112.122`. */
    fixed: z.string().optional(),
    /**
     * Builds reported broken (a prefix at a field boundary: `5.15.0-89` covers `5.15.0-89-generic` and
     * `5.15.0-89.99`). A running build listed here is affected even when no fixed build is known.
     */
    affected: z.array(z.string()).default([]),
    /**
     * Kernel flavours the builds belong to when they are not the distro's main kernel line: Ubuntu derivatives number
     * their own builds (`aws` 5.15.0-1070 vs `generic` 5.15.0-125), as do SUSE's `azure` and `rt` codestreams.
     * Absent: the main line (Ubuntu ABIs below 1000, SUSE `-default`); the row never judges another line's kernel.
     */
    flavours: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).optional(),
    advisory: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((d) => d.fixed !== undefined || d.affected.length > 0, "a distro fix needs `fixed` or `affected` builds");

export const componentFixSchema = z.object({
  /** The component that carries the fix: cilium, runc, docker, containerd, kubelet … */
  component: z.string(),
  /** A release line, e.g. `1.15`; absent means "any line, versions compare directly". */
  branch: z.string().optional(),
  fixed: versionSchema,
});

export const fixSchema = z.object({
  /** Full or abbreviated commit id; for non-kernel components a PR id is allowed in `ref`. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/)
    .optional(),
  ref: z.string().optional(),
  title: z.string(),
  /** `linux` (torvalds/stable), or a repository URL / owner/name for other components. */
  repository: z.string().default("linux"),
  /** First mainline release that contains the fix: `6.11` (kernel) */
  mainline: versionSchema.optional(),
  branches: z.array(branchFixSchema).default([]),
  distros: z.array(distroFixSchema).default([]),
  components: z.array(componentFixSchema).default([]),
  /** `primary` fixes decide the verdict; `related` fixes are listed for context. */
  role: z.enum(["primary", "related"]).default("primary"),
  cve: z.string().optional(),
  note: z.string().optional(),
});

export const workaroundSchema = z.object({
  title: z.string(),
  /** Exact shell commands, one per item, with `<dev>`-style placeholders. */
  commands: z.array(z.string()).default([]),
  caveats: z.string().optional(),
  /**
   * Distros the commands are written for (kernel families: ubuntu, debian, rhel, suse, fedora, flatcar, cos, amazon…).
   * Empty: any distro. Recommendations list the node's own distro's workarounds first and others' last.
   */
  distros: z.array(z.string()).default([]),
});

export const referenceSchema = z.object({
  url: z.string().url(),
  title: z.string().optional(),
  kind: z
    .enum(["commit", "cve", "issue", "mailing-list", "advisory", "article", "documentation", "changelog", "other"])
    .default("other"),
});

export const kbEntrySchema = z.object({
  id: kbIdSchema,
  title: z.string().min(3),
  summary: z.string().min(3),
  /** Markdown. */
  rootCause: z.string().default(""),
  /** kernel, cilium, calico, kubelet, runc, docker, containerd, kdump, hardware, … */
  component: z.string(),
  /** Where the entry comes from: shipped with oopscope, written by the team, or imported (CVE records). */
  origin: z.enum(["builtin", "team", "imported"]).default("builtin"),
  status: z.enum(["active", "draft", "retired"]).default("active"),
  signatures: z.array(signatureRuleSchema).min(1),
  /** Mainline release (or commit) that introduced the bug, when known. Kernels below it are not affected. */
  introduced: z
    .object({ mainline: versionSchema.optional(), commit: z.string().optional(), note: z.string().optional() })
    .optional(),
  fixes: z.array(fixSchema).default([]),
  workarounds: z.array(workaroundSchema).default([]),
  references: z.array(referenceSchema).default([]),
  related: z.array(kbIdSchema).default([]),
  /** Files the fix touches (`net/core/skbuff.c`), from CVE records' programFiles. */
  programFiles: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  /**
   * A class-level entry (soft lockup, hung task on I/O, OOM): it describes a symptom with many causes. Its score is
   * kept below 0.5 so any specific entry with evidence ranks above it, and it is never presented as "the" bug.
   */
  generic: z.boolean().default(false),
  /** For generic entries: what evidence would point at a specific cause (shown next to the match). */
  specificWhen: z.string().optional(),
  /** Notes for reviewers: where sources disagree, what is unverified. */
  notes: z.string().optional(),
});

export type SignatureRule = z.infer<typeof signatureRuleSchema>;
export type BranchFix = z.infer<typeof branchFixSchema>;
export type DistroFix = z.infer<typeof distroFixSchema>;
export type ComponentFix = z.infer<typeof componentFixSchema>;
export type Fix = z.infer<typeof fixSchema>;
export type Workaround = z.infer<typeof workaroundSchema>;
export type KbReference = z.infer<typeof referenceSchema>;
export type KbEntry = z.infer<typeof kbEntrySchema>;
/** What a YAML file holds before defaults are applied. */
export type KbEntryInput = z.input<typeof kbEntrySchema>;
