/**
 * The built-in knowledge base as the CLI build parsed and validated it (scripts/build-cli.mjs runs `loadBuiltinKb`
 * and hands its result to the bundle as a define): a CLI run with findings reads JSON instead of parsing 80+ YAML
 * files and validating them with zod (~0.2–0.4 s of CPU, and neither library is loaded). The bundle is rebuilt
 * whenever a file of `lib/kb/builtin/` changes (its inputs list the directory and every file), so the result is
 * what `loadBuiltinKb()` would return now. Sources (tsx, vitest, Next) have no define: undefined.
 */
import type { KbLoadResult } from "./load-builtin";

declare const __OOPSCOPE_BUILTIN_KB__: string | undefined;

export function compiledBuiltinKb(): KbLoadResult | undefined {
  if (typeof __OOPSCOPE_BUILTIN_KB__ === "undefined") return undefined;
  return JSON.parse(__OOPSCOPE_BUILTIN_KB__) as KbLoadResult;
}
