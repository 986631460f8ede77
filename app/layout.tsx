import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/account/sign-out-button";
import { KeyboardShortcuts } from "@/components/shell/keyboard-shortcuts";
import { parseTheme, THEME_COOKIE, themeClass } from "@/components/shell/theme";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { currentActor, hasNoAccounts } from "@/lib/server/auth/access";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "oopscope", template: "%s · oopscope" },
  description: "Triage Linux kernel crash logs: known bug, verdict and fix.",
};

const NAV_LINK = "text-slate-600 hover:text-slate-900";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  // A fresh install has no accounts: point the first visitor at the sign-up that makes them admin.
  const noAccountsYet = actor.kind === "anonymous" && (await hasNoAccounts());
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only rounded bg-slate-900 px-3 py-2 text-sm text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
          data-testid="skip-link"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-3 text-sm" data-testid="site-nav">
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              oopscope
            </Link>
            <Link href="/" className={NAV_LINK}>
              Triage
            </Link>
            <Link href="/incidents" className={NAV_LINK}>
              Incidents
            </Link>
            <Link href="/kb" className={NAV_LINK}>
              <span className="sm:hidden">KB</span>
              <span className="hidden sm:inline">Knowledge base</span>
            </Link>
            <Link href="/fleet" className={`${NAV_LINK} hidden sm:inline`}>
              Fleet
            </Link>
            <span className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="account-menu">
              {actor.kind === "user" ? (
                <>
                  {actor.role === "admin" && (
                    <Link href="/admin" className={NAV_LINK}>
                      Admin
                    </Link>
                  )}
                  <Link href="/account" className={`${NAV_LINK} max-w-40 truncate`} title={`${actor.name} (${actor.role})`}>
                    {actor.name} <span className="hidden text-slate-400 sm:inline">({actor.role})</span>
                  </Link>
                  <SignOutButton />
                </>
              ) : noAccountsYet ? (
                <Link href="/sign-up" className={NAV_LINK}>
                  Create the admin account
                </Link>
              ) : (
                <Link href="/sign-in" className={NAV_LINK}>
                  Sign in
                </Link>
              )}
              <ThemeSwitch initial={theme} />
            </span>
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <KeyboardShortcuts />
      </body>
    </html>
  );
}
