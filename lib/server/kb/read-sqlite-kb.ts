/**
 * The CLI's read of a SQLite database's knowledge base: the active entries and the KB generation through one
 * read-only better-sqlite3 connection instead of Prisma, whose client and query compiler cost a `triage` with
 * findings ~0.4 s of CPU and ~50 MB of RSS. The same rows in the same order as `getKbIndex`'s query (no ORDER BY
 * there either: both scan the table), the same validation (`kbOfDocuments`).
 */
import type { TriageKb } from "../../engine/triage";
import { kbOfDocuments } from "./get-kb-index";
import { KB_GENERATION_KEY, kbGenerationOf } from "./kb-generation";

export async function readSqliteKb(file: string): Promise<TriageKb & { generation: number }> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const setting = db.prepare("SELECT value FROM Setting WHERE key = ?").get(KB_GENERATION_KEY) as { value: string } | undefined;
    const rows = db.prepare("SELECT document FROM KbEntry WHERE status = ?").all("active") as { document: string }[];
    return { ...kbOfDocuments(rows.map((r) => r.document)), generation: kbGenerationOf(setting?.value) };
  } finally {
    db.close();
  }
}
