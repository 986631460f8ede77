/**
 * Signature rules for an imported CVE entry. Evidence comes from our own engine's reading of the crash quoted in
 * the description (so the rules speak the same titles and frame names as a triaged log); records without a
 * usable crash get one weak `message` rule on the function the CNA title names. programFiles alone are not a
 * rule: the matcher already uses them as a weak hint, and a file touched by a fix says little about a crash.
 */
import type { SignatureRule } from "../schema";
import type { Finding } from "../../engine/types";
import { isGenericFrame } from "../../engine/report/generic-frames";

/**
 * Lower than a curated entry would use: the title, guilty frame and stack rules are correlated (the title names
 * the guilty frame), so together they add up. Measured with `npm run bench:cve` (14.6k records + built-ins):
 * 0.9/0.6/0.5/0.4 let CVE entries displace 9 of 38 curated testdata/kb matches; 0.7/0.4/0.3/0.3 displace 2
 * (both CVEs of the very same bug) while a record's own crash still finds its CVE in the top 3 for 299/300.
 */
export const CVE_RULE_WEIGHTS = {
  title: 0.7,
  guiltyFrame: 0.4,
  frames: 0.3,
  sourceFile: 0.3,
  /** Below the matcher's minimum score alone: it needs a second hint (the fix's programFiles). */
  titleFunction: 0.2,
} as const;

/** Frames in the `frames` rule: enough to be specific, few enough to survive inlining differences between builds. */
const STACK_RULE_FRAMES = 4;
const MIN_STACK_RULE_FRAMES = 2;

/** The engine marks titles it could not complete (`… in corrupted`): not a stable identity. */
function isUsableTitle(f: Finding): boolean {
  return !f.corrupted && !/\bcorrupted\b/.test(f.title) && f.title.length >= 8;
}

/** Reliable, non-generic frames from the guilty frame down (the frames above it are reporting machinery). */
export function signatureFrames(f: Finding): string[] {
  const reliable = f.frames.filter((fr) => fr.reliable && fr.function).map((fr) => fr.function);
  const start = f.guiltyFrame ? Math.max(0, reliable.indexOf(f.guiltyFrame)) : 0;
  const out: string[] = [];
  for (const fn of reliable.slice(start)) {
    if (isGenericFrame(fn) || out.includes(fn) || /^bpf_prog_[0-9a-f]{16}/.test(fn)) continue;
    out.push(fn);
    if (out.length === STACK_RULE_FRAMES) break;
  }
  return out;
}

/** The finding that best identifies the bug: the first one the engine could title and blame. */
export function pickPrimaryFinding(findings: Finding[]): Finding | undefined {
  return (
    findings.find((f) => isUsableTitle(f) && f.guiltyFrame) ??
    findings.find((f) => isUsableTitle(f)) ??
    findings.find((f) => f.guiltyFrame || signatureFrames(f).length >= MIN_STACK_RULE_FRAMES)
  );
}

/**
 * Functions that report other code's bugs: the NETDEV WATCHDOG timer (`dev_watchdog`: any driver's stuck queue),
 * `remove_proc_entry` (any subsystem's missing /proc entry), `generic_shutdown_super` ("Busy inodes after unmount":
 * any filesystem's inode leak), `__nf_unregister_net_hook` (any double unregistration), `check_flush_dependency`
 * (any workqueue flag misuse), the FORTIFY_SOURCE reporters (any overflowing copy). Interrupt plumbing the CPU
 * happened to be in when a soft lockup fired (`__do_softirq`) names no bug either. The page allocator's checks
 * (`free_pcp_prepare`, `free_pages_prepare`, `bad_page`…) print "BUG: Bad page state" for whatever code corrupted or
 * double-freed the page earlier: an skb_segment double free and a virtio_net XDP headroom bug meet in the same
 * `free_pcp_prepare`. A CVE whose crash is blamed on one
 * of them says nothing specific through that name: its title and guilty frame are left out, its stack (callers)
 * still counts.
 */
export const DETECTOR_SITES: ReadonlySet<string> = new Set([
  "dev_watchdog",
  "remove_proc_entry",
  "generic_shutdown_super",
  "__nf_unregister_net_hook",
  "check_flush_dependency",
  "__fortify_report",
  "__fortify_panic",
  "fortify_panic",
  "__do_softirq",
  "handle_softirqs",
  "bad_page",
  "free_pcp_prepare",
  "free_pages_prepare",
  "free_page_is_bad",
  "free_unref_page_prepare",
  "free_unref_page",
  "__free_pages_ok",
  "check_new_page_bad",
  "check_new_pages",
]);

export function rulesFromFinding(f: Finding): SignatureRule[] {
  const rules: SignatureRule[] = [];
  if (f.guiltyFrame && DETECTOR_SITES.has(f.guiltyFrame)) {
    const callers = signatureFrames(f).filter((fn) => !DETECTOR_SITES.has(fn));
    if (callers.length >= MIN_STACK_RULE_FRAMES) rules.push({ kind: "frames", values: callers, weight: CVE_RULE_WEIGHTS.frames });
    return rules;
  }
  // A title that does not name the blamed function (`WARNING: possible circular locking dependency detected`,
  // `Watchdog detected hard LOCKUP on cpu NUM`) describes a detector, shared by hundreds of unrelated bugs.
  if (isUsableTitle(f) && f.guiltyFrame && f.title.includes(f.guiltyFrame))
    rules.push({ kind: "title", value: f.title, weight: CVE_RULE_WEIGHTS.title });
  if (f.guiltyFrame) rules.push({ kind: "guilty-frame", value: f.guiltyFrame, weight: CVE_RULE_WEIGHTS.guiltyFrame });
  const frames = signatureFrames(f);
  if (frames.length >= MIN_STACK_RULE_FRAMES) rules.push({ kind: "frames", values: frames, weight: CVE_RULE_WEIGHTS.frames });
  if (f.sourceFile) rules.push({ kind: "source-file", value: f.sourceFile, weight: CVE_RULE_WEIGHTS.sourceFile });
  return rules;
}

/** C identifiers that name a function in prose: `foo_bar()`, or `foo_bar` with an underscore (not a CONFIG_ macro). */
const FUNCTION_CALL = /\b([A-Za-z_][A-Za-z0-9_]{2,})\(\)/g;
const SNAKE_IDENTIFIER = /(?<![\w])(_*[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b/g;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A name worth a rule: a kernel function has an underscore (`skb_put`, `__dev_queue_xmit`); single words from
 * prose (`put()`, `set()`), upper-case macros (`BUG()`, `WARN_ON()`) and generic frames (locking, allocation)
 * would fire on unrelated reports.
 */
function isDistinctiveFunction(name: string): boolean {
  return /_/.test(name.replace(/^_+/, "")) && /[a-z]/.test(name) && !/^[A-Z0-9_]+$/.test(name) && name.length >= 6 && !isGenericFrame(name);
}

/** The function a CVE title (or, failing that, the first prose paragraph) names, if any. */
export function keyFunctionName(title: string, firstParagraph?: string): string | undefined {
  // The subsystem prefix (`net/mlx5e:`, `ice:`) is not a function.
  const subject = title.replace(/^(?:[\w./-]+:\s*)+/, "");
  for (const text of [subject, firstParagraph ?? ""]) {
    const call = [...text.matchAll(FUNCTION_CALL)].map((m) => m[1]).find(isDistinctiveFunction);
    if (call) return call;
    const snake = [...text.matchAll(SNAKE_IDENTIFIER)].map((m) => m[1]).find(isDistinctiveFunction);
    if (snake) return snake;
  }
  return undefined;
}

/** The weak rule for records without crash text: the named function appearing in a report line. */
export function titleFunctionRule(fn: string): SignatureRule {
  return {
    kind: "message",
    pattern: `\\b${escapeRegex(fn)}\\b`,
    weight: CVE_RULE_WEIGHTS.titleFunction,
    note: "function named by the CVE title; the record quotes no crash",
  };
}
