/**
 * Component names as logs, KB entries and users spell them: `cilium-agent` (the process), `cilium` (the project),
 * `Cilium`. Fixes are recorded per project, findings per process, so both normalise to the project name.
 */
export function normalizeComponent(name: string): string {
  return name.trim().toLowerCase().replace(/-(agent|operator|daemon)$/, "");
}

/** The version of `name` among `versions` (keys in any spelling), without a leading `v`. */
export function findComponentVersion(name: string, versions: Record<string, string> | undefined): string | undefined {
  if (!versions) return undefined;
  const want = normalizeComponent(name);
  for (const [k, v] of Object.entries(versions)) if (normalizeComponent(k) === want && v) return v.trim().replace(/^v/, "");
  return undefined;
}
