import { ingestErrorResponse } from "@/lib/server/ingest/ingest-error-response";
import { ingestRequest } from "@/lib/server/ingest/ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Vector / Fluent Bit HTTP sinks: JSON array, NDJSON or plain text; `?host=` names the host of text lines. */
export async function POST(request: Request): Promise<Response> {
  try {
    return Response.json(await ingestRequest(request, { kind: "shipper" }));
  } catch (err) {
    return ingestErrorResponse(request, err);
  }
}
