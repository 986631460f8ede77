import { authorName } from "@/lib/server/auth/actor";
import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { getJobQueue } from "@/lib/server/jobs/get-job-queue";
import { kbIdParamsSchema, kbRevertBodySchema } from "@/lib/server/kb/edit/api-schemas";
import { revertKbEntry } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";

/** {toRevision}: saves that revision's document as a new revision. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireApi(request, "kb:write");
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    const { toRevision } = kbRevertBodySchema.parse(await request.json());
    return Response.json(await revertKbEntry(getDb(), id, toRevision, authorName(actor), { queue: await getJobQueue() }));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
