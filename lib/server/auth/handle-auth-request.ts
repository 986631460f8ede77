/** better-auth's HTTP endpoints, with the per-account sign-in budget (sign-in-throttle.ts) in front of sign-in. */
import type { Auth } from "./auth";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./sign-in-throttle";

export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return auth.handler(request);
  const body = (await request.clone().json().catch(() => ({}))) as { email?: unknown };
  const email = typeof body.email === "string" ? body.email.trim() : "";
  const wait = email ? signInRetryAfter(email) : 0;
  if (wait > 0) {
    return Response.json(
      { code: "TOO_MANY_ATTEMPTS", message: "Too many failed sign-ins for this account; try again later." },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const response = await auth.handler(request);
  if (email && response.status === 401) recordSignInFailure(email);
  else if (email && response.ok) clearSignInFailures(email);
  return response;
}
