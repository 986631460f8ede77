import { getAuth } from "@/lib/server/auth/auth";
import { signUp, signUpBodySchema } from "@/lib/server/auth/sign-up";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** {name, email, password, invite?} → 201 with the session cookie; the first account is admin. */
export async function POST(request: Request): Promise<Response> {
  try {
    const input = signUpBodySchema.parse(await request.json());
    const { user, cookies } = await signUp(getDb(), getAuth(), input, request.headers);
    const headers = new Headers();
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return Response.json({ user }, { status: 201, headers });
  } catch (err) {
    return toErrorResponse(err);
  }
}
