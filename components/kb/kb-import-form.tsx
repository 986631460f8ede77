"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Upload a YAML export (multi-document stream) back into the KB. */
export function KbImportForm() {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setResult("Importing…");
    const res = await fetch("/api/kb/import", { method: "POST", headers: { "Content-Type": "application/yaml" }, body: await file.text() });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return setResult(body.message ?? `HTTP ${res.status}`);
    const errors = (body.errors ?? []) as { index: number; id?: string; message: string }[];
    setResult(
      `${body.created} created, ${body.updated} updated, ${body.unchanged} unchanged` +
        (errors.length ? `; ${errors.length} refused: ${errors.map((e) => `#${e.index}${e.id ? ` ${e.id}` : ""}: ${e.message}`).join(" | ")}` : ""),
    );
    router.refresh();
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="cursor-pointer rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
        Import YAML
        <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" className="hidden" onChange={(e) => onFile(e.target.files?.[0])} />
      </label>
      {result && <span className="text-slate-600" role="status">{result}</span>}
    </div>
  );
}
