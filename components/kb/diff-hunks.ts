/** Unified-diff hunks from a line diff: changed lines with `context` unchanged lines around them, the rest folded. */
export type DiffLine = { kind: "added" | "removed" | "same"; text: string };
export type NumberedLine = DiffLine & { oldLine?: number; newLine?: number };
export type DiffHunk = { header: string; lines: NumberedLine[] };

export function diffHunks(lines: DiffLine[], context = 3): DiffHunk[] {
  let oldNo = 0;
  let newNo = 0;
  const numbered: NumberedLine[] = lines.map((l) => ({
    ...l,
    oldLine: l.kind === "added" ? undefined : ++oldNo,
    newLine: l.kind === "removed" ? undefined : ++newNo,
  }));
  const keep = new Array<boolean>(numbered.length).fill(false);
  numbered.forEach((l, i) => {
    if (l.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(numbered.length - 1, i + context); j++) keep[j] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: NumberedLine[] = [];
  const close = () => {
    if (current.length === 0) return;
    const olds = current.filter((l) => l.oldLine !== undefined);
    const news = current.filter((l) => l.newLine !== undefined);
    // Like `diff -u`: an empty side starts at the line before it.
    const oldStart = olds[0]?.oldLine ?? (current[0].newLine ?? 1) - 1;
    const newStart = news[0]?.newLine ?? (current[0].oldLine ?? 1) - 1;
    hunks.push({ header: `@@ -${oldStart},${olds.length} +${newStart},${news.length} @@`, lines: current });
    current = [];
  };
  numbered.forEach((l, i) => {
    if (keep[i]) current.push(l);
    else close();
  });
  close();
  return hunks;
}
