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

/** A new client for `url` (the caller disconnects it). */
export function connectDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    postgresUrls.set(db, url);
    return db;
  }
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
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
