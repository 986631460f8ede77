/**
 * What every command shares, apart from main.ts's dispatch: the usage text and the CLI's one error mapper. bin/oopscope
 * runs `triage` without main.ts (lib/cli/triage-entry.ts, in the code-cached script), with these.
 */
import { DB_USAGE } from "./db-command";

export const USAGE = `usage:
  oopscope triage [--json | --jsonl] [--no-kb] <file | dir | ->...   triage logs, archives, journals, dumps; - reads stdin
  oopscope dmesg <vmcore>... [out]                                  the kernel log in a vmcore, as makedumpfile --dump-dmesg
  oopscope kb list [--json] [--origin builtin|team|imported]
  oopscope kb show <id> [--json]
  oopscope kb seed                                              load lib/kb/builtin/*.yaml into the database
  oopscope kb import-cve <vulns.tar.gz | vulns.git checkout>    import the kernel CVE team's records
${DB_USAGE}
  oopscope incidents list [--json] [--query WORDS] [--limit N]  incidents in the database, newest first
  oopscope upload --server URL [--token oops_…] FILE...         send logs, archives and dumps to a server (a dump: its log and facts only)
  oopscope listen --netconsole udp://HOST:PORT [--syslog udp://…|tcp://…]   capture crashes from the fleet
  oopscope worker [--concurrency N] [--log-jobs]                triage a team server's queued uploads (Postgres)
Database: DATABASE_URL, else <repo>/data/oopscope.db. triage matches with it when it exists and is up to date, else with
the built-in entries (it never creates a database); the kb and db commands create, migrate and seed it.`;

/**
 * Runs a command; the CLI's one error mapper (as http.ts is the server's): a throw is one line and exit 1; a bug also
 * shows its stack.
 */
export async function runCommand(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    process.stderr.write(`oopscope: ${e instanceof Error ? e.message : String(e)}\n`);
    if (isInternalError(e) && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

/** JavaScript's own error classes without a code (parseArgs' carry ERR_PARSE_ARGS_*): a bug, not a refusal. */
function isInternalError(e: unknown): e is Error {
  const builtin = e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError;
  return builtin && typeof (e as { code?: unknown }).code !== "string";
}
