import { authorName } from "@/lib/server/auth/actor";
import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { getJobQueue } from "@/lib/server/jobs/get-job-queue";
import { kbCreateBodySchema, kbListQuerySchema, resolveDocument } from "@/lib/server/kb/edit/api-schemas";
import { listKbEntries, saveKbEntry } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** KB entries; `?q=` searches id, title and rules; `component`, `origin`, `status` filter; `page` pages by 100. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "read");
    const filter = kbListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listKbEntries(getDb(), filter));
  } catch (err) {
    return kbErrorResponse(err);
  }
}

/** New entry: {document | yaml, message} → 201 with `rematch`, the queued re-matching job; an existing id is a 409. */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "kb:write");
    const body = kbCreateBodySchema.parse(await request.json());
    const saved = await saveKbEntry(getDb(), { document: resolveDocument(body), message: body.message, author: authorName(actor) }, { queue: await getJobQueue() });
    return Response.json(saved, { status: 201, headers: { Location: `/kb/${saved.entry.id}` } });
  } catch (err) {
    return kbErrorResponse(err);
  }
}
