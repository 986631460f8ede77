/** The KbEntry row columns derived from an entry document (the document itself is the source of truth). */
import type { KbEntry } from "../../kb/schema";

export function kbEntryColumns(entry: KbEntry, document: string = JSON.stringify(entry)) {
  return { title: entry.title, component: entry.component, origin: entry.origin, status: entry.status, document };
}
