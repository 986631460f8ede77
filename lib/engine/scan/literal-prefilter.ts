/**
 * The scanner's prefilter: where in a chunk any needle occurs, found over the raw bytes by the shift-or module
 * (shift-or-wasm.ts) and confirmed by comparing bytes. The needles are derived from the same tables as
 * before — the alternatives of `REPORT_PREFILTER` and the event needles — so a class or event added to its table
 * is found without touching this file. An alternative that is not a plain literal (`PID: \d+ +TASK: `) is found by
 * its literal prefix and confirmed with its own regex; one without a usable prefix (or any pattern with flags
 * that change literal matching) is run as a regex over the chunk, as the whole prefilter used to be.
 *
 * An alternative written `\bBUG` starts at a word start: the needle fires on `kernel BUG at`, `] BUG:` but not on the
 * `BUG` of an application's `DEBUG` line (on a busy node those are a large share of all lines, and every hit opens a
 * window that is decoded and parsed). The raw bytes still carry terminal colours (`dmesg --color` highlights
 * `\x1b[31mBUG: …`), so a colour sequence's closing `m` counts as a word start too; the lines are cleaned of it later.
 */
import { latin1Of } from "../ingest/read-lines";
import { BUCKETS, instantiateShiftOr, LANES, MASK_TABLE_BYTES, TEXT_BASE, UNROLL, type ShiftOrInstance } from "./shift-or-wasm";

export type Needle = {
  /** Literal text, one char per byte (compared with raw bytes). */
  literal: string;
  /** When the literal is only the start of a pattern: confirmed at the literal's position (sticky). */
  confirm?: RegExp;
  /** The literal must not follow a word character (`\b` before a literal that starts with one). */
  wordStart?: boolean;
};

export type PrefilterPlan = {
  needles: Needle[];
  /**
   * Alternatives with no literal to anchor on, run as regexes over the chunk: one per flag set of the patterns they
   * come from, plus `gm` (`^` is a line start, as when a line is tested alone).
   */
  residual: RegExp[];
  /** The literals of the needles that come from `patterns` (not from `literals`), each once. */
  patternLiterals: string[];
};

/** Shorter prefixes would make most bytes candidates; such alternatives go to the residual regex. */
const MIN_PREFIX = 3;

/** `\b` as the raw bytes need it: a word start, or right after a terminal colour sequence (`\x1b[1;31m`). */
export const WORD_START_SOURCE = "(?:\\b|(?<=\\x1b\\[[0-9;]*m))";
const WORD_BYTE = new Uint8Array(256);
for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz") WORD_BYTE[c.charCodeAt(0)] = 1;
/**
 * What the lane just before a word-start needle's head accepts: no word byte, but `m`, which may end a colour
 * sequence (the confirmation looks further back).
 */
const GUARD_BYTES: readonly number[] = Array.from({ length: 256 }, (_, b) => b).filter((b) => !WORD_BYTE[b] || b === 109);

/** A leading `\b` of an alternative whose text then starts with a word character: that text and true. */
function splitWordStart(alternative: string): { body: string; wordStart: boolean } {
  if (alternative.startsWith("\\b") && /^[0-9A-Za-z_]/.test(alternative.slice(2))) return { body: alternative.slice(2), wordStart: true };
  return { body: alternative, wordStart: false };
}

/** Whether a needle found at bytes[start] starts a word of its line (lines begin at `from` or after a `\n`). */
function atWordStart(bytes: Uint8Array, from: number, start: number): boolean {
  if (start <= from) return true;
  const before = bytes[start - 1];
  if (!WORD_BYTE[before]) return true;
  if (before !== 109 /* m */) return false;
  let p = start - 2;
  while (p >= from && ((bytes[p] >= 48 && bytes[p] <= 57) || bytes[p] === 59)) p--;
  return p - 1 >= from && bytes[p] === 91 /* [ */ && bytes[p - 1] === 27;
}

/** Top-level alternatives of a regex source (a `|` inside a group or class does not split). */
export function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

const QUANTIFIER = /[*+?{]/;

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The literal every match of `alternative` starts with, and whether that literal is the whole alternative.
 * Escaped punctuation (`\.`, `\(`, `\/`) is literal; a class escape (`\d`), a group, a class or an anchor ends the
 * prefix; so does a quantified char (it may be absent or repeated).
 */
export function literalPrefix(alternative: string): { literal: string; exact: boolean; wordStart?: true } {
  const { body, wordStart } = splitWordStart(alternative);
  if (wordStart) return { ...literalPrefix(body), wordStart };
  let literal = "";
  let i = 0;
  while (i < alternative.length) {
    let ch: string;
    let width: number;
    const c = alternative[i];
    if (c === "\\") {
      const next = alternative[i + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) return { literal, exact: false };
      ch = next;
      width = 2;
    } else if (".^$()[]|*+?{}".includes(c)) return { literal, exact: false };
    else {
      ch = c;
      width = 1;
    }
    if (QUANTIFIER.test(alternative[i + width] ?? "")) return { literal, exact: false };
    literal += ch;
    i += width;
  }
  return { literal, exact: true };
}

/** Needles (deduplicated) and residual alternatives of regexes and plain literals. */
export function planPrefilter(patterns: RegExp[], literals: string[]): PrefilterPlan {
  const needles = new Map<string, Needle[]>();
  /** Residual sources by the flags of their pattern (without g, y). */
  const residual = new Map<string, string[]>();
  const keep = (source: string, flags = "") => residual.set(flags, [...(residual.get(flags) ?? []), source]);
  const add = (needle: Needle) => {
    const list = needles.get(needle.literal) ?? [];
    // A bare literal already accepts every position a confirmed or word-start one would.
    const isBare = (n: Needle) => !n.confirm && !n.wordStart;
    if (list.some(isBare)) return;
    needles.set(needle.literal, isBare(needle) ? [needle] : [...list, needle]);
  };
  /** The alternative's source with a leading `\b` that also accepts a colour sequence before the word. */
  const rawSource = (alt: string) => {
    const { body, wordStart } = splitWordStart(alt);
    return wordStart ? WORD_START_SOURCE + body : alt;
  };
  // Literals that can be compared with raw bytes: one byte per char, no NUL, no line end.
  const latin1 = (s: string) => /^[\x01-\x09\x0b-\xff]*$/.test(s);
  const patternLiterals = new Set<string>();
  for (const re of patterns) {
    const flags = re.flags.replace(/[gy]/g, "");
    // `i` (case), `u`/`v` (code points) change what a literal matches: such a pattern stays a regex, whole.
    if (/[iuv]/.test(flags)) {
      keep(re.source, flags);
      continue;
    }
    for (const alt of splitAlternatives(re.source)) {
      const { literal, exact, wordStart } = literalPrefix(alt);
      if (literal.length < MIN_PREFIX || !latin1(literal)) {
        keep(rawSource(alt), flags);
        continue;
      }
      patternLiterals.add(literal);
      if (exact) add({ literal, ...(wordStart && { wordStart }) });
      else add({ literal, confirm: new RegExp(rawSource(alt), flags + "y"), ...(wordStart && { wordStart }) });
    }
  }
  for (const literal of literals) {
    if (literal.length === 0) continue;
    if (latin1(literal)) add({ literal });
    else keep(escapeRegExp(literal));
  }
  return {
    needles: [...needles.values()].flat(),
    residual: [...residual].map(([flags, sources]) => new RegExp(sources.join("|"), "g" + (flags.includes("m") ? flags : flags + "m"))),
    patternLiterals: [...patternLiterals],
  };
}

/**
 * A needle as the automaton sees it: `head` bytes of its literal from `windowAt` (`window`), the rarest run of at
 * most LANES bytes. A prefix would do, but many needles start with a word every log is full of (`systemd-…`,
 * `kernel BUG`, `device …`): their first LANES bytes would pass every such line to the byte comparison.
 */
type BucketNeedle = Needle & { head: number; windowAt: number; window: Uint8Array; bytes: Uint8Array; needle: Needle };

function bucketNeedle(n: Needle): BucketNeedle {
  const bytes = Uint8Array.from(n.literal, (c) => c.charCodeAt(0));
  const head = Math.min(bytes.length, LANES);
  let windowAt = 0;
  let best = Infinity;
  // A word-start needle's guard (the lane before its head rejects word bytes) needs the head at the literal's start.
  const lastStart = n.wordStart ? 0 : bytes.length - head;
  for (let at = 0; at <= lastStart; at++) {
    let weight = 1;
    for (let k = at; k < at + head; k++) weight *= BYTE_WEIGHT[bytes[k]];
    // A head that spells a common word's run (`Request` of `Request device [`, `Interna` of `Internal error:`) lets
    // every line with that word through its bucket, however rare its bytes are one by one.
    if (head === LANES && COMMON_GRAM_SET.has(n.literal.slice(at, at + head))) weight += COMMON_GRAM_RATE;
    if (weight < best) {
      best = weight;
      windowAt = at;
    }
  }
  return { ...n, head, windowAt, window: bytes.subarray(windowAt, windowAt + head), bytes, needle: n };
}

/**
 * How often each byte occurs in log text, roughly: a lane that accepts a space or `e` passes far more positions than
 * one that accepts `K` or `(` (a uniform model put `int3: ` beside `kernel B` and let every `kernel: ` through).
 */
const BYTE_WEIGHT = (() => {
  const w = new Float64Array(256).fill(0.0005);
  const english = "etaoinsrhldcumfpgwybvkxjqz";
  for (let i = 0; i < english.length; i++) w[english.charCodeAt(i)] = 0.09 / (1 + i * 0.25);
  for (let c = 48; c <= 57; c++) w[c] = 0.012;
  for (let c = 65; c <= 90; c++) w[c] = 0.004;
  for (const c of ":.-/[]_,()") w[c.charCodeAt(0)] = 0.008;
  // key=value and quoted fields: every structured application line has several.
  for (const c of '="') w[c.charCodeAt(0)] = 0.03;
  w[32] = 0.14;
  return w;
})();

type Lanes = Array<Set<number> | "any">;

function weightOf(lane: Set<number>): number {
  let sum = 0;
  for (const b of lane) sum += BYTE_WEIGHT[b];
  return sum;
}

/** The share of log text a word-start guard lane lets through. */
const GUARD_WEIGHT = GUARD_BYTES.reduce((sum, b) => sum + BYTE_WEIGHT[b], 0);

/** The weight of the guard's bytes a lane already accepts (counted once when the guard joins it). */
function guardWeightOf(lane: Set<number>): number {
  let sum = 0;
  for (const b of lane) if (!WORD_BYTE[b] || b === 109) sum += BYTE_WEIGHT[b];
  return sum;
}

/**
 * Words most log lines carry, with the bytes around them: the syslog tag, the level words of application logs, the
 * nouns of every daemon's messages. `BYTE_WEIGHT` takes a lane's bytes as independent, so a bucket whose lanes happen
 * to spell one of these (`Kernel ` beside `killed ` and `PANIC: ` accepts `kernel:`) looked cheap and let a quarter
 * of a quiet log's lines through to the byte comparison. Each 7-byte run of these words a bucket accepts is charged
 * COMMON_GRAM_RATE on top of the estimate.
 */
const COMMON_LOG_WORDS = [
  " kernel: ", " kernel ", "[kernel] ", " systemd[1]: ", " device ", " device: ", " devices ", " namespace ", " namespace=",
  " DEBUG ", " INFO ", " WARN ", " WARNING ", " ERROR ", " TRACE ", "level=debug ", "level=info ", "level=warning ", "level=error ",
  " request ", " Request ", " requests ", " response ", " internal ", " Internal ", " interface ", " connection ",
  " Received ", " message ", " Started ", " Starting ", " Stopped ", " Finished ", " session ", " Session ", " container ",
  " Container ", " containerd", " kubelet", " pod ", " service ", " network ", " process ", " audit: ", " type=", " status=",
  " error ", " error: ", " failed ", " timeout ", " handler ", " Accepted ", " Disconnected ", " pam_unix(", " CRON[",
  // A Kubernetes node's steadiest lines: containerd/dockerd's logfmt, every veth's and bridge port's state changes.
  ']: time="', ' msg="', ": link becomes ready", " entered promiscuous mode", " left promiscuous mode", " entered blocking state",
  " entered forwarding state", " entered disabled state", " Selected source ", " publickey ",
];
const COMMON_GRAM_RATE = 0.01;
const COMMON_GRAMS: Uint8Array[] = (() => {
  const seen = new Set<string>();
  const grams: Uint8Array[] = [];
  for (const word of COMMON_LOG_WORDS) {
    for (let at = 0; at + LANES <= word.length; at++) {
      const gram = word.slice(at, at + LANES);
      if (seen.has(gram)) continue;
      seen.add(gram);
      grams.push(Uint8Array.from(gram, (c) => c.charCodeAt(0)));
    }
  }
  return grams;
})();

const COMMON_GRAM_SET = new Set(COMMON_GRAMS.map((g) => String.fromCharCode(...g)));

/** Lane membership for `commonRate`: byte b is in lane l when ACCEPTS[l * 256 + b] holds the current call's stamp. */
const ACCEPTS = new Uint32Array(LANES * 256);
const ANY_LANE = new Uint8Array(LANES);
let acceptsStamp = 0;

/** COMMON_GRAM_RATE for each common gram the bucket's lanes accept (with `needle` added, when given). */
function commonRate(bucketLanes: Lanes, needle?: BucketNeedle): number {
  // A stamped table rather than Set#has: the placement asks this ~16,000 times (needles × buckets × rounds).
  const stamp = ++acceptsStamp;
  const pad = needle ? LANES - needle.head : 0;
  const guard = needle?.wordStart ? pad - 1 : -1;
  for (let l = 0; l < LANES; l++) {
    const lane = bucketLanes[l];
    ANY_LANE[l] = lane === "any" || (l < pad && l !== guard) ? 1 : 0;
    if (ANY_LANE[l] === 1 || lane === "any") continue;
    for (const b of lane) ACCEPTS[l * 256 + b] = stamp;
    if (l === guard) for (const b of GUARD_BYTES) ACCEPTS[l * 256 + b] = stamp;
    else if (needle) ACCEPTS[l * 256 + needle.window[l - pad]] = stamp;
  }
  let rate = 0;
  for (const gram of COMMON_GRAMS) {
    // Last lane first: the byte a needle's head ends on is where most grams differ.
    let l = LANES - 1;
    while (l >= 0 && (ANY_LANE[l] === 1 || ACCEPTS[l * 256 + gram[l]] === stamp)) l--;
    if (l < 0) rate += COMMON_GRAM_RATE;
  }
  return rate;
}

/**
 * The share of positions a bucket with these lanes lets through (its estimated false candidates): each lane passes
 * the share of log text its bytes make up (`BYTE_WEIGHT`), the bucket their product, plus the common words it accepts
 * (`commonRate`). "any" lanes are skipped (a factor of 1), in lane order: the same floating-point values as
 * multiplying every lane, so ties break the same way.
 */
function passRate(bucketLanes: Lanes): number {
  let p = 1;
  for (const lane of bucketLanes) if (lane !== "any") p *= Math.min(1, weightOf(lane));
  return p + commonRate(bucketLanes);
}

/** passRate of the bucket with `needle` added (the lanes before its head turn "any": a factor of 1). */
function passRateWith(bucketLanes: Lanes, needle: BucketNeedle): number {
  const pad = LANES - needle.head;
  let p = 1;
  const guardLane = needle.wordStart && pad > 0 ? bucketLanes[pad - 1] : "any";
  if (guardLane !== "any") p *= Math.min(1, weightOf(guardLane) + GUARD_WEIGHT - guardWeightOf(guardLane));
  for (let l = pad; l < LANES; l++) {
    const lane = bucketLanes[l];
    if (lane === "any") continue;
    const b = needle.window[l - pad];
    p *= Math.min(1, weightOf(lane) + (lane.has(b) ? 0 : BYTE_WEIGHT[b]));
  }
  return p + commonRate(bucketLanes, needle);
}

/**
 * A bucket's lanes with `needle` added: its head right-aligned to the top lane, the lanes before it "any" but for a
 * word-start needle's guard (`GUARD_BYTES`), as `buildBuckets` writes the masks. The guard is what keeps `DEBUG` from
 * `\bBUG `; a bucket whose other needles put a word byte in that lane undoes it (`EDAC ` let a busy node's every Java
 * DEBUG line through), which the model now sees.
 */
function addToLanes(bucketLanes: Lanes, needle: BucketNeedle): void {
  const pad = LANES - needle.head;
  for (let l = 0; l < LANES; l++) {
    const lane = bucketLanes[l];
    if (l === pad - 1 && needle.wordStart) {
      if (lane !== "any") for (const b of GUARD_BYTES) lane.add(b);
    } else if (l < pad) bucketLanes[l] = "any";
    else if (lane !== "any") lane.add(needle.window[l - pad]);
  }
}

function lanesOf(members: readonly BucketNeedle[]): Lanes {
  const lanes: Lanes = Array.from({ length: LANES }, () => new Set<number>());
  for (const m of members) addToLanes(lanes, m);
  return lanes;
}

/** A bucket's estimated pass rate; an empty bucket passes nothing. */
function bucketCost(members: readonly BucketNeedle[]): number {
  return members.length === 0 ? 0 : passRate(lanesOf(members));
}

/**
 * Puts each needle in the bucket where it adds the fewest expected false candidates. A bucket accepts, per lane, the
 * union of its members' bytes (any byte in lanes a short member pads), so mixing short needles makes a loose bucket
 * ("BUG" and "XFS (" together accept "BU (", "XFG"…). Short needles are placed first (`sorted`), each into the
 * bucket it loosens least (at first an empty one); long ones then share buckets where they cost little.
 */
function greedyPlacement(sorted: readonly BucketNeedle[]): BucketNeedle[][] {
  const placed: BucketNeedle[][] = Array.from({ length: BUCKETS }, () => []);
  const lanes: Lanes[] = Array.from({ length: BUCKETS }, () => lanesOf([]));
  /** passRate of each bucket as it stands (0 while empty). */
  const rates: number[] = new Array<number>(BUCKETS).fill(0);
  for (const needle of sorted) {
    let best = 0;
    let bestCost = Infinity;
    for (let b = 0; b < BUCKETS; b++) {
      const cost = passRateWith(lanes[b], needle) - rates[b];
      if (cost < bestCost || (cost === bestCost && placed[b].length < placed[best].length)) {
        best = b;
        bestCost = cost;
      }
    }
    placed[best].push(needle);
    addToLanes(lanes[best], needle);
    rates[best] = passRate(lanes[best]);
  }
  return placed;
}

/**
 * Rounds of single-needle moves tried after the greedy placement (each round: every needle, every other bucket). Four
 * stopped short of where the moves settle: with ~190 needles one more needle could move the result from 0.13 to 0.25
 * positions per quiet line, or 0.35 to 0.55 per busy one (December 2026, the NIC link rows); at twelve the moves have
 * stopped on that day's plan (0.00 / 0.39; 0.13 / 0.36 after later needles), for ~60 ms more of placement where no
 * build stored the tables. One needle more still swings it (`Xid ` 0.26 quiet): the byte model's estimate, not the
 * search, is what is off.
 */
const PLACEMENT_ROUNDS = 12;

/**
 * The greedy placement, improved by moving single needles between buckets while the summed pass rate drops. The
 * greedy order decides early where a short needle goes, before the needles that would have loosened that bucket most
 * are seen: as needles were added (174 in December 2026) the greedy placement let twice as many positions through to
 * the byte comparison on a quiet log (123k → 245k per 32 MB). A few rounds of moves take that back; each costs a few
 * milliseconds, and the CLI build stores the result (`PrefilterTables`).
 */
function improvePlacement(placed: BucketNeedle[][]): BucketNeedle[][] {
  const lanes = placed.map(lanesOf);
  const cost = placed.map(bucketCost);
  for (let round = 0; round < PLACEMENT_ROUNDS; round++) {
    let moved = false;
    for (let from = 0; from < BUCKETS; from++) {
      for (let i = 0; i < placed[from].length; i++) {
        const needle = placed[from][i];
        const without = placed[from].filter((_, k) => k !== i);
        const fromCost = bucketCost(without);
        let best = -1;
        let bestGain = 1e-12;
        let bestToCost = 0;
        for (let to = 0; to < BUCKETS; to++) {
          if (to === from) continue;
          const toCost = passRateWith(lanes[to], needle);
          const gain = cost[from] + cost[to] - fromCost - toCost;
          if (gain > bestGain) {
            best = to;
            bestGain = gain;
            bestToCost = toCost;
          }
        }
        if (best < 0) continue;
        placed[from] = without;
        lanes[from] = lanesOf(without);
        cost[from] = fromCost;
        placed[best].push(needle);
        addToLanes(lanes[best], needle);
        cost[best] = bestToCost;
        moved = true;
        i--;
      }
    }
    if (!moved) break;
  }
  return placed;
}

/** What `LiteralPrefilter.scan` found in bytes[from, to). */
export type LinesScan = {
  /** Ascending positions where some needle starts. */
  hits: number[];
  /** Ascending positions of every `\n`; valid until the next call (it may be a view of the module's memory). */
  lineEnds: Int32Array;
};

/**
 * The automaton's tables for one plan, computed by the CLI build (scripts/build-cli.mjs) so that a run does not spend
 * its start-up placing needles in buckets. `key` names the plan they were computed for: tables of another plan (a
 * needle added since the build) are ignored and computed again.
 */
export type PrefilterTables = {
  key: string;
  /** MASK_TABLE_BYTES bytes, base64. */
  masks: string;
  /** Per bucket, the indexes in `plan.needles` of its members, in the order they were placed. */
  buckets: number[][];
};

/** What a plan's tables depend on: its needles, in order. */
export function prefilterPlanKey(plan: PrefilterPlan): string {
  // The automaton's shape too: tables of a build with other lanes would miss needles.
  return JSON.stringify([`lanes ${LANES}, buckets ${BUCKETS}`, ...plan.needles.map((n) => [n.literal, n.confirm ? `${n.confirm.source}/${n.confirm.flags}` : "", n.wordStart === true])]);
}

/**
 * Finds needles in lines of bytes, and their line ends on the way. `find(bytes, from, to)` returns, ascending, the
 * positions in bytes[from, to) (whole lines) where some needle starts; `scan` also gives the line ends.
 */
export class LiteralPrefilter {
  private readonly buckets: BucketNeedle[][] = Array.from({ length: BUCKETS }, () => []);
  /**
   * The needles of each bucket by the last byte of their head (`bucket * 256 + byte`): a candidate ends on that byte,
   * so only the needles ending on it are compared (a loose bucket lets through ~0.3 candidates per log line).
   */
  private byLastByte: BucketNeedle[][] = [];
  private readonly masks = new Uint8Array(MASK_TABLE_BYTES);
  private wasm: ShiftOrInstance | undefined;
  private bytesView: Uint8Array | undefined;
  private readonly fallback: RegExp | undefined;
  /** Line ends found without the module. */
  private jsLineEnds = new Int32Array(1024);
  /** Positions the automaton passed to the byte confirmation (what the module lets through, for tests and tuning). */
  candidates = 0;

  constructor(
    private readonly plan: PrefilterPlan,
    useWasm = true,
    precomputed?: PrefilterTables,
  ) {
    this.wasm = useWasm && plan.needles.length > 0 ? instantiateShiftOr() : undefined;
    if (!this.wasm) {
      // No WebAssembly: the needles as one more regex, as the scanner did before.
      const sources = plan.needles.map((n) => (n.confirm ? `(?:${n.confirm.source})` : (n.wordStart ? WORD_START_SOURCE : "") + escapeRegExp(n.literal)));
      if (sources.length > 0) this.fallback = new RegExp(sources.join("|"), "gm");
      return;
    }
    if (!precomputed || !this.useTables(precomputed)) this.buildBuckets();
    // One shared empty list for the ~4000 slots no needle ends in: 4096 arrays made one by one in still interpreted
    // code were ~1.5% of a one-line triage's start-up.
    const none: BucketNeedle[] = [];
    this.byLastByte = new Array<BucketNeedle[]>(BUCKETS * 256).fill(none);
    for (let b = 0; b < BUCKETS; b++) {
      for (const n of this.buckets[b]) {
        const slot = b * 256 + n.window[n.head - 1];
        if (this.byLastByte[slot] === none) this.byLastByte[slot] = [];
        this.byLastByte[slot].push(n);
      }
    }
    const memory = this.wasm.memory;
    if (memory.buffer.byteLength < TEXT_BASE) memory.grow(Math.ceil((TEXT_BASE - memory.buffer.byteLength) / 65536));
    new Uint8Array(memory.buffer, 0, MASK_TABLE_BYTES).set(this.masks);
    this.wasm.expand();
  }

  /** The tables this prefilter's automaton runs on, for the build to store (see `PrefilterTables`). */
  tables(): PrefilterTables {
    const index = new Map(this.plan.needles.map((n, i) => [n, i]));
    return {
      key: prefilterPlanKey(this.plan),
      masks: btoa(String.fromCharCode(...this.masks)),
      buckets: this.buckets.map((members) => members.map((m) => index.get(m.needle)!)),
    };
  }

  /** Takes stored tables when they were computed for this plan. */
  private useTables(tables: PrefilterTables): boolean {
    if (tables.key !== prefilterPlanKey(this.plan) || tables.buckets.length !== BUCKETS) return false;
    const masks = atob(tables.masks);
    if (masks.length !== MASK_TABLE_BYTES) return false;
    for (let i = 0; i < masks.length; i++) this.masks[i] = masks.charCodeAt(i);
    for (let b = 0; b < BUCKETS; b++) this.buckets[b] = tables.buckets[b].map((i) => bucketNeedle(this.plan.needles[i]));
    return true;
  }

  private buildBuckets(): void {
    const sorted = this.plan.needles.map(bucketNeedle).sort((a, b) => a.head - b.head);
    const placed = improvePlacement(greedyPlacement(sorted));
    // Shift-or: a set bit means "impossible". Start with every (lane, bucket) impossible for every byte.
    const masks = this.masks;
    masks.fill(0xff);
    // Lane 7 accepts every byte: no head reaches it, it carries a pair's first result (shift-or-wasm.ts).
    for (let row = 0; row < 2 * 256; row++) masks[row * 8 + LANES] = 0;
    for (let best = 0; best < BUCKETS; best++) {
      for (const needle of placed[best]) {
      this.buckets[best].push(needle);
      // The head is right-aligned to the top lane; lanes before it accept any byte, except that the lane just
      // before a word-start needle rejects word bytes (`DEBUG` dies in the automaton, not in the confirmation).
      // A scan starts in the permissive state, so a needle at the start of the range still passes.
      const pad = LANES - needle.head;
      // Row of byte b: 8 bytes for buckets 0–7 then 8 for buckets 8–15, one byte per lane (the module reads them as
      // little-endian i64), one bit per bucket.
      const half = best < 8 ? 0 : 1;
      const keep = ~(1 << best % 8);
      for (let lane = 0; lane < LANES; lane++) {
        const guard = needle.wordStart && lane === pad - 1;
        if (lane >= pad) {
          masks[(2 * needle.window[lane - pad] + half) * 8 + lane] &= keep;
          continue;
        }
        for (let b = 0; b < 256; b++) {
          // `m` may end a colour sequence: let it through, the confirmation looks further back.
          if (!guard || !WORD_BYTE[b] || b === 109) masks[(2 * b + half) * 8 + lane] &= keep;
        }
      }
    }
    }
  }

  find(bytes: Uint8Array, from: number, to: number): number[] {
    return this.scan(bytes, from, to).hits;
  }

  scan(bytes: Uint8Array, from: number, to: number): LinesScan {
    const hits: number[] = [];
    if (to <= from) return { hits, lineEnds: this.jsLineEnds.subarray(0, 0) };
    const lineEnds = this.wasm ? this.scanBytes(bytes, from, to, hits) : this.lineEndsOf(bytes, from, to);
    if (!this.fallback && this.plan.residual.length === 0) return { hits, lineEnds };
    // The regex paths (no WebAssembly, or alternatives without a literal) need the text.
    const text = latin1Of(bytes, from, to);
    if (this.fallback) collectRegexHits(this.fallback, text, from, hits);
    for (const re of this.plan.residual) collectRegexHits(re, text, from, hits);
    hits.sort((a, b) => a - b);
    return { hits, lineEnds };
  }

  private lineEndsOf(bytes: Uint8Array, from: number, to: number): Int32Array {
    let n = 0;
    for (let eol = bytes.indexOf(10, from); eol !== -1 && eol < to; eol = bytes.indexOf(10, eol + 1)) {
      if (n === this.jsLineEnds.length) {
        const grown = new Int32Array(2 * n);
        grown.set(this.jsLineEnds);
        this.jsLineEnds = grown;
      }
      this.jsLineEnds[n++] = eol;
    }
    return this.jsLineEnds.subarray(0, n);
  }

  /** Runs the module over bytes[from, to): confirmed hits into `hits`; returns the line ends (a view). */
  private scanBytes(bytes: Uint8Array, from: number, to: number, hits: number[]): Int32Array {
    const wasm = this.wasm!;
    const n = to - from;
    // Text, UNROLL bytes of padding (read past the end, must hold no \n), then one output entry per byte read.
    const out = (TEXT_BASE + n + UNROLL + 7) & ~7;
    const lineEndsAt = out + (n + UNROLL) * 8;
    const needed = lineEndsAt + (n + UNROLL) * 4;
    if (wasm.memory.buffer.byteLength < needed) wasm.memory.grow(Math.ceil((needed - wasm.memory.buffer.byteLength) / 65536));
    if (!this.bytesView || this.bytesView.buffer !== wasm.memory.buffer) this.bytesView = new Uint8Array(wasm.memory.buffer);
    const view = this.bytesView;
    view.set(bytes.subarray(from, to), TEXT_BASE);
    view.fill(0, TEXT_BASE + n, TEXT_BASE + n + UNROLL);
    const count = wasm.scan(TEXT_BASE, TEXT_BASE + n, out, lineEndsAt);
    const pairs = new Int32Array(wasm.memory.buffer, out, count * 2);
    let sorted = true;
    let last = -1;
    const line: ConfirmLine = { start: -1, end: -1, text: "" };
    for (let k = 0; k < count; k++) {
      const first = pairs[2 * k] - TEXT_BASE + from;
      // Lanes 6–7 of buckets 0–7 (low 16 bits) and of buckets 8–15: lane 7 ends on the pair's first byte, lane 6 on its second.
      const lanes = pairs[2 * k + 1];
      const low = lanes & 0xffff;
      const high = lanes >>> 16;
      for (let second = 0; second < 2; second++) {
        const end = first + second;
        let bits = second === 0 ? (low >>> 8) | (high & 0xff00) : (low & 0xff) | ((high & 0xff) << 8);
        // Past the text (the padding the module reads ahead): no needle ends there.
        if (bits === 0 || end < from || end >= to) continue;
        this.candidates++;
        const endByte = bytes[end];
        for (let bucket = 0; bits !== 0; bucket++, bits >>>= 1) {
          if ((bits & 1) === 0) continue;
          for (const needle of this.byLastByte[bucket * 256 + endByte]) {
            const start = end - needle.windowAt - needle.head + 1;
            if (start < from || !bytesAt(bytes, start, to, needle.bytes)) continue;
            if (needle.wordStart && !atWordStart(bytes, from, start)) continue;
            if (needle.confirm && !confirmAt(needle.confirm, bytes, from, start, to, line)) continue;
            if (start < last) sorted = false;
            if (start !== last) hits.push(start);
            last = start;
          }
        }
      }
    }
    if (!sorted) {
      hits.sort((a, b) => a - b);
      let w = 0;
      for (let r = 0; r < hits.length; r++) if (r === 0 || hits[r] !== hits[w - 1]) hits[w++] = hits[r];
      hits.length = w;
    }
    // Module positions are memory addresses: shift them to positions in `bytes`.
    const lineEnds = new Int32Array(wasm.memory.buffer, lineEndsAt, wasm.lineCount.value as number);
    const shift = from - TEXT_BASE;
    for (let k = 0; k < lineEnds.length; k++) lineEnds[k] += shift;
    return lineEnds;
  }
}

/** Whether `needle` occurs at bytes[start] and ends by `to`. */
function bytesAt(bytes: Uint8Array, start: number, to: number, needle: Uint8Array): boolean {
  if (start + needle.length > to) return false;
  for (let k = 0; k < needle.length; k++) if (bytes[start + k] !== needle[k]) return false;
  return true;
}

/** Whether the sticky regex `confirm` matches at bytes[start], tried on the text of the line around it. */
/**
 * The line a confirmation last decoded, within one scanned range. A line holding many starts of a needle (a hostile
 * line of `PID: ` or `XFS (`) is walked back and decoded once, not once per start: per start it was quadratic, ~40 ms
 * of CPU per 16 KiB line.
 */
type ConfirmLine = { start: number; end: number; text: string };

function confirmAt(confirm: RegExp, bytes: Uint8Array, from: number, start: number, to: number, line: ConfirmLine): boolean {
  if (start < line.start || start >= line.end) {
    let lineStart = start;
    while (lineStart > from && bytes[lineStart - 1] !== 10) lineStart--;
    let eol = bytes.indexOf(10, start);
    if (eol === -1 || eol > to) eol = to;
    line.start = lineStart;
    line.end = eol;
    line.text = latin1Of(bytes, lineStart, eol);
  }
  confirm.lastIndex = start - line.start;
  return confirm.test(line.text);
}

/** Positions (offset by `base`) where `re` matches in text, one per line: a hit marks its whole line. */
function collectRegexHits(re: RegExp, text: string, base: number, hits: number[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push(base + m.index);
    // The next match can only matter on the next line.
    const eol = text.indexOf("\n", m.index);
    if (eol === -1) break;
    re.lastIndex = eol + 1;
  }
}
