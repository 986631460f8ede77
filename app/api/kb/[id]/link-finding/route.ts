import { z } from "zod";
import { requireApi } from "@/lib/server/auth/access";
import { authorName } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { kbIdParamsSchema } from "@/lib/server/kb/edit/api-schemas";
import { linkFindingToEntry } from "@/lib/server/kb/edit/link-finding";
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
    const finding = (await getIncident(incidentId)).incident.findings.find((f) => f.id === findingId);
    if (!finding) throw new AppError("not-found", `No finding ${findingId} in incident ${incidentId}.`);
    return Response.json(await linkFindingToEntry(getDb(), { entryId: id, finding, incidentId, author: authorName(actor) }));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
