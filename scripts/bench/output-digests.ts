/**
 * npm run bench:digests -- --out FILE [--include-profiles DIR] — the incident JSON of every file under testdata/ and
 * ../shared/corpus (each triaged alone, with the built-in KB, a fixed "now", `elapsedMs` zeroed) reduced to one SHA-256
 * line per file, for the byte comparison a performance change must pass (ARCHITECTURE.md, Performance notes): run it
 * on the base commit and on the branch, then `diff` the two files. `--include-profiles DIR` adds the bench:perf
 * profiles found in DIR (perf-*-*mb files; directories are triaged as one incident of all their files).
 * It prints no findings and no verdicts: a held-out file of testdata/real shows up only as a changed digest.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildKbIndex } from "../../lib/engine/match/build-kb-index";
import { triage, type TriageKb } from "../../lib/engine/triage";
import type { Incident, TriageInput } from "../../lib/engine/types";
import { loadBuiltinKb } from "../../lib/kb/load-builtin";

const { values } = parseArgs({
  options: { out: { type: "string" }, "include-profiles": { type: "string" }, root: { type: "string", default: "." } },
});
if (!values.out) throw new Error("--out FILE is required");
const root = path.resolve(values.root!);
const NOW = new Date("2026-12-01T00:00:00Z");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

const { entries, errors } = loadBuiltinKb();
if (errors.length > 0) throw new Error(`built-in KB: ${errors.join("; ")}`);
const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };

const digestOf = (incident: Incident) =>
  createHash("sha256")
    .update(JSON.stringify({ ...incident, stats: { ...incident.stats, elapsedMs: 0 } }))
    .digest("hex");

async function digest(files: string[]): Promise<string> {
  const inputs: TriageInput[] = files.map((f) => ({ name: path.basename(f), data: readFileSync(f), mtime: statSync(f).mtime }));
  try {
    return digestOf(await triage(inputs, { kb, now: NOW }));
  } catch (e) {
    // A throw is an output too: both sides must throw the same way.
    return `threw ${(e as Error).name}: ${(e as Error).message}`;
  }
}

const lines: string[] = [];
const corpora = [path.join(root, "testdata"), path.resolve(root, "..", "shared", "corpus")];
for (const dir of corpora) {
  for (const f of filesUnder(dir)) lines.push(`${path.relative(path.dirname(dir), f)} ${await digest([f])}`);
}
const profiles = values["include-profiles"];
if (profiles) {
  for (const name of readdirSync(profiles).filter((n) => /^perf-.*-\d+mb$/.test(n)).sort()) {
    const p = path.join(profiles, name);
    const files = statSync(p).isDirectory() ? filesUnder(p) : [p];
    lines.push(`${name} ${await digest(files)}`);
  }
}
writeFileSync(values.out, lines.join("\n") + "\n");
console.log(`${lines.length} digests written to ${values.out}`);
