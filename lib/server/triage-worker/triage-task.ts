/** What the pool sends a worker process, and what the process says back when it starts (kept apart from worker-entry.ts, whose loading lowers the loader's priority). */
import type { StoredInput } from "./triage-stored-input";

export type TriageTask = { files: StoredInput[] };

/** Sent by the process as it starts a task: the pool's time budget counts from there. */
export const TRIAGE_STARTED = "oopscope-triage-started";
