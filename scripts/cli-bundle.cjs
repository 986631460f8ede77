// Where the CLI bundle is (built by scripts/build-cli.mjs), whether it is fresh, and loading its triage script: what
// bin/oopscope needs before any command runs. CommonJS, as bin/oopscope is: an ES module would start node's ES module
// loader, ~27 M instructions of a one-line triage's ~220 M (issue 11).
"use strict";
const { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..");
const CLI_DIR = path.join(ROOT, "dist", "node");
const CLI_BUNDLE = path.join(CLI_DIR, "main.mjs");
const TRIAGE_WORKER_BUNDLE = path.join(CLI_DIR, "triage-worker.mjs");
/** `oopscope triage` as a classic script, which node 20 can compile from a code cache (ES modules it cannot). */
const TRIAGE_SCRIPT = path.join(CLI_DIR, "triage-command.cjs");
const INPUTS = path.join(CLI_DIR, "inputs.json");

/** When the bundle in dist/ was built (its inputs.json), as isCliBundleFresh last read it or buildCli wrote it. */
let bundleBuiltAt;

function setBundleBuiltAt(builtAt) {
  bundleBuiltAt = builtAt;
}

/** Whether the bundle exists and no source it was built from changed since (one stat per source file). */
function isCliBundleFresh() {
  if (!existsSync(CLI_BUNDLE) || !existsSync(TRIAGE_WORKER_BUNDLE) || !existsSync(TRIAGE_SCRIPT) || !existsSync(INPUTS)) return false;
  const { builtAt, files } = JSON.parse(readFileSync(INPUTS, "utf8"));
  bundleBuiltAt = builtAt;
  for (const file of files) {
    // One stat per source (not an existsSync and a stat): ~280 of them at every CLI start. Joined by hand: path.join
    // normalizes in JavaScript still interpreted that early, and cost ~4/5 of the check (22 M of 28 M instructions).
    const st = statSync(`${ROOT}/${file}`, { throwIfNoEntry: false });
    if (!st || st.mtimeMs > builtAt) return false;
  }
  return true;
}

/** Errors that leave a code cache unwritten (a read-only or full install directory): the next run compiles again. */
const CACHE_NOT_WRITTEN = ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT"];

/**
 * The triage script's exports (lib/cli/triage-entry.ts), compiled from V8's code cache when there is one for this
 * build: compiling the engine's ES modules was ~40% of a one-line triage's start-up. V8 checks the cache against its
 * version and flags (`cachedDataRejected`) but against the source only by length, so the cache is named after the
 * build, and after the flags (`cacheFlagsTag`): the young-generation relaunch of a big triage has a cache of its own,
 * which a plain run never reads (it would refuse it, and write its own over it). `saveCache` (when there was none, or
 * V8 refused it) writes one from the functions compiled so far: call it after a triage. A process started with other
 * V8 flags writes none.
 */
function loadTriageScript() {
  const flagsTag = cacheFlagsTag();
  const cacheFile = path.join(CLI_DIR, `triage-command.${bundleBuiltAt ?? "unknown"}${flagsTag ?? ""}.cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  // ASCII (see buildTriageScript): read as one-byte text, no UTF-8 decoding nor a two-byte string (~20 M instructions).
  const source = readFileSync(TRIAGE_SCRIPT, "latin1");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, importEsm) {${source}\n})`, {
    filename: TRIAGE_SCRIPT,
    cachedData,
  });
  const scriptModule = { exports: {} };
  // A bundle entry (`./db.mjs`) or a package, resolved from here (scripts/, beside node_modules).
  const importEsm = (specifier) => import(specifier.startsWith("./") ? pathToFileURL(path.join(CLI_DIR, specifier)).href : specifier);
  script.runInThisContext()(scriptModule.exports, createRequire(TRIAGE_SCRIPT), scriptModule, TRIAGE_SCRIPT, CLI_DIR, importEsm);
  const saveCache = () => {
    if (flagsTag === undefined || (cachedData && !script.cachedDataRejected) || bundleBuiltAt === undefined) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch (e) {
      if (!CACHE_NOT_WRITTEN.includes(e.code)) throw e;
      rmSync(tmp, { force: true });
    }
  };
  return { exports: scriptModule.exports, saveCache };
}

/** The V8 flag bin/oopscope relaunches a triage of a big input with (bin/oopscope, `relaunch`). */
const YOUNG_GENERATION_CAP = "--max-semi-space-size=4";

/**
 * What names this process's code cache beside the build: "" without V8 flags, `.young-generation-cap` for the
 * relaunch of a big triage (every bench:perf profile: compiling the script without a cache, and the report parsing
 * a big log reaches, cost it ~0.1–0.2 G instructions), undefined for any other flags (a cache is read but not written).
 */
function cacheFlagsTag() {
  if (process.env.NODE_OPTIONS?.trim()) return undefined;
  const flags = process.execArgv;
  if (flags.length === 0) return "";
  return flags.length === 1 && flags[0] === YOUNG_GENERATION_CAP ? ".young-generation-cap" : undefined;
}

module.exports = { CLI_BUNDLE, CLI_DIR, INPUTS, isCliBundleFresh, loadTriageScript, setBundleBuiltAt, TRIAGE_SCRIPT, TRIAGE_WORKER_BUNDLE, YOUNG_GENERATION_CAP };
