/**
 * Loads the built-in entries (lib/kb/builtin/*.yaml) into the database. Idempotent: an unchanged entry is left
 * alone; a changed built-in entry gets a new revision — unless the team edited it in the browser (origin `team`),
 * which the seed never overwrites.
 */
import { loadBuiltinKb } from "../../kb/load-builtin";
import type { KbEntry } from "../../kb/schema";
import type { Db } from "../db";
import { bumpKbGeneration } from "./kb-generation";
import { kbEntryColumns } from "./kb-entry-columns";

export type SeedKbResult = { created: number; updated: number; unchanged: number; keptTeamEdits: number; errors: string[] };

export async function seedKb(db: Db, entries?: KbEntry[]): Promise<SeedKbResult> {
  const result: SeedKbResult = { created: 0, updated: 0, unchanged: 0, keptTeamEdits: 0, errors: [] };
  let list = entries;
  if (!list) {
    const loaded = loadBuiltinKb();
    result.errors = loaded.errors.map((e) => `${e.file}: ${e.message}`);
    list = loaded.entries;
  }
  for (const entry of list) {
    const document = JSON.stringify(entry);
    const existing = await db.kbEntry.findUnique({ where: { id: entry.id } });
    if (!existing) {
      await db.kbEntry.create({
        data: {
          id: entry.id,
          ...kbEntryColumns(entry, document),
          revision: 1,
          revisions: { create: { revision: 1, document, message: "Built-in entry", authorName: "oopscope" } },
        },
      });
      result.created++;
    } else if (existing.origin === "team") {
      result.keptTeamEdits++;
    } else if (existing.document === document) {
      result.unchanged++;
    } else {
      const revision = existing.revision + 1;
      await db.kbEntry.update({
        where: { id: entry.id },
        data: {
          ...kbEntryColumns(entry, document),
          revision,
          revisions: { create: { revision, document, message: "Built-in entry updated", authorName: "oopscope" } },
        },
      });
      result.updated++;
    }
  }
  if (result.created + result.updated > 0) await bumpKbGeneration(db);
  return result;
}
