import { requireApi } from "@/lib/server/auth/access";
import { incidentSearchSchema } from "@/lib/schemas/incident";
import { createIncidentFromRequest } from "@/lib/server/incidents/create-incident";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
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

/** Recent incidents; `?q=` searches title, hosts, kernels and KB ids. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { q } = incidentSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json({ incidents: await listIncidents({ query: q }) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
