/** What the pool sends a worker process, and what the process says back when it starts (kept apart from worker-entry.ts, whose loading lowers the loader's priority). */
import type { StoredInput, StoredTriage } from "./triage-stored-input";

export type TriageTask = { files: StoredInput[] };

/**
 * What a worker process answers: the incident as the JSON text the database stores. A message between processes is
 * JSON anyway; as an object, a busy node's incident (~1 MB) was parsed from it, cloned once more inside the server
 * and serialised again to be saved — four passes on the server's thread per upload, now one parse.
 */
export type PooledTriage = Omit<StoredTriage, "incident" | "incidentJson"> & {
  incidentJson: string;
  /** CPU time the process spent on the task (all its threads): beside the task's wall time, what waiting for a CPU cost. */
  cpuMs: number;
};

/** Sent by the process as it starts a task: the pool's time budget counts from there. */
export const TRIAGE_STARTED = "oopscope-triage-started";
