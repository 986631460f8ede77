/**
 * Muting from the signature page: the same per-signature mutes the admin page keeps (`notify.mutes`), so a mute set
 * here silences the webhook exactly as one set on /admin. Editors may; the notification settings stay admin-only.
 */
import "server-only";
import { authorName } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/server/auth/roles";
import { getDb } from "@/lib/server/db";
import { countMutedFindings } from "@/lib/server/incidents/muted-findings";
import { AppError } from "@/lib/server/http";
import { getNotifySettings, muteSignature, recentNotifySettings, unmuteSignature, type SignatureMute } from "@/lib/server/notify/notify-settings";

/** The muted signatures, for marking them wherever findings are listed. */
export async function listMutedSignatures(): Promise<string[]> {
  return (await recentNotifySettings.get()).mutes.map((m) => m.signature);
}

/** Incident id → how many of its findings are muted (the incident list's badges). */
export async function findMutedFindingCounts(incidentIds: string[]): Promise<Map<string, number>> {
  return countMutedFindings(getDb(), incidentIds, await listMutedSignatures());
}

export async function getSignatureMute(signature: string): Promise<SignatureMute | null> {
  return (await getNotifySettings(getDb())).mutes.find((m) => m.signature === signature) ?? null;
}

/** Mutes or unmutes a signature some incident has; answers the mute now in force (null: not muted). */
export async function setSignatureMuted(actor: Actor, signature: string, muted: boolean): Promise<{ mute: SignatureMute | null }> {
  const db = getDb();
  if (!muted) {
    await unmuteSignature(db, signature);
    return { mute: null };
  }
  const finding = await db.findingRecord.findFirst({ where: { signature }, select: { title: true }, orderBy: { id: "desc" } });
  if (!finding) throw new AppError("not-found", "No incident has this signature.");
  const { mutes } = await muteSignature(db, { signature, title: finding.title, mutedBy: authorName(actor) });
  return { mute: mutes.find((m) => m.signature === signature) ?? null };
}
