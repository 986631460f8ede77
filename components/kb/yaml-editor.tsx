"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import type { YamlMarker } from "./yaml-markers";

// Monaco from our own origin (public/monaco-vs, copied at install), never a CDN.
loader.config({ paths: { vs: "/monaco-vs" } });

type Props = { value: string; onChange: (value: string) => void; height?: number; label: string; markers?: YamlMarker[] };

/** A YAML editor for the signature rules (and the other structured parts) of a KB entry, with validation markers. Client-only. */
export default function YamlEditor({ value, onChange, height = 260, label, markers = [] }: Props) {
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    setMounted(true);
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    const monaco = monacoRef.current;
    if (!mounted || !model || !monaco) return;
    monaco.editor.setModelMarkers(
      model,
      "kb-schema",
      markers.map((m) => ({
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine,
        endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column + 1 : m.endColumn),
        message: m.message,
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, [markers, mounted]);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-300" aria-label={label}>
      <Editor
        height={height}
        language="yaml"
        value={value}
        onChange={(v) => onChange(v ?? "")}
        onMount={onMount}
        options={{ minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, wordWrap: "on", ariaLabel: label }}
      />
    </div>
  );
}
