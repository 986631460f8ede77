#!/usr/bin/env node
// Bundles the CLI (lib/cli/main.ts and everything it imports, dependencies included) and the web server's triage
// worker (lib/server/triage-worker/worker-entry.ts, run by worker threads, which cannot load TypeScript) into plain
// JavaScript with esbuild, so `bin/oopscope` starts without transpiling TypeScript (tsx cost 1–2 s per call). Run by
// `npm install` (postinstall) and `npm run build`; bin/oopscope rebuilds on its own when a source is newer than the
// bundle (npm start and the e2e runner call it before serving, so the server's worker is fresh too).
// Native and self-locating packages stay outside: better-sqlite3 loads a .node file, prisma runs as its own CLI,
// tinypool starts its workers from its own entry files (`oopscope worker` runs a triage pool).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_DIR = path.join(ROOT, "dist", "node");
export const CLI_BUNDLE = path.join(CLI_DIR, "main.mjs");
export const TRIAGE_WORKER_BUNDLE = path.join(CLI_DIR, "triage-worker.mjs");
const INPUTS = path.join(CLI_DIR, "inputs.json");
const ENTRY_POINTS = { main: "lib/cli/main.ts", "triage-worker": "lib/server/triage-worker/worker-entry.ts" };
const EXTERNAL = ["better-sqlite3", "prisma", "esbuild", "tsx", "tinypool"];

/** Whether the bundle exists and no source it was built from changed since (one stat per source file). */
export function isCliBundleFresh() {
  if (!existsSync(CLI_BUNDLE) || !existsSync(TRIAGE_WORKER_BUNDLE) || !existsSync(INPUTS)) return false;
  const { builtAt, files } = JSON.parse(readFileSync(INPUTS, "utf8"));
  for (const file of files) {
    // One stat per source (not an existsSync and a stat): ~270 of them at every CLI start.
    const st = statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (!st || st.mtimeMs > builtAt) return false;
  }
  return true;
}

const BUILTIN_KB = path.join("lib", "kb", "builtin");
// Bundled CommonJS dependencies call require(): give an ESM bundle one.
const REQUIRE_BANNER = { js: 'import { createRequire as __oopscopeCreateRequire } from "node:module"; const require = __oopscopeCreateRequire(import.meta.url);' };

/**
 * What the CLI would otherwise compute at every start, computed here once from the same modules (bundled alone and
 * run) and handed to the CLI bundle as defines:
 *   - the scanner's prefilter tables (lib/engine/scan/literal-prefilter.ts; ~10–20 ms of a one-line run), which the
 *     engine checks were computed for its needles (else it recomputes them);
 *   - the built-in knowledge base, parsed and validated (lib/kb/compiled-builtin-kb.ts; 0.2–0.4 s of a run with
 *     findings). Its files are inputs of the bundle: a changed, added or removed entry rebuilds it.
 */
async function buildTimeData(esbuild) {
  const out = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: 'export { HOT_PREFILTER } from "./lib/engine/scan/scan-input"; export { loadBuiltinKb } from "./lib/kb/load-builtin";',
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Run from a data: URL, which require cannot resolve from: the checkout's root stands in.
    banner: { js: `import { createRequire } from "node:module"; const require = createRequire(${JSON.stringify(path.join(ROOT, "package.json"))});` },
    write: false,
    logLevel: "error",
  });
  const code = out.outputFiles[0].text;
  const { HOT_PREFILTER, loadBuiltinKb } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return { tables: HOT_PREFILTER.tables(), builtinKb: loadBuiltinKb(path.join(ROOT, BUILTIN_KB)) };
}

/** The built-in KB's directory (its mtime changes when an entry is added or removed) and its files. */
function builtinKbInputs() {
  return [BUILTIN_KB, ...readdirSync(path.join(ROOT, BUILTIN_KB)).map((name) => path.join(BUILTIN_KB, name))];
}

export async function buildCli() {
  const esbuild = await import("esbuild");
  const builtAt = Date.now();
  const { tables, builtinKb } = await buildTimeData(esbuild);
  // Built aside and swapped in whole: concurrent CLI calls may rebuild at once.
  const tmp = `${CLI_DIR}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    // Chunks per dynamic import: `--no-kb` and a log without findings never load Prisma (its 2.5 MB query compiler).
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: tmp,
    outExtension: { ".js": ".mjs" },
    external: EXTERNAL,
    banner: REQUIRE_BANNER,
    metafile: true,
    logLevel: "error",
    legalComments: "none",
    define: {
      __OOPSCOPE_HOT_PREFILTER_TABLES__: JSON.stringify(tables),
      // A string literal (parsed with JSON.parse at run time, faster than an object literal of the same size).
      __OOPSCOPE_BUILTIN_KB__: JSON.stringify(JSON.stringify(builtinKb)),
    },
  });
  // Sources outside node_modules decide freshness (dependencies change only with an install, which rebuilds).
  const files = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/") && !f.startsWith("<")), ...builtinKbInputs()];
  writeFileSync(path.join(tmp, "inputs.json"), JSON.stringify({ builtAt, files }));
  mkdirSync(path.dirname(CLI_DIR), { recursive: true });
  const old = `${CLI_DIR}.${process.pid}.old`;
  if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
  renameSync(tmp, CLI_DIR);
  rmSync(old, { recursive: true, force: true });
  return CLI_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
    console.log(`oopscope CLI bundled: ${path.relative(ROOT, CLI_BUNDLE)}`);
  } catch (e) {
    // An install without dev dependencies has no esbuild: bin/oopscope then runs the sources through tsx.
    console.warn(`oopscope CLI not bundled (${e.message}); bin/oopscope will run the TypeScript sources through tsx`);
  }
}
