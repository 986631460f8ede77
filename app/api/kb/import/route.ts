import { authorName } from "@/lib/server/auth/actor";
import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { getJobQueue } from "@/lib/server/jobs/get-job-queue";
import { MAX_IMPORT_CHARS } from "@/lib/server/kb/edit/api-schemas";
import { KbEditError } from "@/lib/server/kb/edit/errors";
import { importKbEntries } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";
import { parseKbYaml } from "@/lib/server/kb/edit/yaml-form";

export const runtime = "nodejs";

/**
 * Body: a YAML stream of entries (an export carries each entry's `# base-revision: N`). Valid entries are saved;
 * invalid documents are listed by position; entries edited since their export are listed as `conflicts` and the
 * answer is 409, unless `?force=1` (editors), which overwrites them and records what it overwrote.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireApi(request, "kb:write");
    const force = /^(1|true)$/.test(new URL(request.url).searchParams.get("force") ?? "");
    const text = await request.text();
    if (text.length > MAX_IMPORT_CHARS) throw new KbEditError("bad-request", "YAML import too large.");
    const parsed = parseKbYaml(text);
    const result = await importKbEntries(getDb(), parsed.imported, authorName(actor), { force, queue: await getJobQueue() });
    return Response.json({ ...result, errors: [...parsed.errors, ...result.errors] }, { status: result.conflicts.length > 0 ? 409 : 200 });
  } catch (err) {
    return kbErrorResponse(err);
  }
}
