"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};
import { sendJson } from "./post-json";

/**
 * The sign-in and sign-up forms: post the form's fields as JSON, show the server's message on failure, and on success
 * navigate and refresh so server components (the header's account menu) re-read the session.
 */
export function useAccountForm(url: string, fields: (form: FormData) => Record<string, unknown>, goTo: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until hydration the submit stays disabled: a native submit would put the password in the page's URL.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = fields(new FormData(e.currentTarget));
    setBusy(true);
    setError(null);
    const res = await sendJson(url, "POST", body);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(goTo);
    router.refresh();
  }
  return { error, busy: busy || !hydrated, onSubmit };
}
