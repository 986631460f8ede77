// Child process of bench:perf: triage one file from a stream, print figures as JSON (RSS measured by the parent).
import { createReadStream, statSync } from "node:fs";
import { triage } from "../../lib/engine/triage";

const file = process.argv[2];
const t0 = Date.now();
const incident = await triage([{ name: file, data: createReadStream(file, { highWaterMark: 1 << 20 }), mtime: statSync(file).mtime }]);
console.log(
  JSON.stringify({
    engineMs: Date.now() - t0,
    lines: incident.stats.lines,
    findings: incident.findings.length,
    crashes: incident.findings.filter((f) => f.frames.length > 0).length,
  }),
);
