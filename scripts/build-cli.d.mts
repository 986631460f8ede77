/** Types of scripts/build-cli.mjs (plain JS: it runs at npm install, before anything is compiled). */
export const CLI_DIR: string;
export const CLI_BUNDLE: string;
export const TRIAGE_WORKER_BUNDLE: string;
export function isCliBundleFresh(): boolean;
export function buildCli(): Promise<string>;
