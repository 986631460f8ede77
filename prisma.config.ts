import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const DEFAULT_DATABASE_URL = `file:${path.join(process.cwd(), "data", "oopscope.db")}`;
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL }),
});
