"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/post-json";

/**
 * Shown to those who may delete (editors, the uploader); the server checks again. On the incident page it goes back
 * to the list; in the list (`stay`) the list reloads without the row.
 */
export function DeleteIncidentButton({ incidentId, title, stay = false }: { incidentId: string; title: string; stay?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete the incident "${title}" and its uploaded logs? This cannot be undone.`)) return;
    setBusy(true);
    const res = await sendJson(`/api/incidents/${encodeURIComponent(incidentId)}`, "DELETE");
    setBusy(false);
    if (!res.ok) return setError(res.message);
    if (!stay) router.push("/incidents");
    router.refresh();
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
