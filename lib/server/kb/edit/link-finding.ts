/**
 * "Link finding to entry": the team says a finding is a known entry. The entry gains the finding's identifying
 * rules (exact title, guilty frame — the two that say most; a source file or component alone would over-match
 * other bugs) that it does not have yet, as a new revision, and stored incidents are re-matched.
 */
import type { Finding } from "../../../engine/types";
import type { KbEntry, SignatureRule } from "../../../kb/schema";
import type { Db } from "../../db";
import { rulesFromFinding } from "./draft-from-finding";
import { getKbEntry, saveKbEntry, type SaveKbEntryResult, type SaveOptions } from "./kb-store";

const LINKING_KINDS = new Set<SignatureRule["kind"]>(["title", "guilty-frame"]);

const sameRule = (a: SignatureRule, b: SignatureRule) => a.kind === b.kind && a.value === b.value;

/** The rules a link adds to `entry` (none when it already has them). */
export function rulesToLink(entry: KbEntry, finding: Finding): SignatureRule[] {
  return rulesFromFinding(finding).filter((r) => LINKING_KINDS.has(r.kind) && !entry.signatures.some((have) => sameRule(have, r)));
}

export type LinkFindingResult = { linked: false; reason: string } | ({ linked: true; added: SignatureRule[] } & SaveKbEntryResult);

export async function linkFindingToEntry(
  db: Db,
  input: { entryId: string; finding: Finding; incidentId: string; author: string },
  options: SaveOptions,
): Promise<LinkFindingResult> {
  const { entry, revision } = await getKbEntry(db, input.entryId);
  const added = rulesToLink(entry, input.finding);
  if (added.length === 0) return { linked: false, reason: `${entry.id} already has this finding's title and guilty-frame rules.` };
  const saved = await saveKbEntry(db, {
    id: entry.id,
    document: { ...entry, signatures: [...entry.signatures, ...added] },
    baseRevision: revision,
    message: `Linked finding “${input.finding.title}” from incident ${input.incidentId}`,
    author: input.author,
  }, options);
  return { linked: true, added, ...saved };
}
