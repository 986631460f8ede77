/**
 * Lines a terminal copy broke at the screen's width and padded: a console or `screen`/`tmux` pane shows a long
 * line as rows of W characters, and a copy of the pane's rows (the pane P columns wide, P > W) pads each row but
 * the last with spaces to P and runs them together on one line: `… at virtual addre<spaces>ss 00000004`,
 * `…/drivers/net<spaces>/wireless/ath/ath9k/beacon.c:642 ath9k_calculate_summary_state+0x250/0x60c [ath9<spaces>k]()`.
 * A header cut so keeps neither its path nor its function. The padding ends exactly at a multiple of P, the copy's
 * width, on every line of the copy; a column layout's runs of spaces (iwconfig, tables) do not, and one run alone
 * proves no width.
 */

/** Shortest run of padding taken for a break (a content row of W ≥ MIN_CONTENT leaves at least this much to P). */
const MIN_PAD = 16;
/** Narrowest content row: a narrower one is a layout's column, not a screen's width. */
const MIN_CONTENT = 60;
/** Breaks at the same width a window needs before any line is taken as a padded copy. */
const MIN_BREAKS = 2;
const PAD = " ".repeat(MIN_PAD);
const INTERIOR_PAD = new RegExp(`(\\S) {${MIN_PAD},}(?=\\S)`);

/** P of `raw` read alone: where its first interior run of padding ends, when the content before it is wide enough. */
function periodCandidate(raw: string): number | undefined {
  const m = INTERIOR_PAD.exec(raw);
  if (!m || m.index + 1 < MIN_CONTENT) return undefined;
  return m.index + m[0].length;
}

/** How often `raw` breaks at the multiples of `period` it reaches (each preceded by padding), or 0 when one is not. */
function breaksAt(raw: string, period: number): number {
  let breaks = 0;
  for (let at = period; at < raw.length; at += period, breaks++) {
    if (raw.slice(at - MIN_PAD, at) !== PAD) return 0;
  }
  return breaks;
}

/** The rows of `raw` (P columns each, the last one shorter), their padding dropped. */
function rowsOf(raw: string, period: number): string[] {
  const rows: string[] = [];
  for (let at = 0; at < raw.length; at += period) rows.push(raw.slice(at, at + period));
  return rows;
}

/**
 * `raws` with each padded line's rows run together without their padding (the same array when no line is padded).
 * A row keeps its first W characters, W being the widest row's content in the window, so a space the line had at a
 * row's end survives.
 */
export function unpadTerminalWraps(raws: readonly string[]): readonly string[] {
  let period = Infinity;
  for (const raw of raws) {
    if (!raw.includes(PAD)) continue;
    const p = periodCandidate(raw);
    // A run that also holds a space the line had at the next row's start ends past P: the smallest end is P.
    if (p !== undefined && p < period) period = p;
  }
  if (period === Infinity) return raws;
  const breaks = raws.map((raw) => (raw.includes(PAD) ? breaksAt(raw, period) : 0));
  // One break is one run of spaces ending where the next text starts: a column, unless another one confirms the width.
  if (breaks.reduce((a, b) => a + b, 0) < MIN_BREAKS) return raws;
  const padded = breaks.map((b) => b > 0);
  let width = MIN_CONTENT;
  raws.forEach((raw, i) => {
    if (padded[i]) for (const row of rowsOf(raw, period).slice(0, -1)) width = Math.max(width, row.trimEnd().length);
  });
  return raws.map((raw, i) => {
    if (!padded[i]) return raw;
    const rows = rowsOf(raw, period);
    return rows.map((row, r) => (r < rows.length - 1 ? row.slice(0, width) : row)).join("");
  });
}
