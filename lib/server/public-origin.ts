/**
 * The origin the browser used, for links we hand out (permalinks in Markdown, invitation links) and for the
 * same-origin checks. Not `request.url`: behind `next start` that names the server's own bind address (e.g.
 * localhost) rather than what the user typed. BETTER_AUTH_URL, when set, is the public URL.
 *
 * X-Forwarded-Host/-Proto are believed only when the admin says a proxy is in front (OOPSCOPE_TRUST_PROXY=1):
 * `next start` passes a client's own X-Forwarded-* through untouched, so without a proxy anyone could choose the
 * host our invitation links and permalinks point at.
 */
export function trustsProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.OOPSCOPE_TRUST_PROXY ?? "");
}

export function publicOrigin(request: Request): string {
  if (process.env.BETTER_AUTH_URL) return new URL(process.env.BETTER_AUTH_URL).origin;
  const proxied = trustsProxy();
  const host = (proxied && request.headers.get("x-forwarded-host")) || request.headers.get("host");
  const forwardedProto = proxied ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwardedProto || new URL(request.url).protocol.replace(/:$/, "");
  return host ? `${proto}://${host}` : new URL(request.url).origin;
}
