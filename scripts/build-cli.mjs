#!/usr/bin/env node
// Bundles the CLI (lib/cli/main.ts and everything it imports, dependencies included) and the web server's triage
// worker (lib/server/triage-worker/worker-entry.ts, run by worker threads, which cannot load TypeScript) into plain
// JavaScript with esbuild, so `bin/oopscope` starts without transpiling TypeScript (tsx cost 1–2 s per call). Run by
// `npm install` (postinstall) and `npm run build`; bin/oopscope rebuilds on its own when a source is newer than the
// bundle (npm start and the e2e runner call it before serving, so the server's worker is fresh too).
// Native and self-locating packages stay outside: better-sqlite3 loads a .node file, prisma runs as its own CLI,
// tinypool starts its workers from its own entry files (`oopscope worker` runs a triage pool).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLI_BUNDLE, CLI_DIR, INPUTS, isCliBundleFresh, loadTriageScript, setBundleBuiltAt, TRIAGE_SCRIPT, TRIAGE_WORKER_BUNDLE } from "./cli-bundle.cjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export { CLI_BUNDLE, CLI_DIR, isCliBundleFresh, loadTriageScript, TRIAGE_SCRIPT, TRIAGE_WORKER_BUNDLE };
/**
 * Modules the triage script leaves to the ES module bundle (`import()`ed through `importEsm`, see loadTriageScript):
 * Prisma's clients (their query compilers are 5 MB of base64 a script would have to read at every start) and the
 * YAML reader of the built-in entries, which a bundle never calls (it carries them compiled).
 */
const SCRIPT_LEAVES_TO_ESM = { "lib/server/db.ts": "db", "lib/kb/load-builtin.ts": "load-builtin" };
const ENTRY_POINTS = {
  main: "lib/cli/main.ts",
  "triage-worker": "lib/server/triage-worker/worker-entry.ts",
  ...Object.fromEntries(Object.entries(SCRIPT_LEAVES_TO_ESM).map(([file, name]) => [name, file])),
};
const EXTERNAL = ["better-sqlite3", "prisma", "esbuild", "tsx", "tinypool"];

const BUILTIN_KB = path.join("lib", "kb", "builtin");
// Bundled CommonJS dependencies call require(): give an ESM bundle one.
const REQUIRE_BANNER = { js: 'import { createRequire as __oopscopeCreateRequire } from "node:module"; const require = __oopscopeCreateRequire(import.meta.url);' };

/**
 * What the CLI would otherwise compute at every start, computed here once from the same modules (bundled alone and
 * run) and handed to the CLI bundle as defines:
 *   - the scanner's prefilter tables (lib/engine/scan/literal-prefilter.ts; ~10–20 ms of a one-line run), which the
 *     engine checks were computed for its needles (else it recomputes them);
 *   - the scanner's WebAssembly module (lib/engine/scan/shift-or-wasm.ts; fixed bytes, emitted by interpreted code);
 *   - the built-in knowledge base, parsed and validated (lib/kb/compiled-builtin-kb.ts; 0.2–0.4 s of a run with
 *     findings). Its files are inputs of the bundle: a changed, added or removed entry rebuilds it.
 */
async function buildTimeData(esbuild) {
  const out = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents:
        'export { HOT_PREFILTER } from "./lib/engine/scan/scan-input"; export { shiftOrModuleBytes } from "./lib/engine/scan/shift-or-wasm"; export { loadBuiltinKb } from "./lib/kb/load-builtin";',
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
  const { HOT_PREFILTER, shiftOrModuleBytes, loadBuiltinKb } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return {
    tables: HOT_PREFILTER.tables(),
    shiftOrWasm: Buffer.from(shiftOrModuleBytes()).toString("base64"),
    builtinKb: loadBuiltinKb(path.join(ROOT, BUILTIN_KB)),
  };
}

/** The built-in KB's directory (its mtime changes when an entry is added or removed) and its files. */
function builtinKbInputs() {
  return [BUILTIN_KB, ...readdirSync(path.join(ROOT, BUILTIN_KB)).map((name) => path.join(BUILTIN_KB, name))];
}

/** Stands for an `import()` the triage script leaves to node's module loader, replaced by `importEsm(`. */
const ESM_IMPORT_MARK = "oopscope-esm-import:";

/**
 * lib/cli/triage-entry.ts (the triage command) and all of lib/ it imports, dynamically too (esbuild runs a lazily imported module's top
 * level at its first import, as ES modules do), as one CommonJS script. Packages stay in node_modules (`require`d, and
 * `import()`ed through `importEsm`): bundled, the hoisted top-level bindings of zod, pg and the decompressors (lazily
 * loaded, ~1.2 MB) made every start compile and deserialize a top level twice as large (~27 M instructions more).
 * A script cannot `import()` (node 20 needs its experimental vm loader for that): each dynamic import of a package or
 * of SCRIPT_LEAVES_TO_ESM goes through `importEsm`, the others are in the script.
 */
async function buildTriageScript(esbuild, outdir, define) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { "triage-command": "lib/cli/triage-entry.ts" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outdir,
    outExtension: { ".js": ".cjs" },
    packages: "external",
    charset: "ascii",
    metafile: true,
    write: false,
    logLevel: "error",
    legalComments: "none",
    define,
    plugins: [
      {
        name: "import-through-importEsm",
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind !== "dynamic-import" || args.pluginData === "resolving") return undefined;
            if (!args.path.startsWith(".")) return { path: `${ESM_IMPORT_MARK}${args.path}`, external: true };
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
            const entry = SCRIPT_LEAVES_TO_ESM[path.relative(ROOT, resolved.path)];
            return entry ? { path: `${ESM_IMPORT_MARK}./${entry}.mjs`, external: true } : resolved;
          });
        },
      },
    ],
  });
  const [out] = result.outputFiles;
  // esbuild's ASCII output leaves regex literals and comments as they are (`/[月월]/`): `\uXXXX` means the same
  // code unit in either (no regex here compares its `source` with the ES module bundle's), unless escaped itself.
  if (/\\[^\x00-\x7f]/.test(out.text)) throw new Error(`${out.path}: a backslash before a non-ASCII character`);
  const ascii = out.text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const text = ascii.replaceAll(`import("${ESM_IMPORT_MARK}`, 'importEsm("');
  const left = [...text.matchAll(/\bimport\((?!\))/g)].length;
  if (text.includes(ESM_IMPORT_MARK) || left > 0) throw new Error(`${out.path}: ${left} import() left, which a script cannot run`);
  writeFileSync(out.path, text);
  return result.metafile;
}

export async function buildCli() {
  const esbuild = await import("esbuild");
  const builtAt = Date.now();
  const { tables, shiftOrWasm, builtinKb } = await buildTimeData(esbuild);
  const define = {
    __OOPSCOPE_HOT_PREFILTER_TABLES__: JSON.stringify(tables),
    __OOPSCOPE_SHIFT_OR_WASM__: JSON.stringify(shiftOrWasm),
    // A string literal (parsed with JSON.parse at run time, faster than an object literal of the same size).
    __OOPSCOPE_BUILTIN_KB__: JSON.stringify(JSON.stringify(builtinKb)),
  };
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
    define,
  });
  const scriptMeta = await buildTriageScript(esbuild, tmp, define);
  // Sources outside node_modules decide freshness (dependencies change only with an install, which rebuilds).
  const sources = new Set([...Object.keys(result.metafile.inputs), ...Object.keys(scriptMeta.inputs)]);
  const files = [...[...sources].filter((f) => !f.includes("node_modules/") && !f.startsWith("<")), ...builtinKbInputs()];
  writeFileSync(path.join(tmp, path.basename(INPUTS)), JSON.stringify({ builtAt, files }));
  mkdirSync(path.dirname(CLI_DIR), { recursive: true });
  const old = `${CLI_DIR}.${process.pid}.old`;
  if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
  renameSync(tmp, CLI_DIR);
  rmSync(old, { recursive: true, force: true });
  setBundleBuiltAt(builtAt);
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
