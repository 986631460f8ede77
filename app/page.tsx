import type { Metadata } from "next";
import Link from "next/link";
import { IncidentTable } from "@/components/incident/incident-table";
import { UploadPanel } from "@/components/upload/upload-panel";
import { requirePage } from "@/lib/server/auth/access";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
import { findMutedFindingCounts } from "@/lib/server/signatures/signature-mute";
import { maxUploadBytes, maxVmcoreUploadBytes } from "@/lib/server/uploads/receive-upload";

export const dynamic = "force-dynamic";
// The root segment's own page: the layout's title template applies to child segments only.
export const metadata: Metadata = { title: { absolute: "Triage · oopscope" } };

export default async function HomePage() {
  await requirePage("triage", "/");
  const recent = await listIncidents({ limit: 10 });
  const muted = await findMutedFindingCounts(recent.map((i) => i.id));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Triage a kernel crash</h1>
        <p className="mt-1 text-sm text-slate-600">Logs in — known bug, verdict for your kernel and the fix out. Nothing leaves this server.</p>
      </div>
      <UploadPanel maxUploadBytes={maxUploadBytes()} maxVmcoreUploadBytes={maxVmcoreUploadBytes()} />
      <section className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">Recent incidents</h2>
          <Link href="/incidents" className="text-sm text-blue-700 hover:underline">
            All incidents →
          </Link>
        </div>
        <IncidentTable incidents={recent} muted={muted} empty="No incidents yet: drop a log above." />
      </section>
    </div>
  );
}
