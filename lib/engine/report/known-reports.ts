/**
 * Crash storms (issue 11): a node prints the same soft lockup or hung task thousands of times, each copy differing only
 * in its numbers (CPU, seconds, PID, register values) and in the unrelated kernel lines of its host that follow its
 * stack up to the next report. Title, guilty frame, frames and the corrupted verdict (a `ReportAnalysis`) cost ~0.2 ms
 * per report; a *report key* — the class, the report's lines up to the last one any title, frame or section rule reacts
 * to, with decimal numbers and long hex words masked — is computed before that, and a report of a known key takes the
 * analysis of the first report of that key.
 *
 * A key is trusted only once verified: when a second report of a key comes, the first one's *canonical variant* (every
 * masked number changed, the inert tail dropped) is analysed too, and when that analysis differs from the printed
 * report's (a title that names a number, a rule that reads the tail, frames that keep an address) the key is refused
 * and each of its reports is analysed in full. A log of distinct reports pays only the keys. What a report's
 * occurrence owns (host, times, lines, metadata, guilty file, source line) is never taken from the key.
 */
import type { FindingKind, Frame } from "../types";
import type { CrashClass } from "./classes";
import { FROM_HEADER_SECTION, REPORT_PREFILTER } from "./classes";
import { isInertStackLine } from "./frames";
import { memoByText } from "./memo-by-text";

/** What the title, frame and corrupted rules read of a report's text (from its header on). */
export type ReportAnalysis = {
  kind: FindingKind;
  title: string;
  altTitles: string[];
  syzkallerTitle?: string;
  type?: string;
  guiltyFrame?: string;
  frames: Frame[];
  corrupted: boolean;
  corruptedReason?: string;
};

/** Keys kept per input (a storm has a handful; the bound only matters for a log of many distinct reports). */
const MAX_KEYS = 1024;

/**
 * Numbers masked in a key: long hex words (register values, addresses without `0x`), then decimal runs that are not
 * part of a name (`jbd2`, `ip6_output`, `sda1`). `0x…` literals stay: frame offsets (`+0x1c6/0x2a0`) are part of the
 * frames a key hands on.
 */
const NUMBER = /\b[0-9a-f]{8,}\b|0x[0-9a-f]+|(?<![A-Za-z_])\d+/gi;
/** A line naming an address-like word: a title template may look an address up in any line (`functionAtAddress`). */
const ADDRESS_LIKE = /\[<|\b[0-9a-fA-F]{8,}\b/;
/** Keywords that promise a stack (the corrupted rule checks each for frames after it). */
const STACK_KEYWORD = /Call Trace|Call trace|backtrace|Backtrace|Allocated by task|Freed by task|PID: \d+\s+TASK: /;

const maskText = (text: string) => text.replace(NUMBER, (m) => (m[0] === "0" && (m[1] === "x" || m[1] === "X") ? m : "#"));
/** A storm's frame lines repeat word for word: each is masked once (headers differ in their numbers: not kept). */
const maskRepeated = memoByText(maskText);

/** Every masked number changed (hex words digit by digit at the same length, decimal runs and one digit longer). */
export function perturbNumbers(text: string): string {
  return text.replace(NUMBER, (m) => {
    if (m[0] === "0" && (m[1] === "x" || m[1] === "X")) return m;
    if (m.length >= 8 && /^[0-9a-f]+$/i.test(m)) {
      let out = "";
      for (const c of m.toLowerCase()) out += "123456789abcdef0"["0123456789abcdef".indexOf(c)];
      return out;
    }
    let out = "";
    for (const c of m) out += String((Number(c) + 3) % 10);
    return out + "1";
  });
}

/**
 * A line after the report's stack that no title, frame, section or corrupted rule of `cls` reacts to: no frame or
 * section for the stack walk, no report header, no stack keyword, no address, no title format or section pattern of
 * the class (multi-line title formats read the text joined).
 */
export function isInertTail(text: string, cls: CrashClass): boolean {
  for (const pattern of linePatternsOf(cls)) if (pattern.test(text)) return false;
  return isInertStackLine(text);
}

const LINE_PATTERNS = new WeakMap<CrashClass, readonly RegExp[]>();

/**
 * What makes a line after the stack matter to `cls`: any report header, stack keyword or address-like word, and the
 * class's title formats, stack sections and bystander bounds, each once (formats share their section patterns).
 */
function linePatternsOf(cls: CrashClass): readonly RegExp[] {
  let patterns = LINE_PATTERNS.get(cls);
  if (patterns === undefined) {
    const set = new Set<RegExp>([REPORT_PREFILTER, STACK_KEYWORD, ADDRESS_LIKE]);
    for (const format of cls.formats) {
      set.add(format.match);
      // FROM_HEADER_SECTION is no line pattern (it stands for the header, which is always in the key).
      for (const section of format.stack?.sections ?? []) if (section !== FROM_HEADER_SECTION) set.add(section);
      for (const b of format.stack?.bystanders ?? []) set.add(b.from).add(b.until);
    }
    patterns = unionsOf([...set]);
    LINE_PATTERNS.set(cls, patterns);
  }
  return patterns;
}

/**
 * Patterns joined into one alternation per set of flags (a tail line is tested against ~60 patterns of the `BUG:`
 * class): the union matches where any of them does. A pattern with a backreference or a named group keeps its own
 * test (numbering and names change in a union); `g`/`y` are dropped (`test` would move their lastIndex).
 */
export function unionsOf(patterns: readonly RegExp[]): RegExp[] {
  const alone: RegExp[] = [];
  const byFlags = new Map<string, string[]>();
  for (const re of patterns) {
    const flags = re.flags.replace(/[gy]/g, "");
    if (/\\[1-9k]|\(\?<[^=!]/.test(re.source)) {
      alone.push(new RegExp(re.source, flags));
      continue;
    }
    let sources = byFlags.get(flags);
    if (!sources) byFlags.set(flags, (sources = []));
    sources.push(`(?:${re.source})`);
  }
  return [...alone, ...[...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags))];
}

/** Index of the last line before the inert tail (texts[0] is the header, always in). */
function coreEnd(texts: readonly string[], cls: CrashClass): number {
  let end = texts.length - 1;
  while (end > 0 && isInertTail(texts[end], cls)) end--;
  return end;
}

/** The key of a report (see the top of this file), and where its inert tail starts. */
export function reportKey(cls: CrashClass, texts: readonly string[]): { key: string; core: number } {
  const core = coreEnd(texts, cls);
  let key = cls.id + "\n" + maskText(texts[0]);
  for (let i = 1; i <= core; i++) key += "\n" + maskRepeated(texts[i]);
  return { key, core };
}

/** The report as its key stands for it: numbers changed, inert tail dropped. */
export function canonicalVariant(texts: readonly string[], core: number): string[] {
  return texts.slice(0, core + 1).map(perturbNumbers);
}

/**
 * A key seen once keeps its report's analysis and canonical variant (`unverified`): it is verified when a second report
 * of the key comes, so a log of distinct reports pays no second analysis.
 */
type Entry =
  | { unverified: FirstReport }
  | { analysis: ReportAnalysis | undefined }
  | { refused: string };

export const copyAnalysis = (a: ReportAnalysis | undefined): ReportAnalysis | undefined =>
  a === undefined ? undefined : { ...a, altTitles: [...a.altTitles], frames: a.frames.map((f) => ({ ...f })) };

type Analyse = (texts: readonly string[]) => ReportAnalysis | undefined;
/** A key's first report: its analysis and its lines up to the inert tail (perturbed only if a second report comes). */
type FirstReport = { analysis: ReportAnalysis | undefined; core: readonly string[] };

/** The analyses of one input's reports by report key (one per scanned input, like `RepeatedReports`). */
export class KnownReports {
  private readonly byKey = new Map<string, Entry>();
  /** Reports analysed from their key; keys verified; keys refused (with why, for tests and debugging). */
  hits = 0;
  verified = 0;
  readonly refusals: string[] = [];

  /**
   * The analysis of the report `texts` (from its header on) of class `cls`: a verified key's, else `analyse(texts)`.
   * `undefined`: no title format matched (not a report).
   */
  analysisOf(cls: CrashClass, texts: readonly string[], analyse: Analyse): ReportAnalysis | undefined {
    const { analysis, shared } = this.keyedAnalysisOf(cls, texts, analyse);
    return shared ? copyAnalysis(analysis) : analysis;
  }

  /**
   * `analysisOf`, and where the report's inert tail starts (`core`: texts[0..core] are its key's lines). `shared`: the
   * analysis is the key's own — read it, copy it (`copyAnalysis`) before handing it on or changing it.
   */
  keyedAnalysisOf(cls: CrashClass, texts: readonly string[], analyse: Analyse): { analysis: ReportAnalysis | undefined; core: number; shared: boolean } {
    const { key, core } = reportKey(cls, texts);
    let entry = this.byKey.get(key);
    if (entry !== undefined && "unverified" in entry) {
      entry = this.verify(cls, entry.unverified, analyse);
      this.byKey.set(key, entry);
    }
    if (entry === undefined) {
      const analysis = analyse(texts);
      if (this.byKey.size >= MAX_KEYS) this.byKey.clear();
      this.byKey.set(key, { unverified: { analysis: copyAnalysis(analysis), core: texts.slice(0, core + 1) } });
      return { analysis, core, shared: false };
    }
    if (!("analysis" in entry)) return { analysis: analyse(texts), core, shared: false };
    this.hits++;
    return { analysis: entry.analysis, core, shared: true };
  }

  /** The first report's analysis stands for its key when its canonical variant is analysed the same. */
  private verify(cls: CrashClass, first: FirstReport, analyse: Analyse): Entry {
    let canonical: ReportAnalysis | undefined;
    try {
      canonical = analyse(canonicalVariant(first.core, first.core.length - 1));
    } catch (e) {
      // The printed report was analysed; only its variant failed: the key is refused (each report analysed in full).
      return this.refuse(`${cls.id}: canonical variant threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (JSON.stringify(canonical) !== JSON.stringify(first.analysis)) return this.refuse(`${cls.id}: numbers or tail change the analysis of ${JSON.stringify(first.core[0])}`);
    this.verified++;
    return { analysis: first.analysis };
  }

  private refuse(why: string): Entry {
    if (this.refusals.length < 100) this.refusals.push(why);
    return { refused: why };
  }
}
