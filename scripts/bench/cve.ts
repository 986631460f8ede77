/**
 * `npm run bench:cve`: the kernel CVE import end to end.
 *   1. Imports the full published tarball (../shared/data/kernel-vulns-published.tar.gz, or --source) into a
 *      throw-away SQLite database and reports the time (goal ≤ 60 s for 14.6k records).
 *   2. Takes a deterministic sample of records whose description quotes a crash (every k-th by id), feeds that
 *      description back through triage() with the whole imported KB (plus the built-in entries as distractors)
 *      and counts how often the record's own CVE is among the top 3 matches (goal ≥ 90%).
 *   3. Checks that 14.6k imported entries do not crowd out curated ones: every testdata/kb log must still have a
 *      finding whose top match is the curated entry its `KB:` header names.
 * Flags: --source PATH, --sample N (default 300), --verbose (print misses).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { buildKbIndex } from "../../lib/engine/match/build-kb-index";
import { isProblemEvent, triage } from "../../lib/engine/triage";
import { loadBuiltinKb } from "../../lib/kb/load-builtin";
import { prepareCrashText } from "../../lib/kb/cve/crash-findings";
import { kbEntrySchema, type KbEntry } from "../../lib/kb/schema";
import { importCveRecords, readCveSource } from "../../lib/server/kb/import-cve";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ROOT = process.cwd();
const SOURCE = flag("source") ?? path.resolve(ROOT, "../shared/data/kernel-vulns-published.tar.gz");
const SAMPLE_SIZE = Number(flag("sample") ?? 300);
const VERBOSE = process.argv.includes("--verbose");
const TOP_N = 3;

async function main(): Promise<void> {
  if (!existsSync(SOURCE)) {
    console.error(`bench:cve: ${SOURCE} not found (pass --source <tarball|dir>)`);
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "oopscope-bench-cve-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const result = await importCveRecords({
      source: SOURCE,
      db,
      onProgress: (done, total) => process.stderr.write(`\rimport ${done}/${total}`),
    });
    process.stderr.write("\n");
    console.log(
      `import: ${result.imported} imported, ${result.updated} updated, ${result.unchanged} unchanged, ` +
        `${result.skipped} skipped, ${result.errors.length} errors, ${result.withCrashText} with crash rules — ` +
        `${(result.elapsedMs / 1000).toFixed(1)} s (goal ≤ 60 s; read ${result.phaseMs.read} ms, parse ${result.phaseMs.parse} ms, ` +
        `write ${result.phaseMs.write} ms)`,
    );
    for (const e of result.errors.slice(0, 5)) console.log(`  error: ${e}`);

    const t0 = Date.now();
    const again = await importCveRecords({ source: SOURCE, db });
    console.log(`re-import: ${again.unchanged} unchanged, ${again.updated} updated — ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // The KB a user would have: every imported entry plus the built-in ones.
    const rows = await db.kbEntry.findMany({ select: { document: true } });
    const imported = rows.map((r) => kbEntrySchema.parse(JSON.parse(r.document)));
    const entries: KbEntry[] = [...loadBuiltinKb().entries, ...imported];
    const tIndex = Date.now();
    const kb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
    console.log(`index: ${entries.length} entries in ${Date.now() - tIndex} ms, ${kb.index.unreachable.length} unreachable`);

    const withCrash = new Set(imported.filter((e) => e.tags.includes("crash-text")).map((e) => e.id));
    const records = (await readCveSource(SOURCE))
      .map((r) => ({ r, doc: JSON.parse(r.json) }))
      .filter(({ doc }) => withCrash.has(doc.cveMetadata?.cveId));
    const step = Math.max(1, Math.floor(records.length / SAMPLE_SIZE));
    const sample = records.filter((_, i) => i % step === 0).slice(0, SAMPLE_SIZE);

    let top1 = 0;
    let top3 = 0;
    let anyMatch = 0;
    const tMatch = Date.now();
    for (const { doc } of sample) {
      const id: string = doc.cveMetadata.cveId;
      const description: string = doc.containers.cna.descriptions[0].value;
      const incident = await triage([{ name: id, data: new TextEncoder().encode(prepareCrashText(description)) }], { kb });
      const crashes = incident.findings.filter((f) => !isProblemEvent(f));
      const ranks = crashes.map((f) => f.matches.filter((m) => !m.related).findIndex((m) => m.kbId === id));
      const best = Math.min(...ranks.filter((r) => r >= 0), Infinity);
      if (best === 0) top1++;
      if (best < TOP_N) top3++;
      if (crashes.some((f) => f.matches.length > 0)) anyMatch++;
      if (VERBOSE && best >= TOP_N) {
        const f = crashes[0];
        console.log(`miss ${id}: ${f?.title ?? "(no finding)"} → ${f?.matches.slice(0, 3).map((m) => `${m.kbId} ${m.score}`).join(", ") ?? ""}`);
      }
    }
    const pct = (n: number) => `${((100 * n) / Math.max(1, sample.length)).toFixed(1)}%`;
    console.log(
      `self-match on ${sample.length} crash-text records (of ${records.length}): top-1 ${pct(top1)}, ` +
        `top-${TOP_N} ${pct(top3)} (goal ≥ 90%), any match ${pct(anyMatch)} — ` +
        `${((Date.now() - tMatch) / sample.length).toFixed(1)} ms per record`,
    );

    // Curated entries must stay on top for the logs they were written for.
    const corpusDir = path.join(ROOT, "testdata", "kb");
    const logs = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith(".log")) : [];
    let kept = 0;
    for (const file of logs) {
      const text = readFileSync(path.join(corpusDir, file), "utf8");
      const split = text.indexOf("\n\n");
      const want = /^KB: *(\S+)/m.exec(text.slice(0, split))?.[1];
      if (!want) continue;
      const incident = await triage([{ name: file, data: new TextEncoder().encode(text.slice(split + 2)) }], { kb });
      if (incident.findings.some((f) => f.matches[0]?.kbId === want)) kept++;
      else if (VERBOSE) {
        const f = incident.findings[0];
        console.log(`curated displaced ${file}: want ${want}, got ${f?.matches.slice(0, 3).map((m) => `${m.kbId} ${m.score}`).join(", ")}`);
      }
    }
    console.log(`curated corpus with the CVE import loaded: ${kept}/${logs.length} logs keep their curated entry on top`);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
