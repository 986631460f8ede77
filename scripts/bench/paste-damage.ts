/**
 * Paste-damage invariance benchmark: triage each source log and the same log after each transform of
 * `PASTE_TRANSFORMS` (indentation, quoting, wrapping, entities, cuts, line numbers…), and count how often what the
 * transform must leave alone (its `invariant` fields: class, title, guilty frame, release, finding count) stayed
 * the same. The damaged logs are GENERATED: a figure says how the engine copes with that damage, not how often it
 * happens.
 *
 *   npm run bench:paste-damage                       table + changed cases (10 per transform)
 *   npm run bench:paste-damage -- --all              every changed case
 *   npm run bench:paste-damage -- --json             figures as JSON
 *   --transform=<id>[,<id>]  only those transforms   --corpus=<dir> another shared corpus
 *   --real=<dir>             another copy of testdata/real (an earlier commit's, to compare engines on the same sources)
 *
 * Sources: the dev part of `testdata/real` (the held-out part is never read: its file names are hashed first, as
 * bench:accuracy splits them) and the shared syzkaller report corpus. Triage is the entry point bench:accuracy
 * uses (`triage()` from lib/engine/triage.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { triage } from "../../lib/engine/triage";
import { PROBLEM_KINDS } from "../../lib/engine/problem-kinds";
import type { Finding } from "../../lib/engine/types";
import { isHeldOut, readSyzkallerReportCases, splitRealFile } from "./corpus-readers";
import { PASTE_TRANSFORMS, type InvariantField, type PasteTransform } from "./paste-damage-transforms";
import { readdirSync, statSync } from "node:fs";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_CORPUS =
  [resolve(REPO_ROOT, "../shared/corpus"), resolve(REPO_ROOT, "../../shared/corpus")].find(existsSync) ?? resolve(REPO_ROOT, "../shared/corpus");
const DEFAULT_REAL = join(REPO_ROOT, "testdata/real");

export type PasteSource = { corpus: "real-dev" | "syzkaller"; name: string; text: string };

/** What the bench compares: the first crash finding (else the first finding) and how many findings there are. */
export type TriageFacts = Record<InvariantField, string | number | undefined> & { reportLine?: number };

export type ChangedCase = { corpus: string; name: string; transform: string; field: InvariantField; before: string; after: string };
export type TransformResult = { id: string; invariantCount: number; total: number; changedByField: Partial<Record<InvariantField, number>> };
export type PasteDamageResult = { transforms: TransformResult[]; changed: ChangedCase[]; sources: Record<string, number> };

/** `testdata/real/**.log` files of the dev part only: a held-out file is dropped by its name, before it is read. */
export function readDevRealSources(root = DEFAULT_REAL): PasteSource[] {
  const walk = (dir: string, rel: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const relPath = rel ? `${rel}/${name}` : name;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path, relPath);
        return name.endsWith(".log") ? [relPath] : [];
      });
  if (!existsSync(root)) return [];
  return walk(root, "")
    .filter((name) => !isHeldOut(name))
    .map((name) => ({ corpus: "real-dev" as const, name, text: new TextDecoder().decode(splitRealFile(readFileSync(join(root, name))).log) }));
}

export function readSyzkallerSources(corpusDir = DEFAULT_CORPUS): PasteSource[] {
  return readSyzkallerReportCases(corpusDir).map((c) => ({ corpus: "syzkaller" as const, name: c.name, text: c.log }));
}

/** A crash report, as bench:accuracy counts them: not a one-line problem event, not an agent's Go panic. */
const isCrashReport = (f: Finding) => !PROBLEM_KINDS.has(f.kind) && f.kind !== "go-panic";

export async function triageFacts(name: string, text: string): Promise<TriageFacts> {
  const incident = await triage([{ name, data: new TextEncoder().encode(text) }]);
  const findings = [...incident.findings].sort((a, b) => a.source.line - b.source.line);
  const crash = findings.find(isCrashReport);
  const first = crash ?? findings[0];
  return {
    kind: first?.kind,
    title: first?.title,
    frame: first?.guiltyFrame,
    release: first?.kernelRelease,
    count: findings.length,
    // Where the transforms that cut around "the report" cut: the first crash report, else the first finding (an event
    // or a Go panic: without it, the middle of the file, which cut the finding itself out of a log of one event).
    reportLine: first?.source.line,
  };
}

const show = (v: string | number | undefined) => (v === undefined ? "∅" : String(v));

/** Triage every source and its damaged copies; count, per transform, the cases whose invariant fields held. */
export async function measurePasteDamage(options: { sources: PasteSource[]; transforms?: readonly PasteTransform[] }): Promise<PasteDamageResult> {
  const transforms = options.transforms ?? PASTE_TRANSFORMS;
  const results = new Map<string, TransformResult>(transforms.map((t) => [t.id, { id: t.id, invariantCount: 0, total: 0, changedByField: {} }]));
  const changed: ChangedCase[] = [];
  const sources: Record<string, number> = {};
  for (const source of options.sources) {
    sources[source.corpus] = (sources[source.corpus] ?? 0) + 1;
    const before = await triageFacts(source.name, source.text);
    for (const t of transforms) {
      const damaged = t.apply(source.text, { reportLine: before.reportLine });
      const after = damaged === source.text ? before : await triageFacts(source.name, damaged);
      const r = results.get(t.id)!;
      r.total++;
      let held = true;
      for (const field of t.invariant) {
        if (before[field] === after[field]) continue;
        held = false;
        r.changedByField[field] = (r.changedByField[field] ?? 0) + 1;
        changed.push({ corpus: source.corpus, name: source.name, transform: t.id, field, before: show(before[field]), after: show(after[field]) });
      }
      if (held) r.invariantCount++;
    }
  }
  return { transforms: [...results.values()], changed, sources };
}

function pct(n: number, d: number): string {
  return d === 0 ? "  -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith("--transform="))?.slice("--transform=".length).split(",");
  const corpusDir = args.find((a) => a.startsWith("--corpus="))?.slice("--corpus=".length) ?? DEFAULT_CORPUS;
  const transforms = only ? PASTE_TRANSFORMS.filter((t) => only.includes(t.id)) : PASTE_TRANSFORMS;
  if (only && transforms.length !== only.length) throw new Error(`unknown transform in ${only.join(",")}`);
  const realDir = args.find((a) => a.startsWith("--real="))?.slice("--real=".length);
  const real = readDevRealSources(realDir === undefined ? undefined : resolve(realDir));
  const syz = readSyzkallerSources(corpusDir);
  const perCorpus = {
    "real-dev": await measurePasteDamage({ sources: real, transforms }),
    syzkaller: await measurePasteDamage({ sources: syz, transforms }),
  };
  if (args.includes("--json")) {
    console.log(JSON.stringify(perCorpus, null, 2));
    return;
  }
  console.log("paste-damage invariance — GENERATED corpus: real logs (testdata/real dev part, shared syzkaller reports)");
  console.log(`damaged by the transforms of scripts/bench/paste-damage-transforms.ts; ${real.length} dev + ${syz.length} syzkaller sources.`);
  console.log("A case is invariant when every field its transform keeps (class, title, frame, release, count) is unchanged.\n");
  const header = `${"transform".padEnd(24)} ${"keeps".padEnd(30)} ${"real-dev".padStart(14)} ${"syzkaller".padStart(14)}   changed fields`;
  console.log(header);
  console.log("-".repeat(header.length + 20));
  let totalHeld = 0;
  let total = 0;
  for (const t of transforms) {
    const cells = (["real-dev", "syzkaller"] as const).map((c) => perCorpus[c].transforms.find((r) => r.id === t.id)!);
    const fields = new Map<string, number>();
    for (const r of cells) for (const [f, n] of Object.entries(r.changedByField)) fields.set(f, (fields.get(f) ?? 0) + n);
    for (const r of cells) {
      totalHeld += r.invariantCount;
      total += r.total;
    }
    const keeps = t.invariant.length === 5 ? "all" : t.invariant.join(",");
    const cell = (r: TransformResult) => `${r.invariantCount}/${r.total} ${pct(r.invariantCount, r.total)}`;
    console.log(
      `${t.id.padEnd(24)} ${keeps.padEnd(30)} ${cell(cells[0]).padStart(14)} ${cell(cells[1]).padStart(14)}   ${[...fields].map(([f, n]) => `${f} ${n}`).join(", ")}`,
    );
  }
  console.log(`\ntotal invariant: ${totalHeld}/${total} ${pct(totalHeld, total)}`);
  const listAll = args.includes("--all");
  for (const corpus of ["real-dev", "syzkaller"] as const) {
    const changed = perCorpus[corpus].changed;
    if (changed.length === 0) continue;
    console.log(`\nchanged cases (${corpus}, ${changed.length} field changes${listAll ? "" : "; 10 per transform, --all for every one"}):`);
    for (const t of transforms) {
      const rows = changed.filter((c) => c.transform === t.id);
      for (const c of listAll ? rows : rows.slice(0, 10)) console.log(`  ${t.id.padEnd(22)} ${c.name}  ${c.field}: ${c.before} → ${c.after}`);
      if (!listAll && rows.length > 10) console.log(`  ${t.id.padEnd(22)} … ${rows.length - 10} more`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
