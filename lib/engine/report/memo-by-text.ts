/**
 * A pure function of one string, remembered. A crash storm prints the same frame lines, function names and titles
 * thousands of times; each is then read once. Bounded: texts longer than `maxTextLength` are not kept, and the cache is
 * dropped whole when it holds `maxEntries` (no LRU bookkeeping on the hot path).
 */
export function memoByText<T>(fn: (text: string) => T, { maxEntries = 8192, maxTextLength = 512 } = {}): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (typeof text === "string" && text.length <= maxTextLength) {
      if (cache.size >= maxEntries) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}
