/**
 * First start (npm start or the CLI): create the SQLite database (Postgres: the database must exist), apply pending
 * migrations of its provider and seed the built-in knowledge base. Cheap when nothing is pending (one read of the
 * migrations table, two settings and a hash of the built-in KB files).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUILTIN_KB_DIR } from "../kb/load-builtin";
import { countPendingMigrations } from "./count-pending-migrations";
import { getDb, type Db } from "./db";
import { getKbGeneration } from "./kb/kb-generation";
import { seedKb } from "./kb/seed-kb";
import { databaseUrl } from "./paths";

const ROOT = process.cwd();

export type EnsureDatabaseOptions = { seed?: boolean; quiet?: boolean };

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
  if (options.seed !== false && !(await isSeedCurrent(getDb()))) {
    // Idempotent: new or changed built-in entries reach existing databases too (team edits are kept).
    const r = await seedKb(getDb());
    await recordSeed(getDb());
    if (!options.quiet && r.created + r.updated > 0)
      process.stderr.write(`oopscope: knowledge base seeded (${r.created} new, ${r.updated} updated)\n`);
  }
}

/**
 * The CLI seeds before every triage with a finding: parsing and validating 80+ YAML entries and comparing each with
 * its row cost ~1.5 s of CPU per run. Skipped when the built-in files and the KB generation (bumped by every KB change:
 * a team edit, a deletion, an import) are what they were after the last seed. `oopscope kb seed` always seeds.
 */
const SEED_KEY = "kbSeedFingerprint";

/** Undefined without the directory: the seed then runs and reports it (loadBuiltinKb). */
function builtinKbFingerprint(): string | undefined {
  if (!existsSync(BUILTIN_KB_DIR)) return undefined;
  const hash = createHash("sha256");
  for (const name of readdirSync(BUILTIN_KB_DIR).filter((n) => /\.ya?ml$/i.test(n)).sort())
    hash.update(`${name}\0`).update(readFileSync(path.join(BUILTIN_KB_DIR, name))).update("\0");
  return hash.digest("hex");
}

async function isSeedCurrent(db: Db): Promise<boolean> {
  const fingerprint = builtinKbFingerprint();
  if (!fingerprint) return false;
  const seen = await db.setting.findUnique({ where: { key: SEED_KEY } });
  return seen?.value === `${fingerprint}:${await getKbGeneration(db)}`;
}

async function recordSeed(db: Db): Promise<void> {
  const fingerprint = builtinKbFingerprint();
  if (!fingerprint) return;
  const value = `${fingerprint}:${await getKbGeneration(db)}`;
  await db.setting.upsert({ where: { key: SEED_KEY }, create: { key: SEED_KEY, value }, update: { value } });
}
