import type { Metadata } from "next";
import Link from "next/link";
import { KbImportForm } from "@/components/kb/kb-import-form";
import { getDb } from "@/lib/server/db";
import { requirePage } from "@/lib/server/auth/access";
import { actsAs } from "@/lib/server/auth/roles";
import { kbListQuerySchema } from "@/lib/server/kb/edit/api-schemas";
import { listKbEntries } from "@/lib/server/kb/edit/kb-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Knowledge base" };

const ORIGINS = ["builtin", "team", "imported"] as const;
const STATUSES = ["active", "draft", "retired"] as const;

export default async function KbListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePage("read", "/kb");
  const canEdit = actsAs(actor, "editor");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = kbListQuerySchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const list = await listKbEntries(getDb(), filter);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (page: number) => `/kb?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  const select = "rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Knowledge base</h1>
        {canEdit && (
          <Link href="/kb/new" className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm text-white">
            New entry
          </Link>
        )}
        <a href="/api/kb/export.yaml" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          Export YAML
        </a>
        {canEdit && <KbImportForm />}
      </div>
      <form method="get" className="flex flex-wrap gap-2">
        <input name="q" defaultValue={filter.q ?? ""} placeholder="Search id, title, frames, regexes…" className="w-full max-w-md rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm" />
        <select name="component" defaultValue={filter.component ?? ""} className={select} aria-label="component">
          <option value="">any component</option>
          {list.components.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <select name="origin" defaultValue={filter.origin ?? ""} className={select} aria-label="origin">
          <option value="">any origin</option>
          {ORIGINS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
        <select name="status" defaultValue={filter.status ?? ""} className={select} aria-label="status">
          <option value="">any status</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <button className="rounded-lg bg-slate-900 px-4 py-2 text-sm text-white">Filter</button>
      </form>
      <p className="text-sm text-slate-600">{list.total} entries</p>
      <table className="w-full text-left text-sm" data-testid="kb-list">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1">Entry</th>
            <th className="whitespace-nowrap pl-2">Component</th>
            <th className="hidden whitespace-nowrap pl-2 sm:table-cell">Origin</th>
            <th className="whitespace-nowrap pl-2">Status</th>
            <th className="hidden whitespace-nowrap pl-2 sm:table-cell">Rev</th>
            <th className="hidden whitespace-nowrap pl-2 md:table-cell">Updated</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((e) => (
            <tr key={e.id} className="border-t border-slate-200">
              <td className="py-1.5">
                <Link href={`/kb/${encodeURIComponent(e.id)}`} className="font-medium text-blue-700 hover:underline">
                  {e.title}
                </Link>
                <div className="font-mono text-xs text-slate-500">{e.id}</div>
              </td>
              {/* Short words never break: with ids allowed to wrap anywhere, the table would squeeze these instead. */}
              <td className="whitespace-nowrap pl-2">{e.component}</td>
              <td className="hidden whitespace-nowrap pl-2 sm:table-cell">{e.origin}</td>
              <td className="whitespace-nowrap pl-2">{e.status}</td>
              <td className="hidden whitespace-nowrap pl-2 sm:table-cell">r{e.revision}</td>
              <td className="hidden whitespace-nowrap pl-2 text-xs md:table-cell">{e.updatedAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="flex gap-3 text-sm">
          {list.page > 1 && <Link href={pageHref(list.page - 1)}>← previous</Link>}
          <span>
            page {list.page} of {pages}
          </span>
          {list.page < pages && <Link href={pageHref(list.page + 1)}>next →</Link>}
        </nav>
      )}
    </div>
  );
}
