import { requireApi } from "@/lib/server/auth/access";
import { incidentParamsSchema } from "@/lib/schemas/incident";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { deleteIncidentAs } from "@/lib/server/lifecycle/delete-incident-as";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** The Incident JSON, exactly as the CLI prints it with --json. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    const { incident } = await getIncident(id);
    return Response.json(incident);
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
