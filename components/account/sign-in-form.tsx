"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, inputClass, sendJson } from "./post-json";
import { FormError } from "@/components/ui/form-error";

/** Email + password against better-auth's endpoint; on success, navigate and refresh so server components re-read the session. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await sendJson("/api/auth/sign-in/email", "POST", { email: form.get("email"), password: form.get("password") });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(next);
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3">
      <label className="block text-sm">
        Email
        <input name="email" type="email" autoComplete="email" required className={inputClass} />
      </label>
      <label className="block text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        Sign in
      </button>
    </form>
  );
}
