import { requireApi } from "@/lib/server/auth/access";
import { incidentListQuerySchema, uploadWaitQuerySchema } from "@/lib/schemas/incident";
import { createIncidentFromRequest } from "@/lib/server/incidents/create-incident";
import { listIncidentPage } from "@/lib/server/incidents/list-incidents";
import { defaultUploadWaitMs } from "@/lib/server/jobs/upload-status";
import { toErrorResponse } from "@/lib/server/http";
import { discardRestOfBody } from "@/lib/server/uploads/discard-request-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Multipart files or a raw body (`X-Filename`), streamed to the upload store and queued for triage. Triaged within
 * `?wait=SECONDS` (default 60, OOPSCOPE_UPLOAD_WAIT_S) → 201 {id, url, status: "done"}; refused → its 4xx; still
 * queued or triaging → 202 {id, url, status, statusUrl} with `Location: /api/incidents/<id>` (which answers 202 until
 * done, then the incident; `?wait=` there too).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "triage");
    const { wait } = uploadWaitQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const waitMs = wait === undefined ? defaultUploadWaitMs() : wait * 1000;
    const created = await createIncidentFromRequest(request, { uploaderId: actor.kind === "user" ? actor.userId : null, waitMs });
    if (created.status === "done") return Response.json(created, { status: 201, headers: { Location: created.url } });
    const api = `/api/incidents/${created.id}`;
    return Response.json({ ...created, statusUrl: `${api}/status` }, { status: 202, headers: { Location: api, "Retry-After": "2" } });
  } catch (err) {
    void discardRestOfBody(request);
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
