/** A counter bumped on every KB change: caches of the match index and stored incidents compare against it. */
import type { Db } from "../db";
import { RecentValue } from "../recent-value";

/** The `Setting` row that holds it. */
export const KB_GENERATION_KEY = "kbGeneration";
const KEY = KB_GENERATION_KEY;

/** The generation a `Setting` value says (none or unreadable: 0). */
export function kbGenerationOf(value: string | undefined): number {
  return value !== undefined ? Number(value) || 0 : 0;
}

export async function getKbGeneration(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  return kbGenerationOf(row?.value);
}

export async function bumpKbGeneration(db: Db): Promise<number> {
  const next = (await getKbGeneration(db)) + 1;
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: String(next) }, update: { value: String(next) } });
  kept.oopscopeKbGenerations?.get(db)?.forget();
  return next;
}

/** Per database, on globalThis: Next's bundles each have their own copy of this module. */
const kept = globalThis as unknown as { oopscopeKbGenerations?: WeakMap<Db, RecentValue<number>> };

/**
 * The generation as the incident page reads it on every load, kept for a moment (recent-value.ts: one Prisma query,
 * ~3–4 ms of compilation, less per page). A bump in this process forgets it at once; one made by another process
 * (the CLI's seed, another web node) shows within RECENT_VALUE_MS. Writers read `getKbGeneration`.
 */
export function getRecentKbGeneration(db: Db): Promise<number> {
  const values = (kept.oopscopeKbGenerations ??= new WeakMap());
  let value = values.get(db);
  if (!value) values.set(db, (value = new RecentValue(() => getKbGeneration(db))));
  return value.get();
}
