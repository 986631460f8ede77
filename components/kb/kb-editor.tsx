"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { kbEntrySchema, type KbEntryInput } from "@/lib/kb/schema";
import { KbMarkdown } from "./kb-markdown";
import { yamlMarkers, type SchemaIssue } from "./yaml-markers";
import { FormError } from "@/components/ui/form-error";

const YamlEditor = dynamic(() => import("./yaml-editor"), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-lg bg-slate-100" />,
});

type Props = {
  initial: KbEntryInput;
  /** Absent: a new entry. */
  baseRevision?: number;
};

type Change = { findingId: string; findingTitle: string; change: "would-match" | "would-stop-matching"; score: number; reasons: string[] };
type Preview = {
  ok: boolean;
  errors: string[];
  unreachable?: boolean;
  incidentsChecked: number;
  incidents: { incidentId: string; incidentTitle: string; changes: Change[] }[];
  pasted?: { entryMatched: boolean; findings: { id: string; title: string; matches: { kbId: string; title: string; score: number; verdict: string }[] }[] };
  ms: number;
};

const YAML_OPTIONS = { lineWidth: 0 } as const;
/** The structured parts edited as YAML next to the signature rules. */
const STRUCTURED_KEYS = ["introduced", "fixes", "workarounds", "references", "related", "programFiles"] as const;

function structuredPart(entry: KbEntryInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of STRUCTURED_KEYS) if (entry[key] !== undefined) out[key] = entry[key];
  return out;
}

function parseYamlPart(text: string, what: string, errors: string[]): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    errors.push(`${what} YAML: ${(e as Error).message}`);
    return undefined;
  }
}

const input = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** The KB entry editor: plain fields, YAML for rules and fixes (Monaco), Markdown preview, try-before-save, save with a message. */
export function KbEditor({ initial, baseRevision }: Props) {
  const router = useRouter();
  const isNew = baseRevision === undefined;
  const [id, setId] = useState(initial.id);
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [component, setComponent] = useState(initial.component);
  const [status, setStatus] = useState(initial.status ?? "active");
  const [rootCause, setRootCause] = useState(initial.rootCause ?? "");
  const [notes, setNotes] = useState(initial.notes ?? "");
  const [tags, setTags] = useState((initial.tags ?? []).join(", "));
  const [signaturesYaml, setSignaturesYaml] = useState(stringifyYaml(initial.signatures, YAML_OPTIONS));
  const [structuredYaml, setStructuredYaml] = useState(stringifyYaml(structuredPart(initial), YAML_OPTIONS));
  const [pastedLog, setPastedLog] = useState("");
  const [message, setMessage] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const { document, errors, signatureMarkers, structuredMarkers } = useMemo(() => {
    const errs: string[] = [];
    const signatureIssues: SchemaIssue[] = [];
    const structuredIssues: SchemaIssue[] = [];
    const signatures = parseYamlPart(signaturesYaml, "Signature rules", errs);
    const structured = parseYamlPart(structuredYaml, "Fixes and references", errs);
    const doc = {
      ...(structured && typeof structured === "object" ? structured : {}),
      id: id.trim(),
      title,
      summary,
      rootCause,
      component: component.trim(),
      origin: initial.origin ?? "team",
      status,
      signatures,
      tags: tags.split(",").map((t) => t.trim()).filter(Boolean),
      ...(notes.trim() ? { notes } : {}),
    };
    if (errs.length === 0) {
      const parsed = kbEntrySchema.safeParse(doc);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errs.push(`${issue.path.join(".") || "entry"}: ${issue.message}`);
          // Issues inside the YAML parts are also marked on their line in the editor.
          if (issue.path[0] === "signatures") signatureIssues.push({ path: issue.path.slice(1), message: issue.message });
          else if ((STRUCTURED_KEYS as readonly PropertyKey[]).includes(issue.path[0])) structuredIssues.push({ path: issue.path, message: issue.message });
        }
      }
    }
    return {
      document: doc,
      errors: errs,
      signatureMarkers: yamlMarkers(signaturesYaml, signatureIssues),
      structuredMarkers: yamlMarkers(structuredYaml, structuredIssues),
    };
  }, [signaturesYaml, structuredYaml, id, title, summary, rootCause, component, initial.origin, status, tags, notes]);

  async function post(url: string, method: string, body: unknown): Promise<{ ok: boolean; status: number; body: Record<string, unknown> }> {
    const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return { ok: res.ok, status: res.status, body: await res.json().catch(() => ({})) };
  }

  async function tryIt() {
    setBusy(true);
    setServerError(null);
    const res = await post("/api/kb/preview", "POST", { document, pastedLog: pastedLog || undefined });
    setBusy(false);
    if (!res.ok) return setServerError(String(res.body.message ?? `HTTP ${res.status}`));
    setPreview(res.body as unknown as Preview);
  }

  async function save() {
    setBusy(true);
    setServerError(null);
    const res = isNew
      ? await post("/api/kb", "POST", { document, message })
      : await post(`/api/kb/${encodeURIComponent(initial.id)}`, "PUT", { document, baseRevision, message });
    setBusy(false);
    if (res.status === 409 && !isNew) {
      return setServerError(`Someone saved this entry meanwhile (now r${String(res.body.currentRevision)}). Copy your changes, reload the page and edit again.`);
    }
    if (!res.ok) return setServerError(String(res.body.message ?? `HTTP ${res.status}`));
    router.push(`/kb/${encodeURIComponent(document.id)}`);
    router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <label className="block text-sm">
          Id
          <input value={id} onChange={(e) => setId(e.target.value)} disabled={!isNew} name="id" className={input} />
        </label>
        <label className="block text-sm">
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} name="title" className={input} />
        </label>
        <label className="block text-sm">
          Summary
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} name="summary" rows={2} className={input} />
        </label>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm">
            Component
            <input value={component} onChange={(e) => setComponent(e.target.value)} name="component" className={input} />
          </label>
          <label className="block text-sm">
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} name="status" className={input}>
              <option value="active">active</option>
              <option value="draft">draft</option>
              <option value="retired">retired</option>
            </select>
          </label>
          <label className="block text-sm">
            Tags (comma-separated)
            <input value={tags} onChange={(e) => setTags(e.target.value)} name="tags" className={input} />
          </label>
        </div>
        <div className="space-y-1 text-sm">
          <p>Signature rules (YAML list: kind, value/values/pattern/key, weight, required, note)</p>
          <YamlEditor initialValue={signaturesYaml} onChange={setSignaturesYaml} label="Signature rules YAML" markers={signatureMarkers} />
        </div>
        <div className="space-y-1 text-sm">
          <p>Fixes, workarounds, references, introduced, related, programFiles (YAML)</p>
          <YamlEditor initialValue={structuredYaml} onChange={setStructuredYaml} height={220} label="Fixes and references YAML" markers={structuredMarkers} />
        </div>
        <label className="block text-sm">
          Root cause (Markdown)
          <textarea value={rootCause} onChange={(e) => setRootCause(e.target.value)} name="rootCause" rows={8} className={`${input} font-mono`} />
        </label>
        <label className="block text-sm">
          Reviewer notes
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} name="notes" rows={2} className={input} />
        </label>
      </div>

      <div className="space-y-4">
        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="kb-validation">
          {errors.length === 0 ? (
            <p className="text-sm text-green-700">The entry is valid.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm text-red-700" role="alert">
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Root cause preview</h2>
          <KbMarkdown text={rootCause || "_(empty)_"} />
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Try before saving</h2>
          <textarea value={pastedLog} onChange={(e) => setPastedLog(e.target.value)} rows={5} placeholder="Optionally paste a log to triage with this version of the entry" className={`${input} font-mono text-xs`} />
          <button onClick={tryIt} disabled={busy || errors.length > 0} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50">
            Check stored incidents{pastedLog ? " and the pasted log" : ""}
          </button>
          {preview && <PreviewResult preview={preview} entryId={document.id} />}
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <label className="block text-sm">
            What changed and why
            <input value={message} onChange={(e) => setMessage(e.target.value)} name="message" className={input} />
          </label>
          <FormError message={serverError} />
          <div className="flex gap-2">
            <button onClick={save} disabled={busy || errors.length > 0} className="rounded-lg bg-slate-900 px-4 py-2 text-sm text-white disabled:opacity-50">
              Save
            </button>
            <Link href={isNew ? "/kb" : `/kb/${encodeURIComponent(initial.id)}`} className="rounded-lg px-4 py-2 text-sm text-slate-600">
              Cancel
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}

function PreviewResult({ preview, entryId }: { preview: Preview; entryId: string }) {
  const changes = preview.incidents.flatMap((i) => i.changes.map((c) => ({ ...c, incidentId: i.incidentId, incidentTitle: i.incidentTitle })));
  const gained = changes.filter((c) => c.change === "would-match");
  const lost = changes.filter((c) => c.change === "would-stop-matching");
  const list = (items: typeof changes, testId: string) => (
    <ul className="list-disc space-y-1 pl-5" data-testid={testId}>
      {items.map((c) => (
        <li key={`${c.incidentId}/${c.findingId}`}>
          <Link href={`/incidents/${encodeURIComponent(c.incidentId)}`} className="text-blue-700 underline">
            {c.findingTitle}
          </Link>{" "}
          <span className="text-xs text-slate-500">
            score {c.score.toFixed(2)} · {c.reasons.join("; ")}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-2 text-sm" data-testid="kb-preview">
      <p className="text-slate-600">
        Checked {preview.incidentsChecked} stored incidents in {preview.ms} ms.
      </p>
      {preview.unreachable && <p className="text-amber-800">No rule gives the matcher a key: the entry would never match.</p>}
      <p className="font-medium">Would match ({gained.length})</p>
      {gained.length > 0 ? list(gained, "kb-would-match") : <p className="text-slate-500">No finding newly matched.</p>}
      <p className="font-medium">Would stop matching ({lost.length})</p>
      {lost.length > 0 ? list(lost, "kb-would-stop") : <p className="text-slate-500">No finding lost.</p>}
      {preview.pasted && (
        <div>
          <p className="font-medium">Pasted log: {preview.pasted.entryMatched ? `matches ${entryId}` : `${entryId} does not match`}</p>
          <ul className="list-disc pl-5">
            {preview.pasted.findings.map((f) => (
              <li key={f.id}>
                {f.title} → {f.matches.length ? f.matches.map((m) => `${m.kbId} (${m.score.toFixed(2)}, ${m.verdict})`).join(", ") : "no match"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
