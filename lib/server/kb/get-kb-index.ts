/**
 * The match index over all active KB entries, built once per KB generation and kept in memory
 * (15k entries build in well under a second; see `npm run bench:match`).
 */
import { buildKbIndex } from "../../engine/match/build-kb-index";
import type { TriageKb } from "../../engine/triage";
import { kbEntrySchema, type KbEntry } from "../../kb/schema";
import type { Db } from "../db";
import { getKbGeneration } from "./kb-generation";

const cache = globalThis as unknown as { oopscopeKb?: { generation: number; kb: TriageKb } };

export async function getKbIndex(db: Db): Promise<TriageKb & { generation: number }> {
  const generation = await getKbGeneration(db);
  if (cache.oopscopeKb && cache.oopscopeKb.generation === generation) return { ...cache.oopscopeKb.kb, generation };
  const rows = await db.kbEntry.findMany({ where: { status: "active" }, select: { document: true } });
  const kb = kbOfDocuments(rows.map((r) => r.document));
  cache.oopscopeKb = { generation, kb };
  return { ...kb, generation };
}

/** The match index over the stored documents (JSON) of active entries; one the schema refuses is left out. */
export function kbOfDocuments(documents: string[]): TriageKb {
  const entries: KbEntry[] = [];
  for (const document of documents) {
    const parsed = kbEntrySchema.safeParse(JSON.parse(document));
    if (parsed.success) entries.push(parsed.data);
  }
  return { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
}
