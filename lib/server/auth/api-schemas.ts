/** Request shapes of the account and admin routes. */
import { z } from "zod";
import { ROLES, TOKEN_SCOPES } from "./roles";
import { accessSettingsSchema } from "./settings";

export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const createTokenBodySchema = z.object({ name: z.string().trim().min(1).max(100), scope: z.enum(TOKEN_SCOPES) });
export const createInviteBodySchema = z.object({ role: z.enum(ROLES), email: z.string().trim().email().max(254).optional().or(z.literal("")) });
export const setRoleBodySchema = z.object({ role: z.enum(ROLES) });
export const settingsPatchSchema = accessSettingsSchema.partial();
