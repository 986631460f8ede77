import { requireApi } from "@/lib/server/auth/access";
import { WORKBENCH_FORMAT } from "@/lib/engine/summary/workbench-data";
import { incidentParamsSchema } from "@/lib/schemas/incident";
import { getIncidentWorkbenchJson } from "@/lib/server/incidents/get-incident-workbench";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * What the incident page's timeline and log viewer draw (lib/engine/summary/workbench-data.ts), fetched by the page
 * with `?v=` the version it was rendered with: when that is still the incident's, the browser may keep the answer
 * (a second look at the incident costs the server nothing); otherwise the answer is the current data, not kept.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    const asked = new URL(request.url).searchParams.get("v");
    const { json, version } = await getIncidentWorkbenchJson(id);
    const keep = version !== null && asked === `${WORKBENCH_FORMAT}-${version}`;
    return new Response(json, { headers: { "Content-Type": "application/json", "Cache-Control": keep ? "private, max-age=86400, immutable" : "private, no-cache" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
