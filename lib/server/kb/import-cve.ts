/**
 * Imports the Linux kernel CVE team's records (vulns.git `cve/published/`) into the knowledge base, from the
 * published tarball (`.tar.gz`, read as a stream with tar-stream + zlib) or from a checkout directory.
 *
 * Idempotent: a record whose entry document is unchanged is left alone; a changed one gets a new revision
 * ("CVE import"); an entry with the same id that is not `imported` (written or edited by the team) is never
 * overwritten. Writes go in batched transactions (one round trip per batch, not per record), then the KB
 * generation is bumped so match caches refresh. Progress goes to `onProgress` (the CLI prints it on stderr).
 */
import { kbEntryColumns } from "./kb-entry-columns";
import { closeSync, createReadStream, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { extract as tarExtract } from "tar-stream";
import { parseCveRecord, type CveRecordFiles, type ParseCveRecordOptions } from "../../kb/cve/parse-cve-record";
import type { KbEntry } from "../../kb/schema";
import pg from "pg";
import { postgresUrlOf, providerOfDb, type Db } from "../db";
import { bumpKbGeneration } from "./kb-generation";
import Database from "better-sqlite3";

export type ImportCveOptions = {
  /** A `.tar.gz`/`.tgz`/`.tar` of the vulns tree, or a directory (a vulns.git checkout or any folder of records). */
  source: string;
  db: Db;
  onProgress?: (done: number, total: number) => void;
  /** Test and bench hook: how crash text is read (defaults to triage()). */
  findCrash?: ParseCveRecordOptions["findCrash"];
};

export type ImportCveResult = {
  imported: number;
  updated: number;
  unchanged: number;
  /** Records whose id belongs to a curated (builtin/team) entry: left as the team wrote it. */
  skipped: number;
  /** Records that could not become a valid entry (bad JSON, schema violations), with the reason. */
  errors: string[];
  /** Imported entries whose description quotes a crash the engine could read (they carry crash rules). */
  withCrashText: number;
  elapsedMs: number;
  /** Where the time went: reading the source, parsing records (triage of quoted crashes), database writes. */
  phaseMs: { read: number; parse: number; write: number };
};

/** Rows per transaction: big enough to amortise the commit, small enough to keep the write lock short. */
const WRITE_BATCH = 500;
const REVISION_MESSAGE = "CVE import";
const RECORD_FILE = /(?:^|\/)(CVE-\d{4}-\d{4,})\.(json|dyad|sha1)$/;

type RecordGroup = { id: string; path: string; json?: string; dyad?: string; sha1?: string };

function addFile(groups: Map<string, RecordGroup>, filePath: string, text: string): void {
  // Rejected and reserved ids live beside `published/` in a checkout; only published records are real.
  if (/(?:^|\/)(?:rejected|reserved|review)\//.test(filePath)) return;
  const m = RECORD_FILE.exec(filePath);
  if (!m) return;
  const [, id, ext] = m;
  let g = groups.get(id);
  if (!g) groups.set(id, (g = { id, path: filePath }));
  if (ext === "json") {
    g.json = text;
    g.path = filePath;
  } else if (ext === "dyad") g.dyad = text;
  else g.sha1 = text;
}

function startsWithGzipMagic(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

async function readTarball(file: string): Promise<Map<string, RecordGroup>> {
  const groups = new Map<string, RecordGroup>();
  const extractor = tarExtract();
  const gzipped = startsWithGzipMagic(file); // by content: an upload is stored under a neutral name
  // pipeline, not pipe: a failure anywhere (a corrupt gzip, a tar header that is none) destroys every stream, the
  // file's too, and reaches the loop below through the extractor; through pipe the file stayed open, and a gunzip
  // failure was an 'error' event nothing listened to.
  const input = createReadStream(file);
  pipeline(gzipped ? [input, createGunzip(), extractor] : [input, extractor], () => undefined);
  for await (const entry of extractor) {
    const name = entry.header.name;
    if (entry.header.type !== "file" || !RECORD_FILE.test(name)) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    addFile(groups, name, Buffer.concat(chunks).toString("utf8"));
  }
  return groups;
}

function readDirectory(dir: string): Map<string, RecordGroup> {
  const groups = new Map<string, RecordGroup>();
  // A vulns.git checkout: only its published tree. Any other folder: every record file under it.
  const published = path.join(dir, "cve", "published");
  const root = existsSync(published) ? published : dir;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".git") walk(p);
      } else if (e.isFile() && RECORD_FILE.test(e.name)) addFile(groups, path.relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(root);
  return groups;
}

/** All record files of a source, grouped per CVE id (sorted by id, so imports are deterministic). */
export async function readCveSource(source: string): Promise<CveRecordFiles[]> {
  const groups = statSync(source).isDirectory() ? readDirectory(source) : await readTarball(source);
  return [...groups.values()]
    .filter((g) => g.json !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
    .map((g) => ({ json: g.json!, dyad: g.dyad, sha1: g.sha1, path: g.path }));
}

/** DateTime columns as Prisma writes them to SQLite (`2026-11-23T11:25:11.177+00:00`), so its reads parse them. */
function prismaTimestamp(d: Date): string {
  return d.toISOString().replace(/Z$/, "+00:00");
}

/** The file behind the Prisma client's SQLite connection (the same database, whatever DATABASE_URL says). */
async function sqliteFileOf(db: Db): Promise<string> {
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  if (!main?.file) throw new Error("The CVE import needs a file-backed SQLite database.");
  return main.file;
}

/** One batch = three JSON arrays (entries to create, to update, their revisions), written in one transaction. */
type BatchWriter = {
  write(now: Date, created: string, updated: string, revisions: string): Promise<void>;
  close(): void | Promise<void>;
};

/**
 * SQLite: a direct better-sqlite3 connection on the same file. Through Prisma's driver adapter, each multi-megabyte
 * JSON parameter left ~37 MB of native memory behind (1.1 GB over a full import).
 */
async function sqliteBatchWriter(db: Db): Promise<BatchWriter> {
  const sqlite = new Database(await sqliteFileOf(db));
  sqlite.pragma("busy_timeout = 10000");
  const insertEntries = sqlite.prepare(
    `INSERT INTO "KbEntry" ("id","title","component","origin","status","document","revision","createdAt","updatedAt")
     SELECT j.value->>'id', j.value->>'title', j.value->>'component', j.value->>'origin', j.value->>'status',
            j.value->>'document', j.value->>'revision', ?, ? FROM json_each(?) AS j`,
  );
  const updateEntries = sqlite.prepare(
    `UPDATE "KbEntry" SET "title" = j.value->>'title', "component" = j.value->>'component',
            "origin" = j.value->>'origin', "status" = j.value->>'status', "document" = j.value->>'document',
            "revision" = j.value->>'revision', "updatedAt" = ?
     FROM json_each(?) AS j WHERE "KbEntry"."id" = j.value->>'id'`,
  );
  const insertRevisions = sqlite.prepare(
    `INSERT INTO "KbRevision" ("entryId","revision","document","message","authorName","createdAt")
     SELECT j.value->>'id', j.value->>'revision', j.value->>'document', ?, 'oopscope', ? FROM json_each(?) AS j`,
  );
  // One JSON parameter per batch, expanded by SQLite's json_each: one statement per table, one transaction per batch.
  const writeBatch = sqlite.transaction((now: string, created: string, updated: string, revisions: string) => {
    insertEntries.run(now, now, created);
    updateEntries.run(now, updated);
    insertRevisions.run(REVISION_MESSAGE, now, revisions);
  });
  return {
    write: async (now, created, updated, revisions) => writeBatch(prismaTimestamp(now), created, updated, revisions),
    close: () => {
      sqlite.close();
    },
  };
}

/**
 * Postgres: the same three statements on a pg connection of its own (the client's URL), each batch expanded by
 * json_array_elements. Its own connection for the reason SQLite has one: big parameters through Prisma's adapter
 * are copied again per query. Timestamps go as ISO text: Prisma's columns are `timestamp(3)` in UTC, and the cast
 * drops the `Z`.
 */
async function postgresBatchWriter(db: Db): Promise<BatchWriter> {
  const url = postgresUrlOf(db);
  if (!url) throw new Error("The CVE import needs a Postgres client made by connectDb (lib/server/db.ts).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    write: async (now, created, updated, revisions) => {
      const at = now.toISOString();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "KbEntry" ("id","title","component","origin","status","document","revision","createdAt","updatedAt")
           SELECT j->>'id', j->>'title', j->>'component', j->>'origin', j->>'status', j->>'document', (j->>'revision')::int,
                  $1::timestamp(3), $1::timestamp(3) FROM json_array_elements($2::json) AS j`,
          [at, created],
        );
        await client.query(
          `UPDATE "KbEntry" SET "title" = j->>'title', "component" = j->>'component', "origin" = j->>'origin',
                  "status" = j->>'status', "document" = j->>'document', "revision" = (j->>'revision')::int,
                  "updatedAt" = $1::timestamp(3)
           FROM json_array_elements($2::json) AS j WHERE "KbEntry"."id" = j->>'id'`,
          [at, updated],
        );
        await client.query(
          `INSERT INTO "KbRevision" ("entryId","revision","document","message","authorName","createdAt")
           SELECT j->>'id', (j->>'revision')::int, j->>'document', $1, 'oopscope', $2::timestamp(3)
           FROM json_array_elements($3::json) AS j`,
          [REVISION_MESSAGE, at, revisions],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    },
    close: () => client.end(),
  };
}

type Existing = { origin: string; document: string; revision: number };


export async function importCveRecords(options: ImportCveOptions): Promise<ImportCveResult> {
  const started = Date.now();
  const { db, onProgress } = options;
  const result: ImportCveResult = { imported: 0, updated: 0, unchanged: 0, skipped: 0, errors: [], withCrashText: 0, elapsedMs: 0, phaseMs: { read: 0, parse: 0, write: 0 } };
  const records = await readCveSource(options.source);
  result.phaseMs.read = Date.now() - started;
  const total = records.length;

  // One read of what is there: the comparison needs each document, and 15k rows is a few MB.
  const existing = new Map<string, Existing>();
  for (const row of await db.kbEntry.findMany({ select: { id: true, origin: true, document: true, revision: true } }))
    existing.set(row.id, row);

  type Create = { entry: KbEntry; document: string };
  type Update = Create & { revision: number };
  let creates: Create[] = [];
  let updates: Update[] = [];
  const writer = providerOfDb(db) === "postgresql" ? await postgresBatchWriter(db) : await sqliteBatchWriter(db);
  const flush = async () => {
    if (creates.length === 0 && updates.length === 0) return;
    const t = Date.now();
    const rows = (list: Update[]) => JSON.stringify(list.map(({ entry, document, revision }) => ({ id: entry.id, ...kbEntryColumns(entry, document), revision })));
    const created = rows(creates.map((c) => ({ ...c, revision: 1 })));
    await writer.write(new Date(), created, rows(updates), rows([...creates.map((c) => ({ ...c, revision: 1 })), ...updates]));
    creates = [];
    updates = [];
    result.phaseMs.write += Date.now() - t;
  };

  let done = 0;
  try {
    for (const files of records) {
      const t = Date.now();
      const parsed = await parseCveRecord(files, { findCrash: options.findCrash });
      result.phaseMs.parse += Date.now() - t;
      done++;
      if (!parsed.ok) {
        result.errors.push(parsed.error);
      } else {
        const entry = parsed.entry;
        const document = JSON.stringify(entry);
        const have = existing.get(entry.id);
        if (!have) {
          creates.push({ entry, document });
          existing.set(entry.id, { origin: entry.origin, document, revision: 1 }); // a duplicate id in the source updates
          result.imported++;
        } else if (have.origin !== "imported") {
          result.skipped++;
        } else if (have.document === document) {
          result.unchanged++;
        } else {
          const revision = have.revision + 1;
          updates.push({ entry, document, revision });
          existing.set(entry.id, { origin: entry.origin, document, revision });
          result.updated++;
        }
        if (parsed.hasCrashText) result.withCrashText++;
      }
      if (creates.length + updates.length >= WRITE_BATCH) await flush();
      if (onProgress && (done % 250 === 0 || done === total)) onProgress(done, total);
    }
    await flush();
  } finally {
    await writer.close();
  }
  if (result.imported + result.updated > 0) await bumpKbGeneration(db);
  result.elapsedMs = Date.now() - started;
  return result;
}
