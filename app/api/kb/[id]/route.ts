import { authorName } from "@/lib/server/auth/actor";
import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { getJobQueue } from "@/lib/server/jobs/get-job-queue";
import { kbIdParamsSchema, kbUpdateBodySchema, resolveDocument } from "@/lib/server/kb/edit/api-schemas";
import { getKbEntry, saveKbEntry } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The entry with its current revision and history. */
export async function GET(request: Request, ctx: Ctx): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    return Response.json(await getKbEntry(getDb(), id));
  } catch (err) {
    return kbErrorResponse(err);
  }
}

/**
 * Edit: {document | yaml, baseRevision, message} → the saved entry and `rematch`, the re-matching job it queued
 * ({status, statusUrl}); a stale baseRevision is a 409 with currentRevision.
 */
export async function PUT(request: Request, ctx: Ctx): Promise<Response> {
  try {
    const actor = await requireApi(request, "kb:write");
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    const body = kbUpdateBodySchema.parse(await request.json());
    const input = { id, document: resolveDocument(body), baseRevision: body.baseRevision, message: body.message, author: authorName(actor) };
    return Response.json(await saveKbEntry(getDb(), input, { queue: await getJobQueue() }));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
