"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/post-json";

/** Editors' mute switch on a signature page; the same mutes as /admin's notification settings. */
export function MuteButton({ signature, muted }: { signature: string; muted: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    const res = await sendJson(`/api/signatures/${encodeURIComponent(signature)}/mute`, muted ? "DELETE" : "PUT");
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    router.refresh();
  }
  return (
    <span className="text-sm">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 disabled:opacity-50"
        data-testid="mute-signature"
      >
        {muted ? "Unmute" : "Mute notifications"}
      </button>
      {error && <span className="ml-2 text-red-700">{error}</span>}
    </span>
  );
}
