"use client";
import { useState } from "react";
import { buttonClass, inputClass, sendJson } from "@/components/account/post-json";

type Mute = { signature: string; title?: string; mutedBy: string; mutedAt: string };
type Delivery = { target: string; ok: boolean; attempts: number; status?: number; error?: string; at: string; summary: string };
export type NotificationsView = { webhookUrl: string; publicUrl: string; mutes: Mute[]; deliveries: Delivery[] };

export function NotificationSettingsForm({ initial }: { initial: NotificationsView }) {
  const [view, setView] = useState(initial);
  const [webhookUrl, setWebhookUrl] = useState(initial.webhookUrl);
  const [publicUrl, setPublicUrl] = useState(initial.publicUrl);
  const [signature, setSignature] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  async function change(body: unknown, done: string) {
    const res = await sendJson<NotificationsView>("/api/admin/notifications", "PUT", body);
    setStatus(res.ok ? done : res.message);
    if (res.ok) setView(res.data);
    return res.ok;
  }
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="notifications">
      <h2 className="font-semibold">Notifications</h2>
      <p className="text-sm text-slate-600">
        A webhook (Slack-compatible JSON) is called when a captured crash has a signature never seen before, or when a known bug hits a new host.
      </p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void change({ settings: { webhookUrl, publicUrl } }, "Saved.");
        }}
      >
        <label className="block max-w-xl text-sm">
          Webhook URL (empty: off)
          <input name="webhookUrl" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} className={inputClass} placeholder="https://hooks.slack.com/services/…" />
        </label>
        <label className="block max-w-xl text-sm">
          Public address of this server, for links in messages
          <input name="publicUrl" value={publicUrl} onChange={(e) => setPublicUrl(e.target.value)} className={inputClass} placeholder="https://oopscope.example.com" />
        </label>
        <button type="submit" className={buttonClass}>
          Save notifications
        </button>
      </form>
      <form
        className="flex max-w-xl items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void change({ mute: { signature } }, "Muted.").then((ok) => ok && setSignature(""));
        }}
      >
        <label className="block flex-1 text-sm">
          Mute a signature
          <input name="signature" value={signature} onChange={(e) => setSignature(e.target.value)} className={inputClass} placeholder="signature from an incident's finding" />
        </label>
        <button type="submit" className={buttonClass} disabled={!signature.trim()}>
          Mute
        </button>
      </form>
      {view.mutes.length > 0 && (
        <ul className="space-y-1 text-sm">
          {view.mutes.map((m) => (
            <li key={m.signature} className="flex items-center gap-2">
              <code className="rounded bg-slate-100 px-1">{m.signature}</code>
              <span className="text-slate-500">
                {m.title ? `${m.title} · ` : ""}muted by {m.mutedBy}
              </span>
              <button type="button" className="text-sm underline" onClick={() => void change({ unmute: m.signature }, "Unmuted.")}>
                unmute
              </button>
            </li>
          ))}
        </ul>
      )}
      {view.deliveries.length > 0 && (
        <ul className="space-y-1 text-xs text-slate-600">
          {view.deliveries.slice(0, 10).map((d, i) => (
            <li key={i}>
              {d.at} → {d.target}: {d.ok ? "delivered" : `failed (${d.error ?? d.status})`} after {d.attempts} attempt(s) · {d.summary}
            </li>
          ))}
        </ul>
      )}
      {status && <p className="text-sm text-slate-600">{status}</p>}
    </section>
  );
}
