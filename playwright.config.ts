import { defineConfig } from "@playwright/test";

/**
 * e2e against `next start` (scripts/run-e2e.mjs starts it and sets E2E_BASE_URL). Debian's Chromium: Playwright's
 * own browser download is not reachable from these machines.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // accounts.setup signs up the admin (first account), invites an editor and a viewer and saves their sessions;
  // the main specs use those sessions; the CVE import runs last because imported entries change later matches.
  projects: [
    { name: "accounts", testMatch: /accounts\.setup\.ts/ },
    { name: "main", testMatch: /\.spec\.ts$/, testIgnore: /cve-import\.spec\.ts/, dependencies: ["accounts"] },
    { name: "late", testMatch: /cve-import\.spec\.ts/, dependencies: ["main"] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    // The `request` fixture acts as the signed-in browser; browsers send Origin on writes, and the server refuses a
    // cookie-authenticated write without it.
    extraHTTPHeaders: { Origin: new URL(process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").origin },
    viewport: { width: 1400, height: 1000 },
    trace: "off",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
