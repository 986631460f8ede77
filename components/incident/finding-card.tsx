import type { Finding } from "@/lib/engine/types";
import type { SeenBefore } from "@/lib/server/incidents/find-seen-before";
import { formatTime } from "@/components/ui/format";
import { MutedBadge } from "@/components/signature/muted-badge";
import { LinkFindingForm } from "./link-finding-form";
import { logAnchor } from "./log-anchor";
import { SCALE_EXPLANATION, formatConfidence, formatScore } from "./confidence";
import { matchStrength } from "@/lib/engine/match/match-strength";

type Props = {
  finding: Finding;
  fileIndex: number;
  seenBefore?: SeenBefore;
  /** Set when the reader may write KB entries: shows "create KB entry from this finding" and "link finding to entry". */
  incidentId?: string;
  /** The finding's signature is muted (no notifications for it). */
  muted?: boolean;
};

const VERDICT_BADGE: Record<string, string> = {
  affected: "bg-red-100 text-red-800",
  fixed: "bg-emerald-100 text-emerald-800",
  unknown: "bg-amber-100 text-amber-800",
};

export function FindingCard({ finding: f, fileIndex, seenBefore, incidentId, muted }: Props) {
  // One rule for every view (lib/engine/match/match-strength.ts): weak candidates are never shown as known issues,
  // related entries (score 0, or ruled out by evidence against them) are context.
  const known = f.matches.filter((m) => matchStrength(m) === "known");
  const weak = f.matches.filter((m) => matchStrength(m) === "weak");
  const related = f.matches.filter((m) => matchStrength(m) === "related");
  const facts: [string, string | number | undefined][] = [
    ["Kind", f.kind],
    ["Host", f.host],
    ["Time", f.time ? formatTime(f.time) : f.uptime !== undefined ? `${f.uptime.toFixed(6)} s after boot` : undefined],
    ["Kernel", f.kernelRelease],
    ["Guilty frame", f.guiltyFrame],
    ["RIP", f.rip],
    ["Task", f.comm ? `${f.comm}${f.pid !== undefined ? ` (pid ${f.pid})` : ""}` : undefined],
    ["Taint", f.taint?.flags || undefined],
    ["Repeats", f.repeats],
  ];
  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="finding" id={`finding-${f.id}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-log text-base font-semibold">
          {f.title}
          {muted && <MutedBadge />}
        </h3>
        <a href={logAnchor(fileIndex, f.source.line)} className="text-sm text-blue-700 hover:underline" data-testid="show-in-log">
          {f.source.file}:{f.source.line} — show in log
        </a>
        <a href={`/signatures/${f.signature}`} className="text-sm text-blue-700 hover:underline" data-testid="signature-link">
          all sightings
        </a>
        {incidentId && (
          <a
            href={`/kb/new?fromIncident=${encodeURIComponent(incidentId)}&finding=${encodeURIComponent(f.id)}`}
            className="text-sm text-blue-700 hover:underline"
            data-testid="create-kb-entry"
          >
            create KB entry from this finding
          </a>
        )}
      </header>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]">
        {facts
          .filter(([, v]) => v !== undefined && v !== "")
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="font-log min-w-0 break-words">{String(v)}</dd>
            </div>
          ))}
      </dl>
      {f.panicked && <p className="text-sm font-medium text-red-700">The machine panicked: {f.panicMessage}</p>}
      {f.corrupted && <p className="text-sm text-amber-700">Report looks corrupted: {f.corruptedReason}</p>}

      {known.length > 0 ? (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500" title={SCALE_EXPLANATION}>
            Known issues
          </h4>
          <ul className="mt-1 space-y-2" data-testid="matches">
            {known.map((m) => (
              <li key={m.kbId} className="rounded-lg border border-slate-200 p-2 text-sm" data-testid="match" data-kb-id={m.kbId}>
                <div className="flex flex-wrap items-center gap-2">
                  <code className="font-log font-semibold">{m.kbId}</code>
                  <span>{m.title}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700" title={SCALE_EXPLANATION}>
                    match score {formatScore(m.score)}
                  </span>
                  <span className={`rounded px-1.5 text-xs ${VERDICT_BADGE[m.verdict]}`} title={SCALE_EXPLANATION}>
                    {m.verdict === "unknown" ? "verdict unknown" : `${m.verdict} · confidence ${formatConfidence(m.confidence)}`}
                  </span>
                  {m.generic && <span className="text-xs text-slate-500">generic — a candidate class, not a specific bug</span>}
                  {m.origin !== "builtin" && <span className="text-xs text-slate-500">{m.origin}</span>}
                </div>
                <p className="mt-1 text-slate-700">{m.verdictReason}</p>
                {m.generic && m.specificWhen && <p className="mt-0.5 text-xs text-slate-600">More specific when: {m.specificWhen}</p>}
                {m.reasons.length > 0 && <p className="mt-0.5 text-xs text-slate-500">Why: {m.reasons.join("; ")}</p>}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No known issue matched this finding.</p>
      )}
      {weak.length > 0 && (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500" title={SCALE_EXPLANATION}>
            Weak candidates (too little evidence to act on)
          </h4>
          <ul className="mt-1 space-y-1" data-testid="weak-matches">
            {weak.map((m) => (
              <li key={m.kbId} className="text-sm text-slate-600" data-testid="weak-match" data-kb-id={m.kbId}>
                <code className="font-log">{m.kbId}</code> {m.title} <span className="text-xs text-slate-500">match score {formatScore(m.score)}</span>
                {m.reasons.length > 0 && <span className="text-xs text-slate-500"> — {m.reasons.join("; ")}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {related.length > 0 && (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Related (not matched)</h4>
          <ul className="mt-1 space-y-1" data-testid="related-matches">
            {related.map((m) => (
              <li key={m.kbId} className="text-sm text-slate-600" data-testid="related-match" data-kb-id={m.kbId}>
                <code className="font-log">{m.kbId}</code> {m.title}
                {m.reasons[0] && <span className="text-xs text-slate-500"> — {m.reasons[0]}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="text-sm text-slate-600" data-testid="seen-before">
        {seenBefore
          ? `Seen before: ${seenBefore.count} time${seenBefore.count === 1 ? "" : "s"} in ${seenBefore.incidents} earlier incident${seenBefore.incidents === 1 ? "" : "s"}` +
            (seenBefore.hosts.length ? ` on ${seenBefore.hosts.join(", ")}` : "") +
            ` (first ${formatTime(seenBefore.first)}, last ${formatTime(seenBefore.last)})`
          : "Not seen in earlier incidents."}
        {seenBefore?.latestIncidentId && (
          <>
            {" "}
            <a className="text-blue-700 hover:underline" href={`/incidents/${seenBefore.latestIncidentId}`}>
              latest
            </a>
          </>
        )}
      </p>

      {incidentId && <LinkFindingForm incidentId={incidentId} findingId={f.id} suggestions={f.matches.map((m) => m.kbId)} />}

      {f.report.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-slate-600">Report ({f.report.length} line{f.report.length === 1 ? "" : "s"})</summary>
          <pre className="font-log code-block mt-2 max-h-96 overflow-auto rounded p-2 text-xs leading-relaxed">{f.report.join("\n")}</pre>
        </details>
      )}
    </article>
  );
}
