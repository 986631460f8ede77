/**
 * Timing of the re-match after a KB save: N stored incidents (default 1000, built by triaging corpus logs from
 * ../shared/corpus round-robin, or testdata/logs when absent), then one save → its re-matching job over all of them
 * (run inline here: the job's own time, as a worker spends it), and one try-before-save preview over all of them. Usage: npx tsx lib/server/kb/edit/bench-rematch.ts [N]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { triage } from "../../../engine/triage";
import { seedKb } from "../seed-kb";
import { getKbIndex } from "../get-kb-index";
import { saveKbEntry } from "./kb-store";
import { previewRuleChange } from "./preview";
import { createTestDb } from "../../test-db";
import { inlineJobQueue } from "../../jobs/inline-job-queue";
import { JOB_FUNCTIONS } from "../../jobs/job-functions";
import { LocalDirectoryStore } from "../../storage/upload-store";

const ROOT = path.resolve(import.meta.dirname, "../../../..");
const COUNT = Number(process.argv[2] ?? 1000);

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) listFiles(p, out);
    else if (!name.endsWith(".md") && statSync(p).size < 2_000_000) out.push(p);
  }
  return out;
}

async function main() {
  const corpus = path.resolve(ROOT, "../shared/corpus");
  let files: string[] = [];
  try {
    files = listFiles(corpus).slice(0, 300);
  } catch (e) {
    // Only a checkout without ../shared falls back; an unreadable corpus is an error worth seeing.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    files = listFiles(path.join(ROOT, "testdata/logs"));
  }
  const { db, cleanup } = await createTestDb();
  try {
    await seedKb(db);
    const kb = await getKbIndex(db);
    const incidents = [];
    for (const file of files) {
      const incident = await triage([{ name: path.basename(file), data: readFileSync(file) }], { kb });
      if (incident.findings.length > 0) incidents.push(incident);
    }
    // Stored as triaged without a KB, so the first save rewrites every incident that has a match (worst case).
    for (let i = 0; i < COUNT; i++) {
      const incident = incidents[i % incidents.length];
      const bare = { ...incident, recommendation: undefined, findings: incident.findings.map((f) => ({ ...f, matches: [] })) };
      await db.incident.create({
        data: {
          id: `bench-${i}`,
          title: incident.findings[0].title,
          result: JSON.stringify(bare),
          findings: { create: bare.findings.map((f) => ({ findingId: f.id, signature: f.signature, title: f.title, kind: f.kind })) },
        },
      });
    }
    const findings = incidents.reduce((n, x) => n + x.findings.length, 0) / incidents.length;
    const some = await db.kbEntry.findFirstOrThrow({ orderBy: { id: "asc" } });
    const doc = JSON.parse(some.document);
    const queue = inlineJobQueue({ db, store: new LocalDirectoryStore("/nonexistent"), cliPath: "", jobs: JOB_FUNCTIONS });
    const edit = (revision: number, summary: string) =>
      saveKbEntry(db, { id: some.id, document: { ...doc, summary }, baseRevision: revision, message: "bench", author: "bench" }, { queue, rematchLimit: COUNT });
    const first = await edit(some.revision, `${doc.summary} (edited)`);
    const second = await edit(first.revision, `${doc.summary} (edited twice)`);
    const preview = await previewRuleChange(db, { document: doc, incidentLimit: COUNT });
    console.log(
      JSON.stringify({
        kbEntries: kb.entries.size,
        distinctIncidents: incidents.length,
        storedIncidents: COUNT,
        avgFindingsPerIncident: Number(findings.toFixed(2)),
        rematchAllRewritten: first.rematch?.result,
        rematchNothingChanged: second.rematch?.result,
        previewMs: preview.ms,
      }),
    );
  } finally {
    await cleanup();
  }
}

void main();
