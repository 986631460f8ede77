/**
 * The one adapter between CVE descriptions and our crash engine: commit messages often quote the crash that
 * led to the fix (Call Trace, RIP, KASAN, WARNING …). Running the same engine that triages users' logs on that
 * text gives signature rules that match what a user will paste.
 * This runs the engine's scan stage, which reads every user log, and keeps its crash reports (one-line problem
 * events in prose are not what the commit is about; boots, timeline and KB matching say nothing about a commit).
 */
import { emptyIngestStats, IngestError } from "../../engine/ingest/read-lines";
import { isProblemEvent } from "../../engine/problem-kinds";
import { scanInput } from "../../engine/scan/scan-input";
import { crashReportsOf } from "../../engine/stages/findings";
import type { Finding, IncidentWarning } from "../../engine/types";

/**
 * Cheap test for text that may hold a kernel report. Commit messages talk about "warnings" and "bugs" in prose,
 * so only the printk spellings count.
 */
const CRASH_MARKERS =
  /Call Trace:|Call trace:|\bRIP: |\bpc : |WARNING: |\bKASAN: |\bKMSAN: |\bKCSAN: |\bUBSAN: |\bBUG: |kernel BUG at|Unable to handle kernel|general protection fault|\bOops: |Internal error: |INFO: task .* blocked|rcu_sched self-detected|Kernel panic - not syncing|unreferenced object 0x|possible circular locking|backtrace:/;

/** Indentation in front of a dmesg/printk prefix (`  [  12.34] …`, `\t<4>[ …`). */
const QUOTE_INDENT = /^[ \t]+(?=\[\s*\d+\.\d+\]|<\d>)/;

/**
 * Module lists say nothing about which bug this is, and a long one makes metadata.ts try the next lines as its
 * wrapped continuation; MODULE_CONTINUATION backtracks exponentially on a word list that then fails at the end
 * (terminal-truncated `… i2c>` in CVE-2025-22033 hangs the engine). Keeping the list short skips that path.
 * TODO(engine): drop once MODULE_CONTINUATION is linear.
 */
const MODULE_LIST = /^(\s*Modules linked in:.{0,80}).*$/;
function shortenModuleList(line: string): string {
  return line.length > 100 ? line.replace(MODULE_LIST, "$1") : line;
}

/** Descriptions are commit messages: bounded, but be safe against a pathological record. */
const MAX_TEXT_CHARS = 200_000;

export function hasCrashText(text: string): boolean {
  return typeof text === "string" && CRASH_MARKERS.test(text);
}

/** What the engine reads: the commit message with quoting indentation removed and module lists shortened. */
export function prepareCrashText(text: string): string {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .split("\n")
    .map((l) => shortenModuleList(l.replace(/\r$/, "").replace(QUOTE_INDENT, "")))
    .join("\n");
}

/** Fixed "today": findings must not depend on the day of the import (year inference only). */
const IMPORT_NOW = new Date("2026-01-01T00:00:00Z");

/** What the engine read in a description: its crash reports, and the engine's failures on parts of it. */
export type CrashText = { findings: Finding[]; warnings: IncidentWarning[] };

/**
 * Crash findings in a piece of free text (a commit message quoting a crash). Empty when there is none. A rule that
 * throws on the quoted report comes back in `warnings` (the record still becomes an entry, with a note).
 */
export async function findCrashFindings(name: string, text: string): Promise<CrashText> {
  if (!hasCrashText(text)) return { findings: [], warnings: [] };
  const data = new TextEncoder().encode(prepareCrashText(text));
  try {
    const scan = await scanInput({ name, data }, emptyIngestStats(), { fileIndex: 0, now: IMPORT_NOW });
    return { findings: crashReportsOf(scan).filter((f) => !isProblemEvent(f)), warnings: scan.warnings };
  } catch (e) {
    // A description the ingest refuses (binary bytes) quotes no report we could read.
    if (!(e instanceof IngestError)) throw e;
    return { findings: [], warnings: [{ stage: "window", source: { file: name, line: 1 }, message: e.message }] };
  }
}
