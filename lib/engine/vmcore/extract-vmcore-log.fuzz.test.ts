/**
 * Fuzzing: 5,000 mutations of the real fixtures and of synthetic dumps (legacy printk, 5-level, split, flattened).
 * Every mutated dump must give a result (text, warnings, maybe an error): no exception, no hang (the test timeout).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bytesSource, type RandomAccessSource } from "../ingest/random-access";
import { extractVmcoreLog } from "./extract-vmcore-log";
import { seededRandom } from "../testing/seeded-random";
import { mutatedSource, type Mutation } from "./testing/mutated-source";
import { buildLegacyMachine, buildLocklessMachine, buildPlainMachine, sparseToBytes, toElfCore, toFlattened, toKdump } from "./testing/synthetic-dump";

const DATA = [path.resolve(import.meta.dirname, "../../../../shared/data/vmcore"), path.resolve(import.meta.dirname, "../../../../../shared/data/vmcore")].find(existsSync);
const TOTAL = 5000;
/** FUZZ_SEED=n explores other cases than the committed run; a failure names the seed to replay. */
const SEED_BASE = Number(process.env.FUZZ_SEED ?? 0);

function seeds(): Array<{ name: string; bytes: Uint8Array }> {
  const records = Array.from({ length: 12 }, (_, i) => ({ tsNsec: BigInt(i) * 1_000_000n, text: `line ${i}\nmore ${i}` }));
  const lockless5 = buildLocklessMachine({ records, fiveLevel: true });
  const legacy = buildLegacyMachine({ records, wrapAt: 8 });
  const out = [
    { name: "synthetic-5level.kdump", bytes: sparseToBytes(toKdump(lockless5)[0]) },
    { name: "synthetic-legacy.elf", bytes: sparseToBytes(toElfCore(legacy)) },
    { name: "synthetic.flat", bytes: toFlattened(toKdump(buildLocklessMachine({ records }))[0], 2048) },
    { name: "synthetic-plain.kdump", bytes: sparseToBytes(toKdump(buildPlainMachine({ written: "<6>[    0.000000] x\n".repeat(300), bufLen: 4096 }))[0]) },
  ];
  if (DATA) {
    for (const rel of ["deb12-6.1-sysrq-panic/vmcore-mini.kdump-zlib", "deb12-6.1-sysrq-panic/vmcore-mini.kdump-lzo", "deb12-6.1-sysrq-panic/vmcore-mini.kdump-zlib.flat", "deb12-6.1-sysrq-panic/vmcore-mini.elf", "deb12-6.12-null-deref-oops/vmcore-mini.kdump-zlib"]) {
      out.push({ name: rel, bytes: readFileSync(path.join(DATA, rel)) });
    }
  }
  return out;
}

/** Offsets worth hitting: headers, VMCOREINFO keys, and anywhere. */
function hotOffsets(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString("latin1");
  const hot: number[] = [];
  for (const key of ["SYMBOL(prb)=", "OFFSET(printk_ringbuffer", "SIZE(prb_desc)=", "NUMBER(phys_base)=", "PAGESIZE=", "SYMBOL(init_top_pgt)=", "SYMBOL(log_buf)=", "SIZE(printk_log)=", "SYMBOL(log_end)="]) {
    const at = text.indexOf(key);
    if (at >= 0) hot.push(at + key.length);
  }
  return hot;
}

function mutate(rand: () => number, bytes: Uint8Array, hot: number[]): { mutations: Mutation[]; size: number } {
  const mutations: Mutation[] = [];
  let size = bytes.length;
  const n = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) {
    const r = rand();
    const where = () => {
      const w = rand();
      if (w < 0.4) return Math.floor(rand() * Math.min(bytes.length, 16384));
      if (w < 0.55 && hot.length) return hot[Math.floor(rand() * hot.length)] + Math.floor(rand() * 4);
      return Math.floor(rand() * bytes.length);
    };
    if (r < 0.15) size = Math.floor(rand() * bytes.length);
    else if (r < 0.5) mutations.push({ offset: where(), bytes: new Uint8Array([Math.floor(rand() * 256)]) });
    else {
      const len = [2, 4, 8][Math.floor(rand() * 3)];
      const extreme = rand();
      const v = new Uint8Array(len).map(() => (extreme < 0.3 ? 0xff : extreme < 0.5 ? 0 : Math.floor(rand() * 256)));
      if (extreme > 0.8) v[len - 1] = 0x7f;
      mutations.push({ offset: where(), bytes: v });
    }
  }
  return { mutations, size };
}

describe("fuzz: mutated dumps never throw", () => {
  const all = seeds();
  const chunks = 4;
  const per = Math.ceil(TOTAL / chunks);
  it.each(Array.from({ length: chunks }, (_, c) => c))(
    "chunk %i",
    async (chunk) => {
      let outcomes = { text: 0, error: 0, warnings: 0 };
      const errors = new Map<string, number>();
      for (let i = chunk * per; i < Math.min(TOTAL, (chunk + 1) * per); i++) {
        const seed = all[i % all.length];
        const rand = seededRandom(i * 7919 + 1 + SEED_BASE);
        const { mutations, size } = mutate(rand, seed.bytes, hotOffsets(seed.bytes));
        const source: RandomAccessSource = mutatedSource(bytesSource(seed.name, seed.bytes), mutations, size);
        let r;
        try {
          r = await extractVmcoreLog([source]);
        } catch (e) {
          throw new Error(`case ${i} (${seed.name}, seed ${i * 7919 + 1 + SEED_BASE}): ${(e as Error).stack}`);
        }
        expect(typeof r.text).toBe("string");
        if (r.error) {
          const kind = r.error.replace(/\d+|0x[0-9a-f]+/g, "N").slice(0, 90);
          errors.set(kind, (errors.get(kind) ?? 0) + 1);
        }
        outcomes = { text: outcomes.text + (r.text ? 1 : 0), error: outcomes.error + (r.error ? 1 : 0), warnings: outcomes.warnings + (r.warnings.length ? 1 : 0) };
      }
      // FUZZ_STATS=1 shows what the mutations did (how many dumps still read, the commonest errors).
      if (process.env.FUZZ_STATS) console.log(chunk, outcomes, [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12));
      // The mutations must both break dumps and leave some readable: a fuzzer that only hits one side tests little.
      expect(outcomes.text).toBeGreaterThan(0);
      expect(outcomes.error + outcomes.warnings).toBeGreaterThan(0);
    },
    120_000,
  );
});
