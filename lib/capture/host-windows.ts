/**
 * Per-host state of a live capture: a bounded ring of recent lines per machine, and at most one open *window*
 * around a crash or problem report. A window opens at a line the engine's own tables say can start a report or a
 * problem event (REPORT_PREFILTER, PROBLEM_EVENT_RULES needles: a new class needs no change here), takes the ring as
 * context, and collects every following line. It is due for triage when the report completed (an `---[ end …`
 * marker, then `settleMs` without more report lines, so a panic right after an Oops joins it) or when report lines
 * stopped for `quietMs` (a node that reset mid-report sends nothing more). After triage the window stays attached
 * to its incident for `lingerMs`, so lines that continue the same crash update that incident instead of opening a
 * second one. Time is passed in (`now`), so tests drive it without waiting.
 */
import { PROBLEM_EVENT_RULES } from "../engine/events/problem-events";
import { REPORT_PREFILTER } from "../engine/report/classes";
import type { CapturedLine } from "./captured-line";

export type WindowPolicy = {
  /** Lines kept per host while nothing is open (the context a window starts with). */
  ringLines: number;
  ringBytes: number;
  /** A window stops growing here (marked truncated). */
  maxWindowLines: number;
  settleMs: number;
  quietMs: number;
  lingerMs: number;
  /** A window that already has an incident is re-triaged at most this often (a problem event repeating every 10 s). */
  updateIntervalMs: number;
  /** Hosts tracked; the one seen least recently without an open window is forgotten past it. */
  maxHosts: number;
};

export const DEFAULT_WINDOW_POLICY: WindowPolicy = {
  ringLines: 2000,
  ringBytes: 1 << 20,
  maxWindowLines: 20_000,
  settleMs: 2_000,
  quietMs: 15_000,
  lingerMs: 120_000,
  updateIntervalMs: 60_000,
  maxHosts: 10_000,
};

/** Lines that end a report: the kernel's `---[ end trace … ]---` / `---[ end Kernel panic … ]---`, and a panic's reboot notice. */
export const REPORT_END_MARKERS: readonly RegExp[] = [/---\[ end [^\]]*\]---/, /^Rebooting in \d+ seconds/];
/** A kernel starting: the previous boot's window is over. */
const BOOT_MARKER = /^Linux version \d/;

const EVENT_RULES = PROBLEM_EVENT_RULES.filter((r) => !r.timelineOnly);
const EVENT_NEEDLES = EVENT_RULES.map((r) => r.needle);

/** The line can start a crash report or a problem event, by the engine's tables. */
export function isReportStart(text: string): boolean {
  return REPORT_PREFILTER.test(text) || EVENT_NEEDLES.some((n) => text.includes(n));
}

export function isReportEnd(text: string): boolean {
  return REPORT_END_MARKERS.some((r) => r.test(text));
}

/**
 * A one-line problem event (`unregister_netdevice: waiting for lo to become free`) is complete as printed. Many
 * repeat every few seconds for as long as the problem lasts, so waiting for them to go quiet would never end.
 */
export function isOneLineEvent(text: string): boolean {
  return EVENT_RULES.some((r) => text.includes(r.needle) && r.pattern.test(text));
}

type Window = {
  id: number;
  lines: CapturedLine[];
  truncated: boolean;
  openedAt: number;
  lastLineAt: number;
  lastReportAt: number;
  completedAt?: number;
  /** A `---[ end … ]---` arrived since the last triage: an update may not wait for updateIntervalMs. */
  markerSinceTriage: boolean;
  dirty: boolean;
  inFlight: boolean;
  lastTriageAt?: number;
  incidentId?: string;
  /** The machine rebooted after this window: no more lines join it; it goes once triaged. */
  sealed: boolean;
};

type HostState = {
  host: string;
  ring: CapturedLine[];
  ringBytes: number;
  firstSeen: number;
  lastSeen: number;
  lines: number;
  via: CapturedLine["via"];
  bootId?: string;
  /** The open window (last) and any sealed ones still waiting for triage. */
  windows: Window[];
  lastIncidentId?: string;
};

export type WindowJob = {
  host: string;
  windowId: number;
  reason: "complete" | "quiet" | "update";
  lines: CapturedLine[];
  truncated: boolean;
  /** The incident this window already produced (update it), if any. */
  incidentId?: string;
};

export type HostSummary = {
  host: string;
  firstSeen: number;
  lastSeen: number;
  lines: number;
  via: CapturedLine["via"];
  openWindow: boolean;
  lastIncidentId?: string;
};

function openWindow(h: HostState): Window | undefined {
  const last = h.windows[h.windows.length - 1];
  return last && !last.sealed ? last : undefined;
}

export class HostWindows {
  private readonly hosts = new Map<string, HostState>();
  private nextWindowId = 1;
  readonly policy: WindowPolicy;

  constructor(policy: Partial<WindowPolicy> = {}) {
    this.policy = { ...DEFAULT_WINDOW_POLICY, ...policy };
  }

  push(line: CapturedLine, now: number): void {
    const h = this.hostState(line, now);
    h.lastSeen = now;
    h.lines++;
    h.via = line.via;
    const rebooted = (line.bootId !== undefined && h.bootId !== undefined && line.bootId !== h.bootId) || BOOT_MARKER.test(line.text);
    if (line.bootId !== undefined) h.bootId = line.bootId;
    if (rebooted) this.sealWindows(h);

    this.addToRing(h, line);
    const starts = isReportStart(line.text);
    const marker = isReportEnd(line.text);
    const ends = marker || isOneLineEvent(line.text);
    const w = openWindow(h);
    if (w) {
      if (w.lines.length < this.policy.maxWindowLines) w.lines.push(line);
      else w.truncated = true;
      w.lastLineAt = now;
      if (starts || ends) {
        w.lastReportAt = now;
        w.dirty = true;
      }
      if (ends) w.completedAt = now;
      if (marker) w.markerSinceTriage = true;
      return;
    }
    if (!starts) return;
    h.windows.push({
      id: this.nextWindowId++,
      lines: [...h.ring],
      truncated: false,
      openedAt: now,
      lastLineAt: now,
      lastReportAt: now,
      markerSinceTriage: marker,
      dirty: true,
      inFlight: false,
      sealed: false,
      ...(ends ? { completedAt: now } : {}),
    });
  }

  /** A reboot: windows still waiting for triage are due at once (the node reset mid-report); the rest close. */
  private sealWindows(h: HostState): void {
    h.windows = h.windows.filter((w) => w.dirty || w.inFlight);
    for (const w of h.windows) {
      w.sealed = true;
      w.lastReportAt = -Infinity;
    }
  }

  /** Windows to triage now (marked in flight until `settled`), and windows whose linger ran out closed. */
  due(now: number): WindowJob[] {
    const jobs: WindowJob[] = [];
    for (const h of this.hosts.values()) {
      h.windows = h.windows.filter((w) => w.dirty || w.inFlight || (!w.sealed && now - w.lastReportAt < this.policy.lingerMs));
      for (const w of h.windows) {
        if (w.inFlight || !w.dirty) continue;
        const settled = w.completedAt !== undefined && now - Math.max(w.completedAt, w.lastReportAt) >= this.policy.settleMs;
        const quiet = now - w.lastReportAt >= this.policy.quietMs;
        if (!settled && !quiet) continue;
        if (w.incidentId && w.lastTriageAt !== undefined && now - w.lastTriageAt < this.policy.updateIntervalMs && !w.markerSinceTriage && !w.sealed) continue;
        w.dirty = false;
        w.markerSinceTriage = false;
        w.inFlight = true;
        w.lastTriageAt = now;
        jobs.push({
          host: h.host,
          windowId: w.id,
          reason: w.incidentId ? "update" : settled ? "complete" : "quiet",
          lines: [...w.lines],
          truncated: w.truncated,
          ...(w.incidentId ? { incidentId: w.incidentId } : {}),
        });
      }
    }
    return jobs;
  }

  /**
   * The outcome of a job: the incident it created or updated, or none (the engine found nothing: the line that
   * opened the window was not a report after all, and the window closes).
   */
  settled(job: WindowJob, incidentId: string | undefined): void {
    const h = this.hosts.get(job.host);
    const w = h?.windows.find((x) => x.id === job.windowId);
    if (!h || !w) return;
    w.inFlight = false;
    if (incidentId) {
      w.incidentId = incidentId;
      h.lastIncidentId = incidentId;
    }
    const finished = w.sealed ? !w.dirty : !w.incidentId && !w.dirty;
    if (finished) h.windows = h.windows.filter((x) => x !== w);
  }

  /** A job failed (database down…): its window becomes due again. */
  failed(job: WindowJob): void {
    const w = this.hosts.get(job.host)?.windows.find((x) => x.id === job.windowId);
    if (w) {
      w.inFlight = false;
      w.dirty = true;
    }
  }

  summaries(): HostSummary[] {
    return [...this.hosts.values()].map((h) => ({
      host: h.host,
      firstSeen: h.firstSeen,
      lastSeen: h.lastSeen,
      lines: h.lines,
      via: h.via,
      openWindow: openWindow(h) !== undefined,
      ...(h.lastIncidentId ? { lastIncidentId: h.lastIncidentId } : {}),
    }));
  }

  /** Lines held in rings and windows (for the bound checks in tests and the listener's status line). */
  heldLines(): number {
    let n = 0;
    for (const h of this.hosts.values()) n += h.ring.length + h.windows.reduce((a, w) => a + w.lines.length, 0);
    return n;
  }

  private hostState(line: CapturedLine, now: number): HostState {
    let h = this.hosts.get(line.host);
    if (h) return h;
    if (this.hosts.size >= this.policy.maxHosts) this.forgetOldestHost();
    h = { host: line.host, ring: [], ringBytes: 0, firstSeen: now, lastSeen: now, lines: 0, via: line.via, windows: [] };
    this.hosts.set(line.host, h);
    return h;
  }

  private forgetOldestHost(): void {
    let oldest: HostState | undefined;
    for (const h of this.hosts.values()) if (h.windows.length === 0 && (!oldest || h.lastSeen < oldest.lastSeen)) oldest = h;
    if (oldest) this.hosts.delete(oldest.host);
  }

  private addToRing(h: HostState, line: CapturedLine): void {
    h.ring.push(line);
    h.ringBytes += line.text.length;
    // Trimmed in batches: shifting one line at a time would copy the ring on every line.
    if (h.ring.length > this.policy.ringLines * 1.25 || h.ringBytes > this.policy.ringBytes * 1.25) {
      let drop = Math.max(0, h.ring.length - this.policy.ringLines);
      let bytes = h.ringBytes;
      for (let i = 0; i < drop; i++) bytes -= h.ring[i].text.length;
      while (bytes > this.policy.ringBytes && drop < h.ring.length - 1) bytes -= h.ring[drop++].text.length;
      h.ring.splice(0, drop);
      h.ringBytes = bytes;
    }
  }
}
