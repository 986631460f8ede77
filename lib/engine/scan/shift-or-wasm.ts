/**
 * A tiny WebAssembly module (emitted here byte by byte: no toolchain, no dependency) that runs a bucketed
 * shift-or automaton over raw bytes — the scalar form of Hyperscan's FDR literal matcher. Literals' first (at
 * most) 8 bytes are grouped into 16 buckets; two 64-bit states hold 8 lanes (how many bytes of a literal have
 * been seen) × 8 buckets each. Per input byte: `state = (state << 8) | MASK[byte]`; a zero bit in a top lane
 * means some literal of that bucket may end here. The caller confirms each candidate with a plain string
 * comparison, so the automaton only has to be fast and never miss, not exact.
 *
 * Why not a regex: V8 tries every alternative of a 60-literal alternation at every position (~80 MB/s). Here the
 * cost is the shift-then-or chain through the state (2 cycles a byte), so the loop runs two streams at once — the
 * two halves of the range — whose chains the CPU overlaps, and handles 8 bytes per iteration.
 *
 * Memory layout (one exported memory, grown by the caller):
 *   [0, 4096)              one 16-byte row per byte value: the little-endian u64 mask of buckets 0–7, then the one
 *                          of buckets 8–15; bit (8·lane + bucket) set = this byte cannot be at this lane
 *   [TEXT_BASE, …)         the bytes to scan, then the candidate output the caller points at
 * Export `scan(a, b, len, out) → n`: scans memory[a, a + len) and memory[b, b + len) in step, each from a fresh
 * (permissive) state, and writes n candidates to `out` as i32 pairs (position of the candidate's last byte,
 * bucket bits 0–15): the two streams' candidates interleave. It reads whole groups of UNROLL bytes, so up to
 * UNROLL − 1 bytes past each range (the caller keeps memory there and drops candidates outside its range); the
 * output needs room for one pair per byte scanned.
 */

export const LANES = 8;
export const BUCKETS = 16;
/** Bytes of one mask row (two u64). */
const ROW_BYTES = 16;
export const MASK_TABLE_BYTES = 256 * ROW_BYTES;
export const TEXT_BASE = MASK_TABLE_BYTES;
/** Bytes per stream and loop iteration: the loop test and the position update are paid once per group. */
export const UNROLL = 8;

// Opcodes used below (WebAssembly core spec, binary format).
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i64Load: 0x29,
  i32Load8U: 0x2d,
  i32Store: 0x36,
  i32Const: 0x41,
  i64Const: 0x42,
  i32GeU: 0x4f,
  i64LtU: 0x54,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  i32Or: 0x72,
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
const A = 0; // i32 param, then the position of stream A
const B_FROM = 1; // i32 param
const LEN = 2; // i32 param
const OUT = 3; // i32 param
const END = 4; // i32: where stream A stops
const DELTA = 5; // i32: stream B's position − stream A's
const N = 6; // i32: candidates written
const SLOT = 7; // i32: address of the next output pair
const ROW = 8; // i32: address of the current byte's mask row
type Stream = { low: number; high: number; at: number[] };
/** i64 states: buckets 0–7 and 8–15 of each stream. */
const STREAM_A: Stream = { low: 9, high: 10, at: [OP.localGet, A] };
const STREAM_B: Stream = { low: 11, high: 12, at: [OP.localGet, A, OP.localGet, DELTA, OP.i32Add] };

/** The top lane all ones (no bucket can end here); anything below it as unsigned means a candidate. */
const TOP_LANE_ALL_IMPOSSIBLE = -(1n << 56n);

/** `state = (state << 8) | MASKS[row].{low,high}` */
const advance = (state: number, rowOffset: number) => [
  OP.localGet, state, ...i64(8n), OP.i64Shl,
  OP.localGet, ROW, OP.i64Load, ...mem(3, rowOffset),
  OP.i64Or, OP.localSet, state,
];
/** Bucket bits of a state's top lane, as i32: `~state >> 56`. */
const topLaneBits = (state: number) => [OP.localGet, state, ...i64(-1n), OP.i64Xor, ...i64(56n), OP.i64ShrU, OP.i32WrapI64];

/** The byte at stream position + k: advance the stream's states; on a candidate, append it to the output. */
function byteStep(stream: Stream, k: number): number[] {
  return [
    //   row = mem[at + k] × 16; low = (low << 8) | MASKS[row].low; high = (high << 8) | MASKS[row].high
    ...stream.at, OP.i32Load8U, ...mem(0, k), ...i32(4), OP.i32Shl, OP.localSet, ROW,
    ...advance(stream.low, 0),
    ...advance(stream.high, 8),
    //   if ((low & high) <u 0xff00…00) { out[n++] = (at + k, bits) }
    OP.localGet, stream.low, OP.localGet, stream.high, OP.i64And, ...i64(TOP_LANE_ALL_IMPOSSIBLE), OP.i64LtU,
    OP.if, VOID_BLOCK,
    OP.localGet, OUT, OP.localGet, N, ...i32(3), OP.i32Shl, OP.i32Add, OP.localTee, SLOT,
    ...stream.at, ...i32(k), OP.i32Add, OP.i32Store, ...mem(2, 0),
    OP.localGet, SLOT,
    ...topLaneBits(stream.low), ...topLaneBits(stream.high), ...i32(8), OP.i32Shl, OP.i32Or,
    OP.i32Store, ...mem(2, 4),
    OP.localGet, N, ...i32(1), OP.i32Add, OP.localSet, N,
    OP.end,
  ];
}

function scanBody(): number[] {
  const group: number[] = [];
  for (let k = 0; k < UNROLL; k++) group.push(...byteStep(STREAM_A, k), ...byteStep(STREAM_B, k));
  return [
    // locals: 5 × i32 (END, DELTA, N, SLOT, ROW), 4 × i64 (the states: 0 = every lane possible).
    ...vec([[5, I32], [4, I64]]),
    //   end = a + len; delta = bFrom − a
    OP.localGet, A, OP.localGet, LEN, OP.i32Add, OP.localSet, END,
    OP.localGet, B_FROM, OP.localGet, A, OP.i32Sub, OP.localSet, DELTA,
    OP.block, VOID_BLOCK,
    OP.loop, VOID_BLOCK,
    //   while (a < end) { …group…; a += UNROLL }
    OP.localGet, A, OP.localGet, END, OP.i32GeU, OP.brIf, 1,
    ...group,
    OP.localGet, A, ...i32(UNROLL), OP.i32Add, OP.localSet, A,
    OP.br, 0,
    OP.end,
    OP.end,
    OP.localGet, N,
    OP.end,
  ];
}

/** The module's bytes: one memory (exported as `memory`), one function (exported as `scan`). */
export function shiftOrModuleBytes(): Uint8Array {
  const body = scanBody();
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d], // "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32]]), ...vec([[I32]])]])), // type 0: (i32×4) → i32
    ...section(3, vec([uleb(0)])), // function 0 has type 0
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory 0: min 1 page, no max
    ...section(7, vec([[...name("memory"), 0x02, 0], [...name("scan"), 0x00, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

export type ShiftOrInstance = {
  memory: WebAssembly.Memory;
  scan: (a: number, b: number, len: number, out: number) => number;
};

/** Compiles the module (synchronously: it is a few kilobytes), or undefined where WebAssembly is missing. */
export function instantiateShiftOr(): ShiftOrInstance | undefined {
  if (typeof WebAssembly === "undefined") return undefined;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(shiftOrModuleBytes() as BufferSource), {});
    const { memory, scan } = instance.exports as unknown as ShiftOrInstance;
    return { memory, scan };
  } catch {
    return undefined;
  }
}
