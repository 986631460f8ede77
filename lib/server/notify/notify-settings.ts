/**
 * Notification settings, kept in the `Setting` key/value table: the webhook URL (Slack incoming webhooks and
 * anything accepting the same JSON), the public base URL that links in messages use, and the muted signatures.
 */
import { z } from "zod";
import { getDb, type Db } from "../db";
import { sharedRecentValue } from "../recent-value";

export type SignatureMute = { signature: string; title?: string; mutedBy: string; mutedAt: string };

export type NotifySettings = {
  /** Empty: notifications are off. */
  webhookUrl: string;
  /** `https://oopscope.example.com`: incident links in messages; empty sends paths only. */
  publicUrl: string;
  mutes: SignatureMute[];
};

const KEY = { webhookUrl: "notify.webhookUrl", publicUrl: "notify.publicUrl", mutes: "notify.mutes" } as const;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === "" || (URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol)), "must be an http(s) URL or empty");

export const notifySettingsPatchSchema = z.object({
  webhookUrl: httpUrl.optional(),
  publicUrl: httpUrl.optional(),
});
export type NotifySettingsPatch = z.infer<typeof notifySettingsPatchSchema>;

export const signatureMuteSchema = z.object({ signature: z.string().trim().min(1).max(200), title: z.string().max(500).optional() });

const mutesSchema = z.array(z.object({ signature: z.string(), title: z.string().optional(), mutedBy: z.string(), mutedAt: z.string() }));

export async function getNotifySettings(db: Db): Promise<NotifySettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(KEY) } } });
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  let mutes: SignatureMute[] = [];
  const raw = value(KEY.mutes);
  if (raw) {
    const parsed = mutesSchema.safeParse(JSON.parse(raw));
    if (parsed.success) mutes = parsed.data;
    else console.warn("[oopscope] notify.mutes setting is malformed; treated as empty:", parsed.error.message);
  }
  return { webhookUrl: value(KEY.webhookUrl) ?? "", publicUrl: value(KEY.publicUrl) ?? process.env.OOPSCOPE_PUBLIC_URL ?? "", mutes };
}

/** The server's notification settings as pages read them (the muted signatures): a change made here applies at once, elsewhere within 1 s. */
export const recentNotifySettings = sharedRecentValue("notify-settings", () => getNotifySettings(getDb()));

async function put(db: Db, key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  recentNotifySettings.forget();
}

export async function updateNotifySettings(db: Db, patch: NotifySettingsPatch): Promise<NotifySettings> {
  if (patch.webhookUrl !== undefined) await put(db, KEY.webhookUrl, patch.webhookUrl);
  if (patch.publicUrl !== undefined) await put(db, KEY.publicUrl, patch.publicUrl);
  return getNotifySettings(db);
}

export async function muteSignature(db: Db, mute: { signature: string; title?: string; mutedBy: string }): Promise<NotifySettings> {
  const { mutes } = await getNotifySettings(db);
  if (!mutes.some((m) => m.signature === mute.signature)) mutes.push({ ...mute, mutedAt: new Date().toISOString() });
  await put(db, KEY.mutes, JSON.stringify(mutes));
  return getNotifySettings(db);
}

export async function unmuteSignature(db: Db, signature: string): Promise<NotifySettings> {
  const { mutes } = await getNotifySettings(db);
  await put(db, KEY.mutes, JSON.stringify(mutes.filter((m) => m.signature !== signature)));
  return getNotifySettings(db);
}
