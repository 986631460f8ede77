/**
 * KB index: every entry is reachable through the exact keys its signature rules name (title, title prefix head,
 * guilty frame, frames, source file, component), through the rarest required word of its `message` regexes
 * (regex-literals.ts), or — for entries anchored only on a finding kind — through a kind bucket. Matching a finding looks up its own keys and
 * evaluates only the entries reached; nothing scans all entries, and regexes run only on those candidates.
 * Entries are passed in (pure); building 15,000 entries takes a few hundred milliseconds.
 */
import type { KbEntry, SignatureRule } from "../../kb/schema";
import { normalizeComponent } from "../versions/component-name";
import { requiredWords } from "./regex-literals";

export type CompiledRule = {
  rule: SignatureRule;
  /** Compiled `pattern` (case-insensitive) for message/detail/kernel rules; undefined when it does not compile. */
  regex?: RegExp;
  /** Identifies the bug (title, frames, message…); `kind`, `kernel` and `component` only give context. */
  specific: boolean;
};

export type IndexedEntry = {
  entry: KbEntry;
  /** Position in the index (stable tie-break: input order). */
  ordinal: number;
  rules: CompiledRule[];
  /** `programFiles` of the entry (files its fix touches), for a weak source-file hint. */
  programFiles: Set<string>;
};

export type KbIndex = {
  entries: IndexedEntry[];
  byId: Map<string, IndexedEntry>;
  byTitle: Map<string, number[]>;
  /** Title-prefix rules bucketed by the prefix's leading complete words (`kernel BUG`); `""` for short prefixes. */
  byTitlePrefixHead: Map<string, number[]>;
  byGuiltyFrame: Map<string, number[]>;
  byFrame: Map<string, number[]>;
  bySourceFile: Map<string, number[]>;
  byProgramFile: Map<string, number[]>;
  byComponent: Map<string, number[]>;
  /** Lower-cased literal word of a message rule → entries. */
  byToken: Map<string, number[]>;
  /** Entries with a kind rule and no other key: reached by every finding of that kind. */
  byKindAnchor: Map<string, number[]>;
  /**
   * Lower-cased literal word of a `nearby` rule → entries: probed with the lines printed before the report. An entry
   * whose evidence for this finding sits only in those lines (`unregister_netdevice: waiting for lo …` before a
   * hung task whose cut stack names nothing but `mutex_lock`) is reached through them.
   */
  byContextToken: Map<string, number[]>;
  /**
   * Ids of entries no finding can reach: no rule gives an index key (e.g. only a message regex with no pinned word,
   * or only context rules). They never match; the KB editor should say so.
   */
  unreachable: string[];
  /** Words per title-prefix head, so lookups try exactly the head lengths in use. */
  prefixHeadWords: number;
  /** Imported CVE entries left out because a curated entry covers the same CVE. */
  superseded: string[];
};

export type BuildKbIndexOptions = {
  /** Match draft entries too (the KB editor's preview). Retired entries never match. */
  includeDrafts?: boolean;
};

const SPECIFIC_KINDS = new Set<SignatureRule["kind"]>([
  "title",
  "title-prefix",
  "guilty-frame",
  "frame",
  "frames",
  "source-file",
  "message",
  "detail",
  "nearby",
]);

/** A message word used by more rules than this is a weak key (see the message keying in buildKbIndex). */
export const COMMON_WORD_RULES = 64;

/** Leading complete words of a title prefix used as its bucket key. */
export const PREFIX_HEAD_WORDS = 2;

/** The bucket key of a title prefix: up to PREFIX_HEAD_WORDS words that the prefix spells out in full. */
export function prefixHead(prefix: string): string {
  const words = prefix.split(/\s+/).filter(Boolean);
  const complete = /\s$/.test(prefix) ? words.length : words.length - 1;
  return words.slice(0, Math.max(0, Math.min(PREFIX_HEAD_WORDS, complete))).join(" ");
}

function push(map: Map<string, number[]>, key: string | undefined, ordinal: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [ordinal]);
  else if (list[list.length - 1] !== ordinal) list.push(ordinal);
}

function compile(rule: SignatureRule): CompiledRule {
  let regex: RegExp | undefined;
  if (rule.pattern !== undefined) {
    try {
      regex = new RegExp(rule.pattern, "i");
    } catch (e) {
      // Kept: kbEntrySchema reports a bad pattern at load/save time; an entry that bypassed it loses only this rule.
      if (!(e instanceof SyntaxError)) throw e;
      regex = undefined;
    }
  }
  // Evidence against an entry never makes it match.
  return { rule, regex, specific: SPECIFIC_KINDS.has(rule.kind) && !rule.excludes };
}

export function buildKbIndex(entries: KbEntry[], options: BuildKbIndexOptions = {}): KbIndex {
  const index: KbIndex = {
    entries: [],
    byId: new Map(),
    byTitle: new Map(),
    byTitlePrefixHead: new Map(),
    byGuiltyFrame: new Map(),
    byFrame: new Map(),
    bySourceFile: new Map(),
    byProgramFile: new Map(),
    byComponent: new Map(),
    byToken: new Map(),
    byKindAnchor: new Map(),
    byContextToken: new Map(),
    unreachable: [],
    prefixHeadWords: PREFIX_HEAD_WORDS,
    superseded: [],
  };

  // A curated entry that names a CVE among its fixes supersedes the imported record of that CVE: one bug, one
  // entry (the curated one carries the workarounds and the reviewed signature).
  const curatedCves = new Set<string>();
  for (const entry of entries) {
    if (!entry || entry.origin === "imported" || entry.status === "retired") continue;
    for (const f of entry.fixes ?? []) if (f.cve) curatedCves.add(f.cve);
  }

  // Pass 1: keep usable entries, compile rules, count how many message rules use each literal word.
  const tokenDocFreq = new Map<string, number>();
  /** Per entry, per rule: the required words of each top-level alternative of a message rule. */
  const messageWords: string[][][][] = [];
  for (const entry of entries) {
    if (!entry || entry.status === "retired" || (entry.status === "draft" && !options.includeDrafts)) continue;
    if (index.byId.has(entry.id)) continue; // first definition wins (builtin before team overrides is the caller's order)
    if (entry.origin === "imported" && curatedCves.has(entry.id)) {
      index.superseded.push(entry.id);
      continue;
    }
    const ordinal = index.entries.length;
    const rules = (entry.signatures ?? []).map(compile);
    const indexed: IndexedEntry = { entry, ordinal, rules, programFiles: new Set(entry.programFiles ?? []) };
    index.entries.push(indexed);
    index.byId.set(entry.id, indexed);
    const perRule = rules.map((r) => (r.rule.kind === "message" && r.rule.pattern ? requiredWords(r.rule.pattern) : []));
    for (const alternatives of perRule)
      for (const words of alternatives) for (const w of words) tokenDocFreq.set(w, (tokenDocFreq.get(w) ?? 0) + 1);
    messageWords.push(perRule);
  }

  // Pass 2: index keys. A message rule is keyed on its rarest literal word (fewest candidates per lookup).
  for (const indexed of index.entries) {
    const { ordinal, rules } = indexed;
    let keyed = false;
    rules.forEach(({ rule }) => {
      switch (rule.kind) {
        case "title":
          push(index.byTitle, rule.value, ordinal);
          keyed = true;
          break;
        case "title-prefix":
          if (rule.value) {
            push(index.byTitlePrefixHead, prefixHead(rule.value), ordinal);
            keyed = true;
          }
          break;
        case "guilty-frame":
          push(index.byGuiltyFrame, rule.value, ordinal);
          keyed = true;
          break;
        case "frame":
          push(index.byFrame, rule.value, ordinal);
          keyed = true;
          break;
        case "frames":
          for (const v of rule.values ?? []) push(index.byFrame, v, ordinal);
          keyed = keyed || (rule.values ?? []).length > 0;
          break;
        case "source-file":
          push(index.bySourceFile, rule.value, ordinal);
          keyed = true;
          break;
        case "component":
          push(index.byComponent, rule.value ? normalizeComponent(rule.value) : undefined, ordinal);
          keyed = true;
          break;
        case "message":
          break; // keyed below, once we know whether the entry has other keys

        default:
          break;
      }
    });
    // Message rules: one key per alternative (the text must contain a word of whichever alternative matched),
    // the rarest word of each. A word shared by many rules (`invalid`, `failed`) would make every finding with
    // it evaluate all those regexes: such keys are used only by entries no other key reaches.
    rules.forEach((_, i) => {
      for (const words of messageWords[ordinal][i]) {
        const rarest = words.reduce((a, b) => ((tokenDocFreq.get(b) ?? 0) < (tokenDocFreq.get(a) ?? 0) ? b : a));
        if (!keyed || (tokenDocFreq.get(rarest) ?? 0) <= COMMON_WORD_RULES) push(index.byToken, rarest, ordinal);
      }
    });
    keyed ||= messageWords[ordinal].some((alternatives) => alternatives.length > 0);
    // Context lines are probed only against these keys, so each alternative keys on its longest literal word whatever
    // else keys the entry. `keyed` stays as it was: an entry only context can reach is still listed as unreachable.
    for (const { rule } of rules) {
      if (rule.kind !== "nearby" || !rule.pattern || rule.excludes) continue;
      for (const words of requiredWords(rule.pattern)) {
        if (words.length > 0) push(index.byContextToken, words.reduce((a, b) => (b.length > a.length ? b : a)), ordinal);
      }
    }
    for (const f of indexed.programFiles) push(index.byProgramFile, f, ordinal);
    if (!keyed) {
      const kinds = rules.filter((r) => r.rule.kind === "kind" && r.rule.value).map((r) => r.rule.value!);
      if (kinds.length > 0) for (const k of kinds) push(index.byKindAnchor, k, ordinal);
      else index.unreachable.push(indexed.entry.id);
    }
  }
  return index;
}
