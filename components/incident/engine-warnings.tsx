import { warningLocation } from "@/lib/engine/describe-warning";
import type { IncidentWarning } from "@/lib/engine/types";
import { logAnchor } from "./log-anchor";

/** Parts of the logs not fully read (a rule threw, a stream broke off, lines over the cap): findings may be missing there. Text only. */
export function EngineWarnings({ warnings, fileIndexOf }: { warnings: IncidentWarning[] | undefined; fileIndexOf: (file: string) => number }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="engine-warnings">
      <p className="font-medium">
        {warnings.length === 1 ? "One part" : `${warnings.length} parts`} of these logs {warnings.length === 1 ? "was" : "were"} not fully read (cut at
        the line cap, broken off, or a rule failed); findings there may be missing.
      </p>
      <ul className="mt-1 space-y-0.5 text-xs">
        {warnings.map((w, i) => (
          <li key={i} data-testid="engine-warning">
            <a className="font-log underline" href={logAnchor(fileIndexOf(w.source.file), w.source.line, w.source.endLine)}>
              {warningLocation(w)}
            </a>
            : {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
