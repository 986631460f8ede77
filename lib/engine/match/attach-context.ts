/**
 * The lines printed just before a report, kept on the finding for KB `nearby` rules: an agent's own error line
 * (`failed to look up link 'cilium_host'`) or the kernel's (`nfs: server … not responding`) says which of two bugs
 * with the same crash text this is. Pure; reads the window lines the scanner already parsed.
 */
import type { Finding, LogLine } from "../types";

/** Lines kept per finding (the scanner's context window before a trigger is about as long). */
export const MAX_CONTEXT_LINES = 30;
const MAX_CONTEXT_LINE_LENGTH = 400;

/**
 * Sets `context` on each finding from `lines` (one window, in file order): up to MAX_CONTEXT_LINES lines before the
 * finding's first line, from the same host or with no host, any program.
 */
export function attachContextLines(findings: Finding[], lines: LogLine[]): void {
  const contextBefore = contextReader(lines);
  for (const f of findings) {
    if (f.context) continue;
    const before = contextBefore(f.source.line, f.host);
    if (before) f.context = before;
  }
}

/**
 * Reads `lines` (one window, in file order): up to MAX_CONTEXT_LINES lines before line `lineNo`, from host `host` or
 * with no host, any program; undefined when there are none.
 */
export function contextReader(lines: readonly LogLine[]): (lineNo: number, host: string | undefined) => string[] | undefined {
  // A crash storm puts dozens of reports in one window of thousands of lines: each walk starts at its own line
  // (binary search) instead of walking back over the whole window.
  const ascending = lines.every((l, i) => i === 0 || lines[i - 1].lineNo <= l.lineNo);
  return (lineNo, host) => {
    const before: string[] = [];
    const from = ascending ? linesBefore(lines, lineNo) - 1 : lines.length - 1;
    for (let i = from; i >= 0 && before.length < MAX_CONTEXT_LINES; i--) {
      const l = lines[i];
      if (l.lineNo >= lineNo) continue;
      if (host && l.host && l.host !== host) continue;
      // The raw line: structured agent logs keep the telling part outside `msg` (`status="… failed to look up link"`).
      const line = l.raw || l.text;
      if (line) before.push(line.length > MAX_CONTEXT_LINE_LENGTH ? line.slice(0, MAX_CONTEXT_LINE_LENGTH) : line);
    }
    return before.length > 0 ? before.reverse() : undefined;
  };
}

/** How many of `lines` (ascending line numbers) come before line `lineNo`. */
function linesBefore(lines: readonly LogLine[], lineNo: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].lineNo < lineNo) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
