/**
 * Corpus walker: every `testdata/logs/<family>/*.log` is a test, run through `triage()`. A file is header lines
 * (`TITLE:`, `KIND:`, `FRAME:`, `FILE:`, `RELEASE:`, `ALT:`, `CORRUPTED: Y`, `PANICKED: Y`, `SOURCE:`, `COUNT:`) for
 * its first finding, then a `FINDING: N` line and the same headers for every further finding, a blank line, then the
 * raw log; no `TITLE:` means the log holds no finding at all. `UPDATE_GOLDEN=1 npx vitest run lib/engine/report/corpus.test.ts` rewrites the headers
 * from current output, so a rule change shows up as a reviewed diff.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { triage } from "../triage";
import type { Finding } from "../types";

const ROOT = join(__dirname, "../../../testdata/logs");
const HEADER_KEYS = ["FINDING", "TITLE", "ALT", "KIND", "FRAME", "FILE", "SOURCE", "RELEASE", "COUNT", "CORRUPTED", "PANICKED"] as const;

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

function headersFor(f: Finding): string[] {
  const out = [`TITLE: ${f.title}`, ...[...f.altTitles].sort().map((a) => `ALT: ${a}`), `KIND: ${f.kind}`];
  if (f.guiltyFrame) out.push(`FRAME: ${f.guiltyFrame}`);
  if (f.guiltyFile) out.push(`FILE: ${f.guiltyFile}`);
  if (f.sourceFile) out.push(`SOURCE: ${f.sourceFile}:${f.sourceLine ?? ""}`);
  if (f.kernelRelease) out.push(`RELEASE: ${f.releaseSource === "inferred-next-boot" ? "inferred:" : ""}${f.kernelRelease}`);
  if (f.repeats && f.repeats > 1) out.push(`COUNT: ${f.repeats}`);
  if (f.corrupted) out.push("CORRUPTED: Y");
  if (f.panicked) out.push("PANICKED: Y");
  return out;
}

/** Every finding's headers in source order; the 2nd and later start with `FINDING: N`. */
function headersForAll(findings: Finding[]): string[] {
  return findings.flatMap((f, i) => [...(i > 0 ? [`FINDING: ${i + 1}`] : []), ...headersFor(f)]);
}

async function run(body: string[], name: string): Promise<Finding[]> {
  // A fixed "now" (2024) keeps the year of undated syslog lines, and so the goldens, stable.
  const incident = await triage([{ name, data: new TextEncoder().encode(body.join("\n")), mtime: new Date("2024-12-31T00:00:00Z") }], {
    now: new Date("2024-12-31T00:00:00Z"),
  });
  return [...incident.findings].sort((a, b) => a.source.line - b.source.line);
}

const files = walk(ROOT);

describe("testdata/logs corpus", () => {
  it("has corpus files", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const name = relative(ROOT, file);
    it(name, async () => {
      const text = readFileSync(file, "utf8");
      const { headers, body } = split(text);
      const findings = await run(body, name);
      const actual = headersForAll(findings);
      if (process.env.UPDATE_GOLDEN === "1") {
        const comments = headers.filter((h) => h.startsWith("#"));
        writeFileSync(file, [...comments, ...actual, "", ...body].join("\n"));
        return;
      }
      const expected = headers.filter((h) => HEADER_KEYS.some((k) => h.startsWith(`${k}:`)));
      // ALT lines compare as a set within each finding's block.
      const sortAlt = (hs: string[]) => {
        const blocks: string[][] = [[]];
        for (const h of hs) (h.startsWith("FINDING:") ? blocks[blocks.push([]) - 1] : blocks[blocks.length - 1]).push(h);
        return blocks.flatMap((b) => [...b.filter((h) => !h.startsWith("ALT:")), ...b.filter((h) => h.startsWith("ALT:")).sort()]);
      };
      expect(sortAlt(actual)).toEqual(sortAlt(expected));
    });
  }
});
