/**
 * Next calls `register()` once when a server starts. With OOPSCOPE_LISTEN set (for example
 * `netconsole=udp://0.0.0.0:6666 syslog=tcp://0.0.0.0:6514`), the web server also runs the fleet capture's sockets,
 * sharing its capture service with the HTTP ingestion routes.
 */
export async function register(): Promise<void> {
  // The condition must stay this literal comparison: Next replaces NEXT_RUNTIME at build time, and the bundler then
  // leaves the Node-only import (sockets, SQLite) out of the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (!process.env.OOPSCOPE_LISTEN) return;
    const { startListenersFromEnv } = await import("./lib/server/capture/start-listeners-from-env");
    await startListenersFromEnv(process.env.OOPSCOPE_LISTEN);
  }
}
