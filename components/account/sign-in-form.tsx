"use client";
import { buttonClass, inputClass } from "./post-json";
import { useAccountForm } from "./use-account-form";
import { FormError } from "@/components/ui/form-error";

/** Email + password against better-auth's endpoint, then on to where the person was going. */
export function SignInForm({ next }: { next: string }) {
  const { error, busy, onSubmit } = useAccountForm("/api/auth/sign-in/email", (form) => ({ email: form.get("email"), password: form.get("password") }), next);
  return (
    <form onSubmit={onSubmit} method="post" className="max-w-sm space-y-3">
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
