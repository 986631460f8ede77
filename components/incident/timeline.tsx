"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Boot, TimelineEvent } from "@/lib/engine/types";

type Props = {
  events: TimelineEvent[];
  boots: Boot[];
  /** Input name → index, to open the viewer at an event's line. */
  fileIndexOf: (file: string) => number;
  onSelect: (fileIndex: number, line: number) => void;
};

const LANE_H = 44;
const LABEL_W = 130;
const BASE_W = 900;
const AXIS_H = 24;

type Positioned = { ev: TimelineEvent; lane: number; x: number };

const MARKER_STYLE: Record<string, { fill: string; label: string }> = {
  crash: { fill: "#dc2626", label: "crash" },
  problem: { fill: "#ea580c", label: "problem" },
  warning: { fill: "#ca8a04", label: "warning" },
  boot: { fill: "#16a34a", label: "boot" },
  "kdump-boot": { fill: "#7c3aed", label: "kdump boot" },
  shutdown: { fill: "#475569", label: "shutdown" },
  agent: { fill: "#2563eb", label: "agent" },
  gap: { fill: "#94a3b8", label: "gap (node down)" },
  info: { fill: "#64748b", label: "info" },
};

const DRAW_ORDER = ["gap", "info", "agent", "boot", "kdump-boot", "shutdown", "warning", "problem", "crash"];

const laneKey = (host: string | undefined, file: string) => host ?? `(${file})`;

/**
 * One lane per host; boots are segments, crashes/problems markers, downtime gaps hatched, agent lines thin ticks.
 * The x axis is wall-clock time when every event has one, otherwise line order within each file (dmesg without dates).
 */
export function Timeline({ events, boots, fileIndexOf, onSelect }: Props) {
  const [zoom, setZoom] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const zoomRef = useRef(zoom);
  useEffect(() => {
    zoomRef.current = zoom;
  }, [zoom]);

  const layout = useMemo(() => {
    const lanes = [...new Set([...boots.map((b) => laneKey(b.host, b.source.file)), ...events.map((e) => laneKey(e.host, e.source.file))])];
    const byTime = events.length > 0 && events.every((e) => e.time && !Number.isNaN(Date.parse(e.time)));
    // A boot without a time of its own (no wall clock in its first line) takes the time of the nearest event of
    // the same file at or before its line, so it never mixes line numbers into a time axis.
    const timedByFile = new Map<string, { line: number; t: number }[]>();
    for (const e of events) if (e.time) (timedByFile.get(e.source.file) ?? timedByFile.set(e.source.file, []).get(e.source.file)!).push({ line: e.source.line, t: Date.parse(e.time) });
    for (const list of timedByFile.values()) list.sort((a, b) => a.line - b.line);
    const nearestTime = (file: string, line: number): number | undefined => {
      const list = timedByFile.get(file) ?? [];
      return ([...list].reverse().find((p) => p.line <= line) ?? list[0])?.t;
    };
    const value = (time: string | undefined, line: number, file?: string) =>
      !byTime ? line : time ? Date.parse(time) : ((file ? nearestTime(file, line) : undefined) ?? line);
    const values = [
      ...events.map((e) => value(e.time, e.source.line)),
      ...events.filter((e) => e.kind === "gap" && byTime && e.durationSec).map((e) => value(e.time, e.source.line) - (e.durationSec ?? 0) * 1000),
      ...boots.flatMap((b) => [value(b.startTime, b.source.line, b.source.file), ...(b.endTime ? [value(b.endTime, b.source.line, b.source.file)] : [])]),
    ];
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 1;
    const span = max - min || 1;
    const fx = (v: number) => ((v - min) / span) * (BASE_W - 20) + 10;
    const positioned: Positioned[] = events.map((ev) => ({ ev, lane: lanes.indexOf(laneKey(ev.host, ev.source.file)), x: fx(value(ev.time, ev.source.line)) }));
    const segments = boots.map((b, i) => {
      const lane = lanes.indexOf(laneKey(b.host, b.source.file));
      const next = boots.slice(i + 1).find((o) => laneKey(o.host, o.source.file) === laneKey(b.host, b.source.file));
      const laneEvents = positioned.filter((p) => p.lane === lane);
      const start = fx(value(b.startTime, b.source.line, b.source.file));
      const end = b.endTime
        ? fx(value(b.endTime, b.source.line, b.source.file))
        : next
          ? fx(value(next.startTime, next.source.line, next.source.file))
          : Math.max(start + 4, ...laneEvents.map((p) => p.x));
      return { boot: b, lane, start, end: Math.max(end, start + 4) };
    });
    return { lanes, positioned, segments, byTime, min, max, fx };
  }, [events, boots]);

  // Wheel zooms around the pointer (non-passive listener so the page does not scroll meanwhile).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      // Ctrl/⌘ + wheel (also what a pinch on a touchpad sends): plain wheel keeps scrolling the page.
      if (!(e.ctrlKey || e.metaKey) || Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const pointer = e.clientX - rect.left + el.scrollLeft - LABEL_W;
      const old = zoomRef.current;
      const next = Math.min(500, Math.max(1, old * (e.deltaY < 0 ? 1.25 : 0.8)));
      setZoom(next);
      requestAnimationFrame(() => (el.scrollLeft = Math.max(0, (pointer * next) / old - (e.clientX - rect.left - LABEL_W))));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  if (layout.lanes.length === 0) return <p className="text-sm text-slate-500">No timeline: the log has no boots or events.</p>;

  const width = BASE_W * zoom;
  const height = AXIS_H + layout.lanes.length * LANE_H;
  // About one tick per 150 px at any zoom; labels equal to the previous one (short line spans) are left out.
  const ticks = Math.min(400, Math.max(2, Math.round(6 * zoom)));
  const tickLabel = (i: number) => {
    const v = layout.min + ((layout.max - layout.min) * i) / ticks;
    return layout.byTime ? new Date(v).toISOString().slice(5, 19).replace("T", " ") : `line ${Math.round(v)}`;
  };
  const shownTick = (i: number) => i === 0 || tickLabel(i) !== tickLabel(i - 1);
  const select = (ev: TimelineEvent) => onSelect(fileIndexOf(ev.source.file), ev.source.line);

  return (
    <div className="space-y-2" data-testid="timeline">
      <div className="flex items-center gap-2 text-xs">
        <button type="button" className="rounded border px-2 py-0.5" onClick={() => setZoom((z) => Math.min(500, z * 2))} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="rounded border px-2 py-0.5" onClick={() => setZoom((z) => Math.max(1, z / 2))} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="rounded border px-2 py-0.5" onClick={() => setZoom(1)}>
          Fit
        </button>
        <span className="text-slate-500">×{zoom.toFixed(1)} · Ctrl+wheel to zoom · x axis: {layout.byTime ? "time (UTC)" : "line number"}</span>
        <span className="ml-auto flex flex-wrap gap-3">
          {Object.entries(MARKER_STYLE).map(([k, s]) => (
            <span key={k} className="flex items-center gap-1">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: s.fill }} />
              {s.label}
            </span>
          ))}
        </span>
      </div>
      <div className="flex overflow-hidden rounded-lg border border-slate-200 bg-white">
        <svg width={LABEL_W} height={height} className="shrink-0 border-r border-slate-200">
          {layout.lanes.map((lane, i) => (
            <text key={lane} x={8} y={AXIS_H + i * LANE_H + LANE_H / 2 + 4} className="fill-slate-700 text-xs" data-testid="timeline-lane">
              {lane.length > 18 ? `${lane.slice(0, 17)}…` : lane}
            </text>
          ))}
        </svg>
        <div ref={scroller} className="min-w-0 flex-1 overflow-x-auto">
          <svg width={width} height={height} role="img" aria-label="Incident timeline">
            {Array.from({ length: ticks + 1 }, (_, i) => {
              const x = (10 + ((BASE_W - 20) * i) / ticks) * zoom;
              return (
                <g key={i}>
                  <line x1={x} x2={x} y1={AXIS_H - 4} y2={height} stroke="#e2e8f0" />
                  {shownTick(i) && (
                    <text x={x + 2} y={14} className="fill-slate-500" fontSize={10}>
                      {tickLabel(i)}
                    </text>
                  )}
                </g>
              );
            })}
            {layout.lanes.map((lane, i) => (
              <line key={lane} x1={0} x2={width} y1={AXIS_H + i * LANE_H + LANE_H / 2} y2={AXIS_H + i * LANE_H + LANE_H / 2} stroke="#f1f5f9" strokeWidth={10} />
            ))}
            {layout.segments.map(({ boot, lane, start, end }) => (
              <rect
                key={boot.id}
                x={start * zoom}
                width={(end - start) * zoom}
                y={AXIS_H + lane * LANE_H + LANE_H / 2 - 6}
                height={12}
                rx={3}
                fill={boot.isKdumpCapture ? "#ddd6fe" : "#bbf7d0"}
                stroke={boot.isKdumpCapture ? "#7c3aed" : "#16a34a"}
                data-testid="timeline-boot"
              >
                <title>{`boot ${boot.id}: ${boot.kernelRelease ?? "unknown kernel"}${boot.startTime ? ` at ${boot.startTime}` : ""}`}</title>
              </rect>
            ))}
            {/* Drawing order: wide gap bands first, then agent ticks, then point markers, crashes on top (clickable). */}
            {[...layout.positioned].sort((a, b) => DRAW_ORDER.indexOf(a.ev.kind) - DRAW_ORDER.indexOf(b.ev.kind)).map(({ ev, lane, x }, i) => {
              const y = AXIS_H + lane * LANE_H + LANE_H / 2;
              const style = MARKER_STYLE[ev.kind] ?? MARKER_STYLE.info;
              const title = `${ev.label}${ev.time ? ` — ${ev.time}` : ""}\n${ev.source.file}:${ev.source.line}${ev.text ? `\n${ev.text}` : ""}`;
              const common = {
                onClick: () => select(ev),
                onKeyDown: (e: KeyboardEvent) => (e.key === "Enter" || e.key === " ") && select(ev),
                tabIndex: 0,
                role: "button",
                "aria-label": `${ev.label}, ${ev.source.file} line ${ev.source.line}`,
                className: "cursor-pointer focus:outline-2 focus:outline-blue-500",
                "data-testid": `timeline-marker-${ev.kind}`,
              };
              if (ev.kind === "gap") {
                const w = layout.byTime && ev.durationSec ? (layout.fx(Date.parse(ev.time!)) - layout.fx(Date.parse(ev.time!) - ev.durationSec * 1000)) * zoom : 6;
                return (
                  <rect key={i} x={x * zoom - w} width={Math.max(w, 3)} y={y - 10} height={20} fill="url(#gap-hatch)" fillOpacity={0.6} stroke="#94a3b8" {...common}>
                    <title>{title}</title>
                  </rect>
                );
              }
              if (ev.kind === "agent" || ev.kind === "info") {
                return (
                  <line key={i} x1={x * zoom} x2={x * zoom} y1={y - 14} y2={y + 14} stroke={style.fill} strokeWidth={2} {...common}>
                    <title>{title}</title>
                  </line>
                );
              }
              const r = ev.kind === "crash" ? 7 : 5;
              return ev.kind === "problem" || ev.kind === "warning" ? (
                <rect key={i} x={x * zoom - r} y={y - r} width={r * 2} height={r * 2} transform={`rotate(45 ${x * zoom} ${y})`} fill={style.fill} stroke="white" {...common}>
                  <title>{title}</title>
                </rect>
              ) : (
                <circle key={i} cx={x * zoom} cy={y} r={r} fill={style.fill} stroke="white" strokeWidth={1.5} {...common}>
                  <title>{title}</title>
                </circle>
              );
            })}
            <defs>
              <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" strokeWidth="2" />
              </pattern>
            </defs>
          </svg>
        </div>
      </div>
    </div>
  );
}
