import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiTokens } from "@/components/account/api-tokens";
import { currentActor } from "@/lib/server/auth/access";
import { listApiTokens } from "@/lib/server/auth/api-tokens";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/account");
  const tokens = await listApiTokens(getDb(), actor.userId);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="text-sm" data-testid="account-summary">
        {actor.name} · {actor.email} · role <strong>{actor.role}</strong>
      </p>
      <ApiTokens initial={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) }))} />
    </div>
  );
}
