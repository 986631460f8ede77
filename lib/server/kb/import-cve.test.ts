import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, gzipSync } from "node:zlib";
import { pack as tarPack } from "tar-stream";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { kbEntrySchema } from "../../kb/schema";
import { leftOpenBy } from "../inputs/refused-input-files";
import { createTestDb, type TestDb } from "../test-db";
import { importCveRecords, readCveSource } from "./import-cve";
import { getKbGeneration } from "./kb-generation";

const SAMPLE = path.resolve(import.meta.dirname, "../../../../shared/data/kernel-cves-sample");
const EDGE = path.join(SAMPLE, "edge-cases");
const haveSample = existsSync(SAMPLE);

/** A vulns.git-shaped tarball of the three edge-case records (plus a file the importer must ignore). */
async function makeTarball(dir: string, withBrokenRecord = false): Promise<string> {
  const file = path.join(dir, "vulns.tar.gz");
  const pack = tarPack();
  const done = pipeline(pack, createGzip(), createWriteStream(file));
  for (const id of ["CVE-2020-36776", "CVE-2024-26600", "CVE-2024-38635"]) {
    const year = id.slice(4, 8);
    for (const ext of ["json", "dyad", "sha1", "mbox"]) {
      pack.entry({ name: `cve/published/${year}/${id}.${ext}` }, readFileSync(path.join(EDGE, `${id}.${ext}`)));
    }
  }
  pack.entry({ name: "cve/rejected/2024/CVE-2024-00001.json" }, "{}");
  if (withBrokenRecord) pack.entry({ name: "cve/published/2024/CVE-2024-99998.json" }, '{"cveMetadata": {');
  pack.finalize();
  await done;
  return file;
}

describe.skipIf(!haveSample)("importCveRecords", () => {
  let env: TestDb;
  let tmp: string;
  beforeEach(async () => {
    env = await createTestDb();
    tmp = mkdtempSync(path.join(os.tmpdir(), "oopscope-cve-"));
  });
  afterEach(async () => {
    await env.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("reads a tarball: published records only, sidecars grouped per CVE", async () => {
    const records = await readCveSource(await makeTarball(tmp));
    expect(records.map((r) => JSON.parse(r.json).cveMetadata.cveId)).toEqual(["CVE-2020-36776", "CVE-2024-26600", "CVE-2024-38635"]);
    expect(records.every((r) => r.dyad && r.sha1)).toBe(true);
  });

  it("imports a directory, then re-imports idempotently, updates changed entries and never touches curated ones", async () => {
    const { db } = env;
    const progress: number[] = [];
    const first = await importCveRecords({ source: SAMPLE, db, onProgress: (done) => progress.push(done) });
    expect(first.errors).toEqual([]);
    expect(first.imported).toBeGreaterThanOrEqual(200);
    expect(first.withCrashText).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(first.imported);
    expect(await db.kbEntry.count({ where: { origin: "imported" } })).toBe(first.imported);
    expect(await db.kbRevision.count({ where: { message: "CVE import" } })).toBe(first.imported);
    const generation = await getKbGeneration(db);
    expect(generation).toBeGreaterThan(0);

    const row = await db.kbEntry.findUniqueOrThrow({ where: { id: "CVE-2024-26600" } });
    expect(kbEntrySchema.parse(JSON.parse(row.document)).fixes[0].mainline).toBe("6.8");

    const second = await importCveRecords({ source: SAMPLE, db });
    expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: first.imported, skipped: 0 });
    expect(await getKbGeneration(db)).toBe(generation); // nothing changed: caches stay valid

    // A stale imported document is refreshed with a new revision; a team-edited entry is left alone.
    await db.kbEntry.update({ where: { id: "CVE-2024-26600" }, data: { document: "{}" } });
    await db.kbEntry.update({ where: { id: "CVE-2020-36776" }, data: { origin: "team", document: '{"edited":true}' } });
    const third = await importCveRecords({ source: SAMPLE, db });
    expect(third).toMatchObject({ imported: 0, updated: 1, skipped: 1, unchanged: first.imported - 2 });
    const updated = await db.kbEntry.findUniqueOrThrow({ where: { id: "CVE-2024-26600" }, include: { revisions: true } });
    expect(updated.revision).toBe(2);
    expect(updated.revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(updated.document).toBe(row.document);
    expect((await db.kbEntry.findUniqueOrThrow({ where: { id: "CVE-2020-36776" } })).document).toBe('{"edited":true}');
    expect(await getKbGeneration(db)).toBe(generation + 1);
  });

  it("imports from a tarball and counts bad records instead of failing", async () => {
    const { db } = env;
    const result = await importCveRecords({ source: await makeTarball(tmp, true), db });
    expect(result).toMatchObject({ imported: 3, updated: 0 });
    expect(result.errors).toEqual([expect.stringMatching(/CVE-2024-99998\.json: invalid JSON/)]);
    expect(await db.kbEntry.count()).toBe(3);
  });
});

describe("a CVE tarball that cannot be read", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-cve-broken-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const body = Buffer.alloc(4 << 20, 0x41);
  it.each([
    ["not a tar inside the gzip", gzipSync(body)],
    ["a gzip cut short", gzipSync(body).subarray(0, 2048)],
    ["not a tar at all", body],
  ])("%s: refused, and the file is closed", async (label, bytes) => {
    const file = path.join(dir, label.replace(/ /g, "-"), "vulns.tar.gz");
    mkdirSync(path.dirname(file));
    writeFileSync(file, bytes);
    const { open, gcClosed, outcome } = await leftOpenBy(path.dirname(file), () => readCveSource(file));
    expect("error" in outcome).toBe(true);
    expect({ open, gcClosed }).toEqual({ open: [], gcClosed: [] });
  });
});
