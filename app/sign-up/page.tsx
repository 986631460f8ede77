import type { Metadata } from "next";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getAccessSettings } from "@/lib/server/auth/settings";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign up" };

/** Says up front whether sign-up will work (first account, open, invitation, closed), so nobody fills a form in vain. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).invite;
  const invite = typeof raw === "string" && raw ? raw : undefined;
  const db = getDb();
  const first = (await db.user.count()) === 0;
  const { signupMode } = await getAccessSettings(db);
  const note = first
    ? "You are the first: this account becomes the admin."
    : signupMode === "closed"
      ? "Sign-up is closed on this oopscope; ask an admin."
      : invite
        ? "You were invited; your role comes with the invitation."
        : signupMode === "invite"
          ? "Sign-up is by invitation: open the link an admin sent you."
          : "New accounts start as viewers; an admin can give you more.";
  const canTry = first || (signupMode !== "closed" && (invite !== undefined || signupMode === "open"));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
      <p className="text-sm text-slate-600" data-testid="sign-up-note">
        {note}
      </p>
      {canTry && <SignUpForm invite={invite} />}
    </div>
  );
}
