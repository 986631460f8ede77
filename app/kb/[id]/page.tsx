import type { Metadata } from "next";
import { loadKbEntryOr404 } from "./load-entry";
import Link from "next/link";
import { KbEntryView } from "@/components/kb/entry-view";
import { RematchStatus } from "@/components/kb/rematch-status";
import { RevisionHistory } from "@/components/kb/revision-history";
import { requirePage } from "@/lib/server/auth/access";
import { actsAs } from "@/lib/server/auth/roles";
import { latestRematch } from "@/lib/server/jobs/background-job-api";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  // KB ids are kebab-case: nothing in them is percent-encoded.
  const { id } = await params;
  return { title: `${id}` };
}

export default async function KbEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage("read", `/kb/${encodeURIComponent(id)}`);
  const canEdit = actsAs(actor, "editor");
  const [detail, rematch] = await Promise.all([loadKbEntryOr404(params), latestRematch()]);
  const { entry } = detail;
  // The latest re-matching covers this revision when it was queued after it, or started after it (a queued job
  // that a later save joined reads the KB only when it starts).
  const covers =
    rematch && (rematch.status === "queued" || rematch.queuedAt >= detail.updatedAt || (rematch.startedAt !== null && rematch.startedAt >= detail.updatedAt));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="kb-title">
          {entry.title}
        </h1>
        <span className="font-mono text-xs text-slate-500">{entry.id}</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs" data-testid="kb-meta">
          {entry.component} · {entry.origin} · {entry.status} · r{detail.revision}
        </span>
        {canEdit && (
          <Link href={`/kb/${encodeURIComponent(entry.id)}/edit`} className="ml-auto rounded-lg bg-slate-900 px-3 py-1.5 text-sm text-white">
            Edit
          </Link>
        )}
      </div>
      {covers && (
        <RematchStatus
          initial={{ id: rematch.id, status: rematch.status, done: rematch.done, total: rematch.total, result: rematch.result, error: rematch.error }}
        />
      )}
      <KbEntryView entry={entry} unreachable={detail.unreachable} />
      <RevisionHistory
        entryId={entry.id}
        current={detail.revision}
        canRevert={canEdit}
        revisions={detail.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
      />
    </div>
  );
}
