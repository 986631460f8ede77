import { notFound } from "next/navigation";
import { kbIdSchema } from "@/lib/kb/schema";
import { getDb } from "@/lib/server/db";
import { KbEditError } from "@/lib/server/kb/edit/errors";
import { getKbEntry, type KbEntryDetail } from "@/lib/server/kb/edit/kb-store";

/** The entry named by a `/kb/[id]` route segment, or the 404 page (bad id or no such entry). */
export async function loadKbEntryOr404(params: Promise<{ id: string }>): Promise<KbEntryDetail> {
  const id = kbIdSchema.safeParse(decodeURIComponent((await params).id));
  if (!id.success) notFound();
  try {
    return await getKbEntry(getDb(), id.data);
  } catch (err) {
    if (err instanceof KbEditError && err.code === "not-found") notFound();
    throw err;
  }
}
