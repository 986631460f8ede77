"use client";
import { useState } from "react";
import { formatTime } from "@/components/ui/format";
import { sendJson } from "@/components/account/post-json";
import { FormError } from "@/components/ui/form-error";

export type UserRow = { id: string; name: string; email: string; role: string; createdAt: string };

export function UsersTable({ initial, selfId }: { initial: UserRow[]; selfId: string }) {
  const [users, setUsers] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function setRole(id: string, role: string) {
    setError(null);
    const res = await sendJson<UserRow>(`/api/admin/users/${encodeURIComponent(id)}`, "PATCH", { role });
    if (!res.ok) return setError(res.message);
    setUsers(users.map((u) => (u.id === id ? { ...u, role: res.data.role } : u)));
  }
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">People</h2>
      <FormError message={error} />
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th className="hidden sm:table-cell">Since</th>
            <th>Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>
                {u.name}
                {u.id === selfId && <span className="text-slate-500"> (you)</span>}
              </td>
              <td>{u.email}</td>
              <td className="hidden sm:table-cell">{formatTime(u.createdAt)}</td>
              <td>
                <select value={u.role} onChange={(e) => setRole(u.id, e.target.value)} aria-label={`role of ${u.email}`} className="rounded border border-slate-300 px-1 py-0.5">
                  <option value="viewer">viewer</option>
                  <option value="editor">editor</option>
                  <option value="admin">admin</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
