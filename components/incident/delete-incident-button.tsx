"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/post-json";

/**
 * Shown to those who may delete (editors, the uploader); the server checks again. On the incident page it goes back
 * to the list, replacing the deleted page in the history (refreshing it first rendered its 404 for a moment, and Back
 * would lead to it); in the list (`stay`) the list reloads without the row. `onDeleted` runs first: a page that
 * polls the deleted upload stops.
 */
export function DeleteIncidentButton({ incidentId, title, stay = false, onDeleted }: { incidentId: string; title: string; stay?: boolean; onDeleted?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete the incident "${title}" and its uploaded logs? This cannot be undone.`)) return;
    setBusy(true);
    const res = await sendJson(`/api/incidents/${encodeURIComponent(incidentId)}`, "DELETE");
    setBusy(false);
    if (!res.ok) return setError(res.message);
    onDeleted?.();
    if (stay) router.refresh();
    else router.replace("/incidents");
  }
  return (
    <span>
      <button type="button" onClick={remove} disabled={busy} className="text-red-700 hover:underline disabled:opacity-50" data-testid="delete-incident" aria-label={`Delete ${title}`}>
        Delete
      </button>
      {error && <span className="ml-2 text-red-700">{error}</span>}
    </span>
  );
}
