/**
 * Known-device cookies (OWASP's "device cookies" against online guessing): a browser that once signed in to an
 * account carries a signed cookie naming that account. When the account's shared failure budget is spent (someone
 * is guessing its password from anywhere), a browser with its cookie still gets through, on a budget of its own.
 * The client address is no use for this: `next start` passes X-Forwarded-For through as the client sent it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const KNOWN_DEVICE_COOKIE = "oopscope.known_device";
const LIFETIME_MS = 90 * 86_400_000;

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`known-device\0${payload}`).digest("base64url");
}

/** The cookie value for an account, issued now. */
export function issueKnownDevice(secret: string, email: string, now = Date.now()): string {
  const payload = `${Buffer.from(email.toLowerCase()).toString("base64url")}.${now.toString(36)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** A stable id of a valid, unexpired cookie for this account (its budget key), or undefined. */
export function verifyKnownDevice(secret: string, email: string, value: string | undefined, now = Date.now()): string | undefined {
  const parts = value?.split(".");
  if (!parts || parts.length !== 3) return undefined;
  const [who, issued, mac] = parts;
  if (Buffer.from(who, "base64url").toString() !== email.toLowerCase()) return undefined;
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || issuedAt > now || now - issuedAt > LIFETIME_MS) return undefined;
  const expected = Buffer.from(sign(secret, `${who}.${issued}`));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? mac : undefined;
}

export function knownDeviceSetCookie(value: string, secure: boolean): string {
  return `${KNOWN_DEVICE_COOKIE}=${value}; Path=/api/auth; Max-Age=${LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
