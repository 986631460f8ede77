/**
 * The Content-Security-Policy. Pages get a per-request script nonce (proxy.ts): Next puts it on its inline RSC
 * payload scripts; script files come from our own origin ('self': Next's chunks, Monaco's AMD loader and the
 * worker code it importScripts() from /monaco-vs — 'strict-dynamic' would drop 'self' and break those imports in
 * blob: workers). No 'unsafe-inline' scripts. Styles keep 'unsafe-inline': Monaco sets inline styles and injects <style> elements.
 * Monaco starts its workers from blob: URLs. 'unsafe-eval' only in development (React's dev tooling).
 * Without a nonce (API responses, static files) no script may run at all.
 */
export function contentSecurityPolicy({ nonce, isDev }: { nonce?: string; isDev: boolean }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}'` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${isDev && nonce ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
