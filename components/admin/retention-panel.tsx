"use client";
import { useState } from "react";
import { buttonClass, inputClass, sendJson } from "@/components/account/post-json";
import { formatBytes, formatTime } from "@/components/ui/format";

export type AuditRow = { at: string; action: string; targetId: string; summary: string; actorName: string; files: number; bytes: number };
type Applied = { expired: number; droppedLogs: number; bytes: number; failures: string[] };

const ACTION_LABEL: Record<string, string> = {
  "incident.delete": "deleted",
  "incident.expire": "expired",
  "incident.drop-logs": "raw logs removed",
};

export function RetentionPanel({ initialDays, audit }: { initialDays: number; audit: AuditRow[] }) {
  const [days, setDays] = useState(String(initialDays));
  const [status, setStatus] = useState<string | null>(null);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const res = await sendJson<{ days: number; applied: Applied }>("/api/admin/retention", "PUT", { days: Number(days) });
    if (!res.ok) return setStatus(res.message);
    const { applied } = res.data;
    setDays(String(res.data.days));
    setStatus(
      res.data.days === 0
        ? "Saved: incidents are kept forever."
        : `Saved. Applied now: ${applied.expired} deleted, ${applied.droppedLogs} kept without raw logs (${formatBytes(applied.bytes)}).` +
            (applied.failures.length ? ` ${applied.failures.length} failed.` : ""),
    );
  }
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Retention and deletions</h2>
      <form onSubmit={save} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          Keep incidents for (days, 0 = forever)
          <input name="retentionDays" type="number" min={0} max={36500} value={days} onChange={(e) => setDays(e.target.value)} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          Save retention
        </button>
        {status && (
          <span className="text-sm text-slate-600" data-testid="retention-status">
            {status}
          </span>
        )}
      </form>
      <p className="text-xs text-slate-500">Incidents a knowledge-base revision names keep their findings; only their raw logs are removed.</p>
      <table className="w-full text-left text-sm" data-testid="audit-log">
        <thead className="text-slate-500">
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Incident</th>
            <th>Removed</th>
          </tr>
        </thead>
        <tbody>
          {audit.length === 0 && (
            <tr>
              <td colSpan={5} className="text-slate-500">
                No deletions yet.
              </td>
            </tr>
          )}
          {audit.map((a, i) => (
            <tr key={i} data-testid="audit-row">
              <td>{formatTime(a.at)}</td>
              <td>{a.actorName}</td>
              <td>{ACTION_LABEL[a.action] ?? a.action}</td>
              <td>
                <span className="font-log">{a.summary || a.targetId}</span> <span className="text-xs text-slate-500">{a.targetId}</span>
              </td>
              <td>
                {a.files} file(s), {formatBytes(a.bytes)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
