/** What the pool sends a worker process, and what the process says back when it starts (kept apart from worker-entry.ts, whose loading lowers the loader's priority). */
import type { TriagedUpload } from "../incidents/incident-record";
import type { SavedUpload, SaveTarget } from "../jobs/save-triaged-upload";
import type { StoredInput } from "./triage-stored-input";

/** `save`: write the incident here (save-triaged-upload.ts) and answer only the outcome. */
export type TriageTask = { files: StoredInput[]; save?: SaveTarget };

/**
 * What a worker process answers: the incident as the JSON text the database stores, with what saving it needs
 * (incident-record.ts). As an object, a busy node's incident (~1 MB) was parsed from the message, cloned once more
 * inside the server and serialised again to be saved — four passes on the server's thread per upload; then one
 * parse; now none.
 */
export type PooledTriage<Answer = TriagedUpload | { saved: SavedUpload }> = Answer & {
  /** The engine's own wall time (`incident.stats.elapsedMs`). */
  engineMs: number;
  /** CPU time the process spent on the task (all its threads): beside the task's wall time, what waiting for a CPU cost. */
  cpuMs: number;
};

/** Sent by the process as it starts a task: the pool's time budget counts from there. */
export const TRIAGE_STARTED = "oopscope-triage-started";
