/**
 * Machines seen by the capture (netconsole, syslog, shippers, journal upload) and when, for the live-hosts page.
 * Kept in the `Setting` key/value table under `fleet.host:<name>` (one small JSON row per host), written at most
 * every few seconds per host, so `oopscope listen` and the web server (separate processes) share it.
 */
import { z } from "zod";
import type { HostSummary } from "@/lib/capture/host-windows";
import type { Db } from "../db";

const PREFIX = "fleet.host:";

export type FleetHost = { host: string; firstSeen: string; lastSeen: string; lines: number; via: string; lastIncidentId?: string; isLive: boolean };

/** A host counts as live when it sent something in the last five minutes. */
export const LIVE_MS = 5 * 60_000;

const rowSchema = z.object({
  firstSeen: z.string(),
  lastSeen: z.string(),
  lines: z.number(),
  via: z.string(),
  lastIncidentId: z.string().optional(),
});

export async function saveFleetHosts(db: Db, hosts: HostSummary[]): Promise<void> {
  if (hosts.length === 0) return;
  const existing = new Map(
    (await db.setting.findMany({ where: { key: { in: hosts.map((h) => PREFIX + h.host) } } })).map((r) => [r.key, r.value] as const),
  );
  const writes = hosts.map((h) => {
    const before = existing.get(PREFIX + h.host);
    const prior = before ? rowSchema.safeParse(JSON.parse(before)) : undefined;
    const value = JSON.stringify({
      firstSeen: prior?.success ? prior.data.firstSeen : new Date(h.firstSeen).toISOString(),
      lastSeen: new Date(h.lastSeen).toISOString(),
      lines: (prior?.success ? prior.data.lines : 0) + h.lines,
      via: h.via,
      ...((h.lastIncidentId ?? (prior?.success ? prior.data.lastIncidentId : undefined)) ? { lastIncidentId: h.lastIncidentId ?? (prior?.success ? prior.data.lastIncidentId : undefined) } : {}),
    });
    return db.setting.upsert({ where: { key: PREFIX + h.host }, create: { key: PREFIX + h.host, value }, update: { value } });
  });
  await db.$transaction(writes);
}

/** Every host ever seen, most recently seen first; a row that does not parse is reported, not hidden. */
export async function listFleetHosts(db: Db, now: number = Date.now()): Promise<{ hosts: FleetHost[]; warnings: string[] }> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  const hosts: FleetHost[] = [];
  const warnings: string[] = [];
  for (const r of rows) {
    let json: unknown;
    try {
      json = JSON.parse(r.value);
    } catch (e) {
      warnings.push(`${r.key}: ${(e as Error).message}`);
      continue;
    }
    const parsed = rowSchema.safeParse(json);
    if (parsed.success) hosts.push({ host: r.key.slice(PREFIX.length), ...parsed.data, isLive: now - Date.parse(parsed.data.lastSeen) < LIVE_MS });
    else warnings.push(`${r.key}: ${parsed.error.message}`);
  }
  hosts.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  return { hosts, warnings };
}
