/**
 * The better-auth instance: email + password accounts stored through Prisma, sessions in httpOnly, SameSite=Lax
 * cookies (Secure unless OOPSCOPE_SECURE_COOKIES=0 — browsers accept Secure cookies on http://localhost, but a
 * plain-http LAN address needs the opt-out), sign-in rate-limited per client address.
 *
 * Sign-up does not go through better-auth's public endpoint: `signUp()` (sign-up.ts) applies the sign-up mode and
 * invitations first, then calls the library server-side. The hook below refuses the public endpoint.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getDb, providerOfDb, type Db } from "../db";
import { dataDir } from "../paths";
import { publicOrigin } from "../public-origin";

/** Failed or not, sign-in attempts per address per minute (OOPSCOPE_SIGNIN_PER_MINUTE). */
export function signInAttemptsPerMinute(): number {
  const n = Number(process.env.OOPSCOPE_SIGNIN_PER_MINUTE ?? 10);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 10;
}

/** BETTER_AUTH_SECRET, or a random secret created once in the data directory (readable by the owner only). */
export function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

export function createAuth(db: Db) {
  const secureEnv = process.env.OOPSCOPE_SECURE_COOKIES;
  return betterAuth({
    appName: "oopscope",
    baseURL: process.env.BETTER_AUTH_URL,
    secret: authSecret(),
    // CSRF: better-auth accepts state-changing requests only from trusted origins. Without a configured public URL,
    // trust the origin the request was addressed to (same-origin), whatever name the server is reached by.
    trustedOrigins: (request) => [request ? publicOrigin(request) : undefined, ...(process.env.OOPSCOPE_TRUSTED_ORIGINS ?? "").split(",")].filter(Boolean),
    database: prismaAdapter(db, { provider: providerOfDb(db) }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 256, autoSignIn: true },
    user: { additionalFields: { role: { type: "string", required: false, defaultValue: "viewer", input: false } } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: signInAttemptsPerMinute() } },
    },
    advanced: {
      cookiePrefix: "oopscope",
      ...(secureEnv === undefined ? {} : { useSecureCookies: secureEnv !== "0" }),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    logger: { level: "error" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Calls from our own server code carry no request; only the public HTTP endpoint is refused.
        if (ctx.path === "/sign-up/email" && ctx.request) {
          throw new APIError("FORBIDDEN", { message: "Sign up through /api/account/sign-up (it applies invitations and the sign-up mode)." });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { oopscopeAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.oopscopeAuth ??= createAuth(getDb());
  return globalForAuth.oopscopeAuth;
}
