/**
 * The process's capture service, wired to the real database: windows triaged through the upload path
 * (triage-window.ts), webhook notifications, hosts' last-seen times. One per process, cached on globalThis so the
 * web server's route handlers and its OOPSCOPE_LISTEN sockets share it.
 */
import "server-only";
import { getDb } from "@/lib/server/db";
import { notifyIncident } from "@/lib/server/notify/notify-incident";
import { CaptureService, type CaptureEvent, type CaptureServiceOptions } from "./capture-service";
import { saveFleetHosts } from "./fleet-hosts";
import { triageWindow } from "./triage-window";

const cache = globalThis as unknown as { oopscopeCapture?: CaptureService };

export type CaptureLog = (event: CaptureEvent) => void;

function describe(event: CaptureEvent): string {
  const where = `${event.job.host} (${event.job.lines.length} lines, ${event.job.reason})`;
  if (event.kind === "incident") return `${event.created ? "created" : "updated"} incident ${event.incidentId} for ${where}: ${event.findings} finding(s)`;
  if (event.kind === "nothing-found") return `no finding in the window of ${where}`;
  return `triage of ${where} failed, will retry: ${event.error.message}`;
}

export function getCaptureService(options: { log?: CaptureLog; policy?: CaptureServiceOptions["policy"] } = {}): CaptureService {
  if (cache.oopscopeCapture) return cache.oopscopeCapture;
  const service = new CaptureService({
    policy: options.policy,
    triage: triageWindow,
    saveHosts: (hosts) => saveFleetHosts(getDb(), hosts),
    onEvent: (event) => {
      if (options.log) options.log(event);
      else console.log(`[oopscope] capture: ${describe(event)}`);
      // Not awaited: a webhook retrying with backoff must not hold up the next crash's triage.
      if (event.kind === "incident") void notifyIncident(getDb(), event.incidentId).catch((e) => console.error("[oopscope] notification failed:", e));
    },
  });
  service.start();
  cache.oopscopeCapture = service;
  return service;
}

export { describe as describeCaptureEvent };
