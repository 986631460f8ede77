import type { Recommendation } from "@/lib/engine/types";
import { CopyButton } from "@/components/ui/copy-button";
import { shortCommitRef } from "@/lib/kb/commit-ref";
import { KbMarkdown } from "@/components/kb/kb-markdown";
import { SCALE_EXPLANATION, formatConfidence, formatScore } from "./confidence";
import { pickFullHeadlines } from "./first-screen";
import { MoreRows } from "./more-rows";

const VERDICT_STYLE: Record<string, string> = {
  affected: "border-red-300 bg-red-50",
  fixed: "border-emerald-300 bg-emerald-50",
  unknown: "border-amber-300 bg-amber-50",
};

/** Only http(s) links are rendered as links; anything else is shown as text. */
function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * The incident's advice: one panel per host and kernel (`headlines`), most pressing first. With a single host the
 * page shows exactly `recommendation`, which is the first headline: the two never disagree.
 */
/** `allHref` (a big incident): past FULL_HEADLINES hosts, the others are rows, and the link shows them in full. */
export function RecommendationPanel({ recommendation, headlines, allHref }: { recommendation?: Recommendation; headlines?: Recommendation[]; allHref?: string }) {
  const list = headlines && headlines.length > 0 ? headlines : recommendation ? [recommendation] : [];
  const { full, rows } = allHref ? pickFullHeadlines(list) : { full: list, rows: [] };
  const scale = (
    <details className="text-xs text-slate-600" data-testid="confidence-scale">
      <summary className="cursor-pointer">How to read match score and confidence</summary>
      <p className="mt-1">{SCALE_EXPLANATION}</p>
    </details>
  );
  if (list.length <= 1)
    return (
      <div className="space-y-1">
        <HostRecommendation recommendation={list[0]} showHost={false} />
        {list.length === 1 && scale}
      </div>
    );
  return (
    <div className="space-y-3" data-testid="headlines">
      <p className="text-sm text-slate-600">
        {list.length} hosts or kernels with a known-issue match, each judged on its own kernel:
      </p>
      {full.map((r, i) => (
        <HostRecommendation key={`${r.host ?? ""}|${r.kernelRelease ?? ""}|${i}`} recommendation={r} showHost />
      ))}
      {allHref && <HeadlineRows headlines={rows} allHref={allHref} />}
      {scale}
    </div>
  );
}

function HostRecommendation({ recommendation: rec, showHost }: { recommendation?: Recommendation; showHost: boolean }) {
  if (!rec) {
    return (
      <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="verdict">
        <p className="text-base">No known issue matched: see the findings below for what the log shows.</p>
      </section>
    );
  }
  return (
    <section className={`space-y-4 rounded-xl border p-4 ${VERDICT_STYLE[rec.verdict ?? "unknown"]}`} data-testid="verdict">
      <div>
        {showHost && (
          <p className="font-log text-xs font-semibold text-slate-700" data-testid="headline-host">
            {rec.host ?? "(unknown host)"}
            {rec.kernelRelease ? ` · ${rec.kernelRelease}` : ""}
            {rec.distro ? ` · ${rec.distro}` : ""}
          </p>
        )}
        {rec.lead ? (
          <>
            <p className="text-lg font-medium leading-snug" data-testid="verdict-lead">
              {rec.lead}
            </p>
            <p className="mt-1 text-sm leading-snug text-slate-700" data-testid="verdict-summary">
              {rec.summary}
            </p>
          </>
        ) : (
          <p className="text-lg font-medium leading-snug" data-testid="verdict-summary">
            {rec.summary}
          </p>
        )}
        <p className="mt-1 text-xs text-slate-600" title={SCALE_EXPLANATION} data-testid="verdict-scale">
          {rec.kbId && (
            <>
              Known issue <code className="font-log">{rec.kbId}</code> ·{" "}
            </>
          )}
          {rec.score !== undefined && <>match score {formatScore(rec.score)} · </>}
          {rec.verdict && rec.verdict !== "unknown" ? `verdict ${rec.verdict} · confidence ${formatConfidence(rec.confidence)}` : "verdict unknown"}
        </p>
      </div>
      {rec.upgrade && (
        <div data-testid="upgrade">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Upgrade {rec.upgrade.component}</h3>
          <p className="font-log text-base font-semibold">{rec.upgrade.text}</p>
          {rec.upgrade.upstreamOnly && (
            <p className="text-xs text-amber-800" data-testid="upstream-only">
              Only the upstream fix is known: no fixed package of this distro is recorded.
            </p>
          )}
        </div>
      )}
      {rec.fixCommits.length > 0 && (
        <div data-testid="fix-commits">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Fix commits</h3>
          <ul className="text-sm">
            {rec.fixCommits.map((c) => (
              <li key={c.commit}>
                {safeHref(c.url) ? (
                  <a href={safeHref(c.url)} className="font-log text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
                    {shortCommitRef(c.commit)}
                  </a>
                ) : (
                  <code className="font-log">{shortCommitRef(c.commit)}</code>
                )}{" "}
                {c.title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {rec.workarounds.length > 0 && (
        <div className="space-y-2" data-testid="workarounds">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Workarounds</h3>
          {rec.workarounds.map((w, i) => (
            <div key={i} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex items-center justify-between gap-2">
                <p className="text-sm font-medium">
                  {w.title}
                  {w.distros && w.distros.length > 0 && <span className="ml-1 text-xs font-normal text-slate-500">({w.distros.join(", ")})</span>}
                </p>
                {w.commands.length > 0 && <CopyButton text={w.commands.join("\n")} label="Copy commands" />}
              </div>
              {w.commands.length > 0 && (
                <pre className="font-log code-block mt-2 overflow-x-auto rounded p-2 text-xs">{w.commands.join("\n")}</pre>
              )}
              {w.caveats && <p className="mt-1 text-xs text-slate-600"><KbMarkdown text={w.caveats} inline /></p>}
            </div>
          ))}
        </div>
      )}
      {rec.references.length > 0 && (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">References</h3>
          <ul className="list-disc pl-5 text-sm">
            {rec.references.map((r) => (
              <li key={r.url}>
                {safeHref(r.url) ? (
                  <a href={safeHref(r.url)} className="text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
                    {r.title ?? r.url}
                  </a>
                ) : (
                  r.title ?? r.url
                )}
                {r.kind && <span className="text-slate-500"> ({r.kind})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The hosts past the first screen: one row each (host and kernel, verdict, known issue, upgrade). */
function HeadlineRows({ headlines, allHref }: { headlines: Recommendation[]; allHref: string }) {
  if (headlines.length === 0) return null;
  return (
    <MoreRows
      summary={`${headlines.length} more host${headlines.length === 1 ? "" : "s"} or kernel${headlines.length === 1 ? "" : "s"}`}
      allHref={allHref}
      linkText="Show every host in full"
      linkTestId="all-headlines-link"
      tableTestId="headline-rows"
      columns={[{ label: "Host · kernel" }, { label: "Verdict" }, { label: "Known issue", className: "hidden md:table-cell" }, { label: "Upgrade", className: "hidden sm:table-cell" }]}
    >
      {headlines.map((r, i) => (
        <tr key={`${r.host ?? ""}|${r.kernelRelease ?? ""}|${i}`} className="align-top" data-testid="headline-row">
          <td className="font-log break-all px-3 py-1.5 text-xs">
            {r.host ?? "(unknown host)"}
            {r.kernelRelease ? ` · ${r.kernelRelease}` : ""}
          </td>
          <td className="px-3 py-1.5 text-xs">{r.verdict && r.verdict !== "unknown" ? `${r.verdict} · ${formatConfidence(r.confidence)}` : "unknown"}</td>
          <td className="hidden px-3 py-1.5 md:table-cell">{r.kbId && <code className="font-log text-xs">{r.kbId}</code>}</td>
          <td className="font-log hidden px-3 py-1.5 text-xs sm:table-cell">{r.upgrade?.text}</td>
        </tr>
      ))}
    </MoreRows>
  );
}
