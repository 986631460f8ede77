"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/shell/use-color-scheme";
import type { YamlMarker } from "./yaml-markers";

// Monaco from our own origin (public/monaco-vs, copied at install), never a CDN.
loader.config({ paths: { vs: "/monaco-vs" } });

type Props = { initialValue: string; onChange: (value: string) => void; height?: number; label: string; markers?: YamlMarker[] };

/**
 * A YAML editor for the signature rules (and the other structured parts) of a KB entry, with validation markers.
 * Client-only. Uncontrolled on purpose: `initialValue` is only the starting text. Fed back as a controlled value, a
 * render that lagged behind fast typing (the form re-validates the whole entry on every key) carried an older text
 * back, and the wrapper replaced the model with it — keys typed meanwhile were lost (`- kind: tag` → `-kinda`).
 */
export default function YamlEditor({ initialValue, onChange, height = 260, label, markers = [] }: Props) {
  const scheme = useColorScheme();
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
        defaultValue={initialValue}
        theme={scheme === "dark" ? "vs-dark" : "light"}
        onChange={(v) => onChange(v ?? "")}
        onMount={onMount}
        options={{ minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, wordWrap: "on", ariaLabel: label }}
      />
    </div>
  );
}
