import { requireApi } from "@/lib/server/auth/access";
import { listUsers } from "@/lib/server/auth/users";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json({ users: await listUsers(getDb()) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
