import { requireApi } from "@/lib/server/auth/access";
import { incidentFileParamsSchema, lineRangeQuerySchema } from "@/lib/schemas/incident";
import { getIncidentFile } from "@/lib/server/incidents/get-incident-file";
import { readFileLines } from "@/lib/server/incidents/read-file-lines";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** Lines `from..to` (1-based, inclusive, capped per request) of a stored log, with the file's line count. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id, n } = incidentFileParamsSchema.parse(await ctx.params);
    const { from, to } = lineRangeQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await getIncidentFile(id, n);
    return Response.json(await readFileLines(file, from, to));
  } catch (err) {
    return toErrorResponse(err);
  }
}
