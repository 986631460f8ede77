"use client";
import { useState } from "react";
import { buttonClass, inputClass, sendJson } from "@/components/account/post-json";

type Settings = { signupMode: "open" | "invite" | "closed"; signInRequired: boolean };

export function AccessSettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const res = await sendJson<Settings>("/api/admin/settings", "PUT", settings);
    setStatus(res.ok ? "Saved." : res.message);
    if (res.ok) setSettings(res.data);
  }
  return (
    <form onSubmit={save} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Access</h2>
      <label className="block max-w-xs text-sm">
        Sign-up
        <select
          value={settings.signupMode}
          onChange={(e) => setSettings({ ...settings, signupMode: e.target.value as Settings["signupMode"] })}
          className={inputClass}
          name="signupMode"
        >
          <option value="invite">invite-only (with a link from an admin)</option>
          <option value="open">open (new accounts are viewers)</option>
          <option value="closed">closed</option>
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="signInRequired"
          checked={settings.signInRequired}
          onChange={(e) => setSettings({ ...settings, signInRequired: e.target.checked })}
        />
        Sign-in required to read incidents, permalinks and the knowledge base
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass}>
          Save settings
        </button>
        {status && <span className="text-sm text-slate-600">{status}</span>}
      </div>
    </form>
  );
}
