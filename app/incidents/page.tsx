import Link from "next/link";
import { IncidentTable } from "@/components/incident/incident-table";
import { incidentSearchSchema } from "@/lib/schemas/incident";
import { requirePage } from "@/lib/server/auth/access";
import { listIncidents } from "@/lib/server/incidents/list-incidents";

export const dynamic = "force-dynamic";

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("read", "/incidents");
  const parsed = incidentSearchSchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data.q : "";
  const incidents = await listIncidents({ query: q, limit: 200 });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
        <Link href="/fleet" className="text-sm underline" data-testid="fleet-link">
          Live hosts
        </Link>
      </div>
      <form method="get" className="flex gap-2">
        <input
          name="q"
          defaultValue={q}
          data-testid="search"
          placeholder="Search title, host, kernel, KB id…"
          className="w-full max-w-lg rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <button className="rounded-lg bg-slate-900 px-4 py-2 text-sm text-white">Search</button>
      </form>
      <IncidentTable incidents={incidents} empty={q ? `No incident matches “${q}”.` : "No incidents yet."} />
    </div>
  );
}
