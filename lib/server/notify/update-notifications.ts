/** The admin API's one call: apply a settings patch or a mute change, and return the settings and recent deliveries. */
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/auth/roles";
import { getDb } from "@/lib/server/db";
import { recentWebhookDeliveries, type WebhookDelivery } from "./deliver-webhook";
import { getNotifySettings, muteSignature, notifySettingsPatchSchema, signatureMuteSchema, unmuteSignature, updateNotifySettings, type NotifySettings } from "./notify-settings";

export const notificationsChangeSchema = z.union([
  z.object({ settings: notifySettingsPatchSchema }),
  z.object({ mute: signatureMuteSchema }),
  z.object({ unmute: z.string().trim().min(1).max(200) }),
]);
export type NotificationsChange = z.infer<typeof notificationsChangeSchema>;

export type NotificationsView = NotifySettings & { deliveries: WebhookDelivery[] };

export async function getNotifications(): Promise<NotificationsView> {
  return { ...(await getNotifySettings(getDb())), deliveries: recentWebhookDeliveries() };
}

export async function updateNotifications(actor: Actor, change: NotificationsChange): Promise<NotificationsView> {
  const db = getDb();
  if ("settings" in change) await updateNotifySettings(db, change.settings);
  else if ("mute" in change) await muteSignature(db, { ...change.mute, mutedBy: actor.kind === "user" ? actor.name : "anonymous" });
  else await unmuteSignature(db, change.unmute);
  return getNotifications();
}
