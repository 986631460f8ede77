import { requireApi } from "@/lib/server/auth/access";
import { incidentFileParamsSchema } from "@/lib/schemas/incident";
import { attachmentHeader, getIncidentFile, openDecodedStream, openRawStream } from "@/lib/server/incidents/get-incident-file";
import { isNotModified, toErrorResponse } from "@/lib/server/http";

export const runtime = "nodejs";

/**
 * The uploaded file as stored (download); `?decoded=1` serves the text (gunzipped) for the log viewer. A browser
 * revalidates its copy each time (access and existence are checked first) and gets 304 while the bytes are the same.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  try {
    await requireApi(request, "read");
    const { id, n } = incidentFileParamsSchema.parse(await ctx.params);
    const file = await getIncidentFile(id, n);
    const decoded = new URL(request.url).searchParams.get("decoded") === "1";
    const etag = decoded ? file.etag.replace(/"$/, '-text"') : file.etag;
    const cache = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (isNotModified(request, etag)) return new Response(null, { status: 304, headers: cache });
    if (decoded) {
      return new Response(openDecodedStream(file), { headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", ...cache } });
    }
    return new Response(openRawStream(file), {
      headers: { "Content-Type": "application/octet-stream", "Content-Disposition": attachmentHeader(file.name), "Content-Length": String(file.bytes), ...cache },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
