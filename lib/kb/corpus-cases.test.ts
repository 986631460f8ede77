import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRealCases } from "./corpus-cases";

const dir = mkdtempSync(path.join(tmpdir(), "corpus-cases-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readRealCases", () => {
  it("gives no cases when the corpus is not checked out", () => {
    expect(readRealCases(path.join(dir, "missing"))).toEqual([]);
  });

  it("throws when the root cannot be read as a directory, instead of running nothing", () => {
    const file = path.join(dir, "not-a-dir");
    writeFileSync(file, "x");
    expect(() => readRealCases(file)).toThrow(/ENOTDIR/);
  });
});
