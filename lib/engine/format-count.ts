/**
 * A count for people, digits grouped by three with commas (`16,384`), as `n.toLocaleString("en-US")` prints an
 * integer. Not through Intl: the first `toLocaleString` of a process loads ICU's number formatting (~25–60 ms of
 * CPU), which a CLI triage paid for one warning.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return n < 0 ? "-" + out : out;
}
