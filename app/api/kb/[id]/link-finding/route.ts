import { z } from "zod";
import { requireApi } from "@/lib/server/auth/access";
import { authorName } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { getJobQueue } from "@/lib/server/jobs/get-job-queue";
import { kbIdParamsSchema } from "@/lib/server/kb/edit/api-schemas";
import { linkStoredFinding } from "@/lib/server/kb/edit/link-stored-finding";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";
import { incidentIdSchema } from "@/lib/schemas/incident";

export const runtime = "nodejs";

const bodySchema = z.object({ incidentId: incidentIdSchema, findingId: z.string().min(1).max(200) });

/** {incidentId, findingId}: the entry gains the finding's title/guilty-frame rules (a new revision), then re-match. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireApi(request, "kb:write");
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    const { incidentId, findingId } = bodySchema.parse(await request.json());
    return Response.json(await linkStoredFinding(getDb(), { entryId: id, incidentId, findingId, author: authorName(actor) }, { queue: await getJobQueue() }));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
