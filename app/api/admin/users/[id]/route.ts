import { requireApi } from "@/lib/server/auth/access";
import { idParamsSchema, setRoleBodySchema } from "@/lib/server/auth/api-schemas";
import { setUserRole } from "@/lib/server/auth/users";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** {role: viewer|editor|admin}; demoting the last admin is a 409. */
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApi(request, "admin");
    const { id } = idParamsSchema.parse(await ctx.params);
    const { role } = setRoleBodySchema.parse(await request.json());
    return Response.json(await setUserRole(getDb(), id, role));
  } catch (err) {
    return toErrorResponse(err);
  }
}
