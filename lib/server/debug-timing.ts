/**
 * OOPSCOPE_DEBUG_TIMING=1: where an upload's time and a page's time go, logged by the server (one line per upload or
 * page load, `[oopscope timing] …`), and the event loop's delay every 5 s. Off by default: it exists to find the
 * slow part of "upload → permalink" and of page loads under load (npm run bench:load sets it), not to monitor.
 * No `server-only`: the job code that records spans runs in `oopscope worker` too.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

export function isTimingOn(env: Record<string, string | undefined> = process.env): boolean {
  return env.OOPSCOPE_DEBUG_TIMING === "1";
}

/** CPU time of this whole process (every thread), in ms. */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

type Span = { name: string; ms: number; cpuMs?: number };

/**
 * Named consecutive spans from one start: `mark(name)` ends the span running since the previous mark. Each span has
 * its wall time and the CPU time this process spent meanwhile (on a busy machine, wall ≫ CPU is time spent waiting
 * for a CPU; the CPU time counts everything the process did meanwhile, other requests included).
 */
export class Spans {
  private readonly start = performance.now();
  private readonly startCpu = processCpuMs();
  private last = this.start;
  private lastCpu = this.startCpu;
  private readonly parts: Span[] = [];

  constructor(readonly label: string) {}

  mark(name: string): void {
    const now = performance.now();
    const cpu = processCpuMs();
    this.parts.push({ name, ms: now - this.last, cpuMs: cpu - this.lastCpu });
    this.last = now;
    this.lastCpu = cpu;
  }

  /** A span measured elsewhere (another process), listed as it is; it does not move the running start. */
  add(name: string, ms: number): void {
    this.parts.push({ name, ms });
  }

  /** `name=12ms(cpu 3) …, total=40ms(cpu 10)`. */
  summary(): string {
    const total: Span = { name: "total", ms: this.last - this.start, cpuMs: this.lastCpu - this.startCpu };
    return [...this.parts, total].map(({ name, ms, cpuMs }) => `${name}=${ms.toFixed(0)}ms${cpuMs === undefined ? "" : `(cpu ${cpuMs.toFixed(0)})`}`).join(" ");
  }

  log(): void {
    console.log(`[oopscope timing] ${this.label}: ${this.summary()}`);
  }
}

const cache = globalThis as unknown as { oopscopeUploadSpans?: Map<string, Spans>; oopscopeLoopMonitor?: NodeJS.Timeout };
/**
 * Spans of uploads in flight in this process, by upload id: the request, the job and the pool add to the same. On
 * globalThis: Next bundles the route handler and instrumentation.ts (which starts the job queue) apart, each with its
 * own copy of this module.
 */
const uploads = (cache.oopscopeUploadSpans ??= new Map<string, Spans>());

/** The spans of an upload (made on first use); undefined while timing is off. */
export function uploadSpans(uploadId: string): Spans | undefined {
  if (!isTimingOn()) return undefined;
  let spans = uploads.get(uploadId);
  if (!spans) uploads.set(uploadId, (spans = new Spans(`upload ${uploadId}`)));
  return spans;
}

/** Logs an upload's spans and forgets them. */
export function endUploadSpans(uploadId: string): void {
  uploads.get(uploadId)?.log();
  uploads.delete(uploadId);
}

/** Spans for one page load; undefined while timing is off. */
export function pageSpans(label: string): Spans | undefined {
  return isTimingOn() ? new Spans(label) : undefined;
}

/** Logs the event loop's delay (p50/p99/max over the last 5 s) while timing is on; once per process. */
export function startEventLoopMonitor(): void {
  if (!isTimingOn() || cache.oopscopeLoopMonitor) return;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  cache.oopscopeLoopMonitor = setInterval(() => {
    if (histogram.count > 0) {
      const ms = (ns: number) => (ns / 1e6).toFixed(0);
      console.log(`[oopscope timing] event loop delay: p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms`);
    }
    histogram.reset();
  }, 5000);
  cache.oopscopeLoopMonitor.unref();
}
