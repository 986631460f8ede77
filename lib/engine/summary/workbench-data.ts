/**
 * What the workbench's timeline and log viewer draw from, and only that. The timeline is drawn in the browser only
 * (timeline.tsx), so as page props a busy node's ~95 KB (194 events, 145 findings' positions, 48 hosts) were
 * serialised into React's payload and again, escaped, into the HTML of every page load for nothing the server draws.
 * A big incident's browser fetches it once the page is up (`GET /api/incidents/:id/workbench`); a small one's goes
 * with the page (INLINE_WORKBENCH_MAX_CHARS). The page renders the lanes (`timelineLanes`), so the box has its height
 * before the data comes.
 */
import type { Boot, Finding, HostSummary, Incident, TimelineEvent } from "../types";

/**
 * A small incident's data goes with the page: below this (JSON characters) a second request costs the server more
 * (~11 ms of CPU: routing, access check, a query) than the bytes do in the page.
 */
export const INLINE_WORKBENCH_MAX_CHARS = 16_000;

/** Bumped when WorkbenchData changes shape: a browser keeps answers by URL, which carries it (`?v=`). */
export const WORKBENCH_FORMAT = 1;

export type WorkbenchFinding = Pick<Finding, "id" | "title" | "source" | "repeats" | "lastTime" | "lastSource">;

/** The first and last wall-clock time of the whole log (every host): the time axis spans it, not just the events. */
export type LogTimeSpan = { first?: string; last?: string };

export type WorkbenchData = {
  events: TimelineEvent[];
  boots: Boot[];
  findings: WorkbenchFinding[];
  span: LogTimeSpan;
};

/** One lane per host; a line without a host name goes to its file's lane. */
export const laneKey = (host: string | undefined, file: string) => host ?? `(${file})`;

/** The timeline's lanes in order: hosts as their boots and events first name them. */
export function timelineLanes(events: readonly Pick<TimelineEvent, "host" | "source">[], boots: readonly Pick<Boot, "host" | "source">[]): string[] {
  return [...new Set([...boots.map((b) => laneKey(b.host, b.source.file)), ...events.map((e) => laneKey(e.host, e.source.file))])];
}

/** Earliest `firstTime` and latest `lastTime` of the hosts that have a readable one. */
export function logTimeSpan(hosts: readonly HostSummary[]): LogTimeSpan {
  let first: { t: number; s: string } | undefined;
  let last: { t: number; s: string } | undefined;
  for (const h of hosts) {
    for (const s of [h.firstTime, h.lastTime]) {
      const t = s === undefined ? NaN : Date.parse(s);
      if (Number.isNaN(t)) continue;
      if (!first || t < first.t) first = { t, s: s! };
      if (!last || t > last.t) last = { t, s: s! };
    }
  }
  return { ...(first ? { first: first.s } : {}), ...(last ? { last: last.s } : {}) };
}

/**
 * The incident cut to what the workbench reads: an event's line text only when its label does not already say it
 * (an agent line's label is `program: text`), a boot without its banner and command line (its marker's title names
 * the release only), a finding's folded run only when it repeats.
 */
export function workbenchData(incident: Pick<Incident, "events" | "boots" | "findings" | "hosts">): WorkbenchData {
  return {
    events: incident.events.map((e) => ({
      kind: e.kind,
      host: e.host,
      time: e.time,
      source: e.source,
      label: e.label,
      ...(e.text !== undefined && !e.label.includes(e.text) ? { text: e.text } : {}),
      findingId: e.findingId,
      durationSec: e.durationSec,
    })),
    boots: incident.boots.map((b) => ({
      id: b.id,
      host: b.host,
      kernelRelease: b.kernelRelease,
      isKdumpCapture: b.isKdumpCapture,
      startTime: b.startTime,
      endTime: b.endTime,
      source: b.source,
      detectedBy: b.detectedBy,
    })),
    findings: incident.findings.map((f) => ({
      id: f.id,
      title: f.title,
      source: f.source,
      ...((f.repeats ?? 1) > 1 ? { repeats: f.repeats, lastTime: f.lastTime, lastSource: f.lastSource } : {}),
    })),
    span: logTimeSpan(incident.hosts),
  };
}
