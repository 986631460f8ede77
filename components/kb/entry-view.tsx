import type { KbEntry, SignatureRule } from "@/lib/kb/schema";
import { KbMarkdown } from "./kb-markdown";

/** Only web links are rendered as links; anything else in a reference URL is shown as text. */
function SafeLink({ url, children }: { url: string; children: React.ReactNode }) {
  if (!/^https?:\/\//i.test(url)) return <span>{children}</span>;
  return (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline">
      {children}
    </a>
  );
}

function ruleTarget(rule: SignatureRule): string {
  if (rule.kind === "frames") return (rule.values ?? []).join(" → ");
  if (rule.kind === "detail") return `${rule.key} ~ /${rule.pattern}/i`;
  if (rule.pattern) return `/${rule.pattern}/i`;
  return rule.value ?? "";
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

/** Everything the matcher and the recommendation use, rendered as text (KB text is untrusted). */
export function KbEntryView({ entry, unreachable }: { entry: KbEntry; unreachable: boolean }) {
  return (
    <div className="space-y-4">
      <KbMarkdown text={entry.summary} className="text-base text-slate-700" />
      {unreachable && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          No rule gives the matcher a key (title, frame, source file, component or a pinned word of a message regex): this entry never matches.
        </p>
      )}
      <Section title="Signature rules">
        <table className="w-full text-left text-sm" data-testid="kb-rules">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="whitespace-nowrap py-1 pr-2">Kind</th>
              <th>Looks for</th>
              <th className="whitespace-nowrap pr-2">Weight</th>
              <th className="whitespace-nowrap pr-2">Required</th>
              <th className="hidden sm:table-cell">Note</th>
            </tr>
          </thead>
          <tbody>
            {entry.signatures.map((rule, i) => (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap py-1 pr-2 font-mono text-xs">{rule.kind}</td>
                <td className="pr-2 font-mono text-xs break-all">{ruleTarget(rule)}</td>
                <td className="whitespace-nowrap pr-2">{rule.weight}</td>
                <td className="whitespace-nowrap pr-2">{rule.required ? "yes" : ""}</td>
                <td className="hidden text-slate-600 sm:table-cell">{rule.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {entry.rootCause && (
        <Section title="Root cause">
          <KbMarkdown text={entry.rootCause} />
        </Section>
      )}
      <Section title="Fixes and affected versions">
        {entry.introduced && (
          <p className="text-sm">
            Introduced: {entry.introduced.mainline ?? "?"} {entry.introduced.commit && <code className="font-mono text-xs">{entry.introduced.commit}</code>}{" "}
            {entry.introduced.note}
          </p>
        )}
        {entry.fixes.length === 0 && <p className="text-sm text-slate-500">No fix recorded: the verdict is “unknown”.</p>}
        {entry.fixes.map((fix, i) => (
          <div key={i} className="space-y-1 border-t border-slate-100 pt-2 text-sm first:border-0 first:pt-0">
            <p>
              <span className="font-medium">{fix.title}</span> <span className="text-xs text-slate-500">({fix.role}, {fix.repository})</span>
            </p>
            <p className="font-mono text-xs">
              {fix.commit && <>commit {fix.commit} · </>}
              {fix.ref && <>ref {fix.ref} · </>}
              {fix.mainline && <>mainline {fix.mainline} · </>}
              {fix.cve}
            </p>
            {fix.branches.length > 0 && (
              <p className="text-xs">Stable: {fix.branches.map((b) => `${b.branch}.y ${b.fixed ? `≥ ${b.fixed}` : "not fixed"}${b.introduced ? ` (bug from ${b.introduced})` : ""}`).join(", ")}</p>
            )}
            {fix.distros.length > 0 && <p className="text-xs">Distros: {fix.distros.map((d) => `${d.distro} ${d.release} ≥ ${d.fixed}`).join(", ")}</p>}
            {fix.components.length > 0 && <p className="text-xs">Components: {fix.components.map((c) => `${c.component}${c.branch ? ` ${c.branch}` : ""} ≥ ${c.fixed}`).join(", ")}</p>}
            {fix.note && <p className="text-xs text-slate-600">{fix.note}</p>}
          </div>
        ))}
      </Section>
      {entry.workarounds.length > 0 && (
        <Section title="Workarounds">
          {entry.workarounds.map((w, i) => (
            <div key={i} className="space-y-1 text-sm">
              <p className="font-medium">{w.title}</p>
              {w.commands.length > 0 && <pre className="overflow-x-auto code-block rounded p-2 font-mono text-xs">{w.commands.join("\n")}</pre>}
              {w.caveats && <p className="text-xs text-slate-600"><KbMarkdown text={w.caveats} inline /></p>}
            </div>
          ))}
        </Section>
      )}
      {(entry.references.length > 0 || entry.related.length > 0 || entry.programFiles.length > 0 || entry.tags.length > 0 || entry.notes) && (
        <Section title="References and context">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {entry.references.map((r, i) => (
              <li key={i}>
                <SafeLink url={r.url}>{r.title ?? r.url}</SafeLink> <span className="text-xs text-slate-500">{r.kind}</span>
              </li>
            ))}
          </ul>
          {entry.related.length > 0 && (
            <p className="text-sm">
              Related:{" "}
              {entry.related.map((id) => (
                <a key={id} href={`/kb/${encodeURIComponent(id)}`} className="mr-2 text-blue-700 underline">
                  {id}
                </a>
              ))}
            </p>
          )}
          {entry.programFiles.length > 0 && <p className="font-mono text-xs">Files: {entry.programFiles.join(", ")}</p>}
          {entry.tags.length > 0 && <p className="text-xs text-slate-600">Tags: {entry.tags.join(", ")}</p>}
          {entry.notes && <KbMarkdown text={entry.notes} className="text-slate-700" />}
        </Section>
      )}
    </div>
  );
}
