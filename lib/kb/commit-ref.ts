/** How a fix's commit is shown: a hash shortened to 12 hex digits (git's usual), a PR reference (`org/repo#123`) whole. */
export function shortCommitRef(ref: string): string {
  return /^[0-9a-f]{13,40}$/i.test(ref) ? ref.slice(0, 12) : ref;
}
