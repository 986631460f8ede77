/**
 * A database read that every page load makes and that rarely changes (the access settings, whether any account
 * exists, the muted signatures), kept for a moment in this process: with Prisma's JS query compiler each query costs
 * ~3–4 ms of the server's CPU to compile, three of them ~10 ms of a busy incident page's ~65. A write in this process
 * forgets the value at once; one made by another process (another web node, the CLI) shows within `maxAgeMs`.
 * No `server-only`: the settings modules that forget values are shared with the CLI.
 */
export const RECENT_VALUE_MS = 1000;

export class RecentValue<T> {
  private value: { at: number; promise: Promise<T> } | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly maxAgeMs = RECENT_VALUE_MS,
  ) {}

  get(): Promise<T> {
    const now = performance.now();
    if (this.value && now - this.value.at < this.maxAgeMs) return this.value.promise;
    const promise = this.load();
    const entry = { at: now, promise };
    this.value = entry;
    // A failed read is not kept: the next caller reads again (and sees the error itself).
    promise.catch(() => {
      if (this.value === entry) this.value = undefined;
    });
    return promise;
  }

  forget(): void {
    this.value = undefined;
  }
}

const registry = globalThis as unknown as { oopscopeRecentValues?: Map<string, RecentValue<unknown>> };

/**
 * The process's one RecentValue named `name`. Next bundles route handlers and pages apart, each with its own copy of
 * the modules that hold these values: a write forgotten in the route's copy must be forgotten for the pages too.
 */
export function sharedRecentValue<T>(name: string, load: () => Promise<T>): RecentValue<T> {
  const values = (registry.oopscopeRecentValues ??= new Map());
  let value = values.get(name) as RecentValue<T> | undefined;
  if (!value) values.set(name, (value = new RecentValue(load)));
  return value;
}
