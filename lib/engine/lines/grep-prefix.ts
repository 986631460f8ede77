/**
 * `grep -r` output pasted as a log: every line carries the file it came from. Matches end the name with `:`,
 * `-A`/`-B`/`-C` context lines with `-`, and `grep -n` adds the line number the same way (`file:12:` / `file-12-`).
 * `cd /var/log && grep -r …` prints relative names (`messages-20240901:`, `./messages:`). A relative name is only
 * taken before a full syslog or ISO date: a bare word before `[ 12.3]` or `<4>` is more likely a tag than a file.
 */
const DATE_AHEAD = String.raw`[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}\b|\d{4}-\d{2}-\d{2}[T ]\d`;
// Line numbers have at most 7 digits: `messages-20240901-Aug 16` is a context line of `messages-20240901`, not
// line 20240901 of `messages`.
const SEPARATOR = String.raw`(?:([:-])\d{1,7}\2|[:-])`;
const ABSOLUTE = new RegExp(String.raw`^(\/[^\s:]+?)${SEPARATOR}(?=${DATE_AHEAD}|\[\s*\d+\.\d+\]|<\d>)`);
const RELATIVE = new RegExp(String.raw`^((?:\.\.?\/)?[\w][^\s:]*?)${SEPARATOR}(?=${DATE_AHEAD})`);

/** The grep prefix of a line: the file name and the prefix's length, or undefined. */
export function parseGrepPrefix(line: string): { file: string; length: number } | undefined {
  const c0 = line.charCodeAt(0);
  const m = c0 === 47 /* / */ ? ABSOLUTE.exec(line) : RELATIVE.exec(line);
  return m ? { file: m[1], length: m[0].length } : undefined;
}

