import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-cli-kb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.DATABASE_URL;
  bug = undefined;
});

// The real migration check, unless a test makes it fail the way a bug would.
let bug: Error | undefined;
vi.mock("../count-pending-migrations", async (importOriginal) => {
  const real = await importOriginal<typeof import("../count-pending-migrations")>();
  return {
    ...real,
    countPendingMigrations: async (url: string) => {
      if (bug) throw bug;
      return real.countPendingMigrations(url);
    },
  };
});

const { loadCliKb } = await import("./load-cli-kb");

describe("loadCliKb", () => {
  it("falls back to the built-in entries when the database file is no database, saying why", async () => {
    const file = path.join(dir, "not-a.db");
    writeFileSync(file, "this is a text file, not SQLite ".repeat(200));
    process.env.DATABASE_URL = `file:${file}`;
    const kb = await loadCliKb();
    expect(kb.entries.size).toBeGreaterThan(0);
    expect(kb.source).toMatch(/^the built-in knowledge base \(\d+ entries; the database at .*not-a\.db could not be read: /);
  });

  it("lets an error without a code (a bug) propagate instead of passing it off as an unreadable database", async () => {
    process.env.DATABASE_URL = `file:${path.join(dir, "any.db")}`;
    bug = new TypeError("Cannot read properties of undefined (reading 'prepare')");
    await expect(loadCliKb()).rejects.toThrow(TypeError);
  });

  it("reads an up-to-date SQLite database without Prisma: the same active entries, in the same order, and generation as the server's index", async () => {
    process.env.DATABASE_URL = `file:${path.join(dir, "seeded.db")}`;
    const { ensureDatabase } = await import("../ensure-database");
    const { getDb } = await import("../db");
    const { bumpKbGeneration } = await import("./kb-generation");
    const { getKbIndex } = await import("./get-kb-index");
    await ensureDatabase({ quiet: true });
    const db = getDb();
    try {
      const retired = (await db.kbEntry.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
      await db.kbEntry.update({ where: { id: retired }, data: { status: "retired" } });
      await bumpKbGeneration(db);
      const server = await getKbIndex(db);
      const cli = await loadCliKb();
      expect(cli.source).toMatch(/^the knowledge base in .*seeded\.db \(\d+ entries\)$/);
      expect(cli.entries.has(retired)).toBe(false);
      expect([...cli.entries.keys()]).toEqual([...server.entries.keys()]);
      expect([...cli.entries.values()]).toEqual([...server.entries.values()]);
      expect(cli.generation).toBe(server.generation);
      expect(cli.generation).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
