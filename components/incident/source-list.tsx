import type { SourceSummary } from "@/lib/engine/types";
import { formatBytes } from "@/components/ui/format";
import { SELECTION_LABEL } from "@/lib/engine/ingest/sources/selection-label";

/** Archives, directories, journals and dumps the logs were read from: what was read, skipped (and why), refused. */
export function SourceList({ sources }: { sources: SourceSummary[] | undefined }) {
  if (!sources || sources.length === 0) return null;
  return (
    <ul className="space-y-1 text-xs" data-testid="sources">
      {sources.map((s) => (
        <li key={s.name} data-testid="source">
          <span className="font-log">{s.name}</span>{" "}
          <span className="text-slate-500">
            ({[s.format, s.bytes !== undefined ? formatBytes(s.bytes) : "", s.selection ? SELECTION_LABEL[s.selection] : "", s.hostname ? `host ${s.hostname}` : "", s.members !== undefined ? `${s.members} member${s.members === 1 ? "" : "s"}, ${s.inputs.length} read, ${s.ignoredMembers ?? 0} not wanted` : ""].filter(Boolean).join(", ")})
          </span>
          {s.error && <span className="text-red-700"> refused: {s.error}</span>}
          {(s.skipped.length > 0 || s.warnings.length > 0) && (
            <details className="ml-4">
              <summary className="cursor-pointer text-slate-600" data-testid="skipped-summary">
                {s.skipped.length} skipped{s.warnings.length > 0 ? `, ${s.warnings.length} warning(s)` : ""}
              </summary>
              <ul className="ml-4 list-disc" data-testid="skipped-members">
                {s.skipped.map((k) => (
                  <li key={`${k.path}|${k.reason}`}>
                    <span className="font-log">{k.path}</span>: {k.message}
                  </li>
                ))}
                {s.warnings.map((w) => (
                  <li key={w} className="text-amber-700">
                    {w}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
