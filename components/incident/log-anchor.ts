/**
 * `#log=<file index>:<line>` or `#log=<file index>:<from>-<to>`: the URL fragment that opens the log viewer at a
 * line or a range of lines (shared by links and viewer).
 */
export type LogTarget = { fileIndex: number; line: number; endLine?: number };

export function logAnchor(fileIndex: number, line: number, endLine?: number): string {
  return `#log=${fileIndex}:${line}${endLine && endLine > line ? `-${endLine}` : ""}`;
}

export function parseLogAnchor(hash: string): LogTarget | undefined {
  const m = /^#log=(\d+):(\d+)(?:-(\d+))?$/.exec(hash);
  if (!m) return undefined;
  const line = Math.max(1, Number(m[2]));
  const end = m[3] ? Number(m[3]) : undefined;
  return { fileIndex: Number(m[1]), line, ...(end && end > line ? { endLine: end } : {}) };
}
