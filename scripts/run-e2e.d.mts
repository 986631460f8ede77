/** Types of scripts/run-e2e.mjs (plain JS: the e2e runner, also used by benchmarks and the invite-race spec). */
export type TestServer = { baseUrl: string; env: Record<string, string | undefined>; dataDir: string; stop: () => Promise<void> };
export function startTestServer(extraEnv?: Record<string, string>, options?: { build?: boolean }): Promise<TestServer>;
