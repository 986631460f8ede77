/**
 * The vmcore reader's public surface (what input recognition, the CLI and the server use):
 * `detectVmcore(head)` by magic, `extractVmcoreLog(parts)` → `{ text, facts, warnings, error? }` (never throws on a
 * bad dump: `error` says why nothing could be read), `groupVmcoreParts(sources)` to put `--split` parts together.
 */
export { detectVmcore, detectVmcoreFormat } from "./detect-vmcore";
export { extractVmcoreLog } from "./extract-vmcore-log";
export { groupVmcoreParts } from "./group-vmcore-parts";
export type { VmcoreCpuState, VmcoreExtract, VmcoreFacts, VmcoreFormat } from "./types";
