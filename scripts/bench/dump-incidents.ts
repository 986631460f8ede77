/**
 * Output stability check for engine speed work: triages every file of testdata/ and the shared corpora alone, in one
 * process, with the engine of a checkout (`--root`, default this one), and writes one line per file — its path and
 * the SHA-256 of its incident JSON, elapsed time aside — to `--out`. Run it with the base and with the branch, then
 * `diff` the two files (`--keep-json <dir>` writes each incident too, to see what changed):
 *
 *   npx tsx scripts/bench/dump-incidents.ts --root /work/main --out /tmp/base.txt
 *   npx tsx scripts/bench/dump-incidents.ts --out /tmp/branch.txt && diff /tmp/base.txt /tmp/branch.txt
 *
 * `--files a,b` triages those files together as one incident instead (the bench:perf profiles; a directory means
 * its files, sorted). `now` is fixed, so year inference and end-of-life verdicts do not move between the two runs.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Incident, TriageInput } from "../../lib/engine/types";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "../..") },
    out: { type: "string" },
    files: { type: "string" },
    "keep-json": { type: "string" },
  },
});
const root = path.resolve(values.root!);
const NOW = new Date("2026-12-01T00:00:00Z");
type TriageFn = (inputs: TriageInput[], options: { now?: Date }) => Promise<Incident>;
const { triage } = (await import(pathToFileURL(path.join(root, "lib/engine/triage.ts")).href)) as { triage: TriageFn };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

/** The incident JSON without what differs run to run (elapsed time), or the error the triage ended with. */
async function incidentText(files: string[]): Promise<string> {
  try {
    const inputs = files.map((f) => ({ name: f, data: readFileSync(f) }));
    const incident = await triage(inputs, { now: NOW });
    incident.stats.elapsedMs = 0;
    return JSON.stringify(incident, null, 2);
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const lines: string[] = [];
const keep = values["keep-json"];
if (keep) mkdirSync(keep, { recursive: true });
const record = async (label: string, files: string[]) => {
  const text = await incidentText(files);
  lines.push(`${label} ${createHash("sha256").update(text).digest("hex")}`);
  if (keep) writeFileSync(path.join(keep, label.replace(/[^\w.-]+/g, "_") + ".json"), text);
};
if (values.files) {
  const files = values.files.split(",").flatMap((f) => filesUnder(path.resolve(f)));
  await record(values.files, files);
} else {
  const repo = path.resolve(import.meta.dirname, "../..");
  const shared = ["/work/shared/corpus", path.resolve(repo, "../shared/corpus")].find(existsSync);
  const trees = [path.join(repo, "testdata"), ...(shared ? [shared] : [])];
  for (const tree of trees) for (const f of filesUnder(tree)) await record(path.relative(path.dirname(tree), f), [f]);
}
const out = lines.join("\n") + "\n";
if (values.out) writeFileSync(values.out, out);
else process.stdout.write(out);
console.error(`${lines.length} incident(s) from ${root}`);
