/** A dump with bytes overwritten and/or cut short, without copying it: for fuzzing large fixtures cheaply. */
import type { RandomAccessSource } from "../../ingest/random-access";

export type Mutation = { offset: number; bytes: Uint8Array };

export function mutatedSource(base: RandomAccessSource, mutations: Mutation[], size = base.size): RandomAccessSource {
  return {
    name: base.name,
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (end <= offset) return new Uint8Array(0);
      const out = (await base.read(offset, end - offset)).slice();
      for (const m of mutations) {
        const from = Math.max(offset, m.offset);
        const to = Math.min(end, m.offset + m.bytes.length);
        if (to > from) out.set(m.bytes.subarray(from - m.offset, to - m.offset), from - offset);
      }
      return out;
    },
  };
}
