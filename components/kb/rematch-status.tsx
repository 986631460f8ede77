"use client";
import { useEffect, useState } from "react";
import { isRematchSettled, rematchStatusText, type RematchJobView } from "./rematch-status-text";

const POLL_MS = 1000;

/** The re-matching a KB change queued, followed until it ends (the job may run on a worker on another machine). */
export function RematchStatus({ initial }: { initial: RematchJobView }) {
  const [job, setJob] = useState(initial);
  const settled = isRematchSettled(job);

  useEffect(() => {
    if (settled) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/jobs/${encodeURIComponent(job.id)}`);
      // A failed poll (server restarting) is tried again on the next tick; the last state stays shown.
      if (res.ok) setJob((await res.json()) as RematchJobView);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [job.id, settled]);

  return (
    <p className={`text-sm ${job.status === "failed" ? "text-red-700" : "text-slate-600"}`} data-testid="rematch-status" data-status={job.status} aria-live="polite">
      {rematchStatusText(job)}
    </p>
  );
}
