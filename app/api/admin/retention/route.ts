import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/http";
import { getRetentionSettings, retentionSettingsSchema, updateRetention } from "@/lib/server/lifecycle/retention";
import { getUploadStore } from "@/lib/server/storage/upload-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * {days}: incidents older than this are deleted (those a KB revision names lose only their raw logs); 0 = keep.
 * PUT applies the new period at once and answers what it removed (`applied`).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json(await getRetentionSettings(getDb()));
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function PUT(request: Request): Promise<Response> {
  try {
    await requireApi(request, "admin");
    return Response.json(await updateRetention(getDb(), getUploadStore(), retentionSettingsSchema.parse(await request.json())));
  } catch (err) {
    return toErrorResponse(err);
  }
}
