import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

/**
 * Same-origin only. 'unsafe-inline' scripts: Next streams the RSC payload in inline <script> tags (nonces would
 * force every page dynamic). Monaco is served from /monaco-vs and starts its workers from blob: URLs; its inline
 * styles need 'unsafe-inline' styles. 'unsafe-eval' only in development (React's dev tooling).
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
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

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() for pages a role may not open (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // `npm run typecheck` checks the whole project (CI runs it); the build would repeat it on 2 cores.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
