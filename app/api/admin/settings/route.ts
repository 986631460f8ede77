import { requireApi } from "@/lib/server/auth/access";
import { settingsPatchSchema } from "@/lib/server/auth/api-schemas";
import { getAccessSettings, setAccessSettings } from "@/lib/server/auth/settings";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** {signupMode: open|invite|closed, signInRequired}. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json(await getAccessSettings(getDb()));
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function PUT(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json(await setAccessSettings(getDb(), settingsPatchSchema.parse(await request.json())));
  } catch (err) {
    return toErrorResponse(err);
  }
}
