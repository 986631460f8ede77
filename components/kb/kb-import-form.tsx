"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RematchStatus } from "./rematch-status";
import type { RematchJobView } from "./rematch-status-text";

type ImportAnswer = {
  created?: number;
  updated?: number;
  unchanged?: number;
  errors?: { index: number; id?: string; message: string }[];
  conflicts?: { id: string }[];
  /** The re-matching the import queued (or joined), as the KB entry page follows it. */
  rematch?: RematchJobView | null;
  message?: string;
};

/** Upload a YAML export (multi-document stream) back into the KB. */
export function KbImportForm() {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [rematch, setRematch] = useState<RematchJobView | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setResult("Importing…");
    setRematch(null);
    const res = await fetch("/api/kb/import", { method: "POST", headers: { "Content-Type": "application/yaml" }, body: await file.text() });
    const body = (await res.json().catch(() => ({}))) as ImportAnswer;
    // A 409 still saved the entries without conflicts, and may have queued their re-matching.
    if (body.rematch) setRematch(body.rematch);
    const conflicts = body.conflicts ?? [];
    if (!res.ok && conflicts.length === 0) return setResult(body.message ?? `HTTP ${res.status}`);
    const errors = body.errors ?? [];
    setResult(
      `${body.created ?? 0} created, ${body.updated ?? 0} updated, ${body.unchanged ?? 0} unchanged` +
        (conflicts.length ? `; ${conflicts.length} not imported, edited since the export: ${conflicts.map((c) => c.id).join(", ")}` : "") +
        (errors.length ? `; ${errors.length} refused: ${errors.map((e) => `#${e.index}${e.id ? ` ${e.id}` : ""}: ${e.message}`).join(" | ")}` : ""),
    );
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex items-center gap-2">
        <label className="cursor-pointer rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
          Import YAML
          <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" className="hidden" onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
        {result && <span className="text-slate-600" role="status">{result}</span>}
      </div>
      {rematch && <RematchStatus key={rematch.id} initial={rematch} />}
    </div>
  );
}
