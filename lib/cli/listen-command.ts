/**
 * `oopscope listen --netconsole udp://0.0.0.0:6666 [--syslog udp://…|tcp://…]…`: the fleet capture beside the web
 * server, writing to the same database. Runs until SIGINT/SIGTERM, then triages what is still open.
 */
import { parseArgs } from "node:util";
import { allowServerModules } from "./allow-server-modules";

export const LISTEN_USAGE = `usage: oopscope listen [--netconsole udp://HOST:PORT]... [--syslog udp://HOST:PORT | tcp://HOST:PORT]...
                       [--settle-seconds N] [--quiet-seconds N]
  netconsole: classic and extended (netconsole=+…) kernel consoles; a netconsole port also takes syslog datagrams.
  syslog: RFC 5424 and RFC 3164 over UDP, or TCP with octet-counted or newline framing.
  A crash is triaged when its report ends (---[ end … ]--- and --settle-seconds without more, default 2) or when
  the host's report lines stop for --quiet-seconds (default 15): one crash, one incident.`;

export async function runListenCommand(args: string[], prepareDb: () => Promise<void>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      netconsole: { type: "string", multiple: true },
      syslog: { type: "string", multiple: true },
      "settle-seconds": { type: "string" },
      "quiet-seconds": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stderr.write(LISTEN_USAGE + "\n");
    return 0;
  }
  const seconds = (name: "settle-seconds" | "quiet-seconds"): number | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number of seconds`);
    return n * 1000;
  };
  allowServerModules();
  const { parseListenUrl, startListeners } = await import("../server/capture/listen-sockets");
  const endpoints = [
    ...(values.netconsole ?? []).map((u) => parseListenUrl("netconsole", u)),
    ...(values.syslog ?? []).map((u) => parseListenUrl("syslog", u)),
  ];
  if (endpoints.length === 0) {
    process.stderr.write(LISTEN_USAGE + "\n");
    return 1;
  }
  await prepareDb();
  const { getCaptureService, describeCaptureEvent } = await import("../server/capture/get-capture-service");
  const settleMs = seconds("settle-seconds");
  const quietMs = seconds("quiet-seconds");
  const service = getCaptureService({
    policy: { ...(settleMs !== undefined ? { settleMs } : {}), ...(quietMs !== undefined ? { quietMs } : {}) },
    log: (event) => process.stderr.write(`oopscope listen: ${describeCaptureEvent(event)}\n`),
  });
  const running = await startListeners(endpoints, service);
  process.stderr.write(`oopscope listen: ${running.addresses.join(", ")}\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.close();
  await service.stop();
  const s = service.stats;
  process.stderr.write(
    `oopscope listen: stopped; ${s.datagrams} messages, ${s.lines} lines, ${s.lostRecords} netconsole records lost, ${s.incidentsCreated} incidents created, ${s.incidentsUpdated} updated, ${s.errors} errors\n`,
  );
  return s.errors > 0 ? 1 : 0;
}
