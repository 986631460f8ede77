import { ingestErrorResponse } from "@/lib/server/ingest/ingest-error-response";
import { ingestRequest } from "@/lib/server/ingest/ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** systemd-journal-upload with `Header=Authorization: Bearer oops_…` (systemd releases whose journal-upload.conf has Header=): URL=http://HOST:PORT/api/ingest/journal */
export async function POST(request: Request): Promise<Response> {
  try {
    const r = await ingestRequest(request, { kind: "journal" });
    return new Response(`OK. ${r.accepted} entries\n`, { status: 202, headers: { "content-type": "text/plain" } });
  } catch (err) {
    return ingestErrorResponse(request, err);
  }
}
