import type { Metadata } from "next";
import { loadKbEntryOr404 } from "./load-entry";
import Link from "next/link";
import { KbEntryView } from "@/components/kb/entry-view";
import { RevisionHistory } from "@/components/kb/revision-history";
import { requirePage } from "@/lib/server/auth/access";
import { actsAs } from "@/lib/server/auth/roles";

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
  const detail = await loadKbEntryOr404(params);
  const { entry } = detail;
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
