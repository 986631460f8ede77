import { ingestErrorResponse } from "@/lib/server/ingest/ingest-error-response";
import { ingestRequest } from "@/lib/server/ingest/ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * systemd-journal-upload in older systemd releases sends no custom header: the token goes in the URL it is given
 * (URL=http://HOST:PORT/api/ingest/journal/oops_…; it appends /upload itself).
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    const r = await ingestRequest(request, { kind: "journal", pathToken: token });
    return new Response(`OK. ${r.accepted} entries\n`, { status: 202, headers: { "content-type": "text/plain" } });
  } catch (err) {
    return ingestErrorResponse(request, err);
  }
}
