/**
 * First start (npm start or the CLI): create the SQLite database (Postgres: the database must exist), apply pending
 * migrations of its provider and seed the built-in knowledge base. Cheap when nothing is pending (one read of the
 * migrations table).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { getDb, providerOf, type DatabaseProvider } from "./db";
import { seedKb } from "./kb/seed-kb";
import { databaseUrl } from "./paths";

const ROOT = process.cwd();

function migrationNames(provider: DatabaseProvider): string[] {
  const dir = path.join(ROOT, "prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

async function pendingPostgresMigrations(url: string): Promise<number> {
  const all = migrationNames("postgresql");
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

function pendingSqliteMigrations(file: string): number {
  const all = migrationNames("sqlite");
  if (!existsSync(file)) return all.length;
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

export type EnsureDatabaseOptions = { seed?: boolean; quiet?: boolean };

/**
 * How many migrations `url`'s database still lacks (all of them when a SQLite file does not exist), without creating
 * or changing anything: the CLI's `triage` asks before it uses a database.
 */
export async function countPendingMigrations(url: string): Promise<number> {
  if (providerOf(url) === "postgresql") return pendingPostgresMigrations(url);
  if (url.startsWith("file:")) return pendingSqliteMigrations(url.slice("file:".length));
  return 0;
}

/** Applies the pending migrations of `url`'s provider (creating a SQLite file); the Postgres database must exist. */
export async function migrateDatabase(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const pending = await countPendingMigrations(url);
  if (pending > 0) {
    // prisma.config.ts picks the provider's schema and migrations from DATABASE_URL.
    execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: options.quiet ? "ignore" : ["ignore", "inherit", "inherit"],
    });
  }
}

export async function ensureDatabase(options: EnsureDatabaseOptions = {}): Promise<void> {
  const url = databaseUrl();
  process.env.DATABASE_URL = url;
  await migrateDatabase(url, options);
  if (options.seed !== false) {
    // Idempotent and cheap: new or changed built-in entries reach existing databases too (team edits are kept).
    const r = await seedKb(getDb());
    if (!options.quiet && r.created + r.updated > 0)
      process.stderr.write(`oopscope: knowledge base seeded (${r.created} new, ${r.updated} updated)\n`);
  }
}
