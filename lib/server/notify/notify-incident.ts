/**
 * After a capture creates or updates an incident: a webhook message for each finding whose signature was never
 * seen in another incident ("new signature"), and for each finding matched to a knowledge-base entry on a host
 * that no other incident had with that entry ("new host hit by a known bug"). Muted signatures send nothing.
 * The body is Slack-compatible (`text` + `blocks`); other chat tools with Slack-style webhooks take it too.
 */
import type { Db } from "../db";
import { deliverWebhook, type DeliverWebhookOptions, type WebhookDelivery } from "./deliver-webhook";
import { getNotifySettings } from "./notify-settings";

export type NotificationEvent = {
  kind: "new-signature" | "new-host-known-bug";
  signature: string;
  title: string;
  host?: string;
  kbId?: string;
  incidentId: string;
};

/** Per process: an incident updated again (more of the same crash) does not announce the same finding twice. */
const announced = (globalThis as unknown as { oopscopeAnnounced?: Set<string> });
const ANNOUNCED_LIMIT = 10_000;

function alreadyAnnounced(key: string): boolean {
  const set = (announced.oopscopeAnnounced ??= new Set());
  if (set.has(key)) return true;
  if (set.size >= ANNOUNCED_LIMIT) set.delete(set.values().next().value as string);
  set.add(key);
  return false;
}

export async function findNotificationEvents(db: Db, incidentId: string): Promise<NotificationEvent[]> {
  const findings = await db.findingRecord.findMany({ where: { incidentId }, select: { signature: true, title: true, host: true, topKbId: true } });
  const events: NotificationEvent[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const elsewhere = { incidentId: { not: incidentId } };
    if (!seen.has(`s:${f.signature}`) && (await db.findingRecord.count({ where: { ...elsewhere, signature: f.signature } })) === 0) {
      events.push({ kind: "new-signature", signature: f.signature, title: f.title, incidentId, ...(f.host ? { host: f.host } : {}), ...(f.topKbId ? { kbId: f.topKbId } : {}) });
    } else if (f.topKbId && f.host && !seen.has(`h:${f.topKbId}:${f.host}`) && (await db.findingRecord.count({ where: { ...elsewhere, topKbId: f.topKbId, host: f.host } })) === 0) {
      events.push({ kind: "new-host-known-bug", signature: f.signature, title: f.title, host: f.host, kbId: f.topKbId, incidentId });
    }
    seen.add(`s:${f.signature}`);
    if (f.topKbId && f.host) seen.add(`h:${f.topKbId}:${f.host}`);
  }
  return events;
}

/** Slack's escaping for text: only &, < and > are special. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(event: NotificationEvent, publicUrl: string): { text: string; blocks: unknown[] } {
  const link = `${publicUrl.replace(/\/+$/, "")}/incidents/${event.incidentId}`;
  const where = event.host ? ` on ${escapeSlack(event.host)}` : "";
  const headline =
    event.kind === "new-signature"
      ? `New crash signature${where}: ${escapeSlack(event.title)}`
      : `Known bug ${escapeSlack(event.kbId ?? "")} hit a new host${where}: ${escapeSlack(event.title)}`;
  const text = `${headline} <${link}|open incident>`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${headline}*` } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `signature \`${event.signature}\`${event.kbId ? ` · KB ${escapeSlack(event.kbId)}` : ""} · <${link}|open incident>` }],
      },
    ],
  };
}

export type NotifyIncidentOptions = Pick<DeliverWebhookOptions, "fetchImpl" | "sleep" | "baseDelayMs" | "maxAttempts">;

export async function notifyIncident(db: Db, incidentId: string, options: NotifyIncidentOptions = {}): Promise<WebhookDelivery[]> {
  const settings = await getNotifySettings(db);
  if (!settings.webhookUrl) return [];
  const muted = new Set(settings.mutes.map((m) => m.signature));
  const events = (await findNotificationEvents(db, incidentId)).filter(
    (e) => !muted.has(e.signature) && !alreadyAnnounced(`${e.incidentId}:${e.kind}:${e.signature}:${e.host ?? ""}`),
  );
  const deliveries: WebhookDelivery[] = [];
  for (const e of events) {
    deliveries.push(
      await deliverWebhook({ ...options, url: settings.webhookUrl, body: slackMessage(e, settings.publicUrl), summary: `${e.kind}: ${e.title}` }),
    );
  }
  return deliveries;
}
