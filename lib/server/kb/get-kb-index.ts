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
  const entries: KbEntry[] = [];
  for (const row of rows) {
    const parsed = kbEntrySchema.safeParse(JSON.parse(row.document));
    if (parsed.success) entries.push(parsed.data);
  }
  const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
  cache.oopscopeKb = { generation, kb };
  return { ...kb, generation };
}
