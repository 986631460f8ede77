"use client";

import { useState } from "react";

type Props = { text?: string; fetchUrl?: string; label?: string; testId?: string };

/** Copies `text` (or the body of `fetchUrl`) to the clipboard; says so for two seconds. */
export function CopyButton({ text, fetchUrl, label = "Copy", testId }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onClick = async () => {
    try {
      const value = text ?? (fetchUrl ? await (await fetch(fetchUrl)).text() : "");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
    </button>
  );
}
