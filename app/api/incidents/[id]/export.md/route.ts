import { requireApi } from "@/lib/server/auth/access";
import { incidentParamsSchema } from "@/lib/schemas/incident";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { renderIncidentMarkdown } from "@/lib/server/incidents/render-incident-markdown";
import { publicOrigin, toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** Markdown for a ticket (verdict, fix, findings, inputs). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    const stored = await getIncident(id);
    const url = `${publicOrigin(request)}/incidents/${id}`;
    const md = renderIncidentMarkdown({ incident: stored.incident, url, title: stored.title });
    return new Response(md, { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
