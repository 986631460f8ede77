"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { LogMarker } from "@/components/log-viewer/types";
import { formatBytes } from "@/components/ui/format";
import { CopyButton } from "@/components/ui/copy-button";
import { logAnchor, parseLogAnchor, type LogTarget } from "./log-anchor";
import { Timeline } from "./timeline";
import { WORKBENCH_FORMAT, type WorkbenchData } from "@/lib/engine/summary/workbench-data";

const MonacoLogViewer = dynamic(() => import("@/components/log-viewer/monaco-log-viewer"), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-slate-500">Loading the viewer…</p>,
});
const VirtualLogViewer = dynamic(() => import("@/components/log-viewer/virtual-log-viewer"), { ssr: false });

const NO_FINDINGS: WorkbenchData["findings"] = [];

/** Monaco's own large-file mode starts at 20 MB (tokenization off, no worker sync); past it we virtualise. */
const MONACO_MAX_BYTES = 20 * 1024 * 1024;

export type WorkbenchFile = { index: number; name: string; decodedBytes: number; lines: number };
type Props = {
  incidentId: string;
  files: WorkbenchFile[];
  /** The timeline's lanes (timelineLanes): the server draws them; the rest is fetched (lib/engine/summary/workbench-data.ts). */
  lanes: string[];
  /** The incident's version (`?v=`: an answer for it may be kept by the browser); null: none known. */
  version: string | null;
  /** A small incident's data, sent with the page (INLINE_WORKBENCH_MAX_CHARS): nothing to fetch. */
  inlineData?: WorkbenchData;
  /** Where the viewer opens without a `#log=` link: the first crash line. */
  initialTarget?: LogTarget;
};

type Loaded = { data: WorkbenchData } | { error: string };

export function IncidentWorkbench({ incidentId, files, lanes, version, inlineData, initialTarget }: Props) {
  const [fetched, setLoaded] = useState<Loaded | undefined>();
  const loaded: Loaded | undefined = inlineData ? { data: inlineData } : fetched;
  useEffect(() => {
    if (inlineData) return;
    const controller = new AbortController();
    const query = version ? `?v=${WORKBENCH_FORMAT}-${encodeURIComponent(version)}` : "";
    fetch(`/api/incidents/${incidentId}/workbench${query}`, { signal: controller.signal })
      .then(async (r) => {
        // Our API answers errors as JSON {message}; a proxy's error page is not.
        if (!r.ok) throw new Error(r.headers.get("content-type")?.includes("json") ? ((await r.json()) as { message?: string }).message : `HTTP ${r.status}`);
        setLoaded({ data: (await r.json()) as WorkbenchData });
      })
      .catch((err: Error) => {
        if (!controller.signal.aborted) setLoaded({ error: err.message });
      });
    return () => controller.abort();
  }, [incidentId, version, inlineData]);
  const data = loaded && "data" in loaded ? loaded.data : undefined;
  const findings = data?.findings ?? NO_FINDINGS;
  const [target, setTarget] = useState<{ fileIndex: number; line?: number; endLine?: number }>(initialTarget ?? { fileIndex: 0 });
  const [selected, setSelected] = useState<{ from: number; to: number } | null>(null);
  const fileIndexOf = useCallback((name: string) => Math.max(0, files.findIndex((f) => f.name === name)), [files]);

  const open = useCallback((fileIndex: number, line: number) => {
    setTarget({ fileIndex, line });
    setSelected(null);
    history.replaceState(null, "", logAnchor(fileIndex, line));
    document.getElementById("log-viewer")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, []);

  // Links elsewhere on the page (findings' "show in log") use the URL fragment.
  useEffect(() => {
    const onHash = () => {
      const a = parseLogAnchor(location.hash);
      if (a && a.fileIndex < files.length) {
        setTarget(a);
        setSelected(null);
        document.getElementById("log-viewer")?.scrollIntoView({ behavior: "smooth", block: "start" });
      }
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [files.length]);

  const file = files[target.fileIndex] ?? files[0];
  const onSelectLines = useCallback(
    (from: number, to: number) => {
      if (!file) return;
      setSelected({ from, to });
      history.replaceState(null, "", logAnchor(file.index, from, to));
    },
    [file],
  );
  const markers: LogMarker[] = useMemo(
    () => findings.filter((f) => file && f.source.file === file.name).map((f) => ({ line: f.source.line, endLine: f.source.endLine, title: f.title })),
    [findings, file],
  );

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Timeline</h2>
        {loaded && "error" in loaded && (
          <p className="text-sm text-red-700" data-testid="timeline-error">
            The timeline could not be loaded: {loaded.error}
          </p>
        )}
        <Timeline lanes={lanes} data={data} files={files} fileIndexOf={fileIndexOf} onSelect={open} />
      </section>
      {file && (
        <section id="log-viewer" className="space-y-2 scroll-mt-4">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="mr-2 text-lg font-semibold">Log</h2>
            {files.map((f) => (
              <button
                key={f.index}
                type="button"
                onClick={() => {
                  setTarget({ fileIndex: f.index });
                  setSelected(null);
                }}
                className={`font-log rounded border px-2 py-0.5 text-xs ${f.index === file.index ? "border-blue-600 bg-blue-100 text-blue-900" : "border-slate-300 bg-white"}`}
              >
                {f.name} <span className="opacity-70">({formatBytes(f.decodedBytes)})</span>
              </button>
            ))}
            {target.line && !selected && (
              <span className="text-xs text-slate-500" data-testid="viewer-target">
                {target.endLine ? `lines ${target.line}–${target.endLine}` : `line ${target.line}`}
              </span>
            )}
            {selected && (
              <span className="flex items-center gap-2 text-xs text-slate-500" data-testid="viewer-selection">
                lines {selected.from}–{selected.to}
                <CopyButton text={typeof location === "undefined" ? "" : `${location.origin}${location.pathname}${logAnchor(file.index, selected.from, selected.to)}`} label="Copy link to these lines" testId="copy-range-link" />
              </span>
            )}
          </div>
          <div className="overflow-hidden rounded-lg border border-slate-200">
            {file.decodedBytes > MONACO_MAX_BYTES ? (
              <VirtualLogViewer
                key={file.index}
                linesUrl={`/api/incidents/${incidentId}/files/${file.index}/lines`}
                markers={markers}
                targetLine={target.fileIndex === file.index ? target.line : undefined}
                targetEndLine={target.fileIndex === file.index ? target.endLine : undefined}
              />
            ) : (
              <MonacoLogViewer
                key={file.index}
                textUrl={`/api/incidents/${incidentId}/files/${file.index}?decoded=1`}
                markers={markers}
                targetLine={target.fileIndex === file.index ? target.line : undefined}
                targetEndLine={target.fileIndex === file.index ? target.endLine : undefined}
                onSelectLines={onSelectLines}
              />
            )}
          </div>
        </section>
      )}
    </div>
  );
}
