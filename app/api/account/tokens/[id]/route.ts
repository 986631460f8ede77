import { requireSignedIn } from "@/lib/server/auth/access";
import { revokeApiToken } from "@/lib/server/auth/api-tokens";
import { idParamsSchema } from "@/lib/server/auth/api-schemas";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** Revokes the token (it stays listed, marked revoked). */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireSignedIn(request);
    const { id } = idParamsSchema.parse(await ctx.params);
    await revokeApiToken(getDb(), actor, id);
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
