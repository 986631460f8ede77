import type { Metadata } from "next";
import { loadKbEntryOr404 } from "../load-entry";
import { KbEditor } from "@/components/kb/kb-editor";
import { requirePage } from "@/lib/server/auth/access";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  // KB ids are kebab-case: nothing in them is percent-encoded.
  const { id } = await params;
  return { title: `Edit ${id}` };
}

export default async function KbEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("kb:write", `/kb/${encodeURIComponent(id)}/edit`);
  const detail = await loadKbEntryOr404(params);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        Edit {detail.entry.id} <span className="text-sm font-normal text-slate-500">(from r{detail.revision})</span>
      </h1>
      <KbEditor initial={detail.entry} baseRevision={detail.revision} />
    </div>
  );
}
