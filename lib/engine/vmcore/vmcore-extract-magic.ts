/**
 * The first line of a vmcore extract (vmcore-extract-file.ts). Apart from the reader so that input recognition
 * (ingest/sources/magic.ts) does not load the reader's JSON validation (zod) for every plain log.
 */
export const VMCORE_EXTRACT_MAGIC = "#oopscope-vmcore-extract v1\n";
