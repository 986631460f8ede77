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

type HostRow = z.infer<typeof rowSchema>;

/** One stored host row, or why it cannot be read (damaged JSON, missing fields): `key: reason`. */
function readHostRow(key: string, value: string): { row: HostRow } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (e) {
    // JSON.parse refuses damaged text with SyntaxError; anything else propagates.
    if (!(e instanceof SyntaxError)) throw e;
    return { problem: `${key}: ${e.message}` };
  }
  const parsed = rowSchema.safeParse(json);
  return parsed.success ? { row: parsed.data } : { problem: `${key}: ${parsed.error.message}` };
}

export async function saveFleetHosts(db: Db, hosts: HostSummary[]): Promise<void> {
  if (hosts.length === 0) return;
  const existing = new Map(
    (await db.setting.findMany({ where: { key: { in: hosts.map((h) => PREFIX + h.host) } } })).map((r) => [r.key, r.value] as const),
  );
  const writes = hosts.map((h) => {
    const before = existing.get(PREFIX + h.host);
    const read = before === undefined ? undefined : readHostRow(PREFIX + h.host, before);
    // A damaged row is written afresh from what this save knows, and said so (it used to fail every save).
    if (read && "problem" in read) console.warn(`[oopscope] fleet hosts: rewriting a damaged row: ${read.problem}`);
    const prior = read && "row" in read ? read.row : undefined;
    const lastIncidentId = h.lastIncidentId ?? prior?.lastIncidentId;
    const value = JSON.stringify({
      firstSeen: prior?.firstSeen ?? new Date(h.firstSeen).toISOString(),
      lastSeen: new Date(h.lastSeen).toISOString(),
      lines: (prior?.lines ?? 0) + h.lines,
      via: h.via,
      ...(lastIncidentId ? { lastIncidentId } : {}),
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
    const read = readHostRow(r.key, r.value);
    if ("problem" in read) warnings.push(read.problem);
    else hosts.push({ host: r.key.slice(PREFIX.length), ...read.row, isLive: now - Date.parse(read.row.lastSeen) < LIVE_MS });
  }
  hosts.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  return { hosts, warnings };
}
