#!/usr/bin/env node
// e2e runner: builds when sources are newer than the last build, starts `next start` on a free loopback port with a
// throw-away data dir and database (migrated + KB seeded), runs Playwright, stops the server.
// Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- e2e/api.spec.ts`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
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

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url, ms) {
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

/**
 * Builds if needed, starts `next start` on a free loopback port with a throw-away data dir (migrated, KB seeded).
 * Shared with scripts/bench/web.ts. `stop()` ends the server and removes the data dir.
 */
export async function startTestServer(extraEnv = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oopscope-e2e-"));
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    OOPSCOPE_DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "oopscope.db")}`,
    ...extraEnv,
  };
  let server;
  const stop = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    if (process.env.E2E_KEEP_DATA !== "1") rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (!existsSync(path.join(root, "public", "monaco-vs"))) run(process.execPath, ["scripts/copy-monaco.mjs"], env);
    if (needsBuild()) run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
    run(bin("prisma"), ["migrate", "deploy"], env);
    if (existsSync(path.join(root, "bin", "oopscope"))) run(path.join(root, "bin", "oopscope"), ["kb", "seed"], env);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    await waitFor(baseUrl, 60_000);
    return { baseUrl, env, dataDir, stop };
  } catch (err) {
    stop();
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
    srv?.stop();
  }
  process.exit(exitCode);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
