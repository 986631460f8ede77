"use client";
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    router.push("/");
    router.refresh();
  }
  return (
    <button onClick={signOut} className="text-slate-600 hover:text-slate-900">
      Sign out
    </button>
  );
}
