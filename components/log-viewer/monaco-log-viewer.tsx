"use client";

import Editor, { loader } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/shell/use-color-scheme";
import { SYSLOG_LANGUAGE_ID, syslogDarkTheme, syslogLanguage, syslogTheme } from "./syslog-language";
import type { LogMarker } from "./types";

// Monaco from our own origin (public/monaco-vs, copied at install): the default is a CDN, which is off-limits.
loader.config({ paths: { vs: "/monaco-vs" } });

type Props = {
  textUrl: string;
  markers: LogMarker[];
  targetLine?: number;
  /** Last line of a linked range (`#log=0:120-180`). */
  targetEndLine?: number;
  /** The reader selected whole lines: the page turns them into a range link. */
  onSelectLines?: (from: number, to: number) => void;
};

function registerLanguage(monaco: typeof Monaco) {
  if (!monaco.languages.getLanguages().some((l) => l.id === SYSLOG_LANGUAGE_ID)) {
    monaco.languages.register({ id: SYSLOG_LANGUAGE_ID });
    monaco.languages.setMonarchTokensProvider(SYSLOG_LANGUAGE_ID, syslogLanguage);
    monaco.editor.defineTheme("oopscope", syslogTheme);
    monaco.editor.defineTheme("oopscope-dark", syslogDarkTheme);
  }
}

export default function MonacoLogViewer({ textUrl, markers, targetLine, targetEndLine, onSelectLines }: Props) {
  const scheme = useColorScheme();
  const onSelectRef = useRef(onSelectLines);
  useEffect(() => {
    onSelectRef.current = onSelectLines;
  }, [onSelectLines]);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    // The component is keyed by file, so textUrl never changes for one instance.
    let cancelled = false;
    fetch(textUrl)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => !cancelled && setText(t))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [textUrl]);

  // Finding lines: glyph + background on the headline, lighter background over the report's lines.
  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco || !mounted) return;
    const deco: Monaco.editor.IModelDeltaDecoration[] = markers.flatMap((m) => [
      {
        range: new monaco.Range(m.line, 1, m.line, 1),
        options: { isWholeLine: true, className: "oops-finding-line", glyphMarginClassName: "oops-finding-glyph", glyphMarginHoverMessage: { value: m.title } },
      },
      ...(m.endLine && m.endLine > m.line
        ? [{ range: new monaco.Range(m.line + 1, 1, m.endLine, 1), options: { isWholeLine: true, className: "oops-report-line" } }]
        : []),
    ]);
    decorations.current?.clear();
    decorations.current = editor.createDecorationsCollection(deco);
  }, [markers, mounted, text]);

  const targetDeco = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco || !mounted || !targetLine) return;
    const end = Math.max(targetLine, targetEndLine ?? targetLine);
    // A range opens at its first line (its end may be a screen further down).
    if (end > targetLine) editor.revealLineNearTop(targetLine);
    else editor.revealLineInCenter(targetLine);
    editor.setSelection(new monaco.Range(targetLine, 1, targetLine, 1));
    targetDeco.current?.clear();
    targetDeco.current = editor.createDecorationsCollection([
      { range: new monaco.Range(targetLine, 1, end, 1), options: { isWholeLine: true, className: "oops-target-line" } },
    ]);
  }, [targetLine, targetEndLine, mounted, text]);

  if (error) return <p className="p-3 text-sm text-red-700">Could not load the log: {error}</p>;
  if (text === null) return <p className="p-3 text-sm text-slate-500">Loading log…</p>;
  return (
    <div data-testid="monaco-viewer" className="h-[560px]">
      <Editor
        value={text}
        language={SYSLOG_LANGUAGE_ID}
        theme={scheme === "dark" ? "oopscope-dark" : "oopscope"}
        beforeMount={registerLanguage}
        onMount={(editor, monaco) => {
          editorRef.current = editor;
          monacoRef.current = monaco as unknown as typeof Monaco;
          editor.onDidChangeCursorSelection((e) => {
            const sel = e.selection;
            // Only a selection the reader made across lines (not the viewer's own jump to a target).
            if (e.source === "api" || sel.startLineNumber === sel.endLineNumber) return;
            const to = sel.endColumn === 1 ? sel.endLineNumber - 1 : sel.endLineNumber;
            if (to > sel.startLineNumber) onSelectRef.current?.(sel.startLineNumber, to);
          });
          setMounted(true);
        }}
        loading={<p className="p-3 text-sm text-slate-500">Starting the editor…</p>}
        options={{
          readOnly: true,
          domReadOnly: true,
          glyphMargin: true,
          minimap: { enabled: false },
          wordWrap: "off",
          fontSize: 12,
          lineNumbersMinChars: 6,
          scrollBeyondLastLine: false,
          renderWhitespace: "none",
          automaticLayout: true,
          unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
          // `#167-Ubuntu` in a banner is not a CSS colour: no colour swatches.
          colorDecorators: false,
          defaultColorDecorators: "never",
          occurrencesHighlight: "off",
        }}
      />
    </div>
  );
}
