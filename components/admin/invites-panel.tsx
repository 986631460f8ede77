"use client";
import { useState } from "react";
import { formatTime } from "@/components/ui/format";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass, inputClass, sendJson } from "@/components/account/post-json";
import { FormError } from "@/components/ui/form-error";

export type InviteRow = { id: string; role: string; email: string | null; createdAt: string; expiresAt: string; usedAt: string | null; revokedAt: string | null };

function stateOf(i: InviteRow): string {
  if (i.usedAt) return `used ${formatTime(i.usedAt)}`;
  if (i.revokedAt) return "revoked";
  if (new Date(i.expiresAt).getTime() < Date.now()) return "expired";
  return `open until ${formatTime(i.expiresAt)}`;
}

export function InvitesPanel({ initial }: { initial: InviteRow[] }) {
  const [invites, setInvites] = useState(initial);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function reload() {
    const res = await sendJson<{ invites: InviteRow[] }>("/api/admin/invites", "GET");
    if (res.ok) setInvites(res.data.invites);
  }
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    const res = await sendJson<{ url: string }>("/api/admin/invites", "POST", { role: form.get("role"), email: form.get("email") || undefined });
    if (!res.ok) return setError(res.message);
    setLink(res.data.url);
    await reload();
  }
  async function revoke(id: string) {
    const res = await sendJson(`/api/admin/invites/${encodeURIComponent(id)}`, "DELETE");
    if (!res.ok) return setError(res.message);
    await reload();
  }
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Invitations</h2>
      <form onSubmit={create} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          Role
          <select name="role" defaultValue="editor" className={inputClass}>
            <option value="viewer">viewer</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label className="text-sm">
          Email (optional: the link then works for that address only)
          <input name="email" type="email" className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          Create invitation
        </button>
      </form>
      {link && (
        <p className="flex flex-wrap items-center gap-2 rounded bg-amber-50 p-2 text-sm">
          Send this link (single use, 7 days): <code className="font-mono break-all" data-testid="invite-link">{link}</code> <CopyButton text={link} />
        </p>
      )}
      <FormError message={error} />
      <ul className="space-y-1 text-sm">
        {invites.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-slate-100 px-2 py-0.5">{i.role}</span>
            <span>{i.email ?? "anyone with the link"}</span>
            <span className="text-slate-500">{stateOf(i)}</span>
            {!i.usedAt && !i.revokedAt && (
              <button onClick={() => revoke(i.id)} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
