import { notFound } from "next/navigation";
import { KbEditor } from "@/components/kb/kb-editor";
import { kbIdSchema } from "@/lib/kb/schema";
import { getDb } from "@/lib/server/db";
import { KbEditError } from "@/lib/server/kb/edit/errors";
import { getKbEntry, type KbEntryDetail } from "@/lib/server/kb/edit/kb-store";

export const dynamic = "force-dynamic";

export default async function KbEditPage({ params }: { params: Promise<{ id: string }> }) {
  const id = kbIdSchema.safeParse(decodeURIComponent((await params).id));
  if (!id.success) notFound();
  let detail: KbEntryDetail;
  try {
    detail = await getKbEntry(getDb(), id.data);
  } catch (err) {
    if (err instanceof KbEditError && err.code === "not-found") notFound();
    throw err;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        Edit {detail.entry.id} <span className="text-sm font-normal text-slate-500">(from r{detail.revision})</span>
      </h1>
      <KbEditor initial={detail.entry} baseRevision={detail.revision} />
    </div>
  );
}
