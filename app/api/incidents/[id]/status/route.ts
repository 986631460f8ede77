import { requireApi } from "@/lib/server/auth/access";
import { incidentParamsSchema, uploadWaitQuerySchema } from "@/lib/schemas/incident";
import { getUploadStatus } from "@/lib/server/jobs/get-upload-status";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Where an upload stands: {id, status: queued|triaging|done|failed, attempts, error?, message?}; `?wait=SECONDS` long-polls. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = incidentParamsSchema.parse(await ctx.params);
    const { wait } = uploadWaitQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await getUploadStatus(id, { waitMs: (wait ?? 0) * 1000 }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
