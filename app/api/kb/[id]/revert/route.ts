import { getDb } from "@/lib/server/db";
import { kbIdParamsSchema, kbRevertBodySchema } from "@/lib/server/kb/edit/api-schemas";
import { revertKbEntry } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";

/** {toRevision, author}: saves that revision's document as a new revision. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = kbIdParamsSchema.parse(await ctx.params);
    const { toRevision, author } = kbRevertBodySchema.parse(await request.json());
    return Response.json(await revertKbEntry(getDb(), id, toRevision, author));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
