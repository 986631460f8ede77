/**
 * A tiny WebAssembly module (emitted here byte by byte: no toolchain, no dependency) that runs a bucketed
 * shift-or automaton over raw bytes — the scalar form of Hyperscan's FDR literal matcher — and notes the line ends
 * on the way. Literals' first (at most) 7 bytes are grouped into 16 buckets; two 64-bit states hold 8 lanes (how
 * many bytes of a literal have been seen) × 8 buckets each. The automaton takes the bytes two at a time:
 * `state = (state << 16) | PAIR[b0 | b1 << 8]`, where `PAIR[b0, b1] = (MASK[b0] << 8) | MASK[b1]` is the one-byte
 * step done twice. A literal's head ends at lane 6, so after a pair lane 7 holds what lane 6 was after its first
 * byte: a zero bit in lane 7 means some literal of that bucket may end on the pair's first byte, in lane 6 on its
 * second (lane 7 of MASK accepts every byte: nothing ends there). The caller confirms each candidate with a plain
 * byte comparison, so the automaton only has to be fast and never miss, not exact.
 *
 * Why not a regex: V8 tries every alternative of a 60-literal alternation at every position (~80 MB/s); this loop
 * is two table loads, shifts and ors per two bytes (~1.5 GB/s; one byte at a time it was ~1 GB/s, about a third of a
 * quiet log's triage). Why the line ends here: the caller walks every line, and a typed array's `indexOf` per line
 * costs more than this compare on bytes the loop reads anyway.
 *
 * Memory layout (one exported memory, grown by the caller):
 *   [0, 4096)              one 16-byte row per byte value (MASK): the little-endian u64 mask of buckets 0–7, then the
 *                          one of buckets 8–15; bit (8·lane + bucket) set = this byte cannot be at this lane
 *   [4096, TEXT_BASE)      one 16-byte row per byte pair (PAIR), filled from MASK by the export `expand()`; a log's
 *                          text touches the rows of printable pairs (~150 KB)
 *   [TEXT_BASE, …)         the bytes to scan, then the two outputs the caller points at
 * Export `scan(from, to, out, lineEnds) → n`: scans memory[from, to) from a fresh (permissive) state, writes n
 * candidates to `out` as i32 pairs (position p of a pair's first byte; the top two lanes of the states: bits 0–15 =
 * lanes 6–7 of buckets 0–7, bits 16–31 = lanes 6–7 of buckets 8–15, a zero bit = a bucket's head may end at p (lane 7)
 * or p + 1 (lane 6)) and the position of every `\n` to `lineEnds` as i32 (their count in the exported global
 * `lineCount`). It reads whole groups of UNROLL bytes, so up to UNROLL − 1 bytes past `to`: the caller keeps memory
 * there, drops candidates past its range and keeps those bytes free of `\n`. Each output needs room for one entry per
 * byte scanned.
 */

/** Bytes of a literal's head the automaton matches (lanes 0–6; lane 7 carries the pair's first byte's result). */
export const LANES = 7;
export const BUCKETS = 16;
/** Bytes of one mask row (two u64). */
const ROW_BYTES = 16;
export const MASK_TABLE_BYTES = 256 * ROW_BYTES;
const PAIR_TABLE_BASE = MASK_TABLE_BYTES;
const PAIR_TABLE_BYTES = 65536 * ROW_BYTES;
export const TEXT_BASE = PAIR_TABLE_BASE + PAIR_TABLE_BYTES;
/** Bytes per loop iteration: the loop test and the position update are paid once per group. */
export const UNROLL = 8;

// Opcodes used below (WebAssembly core spec, binary format).
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  globalSet: 0x24,
  i64Load: 0x29,
  i32Load8U: 0x2d,
  i32Load16U: 0x2f,
  i64Store: 0x37,
  i32Store: 0x36,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eq: 0x46,
  i32GeU: 0x4f,
  i32LtU: 0x49,
  i64Eqz: 0x50,
  i64LtU: 0x54,
  i32Add: 0x6a,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i32And: 0x71,
  i32Or: 0x72,
  i64Sub: 0x7d,
  i64And: 0x83,
  i64Xor: 0x85,
  i64Or: 0x84,
  i64Shl: 0x86,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
} as const;
const VOID_BLOCK = 0x40;
const I32 = 0x7f;
const I64 = 0x7e;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
/** memarg: alignment exponent, then offset. */
const mem = (alignLog2: number, offset = 0): number[] => [alignLog2, ...uleb(offset)];
const i32 = (n: number) => [OP.i32Const, ...sleb(BigInt(n))];
const i64 = (n: bigint) => [OP.i64Const, ...sleb(n)];

// Parameters and locals of `scan`, by index.
const FROM = 0; // i32 param, then the current position
const TO = 1;
const OUT = 2;
const LINE_ENDS = 3;
const N = 4; // i32: candidates written
const LINES = 5; // i32: line ends written
const SLOT = 6; // i32: address of the next output pair
const PAIR = 7; // i32: the current byte pair's row offset in PAIR
const LOW = 8; // i64: state of buckets 0–7
const HIGH = 9; // i64: state of buckets 8–15
const WORD = 10; // i64: the group's 8 bytes xor "\n\n…" (a zero byte is a line end)
/** Index of the exported global `lineCount`. */
const LINE_COUNT_GLOBAL = 0;

/** The top two lanes all ones (no bucket can end here); anything below it as unsigned means a candidate. */
const TOP_LANES_ALL_IMPOSSIBLE = -(1n << 48n);

/** `state = (state << 16) | PAIR[pair × 16 + rowOffset]` (PAIR: the pair's row offset is its value × 16). */
const advance = (state: number, rowOffset: number) => [
  OP.localGet, state, ...i64(16n), OP.i64Shl,
  OP.localGet, PAIR, OP.i64Load, ...mem(3, PAIR_TABLE_BASE + rowOffset),
  OP.i64Or, OP.localSet, state,
];
/** The top two lanes of a state, inverted (a set bit = a possible end), as i32: `~state >> 48`. */
const topLanesBits = (state: number) => [OP.localGet, state, ...i64(-1n), OP.i64Xor, ...i64(48n), OP.i64ShrU, OP.i32WrapI64];

/** if (mem[i + k] == '\n') lineEnds[lines++] = i + k */
function lineEndStep(k: number): number[] {
  return [
    OP.localGet, FROM, OP.i32Load8U, ...mem(0, k), ...i32(10), OP.i32Eq,
    OP.if, VOID_BLOCK,
    OP.localGet, LINE_ENDS, OP.localGet, LINES, ...i32(2), OP.i32Shl, OP.i32Add,
    OP.localGet, FROM, ...i32(k), OP.i32Add, OP.i32Store, ...mem(2, 0),
    OP.localGet, LINES, ...i32(1), OP.i32Add, OP.localSet, LINES,
    OP.end,
  ];
}

/**
 * Line ends of the group of 8 bytes at i: one 8-byte load tells whether there is any (SWAR zero-byte test on the
 * bytes xor '\n': `(w − 0x01…) & ~w & 0x80…` is non-zero exactly when some byte of w is zero); only a group with
 * one (about one in twelve in a syslog) is looked at byte by byte.
 */
function lineEndsOfGroup(): number[] {
  const steps: number[] = [];
  for (let k = 0; k < UNROLL; k++) steps.push(...lineEndStep(k));
  return [
    OP.localGet, FROM, OP.i64Load, ...mem(0), ...i64(0x0a0a0a0a0a0a0a0an), OP.i64Xor, OP.localTee, WORD,
    ...i64(0x0101010101010101n), OP.i64Sub,
    OP.localGet, WORD, ...i64(-1n), OP.i64Xor, OP.i64And,
    ...i64(-0x7f7f7f7f7f7f7f80n), OP.i64And, // 0x8080808080808080 as a signed i64
    OP.i64Eqz,
    OP.if, VOID_BLOCK, OP.else, ...steps, OP.end,
  ];
}

/** The byte pair at position + k: advance both states by it; on a candidate, append it to the output. */
function pairStep(k: number): number[] {
  return [
    OP.localGet, FROM, OP.i32Load16U, ...mem(0, k), ...i32(4), OP.i32Shl, OP.localSet, PAIR,
    ...advance(LOW, 0),
    ...advance(HIGH, 8),
    //   if ((low & high) <u 0xffff00…00) out[n++] = (i + k, top lanes of low | top lanes of high << 16)
    OP.localGet, LOW, OP.localGet, HIGH, OP.i64And, ...i64(TOP_LANES_ALL_IMPOSSIBLE), OP.i64LtU,
    OP.if, VOID_BLOCK,
    OP.localGet, OUT, OP.localGet, N, ...i32(3), OP.i32Shl, OP.i32Add, OP.localTee, SLOT,
    OP.localGet, FROM, ...i32(k), OP.i32Add, OP.i32Store, ...mem(2, 0),
    OP.localGet, SLOT,
    ...topLanesBits(LOW), ...topLanesBits(HIGH), ...i32(16), OP.i32Shl, OP.i32Or,
    OP.i32Store, ...mem(2, 4),
    OP.localGet, N, ...i32(1), OP.i32Add, OP.localSet, N,
    OP.end,
  ];
}

function scanBody(): number[] {
  const group: number[] = lineEndsOfGroup();
  for (let k = 0; k < UNROLL; k += 2) group.push(...pairStep(k));
  return [
    // locals: 4 × i32 (N, LINES, SLOT, PAIR), 3 × i64 (the states: 0 = every lane possible; WORD).
    ...vec([[4, I32], [3, I64]]),
    OP.block, VOID_BLOCK,
    OP.loop, VOID_BLOCK,
    //   while (i < to) { …group…; i += UNROLL }
    OP.localGet, FROM, OP.localGet, TO, OP.i32GeU, OP.brIf, 1,
    ...group,
    OP.localGet, FROM, ...i32(UNROLL), OP.i32Add, OP.localSet, FROM,
    OP.br, 0,
    OP.end,
    OP.end,
    OP.localGet, LINES, OP.globalSet, LINE_COUNT_GLOBAL,
    OP.localGet, N,
    OP.end,
  ];
}

/** `expand()`: PAIR[i] = (MASK[i & 255] << 8) | MASK[i >> 8], each half of the row. */
function expandBody(): number[] {
  const I = 0; // i32 local: the pair
  const half = (offset: number) => [
    OP.localGet, I, ...i32(4), OP.i32Shl,
    OP.localGet, I, ...i32(255), OP.i32And, ...i32(4), OP.i32Shl, OP.i64Load, ...mem(3, offset),
    ...i64(8n), OP.i64Shl,
    OP.localGet, I, ...i32(8), OP.i32ShrU, ...i32(4), OP.i32Shl, OP.i64Load, ...mem(3, offset),
    OP.i64Or,
    OP.i64Store, ...mem(3, PAIR_TABLE_BASE + offset),
  ];
  return [
    ...vec([[1, I32]]),
    OP.block, VOID_BLOCK,
    OP.loop, VOID_BLOCK,
    OP.localGet, I, ...i32(65536), OP.i32GeU, OP.brIf, 1,
    ...half(0),
    ...half(8),
    OP.localGet, I, ...i32(1), OP.i32Add, OP.localSet, I,
    OP.br, 0,
    OP.end,
    OP.end,
    OP.end,
  ];
}

/** The module's bytes: one memory (exported as `memory`), two functions (`scan`, `expand`), one global (`lineCount`). */
export function shiftOrModuleBytes(): Uint8Array {
  const scan = scanBody();
  const expand = expandBody();
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d], // "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    // type 0: (i32×4) → i32; type 1: () → ()
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32]]), ...vec([[I32]])], [0x60, ...vec([]), ...vec([])]])),
    ...section(3, vec([uleb(0), uleb(1)])), // function 0 (scan) has type 0, function 1 (expand) type 1
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory 0: min 1 page, no max
    ...section(6, vec([[I32, 0x01, ...i32(0), OP.end]])), // global 0: mutable i32 = 0
    ...section(7, vec([[...name("memory"), 0x02, 0], [...name("scan"), 0x00, 0], [...name("expand"), 0x00, 1], [...name("lineCount"), 0x03, LINE_COUNT_GLOBAL]])),
    ...section(10, vec([[...uleb(scan.length), ...scan], [...uleb(expand.length), ...expand]])),
  ]);
}

export type ShiftOrInstance = {
  memory: WebAssembly.Memory;
  scan: (from: number, to: number, out: number, lineEnds: number) => number;
  /** Fills PAIR from MASK (memory must reach TEXT_BASE). */
  expand: () => void;
  lineCount: WebAssembly.Global;
};

/**
 * The CLI bundle carries the module's bytes (base64), emitted at build time (scripts/build-cli.mjs): emitting them
 * here runs ~5% of a one-line triage's start-up in still interpreted code (spreads of small arrays). Sources emit them.
 */
declare const __OOPSCOPE_SHIFT_OR_WASM__: string | undefined;
const BUILT_MODULE_BYTES = typeof __OOPSCOPE_SHIFT_OR_WASM__ === "undefined" ? undefined : __OOPSCOPE_SHIFT_OR_WASM__;

/**
 * Compiles the module (synchronously: it is a few kilobytes), or undefined where WebAssembly is missing (`node
 * --jitless` hides the global). The bytes are fixed, so a module that does not compile is a bug and throws.
 */
export function instantiateShiftOr(): ShiftOrInstance | undefined {
  if (typeof WebAssembly === "undefined") return undefined;
  const bytes = BUILT_MODULE_BYTES === undefined ? shiftOrModuleBytes() : Uint8Array.from(atob(BUILT_MODULE_BYTES), (c) => c.charCodeAt(0));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), {});
  const { memory, scan, expand, lineCount } = instance.exports as unknown as ShiftOrInstance;
  return { memory, scan, expand, lineCount };
}
