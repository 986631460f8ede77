/**
 * better-auth's HTTP endpoints, with the failed-sign-in budgets (sign-in-throttle.ts) in front of sign-in: one per
 * account shared by every unknown browser, and one per known device (known-device.ts), so guessing an account's
 * password from anywhere cannot lock its owner out of the browser they already use.
 */
import { authSecret, type Auth } from "./auth";
import { issueKnownDevice, KNOWN_DEVICE_COOKIE, knownDeviceSetCookie, readCookie, verifyKnownDevice } from "./known-device";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./sign-in-throttle";

async function emailOf(request: Request): Promise<string> {
  const body: unknown = await request
    .clone()
    .json()
    .catch((e: unknown) => {
      // A body that is no JSON has no email: better-auth answers it. A body that fails to arrive is not that.
      if (!(e instanceof SyntaxError)) throw e;
      return {};
    });
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return auth.handler(request);
  const email = await emailOf(request);
  if (!email) return auth.handler(request);
  const secret = authSecret();
  const device = verifyKnownDevice(secret, email, readCookie(request.headers.get("cookie"), KNOWN_DEVICE_COOKIE));
  const budget = device ? `device:${device}` : `account:${email}`;
  const wait = signInRetryAfter(budget);
  if (wait > 0) {
    return Response.json(
      {
        code: "TOO_MANY_ATTEMPTS",
        message: device
          ? "Too many failed sign-ins from this browser; try again later."
          : "Too many failed sign-ins for this account; try again later from a browser you signed in with before, or ask an admin.",
      },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const response = await auth.handler(request);
  if (response.status === 401) recordSignInFailure(budget);
  else if (response.ok) {
    clearSignInFailures(budget);
    const secure = process.env.OOPSCOPE_SECURE_COOKIES !== "0"; // as the session cookie (auth.ts)
    response.headers.append("set-cookie", knownDeviceSetCookie(issueKnownDevice(secret, email), secure));
  }
  return response;
}
