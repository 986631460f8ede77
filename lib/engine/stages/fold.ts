/** Stage 4 — fold: identical crash reports become one finding (problem events were folded per boot in stage 3). */
import { isProblemEvent } from "../problem-kinds";
import type { Finding } from "../types";

/**
 * The same crash again in one input on the same host and kernel (a node that panics in skb_segment every other day) is one
 * finding with a count and its first and last occurrence, not one card per crash. A different kernel release stays
 * apart: it is another data point for the verdict. Problem events fold per boot already (`foldEvents`).
 */
export function foldIdenticalReports(findings: readonly Finding[]): { findings: Finding[]; repeatsOf: Map<Finding, Finding[]> } {
  const out: Finding[] = [];
  const repeatsOf = new Map<Finding, Finding[]>();
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    if (isProblemEvent(f)) {
      out.push(f);
      continue;
    }
    // Per input: the same file uploaded twice, or two copies of one rotated log, are not repeats of a crash.
    const key = `${f.source.file}|${f.host ?? ""}|${f.signature}|${f.kernelRelease ?? ""}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, f);
      out.push(f);
      continue;
    }
    first.repeats = (first.repeats ?? 1) + (f.repeats ?? 1);
    first.lastSource = f.lastSource ?? f.source;
    const lastTime = f.lastTime ?? f.time;
    if (lastTime) first.lastTime = lastTime;
    if (f.panicked) first.panicked = true;
    let list = repeatsOf.get(first);
    if (!list) repeatsOf.set(first, (list = []));
    list.push(f);
  }
  return { findings: out, repeatsOf };
}

