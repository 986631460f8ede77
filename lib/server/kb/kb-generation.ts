/** A counter bumped on every KB change: caches of the match index and stored incidents compare against it. */
import type { Db } from "../db";

const KEY = "kbGeneration";

export async function getKbGeneration(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  return row ? Number(row.value) || 0 : 0;
}

export async function bumpKbGeneration(db: Db): Promise<number> {
  const next = (await getKbGeneration(db)) + 1;
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: String(next) }, update: { value: String(next) } });
  return next;
}
