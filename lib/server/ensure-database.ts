/**
 * First start (npm start or the CLI): create the SQLite database, apply pending migrations and seed the built-in
 * knowledge base. Cheap when nothing is pending (one read of the migrations table).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getDb } from "./db";
import { seedKb } from "./kb/seed-kb";
import { databaseUrl } from "./paths";

const ROOT = process.cwd();

function pendingMigrations(file: string): number {
  const dir = path.join(ROOT, "prisma", "migrations");
  const all = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
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

export async function ensureDatabase(options: EnsureDatabaseOptions = {}): Promise<void> {
  const url = databaseUrl();
  process.env.DATABASE_URL = url;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    mkdirSync(path.dirname(file), { recursive: true });
    if (pendingMigrations(file) > 0) {
      execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        stdio: options.quiet ? "ignore" : ["ignore", "inherit", "inherit"],
      });
    }
  }
  if (options.seed !== false) {
    // Idempotent and cheap: new or changed built-in entries reach existing databases too (team edits are kept).
    const r = await seedKb(getDb());
    if (!options.quiet && r.created + r.updated > 0)
      process.stderr.write(`oopscope: knowledge base seeded (${r.created} new, ${r.updated} updated)\n`);
  }
}
