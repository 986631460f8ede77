import { requireApi } from "@/lib/server/auth/access";
import { getDb } from "@/lib/server/db";
import { allKbEntries, kbRevisions } from "@/lib/server/kb/edit/kb-store";
import { kbErrorResponse } from "@/lib/server/kb/edit/route-errors";
import { entriesToYaml } from "@/lib/server/kb/edit/yaml-form";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The whole KB as a multi-document YAML stream (POST it to /api/kb/import to restore). */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApi(request, "read");
    const db = getDb();
    const [entries, revisions] = await Promise.all([allKbEntries(db), kbRevisions(db)]);
    const yaml = entriesToYaml(entries, revisions);
    return new Response(yaml, {
      headers: { "Content-Type": "application/yaml; charset=utf-8", "Content-Disposition": 'attachment; filename="oopscope-kb.yaml"' },
    });
  } catch (err) {
    return kbErrorResponse(err);
  }
}
