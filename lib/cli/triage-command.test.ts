/**
 * `oopscope triage` on files the ingest refuses (the shapes of lib/server/inputs/refused-input-files.ts), run in
 * this process: every file it opened is closed when the command returns, none is left to the garbage collector.
 * (cli.test.ts runs bin/oopscope as a child and cannot see its descriptors.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { leftOpenBy, writeRefusedInputFiles } from "../server/inputs/refused-input-files";
import { runTriageCommand } from "./triage-command";

const root = mkdtempSync(path.join(tmpdir(), "oopscope-cli-refusals-"));
const fixtures = path.join(root, "fixtures");
mkdirSync(fixtures);
const cases = writeRefusedInputFiles(fixtures);
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  // The report and the refusals go to stdout and stderr; only what stays open is looked at here.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe("oopscope triage on refused inputs leaves no file open", () => {
  for (const flag of ["--json", "--jsonl"]) {
    it.each(cases.map((c, n) => [c.label, c, n] as const))(`${flag}: %s`, async (_label, { files }, n) => {
      const dir = path.join(root, `${flag.slice(2)}-${n}`);
      mkdirSync(dir);
      const args = files.map((name) => {
        copyFileSync(path.join(fixtures, name), path.join(dir, name));
        return path.join(dir, name);
      });
      await expectNothingLeftOpen(dir, [flag, ...args]);
    });
  }

  it("a directory holding every refused shape: its files are members, each opened and closed in turn", async () => {
    const dir = path.join(root, "directory");
    mkdirSync(dir);
    for (const name of new Set(cases.flatMap((c) => c.files))) copyFileSync(path.join(fixtures, name), path.join(dir, name));
    await expectNothingLeftOpen(dir, ["--json", dir]);
  });
});

async function expectNothingLeftOpen(dir: string, args: string[]): Promise<void> {
  const { open, gcClosed, outcome } = await leftOpenBy(dir, () => runTriageCommand(["--no-kb", ...args], { root: process.cwd() }, "usage"));
  // A refusal is an exit status (2; a stream cut short keeps its text: 0), never a throw.
  expect("error" in outcome ? outcome.error : undefined).toBeUndefined();
  expect({ open, gcClosed }).toEqual({ open: [], gcClosed: [] });
}
