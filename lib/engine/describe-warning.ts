/** One engine warning as a line of plain text (CLI, incident page, Markdown export). */
import type { IncidentWarning } from "./types";

/** `report at messages:120`, `window at messages:40-95`. */
export function warningLocation(w: IncidentWarning): string {
  const range = w.source.endLine !== undefined && w.source.endLine > w.source.line ? `-${w.source.endLine}` : "";
  return `${w.stage} at ${w.source.file}:${w.source.line}${range}`;
}
