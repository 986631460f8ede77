"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LogMarker } from "./types";

type Props = { linesUrl: string; markers: LogMarker[]; targetLine?: number; targetEndLine?: number };

const PAGE = 1_000;
const ROW_H = 18;

/**
 * For logs too big for Monaco: only the visible rows exist in the DOM, and lines are fetched a page at a time
 * from the server's line index. Text is rendered as text (React escapes it).
 */
export default function VirtualLogViewer({ linesUrl, markers, targetLine, targetEndLine }: Props) {
  const [lineCount, setLineCount] = useState<number | null>(null);
  const pages = useRef(new Map<number, string[]>());
  const pending = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const parent = useRef<HTMLDivElement>(null);
  const markerAt = new Map(markers.map((m) => [m.line, m]));
  const inReport = (line: number) => markers.some((m) => m.endLine && line > m.line && line <= m.endLine);

  const loadPage = useCallback(
    async (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const r = await fetch(`${linesUrl}?from=${page * PAGE + 1}&to=${(page + 1) * PAGE}`);
        const body = (await r.json()) as { lines: string[]; lineCount: number };
        pages.current.set(page, body.lines);
        setLineCount(body.lineCount);
        setVersion((v) => v + 1);
      } finally {
        pending.current.delete(page);
      }
    },
    [linesUrl],
  );

  useEffect(() => {
    void loadPage(0);
  }, [loadPage]);

  // The virtualizer is re-read on every render on purpose (its scroll state is not React state).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: lineCount ?? 0, getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 30 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const it of items) void loadPage(Math.floor(it.index / PAGE));
  }, [items, loadPage]);

  useEffect(() => {
    if (targetLine && lineCount) virtualizer.scrollToIndex(targetLine - 1, { align: targetEndLine && targetEndLine > targetLine ? "start" : "center" });
  }, [targetLine, targetEndLine, lineCount, virtualizer]);
  const isTarget = (line: number) => !!targetLine && line >= targetLine && line <= Math.max(targetLine, targetEndLine ?? targetLine);

  if (lineCount === null) return <p className="p-3 text-sm text-slate-500">Loading log…</p>;
  return (
    <div ref={parent} className="font-log h-[560px] overflow-auto bg-white text-xs" data-testid="virtual-viewer">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((it) => {
          const line = it.index + 1;
          const text = pages.current.get(Math.floor(it.index / PAGE))?.[it.index % PAGE];
          const marker = markerAt.get(line);
          const bg = isTarget(line) ? "bg-blue-200" : marker ? "bg-red-100" : inReport(line) ? "bg-yellow-50" : "";
          return (
            <div
              key={it.key}
              className={`absolute left-0 flex w-full whitespace-pre ${bg}`}
              style={{ top: it.start, height: ROW_H, lineHeight: `${ROW_H}px` }}
              title={marker?.title}
            >
              <span className="w-20 shrink-0 select-none pr-3 text-right text-slate-400">{line}</span>
              <span className="w-3 shrink-0">{marker ? "●" : ""}</span>
              <span className="text-slate-800">{text ?? "…"}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
