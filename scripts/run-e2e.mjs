#!/usr/bin/env node
// e2e runner: builds when sources are newer than the last build, starts `next start` on a free loopback port with a
// throw-away data dir and database (migrated + KB seeded), runs Playwright, stops the server.
// Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- e2e/api.spec.ts`).
// E2E_DATABASE_URL=postgresql://…/postgres (a server it may create databases on) runs it on a throw-away Postgres
// database instead of SQLite (.ci/run does both).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// As `npm start` (scripts/start.mjs): Node's 5 s idle keep-alive raced Playwright reusing a socket (ECONNRESET).
const KEEP_ALIVE_MS = "65000";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (process.env.E2E_REBUILD === "1" || !existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "lib"].some((d) => newestMtime(path.join(root, d)) > built) ||
    ["next.config.ts", "proxy.ts", "tsconfig.build.json", "postcss.config.mjs", "package.json"].some((f) => existsSync(path.join(root, f)) && statSync(path.join(root, f)).mtimeMs > built);
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${r.status})`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/** A fresh database for one run: a SQLite file in the data dir, or a Postgres database on E2E_DATABASE_URL's server. */
export async function throwAwayDatabase(dataDir) {
  const server = process.env.E2E_DATABASE_URL;
  if (!server) return { url: `file:${path.join(dataDir, "oopscope.db")}`, drop: async () => {} };
  const name = `oopscope_e2e_${process.pid}_${Date.now()}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Builds if needed, starts `next start` on a free loopback port with a throw-away data dir (migrated, KB seeded),
 * and on Postgres an `oopscope worker` beside it (the web process only queues uploads there).
 * Shared with scripts/bench/web.ts and load.ts. `stop()` ends the server and removes the data dir (and the Postgres
 * database). `{ build: false }` serves the existing build as it is (a benchmark must not start a build on a shared
 * machine).
 */
export async function startTestServer(extraEnv = {}, { build = true } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oopscope-e2e-"));
  const database = await throwAwayDatabase(dataDir);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    OOPSCOPE_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    ...extraEnv,
  };
  let server;
  let worker;
  const stop = async () => {
    for (const child of [server, worker]) {
      if (!child?.pid) continue;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    if (process.env.E2E_KEEP_DATA !== "1") {
      rmSync(dataDir, { recursive: true, force: true });
      // The server needs a moment to close its pool; WITH (FORCE) ends what is left.
      await database.drop();
    }
  };
  try {
    if (!existsSync(path.join(root, "public", "monaco-vs"))) run(process.execPath, ["scripts/copy-monaco.mjs"], env);
    if (!build && !existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build in .next: run `npm run build` first");
    if (build && needsBuild()) run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
    run(bin("prisma"), ["migrate", "deploy"], env);
    if (existsSync(path.join(root, "bin", "oopscope"))) run(path.join(root, "bin", "oopscope"), ["kb", "seed"], env);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", KEEP_ALIVE_MS], {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    // On Postgres the web process only queues uploads: a worker triages them, as on a team server.
    if (/^postgres(ql)?:/.test(env.DATABASE_URL ?? "")) {
      worker = spawn(path.join(root, "bin", "oopscope"), ["worker", "--concurrency", "1"], {
        cwd: root,
        env: { ...env, NODE_ENV: "production" },
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      });
    }
    await waitFor(baseUrl, 60_000);
    return { baseUrl, env, dataDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main() {
  let exitCode = 1;
  let srv;
  try {
    // Small cap so the 413 path is tested with a few MB.
    srv = await startTestServer({ MAX_UPLOAD_BYTES: process.env.MAX_UPLOAD_BYTES ?? String(56 * 1024 * 1024) });
    const r = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      env: { ...srv.env, E2E_BASE_URL: srv.baseUrl },
      stdio: "inherit",
    });
    exitCode = r.status ?? 1;
  } catch (err) {
    console.error(`[run-e2e] ${err.message}`);
  } finally {
    await srv?.stop();
  }
  process.exit(exitCode);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
