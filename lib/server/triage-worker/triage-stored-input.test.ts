/**
 * The upload worker's entry point on stored uploads the ingest refuses (a core file, gzip/xz/zstd bombs, a zip bomb,
 * truncated streams, an unsupported archive, a bomb met midway, archives whose later member is a bomb, small bombs
 * over the shared budget, a mix of refused and readable files): every file it opened is closed when it returns, none
 * is left to the garbage collector (`next start` logged "Closing file descriptor N on garbage collection" after such
 * uploads).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leftOpenBy, writeRefusedInputFiles } from "../inputs/refused-input-files";
import { createTestDb } from "../test-db";
import { triageStoredInput } from "./triage-stored-input";

const root = mkdtempSync(path.join(tmpdir(), "oopscope-stored-refusals-"));
const fixtures = path.join(root, "fixtures");
mkdirSync(fixtures);
const cases = writeRefusedInputFiles(fixtures);
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const { url, cleanup } = await createTestDb();
  // runTriage reads the knowledge base through the process-wide client.
  process.env.DATABASE_URL = url;
  return cleanup;
}, 120_000);

describe("a stored upload the ingest refuses leaves no file open", () => {
  it.each(cases.map((c, n) => [c.label, c, n] as const))("%s", async (_label, { files }, n) => {
    // Stored as the upload store writes them (`<n>.upload`), with the names the user gave.
    const dir = path.join(root, `upload-${n}`);
    mkdirSync(dir);
    const stored = files.map((name, i) => {
      const file = path.join(dir, `${i}.upload`);
      copyFileSync(path.join(fixtures, name), file);
      return { name, path: file };
    });
    const { open, gcClosed, outcome } = await leftOpenBy(dir, () => triageStoredInput(stored));
    expect("error" in outcome ? outcome.error : undefined).toBeUndefined();
    expect({ open, gcClosed }).toEqual({ open: [], gcClosed: [] });
  });
});
