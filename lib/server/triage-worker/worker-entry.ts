/**
 * What a pool worker thread runs (bundled to dist/node/triage-worker.mjs by scripts/build-cli.mjs): marks when the
 * task started, for the pool's time budget (a queued task's wait is not its work), then triages.
 */
import { getPriority, setPriority } from "node:os";
import { triageStoredInput, type StoredInput, type StoredTriage } from "./triage-stored-input";

export type TriageTask = { files: StoredInput[]; /** Float64 [0]: performance.timeOrigin + now() when started. */ started: SharedArrayBuffer };

/**
 * On Linux a priority set with pid 0 applies to the calling thread only: the triage thread yields the CPU to the
 * thread that answers page loads (elsewhere it would lower the whole server, so it is left alone).
 */
const TRIAGE_NICENESS = 10;
if (process.platform === "linux") setPriority(0, Math.min(19, getPriority(0) + TRIAGE_NICENESS));

export default async function runTriageTask(task: TriageTask): Promise<StoredTriage> {
  new Float64Array(task.started)[0] = performance.timeOrigin + performance.now();
  return triageStoredInput(task.files);
}
