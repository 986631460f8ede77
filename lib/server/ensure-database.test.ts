/**
 * ensureDatabase seeds the built-in knowledge base only when it may have changed: a CLI run with findings paid ~1.5 s
 * of CPU re-reading every YAML entry otherwise.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-ensure-"));
process.env.DATABASE_URL = `file:${path.join(dir, "oopscope.db")}`;

const seeds = vi.hoisted(() => ({ count: 0 }));
vi.mock("./kb/seed-kb", async (importOriginal) => {
  const original = await importOriginal<typeof import("./kb/seed-kb")>();
  return { seedKb: (...args: Parameters<typeof original.seedKb>) => (seeds.count++, original.seedKb(...args)) };
});
const { ensureDatabase } = await import("./ensure-database");
const { getDb } = await import("./db");
const { bumpKbGeneration } = await import("./kb/kb-generation");

afterAll(async () => {
  await getDb().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("ensureDatabase", () => {
  it("seeds the knowledge base once, and again only after a KB change", async () => {
    await ensureDatabase({ quiet: true });
    expect(seeds.count).toBe(1);
    expect(await getDb().kbEntry.count()).toBeGreaterThan(0);
    await ensureDatabase({ quiet: true });
    expect(seeds.count).toBe(1);
    // A team edit, deletion or import bumps the generation: the next run seeds (and keeps team edits) again.
    await bumpKbGeneration(getDb());
    await ensureDatabase({ quiet: true });
    expect(seeds.count).toBe(2);
  }, 120_000);
});
