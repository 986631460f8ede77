/** Admin settings for accounts, kept in the `Setting` key/value table. */
import { z } from "zod";
import { getDb, type Db } from "../db";
import { sharedRecentValue } from "../recent-value";

export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export type AccessSettings = {
  /** open: anyone may sign up (as viewer); invite: only with an invitation; closed: nobody (the first account always may). */
  signupMode: SignupMode;
  /** When on, even reading incidents by permalink needs an account or a token. */
  signInRequired: boolean;
};

/** A fresh install is invite-only: the first person to sign up becomes admin and invites the team. */
export const DEFAULT_ACCESS_SETTINGS: AccessSettings = { signupMode: "invite", signInRequired: false };

export const accessSettingsSchema = z.object({
  signupMode: z.enum(SIGNUP_MODES),
  signInRequired: z.boolean(),
});

const KEY = { signupMode: "auth.signupMode", signInRequired: "auth.signInRequired" } as const;

export async function getAccessSettings(db: Db): Promise<AccessSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(KEY) } } });
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const mode = value(KEY.signupMode);
  return {
    signupMode: (SIGNUP_MODES as readonly string[]).includes(mode ?? "") ? (mode as SignupMode) : DEFAULT_ACCESS_SETTINGS.signupMode,
    signInRequired: value(KEY.signInRequired) === undefined ? DEFAULT_ACCESS_SETTINGS.signInRequired : value(KEY.signInRequired) === "true",
  };
}

export async function setAccessSettings(db: Db, patch: Partial<AccessSettings>): Promise<AccessSettings> {
  const writes = [];
  if (patch.signupMode !== undefined) writes.push({ key: KEY.signupMode, value: patch.signupMode });
  if (patch.signInRequired !== undefined) writes.push({ key: KEY.signInRequired, value: String(patch.signInRequired) });
  await db.$transaction(writes.map((w) => db.setting.upsert({ where: { key: w.key }, create: w, update: { value: w.value } })));
  recentAccessSettings.forget();
  return getAccessSettings(db);
}

/** The server's settings as pages read them (`requirePage`): a change made here applies at once, elsewhere within 1 s. */
export const recentAccessSettings = sharedRecentValue("access-settings", () => getAccessSettings(getDb()));
