/** A counter bumped on every KB change: caches of the match index and stored incidents compare against it. */
import type { Db } from "../db";

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
  return next;
}
