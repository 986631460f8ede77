/**
 * Failed sign-in budgets, keyed by account (`account:<email>`) or by known device (`device:<id>`). better-auth limits
 * attempts per client address, but the address comes from X-Forwarded-For, which a client talking to `next start`
 * directly can vary at will; a per-account budget stops password guessing against one account whatever addresses it
 * comes from. In memory: one server process.
 */
const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 20;

const failures = new Map<string, number[]>();

function recent(email: string, now: number): number[] {
  const kept = (failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
  if (kept.length === 0) failures.delete(email);
  else failures.set(email, kept);
  return kept;
}

/** Seconds until the account may try again, or 0. */
export function signInRetryAfter(key: string, now = Date.now()): number {
  const times = recent(key, now);
  if (times.length < MAX_FAILURES_PER_ACCOUNT) return 0;
  return Math.ceil((times[0] + WINDOW_MS - now) / 1000);
}

export function recordSignInFailure(key: string, now = Date.now()): void {
  failures.set(key, [...recent(key, now), now]);
}

export function clearSignInFailures(key: string): void {
  failures.delete(key);
}
