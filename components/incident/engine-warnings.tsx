import { warningLocation } from "@/lib/engine/describe-warning";
import type { IncidentWarning } from "@/lib/engine/types";
import { logAnchor } from "./log-anchor";

/** Parts of the logs the engine failed on (a rule threw): the findings may miss what was there. Text only. */
export function EngineWarnings({ warnings, fileIndexOf }: { warnings: IncidentWarning[] | undefined; fileIndexOf: (file: string) => number }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="engine-warnings">
      <p className="font-medium">The engine failed on {warnings.length === 1 ? "one part" : `${warnings.length} parts`} of these logs; findings there may be missing.</p>
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
