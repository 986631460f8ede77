/**
 * Loads the built-in knowledge base: every `*.yaml` file in `lib/kb/builtin/`, parsed with `yaml`, validated with
 * `kbEntrySchema`. A bad file never stops the others from loading; it is reported in `errors` so the CLI, the seed
 * script and the test can say which file is wrong and why.
 *
 * `parseKbFiles` is the pure part (text in, entries out) for callers that already hold the files (uploads, the KB
 * editor's YAML import); `loadBuiltinKb` only adds the directory read.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { kbEntrySchema, type KbEntry } from "./schema";

export type KbFile = { file: string; text: string };
export type KbLoadError = { file: string; message: string };
export type KbLoadResult = { entries: KbEntry[]; errors: KbLoadError[] };

/**
 * Where the shipped YAML files live: next to this module when it runs from source (tsx, vitest, the CLI). A bundler
 * (Next's server build) moves the module but not the YAML files, so fall back to the checkout's `lib/kb/builtin`.
 */
function findBuiltinDir(): string {
  // Some bundles give import.meta.url a scheme other than file:, which fileURLToPath refuses.
  if (import.meta.url.startsWith("file:")) {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), "builtin");
    if (existsSync(beside)) return beside;
  }
  return path.join(process.cwd(), "lib", "kb", "builtin");
}

export const BUILTIN_KB_DIR = findBuiltinDir();

/** `skb-segment-gso-bug.yaml` → `skb-segment-gso-bug`. */
function idFromFileName(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/i, "");
}

function describeZodIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 10)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(entry)"}: ${i.message}`)
    .join("; ");
}

/**
 * Parses and validates KB documents. Checks, per file: YAML syntax, the schema, file name equals the id; across
 * files: ids are unique and every `related` id names an entry of the set. Entries with a cross-file problem are
 * still returned (the problem is reported), so one typo does not hide a whole entry from matching.
 */
export function parseKbFiles(files: KbFile[]): KbLoadResult {
  const entries: KbEntry[] = [];
  const errors: KbLoadError[] = [];
  const fileOfId = new Map<string, string>();

  for (const { file, text } of files) {
    let doc: unknown;
    try {
      doc = parseYaml(text, { prettyErrors: true });
    } catch (e) {
      // A YAML syntax error is that file's load error; the other files still load.
      errors.push({ file, message: `YAML: ${(e as Error).message.split("\n")[0]}` });
      continue;
    }
    const parsed = kbEntrySchema.safeParse(doc);
    if (!parsed.success) {
      errors.push({ file, message: describeZodIssues(parsed.error.issues) });
      continue;
    }
    const entry = parsed.data;
    const expectedId = idFromFileName(file);
    if (entry.id !== expectedId) {
      errors.push({ file, message: `id "${entry.id}" does not match the file name (expected "${expectedId}")` });
    }
    const previous = fileOfId.get(entry.id);
    if (previous !== undefined) {
      errors.push({ file, message: `duplicate id "${entry.id}" (also in ${previous})` });
      continue;
    }
    fileOfId.set(entry.id, file);
    entries.push(entry);
  }

  for (const entry of entries) {
    for (const rel of entry.related) {
      if (rel === entry.id) errors.push({ file: fileOfId.get(entry.id)!, message: `related lists the entry itself` });
      else if (!fileOfId.has(rel)) {
        errors.push({ file: fileOfId.get(entry.id)!, message: `related id "${rel}" does not exist` });
      }
    }
  }
  return { entries, errors };
}

/**
 * Reads every `*.yaml` file of `dir` (default: the shipped `lib/kb/builtin/`) in name order and validates it with
 * `parseKbFiles`. An unreadable directory is reported as an error, not thrown.
 */
export function loadBuiltinKb(dir: string = BUILTIN_KB_DIR): KbLoadResult {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch (e) {
    // Reported as a load error, not thrown (see the doc comment).
    return { entries: [], errors: [{ file: dir, message: `cannot read directory: ${(e as Error).message}` }] };
  }
  const files: KbFile[] = [];
  const errors: KbLoadError[] = [];
  for (const name of names) {
    try {
      files.push({ file: name, text: readFileSync(path.join(dir, name), "utf8") });
    } catch (e) {
      // Reported as that file's load error; the other files still load.
      errors.push({ file: name, message: `cannot read file: ${(e as Error).message}` });
    }
  }
  const result = parseKbFiles(files);
  return { entries: result.entries, errors: [...errors, ...result.errors] };
}
