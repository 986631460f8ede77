/**
 * The live capture: receivers push lines in (netconsole datagrams, syslog messages, shipper records), per-host
 * windows decide when a crash is complete (lib/capture/host-windows.ts), and a timer triages due windows one at a
 * time (the engine is CPU-bound; one at a time keeps a crash storm from starving the web server), creates or
 * updates their incidents, sends notifications and records hosts' last-seen times. One per process
 * (`getCaptureService`): `oopscope listen` and the web server each have their own.
 */
import { normalizeHostName, type CapturedLine } from "@/lib/capture/captured-line";
import { HostWindows, type HostSummary, type WindowJob, type WindowPolicy } from "@/lib/capture/host-windows";
import { NetconsoleReceiver, parseNetconsoleDatagram } from "@/lib/capture/netconsole";
import { parseSyslogMessage } from "@/lib/capture/syslog";

export type WindowTriage = (job: WindowJob) => Promise<{ incidentId?: string; created: boolean; findings: number }>;

export type CaptureEvent =
  | { kind: "incident"; job: WindowJob; incidentId: string; created: boolean; findings: number }
  | { kind: "nothing-found"; job: WindowJob }
  | { kind: "error"; job: WindowJob; error: Error };

export type CaptureServiceOptions = {
  policy?: Partial<WindowPolicy>;
  triage: WindowTriage;
  /** Called after each job (notifications, logging); its errors are logged, never thrown into the capture. */
  onEvent?: (event: CaptureEvent) => Promise<void> | void;
  /** Persists hosts' last-seen times (the `lines` field is the count since the previous call). */
  saveHosts?: (hosts: HostSummary[]) => Promise<void>;
  now?: () => number;
  tickMs?: number;
  saveHostsEveryMs?: number;
};

export type CaptureStats = { datagrams: number; lines: number; incidentsCreated: number; incidentsUpdated: number; nothingFound: number; errors: number; lostRecords: number };

type SourceState = { receiver: NetconsoleReceiver; lastAt: number };

/** Netconsole senders tracked at once (UDP source addresses cost nothing to forge); the quietest is dropped past it. */
const MAX_SOURCES = 10_000;

function parseNetconsoleSeq(bytes: Uint8Array): string {
  const d = parseNetconsoleDatagram(bytes);
  return d.kind === "extended" ? String(d.header.seq) : "?";
}

export class CaptureService {
  readonly windows: HostWindows;
  readonly stats: CaptureStats = { datagrams: 0, lines: 0, incidentsCreated: 0, incidentsUpdated: 0, nothingFound: 0, errors: 0, lostRecords: 0 };
  private readonly sources = new Map<string, SourceState>();
  private readonly options: CaptureServiceOptions;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastHostSave = 0;
  private readonly savedLines = new Map<string, number>();

  constructor(options: CaptureServiceOptions) {
    this.options = options;
    this.windows = new HostWindows(options.policy);
    this.now = options.now ?? Date.now;
  }

  pushLines(lines: CapturedLine[]): void {
    const now = this.now();
    for (const l of lines) this.windows.push(l, now);
    this.stats.lines += lines.length;
  }

  /** A netconsole datagram from `address` (its IP names the host: netconsole carries no host name). */
  pushNetconsole(address: string, bytes: Uint8Array): void {
    const now = this.now();
    this.stats.datagrams++;
    let s = this.sources.get(address);
    if (!s) {
      if (this.sources.size >= MAX_SOURCES) this.dropQuietestSource();
      this.sources.set(address, (s = { receiver: new NetconsoleReceiver(), lastAt: now }));
    }
    s.lastAt = now;
    const lostBefore = s.receiver.lostRecords;
    this.pushNetconsoleLines(address, s.receiver.push(bytes, now), now);
    // Extended netconsole numbers its records: a gap is a loss on the way (or a full socket buffer) — said, not hidden.
    if (s.receiver.lostRecords > lostBefore) {
      this.stats.lostRecords += s.receiver.lostRecords - lostBefore;
      console.warn(`[oopscope] netconsole ${address}: ${s.receiver.lostRecords - lostBefore} record(s) missing before seq ${parseNetconsoleSeq(bytes)}`);
    }
  }

  private dropQuietestSource(): void {
    let quietest: [string, SourceState] | undefined;
    for (const entry of this.sources) if (!quietest || entry[1].lastAt < quietest[1].lastAt) quietest = entry;
    if (quietest) {
      this.pushNetconsoleLines(quietest[0], quietest[1].receiver.flush(), this.now());
      this.sources.delete(quietest[0]);
    }
  }

  private pushNetconsoleLines(address: string, lines: ReturnType<NetconsoleReceiver["push"]>, now: number): void {
    const host = normalizeHostName(address);
    this.pushLines(
      lines.map((l) => ({
        host,
        time: now,
        text: l.text,
        program: "kernel",
        via: "netconsole" as const,
        ...(l.uptime !== undefined ? { uptime: l.uptime } : {}),
        ...(l.level !== undefined ? { level: l.level } : {}),
      })),
    );
  }

  /** One syslog message (a UDP datagram or a TCP frame) from `address`; its HOSTNAME names the host when present. */
  pushSyslog(address: string, message: string): void {
    const now = this.now();
    this.stats.datagrams++;
    const m = parseSyslogMessage(message, now);
    const text = m.message;
    if (!text) return;
    this.pushLines([
      {
        host: normalizeHostName(m.hostname ?? address),
        time: m.time ?? now,
        text,
        via: "syslog",
        ...(m.app ? { program: m.app } : {}),
        ...(m.severity !== undefined ? { level: m.severity } : {}),
      },
    ]);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.tickMs ?? 500);
    this.timer.unref();
  }

  /** Stops the timer, then triages every open window that still has untriaged report lines. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.tick({ force: true });
  }

  /** One round: flush quiet netconsole partial lines, triage due windows, save hosts. Rounds never overlap. */
  tick(options: { force?: boolean } = {}): Promise<void> {
    if (this.running) return this.running;
    this.running = this.runTick(options.force ?? false).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runTick(force: boolean): Promise<void> {
    const now = this.now();
    const quietMs = Math.min(1000, this.windows.policy.settleMs);
    for (const [address, s] of this.sources) {
      if (force || now - s.lastAt >= quietMs) {
        const lines = s.receiver.flush();
        if (lines.length) this.pushNetconsoleLines(address, lines, now);
      }
    }
    const jobs = this.windows.due(force ? Number.POSITIVE_INFINITY : now);
    for (const job of jobs) await this.runJob(job);
    if (force || now - this.lastHostSave >= (this.options.saveHostsEveryMs ?? 5000)) {
      this.lastHostSave = now;
      await this.saveHosts();
    }
  }

  private async runJob(job: WindowJob): Promise<void> {
    let event: CaptureEvent;
    try {
      const r = await this.options.triage(job);
      this.windows.settled(job, r.incidentId);
      if (r.incidentId && r.findings > 0) {
        if (r.created) this.stats.incidentsCreated++;
        else this.stats.incidentsUpdated++;
        event = { kind: "incident", job, incidentId: r.incidentId, created: r.created, findings: r.findings };
      } else {
        this.stats.nothingFound++;
        event = { kind: "nothing-found", job };
      }
    } catch (e) {
      // Any failure costs only this window: counted, retried by windows.failed and reported as an error event.
      this.windows.failed(job);
      this.stats.errors++;
      event = { kind: "error", job, error: e as Error };
    }
    try {
      await this.options.onEvent?.(event);
    } catch (e) {
      // A failing listener (log sink, notification) must not stop the capture; it is logged.
      console.error("[oopscope] capture event handler failed:", e);
    }
  }

  private async saveHosts(): Promise<void> {
    if (!this.options.saveHosts) return;
    const changed: HostSummary[] = [];
    for (const h of this.windows.summaries()) {
      const before = this.savedLines.get(h.host) ?? 0;
      if (h.lines === before) continue;
      changed.push({ ...h, lines: h.lines - before });
      this.savedLines.set(h.host, h.lines);
    }
    try {
      await this.options.saveHosts(changed);
    } catch (e) {
      // Last-seen times are advisory: a failed write is logged and its counts are kept for the next save.
      for (const h of changed) this.savedLines.set(h.host, (this.savedLines.get(h.host) ?? 0) - h.lines);
      console.error("[oopscope] could not record hosts' last-seen times:", e);
    }
  }
}
