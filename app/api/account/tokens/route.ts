import { requireSignedIn } from "@/lib/server/auth/access";
import { createApiToken, listApiTokens } from "@/lib/server/auth/api-tokens";
import { createTokenBodySchema } from "@/lib/server/auth/api-schemas";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Your API tokens (never their secrets). */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireSignedIn(request);
    return Response.json({ tokens: await listApiTokens(getDb(), actor.userId) });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** {name, scope: read|write} → 201 {token, info}; the token is shown this once. */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireSignedIn(request);
    const input = createTokenBodySchema.parse(await request.json());
    return Response.json(await createApiToken(getDb(), actor.userId, input), { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
