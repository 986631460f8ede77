/**
 * Prisma CLI configuration for both providers. DATABASE_URL picks the schema folder, migrations and driver adapter:
 * `postgres://`/`postgresql://` → prisma/postgres with @prisma/adapter-pg, anything else → prisma/sqlite (default
 * `file:data/oopscope.db`). PRISMA_PROVIDER=postgresql|sqlite overrides it (e.g. `prisma generate` for both clients).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const DEFAULT_DATABASE_URL = `file:${path.join(process.cwd(), "data", "oopscope.db")}`;
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;
const provider = process.env.PRISMA_PROVIDER ?? (/^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite");
const folder = provider === "postgresql" ? "postgres" : "sqlite";

/**
 * The schema engine's introspection reads catalog columns of Postgres' internal `name` (OID 19) and `"char"` (18)
 * types, which @prisma/adapter-pg 6.19 cannot deserialize ("Column type 'name' could not be deserialized",
 * prisma/orm#27403): `migrate deploy` and `db push` fail without this. Reported as text (25) and text[] (1009).
 * CLI only; the app's queries never return these types.
 */
function readCatalogTypesAsText(): void {
  const proto = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void; oopscopePatched?: true };
  if (proto.oopscopePatched) return;
  const addFields = proto.addFields;
  const AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
  proto.addFields = function (this: unknown, fields) {
    for (const f of fields) f.dataTypeID = AS_TEXT[f.dataTypeID] ?? f.dataTypeID;
    return addFields.call(this, fields);
  };
  proto.oopscopePatched = true;
}

export default defineConfig({
  schema: path.join("prisma", folder),
  migrations: { path: path.join("prisma", folder, "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (provider !== "postgresql") {
      // better-sqlite3 creates the file, not its directory (a fresh checkout has no data/).
      if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
      return new PrismaBetterSQLite3({ url });
    }
    readCatalogTypesAsText();
    return new PrismaPg({ connectionString: url });
  },
});
