/**
 * Next calls `register()` once when a server process starts:
 * - the orphaned-upload sweep and retention, at start and on a timer (lib/server/lifecycle/maintenance.ts);
 *   OOPSCOPE_MAINTENANCE=0 turns it off (e.g. on a node that only serves pages);
 * - on SQLite, the in-process job queue, which triages uploads a killed server left queued (lib/server/jobs/);
 * - with OOPSCOPE_DEBUG_TIMING=1, a log of the event loop's delay (lib/server/debug-timing.ts);
 * - with OOPSCOPE_LISTEN set (for example `netconsole=udp://0.0.0.0:6666 syslog=tcp://0.0.0.0:6514`), the fleet
 *   capture's sockets, sharing its capture service with the HTTP ingestion routes.
 */
export async function register(): Promise<void> {
  // The condition must stay this literal comparison: Next replaces NEXT_RUNTIME at build time, and the bundler then
  // leaves the Node-only imports (sockets, SQLite) out of the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startEventLoopMonitor } = await import("./lib/server/debug-timing");
    startEventLoopMonitor();
    if (process.env.OOPSCOPE_MAINTENANCE !== "0") {
      const { startServerMaintenance } = await import("./lib/server/lifecycle/start-server-maintenance");
      startServerMaintenance();
    }
    const { startJobQueueAtBoot } = await import("./lib/server/jobs/get-job-queue");
    await startJobQueueAtBoot();
    if (process.env.OOPSCOPE_LISTEN) {
      const { startListenersFromEnv } = await import("./lib/server/capture/start-listeners-from-env");
      await startListenersFromEnv(process.env.OOPSCOPE_LISTEN);
    }
  }
}
