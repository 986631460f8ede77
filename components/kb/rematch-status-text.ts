/** The line the KB pages show for a re-matching job: "Re-matching 37 incidents… 12 done", "… done: 3 changed". */
export type RematchJobView = {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  done: number;
  total: number;
  result?: unknown;
  error?: string;
};

type RematchResultView = { incidents: number; changed: number; skipped?: string[] };

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export function isRematchSettled(job: RematchJobView): boolean {
  return job.status === "done" || job.status === "failed";
}

export function rematchStatusText(job: RematchJobView): string {
  if (job.status === "queued") return "Re-matching stored incidents against the changed KB: queued.";
  if (job.status === "failed") return `Re-matching stored incidents failed: ${job.error ?? "no reason recorded"}.`;
  if (job.status === "running") {
    if (job.total === 0) return "Re-matching stored incidents…";
    return `Re-matching ${plural(job.total, "incident")}…${job.done > 0 ? ` ${job.done.toLocaleString("en")} done` : ""}`;
  }
  const r = job.result as RematchResultView | undefined;
  if (!r) return "Re-matching stored incidents: done.";
  const skipped = r.skipped?.length ? `; ${r.skipped.length} unreadable, skipped` : "";
  return `Re-matched ${plural(r.incidents, "incident")}: done, ${r.changed.toLocaleString("en")} changed${skipped}.`;
}
