"use client";

import { FormError } from "@/components/ui/form-error";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { diffHunks, type DiffHunk, type DiffLine } from "./diff-hunks";

export type RevisionRow = { revision: number; message: string; authorName: string | null; createdAt: string };

const LINE_CLASS: Record<DiffLine["kind"], string> = {
  added: "bg-green-50 text-green-900",
  removed: "bg-red-50 text-red-900",
  same: "text-slate-600",
};
const LINE_MARK: Record<DiffLine["kind"], string> = { added: "+", removed: "-", same: " " };

/** History of an entry: diff between any two revisions (YAML form), revert to any earlier one. */
/** `canRevert`: the viewer is an editor (the server checks again; this only hides buttons that would be refused). */
export function RevisionHistory({ entryId, revisions, current, canRevert }: { entryId: string; revisions: RevisionRow[]; current: number; canRevert: boolean }) {
  const router = useRouter();
  const oldest = revisions[revisions.length - 1]?.revision ?? current;
  const [a, setA] = useState(Math.max(oldest, current - 1));
  const [b, setB] = useState(current);
  const [diff, setDiff] = useState<DiffHunk[] | null>(null);
  const [confirming, setConfirming] = useState<RevisionRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = `/api/kb/${encodeURIComponent(entryId)}`;

  async function showDiff() {
    setError(null);
    const res = await fetch(`${api}/diff?a=${a}&b=${b}`);
    const body = await res.json();
    if (!res.ok) return setError(body.message ?? `HTTP ${res.status}`);
    setDiff(diffHunks(body.lines as DiffLine[]));
  }

  async function revert(toRevision: number) {
    setError(null);
    setConfirming(null);
    const res = await fetch(`${api}/revert`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ toRevision }),
    });
    const body = await res.json();
    if (!res.ok) return setError(body.message ?? `HTTP ${res.status}`);
    router.refresh();
  }

  const select = (value: number, set: (n: number) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))} className="rounded border border-slate-300 px-2 py-1 text-sm">
      {revisions.map((r) => (
        <option key={r.revision} value={r.revision}>
          r{r.revision}
        </option>
      ))}
    </select>
  );

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="kb-history">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">History</h2>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th>Rev</th>
            <th>When</th>
            <th>Who</th>
            <th>Message</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revision} className="border-t border-slate-100">
              <td className="py-1">r{r.revision}</td>
              <td className="text-xs">{new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
              <td>{r.authorName ?? ""}</td>
              <td>{r.message}</td>
              <td className="text-right">
                {canRevert && r.revision !== current && (
                  <button onClick={() => setConfirming(r)} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
                    Revert to r{r.revision}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <div role="alertdialog" aria-labelledby="revert-question" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="revert-confirm">
          <p id="revert-question">
            Restore <strong>r{confirming.revision}</strong>
            {confirming.message && <> (“{confirming.message}”</>}
            {confirming.authorName && <>{confirming.message ? ", " : " ("}by {confirming.authorName}</>}
            {(confirming.message || confirming.authorName) && ")"}? It is saved as a new revision r{current + 1}; r{current} stays in the history.
          </p>
          <div className="flex gap-2">
            <button onClick={() => revert(confirming.revision)} className="rounded bg-slate-900 px-3 py-1 text-white" autoFocus>
              Restore r{confirming.revision}
            </button>
            <button onClick={() => setConfirming(null)} className="rounded border border-slate-300 px-3 py-1">
              Cancel
            </button>
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        Diff {select(a, setA, "from revision")} → {select(b, setB, "to revision")}
        <button onClick={showDiff} className="rounded bg-slate-900 px-3 py-1 text-white">
          Show diff
        </button>
      </div>
      <FormError message={error} />
      {diff && diff.length === 0 && <p className="text-sm text-slate-500">The two revisions are the same.</p>}
      {diff && diff.length > 0 && (
        // Only the changed hunks, with three lines of context each (a whole entry is hundreds of YAML lines).
        <pre className="max-h-[480px] overflow-auto rounded border border-slate-200 font-mono text-xs" data-testid="kb-diff">
          {diff.map((h) => (
            <Fragment key={h.header}>
              <div className="bg-slate-100 text-slate-500" data-testid="kb-diff-hunk">
                {h.header}
              </div>
              {h.lines.map((l, i) => (
                <div key={i} className={LINE_CLASS[l.kind]}>
                  {LINE_MARK[l.kind]} {l.text}
                </div>
              ))}
            </Fragment>
          ))}
        </pre>
      )}
    </section>
  );
}
