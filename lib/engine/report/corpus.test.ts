/**
 * Corpus walker: every `testdata/logs/<family>/*.log` is a test. A file is header lines (`TITLE:`, `KIND:`,
 * `FRAME:`, `FILE:`, `RELEASE:`, `ALT:`, `CORRUPTED: Y`, `PANICKED: Y`, `SOURCE:`), a blank line, then the raw log; no `TITLE:` means
 * the log holds no crash. `UPDATE_GOLDEN=1 npx vitest run lib/engine/report/corpus.test.ts` rewrites the headers
 * from current output, so a rule change shows up as a reviewed diff.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import type { Finding } from "../types";
import { extractReports } from "./extract-reports";

const ROOT = join(__dirname, "../../../testdata/logs");
const HEADER_KEYS = ["TITLE", "ALT", "KIND", "FRAME", "FILE", "SOURCE", "RELEASE", "CORRUPTED", "PANICKED"] as const;

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith(".log")) out.push(p);
  }
  return out;
}

function split(text: string): { headers: string[]; body: string[] } {
  const lines = text.replace(/\r/g, "").split("\n");
  const blank = lines.indexOf("");
  return { headers: lines.slice(0, blank), body: lines.slice(blank + 1) };
}

function headersFor(f: Finding | undefined): string[] {
  if (!f) return [];
  const out = [`TITLE: ${f.title}`, ...[...f.altTitles].sort().map((a) => `ALT: ${a}`), `KIND: ${f.kind}`];
  if (f.guiltyFrame) out.push(`FRAME: ${f.guiltyFrame}`);
  if (f.guiltyFile) out.push(`FILE: ${f.guiltyFile}`);
  if (f.sourceFile) out.push(`SOURCE: ${f.sourceFile}:${f.sourceLine ?? ""}`);
  if (f.kernelRelease) out.push(`RELEASE: ${f.kernelRelease}`);
  if (f.corrupted) out.push("CORRUPTED: Y");
  if (f.panicked) out.push("PANICKED: Y");
  return out;
}

function run(body: string[], name: string): Finding[] {
  const ctx = createLineContext(0, 2024);
  const lines = body.map((l, i) => parseLine(l, i + 1, ctx));
  return extractReports(lines, { fileName: name });
}

const files = walk(ROOT);

describe("testdata/logs corpus", () => {
  it("has corpus files", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const name = relative(ROOT, file);
    it(name, () => {
      const text = readFileSync(file, "utf8");
      const { headers, body } = split(text);
      const findings = run(body, name);
      const actual = headersFor(findings[0]);
      if (process.env.UPDATE_GOLDEN === "1") {
        const comments = headers.filter((h) => h.startsWith("#"));
        writeFileSync(file, [...comments, ...actual, "", ...body].join("\n"));
        return;
      }
      const expected = headers.filter((h) => HEADER_KEYS.some((k) => h.startsWith(`${k}:`)));
      const sortAlt = (hs: string[]) => [...hs.filter((h) => !h.startsWith("ALT:")), ...hs.filter((h) => h.startsWith("ALT:")).sort()];
      expect(sortAlt(actual)).toEqual(sortAlt(expected));
    });
  }
});
