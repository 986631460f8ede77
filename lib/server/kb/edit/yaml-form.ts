/**
 * The YAML form of KB entries: what the editor shows, what diffs compare and what export/import exchange.
 * Export is a multi-document stream (one `---` document per entry) so a single broken entry does not hide the rest.
 */
import { parseAllDocuments, stringify, YAMLError } from "yaml";
import { kbEntrySchema, type KbEntry } from "../../../kb/schema";

/**
 * Whether `e` is the yaml library refusing its input: syntax (YAMLError), or an alias it will not resolve — an
 * unknown anchor, or an alias bomb past its count — which it throws as a ReferenceError from `parse`/`toJS`.
 */
export function isYamlInputError(e: unknown): e is Error {
  return e instanceof YAMLError || e instanceof ReferenceError;
}

/** No line folding: long regexes and commands stay on one line, so diffs show the real change. */
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

export function entryToYaml(entry: KbEntry): string {
  return stringify(entry, STRINGIFY_OPTIONS);
}

/**
 * Each document starts with a `# base-revision: N` comment when the revision is known (export), so an import of an
 * old export can tell that someone edited the entry since and refuse to overwrite it silently.
 */
export function entriesToYaml(entries: KbEntry[], revisions?: ReadonlyMap<string, number>): string {
  return entries
    .map((e) => {
      const revision = revisions?.get(e.id);
      return `---${revision === undefined ? "" : `\n${BASE_REVISION_COMMENT} ${revision}`}\n${entryToYaml(e)}`;
    })
    .join("");
}

const BASE_REVISION_COMMENT = "# base-revision:";
const BASE_REVISION = /^\s*base-revision:\s*(\d+)\s*$/m;

/** An entry read from YAML, with the revision its export was taken from (when the document says). */
export type ImportedEntry = { entry: KbEntry; baseRevision?: number };
export type YamlImportResult = { entries: KbEntry[]; imported: ImportedEntry[]; errors: { index: number; id?: string; message: string }[] };

/** Parses a YAML stream of entries; invalid documents are reported by position, never thrown. */
export function parseKbYaml(text: string): YamlImportResult {
  const result: YamlImportResult = { entries: [], imported: [], errors: [] };
  // Syntax errors land on each document's `errors`, not thrown.
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      result.errors.push({ index, message: doc.errors.map((e) => e.message).join("; ") });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      if (!isYamlInputError(e)) throw e;
      result.errors.push({ index, message: e.message });
      return;
    }
    if (value === null || value === undefined) return; // empty document (leading/trailing ---)
    const parsed = kbEntrySchema.safeParse(value);
    if (parsed.success) {
      // After `---`, the yaml library attaches a leading comment to the document's contents, not the document.
      const comment = [doc.commentBefore, (doc.contents as { commentBefore?: string | null } | null)?.commentBefore].filter(Boolean).join("\n");
      const base = BASE_REVISION.exec(comment);
      result.entries.push(parsed.data);
      result.imported.push({ entry: parsed.data, baseRevision: base ? Number(base[1]) : undefined });
    }
    else {
      const id = typeof value === "object" && value && "id" in value ? String((value as { id: unknown }).id) : undefined;
      result.errors.push({ index, id, message: parsed.error.issues.map((i) => `${i.path.join(".") || "entry"}: ${i.message}`).join("; ") });
    }
  });
  return result;
}

/** One entry from editor YAML: the validation messages with their paths, for the editor to show. */
export function parseEntryYaml(text: string): { entry?: KbEntry; errors: string[] } {
  const { entries, errors } = parseKbYaml(text);
  if (errors.length > 0) return { errors: errors.map((e) => e.message) };
  if (entries.length !== 1) return { errors: [`expected one entry, found ${entries.length}`] };
  return { entry: entries[0], errors: [] };
}
