/**
 * `oopscope db copy --to postgresql://…`: every row of every table from one database to another (SQLite → Postgres
 * is the move the README describes; any pair of providers works). The target must be migrated and empty (or
 * `replace` empties it first). Rows keep their ids; Postgres sequences are moved past the copied ids so new rows do
 * not collide. Uploads are files, not rows: they stay in the upload store (see the README).
 */
import type { Db } from "./db";
import { providerOfDb } from "./db";

type Row = Record<string, unknown>;
type Delegate = {
  count(): Promise<number>;
  findMany(args: { orderBy: Row; take: number; skip?: number; cursor?: Row }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  deleteMany(): Promise<{ count: number }>;
};

/** Parents before children (foreign keys), with each table's key for paging and whether Postgres gives it a sequence. */
const TABLES = [
  { model: "user", table: "user", key: "id" },
  { model: "session", table: "session", key: "id" },
  { model: "account", table: "account", key: "id" },
  { model: "verification", table: "verification", key: "id" },
  { model: "apiToken", table: "ApiToken", key: "id" },
  { model: "invite", table: "Invite", key: "id" },
  { model: "setting", table: "Setting", key: "key" },
  { model: "kbEntry", table: "KbEntry", key: "id" },
  { model: "kbRevision", table: "KbRevision", key: "id", serial: true },
  { model: "incident", table: "Incident", key: "id" },
  { model: "incidentFile", table: "IncidentFile", key: "id", serial: true },
  { model: "findingRecord", table: "FindingRecord", key: "id", serial: true },
  { model: "auditEvent", table: "AuditEvent", key: "id", serial: true },
  // Failed uploads keep their reason; queued ones are triaged by the target's server (SQLite) or workers (Postgres).
  { model: "uploadJob", table: "UploadJob", key: "id" },
  // Ended jobs are history for their pages; queued ones run on the target (requeue-stranded-jobs.ts on Postgres).
  { model: "backgroundJob", table: "BackgroundJob", key: "id" },
] as const;

/** Rows per read and insert: incident results and KB documents can be hundreds of KB each. */
const BATCH = 200;

export type CopyTableResult = { table: string; rows: number };
export type CopyOptions = { replace?: boolean; onProgress?: (table: string, rows: number, total: number) => void };

const delegate = (db: Db, model: string) => (db as unknown as Record<string, Delegate>)[model];

export class TargetNotEmptyError extends Error {}

export async function copyDatabase(from: Db, to: Db, options: CopyOptions = {}): Promise<CopyTableResult[]> {
  const nonEmpty: string[] = [];
  for (const t of TABLES) if ((await delegate(to, t.model).count()) > 0) nonEmpty.push(t.table);
  if (nonEmpty.length > 0) {
    if (!options.replace) throw new TargetNotEmptyError(`The target database is not empty (${nonEmpty.join(", ")}); pass --replace to overwrite it.`);
    for (const t of [...TABLES].reverse()) await delegate(to, t.model).deleteMany();
  }
  const results: CopyTableResult[] = [];
  for (const t of TABLES) {
    const source = delegate(from, t.model);
    const target = delegate(to, t.model);
    const total = await source.count();
    let copied = 0;
    let cursor: unknown;
    for (;;) {
      const rows = await source.findMany({
        orderBy: { [t.key]: "asc" },
        take: BATCH,
        ...(cursor === undefined ? {} : { skip: 1, cursor: { [t.key]: cursor } }),
      });
      if (rows.length === 0) break;
      copied += (await target.createMany({ data: rows })).count;
      cursor = rows[rows.length - 1][t.key];
      options.onProgress?.(t.table, copied, total);
    }
    const landed = await target.count();
    if (landed !== total) throw new Error(`${t.table}: ${total} rows in the source, ${landed} in the target after the copy.`);
    if ("serial" in t && providerOfDb(to) === "postgresql") {
      await to.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"${t.table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${t.table}"), 0) + 1, false)`,
      );
    }
    results.push({ table: t.table, rows: copied });
  }
  return results;
}
