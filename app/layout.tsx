import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "oopscope",
  description: "Triage Linux kernel crash logs: known bug, verdict and fix.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
