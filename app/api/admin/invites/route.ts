import { requireApi } from "@/lib/server/auth/access";
import { createInviteBodySchema } from "@/lib/server/auth/api-schemas";
import { createInvite, listInvites } from "@/lib/server/auth/invites";
import { getDb } from "@/lib/server/db";
import { publicOrigin, toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json({ invites: await listInvites(getDb()) });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** {role, email?} → 201 {token, url, info}: send the URL to the colleague; it works once, for 7 days. */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "admin");
    const { role, email } = createInviteBodySchema.parse(await request.json());
    const { token, info } = await createInvite(getDb(), actor.kind === "user" ? actor.userId : "", { role, email: email || undefined });
    const url = `${publicOrigin(request)}/sign-up?invite=${encodeURIComponent(token)}`;
    return Response.json({ token, url, info }, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
