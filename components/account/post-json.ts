/** fetch + JSON for the account and admin forms: the server's message on failure, so the user sees why. */
export async function sendJson<T = unknown>(url: string, method: string, body?: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return { ok: true, data: undefined as T };
  const data = await res.json().catch(() => ({}));
  if (!res.ok) return { ok: false, message: (data as { message?: string }).message ?? `HTTP ${res.status}` };
  return { ok: true, data: data as T };
}

export const inputClass = "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
export const buttonClass = "rounded-lg bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50";
