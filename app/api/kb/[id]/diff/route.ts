import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { kbDiffQuerySchema, kbIdParamsSchema } from "@/lib/server/kb/edit/api-schemas";
import { diffRevisions } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Line diff of the YAML form between revisions `a` and `b` (`lines` and a unified `patch`). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    const { a, b } = kbDiffQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await diffRevisions(getDb(), id, a, b));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
