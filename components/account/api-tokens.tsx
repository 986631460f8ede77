"use client";
import { useState } from "react";
import { formatTime } from "@/components/ui/format";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass, inputClass, sendJson } from "./post-json";
import { FormError } from "@/components/ui/form-error";

export type TokenRow = { id: string; name: string; scope: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Create (the secret is shown once) and revoke API tokens. */
export function ApiTokens({ initial }: { initial: TokenRow[] }) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reload() {
    const res = await sendJson<{ tokens: TokenRow[] }>("/api/account/tokens", "GET");
    if (res.ok) setTokens(res.data.tokens);
  }
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    const res = await sendJson<{ token: string }>("/api/account/tokens", "POST", { name: form.get("name"), scope: form.get("scope") });
    if (!res.ok) return setError(res.message);
    setCreated(res.data.token);
    await reload();
  }
  async function revoke(id: string) {
    const res = await sendJson(`/api/account/tokens/${encodeURIComponent(id)}`, "DELETE");
    if (!res.ok) return setError(res.message);
    await reload();
  }

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">API tokens</h2>
      <p className="text-sm text-slate-600">
        For scripts and CI: <code className="font-mono">curl -H &quot;Authorization: Bearer oops_…&quot;</code>. A read token can
        triage logs and read; a write token can also do what your role allows.
      </p>
      <form onSubmit={create} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          Name
          <input name="name" required placeholder="ci-triage" className={inputClass} />
        </label>
        <label className="text-sm">
          Scope
          <select name="scope" defaultValue="read" className={inputClass}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Create token
        </button>
      </form>
      {created && (
        <p className="flex flex-wrap items-center gap-2 rounded bg-amber-50 p-2 text-sm" data-testid="new-token">
          Copy it now, it is not shown again: <code className="font-mono break-all">{created}</code> <CopyButton text={created} />
        </p>
      )}
      <FormError message={error} />
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th>Name</th>
            <th>Scope</th>
            <th>Token</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.revokedAt ? "text-slate-400 line-through" : ""}>
              <td>{t.name}</td>
              <td>{t.scope}</td>
              <td className="font-mono">{t.prefix}…</td>
              <td>{formatTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
              <td className="text-right">
                {!t.revokedAt && (
                  <button onClick={() => revoke(t.id)} className="rounded border border-slate-300 px-2 py-0.5 text-xs no-underline hover:bg-slate-50">
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
