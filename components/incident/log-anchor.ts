/** `#log=<file index>:<line>`: the URL fragment that opens the log viewer at a line (shared by links and viewer). */
export function logAnchor(fileIndex: number, line: number): string {
  return `#log=${fileIndex}:${line}`;
}

export function parseLogAnchor(hash: string): { fileIndex: number; line: number } | undefined {
  const m = /^#log=(\d+):(\d+)$/.exec(hash);
  return m ? { fileIndex: Number(m[1]), line: Number(m[2]) } : undefined;
}
