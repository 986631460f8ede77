import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/account/sign-out-button";
import { currentActor, hasNoAccounts } from "@/lib/server/auth/access";
import "./globals.css";

export const metadata: Metadata = {
  title: "oopscope",
  description: "Triage Linux kernel crash logs: known bug, verdict and fix.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  // A fresh install has no accounts: point the first visitor at the sign-up that makes them admin.
  const noAccountsYet = actor.kind === "anonymous" && (await hasNoAccounts());
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 text-sm">
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              oopscope
            </Link>
            <Link href="/" className="text-slate-600 hover:text-slate-900">
              Triage
            </Link>
            <Link href="/incidents" className="text-slate-600 hover:text-slate-900">
              Incidents
            </Link>
            <Link href="/kb" className="text-slate-600 hover:text-slate-900">
              Knowledge base
            </Link>
            <span className="ml-auto flex items-center gap-4" data-testid="account-menu">
              {actor.kind === "user" ? (
                <>
                  {actor.role === "admin" && (
                    <Link href="/admin" className="text-slate-600 hover:text-slate-900">
                      Admin
                    </Link>
                  )}
                  <Link href="/account" className="text-slate-600 hover:text-slate-900">
                    {actor.name} <span className="text-slate-400">({actor.role})</span>
                  </Link>
                  <SignOutButton />
                </>
              ) : noAccountsYet ? (
                <Link href="/sign-up" className="text-slate-600 hover:text-slate-900">
                  Create the admin account
                </Link>
              ) : (
                <Link href="/sign-in" className="text-slate-600 hover:text-slate-900">
                  Sign in
                </Link>
              )}
            </span>
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
