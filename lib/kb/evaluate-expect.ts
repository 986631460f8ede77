/**
 * Judges one expectation of a real-corpus log (`EXPECT: kind=… | kb=…`) against the incident the engine produced:
 * a named entry must be the top match (not a related one) of some finding; `none-fits` must leave every finding
 * of that kind without a match at or above NONE_FITS_MAX_SCORE. Pure.
 */
import type { Incident } from "../engine/types";
import type { RealExpect } from "./corpus-cases";

/** A `none-fits` log may get candidates, never a match this strong. */
export const NONE_FITS_MAX_SCORE = 0.5;

export type ExpectOutcome = {
  /** The entry expected (`none-fits` when no entry should match). */
  expected: string;
  ok: boolean;
  /** What came first instead (or the offending match for none-fits). */
  got?: string;
};

/**
 * `kb-proposed=<id>` names an entry the thread's conclusion calls for: once the KB has it, it is the expectation.
 * Returns undefined for expectations that name no entry at all.
 */
export function expectedEntry(e: RealExpect, hasEntry: (id: string) => boolean): string | undefined {
  if (e.kbProposed && hasEntry(e.kbProposed)) return e.kbProposed;
  return e.kb;
}

export function evaluateExpect(incident: Incident, e: RealExpect, expected: string): ExpectOutcome {
  const ofKind = incident.findings.filter((f) => f.kind === e.kind);
  const pool = ofKind.length > 0 ? ofKind : incident.findings;
  if (expected === "none-fits") {
    // A log with several findings of one kind (three hung tasks: two waiting for RTNL, one holding it) says which
    // one no entry fits by its title: only that finding is held to it.
    const titled = e.title ? pool.filter((f) => f.title === e.title || f.syzkallerTitle === e.title || f.altTitles.includes(e.title!)) : [];
    return noStrongMatch(titled.length > 0 ? titled : pool, expected);
  }
  const tops = incident.findings.map((f) => f.matches.find((m) => !m.related)?.kbId);
  if (tops.includes(expected)) return { expected, ok: true };
  const got = pool.map((f) => f.matches.find((m) => !m.related)?.kbId).find(Boolean);
  return { expected, ok: false, got: got ?? "(no match)" };
}

function noStrongMatch(pool: Incident["findings"], expected: string): ExpectOutcome {
  const strong = pool.flatMap((f) => f.matches.filter((m) => !m.related && m.score >= NONE_FITS_MAX_SCORE));
  return strong.length === 0 ? { expected, ok: true } : { expected, ok: false, got: `${strong[0].kbId} ${strong[0].score}` };
}
