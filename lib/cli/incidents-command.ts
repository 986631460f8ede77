/** `oopscope incidents list [--json] [--query WORDS] [--limit N]`: the incident list the web page shows. */
import { parseArgs } from "node:util";
import { allowServerModules } from "./allow-server-modules";

export const INCIDENTS_USAGE = "usage: oopscope incidents list [--json] [--query WORDS] [--limit N]";

export async function runIncidentsCommand(args: string[], prepareDb: () => Promise<void>): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" }, query: { type: "string", short: "q" }, limit: { type: "string" } } });
  if (sub !== "list") {
    process.stderr.write(INCIDENTS_USAGE + "\n");
    return 1;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    process.stderr.write("oopscope: --limit must be a whole number from 1 to 10000\n");
    return 1;
  }
  allowServerModules();
  await prepareDb();
  const { listIncidents } = await import("../server/incidents/list-incidents");
  const rows = await listIncidents({ query: values.query ?? "", limit });
  if (values.json) {
    process.stdout.write(JSON.stringify(rows.map((r) => ({ ...r, url: `/incidents/${r.id}` }))) + "\n");
    return 0;
  }
  for (const r of rows) {
    const when = r.createdAt.toISOString().replace("T", " ").slice(0, 19);
    process.stdout.write(`${r.id}  ${when}  ${String(r.findingCount).padStart(3)}  ${(r.hosts || "-").padEnd(20)}  ${r.title}\n`);
  }
  if (rows.length === 0) process.stderr.write("no incidents\n");
  return 0;
}
