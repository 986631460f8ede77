import type { Metadata } from "next";
import Link from "next/link";
import { IncidentTable } from "@/components/incident/incident-table";
import { PendingUploadTable } from "@/components/incident/pending-upload-table";
import { INCIDENT_SORTS, incidentListQuerySchema, VERDICTS } from "@/lib/schemas/incident";
import { requirePage } from "@/lib/server/auth/access";
import { listIncidentFilterValues, listIncidentPage } from "@/lib/server/incidents/list-incidents";
import { findMutedFindingCounts } from "@/lib/server/signatures/signature-mute";
import { incidentsDeletableBy } from "@/lib/server/lifecycle/delete-incident-as";
import { getDb } from "@/lib/server/db";
import { listPendingUploads } from "@/lib/server/jobs/list-pending-uploads";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incidents" };

const FIELD = "min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";
const SORT_LABEL: Record<(typeof INCIDENT_SORTS)[number], string> = {
  newest: "newest upload",
  oldest: "oldest upload",
  largest: "largest",
  "most-findings": "most findings",
  title: "title",
};

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePage("read", "/incidents");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = incidentListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : incidentListQuerySchema.parse({});
  // Uploads not triaged yet head the first page when the filters can include them (search words: their file names).
  const [list, values, pending] = await Promise.all([
    listIncidentPage({ ...query, limit: query.size }),
    listIncidentFilterValues(),
    query.page === 1 ? listPendingUploads(getDb(), { filters: query }) : { items: [], total: 0 },
  ]);
  const ids = [...pending.items, ...list.items].map((i) => i.id);
  const [deletable, muted] = await Promise.all([incidentsDeletableBy(actor, ids), findMutedFindingCounts(list.items.map((i) => i.id))]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (page: number) => `/incidents?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "focus")), page: String(page) })}`;
  const filtered = Object.keys(raw).some((k) => !["sort", "page", "size", "focus"].includes(k));
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
        <Link href="/fleet" className="text-sm underline" data-testid="fleet-link">
          Live hosts
        </Link>
      </div>
      <form method="get" className="space-y-2" data-testid="incident-filters">
        <div className="flex gap-2">
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            data-testid="search"
            data-shortcut="search"
            autoFocus={raw.focus === "search"}
            aria-label="Search"
            placeholder="Search title, host, kernel, KB id… ( / )"
            className={`${FIELD} w-full max-w-lg px-3 py-2`}
          />
          <button className="rounded-lg bg-slate-900 px-4 py-2 text-sm text-white">Search</button>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-9">
          <FilterInput name="host" label="Host" value={query.host} options={values.hosts} />
          <FilterInput name="kernel" label="Kernel" value={query.kernel} options={values.kernels} />
          <FilterInput name="kb" label="KB entry" value={query.kb} options={values.kbIds} />
          <label className="flex flex-col text-xs text-slate-600">
            Verdict
            <select name="verdict" defaultValue={query.verdict ?? ""} className={FIELD} data-testid="filter-verdict">
              <option value="">any</option>
              {VERDICTS.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Class
            <select name="kind" defaultValue={query.kind} className={FIELD} data-testid="filter-kind">
              <option value="">any</option>
              {values.kinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Crash from
            <input type="date" name="from" defaultValue={query.from} className={FIELD} data-testid="filter-from" />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Crash to
            <input type="date" name="to" defaultValue={query.to} className={FIELD} data-testid="filter-to" />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Muted
            <select name="muted" defaultValue={query.muted ?? ""} className={FIELD} data-testid="filter-muted">
              <option value="">show</option>
              <option value="hide">hide</option>
              <option value="only">only muted</option>
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Sort by
            <select name="sort" defaultValue={query.sort} className={FIELD} data-testid="sort">
              {INCIDENT_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {query.size !== 50 && <input type="hidden" name="size" value={query.size} />}
        <div className="flex items-center gap-3 text-sm">
          <button className="rounded-lg border border-slate-300 bg-white px-3 py-1.5" data-testid="apply-filters">
            Apply
          </button>
          {filtered && (
            <Link href="/incidents" className="text-blue-700 hover:underline">
              Clear filters
            </Link>
          )}
          {!parsed.success && <span className="text-red-700">Some filters were not understood and are ignored.</span>}
        </div>
      </form>
      <PendingUploadTable uploads={pending.items} total={pending.total} deletable={deletable} now={new Date()} />
      <p className="text-sm text-slate-600" data-testid="incident-count">
        {list.total} incident{list.total === 1 ? "" : "s"}
        {pages > 1 && ` · page ${list.page} of ${pages}`}
      </p>
      <IncidentTable incidents={list.items} deletable={deletable} muted={muted} empty={filtered ? "No incident matches these filters." : "No incidents yet."} />
      {pages > 1 && (
        <nav className="flex gap-4 text-sm" aria-label="Pages" data-testid="pagination">
          {list.page > 1 && (
            <Link href={pageHref(list.page - 1)} className="text-blue-700 hover:underline" rel="prev">
              ← previous
            </Link>
          )}
          {list.page < pages && (
            <Link href={pageHref(list.page + 1)} className="text-blue-700 hover:underline" rel="next">
              next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function FilterInput({ name, label, value, options }: { name: string; label: string; value: string; options: string[] }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <input name={name} defaultValue={value} list={`${name}-values`} className={`${FIELD} font-log`} data-testid={`filter-${name}`} autoComplete="off" />
      <datalist id={`${name}-values`}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </label>
  );
}
