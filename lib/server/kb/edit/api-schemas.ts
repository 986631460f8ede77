/** Request shapes of the /api/kb routes (zod), and the one helper that accepts an entry as JSON or as YAML text. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { kbIdSchema } from "../../../kb/schema";
import { KbEditError } from "./errors";
import { isYamlInputError } from "./yaml-form";

export const kbListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  component: z.string().max(100).optional(),
  origin: z.enum(["builtin", "team", "imported"]).optional(),
  status: z.enum(["active", "draft", "retired"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const kbIdParamsSchema = z.object({ id: kbIdSchema });

/** The entry as a JSON object (`document`) or as the editor's YAML text (`yaml`). */
const documentFields = { document: z.unknown().optional(), yaml: z.string().max(1_000_000).optional() };

export const kbCreateBodySchema = z.object({ ...documentFields, message: z.string().max(2000).default("") });
export const kbUpdateBodySchema = kbCreateBodySchema.extend({ baseRevision: z.number().int().min(1) });
export const kbRevertBodySchema = z.object({ toRevision: z.number().int().min(1) });
export const kbDiffQuerySchema = z.object({ a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) });
export const kbPreviewBodySchema = z.object({ ...documentFields, pastedLog: z.string().max(8 * 1024 * 1024).optional() });

/** Largest YAML import accepted (the whole KB with imported CVEs is a few MB). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

export function resolveDocument(body: { document?: unknown; yaml?: string }): unknown {
  if (body.yaml !== undefined) {
    try {
      return parseYaml(body.yaml);
    } catch (e) {
      if (!isYamlInputError(e)) throw e;
      throw new KbEditError("bad-request", `YAML: ${e.message}`);
    }
  }
  if (body.document === undefined) throw new KbEditError("bad-request", 'Send the entry as "document" (JSON) or "yaml" (text).');
  return body.document;
}
