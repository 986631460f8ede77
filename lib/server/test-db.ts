/**
 * A throw-away database with the committed migrations applied, for the server tests (KB editing, accounts, …).
 * SQLite in a temporary directory by default; with TEST_DATABASE_URL=postgresql://… (a server the tests may create
 * databases on), a fresh Postgres database per call, dropped by `cleanup`. CI runs the DB tests both ways.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { connectDb, providerOf, type Db, type DatabaseProvider } from "./db";

const PRISMA = path.resolve(import.meta.dirname, "../../prisma");

export type TestDb = { db: Db; url: string; provider: DatabaseProvider; cleanup: () => Promise<void> };

/** The migration scripts of a provider, in order (the same SQL `prisma migrate deploy` applies). */
export function migrationScripts(provider: DatabaseProvider): string[] {
  const dir = path.join(PRISMA, provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  return readdirSync(dir)
    .filter((n) => /^\d+_/.test(n))
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** The provider the DB tests run against (TEST_DATABASE_URL's, else SQLite). */
export function testDatabaseProvider(): DatabaseProvider {
  return process.env.TEST_DATABASE_URL ? providerOf(process.env.TEST_DATABASE_URL) : "sqlite";
}

type TestDbOptions = { sqliteOnly?: boolean; migrate?: boolean };

function createSqliteTestDb(options: TestDbOptions): TestDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-test-"));
  const file = path.join(dir, "test.db");
  if (options.migrate !== false) {
    // Without spawning the CLI per test file.
    const sqlite = new Database(file);
    for (const sql of migrationScripts("sqlite")) sqlite.exec(sql);
    sqlite.close();
  }
  const url = `file:${file}`;
  const db = connectDb(url);
  return {
    db,
    url,
    provider: "sqlite",
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDb(serverUrl: string, options: TestDbOptions): Promise<TestDb> {
  const name = `oopscope_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  if (options.migrate !== false) {
    await withClient(url, async (c) => {
      for (const sql of migrationScripts("postgresql")) await c.query(sql);
    });
  }
  const db = connectDb(url);
  return {
    db,
    url,
    provider: "postgresql",
    cleanup: async () => {
      await db.$disconnect();
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * `sqliteOnly`: a SQLite database whatever TEST_DATABASE_URL says (the source of `db copy`); `migrate: false`: an
 * empty database, for code that migrates it itself (the CLI).
 */
export async function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl && providerOf(serverUrl) === "postgresql" && !options.sqliteOnly ? createPostgresTestDb(serverUrl, options) : createSqliteTestDb(options);
}
