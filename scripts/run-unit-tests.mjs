#!/usr/bin/env node
// npm run test:unit: the whole Vitest suite with the DB-backed tests on SQLite; then, when TEST_DATABASE_URL names a
// Postgres server (CI starts one), the DB-backed test files again on Postgres (lib/server/test-db.ts makes a fresh
// database per file). Arguments go to the first run only (e.g. a path filter); the Postgres run needs none.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const vitest = path.join(root, "node_modules", ".bin", "vitest");
const { TEST_DATABASE_URL, ...withoutDb } = process.env;

function run(args, env) {
  const r = spawnSync(vitest, ["run", ...args], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Test files that open a database through lib/server/test-db.ts. */
function dbTestFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "generated" && !e.name.startsWith(".")) out.push(...dbTestFiles(p));
    } else if (e.name.endsWith(".test.ts") && /from "[./]*(server\/)?test-db"/.test(readFileSync(p, "utf8"))) out.push(path.relative(root, p));
  }
  return out;
}

const args = process.argv.slice(2);
run(args, withoutDb);
if (TEST_DATABASE_URL && /^postgres(ql)?:\/\//.test(TEST_DATABASE_URL) && args.length === 0) {
  const files = ["lib", "scripts", "bin", "components"].flatMap((d) => dbTestFiles(path.join(root, d)));
  console.log(`\nrun-unit-tests: ${files.length} DB-backed test files again on Postgres (TEST_DATABASE_URL)`);
  run(files, { ...process.env, TEST_DATABASE_URL });
}
