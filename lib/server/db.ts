/**
 * The Prisma client singleton (JS engine + better-sqlite3 adapter; no native query engine download).
 * Cached on globalThis so Next's dev reloads do not open a new connection each time.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./paths";

const globalForDb = globalThis as unknown as { oopscopeDb?: PrismaClient };

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export function getDb(): PrismaClient {
  globalForDb.oopscopeDb ??= createClient();
  return globalForDb.oopscopeDb;
}

export type Db = PrismaClient;
