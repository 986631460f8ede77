/**
 * The origin the browser used, for links we hand out (permalinks in Markdown, invitation links). Not `request.url`:
 * behind `next start` that names the server's own bind address (e.g. localhost) rather than what the user typed.
 * BETTER_AUTH_URL, when set, is the public URL (behind a proxy).
 */
export function publicOrigin(request: Request): string {
  if (process.env.BETTER_AUTH_URL) return new URL(process.env.BETTER_AUTH_URL).origin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(/:$/, "");
  return host ? `${proto}://${host}` : new URL(request.url).origin;
}
