/**
 * The network side of the capture: UDP sockets for netconsole and syslog, TCP servers for syslog (RFC 6587
 * framing). A netconsole socket also takes syslog datagrams (`<PRI>…`), so one port can serve both kinds of
 * sender. Endpoints are URLs: `udp://0.0.0.0:6666`, `tcp://127.0.0.1:6514`.
 */
import { createSocket, type Socket } from "node:dgram";
import { createServer, type Server } from "node:net";
import { isIP } from "node:net";
import { SyslogStreamFramer } from "@/lib/capture/syslog";
import type { CaptureService } from "./capture-service";

export type ListenProtocol = "netconsole" | "syslog";
export type ListenEndpoint = { protocol: ListenProtocol; transport: "udp" | "tcp"; host: string; port: number };

/** `udp://0.0.0.0:6666` → endpoint; throws a message fit for the command line on anything else. */
export function parseListenUrl(protocol: ListenProtocol, url: string): ListenEndpoint {
  const m = /^(udp|tcp):\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s]+):(\d{1,5})\/?$/.exec(url.trim());
  if (!m) throw new Error(`${protocol}: expected udp://HOST:PORT${protocol === "syslog" ? " or tcp://HOST:PORT" : ""}, got ${JSON.stringify(url)}`);
  const transport = m[1] as "udp" | "tcp";
  if (protocol === "netconsole" && transport !== "udp") throw new Error("netconsole: the kernel sends UDP only (udp://HOST:PORT)");
  const port = Number(m[3]);
  // Port 0 asks the system for a free port (tests; the chosen one is printed).
  if (port > 65535) throw new Error(`${protocol}: port ${port} is out of range`);
  return { protocol, transport, host: m[2].replace(/^\[|\]$/g, ""), port };
}

/** `OOPSCOPE_LISTEN="netconsole=udp://0.0.0.0:6666 syslog=tcp://0.0.0.0:6514"` (spaces or commas between). */
export function parseListenSpec(spec: string): ListenEndpoint[] {
  return spec
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf("=");
      const kind = eq > 0 ? item.slice(0, eq) : "netconsole";
      if (kind !== "netconsole" && kind !== "syslog") throw new Error(`OOPSCOPE_LISTEN: unknown kind ${JSON.stringify(kind)} (netconsole= or syslog=)`);
      return parseListenUrl(kind, eq > 0 ? item.slice(eq + 1) : item);
    });
}

export type RunningListeners = { addresses: string[]; close: () => Promise<void> };

const SYSLOG_DATAGRAM = /^<\d{1,3}>/;
/**
 * A kernel that starts netconsole replays its whole log buffer at once (~400 datagrams in a few ms), and a crash is
 * a burst too: the default socket buffer (rmem_default, 208 KiB ≈ 270 small datagrams) overflowed in the QEMU test
 * and lost the end of the boot. The kernel caps this at net.core.rmem_max.
 */
const UDP_RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
const MAX_TCP_CONNECTIONS = 1024;

function bindUdp(e: ListenEndpoint, service: CaptureService): Promise<Socket> {
  const socket = createSocket({ type: isIP(e.host) === 6 ? "udp6" : "udp4", reuseAddr: false, recvBufferSize: UDP_RECEIVE_BUFFER_BYTES });
  socket.on("message", (msg, rinfo) => {
    if (e.protocol === "syslog" || SYSLOG_DATAGRAM.test(msg.subarray(0, 5).toString("latin1"))) {
      for (const m of msg.toString("utf8").split("\n")) if (m.trim()) service.pushSyslog(rinfo.address, m);
    } else service.pushNetconsole(rinfo.address, msg);
  });
  socket.on("error", (err) => console.error(`[oopscope] ${e.protocol} udp://${e.host}:${e.port}:`, err.message));
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(e.port, e.host, () => {
      socket.off("error", reject);
      const granted = socket.getRecvBufferSize();
      if (granted < UDP_RECEIVE_BUFFER_BYTES / 4) console.warn(`[oopscope] ${e.protocol} udp://${e.host}:${e.port}: receive buffer ${granted} bytes (raise net.core.rmem_max): bursts may be dropped`);
      resolve(socket);
    });
  });
}

function bindTcp(e: ListenEndpoint, service: CaptureService): Promise<Server> {
  const server = createServer((conn) => {
    const framer = new SyslogStreamFramer();
    const address = conn.remoteAddress ?? "unknown";
    let warned = 0;
    const take = (frames: string[]) => {
      for (const f of frames) service.pushSyslog(address, f);
      for (; warned < framer.warnings.length; warned++) console.warn(`[oopscope] syslog from ${address}: ${framer.warnings[warned]}`);
    };
    conn.on("data", (chunk) => take(framer.push(chunk)));
    conn.on("end", () => take(framer.end()));
    conn.on("error", (err) => console.warn(`[oopscope] syslog connection from ${address}: ${err.message}`));
    conn.setTimeout(15 * 60_000, () => conn.destroy());
  });
  server.maxConnections = MAX_TCP_CONNECTIONS;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.port, e.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

export async function startListeners(endpoints: ListenEndpoint[], service: CaptureService): Promise<RunningListeners> {
  const closers: Array<() => Promise<void>> = [];
  const addresses: string[] = [];
  try {
    for (const e of endpoints) {
      if (e.transport === "udp") {
        const s = await bindUdp(e, service);
        const a = s.address();
        addresses.push(`${e.protocol} udp://${a.address}:${a.port}`);
        closers.push(() => new Promise((r) => s.close(() => r())));
      } else {
        const s = await bindTcp(e, service);
        const a = s.address();
        addresses.push(`${e.protocol} tcp://${typeof a === "object" && a ? `${a.address}:${a.port}` : String(a)}`);
        closers.push(() => new Promise((r) => s.close(() => r())));
      }
    }
  } catch (err) {
    await Promise.all(closers.map((c) => c()));
    throw err;
  }
  return { addresses, close: async () => void (await Promise.all(closers.map((c) => c()))) };
}
