/**
 * How many migrations a database still lacks, read without Prisma: `oopscope triage` asks before it uses a database,
 * and a run that ends up with the built-in entries must not pay for loading the Prisma clients, pg and better-sqlite3
 * (~0.2 s of CPU). The drivers are loaded only for the provider the URL names, and better-sqlite3 only for a file
 * that exists.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { providerOf, type DatabaseProvider } from "./database-provider";

const ROOT = process.cwd();

function migrationNames(provider: DatabaseProvider): string[] {
  const dir = path.join(ROOT, "prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

async function pendingPostgresMigrations(url: string): Promise<number> {
  const all = migrationNames("postgresql");
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations')::text AS name");
    if (!table.rows[0]?.name) return all.length;
    const rows = await client.query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    const done = new Set(rows.rows.map((r) => r.migration_name));
    return all.filter((m) => !done.has(m)).length;
  } finally {
    await client.end();
  }
}

async function pendingSqliteMigrations(file: string): Promise<number> {
  const all = migrationNames("sqlite");
  if (!existsSync(file)) return all.length;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return all.length;
    const done = new Set(
      (db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as { migration_name: string }[]).map(
        (r) => r.migration_name,
      ),
    );
    return all.filter((m) => !done.has(m)).length;
  } finally {
    db.close();
  }
}

/**
 * How many migrations `url`'s database still lacks (all of them when a SQLite file does not exist), without creating
 * or changing anything.
 */
export async function countPendingMigrations(url: string): Promise<number> {
  if (providerOf(url) === "postgresql") return pendingPostgresMigrations(url);
  if (url.startsWith("file:")) return pendingSqliteMigrations(url.slice("file:".length));
  return 0;
}
