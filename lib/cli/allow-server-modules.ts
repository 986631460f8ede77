/**
 * The CLI runs server functions (incident creation for `listen`, the list for `incidents list`) outside Next.
 * `server-only` is Next's marker that keeps such modules out of browser bundles: under Next's `react-server`
 * condition it resolves to an empty module, in plain Node it throws. A CLI process is a server, so the marker
 * resolves here the way it does in Next's server build: to nothing.
 */
import { register } from "node:module";

const HOOK = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;

let registered = false;

export function allowServerModules(): void {
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
  registered = true;
}
