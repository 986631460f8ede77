"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/post-json";
import { FormError } from "@/components/ui/form-error";

/** "Link finding to entry": the entry learns this finding's title and guilty frame; the page then shows the match. */
export function LinkFindingForm({ incidentId, findingId, suggestions }: { incidentId: string; findingId: string; suggestions: string[] }) {
  const router = useRouter();
  const [entryId, setEntryId] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listId = `kb-suggestions-${findingId}`;
  async function link(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    const res = await sendJson<{ linked: boolean; reason?: string; revision?: number }>(`/api/kb/${encodeURIComponent(entryId.trim())}/link-finding`, "POST", {
      incidentId,
      findingId,
    });
    if (!res.ok) return setError(res.message);
    setStatus(res.data.linked ? `Linked: ${entryId} is now at r${res.data.revision}.` : (res.data.reason ?? "Already linked."));
    router.refresh();
  }
  return (
    <form onSubmit={link} className="flex flex-wrap items-center gap-2 text-sm" data-testid="link-finding">
      <label htmlFor={`${listId}-input`}>Link finding to KB entry</label>
      <input
        id={`${listId}-input`}
        value={entryId}
        onChange={(e) => setEntryId(e.target.value)}
        list={listId}
        placeholder="entry id (e.g. a team note)"
        required
        className="w-72 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
        Link
      </button>
      {status && <span className="text-slate-600">{status}</span>}
      <FormError message={error} />
    </form>
  );
}
