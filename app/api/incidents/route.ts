import { requireApi } from "@/lib/server/auth/access";
import { incidentListQuerySchema } from "@/lib/schemas/incident";
import { createIncidentFromRequest } from "@/lib/server/incidents/create-incident";
import { listIncidentPage } from "@/lib/server/incidents/list-incidents";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Multipart files or a raw body (`X-Filename`), streamed to disk, triaged, stored → 201 {id, url}. */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "triage");
    const created = await createIncidentFromRequest(request, actor.kind === "user" ? actor.userId : null);
    return Response.json(created, { status: 201, headers: { Location: created.url } });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** Incidents, newest first; the list page's filters (`q`, `host`, `kernel`, `kb`, `verdict`, `kind`, `from`, `to`, `sort`, `page`, `size`). */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "read");
    const query = incidentListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { items, ...page } = await listIncidentPage({ ...query, limit: query.size });
    return Response.json({ incidents: items, ...page });
  } catch (err) {
    return toErrorResponse(err);
  }
}
