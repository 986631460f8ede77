"use client";
import { buttonClass, inputClass } from "./post-json";
import { useAccountForm } from "./use-account-form";
import { FormError } from "@/components/ui/form-error";

export function SignUpForm({ invite }: { invite?: string }) {
  const { error, busy, onSubmit } = useAccountForm(
    "/api/account/sign-up",
    (form) => ({ name: form.get("name"), email: form.get("email"), password: form.get("password"), invite }),
    "/account",
  );
  return (
    <form onSubmit={onSubmit} method="post" className="max-w-sm space-y-3">
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
