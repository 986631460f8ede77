import Link from "next/link";
import { notFound } from "next/navigation";
import { KbEntryView } from "@/components/kb/entry-view";
import { RevisionHistory } from "@/components/kb/revision-history";
import { kbIdSchema } from "@/lib/kb/schema";
import { getDb } from "@/lib/server/db";
import { KbEditError } from "@/lib/server/kb/edit/errors";
import { getKbEntry, type KbEntryDetail } from "@/lib/server/kb/edit/kb-store";

export const dynamic = "force-dynamic";

export default async function KbEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = kbIdSchema.safeParse(decodeURIComponent((await params).id));
  if (!id.success) notFound();
  let detail: KbEntryDetail;
  try {
    detail = await getKbEntry(getDb(), id.data);
  } catch (err) {
    if (err instanceof KbEditError && err.code === "not-found") notFound();
    throw err;
  }
  const { entry } = detail;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="kb-title">
          {entry.title}
        </h1>
        <span className="font-mono text-xs text-slate-500">{entry.id}</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
          {entry.component} · {entry.origin} · {entry.status} · r{detail.revision}
        </span>
        <Link href={`/kb/${encodeURIComponent(entry.id)}/edit`} className="ml-auto rounded-lg bg-slate-900 px-3 py-1.5 text-sm text-white">
          Edit
        </Link>
      </div>
      <KbEntryView entry={entry} unreachable={detail.unreachable} />
      <RevisionHistory
        entryId={entry.id}
        current={detail.revision}
        revisions={detail.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
      />
    </div>
  );
}
