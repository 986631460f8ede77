"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/post-json";

/** Shown to those who may delete (editors, the uploader); the server checks again. */
export function DeleteIncidentButton({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm("Delete this incident and its uploaded logs? This cannot be undone.")) return;
    setBusy(true);
    const res = await sendJson(`/api/incidents/${encodeURIComponent(incidentId)}`, "DELETE");
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push("/incidents");
    router.refresh();
  }
  return (
    <span>
      <button type="button" onClick={remove} disabled={busy} className="text-red-700 hover:underline disabled:opacity-50" data-testid="delete-incident">
        Delete
      </button>
      {error && <span className="ml-2 text-red-700">{error}</span>}
    </span>
  );
}
