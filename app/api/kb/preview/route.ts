import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { kbPreviewBodySchema, resolveDocument } from "@/lib/server/kb/edit/api-schemas";
import { previewRuleChange } from "@/lib/server/kb/edit/preview";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";

export const runtime = "nodejs";

/** Try before save: {document | yaml, pastedLog?} → findings it would start/stop matching, matches in the pasted log. */
export async function POST(request: Request): Promise<Response> {
  try {
    await requireApi(request, "kb:write");
    const body = kbPreviewBodySchema.parse(await request.json());
    return Response.json(await previewRuleChange(getDb(), { document: resolveDocument(body), pastedLog: body.pastedLog }));
  } catch (err) {
    return kbErrorResponse(err);
  }
}
