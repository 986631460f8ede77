import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DeleteIncidentButton } from "@/components/incident/delete-incident-button";
import { EngineWarnings } from "@/components/incident/engine-warnings";
import { FindingCard } from "@/components/incident/finding-card";
import { FindingRows } from "@/components/incident/finding-rows";
import { findingRowViews, pickFullFindings } from "@/components/incident/first-screen";
import { IncidentWorkbench } from "@/components/incident/incident-workbench";
import { SourceList } from "@/components/incident/source-list";
import { describeStoredSize } from "@/components/incident/stored-file-size";
import { UploadStatusPanel, type UploadStatusView } from "@/components/incident/upload-status-panel";
import { RecommendationPanel } from "@/components/incident/recommendation-panel";
import { VmcorePanel } from "@/components/incident/vmcore-panel";
import { CopyButton } from "@/components/ui/copy-button";
import { formatTime } from "@/components/ui/format";
import { INLINE_WORKBENCH_MAX_CHARS, timelineLanes, workbenchData, type WorkbenchData } from "@/lib/engine/summary/workbench-data";
import { incidentIdSchema } from "@/lib/schemas/incident";
import { findSeenBefore } from "@/lib/server/incidents/find-seen-before";
import { getIncident, type StoredIncident } from "@/lib/server/incidents/get-incident";
import { getDb } from "@/lib/server/db";
import { pageSpans } from "@/lib/server/debug-timing";
import { findUploadStatus } from "@/lib/server/jobs/upload-status";
import { findPendingUpload } from "@/lib/server/jobs/list-pending-uploads";
import { AppError } from "@/lib/server/http";
import { currentActor, requirePage } from "@/lib/server/auth/access";
import { listMutedSignatures } from "@/lib/server/signatures/signature-mute";
import { actsAs, mayDeleteIncident } from "@/lib/server/auth/roles";

export const dynamic = "force-dynamic";

/** OOPSCOPE_DEBUG_TIMING=1: where this request's data time goes (one per request, shared like `load`). */
const requestSpans = cache((id: string) => pageSpans(`page ${id}`));

// One query per request: generateMetadata and the page share it. No incident yet: its upload's state, if any.
const load = cache(async (id: string): Promise<StoredIncident | UploadStatusView> => {
  if (!incidentIdSchema.safeParse(id).success) notFound();
  const spans = requestSpans(id);
  await requirePage("read", `/incidents/${id}`);
  spans?.mark("auth");
  try {
    const stored = await getIncident(id, { kept: true });
    spans?.mark("incident");
    return stored;
  } catch (err) {
    if (!(err instanceof AppError && err.code === "not-found")) throw err;
  }
  const upload = await findUploadStatus(getDb(), id);
  // "done" without an incident row: deleted since.
  if (!upload || upload.state === "done") notFound();
  const { fileNames = [], uploaderId = null } = (await findPendingUpload(getDb(), id)) ?? {};
  return {
    id,
    status: upload.state,
    attempts: upload.attempts,
    queuedAt: upload.queuedAt?.toISOString() ?? null,
    fileNames,
    uploaderId,
    ...(upload.failure ? { message: upload.failure.message } : {}),
  };
});

/** The workbench's data when small enough to go with the page; a big incident's is fetched by the browser. */
function smallWorkbenchData(incident: StoredIncident["incident"]): WorkbenchData | undefined {
  // A cheap bound first: a busy node's hundreds of events never go inline, and are not serialised to find out.
  if (incident.events.length + incident.findings.length > 200) return undefined;
  const data = workbenchData(incident);
  return JSON.stringify(data).length <= INLINE_WORKBENCH_MAX_CHARS ? data : undefined;
}

const isUpload = (loaded: StoredIncident | UploadStatusView): loaded is UploadStatusView => "status" in loaded;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const loaded = await load(id);
  return { title: isUpload(loaded) ? `Upload ${loaded.status}` : loaded.title };
}

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ show?: string | string[] }> };

export default async function IncidentPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const loaded = await load(id);
  const spans = requestSpans(id);
  const actor = await currentActor();
  spans?.mark("actor");
  if (isUpload(loaded)) return <UploadStatusPanel upload={loaded} canDelete={mayDeleteIncident(actor, loaded.uploaderId)} />;
  const stored = loaded;
  const { incident } = stored;
  const canEditKb = actsAs(actor, "editor");
  // A big incident shows its most pressing findings and hosts in full, the rest one line each (first-screen.ts).
  const allHref = (await searchParams).show === "all" ? undefined : `/incidents/${id}?show=all`;
  const advised = new Set([incident.recommendation, ...(incident.headlines ?? [])].flatMap((r) => (r?.findingId ? [r.findingId] : [])));
  const cards = allHref ? pickFullFindings(incident.findings, advised) : { full: incident.findings, rows: [] };
  const seen = await findSeenBefore({ incidentId: id, createdAt: stored.createdAt, repeatOfId: stored.repeatOfId, findings: cards.full });
  spans?.mark("seen-before");
  const fileIndexOf = (name: string) => Math.max(0, incident.inputs.findIndex((i) => i.name === name));
  const muted = new Set(await listMutedSignatures());
  spans?.mark("mutes");
  spans?.log();
  // The viewer opens where the trouble starts: the first crash line (file order), else the first finding.
  const bySourceOrder = (a: { file: string; line: number }, b: { file: string; line: number }) => fileIndexOf(a.file) - fileIndexOf(b.file) || a.line - b.line;
  const firstCrash = incident.events.filter((e) => e.kind === "crash").map((e) => e.source).sort(bySourceOrder)[0] ?? incident.findings.map((f) => f.source).sort(bySourceOrder)[0];
  const api = `/api/incidents/${id}`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-log text-xl font-semibold" data-testid="incident-title">
          {stored.title}
        </h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <span>Uploaded {formatTime(stored.createdAt)}</span>
          {incident.hosts.length > 0 && <span>Hosts: {incident.hosts.map((h) => h.name).join(", ")}</span>}
          <span>
            {incident.stats.lines.toLocaleString("en")} lines, triaged in {incident.stats.elapsedMs} ms
          </span>
          <CopyButton fetchUrl={`${api}/export.md`} label="Copy as Markdown" testId="copy-markdown" />
          <a className="text-blue-700 hover:underline" href={api} data-testid="json-link">
            JSON
          </a>
          <a className="text-blue-700 hover:underline" href={`${api}/export.md`}>
            Markdown
          </a>
          {mayDeleteIncident(actor, stored.uploaderId) && <DeleteIncidentButton incidentId={id} title={stored.title} />}
        </div>
        {stored.rawDroppedAt && (
          <p className="text-sm text-slate-600" data-testid="raw-logs-dropped">
            The raw logs were removed by the retention policy on {formatTime(stored.rawDroppedAt)}; the findings are kept because the knowledge base
            names this incident.
          </p>
        )}
        <ul className="flex flex-wrap gap-3 text-xs" data-testid="raw-files">
          {stored.files.map((f) => (
            <li key={f.index}>
              <a className="font-log text-blue-700 hover:underline" href={`${api}/files/${f.index}`}>
                {f.name}
              </a>{" "}
              <span className="text-slate-500" data-testid="raw-file-size">({describeStoredSize(f, incident.inputs[f.index])})</span>
              {incident.inputs[f.index]?.error && <span className="text-red-700"> {incident.inputs[f.index]?.error}</span>}
            </li>
          ))}
        </ul>
        <SourceList sources={incident.sources} />
      </header>

      {stored.repeatOfId && (
        <p className="rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="repeat-of">
          These exact bytes were uploaded before: its lines are not counted again as sightings.{" "}
          <Link href={`/incidents/${stored.repeatOfId}`} className="font-medium underline">
            Open the earlier incident
          </Link>
        </p>
      )}

      <EngineWarnings warnings={incident.warnings} fileIndexOf={fileIndexOf} />

      <RecommendationPanel recommendation={incident.recommendation} headlines={incident.headlines} allHref={allHref} />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Findings ({incident.findings.length})</h2>
        {incident.findings.length === 0 && <p className="text-sm text-slate-500">The engine found no kernel crash or known problem event in these logs.</p>}
        {cards.full.map((f) => (
          <FindingCard key={f.id} finding={f} fileIndex={fileIndexOf(f.source.file)} seenBefore={seen[f.signature]} incidentId={canEditKb ? id : undefined} muted={muted.has(f.signature)} />
        ))}
        {allHref && <FindingRows rows={findingRowViews(cards.rows, fileIndexOf)} allHref={allHref} />}
      </section>

      <VmcorePanel dumps={incident.inputs.flatMap((input) => (input.vmcore ? [{ name: input.name, ...input.vmcore }] : []))} />

      {!stored.rawDroppedAt && (
        <IncidentWorkbench
          incidentId={id}
          files={incident.inputs.map((input, index) => ({ index, name: input.name, decodedBytes: input.decodedBytes, lines: input.lines }))}
          lanes={timelineLanes(incident.events, incident.boots)}
          version={stored.version}
          inlineData={smallWorkbenchData(incident)}
          initialTarget={firstCrash ? { fileIndex: fileIndexOf(firstCrash.file), line: firstCrash.line } : undefined}
        />
      )}
    </div>
  );
}
