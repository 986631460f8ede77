/** Types of scripts/run-e2e.mjs (plain JS: the e2e runner, also used by benchmarks and the invite-race spec). */
export type TestServer = { baseUrl: string; env: Record<string, string | undefined>; dataDir: string; stop: () => Promise<void> };
export function startTestServer(extraEnv?: Record<string, string>, options?: { build?: boolean }): Promise<TestServer>;
export function freePort(): Promise<number>;
export function waitFor(url: string, ms: number): Promise<void>;
/** A fresh database: a SQLite file in `dataDir`, or a Postgres database on E2E_DATABASE_URL's server. */
export function throwAwayDatabase(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }>;
