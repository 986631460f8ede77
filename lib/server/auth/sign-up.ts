/**
 * Creating an account: the sign-up mode and invitations are applied here, then better-auth creates the user
 * (hashing the password) and its session. The first account ever is the admin.
 */
import { APIError } from "better-auth/api";
import { z } from "zod";
import type { Db } from "../db";
import { AppError, type AppErrorCode } from "../app-error";
import type { Auth } from "./auth";
import { consumeInvite, findOpenInvite } from "./invites";
import { isRole, type Role } from "./roles";
import { getAccessSettings } from "./settings";

export const signUpBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(10, "Use at least 10 characters.").max(256),
  invite: z.string().trim().max(200).optional(),
});
export type SignUpInput = z.infer<typeof signUpBodySchema>;

export type SignUpResult = { user: { id: string; name: string; email: string; role: Role }; cookies: string[] };

function fromAuthError(err: unknown): never {
  if (err instanceof APIError) {
    const status = Number(err.statusCode);
    const code: AppErrorCode = status === 422 || status === 409 ? "conflict" : status === 403 ? "forbidden" : "bad-request";
    throw new AppError(code, err.body?.message ?? err.message);
  }
  throw err;
}

const FIRST_ACCOUNT_CLAIM = "auth.firstAccountClaim";

/**
 * Claims the admin seat of a fresh install. The check and the claim are one transaction on a unique key, so of any
 * number of sign-ups racing on an empty install exactly one skips the sign-up mode and the invitation.
 */
async function claimFirstAccount(db: Db, email: string): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) return false;
      await tx.setting.create({ data: { key: FIRST_ACCOUNT_CLAIM, value: email } });
      return true;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

export async function signUp(db: Db, auth: Auth, input: SignUpInput, requestHeaders: Headers): Promise<SignUpResult> {
  const isFirstAccount = await claimFirstAccount(db, input.email);
  let invite: { id: string; role: string } | undefined;
  if (!isFirstAccount) {
    const { signupMode } = await getAccessSettings(db);
    if (signupMode === "closed") throw new AppError("forbidden", "Sign-up is closed on this oopscope; ask an admin.");
    if (input.invite) invite = await findOpenInvite(db, input.invite, input.email);
    else if (signupMode === "invite") throw new AppError("forbidden", "Sign-up is by invitation only; open the link an admin sent you.");
  }

  let created;
  try {
    created = await auth.api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: requestHeaders,
      returnHeaders: true,
    });
  } catch (err) {
    // A refused first sign-up (weak password, bad address) gives the seat back.
    if (isFirstAccount) await db.setting.delete({ where: { key: FIRST_ACCOUNT_CLAIM } });
    fromAuthError(err);
  }
  const userId = created.response.user.id;

  let role: Role = "viewer";
  if (isFirstAccount) role = "admin";
  else if (invite) {
    if (!(await consumeInvite(db, invite.id, userId))) {
      await db.user.delete({ where: { id: userId } });
      throw new AppError("forbidden", "This invitation was just used by someone else.");
    }
    role = isRole(invite.role) ? invite.role : "viewer";
  }
  if (role !== "viewer") await db.user.update({ where: { id: userId }, data: { role } });
  return {
    user: { id: userId, name: created.response.user.name, email: created.response.user.email, role },
    cookies: created.headers.getSetCookie(),
  };
}
