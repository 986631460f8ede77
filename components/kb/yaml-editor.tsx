"use client";

import Editor, { loader } from "@monaco-editor/react";

// Monaco from our own origin (public/monaco-vs, copied at install), never a CDN.
loader.config({ paths: { vs: "/monaco-vs" } });

type Props = { value: string; onChange: (value: string) => void; height?: number; label: string };

/** A YAML editor for the signature rules (and the other structured parts) of a KB entry. Client-only. */
export default function YamlEditor({ value, onChange, height = 260, label }: Props) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-300" aria-label={label}>
      <Editor
        height={height}
        language="yaml"
        value={value}
        onChange={(v) => onChange(v ?? "")}
        options={{ minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, wordWrap: "on", ariaLabel: label }}
      />
    </div>
  );
}
