"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Boot, TimelineEvent } from "@/lib/engine/types";
import { clusterMarkers } from "./cluster-markers";
import { foldedRunEnd, placeFoldedRuns, type FoldedRun } from "./folded-run-spans";
import { laneKey, type WorkbenchData } from "@/lib/engine/summary/workbench-data";

type Props = {
  /** The lanes (timelineLanes), drawn before `data` comes: the box has its height from the start. */
  lanes: string[];
  /** What is drawn on the lanes; undefined while the browser fetches it. */
  data: WorkbenchData | undefined;
  /** Line counts per file: the axis of a log without dates spans every line. */
  files: { name: string; lines: number }[];
  /** Input name → index, to open the viewer at an event's line. */
  fileIndexOf: (file: string) => number;
  onSelect: (fileIndex: number, line: number) => void;
};

const LANE_H = 44;
const LABEL_W = 130;
/** Width at zoom 1 before the box is measured; then the box's own width (a phone gets a phone-wide axis). */
const DEFAULT_W = 900;
const AXIS_H = 24;
/** Markers closer than this (px, at the current zoom) are drawn as one cluster. */
const CLUSTER_PX = 12;
/** A folded run narrower than this (px, at the current zoom) is left to its marker. */
const MIN_RUN_PX = 6;
/** A run's count is written over it when it is at least this wide (px). */
const RUN_COUNT_MIN_PX = 40;
/** Room an axis label needs (`08-13 15:59:23`): fewer ticks on a narrow axis, none cut at the edges. */
const TICK_SPACING_PX = 140;

type Positioned = { ev: TimelineEvent; lane: number; x: number };
type Segment = { boot: Boot; lane: number; start: number; end: number };

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

/**
 * One lane per host; boots are segments, crashes/problems markers, downtime gaps hatched, agent lines thin ticks.
 * The x axis is wall-clock time when every event has one, otherwise line order within each file (dmesg without dates).
 */
const NO_EVENTS: TimelineEvent[] = [];
const NO_BOOTS: Boot[] = [];
const NO_RUNS: FoldedRun[] = [];

export function Timeline({ lanes, data, files, fileIndexOf, onSelect }: Props) {
  const events = data?.events ?? NO_EVENTS;
  const boots = data?.boots ?? NO_BOOTS;
  const runs = data?.findings ?? NO_RUNS;
  const logSpan = data?.span;
  const [zoom, setZoom] = useState(1);
  // Null until the box is measured in the browser: the chart is drawn there only. Drawn on the server at a guessed
  // width, it was redrawn at the real one at once, and it was the biggest part of a busy incident's page (~170 KB of
  // the HTML, 48 lanes): server time spent on every page load for markup thrown away.
  const [measuredW, setMeasuredW] = useState<number | null>(null);
  const BASE_W = measuredW ?? DEFAULT_W;
  // Drawn once the box is measured and the data has come (lib/engine/summary/workbench-data.ts).
  const isDrawn = measuredW !== null && data !== undefined;
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setMeasuredW(Math.max(240, el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const zoomRef = useRef(zoom);
  useEffect(() => {
    zoomRef.current = zoom;
  }, [zoom]);

  const layout = useMemo(() => {
    const byTime = events.length > 0 && events.every((e) => e.time && !Number.isNaN(Date.parse(e.time)));
    const runById = new Map(runs.map((r) => [r.id, r]));
    // Before the box is measured (on the server) and the data is fetched only the lanes are drawn: nothing is placed.
    if (!isDrawn) return { lanes, positioned: [] as Positioned[], segments: [] as Segment[], byTime, min: 0, max: 1, fx: (v: number) => v, runById };
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
      // A folded run may end after everything else the lane shows.
      ...events.flatMap((e) => (e.findingId ? [foldedRunEnd(e, runById.get(e.findingId), byTime)] : [])).filter((v): v is number => v !== undefined),
      ...events.filter((e) => e.kind === "gap" && byTime && e.durationSec).map((e) => value(e.time, e.source.line) - (e.durationSec ?? 0) * 1000),
      ...boots.flatMap((b) => [value(b.startTime, b.source.line, b.source.file), ...(b.endTime ? [value(b.endTime, b.source.line, b.source.file)] : [])]),
      // The whole log, not only where something happened: its first and last dated line, or its first and last line.
      ...(byTime
        ? [logSpan?.first, logSpan?.last].flatMap((t) => (t && !Number.isNaN(Date.parse(t)) ? [Date.parse(t)] : []))
        : files.flatMap((f) => (f.lines > 0 ? [1, f.lines] : []))),
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
      return { boot: b, lane, start, end: Math.max(end, start + 4) } satisfies Segment;
    });
    return { lanes, positioned, segments, byTime, min, max, fx, runById };
  }, [lanes, events, boots, logSpan, files, runs, BASE_W, isDrawn]);

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
  // About one tick per label width at any zoom; labels equal to the previous one (short line spans) are left out.
  const ticks = Math.min(400, Math.max(1, Math.floor(((BASE_W - 20) * zoom) / TICK_SPACING_PX)));
  const tickLabel = (i: number) => {
    const v = layout.min + ((layout.max - layout.min) * i) / ticks;
    return layout.byTime ? new Date(v).toISOString().slice(5, 19).replace("T", " ") : `line ${Math.round(v)}`;
  };
  const shownTick = (i: number) => i === 0 || tickLabel(i) !== tickLabel(i - 1);
  const select = (ev: TimelineEvent) => onSelect(fileIndexOf(ev.source.file), ev.source.line);
  const gaps = layout.positioned.filter((p) => p.ev.kind === "gap");
  const clusters = clusterMarkers(
    layout.positioned.filter((p) => p.ev.kind !== "gap").map((p) => ({ item: p.ev, lane: p.lane, x: p.x * zoom })),
    CLUSTER_PX,
    (ev) => DRAW_ORDER.indexOf(ev.kind),
  ).sort((a, b) => DRAW_ORDER.indexOf(a.top.item.kind) - DRAW_ORDER.indexOf(b.top.item.kind));
  const runSpans = placeFoldedRuns({
    markers: layout.positioned.filter((p) => p.ev.kind !== "gap").map((p) => ({ item: p.ev, lane: p.lane, x: p.x * zoom })),
    runs: layout.runById,
    byTime: layout.byTime,
    xOf: (v) => layout.fx(v) * zoom,
    minWidthPx: MIN_RUN_PX,
  });
  const describe = (ev: TimelineEvent) => `${ev.label}${ev.time ? ` — ${ev.time}` : ""}\n${ev.source.file}:${ev.source.line}${ev.text ? `\n${ev.text}` : ""}`;
  const markerProps = (ev: TimelineEvent, label: string, extraClass = "") => ({
    onClick: () => select(ev),
    onKeyDown: (e: KeyboardEvent) => (e.key === "Enter" || e.key === " ") && select(ev),
    tabIndex: 0,
    role: "button",
    "aria-label": label,
    className: `cursor-pointer focus:outline-2 focus:outline-blue-500 ${extraClass}`,
    "data-testid": `timeline-marker-${ev.kind}`,
  });

  return (
    <div className="space-y-2" data-testid="timeline">
      <div className="flex flex-wrap items-center gap-2 text-xs">
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
        <svg width={LABEL_W} height={height} className="hidden shrink-0 border-r border-slate-200 sm:block">
          {layout.lanes.map((lane, i) => (
            <text key={lane} x={8} y={AXIS_H + i * LANE_H + LANE_H / 2 + 4} className="fill-slate-700 text-xs" data-testid="timeline-lane">
              {lane.length > 18 ? `${lane.slice(0, 17)}…` : lane}
            </text>
          ))}
        </svg>
        <div ref={scroller} className="min-w-0 flex-1 overflow-x-auto">
          {!isDrawn ? (
            <div style={{ height }} />
          ) : (
            <svg width={width} height={height} role="img" aria-label="Incident timeline">
              {Array.from({ length: ticks + 1 }, (_, i) => {
                const x = (10 + ((BASE_W - 20) * i) / ticks) * zoom;
                return (
                  <g key={i}>
                    <line x1={x} x2={x} y1={AXIS_H - 4} y2={height} className="stroke-slate-200" />
                    {shownTick(i) && (
                      // The first label starts at its tick, the last ends at it: none is cut by the box's edges.
                      <text x={x} y={14} className="fill-slate-500" fontSize={10} textAnchor={i === 0 ? "start" : i === ticks ? "end" : "middle"} data-testid="timeline-tick">
                        {tickLabel(i)}
                      </text>
                    )}
                  </g>
                );
              })}
              {layout.lanes.map((lane, i) => (
                <g key={lane}>
                  <line x1={0} x2={width} y1={AXIS_H + i * LANE_H + LANE_H / 2} y2={AXIS_H + i * LANE_H + LANE_H / 2} className="stroke-slate-100" strokeWidth={10} />
                  {/* On a phone the lane names sit inside the chart (no label column). */}
                  <text x={4} y={AXIS_H + i * LANE_H + 10} className="fill-slate-500 sm:hidden" fontSize={10}>
                    {lane.length > 40 ? `${lane.slice(0, 39)}…` : lane}
                  </text>
                </g>
              ))}
              {layout.segments.map(({ boot, lane, start, end }) => (
                <rect
                  key={boot.id}
                  x={start * zoom}
                  width={(end - start) * zoom}
                  y={AXIS_H + lane * LANE_H + LANE_H / 2 - 6}
                  height={12}
                  rx={3}
                  className={boot.isKdumpCapture ? "fill-violet-200 stroke-violet-600" : "fill-green-200 stroke-green-600"}
                  data-testid="timeline-boot"
                >
                  <title>{`boot ${boot.id}: ${boot.kernelRelease ?? "unknown kernel"}${boot.startTime ? ` at ${boot.startTime}` : ""}`}</title>
                </rect>
              ))}
              {/* Gap bands first (wide, underneath), then clusters of markers, the most severe drawn last (on top). */}
              {gaps.map(({ ev, lane, x }, i) => {
                const y = AXIS_H + lane * LANE_H + LANE_H / 2;
                const w = layout.byTime && ev.durationSec ? (layout.fx(Date.parse(ev.time!)) - layout.fx(Date.parse(ev.time!) - ev.durationSec * 1000)) * zoom : 6;
                return (
                  <rect key={`gap-${i}`} x={x * zoom - w} width={Math.max(w, 3)} y={y - 10} height={20} fill="url(#gap-hatch)" fillOpacity={0.6} {...markerProps(ev, `${ev.label}, ${ev.source.file} line ${ev.source.line}`, "stroke-slate-400")}>
                    <title>{describe(ev)}</title>
                  </rect>
                );
              })}
              {/* Folded runs under the markers: a bar from the first occurrence to the last, which it opens. */}
              {runSpans.map(({ event, lane, x1, x2, repeats, last, lastTime }) => {
                const y = AXIS_H + lane * LANE_H + LANE_H / 2;
                const fill = (MARKER_STYLE[event.kind] ?? MARKER_STYLE.info).fill;
                const label = `${event.label}: ${repeats} times until ${last.file} line ${last.line}`;
                return (
                  <g
                    key={`run-${event.findingId}`}
                    onClick={() => onSelect(fileIndexOf(last.file), last.line)}
                    onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(fileIndexOf(last.file), last.line)}
                    tabIndex={0}
                    role="button"
                    aria-label={label}
                    className="cursor-pointer focus:outline-2 focus:outline-blue-500"
                    data-testid="timeline-run"
                    data-repeats={repeats}
                  >
                    {/* The bar is thin: a clear band around it takes the clicks. */}
                    <rect x={x1} width={x2 - x1} y={y - 8} height={16} fill="transparent" />
                    <rect x={x1} width={x2 - x1} y={y - 3} height={6} rx={3} fill={fill} fillOpacity={0.35} />
                    <line x1={x2} x2={x2} y1={y - 8} y2={y + 8} stroke={fill} strokeWidth={2} />
                    {x2 - x1 > RUN_COUNT_MIN_PX && (
                      <text x={(x1 + x2) / 2} y={y - 7} fontSize={10} textAnchor="middle" className="pointer-events-none fill-slate-600">
                        ×{repeats}
                      </text>
                    )}
                    <title>{`${label}${event.time && lastTime ? `\n${event.time} → ${lastTime}` : ""}`}</title>
                  </g>
                );
              })}
              {clusters.map(({ lane, x, members, top }, i) => {
                const ev = top.item;
                const y = AXIS_H + lane * LANE_H + LANE_H / 2;
                const style = MARKER_STYLE[ev.kind] ?? MARKER_STYLE.info;
                const more = members.length - 1;
                const title = members.map((m) => describe(m.item)).join("\n\n");
                const label = `${ev.label}, ${ev.source.file} line ${ev.source.line}${more ? `, and ${more} more here` : ""}`;
                const isPoint = ev.kind !== "agent" && ev.kind !== "info";
                const props = { ...markerProps(ev, label, isPoint ? "stroke-white" : ""), "data-cluster-size": members.length };
                const r = ev.kind === "crash" ? 7 : 5;
                const shape =
                  ev.kind === "agent" || ev.kind === "info" ? (
                    <line x1={x} x2={x} y1={y - 14} y2={y + 14} stroke={style.fill} strokeWidth={2} {...props}>
                      <title>{title}</title>
                    </line>
                  ) : ev.kind === "problem" || ev.kind === "warning" ? (
                    <rect x={x - r} y={y - r} width={r * 2} height={r * 2} transform={`rotate(45 ${x} ${y})`} fill={style.fill} {...props}>
                      <title>{title}</title>
                    </rect>
                  ) : (
                    <circle cx={x} cy={y} r={r} fill={style.fill} strokeWidth={1.5} {...props}>
                      <title>{title}</title>
                    </circle>
                  );
                return (
                  <g key={i}>
                    {shape}
                    {more > 0 && (
                      <text x={x + r + 2} y={y - r} fontSize={10} className="pointer-events-none fill-slate-700" data-testid="timeline-cluster-count">
                        +{more}
                      </text>
                    )}
                  </g>
                );
              })}
              <defs>
                <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <line x1="0" y1="0" x2="0" y2="6" className="stroke-slate-400" strokeWidth="2" />
                </pattern>
              </defs>
            </svg>
          )}
        </div>
      </div>
    </div>
  );
}
