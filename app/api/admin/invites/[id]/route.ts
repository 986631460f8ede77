import { requireApi } from "@/lib/server/auth/access";
import { idParamsSchema } from "@/lib/server/auth/api-schemas";
import { revokeInvite } from "@/lib/server/auth/invites";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "admin");
    const { id } = idParamsSchema.parse(await ctx.params);
    await revokeInvite(getDb(), id);
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
