import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDb } from "../server/db";
import { createTestDb, type TestDb } from "../server/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin", "oopscope");

function cli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// The README's move: a SQLite install (created and seeded by the CLI) copied to the provider under test.
describe("oopscope db copy", () => {
  let dir: string;
  let sourceUrl: string;
  let target: TestDb;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-dbcopy-"));
    sourceUrl = `file:${path.join(dir, "oopscope.db")}`;
    const seeded = await cli(["kb", "seed"], sourceUrl);
    expect(seeded.code, seeded.stderr).toBe(0);
    target = await createTestDb({ migrate: false });
  }, 120_000);
  afterAll(async () => {
    await target.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates the target, copies every table, and refuses to copy over data without --replace", async () => {
    const source = connectDb(sourceUrl);
    try {
      await source.incident.create({ data: { id: "incident-copied-by-cli", title: "BUG: moved", result: "{}" } });
      const entries = await source.kbEntry.count();
      expect(entries).toBeGreaterThan(10);

      const copied = await cli(["db", "copy", "--to", target.url], sourceUrl);
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stdout).toContain(`KbEntry\t${entries}\n`);
      expect(copied.stdout).toContain("Incident\t1\n");
      expect(await target.db.kbEntry.count()).toBe(entries);
      expect(await target.db.incident.findUnique({ where: { id: "incident-copied-by-cli" } })).toMatchObject({ title: "BUG: moved" });

      const again = await cli(["db", "copy", "--to", target.url], sourceUrl);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/not empty.*--replace/);
      const replaced = await cli(["db", "copy", "--to", target.url, "--replace"], sourceUrl);
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(await target.db.kbEntry.count()).toBe(entries);
    } finally {
      await source.$disconnect();
    }
  }, 180_000);
});
