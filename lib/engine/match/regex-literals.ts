/**
 * Which words must a text contain for a `message` regex to match it? The index keys message rules on such a word,
 * so the regex only runs for findings whose text holds it. The text side is cut into words with WORD_PATTERN, so a
 * pattern word is a usable key only when the pattern pins both of its ends to non-word characters: in
 * `skb_\w+` the text word is `skb_segment`, never `skb_`; in an unanchored `fault` it may be `page_fault`.
 * A pattern with top-level alternatives needs one key per alternative; optional, alternating and look-around
 * groups contribute nothing. When some alternative yields no key, the rule cannot be keyed.
 */

/** Words of a finding's text, as the index sees them. */
export const WORD_PATTERN = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g;

/** Shorter words are too common in kernel text to narrow anything down. */
export const MIN_WORD_LENGTH = 4;

/** Skeleton markers: a position that may hold a word character, and one that certainly does not. */
const MAYBE_WORD = "\x01";
const NON_WORD = "\x02";

/** Index just past the group that starts at `start` (`(`), respecting escapes and classes; -1 if unclosed. */
function skipGroup(s: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return -1;
}

/** Split at `|` outside groups and classes. */
export function splitTopLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let from = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      const end = skipGroup(pattern, i);
      if (end < 0) return [pattern];
      i = end - 1;
    } else if (c === "|") {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  out.push(pattern.slice(from));
  return out;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/**
 * The pattern as a string of literal characters and markers: escapes and classes that can match a word character
 * become MAYBE_WORD, whitespace/anchors/boundaries NON_WORD; quantifiers blur the element they apply to.
 */
function skeleton(s: string): string {
  let out = "";
  const blurLast = () => {
    out = out.slice(0, -1) + MAYBE_WORD;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      const e = s[i + 1] ?? "";
      i++;
      if ("sbnrtfv".includes(e)) out += NON_WORD;
      else if ("dDwWSB".includes(e)) out += MAYBE_WORD;
      else if (e === "x" || e === "u" || e === "p" || e === "k" || /\d/.test(e)) {
        out += MAYBE_WORD; // hex/unicode escapes, properties, back-references: not worth decoding
        i += e === "x" ? 2 : e === "u" ? 4 : 0;
      } else out += e; // escaped punctuation is literal
    } else if (c === "[") {
      let j = i + 1;
      while (j < s.length && s[j] !== "]") j += s[j] === "\\" ? 2 : 1;
      out += MAYBE_WORD;
      i = j;
    } else if (c === "(") {
      const end = skipGroup(s, i);
      if (end < 0) return out + MAYBE_WORD;
      const inner = s.slice(i + 1, end - 1);
      const lookaround = /^\?(?:[=!]|<[=!])/.test(inner);
      const body = inner.replace(/^\?(?::|<[A-Za-z_]\w*>)/, "");
      const q = s[end];
      const optional = q === "?" || q === "*" || (q === "{" && /^\{0[,}]/.test(s.slice(end)));
      const alternating = splitTopLevelAlternatives(body).length > 1;
      out += optional || alternating || lookaround ? MAYBE_WORD : skeleton(body);
      i = end - 1;
    } else if (c === "?" || c === "*") {
      blurLast(); // the previous element may be absent
    } else if (c === "+" || c === "{") {
      if (c === "{") {
        const close = s.indexOf("}", i);
        if (close > i && /^\{\d+(,\d*)?\}$/.test(s.slice(i, close + 1))) i = close;
        else {
          out += "{"; // a literal brace
          continue;
        }
      }
      if (isWordChar(out[out.length - 1])) out += MAYBE_WORD; // `ab+`: more letters may follow
    } else if (c === ".") {
      out += MAYBE_WORD;
    } else if (c === "^" || c === "$") {
      out += NON_WORD;
    } else {
      out += c;
    }
  }
  return out;
}

/** Words one alternative pins on both sides, lower-cased. */
function wordsOf(alternative: string): string[] {
  const sk = skeleton(alternative);
  const words: string[] = [];
  for (const m of sk.matchAll(WORD_PATTERN)) {
    const at = m.index ?? 0;
    const before = sk[at - 1];
    const after = sk[at + m[0].length];
    // Unanchored ends and blurred neighbours may extend the word in the text; a hyphen joins words there.
    const open = (c: string | undefined) => c === undefined || c === MAYBE_WORD || c === "-";
    if (open(before) || open(after)) continue;
    if (m[0].length >= MIN_WORD_LENGTH) words.push(m[0].toLowerCase());
  }
  return [...new Set(words)];
}

/** Required words per top-level alternative. Empty when any alternative pins none (the rule cannot be keyed). */
export function requiredWords(pattern: string): string[][] {
  const alternatives = splitTopLevelAlternatives(pattern).map(wordsOf);
  return alternatives.some((w) => w.length === 0) ? [] : alternatives;
}
