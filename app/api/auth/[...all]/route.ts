import { getAuth } from "@/lib/server/auth/auth";
import { handleAuthRequest } from "@/lib/server/auth/handle-auth-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** better-auth's endpoints: /api/auth/sign-in/email, /api/auth/sign-out, /api/auth/get-session, … (sign-up is ours). */
export function GET(request: Request): Promise<Response> {
  return getAuth().handler(request);
}

export function POST(request: Request): Promise<Response> {
  return handleAuthRequest(getAuth(), request);
}
