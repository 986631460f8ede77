import { requireApi } from "@/lib/server/auth/access";
import { incidentFileParamsSchema } from "@/lib/schemas/incident";
import { attachmentHeader, getIncidentFile, openDecodedStream, openRawStream } from "@/lib/server/incidents/get-incident-file";
import { toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/** The uploaded file as stored (download); `?decoded=1` serves the text (gunzipped) for the log viewer. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id, n } = incidentFileParamsSchema.parse(await ctx.params);
    const file = await getIncidentFile(id, n);
    if (new URL(request.url).searchParams.get("decoded") === "1") {
      return new Response(openDecodedStream(file), { headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
    }
    return new Response(openRawStream(file), {
      headers: { "Content-Type": "application/octet-stream", "Content-Disposition": attachmentHeader(file.name), "Content-Length": String(file.bytes) },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
