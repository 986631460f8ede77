// Runs once when a server process starts: the orphaned-upload sweep and retention, at start and on a timer
// (lib/server/lifecycle/maintenance.ts). OOPSCOPE_MAINTENANCE=0 turns it off (e.g. on a node that only serves pages).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || process.env.OOPSCOPE_MAINTENANCE === "0") return;
  const { startServerMaintenance } = await import("./lib/server/lifecycle/start-server-maintenance");
  startServerMaintenance();
}
