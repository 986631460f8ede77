/**
 * One finding → ranked KB matches. Candidates come from the index (never a scan of all entries); each candidate's
 * signature rules are evaluated, `required` rules gate, fired weights combine as 1 − Π(1 − w), and a match needs
 * at least one rule that identifies the bug (a shared kind, kernel or component alone is context, not evidence).
 * Imported (CVE) entries rank below curated ones on equal evidence. The top matches get a verdict for the
 * kernel/component at hand; entries the best match lists as related are appended with `related: true`.
 */
import type { KbEntry } from "../../kb/schema";
import type { Finding, Match } from "../types";
import { parseKernelRelease, type KernelRelease } from "../versions/parse-kernel-release";
import { computeVerdict } from "../versions/verdict";
import { findPredatedIntroduction, type PredatedIntroduction } from "../versions/find-predated-introduction";
import { normalizeComponent } from "../versions/component-name";
import { MIN_WORD_LENGTH, WORD_PATTERN } from "./regex-literals";
import { ripFunction } from "../report/metadata";
import { type CompiledRule, type IndexedEntry, type KbIndex } from "./build-kb-index";
import { KNOWN_ISSUE_MIN_SCORE } from "./match-strength";

export type MatchContext = {
  /** The kernel the finding ran on (triage parses the boot banner); else the finding's own release is parsed. */
  kernel?: KernelRelease;
  /** Component versions on the node (`cilium` → `1.15.0`); the finding's own component version is added. */
  componentVersions?: Record<string, string>;
  /** Matches returned (related entries come on top). Default 5. */
  maxMatches?: number;
};

/** Below this a match is noise. */
export const MIN_MATCH_SCORE = 0.2;
/** Imported CVE entries are broad and unreviewed: same evidence, lower rank. */
export const IMPORTED_SCORE_FACTOR = 0.9;
/** A fix touching the finding's source file says a little on its own (CVE programFiles). */
const PROGRAM_FILE_WEIGHT = 0.15;
/** Source files a symbolised report must name before "the fix touches none of them" counts against an entry. */
const MIN_FILES_FOR_MISMATCH = 3;
const PROGRAM_FILE_MISMATCH_FACTOR = 0.7;
/** A curated, specific match at or above this ranks before imported records (see the sort in matchFinding). */
const STRONG_CURATED_SCORE = 0.5;
/** Class-level entries stay below this, so a specific entry with real evidence always ranks above them. */
export const GENERIC_SCORE_CAP = 0.45;
/**
 * A vendor kernel whose base line is older than the bug (RHEL 7's 3.10 for a 5.12 bug): only a vendor backport of the
 * introducing commit would bring it. A match at 0.8 on the crash text alone drops below the known-issue line (0.3);
 * kernels that follow upstream are not scored at all (the match becomes related: find-predated-introduction.ts).
 */
export const PREDATES_INTRODUCTION_FACTOR = 0.35;
/** The score of a match on the source file alone: a weak candidate (below KNOWN_ISSUE_MIN_SCORE), never advice. */
export const SOURCE_FILE_ONLY_SCORE = 0.25;
/** Context lines a `nearby` rule looks back by default. */
const DEFAULT_NEARBY_LINES = 30;
/** Text lines and frames looked at per finding: reports are capped upstream, this bounds the worst case. */
const MAX_TEXT_LINES = 300;
const MAX_FRAMES = 96;

const ORIGIN_RANK: Record<Match["origin"], number> = { builtin: 0, team: 0, imported: 1 };

/** What the rules look at, computed once per finding. */
type FindingView = {
  finding: Finding;
  titles: string[];
  frames: string[];
  frameSet: Set<string>;
  sourceFiles: string[];
  lines: string[];
  /** Lines printed before the report, nearest last. */
  context: string[];
  kernelRaw?: string;
};

function viewOf(finding: Finding, kernel: KernelRelease | undefined): FindingView {
  const frames: string[] = [];
  // The function the CPU was in (`RIP: 0010:skb_segment+0xbc8/0xf20`) is the top of the stack even when the
  // call trace printed below it starts at the caller.
  const ripFn = finding.rip ? ripFunction(finding.rip) : "";
  if (ripFn && finding.frames?.[0]?.function !== ripFn) frames.push(ripFn);
  const sourceFiles = new Set<string>();
  if (finding.sourceFile) sourceFiles.add(finding.sourceFile);
  for (const fr of (finding.frames ?? []).slice(0, MAX_FRAMES)) {
    if (fr.file) sourceFiles.add(fr.file);
    if (fr.reliable) frames.push(fr.function);
  }
  // Unique lines: repeated report lines (register dumps, `</IRQ>`) cannot change a regex verdict.
  const lines = [
    ...new Set(
      [finding.headline, ...(finding.report ?? []).slice(0, MAX_TEXT_LINES), finding.panicMessage].filter(
        (l): l is string => typeof l === "string" && l.length > 0,
      ),
    ),
  ];
  return {
    finding,
    titles: [finding.title, ...(finding.altTitles ?? [])].filter(Boolean),
    frames,
    frameSet: new Set(frames),
    sourceFiles: [...sourceFiles],
    lines,
    context: finding.context ?? [],
    kernelRaw: kernel?.raw ?? finding.kernelRelease,
  };
}

function sameFile(have: string, want: string): boolean {
  // Symbolised traces may carry absolute build paths: `/build/linux-x/net/core/skbuff.c`.
  return have === want || have.endsWith(`/${want}`);
}

function isSubsequence(stack: string[], wanted: string[]): boolean {
  let i = 0;
  for (const fn of stack) if (fn === wanted[i] && ++i === wanted.length) return true;
  return wanted.length === 0;
}

/** The reason text when the rule fires, undefined when it does not. */
function evaluateRule(cr: CompiledRule, v: FindingView): string | undefined {
  const { rule, regex } = cr;
  const f = v.finding;
  if (rule.kinds && !rule.kinds.includes(f.kind)) return undefined;
  switch (rule.kind) {
    case "title":
      return v.titles.includes(rule.value ?? "") ? `title “${rule.value}”` : undefined;
    case "title-prefix":
      return rule.value && v.titles.some((t) => t.startsWith(rule.value!)) ? `title starts with “${rule.value}”` : undefined;
    case "guilty-frame":
      return rule.value && f.guiltyFrame === rule.value ? `guilty frame ${rule.value}` : undefined;
    case "frame":
      return rule.value && v.frameSet.has(rule.value) ? `${rule.value} in the stack` : undefined;
    case "frames":
      return rule.values && rule.values.length > 0 && isSubsequence(v.frames, rule.values)
        ? `stack ${rule.values.join(" → ")}`
        : undefined;
    case "source-file":
      return rule.value && v.sourceFiles.some((s) => sameFile(s, rule.value!)) ? `source file ${rule.value}` : undefined;
    case "message": {
      if (!regex) return undefined;
      const line = v.lines.find((l) => regex.test(l));
      return line !== undefined ? `message /${rule.pattern}/` : undefined;
    }
    case "kind":
      return f.kind === rule.value ? `kind ${rule.value}` : undefined;
    case "detail": {
      if (!regex || !rule.key || !f.details || !(rule.key in f.details)) return undefined;
      const value = String(f.details[rule.key]);
      return regex.test(value) ? `${rule.key} = ${value}` : undefined;
    }
    case "kernel":
      return regex && v.kernelRaw && regex.test(v.kernelRaw) ? `kernel ${v.kernelRaw}` : undefined;
    case "nearby": {
      if (!regex) return undefined;
      const within = rule.within ?? DEFAULT_NEARBY_LINES;
      // The report's own lines count too: where a report starts (`cut here` vs the warning) varies by format.
      const line = v.context.slice(-within).find((l) => regex.test(l)) ?? v.lines.find((l) => regex.test(l));
      return line !== undefined ? `nearby: “${line.length > 120 ? `${line.slice(0, 117)}…` : line}”` : undefined;
    }
    case "component":
      // `cilium` and `cilium-agent` name the same project (fixes are per project, findings per process).
      return rule.value && f.component && normalizeComponent(f.component) === normalizeComponent(rule.value)
        ? `component ${f.component}`
        : undefined;
    default:
      return undefined;
  }
}

/** `excludedBy`: evidence against fired — the entry is listed as related (same text, different bug), never matched. */
type Scored = {
  indexed: IndexedEntry;
  score: number;
  reasons: string[];
  excludedBy?: string;
  /** The kernel is older than the bug (find-predated-introduction.ts): the verdict says why. */
  predated?: PredatedIntroduction;
};

/** The running kernel older than the bug: upstream-following kernels cannot carry it, vendor kernels probably not. */
function applyIntroduction(s: Scored, kernel: KernelRelease | undefined, crashModule: string | undefined): Scored | undefined {
  const predated = findPredatedIntroduction({ kernel, entry: s.indexed.entry, module: crashModule });
  if (!predated) return s;
  if (predated.effect === "backport-only") return { ...s, predated };
  if (predated.effect === "excluded") return { ...s, predated, excludedBy: s.excludedBy ?? predated.reason };
  const score = Math.round(s.score * PREDATES_INTRODUCTION_FACTOR * 1000) / 1000;
  if (score < MIN_MATCH_SCORE && !s.excludedBy) return undefined;
  return { ...s, predated, score, reasons: [...s.reasons, `the kernel's base line predates the bug (${s.indexed.entry.introduced?.mainline}): score × ${PREDATES_INTRODUCTION_FACTOR}`] };
}

function scoreEntry(indexed: IndexedEntry, v: FindingView): Scored | undefined {
  let miss = 1;
  let specific = false;
  /** A specific rule other than the source file matched: a function, a title, a message, a detail. */
  let beyondFile = false;
  let excludedBy: string | undefined;
  const reasons: string[] = [];
  for (const cr of indexed.rules) {
    const reason = evaluateRule(cr, v);
    if (cr.rule.excludes) {
      if (reason !== undefined) excludedBy ??= cr.rule.note ? `${cr.rule.note} (${reason})` : `ruled out by ${reason}`;
      continue;
    }
    if (reason === undefined) {
      if (cr.rule.required) return undefined;
      continue;
    }
    miss *= 1 - cr.rule.weight;
    specific ||= cr.specific && cr.rule.weight > 0;
    beyondFile ||= cr.specific && cr.rule.weight > 0 && cr.rule.kind !== "source-file";
    // A long regex says less to a reader than the rule's own note.
    reasons.push(cr.rule.note ? (reason.length > 80 ? cr.rule.note : `${reason} (${cr.rule.note})`) : reason);
  }
  if (indexed.programFiles.size > 0) {
    const hit = v.sourceFiles.find((s) => indexed.programFiles.has(s));
    if (hit) {
      miss *= 1 - PROGRAM_FILE_WEIGHT;
      reasons.push(`the fix touches ${hit}`);
    }
  }
  if (!specific) return undefined;
  let score = 1 - miss;
  if (!beyondFile && score >= KNOWN_ISSUE_MIN_SCORE) {
    // One file holds many bugs (net/core/skbuff.c: dozens of BUG_ONs and WARNs): the file alone is a candidate to read,
    // never a known issue to act on.
    score = SOURCE_FILE_ONLY_SCORE;
    reasons.push("only the source file matches: another bug in the same file is as likely");
  }
  if (indexed.entry.origin === "imported") score *= IMPORTED_SCORE_FACTOR;
  if (indexed.entry.origin === "imported" && indexed.programFiles.size > 0 && v.sourceFiles.length >= MIN_FILES_FOR_MISMATCH && !v.sourceFiles.some((s) => indexed.programFiles.has(s))) {
    // A symbolised stack that touches none of the files the fix changes is evidence against (another driver's copy
    // of the same helper misuse: erspan vs geneve both warn in skb_mac_header).
    score *= PROGRAM_FILE_MISMATCH_FACTOR;
    reasons.push("the fix touches none of the files in this stack");
  }
  if (indexed.entry.generic) score = Math.min(score, GENERIC_SCORE_CAP);
  if (score < MIN_MATCH_SCORE) return undefined;
  return { indexed, score: Math.round(score * 1000) / 1000, reasons, ...(excludedBy ? { excludedBy } : {}) };
}

function collectCandidates(index: KbIndex, v: FindingView): Set<number> {
  const out = new Set<number>();
  const add = (list: number[] | undefined) => {
    if (list) for (const o of list) out.add(o);
  };
  const f = v.finding;
  for (const t of v.titles) {
    add(index.byTitle.get(t));
    // Prefix heads of 0..N words: a title "kernel BUG in skb_segment" probes "", "kernel", "kernel BUG".
    const words = t.split(/\s+/);
    for (let n = 0; n <= Math.min(index.prefixHeadWords, words.length); n++) {
      add(index.byTitlePrefixHead.get(words.slice(0, n).join(" ")));
    }
  }
  if (f.guiltyFrame) {
    add(index.byGuiltyFrame.get(f.guiltyFrame));
    add(index.byFrame.get(f.guiltyFrame));
  }
  for (const fn of v.frameSet) add(index.byFrame.get(fn));
  for (const s of v.sourceFiles) {
    add(index.bySourceFile.get(s));
    add(index.byProgramFile.get(s));
    // Absolute build paths: try the path from each `/` on (at most a few levels deep).
    let cut = s.indexOf("/");
    for (let depth = 0; cut >= 0 && depth < 8; depth++, cut = s.indexOf("/", cut + 1)) {
      const tail = s.slice(cut + 1);
      add(index.bySourceFile.get(tail));
      add(index.byProgramFile.get(tail));
    }
  }
  if (f.component) add(index.byComponent.get(normalizeComponent(f.component)));
  add(index.byKindAnchor.get(f.kind));
  // Literal words of the report probe message-rule keys; words of the lines before it probe nearby-rule keys.
  const probeWords = (keys: Map<string, number[]>, texts: Iterable<string>) => {
    if (keys.size === 0) return;
    const seen = new Set<string>();
    for (const text of texts) {
      for (const m of text.matchAll(WORD_PATTERN)) {
        if (m[0].length < MIN_WORD_LENGTH) continue;
        const tok = m[0].toLowerCase();
        if (seen.has(tok)) continue;
        seen.add(tok);
        add(keys.get(tok));
      }
    }
  };
  probeWords(index.byToken, [...v.titles, ...v.lines, ...v.frames]);
  probeWords(index.byContextToken, v.context);
  return out;
}

/** The verdict of a kernel older than the bug: the introduction decides, or heads the vendor kernel's reason. */
function verdictOf(entry: KbEntry, kernel: KernelRelease | undefined, componentVersions: Record<string, string> | undefined, predated: PredatedIntroduction | undefined) {
  const verdict = computeVerdict({ kernel, entry, componentVersions });
  if (!predated || entry.component !== "kernel") return verdict;
  if (predated.effect !== "excluded") return { ...verdict, reason: `${predated.reason}; ${verdict.reason}` };
  // `fixed` with a "predates" reason is how verdicts say "not affected" (verdict.ts); a point-known kernel got it there.
  if (verdict.status === "fixed" && /predates/.test(verdict.reason)) return verdict;
  return { status: "fixed" as const, confidence: 0.6, reason: predated.reason };
}

function toMatch(
  indexed: IndexedEntry,
  score: number,
  reasons: string[],
  kernel: KernelRelease | undefined,
  componentVersions: Record<string, string> | undefined,
  related?: boolean,
  predated?: PredatedIntroduction,
): Match {
  const entry: KbEntry = indexed.entry;
  const verdict = verdictOf(entry, kernel, componentVersions, predated);
  return {
    kbId: entry.id,
    title: entry.title,
    score,
    reasons,
    verdict: verdict.status,
    confidence: verdict.confidence,
    verdictReason: verdict.reason,
    ...(verdict.fixedIn ? { fixedIn: verdict.fixedIn } : {}),
    ...(entry.generic ? { generic: true } : {}),
    ...(entry.generic && entry.specificWhen ? { specificWhen: entry.specificWhen } : {}),
    origin: entry.origin ?? "builtin",
    ...(related ? { related: true } : {}),
  };
}

export function matchFinding(finding: Finding, index: KbIndex, ctx: MatchContext = {}): Match[] {
  const kernel =
    ctx.kernel ?? (finding.kernelRelease ? parseKernelRelease(finding.kernelRelease, finding.kernelBuild) : undefined);
  const componentVersions = {
    ...ctx.componentVersions,
    ...(finding.component && finding.componentVersion ? { [finding.component]: finding.componentVersion } : {}),
  };
  const v = viewOf(finding, kernel);
  // The module of the crash site: its code may come from a backport package newer than the kernel.
  const crashFrame = finding.frames?.find((fr) => fr.function === finding.guiltyFrame) ?? finding.frames?.find((fr) => fr.reliable);
  const crashModule = crashFrame?.module;
  const scored: Scored[] = [];
  for (const ordinal of collectCandidates(index, v)) {
    const s = scoreEntry(index.entries[ordinal], v);
    const judged = s && applyIntroduction(s, kernel, crashModule);
    if (judged) scored.push(judged);
  }
  const excluded = scored.filter((s) => s.excludedBy);
  const kept = scored.filter((s) => !s.excludedBy);
  // A reviewed (curated, specific) entry with strong evidence outranks unreviewed imported records of the same
  // crash site: several CVEs share a site (ext4_writepages, skb_segment) and the curated one carries the advice.
  const tier = (s: Scored) =>
    s.indexed.entry.origin !== "imported" && !s.indexed.entry.generic && s.score >= STRONG_CURATED_SCORE ? 0 : 1;
  kept.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      b.score - a.score ||
      Number(Boolean(a.indexed.entry.generic)) - Number(Boolean(b.indexed.entry.generic)) ||
      ORIGIN_RANK[a.indexed.entry.origin ?? "builtin"] - ORIGIN_RANK[b.indexed.entry.origin ?? "builtin"] ||
      a.indexed.ordinal - b.indexed.ordinal,
  );
  const top = kept.slice(0, ctx.maxMatches ?? 5);
  const matches = top.map((s) => toMatch(s.indexed, s.score, s.reasons, kernel, componentVersions, false, s.predated));
  const have = new Set(matches.map((m) => m.kbId));
  // Same text, different bug: shown as related with the evidence against, never as a match.
  for (const s of excluded.sort((a, b) => b.score - a.score)) {
    have.add(s.indexed.entry.id);
    matches.push(toMatch(s.indexed, 0, [`not this bug: ${s.excludedBy}`, ...s.reasons], kernel, componentVersions, true, s.predated));
  }
  if (top.length > 0) {
    const best = top[0].indexed.entry;
    for (const id of best.related ?? []) {
      const rel = index.byId.get(id);
      if (!rel || have.has(id)) continue;
      have.add(id);
      matches.push(toMatch(rel, 0, [`listed as related by ${best.id}`], kernel, componentVersions, true));
    }
  }
  return matches;
}

/** Ids of the entries a finding reaches through the index (before rules are evaluated): for tests and the KB editor. */
export function findKbCandidates(finding: Finding, index: KbIndex): string[] {
  return [...collectCandidates(index, viewOf(finding, undefined))].map((o) => index.entries[o].entry.id);
}

/** Match every finding of an incident (fills nothing in place; returns matches per finding id). */
export function matchFindings(findings: Finding[], index: KbIndex, ctx: MatchContext = {}): Map<string, Match[]> {
  const out = new Map<string, Match[]>();
  for (const f of findings) out.set(f.id, matchFinding(f, index, ctx));
  return out;
}
