/** Small helpers the triage stages share. */

/** Drops keys whose value is undefined (the JSON document never carries `"x": undefined`). */
export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
