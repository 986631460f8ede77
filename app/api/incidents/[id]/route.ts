import { requireApi } from "@/lib/server/auth/access";
import { incidentParamsSchema, uploadWaitQuerySchema } from "@/lib/schemas/incident";
import { getIncidentOrUpload, uploadStatusBody } from "@/lib/server/jobs/get-incident-or-upload";
import { deleteIncidentAs } from "@/lib/server/lifecycle/delete-incident-as";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/**
 * The Incident JSON, exactly as the CLI prints it with --json. While its upload is queued or triaging: 202 with the
 * upload's status (`?wait=SECONDS` waits for it first); a failed upload answers with its reason (4xx).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    const { wait } = uploadWaitQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const found = await getIncidentOrUpload(id, { waitMs: (wait ?? 0) * 1000 });
    if ("pending" in found) return Response.json(uploadStatusBody(found.pending), { status: 202, headers: { "Retry-After": "2" } });
    return Response.json(found.incident);
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** Deletes the incident and its stored files (editors, or its uploader) → 200 {id, files, bytes}; audited. */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    return Response.json(await deleteIncidentAs(actor, id));
  } catch (err) {
    return toErrorResponse(err);
  }
}
