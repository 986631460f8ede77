/**
 * The Prisma client singleton (JS engine; no native query engine download). DATABASE_URL picks the provider:
 * `postgres://`/`postgresql://` → the client generated from prisma/postgres with the pg adapter, anything else →
 * SQLite through better-sqlite3 (the default). Cached on globalThis so Next's dev reloads do not reconnect.
 *
 * App code is typed against the SQLite client: the two generated clients differ only in provider-specific options
 * (transaction isolation levels, `mode: "insensitive"`), which the app does not use except through `textContains`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { providerOf, type DatabaseProvider } from "./database-provider";
import { databaseUrl } from "./paths";

export { providerOf, type DatabaseProvider } from "./database-provider";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { oopscopeDb?: PrismaClient };

/** Postgres clients made here, with their URL (code that needs its own pg connection, like the CVE import, asks). */
const postgresUrls = new WeakMap<object, string>();

/**
 * better-sqlite3 runs every statement on the calling thread, the web server's included. In SQLite's default
 * rollback journal a commit syncs the journal and the database file (3–4 fsyncs) and locks readers out meanwhile:
 * ~4 ms of the server's thread per write on a quiet disk, far more on a busy one, with page loads waiting behind
 * it. A write-ahead log commits by appending (synchronous=NORMAL syncs only at checkpoints: a power cut may lose the
 * last commits, never the file's consistency), and readers — the triage processes' KB reads — never wait for a
 * writer. `journal_mode` is kept in the file; `synchronous` and the busy timeout belong to the connection. A
 * database on a network filesystem cannot use WAL (its index is shared memory); SQLite then keeps its journal mode.
 */
class TunedSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    // Switching needs a moment when no other connection reads (the first start, with its triage processes): a
    // database left in its old mode works as before, only slower, so a refusal is a warning, not a failed start.
    const mode = await adapter.queryRaw({ sql: "PRAGMA journal_mode = WAL", args: [], argTypes: [] }).then(
      (r) => String(r.rows[0]?.[0]),
      (err: unknown) => console.warn("[oopscope] SQLite keeps its journal mode (no write-ahead log):", err),
    );
    // NORMAL is safe from corruption only with the write-ahead log.
    if (mode === "wal") await adapter.executeScript("PRAGMA synchronous = NORMAL");
    return adapter;
  }
}

/** A new client for `url` (the caller disconnects it). */
export function connectDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    postgresUrls.set(db, url);
    return db;
  }
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  return new PrismaClient({ adapter: new TunedSQLite3({ url }) });
}

export function getDb(): Db {
  globalForDb.oopscopeDb ??= connectDb(databaseUrl());
  return globalForDb.oopscopeDb;
}

export function databaseProvider(): DatabaseProvider {
  return providerOf(databaseUrl());
}

/** The provider behind a client made by `connectDb` (test databases and `db copy` targets are not the process-wide one). */
export function providerOfDb(db: Db): DatabaseProvider {
  return postgresUrls.has(db) ? "postgresql" : "sqlite";
}

/** The connection URL of a Postgres client made by `connectDb`. */
export function postgresUrlOf(db: Db): string | undefined {
  return postgresUrls.get(db);
}

/**
 * A case-insensitive substring filter on both providers: SQLite's LIKE already ignores ASCII case, Postgres needs
 * `mode: "insensitive"` (ILIKE), which the SQLite client's types do not have.
 */
export function textContains(db: Db, value: string): { contains: string } {
  return providerOfDb(db) === "postgresql" ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}
