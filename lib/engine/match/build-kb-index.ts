/**
 * KB index: every entry is reachable through the exact keys its signature rules name (title, title prefix head,
 * guilty frame, frames, source file, component), through the rarest literal word of its `message` regexes, or —
 * for entries anchored only on a finding kind — through a kind bucket. Matching a finding looks up its own keys and
 * evaluates only the entries reached; nothing scans all entries, and regexes run only on those candidates.
 * Entries are passed in (pure); building 15,000 entries takes a few hundred milliseconds.
 */
import type { KbEntry, SignatureRule } from "../../kb/schema";
import { normalizeComponent } from "../versions/component-name";

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
  /** Entries with no usable key at all (unindexable message alternations only): checked for every finding. */
  unanchored: number[];
  /** Words per title-prefix head, so lookups try exactly the head lengths in use. */
  prefixHeadWords: number;
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
]);

/** Leading complete words of a title prefix used as its bucket key. */
export const PREFIX_HEAD_WORDS = 2;

/** The bucket key of a title prefix: up to PREFIX_HEAD_WORDS words that the prefix spells out in full. */
export function prefixHead(prefix: string): string {
  const words = prefix.split(/\s+/).filter(Boolean);
  const complete = /\s$/.test(prefix) ? words.length : words.length - 1;
  return words.slice(0, Math.max(0, Math.min(PREFIX_HEAD_WORDS, complete))).join(" ");
}

/** Words a regex requires literally, lower-cased. Empty when the pattern has alternatives or optional parts we cannot see through. */
export function literalTokens(pattern: string): string[] {
  // An alternation or an optional group means no single word is required: leave such rules unindexed.
  if (/(^|[^\\])\|/.test(pattern) || /\)[?*]/.test(pattern)) return [];
  const stripped = pattern
    .replace(/\\[dDsSwWbBnrtfv]/g, " ") // class escapes
    .replace(/\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}/g, " ")
    .replace(/\[(?:\\.|[^\]\\])*\]/g, " ") // character classes
    .replace(/\{\d+(?:,\d*)?\}/g, " ") // counted quantifiers
    .replace(/\\(.)/g, "$1"); // escaped punctuation is literal
  // A word followed by `?`/`*` is optional in its last character or entirely: cut at such quantifiers.
  const tokens: string[] = [];
  for (const m of stripped.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g)) {
    const after = stripped[(m.index ?? 0) + m[0].length];
    const before = stripped[(m.index ?? 0) - 1];
    if (after === "?" || after === "*" || before === "?") continue;
    if (m[0].length >= 4) tokens.push(m[0].toLowerCase());
  }
  return tokens;
}

/** Words of a finding's text that can hit a message-rule token (same alphabet as `literalTokens`). */
export const TOKEN_PATTERN = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g;

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
    } catch {
      regex = undefined; // the schema rejects bad patterns; a rule that still does not compile never fires
    }
  }
  return { rule, regex, specific: SPECIFIC_KINDS.has(rule.kind) };
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
    unanchored: [],
    prefixHeadWords: PREFIX_HEAD_WORDS,
  };

  // Pass 1: keep usable entries, compile rules, count how many message rules use each literal word.
  const tokenDocFreq = new Map<string, number>();
  const messageTokens: string[][][] = [];
  for (const entry of entries) {
    if (!entry || entry.status === "retired" || (entry.status === "draft" && !options.includeDrafts)) continue;
    if (index.byId.has(entry.id)) continue; // first definition wins (builtin before team overrides is the caller's order)
    const ordinal = index.entries.length;
    const rules = (entry.signatures ?? []).map(compile);
    const indexed: IndexedEntry = { entry, ordinal, rules, programFiles: new Set(entry.programFiles ?? []) };
    index.entries.push(indexed);
    index.byId.set(entry.id, indexed);
    const perRule = rules.map((r) => (r.rule.kind === "message" && r.rule.pattern ? [...new Set(literalTokens(r.rule.pattern))] : []));
    for (const toks of perRule) for (const t of toks) tokenDocFreq.set(t, (tokenDocFreq.get(t) ?? 0) + 1);
    messageTokens.push(perRule);
  }

  // Pass 2: index keys. A message rule is keyed on its rarest literal word (fewest candidates per lookup).
  for (const indexed of index.entries) {
    const { ordinal, rules } = indexed;
    let keyed = false;
    rules.forEach(({ rule }, i) => {
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
        case "message": {
          const toks = messageTokens[ordinal][i];
          if (toks.length === 0) break;
          const rarest = toks.reduce((a, b) => ((tokenDocFreq.get(b) ?? 0) < (tokenDocFreq.get(a) ?? 0) ? b : a));
          push(index.byToken, rarest, ordinal);
          keyed = true;
          break;
        }
        default:
          break;
      }
    });
    for (const f of indexed.programFiles) push(index.byProgramFile, f, ordinal);
    if (!keyed) {
      const kinds = rules.filter((r) => r.rule.kind === "kind" && r.rule.value).map((r) => r.rule.value!);
      if (kinds.length > 0) for (const k of kinds) push(index.byKindAnchor, k, ordinal);
      else if (rules.some((r) => r.specific)) index.unanchored.push(ordinal);
      // Entries with only context rules (kernel, component-less, kind-less) can never match: not reachable.
    }
  }
  return index;
}
