"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export const SHORTCUTS: [string, string][] = [
  ["j", "next finding"],
  ["k", "previous finding"],
  ["/", "search"],
  ["?", "this list"],
  ["Esc", "close this list"],
];

/** Findings on the incident page and incidents on a signature page: what j/k step through. */
const ITEM_SELECTOR = "[data-testid='finding'], [data-jk-item]";
const SEARCH_SELECTOR = "[data-shortcut='search']";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest(".monaco-editor"));
}

/** Global keys: j/k between findings, / to search, ? for the list. Keys typed into a field are left alone. */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        if (dialog.current?.open) dialog.current.close();
        else dialog.current?.showModal();
      } else if (e.key === "/") {
        e.preventDefault();
        const search = document.querySelector<HTMLElement>(SEARCH_SELECTOR);
        if (search) search.focus();
        // No search box here: the incident list's, focused on arrival.
        else router.push("/incidents?focus=search");
      } else if (e.key === "j" || e.key === "k") {
        const items = [...document.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
        if (items.length === 0) return;
        const at = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
        const next = at < 0 ? (e.key === "j" ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + (e.key === "j" ? 1 : -1)));
        const el = items[next];
        if (!el.hasAttribute("tabindex")) el.tabIndex = -1;
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" data-testid="shortcuts" className="m-auto rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/30">
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm text-white">Close</button>
      </form>
    </dialog>
  );
}
