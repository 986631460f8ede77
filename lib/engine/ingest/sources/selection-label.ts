import type { SourceSummary } from "../../types";

/** How an archive's or directory's members were picked, in a few words for a person (CLI text, incident page). */
export const SELECTION_LABEL: Record<NonNullable<SourceSummary["selection"]>, string> = {
  "support-archive": "support archive",
  "every-log": "bundle of logs",
};
