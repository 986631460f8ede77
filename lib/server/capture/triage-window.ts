/**
 * One capture window → one incident, through the upload path itself: the window's lines become the text of an
 * upload (`<host>.log`) handed to createIncidentFromRequest, so a captured crash is stored, triaged and listed
 * exactly like an uploaded one. A window already triaged (more of the same crash arrived) updates its incident.
 * The engine decides first, without the KB, whether the window holds anything (a window opened by a line that only
 * looked like a report header makes no incident).
 */
import "server-only";
import { formatCapturedLine } from "@/lib/capture/captured-line";
import type { WindowJob } from "@/lib/capture/host-windows";
import { createIncidentFromRequest } from "@/lib/server/incidents/create-incident";
import { replaceIncidentContent } from "@/lib/server/incidents/replace-incident-content";
import { runTriage } from "@/lib/server/run-triage";

export type WindowOutcome = { incidentId?: string; created: boolean; findings: number };

export function windowFileName(job: Pick<WindowJob, "host" | "lines">): string {
  const via = job.lines[job.lines.length - 1]?.via ?? "capture";
  return `${job.host.replace(/[^A-Za-z0-9._-]+/g, "_")}-${via}.log`;
}

export async function triageWindow(job: WindowJob): Promise<WindowOutcome> {
  const text = job.lines.map(formatCapturedLine).join("\n") + "\n";
  const bytes = new TextEncoder().encode(text);
  const name = windowFileName(job);
  const probe = await runTriage([{ name, data: bytes }], { withKb: false });
  if (probe.findings.length === 0) return { ...(job.incidentId ? { incidentId: job.incidentId } : {}), created: false, findings: 0 };
  const created = await createIncidentFromRequest(
    new Request("http://capture.invalid/api/incidents", {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8", "x-filename": encodeURIComponent(name), "content-length": String(bytes.length) },
      body: bytes,
    }),
    // Triaged here and now (the window's incident is updated right after); the capture service announces it.
    { inline: true, notify: false },
  );
  if (!job.incidentId) return { incidentId: created.id, created: true, findings: probe.findings.length };
  await replaceIncidentContent({ targetId: job.incidentId, sourceId: created.id });
  return { incidentId: job.incidentId, created: false, findings: probe.findings.length };
}
