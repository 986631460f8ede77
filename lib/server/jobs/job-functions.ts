/**
 * What each kind of background job runs: a plain function of its stored input, called by run-background-job.ts in
 * whichever process works the queue. No `server-only`: `oopscope worker` imports it.
 */
import { runCveImportJob } from "../kb/cve-import-job";
import { rematchRecentIncidents } from "../kb/edit/rematch-incidents";
import type { JobFunctions } from "./run-background-job";

export const JOB_FUNCTIONS: JobFunctions = {
  rematch: (input, ctx) => rematchRecentIncidents(ctx.db, { limit: input.limit, onProgress: (done, total) => ctx.progress("re-matching", done, total) }),
  "cve-import": runCveImportJob,
};
