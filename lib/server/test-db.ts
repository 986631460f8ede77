/** A throw-away SQLite database with the committed migrations applied, for the server tests (KB editing, accounts). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function createTestDb(): { db: PrismaClient; url: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-test-"));
  const file = path.join(dir, "test.db");
  // Same SQL `prisma migrate deploy` applies, without spawning the CLI per test file.
  const sqlite = new Database(file);
  for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d+_/.test(n)).sort()) {
    sqlite.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  return {
    db,
    url: `file:${file}`,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
