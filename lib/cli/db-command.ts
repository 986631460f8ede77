/**
 * `oopscope db copy --to <url> [--replace]`: moves every row from the database DATABASE_URL names (by default the
 * SQLite file) to another one, typically a team server's Postgres. The target is migrated first.
 */
import { parseArgs } from "node:util";

export const DB_USAGE = `  oopscope db copy --to <postgresql://… | file:…> [--replace]   copy all rows from DATABASE_URL's database`;

/** user:password@ → user:***@ (the URL is echoed on stderr). */
function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export async function runDbCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { to: { type: "string" }, replace: { type: "boolean" } } });
  if (sub !== "copy" || !values.to) {
    process.stderr.write(`usage:\n${DB_USAGE}\n`);
    return 1;
  }
  const { migrateDatabase } = await import("../server/ensure-database");
  const { connectDb, getDb } = await import("../server/db");
  const { databaseUrl } = await import("../server/paths");
  const { copyDatabase } = await import("../server/copy-database");
  if (values.to === databaseUrl()) {
    process.stderr.write("oopscope: --to names the database DATABASE_URL already uses\n");
    return 1;
  }
  // The source is brought up to date too: a copy between two schema versions would lose columns.
  await migrateDatabase(databaseUrl(), { quiet: true });
  await migrateDatabase(values.to, { quiet: true });
  const target = connectDb(values.to);
  try {
    process.stderr.write(`copying ${redact(databaseUrl())} → ${redact(values.to)}\n`);
    const result = await copyDatabase(getDb(), target, {
      replace: values.replace,
      onProgress: (table, rows, total) => process.stderr.write(`\r  ${table}: ${rows}/${total}   `),
    });
    process.stderr.write("\n");
    for (const r of result) process.stdout.write(`${r.table}\t${r.rows}\n`);
    return 0;
  } finally {
    await target.$disconnect();
    await getDb().$disconnect();
  }
}
