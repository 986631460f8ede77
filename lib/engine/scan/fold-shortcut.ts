/**
 * Repeats of a folded kernel event read from their bytes (issue 11, the busy node). A node that logs
 * `nf_conntrack: table full` or `blk_update_request: I/O error, dev sdb, sector N` thousands of times writes each
 * line as `<stamp> <host> kernel: <text>`: once the line parser has read one such line of a host, the bytes between
 * the stamp and the text (` node-07.prod.example.net kernel: `) are known, and a later line of that host whose stamp
 * is a plain RFC 3164 stamp, whose next bytes are the same and whose text is plain printable ASCII parses to the same
 * host, program and format, with that text as its text (`plainKernelText` lists why) and the stamp's time
 * (`syslogStampTime`). Such a repeat is counted into its run without decoding the line or parsing it.
 */
import type { EventRun } from "../events/event-folds";
import type { Details, ProblemEventRule } from "../events/problem-events";

const HASH = 35;
const LEFT_BRACKET = 91;
const LESS_THAN = 60;
/** `plainTextHash`: the text is not plain. */
export const NOT_PLAIN = -1;

/**
 * Whether bytes[from, end) would be a kernel line's text as the line parser leaves it, unchanged: printable ASCII
 * only (no UTF-8 to decode, no control character or escape that ingest removes, no `×` the parser turns into `x`),
 * not starting with `[` or `<` (a kernel line's own uptime stamp or level, which the parser peels off), without
 * rsyslog's `#011` (a tab it escaped) and not ending in a visible `^M`. Its hash (31 bits) when it is, else
 * `NOT_PLAIN`: one pass over the text for both.
 */
export function plainTextHash(bytes: Uint8Array, from: number, end: number): number {
  if (from >= end) return NOT_PLAIN;
  const first = bytes[from];
  if (first === LEFT_BRACKET || first === LESS_THAN) return NOT_PLAIN;
  let hash = 0;
  for (let p = from; p < end; p++) {
    const c = bytes[p];
    if (c < 32 || c > 126) return NOT_PLAIN;
    if (c === HASH && p + 3 < end && bytes[p + 1] === 48 && bytes[p + 2] === 49 && bytes[p + 3] === 49) return NOT_PLAIN;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (end - from >= 2 && bytes[end - 2] === 94 && bytes[end - 1] === 77) return NOT_PLAIN;
  return hash & 0x7fffffff;
}

/** Whether bytes[at…] starts with `prefix` (before `end`). */
export function prefixAt(prefix: Uint8Array, bytes: Uint8Array, at: number, end: number): boolean {
  const n = prefix.length;
  if (at + n > end) return false;
  for (let k = 0; k < n; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

/** A copy of bytes[from, end) that shares no memory with them (a Buffer's `slice` is a view of its chunk). */
export function copyOf(bytes: Uint8Array, from: number, end: number): Uint8Array {
  const out = new Uint8Array(end - from);
  out.set(bytes.subarray(from, end));
  return out;
}

/** What a text folded to: its rule and fold key, and the details merged into the run at each repeat. */
export type FoldOutcome = { rule: ProblemEventRule; title: string; foldKey: string; details: Details };

/** Texts whose outcome is kept per host (a node repeats a few event lines word for word, others with a new number). */
const OUTCOMES_PER_HOST = 4;
/** Runs kept per host by fold key (a node's few problems: conntrack, one or two disks). */
const RUNS_PER_HOST = 4;

/**
 * One host's kernel-line prefix (the bytes from the space after the stamp to the text) and the outcomes of a few of
 * its texts, found again by their bytes (no decoding). `rules` is the rule list an outcome was found with (the same
 * text under other needles is not the same question). The slot replaced is the least used (uses halve at every
 * replacement): the texts a node repeats word for word keep theirs among texts that carry a new number every time.
 */
export class KernelPrefix {
  readonly prefix: Uint8Array;
  readonly host: string | undefined;
  private readonly texts: string[] = [];
  /** Each slot's text bytes in a buffer of its own, reused (a text seen once must not cost an allocation). */
  private readonly textBytes: Uint8Array[] = [];
  private readonly lengths: number[] = [];
  private readonly rules: Array<readonly ProblemEventRule[]> = [];
  private readonly outcomes: FoldOutcome[] = [];
  private readonly uses: number[] = [];
  /** The text of the outcome `outcomeAt` found. */
  text = "";
  /** Hashes of the last texts missed (`seenBefore`). */
  private readonly missed = new Int32Array(OUTCOMES_PER_HOST).fill(-1);
  private nextMissed = 0;
  private readonly runKeys: string[] = [];
  private readonly runs: EventRun[] = [];
  private nextRun = 0;

  constructor(prefix: Uint8Array, host: string | undefined) {
    this.prefix = prefix;
    this.host = host;
  }

  /**
   * The outcome of the text bytes[from, end) under `rules`, when kept (compared byte by byte: a text that differs,
   * mostly by a number, stops the compare there; one that matches is read once, no hash first).
   */
  outcomeAt(bytes: Uint8Array, from: number, end: number, rules: readonly ProblemEventRule[]): FoldOutcome | undefined {
    const n = end - from;
    for (let k = 0; k < this.texts.length; k++) {
      if (this.lengths[k] !== n || this.rules[k] !== rules) continue;
      const kept = this.textBytes[k];
      let i = 0;
      while (i < n && kept[i] === bytes[from + i]) i++;
      if (i < n) continue;
      this.uses[k]++;
      this.text = this.texts[k];
      return this.outcomes[k];
    }
    return undefined;
  }

  /** Keeps the outcome of `text` (bytes[from, end)) under `rules`. */
  remember(text: string, bytes: Uint8Array, from: number, end: number, rules: readonly ProblemEventRule[], outcome: FoldOutcome): void {
    let k = this.texts.length;
    if (k === OUTCOMES_PER_HOST) {
      k = 0;
      for (let j = 1; j < OUTCOMES_PER_HOST; j++) if (this.uses[j] < this.uses[k]) k = j;
      for (let j = 0; j < OUTCOMES_PER_HOST; j++) this.uses[j] >>= 1;
    }
    const n = end - from;
    if (k === this.textBytes.length || this.textBytes[k].length < n) this.textBytes[k] = new Uint8Array(Math.max(n, 128));
    const kept = this.textBytes[k];
    for (let i = 0; i < n; i++) kept[i] = bytes[from + i];
    this.texts[k] = text;
    this.lengths[k] = n;
    this.rules[k] = rules;
    this.outcomes[k] = outcome;
    this.uses[k] = 0;
  }

  /**
   * Whether a text of this hash was missed lately (else it is noted): a text is kept the second time it is read, so
   * one that carries a new number every time (a sector, a block) costs no copy.
   */
  seenBefore(hash: number): boolean {
    const missed = this.missed;
    for (let k = 0; k < missed.length; k++) if (missed[k] === hash) return true;
    missed[this.nextMissed] = hash;
    this.nextMissed = (this.nextMissed + 1) % missed.length;
    return false;
  }

  /** The run of fold key `foldKey` this host's lines last went to (the caller checks no boot came since). */
  runOf(foldKey: string): EventRun | undefined {
    for (let k = 0; k < this.runKeys.length; k++) if (this.runKeys[k] === foldKey) return this.runs[k];
    return undefined;
  }

  noteRun(foldKey: string, run: EventRun): void {
    for (let k = 0; k < this.runKeys.length; k++) {
      if (this.runKeys[k] === foldKey) {
        this.runs[k] = run;
        return;
      }
    }
    const k = this.runKeys.length < RUNS_PER_HOST ? this.runKeys.length : this.nextRun;
    this.nextRun = (k + 1) % RUNS_PER_HOST;
    this.runKeys[k] = foldKey;
    this.runs[k] = run;
  }
}
