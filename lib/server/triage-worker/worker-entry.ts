/**
 * What a pool worker thread runs (bundled to dist/node/triage-worker.mjs by scripts/build-cli.mjs): marks when the
 * task started, for the pool's time budget (a queued task's wait is not its CPU), then triages.
 */
import { triageStoredInput, type StoredInput, type StoredTriage } from "./triage-stored-input";

export type TriageTask = { files: StoredInput[]; /** Float64 [0]: performance.timeOrigin + now() when started. */ started: SharedArrayBuffer };

export default async function runTriageTask(task: TriageTask): Promise<StoredTriage> {
  new Float64Array(task.started)[0] = performance.timeOrigin + performance.now();
  return triageStoredInput(task.files);
}
