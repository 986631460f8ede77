import type { Metadata } from "next";
import { KbEditor } from "@/components/kb/kb-editor";
import type { KbEntryInput } from "@/lib/kb/schema";
import { requirePage } from "@/lib/server/auth/access";
import { draftFromIncident } from "@/lib/server/kb/edit/draft-from-incident";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New KB entry" };

const EMPTY: KbEntryInput = {
  id: "",
  title: "",
  summary: "",
  rootCause: "",
  component: "kernel",
  origin: "team",
  status: "draft",
  signatures: [{ kind: "title", value: "", weight: 0.7 }],
};

/** `?fromIncident=<id>&finding=<fid>`: the draft is pre-filled from that finding (the incident page links here). */
async function initialDraft(search: Record<string, string | string[] | undefined>): Promise<{ draft: KbEntryInput; note?: string }> {
  const incidentId = typeof search.fromIncident === "string" ? search.fromIncident : undefined;
  const findingId = typeof search.finding === "string" ? search.finding : undefined;
  if (!incidentId || !findingId) return { draft: EMPTY };
  const { draft, note } = await draftFromIncident({ incidentId, findingId });
  return { draft: draft ?? EMPTY, note };
}

export default async function KbNewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  await requirePage("kb:write", `/kb/new?${new URLSearchParams(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === "string"))}`);
  const { draft, note } = await initialDraft(search);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New KB entry</h1>
      {note && <p className="text-sm text-slate-600">{note}</p>}
      <KbEditor initial={draft} />
    </div>
  );
}
