"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, inputClass, sendJson } from "./post-json";
import { FormError } from "@/components/ui/form-error";

export function SignUpForm({ invite }: { invite?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await sendJson("/api/account/sign-up", "POST", {
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
      invite,
    });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push("/account");
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3">
      <label className="block text-sm">
        Name
        <input name="name" autoComplete="name" required className={inputClass} />
      </label>
      <label className="block text-sm">
        Email
        <input name="email" type="email" autoComplete="email" required className={inputClass} />
      </label>
      <label className="block text-sm">
        Password (10 characters or more)
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={inputClass} />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        Create account
      </button>
    </form>
  );
}
