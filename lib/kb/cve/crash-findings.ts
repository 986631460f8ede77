/**
 * The one adapter between CVE descriptions and our crash engine: commit messages often quote the crash that
 * led to the fix (Call Trace, RIP, KASAN, WARNING …). Running the same engine that triages users' logs on that
 * text gives signature rules that match what a user will paste.
 * This calls `triage()` itself, the entry point every user log goes through, and keeps its crash findings
 * (one-line problem events in prose are not what the commit is about).
 */
import type { Finding } from "../../engine/types";
import { isProblemEvent, triage } from "../../engine/triage";

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

/** Crash findings in a piece of free text (a commit message quoting a crash). Empty when there is none. Never throws. */
export async function findCrashFindings(name: string, text: string): Promise<Finding[]> {
  try {
    if (!hasCrashText(text)) return [];
    const data = new TextEncoder().encode(prepareCrashText(text));
    const incident = await triage([{ name, data }], { now: IMPORT_NOW });
    return incident.findings.filter((f) => !isProblemEvent(f));
  } catch {
    return [];
  }
}
