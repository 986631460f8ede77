/**
 * The knowledge base `oopscope triage` matches with. Triage reads; it never creates, migrates or seeds a database
 * (that is `oopscope kb seed`, `npm run db:migrate` or the server's first start): a database that is there and
 * up to date is the team's KB, anything else means the built-in entries shipped with this checkout.
 */
import { existsSync } from "node:fs";
import { buildKbIndex } from "../../engine/match/build-kb-index";
import type { TriageKb } from "../../engine/triage";
import { compiledBuiltinKb } from "../../kb/compiled-builtin-kb";
import { databaseUrl } from "../paths";

export type CliKb = TriageKb & { generation?: number; source: string };

/** Where a database URL points, for a message (no password). */
function describeUrl(url: string): string {
  if (url.startsWith("file:")) return url.slice("file:".length);
  return URL.canParse(url) ? `${new URL(url).host}${new URL(url).pathname}` : "DATABASE_URL";
}

async function builtinKb(why: string): Promise<CliKb> {
  // The bundle carries the entries parsed at build time; from sources they are read and validated here.
  const { entries, errors } = compiledBuiltinKb() ?? (await import("../../kb/load-builtin")).loadBuiltinKb();
  const broken = errors.length > 0 ? `; ${errors.length} built-in file(s) did not load: ${errors.map((e) => e.file).join(", ")}` : "";
  return {
    index: buildKbIndex(entries),
    entries: new Map(entries.map((e) => [e.id, e])),
    source: `the built-in knowledge base (${entries.length} entries; ${why}${broken})`,
  };
}

/** Postgres: through Prisma, as the server reads it. */
async function databaseKb() {
  const [{ getDb }, { getKbIndex }] = await Promise.all([import("../db"), import("./get-kb-index")]);
  return getKbIndex(getDb());
}

export async function loadCliKb(): Promise<CliKb> {
  const url = databaseUrl();
  const where = describeUrl(url);
  const { countPendingMigrations } = await import("../count-pending-migrations");
  let pending: number;
  try {
    pending = await countPendingMigrations(url);
  } catch (err) {
    // A database that cannot be read (SQLITE_NOTADB, ECONNREFUSED, a Postgres SQLSTATE: each a string code) leaves
    // the built-in entries, said in the source line; an error without a code is a bug and propagates.
    if (!(err instanceof Error) || typeof (err as { code?: unknown }).code !== "string") throw err;
    return builtinKb(`the database at ${where} could not be read: ${err.message}`);
  }
  if (pending > 0) {
    const missing = url.startsWith("file:") && !existsSync(where);
    const state = missing ? `no database at ${where}` : `the database at ${where} lacks ${pending} migration(s)`;
    return builtinKb(`${state}; \`oopscope kb seed\` creates and seeds it`);
  }
  process.env.DATABASE_URL = url;
  const kb = url.startsWith("file:") ? await (await import("./read-sqlite-kb")).readSqliteKb(where) : await databaseKb();
  if (kb.entries.size === 0) return builtinKb(`the database at ${where} holds no entries; \`oopscope kb seed\` loads them`);
  return { ...kb, source: `the knowledge base in ${where} (${kb.entries.size} entries)` };
}
