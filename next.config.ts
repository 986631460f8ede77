import type { NextConfig } from "next";
import { contentSecurityPolicy } from "./lib/server/csp";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() for pages a role may not open (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // The build type-checks the app's own graph (tsconfig.build.json leaves out tests, e2e and scripts, which
  // `npm run typecheck` covers), so a tree with type errors never builds.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // tinypool starts its workers from a file next to its own module: it must stay a real package at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pg-boss", "tinypool"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      // Pages get their policy with a nonce from proxy.ts; API responses run no script.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ isDev: false }) }],
      },
    ];
  },
};

export default nextConfig;
