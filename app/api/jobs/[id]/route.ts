import { z } from "zod";
import { requireApi } from "@/lib/server/auth/access";
import { toErrorResponse } from "@/lib/server/http";
import { getBackgroundJobFor } from "@/lib/server/jobs/background-job-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

/** A background job (re-matching, CVE import): {status: queued|running|done|failed, phase, done, total, result?, error?}. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireApi(request, "read");
    const { id } = paramsSchema.parse(await ctx.params);
    return Response.json(await getBackgroundJobFor(id, actor));
  } catch (err) {
    return toErrorResponse(err);
  }
}
