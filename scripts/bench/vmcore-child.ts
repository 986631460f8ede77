/** Child of bench/vmcore.ts: extract the kernel log of the dump file(s) given, print time, peak RSS and counts. */
import { extractVmcoreLog } from "../../lib/engine/vmcore/extract-vmcore-log";
import { openFileSource } from "../../lib/server/inputs/file-source";

const files = process.argv.slice(2);
const started = performance.now();
const sources = await Promise.all(files.map((f) => openFileSource(f)));
const r = await extractVmcoreLog(sources);
const ms = performance.now() - started;
await Promise.all(sources.map((s) => s.close()));
process.stdout.write(
  JSON.stringify({
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    records: r.facts.records ?? 0,
    textBytes: r.text.length,
    error: r.error,
    warnings: r.warnings.length,
  }) + "\n",
);
