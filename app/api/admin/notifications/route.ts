import { requireApi } from "@/lib/server/auth/access";
import { toErrorResponse } from "@/lib/server/http";
import { getNotifications, notificationsChangeSchema, updateNotifications } from "@/lib/server/notify/update-notifications";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** {webhookUrl, publicUrl, mutes, deliveries}. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json(await getNotifications());
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** One of {settings: {webhookUrl?, publicUrl?}}, {mute: {signature, title?}}, {unmute: signature}. */
export async function PUT(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "admin");
    return Response.json(await updateNotifications(actor, notificationsChangeSchema.parse(await request.json())));
  } catch (err) {
    return toErrorResponse(err);
  }
}
